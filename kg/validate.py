"""SHACL validation with pyshacl against the shapes in ``ontology/shapes/``.

The shapes are the contract of the graph; other pipelines can run them on their own RDF with
``newskg validate FILE...``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
import pyshacl
import rdflib
from rdflib.namespace import SH

from kg.vocab import PREFIXES

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
SHAPES_DIR = ONTOLOGY_DIR / "shapes"


@dataclass(frozen=True)
class Result:
    """One SHACL validation result, in the words a reader needs."""

    focus: str
    path: str
    message: str
    severity: str
    shape: str
    value: str


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    results: tuple[Result, ...]
    graph: rdflib.Graph

    def text(self) -> str:
        """A readable report: one block per result."""
        if self.conforms:
            return "conforms: the graph satisfies every shape"
        lines = [f"does not conform: {len(self.results)} result(s)"]
        for r in self.results:
            lines.append(f"- {r.severity}: {r.message}")
            lines.append(f"    focus node: {r.focus}")
            if r.path:
                lines.append(f"    path:       {r.path}")
            if r.value:
                lines.append(f"    value:      {r.value}")
            lines.append(f"    shape:      {r.shape}")
        return "\n".join(lines)

    def turtle(self) -> bytes:
        """The W3C SHACL validation report as Turtle."""
        for prefix, namespace in PREFIXES.items():
            self.graph.bind(prefix, namespace)
        return self.graph.serialize(format="turtle").encode()


@functools.cache
def shapes_graph() -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in sorted(SHAPES_DIR.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def to_rdflib(quads: Iterable[pyoxigraph.Quad]) -> rdflib.Graph:
    """The union of ``quads`` as one rdflib graph (shapes look across named graphs)."""
    data = pyoxigraph.serialize((q.triple for q in quads), format=pyoxigraph.RdfFormat.N_TRIPLES)
    graph = rdflib.Graph()
    graph.parse(data=data or b"", format="nt")
    return graph


def validate(quads: Iterable[pyoxigraph.Quad]) -> ValidationReport:
    """Validate the union of ``quads`` against the newskg shapes."""
    conforms, report, _ = pyshacl.validate(
        to_rdflib(quads),
        shacl_graph=shapes_graph(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    if not isinstance(report, rdflib.Graph):
        raise RuntimeError(f"the shapes could not be evaluated: {report}")
    return ValidationReport(bool(conforms), tuple(_results(report)), report)


def _results(report: rdflib.Graph) -> list[Result]:
    def one(node: rdflib.term.Node, predicate: rdflib.URIRef) -> str:
        value = report.value(node, predicate)
        if value is None:
            return ""
        if isinstance(value, rdflib.BNode):
            return _path_text(report, value)
        return str(value)

    def message(node: rdflib.term.Node) -> str:
        """A result of sh:node says only "see details": its nested results say what is wrong."""
        details = sorted({message(d) for d in report.objects(node, SH.detail)})
        return "; ".join(details) if details else one(node, SH.resultMessage)

    results = [
        Result(
            focus=one(node, SH.focusNode),
            path=one(node, SH.resultPath),
            message=message(node),
            severity=one(node, SH.resultSeverity).rsplit("#", 1)[-1],
            shape=one(node, SH.sourceShape)
            if not isinstance(report.value(node, SH.sourceShape), rdflib.BNode)
            else "(property shape)",
            value=one(node, SH.value),
        )
        for node in report.subjects(rdflib.RDF.type, SH.ValidationResult)
        if (None, SH.detail, node) not in report  # nested results are told through their parent's message
    ]
    return sorted(results, key=lambda r: (r.focus, r.path, r.message, r.value))


def _path_text(report: rdflib.Graph, node: rdflib.BNode) -> str:
    inverse = report.value(node, SH.inversePath)
    if inverse is not None:
        return f"^{inverse}"
    return "(complex path)"
