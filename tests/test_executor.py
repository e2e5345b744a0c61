"""Specification of the query pool: which process answers, what the workers of one server share, and how a
server comes back when its query processes die."""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import gzip
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from pyoxigraph import Literal, NamedNode, Quad

from kg.store import Store
from server.execution.job import QueryJob
from server.execution.pool import REPLACED, ExecutionError, QueryPool
from server.execution.query_process import UNCLAIMED_S
from tests.conftest import LiveServer, start_server

QUERY = QueryJob("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "text/csv")
SLOW = QueryJob(
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }", "text/csv"
)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    store = Store(tmp_path / "store")
    subjects = [NamedNode(f"http://example.org/s{i}") for i in range(200)]
    quads = [Quad(s, NamedNode("http://example.org/p"), Literal("o")) for s in subjects]
    store.replace_graphs({"http://example.org/g": quads})
    store.close()
    return tmp_path / "store"


@pytest.fixture
def pool(store: Path) -> Iterator[QueryPool]:
    pool = QueryPool(store, size=3, store_mode="disk", queue_timeout_s=0.5)
    pool.start()
    yield pool
    pool.close()


def lent(pool: QueryPool) -> list[int]:
    """The numbers of the processes ``pool`` is lent, in order, from now on (each test has its own pool)."""
    numbers: list[int] = []
    acquire = pool._acquire

    def spy() -> int:
        numbers.append(acquire())
        return numbers[-1]

    pool._acquire = spy  # type: ignore[method-assign]
    return numbers


def in_background(pool: QueryPool, request: QueryJob, time_limit_s: float) -> threading.Thread:
    """A thread running ``request``; a 503 at its deadline is expected."""

    def run() -> None:
        with contextlib.suppress(ExecutionError):
            pool.run(request, time_limit_s)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def wait_until_idle(pool: QueryPool, timeout_s: float = 10) -> None:
    deadline = time.monotonic() + timeout_s
    while pool.idle() != pool.size:
        assert time.monotonic() < deadline, "the query processes did not become free"
        time.sleep(0.05)


def in_a_forked_worker(pool: QueryPool, work: str) -> str:
    """Fork, as gunicorn forks a worker from the server, and run ``work`` there; what it reports, as text."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            if work == "query":  # report the number of the process it was lent
                numbers = lent(pool)
                pool.run(QUERY, time_limit_s=30)
                report = f"{numbers[0]}"
            elif work == "exit":  # answer a query, then exit as a gunicorn worker does (atexit runs)
                pool.run(QUERY, time_limit_s=30)
                atexit._run_exitfuncs()
                report = "exited"
            elif work == "take":  # take a process off the stack, then die before sending it a query
                stack = pool._local().stack
                with stack.locked():
                    report = f"{stack.pop()}"
            else:  # start a slow query, then die holding its process
                in_background(pool, SLOW, 2)
                time.sleep(0.5)
                report = "dying"
        except ExecutionError as exc:
            report = exc.message
        os.write(write, report.encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as answer:
        report = answer.read()
    os.waitpid(pid, 0)
    return report


def test_the_process_that_answered_last_takes_the_next_query(pool: QueryPool) -> None:
    """Under a light load one process does the work, its block cache warm; the others stay small."""
    numbers = lent(pool)
    for _ in range(4):
        assert pool.run(QUERY, time_limit_s=30).splitlines()[-1] == b"200"
    assert len(numbers) == 4 and len(set(numbers)) == 1
    wait_until_idle(pool)


def test_workers_forked_from_the_server_share_its_processes(pool: QueryPool) -> None:
    numbers = lent(pool)
    slow = in_background(pool, SLOW, 2)  # holds the process on top of the stack
    time.sleep(0.3)
    pool.run(QUERY, time_limit_s=30)  # the next one, which goes back on top
    assert numbers[1] != numbers[0]
    # a worker with processes of its own would be lent the top one of those: it gets ours
    assert in_a_forked_worker(pool, "query") == str(numbers[1])
    slow.join()
    wait_until_idle(pool)


def test_a_process_freed_while_workers_wait_goes_to_them(store: Path) -> None:
    pool = QueryPool(store, size=1, store_mode="disk", queue_timeout_s=20)
    pool.start()
    try:
        numbers = lent(pool)
        medium = dataclasses.replace(
            SLOW, query="SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        )
        first = in_background(pool, medium, 30)
        time.sleep(0.2)
        started = time.monotonic()
        assert pool.run(QUERY, time_limit_s=30).splitlines()[-1] == b"200"  # waited at the zygote
        first.join()
        assert numbers[0] == numbers[1]  # the same process, handed over when it was done
        assert time.monotonic() - started < 15
    finally:
        pool.close()


def test_size_bounds_the_queries_of_all_workers_together(store: Path) -> None:
    pool = QueryPool(store, size=1, store_mode="disk", queue_timeout_s=0.5)
    pool.start()
    try:
        outcome: list[str] = []

        def runaway() -> None:
            try:
                pool.run(SLOW, time_limit_s=3)
            except ExecutionError as exc:
                outcome.append(exc.message)

        thread = threading.Thread(target=runaway)
        thread.start()
        time.sleep(0.3)
        assert "all 1 executors are busy" in in_a_forked_worker(pool, "query")
        thread.join()
        assert "time limit" in outcome[0]
        wait_until_idle(pool)
        assert in_a_forked_worker(pool, "query").isdigit()
    finally:
        pool.close()


def test_a_query_past_its_deadline_ends_its_process_which_is_replaced(pool: QueryPool) -> None:
    numbers = lent(pool)
    pool.run(QUERY, time_limit_s=30)  # this thread now has a line to the process on top
    other = threading.Thread(
        target=lambda: numbers.append(-1 if "time limit of 0.5 s" in outcome(pool, SLOW, 0.5) else -2)
    )
    other.start()  # another thread's query on the same process runs past its deadline
    other.join()
    assert numbers[1:] == [numbers[0], -1]
    wait_until_idle(pool)  # the slow query would run for minutes: the process ended and was replaced
    for _ in range(4):
        pool.run(QUERY, time_limit_s=30)
    assert numbers[0] not in numbers[3:]
    assert numbers[0] not in pool._thread.slots  # no line kept to a slot that is gone


LONG = dataclasses.replace(  # some seconds: still running when a query beside it is cut off
    SLOW, query="SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(?a != ?g) }"
)


def test_queries_beside_one_cut_off_start_again_in_the_replacement(pool: QueryPool) -> None:
    """The slots of a process share its end: the runaway gets its 503, the query that ran beside it is
    answered all the same, from a slot of the new process."""
    numbers = lent(pool)
    answers: list[str] = []
    beside = threading.Thread(target=lambda: answers.append(outcome(pool, LONG, 120)))
    beside.start()
    time.sleep(0.3)
    assert "time limit of 1 s" in outcome(pool, SLOW, 1)
    beside.join()
    assert answers == ["n\r\n7960000\r\n"]
    # started again in the new process, whose slots are numbered after the first process's (1 to 3); a slot
    # of the old one still on the stack is passed over
    assert numbers[-1] > pool.size


def test_one_process_holds_every_slot_unless_told_otherwise(store: Path) -> None:
    for processes in (1, 3):
        pool = QueryPool(store, size=3, processes=processes, store_mode="disk")
        pool.start()
        try:
            assert pool._zygote._popen is not None
            assert len(children(pool._zygote._popen.pid)) == processes
            assert pool.idle() == 3
        finally:
            pool.close()


def outcome(pool: QueryPool, request: QueryJob, time_limit_s: float) -> str:
    try:
        return pool.run(request, time_limit_s).decode()
    except ExecutionError as exc:
        return exc.message


def test_a_query_ends_at_its_deadline_even_when_nobody_waits_for_it(pool: QueryPool) -> None:
    assert in_a_forked_worker(pool, "die holding a slow query") == "dying"  # whose limit is 2 s
    wait_until_idle(pool)  # the slow query would run for minutes: its process ended itself and was replaced


def test_a_process_that_cannot_start_is_a_503(tmp_path: Path) -> None:
    pool = QueryPool(tmp_path / "nothing here", size=1, store_mode="disk")
    with pytest.raises(ExecutionError, match="could not open the store"):
        pool.start()


def test_a_process_taken_by_a_worker_that_died_comes_back(pool: QueryPool) -> None:
    assert in_a_forked_worker(pool, "take").isdigit()
    assert pool.idle() == 2
    wait_until_idle(pool, timeout_s=UNCLAIMED_S + 5)


def test_a_worker_that_exits_leaves_the_pool_to_the_others(pool: QueryPool) -> None:
    assert in_a_forked_worker(pool, "exit") == "exited"
    answers: list[bytes] = []
    thread = threading.Thread(target=lambda: answers.append(pool.run(QUERY, time_limit_s=30)))
    thread.start()  # a new thread opens the shared files afresh
    thread.join()
    assert answers and answers[0].splitlines()[-1] == b"200"


def children(pid: int) -> dict[int, str]:
    """The child processes of ``pid`` and their command lines."""
    found = {}
    for entry in Path("/proc").iterdir():
        with contextlib.suppress(OSError):
            if entry.name.isdigit() and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found[int(entry.name)] = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    return found


def zygote_of(server: LiveServer) -> int:
    return next(
        pid for pid, command in children(server.process.pid).items() if "server.execution.zygote" in command
    )


def test_a_server_whose_query_processes_died_starts_new_ones(seed_store_dir: Path, tmp_path: Path) -> None:
    """Each worker that finds them gone answers 503 and is replaced, and the master starts a new zygote
    before it forks the replacement: after a few seconds every query is answered again, never with a 500."""
    server = start_server("--store", seed_store_dir, "--workers", "2", log_dir=tmp_path)
    try:
        old = zygote_of(server)
        os.kill(old, signal.SIGKILL)
        answers: list[tuple[int, str]] = []
        deadline = time.monotonic() + 90
        while len(answers) < 10 or any(status != 200 for status, _ in answers[-10:]):
            assert time.monotonic() < deadline, answers
            query = f"ASK {{ ?s ?p ?o }} # {len(answers)}"  # a new text: no cache can answer it
            response = requests.get(server.sparql, params={"query": query}, timeout=60)
            answers.append((response.status_code, response.text))
        refused = {answer for answer in answers if answer[0] != 200}
        assert (503, REPLACED + "\n") in refused  # a line cut by the kill may say "process stopped" first
        assert all(status == 503 and len(text) < 200 for status, text in refused), refused
        assert zygote_of(server) != old
    finally:
        server.stop()


def test_under_load_only_the_runaway_queries_fail(seed_store_dir: Path, tmp_path: Path) -> None:
    """Over HTTP, with queries cut off again and again: each cut-off query gets its 503, and every query that
    happened to run beside one in the same process is still answered."""
    server = start_server(
        "--store", seed_store_dir, "--workers", "2", log_dir=tmp_path, settings={"sparql_time_limit_s": 1}
    )
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    statuses: dict[str, list[int]] = {"runaway": [], "other": []}
    stop = time.monotonic() + 6

    def client(kind: str, query: str) -> None:
        while time.monotonic() < stop:
            text = f"{query} # {kind} {time.monotonic()}"  # a new text: no cache can answer it
            statuses[kind].append(requests.get(server.sparql, params={"query": text}, timeout=60).status_code)

    try:
        clients = [threading.Thread(target=client, args=("runaway", runaway))]
        clients += [threading.Thread(target=client, args=("other", "ASK { ?s ?p ?o }")) for _ in range(4)]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join()
    finally:
        server.stop()
    assert len(statuses["runaway"]) >= 3 and set(statuses["runaway"]) == {503}
    assert len(statuses["other"]) > 100 and set(statuses["other"]) == {200}


class TestDumps:
    """A dump is written by a process of its own, killed at its time limit: no slot is taken for it."""

    def test_a_dump_holds_every_quad_while_every_slot_is_busy(self, pool: QueryPool, tmp_path: Path) -> None:
        busy = [in_background(pool, SLOW, 20) for _ in range(pool.size)]  # past any dump, on a loaded machine
        deadline = time.monotonic() + 10
        while pool.idle() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert pool.idle() == 0
        path = tmp_path / "dump.nq.gz"
        pool.dump(None, "application/n-quads", str(path), 60)
        lines = gzip.decompress(path.read_bytes()).decode().splitlines()
        assert len(lines) == 200 and all(line.endswith("<http://example.org/g> .") for line in lines)
        assert pool.idle() == 0  # the slow queries ran on, undisturbed
        for thread in busy:
            thread.join()

    def test_a_graph_format_gets_the_triples(self, pool: QueryPool, tmp_path: Path) -> None:
        path = tmp_path / "dump.ttl.gz"
        pool.dump("http://example.org/g", "text/turtle", str(path), 60)
        text = gzip.decompress(path.read_bytes()).decode()
        assert text.count('"o"') == 200 and "example.org/g" not in text

    def test_a_dump_past_its_time_limit_is_503_naming_the_setting(
        self, pool: QueryPool, tmp_path: Path
    ) -> None:
        with pytest.raises(ExecutionError) as error:
            pool.dump(None, "application/n-quads", str(tmp_path / "dump.nq.gz"), 0.01)
        assert error.value.status == 503 and "dump_time_limit_s" in error.value.message

    def test_a_failed_dump_is_503_with_its_reason_in_the_log(
        self, pool: QueryPool, tmp_path: Path, capfd: pytest.CaptureFixture[str]
    ) -> None:
        with pytest.raises(ExecutionError) as error:
            pool.dump(None, "application/n-quads", str(tmp_path / "no" / "such" / "dump.nq.gz"), 60)
        assert error.value.status == 503 and "log" in error.value.message
        assert "No such file or directory" in capfd.readouterr().err
