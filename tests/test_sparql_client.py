"""Round trips through ordinary SPARQL clients: rdflib's ``SPARQLStore`` and plain ``requests`` with rdflib's
result parsers, against the real server over the seed graph."""

from __future__ import annotations

import datetime
import io
import urllib.error

import pytest
import rdflib
import requests
from rdflib import RDF, XSD, Literal, URIRef
from rdflib.namespace import SDO
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from rdflib.query import Result

from tests.conftest import SEED_SLUG, LiveServer

# rdflib's SDO is https://schema.org/; the graph uses http://schema.org/.
SCHEMA = rdflib.Namespace("http://schema.org/")
KG = "https://kg.example.org/"
PUTIN = URIRef(KG + "person/vladimir-putin")
DMITRIEV = URIRef(KG + "person/kirill-dmitriev")
BUDAPEST = URIRef(KG + "place/budapest")
HUNGARY = URIRef(KG + "place/hungary")
ARTICLE = URIRef(f"{KG}article/{SEED_SLUG}")
CLAIM_ABOUT_PUTIN = URIRef(f"{KG}article/{SEED_SLUG}/claim/5")
ARTICLE_GRAPH = URIRef(f"{KG}graph/{SEED_SLUG}")
ENTITIES_GRAPH = URIRef(KG + "graph/entities")

PUTIN_NAMES = [Literal("Vladimir Putin", lang="en"), Literal("Wladimir Putin", lang="de")]
NAMES_QUERY = f"SELECT ?name WHERE {{ <{PUTIN}> <{SCHEMA.name}> ?name }} ORDER BY ?name"
COUNT_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def store(server: LiveServer, method: str = "GET") -> SPARQLStore:
    return SPARQLStore(server.sparql, method=method)  # type: ignore[arg-type]


def count(server: LiveServer, **params: str) -> int:
    response = requests.get(server.sparql, params={"query": COUNT_QUERY, **params}, timeout=30)
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


class TestSPARQLStore:
    @pytest.mark.parametrize("method", ["GET", "POST", "POST_FORM"])
    def test_select(self, live_server: LiveServer, method: str) -> None:
        graph = rdflib.Graph(store=store(live_server, method))
        result = graph.query(NAMES_QUERY)
        assert result.type == "SELECT"
        assert [str(v) for v in result.vars or []] == ["name"]
        assert [row[0] for row in result] == PUTIN_NAMES  # type: ignore[index]

    def test_select_with_init_ns_and_bindings(self, live_server: LiveServer) -> None:
        """rdflib prepends the prefixes and appends ``VALUES`` for the bindings."""
        graph = rdflib.Graph(store=store(live_server))
        result = graph.query(
            "SELECT ?person ?name WHERE { ?person schema:name ?name }",
            initNs={"schema": SCHEMA},
            initBindings={"person": DMITRIEV},
        )
        assert {(row[0], row[1]) for row in result} == {  # type: ignore[index]
            (DMITRIEV, Literal("Kirill Dmitriev", lang="en")),
            (DMITRIEV, Literal("Kirill Dmitrijew", lang="de")),
        }

    @pytest.mark.parametrize(
        ("query", "answer"),
        [
            (f"ASK {{ ?e <{SCHEMA.location}> <{BUDAPEST}> ; <{SCHEMA.attendee}> <{PUTIN}> }}", True),
            (f"ASK {{ <{PUTIN}> <{SCHEMA.location}> <{BUDAPEST}> }}", False),
        ],
    )
    def test_ask(self, live_server: LiveServer, query: str, answer: bool) -> None:
        result = rdflib.Graph(store=store(live_server)).query(query)
        assert result.type == "ASK" and result.askAnswer is answer

    def test_construct(self, live_server: LiveServer) -> None:
        query = (
            f"CONSTRUCT {{ ?p <{SCHEMA.name}> ?n }} WHERE {{ ?p a <{SCHEMA.Person}> ; "
            f"<{SCHEMA.sameAs}> <http://www.wikidata.org/entity/Q7747> ; <{SCHEMA.name}> ?n }}"
        )
        result = rdflib.Graph(store=store(live_server)).query(query)
        assert result.type == "CONSTRUCT"
        assert set(result.graph) == {(PUTIN, SCHEMA.name, name) for name in PUTIN_NAMES}  # type: ignore[arg-type]

    def test_describe(self, live_server: LiveServer) -> None:
        result = rdflib.Graph(store=store(live_server)).query(f"DESCRIBE <{BUDAPEST}>")
        described = result.graph
        assert described is not None
        assert set(described.objects(BUDAPEST, SCHEMA.containedInPlace)) == {HUNGARY}
        assert set(described.objects(BUDAPEST, SCHEMA.name)) == {
            Literal("Budapest", lang="de"),
            Literal("Budapest", lang="en"),
        }
        assert set(described.subjects()) == {BUDAPEST}

    def test_triple_patterns(self, live_server: LiveServer) -> None:
        graph = rdflib.Graph(store=store(live_server))
        assert sorted(graph.triples((PUTIN, SCHEMA.name, None))) == sorted(
            (PUTIN, SCHEMA.name, name) for name in PUTIN_NAMES
        )
        assert (PUTIN, RDF.type, SCHEMA.Person) in graph
        assert (PUTIN, RDF.type, SCHEMA.Place) not in graph
        assert (PUTIN, RDF.type, SDO.Person) not in graph  # https://schema.org/ is not the graph's schema
        assert set(graph.objects(BUDAPEST, SCHEMA.containedInPlace)) == {HUNGARY}
        assert set(graph.subjects(SCHEMA.containedInPlace, HUNGARY)) == {BUDAPEST}
        assert graph.value(ARTICLE, SCHEMA.wordCount) == Literal(984)
        assert graph.value(ARTICLE, SCHEMA.datePublished) == Literal("2025-10-17", datatype=XSD.date)

    def test_size_and_named_graphs(self, live_server: LiveServer) -> None:
        sparql = store(live_server)
        assert set(sparql.contexts()) == {ARTICLE_GRAPH, ENTITIES_GRAPH}
        assert len(rdflib.Graph(store=sparql)) == count(live_server)

    def test_a_graph_identifier_becomes_default_graph_uri(self, live_server: LiveServer) -> None:
        sparql = store(live_server)
        entities = rdflib.Graph(store=sparql, identifier=ENTITIES_GRAPH)
        article = rdflib.Graph(store=sparql, identifier=ARTICLE_GRAPH)
        assert len(entities) == count(live_server, **{"default-graph-uri": str(ENTITIES_GRAPH)})
        assert len(article) == count(live_server, **{"default-graph-uri": str(ARTICLE_GRAPH)})
        assert set(entities.objects(PUTIN, SCHEMA.name)) == set(PUTIN_NAMES)
        assert set(article.objects(PUTIN, SCHEMA.name)) == set()
        assert (CLAIM_ABOUT_PUTIN, SCHEMA.about, PUTIN) in article
        assert (CLAIM_ABOUT_PUTIN, SCHEMA.about, PUTIN) not in entities
        names = entities.query(NAMES_QUERY)
        assert [row[0] for row in names] == PUTIN_NAMES  # type: ignore[index]

    def test_updates_through_sparql_update_store_are_refused(self, live_server: LiveServer) -> None:
        before = count(live_server)
        update_store = SPARQLUpdateStore(
            query_endpoint=live_server.sparql, update_endpoint=live_server.sparql
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            update_store.update(f'INSERT DATA {{ <{PUTIN}> <{SCHEMA.name}> "Putin" }}')
        assert refused.value.code == 403
        assert count(live_server) == before
        assert set(rdflib.Graph(store=store(live_server)).objects(PUTIN, SCHEMA.name)) == set(PUTIN_NAMES)


class TestRequestsWithRdflibParsers:
    def test_json_results_with_typed_literals(self, live_server: LiveServer) -> None:
        query = (
            f"SELECT ?published ?words ?headline WHERE {{ <{ARTICLE}> <{SCHEMA.datePublished}> ?published ; "
            f"<{SCHEMA.wordCount}> ?words ; <{SCHEMA.headline}> ?headline }}"
        )
        response = requests.get(
            live_server.sparql,
            params={"query": query},
            headers={"Accept": "application/sparql-results+json"},
            timeout=30,
        )
        assert response.status_code == 200
        result = Result.parse(io.BytesIO(response.content), format="json")
        assert result.type == "SELECT"
        assert [str(v) for v in result.vars or []] == ["published", "words", "headline"]
        (row,) = list(result)
        published, words, headline = row  # type: ignore[misc]
        assert published == Literal("2025-10-17", datatype=XSD.date)
        assert published.toPython() == datetime.date(2025, 10, 17)
        assert words == Literal(984) and words.toPython() == 984
        assert headline == Literal("Trump kündigt Treffen mit Putin in Budapest an", lang="de")

    def test_json_results_with_unbound_variables(self, live_server: LiveServer) -> None:
        query = (
            f"SELECT ?person ?description WHERE {{ VALUES ?person {{ <{PUTIN}> <{DMITRIEV}> }} "
            f'OPTIONAL {{ ?person <{SCHEMA.description}> ?description FILTER(LANG(?description) = "en") }} }}'
        )
        response = requests.post(live_server.sparql, data={"query": query}, timeout=30)
        result = Result.parse(io.BytesIO(response.content), content_type=response.headers["Content-Type"])
        assert {row.person: row.description for row in result} == {  # type: ignore[union-attr]
            PUTIN: None,
            DMITRIEV: Literal("Russian special envoy, head of the Russian Direct Investment Fund", lang="en"),
        }

    def test_json_boolean(self, live_server: LiveServer) -> None:
        query = f"ASK {{ <{BUDAPEST}> <{SCHEMA.containedInPlace}> <{HUNGARY}> }}"
        response = requests.get(live_server.sparql, params={"query": query}, timeout=30)
        assert response.headers["Content-Type"].startswith("application/sparql-results+json")
        result = Result.parse(io.BytesIO(response.content), format="json")
        assert result.type == "ASK" and result.askAnswer is True

    @pytest.mark.parametrize(
        ("accept", "names"),
        [
            ("application/sparql-results+json", PUTIN_NAMES),
            ("application/sparql-results+xml", PUTIN_NAMES),
            ("text/tab-separated-values", PUTIN_NAMES),
            # CSV carries no language tags.
            ("text/csv", [Literal("Vladimir Putin"), Literal("Wladimir Putin")]),
        ],
    )
    def test_every_results_format_parses_to_the_same_terms(
        self, live_server: LiveServer, accept: str, names: list[Literal]
    ) -> None:
        response = requests.get(
            live_server.sparql, params={"query": NAMES_QUERY}, headers={"Accept": accept}, timeout=30
        )
        assert response.headers["Content-Type"].split(";")[0] == accept
        result = Result.parse(io.BytesIO(response.content), content_type=accept)
        assert [row[0] for row in result] == names  # type: ignore[index]
