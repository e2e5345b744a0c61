"""The zygote: one per server. It forks the query processes, replaces the ones that die, and lends a slot
(a query process's thread) to a worker that found none free, so all workers of a server share one pool.

One pool per server rather than per worker matters for memory: a query process that has answered queries
holds RocksDB's index and filter blocks for what it read. So by default one process holds every slot, and
the slot freed last is taken first (:mod:`server.execution.idle_stack`).

Workers take a free slot from the shared stack themselves; only when it is empty do they ask the zygote,
over the Unix socket ``<folder>/socket`` (a message per :class:`multiprocessing.connection.Connection`
frame):

- ``a``: acquire; the answer, once a slot is free, is ``g <number>``; the worker then talks to that slot at
  ``<folder>/<number>``;
- ``c``: cancel the acquire still waiting; the answer is ``c``, unless the grant was sent already.

A query process sends a slot's number on its own socket pair when the slot is ready, and when it becomes
free while workers wait (or, taken off the stack by a worker that then died, after ``UNCLAIMED_S`` without a
query). Each slot off the stack is noted with the pid of the server worker that took it (for a grant, the
peer of its socket), so a query process gives back at once a slot whose taker died before it sent its query
(:func:`~server.execution.query_process.answer_in_slot`). Slots are numbered, never reused, so a worker
can tell a replacement from the slot it replaced, and in a block per process
(:func:`~server.execution.idle_stack.block_width`), so it can tell which slots ended together.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import socket
import struct
import sys
import time
import traceback
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection

import pyoxigraph

from server.execution import query_process
from server.execution.idle_stack import IdleStack, block_width
from server.execution.malloc import fix_mmap_threshold
from server.execution.query_process import Pool

SPAWN_TIMEOUT_S = 900.0


@dataclass(eq=False)
class _Child:
    slots: tuple[int, ...]
    control: Connection
    ready: bool = False


class Zygote:
    """The loop that forks, replaces, and lends processes to waiting workers."""

    def __init__(self, pool: Pool, store: pyoxigraph.Store | None) -> None:
        self.pool, self.store = pool, store
        self.children: set[_Child] = set()
        self.stack = IdleStack(pool.folder, pool.size, create=True)
        self.waiting: deque[Connection] = deque()
        self.clients: dict[Connection, int] = {}
        """Each worker thread's line, with the pid of its server worker (the taker of a slot granted)."""
        self.selector = selectors.DefaultSelector()
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._forked = 0
        self._width = block_width(pool.size, pool.processes)

    def run(self) -> None:
        self.listener.bind(os.path.join(self.pool.folder, "socket"))
        self.listener.listen(64)
        for i in range(self.pool.processes):  # the slots spread evenly
            self._fork(self.pool.size // self.pool.processes + (i < self.pool.size % self.pool.processes))
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
        for child in list(self.children):
            for _ in child.slots:
                try:
                    ready = child.control.poll(SPAWN_TIMEOUT_S) and self._from_child(child)
                except (EOFError, OSError):
                    ready = False
                if not ready:
                    return False
        return True

    def _fork(self, slots: int) -> None:
        first = self._forked * self._width + 1
        self._forked += 1
        numbers = tuple(range(first, first + slots))
        ours, theirs = socket.socketpair()
        if os.fork() == 0:
            ours.close()
            self.listener.close()
            for conn in [*self.clients, *(c.control for c in self.children)]:
                conn.close()
            control, code = Connection(theirs.detach()), 1
            try:
                code = query_process.serve(control, numbers, self.pool, self.store)
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(code)  # never back into the zygote's loop
        theirs.close()
        child = _Child(numbers, Connection(ours.detach()))
        self.children.add(child)
        self.selector.register(child.control, selectors.EVENT_READ, child)

    def _accept(self) -> None:
        sock, _ = self.listener.accept()
        pid = struct.unpack("3i", sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12))[0]
        conn = Connection(sock.detach())
        self.clients[conn] = pid
        self.selector.register(conn, selectors.EVENT_READ)

    def _from_child(self, child: _Child) -> bool:
        """Lend the slot the process says is free; False if the process is gone (it is replaced)."""
        try:
            slot = int(child.control.recv_bytes())
        except (EOFError, OSError):
            self._bury(child)
            return False
        child.ready = True
        self._lend(slot)
        return True

    def _lend(self, slot: int) -> None:
        """Give a free slot to the worker that has waited longest, or put it on top of the stack."""
        with self.stack.locked():
            granted = False
            while self.waiting and not granted:
                granted = self._grant(self.waiting.popleft(), slot)
            if not granted:
                self.stack.push(slot)
            self.stack.waiters = len(self.waiting)

    def _bury(self, child: _Child) -> None:
        """A process died (at a deadline, or out of memory): fork its replacement, with new slot numbers."""
        self.selector.unregister(child.control)
        child.control.close()
        self.children.discard(child)
        with self.stack.locked():
            for slot in child.slots:
                self.stack.remove(slot)
        for slot in child.slots:
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(self.pool.folder, str(slot)))
        if not child.ready:
            time.sleep(1)  # it could not even start (store gone?): do not fork in a tight loop
        self._fork(len(child.slots))

    def _from_worker(self, worker: Connection) -> None:
        try:
            message = worker.recv_bytes()
        except (EOFError, OSError):
            message = b""
        with self.stack.locked():
            if not message:
                self._hang_up(worker)
            elif message == b"a":
                number = self.stack.pop(self.clients.get(worker, 0))
                if number is None:
                    self.waiting.append(worker)
                elif not self._grant(worker, number):
                    self.stack.push(number)
            elif message == b"c" and worker in self.waiting:
                self.waiting.remove(worker)
                self._send(worker, b"c")
            self.stack.waiters = len(self.waiting)

    def _grant(self, worker: Connection, slot: int) -> bool:
        """Lend ``slot`` to ``worker``, noting its pid as the taker (hold the stack's lock)."""
        self.stack.take(slot, self.clients.get(worker, 0))
        if self._send(worker, b"g %d" % slot):
            return True
        self.stack.release(slot)
        return False

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
        del self.clients[worker]
        self.selector.unregister(worker)
        if worker in self.waiting:
            self.waiting.remove(worker)
        worker.close()


def main(folder: str, store_path: str, mode: str, memory_mb: int, size: int, processes: int) -> None:
    """Load the store once (``store_mode`` memory: every query process shares it copy-on-write), fork the
    processes, then schedule until the server that started us ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps killed query processes
    query_process.die_with_parent()
    fix_mmap_threshold()  # the query processes inherit it
    try:
        store = query_process.open_store(store_path, mode) if mode == "memory" else None
    except OSError as exc:
        print(f"newskg zygote: cannot open the store at {store_path}: {exc}", file=sys.stderr)
        sys.exit(1)
    Zygote(Pool(folder, size, processes, store_path, mode, memory_mb), store).run()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]))
