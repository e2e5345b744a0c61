"""SPARQL Update text that replaces whole named graphs, shared by the embedded and the remote store.

One update of ``DROP SILENT GRAPH`` + ``INSERT DATA`` per graph is one transaction on pyoxigraph and one
request to a SPARQL server, so a graph is never seen half written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pyoxigraph
from pyoxigraph import Quad, RdfFormat


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


def drop_graphs(graphs: Sequence[str]) -> str:
    """The update removing each named graph (one transaction for all)."""
    return " ;\n".join(f"DROP GRAPH <{graph}>" for graph in graphs)
