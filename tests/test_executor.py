"""Specification of the query pool: which process answers, and what a worker may rely on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from kg.store import Store
from server.executor import QueryPool, _Process

QUERY = {"op": "query", "query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "format": "text/csv"}


@pytest.fixture
def pool(tmp_path: Path) -> Iterator[QueryPool]:
    store = Store(tmp_path / "store")
    store.replace_graphs(
        {
            "http://example.org/g": [
                Quad(NamedNode("http://example.org/s"), NamedNode("http://example.org/p"), Literal("o"))
            ]
        }
    )
    store.close()
    pool = QueryPool(tmp_path / "store", size=3, store_mode="disk")
    pool.start()
    yield pool
    pool.close()


def test_the_process_that_answered_last_takes_the_next_query(
    pool: QueryPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under a light load one process does the work, its block cache warm; the others stay small."""
    answered: list[int] = []
    take = pool._idle.get

    def spy(*args: object, **kwargs: object) -> _Process:
        proc = take(*args, **kwargs)  # type: ignore[arg-type]
        answered.append(proc.pid)
        return proc

    monkeypatch.setattr(pool._idle, "get", spy)
    for _ in range(4):
        assert pool.run(QUERY, time_limit_s=30).splitlines()[-1] == b"1"
    assert len(set(answered)) == 1
    assert pool.idle() == 3
