"""Articles read from web pages, feeds, WARC records and text files map to RDF that passes the shapes."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Store

from kg.mapping import article_quads, entity_quads
from kg.model import Annotations
from kg.read.feed import item_article, read_feed
from kg.read.html import read_html
from kg.read.plaintext import read_text
from kg.read.registry import load_registry
from kg.shacl import validate
from kg.vocab import NKG, PROV, RDF, RDFS, SCHEMA, Minter

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "web"))
from webfixtures import NEWS_JSONLD, PARAGRAPHS, news_page, rss_feed

ENTITIES = Path(__file__).resolve().parent.parent / "data" / "entities"
MINTER = Minter("https://kg.example.org/")


@pytest.fixture(scope="module")
def registry():
    return load_registry(sorted(ENTITIES.glob("*.yaml")))


@pytest.fixture(scope="module")
def entity_graph(registry):
    return entity_quads(registry, MINTER, [])


def objects(quads, subject: str, predicate: str) -> list[str]:
    return sorted(
        q.object.value for q in quads if q.subject == NamedNode(subject) and q.predicate.value == predicate
    )


def types(quads, subject: str) -> set[str]:
    return set(objects(quads, subject, RDF + "type"))


def values(quads, subject: str, name: str) -> list[str]:
    return sorted(
        q.object.value
        for q in quads
        if q.subject == NamedNode(subject) and q.predicate.value == SCHEMA + name
    )


def test_a_page_maps_and_conforms(registry, entity_graph):
    article = read_html(news_page().encode(), source="p.html")
    quads = article_quads(article, Annotations(), registry, MINTER)
    iri = MINTER.article(article.slug)
    assert values(quads, iri, "url") == ["https://news.example.org/weather/2024/storm-floods-nordhafen"]
    assert values(quads, iri, "datePublished") == ["2024-03-04T21:15:00+01:00"]
    assert values(quads, iri, "articleSection") == ["Weather"]
    assert values(quads, iri, "keywords") == ["Nordhafen", "flood", "storm"]
    (publisher,) = values(quads, iri, "publisher")
    assert values(quads, publisher, "name") == ["Example News"]
    authors = {values(quads, author, "name")[0]: author for author in values(quads, iri, "author")}
    assert set(authors) == {"Jane Roe", "Coastal Press Agency"} and "example-news" in authors["Jane Roe"]
    assert SCHEMA + "Organization" in types(quads, authors["Coastal Press Agency"])  # the agency as author
    assert values(quads, iri, "contributor") == []
    figure, og_image = values(quads, iri, "image")
    assert values(quads, figure, "contentUrl") == ["https://img.example.org/storm.jpg"]
    assert values(quads, figure, "creditText") == ["John Doe/Coastal Press Agency"]
    assert values(quads, og_image, "contentUrl") == ["https://img.example.org/storm-og.jpg"]
    assert values(quads, og_image, "creditText") == []  # the page credits only its figure
    report = validate([*quads, *entity_graph])
    assert report.conforms, report.results
    (warning,) = report.results  # the uncredited image is a warning, not a reason to reject the page
    assert (warning.focus, warning.severity) == (og_image, "Warning")
    assert warning.path == SCHEMA + "creditText" and "no credit" in warning.message


def test_an_organization_alone_as_author_conforms(registry, entity_graph):
    data = dict(NEWS_JSONLD, author={"@type": "Organization", "name": "Example News Desk"})
    article = read_html(news_page(jsonld=data).encode(), source="p.html")
    quads = article_quads(article, Annotations(), registry, MINTER)
    (author,) = values(quads, MINTER.article(article.slug), "author")
    assert values(quads, author, "name") == ["Example News Desk"]
    assert SCHEMA + "Organization" in types(quads, author)
    assert validate([*quads, *entity_graph]).conforms


def test_a_text_without_publisher_or_url_maps_with_the_publisher_unknown_and_a_warning(
    registry, entity_graph
):
    """No schema:publisher and no organisation made up for it; the byline is minted under ``web``."""
    front = "headline: Storm hits the coast\ndatePublished: 2024-03-01\nauthor: Jane Roe\ninLanguage: en"
    article = read_text(f"---\n{front}\n---\n{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}\n", source="notes.txt")
    quads = article_quads(article, Annotations(), registry, MINTER)
    iri = MINTER.article(article.slug)
    assert values(quads, iri, "publisher") == []
    assert not any(q.object == NamedNode(SCHEMA + "Organization") for q in quads)
    assert values(quads, iri, "author") == [MINTER.entity("person", "web-jane-roe")]
    report = validate([*quads, *entity_graph])
    assert report.conforms, report.text()
    (warning,) = report.results
    assert (warning.focus, warning.path, warning.severity) == (iri, SCHEMA + "publisher", "Warning")


def test_the_publishers_statements_are_attributed_to_its_markup_not_to_the_article(registry, entity_graph):
    data = dict(NEWS_JSONLD)
    data["about"] = [*data["about"], {"@type": "Country", "name": "Hungary"}]
    article = read_html(news_page(jsonld=data).encode(), source="p.html")
    quads = article_quads(article, Annotations(), registry, MINTER)
    iri = MINTER.article(article.slug)
    markup = f"{iri}/markup"
    assert values(quads, iri, "about") == []  # the article's own schema:about is the editor's
    assert types(quads, markup) == {NKG + "PublisherMarkup", PROV + "Entity"}
    (publisher,) = values(quads, iri, "publisher")
    assert objects(quads, markup, PROV + "wasAttributedTo") == [publisher]
    assert objects(quads, markup, NKG + "describes") == [iri]
    assert objects(quads, markup, NKG + "markupSyntax") == ["json-ld", "opengraph"]
    nordhafen, hungary = sorted(values(quads, markup, "about"), key=lambda v: "hungary" in v)
    assert hungary == MINTER.entity("place", "hungary")  # the registry's entity of that name
    assert values(quads, nordhafen, "name") == ["Nordhafen"] and SCHEMA + "Place" in types(quads, nordhafen)
    # the publisher's link is its own, not a verified Wikidata link
    assert objects(quads, nordhafen, RDFS + "seeAlso") == ["https://www.wikidata.org/wiki/Q1"]
    assert values(quads, nordhafen, "sameAs") == []
    (berg,) = values(quads, markup, "mentions")
    assert values(quads, berg, "name") == ["Anna Berg"] and SCHEMA + "Person" in types(quads, berg)
    assert values(quads, markup, "keywords") == ["Nordhafen", "flood", "storm"]
    assert validate([*quads, *entity_graph]).conforms


def test_a_query_tells_the_publishers_statements_from_newskgs_and_the_editors(registry):
    """The SPARQL patterns docs/modeling.md gives for the three voices."""
    data = dict(NEWS_JSONLD, mentions=[{"@type": "Person", "name": "Donald Trump"}])
    text = [*PARAGRAPHS, "Donald Trump sent his regards to the mayor and the people of the flooded town."]
    article = read_html(news_page(jsonld=data, paragraphs=text).encode(), source="p.html")
    quads = article_quads(article, Annotations(about=("hungary",)), registry, MINTER)
    store = Store()
    store.extend(quads)
    prefixes = f"PREFIX schema: <{SCHEMA}> PREFIX nkg: <{NKG}> PREFIX oa: <http://www.w3.org/ns/oa#> "

    def query(pattern: str) -> str:
        return prefixes + f"SELECT DISTINCT ?x WHERE {{ {pattern} }}"

    def ask(pattern: str) -> set[str]:
        return {row["x"].value for row in store.query(query(pattern), use_default_graph_as_union=True)}

    trump, hungary = MINTER.entity("person", "donald-trump"), MINTER.entity("place", "hungary")
    publisher = ask("?m a nkg:PublisherMarkup ; nkg:describes ?a ; schema:mentions|schema:about ?x")
    editor = ask("?a a schema:NewsArticle ; schema:about ?x")
    newskg = ask("?a a schema:NewsArticle ; schema:mentions ?x")
    assert trump in publisher and editor == {hungary} and trump in newskg
    assert hungary not in publisher and not publisher & editor
    read = ask("?n oa:hasBody ?x ; nkg:assertedBy nkg:Reader ; oa:motivatedBy oa:identifying")
    assert trump in read  # newskg found the name in the text itself, with its span


def test_a_crawled_page_maps_its_crawl_date(registry, entity_graph):
    crawled = dt.datetime(2024, 3, 6, 10, 30, tzinfo=dt.UTC)
    article = read_html(news_page().encode(), source="c.warc record 1", crawled=crawled, source_format="warc")
    quads = article_quads(article, Annotations(), registry, MINTER)
    assert objects(quads, MINTER.article(article.slug), NKG + "crawlDate") == ["2024-03-06T10:30:00+00:00"]
    assert validate([*quads, *entity_graph]).conforms


def test_a_crawled_copy_names_the_address_it_was_read_from(registry, entity_graph):
    crawled = "http://www.news.example.org/weather/2024/storm-floods-nordhafen?utm_source=feed"
    article = read_html(news_page().encode(), source="crawl.warc record 3", url=crawled, source_format="warc")
    quads = article_quads(article, Annotations(), registry, MINTER)
    assert values(quads, MINTER.article(article.slug), "isBasedOn") == [crawled]
    assert validate([*quads, *entity_graph]).conforms


def test_feed_items_and_text_files_map_and_conform(registry, entity_graph):
    ferry = {
        "title": "Ferry stays closed",
        "link": "https://news.example.org/ferry",
        "author": "Max Muster",
        "date": "Tue, 05 Mar 2024 09:00:00 GMT",
        "summary": "The ferry stays closed, the operator said.",
    }
    (item,) = read_feed(rss_feed([ferry]))
    front = "---\ndatePublished: 2024-03-04\nurl: https://blog.example.org/x\n---\n"
    text = read_text(front + "Title\n\nSome text.")
    for article in (item_article(item), text):
        quads = article_quads(article, Annotations(), registry, MINTER)
        report = validate([*quads, *entity_graph])
        assert report.conforms, (article.source_format, report.results)
