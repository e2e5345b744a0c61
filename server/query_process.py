"""Query processes: they evaluate queries for :class:`server.executor.QueryPool`.

The zygote (:mod:`server.zygote`) forks them; each opens the store read-only itself in ``store_mode`` disk
(RocksDB handles must not cross a fork), cuts itself off the network, caps its own address space, and
answers one request at a time from whichever worker took it off the stack of free processes, ending itself
when a query passes its deadline.
"""

from __future__ import annotations

import ctypes
import gzip
import os
import resource
import selectors
import signal
import socket
import sys
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph
from pyoxigraph import NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat

from kg.vocab import PREFIXES
from server.idle_stack import IdleStack
from server.sandbox import deny_network

UNCLAIMED_S = 10.0
"""A process taken off the stack whose query has not come after this long was taken by a worker that died
in between: it gives itself back."""


def open_store(path: str, mode: str) -> pyoxigraph.Store:
    disk = pyoxigraph.Store.read_only(path)
    if mode == "disk":
        return disk
    memory = pyoxigraph.Store()
    memory.bulk_load(disk.dump(format=RdfFormat.N_QUADS), format=RdfFormat.N_QUADS)
    return memory


def limit_memory(megabytes: int) -> None:
    """Cap the address space at what the process uses now plus ``megabytes``."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[0])
    current = pages * os.sysconf("SC_PAGE_SIZE")
    limit = current + megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def answer(store: pyoxigraph.Store, request: dict[str, Any]) -> bytes:
    """Evaluate one request; the engine's own serializers write the result."""
    if request["op"] == "dump":
        graph = request.get("graph")
        fmt = RdfFormat.from_media_type(request["format"])
        assert fmt is not None
        quads = store.quads_for_pattern(None, None, None, NamedNode(graph) if graph else None)
        items = quads if fmt.supports_datasets else (q.triple for q in quads)
        with gzip.open(request["path"], "wb", compresslevel=6) as out:
            pyoxigraph.serialize(items, out, format=fmt, prefixes=PREFIXES)
        return b""
    options: dict[str, Any] = {"base_iri": request.get("base")}
    if request.get("default_graph") is not None:
        options["default_graph"] = [NamedNode(g) for g in request["default_graph"]]
    elif request.get("union", True):
        options["use_default_graph_as_union"] = True
    if request.get("named_graphs") is not None:
        options["named_graphs"] = [NamedNode(g) for g in request["named_graphs"]]
    result = store.query(request["query"], **options)
    media_type = request["format"]
    if isinstance(result, QuerySolutions | QueryBoolean):
        results_format = QueryResultsFormat.from_media_type(media_type)
        assert results_format is not None
        return result.serialize(format=results_format)
    rdf_format = RdfFormat.from_media_type(media_type)
    assert rdf_format is not None
    return pyoxigraph.serialize(result, format=rdf_format, prefixes=PREFIXES)


def short(error: Exception, limit: int = 200) -> str:
    """The parser's message on one line, cut where it starts listing every character it expected."""
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def syntax_error(request: dict[str, Any], error: SyntaxError) -> SyntaxError:
    """The parser's message for the client's own text: the guard may have appended a LIMIT to it, which
    would shift the reported position past what the client sent."""
    original = request.get("original")
    if original is None:
        return error
    try:
        pyoxigraph.Store().query(original, base_iri=request.get("base"))
    except SyntaxError as exc:
        return exc
    return error


def die_with_parent() -> None:
    """Ask the kernel to end this process with the one that started it (prctl PR_SET_PDEATHSIG)."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGKILL, 0, 0, 0)


@dataclass(frozen=True)
class Pool:
    """What every query process of a server shares: where the pool lives and how to open the store."""

    folder: str
    size: int
    store_path: str
    mode: str
    memory_mb: int


def serve(control: Connection, number: int, pool: Pool, store: pyoxigraph.Store | None) -> int:
    """Query process ``number``: sandbox itself, listen at ``<folder>/<number>``, then answer one request at a
    time and give itself back to the pool after each, until the zygote on ``control`` goes away. ``store`` is
    the zygote's in memory, or None to open it from disk."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)  # the deadline's timer ends us, even in native code
    die_with_parent()
    os.dup2(2, 1)  # stdout is the zygote's line to the server, read once at start-up
    if store is None:
        try:
            store = open_store(pool.store_path, pool.mode)
        except OSError as exc:
            print(f"newskg query process: cannot open the store at {pool.store_path}: {exc}", file=sys.stderr)
            return 1
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(os.path.join(pool.folder, str(number)))
    listener.listen(64)
    stack = IdleStack(pool.folder, pool.size)
    try:
        deny_network()
    except OSError as exc:
        print(
            f"newskg query process: network not sandboxed ({exc}); the query guard still applies",
            file=sys.stderr,
        )
    limit_memory(pool.memory_mb)
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    selector.register(control, selectors.EVENT_READ)
    control.send_bytes(b"i")  # ready: the zygote puts us on the stack
    while True:
        events = selector.select(UNCLAIMED_S)
        if not events:
            give_back(stack, control, number, unless_free=True)
        for key, _ in events:
            if key.fileobj is control:
                return 0  # the zygote only ever closes this: the server is gone
            if key.fileobj is listener:
                selector.register(Connection(listener.accept()[0].detach()), selectors.EVENT_READ)
                continue
            worker: Connection = key.fileobj  # type: ignore[assignment]
            try:
                request, deadline = worker.recv()
            except (EOFError, OSError):  # that worker thread hung up
                selector.unregister(worker)
                worker.close()
                continue
            remaining = deadline - time.monotonic()  # the worker's clock: CLOCK_MONOTONIC is system-wide
            if remaining <= 0:  # it waited behind an answer to another worker, and has given up
                give_back(stack, control, number)
                continue
            signal.setitimer(signal.ITIMER_REAL, remaining)
            status, body = reply(store, request)
            signal.setitimer(signal.ITIMER_REAL, 0)
            give_back(stack, control, number)  # before the answer: free by the time the worker asks again
            try:
                worker.send_bytes(b"%d" % status)
                worker.send_bytes(body)
            except OSError:
                selector.unregister(worker)
                worker.close()


def give_back(stack: IdleStack, control: Connection, number: int, *, unless_free: bool = False) -> None:
    """Back on top of the stack, or to the zygote when workers are waiting for a process."""
    with stack.locked():
        if unless_free and number in stack:
            return
        if not stack.waiters:
            stack.push(number)
            return
    control.send_bytes(b"i")


def reply(store: pyoxigraph.Store, request: dict[str, Any]) -> tuple[int, bytes]:
    """The HTTP status and the body, or the error message; the pool reads them as two raw messages, so a
    large answer is never pickled or copied."""
    try:
        return 200, answer(store, request)
    except SyntaxError as exc:
        return 400, f"malformed query: {short(syntax_error(request, exc))}".encode()
    except MemoryError:
        return 503, b"the query needed more memory than query_memory_mb allows"
    except (OSError, ValueError, RuntimeError, TypeError) as exc:
        return 400, f"the query could not be evaluated: {exc}".encode()
