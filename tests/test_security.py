"""Security: nothing is fetched because a query or a file asked for it; nothing leaks; nothing is written.

A canary stands for every remote host: an HTTP server and a bare TCP listener on 127.0.0.1 that record each
connection they get. Queries and files name the canary (SERVICE, LOAD, FROM, protocol graph IRIs, remote
JSON-LD contexts, external XML entities and DTDs) and every test asserts the canary heard nothing; first, the
canary is shown to hear a direct request, and the engine under the server to call it for SERVICE, so these
assertions can fail.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pyoxigraph
import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st

from server.execution import sandbox
from tests.conftest import NEWSKG, LiveServer, free_port, start_server

PASSWD = Path("/etc/passwd")
PASSWD_MARKER = "root:x:0:0"
"""The start of /etc/passwd: no response, message or output may ever contain it."""

LEAKS = ("Traceback", 'File "', "/work/", ".py", "site-packages", PASSWD_MARKER)

SERVICE_REFUSED = (
    "400 Bad Request: SERVICE (federated query) is disabled: this endpoint never fetches remote data\n"
)
READ_ONLY = "403 Forbidden: SPARQL Update is not allowed: this endpoint is read-only\n"
NOT_A_QUERY = (
    "400 Bad Request: an update is not a query: SPARQL Update goes in the 'update' parameter, and this "
    "endpoint is read-only\n"
)
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ENTITIES_GRAPH = "https://kg.example.org/graph/entities"
STOLEN_GRAPH = "http://ex.org/stolen"


def not_local(iri: str) -> str:
    return f"400 Bad Request: <{iri}> is not a graph of this dataset; this endpoint reads local graphs only\n"


# --- the canary ---------------------------------------------------------------------------------------------

CANARY_ANSWER = json.dumps(
    {
        "head": {"vars": ["canary"]},
        "results": {"bindings": [{"canary": {"type": "literal", "value": "canary was here"}}]},
    }
).encode()


class Canary:
    """An HTTP server (``url``) and a bare TCP listener (``tls_url``, for https:// IRIs) on 127.0.0.1.

    ``heard`` lists, in order, every connection either one accepted and every request or byte it received.
    The HTTP server answers any request like a SPARQL endpoint would, so a fetch would visibly succeed.
    """

    def __init__(self) -> None:
        self.heard: list[str] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        canary = self

        class Handler(BaseHTTPRequestHandler):
            def answer(self) -> None:
                canary.note(f"http {self.command} {self.path.split('?')[0]}")
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(CANARY_ANSWER)))
                self.end_headers()
                self.wfile.write(CANARY_ANSWER)

            do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = do_OPTIONS = do_PATCH = answer

            def log_message(self, *args: Any) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def verify_request(self, request: Any, client_address: Any) -> bool:
                canary.note("http connect")
                return True

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass

        self._http = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._http.server_address[1]}"
        self._raw = socket.create_server(("127.0.0.1", 0))
        self._raw.settimeout(0.05)
        self.tls_url = f"https://127.0.0.1:{self._raw.getsockname()[1]}"
        self._threads = [
            threading.Thread(target=self._http.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True),
            threading.Thread(target=self._listen, daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def note(self, event: str) -> None:
        with self._lock:
            self.heard.append(event)

    def _listen(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._raw.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.note("tcp connect")
            with conn:
                conn.settimeout(2)
                try:
                    data = conn.recv(64)
                except OSError:
                    data = b""
            self.note(f"tcp data {data!r}")

    def reset(self) -> None:
        with self._lock:
            self.heard.clear()

    def fill(self, template: str) -> str:
        """``template`` with CANARY and TLS replaced by the canary's two base URLs."""
        return template.replace("CANARY", self.url).replace("TLS", self.tls_url)

    def close(self) -> None:
        self._stop.set()
        self._http.shutdown()
        self._http.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._raw.close()


@pytest.fixture(scope="module")
def canaries() -> Iterator[Canary]:
    canary = Canary()
    yield canary
    canary.close()


@pytest.fixture
def canary(canaries: Canary) -> Canary:
    """The module's canary with nothing heard yet."""
    canaries.reset()
    return canaries


def wait_for(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate() and time.monotonic() < deadline:
        time.sleep(0.02)


class TestTheCanaryHears:
    """Without these, 'the canary heard nothing' would prove nothing."""

    def test_http_canary_records_a_direct_request(self, canary: Canary) -> None:
        response = requests.get(canary.url + "/probe?x=1", timeout=5)
        assert response.status_code == 200 and response.content == CANARY_ANSWER
        assert canary.heard == ["http connect", "http GET /probe"]

    def test_tcp_canary_records_a_bare_connection(self, canary: Canary) -> None:
        host, port = canary.tls_url.removeprefix("https://").split(":")
        with socket.create_connection((host, int(port)), timeout=5) as conn:
            conn.sendall(b"ping")
        wait_for(lambda: len(canary.heard) == 2)
        assert canary.heard == ["tcp connect", "tcp data b'ping'"]

    def test_the_engine_under_the_server_does_call_a_service(self, canary: Canary) -> None:
        """pyoxigraph itself federates: only the server's refusal keeps SERVICE from reaching the canary."""
        rows = pyoxigraph.Store().query(
            f"SELECT ?canary WHERE {{ SERVICE <{canary.url}/sparql> {{ ?s ?p ?o }} }}"
        )
        assert [row["canary"].value for row in rows] == ["canary was here"]  # type: ignore[union-attr]
        assert canary.heard == ["http connect", "http POST /sparql"]

    def test_passwd_marker_is_in_the_file_it_stands_for(self) -> None:
        assert PASSWD.read_text(encoding="utf-8").startswith(PASSWD_MARKER)


# --- sending queries ----------------------------------------------------------------------------------------

TRANSPORTS = ("get", "form", "direct")


def send(server: LiveServer, transport: str, query: str, **params: str) -> requests.Response:
    """``query`` by GET, by POST form-encoded, or as a direct POST body; ``params`` ride along."""
    if transport == "get":
        return requests.get(server.sparql, params={"query": query, **params}, timeout=30)
    if transport == "form":
        return requests.post(server.sparql, data={"query": query, **params}, timeout=30)
    assert transport == "direct"
    return requests.post(
        server.sparql,
        params=params,
        data=query.encode("utf-8"),
        headers={"Content-Type": "application/sparql-query; charset=utf-8"},
        timeout=30,
    )


def assert_no_leak(response: requests.Response) -> None:
    assert response.status_code != 500, response.text
    for leak in LEAKS:
        assert leak not in response.text, response.text


def assert_refused(response: requests.Response, status: int, message: str) -> None:
    """Exactly ``status`` with exactly ``message`` as text/plain: one short line, nothing leaked."""
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert response.text == message
    assert_no_leak(response)


def first_column(response: requests.Response) -> list[str]:
    assert response.status_code == 200, response.text
    body = response.json()
    var = body["head"]["vars"][0]
    return [binding[var]["value"] for binding in body["results"]["bindings"]]


def count(server: LiveServer) -> int:
    return int(first_column(requests.get(server.sparql, params={"query": COUNT}, timeout=30))[0])


# --- SERVICE ------------------------------------------------------------------------------------------------

SERVICE_QUERIES = {
    "plain": "SELECT * WHERE { SERVICE <CANARY/sparql> { ?s ?p ?o } }",
    "lower-case": "select * where { service <CANARY/sparql> { ?s ?p ?o } }",
    "mixed-case": "SELECT * WHERE { SeRvIcE <CANARY/sparql> { ?s ?p ?o } }",
    "comments-and-newlines": (
        "SELECT * WHERE {\n  SERVICE # federate\n  # more comment\n  <CANARY/sparql>\n  { ?s ?p ?o }\n}"
    ),
    "tabs": "SELECT * WHERE {\tSERVICE\t<CANARY/sparql>\t{ ?s ?p ?o } }",
    "no-whitespace": "SELECT*WHERE{SERVICE<CANARY/sparql>{?s ?p ?o}}",
    "silent": "SELECT * WHERE { SERVICE SILENT <CANARY/sparql> { ?s ?p ?o } }",
    "variable": "SELECT * WHERE { VALUES ?endpoint { <CANARY/sparql> } SERVICE ?endpoint { ?s ?p ?o } }",
    "prefixed-name": "PREFIX c: <CANARY/> SELECT * WHERE { SERVICE c:sparql { ?s ?p ?o } }",
    "relative-to-base": "BASE <CANARY/> SELECT * WHERE { SERVICE <sparql> { ?s ?p ?o } }",
    "inside-optional": (
        "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <CANARY/sparql> { ?s ?q ?v } } } LIMIT 1"
    ),
    "inside-subquery": "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <CANARY/sparql> { ?s ?p ?o } } } }",
    "inside-union": "SELECT * WHERE { { ?s ?p ?o } UNION { SERVICE <CANARY/sparql> { ?s ?p ?o } } }",
    "inside-minus": "SELECT * WHERE { ?s ?p ?o MINUS { SERVICE <CANARY/sparql> { ?s ?p ?o } } }",
    "inside-graph": "SELECT * WHERE { GRAPH ?g { SERVICE <CANARY/sparql> { ?s ?p ?o } } }",
    "inside-filter-exists": "ASK { FILTER EXISTS { SERVICE <CANARY/sparql> { ?s ?p ?o } } }",
    "construct": "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <CANARY/sparql> { ?s ?p ?o } }",
    "describe": "DESCRIBE ?s WHERE { SERVICE <CANARY/sparql> { ?s ?p ?o } }",
    "after-a-string-with-a-hash": 'SELECT * WHERE { BIND("#" AS ?x) SERVICE <CANARY/sparql> { ?s ?p ?o } }',
    "after-an-iri-with-a-hash": "SELECT * WHERE { ?s <http://ex.org/#> ?o SERVICE <CANARY/sparql> { } }",
    "after-a-less-than": "SELECT * WHERE { BIND(1 AS ?a) FILTER(?a < 2) SERVICE <CANARY/sparql> { } }",
    "https": "SELECT * WHERE { SERVICE <TLS/sparql> { ?s ?p ?o } }",
    "file": "SELECT * WHERE { SERVICE <file:///etc/passwd> { ?s ?p ?o } }",
}


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("template", SERVICE_QUERIES.values(), ids=SERVICE_QUERIES.keys())
def test_service_is_refused_and_nothing_is_fetched(
    live_server: LiveServer, canary: Canary, transport: str, template: str
) -> None:
    response = send(live_server, transport, canary.fill(template))
    assert_refused(response, 400, SERVICE_REFUSED)
    assert canary.heard == []


# --- LOAD and other updates ---------------------------------------------------------------------------------

UPDATES = {
    "load": "LOAD <CANARY/data.ttl>",
    "load-lower-case": "load <CANARY/data.ttl>",
    "load-silent-into-graph": f"LOAD SILENT <CANARY/data.ttl> INTO GRAPH <{STOLEN_GRAPH}>",
    "load-https": "LOAD <TLS/data.ttl>",
    "load-file": "LOAD <file:///etc/passwd>",
    "load-file-into-graph": f"LOAD <file:///etc/passwd> INTO GRAPH <{STOLEN_GRAPH}>",
    "load-prefixed": "PREFIX c: <CANARY/> LOAD c:data.ttl",
    "load-after-comment": "# load it\nLOAD <CANARY/data.ttl>",
    "load-in-a-sequence": "CLEAR SILENT GRAPH <http://ex.org/none> ; LOAD <CANARY/data.ttl>",
    "insert-data": f"INSERT DATA {{ GRAPH <{STOLEN_GRAPH}> {{ <http://ex.org/a> <http://ex.org/b> 1 }} }}",
    "insert-where": f"INSERT {{ GRAPH <{STOLEN_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{ ?s ?p ?o }}",
    "delete-where": "DELETE WHERE { ?s ?p ?o }",
    "with": "WITH <CANARY/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "drop-all": "DROP ALL",
    "clear-default": "CLEAR DEFAULT",
    "create": "CREATE GRAPH <CANARY/g>",
    "copy": f"COPY <{ENTITIES_GRAPH}> TO <{STOLEN_GRAPH}>",
    "move": f"MOVE <{ENTITIES_GRAPH}> TO <{STOLEN_GRAPH}>",
    "add": f"ADD <{ENTITIES_GRAPH}> TO <{STOLEN_GRAPH}>",
}


def update_by(transport: str, server: LiveServer, update: str) -> requests.Response:
    if transport == "update-form":
        return requests.post(server.sparql, data={"update": update}, timeout=30)
    if transport == "update-get":
        return requests.get(server.sparql, params={"update": update}, timeout=30)
    if transport == "update-direct":
        return requests.post(
            server.sparql,
            data=update.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update"},
            timeout=30,
        )
    return send(server, transport, update)


@pytest.mark.parametrize("transport", [*TRANSPORTS, "update-form", "update-get", "update-direct"])
@pytest.mark.parametrize("template", UPDATES.values(), ids=UPDATES.keys())
def test_updates_are_refused_fetch_nothing_and_change_nothing(
    live_server: LiveServer, canary: Canary, transport: str, template: str
) -> None:
    """An update request to this read-only endpoint is 403; an update sent as a query is no query: 400."""
    before = count(live_server)
    response = update_by(transport, live_server, canary.fill(template))
    if transport.startswith("update-"):
        assert_refused(response, 403, READ_ONLY)
    else:
        assert_refused(response, 400, NOT_A_QUERY)
    assert canary.heard == []
    assert count(live_server) == before
    stolen = requests.get(
        live_server.sparql, params={"query": f"ASK {{ GRAPH <{STOLEN_GRAPH}> {{ ?s ?p ?o }} }}"}, timeout=30
    )
    assert stolen.json()["boolean"] is False


def test_load_smuggled_after_a_query_is_a_syntax_error(live_server: LiveServer, canary: Canary) -> None:
    response = send(live_server, "get", canary.fill("SELECT * WHERE { } ; LOAD <CANARY/data.ttl>"))
    assert response.status_code == 400 and response.text.startswith("malformed query: error at 1:")
    assert_no_leak(response)
    assert canary.heard == []


# --- FROM, FROM NAMED and the protocol's dataset ------------------------------------------------------------

FROM_QUERIES = {
    "from": ("SELECT * FROM <CANARY/g> WHERE { ?s ?p ?o }", "CANARY/g"),
    "from-lower-case": ("select * from <CANARY/g> where { ?s ?p ?o }", "CANARY/g"),
    "from-named": ("SELECT * FROM NAMED <CANARY/g> WHERE { GRAPH ?g { ?s ?p ?o } }", "CANARY/g"),
    "from-https": ("SELECT * FROM <TLS/g> WHERE { ?s ?p ?o }", "TLS/g"),
    "from-file": ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "file:///etc/passwd"),
    "from-named-file": (
        "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
        "file:///etc/passwd",
    ),
    "from-prefixed": ("PREFIX c: <CANARY/> SELECT * FROM c:g WHERE { ?s ?p ?o }", "CANARY/g"),
    "from-named-prefixed": (
        "PREFIX c: <CANARY/> SELECT * FROM NAMED c:g WHERE { GRAPH ?g { ?s ?p ?o } }",
        "CANARY/g",
    ),
    "from-relative-to-base": ("BASE <CANARY/dir/> SELECT * FROM <../g> WHERE { ?s ?p ?o }", "CANARY/g"),
    "from-after-comments": ("SELECT *\nFROM # the graph\n<CANARY/g>\nWHERE { ?s ?p ?o }", "CANARY/g"),
    "local-from-then-remote-named": (
        f"SELECT * FROM <{ENTITIES_GRAPH}> FROM NAMED <CANARY/g> WHERE {{ ?s ?p ?o }}",
        "CANARY/g",
    ),
    "construct-from": ("CONSTRUCT { ?s ?p ?o } FROM <CANARY/g> WHERE { ?s ?p ?o }", "CANARY/g"),
    "describe-from": ("DESCRIBE <http://ex.org/a> FROM <CANARY/g>", "CANARY/g"),
    "ask-from": ("ASK FROM <CANARY/g> { ?s ?p ?o }", "CANARY/g"),
}


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(("template", "iri"), FROM_QUERIES.values(), ids=FROM_QUERIES.keys())
def test_from_a_graph_that_is_not_local_is_refused_unfetched(
    live_server: LiveServer, canary: Canary, transport: str, template: str, iri: str
) -> None:
    response = send(live_server, transport, canary.fill(template))
    assert_refused(response, 400, not_local(canary.fill(iri)))
    assert canary.heard == []


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("param", ["default-graph-uri", "named-graph-uri"])
@pytest.mark.parametrize("iri", ["CANARY/g", "TLS/g", "file:///etc/passwd"])
def test_protocol_graphs_that_are_not_local_are_empty_and_unfetched(
    live_server: LiveServer, canary: Canary, transport: str, param: str, iri: str
) -> None:
    """As the W3C protocol tests expect (and Fuseki and Oxigraph do): an empty graph, never a fetch."""
    response = send(live_server, transport, COUNT, **{param: canary.fill(iri)})
    assert response.status_code == 200, response.text
    assert first_column(response) == ["0"]
    assert canary.heard == []


def test_one_remote_graph_among_local_ones_adds_nothing(live_server: LiveServer, canary: Canary) -> None:
    local = requests.get(
        live_server.sparql, params=[("query", COUNT), ("default-graph-uri", ENTITIES_GRAPH)], timeout=30
    )
    params = [
        ("query", COUNT),
        ("default-graph-uri", ENTITIES_GRAPH),
        ("default-graph-uri", canary.url + "/g"),
    ]
    response = requests.get(live_server.sparql, params=params, timeout=30)
    assert response.status_code == 200, response.text
    assert first_column(response) == first_column(local) != ["0"]
    assert canary.heard == []


# --- IRIs the engine must only compare, never dereference ---------------------------------------------------

GRAPH_FORMS = {
    "describe-canary": ("DESCRIBE <CANARY/resource>", ""),
    "describe-https": ("DESCRIBE <TLS/resource>", ""),
    "describe-file": ("DESCRIBE <file:///etc/passwd>", ""),
    "describe-variable": ("DESCRIBE ?x WHERE { VALUES ?x { <CANARY/a> <TLS/b> <file:///etc/passwd> } }", ""),
    "describe-prefixed": ("PREFIX c: <CANARY/> DESCRIBE c:resource", ""),
    "construct-canary": (
        "CONSTRUCT { <CANARY/a> <CANARY/b> <file:///etc/passwd> } WHERE { }",
        "<CANARY/a> <CANARY/b> <file:///etc/passwd> .\n",
    ),
}


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(("template", "expected"), GRAPH_FORMS.values(), ids=GRAPH_FORMS.keys())
def test_describe_and_construct_never_dereference(
    live_server: LiveServer, canary: Canary, transport: str, template: str, expected: str
) -> None:
    response = send(live_server, transport, canary.fill(template), format="nt")
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "application/n-triples"
    assert response.text == canary.fill(expected)
    assert canary.heard == []


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE { GRAPH <CANARY/g> { ?s ?p ?o } }",
        "SELECT * WHERE { <CANARY/a> ?p ?o }",
        "SELECT * WHERE { ?s ?p <file:///etc/passwd> }",
        "SELECT * WHERE { ?s <TLS/p> ?o }",
    ],
)
def test_patterns_over_remote_iris_match_nothing_and_fetch_nothing(
    live_server: LiveServer, canary: Canary, template: str
) -> None:
    response = send(live_server, "get", canary.fill(template))
    assert response.status_code == 200
    assert response.json()["results"]["bindings"] == []
    assert canary.heard == []


# --- words that only look dangerous run ---------------------------------------------------------------------

HARMLESS = {
    "service-as-string": ('SELECT ?x WHERE { BIND("SERVICE" AS ?x) FILTER(?x = "SERVICE") }', "SERVICE"),
    "service-as-tagged-string": ('SELECT ?x WHERE { BIND("SERVICE"@en AS ?x) }', "SERVICE"),
    "iri-in-a-string": ('SELECT ?x WHERE { BIND("<CANARY/sparql>" AS ?x) }', "<CANARY/sparql>"),
    "service-clause-in-a-single-quoted-string": (
        "SELECT ?x WHERE { BIND('SERVICE <CANARY/sparql> { ?s ?p ?o }' AS ?x) }",
        "SERVICE <CANARY/sparql> { ?s ?p ?o }",
    ),
    "service-clause-in-a-long-string": (
        'SELECT ?x WHERE { BIND("""SERVICE <CANARY/sparql> {\n?s ?p ?o\n}""" AS ?x) }',
        "SERVICE <CANARY/sparql> {\n?s ?p ?o\n}",
    ),
    "escaped-quote-then-service": (
        'SELECT ?x WHERE { BIND("say \\" SERVICE <CANARY/s> {}" AS ?x) }',
        'say " SERVICE <CANARY/s> {}',
    ),
    "load-in-a-string": (
        'SELECT ?x WHERE { BIND("LOAD <file:///etc/passwd>" AS ?x) }',
        "LOAD <file:///etc/passwd>",
    ),
    "from-in-a-string": ('SELECT ?x WHERE { BIND("FROM <CANARY/g>" AS ?x) }', "FROM <CANARY/g>"),
    "service-in-a-comment": (
        '# SERVICE <CANARY/sparql> { ?s ?p ?o }\nSELECT ?x WHERE { BIND("commented" AS ?x) }',
        "commented",
    ),
    "service-in-an-iri": ("SELECT ?x WHERE { BIND(<CANARY/SERVICE> AS ?x) }", "CANARY/SERVICE"),
    "service-as-local-name": (
        "PREFIX ex: <http://ex.org/> SELECT ?x WHERE { BIND(ex:SERVICE AS ?x) }",
        "http://ex.org/SERVICE",
    ),
    "service-as-variable": ('SELECT ?service WHERE { BIND("v" AS ?service) }', "v"),
    "iri-function-on-the-canary": ('SELECT ?x WHERE { BIND(IRI("CANARY/sparql") AS ?x) }', "CANARY/sparql"),
    "str-of-the-canary": ("SELECT ?x WHERE { BIND(STR(<CANARY/sparql>) AS ?x) }", "CANARY/sparql"),
}


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(("template", "value"), HARMLESS.values(), ids=HARMLESS.keys())
def test_keywords_and_iris_inside_strings_comments_and_names_run(
    live_server: LiveServer, canary: Canary, transport: str, template: str, value: str
) -> None:
    response = send(live_server, transport, canary.fill(template))
    assert first_column(response) == [canary.fill(value)]
    assert canary.heard == []


# --- JSON-LD remote contexts and XML entities given to the CLI ----------------------------------------------


def newskg(*args: str | Path, timeout: float = 60) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run the console script as a user does; return the result and the seconds it took."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSKG_")}
    started = time.monotonic()
    result = subprocess.run(
        [NEWSKG, *map(str, args)], capture_output=True, text=True, env=env, timeout=timeout
    )
    return result, time.monotonic() - started


def serve_data(path: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    return newskg("serve", "--port", str(free_port()), "--workers", "1", "--data", path)


def assert_fails_cleanly(result: subprocess.CompletedProcess[str], path: Path, message: str) -> None:
    """Exit 2 with one line on stderr: the file, then ``message``; nothing else leaked."""
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith(f"error: {path}: {message}"), result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n")
    assert "Traceback" not in result.stderr and PASSWD_MARKER not in result.stdout + result.stderr


REMOTE_CONTEXTS = {
    "string": {"@context": "CANARY/context.jsonld", "@id": "http://ex.org/a", "name": "x"},
    "https": {"@context": "TLS/context.jsonld", "@id": "http://ex.org/a", "name": "x"},
    "array": {
        "@context": ["CANARY/a.jsonld", {"n": "http://schema.org/name"}],
        "@id": "http://ex.org/a",
        "n": "x",
    },
    "import": {"@context": {"@import": "CANARY/import.jsonld"}, "@id": "http://ex.org/a", "name": "x"},
    "embedded": {
        "@id": "http://ex.org/a",
        "http://ex.org/p": {"@context": "CANARY/nested.jsonld", "name": "x"},
    },
    "top-level-array": [{"@context": "CANARY/context.jsonld", "@id": "http://ex.org/a", "name": "x"}],
    "in-a-graph": {
        "@id": "http://ex.org/g",
        "@graph": [{"@context": "CANARY/context.jsonld", "@id": "http://ex.org/a", "name": "x"}],
    },
    "property-scoped": {
        "@context": {"p": {"@id": "http://ex.org/p", "@context": "CANARY/scoped.jsonld"}},
        "@id": "http://ex.org/a",
        "p": {"name": "x"},
    },
    "type-scoped": {
        "@context": {"T": {"@id": "http://ex.org/T", "@context": "CANARY/type.jsonld"}},
        "@type": "T",
        "@id": "http://ex.org/a",
        "name": "x",
    },
}


@pytest.fixture(params=REMOTE_CONTEXTS.values(), ids=REMOTE_CONTEXTS.keys())
def remote_context_file(request: pytest.FixtureRequest, canary: Canary, tmp_path: Path) -> Path:
    path = tmp_path / "remote-context.jsonld"
    path.write_text(canary.fill(json.dumps(request.param)), encoding="utf-8")
    return path


def test_validate_never_fetches_a_remote_json_ld_context(remote_context_file: Path, canary: Canary) -> None:
    result, _ = newskg("validate", remote_context_file)
    assert_fails_cleanly(result, remote_context_file, "not valid JSON-LD: ")
    assert "remote context" in result.stderr
    assert canary.heard == []


def test_serve_never_fetches_a_remote_json_ld_context(remote_context_file: Path, canary: Canary) -> None:
    result, _ = serve_data(remote_context_file)
    assert_fails_cleanly(result, remote_context_file, "not valid JSON-LD: ")
    assert "remote context" in result.stderr
    assert canary.heard == []


def test_a_remote_context_in_a_json_file_is_not_fetched_either(canary: Canary, tmp_path: Path) -> None:
    path = tmp_path / "remote.json"
    path.write_text(canary.fill(json.dumps(REMOTE_CONTEXTS["string"])), encoding="utf-8")
    result, _ = newskg("validate", path)
    assert_fails_cleanly(result, path, "not valid JSON-LD: ")
    assert canary.heard == []


RDF_XML_BODY = (
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex.org/">'
    '<rdf:Description rdf:about="http://ex.org/a"><ex:p>{value}</ex:p></rdf:Description></rdf:RDF>\n'
)


def rdf_xml(doctype: str, value: str = "v") -> str:
    return f'<?xml version="1.0"?>\n{doctype}\n' + RDF_XML_BODY.format(value=value)


BILLION_LAUGHS = rdf_xml(
    '<!DOCTYPE rdf:RDF [\n<!ENTITY lol0 "lol">\n'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">\n' for i in range(1, 10))
    + "]>",
    "&lol9;",
)

ENTITY_DOCUMENTS = {
    "external-file-entity": rdf_xml('<!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM "file:///etc/passwd">]>', "&x;"),
    "external-http-entity": rdf_xml('<!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM "CANARY/entity">]>', "&x;"),
    "external-https-entity": rdf_xml('<!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM "TLS/entity">]>', "&x;"),
    "external-public-entity": rdf_xml(
        '<!DOCTYPE rdf:RDF [<!ENTITY x PUBLIC "-//X//EN" "CANARY/entity">]>', "&x;"
    ),
    "external-parameter-entity": rdf_xml(
        '<!DOCTYPE rdf:RDF [<!ENTITY % ext SYSTEM "CANARY/ext.dtd"> %ext;]>'
    ),
    "unparsed-entity": rdf_xml(
        '<!DOCTYPE rdf:RDF [<!NOTATION n SYSTEM "CANARY/n"><!ENTITY x SYSTEM "CANARY/x" NDATA n>]>'
    ),
}


@pytest.mark.parametrize("document", ENTITY_DOCUMENTS.values(), ids=ENTITY_DOCUMENTS.keys())
def test_validate_refuses_external_entities_unfetched(canary: Canary, tmp_path: Path, document: str) -> None:
    path = tmp_path / "entities.rdf"
    path.write_text(canary.fill(document), encoding="utf-8")
    result, seconds = newskg("validate", path)
    assert_fails_cleanly(result, path, "RDF/XML with entity declarations is refused")
    assert seconds < 10
    assert canary.heard == []


@pytest.mark.parametrize(
    "document",
    [*ENTITY_DOCUMENTS.values(), BILLION_LAUGHS],
    ids=[*ENTITY_DOCUMENTS.keys(), "billion-laughs"],
)
def test_serve_refuses_rdf_xml_with_entity_declarations(
    canary: Canary, tmp_path: Path, document: str
) -> None:
    path = tmp_path / "entities.rdf"
    path.write_text(canary.fill(document), encoding="utf-8")
    result, seconds = serve_data(path)
    assert_fails_cleanly(result, path, "RDF/XML with entity declarations is refused (entity expansion)")
    assert seconds < 10
    assert canary.heard == []


EXTERNAL_DTDS = {
    "system-dtd.rdf": rdf_xml('<!DOCTYPE rdf:RDF SYSTEM "CANARY/ext.dtd">'),
    "public-dtd.rdf": rdf_xml('<!DOCTYPE rdf:RDF PUBLIC "-//X//DTD X//EN" "TLS/pub.dtd">'),
    "stylesheet.rdf": '<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="CANARY/x.xsl"?>\n'
    + RDF_XML_BODY.format(value="v"),
}


@pytest.mark.parametrize("name", EXTERNAL_DTDS)
def test_validate_reads_a_document_with_an_external_dtd_without_fetching_it(
    canary: Canary, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_text(canary.fill(EXTERNAL_DTDS[name]), encoding="utf-8")
    result, seconds = newskg("validate", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "conforms: the graph satisfies every shape\n"
    assert seconds < 10
    assert canary.heard == []


def test_serve_loads_documents_with_external_dtds_without_fetching_them(
    canary: Canary, tmp_path: Path
) -> None:
    paths = []
    for name, document in EXTERNAL_DTDS.items():
        paths.append(tmp_path / name)
        paths[-1].write_text(canary.fill(document), encoding="utf-8")
    server = start_server(*[arg for path in paths for arg in ("--data", path)], log_dir=tmp_path)
    try:
        query = (
            'SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { <http://ex.org/a> <http://ex.org/p> "v" } }'
        )
        assert first_column(requests.get(server.sparql, params={"query": query}, timeout=30)) == ["3"]
    finally:
        server.stop()
    assert canary.heard == []


# --- errors never leak --------------------------------------------------------------------------------------

MALFORMED = {
    "unterminated-string": 'SELECT * WHERE { ?s ?p "abc }',
    "unterminated-single-quoted-string": "SELECT * WHERE { ?s ?p 'abc",
    "unterminated-long-string": 'SELECT * WHERE { ?s ?p """abc }',
    "iri-with-a-space": "SELECT * WHERE { <http://a b> ?p ?o }",
    "iri-with-a-broken-host": "SELECT * WHERE { <http://[::1> ?p ?o }",
    "not-an-iri": "SELECT * WHERE { <not an iri> ?p ?o }",
    "huge-exponent-unterminated": "SELECT * WHERE { ?s ?p 1e999999 ",
    "huge-offset": "SELECT * WHERE { ?s ?p ?o } OFFSET 99999999999999999999999999999",
    "negative-limit": "SELECT * WHERE { ?s ?p ?o } LIMIT -1",
    "unicode-garbage": "SELECT \u2603 WHERE { \ufffd\U0001f4a9 }",
    "right-to-left-override": "ASK { \u202e }",
    "nul-inside": "SELECT * WHERE { ?s ?p ?o \x00 }",
    "control-characters": "SELECT * WHERE { ?s\x01 ?p\x02 ?o\x7f }",
    "bad-escape": 'SELECT * WHERE { ?s ?p "\\q" }',
    "dangling-group-by": "SELECT * WHERE { ?s ?p ?o } GROUP BY",
    "unknown-prefix": "SELECT * WHERE { nope:a ?p ?o }",
    "lone-brace": "SELECT * WHERE {",
    "lone-closing-brace": "SELECT * WHERE { } }",
    "bad-language-tag": "SELECT * WHERE { ?s ?p @en }",
}


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("query", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_queries_get_the_parser_message_and_nothing_else(
    live_server: LiveServer, transport: str, query: str
) -> None:
    response = send(live_server, transport, query)
    assert response.status_code == 400, response.text
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert response.text.startswith("malformed query: error at ")
    assert response.text.count("\n") == 1 and len(response.text) < 300
    assert_no_leak(response)


@pytest.mark.parametrize("query", ["\x00\x00\x00", "", "   ", "\ufffd", "42", "PREFIX ex: <http://ex.org/>"])
def test_text_that_is_no_query_is_named_as_such(live_server: LiveServer, query: str) -> None:
    response = requests.post(live_server.sparql, data={"query": query}, timeout=30)
    assert_refused(
        response,
        400,
        "400 Bad Request: not a SPARQL query: "
        "expected SELECT, CONSTRUCT, DESCRIBE or ASK after the prologue\n",
    )


NOT_UTF8 = "400 Bad Request: the query is not valid UTF-8"
MALFORMED = "malformed query: error at "

RAW_BODIES = {
    "invalid-utf8-direct": (
        b"SELECT * WHERE { ?s ?p \xff\xfe }",
        "application/sparql-query",
        NOT_UTF8,
    ),
    "invalid-utf8-direct-with-charset": (
        b"SELECT * WHERE { ?s ?p \xc3\x28 }",
        "application/sparql-query; charset=utf-8",
        NOT_UTF8,
    ),
    "overlong-utf8-direct": (b"SELECT * WHERE { ?s ?p \xc0\xaf }", "application/sparql-query", NOT_UTF8),
    "encoded-surrogate-direct": (
        b"SELECT * WHERE { ?s ?p \xed\xa0\x80 }",
        "application/sparql-query",
        NOT_UTF8,
    ),
    "nul-bytes-direct": (b"SELECT * WHERE { \x00\x00 }", "application/sparql-query", MALFORMED),
    "invalid-utf8-form": (  # the escapes are decoded first, as the protocol says, and are no UTF-8
        b"query=SELECT+*+WHERE+%7B+%3Fs+%3Fp+%FF%FE+%7D",
        "application/x-www-form-urlencoded",
        "400 Bad Request: the form body is not valid UTF-8",
    ),
}


@pytest.mark.parametrize(("body", "content_type", "expected"), RAW_BODIES.values(), ids=RAW_BODIES.keys())
def test_undecodable_bodies_are_400_without_leaks(
    live_server: LiveServer, body: bytes, content_type: str, expected: str
) -> None:
    response = requests.post(
        live_server.sparql, data=body, headers={"Content-Type": content_type}, timeout=30
    )
    assert response.status_code == 400, response.text
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert response.text.startswith(expected)
    assert_no_leak(response)


def test_undecodable_get_parameter_is_400_without_leaks(live_server: LiveServer) -> None:
    response = requests.get(live_server.sparql + "?query=SELECT%20*%20WHERE%20%7B%20%FF%00%20%7D", timeout=30)
    assert response.status_code == 400, response.text
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert response.text.startswith("400 Bad Request: the URL's query string is not valid UTF-8")
    assert_no_leak(response)


def test_limits_answer_with_short_messages(live_server: LiveServer) -> None:
    long_query = "ASK {}" + " " * 100_000
    assert_refused(
        requests.post(live_server.sparql, data={"query": long_query}, timeout=30),
        413,
        "413 Request Entity Too Large: query is 100006 characters long; the limit is 100000 "
        "(max_query_chars setting)\n",
    )
    deep = "SELECT * WHERE " + "{" * 65 + "}" * 65
    assert_refused(
        requests.post(live_server.sparql, data={"query": deep}, timeout=30),
        400,
        "400 Bad Request: query nests deeper than 64 levels (line 1); "
        "the limit is the max_query_depth setting\n",
    )
    huge = requests.post(live_server.sparql, data={"query": "ASK {}", "pad": "x" * 1_100_000}, timeout=30)
    assert huge.status_code == 413 and huge.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert huge.text.startswith("413 Request Entity Too Large: ")
    assert_no_leak(huge)


@pytest.mark.parametrize(
    ("request_kwargs", "status"),
    [
        ({"method": "POST", "data": "ASK {}", "headers": {"Content-Type": "text/plain"}}, 415),
        ({"method": "POST", "data": "ASK {}", "headers": {"Content-Type": "application/xml"}}, 415),
        ({"method": "PUT", "data": "ASK {}"}, 405),
        ({"method": "DELETE"}, 405),
        ({"method": "GET", "params": {"query": "ASK {}"}, "headers": {"Accept": "image/png"}}, 406),
        ({"method": "GET", "params": {"query": "ASK {}", "format": "<script>"}}, 406),
        ({"method": "GET", "params": {"query": "ASK {}", "timeout": "nan; rm -rf /"}}, 400),
        ({"method": "GET", "params": [("query", "ASK {}"), ("query", "ASK {}")]}, 400),
    ],
)
def test_protocol_errors_are_short_and_plain(
    live_server: LiveServer, request_kwargs: dict[str, Any], status: int
) -> None:
    response = requests.request(url=live_server.sparql, timeout=30, **request_kwargs)
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert response.text.startswith(f"{status} ") and response.text.count("\n") == 1
    assert_no_leak(response)


def test_dump_names_cannot_reach_files(live_server: LiveServer) -> None:
    for path in (
        "/dumps/graph/..%2F..%2F..%2Fetc%2Fpasswd.ttl",
        "/dumps/graph/passwd.ttl",
        "/dumps/dataset.passwd",
    ):
        response = requests.get(live_server.url + path, timeout=30)
        assert response.status_code == 404, path
        assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
        assert_no_leak(response)


# --- fuzzing: whatever the text, never a 500, a traceback, or a fetch ---------------------------------------

SOUP = (
    "SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "FROM", "NAMED", "SERVICE", "SILENT", "LOAD",
    "INSERT", "DATA", "DELETE", "OPTIONAL", "UNION", "MINUS", "FILTER", "EXISTS", "NOT", "BIND", "AS",
    "VALUES", "GRAPH", "PREFIX", "BASE", "LIMIT", "OFFSET", "ORDER", "BY", "GROUP", "COUNT", "DISTINCT", "a",
    "{", "}", "(", ")", "[", "]", ".", ";", ",", "*", "?s", "?p", "?o", "$x", "ex:", "ex:p", ":", "_:b",
    '"str"', "'s'", '"""long"""', "@en", "^^", "1", "-2.5", "1e3", "99999999999999999999", "#comment\n",
    "<http://ex.org/x>",
    "<CANARY/sparql>", "<TLS/sparql>", "<file:///etc/passwd>", "<>", "<", ">", "=", "!", "&&", "||", "\\",
    "\x00", "é", "\u2603", "true", "STR(", "IRI(", "REGEX(",
)  # fmt: skip
"""Tokens for random queries. Joined with whitespace, so no token glues onto the next."""


def soup(canary: Canary) -> st.SearchStrategy[str]:
    tokens = st.lists(st.sampled_from([canary.fill(t) for t in SOUP]), max_size=25)
    return st.tuples(tokens, st.sampled_from([" ", "\n", "\t"])).map(lambda pair: pair[1].join(pair[0]))


def assert_survives(response: requests.Response) -> None:
    assert response.status_code in (200, 400, 403, 413, 503), response.text
    assert "Traceback" not in response.text
    if response.status_code != 200:
        assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
        assert_no_leak(response)


@settings(max_examples=100, deadline=None)
@given(query=st.text(st.characters(exclude_categories=["Cs"]), max_size=300))
def test_random_text_never_breaks_the_server(live_server: LiveServer, canaries: Canary, query: str) -> None:
    canaries.reset()
    response = requests.post(live_server.sparql, data={"query": query, "timeout": "2"}, timeout=30)
    assert_survives(response)
    assert canaries.heard == []


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_sparql_token_soup_never_breaks_the_server(
    live_server: LiveServer, canaries: Canary, data: st.DataObject
) -> None:
    canaries.reset()
    query = data.draw(soup(canaries), label="query")
    transport = data.draw(st.sampled_from(TRANSPORTS), label="transport")
    response = send(live_server, transport, query, timeout="2")
    assert_survives(response)
    assert canaries.heard == []


# --- CORS ---------------------------------------------------------------------------------------------------

CREDENTIALED = {"Origin": "https://evil.example", "Cookie": "session=secret", "Authorization": "Basic dTpw"}


@pytest.mark.parametrize(
    "make",
    [
        lambda url: requests.get(url, params={"query": "ASK {}"}, headers=CREDENTIALED, timeout=30),
        lambda url: requests.post(url, data={"query": "ASK {}"}, headers=CREDENTIALED, timeout=30),
        lambda url: requests.get(
            url, params={"query": "ASK { SERVICE <http://x/> {} }"}, headers=CREDENTIALED, timeout=30
        ),
        lambda url: requests.post(url, data={"update": "DROP ALL"}, headers=CREDENTIALED, timeout=30),
        lambda url: requests.get(url, params={"query": "SELECT"}, headers=CREDENTIALED, timeout=30),
        lambda url: requests.options(
            url,
            headers={
                **CREDENTIALED,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "Authorization, Content-Type",
            },
            timeout=30,
        ),
    ],
    ids=["get", "post", "refused-service", "refused-update", "malformed", "preflight"],
)
def test_cors_never_allows_credentials(live_server: LiveServer, make: Callable[[str], Any]) -> None:
    response = make(live_server.sparql)
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response.headers
    assert "Set-Cookie" not in response.headers
    if response.request.method == "OPTIONS":
        assert response.headers["Access-Control-Allow-Methods"] == "GET, POST, OPTIONS"
        assert response.headers["Access-Control-Allow-Headers"] == "Content-Type, Accept"


# --- regressions: each of these once got past the guard or gave a 500 ---------------------------------------


def test_service_hidden_inside_what_looks_like_an_iri_is_refused(
    live_server: LiveServer, canary: Canary
) -> None:
    """``<2)SERVICE#>`` lexes as an IRI for a regex, but the engine reads less-than, SERVICE and a comment."""
    query = canary.fill("SELECT ?canary WHERE { FILTER(1<2)SERVICE#>\n<CANARY/sparql> { ?s ?p ?o } }")
    response = requests.get(live_server.sparql, params={"query": query}, timeout=30)
    assert_refused(
        response,
        400,
        "400 Bad Request: SERVICE (federated query) is disabled: this endpoint never fetches remote data\n",
    )
    assert canary.heard == []


def test_service_spelled_with_a_letter_that_folds_to_s_is_still_refused(live_server: LiveServer) -> None:
    """The guard skips its SERVICE checks for ASCII text without the word; U+017F (long s) folds to s."""
    response = requests.get(
        live_server.sparql, params={"query": "SELECT * WHERE { \u017fERVICE <http://x/> { ?s ?p ?o } }"}
    )
    assert_refused(
        response,
        400,
        "400 Bad Request: SERVICE (federated query) is disabled: this endpoint never fetches remote data\n",
    )


def test_from_hidden_the_same_way_fetches_nothing(live_server: LiveServer, canary: Canary) -> None:
    query = canary.fill("SELECT (1<2AS?x)FROM#>\n<CANARY/g> WHERE { }")
    response = requests.get(live_server.sparql, params={"query": query}, timeout=30)
    assert response.status_code < 500
    assert canary.heard == []


def test_query_processes_cannot_open_network_sockets(canary: Canary) -> None:
    """Kernel-enforced: a SERVICE that reached the engine could not connect (seccomp,
    server/execution/sandbox.py)."""
    script = canary.fill(
        "import socket, pyoxigraph\n"
        "from server.execution.sandbox import deny_network\n"
        "deny_network()\n"
        "try:\n    socket.create_connection(('127.0.0.1', int('CANARY'.rsplit(':', 1)[1])), timeout=2)\n"
        "    print('connected')\nexcept PermissionError:\n    print('socket refused')\n"
        "query = 'SELECT * WHERE { SERVICE <CANARY/sparql> { ?s ?p ?o } }'\n"
        "try:\n    list(pyoxigraph.Store().query(query))\n"
        "    print('service ran')\nexcept OSError as exc:\n    print('service failed')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.stdout.split("\n")[:2] == ["socket refused", "service failed"], result.stderr
    assert canary.heard == []


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 1e400", 400),
        ("SELECT * WHERE { ?s ?p ?o } LIMIT " + "9" * 400, 200),
        ("BASE <http://a/> SELECT * FROM <http://[x> WHERE { }", 400),
        ("SELECT * WHERE { ?s ?p ?o FILTER(<http://ex.org/f>(?o)) }", 400),
    ],
    ids=["float-limit", "huge-limit", "bad-ipv6-base", "unknown-function"],
)
def test_odd_queries_are_answered_without_a_500(live_server: LiveServer, query: str, status: int) -> None:
    response = requests.post(live_server.sparql, data={"query": query}, timeout=30)
    assert response.status_code == status, response.text
    assert_no_leak(response)


@pytest.mark.parametrize("charset", ["bogus", "idna", "utf-16"])
def test_direct_posts_must_be_utf8(live_server: LiveServer, charset: str) -> None:
    response = requests.post(
        live_server.sparql,
        data="ASK {}".encode("utf-16" if charset == "utf-16" else "ascii"),
        headers={"Content-Type": f"application/sparql-query; charset={charset}"},
        timeout=30,
    )
    assert_refused(
        response,
        415,
        f"415 Unsupported Media Type: charset={charset!r} is not supported: send the query as UTF-8\n",
    )


def test_where_the_kernel_refuses_the_filter_the_process_says_so_and_runs_on(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sandbox.platform, "machine", lambda: "sparc64")
    sandbox.deny_network_or_warn("dump process")
    assert capsys.readouterr().err == (
        "newskg dump process: network not sandboxed (no seccomp filter for sparc64)\n"
    )


def test_nan_timeout_is_refused(live_server: LiveServer) -> None:
    response = requests.get(live_server.sparql, params={"query": "ASK {}", "timeout": "nan"}, timeout=30)
    assert_refused(response, 400, "400 Bad Request: timeout must be a positive number of seconds\n")


def test_validate_refuses_entity_expansion_quickly(tmp_path: Path) -> None:
    path = tmp_path / "lol.rdf"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    result, seconds = newskg("validate", path, timeout=60)
    assert result.returncode == 2 and seconds < 10
    assert "entity declarations is refused" in result.stderr and "lol.rdf" in result.stderr
