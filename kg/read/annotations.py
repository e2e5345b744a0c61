"""Editor annotations: the facts an article states that the parser cannot read off mechanically.

Every annotated fact carries its evidence as a verbatim phrase of the article; this module finds the phrase in
the body and records where it is, or fails naming the file, line and phrase. The format is documented in
``docs/annotations.md``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kg.dates import PartialDate, parse_duration
from kg.errors import InputError
from kg.model import (
    Annotations,
    Article,
    Claim,
    Event,
    Evidence,
    Posting,
    Quotation,
    Role,
    Span,
    Window,
)
from kg.read.registry import Registry
from kg.read.yamldoc import Fields, Mapping, Sequence, load
from kg.vocab import EVENT_KINDS, EVENT_STATUSES, ROLE_STATUSES, is_wikidata_id, slugify

_PARTICIPANT_TYPES = {"Person", "Organization", "Country"}
_EVENT_KEYS = {
    *("id", "kind", "name", "status", "start", "end", "latest", "window", "duration", "location"),
    *("attendees", "organizers", "about", "part_of", "wikidata", "description", "evidence"),
}


def find_phrase(body: str, phrase: str, occurrence: int | None = None) -> Span:
    """Locate ``phrase`` in ``body``; any run of whitespace matches any other.

    >>> find_phrase("a b\\u00a0 c b c", "b c", occurrence=2)
    Span(start=7, end=10)

    :raises ValueError: when the phrase is absent, ambiguous, or the occurrence does not exist.
    """
    words = phrase.split()
    if not words:
        raise ValueError("empty phrase")
    pattern = re.compile(r"\s+".join(map(re.escape, words)))
    found = [Span(m.start(), m.end()) for m in pattern.finditer(body)]
    if not found:
        raise ValueError(f"phrase not found in the article: {phrase!r}")
    if occurrence is None:
        if len(found) > 1:
            starts = ", ".join(str(s.start) for s in found)
            raise ValueError(
                f"phrase occurs {len(found)} times (at offsets {starts}): {phrase!r}; "
                "add 'occurrence: N' or quote a longer phrase"
            )
        return found[0]
    if not 1 <= occurrence <= len(found):
        raise ValueError(f"phrase occurs {len(found)} times, not {occurrence}: {phrase!r}")
    return found[occurrence - 1]


class _Reader:
    """Reads one annotation file against one parsed article and the entity registry."""

    def __init__(self, path: Path, article: Article, registry: Registry) -> None:
        self.path, self.article, self.registry = path, article, registry
        self.event_ids: set[str] = set()

    def evidence(self, f: Fields, key: str, value: Any, line: int) -> Evidence:
        occurrence = None
        if isinstance(value, Mapping):
            sub = Fields(value, self.path, f"{f.what}.{key}", line)
            sub.check_keys({"phrase", "occurrence"})
            phrase = sub.text("phrase")
            raw = value.get("occurrence")
            if raw is not None and (isinstance(raw, bool) or not isinstance(raw, int)):
                raise sub.error("occurrence", "expected a whole number such as 2")
            occurrence = raw
        elif isinstance(value, str):
            phrase = value
        else:
            raise f.error(key, "expected a phrase of the article, or {phrase: ..., occurrence: N}", line)
        assert phrase is not None
        try:
            span = find_phrase(self.article.body, phrase, occurrence)
        except ValueError as exc:
            raise f.error(key, str(exc), line) from None
        return Evidence(span, span.text(self.article.body))

    def evidences(self, f: Fields, key: str = "evidence") -> tuple[Evidence, ...]:
        value = f.data.get(key)
        if value is None:
            raise f.error(key, "missing (every fact needs a verbatim phrase of the article)", f.line())
        if isinstance(value, Sequence):
            if not value:
                raise f.error(key, "needs at least one phrase")
            return tuple(self.evidence(f, key, v, ln) for v, ln in zip(value, value.lines, strict=True))
        return (self.evidence(f, key, value, f.line(key)),)

    def entity(self, f: Fields, key: str, entity_id: str, types: set[str] | None = None) -> str:
        if entity_id not in self.registry:
            raise f.error(key, f"unknown entity {entity_id!r} (expected an id from data/entities)")
        entity = self.registry[entity_id]
        if types is not None and not types & set(entity.types):
            raise f.error(key, f"{entity_id!r} is a {entity.type}, expected one of {sorted(types)}")
        return entity_id

    def entities(self, f: Fields, key: str, types: set[str] | None = None) -> tuple[str, ...]:
        return tuple(self.entity(f, key, e, types) for e in f.texts(key))

    def date(self, f: Fields, key: str) -> PartialDate | None:
        value = f.text(key, required=False)
        if value is None:
            return None
        try:
            return PartialDate.parse(value)
        except ValueError as exc:
            raise f.error(key, str(exc)) from None

    def items(self, data: Mapping, key: str) -> list[Fields]:
        singular = key.rstrip("s")
        return [
            Fields(v, self.path, f"{singular}[{i}]", ln)
            for i, (v, ln) in enumerate(_listed(data, key, self.path))
        ]

    def role(self, f: Fields) -> Role:
        f.check_keys({"person", "title", "status", "position", "organization", "evidence"})
        status = f.text("status", required=False) or "current"
        if status not in ROLE_STATUSES:
            raise f.error(
                "status",
                f"unknown role status {status!r} (expected one of: {', '.join(ROLE_STATUSES)})",
            )
        position = f.text("position", required=False)
        if position is not None and not is_wikidata_id(position):
            raise f.error(
                "position",
                f"{position!r} is not a Wikidata item id (expected Q followed by digits)",
            )
        organization = f.text("organization", required=False)
        return Role(
            person=self.entity(f, "person", str(f.text("person")), {"Person"}),
            title=f.labels("title"),
            status=status,
            evidence=self.evidences(f)[0],
            position=position,
            organization=self.entity(f, "organization", organization) if organization else None,
        )

    def event(self, f: Fields) -> Event:
        f.check_keys(_EVENT_KEYS)
        event_id = str(f.text("id"))
        if slugify(event_id) != event_id:
            raise f.error("id", f"{event_id!r} is not a slug (expected lower-case ASCII words joined by '-')")
        if event_id.startswith("machine-"):
            raise f.error("id", f"{event_id!r}: ids starting with 'machine-' are the extractor's")
        known = event_id in self.registry
        if known and self.registry[event_id].type != "Event":
            raise f.error(
                "id",
                f"{event_id!r} is a {self.registry[event_id].type} in data/entities, not an Event",
            )
        kind = str(f.text("kind"))
        if kind not in EVENT_KINDS:
            raise f.error("kind", f"unknown event kind {kind!r} (expected one of: {', '.join(EVENT_KINDS)})")
        status = str(f.text("status"))
        if status not in EVENT_STATUSES:
            raise f.error(
                "status",
                f"unknown status {status!r} (expected one of: {', '.join(EVENT_STATUSES)})",
            )
        location = f.text("location", required=False)
        duration = f.text("duration", required=False)
        try:
            length = parse_duration(duration) if duration else None
        except ValueError as exc:
            raise f.error("duration", str(exc)) from None
        wikidata = f.text("wikidata", required=False)
        if wikidata is not None and not is_wikidata_id(wikidata):
            raise f.error(
                "wikidata",
                f"{wikidata!r} is not a Wikidata item id (expected Q followed by digits)",
            )
        return Event(
            id=event_id,
            kind=kind,
            name=f.labels("name", required=not known),
            status=status,
            evidence=self.evidences(f),
            start=self.date(f, "start"),
            end=self.date(f, "end"),
            latest=self.date(f, "latest"),
            window=self.window(f),
            duration=length,
            location=self.entity(f, "location", location, {"Place"})
            if location and location != "virtual"
            else None,
            virtual=location == "virtual",
            attendees=self.entities(f, "attendees", _PARTICIPANT_TYPES),
            organizers=self.entities(f, "organizers", _PARTICIPANT_TYPES),
            about=f.texts("about"),
            part_of=f.text("part_of", required=False),
            wikidata=wikidata,
            description=f.labels("description", required=False),
        )

    def window(self, f: Fields) -> Window | None:
        value = f.data.get("window")
        if value is None:
            return None
        w = Fields(value, self.path, f"{f.what}.window", f.line("window"))
        w.check_keys({"from", "to", "phrase"})
        start, end = self.date(w, "from"), self.date(w, "to")
        if start is None or end is None or start.precision != "day" or end.precision != "day":
            raise w.error(None, "expected 'from' and 'to' as days (YYYY-MM-DD)")
        if end.first_day < start.first_day:
            raise w.error("to", f"window ends ({end.text}) before it starts ({start.text})")
        phrase = self.evidence(w, "phrase", w.text("phrase"), w.line("phrase"))
        return Window(start.first_day, end.first_day, phrase.quote)

    def posting(self, f: Fields, speaker: str) -> Posting | None:
        value = f.data.get("posted_on")
        if value is None:
            return None
        p = Fields(value, self.path, f"{f.what}.posted_on", f.line("posted_on"))
        p.check_keys({"platform", "date"})
        platform = self.entity(p, "platform", str(p.text("platform")), {"WebSite"})
        return Posting(platform, speaker, self.date(p, "date"))

    def quotation(self, f: Fields) -> Quotation:
        f.check_keys({"text", "occurrence", "speaker", "about", "date", "posted_on"})
        text = str(f.text("text"))
        occurrence = f.data.get("occurrence")
        if occurrence is not None and (isinstance(occurrence, bool) or not isinstance(occurrence, int)):
            raise f.error("occurrence", "expected a whole number such as 2")
        try:
            span = find_phrase(self.article.body, text, occurrence)
        except ValueError as exc:
            raise f.error("text", str(exc), f.line("text")) from None
        evidence = Evidence(span, span.text(self.article.body))
        if evidence.span not in self.article.quotes:
            raise f.error("text", f"{text!r} is not the whole text between a pair of quotation marks")
        speaker = self.entity(f, "speaker", str(f.text("speaker")), {"Person", "Organization"})
        return Quotation(
            text=evidence.quote,
            speaker=speaker,
            evidence=evidence,
            about=f.texts("about"),
            date=self.date(f, "date"),
            posting=self.posting(f, speaker),
        )

    def claim(self, f: Fields) -> Claim:
        f.check_keys({"speaker", "about", "date", "evidence"})
        return Claim(
            speaker=self.entity(f, "speaker", str(f.text("speaker")), {"Person", "Organization"}),
            evidence=self.evidences(f)[0],
            about=f.texts("about"),
            date=self.date(f, "date"),
        )

    def check_references(self, annotations: Annotations, data: Mapping) -> None:
        """``about`` and ``part_of`` may name entities or this file's events."""
        known = set(self.registry.entities) | {e.id for e in annotations.events}
        for f in self.items(data, "events"):
            for key in ("about", "part_of"):
                for ref in f.texts(key):
                    if ref not in known:
                        raise f.error(key, f"unknown entity or event {ref!r}")
        for key in ("quotations", "claims"):
            for f in self.items(data, key):
                for ref in f.texts("about"):
                    if ref not in known:
                        raise f.error("about", f"unknown entity or event {ref!r}")
        for i, ref in enumerate(annotations.about):
            if ref not in known:
                line = data["article"].lines.get("about")
                raise InputError(
                    f"unknown entity or event {ref!r}", file=self.path, line=line, field=f"article.about[{i}]"
                )

    def check_quotations(self, quotations: tuple[Quotation, ...], ignored: tuple[Span, ...]) -> None:
        """An annotated article must attribute every quotation it contains."""
        covered = {q.evidence.span for q in quotations} | set(ignored)
        for span in self.article.quotes:
            if span not in covered:
                raise InputError(
                    f"quotation {span.text(self.article.body)!r} at offset {span.start} has no speaker "
                    "(add it under 'quotations', or under 'not_quotations' if it is not one)",
                    file=self.path,
                )


def _listed(data: Mapping, key: str, path: Path) -> list[tuple[Any, int]]:
    """The items of a list in the file, each with its line."""
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, Sequence):
        raise InputError("expected a list", file=path, line=data.lines[key], field=key)
    return list(zip(value, value.lines, strict=True))


def load_annotations(path: Path, article: Article, registry: Registry) -> Annotations:
    """Read ``path`` and resolve every evidence phrase against ``article``.

    :raises InputError: naming the file, line and field of the first mistake.
    """
    data = load(path)
    if data is None:
        return Annotations()
    if not isinstance(data, Mapping):
        raise InputError(
            "expected a mapping with keys article, roles, events, quotations, claims",
            file=path,
            line=1,
        )
    top = Fields(data, path, "annotations")
    top.check_keys({"article", "roles", "events", "quotations", "claims", "not_quotations", "machine"})
    reader = _Reader(path, article, registry)
    head = Fields(data.get("article", Mapping()), path, "article", data.lines.get("article"))
    head.check_keys({"about", "url"})
    event_fields = reader.items(data, "events")
    events = tuple(reader.event(f) for f in event_fields)
    first_use: dict[str, int] = {}
    for fields, event in zip(event_fields, events, strict=True):
        if event.id in first_use:
            raise InputError(
                f"event id used twice: {event.id!r} (first at line {first_use[event.id]})",
                file=path,
                line=fields.line("id"),
                field="events",
            )
        first_use[event.id] = fields.line("id")
    annotations = Annotations(
        about=head.texts("about"),
        url=head.text("url", required=False),
        roles=tuple(reader.role(f) for f in reader.items(data, "roles")),
        events=events,
        quotations=tuple(reader.quotation(f) for f in reader.items(data, "quotations")),
        claims=tuple(reader.claim(f) for f in reader.items(data, "claims")),
    )
    reader.check_references(annotations, data)
    ignored = tuple(
        reader.evidence(top, "not_quotations", value, line).span
        for value, line in _listed(data, "not_quotations", path)
    )
    if "quotations" in data or "machine" not in data:  # a file of verdicts only leaves speech to them
        reader.check_quotations(annotations.quotations, ignored)
    return annotations
