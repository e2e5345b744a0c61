"""Export the store as Turtle, TriG, N-Triples, N-Quads, RDF/XML or JSON-LD.

Turtle, TriG, N-Triples and N-Quads output is deterministic: the same store gives byte-identical files (quads
are sorted; newskg mints no blank nodes). JSON-LD is compacted with ``ontology/context.jsonld``, which ships
in the package and is never fetched.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from typing import IO, Any

import pyoxigraph
import rdflib
from pyoxigraph import Quad, RdfFormat, Triple

from kg.formats import Format
from kg.store import GraphStore
from kg.vocab import ONTOLOGY, PREFIXES, Minter

CONTEXT_FILE = ONTOLOGY / "context.jsonld"


@functools.cache
def jsonld_context() -> dict[str, Any]:
    context: dict[str, Any] = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    return context


def prefixes(minter: Minter) -> dict[str, str]:
    """Prefixes for readable output: the vocabularies plus one per kind of minted IRI."""
    minted = {kind: minter.entity(kind, "") for kind in ("person", "organization", "place", "event", "thing")}
    return {**PREFIXES, **minted}


def _sorted_triples(quads: Iterable[Quad]) -> list[Triple]:
    return sorted({q.triple for q in quads}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def _sorted_quads(quads: Iterable[Quad]) -> list[Quad]:
    return sorted(
        set(quads),
        key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)),
    )


def export(
    store: GraphStore, fmt: Format, output: IO[bytes], *, graph: str | None = None, minter: Minter
) -> None:
    """Write one named graph, or everything, to ``output``.

    Graph formats (Turtle, N-Triples, RDF/XML) get the union of the graphs; dataset formats (TriG, N-Quads,
    JSON-LD) keep each named graph.
    """
    quads = store.quads(graph)
    rdf = fmt.rdf
    assert rdf is not None, fmt
    if rdf == RdfFormat.JSON_LD:
        output.write(_jsonld(quads))
    elif rdf.supports_datasets:
        pyoxigraph.serialize(_sorted_quads(quads), output, format=rdf, prefixes=prefixes(minter))
    else:
        pyoxigraph.serialize(_sorted_triples(quads), output, format=rdf, prefixes=prefixes(minter))


def _jsonld(quads: Iterable[Quad]) -> bytes:
    dataset = rdflib.Dataset()
    data = pyoxigraph.serialize(_sorted_quads(quads), format=RdfFormat.N_QUADS)
    dataset.parse(data=data or b"", format="nquads")
    return dataset.serialize(format="json-ld", context=jsonld_context(), auto_compact=True).encode()
