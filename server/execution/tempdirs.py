"""The server's temporary folders (``newskg-<kind>-<pid>-…`` in the system's temporary folder, mode 0700).

Each is removed when the process that made it exits, never by a process forked from it (gunicorn's workers
inherit the master's ``atexit`` handlers). A server killed with SIGKILL leaves its folders behind: the next
``newskg serve`` removes those whose process is gone (:func:`remove_stale`).
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import socket
import tempfile
from pathlib import Path

_NAME = re.compile(r"newskg-(zygote|dumps|serve)-(?:(\d+)-)?[^/]+")


def make(kind: str) -> Path:
    """A new folder for ``kind`` (``zygote``, ``dumps``, ``serve``), removed at the exit of this process."""
    folder = Path(tempfile.mkdtemp(prefix=f"newskg-{kind}-{os.getpid()}-"))
    remove_at_exit(folder)
    return folder


def remove_at_exit(folder: Path | str) -> None:
    """Remove ``folder`` when this process exits, but not when a process forked from it does."""
    owner = os.getpid()

    def remove() -> None:
        if os.getpid() == owner:
            shutil.rmtree(folder, ignore_errors=True)

    atexit.register(remove)


def remove_stale(directory: Path | str | None = None) -> list[Path]:
    """Remove this user's folders of servers that are gone (killed with SIGKILL); the removed folders."""
    removed = []
    for entry in Path(directory or tempfile.gettempdir()).glob("newskg-*"):
        match = _NAME.fullmatch(entry.name)
        try:
            if not match or not entry.is_dir() or entry.lstat().st_uid != os.getuid():
                continue
        except OSError:
            continue
        pid = match.group(2)
        if pid is not None and _alive(int(pid)):
            continue
        if pid is None and (match.group(1) != "zygote" or _listening(entry / "socket")):
            continue  # named before the pid was part of the name: only a zygote's tells whether it is gone
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _listening(path: Path) -> bool:
    if not path.exists():
        return True  # being set up, or not a zygote's: leave it
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        try:
            sock.connect(str(path))
        except OSError:
            return False
    return True
