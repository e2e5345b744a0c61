"""Specification of the shared stack of free query processes."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from server.execution.idle_stack import IdleStack


def test_the_number_pushed_last_is_popped_first(tmp_path: Path) -> None:
    stack = IdleStack(str(tmp_path), 3, create=True)
    with stack.locked():
        for number in (1, 2, 3):
            stack.push(number)
        assert [stack.pop(), stack.pop(), stack.pop(), stack.pop()] == [3, 2, 1, None]


def test_a_number_is_on_the_stack_once(tmp_path: Path) -> None:
    stack = IdleStack(str(tmp_path), 2, create=True)
    with stack.locked():
        stack.push(1)
        stack.push(1)
        assert (len(stack), 1 in stack, 2 in stack) == (1, True, False)


def test_every_handle_sees_the_same_stack_and_waiters(tmp_path: Path) -> None:
    ours = IdleStack(str(tmp_path), 2, create=True)
    theirs = IdleStack(str(tmp_path), 2)
    with ours.locked():
        ours.push(7)
        ours.waiters = 3
    with theirs.locked():
        assert (len(theirs), theirs.waiters, theirs.pop()) == (1, 3, 7)
    with ours.locked():
        assert len(ours) == 0


def test_a_dead_process_is_removed_wherever_it_is(tmp_path: Path) -> None:
    stack = IdleStack(str(tmp_path), 4, create=True)
    with stack.locked():
        for number in (4, 5, 6):
            stack.push(number)
        stack.remove(5)
        assert [stack.pop(), stack.pop(), stack.pop()] == [6, 4, None]


def test_the_lock_excludes_other_processes(tmp_path: Path) -> None:
    stack = IdleStack(str(tmp_path), 1, create=True)
    read, write = os.pipe()
    with stack.locked():
        pid = os.fork()
        if pid == 0:  # another process: it must wait for our lock before it may push
            child = IdleStack(str(tmp_path), 1)
            with child.locked():
                child.push(9)
            os.write(write, b"x")
            os._exit(0)
        time.sleep(0.3)  # long enough for the child to push, were it not waiting
        os.set_blocking(read, False)
        with pytest.raises(BlockingIOError):
            os.read(read, 1)  # would only succeed if the child had pushed while we held the lock
        assert len(stack) == 0
    os.waitpid(pid, 0)
    with stack.locked():
        assert stack.pop() == 9


def test_a_second_creation_is_refused(tmp_path: Path) -> None:
    IdleStack(str(tmp_path), 1, create=True)
    with pytest.raises(FileExistsError):
        IdleStack(str(tmp_path), 1, create=True)
