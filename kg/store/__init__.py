"""Where graphs are kept: one protocol, two stores.

:class:`Store` embeds pyoxigraph (RocksDB on disk, or memory); :class:`RemoteStore` speaks the SPARQL 1.1
Protocol to an existing server. Both replace whole named graphs atomically with the update text of
:mod:`kg.store.updates`, so the pipeline, the CLI and the server use either through :class:`GraphStore`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Protocol

from pyoxigraph import Quad

from kg.errors import NewsKGError
from kg.store.local import QueryResult, Store
from kg.store.remote import RemoteStore, is_url


class GraphStore(Protocol):
    """What the pipeline, the CLI and the server need of a store."""

    path: Path | None

    def graphs(self) -> list[str]: ...
    def has_graph(self, graph: str) -> bool: ...
    def quads(self, graph: str | None = None) -> Iterator[Quad]: ...
    def replace_graphs(self, graphs: Mapping[str, Sequence[Quad]]) -> None: ...
    def replace_graphs_ntriples(self, graphs: Mapping[str, bytes]) -> None: ...
    def remove_graphs(self, graphs: Sequence[str]) -> None: ...
    def query(
        self,
        sparql: str,
        *,
        default_graph: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
        prefixes: Mapping[str, str] | None = None,
    ) -> QueryResult: ...
    def flush(self) -> None: ...
    def compact(self, written: int) -> None: ...
    def close(self) -> None: ...


def open_store(spec: str | Path, *, read_only: bool = False, must_exist: bool = False) -> GraphStore:
    """A store from ``--store``: a directory (embedded RocksDB) or a SPARQL server's query endpoint URL.

    :raises NewsKGError: when ``must_exist`` and there is no store at the path.
    """
    if is_url(spec):
        return RemoteStore(str(spec))
    path = Path(spec)
    if must_exist and not (path / "CURRENT").is_file():
        raise NewsKGError(f"no store at {path} (run 'newskg build' first, or pass --store)")
    return Store(path, read_only=read_only)


__all__ = ["GraphStore", "QueryResult", "RemoteStore", "Store", "is_url", "open_store"]
