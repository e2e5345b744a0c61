"""What the served dataset holds, read once when the server starts: graphs and their sizes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
from pyoxigraph import QuerySolutions


@dataclass(frozen=True)
class DatasetInfo:
    """Named graphs with their triple counts; the default graph is their union."""

    graphs: dict[str, int]
    quads: int
    classes: dict[str, int] = field(default_factory=dict)
    """Instances per class (``rdf:type`` objects)."""
    properties: dict[str, int] = field(default_factory=dict)
    """Triples per predicate."""
    subjects: int = 0

    @classmethod
    def from_store(cls, path: Path) -> DatasetInfo:
        store = pyoxigraph.Store.read_only(str(path))
        rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        assert isinstance(rows, QuerySolutions)
        graphs = {
            row["g"].value: int(row["n"].value) for row in rows if isinstance(row["g"], pyoxigraph.NamedNode)
        }
        return cls(
            dict(sorted(graphs.items())),
            len(store),
            _counts(store, "SELECT ?k (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?k } GROUP BY ?k"),
            _counts(store, "SELECT ?k (COUNT(*) AS ?n) WHERE { ?s ?k ?o } GROUP BY ?k"),
            _count(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"),
        )

    def has_graph(self, iri: str) -> bool:
        return iri in self.graphs


def _counts(store: pyoxigraph.Store, query: str) -> dict[str, int]:
    rows = store.query(query, use_default_graph_as_union=True)
    assert isinstance(rows, QuerySolutions)
    return dict(
        sorted(
            (row["k"].value, int(row["n"].value))
            for row in rows
            if isinstance(row["k"], pyoxigraph.NamedNode)
        )
    )


def _count(store: pyoxigraph.Store, query: str) -> int:
    rows = store.query(query, use_default_graph_as_union=True)
    assert isinstance(rows, QuerySolutions)
    return int(next(iter(rows))["n"].value)
