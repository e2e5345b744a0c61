"""Export (``kg.export.export``): deterministic Turtle/TriG/N-Triples/N-Quads, round trips to the same graph,
named graphs kept by dataset formats, JSON-LD compacted with the shipped context, one graph selectable."""

from __future__ import annotations

import io
import json
import socket

import pyoxigraph
import pytest
import rdflib
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat
from rdflib.compare import isomorphic

from kg import formats
from kg.export import CONTEXT_FILE, export, jsonld_context
from kg.store import Store
from kg.vocab import Minter

MINTER = Minter("https://kg.example.org/")
ARTICLE_GRAPH = MINTER.article_graph("gipfel")
ENTITY_GRAPH = MINTER.entities_graph
SCHEMA = "http://schema.org/"
PUTIN = NamedNode(MINTER.entity("person", "vladimir-putin"))
SUMMIT = NamedNode(MINTER.entity("event", "gipfel"))
DATASET_FORMATS = [RdfFormat.TRIG, RdfFormat.N_QUADS, RdfFormat.JSON_LD]
GRAPH_FORMATS = [RdfFormat.TURTLE, RdfFormat.N_TRIPLES, RdfFormat.RDF_XML]


def quads() -> list[Quad]:
    """Two named graphs; one triple is in both."""
    name = NamedNode(SCHEMA + "name")
    article, entities = NamedNode(ARTICLE_GRAPH), NamedNode(ENTITY_GRAPH)
    return [
        Quad(PUTIN, name, Literal("Wladimir Putin", language="de"), entities),
        Quad(PUTIN, name, Literal("Vladimir Putin", language="en"), entities),
        Quad(
            PUTIN, NamedNode(SCHEMA + "sameAs"), NamedNode("http://www.wikidata.org/entity/Q7747"), entities
        ),
        Quad(SUMMIT, NamedNode(SCHEMA + "attendee"), PUTIN, article),
        Quad(SUMMIT, name, Literal('Gipfel "in" Alaska\n\u00a0\U0001d518', language="de"), article),
        Quad(
            SUMMIT,
            NamedNode(SCHEMA + "startDate"),
            Literal("2025-08", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#gYearMonth")),
            article,
        ),
        Quad(PUTIN, name, Literal("Vladimir Putin", language="en"), article),
    ]


def store_of(items: list[Quad]) -> Store:
    store = Store()
    graphs: dict[str, list[Quad]] = {}
    for q in items:
        graphs.setdefault(q.graph_name.value, []).append(q)
    store.replace_graphs(graphs)
    return store


def exported(store: Store, fmt: RdfFormat, graph: str | None = None) -> bytes:
    """``newskg export`` of ``store`` in the format of the one table whose engine format is ``fmt``."""
    out = io.BytesIO()
    export(store, next(f for f in formats.RDF_FORMATS if f.rdf == fmt), out, graph=graph, minter=MINTER)
    return out.getvalue()


def parsed(data: bytes, fmt: RdfFormat) -> set[Quad]:
    """Parse with pyoxigraph; triples of graph formats come back in the default graph."""
    return set(pyoxigraph.parse(data, format=fmt))


def triples(items: list[Quad] | set[Quad]) -> set[pyoxigraph.Triple]:
    return {q.triple for q in items}


class TestDeterminism:
    @pytest.mark.parametrize(
        "fmt", [RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.N_TRIPLES, RdfFormat.N_QUADS]
    )
    def test_the_same_store_exports_byte_identical_files(self, fmt: RdfFormat) -> None:
        store = store_of(quads())
        assert exported(store, fmt) == exported(store, fmt)

    @pytest.mark.parametrize(
        "fmt", [RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.N_TRIPLES, RdfFormat.N_QUADS]
    )
    def test_the_order_the_quads_were_written_in_does_not_matter(self, fmt: RdfFormat) -> None:
        assert exported(store_of(quads()), fmt) == exported(store_of(quads()[::-1]), fmt)


class TestRoundTrip:
    @pytest.mark.parametrize("fmt", GRAPH_FORMATS)
    def test_graph_formats_hold_the_union_of_the_graphs(self, fmt: RdfFormat) -> None:
        assert triples(parsed(exported(store_of(quads()), fmt), fmt)) == triples(quads())

    def test_a_triple_in_two_graphs_is_written_once_in_turtle(self) -> None:
        text = exported(store_of(quads()), RdfFormat.TURTLE).decode()
        assert text.count('"Vladimir Putin"@en') == 1

    @pytest.mark.parametrize("fmt", DATASET_FORMATS)
    def test_dataset_formats_keep_each_named_graph(self, fmt: RdfFormat) -> None:
        assert parsed(exported(store_of(quads()), fmt), fmt) == set(quads())

    def test_turtle_of_the_seed_parses_to_an_isomorphic_graph(self, built_store: Store) -> None:
        back = rdflib.Graph().parse(data=exported(built_store, RdfFormat.TURTLE), format="turtle")
        union = pyoxigraph.serialize(triples(set(built_store.quads())), format=RdfFormat.N_TRIPLES)
        assert isomorphic(back, rdflib.Graph().parse(data=union, format="nt"))

    def test_trig_of_the_seed_keeps_every_quad(self, built_store: Store) -> None:
        assert parsed(exported(built_store, RdfFormat.TRIG), RdfFormat.TRIG) == set(built_store.quads())


class TestGraphSelection:
    @pytest.mark.parametrize("fmt", DATASET_FORMATS)
    def test_one_graph_selected_in_a_dataset_format(self, fmt: RdfFormat) -> None:
        got = parsed(exported(store_of(quads()), fmt, graph=ENTITY_GRAPH), fmt)
        assert got == {q for q in quads() if q.graph_name.value == ENTITY_GRAPH}

    @pytest.mark.parametrize("fmt", GRAPH_FORMATS)
    def test_one_graph_selected_in_a_graph_format(self, fmt: RdfFormat) -> None:
        got = parsed(exported(store_of(quads()), fmt, graph=ARTICLE_GRAPH), fmt)
        assert triples(got) == triples([q for q in quads() if q.graph_name.value == ARTICLE_GRAPH])


class TestJsonLd:
    def test_the_context_is_the_shipped_file_inline(self) -> None:
        document = json.loads(exported(store_of(quads()), RdfFormat.JSON_LD))
        shipped = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
        assert document["@context"] == shipped == jsonld_context()

    def test_no_remote_context_is_fetched(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def refuse(*args: object, **kwargs: object) -> None:
            raise AssertionError("the JSON-LD export opened a network connection")

        monkeypatch.setattr(socket.socket, "connect", refuse)
        monkeypatch.setattr(socket, "create_connection", refuse)
        data = exported(store_of(quads()), RdfFormat.JSON_LD)
        assert parsed(data, RdfFormat.JSON_LD) == set(quads())

    def test_the_seed_round_trips_through_json_ld(self, built_store: Store) -> None:
        data = exported(built_store, RdfFormat.JSON_LD)
        assert parsed(data, RdfFormat.JSON_LD) == set(built_store.quads())
