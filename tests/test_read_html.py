"""kg.read.html: a saved page of any news site -> the article model (pages written here, not publishers')."""

from __future__ import annotations

import gzip
import json
import socket
import sys
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.read.html import decode_html, read_html, read_html_file

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "web"))
from webfixtures import NEWS_JSONLD, PARAGRAPHS, news_page


def read(page: str, **kwargs) -> object:
    return read_html(page.encode("utf-8"), source="page.html", **kwargs)


def test_metadata_comes_from_the_structured_data():
    a = read(news_page())
    assert a.headline == "Storm floods the old town of Nordhafen"
    assert a.description == NEWS_JSONLD["description"]
    assert str(a.date_published) == "2024-03-04" and a.published.isoformat() == "2024-03-04T21:15:00+01:00"
    assert str(a.date_modified) == "2024-03-05"
    assert [(c.name, c.kind) for c in a.creators] == [
        ("Jane Roe", "Person"),
        ("Coastal Press Agency", "Organization"),
    ]
    assert a.publisher.name == "Example News" and a.publisher.kind == "Organization"
    assert a.section == "Weather" and a.keywords == ("storm", "flood", "Nordhafen")
    assert a.language == "en" and a.language_source == "declared"
    assert a.url == "https://news.example.org/weather/2024/storm-floods-nordhafen"
    assert a.slug.startswith("news-example-org-weather-2024-storm-floods-nordhafen-")
    assert a.source_format == "html" and a.authors == () and a.images == ()


def test_the_publishers_statements_are_kept_apart():
    stated = read(news_page()).stated
    assert [(t.name, t.kind, t.same_as) for t in stated.about] == [
        ("Nordhafen", "Place", ("https://www.wikidata.org/wiki/Q1",))
    ]
    assert [t.name for t in stated.mentions] == ["Anna Berg"]
    assert stated.keywords == ("storm", "flood", "Nordhafen")
    assert stated.syntaxes == ("json-ld", "opengraph")


def test_body_is_the_main_text_in_page_order_without_boilerplate():
    a = read(news_page())
    kinds = [b.kind for b in a.blocks]
    assert kinds[0] == "headline" and a.body.startswith(a.headline)
    texts = [b.span.text(a.body) for b in a.blocks]
    assert texts[1:3] == PARAGRAPHS[:2]
    assert texts[3] == "The damage" and kinds[3] == "heading"
    assert texts[4:7] == PARAGRAPHS[2:]
    for junk in ("cookies", "Home", "Heat wave", "First!", "Imprint", "Related articles", "Weather Storm"):
        assert junk not in a.body
    assert a.sections[0].heading == "The damage"
    assert a.word_count > 100
    assert any(a.body[q.start - 1] == "“" for q in a.quotes)


def test_figure_caption_and_credit_are_blocks_with_spans():
    a = read(news_page())
    figure = a.page_images[0]
    assert figure.url == "https://img.example.org/storm.jpg" and figure.alt == "Waves at the pier"
    assert (
        figure.caption == "Waves break over the sea wall" and figure.credit == "John Doe/Coastal Press Agency"
    )
    assert figure.caption_span.text(a.body) == figure.caption
    assert [b.kind for b in a.blocks][-2:] == ["caption", "credit"]
    og = a.page_images[1]
    assert og.url == "https://img.example.org/storm-og.jpg" and og.caption_span is None


def test_microdata_without_json_ld():
    page = (
        news_page(jsonld=None)
        .replace(
            "<main><article>",
            '<main><article itemscope itemtype="https://schema.org/NewsArticle">'
            '<meta itemprop="datePublished" content="2023-11-02">'
            '<span itemprop="author" itemscope itemtype="https://schema.org/Person">'
            '<span itemprop="name">Max Muster'
            "</span></span>",
        )
        .replace("<h1>", '<h1 itemprop="headline">')
    )
    a = read(page)
    assert str(a.date_published) == "2023-11-02"
    assert [c.name for c in a.creators] == ["Max Muster"]
    assert a.headline == "Storm floods the old town of Nordhafen"
    assert "microdata" in a.stated.syntaxes


def test_opengraph_and_meta_tags_when_there_is_no_schema_org():
    head = (
        '<meta property="og:title" content="Storm floods the old town of Nordhafen - Example News">'
        '<meta property="article:published_time" content="2022-06-01T10:00:00+02:00">'
        '<meta name="author" content="By Erika Beispiel">'
        '<meta property="article:section" content="Local">'
        '<meta name="keywords" content="storm, harbour">'
    )
    a = read(news_page(jsonld=None, head_extra=head, h1="Storm floods the old town of Nordhafen"))
    assert a.headline == "Storm floods the old town of Nordhafen"
    assert str(a.date_published) == "2022-06-01"
    assert [c.name for c in a.creators] == ["Erika Beispiel"]
    assert a.section == "Local" and a.keywords == ("storm", "harbour")


def test_site_name_is_stripped_from_a_title_without_h1():
    head = '<meta property="og:title" content="Example News | Storm floods the old town of Nordhafen">'
    a = read(news_page(jsonld=None, head_extra=head, h1="").replace("<h1></h1>", ""))
    assert a.headline == "Storm floods the old town of Nordhafen"


def test_date_from_the_page_text_when_no_markup_states_it():
    page = news_page(jsonld=None).replace(
        "<h2>The damage</h2>", "<p class='date'>Published 12 January 2021</p>"
    )
    assert str(read(page).date_published) == "2021-01-12"


def test_the_day_the_header_shows_between_publication_and_modification_is_the_version_read():
    """A republished page: its structured datePublished is the first version's, the header shows this
    one's; the day shown wins when the structured dates bracket it (its time of day is not kept)."""
    shown = '</h1>\n<div class="timestamp">Updated March 5, 2024</div>'
    a = read(news_page().replace("</h1>", shown, 1))
    assert str(a.date_published) == "2024-03-05" and a.published is None


def test_a_day_the_header_shows_outside_the_structured_dates_is_not_taken():
    for shown in ("March 9, 2024", "4 March 2024 and 5 March 2024", "05/03/2024"):
        page = news_page().replace("</h1>", f'</h1>\n<div class="article-date">{shown}</div>', 1)
        assert str(read(page).date_published) == "2024-03-04", shown


def test_a_utc_time_is_not_moved_to_the_day_of_the_modification():
    """The day shown decides the local day of a UTC time, but not when it is the modification's day."""
    data = dict(NEWS_JSONLD, datePublished="2024-03-04T12:00:00Z", dateModified="2024-03-05T09:00:00Z")
    page = news_page(jsonld=data, head_extra='<meta name="sailthru.date" content="2024-03-05T09:00:00Z">')
    assert str(read(page).date_published) == "2024-03-04"


def test_language_is_detected_when_not_declared():
    german = [
        "Der Sturm erreichte die Nordküste am Montagabend mit Böen von mehr als 120 Kilometern pro Stunde, "
        "teilte der Wetterdienst mit, der die Anwohner seit zwei Tagen gewarnt hatte.",
        "Mehrere hundert Häuser in der Hafenstadt verloren ihre Dächer, und umgestürzte Bäume blockierten "
        "die Hauptstraßen in die Region bis in die frühen Morgenstunden des Dienstags.",
    ] * 2
    data = dict(NEWS_JSONLD)
    del data["inLanguage"]
    a = read(news_page(jsonld=data, lang=None, paragraphs=german))
    assert (a.language, a.language_source) == ("de", "detected")


def test_the_reader_and_the_extractor_agree_on_the_language():
    """One detector (kg.language): a French page is French to the reader and not German to the extractor.
    simplemma's German and English word lists, the extractor's detector before, took the last sentence for
    German."""
    from kg.extract.lang import detect

    french = [
        "La tempête a atteint la côte nord lundi soir avec des rafales de plus de 120 kilomètres par heure, "
        "a indiqué le service météorologique national, qui avait averti les habitants depuis deux jours.",
        "Plusieurs centaines de maisons de la ville portuaire ont perdu leur toit, et des arbres tombés ont "
        "bloqué les routes principales de la région jusqu'aux premières heures de mardi matin.",
    ] * 2
    data = dict(NEWS_JSONLD)
    del data["inLanguage"]
    a = read(news_page(jsonld=data, lang=None, paragraphs=french))
    assert (a.language, a.language_source) == ("fr", "detected")
    assert detect(a.body) == "other"
    english = read(news_page())
    assert (english.language, detect(english.body)) == ("en", "en")
    assert detect("Le chef de l'État a promis une aide rapide aux victimes.") == "other"


def test_a_crawl_date_stands_in_when_the_page_has_no_date():
    import datetime as dt

    page = news_page(jsonld=None).replace("2024", "")
    crawled = dt.datetime(2024, 5, 6, 7, 8, tzinfo=dt.UTC)
    a = read(page, crawled=crawled, url="https://news.example.org/x")
    assert (a.date_published, a.published, a.crawled) == (dt.date(2024, 5, 6), None, crawled)
    with pytest.raises(InputError, match="no publication date"):
        read(page)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not HTML"),
        (b"just some words, no markup at all", "not HTML"),
        (
            b"<html><head><title>Page not found</title></head><body><h1>404</h1><p>Sorry.</p></body></html>",
            "an error page",
        ),
        (
            b"<html><head><title>Sign in</title></head><body><form><input type='text' name='user'>"
            b"<input type='password' name='pw'></form>"
            b"<p>Please log in to read this article.</p></body></html>",
            "a login wall",
        ),
    ],
)
def test_pages_without_an_article_are_rejected_with_the_reason(data, reason):
    with pytest.raises(InputError, match=reason) as caught:
        read_html(data, source="bad.html")
    assert caught.value.file == "bad.html"


def test_an_index_page_is_rejected():
    teasers = "".join(f'<li><a href="/n/{i}">Short teaser number {i}</a></li>' for i in range(20))
    page = (
        '<html lang="en"><head><title>Example News - Home</title><script type="application/ld+json">'
        + json.dumps({"@context": "https://schema.org", "@type": "CollectionPage", "name": "Home"})
        + f"</script></head><body><nav><ul>{teasers}</ul></nav></body></html>"
    )
    with pytest.raises(InputError, match=r"index page|no article"):
        read(page)


def test_wrong_declared_charset_is_rejected():
    text = news_page(charset="utf-8").replace("“", '"').replace("”", '"') + "<p>Grüße aus Köln</p>"
    with pytest.raises(InputError, match="wrong declared charset"):
        read_html(text.encode("latin-1", errors="replace"), source="latin.html")
    with pytest.raises(InputError, match="wrong declared charset"):
        read_html(news_page(charset="iso-8859-1").encode("utf-8"), source="utf8.html")
    with pytest.raises(InputError, match="unknown declared charset"):
        read_html(news_page(charset="no-such-charset").encode("utf-8"), source="x.html")


def test_declared_single_byte_charset_is_decoded():
    page = (
        news_page(charset="windows-1252")
        .replace("“", '"')
        .replace("”", '"')
        .replace("Anna Berg", "Anna Bérg")
    )
    assert "Anna Bérg" in read_html(page.encode("cp1252"), source="w.html").body
    assert decode_html(b"<p>caf\xc3\xa9</p>", source="x") == "<p>café</p>"


def test_gzipped_page_and_truncated_gzip(tmp_path: Path):
    good = tmp_path / "page.html.gz"
    good.write_bytes(gzip.compress(news_page().encode()))
    assert read_html_file(good).headline == "Storm floods the old town of Nordhafen"
    bad = tmp_path / "cut.html.gz"
    bad.write_bytes(good.read_bytes()[:-40])
    with pytest.raises(InputError, match="truncated or corrupt gzip") as caught:
        read_html_file(bad)
    assert caught.value.file == str(bad)


def test_nothing_is_fetched(monkeypatch):
    """A remote JSON-LD context, RDFa with a vocabulary, http images, a canonical URL and a feed link: no
    connection is opened."""

    def refuse(self, address):
        raise AssertionError(f"the reader tried to connect to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a))
    data = dict(NEWS_JSONLD, **{"@context": "http://remote.example.org/context.jsonld"})
    head = (
        '<link rel="alternate" type="application/rss+xml" href="http://news.example.org/feed.xml">'
        '<meta property="og:image" content="http://img.example.org/other.jpg">'
    )
    page = news_page(jsonld=data, head_extra=head).replace(
        "<main>",
        '<main vocab="http://remote.example.org/vocab#" typeof="Thing"><span property="name">x</span>',
    )
    a = read(page, url="http://news.example.org/weather/2024/storm-floods-nordhafen")
    assert a.headline == "Storm floods the old town of Nordhafen"
    rdfa = news_page(jsonld=None).replace(
        "<main>",
        '<main vocab="http://schema.org/" typeof="NewsArticle"><meta property="headline" content="RDFa">',
    )
    assert read(rdfa).headline


def test_rdfa_when_there_is_no_json_ld_or_microdata():
    page = news_page(jsonld=None).replace(
        "<main><article>",
        '<main><article vocab="http://schema.org/" typeof="NewsArticle">'
        '<meta property="datePublished" content="2023-05-06">'
        '<span property="author" typeof="Person"><span property="name">Rita Rdfa</span></span>'
        '<meta property="articleSection" content="Coast">',
    )
    a = read(page)
    assert str(a.date_published) == "2023-05-06"
    assert [c.name for c in a.creators] == ["Rita Rdfa"]
    assert a.section == "Coast" and "rdfa" in a.stated.syntaxes
