"""Run queries where they can be killed: a pool of query processes per server worker.

pyoxigraph has no timeout or cancellation, and a query runs inside native code. So each query runs in a
separate process that owns a read-only view of the store; the server waits for the answer until the deadline
and otherwise kills the process (SIGKILL) and starts a fresh one. The pool bounds how many queries run at once
(the ``executors`` setting); a query that finds no free process within ``queue_timeout_s`` gets 503. The
free process that answered last takes the next query: under a light load one process keeps its caches warm
while the others stay small.

Query processes are forked by one zygote per server (``python -m server.query_process``, started with
fork+exec before the server forks its workers), which holds the in-memory store: every query process shares
it copy-on-write, and a killed one is replaced by a fork in milliseconds instead of a reload.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from server.cache import ResultCache

SPAWN_TIMEOUT_S = 900.0


class ExecutionError(Exception):
    """A query that did not produce a result; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class _Process:
    pid: int
    conn: Connection


@dataclass
class Zygote:
    """The process that loads the store once and forks query processes on request."""

    store_path: Path
    store_mode: str = "memory"
    memory_mb: int = 2048
    _popen: subprocess.Popen[bytes] | None = field(default=None, init=False)
    _address: str = field(default="", init=False)
    _owner: int = field(default=0, init=False)

    def start(self) -> None:
        """Start the zygote and wait until it holds the store (idempotent; a forked server worker uses the
        zygote its parent started, which it cannot poll)."""
        if self._popen is not None and (os.getpid() != self._owner or self._popen.poll() is None):
            return
        self._owner = os.getpid()
        folder = tempfile.mkdtemp(prefix="newskg-zygote-")  # mode 0700: only this user may connect
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        self._address = os.path.join(folder, "socket")
        command = [sys.executable, "-m", "server.query_process", self._address, str(self.store_path),
                   self.store_mode, str(self.memory_mb)]  # fmt: skip
        self._popen = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
        assert self._popen.stdout is not None
        if self._popen.stdout.readline() != b"ready\n":
            raise ExecutionError(503, "the query processes could not open the store")

    def fork(self) -> _Process:
        """A new query process, connected to us by a socket pair whose far end the zygote hands it."""
        ours, theirs = socket.socketpair()
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as control:
                control.connect(self._address)
                socket.send_fds(control, [b"fork"], [theirs.fileno()])
                pid = int(control.recv(32) or b"0")
        except (OSError, ValueError):
            ours.close()
            raise ExecutionError(503, "the query process zygote is gone; restart the server") from None
        finally:
            theirs.close()
        return _Process(pid, Connection(ours.detach()))


@dataclass
class QueryPool:
    """Query processes over the store at ``store_path``; ``size`` of them at most run at once."""

    store_path: Path
    size: int = 2
    store_mode: str = "memory"
    memory_mb: int = 2048
    queue_timeout_s: float = 2.0
    cache: ResultCache | None = None
    _zygote: Zygote = field(init=False)
    _idle: queue.LifoQueue[_Process] = field(default_factory=queue.LifoQueue, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)
    _pid: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self._zygote = Zygote(self.store_path, self.store_mode, self.memory_mb)

    def prepare(self) -> None:
        """Start the zygote; call it before the server forks its workers, so they share it."""
        self._zygote.start()

    def start(self) -> None:
        """Start the processes (in the process that will use them) and wait until they are ready."""
        with self._lock:
            if self._pid == os.getpid():
                return
            self._pid = os.getpid()
            self._idle = queue.LifoQueue()
        self.prepare()
        for proc in [self._zygote.fork() for _ in range(self.size)]:
            self._ready(proc)
            self._idle.put(proc)

    def idle(self) -> int:
        """Query processes ready for a query now (in this worker)."""
        return self._idle.qsize()

    def close(self) -> None:
        while True:
            try:
                proc = self._idle.get_nowait()
            except queue.Empty:
                return
            _kill(proc)

    def run(self, request: dict[str, Any], time_limit_s: float) -> bytes:
        """The answer to ``request``: from the cache, or from a free process.

        :raises ExecutionError: 503 when no process is free or the time limit passes, 4xx for a bad query.
        """
        cache, key = self.cache, ResultCache.key(request)
        if cache is None or key is None:
            return self._evaluate(request, time_limit_s)
        body = cache.get(key)
        if body is None:
            body = self._evaluate(request, time_limit_s)
            cache.put(key, body)
        return body

    def _evaluate(self, request: dict[str, Any], time_limit_s: float) -> bytes:
        self.start()
        try:
            proc = self._idle.get(timeout=self.queue_timeout_s)
        except queue.Empty:
            raise ExecutionError(
                503,
                f"all {self.size} query processes are busy; retry later "
                "(settings: executors, queue_timeout_s)",
            ) from None
        healthy = False
        try:
            proc.conn.send(request)
            if not proc.conn.poll(time_limit_s):
                raise ExecutionError(
                    503,
                    f"the query ran longer than the time limit of {time_limit_s:g} s and was cancelled "
                    "(setting: sparql_time_limit_s)",
                )
            status, body = int(proc.conn.recv_bytes()), proc.conn.recv_bytes()
            healthy = True
        except (EOFError, OSError):
            raise ExecutionError(
                503, "the query process stopped (it may have exceeded query_memory_mb); it was restarted"
            ) from None
        finally:
            if healthy:
                self._idle.put(proc)
            else:
                _kill(proc)
                threading.Thread(target=self._replace, daemon=True).start()
        if status != 200:
            raise ExecutionError(status, body.decode())
        return body

    def _replace(self) -> None:
        try:
            proc = self._zygote.fork()
            self._ready(proc)
        except ExecutionError:
            return
        self._idle.put(proc)

    def _ready(self, proc: _Process) -> None:
        if not proc.conn.poll(SPAWN_TIMEOUT_S):
            _kill(proc)
            raise ExecutionError(503, "a query process did not start in time")
        try:
            proc.conn.recv()
        except EOFError:
            _kill(proc)
            raise ExecutionError(503, "a query process could not open the store") from None


def _kill(proc: _Process) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(proc.pid, signal.SIGKILL)
    proc.conn.close()
