"""What the search index holds of one named graph: a pure function of the graph's quads.

The same quads the store gets (an article graph, or the entity graph) give the same documents, so the index
can be rebuilt from the store at any time and compared with it graph by graph. One document per article
(headline, lede, body), per quotation (its text; the speaker as an IRI) and per named entity (names and
surface forms) the graph describes. An entity named in several graphs has a document in each; a search
merges them by IRI.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, Quad, Triple

from kg.dates import PartialDate
from kg.vocab import NKG, RDF, SCHEMA

KINDS = ("article", "quotation", "person", "organization", "place", "event", "thing")
"""Every kind of hit, in the order a page groups them."""

ENTITY_KINDS = KINDS[2:]

LANGUAGES = ("de", "en")
"""Languages with their own stemmer; text in any other language, or none, is indexed in both."""

_S = SCHEMA
_TYPE = RDF + "type"
_ORGANIZATIONS = set(
    [
        "Organization",
        "GovernmentOrganization",
        "NewsMediaOrganization",
        "Corporation",
        "NGO",
        "PoliticalParty",
        "EducationalOrganization",
        "MediaOrganization",
        "Airline",
    ]
)
_PLACES = set(
    [
        "Place",
        "City",
        "Country",
        "State",
        "AdministrativeArea",
        "Continent",
        "Landform",
        "CivicStructure",
        "GovernmentBuilding",
        "LandmarksOrHistoricalBuildings",
        "BodyOfWater",
    ]
)
_EVENTS = {"Event", "BusinessEvent", "SocialEvent", "PublicationEvent"}
_ARTICLES = {"NewsArticle", "Article", "Report", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting"}
_NAMES = (_S + "name", NKG + "surfaceForm", _S + "alternateName")
_ENTITY_LINKS = (_S + "mentions", _S + "about")
_SPEAKERS = (_S + "creator", _S + "spokenByCharacter", _S + "author")

PREDICATES = frozenset(
    [_TYPE, NKG + "inputDigest", *_NAMES, *_ENTITY_LINKS, *_SPEAKERS]
    + [
        _S + p
        for p in (
            *("headline", "description", "articleBody", "datePublished", "inLanguage"),
            *("publisher", "text", "isPartOf", "startDate", "endDate"),
        )
    ]
)
"""Every predicate :func:`documents` and :func:`graph_digest` read (of ``rdf:type``, only schema.org classes):
the rest of a graph can be left out before parsing (:func:`relevant_ntriples`)."""


@dataclass(frozen=True)
class Text:
    """One literal to index: which part it is (``headline``, ``lede``, ``body``, ``name``, ``quote``), its
    text, and its language (``de``, ``en``, or "" for both)."""

    part: str
    text: str
    language: str = ""


@dataclass(frozen=True)
class Document:
    """One thing a search can find."""

    iri: str
    kind: str
    """One of :data:`KINDS`."""
    graph: str
    """The named graph it comes from: replacing or removing that graph replaces or removes it."""
    title: str
    """What a hit shows: a headline, an entity's name, a quotation's text."""
    texts: tuple[Text, ...]
    language: str = ""
    date: str | None = None
    """At its precision (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``): an article's publication day, also a
    quotation's (that of its article); an event's start."""
    until: str | None = None
    """An event's end (``schema:endDate``) at its precision, when the graph gives one."""
    publishers: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    """IRIs a search may filter by (``entity=``): what an article mentions or is about; a quotation's speaker
    and what it is about."""
    speaker: str | None = None
    article: str | None = None
    """A quotation's article."""
    body: str = field(default="", repr=False)
    """An article's ``schema:articleBody`` (the text snippets and offsets refer to)."""

    def period(self) -> tuple[dt.date, dt.date] | None:
        """The days the document's date can mean, so that a date filter finds an event dated to a month or
        a year when it overlaps that month or year: from the first day of :attr:`date` to the last day of
        :attr:`until` (or of :attr:`date`, without an end; never before the first)."""
        if self.date is None:
            return None
        start = PartialDate.parse(self.date)
        end = PartialDate.parse(self.until or self.date).last_day
        return start.first_day, max(start.first_day, end)


def _language(term: object, fallback: str = "") -> str:
    """``de`` or ``en`` from a literal's language tag, else from ``fallback`` (a tag); "" for any other."""
    tag = term.language if isinstance(term, Literal) and term.language else fallback
    tag = (tag or "").split("-")[0].lower()
    return tag if tag in LANGUAGES else ""


def _partial_date(value: str | None) -> str | None:
    """The date of a literal's text (an ``xsd:dateTime`` cut to its day) at its precision; None for what is
    not a date (the index leaves it undated rather than guess)."""
    if not value:
        return None
    try:
        return PartialDate.parse(value[:10]).text
    except ValueError:
        return None


def documents(quads: Iterable[Quad | Triple], graph: str) -> list[Document]:
    """The documents of the named graph ``graph``, whose quads (or triples) are ``quads``; stable order."""
    values: dict[str, dict[str, list[object]]] = defaultdict(lambda: defaultdict(list))
    for quad in quads:
        if isinstance(quad.subject, NamedNode):
            values[quad.subject.value][quad.predicate.value].append(quad.object)

    def iris(subject: str, *predicates: str) -> list[str]:
        found = (o.value for p in predicates for o in values[subject].get(p, ()) if isinstance(o, NamedNode))
        return sorted(set(found))

    def literals(subject: str, predicate: str) -> list[Literal]:
        found = [o for o in values[subject].get(predicate, ()) if isinstance(o, Literal)]
        return sorted(found, key=lambda lit: (lit.language or "", lit.value))

    def first(subject: str, predicate: str) -> str | None:
        found = literals(subject, predicate)
        return found[0].value if found else None

    def types(subject: str) -> set[str]:
        return {o.value.removeprefix(_S) for o in values[subject].get(_TYPE, ()) if isinstance(o, NamedNode)}

    out: list[Document] = []
    articles: dict[str, Document] = {}
    for subject in sorted(values):
        kinds = types(subject)
        fields = values[subject]
        if kinds & _ARTICLES or _S + "articleBody" in fields or _S + "headline" in fields:
            language = _language(None, first(subject, _S + "inLanguage") or "")
            texts = []
            for part, predicate in (
                ("headline", "headline"),
                ("lede", "description"),
                ("body", "articleBody"),
            ):
                texts += [
                    Text(part, lit.value, _language(lit, language))
                    for lit in literals(subject, _S + predicate)
                ]
            body = first(subject, _S + "articleBody") or ""
            doc = Document(
                iri=subject,
                kind="article",
                graph=graph,
                title=first(subject, _S + "headline") or first(subject, _S + "name") or subject,
                texts=tuple(texts),
                language=language,
                date=_partial_date(first(subject, _S + "datePublished")),
                publishers=tuple(iris(subject, _S + "publisher")),
                entities=tuple(iris(subject, *_ENTITY_LINKS)),
                body=body,
            )
            articles[subject] = doc
            out.append(doc)
    for subject in sorted(values):
        kinds = types(subject)
        if "Quotation" in kinds:
            language = _language(None, first(subject, _S + "inLanguage") or "")
            texts = tuple(
                Text("quote", lit.value, _language(lit, language)) for lit in literals(subject, _S + "text")
            )
            if not texts:
                continue
            speakers = iris(subject, *_SPEAKERS)
            parents = [a for a in iris(subject, _S + "isPartOf") if a in articles]
            article = articles[parents[0]] if parents else None
            out.append(
                Document(
                    iri=subject,
                    kind="quotation",
                    graph=graph,
                    title=texts[0].text,
                    texts=texts,
                    language=language or (article.language if article else ""),
                    date=article.date if article else None,
                    publishers=article.publishers if article else (),
                    entities=tuple(sorted({*speakers, *iris(subject, _S + "about")})),
                    speaker=speakers[0] if speakers else None,
                    article=article.iri if article else None,
                )
            )
            continue
        kind = _entity_kind(kinds, NKG + "surfaceForm" in values[subject])
        if kind is None:
            continue
        names = [lit for predicate in _NAMES for lit in literals(subject, predicate)]
        if not names:
            continue
        preferred = sorted(names, key=lambda lit: ({"de": 0, "en": 1}.get(lit.language or "", 2), lit.value))
        start = _partial_date(first(subject, _S + "startDate")) if kind == "event" else None
        out.append(
            Document(
                iri=subject,
                kind=kind,
                graph=graph,
                title=preferred[0].value,
                texts=tuple(Text("name", lit.value, _language(lit)) for lit in names),
                date=start,
                until=_partial_date(first(subject, _S + "endDate")) if start else None,
            )
        )
    return out


def _entity_kind(kinds: set[str], has_surface_forms: bool) -> str | None:
    if "Person" in kinds:
        return "person"
    if kinds & _ORGANIZATIONS:
        return "organization"
    if kinds & _PLACES:
        return "place"
    if kinds & _EVENTS:
        return "event"
    if has_surface_forms or kinds & {"Product", "Thing", "CreativeWorkSeries"}:
        return "thing"
    return None


_WANTED = frozenset(f"<{p}>".encode() for p in PREDICATES)
_TYPE_IRI = f"<{_TYPE}>".encode()
_SCHEMA_IRI = f"<{_S}".encode()


def relevant_ntriples(data: bytes) -> bytes:
    """The lines of an N-Triples document that :func:`documents` reads (parsing the rest would cost ten times
    as much): those whose predicate is one of :data:`PREDICATES`, ``rdf:type`` only with a schema.org class.

    >>> relevant_ntriples(b'<http://x/a> <http://schema.org/name> "A" .\\n<http://x/a> <http://x/p> "B" .\\n')
    b'<http://x/a> <http://schema.org/name> "A" .'
    """
    kept = []
    for line in data.split(b"\n"):
        parts = line.split(b" ", 2)  # subject and predicate hold no space in N-Triples
        if (
            len(parts) == 3
            and parts[1] in _WANTED
            and (parts[1] != _TYPE_IRI or parts[2].startswith(_SCHEMA_IRI))
        ):
            kept.append(line)
    return b"\n".join(kept)


def graph_digest(quads: Sequence[Quad | Triple], graph: str, docs: Sequence[Document] | None = None) -> str:
    """What the index records for a graph it indexed: the graph's ``nkg:inputDigest`` (what the store
    records for an ingested article), or else a digest of the graph's documents (the entity graph)."""
    for quad in quads:
        if (
            quad.predicate.value == NKG + "inputDigest"
            and isinstance(quad.subject, NamedNode)
            and quad.subject.value == graph
            and isinstance(quad.object, Literal)
        ):
            return "input:" + quad.object.value
    return "docs:" + documents_digest(docs if docs is not None else documents(quads, graph))


def documents_digest(docs: Sequence[Document]) -> str:
    digest = hashlib.sha256()
    for doc in docs:
        digest.update(repr(doc).encode())
        digest.update(doc.body.encode())
    return digest.hexdigest()


__all__ = [
    "ENTITY_KINDS",
    "KINDS",
    "LANGUAGES",
    "PREDICATES",
    "Document",
    "Text",
    "documents",
    "graph_digest",
    "relevant_ntriples",
]
