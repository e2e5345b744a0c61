"""What the served dataset holds, read once when the server starts: graphs and their sizes."""

from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import NamedNode, QuerySolution, QuerySolutions

from kg.store import GraphStore


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
    def from_store(cls, store: GraphStore) -> DatasetInfo:
        """Count once at start-up: a handful of aggregate queries, not one per graph."""

        def rows(query: str) -> list[QuerySolution]:
            result = store.query(query)
            assert isinstance(result, QuerySolutions)
            return list(result)

        def counts(query: str) -> dict[str, int]:
            found = ((r["k"], int(r["n"].value)) for r in rows(query))
            return dict(sorted((k.value, n) for k, n in found if isinstance(k, NamedNode)))

        return cls(
            counts("SELECT ?k (COUNT(*) AS ?n) WHERE { GRAPH ?k { ?s ?p ?o } } GROUP BY ?k"),
            int(rows("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"].value),
            counts("SELECT ?k (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?k } GROUP BY ?k"),
            counts("SELECT ?k (COUNT(*) AS ?n) WHERE { ?s ?k ?o } GROUP BY ?k"),
            int(rows("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }")[0]["n"].value),
        )

    def has_graph(self, iri: str) -> bool:
        return iri in self.graphs
