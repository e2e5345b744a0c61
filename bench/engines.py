"""The query mix in process: pyoxigraph (newskg's engine) against rdflib's evaluator, same data, same rows."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
import rdflib

from bench.measure import median_seconds

QUERIES_DIR = Path(__file__).resolve().parent / "queries"

Row = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Timing:
    query: str
    rows: int
    oxigraph_ms: float
    rdflib_ms: float
    same_rows: bool


def queries() -> dict[str, str]:
    """The mix: ``bench/queries/<name>.rq``."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(QUERIES_DIR.glob("*.rq"))}


def oxigraph_rows(store: pyoxigraph.Store, query: str) -> Counter[Row]:
    solutions = store.query(query, use_default_graph_as_union=True)
    assert isinstance(solutions, pyoxigraph.QuerySolutions)
    names = [v.value for v in solutions.variables]
    return Counter(tuple(_oxigraph_term(s[n]) for n in names) for s in solutions)


def rdflib_rows(dataset: rdflib.Dataset, query: str) -> Counter[Row]:
    result = dataset.query(query)
    names = [str(v) for v in result.vars or ()]
    return Counter(tuple(_rdflib_term(row[n]) for n in names) for row in result)  # type: ignore[index]


def compare(nquads: Path, runs: int = 5) -> list[Timing]:
    """Load ``nquads`` into both engines and time every query of the mix (medians of ``runs``)."""
    store = pyoxigraph.Store()
    store.bulk_load(path=str(nquads), format=pyoxigraph.RdfFormat.N_QUADS)
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(nquads, format="nquads")
    timings = []
    for name, text in queries().items():
        expected, got = oxigraph_rows(store, text), rdflib_rows(dataset, text)
        timings.append(
            Timing(
                query=name,
                rows=sum(expected.values()),
                oxigraph_ms=1000 * median_seconds(lambda t=text: oxigraph_rows(store, t), runs),
                rdflib_ms=1000 * median_seconds(lambda t=text: rdflib_rows(dataset, t), max(1, runs // 2)),
                same_rows=expected == got,
            )
        )
    return timings


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _oxigraph_term(term: object) -> tuple[str, ...]:
    if term is None:
        return ()
    if isinstance(term, pyoxigraph.NamedNode):
        return ("iri", term.value)
    if isinstance(term, pyoxigraph.Literal):
        return ("literal", term.value, term.datatype.value, term.language or "")
    return ("blank",)


def _rdflib_term(term: object) -> tuple[str, ...]:
    if term is None:
        return ()
    if isinstance(term, rdflib.URIRef):
        return ("iri", str(term))
    if isinstance(term, rdflib.Literal):
        datatype = str(term.datatype) if term.datatype else RDF_LANG_STRING if term.language else XSD_STRING
        return ("literal", str(term), datatype, term.language or "")
    return ("blank",)
