"""The server's processes give a freed large block back to the system, however large the blocks before it."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import ctypes, sys
from server.execution.malloc import fix_mmap_threshold

class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()]

libc = ctypes.CDLL(None)
libc.mallinfo2.restype = MallInfo2
libc.malloc.restype, libc.malloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
libc.free.argtypes = [ctypes.c_void_p]
if sys.argv[1] == "fixed":
    assert fix_mmap_threshold()
big = libc.malloc(4 << 20)
libc.free(big)  # left alone, glibc now serves blocks up to 4 MiB from the heap
before = libc.mallinfo2().hblkhd
block = libc.malloc(1 << 20)
print(libc.mallinfo2().hblkhd - before >= 1 << 20)  # a mapping of its own, which free() gives back
"""


def probe(mode: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, mode], capture_output=True, text=True, timeout=60, check=True
    )
    return result.stdout.strip()


def test_a_large_block_keeps_a_mapping_of_its_own_after_a_larger_one_was_freed() -> None:
    assert probe("glibc default") == "False"  # the behaviour the setting changes
    assert probe("fixed") == "True"
