"""Faulty and hostile requests against the real server (`newskg serve`, gunicorn), 127.0.0.1 only.

A request the client got wrong is a 400 that says what was wrong, never a 500 and never an answer to
something else than what was sent: a malformed chunked body, a body shorter than its Content-Length, bytes
that are no UTF-8 behind percent-escapes. And a small query that would build a syntax tree deep enough to
crash the engine is refused before it reaches one, so that its sender cannot take the queries of everyone
else down with it.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.conftest import LiveServer, start_server

QUERY = b"SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"
QUERY_TYPE = "application/sparql-query"
FORM_TYPE = "application/x-www-form-urlencoded"


# --- raw HTTP: what no well-behaved client library would send ---------------------------------------------


def exchange(server: LiveServer, request: bytes, *, close_write: bool = False) -> tuple[int, bytes]:
    """Send ``request`` as it is, read the answer until the server closes; its status and body.

    ``close_write`` ends the client's side of the connection after the request (the body is all there is).
    """
    port = int(server.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request)
        if close_write:
            sock.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    assert answer, "the server closed the connection without an answer"
    head, _, body = answer.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    return status, body


def post(content_type: str, framing: bytes, body: bytes) -> bytes:
    """A POST to /sparql: ``framing`` is the header line(s) that say how long the body is."""
    return (
        b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        b"Content-Type: " + content_type.encode() + b"\r\n" + framing + b"\r\n" + body
    )


def chunked(content_type: str, body: bytes) -> bytes:
    return post(content_type, b"Transfer-Encoding: chunked\r\n", body)


def payload(content_type: str) -> bytes:
    return QUERY if content_type == QUERY_TYPE else b"query=" + QUERY.replace(b" ", b"+")


BOTH_TYPES = pytest.mark.parametrize("content_type", [QUERY_TYPE, FORM_TYPE])


class TestChunkedBodies:
    """RFC 9112 section 7.1: a chunk is its size in hex, CRLF, the data, CRLF; a zero size and CRLF end it."""

    @BOTH_TYPES
    def test_a_well_formed_chunked_body_is_answered(self, live_server: LiveServer, content_type: str) -> None:
        data = payload(content_type)
        status, body = exchange(
            live_server, chunked(content_type, b"%x\r\n%s\r\n0\r\n\r\n" % (len(data), data))
        )
        assert status == 200, body

    @BOTH_TYPES
    @pytest.mark.parametrize(
        "framed",
        [
            pytest.param(lambda d: b"zz\r\n%s\r\n0\r\n\r\n" % d, id="size-not-hex"),
            pytest.param(lambda d: b"%x\r\n%sXX0\r\n\r\n" % (len(d), d), id="no-crlf-after-data"),
            pytest.param(lambda d: b"%x\r\n%s\r\n0\r\n\r\n" % (len(d) - 5, d), id="size-too-small"),
            pytest.param(lambda d: b"-%x\r\n%s\r\n0\r\n\r\n" % (len(d), d), id="negative-size"),
        ],
    )
    def test_a_malformed_chunked_body_is_400(
        self, live_server: LiveServer, content_type: str, framed
    ) -> None:
        status, body = exchange(live_server, chunked(content_type, framed(payload(content_type))))
        assert status == 400, body
        assert body.startswith(b"400 Bad Request: ") and b"Traceback" not in body

    @BOTH_TYPES
    def test_a_chunked_body_cut_short_is_400(self, live_server: LiveServer, content_type: str) -> None:
        data = payload(content_type)
        for cut in (b"%x\r\n%s" % (len(data) + 10, data), b"%x\r\n%s\r\n0\r\n" % (len(data), data)):
            status, body = exchange(live_server, chunked(content_type, cut), close_write=True)
            assert status == 400, (cut, body)

    def test_the_server_answers_normally_afterwards(self, live_server: LiveServer) -> None:
        for _ in range(3):
            exchange(live_server, chunked(QUERY_TYPE, b"zz\r\n" + QUERY + b"\r\n0\r\n\r\n"))
        assert (
            requests.get(live_server.sparql, params={"query": QUERY.decode()}, timeout=30).status_code == 200
        )


class TestContentLength:
    @BOTH_TYPES
    def test_a_body_shorter_than_its_content_length_is_400(
        self, live_server: LiveServer, content_type: str
    ) -> None:
        """The query is whole (it would run), but the client said more was coming: not the query sent."""
        data = payload(content_type)
        request = post(content_type, b"Content-Length: %d\r\n" % (len(data) + 10), data)
        status, body = exchange(live_server, request, close_write=True)
        assert status == 400, body
        assert b"Content-Length" in body

    @BOTH_TYPES
    def test_a_body_of_its_content_length_is_answered(
        self, live_server: LiveServer, content_type: str
    ) -> None:
        data = payload(content_type)
        request = post(content_type, b"Content-Length: %d\r\n" % len(data), data)
        assert exchange(live_server, request, close_write=True)[0] == 200


# --- UTF-8 behind percent-escapes: one rule for every way of sending a query --------------------------------

#: SELECT ("<byte>" AS ?x) {} with a byte that begins no UTF-8 character
BAD_ESCAPED = "SELECT+%28%22%FF%22+AS+%3Fx%29+%7B%7D"
GOOD_ESCAPED = "SELECT+%28%22%EF%BF%BD%25%22+AS+%3Fx%29+%7B%7D"  # U+FFFD and a percent sign, sent as such


class TestUtf8:
    def test_the_same_bytes_are_refused_in_a_direct_post(self, live_server: LiveServer) -> None:
        response = requests.post(
            live_server.sparql,
            data=b'SELECT ("\xff" AS ?x) {}',
            headers={"Content-Type": QUERY_TYPE},
            timeout=30,
        )
        assert response.status_code == 400 and "UTF-8" in response.text

    def test_an_invalid_escape_in_a_get_query_is_400(self, live_server: LiveServer) -> None:
        response = requests.get(f"{live_server.sparql}?query={BAD_ESCAPED}", timeout=30)
        assert response.status_code == 400, response.text
        assert "UTF-8" in response.text

    def test_an_invalid_escape_in_a_form_body_is_400(self, live_server: LiveServer) -> None:
        body = f"query={BAD_ESCAPED}".encode()
        response = requests.post(
            live_server.sparql, data=body, headers={"Content-Type": FORM_TYPE}, timeout=30
        )
        assert response.status_code == 400, response.text
        assert "UTF-8" in response.text

    def test_a_raw_byte_in_a_form_body_is_400(self, live_server: LiveServer) -> None:
        body = b'query=SELECT+("\xff"+AS+?x)+{}'
        response = requests.post(
            live_server.sparql, data=body, headers={"Content-Type": FORM_TYPE}, timeout=30
        )
        assert response.status_code == 400, response.text

    @pytest.mark.parametrize("how", ["get", "form"])
    def test_valid_escapes_of_any_character_still_run(self, live_server: LiveServer, how: str) -> None:
        if how == "get":
            response = requests.get(f"{live_server.sparql}?query={GOOD_ESCAPED}", timeout=30)
        else:
            data = f"query={GOOD_ESCAPED}".encode()
            response = requests.post(
                live_server.sparql, data=data, headers={"Content-Type": FORM_TYPE}, timeout=30
            )
        assert response.status_code == 200, response.text
        assert response.json()["results"]["bindings"][0]["x"]["value"] == "\ufffd%"


# --- crasher queries under load ----------------------------------------------------------------------------

#: Small queries whose syntax trees are deep enough to crash pyoxigraph's parser or evaluator (each about a
#: third past where it crashes, measured by ``python -m bench.syntax_depth``): without brackets, so
#: ``max_query_depth`` does not see them; ``max_syntax_depth`` does.
CRASHERS = {
    "not": "ASK { FILTER(" + "!" * 12_500 + "true) }",
    "addition": "ASK { FILTER(1" + "+1" * 9_000 + " > 0) }",
    "or": "ASK { FILTER(true" + "||true" * 12_500 + ") }",
    "path-sequence": "ASK { ?s <p>" + "/<p>" * 11_000 + " ?o }",
    "union": "ASK { {}" + " UNION {}" * 8_800 + " }",
    "minus": "ASK { ?s ?p ?o" + " MINUS {}" * 3_500 + " }",
    "object-list": "ASK { ?s ?p ?o" + ",?o" * 11_000 + " }",
    "collection": "ASK { ?s ?p (" + " 1" * 5_500 + ") }",
    "select-expressions": "SELECT " + "".join(f"(1 AS ?v{i})" for i in range(3_500)) + " WHERE {}",
    "describe": "DESCRIBE" + " <s>" * 3_500,
    "subqueries": "ASK { " + "{SELECT * {}}" * 3_500 + " }",
}


def descendants(pid: int) -> set[int]:
    """The processes below ``pid`` now: server workers, the zygote, query processes."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


@pytest.fixture(scope="module")
def crash_server(seed_store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server of its own: this test counts its processes."""
    server = start_server("--store", seed_store_dir, log_dir=tmp_path_factory.mktemp("crash-logs"))
    yield server
    server.stop()


def test_crasher_queries_under_load_leave_everyone_else_alone(crash_server: LiveServer) -> None:
    """One client sends crasher queries again and again while three others query: the crashers get 400
    naming the setting, every other query is answered, and no process of the server ends or restarts."""
    server = crash_server
    for query in CRASHERS.values():
        assert len(query) < 100_000  # within max_query_chars: only the depth can refuse them
    session = requests.Session()
    assert session.get(server.sparql, params={"query": "ASK {}"}, timeout=30).status_code == 200
    before = descendants(server.process.pid)
    assert before, "no worker or query process found below the server"

    refusals: list[tuple[str, int, str]] = []
    answers: list[int] = []
    crashing = threading.Event()
    crashing.set()
    deadline = time.monotonic() + 180

    def crasher() -> None:
        with requests.Session() as own:
            try:
                for _ in range(4):
                    for name, query in CRASHERS.items():
                        response = own.post(
                            server.sparql,
                            data=query.encode(),
                            headers={"Content-Type": QUERY_TYPE},
                            timeout=60,
                        )
                        refusals.append((name, response.status_code, response.text))
            finally:
                crashing.clear()

    def bystander(number: int) -> None:
        with requests.Session() as own:
            for sent in range(400):
                if not crashing.is_set() or time.monotonic() > deadline:
                    break
                # a new text each time: answered by a query process, not from the result cache
                query = f"SELECT ?s WHERE {{ ?s ?p ?o }} LIMIT {1 + sent % 7} # client {number}, query {sent}"
                answers.append(own.get(server.sparql, params={"query": query}, timeout=60).status_code)

    threads = [threading.Thread(target=crasher)] + [
        threading.Thread(target=bystander, args=(n,)) for n in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=240)
    assert not any(thread.is_alive() for thread in threads), "the clients did not finish in time"

    assert len(refusals) == 4 * len(CRASHERS)
    wrong = [(name, status, text[:160]) for name, status, text in refusals if status != 400]
    assert wrong == [], "crasher queries were not refused"
    assert all("max_syntax_depth" in text for _, _, text in refusals)
    assert answers and set(answers) == {200}, f"{answers.count(200)} of {len(answers)} other queries answered"
    assert server.process.poll() is None
    assert descendants(server.process.pid) == before, "a worker or query process ended or was replaced"
    assert session.get(server.sparql, params={"query": "ASK { ?s ?p ?o }"}, timeout=30).json()["boolean"]
