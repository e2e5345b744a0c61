"""Fault injection over a real ``newskg serve`` (gunicorn): workers killed or stopped, connections that stall,
servers killed with SIGKILL. Each scenario is bounded in time and count, on 127.0.0.1 only; a bound such as
"answers within 5 s" is a failure bound, never a performance figure."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from server.execution.idle_stack import IdleStack
from tests.conftest import LiveServer, start_server

BAD_EXITS = ("SIGSEGV", "SIGABRT", "terminate called", "Segmentation fault", "core dumped")


def children(pid: int) -> dict[int, str]:
    """The child processes of ``pid`` and their command lines."""
    found = {}
    for entry in Path("/proc").iterdir():
        with contextlib.suppress(OSError, IndexError, ValueError):
            if entry.name.isdigit() and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found[int(entry.name)] = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    return found


def zygote_args(server: LiveServer) -> list[str]:
    """The zygote's arguments: folder, store, store mode, memory, slots, processes."""
    command = next(c for c in children(server.process.pid).values() if "server.execution.zygote" in c)
    return command.split()[3:]


def zygote_folder(server: LiveServer) -> str:
    return zygote_args(server)[0]


def workers(server: LiveServer) -> list[int]:
    found = children(server.process.pid)
    return sorted(pid for pid, command in found.items() if "newskg" in command and "zygote" not in command)


def wait_for(condition: object, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


def ask(server: LiveServer, tag: object, timeout_s: float = 30) -> requests.Response:
    """A new query each time (not only a new comment): no cache answers it."""
    query = f'ASK {{ ?s ?p ?o FILTER(?o != "{tag} {time.monotonic()}") }}'
    return requests.get(server.sparql, params={"query": query}, timeout=timeout_s)


def first_answer_within(server: LiveServer, seconds: float) -> list[int]:
    """Ask again and again until a 200 or ``seconds`` pass; the statuses seen."""
    seen: list[int] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        seen.append(ask(server, len(seen), timeout_s=seconds).status_code)
        if seen[-1] == 200:
            break
    return seen


@pytest.fixture
def server(seed_store_dir: Path, tmp_path: Path) -> Iterator[LiveServer]:
    server = start_server("--store", seed_store_dir, "--workers", "2", log_dir=tmp_path)
    yield server
    server.stop()


# --- 1. a dead worker costs only its own requests ---------------------------------------------------------


def test_slots_taken_by_a_process_that_died_come_back_at_once(server: LiveServer) -> None:
    """A worker killed between taking slots off the stack and sending their queries (SIGKILL, the OOM killer,
    gunicorn's own timeout): the others are answered within seconds, not after UNCLAIMED_S (10 s) of 503."""
    folder, size = zygote_args(server)[0], int(zygote_args(server)[4])
    assert ask(server, "warm").status_code == 200
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # a stand-in for the worker: take every free slot, then be killed holding them
        os.close(read)
        stack = IdleStack(folder, size)
        with stack.locked():
            taken = [stack.pop() for _ in range(len(stack))]
        lines = [socket.socket(socket.AF_UNIX) for _ in taken]  # as a worker thread holds a line to each
        for line, number in zip(lines, taken, strict=True):
            line.connect(os.path.join(folder, str(number)))
        os.write(write, b"%d" % len(taken))
        time.sleep(60)
        os._exit(0)
    os.close(write)
    assert int(os.read(read, 16)) >= 1
    os.close(read)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    seen = first_answer_within(server, 5)
    assert seen and seen[-1] == 200, seen


def test_a_slot_lent_by_the_zygote_to_a_process_that_died_comes_back_at_once(server: LiveServer) -> None:
    """The other way to a slot: a worker that found none free waits at the zygote, which lends it the next
    one to become free; killed before it sends its query, the slot must not be lost for UNCLAIMED_S."""
    from multiprocessing.connection import Client

    folder, size = zygote_args(server)[0], int(zygote_args(server)[4])
    assert ask(server, "warm").status_code == 200
    holder_read, holder_write = os.pipe()
    holder = os.fork()
    if holder == 0:  # takes every free slot and keeps them until killed
        stack = IdleStack(folder, size)
        with stack.locked():
            taken = [stack.pop() for _ in range(len(stack))]
        os.write(holder_write, b"%d" % len(taken))
        time.sleep(60)
        os._exit(0)
    assert int(os.read(holder_read, 16)) >= 1
    waiters = []
    for _ in range(size):  # as many as there are slots: each is lent one, and all of them are killed
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            line = Client(os.path.join(folder, "socket"))
            line.send_bytes(b"a")
            os.write(write, line.recv_bytes())
            time.sleep(60)
            os._exit(0)
        os.close(write)
        waiters.append((pid, read))
    time.sleep(0.5)  # the waiters are queued at the zygote
    os.kill(holder, signal.SIGKILL)
    os.waitpid(holder, 0)
    os.close(holder_read)
    os.close(holder_write)
    for pid, read in waiters:
        assert os.read(read, 16).startswith(b"g "), "no slot lent"  # the holder's slots, given to the waiters
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read)
    statuses = [ask(server, i, timeout_s=5).status_code for i in range(2 * size)]  # every slot, in turn
    assert statuses == [200] * (2 * size), statuses


def test_kill_9_of_a_worker_under_load_costs_only_its_own_requests(server: LiveServer) -> None:
    stop = threading.Event()
    statuses: list[int] = []

    def load() -> None:
        while not stop.is_set():
            with contextlib.suppress(requests.RequestException):
                statuses.append(ask(server, "load", timeout_s=30).status_code)

    threads = [threading.Thread(target=load, daemon=True) for _ in range(12)]
    for thread in threads:
        thread.start()
    try:
        for round_ in range(3):
            time.sleep(1)
            before = workers(server)
            os.kill(before[round_ % len(before)], signal.SIGKILL)
            replaced = lambda b=before: len(workers(server)) == 2 and workers(server) != b  # noqa: E731
            wait_for(replaced, 30, "no replacement")
            seen = first_answer_within(server, 5)
            assert seen and seen[-1] == 200, seen
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    assert statuses.count(200) > 20


# --- 4. graceful exits are clean; 8. the dump folder stays ------------------------------------------------


def test_graceful_worker_exits_are_clean_and_keep_the_dump_folder(server: LiveServer) -> None:
    assert ask(server, "before").status_code == 200
    dumps = [p for p in Path("/tmp").glob(f"newskg-dumps-{server.process.pid}-*")]
    assert len(dumps) == 1, dumps
    stopped = workers(server)
    for pid in stopped:  # as worker recycling does: SIGTERM, then the master forks a replacement
        os.kill(pid, signal.SIGTERM)
        wait_for(lambda p=pid: p not in workers(server) and len(workers(server)) == 2, 30, "no replacement")
    assert ask(server, "after").status_code == 200
    assert dumps[0].is_dir() and stat.S_IMODE(dumps[0].stat().st_mode) == 0o700
    assert requests.get(server.url + "/dumps/", timeout=30).status_code < 500
    server.stop()
    log = server.log.read_text()
    # a replacement stopped while it still boots may not log its exit (gunicorn's master handles that
    # signal); the workers stopped while serving must, and nothing may crash
    assert all(f"Worker exiting (pid: {pid})" in log for pid in stopped), log
    assert "Shutting down: Master" in log, log
    assert not [bad for bad in BAD_EXITS if bad in log], log
    assert not dumps[0].exists()  # the master removed it at its own exit


# --- 11. no control socket --------------------------------------------------------------------------------


def test_a_connection_accepted_just_before_a_graceful_exit_is_still_answered(
    seed_store_dir: Path, tmp_path: Path
) -> None:
    """The listening socket is shared: a worker told to stop may have accepted a connection whose request has
    not arrived yet. That client is answered, not reset (a worker whose query processes were gone did)."""
    server = start_server("--store", seed_store_dir, log_dir=tmp_path)
    try:
        port = int(server.url.rsplit(":", 1)[1])
        [worker] = workers(server)
        query = b"ASK { ?s ?p ?o }"
        request = (
            b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
            b"Accept: application/sparql-results+json\r\nConnection: close\r\n"
            b"Content-Length: %d\r\n\r\n%s" % (len(query), query)
        )
        with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
            time.sleep(0.3)  # accepted by the one worker
            os.kill(worker, signal.SIGTERM)
            time.sleep(0.2)
            connection.sendall(request)
            answer = b""
            while chunk := connection.recv(65536):
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 200"), answer
    finally:
        server.stop()


def test_no_control_socket(seed_store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    server = start_server("--store", seed_store_dir, log_dir=tmp_path)
    try:
        assert ask(server, "ctl").status_code == 200
        assert not (tmp_path / ".gunicorn").exists()
    finally:
        server.stop()
    assert "Control socket" not in server.log.read_text()


# --- 12. what a master killed with SIGKILL left is removed at the next start ------------------------------


def test_the_folders_of_a_server_killed_with_sigkill_are_removed_at_the_next_start(
    seed_store_dir: Path, tmp_path: Path
) -> None:
    first = start_server("--store", seed_store_dir, log_dir=tmp_path)
    folder = Path(zygote_folder(first))
    zygote = next(p for p, c in children(first.process.pid).items() if "zygote" in c)
    os.kill(first.process.pid, signal.SIGKILL)
    first.process.wait()
    wait_for(lambda: not Path(f"/proc/{zygote}").exists(), 30, "the zygote outlived its master")
    assert folder.is_dir()
    other = Path(f"/tmp/newskg-zygote-{os.getpid()}-live")  # a live process's: kept
    other.mkdir(mode=0o700, exist_ok=True)
    second = start_server("--store", seed_store_dir, log_dir=tmp_path)
    try:
        assert not folder.exists()
        assert other.is_dir()
        assert ask(second, "after").status_code == 200
    finally:
        second.stop()
        other.rmdir()


# --- 3. stalled and slow clients --------------------------------------------------------------------------


PARTIAL = {
    "headers": b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n",
    "body": b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
    b"Content-Length: 1000\r\n\r\nASK {",
}


@contextlib.contextmanager
def stalled(server: LiveServer, count: int, part: str) -> Iterator[list[socket.socket]]:
    """``count`` connections that each send part of a request (``headers`` or ``body``) and stop."""
    port = int(server.url.rsplit(":", 1)[1])
    connections: list[socket.socket] = []
    try:
        for _ in range(count):
            connection = socket.create_connection(("127.0.0.1", port), timeout=10)
            connection.sendall(PARTIAL[part])
            connections.append(connection)
        yield connections
    finally:
        for connection in connections:
            connection.close()


def test_hundreds_of_stalled_clients_do_not_stop_the_server(server: LiveServer) -> None:
    """2 workers x 8 threads: with gunicorn's gthread worker 16 such connections held every thread."""
    with stalled(server, 200, "headers"), stalled(server, 100, "body"):
        time.sleep(1)
        statuses = [ask(server, i, timeout_s=5).status_code for i in range(10)]
    assert statuses == [200] * 10


def test_a_stalled_client_is_disconnected(seed_store_dir: Path, tmp_path: Path) -> None:
    server = start_server("--store", seed_store_dir, log_dir=tmp_path, settings={"client_timeout_s": 2})
    try:
        with stalled(server, 3, "headers") as heads, stalled(server, 3, "body") as bodies:
            started = time.monotonic()
            for connection in heads + bodies:
                connection.settimeout(max(20 - (time.monotonic() - started), 0.1))
                assert connection.recv(1024) == b""  # closed by the server (a timeout here raises)
            assert time.monotonic() - started < 20
        assert ask(server, "after").status_code == 200
    finally:
        server.stop()


def test_a_slow_client_still_gets_its_answer(server: LiveServer) -> None:
    """A request sent a few bytes at a time, within the timeout, is answered like any other."""
    port = int(server.url.rsplit(":", 1)[1])
    query = b"ASK { ?s ?p ?o }"
    request = (
        b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
        b"Accept: application/sparql-results+json\r\nConnection: close\r\n"
        b"Content-Length: %d\r\n\r\n%s" % (len(query), query)
    )
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        for i in range(0, len(request), 16):
            connection.sendall(request[i : i + 16])
            time.sleep(0.05)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 200") and answer.endswith(b'"boolean":true}')
