"""Specification of the SHACL shapes in ``ontology/shapes/``: every shape, fed a graph that breaks it.

Most tests start from ``VALID``, a small graph that gives every shape a focus node and conforms, change one
thing in it and assert exactly the violations reported: focus node, the node shape that declares the broken
constraint (for a property shape, the node shape it belongs to), constraint component, path, value, and the
message where the shape states one. A broken ``sh:node`` reference (PartialDate, SpeakerShape, Evidenced) is
reported once, by the referring shape, with the message of the referenced shape (``via``). A few tests corrupt
the built seed graph instead.

pyshacl re-parses every SPARQL constraint per focus node, so a validation of ``VALID`` takes about 0.2 s and
one of the whole seed about 5 s: the seed is validated only a few times.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

import pyoxigraph
import pytest
import rdflib
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat
from rdflib.namespace import SH

from kg.shacl import Result, ValidationReport, shapes_graph, validate
from kg.store import Store
from kg.vocab import NKG, OA, OWL, PROV, SCHEMA, XSD

NKGSH = "https://w3id.org/newskg/shapes#"
EX = "https://kg.example.org/"
GRAPH = NamedNode(f"{EX}graph")

PREFIXES = """\
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix schema: <http://schema.org/> .
@prefix nkg: <https://w3id.org/newskg/ontology#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix ex: <https://kg.example.org/> .
"""

BODY = "Orbán trifft Putin in Budapest."
"""The article body; "Putin" is code points 13..18 (bytes 14..19 in UTF-8, because of the á)."""

VALID = (
    PREFIXES
    + f"""
ex:article a schema:NewsArticle ;
    schema:headline "Orbán trifft Putin"@de ;
    schema:description "Ein Gipfel in Budapest."@de ;
    schema:articleBody "{BODY}"@de ;
    schema:inLanguage "de" ;
    schema:datePublished "2025-10-17"^^xsd:date ;
    schema:dateModified "2025-10-17"^^xsd:date ;
    nkg:editorialDeadline "2025-10-17T18:00:00+02:00"^^xsd:dateTime ;
    nkg:crawlDate "2025-10-18T08:00:00+02:00"^^xsd:dateTime ;
    schema:wordCount 5 ;
    schema:publisher ex:dw ;
    schema:author ex:reporter ;
    schema:image ex:image ;
    schema:video ex:video ;
    schema:url <https://www.dw.com/de/a-1> ;
    schema:about ex:summit .

ex:dw a schema:Organization ; schema:name "Deutsche Welle" ; nkg:wikidataUnverified true .
ex:reporter a schema:Person ; schema:name "Anna Reporter" ; nkg:wikidataUnverified true .
ex:photographer a schema:Person ; schema:name "Peter Photograph" ; nkg:wikidataUnverified true .
ex:agency a schema:Organization ; schema:name "Reuters" ; nkg:wikidataUnverified true .
ex:orban a schema:Person ; schema:name "Viktor Orbán"@de, "Viktor Orbán"@en ;
    nkg:wikidataUnverified true ; nkg:surfaceForm "Orbáns"@de ;
    schema:memberOf ex:role .
ex:putin a schema:Person ; schema:name "Wladimir Putin"@de, "Vladimir Putin"@en ;
    schema:sameAs wd:Q7747 ; owl:sameAs wd:Q7747 .
ex:budapest a schema:Place ; schema:name "Budapest" ; nkg:wikidataUnverified true ;
    schema:containedInPlace ex:hungary .
ex:hungary a schema:Place, schema:Country ; schema:name "Ungarn"@de, "Hungary"@en ;
    nkg:wikidataUnverified true .
ex:x a schema:WebSite ; schema:name "X" ; nkg:wikidataUnverified true .

ex:image a schema:ImageObject ; schema:caption "Orbán und Putin"@de ;
    schema:creditText "Peter Photograph/Reuters" ;
    schema:creator ex:photographer ; schema:copyrightHolder ex:agency ; schema:position 1 .
ex:markup a nkg:PublisherMarkup, prov:Entity ; nkg:describes ex:article ; prov:wasAttributedTo ex:dw ;
    nkg:markupSyntax "json-ld" ; schema:about ex:budapest ; schema:mentions ex:putin ;
    schema:keywords "Gipfel"@de .
ex:video a schema:VideoObject ; schema:name "Gipfel in Budapest"@de ;
    schema:duration "PT2M30S"^^xsd:duration .
ex:section a schema:WebPageElement ; schema:name "Der Gipfel"@de ; schema:position 1 ;
    schema:isPartOf ex:article .

ex:summit a schema:Event ; schema:name "Gipfel in Budapest"@de, "Budapest summit"@en ;
    schema:additionalType nkg:Summit ; nkg:status nkg:Planned ; schema:eventStatus schema:EventScheduled ;
    schema:startDate "2025-10-30"^^xsd:date ; schema:endDate "2025-10-31"^^xsd:date ;
    nkg:latestDate "2025-10-31"^^xsd:date ; schema:duration "P2D"^^xsd:duration ;
    schema:location ex:budapest, ex:online ; schema:attendee ex:orban, ex:putin, ex:hungary ;
    schema:organizer ex:orban ; schema:eventSchedule ex:schedule .
ex:online a schema:VirtualLocation ; schema:name "virtueller Ort"@de .
ex:schedule a schema:Schedule ;
    schema:startDate "2025-10-17"^^xsd:date ; schema:endDate "2025-10-31"^^xsd:date ;
    schema:description "in den nächsten zwei Wochen"@de .

ex:quote a schema:Quotation ; schema:text "Wir treffen uns"@de ; schema:creator ex:orban ;
    schema:inLanguage "de" ;
    schema:isPartOf ex:article ; schema:isBasedOn ex:posting ; schema:dateCreated "2025-10"^^xsd:gYearMonth .
ex:posting a schema:SocialMediaPosting ; schema:author ex:orban ; schema:isPartOf ex:x ;
    schema:dateCreated "2025-10-16"^^xsd:date .
ex:claim a schema:Claim ; schema:author ex:putin ; schema:text "Der Gipfel findet statt"@de ;
    schema:appearance ex:article ; schema:dateCreated "2025"^^xsd:gYear .
ex:role a schema:OrganizationRole ; schema:roleName "Ministerpräsident"@de, "Prime Minister"@en ;
    nkg:roleStatus nkg:CurrentRole ; nkg:asOf "2025-10-17"^^xsd:date ; nkg:position wd:Q1369263 ;
    schema:memberOf ex:hungary .

ex:evidence-summit a oa:Annotation ; oa:motivatedBy oa:describing ;
    oa:hasBody ex:summit ; oa:hasTarget ex:target .
ex:evidence-quote a oa:Annotation ; oa:motivatedBy oa:describing ;
    oa:hasBody ex:quote ; oa:hasTarget ex:target .
ex:evidence-claim a oa:Annotation ; oa:motivatedBy oa:describing ;
    oa:hasBody ex:claim ; oa:hasTarget ex:target .
ex:evidence-role a oa:Annotation ; oa:motivatedBy oa:describing ;
    oa:hasBody ex:role ; oa:hasTarget ex:target .
ex:evidence-putin a oa:Annotation ; oa:motivatedBy oa:identifying ;
    oa:hasBody ex:putin ; oa:hasTarget ex:target .
ex:target a oa:SpecificResource ; oa:hasSource ex:article ; oa:hasSelector ex:position, ex:quote-selector .
ex:position a oa:TextPositionSelector ; oa:start 13 ; oa:end 18 .
ex:quote-selector a oa:TextQuoteSelector ; oa:exact "Putin" ;
    oa:prefix "Orbán trifft " ; oa:suffix " in Budapest." .

ex:graph a prov:Entity ; prov:wasGeneratedBy ex:build ; prov:wasDerivedFrom ex:article .
ex:build a prov:Activity ; prov:wasAssociatedWith ex:software ; prov:used ex:source .
ex:software a prov:SoftwareAgent ; schema:name "newskg" ; schema:softwareVersion "0.1.0" .

ex:evidence-m a oa:Annotation ; oa:motivatedBy oa:describing ; oa:hasBody ex:mclaim ;
    oa:hasTarget ex:mtarget ;
    nkg:assertedBy nkg:Extractor ; nkg:confidence 0.85 ; nkg:machineFact "quote-0-5" ;
    prov:wasGeneratedBy ex:extraction .
ex:mclaim a schema:Claim ; schema:author ex:mspeaker ; schema:text "Orbán"@de ; schema:appearance ex:article ;
    nkg:assertedBy nkg:Extractor ; nkg:confidence 0.85 ; nkg:machineFact "quote-0-5" ;
    prov:wasGeneratedBy ex:extraction .
ex:evidence-r a oa:Annotation ; oa:motivatedBy oa:identifying ; oa:hasBody ex:mspeaker ;
    oa:hasTarget ex:mtarget ;
    nkg:assertedBy nkg:Editor ; nkg:review nkg:Confirmed ; nkg:machineFact "mention-0-5" ;
    prov:wasGeneratedBy ex:extraction .
ex:mspeaker a schema:Person ; schema:name "Sprecherin" ; nkg:wikidataUnverified true .
ex:mtarget a oa:SpecificResource ; oa:hasSource ex:article ; oa:hasSelector ex:mposition, ex:mquote-selector .
ex:mposition a oa:TextPositionSelector ; oa:start 0 ; oa:end 5 .
ex:mquote-selector a oa:TextQuoteSelector ; oa:exact "Orbán" .
ex:extraction a prov:Activity ; prov:wasAssociatedWith ex:software .
ex:source a prov:Entity ; schema:name "article.txt" ;
    nkg:sha256 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" .
"""
)


def ex(name: str) -> str:
    return EX + name


def schema(name: str) -> str:
    return SCHEMA + name


def nkg(name: str) -> str:
    return NKG + name


def oa(name: str) -> str:
    return OA + name


def prov(name: str) -> str:
    return PROV + name


def parse(turtle: str) -> set[Quad]:
    triples = pyoxigraph.parse(PREFIXES + turtle, format=RdfFormat.TURTLE)
    return {Quad(t.subject, t.predicate, t.object, GRAPH) for t in triples}


BASE = frozenset(parse(VALID))


def broken(remove: str = "", add: str = "") -> list[Quad]:
    """``VALID`` without the triples of ``remove`` and with those of ``add`` (both Turtle)."""
    removed, added = parse(remove), parse(add)
    assert removed <= BASE, f"not in VALID: {removed - BASE}"
    graph = BASE - removed | added
    assert graph != BASE, "changes nothing"
    return sorted(graph, key=str)


# --- Reading a report ---


@dataclass(frozen=True)
class Violation:
    """One result, with what ``kg.shacl.Result`` leaves out: the named node shape that declares the broken
    constraint (for a property shape, the node shape it belongs to) and the constraint component."""

    shape: str
    component: str
    result: Result


def violations(quads: Iterable[Quad]) -> list[Violation]:
    """Validate ``quads``; every result must be a Violation, and kg.shacl must report each one."""
    report = validate(quads)
    found = sorted(_violations(report), key=lambda v: (v.result.focus, v.shape, v.component, v.result.path))
    assert sorted(report.results, key=repr) == sorted((v.result for v in found), key=repr)
    assert report.conforms == (not found)
    assert all(v.result.severity == "Violation" for v in found), report.text()
    return found


def _violations(report: ValidationReport) -> Iterable[Violation]:
    """Pair each top-level result of the report graph with the ``Result`` kg.shacl made of it."""
    shapes, unpaired = shapes_graph(), list(report.results)
    for node in report.graph.subjects(rdflib.RDF.type, SH.ValidationResult):
        if (None, SH.detail, node) in report.graph:
            continue  # a nested result is told through its parent's message
        source = report.graph.value(node, SH.sourceShape)
        owner = source if isinstance(source, rdflib.URIRef) else shapes.value(None, SH.property, source)
        focus, value, message = (
            "" if (term := report.graph.value(node, p)) is None else str(term)
            for p in (SH.focusNode, SH.value, SH.resultMessage)
        )
        shape = str(source) if isinstance(source, rdflib.URIRef) else "(property shape)"
        candidates = [r for r in unpaired if (r.focus, r.value, r.shape) == (focus, value, shape)]
        result = next((r for r in candidates if r.message == message), candidates[0])
        unpaired.remove(result)
        yield Violation(
            shape=str(owner).removeprefix(NKGSH),
            component=str(report.graph.value(node, SH.sourceConstraintComponent)).removeprefix(str(SH)),
            result=result,
        )


@dataclass(frozen=True)
class Expect:
    """A violation a test expects. ``path`` empty: a constraint of the node shape itself."""

    shape: str
    focus: str
    component: str
    path: str = ""
    value: str | None = None
    message: str | None = None
    via: str = ""
    """The node shape behind an ``sh:node`` violation, whose message the result carries."""

    def matches(self, found: Violation) -> bool:
        r = found.result
        return (
            found.shape == self.shape
            and r.focus == self.focus
            and found.component == self.component + "ConstraintComponent"
            and r.path == self.path
            and r.shape == ("(property shape)" if self.path else NKGSH + self.shape)
            and (self.value is None or r.value == self.value)
            and (self.message is None or r.message == self.message)
        )


def assert_reports(quads: Iterable[Quad], *expected: Expect) -> None:
    """Validating ``quads`` gives exactly the ``expected`` violations."""
    found = violations(quads)
    unmatched = list(found)
    for e in expected:
        match = next((f for f in unmatched if e.matches(f)), None)
        assert match is not None, f"expected {e}\nfound:\n" + "\n".join(map(str, found))
        unmatched.remove(match)
    assert not unmatched, "unexpected:\n" + "\n".join(map(str, unmatched))


EXERCISED: set[str] = set()
"""Node shapes some test breaks; ``test_every_shape_is_broken_by_some_test`` checks none is left out."""

T = TypeVar("T", bound=Callable[..., object])


def breaks(*shapes: str) -> Callable[[T], T]:
    def mark(test: T) -> T:
        EXERCISED.update(shapes)
        return test

    return mark


NAME_MESSAGE = "needs a schema:name as plain text or tagged de or en, at most one per language"
LINK_OR_UNVERIFIED = (
    "an entity is either linked to Wikidata (schema:sameAs) or says nkg:wikidataUnverified true"
)
BILINGUAL = "an entity linked to Wikidata needs a schema:name in German and one in English"
HTTPS_SCHEMA = "uses the https://schema.org/ namespace; newskg uses http://schema.org/ only"
SAME_AS = "schema:sameAs must be a Wikidata entity IRI such as http://www.wikidata.org/entity/Q7747"
OWL_SAME_AS = "owl:sameAs must be a Wikidata entity IRI such as http://www.wikidata.org/entity/Q7747"
ROLE_HOLDER = "a role is held by exactly one person (?person schema:memberOf ?role)"
SPEAKER = "a quotation has exactly one speaker (schema:creator)"
SPEAKER_KIND = "the speaker must be a schema:Person or schema:Organization"
PARTIAL_DATE = (
    "a date is typed at the precision the text gives: xsd:date, xsd:dateTime, xsd:gYearMonth or xsd:gYear"
)
NO_EVIDENCE = "no evidence: the fact is not the oa:hasBody of any oa:Annotation"
MISQUOTED = "the evidence quote is not the article text at its offsets"
SPAN_ORDER = "a span ends after it starts (oa:start < oa:end)"
MODIFIED_EARLY = "dateModified is before datePublished"
ENDS_EARLY = "the event ends before it starts"
PLANNED_EARLY = "a planned event starts before the article that reports it was published"
HAPPENED_LATE = "an event that happened starts after the article that reports it was published"
WINDOW_BACKWARDS = "the time window ends before it starts"
ONE_CONFIDENCE = "a machine fact has exactly one nkg:confidence"
CONFIDENCE = "nkg:confidence is an xsd:decimal in [0, 1]"
ONLY_MACHINE = "only a machine fact (nkg:assertedBy nkg:Extractor) has a confidence"
MADE_BY = "a machine fact says how it was made: prov:wasGeneratedBy an extraction (prov:Activity)"
MACHINE_ID = "a machine fact has its stable id (nkg:machineFact), such as quote-7002-7174"
REVIEWED = "a machine fact an editor confirmed or corrected is asserted by nkg:Editor"
ASSERTED = "a fact is asserted by one of nkg:Editor, nkg:Extractor, nkg:Reader"
TARGETED = "a machine fact's annotation targets a span of the article"
AUTHOR_KIND = "an author is a schema:Person or a schema:Organization"
UNCREDITED = "the image has no credit (schema:creditText): its publisher gave none"
MARKUP_ARTICLE = "a publisher's markup describes exactly one article"
MARKUP_PUBLISHER = "a publisher's markup is attributed to one publisher (a schema:Organization)"
MARKUP_ATTRIBUTION = "a publisher's markup is attributed to the publisher of the article it describes"
UNPUBLISHED = "the article has no publisher (schema:publisher): its page or text names none and has no URL"


# --- The graphs that conform ---


@pytest.fixture(scope="module")
def seed_quads(built_store: Store) -> list[Quad]:
    return list(built_store.quads())


def test_the_built_seed_graph_conforms(seed_quads: list[Quad]) -> None:
    assert violations(seed_quads) == []


def test_the_minimal_graph_the_other_tests_break_conforms() -> None:
    assert violations(BASE) == []


def test_the_minimal_graph_gives_every_targeted_shape_a_focus_node() -> None:
    """Otherwise a breaking test could pass for the wrong reason; checked with the shapes' own targets."""
    shapes, data = shapes_graph(), rdflib.Graph()
    data.parse(data=VALID, format="turtle")
    for shape in set(shapes.subjects(rdflib.RDF.type, SH.NodeShape)):
        foci = set()
        for cls in shapes.objects(shape, SH.targetClass):
            foci |= set(data.subjects(rdflib.RDF.type, cls))
        for p in shapes.objects(shape, SH.targetSubjectsOf):
            foci |= set(data.subjects(p, None))
        for p in shapes.objects(shape, SH.targetObjectsOf):
            foci |= set(data.objects(None, p))
        targeted = any(
            (shape, t, None) in shapes for t in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf)
        )
        assert foci or not targeted, f"no focus node for {shape}"


@breaks("ImageCreditShape")
def test_an_image_without_a_credit_is_a_warning_and_the_graph_conforms() -> None:
    """A third-party page may leave its images uncredited: the report says so, the article is stored."""
    report = validate(broken(remove='ex:image schema:creditText "Peter Photograph/Reuters" .'))
    assert report.conforms
    (result,) = report.results
    assert (result.focus, result.path, result.severity) == (ex("image"), schema("creditText"), "Warning")
    assert result.message == UNCREDITED


@breaks("ArticlePublisherShape")
def test_an_article_without_a_publisher_is_a_warning_and_the_graph_conforms() -> None:
    """A saved page or a text that names no publisher and has no URL: the report says so, the article is
    stored, and its markup is attributed to no one (as kg.mapping leaves it)."""
    report = validate(
        broken(remove="ex:article schema:publisher ex:dw . ex:markup prov:wasAttributedTo ex:dw .")
    )
    assert report.conforms
    (result,) = report.results
    assert (result.focus, result.path, result.severity) == (ex("article"), schema("publisher"), "Warning")
    assert result.message == UNPUBLISHED


def test_an_organization_as_author_conforms() -> None:
    """Many publishers name the agency or the outlet as the author."""
    assert (
        violations(
            broken(remove="ex:article schema:author ex:reporter .", add="ex:article schema:author ex:dw .")
        )
        == []
    )


# --- Corrupting the built seed graph ---


def _first(quads: Iterable[Quad], predicate: str) -> Quad:
    return min((q for q in quads if q.predicate.value == predicate), key=str)


def _replace(quads: list[Quad], old: Quad, new_object: Literal) -> list[Quad]:
    assert old in quads
    return [q if q != old else Quad(old.subject, old.predicate, new_object, old.graph_name) for q in quads]


def _target_of(quads: list[Quad], selector: object) -> str:
    return next(
        q.subject.value for q in quads if q.predicate.value == oa("hasSelector") and q.object == selector
    )


@breaks("EvidenceMatchesTextShape")
def test_a_changed_quote_in_the_seed_is_reported_on_its_target(seed_quads: list[Quad]) -> None:
    exact = _first(seed_quads, oa("exact"))
    article = _first(seed_quads, schema("articleBody")).subject.value
    changed = _replace(seed_quads, exact, Literal(exact.object.value + "x"))
    assert_reports(
        changed,
        Expect(
            "EvidenceMatchesTextShape",
            article,
            "SPARQL",
            value=_target_of(seed_quads, exact.subject),
            message=MISQUOTED,
        ),
    )


@breaks("EvidenceMatchesTextShape")
def test_a_shifted_start_offset_in_the_seed_is_reported_on_its_target(seed_quads: list[Quad]) -> None:
    ends = {q.subject: int(q.object.value) for q in seed_quads if q.predicate.value == oa("end")}
    start = min(
        (
            q
            for q in seed_quads
            if q.predicate.value == oa("start") and ends[q.subject] - int(q.object.value) >= 2
        ),
        key=str,
    )
    article = _first(seed_quads, schema("articleBody")).subject.value
    one_later = Literal(str(int(start.object.value) + 1), datatype=NamedNode(XSD + "integer"))
    assert_reports(
        _replace(seed_quads, start, one_later),
        Expect(
            "EvidenceMatchesTextShape",
            article,
            "SPARQL",
            value=_target_of(seed_quads, start.subject),
            message=MISQUOTED,
        ),
    )


# --- SPARQL constraints: dates ---


@breaks("NewsArticleShape")
def test_date_modified_may_not_precede_date_published() -> None:
    graph = broken(
        remove='ex:article schema:dateModified "2025-10-17"^^xsd:date .',
        add='ex:article schema:dateModified "2025-10-16"^^xsd:date .',
    )
    assert_reports(
        graph, Expect("NewsArticleShape", ex("article"), "SPARQL", value="2025-10-16", message=MODIFIED_EARLY)
    )


def test_date_modified_earlier_on_the_publication_day_conforms() -> None:
    """Dates are compared by day: datePublished is often a bare date."""
    graph = broken(
        remove='ex:article schema:dateModified "2025-10-17"^^xsd:date .',
        add='ex:article schema:dateModified "2025-10-17T00:30:00+02:00"^^xsd:dateTime .',
    )
    assert violations(graph) == []


def _summit_dates(start: str, end: str) -> list[Quad]:
    return broken(
        remove='ex:summit schema:startDate "2025-10-30"^^xsd:date ; schema:endDate "2025-10-31"^^xsd:date .',
        add=f"ex:summit schema:startDate {start} ; schema:endDate {end} .",
    )


@breaks("EventShape")
@pytest.mark.parametrize(
    ("start", "end"),
    [
        ('"2025-10-30"^^xsd:date', '"2025-10-29"^^xsd:date'),
        ('"2025-10-30"^^xsd:date', '"2025-09"^^xsd:gYearMonth'),
        ('"2025-11"^^xsd:gYearMonth', '"2025-10-31"^^xsd:date'),
    ],
    ids=["a day before", "a month before a day", "a day before a month"],
)
def test_an_event_may_not_end_before_it_starts(start: str, end: str) -> None:
    assert_reports(
        _summit_dates(start, end),
        Expect("EventShape", ex("summit"), "SPARQL", value=end.split('"')[1], message=ENDS_EARLY),
    )


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ('"2025-10-30"^^xsd:date', '"2025-10-30"^^xsd:date'),
        ('"2025-10-30"^^xsd:date', '"2025-10"^^xsd:gYearMonth'),
    ],
    ids=["on the day it starts", "in the month it starts"],
)
def test_an_event_may_end_when_it_starts_at_the_coarser_precision(start: str, end: str) -> None:
    assert violations(_summit_dates(start, end)) == []


def _summit_start(start: str, status: str = "Planned") -> list[Quad]:
    return broken(
        remove='ex:summit nkg:status nkg:Planned ; schema:startDate "2025-10-30"^^xsd:date .',
        add=f"ex:summit nkg:status nkg:{status} ; schema:startDate {start} .",
    )


@breaks("EventShape")
@pytest.mark.parametrize(
    "start",
    ['"2025-10-16"^^xsd:date', '"2025-10-16T23:00:00+02:00"^^xsd:dateTime', '"2024"^^xsd:gYear'],
    ids=["the day before", "the evening before", "the year before"],
)
def test_planned_event_may_not_start_before_publication(start: str) -> None:
    assert_reports(
        _summit_start(start),
        Expect("EventShape", ex("summit"), "SPARQL", value=start.split('"')[1], message=PLANNED_EARLY),
    )


@breaks("EventShape")
def test_planned_event_an_article_only_mentions_may_not_start_before_its_publication() -> None:
    graph = broken(
        remove='ex:article schema:about ex:summit . ex:summit schema:startDate "2025-10-30"^^xsd:date .',
        add='ex:article schema:mentions ex:summit . ex:summit schema:startDate "2025-10-16"^^xsd:date .',
    )
    assert_reports(
        graph, Expect("EventShape", ex("summit"), "SPARQL", value="2025-10-16", message=PLANNED_EARLY)
    )


@pytest.mark.parametrize("start", ['"2025-10-17"^^xsd:date', '"2025-10"^^xsd:gYearMonth'], ids=str)
def test_planned_event_may_start_on_the_publication_day_or_in_its_month(start: str) -> None:
    assert violations(_summit_start(start)) == []


@breaks("EventShape")
def test_happened_event_may_not_start_after_publication() -> None:
    """The summit starts on 2025-10-30, after the article of 2025-10-17: it cannot have happened."""
    graph = broken(remove="ex:summit nkg:status nkg:Planned .", add="ex:summit nkg:status nkg:Happened .")
    assert_reports(
        graph, Expect("EventShape", ex("summit"), "SPARQL", value="2025-10-30", message=HAPPENED_LATE)
    )


@breaks("EventShape")
@pytest.mark.parametrize(
    "start", ['"2025-10-18"^^xsd:date', '"2026"^^xsd:gYear'], ids=["the day after", "the year after"]
)
def test_happened_event_may_not_start_after_publication_at_any_precision(start: str) -> None:
    graph = broken(
        remove='ex:summit nkg:status nkg:Planned ; schema:startDate "2025-10-30"^^xsd:date ; '
        'schema:endDate "2025-10-31"^^xsd:date .',
        add=f"ex:summit nkg:status nkg:Happened ; schema:startDate {start} .",
    )
    assert_reports(
        graph,
        Expect("EventShape", ex("summit"), "SPARQL", value=start.split('"')[1], message=HAPPENED_LATE),
    )


@pytest.mark.parametrize("start", ['"2025-10-17"^^xsd:date', '"2025-10"^^xsd:gYearMonth'], ids=str)
def test_happened_event_may_start_on_the_publication_day_or_in_its_month(start: str) -> None:
    assert violations(_summit_start(start, "Happened")) == []


@breaks("ScheduleShape")
def test_schedule_window_may_not_end_before_it_starts() -> None:
    graph = broken(
        remove='ex:schedule schema:endDate "2025-10-31"^^xsd:date .',
        add='ex:schedule schema:endDate "2025-10-16"^^xsd:date .',
    )
    assert_reports(
        graph,
        Expect("ScheduleShape", ex("schedule"), "SPARQL", value="2025-10-16", message=WINDOW_BACKWARDS),
    )


def test_schedule_window_of_one_day_conforms() -> None:
    graph = broken(
        remove='ex:schedule schema:endDate "2025-10-31"^^xsd:date .',
        add='ex:schedule schema:endDate "2025-10-17"^^xsd:date .',
    )
    assert violations(graph) == []


# --- SPARQL constraints: the evidence is the article's text ---


def _span(start: int, end: int, exact: str) -> list[Quad]:
    return broken(
        remove='ex:position oa:start 13 ; oa:end 18 . ex:quote-selector oa:exact "Putin" .',
        add=f'ex:position oa:start {start} ; oa:end {end} . ex:quote-selector oa:exact "{exact}" .',
    )


@breaks("EvidenceMatchesTextShape")
@pytest.mark.parametrize(
    ("start", "end", "exact"),
    [(13, 18, "Putln"), (13, 17, "Putin"), (12, 18, "Putin"), (14, 19, "Putin")],
    ids=["another word", "end one short", "start one early", "UTF-8 byte offsets"],
)
def test_evidence_quote_must_be_the_article_text_at_its_offsets(start: int, end: int, exact: str) -> None:
    assert_reports(
        _span(start, end, exact),
        Expect("EvidenceMatchesTextShape", ex("article"), "SPARQL", value=ex("target"), message=MISQUOTED),
    )


@breaks("EvidenceMatchesTextShape")
def test_evidence_offsets_may_not_run_past_the_end_of_the_body() -> None:
    """The body ends with "Budapest." at 22..31: a span to 32 quotes the same text but lies outside it."""
    assert BODY[22:] == BODY[22:32] == "Budapest."
    assert_reports(
        _span(22, 32, "Budapest."),
        Expect("EvidenceMatchesTextShape", ex("article"), "SPARQL", value=ex("target"), message=MISQUOTED),
    )


@pytest.mark.parametrize(("start", "end"), [(0, 5), (22, 31)], ids=["first word", "up to the last character"])
def test_evidence_offsets_in_code_points_conform(start: int, end: int) -> None:
    assert violations(_span(start, end, BODY[start:end])) == []


@breaks("TextPositionSelectorShape", "EvidenceMatchesTextShape")
@pytest.mark.parametrize(("start", "end"), [(13, 13), (18, 13)], ids=["empty", "backwards"])
def test_span_must_end_after_it_starts(start: int, end: int) -> None:
    """Such a span cannot hold the quote either, so the text check fails with it."""
    assert_reports(
        _span(start, end, "Putin"),
        Expect("TextPositionSelectorShape", ex("position"), "LessThan", oa("start"), str(start), SPAN_ORDER),
        Expect("EvidenceMatchesTextShape", ex("article"), "SPARQL", value=ex("target"), message=MISQUOTED),
    )


# --- SPARQL constraints: one schema.org namespace ---


@breaks("SchemaNamespaceShape")
@pytest.mark.parametrize(
    ("triple", "subject"),
    [
        ('ex:putin <https://schema.org/name> "Putin" .', "putin"),
        ("ex:putin a <https://schema.org/Person> .", "putin"),
        ("ex:summit schema:about <https://schema.org/Event> .", "summit"),
    ],
    ids=["as a predicate", "as a type", "as an object"],
)
def test_the_https_schema_org_namespace_is_reported(triple: str, subject: str) -> None:
    assert_reports(
        broken(add=triple),
        Expect("SchemaNamespaceShape", ex(subject), "In", value=ex(subject), message=HTTPS_SCHEMA),
    )


# --- Entities and their Wikidata links ---


@breaks("BilingualNameShape")
@pytest.mark.parametrize(
    ("remove", "add", "missing"),
    [
        ('ex:putin schema:name "Wladimir Putin"@de .', "", "de"),
        ('ex:putin schema:name "Vladimir Putin"@en .', "", "en"),
        ('ex:putin schema:name "Vladimir Putin"@en .', 'ex:putin schema:name "Vladimir Putin" .', "en"),
    ],
    ids=["no German name", "no English name", "an untagged name is not English"],
)
def test_entity_linked_to_wikidata_needs_a_german_and_an_english_name(
    remove: str, add: str, missing: str
) -> None:
    assert_reports(
        broken(remove, add),
        Expect("BilingualNameShape", ex("putin"), "SPARQL", value=missing, message=BILINGUAL),
    )


@breaks("BilingualNameShape")
def test_event_linked_to_wikidata_needs_a_german_and_an_english_name_too() -> None:
    graph = broken(
        remove='ex:summit schema:name "Budapest summit"@en .', add="ex:summit schema:sameAs wd:Q130000000 ."
    )
    assert_reports(graph, Expect("BilingualNameShape", ex("summit"), "SPARQL", value="en", message=BILINGUAL))


def test_regional_language_tags_count_as_german_and_english() -> None:
    graph = broken(
        remove='ex:putin schema:name "Wladimir Putin"@de, "Vladimir Putin"@en .',
        add='ex:putin schema:name "Wladimir Putin"@de-AT, "Vladimir Putin"@en-GB .',
    )
    assert violations(graph) == []


@breaks("WikidataLinkShape")
@pytest.mark.parametrize(
    "link",
    [
        "https://www.wikidata.org/wiki/Q7747",
        "https://www.wikidata.org/entity/Q7747",
        "http://www.wikidata.org/entity/P31",
        "http://www.wikidata.org/entity/Q07747",
        "http://dbpedia.org/resource/Vladimir_Putin",
    ],
    ids=["wiki page", "https", "a property", "leading zero", "not Wikidata"],
)
def test_wikidata_link_must_be_an_entity_iri(link: str) -> None:
    graph = broken(remove="ex:putin schema:sameAs wd:Q7747 .", add=f"ex:putin schema:sameAs <{link}> .")
    assert_reports(
        graph,
        Expect("WikidataLinkShape", ex("putin"), "Pattern", schema("sameAs"), value=link, message=SAME_AS),
    )


@breaks("WikidataLinkShape")
def test_owl_same_as_must_be_a_wikidata_entity_iri_too() -> None:
    link = "https://www.wikidata.org/wiki/Q7747"
    graph = broken(remove="ex:putin owl:sameAs wd:Q7747 .", add=f"ex:putin owl:sameAs <{link}> .")
    assert_reports(
        graph,
        Expect("WikidataLinkShape", ex("putin"), "Pattern", OWL + "sameAs", value=link, message=OWL_SAME_AS),
    )


@breaks("WikidataLinkShape")
def test_wikidata_link_must_be_an_iri_not_an_id() -> None:
    graph = broken(remove="ex:putin schema:sameAs wd:Q7747 .", add='ex:putin schema:sameAs "Q7747" .')
    assert_reports(
        graph,
        Expect(
            "WikidataLinkShape", ex("putin"), "NodeKind", schema("sameAs"), value="Q7747", message=SAME_AS
        ),
        Expect("WikidataLinkShape", ex("putin"), "Pattern", schema("sameAs"), value="Q7747", message=SAME_AS),
    )


@breaks("NamedEntityShape")
@pytest.mark.parametrize(
    ("remove", "add", "entity"),
    [
        ("ex:putin schema:sameAs wd:Q7747 .", "", "putin"),
        (
            "ex:reporter nkg:wikidataUnverified true .",
            "ex:reporter nkg:wikidataUnverified false .",
            "reporter",
        ),
        ("", "ex:putin nkg:wikidataUnverified true .", "putin"),
    ],
    ids=["neither", "neither, marked false", "both"],
)
def test_entity_is_either_linked_to_wikidata_or_marked_unverified(remove: str, add: str, entity: str) -> None:
    assert_reports(
        broken(remove, add),
        Expect("NamedEntityShape", ex(entity), "Xone", value=ex(entity), message=LINK_OR_UNVERIFIED),
    )


def test_entity_linked_to_wikidata_may_say_it_is_not_unverified() -> None:
    assert violations(broken(add="ex:putin nkg:wikidataUnverified false .")) == []


# --- Who said what, and roles ---


@breaks("RoleShape")
@pytest.mark.parametrize(
    ("remove", "add", "component"),
    [
        ("ex:orban schema:memberOf ex:role .", "", "MinCount"),
        ("", "ex:putin schema:memberOf ex:role .", "MaxCount"),
        ("ex:orban schema:memberOf ex:role .", "ex:dw schema:memberOf ex:role .", "Class"),
    ],
    ids=["by nobody", "by two persons", "by an organization"],
)
def test_role_is_held_by_exactly_one_person(remove: str, add: str, component: str) -> None:
    assert_reports(
        broken(remove, add),
        Expect("RoleShape", ex("role"), component, "^" + schema("memberOf"), message=ROLE_HOLDER),
    )


@breaks("QuotationShape")
@pytest.mark.parametrize(
    ("remove", "add", "component"),
    [
        ("ex:quote schema:creator ex:orban .", "", "MinCount"),
        ("", "ex:quote schema:creator ex:putin .", "MaxCount"),
    ],
    ids=["no speaker", "two speakers"],
)
def test_quotation_has_exactly_one_speaker(remove: str, add: str, component: str) -> None:
    assert_reports(
        broken(remove, add),
        Expect("QuotationShape", ex("quote"), component, schema("creator"), message=SPEAKER),
    )


@breaks("QuotationShape", "SpeakerShape")
def test_quotation_speaker_is_a_person_or_an_organization() -> None:
    graph = broken(remove="ex:quote schema:creator ex:orban .", add="ex:quote schema:creator ex:budapest .")
    assert_reports(
        graph,
        Expect(
            "QuotationShape",
            ex("quote"),
            "Node",
            schema("creator"),
            value=ex("budapest"),
            message=SPEAKER_KIND,
            via="SpeakerShape",
        ),
    )


# --- Evidence ---


@breaks("Evidenced", "ReportedEventShape", "QuotationShape", "ClaimShape", "RoleShape")
@pytest.mark.parametrize(
    ("fact", "shape"),
    [
        ("summit", "ReportedEventShape"),
        ("quote", "QuotationShape"),
        ("claim", "ClaimShape"),
        ("role", "RoleShape"),
    ],
)
def test_every_fact_is_the_body_of_an_annotation(fact: str, shape: str) -> None:
    graph = broken(
        remove=f"ex:evidence-{fact} oa:hasBody ex:{fact} .", add=f"ex:evidence-{fact} oa:hasBody ex:article ."
    )
    assert_reports(
        graph,
        Expect(shape, ex(fact), "Node", value=ex(fact), message=NO_EVIDENCE, via="Evidenced"),
    )


@breaks("Evidenced", "QuotationShape")
def test_evidence_comes_from_an_oa_annotation() -> None:
    graph = broken(remove="ex:evidence-quote a oa:Annotation .")
    assert_reports(
        graph,
        Expect(
            "QuotationShape", ex("quote"), "Node", value=ex("quote"), message=NO_EVIDENCE, via="Evidenced"
        ),
    )


@breaks("TextTargetShape")
@pytest.mark.parametrize(
    ("remove", "add", "component", "kind"),
    [
        (
            "",
            "ex:target oa:hasSelector ex:position-2 . "
            "ex:position-2 a oa:TextPositionSelector ; oa:start 13 ; oa:end 18 .",
            "QualifiedMaxCount",
            "TextPositionSelector",
        ),
        (
            "",
            'ex:target oa:hasSelector ex:quote-2 . ex:quote-2 a oa:TextQuoteSelector ; oa:exact "Putin" .',
            "QualifiedMaxCount",
            "TextQuoteSelector",
        ),
        ("ex:target oa:hasSelector ex:position .", "", "QualifiedMinCount", "TextPositionSelector"),
        ("ex:target oa:hasSelector ex:quote-selector .", "", "QualifiedMinCount", "TextQuoteSelector"),
    ],
    ids=["two position selectors", "two quote selectors", "no position selector", "no quote selector"],
)
def test_annotation_target_has_one_position_and_one_quote_selector(
    remove: str, add: str, component: str, kind: str
) -> None:
    found = violations(broken(remove, add))
    assert [(v.shape, v.component, v.result.focus, v.result.path) for v in found] == [
        ("TextTargetShape", component + "ConstraintComponent", ex("target"), oa("hasSelector"))
    ]
    assert found[0].result.shape == "(property shape)"
    assert f"oa:{kind} ]" in found[0].result.message


# --- Every other constraint of every shape, one broken at a time ---


@dataclass(frozen=True)
class Break:
    spec: str
    remove: str
    add: str
    expected: tuple[Expect, ...]


def case(spec: str, remove: str, add: str, *expected: Expect) -> Break:
    return Break(spec, remove, add, expected)


def date(text: str) -> str:
    return f'"{text}"^^<{XSD}date>'


BREAKS = [
    # agents.ttl
    case(
        "an entity has a name",
        'ex:reporter schema:name "Anna Reporter" .',
        "",
        Expect("NamedEntityShape", ex("reporter"), "MinCount", schema("name"), message=NAME_MESSAGE),
    ),
    case(
        "an entity's name is plain or tagged de or en",
        "",
        'ex:reporter schema:name "Anna Reporter"@fr .',
        Expect("NamedEntityShape", ex("reporter"), "Or", schema("name"), message=NAME_MESSAGE),
    ),
    case(
        "an entity has at most one name per language",
        "",
        'ex:putin schema:name "Putin"@de .',
        Expect("NamedEntityShape", ex("putin"), "UniqueLang", schema("name"), message=NAME_MESSAGE),
    ),
    case(
        "a surface form is language-tagged",
        "",
        'ex:orban nkg:surfaceForm "Orbans" .',
        Expect("NamedEntityShape", ex("orban"), "Datatype", nkg("surfaceForm")),
    ),
    case(
        "an entity says nkg:wikidataUnverified at most once",
        "",
        "ex:reporter nkg:wikidataUnverified false .",
        Expect("NamedEntityShape", ex("reporter"), "MaxCount", nkg("wikidataUnverified")),
    ),
    case(
        "a website is a named entity",
        'ex:x schema:name "X" .',
        "",
        Expect("NamedEntityShape", ex("x"), "MinCount", schema("name"), message=NAME_MESSAGE),
    ),
    case(
        "a place lies in at most one place",
        "",
        'ex:budapest schema:containedInPlace ex:europe . ex:europe a schema:Place ; schema:name "Europa" ; '
        "nkg:wikidataUnverified true .",
        Expect("PlaceShape", ex("budapest"), "MaxCount", schema("containedInPlace")),
    ),
    case(
        "a place lies in a place",
        "ex:budapest schema:containedInPlace ex:hungary .",
        "ex:budapest schema:containedInPlace ex:orban .",
        Expect("PlaceShape", ex("budapest"), "Class", schema("containedInPlace"), ex("orban")),
    ),
    case(
        "a virtual location has a language-tagged name",
        'ex:online schema:name "virtueller Ort"@de .',
        'ex:online schema:name "virtueller Ort" .',
        Expect("VirtualLocationShape", ex("online"), "Datatype", schema("name")),
    ),
    # article.ttl
    case(
        "an article has a headline",
        'ex:article schema:headline "Orbán trifft Putin"@de .',
        "",
        Expect("NewsArticleShape", ex("article"), "MinCount", schema("headline")),
    ),
    case(
        "a headline is not empty",
        'ex:article schema:headline "Orbán trifft Putin"@de .',
        'ex:article schema:headline ""@de .',
        Expect("NewsArticleShape", ex("article"), "MinLength", schema("headline")),
    ),
    case(
        "an article body is language-tagged",
        f'ex:article schema:articleBody "{BODY}"@de .',
        f'ex:article schema:articleBody "{BODY}" .',
        Expect("NewsArticleShape", ex("article"), "Datatype", schema("articleBody")),
    ),
    case(
        "inLanguage is a BCP 47 tag",
        'ex:article schema:inLanguage "de" .',
        'ex:article schema:inLanguage "German" .',
        Expect(
            "NewsArticleShape",
            ex("article"),
            "Pattern",
            schema("inLanguage"),
            "German",
            "inLanguage must be a BCP 47 tag such as de",
        ),
    ),
    case(
        "an article has a publication date",
        f"ex:article schema:datePublished {date('2025-10-17')} .",
        "",
        Expect("NewsArticleShape", ex("article"), "MinCount", schema("datePublished")),
    ),
    case(
        "datePublished is an xsd:date or xsd:dateTime",
        f"ex:article schema:datePublished {date('2025-10-17')} .",
        'ex:article schema:datePublished "17.10.2025" .',
        Expect("NewsArticleShape", ex("article"), "Or", schema("datePublished"), "17.10.2025"),
    ),
    case(
        "the editorial deadline is an xsd:dateTime",
        'ex:article nkg:editorialDeadline "2025-10-17T18:00:00+02:00"^^xsd:dateTime .',
        f"ex:article nkg:editorialDeadline {date('2025-10-17')} .",
        Expect("NewsArticleShape", ex("article"), "Datatype", nkg("editorialDeadline")),
    ),
    case(
        "a word count is not negative",
        "ex:article schema:wordCount 5 .",
        "ex:article schema:wordCount -1 .",
        Expect("NewsArticleShape", ex("article"), "MinInclusive", schema("wordCount"), "-1"),
    ),
    case(
        "the publisher is an organization",
        "ex:article schema:publisher ex:dw .",
        "ex:article schema:publisher ex:reporter .",
        Expect("NewsArticleShape", ex("article"), "Class", schema("publisher"), ex("reporter")),
        # the markup is the page's, attributed to its publisher, not to the reporter
        Expect(
            "PublisherMarkupShape", ex("markup"), "SPARQL", value=ex("reporter"), message=MARKUP_ATTRIBUTION
        ),
    ),
    case(
        "an article has one publisher, not two",
        "",
        "ex:article schema:publisher ex:agency .",
        Expect("NewsArticleShape", ex("article"), "MaxCount", schema("publisher")),
        Expect(
            "PublisherMarkupShape", ex("markup"), "SPARQL", value=ex("agency"), message=MARKUP_ATTRIBUTION
        ),
    ),
    case(
        "an author is a person or an organization",
        "ex:article schema:author ex:reporter .",
        "ex:article schema:author ex:budapest .",
        Expect("NewsArticleShape", ex("article"), "Or", schema("author"), ex("budapest"), AUTHOR_KIND),
    ),
    case(
        "the crawl date is an xsd:dateTime",
        'ex:article nkg:crawlDate "2025-10-18T08:00:00+02:00"^^xsd:dateTime .',
        f"ex:article nkg:crawlDate {date('2025-10-18')} .",
        Expect("NewsArticleShape", ex("article"), "Datatype", nkg("crawlDate")),
    ),
    case(
        "an article's image is an ImageObject",
        "",
        "ex:article schema:image ex:video .",
        Expect("NewsArticleShape", ex("article"), "Class", schema("image"), ex("video")),
    ),
    case(
        "an article's url is an IRI",
        "ex:article schema:url <https://www.dw.com/de/a-1> .",
        'ex:article schema:url "https://www.dw.com/de/a-1" .',
        Expect("NewsArticleShape", ex("article"), "NodeKind", schema("url")),
    ),
    case(
        "an image's credit is not empty",
        'ex:image schema:creditText "Peter Photograph/Reuters" .',
        'ex:image schema:creditText "" .',
        Expect("ImageObjectShape", ex("image"), "MinLength", schema("creditText"), ""),
    ),
    case(
        "an image has one credit",
        "",
        'ex:image schema:creditText "Reuters" .',
        Expect("ImageObjectShape", ex("image"), "MaxCount", schema("creditText")),
    ),
    # the publisher's markup
    case(
        "a publisher's markup describes one article",
        "ex:markup nkg:describes ex:article .",
        "",
        Expect("PublisherMarkupShape", ex("markup"), "MinCount", nkg("describes"), message=MARKUP_ARTICLE),
    ),
    case(
        "a publisher's markup describes an article",
        "ex:markup nkg:describes ex:article .",
        "ex:markup nkg:describes ex:video .",
        Expect("PublisherMarkupShape", ex("markup"), "Class", nkg("describes"), ex("video"), MARKUP_ARTICLE),
    ),
    case(
        "a publisher's markup is attributed to an organization",
        "ex:markup prov:wasAttributedTo ex:dw .",
        "ex:markup prov:wasAttributedTo ex:reporter .",
        Expect(
            "PublisherMarkupShape",
            ex("markup"),
            "Class",
            prov("wasAttributedTo"),
            ex("reporter"),
            MARKUP_PUBLISHER,
        ),
        Expect("PublisherMarkupShape", ex("markup"), "SPARQL", value=ex("dw"), message=MARKUP_ATTRIBUTION),
    ),
    case(
        "a publisher's markup is attributed to the publisher of its article",
        "ex:markup prov:wasAttributedTo ex:dw .",
        "",
        Expect("PublisherMarkupShape", ex("markup"), "SPARQL", value=ex("dw"), message=MARKUP_ATTRIBUTION),
    ),
    case(
        "a publisher's markup is attributed to one publisher",
        "",
        "ex:markup prov:wasAttributedTo ex:agency .",
        Expect(
            "PublisherMarkupShape",
            ex("markup"),
            "MaxCount",
            prov("wasAttributedTo"),
            message=MARKUP_PUBLISHER,
        ),
    ),
    case(
        "a publisher's markup names its syntax",
        'ex:markup nkg:markupSyntax "json-ld" .',
        'ex:markup nkg:markupSyntax "yaml" .',
        Expect("PublisherMarkupShape", ex("markup"), "In", nkg("markupSyntax"), "yaml"),
    ),
    case(
        "what a publisher's markup is about is a node",
        "ex:markup schema:about ex:budapest .",
        'ex:markup schema:about "Budapest" .',
        Expect("PublisherMarkupShape", ex("markup"), "NodeKind", schema("about"), "Budapest"),
    ),
    case(
        "a publisher's keyword is in the article's language",
        'ex:markup schema:keywords "Gipfel"@de .',
        'ex:markup schema:keywords "Gipfel" .',
        Expect("PublisherMarkupShape", ex("markup"), "Datatype", schema("keywords"), "Gipfel"),
    ),
    case(
        "an image's creator is a person",
        "ex:image schema:creator ex:photographer .",
        "ex:image schema:creator ex:agency .",
        Expect("ImageObjectShape", ex("image"), "Class", schema("creator"), ex("agency")),
    ),
    case(
        "an image's copyright holder is an organization or a person",
        "ex:image schema:copyrightHolder ex:agency .",
        "ex:image schema:copyrightHolder ex:budapest .",
        Expect("ImageObjectShape", ex("image"), "Or", schema("copyrightHolder"), ex("budapest")),
    ),
    case(
        "a video lasts days, hours, minutes and seconds, not years",
        'ex:video schema:duration "PT2M30S"^^xsd:duration .',
        'ex:video schema:duration "P1Y"^^xsd:duration .',
        Expect("VideoObjectShape", ex("video"), "Pattern", schema("duration"), "P1Y"),
    ),
    case(
        "sections are numbered from 1",
        "ex:section schema:position 1 .",
        "ex:section schema:position 0 .",
        Expect("SectionShape", ex("section"), "MinInclusive", schema("position"), "0"),
    ),
    case(
        "a section is part of an article",
        "ex:section schema:isPartOf ex:article .",
        "ex:section schema:isPartOf ex:video .",
        Expect("SectionShape", ex("section"), "Class", schema("isPartOf"), ex("video")),
    ),
    # events.ttl
    case(
        "an event is named in German or English",
        "",
        'ex:summit schema:name "Sommet de Budapest"@fr .',
        Expect("EventShape", ex("summit"), "LanguageIn", schema("name")),
    ),
    case(
        "an event has a name",
        'ex:summit schema:name "Gipfel in Budapest"@de, "Budapest summit"@en .',
        "",
        Expect("EventShape", ex("summit"), "MinCount", schema("name")),
        Expect("ReportedEventShape", ex("summit"), "MinCount", schema("name")),
    ),
    case(
        "an event's kind is one of the ontology's",
        "ex:summit schema:additionalType nkg:Summit .",
        "ex:summit schema:additionalType schema:Event .",
        Expect("EventShape", ex("summit"), "In", schema("additionalType"), schema("Event")),
    ),
    case(
        "an event's status is one of the ontology's",
        "ex:summit nkg:status nkg:Planned .",
        "ex:summit nkg:status nkg:Rumoured .",
        Expect("EventShape", ex("summit"), "In", nkg("status"), nkg("Rumoured")),
    ),
    case(
        "an event's start date is typed at its precision",
        f"ex:summit schema:startDate {date('2025-10-30')} .",
        'ex:summit schema:startDate "2025-10-30" .',
        Expect(
            "EventShape",
            ex("summit"),
            "Node",
            schema("startDate"),
            "2025-10-30",
            PARTIAL_DATE,
            via="PartialDate",
        ),
    ),
    case(
        "an event's latest date is typed at its precision",
        f"ex:summit nkg:latestDate {date('2025-10-31')} .",
        'ex:summit nkg:latestDate "Ende Oktober"@de .',
        Expect(
            "EventShape",
            ex("summit"),
            "Node",
            nkg("latestDate"),
            "Ende Oktober",
            PARTIAL_DATE,
            via="PartialDate",
        ),
    ),
    case(
        "an event has one start date",
        "",
        f"ex:summit schema:startDate {date('2025-10-29')} .",
        Expect("EventShape", ex("summit"), "MaxCount", schema("startDate")),
    ),
    case(
        "an attendee is a person, an organization or a country",
        "",
        "ex:summit schema:attendee ex:budapest .",
        Expect("EventShape", ex("summit"), "Or", schema("attendee"), ex("budapest")),
    ),
    case(
        "an event takes place at a place or a virtual location",
        "ex:summit schema:location ex:budapest .",
        "ex:summit schema:location ex:putin .",
        Expect("EventShape", ex("summit"), "Or", schema("location"), ex("putin")),
    ),
    case(
        "a super-event is an event",
        "",
        "ex:summit schema:superEvent ex:article .",
        Expect("EventShape", ex("summit"), "Class", schema("superEvent"), ex("article")),
    ),
    case(
        "an event's schedule is a schema:Schedule",
        "ex:summit schema:eventSchedule ex:schedule .",
        "ex:summit schema:eventSchedule ex:online .",
        Expect("EventShape", ex("summit"), "Class", schema("eventSchedule"), ex("online")),
    ),
    case(
        "what has a status is an event",
        "ex:summit a schema:Event .",
        "",
        Expect("ReportedEventShape", ex("summit"), "Class", value=ex("summit")),
    ),
    case(
        "a reported event has a kind",
        "ex:summit schema:additionalType nkg:Summit .",
        "",
        Expect("ReportedEventShape", ex("summit"), "MinCount", schema("additionalType")),
    ),
    case(
        "a schedule window starts on a day",
        f"ex:schedule schema:startDate {date('2025-10-17')} .",
        'ex:schedule schema:startDate "2025-10"^^xsd:gYearMonth .',
        Expect("ScheduleShape", ex("schedule"), "Datatype", schema("startDate")),
    ),
    case(
        "a schedule window says in words what it is",
        'ex:schedule schema:description "in den nächsten zwei Wochen"@de .',
        "",
        Expect("ScheduleShape", ex("schedule"), "MinCount", schema("description")),
    ),
    # evidence.ttl
    case(
        "an annotation describes or identifies",
        "ex:evidence-putin oa:motivatedBy oa:identifying .",
        "ex:evidence-putin oa:motivatedBy oa:commenting .",
        Expect("AnnotationShape", ex("evidence-putin"), "In", oa("motivatedBy"), oa("commenting")),
    ),
    case(
        "an annotation's body is an IRI",
        "ex:evidence-putin oa:hasBody ex:putin .",
        'ex:evidence-putin oa:hasBody "Putin" .',
        Expect("AnnotationShape", ex("evidence-putin"), "NodeKind", oa("hasBody"), "Putin"),
    ),
    case(
        "an annotation has one body",
        "",
        "ex:evidence-putin oa:hasBody ex:orban .",
        Expect("AnnotationShape", ex("evidence-putin"), "MaxCount", oa("hasBody")),
    ),
    case(
        "an annotation's target is an oa:SpecificResource",
        "ex:evidence-putin oa:hasTarget ex:target .",
        "ex:evidence-putin oa:hasTarget ex:article .",
        Expect("AnnotationShape", ex("evidence-putin"), "Class", oa("hasTarget"), ex("article")),
    ),
    case(
        "a target's source is a news article",
        "ex:target oa:hasSource ex:article .",
        "ex:target oa:hasSource ex:video .",
        Expect("TextTargetShape", ex("target"), "Class", oa("hasSource"), ex("video")),
    ),
    case(
        "a position selector has an end",
        "ex:position oa:end 18 .",
        "",
        Expect("TextPositionSelectorShape", ex("position"), "MinCount", oa("end")),
    ),
    case(
        "a start offset is not negative",
        "ex:position oa:start 13 .",
        "ex:position oa:start -1 .",
        Expect("TextPositionSelectorShape", ex("position"), "MinInclusive", oa("start"), "-1"),
        Expect("EvidenceMatchesTextShape", ex("article"), "SPARQL", value=ex("target"), message=MISQUOTED),
    ),
    case(
        "a quote selector has the exact quote",
        'ex:quote-selector oa:exact "Putin" .',
        "",
        Expect("TextQuoteSelectorShape", ex("quote-selector"), "MinCount", oa("exact")),
    ),
    case(
        "an exact quote is a plain string",
        'ex:quote-selector oa:exact "Putin" .',
        'ex:quote-selector oa:exact "Putin"@de .',
        Expect("TextQuoteSelectorShape", ex("quote-selector"), "Datatype", oa("exact")),
    ),
    case(
        "an exact quote is not empty",
        'ex:quote-selector oa:exact "Putin" .',
        'ex:quote-selector oa:exact "" .',
        Expect("TextQuoteSelectorShape", ex("quote-selector"), "MinLength", oa("exact")),
        Expect("EvidenceMatchesTextShape", ex("article"), "SPARQL", value=ex("target"), message=MISQUOTED),
    ),
    # provenance.ttl
    case(
        "a graph is generated by an activity",
        "ex:graph prov:wasGeneratedBy ex:build .",
        "ex:graph prov:wasGeneratedBy ex:software .",
        Expect("BuiltGraphShape", ex("graph"), "Class", prov("wasGeneratedBy"), ex("software")),
    ),
    case(
        "a graph is derived from a news article",
        "ex:graph prov:wasDerivedFrom ex:article .",
        "ex:graph prov:wasDerivedFrom ex:video .",
        Expect("BuiltGraphShape", ex("graph"), "Class", prov("wasDerivedFrom"), ex("video")),
    ),
    case(
        "a build names its software",
        "ex:build prov:wasAssociatedWith ex:software .",
        "",
        Expect("BuildActivityShape", ex("build"), "MinCount", prov("wasAssociatedWith")),
    ),
    case(
        "a build uses prov:Entity files",
        "ex:source a prov:Entity .",
        "",
        Expect("BuildActivityShape", ex("build"), "Class", prov("used"), ex("source")),
    ),
    case(
        "a source file's hash is lower-case hex SHA-256",
        'ex:source nkg:sha256 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" .',
        'ex:source nkg:sha256 "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef" .',
        Expect("SourceFileShape", ex("source"), "Pattern", nkg("sha256")),
    ),
    case(
        "a source file has a hash",
        'ex:source nkg:sha256 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" .',
        "",
        Expect("SourceFileShape", ex("source"), "MinCount", nkg("sha256")),
    ),
    case(
        "the software states its version",
        'ex:software schema:softwareVersion "0.1.0" .',
        "",
        Expect("SoftwareAgentShape", ex("software"), "MinCount", schema("softwareVersion")),
    ),
    # statements.ttl
    case(
        "a quotation's text is not empty",
        'ex:quote schema:text "Wir treffen uns"@de .',
        'ex:quote schema:text ""@de .',
        Expect("QuotationShape", ex("quote"), "MinLength", schema("text")),
    ),
    case(
        "a quotation states its language",
        'ex:quote schema:inLanguage "de" .',
        "",
        Expect("QuotationShape", ex("quote"), "MinCount", schema("inLanguage")),
    ),
    case(
        "a quotation is part of a news article",
        "ex:quote schema:isPartOf ex:article .",
        "ex:quote schema:isPartOf ex:video .",
        Expect("QuotationShape", ex("quote"), "Class", schema("isPartOf"), ex("video")),
    ),
    case(
        "a quotation is based on a social media posting",
        "ex:quote schema:isBasedOn ex:posting .",
        "ex:quote schema:isBasedOn ex:claim .",
        Expect("QuotationShape", ex("quote"), "Class", schema("isBasedOn"), ex("claim")),
    ),
    case(
        "a quotation's date is typed at its precision",
        'ex:quote schema:dateCreated "2025-10"^^xsd:gYearMonth .',
        'ex:quote schema:dateCreated "gestern"@de .',
        Expect(
            "QuotationShape",
            ex("quote"),
            "Node",
            schema("dateCreated"),
            "gestern",
            PARTIAL_DATE,
            via="PartialDate",
        ),
    ),
    case(
        "a posting's author is a person or an organization",
        "ex:posting schema:author ex:orban .",
        "ex:posting schema:author ex:hungary .",
        Expect(
            "SocialMediaPostingShape",
            ex("posting"),
            "Node",
            schema("author"),
            ex("hungary"),
            SPEAKER_KIND,
            via="SpeakerShape",
        ),
    ),
    case(
        "a posting is part of a website",
        "ex:posting schema:isPartOf ex:x .",
        "ex:posting schema:isPartOf ex:dw .",
        Expect("SocialMediaPostingShape", ex("posting"), "Class", schema("isPartOf"), ex("dw")),
    ),
    case(
        "a claim has an author",
        "ex:claim schema:author ex:putin .",
        "",
        Expect("ClaimShape", ex("claim"), "MinCount", schema("author")),
    ),
    case(
        "a claim's author is a person or an organization",
        "ex:claim schema:author ex:putin .",
        "ex:claim schema:author ex:x .",
        Expect(
            "ClaimShape", ex("claim"), "Node", schema("author"), ex("x"), SPEAKER_KIND, via="SpeakerShape"
        ),
    ),
    case(
        "a claim appears in a news article",
        "ex:claim schema:appearance ex:article .",
        "ex:claim schema:appearance ex:posting .",
        Expect("ClaimShape", ex("claim"), "Class", schema("appearance"), ex("posting")),
    ),
    case(
        "a role is named in German or English",
        "",
        'ex:role schema:roleName "Premier ministre"@fr .',
        Expect("RoleShape", ex("role"), "LanguageIn", schema("roleName")),
    ),
    case(
        "a role is current or former",
        "ex:role nkg:roleStatus nkg:CurrentRole .",
        "ex:role nkg:roleStatus nkg:Happened .",
        Expect("RoleShape", ex("role"), "In", nkg("roleStatus"), nkg("Happened")),
    ),
    case(
        "a role's date is typed at its precision",
        f"ex:role nkg:asOf {date('2025-10-17')} .",
        'ex:role nkg:asOf "heute"@de .',
        Expect("RoleShape", ex("role"), "Node", nkg("asOf"), "heute", PARTIAL_DATE, via="PartialDate"),
    ),
    case(
        "a role's position is a Wikidata entity",
        "ex:role nkg:position wd:Q1369263 .",
        "ex:role nkg:position <https://www.wikidata.org/wiki/Q1369263> .",
        Expect("RoleShape", ex("role"), "Pattern", nkg("position"), "https://www.wikidata.org/wiki/Q1369263"),
    ),
    case(
        "a role is in an organization or a place",
        "ex:role schema:memberOf ex:hungary .",
        "ex:role schema:memberOf ex:putin .",
        Expect("RoleShape", ex("role"), "Or", schema("memberOf"), ex("putin")),
    ),
    # machine.ttl
    case(
        "a machine fact has a confidence",
        "ex:evidence-m nkg:confidence 0.85 .",
        "",
        Expect("MachineFactShape", ex("evidence-m"), "MinCount", nkg("confidence"), message=ONE_CONFIDENCE),
    ),
    case(
        "a machine fact has one confidence",
        "",
        "ex:mclaim nkg:confidence 0.5 .",
        Expect("MachineFactShape", ex("mclaim"), "MaxCount", nkg("confidence"), message=ONE_CONFIDENCE),
    ),
    case(
        "a confidence is at most 1",
        "ex:evidence-m nkg:confidence 0.85 .",
        "ex:evidence-m nkg:confidence 1.5 .",
        Expect("ConfidenceShape", ex("evidence-m"), "MaxInclusive", nkg("confidence"), "1.5", CONFIDENCE),
    ),
    case(
        "a confidence is at least 0",
        "ex:mclaim nkg:confidence 0.85 .",
        "ex:mclaim nkg:confidence -0.1 .",
        Expect("ConfidenceShape", ex("mclaim"), "MinInclusive", nkg("confidence"), "-0.1", CONFIDENCE),
    ),
    case(
        "a confidence is an xsd:decimal",
        "ex:mclaim nkg:confidence 0.85 .",
        'ex:mclaim nkg:confidence "0.85"^^xsd:double .',
        Expect("ConfidenceShape", ex("mclaim"), "Datatype", nkg("confidence"), message=CONFIDENCE),
    ),
    case(
        "only a machine fact has a confidence",
        "",
        "ex:evidence-r nkg:confidence 0.9 .",
        Expect("ConfidenceShape", ex("evidence-r"), "HasValue", nkg("assertedBy"), message=ONLY_MACHINE),
    ),
    case(
        "a machine fact says how it was made",
        "ex:mclaim prov:wasGeneratedBy ex:extraction .",
        "",
        Expect("MachineFactShape", ex("mclaim"), "MinCount", prov("wasGeneratedBy"), message=MADE_BY),
    ),
    case(
        "a machine fact was made by an activity",
        "ex:mclaim prov:wasGeneratedBy ex:extraction .",
        "ex:mclaim prov:wasGeneratedBy ex:software .",
        Expect("MachineFactShape", ex("mclaim"), "Class", prov("wasGeneratedBy"), ex("software"), MADE_BY),
        Expect("BuiltGraphShape", ex("mclaim"), "Class", prov("wasGeneratedBy"), ex("software")),
    ),
    case(
        "a machine fact has its stable id",
        'ex:evidence-m nkg:machineFact "quote-0-5" .',
        'ex:evidence-m nkg:machineFact "q0" .',
        Expect("MachineFactShape", ex("evidence-m"), "Pattern", nkg("machineFact"), "q0", MACHINE_ID),
    ),
    case(
        "a reviewed machine fact is the editor's",
        "ex:evidence-r nkg:assertedBy nkg:Editor .",
        "ex:evidence-r nkg:assertedBy nkg:Extractor .",
        Expect("ReviewedShape", ex("evidence-r"), "HasValue", nkg("assertedBy"), message=REVIEWED),
        Expect("MachineFactShape", ex("evidence-r"), "MinCount", nkg("confidence"), message=ONE_CONFIDENCE),
    ),
    case(
        "a review confirms or corrects",
        "ex:evidence-r nkg:review nkg:Confirmed .",
        "ex:evidence-r nkg:review nkg:Happened .",
        Expect("ReviewedShape", ex("evidence-r"), "In", nkg("review"), nkg("Happened")),
    ),
    case(
        "a fact is asserted by an editor, the extractor or a reader",
        "ex:evidence-r nkg:assertedBy nkg:Editor .",
        "ex:evidence-r nkg:assertedBy nkg:Somebody .",
        Expect("AssertedShape", ex("evidence-r"), "In", nkg("assertedBy"), nkg("Somebody"), ASSERTED),
        Expect("ReviewedShape", ex("evidence-r"), "HasValue", nkg("assertedBy"), message=REVIEWED),
    ),
    case(
        "a machine fact's annotation targets the words",
        "ex:evidence-m oa:hasTarget ex:mtarget .",
        "",
        Expect("MachineAnnotationShape", ex("evidence-m"), "MinCount", oa("hasTarget"), message=TARGETED),
        Expect("AnnotationShape", ex("evidence-m"), "MinCount", oa("hasTarget")),
    ),
    case(
        "a machine fact node has evidence",
        "ex:evidence-m oa:hasBody ex:mclaim .",
        "",
        Expect(
            "MachineFactNodeShape",
            ex("mclaim"),
            "Node",
            value=ex("mclaim"),
            message=NO_EVIDENCE,
            via="Evidenced",
        ),
        Expect("ClaimShape", ex("mclaim"), "Node", value=ex("mclaim"), message=NO_EVIDENCE, via="Evidenced"),
        Expect("AnnotationShape", ex("evidence-m"), "MinCount", oa("hasBody")),
    ),
]

for _break in BREAKS:
    EXERCISED.update(s for e in _break.expected for s in (e.shape, e.via) if s)


@pytest.mark.parametrize("change", BREAKS, ids=[b.spec for b in BREAKS])
def test_each_constraint_reports_the_graph_that_breaks_it(change: Break) -> None:
    assert_reports(broken(change.remove, change.add), *change.expected)


def test_every_shape_is_broken_by_some_test() -> None:
    shapes = {
        str(s).removeprefix(NKGSH)
        for s in shapes_graph().subjects(rdflib.RDF.type, SH.NodeShape)
        if str(s).startswith(NKGSH)
    }
    assert shapes - EXERCISED == set()
    assert shapes >= EXERCISED
