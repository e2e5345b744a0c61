"""The benchmark's load generator: with ``distinct``, no request text repeats, within a run or across runs;
the median of several runs; a server settles before the next load; a warm-up sends a fixed count of new
texts before memory is read."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
import requests

from bench.measure import Load, Server, free_port, median_load, warm_up, wrk


class Recorder(BaseHTTPRequestHandler):
    paths: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.paths.append(self.path)
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: object) -> None:
        pass


class Slow(Recorder):
    def do_GET(self) -> None:
        time.sleep(0.4)
        super().do_GET()


class Failing(Recorder):
    def do_GET(self) -> None:
        self.send_error(500)


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/sparql?query=ASK%20%7B%7D"
    httpd.shutdown()


@pytest.fixture
def server() -> Iterator[str]:
    with serving(Recorder) as url:
        yield url


def test_distinct_runs_never_repeat_a_query_text(server: str) -> None:
    Recorder.paths = []
    first = wrk(server, 2, 1, "application/json")
    seen = len(Recorder.paths)
    second = wrk(server, 2, 1, "application/json")
    assert first.errors == second.errors == 0
    assert seen > 10 and len(Recorder.paths) > seen
    assert len(set(Recorder.paths)) == len(Recorder.paths)


def test_repeated_runs_send_the_same_text(server: str) -> None:
    Recorder.paths = []
    wrk(server, 2, 1, "application/json", distinct=False)
    assert len(Recorder.paths) > 10 and set(Recorder.paths) == {"/sparql?query=ASK%20%7B%7D"}


def test_a_load_that_finished_too_few_requests_runs_again_for_longer() -> None:
    Recorder.paths = []
    with serving(Slow) as url:  # 2 connections at 0.4 s a request: at most 6 requests in 1 s
        load = wrk(url, 2, 1, "application/json", min_requests=10)
    assert len(Recorder.paths) >= 10 and load.errors == 0


def test_the_median_load_is_the_middle_run_and_keeps_every_runs_errors() -> None:
    runs = [Load(300.0, 1, 9, 0), Load(100.0, 3, 30, 2), Load(200.0, 2, 20, 1)]
    assert median_load(runs) == Load(200.0, 2, 20, 3)
    assert median_load(runs[:2]).requests_per_s == 100.0  # the lower middle of an even count


def test_a_server_settles_once_its_processes_stop_using_the_cpu(tmp_path: Path) -> None:
    port = free_port()
    busy_for_s = 3.0
    script = (
        "import http.server, threading, time\n"
        f"server = http.server.HTTPServer(('127.0.0.1', {port}), http.server.SimpleHTTPRequestHandler)\n"
        "threading.Thread(target=server.serve_forever, daemon=True).start()\n"
        f"end = time.monotonic() + {busy_for_s}\n"
        "while time.monotonic() < end: pass\n"
        "time.sleep(600)\n"
    )
    started = time.monotonic()
    server = Server("busy", [sys.executable, "-c", script], f"http://127.0.0.1:{port}/", tmp_path / "log")
    try:
        server.settle()
        assert time.monotonic() - started >= busy_for_s
        assert server.settle() < 1.5  # idle now: one look suffices
    finally:
        server.stop()


def test_the_memory_of_a_server_can_be_read_for_some_of_its_processes(tmp_path: Path) -> None:
    port = free_port()
    script = (
        "import http.server, subprocess, sys\n"
        "ballast = 'b = bytearray(40_000_000); import time; time.sleep(600)'\n"
        "subprocess.Popen([sys.executable, '-c', ballast, 'ballast' + '-process'])\n"  # split: not in ours
        "handler = http.server.SimpleHTTPRequestHandler\n"
        f"http.server.HTTPServer(('127.0.0.1', {port}), handler).serve_forever()\n"
    )
    url = f"http://127.0.0.1:{port}/"
    server = Server("two processes", [sys.executable, "-c", script], url, tmp_path / "log")
    try:
        deadline = time.monotonic() + 30
        while server.pss_mb(only="ballast-process") < 38:
            assert time.monotonic() < deadline, "the ballast process never filled its 40 MB"
            time.sleep(0.2)
        assert server.pss_mb() > server.pss_mb(only="ballast-process") + 1  # the HTTP server counts too
        assert server.pss_mb(only="no process has this") == 0
    finally:
        server.stop()


def test_a_warm_up_sends_a_fixed_count_of_new_texts(server: str) -> None:
    Recorder.paths = []
    assert warm_up(server, "application/json", count=20, concurrency=4) == 20
    assert len(set(Recorder.paths)) == len(Recorder.paths) == 20
    assert all(path.startswith("/sparql?query=ASK%20%7B%7D%0A%23") for path in Recorder.paths)


def test_a_warm_up_sends_nothing_new_to_a_slow_server_after_it_gives_up() -> None:
    Recorder.paths = []
    with serving(Slow) as url:
        answered = warm_up(url, "application/json", count=40, concurrency=2, give_up_s=1.0)
    assert 1 <= answered < 40 and len(Recorder.paths) < 40


def test_a_warm_up_fails_on_an_error_answer() -> None:
    with serving(Failing) as url, pytest.raises(requests.HTTPError):
        warm_up(url, "application/json", count=4, concurrency=2)
