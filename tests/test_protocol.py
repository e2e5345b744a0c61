"""The SPARQL 1.1 Protocol on /sparql, spoken over HTTP to the real server (gunicorn)."""

from __future__ import annotations

import csv
import http.client
import io
import json
import threading
import time
import urllib.parse
from pathlib import Path

import pytest
import rdflib
import requests

from server import create_app
from server.cache import ResponseCache
from server.settings import resolve
from tests.conftest import DATA, SEED_SLUG, LiveServer, start_server

ARTICLE_GRAPH = f"https://kg.example.org/graph/{SEED_SLUG}"
ENTITIES_GRAPH = "https://kg.example.org/graph/entities"
PUTIN_NAMES = "PREFIX schema: <http://schema.org/> SELECT ?name WHERE { <https://kg.example.org/person/vladimir-putin> schema:name ?name } ORDER BY ?name"  # noqa: E501
CONSTRUCT = "PREFIX schema: <http://schema.org/> CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:sameAs <http://www.wikidata.org/entity/Q7747> ; schema:name ?n }"  # noqa: E501


def names(response: requests.Response) -> list[str]:
    return [b["name"]["value"] for b in response.json()["results"]["bindings"]]


class TestQueryOperation:
    def test_get(self, live_server: LiveServer) -> None:
        response = requests.get(live_server.sparql, params={"query": PUTIN_NAMES})
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("application/sparql-results+json")
        assert names(response) == ["Vladimir Putin", "Wladimir Putin"]

    def test_post_form(self, live_server: LiveServer) -> None:
        response = requests.post(live_server.sparql, data={"query": PUTIN_NAMES})
        assert response.status_code == 200 and names(response) == ["Vladimir Putin", "Wladimir Putin"]

    def test_post_direct(self, live_server: LiveServer) -> None:
        response = requests.post(
            live_server.sparql,
            data=PUTIN_NAMES.encode(),
            headers={"Content-Type": "application/sparql-query; charset=utf-8"},
        )
        assert response.status_code == 200 and names(response) == ["Vladimir Putin", "Wladimir Putin"]

    def test_head_answers_as_get_would_without_the_body(self, live_server: LiveServer) -> None:
        response = requests.head(live_server.sparql, params={"query": PUTIN_NAMES})
        get = requests.get(live_server.sparql, params={"query": PUTIN_NAMES})
        assert response.status_code == 200 and response.content == b""
        assert response.headers["Content-Type"] == get.headers["Content-Type"]
        assert int(response.headers["Content-Length"]) == len(get.content)
        description = requests.head(live_server.sparql, headers={"Accept": "text/turtle"})
        assert description.status_code == 200 and description.headers["Content-Type"].startswith(
            "text/turtle"
        )

    def test_percent_sign_in_a_form_query_survives(self, live_server: LiveServer) -> None:
        query = 'SELECT ?x WHERE { BIND("100% sicher" AS ?x) }'
        response = requests.post(live_server.sparql, data={"query": query})
        assert response.json()["results"]["bindings"][0]["x"]["value"] == "100% sicher"

    def test_ask(self, live_server: LiveServer) -> None:
        query = "ASK { ?e <http://schema.org/location> <https://kg.example.org/place/budapest> }"
        assert requests.get(live_server.sparql, params={"query": query}).json()["boolean"] is True

    def test_construct_as_turtle(self, live_server: LiveServer) -> None:
        response = requests.get(
            live_server.sparql, params={"query": CONSTRUCT}, headers={"Accept": "text/turtle"}
        )
        assert response.headers["Content-Type"].startswith("text/turtle")
        graph = rdflib.Graph().parse(data=response.text, format="turtle")
        assert {str(o) for o in graph.objects()} == {"Vladimir Putin", "Wladimir Putin"}

    def test_describe(self, live_server: LiveServer) -> None:
        query = "DESCRIBE <https://kg.example.org/place/budapest>"
        response = requests.get(
            live_server.sparql, params={"query": query}, headers={"Accept": "application/n-triples"}
        )
        assert response.status_code == 200
        graph = rdflib.Graph().parse(data=response.text, format="nt")
        assert (rdflib.URIRef("https://kg.example.org/place/budapest"), None, None) in graph


class TestContentNegotiation:
    @pytest.mark.parametrize(
        ("accept", "expected"),
        [
            ("application/sparql-results+xml", "application/sparql-results+xml"),
            ("text/csv", "text/csv"),
            ("text/tab-separated-values", "text/tab-separated-values"),
            ("application/json", "application/sparql-results+json"),
            ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
            ("text/html, */*;q=0.1", "application/sparql-results+json"),
        ],
    )
    def test_select_results(self, live_server: LiveServer, accept: str, expected: str) -> None:
        response = requests.get(live_server.sparql, params={"query": PUTIN_NAMES}, headers={"Accept": accept})
        assert response.status_code == 200
        assert response.headers["Content-Type"].split(";")[0] == expected
        assert "Accept" in response.headers["Vary"]

    @pytest.mark.parametrize(
        ("accept", "expected", "parse_as"),
        [
            ("text/turtle", "text/turtle", "turtle"),
            ("application/n-triples", "application/n-triples", "nt"),
            ("application/rdf+xml", "application/rdf+xml", "xml"),
            ("application/ld+json", "application/ld+json", "json-ld"),
            ("application/n-quads", "application/n-quads", "nquads"),
            ("application/trig", "application/trig", "trig"),
        ],
    )
    def test_graph_results(self, live_server: LiveServer, accept: str, expected: str, parse_as: str) -> None:
        response = requests.get(live_server.sparql, params={"query": CONSTRUCT}, headers={"Accept": accept})
        assert response.headers["Content-Type"].split(";")[0] == expected
        graph = rdflib.Dataset() if parse_as in ("nquads", "trig") else rdflib.Graph()
        graph.parse(data=response.content, format=parse_as)
        assert len(graph) == 2 or len(list(graph.quads())) == 2

    def test_format_parameter_overrides_accept(self, live_server: LiveServer) -> None:
        response = requests.get(
            live_server.sparql,
            params={"query": PUTIN_NAMES, "format": "csv"},
            headers={"Accept": "text/html"},
        )
        assert response.headers["Content-Type"].startswith("text/csv")
        assert list(csv.reader(io.StringIO(response.text))) == [
            ["name"],
            ["Vladimir Putin"],
            ["Wladimir Putin"],
        ]

    def test_nothing_acceptable_is_406(self, live_server: LiveServer) -> None:
        response = requests.get(
            live_server.sparql, params={"query": PUTIN_NAMES}, headers={"Accept": "image/png"}
        )
        assert response.status_code == 406
        assert "application/sparql-results+json" in response.text

    def test_ask_as_xml(self, live_server: LiveServer) -> None:
        response = requests.get(
            live_server.sparql,
            params={"query": "ASK {}"},
            headers={"Accept": "application/sparql-results+xml"},
        )
        assert "<boolean>true</boolean>" in response.text


class TestDataset:
    COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    def count(self, server: LiveServer, query: str | None = None, **params: object) -> int:
        response = requests.get(server.sparql, params={"query": query or self.COUNT, **params})
        assert response.status_code == 200, response.text
        return int(response.json()["results"]["bindings"][0]["n"]["value"])

    def test_default_graph_is_the_union_of_all_graphs(self, live_server: LiveServer) -> None:
        total = self.count(live_server)
        entities = self.count(live_server, **{"default-graph-uri": ENTITIES_GRAPH})
        article = self.count(live_server, **{"default-graph-uri": ARTICLE_GRAPH})
        assert 0 < entities < total and 0 < article < total
        assert entities + article >= total

    def test_each_article_graph_is_reachable_with_graph(self, live_server: LiveServer) -> None:
        query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ARTICLE_GRAPH}> {{ ?s ?p ?o }} }}"
        assert self.count(live_server, query) == self.count(
            live_server, **{"default-graph-uri": ARTICLE_GRAPH}
        )

    def test_from_selects_a_local_graph(self, live_server: LiveServer) -> None:
        query = f"SELECT (COUNT(*) AS ?n) FROM <{ENTITIES_GRAPH}> WHERE {{ ?s ?p ?o }}"
        assert self.count(live_server, query) == self.count(
            live_server, **{"default-graph-uri": ENTITIES_GRAPH}
        )

    def test_named_graph_uri_limits_graph_patterns(self, live_server: LiveServer) -> None:
        query = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        assert self.count(live_server, query) == 2
        assert self.count(live_server, query, **{"named-graph-uri": ENTITIES_GRAPH}) == 1

    def test_protocol_dataset_wins_over_from(self, live_server: LiveServer) -> None:
        query = f"SELECT (COUNT(*) AS ?n) FROM <{ARTICLE_GRAPH}> WHERE {{ ?s ?p ?o }}"
        from_protocol = self.count(live_server, query, **{"default-graph-uri": ENTITIES_GRAPH})
        assert from_protocol == self.count(live_server, **{"default-graph-uri": ENTITIES_GRAPH})

    @pytest.mark.parametrize("iri", ["http://127.0.0.1:9/remote", "file:///etc/passwd"])
    def test_non_local_graphs_in_from_are_refused(self, live_server: LiveServer, iri: str) -> None:
        response = requests.get(
            live_server.sparql, params={"query": f"SELECT * FROM <{iri}> WHERE {{ ?s ?p ?o }}"}
        )
        assert response.status_code == 400
        assert "not a graph of this dataset" in response.text

    @pytest.mark.parametrize("iri", ["http://127.0.0.1:9/remote", "file:///etc/passwd"])
    def test_non_local_graphs_in_protocol_parameters_are_empty(
        self, live_server: LiveServer, iri: str
    ) -> None:
        assert self.count(live_server, **{"default-graph-uri": iri}) == 0
        query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        assert self.count(live_server, query, **{"named-graph-uri": iri}) == 0


class TestServiceDescription:
    def test_bare_get_describes_the_service(self, live_server: LiveServer) -> None:
        response = requests.get(live_server.sparql, headers={"Accept": "text/turtle"})
        assert response.status_code == 200
        graph = rdflib.Graph().parse(data=response.text, format="turtle")
        sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
        service = graph.value(predicate=rdflib.RDF.type, object=sd.Service)
        assert graph.value(service, sd.endpoint) == rdflib.URIRef(live_server.sparql)
        assert (service, sd.supportedLanguage, sd.SPARQL11Query) in graph
        names = {str(n) for n in graph.objects(None, sd.name)}
        assert names == {ARTICLE_GRAPH, ENTITIES_GRAPH}
        assert len(set(graph.objects(service, sd.resultFormat))) == 10

    def test_a_client_accepting_anything_gets_the_service_description(self, live_server: LiveServer) -> None:
        response = requests.get(live_server.sparql, headers={"Accept": "*/*"}, allow_redirects=False)
        assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/turtle")
        assert "sd:Service" in response.text or "sparql-service-description#Service" in response.text

    def test_a_browser_is_sent_to_the_query_page(self, live_server: LiveServer) -> None:
        browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
        response = requests.get(live_server.sparql, headers={"Accept": browser}, allow_redirects=False)
        assert response.status_code == 303 and response.headers["Location"].endswith("/")

    def test_service_description_as_json_ld(self, live_server: LiveServer) -> None:
        response = requests.get(live_server.sparql, headers={"Accept": "application/ld+json"})
        assert response.headers["Content-Type"].startswith("application/ld+json")
        json.loads(response.text)


class TestErrors:
    """4xx with a short message: never a stack trace, a file path or a 500."""

    def assert_short(self, response: requests.Response, status: int, *needles: str) -> None:
        assert response.status_code == status, response.text
        assert response.headers["Content-Type"].startswith("text/plain")
        assert (
            "Traceback" not in response.text and "/work/" not in response.text and ".py" not in response.text
        )
        for needle in needles:
            assert needle in response.text

    def test_malformed_query_gives_the_parser_message_and_position(self, live_server: LiveServer) -> None:
        response = requests.get(live_server.sparql, params={"query": "SELECT * WHERE { ?s ?p }"})
        self.assert_short(response, 400, "malformed query", "1:")

    @pytest.mark.parametrize(
        "query", ["SELECT * {", "SELECT * WHERE { ?s ?p ?o } ORDER BY"], ids=["unclosed", "dangling"]
    )
    def test_the_error_position_is_in_the_text_the_client_sent(
        self, live_server: LiveServer, query: str
    ) -> None:
        """The row cap appends a LIMIT on a new line; the position must not point there."""
        response = requests.get(live_server.sparql, params={"query": query})
        self.assert_short(response, 400, "malformed query", "1:")
        assert "2:" not in response.text

    def test_missing_query(self, live_server: LiveServer) -> None:
        self.assert_short(
            requests.post(live_server.sparql, data={"default-graph-uri": ENTITIES_GRAPH}), 400, "missing"
        )

    def test_two_queries(self, live_server: LiveServer) -> None:
        response = requests.get(live_server.sparql, params=[("query", "ASK {}"), ("query", "ASK {}")])
        self.assert_short(response, 400, "exactly one")

    def test_unsupported_content_type(self, live_server: LiveServer) -> None:
        response = requests.post(live_server.sparql, data="ASK {}", headers={"Content-Type": "text/plain"})
        self.assert_short(response, 415, "application/sparql-query")

    def test_other_methods(self, live_server: LiveServer) -> None:
        response = requests.put(live_server.sparql, data="ASK {}")
        assert response.status_code == 405 and "GET" in response.headers["Allow"]

    def test_not_a_query(self, live_server: LiveServer) -> None:
        self.assert_short(
            requests.get(live_server.sparql, params={"query": "hello"}), 400, "not a SPARQL query"
        )

    def test_bad_timeout_parameter(self, live_server: LiveServer) -> None:
        response = requests.get(live_server.sparql, params={"query": "ASK {}", "timeout": "soon"})
        self.assert_short(response, 400, "timeout")


class TestReadOnly:
    UPDATE = "INSERT DATA { <http://ex.org/a> <http://ex.org/b> <http://ex.org/c> }"

    @pytest.mark.parametrize(
        ("send", "status"),
        [
            (lambda url, u: requests.post(url, data={"update": u}), 403),
            (
                lambda url, u: requests.post(
                    url, data=u, headers={"Content-Type": "application/sparql-update"}
                ),
                403,
            ),
            (lambda url, u: requests.get(url, params={"update": u}), 403),
            (lambda url, u: requests.get(url, params={"query": u}), 400),
            (lambda url, u: requests.post(url, data={"query": "LOAD <http://127.0.0.1:9/x>"}), 400),
            (lambda url, u: requests.post(url, data={"query": "DROP ALL"}), 400),
        ],
    )
    def test_updates_are_refused_and_change_nothing(
        self, live_server: LiveServer, send: object, status: int
    ) -> None:
        """403 for an update request (the endpoint is read-only), 400 for an update sent as a query."""
        before = TestDataset().count(live_server)
        response = send(live_server.sparql, self.UPDATE)  # type: ignore[operator]
        assert response.status_code == status, response.text
        assert "read-only" in response.text
        assert TestDataset().count(live_server) == before


class TestConformance:
    """Where the SPARQL 1.1 Protocol's own tests disagree with an older reading of ours."""

    def test_a_graph_parameter_outside_the_dataset_is_an_empty_graph(self, live_server: LiveServer) -> None:
        for name in ("default-graph-uri", "named-graph-uri"):
            response = requests.get(
                live_server.sparql,
                params={
                    "query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                    name: "http://elsewhere.test/g",
                },
                headers={"Accept": "text/csv"},
                timeout=30,
            )
            assert response.status_code == 200, response.text
            assert response.text.split() == ["n", "0"]

    def test_the_service_description_says_so(self, live_server: LiveServer) -> None:
        response = requests.get(live_server.sparql, headers={"Accept": "text/turtle"}, timeout=30)
        assert "names no graph of this dataset is an empty graph" in response.text

    @pytest.mark.parametrize("accept", ["application/x-nothing", "image/png"])
    def test_a_syntax_error_is_400_before_an_unacceptable_accept_is_406(
        self, live_server: LiveServer, accept: str
    ) -> None:
        broken = requests.get(
            live_server.sparql, params={"query": "CONSTRUCT WHERE { ?s ?p ?o . FILTER(?o) }"},
            headers={"Accept": accept}, timeout=30,
        )  # fmt: skip
        assert broken.status_code == 400 and broken.text.startswith("400 Bad Request: malformed query")
        fine = requests.get(
            live_server.sparql, params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"Accept": accept},
            timeout=30,
        )  # fmt: skip
        assert fine.status_code == 406


class TestCors:
    def test_reads_are_allowed_from_any_origin(self, live_server: LiveServer) -> None:
        response = requests.get(
            live_server.sparql, params={"query": "ASK {}"}, headers={"Origin": "https://x.org"}
        )
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in response.headers

    def test_preflight(self, live_server: LiveServer) -> None:
        response = requests.options(
            live_server.sparql,
            headers={
                "Origin": "https://x.org",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "Content-Type",
            },
        )
        assert response.status_code == 200
        assert "POST" in response.headers["Access-Control-Allow-Methods"]
        assert "Content-Type" in response.headers["Access-Control-Allow-Headers"]


def test_healthz(live_server: LiveServer) -> None:
    response = requests.get(live_server.url + "/healthz")
    assert response.status_code == 200 and response.text == "ok\n"


# --- limits: a server of its own with small limits ---

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CLOSURE = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a (<http://schema.org/name>|!<http://x.org/none>)* ?b . ?c ?d ?e }"
)


@pytest.fixture(scope="module")
def limited(seed_store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> LiveServer:
    server = start_server(
        "--store",
        seed_store_dir,
        log_dir=tmp_path_factory.mktemp("limited"),
        settings={
            "sparql_time_limit_s": 2,
            "max_request_bytes": 20_000,
            "max_query_chars": 5_000,
            "max_query_depth": 20,
            "max_result_rows": 7,
            "executors": 2,
            "queue_timeout_s": 0.5,
            "result_cache_mb": 0,  # every query here must reach a query process
        },
    )
    yield server
    server.stop()


def wait_until_idle(server: LiveServer) -> None:
    """Wait until every query process is free (a killed one is replaced in the background)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        state = requests.get(server.url + "/-/executors.json").json()
        if state["idle"] == state["size"]:
            return
        time.sleep(0.2)
    raise AssertionError("the query processes did not become idle")


class TestLimits:
    def test_request_body_too_large_is_413(self, limited: LiveServer) -> None:
        response = requests.post(limited.sparql, data={"query": "ASK {}", "pad": "x" * 30_000})
        assert response.status_code == 413

    def test_query_too_long_is_413_naming_the_setting(self, limited: LiveServer) -> None:
        query = "ASK {} " + "#" * 6_000
        response = requests.post(
            limited.sparql, data=query, headers={"Content-Type": "application/sparql-query"}
        )
        assert response.status_code == 413 and "max_query_chars" in response.text

    def test_a_get_request_line_beyond_8190_bytes_is_414_and_post_takes_it(self, limited: LiveServer) -> None:
        fits = "ASK {} " + "#" * 2_000 + "\n"  # about 6,000 bytes once URL-encoded
        assert requests.get(limited.sparql, params={"query": fits}).status_code == 200
        query = "ASK {} " + "#" * 4_500 + "\n"
        response = requests.get(limited.sparql, params={"query": query})
        assert response.status_code == 414 and "Traceback" not in response.text
        posted = requests.post(
            limited.sparql, data=query, headers={"Content-Type": "application/sparql-query"}
        )
        assert posted.status_code == 200

    def test_deep_nesting_is_refused_before_the_engine(self, limited: LiveServer) -> None:
        query = "SELECT * WHERE " + "{" * 2500 + "}" * 2500
        response = requests.post(limited.sparql, data={"query": query[:4900]})
        assert response.status_code == 400 and "max_query_depth" in response.text
        assert requests.get(limited.url + "/healthz").status_code == 200

    def test_result_rows_are_capped_and_announced(self, limited: LiveServer) -> None:
        query = "SELECT ?s WHERE { ?s ?p ?o }"
        response = requests.get(limited.sparql, params={"query": query})
        assert len(response.json()["results"]["bindings"]) == 7
        assert response.headers["X-SPARQL-Max-Rows"] == "7"
        small = requests.get(limited.sparql, params={"query": query + " LIMIT 3"})
        assert len(small.json()["results"]["bindings"]) == 3 and "X-SPARQL-Max-Rows" not in small.headers

    @pytest.mark.parametrize("query", [CARTESIAN, CLOSURE], ids=["cartesian", "path-closure"])
    def test_runaway_query_is_cut_off_while_others_are_answered(
        self, limited: LiveServer, query: str
    ) -> None:
        outcome: dict[str, requests.Response] = {}

        def runaway() -> None:
            outcome["slow"] = requests.get(limited.sparql, params={"query": query}, timeout=30)

        started = time.monotonic()
        thread = threading.Thread(target=runaway)
        thread.start()
        time.sleep(0.3)
        quick = requests.get(limited.sparql, params={"query": "ASK {}"}, timeout=10)
        assert quick.status_code == 200, quick.text
        assert time.monotonic() - started < 1.5
        thread.join()
        slow = outcome["slow"]
        assert slow.status_code == 503
        assert "time limit of 2 s" in slow.text and "sparql_time_limit_s" in slow.text
        assert time.monotonic() - started < 6
        after = requests.get(limited.sparql, params={"query": PUTIN_NAMES}, timeout=10)
        assert after.status_code == 200 and names(after) == ["Vladimir Putin", "Wladimir Putin"]

    def test_timeout_parameter_may_only_lower_the_limit(self, limited: LiveServer) -> None:
        started = time.monotonic()
        response = requests.get(limited.sparql, params={"query": CARTESIAN, "timeout": "0.5"}, timeout=30)
        assert response.status_code == 503 and "0.5 s" in response.text
        assert time.monotonic() - started < 2

    def test_full_pool_answers_503(self, limited: LiveServer) -> None:
        wait_until_idle(limited)
        slow = {"params": {"query": CARTESIAN}, "timeout": 30}
        threads = [
            threading.Thread(target=requests.get, args=(limited.sparql,), kwargs=slow) for _ in range(2)
        ]
        for t in threads:
            t.start()
        time.sleep(0.4)
        response = requests.get(limited.sparql, params={"query": "ASK {}"}, timeout=10)
        for t in threads:
            t.join()
        assert response.status_code == 503 and "busy" in response.text
        assert response.headers["Retry-After"]
        time.sleep(1)
        assert requests.get(limited.sparql, params={"query": "ASK {}"}, timeout=10).status_code == 200


def cache_stats(server: LiveServer) -> dict[str, int]:
    return requests.get(server.url + "/-/executors.json").json()["result_cache"]  # type: ignore[no-any-return]


class TestResultCache:
    """The single worker of these servers answers a query asked for again from its cache, with the same
    bytes; it keeps an answer from the second time it is asked for."""

    def test_a_repeated_query_is_answered_from_the_cache(self, live_server: LiveServer) -> None:
        query = PUTIN_NAMES + " # repeated"
        requests.get(live_server.sparql, params={"query": query})
        first = requests.get(live_server.sparql, params={"query": query})  # asked again: kept
        before = cache_stats(live_server)
        second = requests.get(live_server.sparql, params={"query": query})
        after = cache_stats(live_server)
        assert first.status_code == second.status_code == 200
        assert second.content == first.content and names(second) == ["Vladimir Putin", "Wladimir Putin"]
        assert second.headers["Content-Type"] == first.headers["Content-Type"]
        assert (after["hits"], after["misses"]) == (before["hits"] + 1, before["misses"])

    def test_each_format_is_its_own_answer(self, live_server: LiveServer) -> None:
        query = PUTIN_NAMES + " # formats"
        json_answer = requests.get(live_server.sparql, params={"query": query})
        before = cache_stats(live_server)
        xml = requests.get(
            live_server.sparql, params={"query": query}, headers={"Accept": "application/sparql-results+xml"}
        )
        assert xml.headers["Content-Type"].startswith("application/sparql-results+xml")
        assert xml.content != json_answer.content
        assert cache_stats(live_server)["misses"] == before["misses"] + 1

    def test_errors_are_never_kept(self, live_server: LiveServer) -> None:
        query = "SELECT ?x WHERE { ?x ?y } # cache"
        before = cache_stats(live_server)
        for _ in range(3):
            response = requests.get(live_server.sparql, params={"query": query})
            assert response.status_code == 400 and "malformed query" in response.text
        after = cache_stats(live_server)
        assert after["hits"] == before["hits"] and after["entries"] == before["entries"]

    def test_the_cache_stays_within_its_budget(self, live_server: LiveServer) -> None:
        stats = cache_stats(live_server)
        assert 0 < stats["bytes"] <= stats["max_bytes"] == 64 * 1024 * 1024

    def test_zero_megabytes_turns_it_off(self, limited: LiveServer) -> None:
        assert cache_stats(limited) is None
        answers = [requests.get(limited.sparql, params={"query": PUTIN_NAMES}).content for _ in range(2)]
        assert answers[0] == answers[1]


def fetch(
    server: LiveServer,
    target: str,
    headers: dict[str, str] | None = None,
    method: str = "GET",
    body: str = "",
) -> tuple[int, str, list[tuple[str, str]], bytes]:
    """One request on a connection of its own; the response as it came: status, reason, the headers in their
    order and spelling (less ``Date``, the server's clock), body."""
    host, port = server.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        connection.request(method, target, body=body or None, headers=headers or {})
        response = connection.getresponse()
        kept = [(name, value) for name, value in response.getheaders() if name.lower() != "date"]
        return response.status, response.reason, kept, response.read()
    finally:
        connection.close()


def sparql_target(query: str, prefix: str = "", **params: str) -> str:
    return f"{prefix}/sparql?" + urllib.parse.urlencode({"query": query, **params})


HERE = "SELECT ?here WHERE { BIND(<here> AS ?here) }"
"""Its answer is the base IRI of the request resolved against ``here``: scheme, host and root path."""


class TestResponseCache:
    """A repeated identical GET /sparql is answered whole before Flask (``response_hits``), byte for byte;
    every request input its answer depends on is a different answer, and other requests never get one."""

    def counts(self, server: LiveServer) -> tuple[int, int, int]:
        stats = cache_stats(server)
        return stats["hits"], stats["response_hits"], stats["misses"]

    def test_a_repeated_get_gets_the_same_status_headers_and_body_without_flask(
        self, live_server: LiveServer
    ) -> None:
        target = sparql_target(PUTIN_NAMES + " # whole response")
        fetch(live_server, target)
        first = fetch(live_server, target)  # asked again: kept
        hits, response_hits, misses = self.counts(live_server)
        second = fetch(live_server, target)
        assert second == first and first[0] == 200
        assert [b["name"]["value"] for b in json.loads(second[3])["results"]["bindings"]] == [
            "Vladimir Putin",
            "Wladimir Putin",
        ]
        assert self.counts(live_server) == (hits + 1, response_hits + 1, misses)

    @pytest.mark.parametrize(
        ("prefix", "headers", "params", "expected"),
        [
            ("", {"Accept": "application/sparql-results+xml"}, {}, "xml"),
            ("", {"Accept": "text/csv"}, {}, "csv"),
            ("", {}, {"format": "tsv"}, "tsv"),
            ("", {"Host": "other.example"}, {}, "http://other.example/here"),
            ("", {"X-Forwarded-Proto": "https"}, {}, "https://{host}/here"),
            ("/kg", {"SCRIPT_NAME": "/kg"}, {}, "http://{host}/kg/here"),
        ],
        ids=["accept-xml", "accept-csv", "query-string", "host", "forwarded-scheme", "script-name"],
    )
    def test_each_input_the_answer_depends_on_gets_its_own_answer(
        self,
        live_server: LiveServer,
        prefix: str,
        headers: dict[str, str],
        params: dict[str, str],
        expected: str,
    ) -> None:
        query = f"{HERE} # {prefix} {sorted(headers.items())} {params}"
        plain = fetch(live_server, sparql_target(query))
        host = live_server.url.removeprefix("http://")
        assert json.loads(plain[3])["results"]["bindings"][0]["here"]["value"] == f"http://{host}/here"
        hits, response_hits, misses = self.counts(live_server)
        status, _, got_headers, body = fetch(live_server, sparql_target(query, prefix, **params), headers)
        assert status == 200 and body != plain[3]
        assert self.counts(live_server) == (hits, response_hits, misses + 1)
        content_type = dict(got_headers)["Content-Type"]
        if expected in ("xml", "csv", "tsv"):
            assert {"xml": "sparql-results+xml", "csv": "text/csv", "tsv": "tab-separated"}[expected] in (
                content_type
            )
            assert f"http://{host}/here" in body.decode()
        else:
            assert content_type.startswith("application/sparql-results+json")
            iri = json.loads(body)["results"]["bindings"][0]["here"]["value"]
            assert iri == expected.format(host=host)
        again = fetch(live_server, sparql_target(query, prefix, **params), headers)  # asked again: kept
        assert again[3] == body and self.counts(live_server) == (hits, response_hits, misses + 2)
        third = fetch(live_server, sparql_target(query, prefix, **params), headers)
        assert third[3] == body and self.counts(live_server) == (hits + 1, response_hits + 1, misses + 2)

    def test_the_service_description_of_another_host_names_that_host(self, live_server: LiveServer) -> None:
        ours = fetch(live_server, "/sparql?&", {"Accept": "application/n-triples"})
        theirs = fetch(live_server, "/sparql?&", {"Accept": "application/n-triples", "Host": "other.example"})
        endpoint = "<http://www.w3.org/ns/sparql-service-description#endpoint>"
        assert f"{endpoint} <{live_server.sparql}>".encode() in ours[3]
        assert f"{endpoint} <http://other.example/sparql>".encode() in theirs[3]

    def test_a_post_is_never_answered_from_it(self, live_server: LiveServer) -> None:
        target = sparql_target(PUTIN_NAMES + " # post")
        fetch(live_server, target)
        fetch(live_server, target)  # asked again: kept whole
        assert fetch(live_server, target)[0] == 200
        hits, response_hits, misses = self.counts(live_server)
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        status, _, headers, body = fetch(live_server, target, form, method="POST", body="format=csv")
        assert status == 200 and dict(headers)["Content-Type"].startswith("text/csv")
        assert body.decode().split("\r\n")[1:3] == ["Vladimir Putin", "Wladimir Putin"]
        assert self.counts(live_server) == (hits, response_hits, misses + 1)

    @pytest.mark.parametrize(
        "header",
        [
            {"If-None-Match": '"anything"'},
            {"If-Modified-Since": "Wed, 21 Oct 2015 07:28:00 GMT"},
            {"Range": "bytes=0-3"},
        ],
        ids=["if-none-match", "if-modified-since", "range"],
    )
    def test_a_conditional_or_range_request_is_never_answered_from_it(
        self, live_server: LiveServer, header: dict[str, str]
    ) -> None:
        target = sparql_target(PUTIN_NAMES + f" # {header}")
        fetch(live_server, target)
        kept = fetch(live_server, target)  # asked again: kept whole
        hits, response_hits, misses = self.counts(live_server)
        conditional = fetch(live_server, target, header)
        assert conditional[0] == 200 and conditional[3] == kept[3]
        assert self.counts(live_server) == (hits, response_hits, misses + 1)  # computed again
        assert fetch(live_server, target, header)[3] == kept[3]  # asked again: its answer kept
        assert self.counts(live_server) == (hits, response_hits, misses + 2)
        assert fetch(live_server, target, header)[3] == kept[3]
        assert self.counts(live_server) == (hits + 1, response_hits, misses + 2)  # its answer

    def test_a_get_it_keeps_is_kept_once(self, live_server: LiveServer) -> None:
        """The whole response only; the query pool does not keep the same answer as well."""
        before = cache_stats(live_server)
        for _ in range(2):  # kept when asked for the second time
            assert fetch(live_server, sparql_target(PUTIN_NAMES + " # kept once"))[0] == 200
        assert cache_stats(live_server)["entries"] == before["entries"] + 1

    def test_html_is_never_kept(self, live_server: LiveServer) -> None:
        browser = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
        before = cache_stats(live_server)
        for _ in range(3):
            redirect = fetch(live_server, "/sparql?&", browser)
            assert redirect[0] == 303 and dict(redirect[2])["Location"].endswith("/")
            page = fetch(live_server, "/", browser)
            assert page[0] == 200 and dict(page[2])["Content-Type"].startswith("text/html")
        after = cache_stats(live_server)
        assert after["response_hits"] == before["response_hits"]

    def test_a_bad_query_is_never_kept(self, live_server: LiveServer) -> None:
        target = sparql_target("SELECT ?x WHERE { ?x ?y } # whole response")
        before = cache_stats(live_server)
        for _ in range(3):
            status, _, _, body = fetch(live_server, target)
            assert status == 400 and b"malformed query" in body
        after = cache_stats(live_server)
        assert (after["hits"], after["entries"]) == (before["hits"], before["entries"])

    def test_it_is_there_only_when_the_result_cache_is(self, seed_store_dir: Path) -> None:
        for megabytes, wrapped in ((0, False), (1, True)):
            settings = resolve(values={"result_cache_mb": megabytes, "store_mode": "disk", "executors": 1})
            app = create_app(seed_store_dir, settings=settings)
            assert isinstance(app.wsgi_app, ResponseCache) is wrapped


class TestServe:
    def test_an_empty_store_is_built_from_the_data_folder_first(self, tmp_path: Path) -> None:
        server = start_server("--store", tmp_path / "store", "--data-dir", DATA, log_dir=tmp_path)
        try:
            response = requests.get(server.sparql, params={"query": "SELECT ?g WHERE { GRAPH ?g {} }"})
            graphs = {row["g"]["value"] for row in response.json()["results"]["bindings"]}
            assert graphs == {ARTICLE_GRAPH, ENTITIES_GRAPH}
        finally:
            server.stop()

    def test_data_files_of_every_rdf_format_are_served_each_as_its_graph(self, tmp_path: Path) -> None:
        graph = rdflib.Graph()
        graph.add((rdflib.URIRef("http://ex.org/a"), rdflib.URIRef("http://ex.org/p"), rdflib.Literal("v")))
        formats = {
            "ttl": "turtle",
            "nt": "nt",
            "rdf": "xml",
            "jsonld": "json-ld",
            "trig": "trig",
            "nq": "nquads",
        }
        files = []
        for suffix, name in formats.items():
            files.append(tmp_path / f"data-{suffix}.{suffix}")
            if name in ("trig", "nquads"):
                dataset = rdflib.Dataset()
                dataset.graph(rdflib.URIRef(f"http://ex.org/g-{suffix}")).add(next(iter(graph)))
                dataset.serialize(files[-1], format=name, encoding="utf-8")
            else:
                graph.serialize(files[-1], format=name, encoding="utf-8")
        server = start_server(*(a for f in files for a in ("--data", f)), log_dir=tmp_path)
        try:
            query = 'SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { <http://ex.org/a> ?p "v" } }'
            response = requests.get(server.sparql, params={"query": query})
            assert response.json()["results"]["bindings"][0]["n"]["value"] == str(len(formats))
        finally:
            server.stop()
