"""Cut a query process off from the network, enforced by the kernel (seccomp).

The guard reads the query text before it runs, but a text check can be fooled; so each query process also
installs a seccomp filter that makes ``socket(AF_INET | AF_INET6, ...)`` fail with EACCES. Whatever a query
asks for (``SERVICE``), pyoxigraph in that process cannot open a connection. The process keeps its Unix
sockets to the zygote and the workers.
"""

from __future__ import annotations

import ctypes
import errno
import platform
import struct
import sys

_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_SECCOMP_RET_ALLOW = 0x7FFF0000
_SECCOMP_RET_ERRNO = 0x00050000
_AF_INET, _AF_INET6 = 2, 10
#: machine -> (AUDIT_ARCH value, number of the socket syscall)
_ARCHES = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}

# Classic BPF opcodes
_LD_W_ABS = 0x20
_JEQ_K = 0x15
_RET_K = 0x06


def _insn(code: int, jt: int, jf: int, k: int) -> bytes:
    return struct.pack("HBBI", code, jt, jf, k)


def _program(arch: int, socket_nr: int) -> bytes:
    deny = _SECCOMP_RET_ERRNO | errno.EACCES
    return b"".join(
        [
            _insn(_LD_W_ABS, 0, 0, 4),  # seccomp_data.arch
            _insn(_JEQ_K, 1, 0, arch),
            _insn(_RET_K, 0, 0, _SECCOMP_RET_ALLOW),  # another ABI: leave alone
            _insn(_LD_W_ABS, 0, 0, 0),  # seccomp_data.nr
            _insn(_JEQ_K, 0, 3, socket_nr),
            _insn(_LD_W_ABS, 0, 0, 16),  # args[0]: the address family
            _insn(_JEQ_K, 2, 0, _AF_INET),
            _insn(_JEQ_K, 1, 0, _AF_INET6),
            _insn(_RET_K, 0, 0, _SECCOMP_RET_ALLOW),
            _insn(_RET_K, 0, 0, deny),
        ]
    )


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def deny_network() -> None:
    """Forbid IPv4 and IPv6 sockets in this process and its children, for good.

    :raises OSError: when the kernel refuses the filter or the machine is not x86_64 or aarch64.
    """
    machine = platform.machine()
    if machine not in _ARCHES:
        raise OSError(f"no seccomp filter for {machine}")
    program = _program(*_ARCHES[machine])
    buffer = ctypes.create_string_buffer(program)
    fprog = _SockFprog(len(program) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_SECCOMP) failed")


def deny_network_or_warn(process: str) -> None:
    """:func:`deny_network`, or a line in the server's log where the kernel refuses it: the process then runs
    without the filter (a query process still has the query guard) rather than not at all."""
    try:
        deny_network()
    except OSError as exc:
        print(f"newskg {process}: network not sandboxed ({exc})", file=sys.stderr)
