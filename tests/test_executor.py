"""Specification of the query pool: which process answers, and what the workers of one server share."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from kg.store import Store
from server.executor import ExecutionError, QueryPool
from server.query_process import UNCLAIMED_S

QUERY = {"op": "query", "query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "format": "text/csv"}
SLOW = {
    "op": "query",
    "query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }",
    "format": "text/csv",
}


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


def lent(pool: QueryPool, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The numbers of the processes ``pool`` is lent, in order, from now on."""
    numbers: list[int] = []
    acquire = pool._acquire

    def spy() -> int:
        numbers.append(acquire())
        return numbers[-1]

    monkeypatch.setattr(pool, "_acquire", spy)
    return numbers


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
                numbers: list[int] = []
                acquire = pool._acquire
                pool._acquire = lambda: numbers.append(acquire()) or numbers[-1]  # type: ignore[method-assign]
                pool.run(QUERY, time_limit_s=30)
                report = f"{numbers[0]}"
            elif work == "take":  # take a process off the stack, then die before sending it a query
                stack = pool._local().stack
                with stack.locked():
                    report = f"{stack.pop()}"
            else:  # start a slow query, then die holding its process
                threading.Thread(target=pool.run, args=(SLOW, 2), daemon=True).start()
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


def test_the_process_that_answered_last_takes_the_next_query(
    pool: QueryPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under a light load one process does the work, its block cache warm; the others stay small."""
    numbers = lent(pool, monkeypatch)
    for _ in range(4):
        assert pool.run(QUERY, time_limit_s=30).splitlines()[-1] == b"200"
    assert len(numbers) == 4 and len(set(numbers)) == 1
    wait_until_idle(pool)


def test_workers_forked_from_the_server_share_its_processes(
    pool: QueryPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    numbers = lent(pool, monkeypatch)
    pool.run(QUERY, time_limit_s=30)
    wait_until_idle(pool)
    assert in_a_forked_worker(pool, "query") == str(numbers[0])  # the warm process, not one of its own
    wait_until_idle(pool)
    pool.run(QUERY, time_limit_s=30)
    assert numbers[1] == numbers[0]


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
        assert "all 1 query processes are busy" in in_a_forked_worker(pool, "query")
        thread.join()
        assert "time limit" in outcome[0]
        wait_until_idle(pool)
        assert in_a_forked_worker(pool, "query").isdigit()
    finally:
        pool.close()


def test_a_query_past_its_deadline_is_killed_and_its_process_replaced(
    pool: QueryPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    numbers = lent(pool, monkeypatch)
    with pytest.raises(ExecutionError, match=r"time limit of 0\.5 s"):
        pool.run(SLOW, time_limit_s=0.5)
    wait_until_idle(pool)  # the slow query would run for minutes: the process was killed and replaced
    for _ in range(4):
        pool.run(QUERY, time_limit_s=30)
    assert numbers[0] not in numbers[1:]


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
