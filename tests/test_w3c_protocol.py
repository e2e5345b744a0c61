"""The W3C SPARQL 1.1 Protocol tests (``protocol/manifest.ttl``) replayed against the real server.

Every entry of the manifest is a test here, with the manifest's local name as its id. One server is started
with ``--data protocol/dataset.nq``, which holds the graphs ``http://kasei.us/2009/09/sparql/data/data{1,2,3}.rdf``.
Each ``ht:Request`` is sent as written (method, ``ht:absolutePath`` with ``/sparql/`` rewritten to
``/sparql``, the listed headers only, the body in its ``cnt:characterEncoding``) and its ``ht:resp`` is
checked: status class, result format family, ``mf:expectedBoolean``.

``default-graph-uri=.../data0.rdf`` names no graph of ``dataset.nq``: it is read as an empty graph (as
Fuseki and Oxigraph read it; nothing is fetched), and the request is answered as the manifest expects.

One kind of test cannot pass as written on this endpoint, and asserts our documented behaviour instead:

* ``update_*``: the endpoint is read-only. Every update request must get 403 and change nothing; the
  manifest's follow-up ASK must then answer ``false`` (the manifest expects ``true`` after an update that
  we refuse), and the dataset must still be exactly ``dataset.nq``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
import rdflib
import requests
from rdflib import Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.query import Result

from tests.conftest import LiveServer, start_server

W3C = Path(__file__).resolve().parent / "w3c-sparql11"
MANIFEST = W3C / "protocol" / "manifest.ttl"
DATASET = W3C / "protocol" / "dataset.nq"
MISSING = (
    f"the W3C SPARQL 1.1 test files are missing: expected {MANIFEST} and {DATASET} "
    "(a copy of the W3C files shipped in tests/; see its README.md)"
)

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")

KASEI = "http://kasei.us/2009/09/sparql/data/"
#: The graph the manifest's dataset tests name, which ``dataset.nq`` does not hold.
DATA0 = f"{KASEI}data0.rdf"

RESULT_TYPES = {
    "boolean": {"application/sparql-results+xml", "application/sparql-results+json"},
    "tabular": {
        "application/sparql-results+xml",
        "application/sparql-results+json",
        "text/csv",
        "text/tab-separated-values",
    },
    "RDF": {
        "application/rdf+xml",
        "text/turtle",
        "application/n-triples",
        "text/html",
        "application/xhtml+xml",
    },
}
RDF_PARSERS = {"application/rdf+xml": "xml", "text/turtle": "turtle", "application/n-triples": "nt"}

#: The exact status this endpoint gives to each request the manifest expects to fail (4xx).
REFUSED = {
    "bad_query_method": 405,  # PUT
    "bad_multiple_queries": 400,
    "bad_query_wrong_media_type": 415,  # text/plain
    "bad_query_missing_form_type": 415,  # no Content-Type
    "bad_query_missing_direct_type": 415,  # no Content-Type
    "bad_query_syntax": 400,
    "bad_update_get": 403,
    "bad_multiple_updates": 403,
    "bad_update_wrong_media_type": 415,
    "bad_update_missing_form_type": 415,
    "bad_update_non_utf8": 403,
    "bad_update_syntax": 403,
    "bad_update_dataset_conflict": 403,
}


@dataclass(frozen=True)
class Exchange:
    """One ``ht:Request`` with what its ``ht:resp`` expects."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: frozenset[str]
    """Status classes such as ``2xx``."""
    boolean: bool | None
    result_format: str | None


@dataclass(frozen=True)
class ProtocolTest:
    name: str
    title: str
    exchanges: tuple[Exchange, ...]


def _items(graph: rdflib.Graph, head: object) -> list[object]:
    return list(Collection(graph, head)) if head is not None else []  # type: ignore[arg-type]


def load_manifest() -> dict[str, ProtocolTest]:
    """The tests of the manifest in its order, keyed by local name; empty when the file is missing."""
    if not MANIFEST.is_file():
        return {}
    graph = rdflib.Graph().parse(MANIFEST, format="turtle")
    manifest = next(graph.subjects(MF.entries, None))
    tests: dict[str, ProtocolTest] = {}
    for entry in _items(graph, graph.value(manifest, MF.entries)):
        assert (entry, rdflib.RDF.type, MF.ProtocolTest) in graph, entry
        exchanges = []
        action = graph.value(entry, MF.action)
        for req in _items(graph, graph.value(action, HT.requests)):
            headers = {
                str(graph.value(h, HT.fieldName)).lower(): str(graph.value(h, HT.fieldValue))
                for h in _items(graph, graph.value(req, HT.headers))
            }
            body_node = graph.value(req, HT.body)
            body = None
            if body_node is not None:
                encoding = str(graph.value(body_node, CNT.characterEncoding) or "UTF-8")
                body = str(graph.value(body_node, CNT.chars)).encode(encoding)
            resp = graph.value(req, HT.resp)
            boolean = graph.value(resp, MF.expectedBoolean)
            result_format = graph.value(resp, MF.expectedFormat)
            exchanges.append(
                Exchange(
                    method=str(graph.value(req, HT.methodName)),
                    path=str(graph.value(req, HT.absolutePath)),
                    headers=headers,
                    body=body,
                    statuses=frozenset(
                        str(s).rsplit("StatusCode", 1)[-1] for s in graph.objects(resp, MF.expectedStatus)
                    ),
                    boolean=None if boolean is None else bool(boolean.toPython()),  # type: ignore[union-attr]
                    result_format=None if result_format is None else str(result_format),
                )
            )
        name = str(entry).rsplit("#", 1)[-1]
        tests[name] = ProtocolTest(name, str(graph.value(entry, MF.name)), tuple(exchanges))
    return tests


TESTS = load_manifest()


@pytest.fixture(scope="module")
def w3c_files() -> None:
    if not (MANIFEST.is_file() and DATASET.is_file()):
        pytest.fail(MISSING)


@pytest.fixture(scope="module")
def server(w3c_files: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = start_server("--data", DATASET, log_dir=tmp_path_factory.mktemp("w3c-protocol"))
    yield live
    live.stop()


@pytest.fixture(scope="module")
def expected_quads(w3c_files: None) -> set[tuple[str, str, str, str]]:
    dataset = rdflib.Dataset()
    dataset.parse(DATASET, format="nquads")
    return {(str(s), str(p), str(o), str(g)) for s, p, o, g in dataset.quads()}


def replay(server: LiveServer, exchange: Exchange, path: str | None = None) -> requests.Response:
    """Send the request as the manifest writes it: no headers but its own (and those HTTP needs)."""
    path = path or exchange.path
    assert path.startswith("/sparql/"), path
    with requests.Session() as session:
        session.headers.clear()
        return session.request(
            exchange.method,
            server.url + "/sparql" + path[len("/sparql/") :],
            headers=exchange.headers,
            data=exchange.body,
            timeout=30,
        )


def media_type(response: requests.Response) -> str:
    return response.headers.get("Content-Type", "").split(";")[0].strip()


def check_response(exchange: Exchange, response: requests.Response) -> Result | rdflib.Graph | None:
    """Assert what ``ht:resp`` expects; return the parsed result, if the manifest names a format."""
    status_class = f"{response.status_code // 100}xx"
    assert status_class in exchange.statuses, (response.status_code, response.text)
    if exchange.result_format is None:
        return None
    kind = media_type(response)
    assert kind in RESULT_TYPES[exchange.result_format], kind
    if exchange.result_format == "RDF":
        return rdflib.Graph().parse(data=response.content, format=RDF_PARSERS[kind])
    result = Result.parse(io.BytesIO(response.content), content_type=kind)
    if exchange.boolean is not None:
        assert result.askAnswer is exchange.boolean
    return result


def all_quads(server: LiveServer) -> set[tuple[str, str, str, str]]:
    response = requests.get(
        server.sparql, params={"query": "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"}, timeout=30
    )
    assert response.status_code == 200, response.text
    return {
        tuple(row[v]["value"] for v in ("s", "p", "o", "g"))  # type: ignore[misc]
        for row in response.json()["results"]["bindings"]
    }


def test_manifest_lists_the_protocol_tests(w3c_files: None) -> None:
    assert len(TESTS) == 34
    assert sum(name.startswith(("query_", "bad_query_")) for name in TESTS) == 19
    assert sum("update" in name for name in TESTS) == 14
    assert all(test.exchanges for test in TESTS.values())


def test_server_holds_exactly_the_protocol_dataset(
    server: LiveServer, expected_quads: set[tuple[str, str, str, str]]
) -> None:
    assert len(expected_quads) == 3
    assert {q[3] for q in expected_quads} == {f"{KASEI}data{i}.rdf" for i in (1, 2, 3)}
    assert all_quads(server) == expected_quads


@pytest.mark.parametrize("name", list(TESTS) or ["w3c-files-missing"])
def test_protocol(name: str, server: LiveServer, expected_quads: set[tuple[str, str, str, str]]) -> None:
    test = TESTS[name]
    if "update" in name:
        run_update_test(test, server, expected_quads)
    else:
        run_query_test(test, server)


def run_query_test(test: ProtocolTest, server: LiveServer) -> None:
    """Query tests: replayed as written; ``data0.rdf`` is not ours (see the module docstring)."""
    (exchange,) = test.exchanges
    response = replay(server, exchange)
    if test.name in REFUSED:
        assert exchange.statuses == {"4xx"}
        assert response.status_code == REFUSED[test.name], response.text
        check_response(exchange, response)
        return
    if test.name == "bad_query_non_utf8":
        # The protocol requires UTF-8 for a direct POST; a body declared UTF-16 must be refused.
        assert exchange.statuses == {"4xx"}
        assert exchange.headers["content-type"] == "application/sparql-query; charset=UTF-16"
        assert exchange.body == "ASK {}".encode("utf-16")
        assert 400 <= response.status_code < 500, (response.status_code, response.text)
        return
    assert response.status_code == 200, response.text
    result = check_response(exchange, response)
    check_result(test.name, result)


def check_result(name: str, result: Result | rdflib.Graph | None) -> None:
    """The exact answers, beyond what the manifest states."""
    if name == "query_content_type_select":
        assert isinstance(result, Result)
        assert [str(v) for v in result.vars or []] == ["value"]
        assert [row.asdict() for row in result] == [{"value": Literal(1)}]  # type: ignore[union-attr]
    elif name == "query_content_type_describe":
        # DESCRIBE of an IRI that the dataset does not mention: an empty graph, in an RDF format.
        assert isinstance(result, rdflib.Graph) and len(result) == 0
    elif name == "query_content_type_construct":
        # CONSTRUCT { <s> <p> 1 }: relative IRIs, resolved against the service's base IRI.
        assert isinstance(result, rdflib.Graph) and len(result) == 1
        ((s, p, o),) = list(result)
        assert isinstance(s, URIRef) and str(s).endswith("/s")
        assert isinstance(p, URIRef) and str(p).endswith("/p")
        assert o == Literal(1)
    else:
        assert isinstance(result, Result) and result.type == "ASK" and result.askAnswer is True


def test_the_graph_outside_the_dataset_is_read_as_empty(server: LiveServer) -> None:
    assert any(quote(DATA0, safe="") in e.path for test in TESTS.values() for e in test.exchanges)
    for params in ({"default-graph-uri": DATA0}, {"named-graph-uri": DATA0}):
        response = requests.get(
            server.sparql,
            params={"query": "ASK { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }", **params},
            headers={"Accept": "application/sparql-results+json"},
            timeout=30,
        )
        assert response.status_code == 200, response.text
        assert response.json()["boolean"] is False


def run_update_test(test: ProtocolTest, server: LiveServer, expected_quads: set[tuple[str, ...]]) -> None:
    """Update tests on a read-only endpoint: every update gets a 4xx (the documented status) and changes
    nothing; a follow-up ASK that the manifest expects to be true after the update answers false."""
    assert all_quads(server) == expected_quads
    update, *follow_ups = test.exchanges
    response = replay(server, update)
    expected = REFUSED.get(test.name, 403)
    assert response.status_code == expected, (response.status_code, response.text)
    if expected == 403:
        assert "read-only" in response.text
    if update.statuses == {"4xx"}:
        check_response(update, response)
    for exchange in follow_ups:
        # The manifest's check that the update happened; here it did not.
        assert exchange.boolean is True and exchange.result_format == "boolean"
        response = replay(server, exchange)
        assert response.status_code == 200, response.text
        assert media_type(response) in RESULT_TYPES["boolean"]
        result = Result.parse(io.BytesIO(response.content), content_type=media_type(response))
        assert result.askAnswer is False
    assert all_quads(server) == expected_quads
