"""What the served dataset holds, read once when the server starts: graphs and their sizes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
from pyoxigraph import QuerySolutions


@dataclass(frozen=True)
class DatasetInfo:
    """Named graphs with their triple counts; the default graph is their union."""

    graphs: dict[str, int]
    quads: int

    @classmethod
    def from_store(cls, path: Path) -> DatasetInfo:
        store = pyoxigraph.Store.read_only(str(path))
        rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        assert isinstance(rows, QuerySolutions)
        graphs = {
            row["g"].value: int(row["n"].value) for row in rows if isinstance(row["g"], pyoxigraph.NamedNode)
        }
        return cls(dict(sorted(graphs.items())), len(store))

    def has_graph(self, iri: str) -> bool:
        return iri in self.graphs
