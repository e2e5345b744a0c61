"""Machine facts -> RDF: what the extractor (:mod:`kg.extract`) read out of an article, in the same schema.org
model and with the same Web Annotation evidence as the editor's facts (:mod:`kg.mapping`), each marked as the
extractor's with a confidence, and the editor's verdicts (:mod:`kg.read.verdicts`) applied.

Pure: an :class:`~kg.extract.types.Extraction`, the article, the editor's annotations and verdicts in, quads
out. How the facts look in the graph is documented in ``docs/modeling.md`` ("Machine facts").

- Every machine fact has a stable id, its kind and the offsets of its (first) span: ``mention-466-480``,
  ``quote-7002-7174``, ``role-93-118``, ``event-5003-5010`` (:func:`machine_facts`).
- Each span that supports it is an ``oa:Annotation`` with ``nkg:assertedBy nkg:Extractor``, an
  ``nkg:confidence`` (``xsd:decimal`` in [0, 1]), ``nkg:machineFact`` (the id) and ``prov:wasGeneratedBy``
  the article's extraction, a ``prov:Activity`` associated with the extractor (a ``prov:SoftwareAgent`` with
  its name and version). A quotation, claim, role or event of one article that the extractor made carries the
  same three statements itself.
- A fact an editor confirmed or corrected is the editor's: ``nkg:assertedBy nkg:Editor``, ``nkg:review
  nkg:Confirmed`` or ``nkg:Corrected``, no confidence; a rejected one is left out.
- An editor fact wins over a machine fact about the same thing: a machine quotation, role or event whose span
  overlaps the evidence of an editor fact of the same kind (quotations and claims are one kind, speech) is
  left out, and so is a machine role of the same person and organization as an editor role; a machine mention
  of the very span and entity the registry's names already gave is not said twice.
- Discovered entities (names the registry does not know) are typed, named and ``nkg:wikidataUnverified`` in
  the article's graph, under the IRI ``newskg extract`` gives them (``{base}person/person-juri-uschakow``,
  :meth:`kg.vocab.Minter.discovered`), which is also the IRI :mod:`kg.mapping` gives the photographers and
  agencies of the credit lines: one node for one name, whoever found it.
- Machine events are the article's own (``{base}article/<slug>/event/<id>``), except those whose kind, date,
  place and attendees are all known: those are ``{base}event/machine-...`` named by all of these (and the
  status), so that two articles that agree on all of them share one event, and never otherwise.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pyoxigraph import NamedNode, Quad

import kg.extract
from kg.dates import PartialDate
from kg.extract.types import Event as MachineEvent
from kg.extract.types import Extraction
from kg.mapping import (
    _EVENT_STATUS,
    Source,
    _Graph,
    date_literal,
    entity_iri,
    n,
    s,
    text,
    typed,
)
from kg.model import Annotations, Article, Span
from kg.read.registry import Registry
from kg.read.verdicts import FIELDS, Verdict, Verdicts
from kg.version import __version__
from kg.vocab import EVENT_KINDS, EVENT_STATUSES, MACHINE_EVENT_KINDS, NKG, PROV, RDF, Minter, slugify

EXTRACTOR_NAME = "newskg extractor (kg.extract)"

_TYPE = NamedNode(RDF + "type")
_PARTICIPANTS = {"Person", "Organization", "Country"}
_SPEAKERS = {"Person", "Organization"}

#: Event kinds in German and English, for the names of machine events (the text names none).
KIND_LABELS: dict[str, tuple[str, str]] = {
    "phone-call": ("Telefonat", "phone call"),
    "summit": ("Gipfeltreffen", "summit"),
    "meeting": ("Treffen", "meeting"),
    "visit": ("Besuch", "visit"),
    "press-conference": ("Pressekonferenz", "press conference"),
    "announcement": ("Ankündigung", "announcement"),
    "arrest-warrant": ("Haftbefehl", "arrest warrant"),
    "withdrawal": ("Austritt", "withdrawal"),
    "invasion": ("Invasion", "invasion"),
    "war": ("Krieg", "war"),
    "ceasefire": ("Waffenruhe", "ceasefire"),
    "delivery": ("Lieferung", "delivery"),
    "talks": ("Gespräche", "talks"),
    "election": ("Wahl", "election"),
    "arrest": ("Festnahme", "arrest"),
    "attack": ("Angriff", "attack"),
    "agreement": ("Abkommen", "agreement"),
    "conference": ("Konferenz", "conference"),
    "debate": ("Debatte", "debate"),
    "rally": ("Kundgebung", "rally"),
}

Window = tuple[PartialDate, PartialDate]


@dataclass(frozen=True)
class Fact:
    """One machine fact: its id, kind (``mention``, ``quote``, ``role``, ``event``), the spans that support
    it, the extractor's confidence, and the fields an editor may confirm or correct
    (:data:`kg.read.verdicts.FIELDS`).
    """

    id: str
    kind: str
    spans: tuple[Span, ...]
    confidence: float
    fields: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)
    """What the editor does not correct: a mention's name, a speaker's words and role, a date's words."""
    review: str | None = None
    """None for a machine fact, ``confirm`` or ``correct`` once an editor has made it theirs."""

    @property
    def span(self) -> Span:
        return self.spans[0]


# --- the extractor's items as facts ---------------------------------------------------------------------


def _event_kind(kind: str) -> str:
    return MACHINE_EVENT_KINDS.get(kind, kind)


def _when(event: MachineEvent) -> PartialDate | Window | None:
    date = event.date
    if date is None:
        return None
    try:
        if date.precision == "window":
            if date.end is None:
                return None
            return (PartialDate.parse(date.value), PartialDate.parse(date.end))
        return PartialDate.parse(date.value)
    except ValueError:
        return None


def machine_facts(extraction: Extraction, body: str) -> list[Fact]:
    """Every item of ``extraction`` as a :class:`Fact` with its stable id, in text order per kind."""
    facts: list[Fact] = []
    taken: dict[str, int] = {}

    def add(
        kind: str, spans: tuple[Span, ...], confidence: float, fields: dict[str, Any], **extra: Any
    ) -> None:
        base = f"{kind}-{spans[0].start}-{spans[0].end}"
        taken[base] = taken.get(base, 0) + 1
        fact_id = base if taken[base] == 1 else f"{base}-{taken[base]}"
        facts.append(Fact(fact_id, kind, spans, float(confidence), fields, extra))

    for m in extraction.mentions:
        add("mention", (m.span,), m.confidence, {"entity": m.key, "type": m.type},
            name=m.canonical or m.text, known=m.known)  # fmt: skip
    for q in extraction.quotations:
        speaker = q.speaker
        add(
            "quote",
            (q.span,),
            q.confidence,
            {"speaker": speaker.key if speaker else None, "form": q.form},
            words=speaker.text if speaker else None,
            speaker_role=speaker.role if speaker else None,
            cue=q.cue.text(body) if q.cue else None,
        )
    for r in extraction.roles:
        add(
            "role",
            (r.span,),
            r.confidence,
            {"person": r.person, "role": r.role, "of": r.of, "former": r.former},
        )
    for e in extraction.events:
        if not e.spans:
            continue
        add(
            "event",
            tuple(e.spans),
            e.confidence,
            {
                "kind": _event_kind(e.kind),
                "status": e.status,
                "date": _when(e),
                "location": e.location,
                "attendees": tuple(e.attendees),
            },
            date_words=e.date.span.text(body) if e.date else None,
        )
    return facts


# --- verdicts and the editor's facts ------------------------------------------------------------------------


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, tuple) and isinstance(b, tuple) and a and isinstance(a[0], str):
        return sorted(a) == sorted(b)
    return bool(a == b)


def _shown(value: Any) -> str:
    if isinstance(value, PartialDate):
        return value.text
    if isinstance(value, tuple) and value and isinstance(value[0], PartialDate):
        return f"{value[0].text}..{value[1].text}"
    return repr(value)


def apply_verdicts(facts: Iterable[Fact], verdicts: Verdicts, registry: Registry) -> list[Fact]:
    """The facts that stay, with the editor's corrections applied and confirmed or corrected ones marked.

    :raises InputError: for a confirmation or correction of a fact the extractor does not (or no longer)
        make, a confirmation whose fields differ from the extractor's, or a correction naming an unknown
        entity or event kind; naming the file and line.
    """
    facts = list(facts)
    found = {f.id: f for f in facts}
    known_keys = set(registry.entities) | {f.fields["entity"] for f in facts if f.kind == "mention"}
    for verdict in verdicts.facts:
        if verdict.verdict in ("confirm", "correct") and verdict.id not in found:
            raise verdicts.error(
                verdict,
                f"no machine fact {verdict.id} in this article (the extractor does not make it, or no "
                "longer): "
                "write it as an editor fact, or drop the entry",
            )
    kept: list[Fact] = []
    for fact in facts:
        verdict = verdicts.by_id.get(fact.id)
        if verdict is None or verdict.verdict == "open":
            if verdicts.unreviewed == "keep":
                kept.append(fact)
            continue
        if verdict.verdict == "reject":
            continue
        if verdict.verdict == "confirm":
            differ = [k for k, v in verdict.fields.items() if not _same(v, fact.fields.get(k))]
            if differ:
                k = differ[0]
                raise verdicts.error(
                    verdict,
                    f"confirms {k}: {_shown(verdict.fields[k])}, but the extractor says "
                    f"{_shown(fact.fields.get(k))}"
                    " (say `verdict: correct` to change it)",
                )
            kept.append(replace(fact, review="confirm"))
            continue
        _check_correction(verdict, verdicts, known_keys)
        kept.append(replace(fact, fields={**fact.fields, **verdict.fields}, review="correct"))
    return kept


def _check_correction(verdict: Verdict, verdicts: Verdicts, known: set[str]) -> None:
    for key in ("entity", "speaker", "person", "of", "location"):
        value = verdict.fields.get(key)
        if value is not None and value not in known:
            raise verdicts.error(
                verdict, f"{key}: unknown entity {value!r} (an id from data/entities or of a mention)"
            )
    for value in verdict.fields.get("attendees") or ():
        if value not in known:
            raise verdicts.error(verdict, f"attendees: unknown entity {value!r}")
    kind = verdict.fields.get("kind")
    if kind is not None and kind not in EVENT_KINDS:
        raise verdicts.error(
            verdict, f"unknown event kind {kind!r} (expected one of: {', '.join(EVENT_KINDS)})"
        )
    status = verdict.fields.get("status")
    if status is not None and status not in EVENT_STATUSES:
        raise verdicts.error(verdict, f"unknown status {status!r}")
    form = verdict.fields.get("form")
    if form is not None and form not in ("direct", "indirect", "reported"):
        raise verdicts.error(verdict, f"unknown form {form!r} (direct, indirect or reported)")
    etype = verdict.fields.get("type")
    if etype is not None and etype not in ("Person", "Organization", "Place"):
        raise verdicts.error(verdict, f"unknown type {etype!r} (Person, Organization or Place)")


def _overlaps(span: Span, others: Iterable[Span]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)


def editor_wins(facts: Iterable[Fact], annotations: Annotations) -> list[Fact]:
    """The facts without those an editor fact already says (confirmed and corrected facts stay)."""
    speech = [q.evidence.span for q in annotations.quotations] + [c.evidence.span for c in annotations.claims]
    roles = [r.evidence.span for r in annotations.roles]
    role_keys = {(r.person, r.organization) for r in annotations.roles}
    events = [e.span for ev in annotations.events for e in ev.evidence]
    kept = []
    for fact in facts:
        if fact.review is None:
            if fact.kind == "quote" and _overlaps(fact.span, speech):
                continue
            if fact.kind == "role" and (
                _overlaps(fact.span, roles) or (fact.fields["person"], fact.fields["of"]) in role_keys
            ):
                continue
            if fact.kind == "event" and any(_overlaps(sp, events) for sp in fact.spans):
                continue
        kept.append(fact)
    return kept


# --- RDF ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entity:
    iri: str
    types: tuple[str, ...]
    """The schema.org types (superclasses included) the graph gives it."""
    name: str | None = None
    """For a discovered entity: the name to describe it with (registry entities are described already)."""


class _Mapper:
    def __init__(
        self,
        article: Article,
        facts: list[Fact],
        registry: Registry,
        minter: Minter,
        sources: Iterable[Source],
    ) -> None:
        self.article, self.facts, self.registry, self.minter = article, facts, registry, minter
        self.sources = list(sources)
        self.slug = article.slug
        self.article_iri = minter.article(article.slug)
        graph = minter.article_graph(article.slug)
        self.g = _Graph(graph)
        self.activity = f"{graph}/extraction"
        self.agent = f"{minter.base}software/newskg-extractor"
        self.lang = article.language
        self.discovered: dict[str, _Entity] = {}
        for f in facts:
            if f.kind == "mention" and f.fields["entity"] not in registry:
                key, etype = f.fields["entity"], f.fields["type"]
                name = f.extra.get("name") or key
                self.discovered.setdefault(key, _Entity(minter.discovered(key), (etype,), name))
        self.described: set[str] = set()
        self.mentioned: set[str] = set()
        self.reader_mentions = {
            (m.span, m.entity) for m in registry.find_mentions(article.body) if m.entity in registry
        }
        self.reader_entities = {key for _, key in self.reader_mentions}

    # --- helpers
    def entity(self, key: str | None) -> _Entity | None:
        if key is None:
            return None
        if key in self.registry:
            e = self.registry[key]
            return _Entity(entity_iri(self.minter, e), e.types)
        return self.discovered.get(key)

    def describe(self, entity: _Entity) -> str:
        """The entity's IRI; a discovered entity is typed and named in this graph the first time."""
        if entity.name is not None and entity.iri not in self.described:
            self.described.add(entity.iri)
            self.g.types(entity.iri, *entity.types)
            self.g.add(entity.iri, s("name"), text(entity.name))
            self.g.add(entity.iri, n("wikidataUnverified"), typed("true", "boolean"))
        return entity.iri

    def mention(self, iri: str) -> None:
        if iri not in self.mentioned:
            self.mentioned.add(iri)
            self.g.add(self.article_iri, s("mentions"), iri)

    def asserted(self, subject: str, fact: Fact) -> None:
        """Who says so, how sure, made how: on an annotation, or on a fact node of this article."""
        g = self.g
        g.add(subject, n("machineFact"), text(fact.id))
        g.add(subject, NamedNode(PROV + "wasGeneratedBy"), self.activity)
        if fact.review is None:
            g.add(subject, n("assertedBy"), n("Extractor"))
            g.add(subject, n("confidence"), typed(decimal(fact.confidence), "decimal"))
        else:
            g.add(subject, n("assertedBy"), n("Editor"))
            g.add(subject, n("review"), n("Confirmed" if fact.review == "confirm" else "Corrected"))

    def evidence(self, fact: Fact, body: str, motivation: str = "describing") -> None:
        g, text_body = self.g, self.article.body
        for number, span in enumerate(fact.spans, 1):
            if not (0 <= span.start < span.end <= len(text_body)):
                continue
            iri = self.minter.article_part(self.slug, "evidence", f"{fact.id}/{number}")
            g.annotation(iri, body, motivation, self.article_iri, text_body, span)
            self.asserted(iri, fact)

    def run(self) -> list[Quad]:
        made = 0
        for fact in self.facts:
            method = getattr(self, f"map_{fact.kind}")
            made += bool(method(fact))
        if made:
            self.provenance()
        return self.g.quads

    def provenance(self) -> None:
        g = self.g
        g.add(self.activity, _TYPE, NamedNode(PROV + "Activity"))
        g.add(self.activity, NamedNode(PROV + "wasAssociatedWith"), self.agent)
        for source in self.sources:
            g.add(
                self.activity, NamedNode(PROV + "used"), f"{self.g.graph.value}/source/{slugify(source.name)}"
            )
        g.add(f"{self.g.graph.value}/build", NamedNode(PROV + "wasInformedBy"), self.activity)
        g.add(self.agent, _TYPE, NamedNode(PROV + "SoftwareAgent"))
        g.add(self.agent, s("name"), text(EXTRACTOR_NAME))
        g.add(self.agent, s("softwareVersion"), text(__version__))

    # --- the four kinds
    def map_mention(self, fact: Fact) -> bool:
        key = fact.fields["entity"]
        entity = self.entity(key)
        if entity is None:
            return False
        if fact.review is None and (fact.span, key) in self.reader_mentions:
            return False  # the registry's names gave this very mention already
        iri = self.describe(entity)
        if key not in self.reader_entities:
            self.mention(iri)
        self.evidence(fact, iri, "identifying")
        return True

    def speaker(self, fact: Fact) -> str | None:
        key = fact.fields.get("speaker")
        if key is None:
            role = fact.extra.get("speaker_role")
            if not role or fact.review == "correct":
                return None
            iri = self.minter.article_part(self.slug, "speaker", slugify(role))
            if iri not in self.described:
                self.described.add(iri)
                self.g.types(iri, "Person")
                self.g.add(iri, s("name"), text(role))
                self.g.add(iri, s("description"), text("unnamed speaker the text names by a role", "en"))
                self.g.add(iri, n("wikidataUnverified"), typed("true", "boolean"))
            return iri
        entity = self.entity(key)
        if entity is None or not _SPEAKERS & set(entity.types):
            return None  # a place that "says" something: the shapes want a person or organization
        return self.describe(entity)

    def map_quote(self, fact: Fact) -> bool:
        speaker = self.speaker(fact)
        if speaker is None:
            return False
        g, span = self.g, fact.span
        words = span.text(self.article.body).strip()
        if not words:
            return False
        if fact.fields["form"] == "direct":
            iri = self.minter.article_part(self.slug, "quote", fact.id)
            g.add(self.article_iri, s("hasPart"), iri)
            g.types(iri, "Quotation", "CreativeWork")
            g.add(iri, s("text"), text(span.text(self.article.body), self.lang))
            g.add(iri, s("inLanguage"), text(self.lang))
            g.add(iri, s("creator"), speaker)
            g.add(iri, s("isPartOf"), self.article_iri)
        else:
            iri = self.minter.article_part(self.slug, "claim", fact.id)
            g.types(iri, "Claim", "CreativeWork")
            g.add(iri, s("author"), speaker)
            g.add(iri, s("text"), text(span.text(self.article.body), self.lang))
            g.add(iri, s("appearance"), self.article_iri)
        self.asserted(iri, fact)
        self.evidence(fact, iri)
        return True

    def map_role(self, fact: Fact) -> bool:
        person = self.entity(fact.fields["person"])
        if person is None or "Person" not in person.types or not fact.fields.get("role"):
            return False
        g = self.g
        iri = self.minter.article_part(self.slug, "role", fact.id)
        g.add(self.describe(person), s("memberOf"), iri)
        g.types(iri, "OrganizationRole", "Role")
        g.add(iri, s("roleName"), text(str(fact.fields["role"]), self.lang))
        g.add(iri, n("roleStatus"), n("FormerRole" if fact.fields.get("former") else "CurrentRole"))
        g.add(iri, n("asOf"), date_literal(self.article.date_published))
        of = self.entity(fact.fields.get("of"))
        if of is not None and {"Organization", "Place"} & set(of.types):
            g.add(iri, s("memberOf"), self.describe(of))
        self.asserted(iri, fact)
        self.evidence(fact, iri)
        return True

    def map_event(self, fact: Fact) -> bool:
        kind = fact.fields["kind"]
        status = fact.fields["status"]
        if kind not in EVENT_KINDS or status not in EVENT_STATUSES:
            return False
        attendees = []
        for key in fact.fields.get("attendees") or ():
            e = self.entity(key)
            if e is not None and _PARTICIPANTS & set(e.types):
                attendees.append((key, e))
        location = self.entity(fact.fields.get("location"))
        if location is not None and "Place" not in location.types:
            location = None
        date = self.plausible(fact.fields.get("date"), status)
        shared = date is not None and location is not None and attendees
        if shared:
            iri = self.minter.entity(
                "event", _shared_id(kind, status, date, fact.fields["location"], attendees)
            )
        else:
            iri = self.minter.article_part(self.slug, "event", fact.id)
        g = self.g
        g.types(iri, "Event")
        g.add(iri, s("additionalType"), n(EVENT_KINDS[kind]))
        keys = [k for k, _ in attendees]
        for lang, name in _event_names(
            kind, date, location, keys, self.registry, fact.fields.get("location")
        ):
            g.add(iri, s("name"), text(name, lang))
        g.add(iri, n("status"), n(EVENT_STATUSES[status]))
        if status in _EVENT_STATUS:
            g.add(iri, s("eventStatus"), s(_EVENT_STATUS[status]))
        if isinstance(date, PartialDate):
            g.add(iri, s("startDate"), date_literal(date))
        elif date is not None:
            schedule = (
                f"{iri}/schedule" if shared else self.minter.article_part(self.slug, "schedule", fact.id)
            )
            g.add(iri, s("eventSchedule"), schedule)
            g.types(schedule, "Schedule")
            g.add(schedule, s("startDate"), date_literal(date[0].first_day))
            g.add(schedule, s("endDate"), date_literal(date[1].last_day))
            words = fact.extra.get("date_words") or f"{date[0].text}..{date[1].text}"
            g.add(schedule, s("description"), text(words, self.lang))
        if location is not None:
            g.add(iri, s("location"), self.describe(location))
        for _, e in attendees:
            g.add(iri, s("attendee"), self.describe(e))
        self.mention(iri)
        if not shared:
            self.asserted(iri, fact)
        self.evidence(fact, iri)
        return True

    def plausible(self, date: PartialDate | Window | None, status: str) -> PartialDate | Window | None:
        """The date, unless it contradicts the status (a planned event before publication, a past one after):
        then the extractor tied a date to the wrong event, and the event is kept without it."""
        if date is None:
            return None
        published = self.article.date_published.isoformat()
        start = date.text if isinstance(date, PartialDate) else date[0].first_day.isoformat()
        prefix = published[: len(start)]
        if status == "planned" and start < prefix:
            return None
        if status == "happened" and start > prefix:
            return None
        return date


def decimal(value: float) -> str:
    """``value`` in [0, 1] as a canonical xsd:decimal, three places at most ("0.85", "1", not "0.850"):
    every store then reads it back as written (pyoxigraph normalizes "0.850" to "0.85"), and the shapes'
    queries can be answered by pyoxigraph rather than rdflib.

    >>> decimal(0.8503), decimal(1.0), decimal(0.0), decimal(1.2)
    ('0.85', '1', '0', '1')
    """
    return f"{min(max(value, 0.0), 1.0):.3f}".rstrip("0").rstrip(".") or "0"


def _shared_id(
    kind: str, status: str, date: PartialDate | Window, location: str, attendees: list[Any]
) -> str:
    when = date.text if isinstance(date, PartialDate) else f"{date[0].text}-{date[1].text}"
    who = ",".join(sorted(k for k, _ in attendees))
    digest = hashlib.sha256(f"{kind}|{status}|{when}|{location}|{who}".encode()).hexdigest()[:10]
    return f"machine-{kind}-{when}-{slugify(location)[:40]}-{digest}"


def _event_names(
    kind: str,
    date: PartialDate | Window | None,
    location: _Entity | None,
    attendee_keys: list[str],
    registry: Registry,
    location_key: str | None,
) -> list[tuple[str, str]]:
    """A name in German and English made of what the extractor read: kind, attendees, place, date."""
    names = []
    for i, lang in enumerate(("de", "en")):
        parts = [KIND_LABELS.get(kind, (kind, kind))[i]]
        who = [
            registry[k].name.get(lang) or registry[k].name.get("de") for k in attendee_keys if k in registry
        ]
        if who:
            parts.append(("mit " if lang == "de" else "with ") + ", ".join(sorted(w for w in who if w)))
        if location is not None:
            where = (
                registry[location_key].name.get(lang) if location_key in registry else location.name
            ) or location_key
            parts.append(f"in {where}")
        if date is not None:
            parts.append(date.text if isinstance(date, PartialDate) else f"{date[0].text}/{date[1].text}")
        names.append((lang, " ".join(parts)))
    return names


def extracted_quads(
    article: Article,
    extraction: Extraction,
    registry: Registry,
    minter: Minter,
    *,
    annotations: Annotations | None = None,
    verdicts: Verdicts | None = None,
    sources: Iterable[Source] = (),
) -> list[Quad]:
    """The machine facts of ``extraction`` (made from ``article.body``) as quads of the article's graph.

    :raises InputError: when a verdict does not fit the facts (:func:`apply_verdicts`).
    """
    facts = machine_facts(extraction, article.body)
    facts = apply_verdicts(facts, verdicts or Verdicts(), registry)
    facts = editor_wins(facts, annotations or Annotations())
    return _Mapper(article, facts, registry, minter, sources).run()


# --- the annotation skeleton ----------------------------------------------------------------------


def _yaml(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, PartialDate):
        return json.dumps(value.text)
    if isinstance(value, tuple) and value and isinstance(value[0], PartialDate):
        start, end = value[0].first_day.isoformat(), value[1].last_day.isoformat()
        return f"{{from: {json.dumps(start)}, to: {json.dumps(end)}}}"
    if isinstance(value, tuple | list):
        return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _note(fact: Fact, body: str) -> str:
    words = " ".join(body[fact.span.start : fact.span.end].split())
    if len(words) > 80:
        words = words[:77] + "..."
    if fact.kind == "mention":
        what = f"{fact.fields['type']} {fact.extra.get('name')!r}"
    elif fact.kind == "quote":
        what = f"{fact.fields['form']} speech"
        if fact.extra.get("words"):
            what += f", speaker in the text: {fact.extra['words']!r}"
        if fact.extra.get("speaker_role"):
            what += f", role: {fact.extra['speaker_role']!r}"
    elif fact.kind == "event":
        what = f"{fact.fields['kind']} event, {len(fact.spans)} phrase(s)"
        if fact.extra.get("date_words"):
            what += f", date from {fact.extra['date_words']!r}"
    else:
        what = fact.kind
    return f"{what}, confidence {fact.confidence:.2f}: {words!r}"


def template(
    slug: str,
    extraction: Extraction,
    body: str,
    *,
    registry: Registry | None = None,
    kinds: Iterable[str] | None = None,
) -> str:
    """``annotations.yaml`` text with every machine fact of the article as an open verdict: the skeleton an
    editor starts from (``newskg extract --template``). Loaded as it is, it changes nothing. With the
    ``registry``, mentions the registry's names give anyway (same span, same entity) are left out."""
    wanted = set(kinds) if kinds is not None else set(FIELDS)
    known = {(m.span, m.entity) for m in registry.find_mentions(body)} if registry is not None else set()
    lines = [
        f"# Machine facts of {slug} (newskg extract --template): what the extractor read out of the text.",
        "# Give each a verdict: confirm (right as it is), correct (change the fields that are wrong),",
        "# reject; open leaves it a machine fact. `unreviewed: reject` drops every fact left open.",
        "# Keys are ids of data/entities, or person-/organization-/place- keys of names it does not know.",
        "# Add what the extractor missed as editor facts (roles, events, quotations, claims):",
        "# docs/annotations.md.",
        "machine:",
        "  unreviewed: keep",
        "  facts:",
    ]
    for fact in machine_facts(extraction, body):
        if fact.kind not in wanted or (
            fact.kind == "mention" and (fact.span, fact.fields["entity"]) in known
        ):
            continue
        lines.append(f"    - id: {fact.id}")
        lines.append("      verdict: open")
        lines.append(f"      note: {_yaml(_note(fact, body))}")
        for key in sorted(FIELDS[fact.kind]):
            lines.append(f"      {key}: {_yaml(fact.fields.get(key))}")
    if lines[-1] == "  facts:":
        lines[-1] = "  facts: []"
    return "\n".join(lines) + "\n"


@functools.cache
def extractor_digest() -> str:
    """SHA-256 of the extractor's code and models (``kg/extract/``): an ingest maps an unchanged article
    again when the extractor changed, as it does when newskg's version or the registry changed."""
    root = Path(kg.extract.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def count(quads: Iterable[Quad]) -> dict[str, int]:
    """How many machine facts of each kind a graph holds (by their ``nkg:machineFact`` ids)."""
    ids = {q.object.value for q in quads if q.predicate == NamedNode(NKG + "machineFact")}
    out: dict[str, int] = {}
    for fact_id in ids:
        kind = fact_id.split("-", 1)[0]
        out[kind] = out.get(kind, 0) + 1
    return out
