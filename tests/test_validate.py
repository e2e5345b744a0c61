"""Specification of how ``kg.shacl`` evaluates the shapes: as pyshacl alone does, about ten times faster.

pyshacl evaluates the shapes, but pyoxigraph answers the SPARQL queries pyshacl asks (the ``sh:sparql``
constraints and the ``sh:SPARQLTarget``) instead of rdflib's engine. Every test here states that for some
graph the report is the one pyshacl alone makes (the reference, below): the same conforms flag, the same
results, and the same report graph but for blank node labels.

pyshacl is also handed all the focus nodes of a property shape, and all the value nodes of a qualified value
shape, at once; the generated articles at the end, broken on many focus nodes, check that this finds what
pyshacl finds node by node.

A report with results is made again with rdflib's engine, so pyoxigraph's answers stand alone only in graphs
that conform: most graphs here come close to breaking a SPARQL constraint without breaking it. The rest break
one, or hold values on which the two engines differ.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pyoxigraph
import pyshacl
import pytest
import rdflib
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pyoxigraph import Quad, RdfFormat
from rdflib.compare import isomorphic

from bench.corpus import generate
from kg.pipeline import find_articles, load_corpus
from kg.shacl import DataGraph, Result, ValidationReport, shapes_graph, validate, validation
from kg.shacl.validation import _results
from kg.store import Store
from tests.conftest import DATA
from tests.test_shapes import BASE, broken

XSD_INTEGER = pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
NKG_UNVERIFIED = pyoxigraph.NamedNode("https://w3id.org/newskg/ontology#wikidataUnverified")


def pyshacl_alone(quads: Iterable[Quad]) -> tuple[bool, list[Result], rdflib.Graph]:
    """The reference: pyshacl with rdflib's SPARQL engine on the N-Triples of ``quads``, which is how
    ``kg.shacl`` validated before pyoxigraph answered the queries."""
    data = pyoxigraph.serialize((q.triple for q in quads), format=RdfFormat.N_TRIPLES)
    graph = rdflib.Graph()
    graph.parse(data=data or b"", format="nt")
    conforms, report, _ = pyshacl.validate(
        graph, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=True
    )
    return bool(conforms), _results(report), report


def assert_as_pyshacl_alone(quads: Iterable[Quad]) -> ValidationReport:
    quads = list(quads)
    report = validate(quads)
    conforms, results, graph = pyshacl_alone(quads)
    assert (report.conforms, list(report.results)) == (conforms, results)
    assert isomorphic(report.graph, graph)
    return report


# --- The seed article ---


@pytest.fixture(scope="module")
def seed_quads(built_store: Store) -> list[Quad]:
    return list(built_store.quads())


def test_pyoxigraph_answers_the_queries_on_the_seed_article(seed_quads: list[Quad]) -> None:
    assert DataGraph(seed_quads).oxigraph is not None


def test_the_seed_article_is_reported_as_by_pyshacl_alone(seed_quads: list[Quad]) -> None:
    assert assert_as_pyshacl_alone(seed_quads).conforms


# --- Graphs that conform, some just so: pyoxigraph's answers stand alone ---

CONFORMING = [
    pytest.param("", "", id="the minimal graph"),
    pytest.param(
        'ex:article schema:dateModified "2025-10-17"^^xsd:date .',
        'ex:article schema:dateModified "2025-10-17T00:30:00+02:00"^^xsd:dateTime .',
        id="modified earlier on the publication day",
    ),
    pytest.param(
        'ex:summit schema:endDate "2025-10-31"^^xsd:date .',
        'ex:summit schema:endDate "2025-10-30"^^xsd:date .',
        id="an event ends on the day it starts",
    ),
    pytest.param(
        'ex:summit schema:endDate "2025-10-31"^^xsd:date .',
        'ex:summit schema:endDate "2025-10"^^xsd:gYearMonth .',
        id="an event ends in the month it starts",
    ),
    pytest.param(
        'ex:summit schema:startDate "2025-10-30"^^xsd:date .',
        'ex:summit schema:startDate "2025-10-17T08:00:00+02:00"^^xsd:dateTime .',
        id="a planned event starts on the publication day",
    ),
    pytest.param(
        'ex:summit nkg:status nkg:Planned ; schema:startDate "2025-10-30"^^xsd:date .',
        'ex:summit nkg:status nkg:Happened ; schema:startDate "2025-10"^^xsd:gYearMonth .',
        id="an event that happened started in the publication month",
    ),
    pytest.param(
        'ex:article schema:about ex:summit . ex:summit schema:startDate "2025-10-30"^^xsd:date .',
        'ex:article schema:mentions ex:summit . ex:summit schema:startDate "2025-10-17"^^xsd:date .',
        id="a mentioned planned event starts on the publication day",
    ),
    pytest.param(
        'ex:schedule schema:endDate "2025-10-31"^^xsd:date .',
        'ex:schedule schema:endDate "2025-10-17"^^xsd:date .',
        id="a time window of one day",
    ),
    pytest.param(
        'ex:position oa:start 13 ; oa:end 18 . ex:quote-selector oa:exact "Putin" .',
        'ex:position oa:start 22 ; oa:end 31 . ex:quote-selector oa:exact "Budapest." .',
        id="a span up to the last character",
    ),
    pytest.param(
        'ex:putin schema:name "Wladimir Putin"@de, "Vladimir Putin"@en .',
        'ex:putin schema:name "Wladimir Putin"@de-at, "Vladimir Putin"@en-gb .',
        id="regional language tags",
    ),
    pytest.param(
        "", 'ex:putin schema:description "https://schema.org/Person" .', id="https schema.org in a text"
    ),
]


@pytest.mark.parametrize(("remove", "add"), CONFORMING)
def test_a_graph_that_conforms_is_reported_as_by_pyshacl_alone(remove: str, add: str) -> None:
    graph = broken(remove, add) if remove or add else list(BASE)
    assert DataGraph(graph).oxigraph is not None
    assert assert_as_pyshacl_alone(graph).conforms


# --- Graphs that break a constraint ---

BROKEN = [
    pytest.param(
        'ex:article schema:dateModified "2025-10-17"^^xsd:date .',
        'ex:article schema:dateModified "2025-10-16T23:30:00+02:00"^^xsd:dateTime .',
        id="modified the day before publication",
    ),
    pytest.param(
        'ex:summit schema:endDate "2025-10-31"^^xsd:date .',
        'ex:summit schema:endDate "2025-09"^^xsd:gYearMonth .',
        id="an event ends the month before it starts",
    ),
    pytest.param(
        'ex:summit schema:startDate "2025-10-30"^^xsd:date .',
        'ex:summit schema:startDate "2024"^^xsd:gYear .',
        id="a planned event starts the year before publication",
    ),
    pytest.param(
        "ex:summit nkg:status nkg:Planned .",
        "ex:summit nkg:status nkg:Happened .",
        id="a future event happened",
    ),
    pytest.param(
        'ex:schedule schema:endDate "2025-10-31"^^xsd:date .',
        'ex:schedule schema:endDate "2025-10-16"^^xsd:date .',
        id="a time window ends before it starts",
    ),
    pytest.param(
        'ex:quote-selector oa:exact "Putin" .', 'ex:quote-selector oa:exact "Putln" .', id="a misquote"
    ),
    pytest.param("ex:position oa:end 18 .", "ex:position oa:end 32 .", id="a span past the end of the body"),
    pytest.param("", "ex:putin a <https://schema.org/Person> .", id="an https schema.org type"),
    pytest.param("", '[] <https://schema.org/name> "x" .', id="an https schema.org term on a blank node"),
    pytest.param(
        'ex:putin schema:name "Vladimir Putin"@en .',
        "",
        id="an entity linked to Wikidata without English name",
    ),
    pytest.param('ex:reporter schema:name "Anna Reporter" .', "", id="an entity without name"),
]


@pytest.mark.parametrize(("remove", "add"), BROKEN)
def test_a_broken_graph_is_reported_as_by_pyshacl_alone(remove: str, add: str) -> None:
    assert not assert_as_pyshacl_alone(broken(remove, add)).conforms


def test_a_report_of_warnings_only_is_pyshacl_s_own_and_made_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a violation can come from a value the engines read differently: warnings alone are not made
    again with rdflib's engine (that took four fifths of ingesting pages whose images carry no credit)."""
    quads = broken(remove='ex:image schema:creditText "Peter Photograph/Reuters" .')
    runs: list[bool] = []
    evaluate = validation._pyshacl
    monkeypatch.setattr(validation, "_pyshacl", lambda g: runs.append(g.oxigraph is not None) or evaluate(g))
    report = assert_as_pyshacl_alone(quads)
    assert report.conforms and [r.severity for r in report.results] == ["Warning"]
    assert runs == [True]


# --- Values on which the two engines differ ---

WRITTEN_OTHERWISE = [
    pytest.param(
        '"2025-10-30T10:00:00+00:00"^^xsd:dateTime', '"2025-10-30T10:00:00+01:00"^^xsd:dateTime', id="+00:00"
    ),
    pytest.param('"2025-10-30T10:00:00+01:00"^^xsd:dateTime', '"2025-10-30T10:00:00Z"^^xsd:dateTime', id="Z"),
    pytest.param(
        '"2025-10-30T10:00:00.000+01:00"^^xsd:dateTime', '"2025-10-31"^^xsd:date', id="zero seconds"
    ),
    pytest.param('"2025-10-30"^^xsd:date', '"2025-10-29+00:00"^^xsd:date', id="a date with a time zone"),
    pytest.param('"2025-10Z"^^xsd:gYearMonth', '"2025-10-30T10:00:00-00:00"^^xsd:dateTime', id="-00:00"),
]


@pytest.mark.parametrize(("start", "end"), WRITTEN_OTHERWISE)
def test_pyoxigraph_answers_on_dates_it_writes_otherwise_than_rdflib(start: str, end: str) -> None:
    """pyoxigraph stores "+00:00" as "Z", rdflib "Z" as "+00:00" and a date's time zone not at all; the
    queries read a date's text only up to its precision (a day, a second), where the two agree."""
    graph = broken(
        'ex:summit schema:startDate "2025-10-30"^^xsd:date ; schema:endDate "2025-10-31"^^xsd:date .',
        f"ex:summit schema:startDate {start} ; schema:endDate {end} .",
    )
    assert DataGraph(graph).oxigraph is not None
    assert_as_pyshacl_alone(graph)


UTC_BROKEN = [
    pytest.param(
        'ex:article schema:datePublished "2025-10-17"^^xsd:date ; '
        'schema:dateModified "2025-10-17"^^xsd:date .',
        'ex:article schema:datePublished "2025-10-17T08:00:00Z"^^xsd:dateTime ; '
        'schema:dateModified "2025-10-16T22:00:00+00:00"^^xsd:dateTime .',
        "dateModified is before datePublished",
        id="an article modified the day before its UTC publication",
    ),
    pytest.param(
        'ex:summit schema:startDate "2025-10-30"^^xsd:date ; schema:endDate "2025-10-31"^^xsd:date .',
        'ex:summit schema:startDate "2025-10-30T10:00:00Z"^^xsd:dateTime ; '
        'schema:endDate "2025-10-30T09:59:59+00:00"^^xsd:dateTime .',
        "the event ends before it starts",
        id="an event ends a second before it starts, both in UTC",
    ),
    pytest.param(
        'ex:summit schema:startDate "2025-10-30"^^xsd:date ; schema:endDate "2025-10-31"^^xsd:date .',
        'ex:summit schema:startDate "2025-10-30T10:00:00Z"^^xsd:dateTime ; '
        'schema:endDate "2025-10-30T11:00:00+02:00"^^xsd:dateTime .',
        "the event ends before it starts",
        id="an event ends at a later local time that is an earlier instant",
    ),
    pytest.param(
        'ex:summit schema:startDate "2025-10-30"^^xsd:date ; schema:endDate "2025-10-31"^^xsd:date .',
        'ex:summit schema:startDate "2025-10-30T10:00:00Z"^^xsd:dateTime ; '
        'schema:endDate "2025-10-29+00:00"^^xsd:date .',
        "the event ends before it starts",
        id="an event ends the day before its UTC start",
    ),
    pytest.param(
        'ex:article schema:datePublished "2025-10-17"^^xsd:date .',
        'ex:article schema:datePublished "2025-10-31T06:00:00Z"^^xsd:dateTime .',
        "a planned event starts before the article that reports it was published",
        id="a planned event starts the day before a UTC publication",
    ),
    pytest.param(
        'ex:schedule schema:endDate "2025-10-31"^^xsd:date .',
        'ex:schedule schema:endDate "2025-10-15Z"^^xsd:date .',
        "the time window ends before it starts",
        id="a time window ends in UTC before it starts",
    ),
]


@pytest.mark.parametrize(("remove", "add", "message"), UTC_BROKEN)
def test_a_date_order_broken_in_utc_is_found_by_pyoxigraph(remove: str, add: str, message: str) -> None:
    """The shapes compare UTC dates as strictly as any: pyoxigraph answers and finds the violation."""
    graph = broken(remove, add)
    assert DataGraph(graph).oxigraph is not None
    report = assert_as_pyshacl_alone(graph)
    assert message in [r.message for r in report.results]


def test_zoned_times_are_compared_as_instants() -> None:
    """10:00 at UTC+2 is 08:00 UTC: an event from then until 09:00 UTC ends after it starts."""
    graph = broken(
        'ex:summit schema:startDate "2025-10-30"^^xsd:date ; schema:endDate "2025-10-31"^^xsd:date .',
        'ex:summit schema:startDate "2025-10-30T10:00:00+02:00"^^xsd:dateTime ; '
        'schema:endDate "2025-10-30T09:00:00Z"^^xsd:dateTime .',
    )
    assert assert_as_pyshacl_alone(graph).conforms


def test_rdflib_answers_when_it_reads_two_dates_as_one() -> None:
    """rdflib drops a date's time zone: "2025-10-16Z" and the claim's "2025-10-16" are one literal to it and
    two to pyoxigraph, whose joins could then differ."""
    graph = broken(
        'ex:schedule schema:endDate "2025-10-31"^^xsd:date .',
        'ex:schedule schema:endDate "2025-10-16Z"^^xsd:date .',
    )
    assert DataGraph(graph).oxigraph is None
    assert_as_pyshacl_alone(graph)


def test_rdflib_answers_when_pyoxigraph_cannot_hold_a_number() -> None:
    """pyoxigraph has no integer beyond 64 bits; rdflib finds the span past the end of the body."""
    graph = broken("ex:position oa:end 18 .", "ex:position oa:end 99999999999999999999 .")
    assert DataGraph(graph).oxigraph is None
    assert [r.message for r in assert_as_pyshacl_alone(graph).results] == [
        "the evidence quote is not the article text at its offsets"
    ]


@pytest.mark.parametrize("end", ['"18"', '"18"@de', '"eighteen"'], ids=str)
def test_an_offset_of_the_wrong_type_is_reported_as_by_pyshacl_alone(end: str) -> None:
    """SPARQL calls "18" > 31 an error, rdflib true: a report with results comes from rdflib's engine."""
    assert_as_pyshacl_alone(broken("ex:position oa:end 18 .", f"ex:position oa:end {end} ."))


DATES = st.builds(
    lambda day, time, zone, kind: {
        "date": f'"{day}{zone}"^^xsd:date',
        "dateTime": f'"{day}{time}{zone}"^^xsd:dateTime',
        "gYearMonth": f'"{day[:7]}{zone}"^^xsd:gYearMonth',
        "gYear": f'"{day[:4]}"^^xsd:gYear',
        "text": f'"{day}"',
    }[kind],
    st.sampled_from(["2025-10-16", "2025-10-17", "2025-10-18", "2025-10-30", "2025-10-31", "2025-11-01"]),
    st.sampled_from(["T00:30:00", "T23:59:59", "T10:00:00.000"]),
    st.sampled_from(["", "Z", "+00:00", "+02:00", "-05:00"]),
    st.sampled_from(["date", "dateTime", "gYearMonth", "gYear", "text"]),
)


@settings(max_examples=20, deadline=None, derandomize=True)
@given(start=DATES, end=DATES, status=st.sampled_from(["Planned", "Happened", "Ongoing"]))
def test_any_dates_of_an_event_are_reported_as_by_pyshacl_alone(start: str, end: str, status: str) -> None:
    assume((start, end, status) != ('"2025-10-30"^^xsd:date', '"2025-10-31"^^xsd:date', "Planned"))
    assert_as_pyshacl_alone(
        broken(
            'ex:summit nkg:status nkg:Planned ; schema:startDate "2025-10-30"^^xsd:date ; '
            'schema:endDate "2025-10-31"^^xsd:date .',
            f"ex:summit nkg:status nkg:{status} ; schema:startDate {start} ; schema:endDate {end} .",
        )
    )


# --- Synthetic articles: property shapes given many focus nodes at once ---

SCHEMA, OA = "http://schema.org/", "http://www.w3.org/ns/oa#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@pytest.fixture(scope="module")
def synthetic_quads(tmp_path_factory: pytest.TempPathFactory) -> list[Quad]:
    """A generated article with the entity graph: thousands of focus nodes, each shape reaching many."""
    folder = tmp_path_factory.mktemp("synthetic")
    generate(folder, articles=1, seed=5)
    corpus = load_corpus(DATA)
    quads = corpus.entity_graph()
    for source in find_articles([folder]):
        quads += corpus.article_graph(source)
    return quads


def rewritten(quads: list[Quad], predicate: str, change: Callable[[Quad], list[Quad]]) -> list[Quad]:
    return [new for q in quads for new in (change(q) if q.predicate.value == predicate else [q])]


BREAKS: dict[str, tuple[str, Callable[[Quad], list[Quad]]]] = {
    "every name also as a number": (
        SCHEMA + "name",
        lambda q: [
            q,
            Quad(q.subject, q.predicate, pyoxigraph.Literal("1", datatype=XSD_INTEGER), q.graph_name),
        ],
    ),
    "every offset as text": (
        OA + "start",
        lambda q: [Quad(q.subject, q.predicate, pyoxigraph.Literal(q.object.value), q.graph_name)],
    ),
    "no quotation has a creator": (SCHEMA + "creator", lambda q: []),
    "every quote selector is also a position selector": (
        RDF_TYPE,
        lambda q: (
            [q, Quad(q.subject, q.predicate, pyoxigraph.NamedNode(OA + "TextPositionSelector"), q.graph_name)]
            if q.object.value == OA + "TextQuoteSelector"
            else [q]
        ),
    ),
    "no position selector says what it is": (
        RDF_TYPE,
        lambda q: [] if q.object.value == OA + "TextPositionSelector" else [q],
    ),
    "every linked entity also says it is unverified": (  # sh:xone: both branches pass
        SCHEMA + "sameAs",
        lambda q: [q, Quad(q.subject, NKG_UNVERIFIED, pyoxigraph.Literal(True), q.graph_name)],
    ),
    "no name in English": (  # BilingualNameShape, asked once for every entity linked to Wikidata
        SCHEMA + "name",
        lambda q: [] if isinstance(q.object, pyoxigraph.Literal) and q.object.language == "en" else [q],
    ),
}


def test_generated_articles_are_reported_as_by_pyshacl_alone(synthetic_quads: list[Quad]) -> None:
    assert assert_as_pyshacl_alone(synthetic_quads).conforms


@pytest.mark.parametrize("name", BREAKS)
def test_generated_articles_broken_everywhere_are_reported_as_by_pyshacl_alone(
    synthetic_quads: list[Quad], name: str
) -> None:
    predicate, change = BREAKS[name]
    report = assert_as_pyshacl_alone(rewritten(synthetic_quads, predicate, change))
    assert len({r.focus for r in report.results}) >= 3  # the break reaches several focus nodes


# --- A query asked once for every focus node ---

ONCE = "SELECT $this ?value WHERE {{ {} }}"


@pytest.mark.parametrize(
    "body",
    [
        "$this schema:startDate ?value . FILTER(?value < 3)",
        '$this schema:sameAs ?l . FILTER NOT EXISTS { $this schema:name ?n } BIND("de" AS ?value)',
        "$this schema:a ?x . ?article schema:about $this ; schema:date ?value",
    ],
)
def test_a_query_bound_to_this_by_its_first_pattern_is_asked_once(body: str) -> None:
    assert validation.per_focus(ONCE.format(body))


@pytest.mark.parametrize(
    "body",
    [
        "?article schema:about $this ; schema:date ?value",  # $this not bound first
        "$this schema:a ?x . OPTIONAL { $this schema:b ?value }",
        "$this schema:a ?x . { BIND(1 AS ?value) } UNION { BIND(2 AS ?value) }",
        "$this schema:a ?x . { SELECT ?value WHERE { ?y schema:b ?value } LIMIT 1 }",
        "$this schema:a ?x . MINUS { $this schema:b ?value }",
        "$this schema:a ?value . BIND(?value AS ?this)",
    ],
)
def test_a_query_whose_rows_depend_on_this_otherwise_is_asked_per_focus_node(body: str) -> None:
    assert not validation.per_focus(ONCE.format(body))


def test_a_query_that_does_not_name_this_in_its_rows_is_asked_per_focus_node() -> None:
    assert not validation.per_focus("SELECT ?value WHERE { $this schema:a ?value }")


# --- The evidence check, answered in Python ---


def test_the_evidence_check_finds_in_python_the_rows_the_engine_finds() -> None:
    """Quotes right and wrong, past the end, after non-ASCII text, several selectors on one target: the
    rows of ``nkgsh:EvidenceMatchesTextShape``'s query, as pyoxigraph evaluates it."""
    from kg.shacl.validation import EVIDENCE_CHECK, evidence_mismatches

    body = "Orbán traf Putin — „sehr produktiv“, sagte er. Ende"
    article = pyoxigraph.NamedNode("http://x/article")
    quads = [Quad(article, pyoxigraph.NamedNode(SCHEMA + "articleBody"), pyoxigraph.Literal(body))]
    spans = [(0, 5, "Orbán"), (11, 16, "Putin"), (20, 35, "sehr produktiv"), (46, 60, "Ende"), (6, 10, "tra")]
    for n, (start, end, exact) in enumerate(spans):
        target, position, quote = (pyoxigraph.NamedNode(f"http://x/{kind}{n}") for kind in "tpq")
        quads += [
            Quad(target, pyoxigraph.NamedNode(OA + "hasSource"), article),
            Quad(target, pyoxigraph.NamedNode(OA + "hasSelector"), position),
            Quad(target, pyoxigraph.NamedNode(OA + "hasSelector"), quote),
            Quad(position, pyoxigraph.NamedNode(RDF_TYPE), pyoxigraph.NamedNode(OA + "TextPositionSelector")),
            Quad(
                position,
                pyoxigraph.NamedNode(OA + "start"),
                pyoxigraph.Literal(str(start), datatype=XSD_INTEGER),
            ),
            Quad(
                position, pyoxigraph.NamedNode(OA + "end"), pyoxigraph.Literal(str(end), datatype=XSD_INTEGER)
            ),
            Quad(quote, pyoxigraph.NamedNode(RDF_TYPE), pyoxigraph.NamedNode(OA + "TextQuoteSelector")),
            Quad(quote, pyoxigraph.NamedNode(OA + "exact"), pyoxigraph.Literal(exact)),
        ]
    store = pyoxigraph.Store()
    store.extend(quads)
    shape_query = next(
        str(o)
        for o in shapes_graph().objects(None, rdflib.URIRef("http://www.w3.org/ns/shacl#select"))
        if EVIDENCE_CHECK in str(o)
    )
    engine = store.query(
        shape_query.replace("$this", "?this"),
        prefixes={"schema": SCHEMA, "oa": OA},
        substitutions={pyoxigraph.Variable("this"): article},
    )
    expected = sorted(row["value"].value for row in engine)
    native = sorted(
        str(row[rdflib.Variable("value")])
        for row in evidence_mismatches(store, rdflib.URIRef(article.value)).bindings
    )
    assert native == expected == ["http://x/t2", "http://x/t3", "http://x/t4"]
