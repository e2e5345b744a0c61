"""Queries answered in the calling thread, over a store in memory: for tests and for embedding the app in
another program. Nothing here can cut a query off, so ``newskg serve`` never uses it; the answers are made by
the same function as in a query process (:func:`~server.execution.query_process.reply`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph
from pyoxigraph import NamedNode

from server.execution.dump_process import write_quads
from server.execution.job import QueryJob
from server.execution.pool import ExecutionError
from server.execution.query_process import reply


@dataclass
class InlinePool:
    store: pyoxigraph.Store
    size: int = 1
    store_mode: str = "inline"

    def idle(self) -> int:
        return self.size

    def close(self) -> None:
        """Nothing to stop: no process was started."""

    def run(self, job: QueryJob, time_limit_s: float, *, cached: bool = True) -> bytes:
        status, body = reply(self.store, job)
        if status != 200:
            raise ExecutionError(status, body.decode())
        return body

    def dump(self, graph: str | None, media_type: str, path: str, time_limit_s: float) -> None:
        write_quads(
            self.store.quads_for_pattern(None, None, None, NamedNode(graph) if graph else None),
            media_type,
            path,
        )
