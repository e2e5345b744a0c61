"""glibc malloc settings for the server's long-lived processes, where their defaults keep memory that a
served request freed.

glibc serves a request of 128 KiB or more with its own mapping, returned to the system when freed, but after
such a block is freed it raises that threshold to the block's size: from then on, answers of that size come
from the heap, whose freed memory each process keeps. An answer grows with the store (events of a person:
861 rows at 1M triples), so a worker kept about 15 MB more per million triples after the same queries
(`bench/RESULTS.md`). With the threshold fixed, it kept 2. Elsewhere than glibc, nothing to do.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable

M_MMAP_THRESHOLD = -3
LARGE_BLOCK = 128 * 1024
"""glibc's own default threshold, kept fixed."""


def _libc_function(name: str) -> Callable[..., int] | None:
    return getattr(ctypes.CDLL(None), name, None)


def fix_mmap_threshold() -> bool:
    """Serve blocks of ``LARGE_BLOCK`` or more by their own mappings, for good, in this process and the ones
    it forks. Whether it took effect."""
    mallopt = _libc_function("mallopt")
    return mallopt is not None and mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK) == 1


def return_freed_memory() -> None:
    """Give back to the system the heap freed so far (``malloc_trim``): before a process forks, so that
    each child does not reuse it and dirty its own copy."""
    trim = _libc_function("malloc_trim")
    if trim is not None:
        trim(0)
