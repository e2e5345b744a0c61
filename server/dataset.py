"""What the served dataset holds, read once when the server starts: graphs and their sizes; and the search
index beside it (:class:`TextIndex`), opened in each process that searches."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from flask import current_app
from pyoxigraph import NamedNode, QuerySolution, QuerySolutions
from werkzeug.exceptions import ServiceUnavailable

from kg.errors import NewsKGError
from kg.search import SearchIndex, default_path, open_index
from kg.store import GraphStore, Store


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


class SearchUnavailable(NewsKGError):
    """This server cannot search: its store has no index beside it, or the index cannot be read."""


class TextIndex:
    """The search index a server reads, opened read-only on first use in each process that searches.

    Never in gunicorn's master: tantivy's reader starts threads and maps files, which a fork does not carry
    over, so the master only knows the path, and each worker opens the index at its first search (again
    after a fork, by process id). A store in memory (tests, embedding) gets an index in memory, made from
    it at the first search. A remote store has none, unless ``newskg serve --search-index`` names the index
    its writers keep (:meth:`at`); without one, searching answers :class:`SearchUnavailable`.
    """

    def __init__(self, *, path: Path | None = None, store: Store | None = None, missing: str = "") -> None:
        self.path = path
        self._store = store
        self._missing = missing
        self._lock = threading.Lock()
        self._opened: tuple[int, SearchIndex] | None = None

    @classmethod
    def beside(cls, store_path: Path | str) -> TextIndex:
        """The index of the store directory at ``store_path``: ``<store>.search``."""
        path = default_path(Path(store_path))
        return cls(
            path=path,
            missing=f"none beside the store at {path.name} (newskg build and newskg ingest write it)",
        )

    @classmethod
    def at(cls, path: Path) -> TextIndex:
        """The index at ``path``, wherever the store is (``--search-index``): a remote store's, which its
        writers keep with ``newskg build|ingest --search-index PATH``.

        :raises NewsKGError: when there is no index at ``path`` (a mistyped path fails at start, not at the
            first search).
        """
        if not path.is_dir():
            raise NewsKGError(
                f"no search index at {path} (--search-index; newskg build and newskg ingest write it)"
            )
        return cls(path=path, missing=f"none at {path.name} any more")

    @classmethod
    def in_memory(cls, store: Store) -> TextIndex:
        return cls(store=store)

    @classmethod
    def none(cls, reason: str) -> TextIndex:
        return cls(missing=reason)

    def get(self) -> SearchIndex:
        """The index, opened in this process if it was not yet.

        :raises SearchUnavailable: when there is none, or it cannot be opened (the reason as the message).
        """
        opened = self._opened
        if opened is not None and opened[0] == os.getpid():
            return opened[1]
        with self._lock:
            if self._opened is None or self._opened[0] != os.getpid():
                self._opened = (os.getpid(), self._open())
            return self._opened[1]

    def _open(self) -> SearchIndex:
        if self._store is not None:
            return open_index(self._store)
        if self.path is None or not self.path.is_dir():
            raise SearchUnavailable(f"this server has no search index: {self._missing}")
        try:
            return SearchIndex(self.path, read_only=True)
        except NewsKGError as exc:
            raise SearchUnavailable(f"the search index cannot be read: {exc}") from None


def text_index() -> SearchIndex:
    """The search index of the app handling this request, opened in this process at its first use.

    :raises ServiceUnavailable: when the server has none, or cannot read it (the reason as the message).
    """
    handle: TextIndex = current_app.extensions["newskg_search"]
    try:
        return handle.get()
    except SearchUnavailable as exc:
        raise ServiceUnavailable(str(exc)) from None


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
