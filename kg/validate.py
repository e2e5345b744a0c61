"""SHACL validation with pyshacl against the shapes in ``ontology/shapes/``.

The shapes are the contract of the graph; other pipelines can run them on their own RDF with
``newskg validate FILE...``.

pyshacl evaluates the shapes on an rdflib graph that answers pyshacl's SPARQL queries (``sh:sparql``,
``sh:SPARQLTarget``) with pyoxigraph: rdflib's engine parsed each query again for every focus node and took
90 % of a validation (4.8 s of 5.4 for the seed article). The engines differ on values of the wrong type
(rdflib finds "18" > 31 true, SPARQL calls it an error), but the shapes type every value their queries
compute with, so such a value is a violation anyway, and a report with results is made again with rdflib's
engine: the results are those of pyshacl alone. Four pyshacl methods are also replaced, while it runs
here, by versions that do less work for the same results (``_faster_pyshacl``), which cuts another half.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph
import pyshacl
import rdflib
import rdflib.query
from pyshacl.constraints.constraint_component import ConstraintComponent
from pyshacl.constraints.core.logical_constraints import OrConstraintComponent
from pyshacl.constraints.core.shape_based_constraints import (
    PropertyConstraintComponent,
    QualifiedValueShapeConstraintComponent,
)
from rdflib.namespace import SH

from kg.vocab import PREFIXES

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
SHAPES_DIR = ONTOLOGY_DIR / "shapes"

OxTerm = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal
_XSD_STRING = pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#string")
_LITERALS = "SELECT DISTINCT ?o (isNumeric(?o) AS ?number) WHERE { ?s ?p ?o FILTER(isLiteral(?o)) }"


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


class DataGraph(rdflib.Graph):
    """The union of ``quads`` as an rdflib graph whose SPARQL queries pyoxigraph answers, in ``oxigraph``.

    pyoxigraph answers only if it reads every literal as rdflib does: the same lexical form (pyoxigraph
    stores "1.50" as "1.5" and "+00:00" as "Z", rdflib "01" as "1" and "Z" as "+00:00") and, since the
    shapes' queries compute with numbers (dates they compare as strings), the same numbers (pyoxigraph has
    no integer beyond 64 bits). Otherwise ``oxigraph`` is None and rdflib answers.
    """

    def __init__(self, quads: Iterable[pyoxigraph.Quad]) -> None:
        super().__init__()
        triples = [quad.triple for quad in quads]
        nodes: dict[OxTerm, rdflib.term.Node] = {}
        for triple in triples:
            for term in triple:
                if term not in nodes:
                    nodes[term] = _rdflib_node(term)
            self.add((nodes[triple.subject], nodes[triple.predicate], nodes[triple.object]))
        store = pyoxigraph.Store()
        store.bulk_extend(pyoxigraph.Quad(t.subject, t.predicate, t.object) for t in triples)
        number = {row["o"]: row["number"].value == "true" for row in store.query(_LITERALS)}
        literals = {term: node for term, node in nodes.items() if isinstance(node, rdflib.Literal)}
        same = number.keys() == literals.keys() and all(
            str(node) == term.value and number[term] == _is_number(node) for term, node in literals.items()
        )
        self.oxigraph: pyoxigraph.Store | None = store if same else None

    def query(
        self,
        query_object: Any,
        processor: Any = "sparql",
        result: Any = "sparql",
        initNs: Mapping[str, Any] | None = None,
        initBindings: Mapping[str, rdflib.term.Node] | None = None,
        use_store_provided: bool = True,
        **kwargs: Any,
    ) -> rdflib.query.Result:
        """A SELECT query answered as rdflib would: with ``initNs`` or the graph's prefixes, and with
        ``initBindings`` bound everywhere in the query (SHACL's pre-binding of $this)."""
        if self.oxigraph is None:
            return super().query(
                query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs
            )
        namespaces = initNs or dict(self.namespaces())
        solutions = self.oxigraph.query(
            query_object,
            prefixes={prefix: str(namespace) for prefix, namespace in namespaces.items()},
            substitutions={
                pyoxigraph.Variable(name): _oxigraph_term(node) for name, node in (initBindings or {}).items()
            },
        )
        if not isinstance(solutions, pyoxigraph.QuerySolutions):
            raise TypeError(f"not a SELECT query: {query_object}")
        answer = rdflib.query.Result("SELECT")
        answer.vars = [rdflib.Variable(v.value) for v in solutions.variables]
        answer.bindings = [
            {var: _rdflib_node(term) for var, term in zip(answer.vars, row, strict=True) if term is not None}
            for row in solutions
        ]
        return answer


def _rdflib_node(term: OxTerm) -> rdflib.term.Node:
    """``term`` as rdflib's N-Triples parser makes it (an xsd:string has no datatype), but a blank node keeps
    its label."""
    if isinstance(term, pyoxigraph.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype == _XSD_STRING:
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def _oxigraph_term(node: rdflib.term.Node) -> OxTerm:
    if isinstance(node, rdflib.Literal):
        datatype = None if node.datatype is None else pyoxigraph.NamedNode(node.datatype)
        return pyoxigraph.Literal(str(node), language=node.language, datatype=datatype)
    if isinstance(node, rdflib.BNode):
        return pyoxigraph.BlankNode(node)
    return pyoxigraph.NamedNode(node)


def _is_number(literal: rdflib.Literal) -> bool:
    return isinstance(literal.value, int | float | Decimal) and not isinstance(literal.value, bool)


def validate(quads: Iterable[pyoxigraph.Quad]) -> ValidationReport:
    """Validate the union of ``quads`` against the newskg shapes."""
    graph = DataGraph(quads)
    conforms, report = _pyshacl(graph)
    if graph.oxigraph is not None and (None, rdflib.RDF.type, SH.ValidationResult) in report:
        graph.oxigraph = None  # results as rdflib's engine finds them, also on values of the wrong type
        conforms, report = _pyshacl(graph)
    return ValidationReport(conforms, tuple(_results(report)), report)


def _pyshacl(graph: DataGraph) -> tuple[bool, rdflib.Graph]:
    with _faster_pyshacl():
        conforms, report, _ = pyshacl.validate(
            graph,
            shacl_graph=shapes_graph(),
            inference="none",
            advanced=True,
            allow_warnings=True,
            inplace=True,  # nothing writes to the graph (no inference, no sh:rule); a copy loses its store
        )
    if not isinstance(report, rdflib.Graph):
        raise RuntimeError(f"the shapes could not be evaluated: {report}")
    return bool(conforms), report


_PER_NODE = PropertyConstraintComponent._evaluate_property_shape
_EVERY_BRANCH = OrConstraintComponent._evaluate_or_constraint
_DESCRIBED = ConstraintComponent.make_v_result_description
_EACH_VALUE = QualifiedValueShapeConstraintComponent._evaluate_value_shape


def _in_one_pass(
    self: PropertyConstraintComponent,
    executor: Any,
    prop_shape: Any,
    target_graph: Any,
    focus_value_nodes: dict[Any, Any],
    potentially_recursive: Any,
    _evaluation_path: list[Any],
) -> tuple[bool, list[Any]]:
    """pyshacl's ``_evaluate_property_shape``, with the property shape given every focus node at once."""
    shape = self.shape.get_other_shape(prop_shape)
    nodes = [node for values in focus_value_nodes.values() for node in values]
    if (
        not shape
        or not shape.is_property_shape
        or (potentially_recursive and shape in potentially_recursive)
        or len(set(nodes)) != len(nodes)  # pyshacl reports a node once per time it reaches it
    ):
        args = (
            executor,
            prop_shape,
            target_graph,
            focus_value_nodes,
            potentially_recursive,
            _evaluation_path,
        )
        return _PER_NODE(self, *args)  # type: ignore[no-any-return]
    if not nodes:
        return False, []
    conforms, reports = shape.validate(
        executor, target_graph, focus=nodes, _evaluation_path=_evaluation_path[:]
    )
    return not conforms, reports


def _until_one_passes(
    self: OrConstraintComponent,
    executor: Any,
    or_c: Any,
    target_graph: Any,
    focus_value_nodes: dict[Any, Any],
    _evaluation_path: list[Any],
) -> tuple[bool, list[Any]]:
    """pyshacl's ``_evaluate_or_constraint``, stopping at the first branch a value conforms to."""
    sg = self.shape.sg
    shapes = [self.shape.get_other_shape(o) for o in sg.graph.items(or_c) if not sg.is_filtered_out_shape(o)]
    if not shapes or not all(shapes):
        return _EVERY_BRANCH(self, executor, or_c, target_graph, focus_value_nodes, _evaluation_path)  # type: ignore[no-any-return]
    reports = [
        self.make_v_result(target_graph, focus, value_node=value)
        for focus, values in focus_value_nodes.items()
        for value in values
        if not any(
            s.validate(executor, target_graph, focus=value, _evaluation_path=_evaluation_path[:])[0]
            for s in shapes
        )
    ]
    return bool(reports), reports


def _counted_in_one_pass(
    self: QualifiedValueShapeConstraintComponent,
    executor: Any,
    _v_shape: Any,
    target_graph: Any,
    focus_value_nodes: dict[Any, Any],
    potentially_recursive: Any,
    _evaluation_path: list[Any],
) -> tuple[bool, list[Any]]:
    """pyshacl's ``_evaluate_value_shape`` of ``sh:qualifiedValueShape``, with the value shape given every
    value node at once; the nodes its results name are the ones that do not conform."""
    shape = self.shape.get_other_shape(_v_shape)
    values = list({value: None for values in focus_value_nodes.values() for value in values})
    failing = (
        None
        if self.is_disjoint or not shape or (potentially_recursive and shape in potentially_recursive)
        else _failing(shape, executor, target_graph, values, _evaluation_path)
    )
    if failing is None:
        args = (executor, _v_shape, target_graph, focus_value_nodes, potentially_recursive, _evaluation_path)
        return _EACH_VALUE(self, *args)  # type: ignore[no-any-return]
    reports = []
    for focus, nodes in focus_value_nodes.items():
        conforming = sum(1 for node in nodes if node not in failing)
        if self.max_count is not None and conforming > self.max_count:
            reports.append(
                self.make_v_result(
                    target_graph, focus, constraint_component=SH.QualifiedMaxCountConstraintComponent
                )
            )
        if self.min_count is not None and conforming < self.min_count:
            reports.append(
                self.make_v_result(
                    target_graph, focus, constraint_component=SH.QualifiedMinCountConstraintComponent
                )
            )
    return bool(reports), reports


def _failing(
    shape: Any, executor: Any, target_graph: Any, nodes: list[Any], path: list[Any]
) -> set[Any] | None:
    """The ``nodes`` that do not conform to ``shape``, validated together; None when the results do not
    say which (then each node is validated on its own)."""
    if not nodes:
        return set()
    conforms, reports = shape.validate(executor, target_graph, focus=nodes, _evaluation_path=path[:])
    if conforms:
        return set()
    allowed = {SH.Info} if executor.allow_infos else set()
    if executor.allow_warnings:
        allowed |= {SH.Info, SH.Warning}
    failing = set()
    for _, node, parts in reports:
        details = {p: o for s, p, o in parts if s == node}
        if details.get(SH.resultSeverity) not in allowed:
            failing.add(details[SH.focusNode][1])
    return failing or None


def _undescribed(
    self: ConstraintComponent,
    datagraph: Any,
    focus_node: Any,
    severity: Any,
    value_node: Any,
    messages: Any,
    result_path: Any = None,
    constraint_component: Any = None,
    source_constraint: Any = None,
    extra_messages: Any = None,
    bound_vars: Any = None,
) -> str:
    """No text for a result: only pyshacl's text report uses it, and we read the report graph."""
    return ""


_SPEEDUPS = tuple(
    (owner, name, original, faster)
    for owner, name, original, faster in (
        (PropertyConstraintComponent, "_evaluate_property_shape", _PER_NODE, _in_one_pass),
        (OrConstraintComponent, "_evaluate_or_constraint", _EVERY_BRANCH, _until_one_passes),
        (ConstraintComponent, "make_v_result_description", _DESCRIBED, _undescribed),
        (QualifiedValueShapeConstraintComponent, "_evaluate_value_shape", _EACH_VALUE, _counted_in_one_pass),
    )
    if inspect.signature(original).parameters.keys() == inspect.signature(faster).parameters.keys()
)
"""The replacements whose signature matches this pyshacl's method; another version keeps its own."""
_SPEEDUP_LOCK = threading.Lock()


@contextlib.contextmanager
def _faster_pyshacl() -> Iterator[None]:
    """Four pyshacl methods, replaced while pyshacl runs here by versions that find the same results with
    less work (together more than half of a validation):

    - a property shape is validated once per focus node, its constraint components built anew each time;
      given all the focus nodes at once it checks each on its own values all the same;
    - ``sh:or`` validates a value against every branch and builds a full result for each failing one, only
      to throw them away; the first branch the value conforms to settles it;
    - ``sh:qualifiedValueShape`` validates each value node on its own; given them all at once, the value
      shape's results name the ones that do not conform;
    - every result, kept or thrown away, gets a text description, which only pyshacl's text report reads:
      we read the report graph.

    The tests compare every report with pyshacl's own. A method whose signature differs from the one these
    replace (another pyshacl version) stays as it is."""
    with _SPEEDUP_LOCK:  # pyshacl holds the GIL: validations in threads never ran in parallel anyway
        for owner, name, _, faster in _SPEEDUPS:
            setattr(owner, name, faster)
        try:
            yield
        finally:
            for owner, name, original, _ in _SPEEDUPS:
                setattr(owner, name, original)


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
