"""Query processes: they evaluate queries for :class:`server.execution.pool.QueryPool`.

The zygote (:mod:`~server.execution.zygote`) forks them; each opens the store read-only itself in
``store_mode`` disk (RocksDB handles must not cross a fork), cuts itself off the network and caps its own
address space. A process holds one or more *slots*, each a thread with its own socket, that answers one
request at a time from whichever worker took the slot off the stack of free slots. pyoxigraph lets go of the
GIL while it evaluates and serializes, so the slots of one process run their queries on all cores over one
view of the store (one set of RocksDB caches). When a query passes its deadline, the process ends (a timer
whose signal ends it even inside native code, the only way to stop pyoxigraph), and with it the queries of its
other slots: their workers start them again in the replacement (:mod:`server.execution.pool`)."""

from __future__ import annotations

import ctypes
import os
import resource
import selectors
import signal
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection

import pyoxigraph
from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat

from kg.vocab import PREFIXES
from server.execution.idle_stack import IdleStack
from server.execution.job import QueryJob
from server.execution.sandbox import deny_network_or_warn

UNCLAIMED_S = 10.0
"""A slot taken off the stack whose query has not come after this long was taken by a worker that died in
between: it gives itself back. The fallback only: a slot whose taker is known to be dead (its pid, noted on
the stack) comes back within ``TAKER_CHECK_S``."""
TAKER_CHECK_S = 0.2
"""How often an idle slot looks whether the process that took it has died before sending its query."""


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


def answer(store: pyoxigraph.Store, job: QueryJob) -> bytes:
    """Evaluate one query; the engine's own serializers write the result."""
    result = store.query(job.query, base_iri=job.base, **job.dataset.engine_options())
    media_type = job.media_type
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


def syntax_error(job: QueryJob, error: SyntaxError) -> SyntaxError:
    """The parser's message for the client's own text: the guard may have appended a LIMIT to it, which
    would shift the reported position past what the client sent."""
    if job.original is None:
        return error
    try:
        pyoxigraph.Store().query(job.original, base_iri=job.base)
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
    """Slots of the whole pool: queries that run at once."""
    processes: int
    """Processes the slots are spread over."""
    store_path: str
    mode: str
    memory_mb: int


class Deadlines:
    """The deadlines of the queries running in this process. There is one timer per process (its signal,
    SIGALRM, ends the process at once, even inside native code), armed for the earliest of them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_slot: dict[int, float] = {}

    def start(self, slot: int, deadline: float) -> None:
        with self._lock:
            self._by_slot[slot] = deadline
            self._arm()

    def end(self, slot: int) -> None:
        with self._lock:
            del self._by_slot[slot]
            self._arm()

    def _arm(self) -> None:
        if not self._by_slot:
            signal.setitimer(signal.ITIMER_REAL, 0)
            return
        # CLOCK_MONOTONIC is system-wide: the workers' deadlines hold here
        signal.setitimer(signal.ITIMER_REAL, max(min(self._by_slot.values()) - time.monotonic(), 1e-6))


def serve(control: Connection, slots: tuple[int, ...], pool: Pool, store: pyoxigraph.Store | None) -> int:
    """A query process with ``slots``: sandbox itself, listen at ``<folder>/<slot>`` for each, answer in a
    thread per slot, until the zygote on ``control`` goes away. ``store`` is the zygote's in memory, or None
    to open it from disk."""
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
    listeners = {}
    for slot in slots:
        listeners[slot] = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listeners[slot].bind(os.path.join(pool.folder, str(slot)))
        listeners[slot].listen(64)
    deny_network_or_warn("query process")  # before the slots' threads start: they inherit the filter
    lock = threading.Lock()

    def free(slot: int) -> None:
        with lock:
            control.send_bytes(b"%d" % slot)

    deadlines = Deadlines()
    for slot, listener in listeners.items():
        threading.Thread(
            target=answer_in_slot, args=(slot, listener, store, pool, free, deadlines), daemon=True
        ).start()
    limit_memory(pool.memory_mb)  # once the threads have their stacks
    for slot in slots:
        free(slot)  # ready: the zygote puts it on the stack
    control.poll(None)
    return 0  # the zygote only ever closes its line: the server is gone


def answer_in_slot(
    slot: int,
    listener: socket.socket,
    store: pyoxigraph.Store,
    pool: Pool,
    free: Callable[[int], None],
    deadlines: Deadlines,
) -> None:
    """One slot's thread: answer one request at a time from whichever worker took the slot, and give it back
    to the pool after each. An error of our own ends the process: the zygote replaces it whole."""
    try:
        stack = IdleStack(pool.folder, pool.size)  # a handle of its own: flock locks per open file
        selector = selectors.DefaultSelector()
        selector.register(listener, selectors.EVENT_READ)
        heard = time.monotonic()
        while True:
            events = selector.select(TAKER_CHECK_S)
            if events:
                heard = time.monotonic()
            elif time.monotonic() - heard >= UNCLAIMED_S:
                give_back(stack, free, slot, unless_free=True)
                heard = time.monotonic()
            else:
                taker = stack.taker(slot)
                # dead first, then nothing pending: a dead process sends nothing more
                if taker and not alive(taker) and not selector.select(0):
                    give_back(stack, free, slot, taken_by=taker)
            for key, _ in events:
                if key.fileobj is listener:
                    selector.register(Connection(listener.accept()[0].detach()), selectors.EVENT_READ)
                    continue
                worker: Connection = key.fileobj  # type: ignore[assignment]
                try:
                    job, deadline = worker.recv()
                except (EOFError, OSError):  # that worker thread hung up
                    selector.unregister(worker)
                    worker.close()
                    continue
                if deadline <= time.monotonic():  # it waited behind an answer to another worker, and gave up
                    give_back(stack, free, slot)
                    continue
                deadlines.start(slot, deadline)
                status, body = reply(store, job)
                deadlines.end(slot)
                give_back(stack, free, slot)  # before the answer: free by the time the worker asks again
                try:
                    worker.send_bytes(b"%d" % status)
                    worker.send_bytes(body)
                except OSError:
                    selector.unregister(worker)
                    worker.close()
    except BaseException:
        traceback.print_exc()
        os._exit(1)


def give_back(
    stack: IdleStack, free: Callable[[int], None], slot: int, *, unless_free: bool = False, taken_by: int = 0
) -> None:
    """Back on top of the stack, or to the zygote when workers are waiting for a slot; with ``taken_by``,
    only if that process still holds it."""
    with stack.locked():
        if (unless_free or taken_by) and slot in stack:
            return
        if taken_by and stack.taker(slot) != taken_by:
            return
        if not stack.waiters:
            stack.push(slot)
            return
        stack.release(slot)
    free(slot)


def alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie, killed but not yet reaped by its parent, does not)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            state = stat.read().rsplit(b")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in (b"Z", b"X")


def reply(store: pyoxigraph.Store, job: QueryJob) -> tuple[int, bytes]:
    """The HTTP status and the body, or the error message; the pool reads them as two raw messages, so a
    large answer is never pickled or copied."""
    try:
        return 200, answer(store, job)
    except SyntaxError as exc:
        return 400, f"malformed query: {short(syntax_error(job, exc))}".encode()
    except MemoryError:
        return 503, b"the query needed more memory than query_memory_mb allows"
    except (OSError, ValueError, RuntimeError, TypeError) as exc:
        return 400, f"the query could not be evaluated: {exc}".encode()
