"""The zygote: one per server. It forks the query processes, replaces the ones that die, and lends a process
to a worker that found none free, so all workers of a server share one pool.

One pool per server rather than per worker matters for memory: a query process that has answered queries
holds RocksDB's index and filter blocks for what it read, and the free process freed last is taken first
(:mod:`server.idle_stack`), so under a light load one process does the work whichever worker took the request.

Workers take a free process from the shared stack themselves; only when it is empty do they ask the
zygote, over the Unix socket ``<folder>/socket`` (a message per :class:`multiprocessing.connection.Connection`
frame):

- ``a``: acquire; the answer, once a process is free, is ``g <number>``; the worker then talks to that
  process at ``<folder>/<number>``;
- ``c``: cancel the acquire still waiting; the answer is ``c``, unless the grant was sent already.

A query process says ``i`` on its own socket pair when it is ready, and when it becomes free while workers
wait (or, taken off the stack by a worker that then died, after ``UNCLAIMED_S`` without a query). Processes
are numbered, never reused, so a worker can tell a replacement from the process it replaced.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import socket
import sys
import time
import traceback
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection

import pyoxigraph

from server import query_process
from server.idle_stack import IdleStack
from server.query_process import Pool

SPAWN_TIMEOUT_S = 900.0


@dataclass(eq=False)
class _Child:
    number: int
    control: Connection
    ready: bool = False


class Zygote:
    """The loop that forks, replaces, and lends processes to waiting workers."""

    def __init__(self, pool: Pool, store: pyoxigraph.Store | None) -> None:
        self.pool, self.store = pool, store
        self.children: dict[int, _Child] = {}
        self.stack = IdleStack(pool.folder, pool.size, create=True)
        self.waiting: deque[Connection] = deque()
        self.clients: set[Connection] = set()
        self.selector = selectors.DefaultSelector()
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._numbers = iter(range(1, sys.maxsize))

    def run(self) -> None:
        self.listener.bind(os.path.join(self.pool.folder, "socket"))
        self.listener.listen(64)
        for _ in range(self.pool.size):
            self._fork()
        if not self._wait_until_ready():
            sys.exit(1)
        sys.stdout.write("ready\n")
        sys.stdout.flush()
        os.dup2(2, 1)  # nobody reads the server's end of stdout any more
        self.selector.register(self.listener, selectors.EVENT_READ)
        while True:
            for key, _ in self.selector.select():
                try:
                    if key.fileobj is self.listener:
                        self._accept()
                    elif isinstance(key.data, _Child):
                        self._from_child(key.data)
                    else:
                        self._from_worker(key.fileobj)  # type: ignore[arg-type]
                except OSError as exc:  # out of file descriptors or processes: say so, serve on
                    print(f"newskg zygote: {exc}", file=sys.stderr, flush=True)

    def _wait_until_ready(self) -> bool:
        for child in list(self.children.values()):
            try:
                ready = child.control.poll(SPAWN_TIMEOUT_S) and child.control.recv_bytes() == b"i"
            except (EOFError, OSError):
                ready = False
            if not ready:
                return False
            self._lend(child)
        return True

    def _fork(self) -> None:
        number = next(self._numbers)
        ours, theirs = socket.socketpair()
        if os.fork() == 0:
            ours.close()
            self.listener.close()
            for conn in [*self.clients, *(c.control for c in self.children.values())]:
                conn.close()
            control, code = Connection(theirs.detach()), 1
            try:
                code = query_process.serve(control, number, self.pool, self.store)
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(code)  # never back into the zygote's loop
        theirs.close()
        child = _Child(number, Connection(ours.detach()))
        self.children[number] = child
        self.selector.register(child.control, selectors.EVENT_READ, child)

    def _accept(self) -> None:
        sock, _ = self.listener.accept()
        conn = Connection(sock.detach())
        self.clients.add(conn)
        self.selector.register(conn, selectors.EVENT_READ)

    def _from_child(self, child: _Child) -> None:
        try:
            child.control.recv_bytes()
        except (EOFError, OSError):
            self._bury(child)
            return
        self._lend(child)

    def _lend(self, child: _Child) -> None:
        """Give a free process to the worker that has waited longest, or put it on top of the stack."""
        child.ready = True
        with self.stack.locked():
            granted = False
            while self.waiting and not granted:
                granted = self._send(self.waiting.popleft(), b"g %d" % child.number)
            if not granted:
                self.stack.push(child.number)
            self.stack.waiters = len(self.waiting)

    def _bury(self, child: _Child) -> None:
        """A process died (at its deadline, or out of memory): fork its replacement."""
        self.selector.unregister(child.control)
        child.control.close()
        del self.children[child.number]
        with self.stack.locked():
            self.stack.remove(child.number)
        with contextlib.suppress(OSError):
            os.unlink(os.path.join(self.pool.folder, str(child.number)))
        if not child.ready:
            time.sleep(1)  # it could not even start (store gone?): do not fork in a tight loop
        self._fork()

    def _from_worker(self, worker: Connection) -> None:
        try:
            message = worker.recv_bytes()
        except (EOFError, OSError):
            message = b""
        with self.stack.locked():
            if not message:
                self._hang_up(worker)
            elif message == b"a":
                number = self.stack.pop()
                if number is None:
                    self.waiting.append(worker)
                elif not self._send(worker, b"g %d" % number):
                    self.stack.push(number)
            elif message == b"c" and worker in self.waiting:
                self.waiting.remove(worker)
                self._send(worker, b"c")
            self.stack.waiters = len(self.waiting)

    def _send(self, worker: Connection, message: bytes) -> bool:
        try:
            worker.send_bytes(message)
        except OSError:
            self._hang_up(worker)
            return False
        return True

    def _hang_up(self, worker: Connection) -> None:
        """A worker went away (its server worker ended): it waits for nothing any more. Call it holding the
        stack's lock, which counts the waiters."""
        if worker not in self.clients:
            return
        self.clients.discard(worker)
        self.selector.unregister(worker)
        if worker in self.waiting:
            self.waiting.remove(worker)
        worker.close()


def main(folder: str, store_path: str, mode: str, memory_mb: int, size: int) -> None:
    """Load the store once (``store_mode`` memory: every query process shares it copy-on-write), fork the
    processes, then schedule until the server that started us ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps killed query processes
    query_process.die_with_parent()
    try:
        store = query_process.open_store(store_path, mode) if mode == "memory" else None
    except OSError as exc:
        print(f"newskg zygote: cannot open the store at {store_path}: {exc}", file=sys.stderr)
        sys.exit(1)
    Zygote(Pool(folder, size, store_path, mode, memory_mb), store).run()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
