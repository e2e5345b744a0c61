"""SHACL validation with pyshacl against the shapes that ship with newskg (:mod:`kg.shacl.shapes`).

The shapes are the contract of the graph; other pipelines can run them on their own RDF with
``newskg validate FILE...``.

pyshacl evaluates the shapes on an rdflib graph that answers pyshacl's SPARQL queries (``sh:sparql``,
``sh:SPARQLTarget``) with pyoxigraph: rdflib's engine parsed each query again for every focus node and took
90 % of a validation (4.8 s of 5.4 for the seed article). The engines differ on values of the wrong type
(rdflib finds "18" > 31 true, SPARQL calls it an error), but the shapes type every value their queries
compute with, so such a value is a violation anyway, and a report with violations is made again with
rdflib's engine: the results are those of pyshacl alone. A report of warnings only (a page image without a
credit) holds no such value and stands: made again, it took four fifths of an ingest. A query pyshacl asks
once per focus node is asked once for all of them where that gives the same rows (:func:`per_focus`). Seven
pyshacl methods are also replaced, while it runs here, by versions that do less work for the same results
(:mod:`kg.shacl.speedups`), which cuts another two thirds.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pyoxigraph
import pyshacl
import rdflib
import rdflib.query
from rdflib.namespace import SH

from kg.shacl.shapes import shapes_graph
from kg.shacl.speedups import faster_pyshacl
from kg.vocab import PREFIXES

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
        """A readable report: one block per result, warnings too (a graph with only warnings conforms, and
        says what it lacks: an article without a publisher, an image without a credit)."""
        if not self.results:
            return "conforms: the graph satisfies every shape"
        count = len(self.results)
        verdict = "conforms, with {} warning(s)" if self.conforms else "does not conform: {} result(s)"
        lines = [verdict.format(count)]
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


class DataGraph(rdflib.Graph):
    """The union of ``quads`` as an rdflib graph whose SPARQL queries pyoxigraph answers, in ``oxigraph``.

    pyoxigraph answers only if it reads every literal as rdflib does: the same distinct literals, the same
    lexical form (pyoxigraph stores "1.50" as "1.5", rdflib "01" as "1") and, since the shapes' queries
    compute with numbers, the same numbers (pyoxigraph has no integer beyond 64 bits). Otherwise
    ``oxigraph`` is None and rdflib answers. Of a date, the queries read the text only up to its precision
    (:data:`DATE_PRECISION`; ``events.ttl`` says why), so there only that much must agree: pyoxigraph
    stores "+00:00" as "Z", rdflib "Z" as "+00:00", and most pages date themselves in UTC.
    """

    def __init__(self, quads: Iterable[pyoxigraph.Quad]) -> None:
        super().__init__()
        triples = [quad.triple for quad in quads]
        nodes: dict[OxTerm, rdflib.term.Node] = {}
        add = self.store.add  # Graph.add checks each term's type: these are rdflib's own
        for triple in triples:
            for term in triple:
                if term not in nodes:
                    nodes[term] = _rdflib_node(term)
            add((nodes[triple.subject], nodes[triple.predicate], nodes[triple.object]), self, False)
        store = pyoxigraph.Store()
        store.bulk_extend(pyoxigraph.Quad(t.subject, t.predicate, t.object) for t in triples)
        stored = {row["o"]: row["number"].value == "true" for row in store.query(_LITERALS)}
        # a stored literal as rdflib reads it back (most are stored as given)
        read = {term: nodes[term] if term in nodes else _rdflib_node(term) for term in stored}
        literals = {node for node in nodes.values() if isinstance(node, rdflib.Literal)}
        same = (
            len(set(read.values())) == len(read)
            and set(read.values()) == literals
            and all(_same_text(read[t], t) and number == _is_number(read[t]) for t, number in stored.items())
        )
        self.oxigraph: pyoxigraph.Store | None = store if same else None
        self._prefixes: dict[str, str] | None = None
        self._batches: dict[tuple[Any, ...], tuple[list[rdflib.Variable], dict[Any, _Rows]]] = {}

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
        this = (initBindings or {}).get("this")
        if (
            isinstance(query_object, str)
            and EVIDENCE_CHECK in query_object
            and isinstance(this, rdflib.URIRef)
        ):
            with contextlib.suppress(_Unanswered):
                return evidence_mismatches(self.oxigraph, this)
        bindings = dict(initBindings or {})
        if (
            isinstance(query_object, str)
            and initNs is None
            and isinstance(this, rdflib.URIRef | rdflib.BNode)
            and per_focus(query_object)
        ):
            del bindings["this"]
            key = (query_object, tuple(sorted(bindings.items())))
            if key not in self._batches:
                self._batches[key] = _by_focus(self._select(query_object, None, bindings))
            variables, rows = self._batches[key]
            return _result(variables, rows.get(this, []))
        return _result(*self._select(query_object, initNs, bindings))

    def _select(
        self, text: Any, namespaces: Mapping[str, Any] | None, bindings: Mapping[str, rdflib.term.Node]
    ) -> tuple[list[rdflib.Variable], list[dict[rdflib.Variable, rdflib.term.Node]]]:
        assert self.oxigraph is not None
        if namespaces is None:
            if self._prefixes is None:
                self._prefixes = {prefix: str(namespace) for prefix, namespace in self.namespaces()}
            prefixes = self._prefixes
        else:
            prefixes = {prefix: str(namespace) for prefix, namespace in namespaces.items()}
        solutions = self.oxigraph.query(
            text,
            prefixes=prefixes,
            substitutions={
                pyoxigraph.Variable(name): _oxigraph_term(node) for name, node in bindings.items()
            },
        )
        if not isinstance(solutions, pyoxigraph.QuerySolutions):
            raise TypeError(f"not a SELECT query: {text}")
        variables = [rdflib.Variable(v.value) for v in solutions.variables]
        rows = [
            {var: _rdflib_node(term) for var, term in zip(variables, row, strict=True) if term is not None}
            for row in solutions
        ]
        return variables, rows


_THIS = rdflib.Variable("this")
_Rows = list[dict[rdflib.Variable, rdflib.term.Node]]


def _by_focus(answer: tuple[list[rdflib.Variable], _Rows]) -> tuple[list[rdflib.Variable], dict[Any, _Rows]]:
    variables, rows = answer
    grouped: dict[Any, _Rows] = {}
    for row in rows:
        grouped.setdefault(row[_THIS], []).append(row)
    return variables, grouped


def _result(variables: list[rdflib.Variable], rows: _Rows) -> rdflib.query.Result:
    answer = rdflib.query.Result("SELECT")
    answer.vars = variables
    answer.bindings = rows
    return answer


_OPEN = re.compile(r"(\bEXISTS\s*|\bVALUES\s+[?$](?!this\b)\w+\s*)?\{")
_FORBIDDEN = re.compile(
    r"\b(SELECT|OPTIONAL|MINUS|UNION|SERVICE|GRAPH|LIMIT|OFFSET|GROUP|HAVING|ORDER|COUNT|SAMPLE)\b"
    r"|\bAS\s+[?$]this\b|\bVALUES\s+[?$]this\b|\bVALUES\s*\(",
    re.IGNORECASE,
)


@functools.cache
def per_focus(text: str) -> bool:
    """Whether ``text``, a SELECT query that pyshacl asks once per focus node with $this pre-bound, can be
    asked once for all of them, its rows grouped by ``?this``: when $this is projected and bound by the first
    triple pattern of the WHERE clause, and nothing evaluates apart from that binding (a subquery, OPTIONAL,
    MINUS, UNION or any nested group but EXISTS and VALUES of another variable), nor cuts the rows (LIMIT,
    aggregates), the rows with $this bound are those with ?this = $this of the rows without. pyshacl asked
    one query per entity linked to Wikidata and three per event."""
    head, brace, body = text.partition("{")
    if not brace or not re.search(r"\bSELECT\b(\s+DISTINCT)?[^{]*[?$]this\b", head, re.IGNORECASE):
        return False
    if not re.match(r"\s*\$this\s", body) or _FORBIDDEN.search(body):
        return False
    return all(match.group(1) for match in _OPEN.finditer(body))


EVIDENCE_CHECK = "SUBSTR(STR(?body), ?start + 1, ?end - ?start) != STR(?exact)"
"""The heart of ``nkgsh:EvidenceMatchesTextShape``: a quote must be the article text at its offsets."""
_OA = "http://www.w3.org/ns/oa#"
_BODY = pyoxigraph.NamedNode("http://schema.org/articleBody")
_TYPE = pyoxigraph.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_XSD_INTEGER = pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def evidence_mismatches(store: pyoxigraph.Store, article: rdflib.URIRef) -> rdflib.query.Result:
    """The rows of the evidence shape's query for one article, found in Python: in SPARQL each ``SUBSTR``
    and ``STRLEN`` walks the body from its start, so checking n quotes of an article of length m took n * m
    steps (139 s of 345 for a 1 MB article); a Python string is indexed directly. Same rows as the query,
    duplicates included; where an offset is not a plain non-negative integer, the engine answers as before.
    """
    node = pyoxigraph.NamedNode(str(article))

    def objects(subject: OxTerm, predicate: str | pyoxigraph.NamedNode) -> list[OxTerm]:
        p = (
            predicate
            if isinstance(predicate, pyoxigraph.NamedNode)
            else pyoxigraph.NamedNode(_OA + predicate)
        )
        return [q.object for q in store.quads_for_pattern(subject, p, None)]

    def typed(selectors: list[OxTerm], kind: str) -> list[OxTerm]:
        cls = pyoxigraph.NamedNode(_OA + kind)
        return [s for s in selectors if next(store.quads_for_pattern(s, _TYPE, cls), None) is not None]

    answer = rdflib.query.Result("SELECT")
    answer.vars = [rdflib.Variable("this"), rdflib.Variable("value")]
    answer.bindings = []
    for body in objects(node, _BODY):
        if not isinstance(body, pyoxigraph.Literal):
            continue
        text = body.value
        for target in (
            q.subject for q in store.quads_for_pattern(None, pyoxigraph.NamedNode(_OA + "hasSource"), node)
        ):
            selectors = objects(target, "hasSelector")
            for position in typed(selectors, "TextPositionSelector"):
                for start in objects(position, "start"):
                    for end in objects(position, "end"):
                        offsets = [_plain_integer(start), _plain_integer(end)]
                        if None in offsets or offsets[0] > offsets[1]:  # type: ignore[operator]
                            raise _Unanswered
                        first, last = offsets  # type: ignore[misc]
                        for quote in typed(selectors, "TextQuoteSelector"):
                            for exact in objects(quote, "exact"):
                                if not isinstance(exact, pyoxigraph.Literal):
                                    continue
                                if last > len(text) or text[first:last] != exact.value:
                                    answer.bindings.append(
                                        {answer.vars[0]: article, answer.vars[1]: _rdflib_node(target)}
                                    )
    return answer


class _Unanswered(Exception):
    """Offsets the native check does not decide; the engine evaluates the query."""


def _plain_integer(term: OxTerm) -> int | None:
    if isinstance(term, pyoxigraph.Literal) and term.datatype == _XSD_INTEGER and term.value.isdigit():
        return int(term.value)
    return None


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


_XSD = "http://www.w3.org/2001/XMLSchema#"
DATE_PRECISION = {_XSD + "gYear": 4, _XSD + "gYearMonth": 7, _XSD + "date": 10, _XSD + "dateTime": 19}
"""How much of a date's text the shapes' queries read, by datatype: the year, the month, the day, the local
time to the second; never the fraction of a second or the time zone, which the engines write differently."""


def _same_text(node: rdflib.Literal, term: pyoxigraph.Literal) -> bool:
    """Whether the shapes' queries read the same text of ``term`` in pyoxigraph as of ``node`` in rdflib."""
    text = str(node)
    if text == term.value:
        return True
    n = DATE_PRECISION.get(str(node.datatype), 0)
    return 0 < n <= min(len(text), len(term.value)) and text[:n] == term.value[:n]


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
    if graph.oxigraph is not None and (None, SH.resultSeverity, SH.Violation) in report:
        graph.oxigraph = None  # results as rdflib's engine finds them, also on values of the wrong type
        conforms, report = _pyshacl(graph)
    return ValidationReport(conforms, tuple(_results(report)), report)


def _pyshacl(graph: DataGraph) -> tuple[bool, rdflib.Graph]:
    with faster_pyshacl():
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
