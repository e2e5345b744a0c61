"""Query processes: they evaluate queries for :class:`server.executor.QueryPool` until they are killed.

A zygote loads the store once (``store_mode`` memory) and forks a query process whenever a pool asks; each
query process opens the store read-only itself in ``store_mode`` disk, cuts itself off the network, caps its
own address space, and answers requests one at a time over the socket its pool passed in.
"""

from __future__ import annotations

import ctypes
import gzip
import os
import resource
import signal
import socket
import sys
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph
from pyoxigraph import NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat

from kg.vocab import PREFIXES
from server.sandbox import deny_network


def open_store(path: str, mode: str) -> pyoxigraph.Store:
    disk = pyoxigraph.Store.read_only(path)
    if mode == "disk":
        return disk
    memory = pyoxigraph.Store()
    memory.bulk_load(disk.dump(format=RdfFormat.N_QUADS), format=RdfFormat.N_QUADS)
    return memory


def limit_memory(megabytes: int) -> None:
    """Cap the address space at what the process uses now plus ``megabytes``."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[0])
    current = pages * os.sysconf("SC_PAGE_SIZE")
    limit = current + megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def answer(store: pyoxigraph.Store, request: dict[str, Any]) -> bytes:
    """Evaluate one request; the engine's own serializers write the result."""
    if request["op"] == "dump":
        graph = request.get("graph")
        fmt = RdfFormat.from_media_type(request["format"])
        assert fmt is not None
        quads = store.quads_for_pattern(None, None, None, NamedNode(graph) if graph else None)
        items = quads if fmt.supports_datasets else (q.triple for q in quads)
        with gzip.open(request["path"], "wb", compresslevel=6) as out:
            pyoxigraph.serialize(items, out, format=fmt, prefixes=PREFIXES)
        return b""
    options: dict[str, Any] = {"base_iri": request.get("base")}
    if request.get("default_graph") is not None:
        options["default_graph"] = [NamedNode(g) for g in request["default_graph"]]
    elif request.get("union", True):
        options["use_default_graph_as_union"] = True
    if request.get("named_graphs") is not None:
        options["named_graphs"] = [NamedNode(g) for g in request["named_graphs"]]
    result = store.query(request["query"], **options)
    media_type = request["format"]
    if isinstance(result, QuerySolutions | QueryBoolean):
        results_format = QueryResultsFormat.from_media_type(media_type)
        assert results_format is not None
        return result.serialize(format=results_format)
    rdf_format = RdfFormat.from_media_type(media_type)
    assert rdf_format is not None
    return pyoxigraph.serialize(result, format=rdf_format, prefixes=PREFIXES)


def short(error: Exception, limit: int = 200) -> str:
    """The parser's message on one line, cut where it starts listing every character it expected."""
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def syntax_error(request: dict[str, Any], error: SyntaxError) -> SyntaxError:
    """The parser's message for the client's own text: the guard may have appended a LIMIT to it, which
    would shift the reported position past what the client sent."""
    original = request.get("original")
    if original is None:
        return error
    try:
        pyoxigraph.Store().query(original, base_iri=request.get("base"))
    except SyntaxError as exc:
        return exc
    return error


def zygote(address: str, store_path: str, mode: str, memory_mb: int) -> None:
    """Load the store once, then fork a query process for each request on the Unix socket ``address``.

    In ``memory`` mode every query process shares the zygote's in-memory store copy-on-write, so the server
    holds one copy however many processes it runs, and a killed process is replaced by a fork, not a reload.
    In ``disk`` mode each forked process opens RocksDB itself (its handles must not cross a fork).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps killed query processes
    die_with_parent()
    try:
        store = open_store(store_path, mode) if mode == "memory" else None
    except OSError as exc:
        print(f"newskg zygote: cannot open the store at {store_path}: {exc}", file=sys.stderr)
        sys.exit(1)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
        listener.bind(address)
        listener.listen(64)
        sys.stdout.write("ready\n")
        sys.stdout.flush()
        while True:
            conn, _ = listener.accept()
            with conn:
                _, fds, _, _ = socket.recv_fds(conn, 16, 1)
                if not fds:
                    continue
                pid = os.fork()
                if pid == 0:
                    listener.close()
                    conn.close()
                    os._exit(serve(Connection(fds[0]), store, store_path, mode, memory_mb))
                os.close(fds[0])
                conn.sendall(str(pid).encode())


def die_with_parent() -> None:
    """Ask the kernel to end this process with the server that started it (prctl PR_SET_PDEATHSIG)."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGKILL, 0, 0, 0)


def serve(
    conn: Connection, store: pyoxigraph.Store | None, store_path: str, mode: str, memory_mb: int
) -> int:
    """One query process: sandbox itself, then answer requests one at a time until its pool hangs up."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    if store is None:
        try:
            store = open_store(store_path, mode)
        except OSError as exc:
            print(f"newskg query process: cannot open the store at {store_path}: {exc}", file=sys.stderr)
            return 1
    try:
        deny_network()
    except OSError as exc:
        print(
            f"newskg query process: network not sandboxed ({exc}); the query guard still applies",
            file=sys.stderr,
        )
    limit_memory(memory_mb)
    conn.send("ready")
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return 0
        status, body = reply(store, request)
        conn.send_bytes(b"%d" % status)
        conn.send_bytes(body)


def reply(store: pyoxigraph.Store, request: dict[str, Any]) -> tuple[int, bytes]:
    """The HTTP status and the body, or the error message; the pool reads them as two raw messages, so a
    large answer is never pickled or copied."""
    try:
        return 200, answer(store, request)
    except SyntaxError as exc:
        return 400, f"malformed query: {short(syntax_error(request, exc))}".encode()
    except MemoryError:
        return 503, b"the query needed more memory than query_memory_mb allows"
    except (OSError, ValueError, RuntimeError, TypeError) as exc:
        return 400, f"the query could not be evaluated: {exc}".encode()


if __name__ == "__main__":
    zygote(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
