"""What a worker asks of a query process: one query, its dataset, and the format of the answer.

A typed value rather than a dict of keys, sent as it is to a query process (pickled) or to a remote store;
:class:`Dataset` is the one place where "which graphs to query" becomes engine options or protocol
parameters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pyoxigraph import DefaultGraph, NamedNode


@dataclass(frozen=True)
class Dataset:
    """The RDF dataset of a query: by default the union of every named graph; the protocol's
    ``default-graph-uri`` and ``named-graph-uri`` name graphs instead; ``union=False`` leaves it to the
    query's own ``FROM`` clauses."""

    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    union: bool = True

    def engine_options(self) -> dict[str, Any]:
        """Keyword arguments of ``pyoxigraph.Store.query``."""
        options: dict[str, Any] = {}
        if self.default_graphs is not None:
            options["default_graph"] = [NamedNode(g) for g in self.default_graphs] or [DefaultGraph()]
        elif self.union:
            options["use_default_graph_as_union"] = True
        if self.named_graphs is not None:
            options["named_graphs"] = [NamedNode(g) for g in self.named_graphs]
        return options

    def protocol_params(self, union: Callable[[], list[tuple[str, str]]]) -> list[tuple[str, str]]:
        """Parameters of a SPARQL Protocol request to another server; ``union()`` gives those that ask it for
        the union of its graphs (how differs by server, see :mod:`kg.store.remote`)."""
        if self.default_graphs is not None:
            return [("default-graph-uri", g) for g in self.default_graphs] + [
                ("named-graph-uri", g) for g in self.named_graphs or ()
            ]
        return union() if self.union else []


@dataclass(frozen=True)
class QueryJob:
    query: str
    media_type: str
    """The answer's serialization (a SPARQL results or an RDF media type)."""
    dataset: Dataset = Dataset()
    base: str | None = None
    original: str | None = None
    """The client's own text, when the guard changed it (a LIMIT added): syntax errors are reported on it."""

    def key(self) -> str:
        """What identifies the answer, for the result cache."""
        return repr(self)
