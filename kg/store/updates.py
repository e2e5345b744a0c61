"""SPARQL Update text that replaces whole named graphs, shared by the embedded and the remote store.

One update of ``DROP SILENT GRAPH`` + ``INSERT DATA`` per graph is one transaction on pyoxigraph and one
request to a SPARQL server, so a graph is never seen half written.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import pyoxigraph
from pyoxigraph import Quad, RdfFormat

from kg.errors import NewsKGError


def as_ntriples(graphs: Mapping[str, Sequence[Quad]]) -> dict[str, bytes]:
    """Each graph's quads as N-Triples, the form :func:`replace_graphs` takes."""
    return {
        graph: pyoxigraph.serialize((q.triple for q in quads), format=RdfFormat.N_TRIPLES)
        for graph, quads in graphs.items()
    }


def as_nquads(graphs: Mapping[str, bytes]) -> bytes:
    """Graphs of N-Triples as one N-Quads document (an N-Triples line ends in " .", which no term holds)."""
    return b"".join(data.replace(b" .\n", f" <{graph}> .\n".encode()) for graph, data in graphs.items())


def replace_graphs(graphs: Mapping[str, bytes]) -> str:
    """The update replacing each named graph by its N-Triples ('' when there is nothing to write)."""
    operations = []
    for graph, data in graphs.items():
        operations.append(f"DROP SILENT GRAPH <{graph}>")
        operations.append(f"INSERT DATA {{ GRAPH <{graph}> {{\n{data.decode()}\n}} }}")
    return " ;\n".join(operations)


def drop_graphs(graphs: Sequence[str], *, silent: bool = False) -> str:
    """The update removing each named graph (one transaction for all, where requests are transactions)."""
    drop = "DROP SILENT GRAPH" if silent else "DROP GRAPH"
    return " ;\n".join(f"{drop} <{graph}>" for graph in graphs)


def move_operations(graphs: Mapping[str, str]) -> list[str]:
    """The operations moving each staging graph (the values) onto its target (the keys), each a whole
    replacement: a staging graph that was never written (no triples) empties its target."""
    return [f"MOVE SILENT <{staging}> TO <{target}>" for target, staging in graphs.items()]


def pack(
    parts: Sequence[str], max_bytes: int | None, *, separator: str, head: str = "", tail: str = ""
) -> Iterator[str]:
    """``parts`` joined by ``separator`` into as few texts as keep each within ``max_bytes`` (a part larger
    than that alone is a text of its own)."""
    batch: list[str] = []
    size = len(head) + len(tail)
    for part in parts:
        grown = len(part.encode()) + len(separator)
        if batch and max_bytes is not None and size + grown > max_bytes:
            yield head + separator.join(batch) + tail
            batch, size = [], len(head) + len(tail)
        batch.append(part)
        size += grown
    if batch:
        yield head + separator.join(batch) + tail


def _has_blank_node(line: bytes) -> bool:
    """Whether an N-Triples line's subject or object is a blank node (its predicate is always an IRI)."""
    parts = line.split(b" ", 2)
    return line.startswith(b"_:") or (len(parts) == 3 and parts[2].startswith(b"_:"))


def insert_batches(
    graphs: Mapping[str, bytes], *, max_block_triples: int | None, max_bytes: int | None
) -> Iterator[str]:
    """``INSERT DATA`` requests adding each graph's N-Triples, with at most ``max_block_triples`` triples per
    ``GRAPH`` block and ``max_bytes`` per request. A graph with blank nodes is never split over two requests
    (a label names one node only within one operation); one too large for a single request is an error."""
    blocks: list[str] = []
    for graph, data in graphs.items():
        lines = [line for line in data.split(b"\n") if line.strip()]
        if not lines:
            continue
        step = max_block_triples or len(lines)
        chunks = [b"\n".join(lines[i : i + step]).decode() for i in range(0, len(lines), step)]
        graph_blocks = [f"GRAPH <{graph}> {{\n{chunk}\n}}" for chunk in chunks]
        if len(graph_blocks) > 1 and any(_has_blank_node(line) for line in lines):
            if max_bytes is not None and sum(len(b.encode()) + 1 for b in graph_blocks) > max_bytes:
                raise NewsKGError(
                    f"graph {graph} has blank nodes and is too large for one update on this server"
                )
            yield "INSERT DATA {\n" + "\n".join(graph_blocks) + "\n}"
            continue
        blocks += graph_blocks
    yield from pack(blocks, max_bytes, separator="\n", head="INSERT DATA {\n", tail="\n}")
