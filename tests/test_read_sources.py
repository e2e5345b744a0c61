"""kg.read.sources: a mix of inputs, each read or rejected with its reason, duplicates resolved."""

from __future__ import annotations

import gzip
import json
import socket
import sys
from pathlib import Path

import pytest

from kg.read.identity import normalize_url, url_slug
from kg.read.sources import DwFolder, Read, Rejection, collect, iter_sources

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "web"))
from webfixtures import NEWS_JSONLD, PARAGRAPHS, news_page, rss_feed, warc_file

CANONICAL = "https://news.example.org/weather/2024/storm-floods-nordhafen"
OTHER = [
    "The council met on Wednesday to decide how the town will pay for the repairs to the harbour and the "
    "old town, and agreed to ask the state government for emergency funds within the next two weeks.",
    "Shop owners in the old town said they hope to reopen before Easter, but several of them still have no "
    "electricity and wait for the insurers' experts to look at the damage to their buildings.",
    "The mayor thanked the volunteers who had filled sandbags through the night and said the town would "
    "invite them all to a celebration once the streets were dry again and the ferry was running.",
]


def page_version(modified: str, paragraphs: list[str] = PARAGRAPHS, url: str = CANONICAL) -> str:
    data = dict(NEWS_JSONLD, dateModified=modified, mainEntityOfPage=url)
    return news_page(jsonld=data, paragraphs=paragraphs).replace(CANONICAL, url)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "dw" / "some-article").mkdir(parents=True)
    (root / "dw" / "some-article" / "article.txt").write_text("DW text", encoding="utf-8")
    pages = root / "pages"
    pages.mkdir()
    (pages / "a.html").write_text(page_version("2024-03-06T09:00:00+01:00"), encoding="utf-8")
    (pages / "a-old.html.gz").write_bytes(gzip.compress(page_version("2024-03-05T09:00:00+01:00").encode()))
    (pages / "syndicated.htm").write_text(
        page_version("2024-03-05T10:00:00+01:00", url="https://other.example.com/storm"), encoding="utf-8"
    )
    (pages / "council.html").write_text(
        page_version("2024-03-07T10:00:00+01:00", OTHER, "https://news.example.org/council"), encoding="utf-8"
    )
    (pages / "a_files").mkdir()
    (pages / "a_files" / "style.css").write_text("body{}", encoding="utf-8")
    (pages / ".DS_Store").write_bytes(b"\x00\x01")
    day = "Mon, 04 Mar 2024 20:15:00 GMT"
    items = [
        {"title": NEWS_JSONLD["headline"], "link": CANONICAL, "date": day, "summary": "A storm.",
         "categories": ["Coast"]},
        {"title": "Ferry stays closed", "link": "https://news.example.org/ferry", "date": day,
         "summary": "The ferry to the islands stays closed until further notice, the operator said."},
        {"title": "Undated", "link": "https://news.example.org/undated", "summary": "No date here."},
    ]  # fmt: skip
    (root / "feed.xml").write_bytes(rss_feed(items))
    (root / "broken.rss").write_bytes(rss_feed(items)[:250])
    crawled = page_version("2024-03-08", OTHER[::-1], "https://news.example.org/warc-page").encode()
    warc = warc_file(
        [
            ("https://news.example.org/warc-page", "text/html", crawled, "200 OK"),
            ("https://img.example.org/x.png", "image/png", b"\x89PNG", "200 OK"),
        ]
    )
    (root / "crawl.warc.gz").write_bytes(warc)
    (root / "cut.warc.gz").write_bytes(warc[:-120])
    (root / "notes.txt").write_text(
        "---\nheadline: Notes on the storm\ndatePublished: 2024-03-09\n---\n" + OTHER[0][::-1],
        encoding="utf-8",
    )
    (root / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    index = (
        '<html lang="en"><head><title>Example News</title><script type="application/ld+json">'
        + json.dumps({"@context": "https://schema.org", "@type": "CollectionPage"})
        + "</script></head><body><ul>"
        + "".join(f"<li><a href='/n{i}'>Teaser {i} about something</a></li>" for i in range(30))
        + "</ul></body></html>"
    )
    (root / "index.html").write_text(index, encoding="utf-8")
    (root / "latin.html").write_bytes(
        news_page(charset="utf-8").replace("Anna Berg", "Änna Berg").encode("cp1252", "replace")
    )
    (root / "cut.html.gz").write_bytes(gzip.compress(news_page().encode())[:-30])
    annotated = root / "annotated"
    annotated.mkdir()
    (annotated / "page.html").write_text(
        page_version("2024-03-10", OTHER[1:], "https://news.example.org/annotated"), encoding="utf-8"
    )
    (annotated / "annotations.yaml").write_text("about: []\n", encoding="utf-8")
    return root


def reasons(result) -> dict[str, str]:
    return {
        str(r.origin.file.name) + (f" {r.origin.part}" if r.origin.part else ""): r.reason
        for r in result.rejected
    }


def test_every_input_is_read_or_rejected_with_its_reason(inputs: Path):
    result = collect([inputs, inputs / "missing.html"])
    assert [d.slug for d in result.dw_folders] == ["some-article"]
    rejected = reasons(result)
    assert "index page" in rejected["index.html"]
    assert "wrong declared charset" in rejected["latin.html"]
    assert "truncated or corrupt gzip" in rejected["cut.html.gz"]
    assert "does not parse" in rejected["broken.rss"]
    assert "not an input newskg reads" in rejected["picture.png"]
    assert "no such file" in rejected["missing.html"]
    assert any("truncated" in r and k.startswith("cut.warc.gz record") for k, r in rejected.items())
    assert rejected["crawl.warc.gz record 5 (https://img.example.org/x.png)"] == "not HTML (image/png)"
    assert "without a date" in rejected["feed.xml item 3 (https://news.example.org/undated)"]
    assert not any("DS_Store" in k or "style.css" in k for k in rejected)
    urls = {r.article.url for r in result.articles}
    expected = ["council", "ferry", "warc-page", "annotated"]
    assert urls == {CANONICAL, None} | {f"https://news.example.org/{name}" for name in expected}
    (text,) = [r for r in result.articles if r.article.url is None]
    assert text.article.source_format == "text" and text.identity.startswith("text-notes-on-the-storm-")
    by_url = {r.article.url: r for r in result.articles}
    assert (
        by_url["https://news.example.org/annotated"].annotations == inputs / "annotated" / "annotations.yaml"
    )
    warc_page = by_url["https://news.example.org/warc-page"]
    assert warc_page.article.source_format == "warc" and warc_page.article.crawled is not None
    assert warc_page.origin.part.startswith("record 3 (")


def test_the_latest_version_of_an_article_is_kept_and_the_feed_item_adds_to_its_page(inputs: Path):
    result = collect([inputs])
    kept = next(r for r in result.articles if r.article.url == CANONICAL)
    assert kept.origin.file.name == "a.html" and str(kept.article.date_modified) == "2024-03-06"
    assert kept.article.keywords == (
        "storm",
        "flood",
        "Nordhafen",
    )  # the page's own; the item only fills gaps
    assert [o.part for o in kept.enriched_by] == [f"item 1 ({CANONICAL})"]
    assert kept.identity == url_slug(CANONICAL)
    dropped = {d.origin.file.name: d.reason for d in result.duplicates}
    assert "same canonical URL" in dropped["a-old.html.gz"]
    assert "same text" in dropped["syndicated.htm"]
    assert "feed item" in dropped["feed.xml"]


def test_identities_are_stable_and_jobs_do_not_change_the_result(inputs: Path):
    one = collect([inputs])
    two = collect([inputs], jobs=2)
    assert [r.identity for r in one.articles] == [r.identity for r in two.articles]
    assert [str(r) for r in one.rejected] == [str(r) for r in two.rejected]
    assert len({r.identity for r in one.articles}) == len(one.articles)


def test_iter_sources_yields_in_input_order(inputs: Path):
    kinds = [type(s).__name__ for s in iter_sources([inputs / "dw", inputs / "feed.xml"])]
    assert kinds == ["DwFolder", "Read", "Read", "Rejection"]
    assert all(isinstance(s, DwFolder | Read | Rejection) for s in iter_sources([inputs]))


def test_slug_rule():
    assert normalize_url("http://www.news.example.org/a/?utm_source=x#c") == "https://news.example.org/a"
    assert url_slug("https://news.example.org/a/") == url_slug("http://www.news.example.org/a?utm_medium=rss")
    assert url_slug("https://news.example.org/a-b") != url_slug("https://news.example.org/a/b")
    long = url_slug("https://news.example.org/" + "word-" * 40)
    assert len(long) < 90 and long.startswith("news-example-org-word-word")


def test_nothing_is_fetched(inputs: Path, monkeypatch):
    def refuse(self, address):
        raise AssertionError(f"reading the inputs tried to connect to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert collect([inputs]).articles


def test_versions_compare_as_text_the_way_copies_are_ordered(inputs: Path):
    from kg.read.sources import version_text

    result = collect([inputs / "pages"])
    kept = next(r for r in result.articles if r.article.url == CANONICAL)
    older = next(iter_sources([inputs / "pages" / "a-old.html.gz"]))
    assert isinstance(older, Read)
    assert version_text(older) < version_text(kept)
    assert version_text(kept).startswith("page 2024-03-06T08:00:00Z ")
    (item,) = [
        s for s in iter_sources([inputs / "feed.xml"]) if isinstance(s, Read) and s.article.url == CANONICAL
    ]
    assert version_text(item).startswith("feed ") and version_text(item).endswith(" " + "-" * 20)
    assert version_text(item) < version_text(older), "a page is read over a feed item, whatever the dates"


def test_a_duplicate_names_the_slug_its_own_address_gives(inputs: Path):
    result = collect([inputs / "pages"])
    slugs = {d.origin.file.name: d.slug for d in result.duplicates}
    assert slugs["a-old.html.gz"] == url_slug(CANONICAL)
    assert slugs["syndicated.htm"] == url_slug("https://other.example.com/storm")


def test_reading_reports_progress_per_file(inputs: Path):
    seen: list[tuple[int, int]] = []
    collect([inputs / "pages", inputs / "feed.xml"], progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
    seen.clear()
    collect([inputs / "pages"], jobs=2, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (4, 4) and len(seen) == 4


def test_a_feed_item_that_cannot_be_read_alone_is_no_rejection_when_its_page_is_there(inputs: Path):
    undated = rss_feed([{"title": "Storm", "link": CANONICAL + "?utm_source=rss", "summary": "A storm."}])
    (inputs / "pages" / "undated.rss").write_bytes(undated)
    result = collect([inputs / "pages"])
    assert not result.rejected
    (item,) = [d for d in result.duplicates if d.origin.file.name == "undated.rss"]
    assert item.kept.file.name == "a.html" and "without a date" in item.reason
    assert "the page is read" in item.reason
    alone = collect([inputs / "pages" / "undated.rss"])
    assert "without a date" in alone.rejected[0].reason
