"""The free query processes of a server: a stack of their numbers in a shared file, under ``flock``.

Every worker thread, query process and the zygote opens the file itself, so taking or giving back a process
costs a lock and a few memory reads, not a round trip to another process (about 65 µs on a small VM). The
lock is released by the kernel if its holder dies. The stack is last in, first out: the process freed last is
taken first, so under a light load one process does the work with its caches warm.

The file also says how many workers wait at the zygote for a process, so a process that becomes free goes
to them (through the zygote) instead of onto the stack, and which process (pid) took each slot that is off
the stack and has not come back yet, so a slot whose taker died before it sent its query is given back at
once rather than after ``UNCLAIMED_S`` (:mod:`~server.execution.query_process`).
"""

from __future__ import annotations

import fcntl
import mmap
import os
from collections.abc import Iterator
from contextlib import contextmanager

_COUNT, _WAITERS, _FIRST = 0, 1, 2


def block_width(size: int, processes: int) -> int:
    """Slot numbers come in blocks of this many per query process (the n-th process forked holds numbers
    from ``n * width + 1``), so a worker can tell which slots shared a process that ended."""
    return -(-size // processes)


class IdleStack:
    """One handle on the stack in ``<folder>/idle``; each process and thread opens its own (``flock`` locks
    per open file), and a handle that is dropped closes its file."""

    def __init__(self, folder: str, capacity: int, *, create: bool = False) -> None:
        self._capacity = capacity
        self._takers = _FIRST + capacity  # then ``capacity`` pairs: a slot number, the pid that took it
        size = 8 * (_FIRST + 3 * capacity)
        self._file = open(os.path.join(folder, "idle"), "x+b" if create else "r+b")  # noqa: SIM115 (kept open)
        if create:
            self._file.truncate(size)
        self._map = mmap.mmap(self._file.fileno(), size)
        self._slots = memoryview(self._map).cast("q")

    @contextmanager
    def locked(self) -> Iterator[IdleStack]:
        fcntl.flock(self._file, fcntl.LOCK_EX)
        try:
            yield self
        finally:
            fcntl.flock(self._file, fcntl.LOCK_UN)

    def __len__(self) -> int:
        return self._slots[_COUNT]

    def pop(self, taker: int | None = None) -> int | None:
        """The number on top, taken by process ``taker`` (this process unless told otherwise)."""
        count = self._slots[_COUNT]
        if not count:
            return None
        number = self._slots[_FIRST + count - 1]
        self.take(number, os.getpid() if taker is None else taker)
        self._slots[_COUNT] = count - 1
        return number

    def take(self, number: int, pid: int) -> None:
        """Note that process ``pid`` holds ``number`` (off the stack) until it is pushed back or removed."""
        free = None
        for i in range(self._takers, self._takers + 2 * self._capacity, 2):
            if self._slots[i] == number:
                self._slots[i + 1] = pid
                return
            if free is None and self._slots[i] == 0:
                free = i
        if free is not None:  # none free: only the fallback (UNCLAIMED_S) brings it back should pid die
            self._slots[free + 1] = pid
            self._slots[free] = number

    def taker(self, number: int) -> int:
        """The pid that took ``number``, or 0 (on the stack, back, or not known). Safe without the lock as a
        hint: confirm under it."""
        for i in range(self._takers, self._takers + 2 * self._capacity, 2):
            if self._slots[i] == number:
                return self._slots[i + 1]
        return 0

    def release(self, number: int) -> None:
        """Forget who took ``number``."""
        for i in range(self._takers, self._takers + 2 * self._capacity, 2):
            if self._slots[i] == number:
                self._slots[i] = self._slots[i + 1] = 0

    def __contains__(self, number: int) -> bool:
        return number in self._slots[_FIRST : _FIRST + self._slots[_COUNT]].tolist()

    def push(self, number: int) -> None:
        """Put ``number`` on top, unless it is on the stack already."""
        self.release(number)
        if number in self:
            return
        count = self._slots[_COUNT]
        self._slots[_FIRST + count] = number  # the entry first: a holder killed in between leaves no hole
        self._slots[_COUNT] = count + 1

    def remove(self, number: int) -> None:
        """Off the stack and forgotten: its process is gone."""
        self.release(number)
        entries = [n for n in self._slots[_FIRST : _FIRST + self._slots[_COUNT]].tolist() if n != number]
        for i, n in enumerate(entries):
            self._slots[_FIRST + i] = n
        self._slots[_COUNT] = len(entries)

    @property
    def waiters(self) -> int:
        return self._slots[_WAITERS]

    @waiters.setter
    def waiters(self, count: int) -> None:
        self._slots[_WAITERS] = count

    def close(self) -> None:
        self._slots.release()
        self._map.close()
        self._file.close()
