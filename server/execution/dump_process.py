"""Dump files are written by a process of their own, one per file, never by a query process.

Writing a dump takes seconds per million triples (about 7 s at 1M in ``bench/``) and holds the GIL while it
walks the quads. In a query process it would hold a slot all that time, slow the queries beside it, and start
over whenever one of them was cut off (which ends that process). In a process of its own it has its own time
limit (``dump_time_limit_s``, enforced by :meth:`~server.execution.pool.QueryPool.dump`) and the queries
keep every executor. It reads the store on disk, read-only, with the query processes' sandbox and memory cap.

Run as ``python -m server.execution.dump_process STORE MEDIA_TYPE PATH GRAPH MEMORY_MB`` (``GRAPH``
empty: every graph); exit status 0 once the gzip file at ``PATH`` is complete.
"""

from __future__ import annotations

import gzip
import sys
from collections.abc import Iterable

import pyoxigraph
from pyoxigraph import NamedNode, Quad, RdfFormat

from kg.vocab import PREFIXES
from server.execution.query_process import die_with_parent, limit_memory, open_store
from server.execution.sandbox import deny_network_or_warn


def write_quads(quads: Iterable[Quad], media_type: str, path: str) -> None:
    """Stream ``quads`` gzip-compressed into ``path``; graph formats get the triples of every graph."""
    fmt = RdfFormat.from_media_type(media_type)
    if fmt is None:
        raise ValueError(f"no RDF format has the media type {media_type!r}")
    items = quads if fmt.supports_datasets else (q.triple for q in quads)
    with gzip.open(path, "wb", compresslevel=6) as out:
        pyoxigraph.serialize(items, out, format=fmt, prefixes=PREFIXES)


def main(store_path: str, media_type: str, path: str, graph: str, memory_mb: int) -> None:
    die_with_parent()  # a worker that ends (or gives up at the time limit) takes its dump with it
    deny_network_or_warn("dump process")  # no query runs here, but nothing here needs the network either
    store = open_store(store_path, "disk")
    limit_memory(memory_mb)
    quads = store.quads_for_pattern(None, None, None, NamedNode(graph) if graph else None)
    write_quads(quads, media_type, path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
