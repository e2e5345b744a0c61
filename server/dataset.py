"""What the served dataset holds, read once when the server starts: graphs and their sizes."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import NamedNode, QuerySolution, QuerySolutions

from kg.errors import NewsKGError
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

    @classmethod
    def of_directory(cls, path: Path | str) -> DatasetInfo:
        """Count the store at ``path`` in a process of its own (``python -m server.dataset``): RocksDB must
        never be opened in the server's master, whose forked workers would crash in its teardown at exit.

        :raises OSError: when the store cannot be opened (the reason as the message).
        """
        done = subprocess.run(
            [sys.executable, "-m", "server.dataset", str(path)],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            lines = done.stderr.decode(errors="replace").strip().splitlines()
            message = lines[-1] if lines else f"exit status {done.returncode}"
            raise NewsKGError(message) if done.returncode == 2 else OSError(message)
        return cls(**json.loads(done.stdout))

    def has_graph(self, iri: str) -> bool:
        return iri in self.graphs


def main(path: str) -> None:
    """``python -m server.dataset PATH``: the counts of the store at PATH as JSON on stdout."""
    from kg.store import open_store

    try:
        store = open_store(path, read_only=True, must_exist=True)
    except NewsKGError as exc:
        print(exc, file=sys.stderr)
        sys.exit(2)
    except (OSError, RuntimeError) as exc:
        sys.exit(str(exc))
    json.dump(dataclasses.asdict(DatasetInfo.from_store(store)), sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
