"""The embedded store replaces whole named graphs, all of one call in one transaction."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

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


@pytest.mark.parametrize("on_disk", [False, True], ids=["in memory", "on disk"])
@pytest.mark.parametrize("existing", [False, True], ids=["new graphs", "replacing a graph"])
def test_a_malformed_graph_leaves_every_graph_of_the_call_unwritten(
    existing: bool, on_disk: bool, tmp_path: Path
) -> None:
    store = Store(tmp_path / "store" if on_disk else None)
    if existing:
        store.replace_graphs({"http://g/1": [Quad(NamedNode("http://example.org/s"), P, Literal("kept"))]})
    before = contents(store)
    with pytest.raises(SyntaxError):
        store.replace_graphs_ntriples({"http://g/1": ntriples("a"), "http://g/2": b"<http://x> broken .\n"})
    assert contents(store) == before


WRITER = """
import sys
import pyoxigraph
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple
from kg.store import Store

store = Store(sys.argv[1])
p = NamedNode("http://example.org/p")
graphs = {
    f"http://g/{g}": pyoxigraph.serialize(
        [Triple(NamedNode(f"http://example.org/s{g}-{i}"), p, Literal(str(i))) for i in range(GRAPH)],
        format=RdfFormat.N_TRIPLES,
    )
    for g in range(GRAPHS)
}
print("writing", flush=True)
store.replace_graphs_ntriples(graphs)
print("written", flush=True)
"""
GRAPHS, GRAPH = 20, 10_000


@pytest.mark.parametrize("delay_s", [0.0, 0.3, 0.6, 0.9])
def test_a_writer_killed_while_writing_new_graphs_leaves_all_of_them_or_none(
    tmp_path: Path, delay_s: float
) -> None:
    """However far a first ingest got when the machine stopped, the store holds every graph of the call,
    each whole, or none of them (the kill lands at a different point of the write for each delay)."""
    script = WRITER.replace("GRAPHS", str(GRAPHS)).replace("GRAPH", str(GRAPH))
    writer = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path / "store")], stdout=subprocess.PIPE, cwd=Path.cwd()
    )
    assert writer.stdout is not None
    assert writer.stdout.readline() == b"writing\n"
    time.sleep(delay_s)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    store = Store(tmp_path / "store")
    sizes = {g: sum(1 for _ in store.quads(g)) for g in store.graphs()}
    assert sizes in ({}, {f"http://g/{g}": GRAPH for g in range(GRAPHS)})


def test_compacting_after_a_large_write_merges_the_files_of_each_write(tmp_path: Path) -> None:
    """Bulk writes each add files that queries must all read; a run that wrote a tenth of the graphs or more
    merges them, one that wrote fewer leaves them to RocksDB."""
    store = Store(tmp_path / "store")
    for batch in range(20):
        store.replace_graphs_ntriples({f"http://g/{batch}": ntriples(*(f"v{i}" for i in range(500)))})
    files = len(list((tmp_path / "store").glob("*.sst")))
    store.compact(written=1)
    assert len(list((tmp_path / "store").glob("*.sst"))) == files
    store.compact(written=2)
    assert len(list((tmp_path / "store").glob("*.sst"))) < files
    assert len(store) == 10_000
