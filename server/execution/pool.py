"""Run queries where they can be killed: one pool of query processes per server, shared by its workers.

pyoxigraph has no timeout or cancellation, and a query runs inside native code. So queries run in separate
processes, each with a read-only view of the store and one or more slots (threads) that answer one query at a
time; a process ends itself at a query's deadline (a timer whose signal terminates it), the worker stops
waiting at the deadline and answers 503, and the zygote forks a replacement. The queries that ran in the
ended process's other slots did nothing wrong: their workers start each again, once, in another slot. The
pool bounds how many queries run at once in the whole server (the ``executors`` setting); a query that finds
no free slot within ``queue_timeout_s`` gets 503.

A worker thread takes a free slot from the shared stack (:mod:`~server.execution.idle_stack`) and sends
the query straight to it; only when none is free does it wait at the zygote (:mod:`~server.execution.zygote`,
started with fork+exec before the server forks its workers), which lends it the next slot to become free.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from server.cache import ResultCache
from server.execution import tempdirs
from server.execution.idle_stack import IdleStack, block_width
from server.execution.job import QueryJob

ZYGOTE_GONE = "the query processes are gone; restart the server"
REPLACED = "the query processes are gone; new ones are starting, retry in a few seconds"
RESTART_MARGIN_S = 0.1
"""A query whose process ended this close to the query's own deadline ended it: it does not start again."""


class ExecutionError(Exception):
    """A query that did not produce a result; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Zygote:
    """The process that loads the store once, forks the query processes and lends them to the workers."""

    store_path: Path
    store_mode: str = "memory"
    memory_mb: int = 2048
    size: int = 2
    processes: int = 1
    folder: str = field(default="", init=False)
    _popen: subprocess.Popen[bytes] | None = field(default=None, init=False)
    _owner: int = field(default=0, init=False)

    def start(self) -> None:
        """Start the zygote, or a new one if it died, and wait until its processes hold the store. Only the
        process that started it can: a forked server worker uses the zygote its parent started."""
        if self._popen is not None and (os.getpid() != self._owner or self._popen.poll() is None):
            return
        if self._popen is not None:
            shutil.rmtree(self.folder, ignore_errors=True)  # the dead zygote's
        self._owner = os.getpid()
        self.folder = str(tempdirs.make("zygote"))  # mode 0700: only this user may connect
        command = [sys.executable, "-m", "server.execution.zygote", self.folder, str(self.store_path),
                   self.store_mode, str(self.memory_mb), str(self.size), str(self.processes)]  # fmt: skip
        self._popen = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
        assert self._popen.stdout is not None
        if self._popen.stdout.readline() != b"ready\n":
            raise ExecutionError(503, "the query processes could not open the store")

    def stop(self) -> None:
        """End the zygote, and with it every query process (only the process that started it can)."""
        if self._popen is not None and os.getpid() == self._owner:
            self._popen.kill()
            self._popen.wait()

    def stack(self) -> IdleStack:
        """A handle of our own on the stack of free slots."""
        return IdleStack(self.folder, self.size)

    def running(self) -> bool:
        """Whether the zygote still listens; its processes end with it."""
        try:
            self.connect("socket").close()
        except OSError:
            return False
        return True

    def alive(self, number: int) -> bool:
        """Whether slot ``number`` still listens (the zygote removes the sockets of a dead process)."""
        return os.path.exists(os.path.join(self.folder, str(number)))

    def connect(self, name: str) -> Connection:
        """A connection to the zygote (``socket``) or to a slot of its query processes (its number)."""
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(os.path.join(self.folder, name))
        except OSError:
            sock.close()
            raise
        return Connection(sock.detach())


class _Thread(threading.local):
    """What one server thread holds: its handle on the stack, its line to the zygote and to each slot."""

    pid: int = 0
    stack: IdleStack
    zygote: Connection | None = None
    slots: dict[int, Connection]


@dataclass
class QueryPool:
    """The server's query processes over the store at ``store_path``: ``size`` slots (queries at once) over
    ``processes`` processes."""

    store_path: Path
    size: int = 2
    processes: int = 1
    store_mode: str = "memory"
    memory_mb: int = 2048
    queue_timeout_s: float = 2.0
    cache: ResultCache | None = None
    on_zygote_gone: Callable[[], None] | None = None
    """Called in a server worker that found the zygote gone: under gunicorn it stops the worker, and the
    master starts a new zygote before it forks the replacement (``newskg serve``)."""
    _zygote: Zygote = field(init=False)
    _thread: _Thread = field(default_factory=_Thread, init=False)

    def __post_init__(self) -> None:
        self._zygote = Zygote(self.store_path, self.store_mode, self.memory_mb, self.size, self.processes)

    def start(self) -> None:
        """Start the zygote and its processes: before the server forks its workers, so they share them."""
        self._zygote.start()

    def idle(self) -> int:
        """Slots ready for a query now, in the whole server."""
        stack = self._local().stack
        with stack.locked():
            return len(stack)

    def close(self) -> None:
        """Hang up this thread's lines; in the process that started the pool, stop its processes too."""
        thread = self._thread
        if thread.pid == os.getpid():
            for number in list(thread.slots):
                self._forget(number)
            if thread.zygote is not None:
                thread.zygote.close()
            thread.stack.close()
            thread.pid = 0
        self._zygote.stop()

    def run(self, job: QueryJob, time_limit_s: float, *, cached: bool = True) -> bytes:
        """The answer to ``job``: from the cache, or from a free slot. With ``cached`` false the cache
        is neither read nor written (the response as a whole is kept elsewhere).

        :raises ExecutionError: 503 when no slot is free or the time limit passes, 4xx for a bad query.
        """
        cache = self.cache if cached else None
        if cache is None:
            return self._evaluate(job, time_limit_s)
        key = job.key()
        body = cache.get(key)
        if body is None:
            body = self._evaluate(job, time_limit_s)
            cache.put(key, body)
        return body

    def dump(self, graph: str | None, media_type: str, path: str, time_limit_s: float) -> None:
        """Write every graph, or ``graph``, gzip-compressed into ``path``, in a process of its own
        (:mod:`server.execution.dump_process`), which is killed at the time limit.

        :raises ExecutionError: 503 when the time limit passes or the process fails (its error goes to
            the server's log).
        """
        command = [sys.executable, "-m", "server.execution.dump_process", str(self.store_path), media_type,
                   path, graph or "", str(self.memory_mb)]  # fmt: skip
        try:
            done = subprocess.run(
                command, stdin=subprocess.DEVNULL, capture_output=True, timeout=time_limit_s
            )
        except subprocess.TimeoutExpired:
            raise ExecutionError(
                503,
                f"writing the dump took longer than the time limit of {time_limit_s:g} s and was cancelled "
                "(setting: dump_time_limit_s)",
            ) from None
        if done.returncode != 0:
            sys.stderr.write(done.stderr.decode(errors="replace"))
            raise ExecutionError(503, "the dump could not be written; the server's log says why")

    def _evaluate(self, job: QueryJob, time_limit_s: float) -> bytes:
        deadline = time.monotonic() + time_limit_s  # CLOCK_MONOTONIC: the same clock in the query process
        width = block_width(self.size, self.processes)
        ended: set[int] = set()  # the processes seen to end during this request, by block of slot numbers
        again = True
        while True:
            number = self._acquire()
            process = (number - 1) // width
            try:
                conn = self._connection(number)
                conn.send((job, deadline))
            except OSError:  # its process ended before the zygote took the slot off the stack: take another
                self._forget(number)
                ended.add(process)
                if time.monotonic() >= deadline:
                    raise self._past_deadline(time_limit_s) from None
                continue
            try:
                if not conn.poll(max(deadline - time.monotonic(), 0)):
                    raise EOFError
                status, body = int(conn.recv_bytes()), conn.recv_bytes()
            except (EOFError, OSError):
                self._forget(number)
                if not self._zygote.running():
                    raise self._zygote_gone() from None
                if deadline - time.monotonic() <= RESTART_MARGIN_S:
                    raise self._past_deadline(time_limit_s) from None
                if process in ended:  # a slot of a process that had ended already: it never ran our query
                    continue
                ended.add(process)
                if again:  # a query beside ours ended the process (its deadline, or out of memory)
                    again = False
                    continue
                raise ExecutionError(
                    503, "the query process stopped (it may have exceeded query_memory_mb); it was restarted"
                ) from None
            if status != 200:
                raise ExecutionError(status, body.decode())
            return body

    @staticmethod
    def _past_deadline(time_limit_s: float) -> ExecutionError:
        return ExecutionError(
            503,
            f"the query ran longer than the time limit of {time_limit_s:g} s and was cancelled "
            "(setting: sparql_time_limit_s)",
        )

    def _acquire(self) -> int:
        """The number of a free slot: the one freed last, or else the next one the zygote lends us."""
        thread = self._local()
        with thread.stack.locked():
            number = thread.stack.pop()
        if number is not None:
            return number
        try:
            if thread.zygote is None:
                thread.zygote = self._zygote.connect("socket")
            thread.zygote.send_bytes(b"a")
            if not thread.zygote.poll(self.queue_timeout_s):
                thread.zygote.send_bytes(b"c")
            answer = thread.zygote.recv_bytes()
        except (EOFError, OSError):
            thread.zygote = None
            raise self._zygote_gone() from None
        if answer == b"c":
            raise ExecutionError(
                503,
                f"all {self.size} executors are busy; retry later (settings: executors, queue_timeout_s)",
            )
        return int(answer.split()[1])

    def _zygote_gone(self) -> ExecutionError:
        if self.on_zygote_gone is None:
            return ExecutionError(503, ZYGOTE_GONE)
        self.on_zygote_gone()
        return ExecutionError(503, REPLACED)

    def _connection(self, number: int) -> Connection:
        """This thread's line to slot ``number``; a new line first drops those to slots gone since."""
        slots = self._thread.slots
        conn = slots.get(number)
        if conn is None:
            for gone in [n for n in slots if not self._zygote.alive(n)]:
                self._forget(gone)
            conn = slots[number] = self._zygote.connect(str(number))
        return conn

    def _local(self) -> _Thread:
        thread = self._thread
        if thread.pid != os.getpid():  # a fresh thread, or a worker forked from the process that had lines
            self.start()
            try:
                stack = self._zygote.stack()
            except OSError:
                raise self._zygote_gone() from None
            thread.pid, thread.zygote, thread.slots, thread.stack = os.getpid(), None, {}, stack
        return thread

    def _forget(self, number: int) -> None:
        conn = self._thread.slots.pop(number, None)
        if conn is not None:
            conn.close()
