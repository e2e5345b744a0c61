"""kg.read.feed: RSS 2.0 and Atom items as articles; feeds the tests write themselves."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.read.feed import enrich, item_article, looks_like_feed, read_feed
from kg.read.html import read_html

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "web"))
from webfixtures import PARAGRAPHS, news_page, rss_feed

LINK = "https://news.example.org/weather/2024/storm-floods-nordhafen"
ITEMS = [
    {
        "title": "Storm floods the old town of Nordhafen",
        "link": LINK,
        "date": "Mon, 04 Mar 2024 20:15:00 GMT",
        "author": "Jane Roe",
        "summary": "A storm flooded the old town.",
        "content": "<p>" + "</p><p>".join(PARAGRAPHS[:2]) + "</p><h2>Damage</h2><ul><li>Roofs</li></ul>",
        "categories": ["Weather", "Coast"],
    },
    {
        "title": "Ferry stays closed",
        "link": "https://news.example.org/ferry",
        "date": "Tue, 05 Mar 2024 09:00:00 GMT",
        "summary": "The ferry to the islands stays closed until further notice, the operator said.",
    },
]

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Blog</title><id>urn:x</id>
<updated>2024-03-06T10:00:00Z</updated>
<entry><title>A post about tides</title><link href="https://blog.example.org/tides"/><id>urn:1</id>
<published>2024-03-01T10:00:00Z</published><updated>2024-03-06T10:00:00Z</updated>
<author><name>Max Muster</name></author>
<content type="html">&lt;p&gt;Tides are higher this week because of the full moon.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_items_are_articles():
    items = read_feed(rss_feed(ITEMS), source="feed.xml")
    assert [i.title for i in items] == ["Storm floods the old town of Nordhafen", "Ferry stays closed"]
    first = item_article(items[0], source="feed.xml")
    assert first.url == LINK and first.slug.startswith(
        "news-example-org-weather-2024-storm-floods-nordhafen-"
    )
    assert (
        str(first.date_published) == "2024-03-04"
        and first.published.isoformat() == "2024-03-04T20:15:00+00:00"
    )
    assert [c.name for c in first.creators] == ["Jane Roe"] and first.keywords == ("Weather", "Coast")
    assert first.source_format == "feed" and first.language == "en" and first.publisher.name == "Example News"
    assert [b.kind for b in first.blocks] == ["headline", "paragraph", "paragraph", "heading", "list-item"]
    assert first.description == "A storm flooded the old town."
    second = item_article(items[1], source="feed.xml")
    assert second.body.endswith("until further notice, the operator said.")


def test_atom_entry_with_update():
    (item,) = read_feed(ATOM, source="atom.xml")
    article = item_article(item, source="atom.xml")
    assert (str(article.date_published), str(article.date_modified)) == ("2024-03-01", "2024-03-06")
    assert [c.name for c in article.creators] == ["Max Muster"]
    assert "full moon" in article.body


def test_bad_items_are_named():
    no_date = {"title": "No date", "link": "https://x.example/1", "summary": "Text."}
    no_text = {"title": "No text", "link": "https://x.example/2", "date": ITEMS[0]["date"]}
    items = read_feed(rss_feed([no_date, no_text]), source="f.xml")
    with pytest.raises(InputError, match="without a date") as caught:
        item_article(items[0], source="f.xml")
    assert "item 1 (https://x.example/1)" in str(caught.value)
    with pytest.raises(InputError, match="neither content nor summary"):
        item_article(items[1], source="f.xml")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (rss_feed(ITEMS)[:300], "does not parse"),
        (b"<html><body><p>a page</p></body></html>", "not an RSS or Atom feed|does not parse"),
    ],
)
def test_a_feed_that_does_not_parse_is_rejected(data, reason):
    with pytest.raises(InputError, match=reason):
        read_feed(data, source="bad.xml")


def test_sniffing():
    assert looks_like_feed(rss_feed(ITEMS)) and looks_like_feed(ATOM)
    assert not looks_like_feed(news_page().encode())


def test_the_item_adds_what_the_page_does_not_say():
    page = read_html(news_page(jsonld=None).encode(), source="p.html")
    item = item_article(read_feed(rss_feed(ITEMS))[0])
    merged = enrich(page, item)
    assert merged.body == page.body and merged.headline == page.headline
    assert [c.name for c in merged.creators] == ["Jane Roe"]
    assert merged.keywords == ("Weather", "Coast")


def test_nothing_is_fetched(monkeypatch):
    def refuse(self, address):
        raise AssertionError(f"the feed reader tried to connect to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    feed = (
        rss_feed(ITEMS)
        .replace(
            b"<rss ",
            b'<!DOCTYPE rss [<!ENTITY remote SYSTEM "http://remote.example.org/entity.xml">]>\n<rss ',
            1,
        )
        .replace(b"<title>Example News</title>", b"<title>Example News &remote;</title>", 1)
    )
    with pytest.raises(InputError, match="does not parse"):  # the external entity is not resolved
        read_feed(feed, source="feed.xml")
    items = read_feed(rss_feed(ITEMS).replace(b"<link>https://news", b"<link>http://news"), source="feed.xml")
    assert item_article(items[0]).url.startswith("http://news.example.org/")
