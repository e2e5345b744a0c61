"""Queries for a store on another SPARQL server: passed through with the same guard, limits and formats.

The remote engine evaluates and serializes. The time limit bounds the whole answer, not only the wait for
its first byte: a runaway query whose rows the server streams is cut off too. The connection is closed at
the deadline, which ends the query on servers that cancel on disconnect or stop when they cannot write
(give the server its own timeout too, e.g. ``oxigraph serve --timeout-s``). Concurrency is bounded as with
the query processes: ``executors`` requests at once per worker, 503 after ``queue_timeout_s``. The guard
still refuses SERVICE, but the remote server is not sandboxed by newskg: run it without federation where it
offers that.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import requests
from pyoxigraph import Quad

from kg.errors import NewsKGError, QueryError
from kg.store.remote import AnswerTooLarge, RemoteStore
from server.execution.dump_process import write_quads
from server.execution.job import QueryJob
from server.execution.pool import ExecutionError


@dataclass
class RemotePool:
    store: RemoteStore
    size: int = 2
    queue_timeout_s: float = 2.0
    memory_mb: int = 2048
    """The largest answer taken from the server, once decompressed."""
    _slots: threading.BoundedSemaphore = field(init=False)

    def __post_init__(self) -> None:
        self._slots = threading.BoundedSemaphore(self.size)

    def idle(self) -> int:
        return self._slots._value

    def close(self) -> None:
        self.store.session.close()

    def run(self, job: QueryJob, time_limit_s: float, *, cached: bool = True) -> bytes:
        """The answer from the remote server; never cached (``cached`` is the query pool's), since the data
        there can change under us."""
        with self._slot(time_limit_s, "the query ran", "sparql_time_limit_s"):
            return self._query(job, time_limit_s)

    def dump(self, graph: str | None, media_type: str, path: str, time_limit_s: float) -> None:
        """Write every graph, or ``graph``, gzip-compressed into ``path``, as the remote server lists them."""
        deadline = time.monotonic() + time_limit_s

        def until_deadline(quads: Iterator[Quad]) -> Iterator[Quad]:
            for quad in quads:
                if time.monotonic() > deadline:
                    raise requests.Timeout
                yield quad

        with self._slot(time_limit_s, "writing the dump took", "dump_time_limit_s"):
            write_quads(until_deadline(self.store.quads(graph, timeout=time_limit_s)), media_type, path)

    @contextmanager
    def _slot(self, time_limit_s: float, what: str, setting: str) -> Iterator[None]:
        """One of the ``executors`` slots, and the remote server's failures as :class:`ExecutionError`."""
        if not self._slots.acquire(timeout=self.queue_timeout_s):
            raise ExecutionError(
                503,
                f"all {self.size} query slots are busy; retry later (settings: executors, queue_timeout_s)",
            )
        try:
            yield
        except requests.Timeout:
            raise ExecutionError(
                503,
                f"{what} longer than the time limit of {time_limit_s:g} s and was cancelled "
                f"(setting: {setting})",
            ) from None
        except AnswerTooLarge:
            raise ExecutionError(503, "the query's answer is larger than query_memory_mb allows") from None
        except QueryError as exc:  # the server's parser on the client's own text: its first line
            raise ExecutionError(400, str(exc).splitlines()[0][:300]) from None
        except NewsKGError as exc:  # its address and its own error page are for the log, not the client
            print(f"newskg: {exc}", file=sys.stderr, flush=True)
            raise ExecutionError(
                503,
                "the SPARQL server behind this endpoint failed or could not be reached; see the server's log",
            ) from None
        finally:
            self._slots.release()

    def _query(self, job: QueryJob, time_limit_s: float) -> bytes:
        deadline = time.monotonic() + time_limit_s
        params = job.dataset.protocol_params(lambda: self.store.union_params(timeout=time_limit_s))
        query = f"BASE <{job.base}>\n{job.query}" if job.base else job.query
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise requests.Timeout
        answer = self.store.request(
            query, job.media_type, params=params, timeout=remaining, max_bytes=self.memory_mb * 1024 * 1024
        )
        return answer.body
