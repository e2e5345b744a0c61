"""The embedded store replaces whole named graphs, all of one call in one transaction."""

from __future__ import annotations

import pyoxigraph
import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Triple

from kg.store import Store

P = NamedNode("http://example.org/p")


def ntriples(*values: str) -> bytes:
    triples = [Triple(NamedNode(f"http://example.org/s{i}"), P, Literal(v)) for i, v in enumerate(values)]
    return pyoxigraph.serialize(triples, format=RdfFormat.N_TRIPLES)


def contents(store: Store) -> set[tuple[str, str]]:
    return {(q.graph_name.value, q.object.value) for q in store.quads()}  # type: ignore[union-attr]


def test_new_graphs_are_written_each_into_its_own_graph() -> None:
    store = Store()
    store.replace_graphs_ntriples({"http://g/1": ntriples("a", "b"), "http://g/2": ntriples("c")})
    assert contents(store) == {("http://g/1", "a"), ("http://g/1", "b"), ("http://g/2", "c")}


def test_a_literal_that_looks_like_the_end_of_a_line_stays_whole() -> None:
    store = Store()
    store.replace_graphs_ntriples({"http://g/1": ntriples("a .\nb <x> .", "c")})
    assert contents(store) == {("http://g/1", "a .\nb <x> ."), ("http://g/1", "c")}


def test_an_existing_graph_is_replaced_and_a_new_one_added_together() -> None:
    store = Store()
    store.replace_graphs_ntriples({"http://g/1": ntriples("old")})
    store.replace_graphs_ntriples({"http://g/1": ntriples("new"), "http://g/2": ntriples("other")})
    assert contents(store) == {("http://g/1", "new"), ("http://g/2", "other")}


@pytest.mark.parametrize("existing", [False, True], ids=["new graphs", "replacing a graph"])
def test_a_malformed_graph_leaves_every_graph_of_the_call_unwritten(existing: bool) -> None:
    store = Store()
    if existing:
        store.replace_graphs({"http://g/1": [Quad(NamedNode("http://example.org/s"), P, Literal("kept"))]})
    before = contents(store)
    with pytest.raises(SyntaxError):
        store.replace_graphs_ntriples({"http://g/1": ntriples("a"), "http://g/2": b"<http://x> broken .\n"})
    assert contents(store) == before
