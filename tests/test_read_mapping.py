"""Articles read from web pages, feeds, WARC records and text files map to RDF that passes the shapes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from kg.mapping import article_quads, entity_quads
from kg.model import Annotations
from kg.read.feed import item_article, read_feed
from kg.read.html import read_html
from kg.read.plaintext import read_text
from kg.read.registry import load_registry
from kg.shacl import validate
from kg.vocab import SCHEMA, Minter

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "web"))
from webfixtures import news_page, rss_feed

ENTITIES = Path(__file__).resolve().parent.parent / "data" / "entities"
MINTER = Minter("https://kg.example.org/")


@pytest.fixture(scope="module")
def registry():
    return load_registry(sorted(ENTITIES.glob("*.yaml")))


@pytest.fixture(scope="module")
def entity_graph(registry):
    return entity_quads(registry, MINTER, [])


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
    (author,) = values(quads, iri, "author")
    assert values(quads, author, "name") == ["Jane Roe"] and "example-news" in author
    (agency,) = values(quads, iri, "contributor")
    assert values(quads, agency, "name") == ["Coastal Press Agency"]
    (image,) = values(quads, iri, "image")
    assert values(quads, image, "contentUrl") == ["https://img.example.org/storm.jpg"]
    assert values(quads, image, "creditText") == ["John Doe/Coastal Press Agency"]
    report = validate([*quads, *entity_graph])
    assert report.conforms, report.results


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
