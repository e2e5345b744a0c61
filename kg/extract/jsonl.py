"""The extractor's findings as one JSON object per document: the output of ``newskg extract``.

The format is a public interface, documented in ``docs/extract-format.md``: every item has ``start`` and
``end`` (Unicode code points into ``text``, half-open) and a ``confidence`` in [0, 1]; entities are IRIs
minted as the graph mints them (``NEWSKG_BASE``).

>>> from kg.extract import extract
>>> obj = to_json(extract("Der Kanzler traf Emmanuel Macron in Paris.", lang="de"), doc="a.txt",
...               text="Der Kanzler traf Emmanuel Macron in Paris.")
>>> sorted(obj)
['doc', 'events', 'lang', 'mentions', 'quotations', 'roles', 'text']
>>> [(m["text"], m["type"], m["entity"]) for m in obj["mentions"]]  # doctest: +NORMALIZE_WHITESPACE
[('Emmanuel Macron', 'Person', 'https://kg.example.org/person/person-emmanuel-macron'),
 ('Paris', 'Place', 'https://kg.example.org/place/place-paris')]
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from kg.extract.mentions import RegistryLookup
from kg.extract.types import Event, Extraction, Mention, Quotation, Role, Speaker
from kg.model import Span
from kg.vocab import Minter


def to_json(
    extraction: Extraction,
    *,
    doc: str,
    text: str,
    registry_lookup: RegistryLookup | None = None,
    minter: Minter | None = None,
) -> dict[str, Any]:
    """The JSON object for one document (see the module docs); ``text`` is the text that was analysed."""
    iris = _Iris(minter or Minter.from_env(), registry_lookup or {})
    return {
        "doc": doc,
        "lang": extraction.lang,
        "text": text,
        "mentions": [_mention(m, iris) for m in extraction.mentions],
        "quotations": [_quotation(q, text, iris) for q in extraction.quotations],
        "roles": [_role(r, text, iris) for r in extraction.roles],
        "events": [_event(e, text, iris) for e in extraction.events],
    }


def dumps(obj: Mapping[str, Any]) -> str:
    """One line of JSON (UTF-8 text, no ASCII escapes)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


class _Iris:
    """Entity keys -> IRIs: a registry entity's under the path segment of its type (person, organization,
    place, thing), any other key a discovered one's (:meth:`kg.vocab.Minter.discovered`), as the graph
    mints them."""

    def __init__(self, minter: Minter, lookup: RegistryLookup) -> None:
        self.minter = minter
        self.kinds = {known.key: (known.entity_type or "Thing").lower() for known in lookup.values()}

    def __call__(self, key: str | None) -> str | None:
        if key is None:
            return None
        kind = self.kinds.get(key)
        return self.minter.discovered(key) if kind is None else self.minter.entity(kind, key)


def _span(span: Span | None, text: str) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


def _mention(m: Mention, iris: _Iris) -> dict[str, Any]:
    return {
        "start": m.span.start,
        "end": m.span.end,
        "text": m.text,
        "type": m.type,
        "entity": iris(m.key),
        "name": m.canonical or m.text,
        "known": m.known,
        "wikidata": m.wikidata,
        "confidence": m.confidence,
    }


def _speaker(s: Speaker | None, text: str, iris: _Iris) -> dict[str, Any] | None:
    if s is None:
        return None
    return {
        "start": s.span.start if s.span else None,
        "end": s.span.end if s.span else None,
        "text": s.text,
        "entity": iris(s.key),
        "role": s.role,
    }


def _quotation(q: Quotation, text: str, iris: _Iris) -> dict[str, Any]:
    return {
        "start": q.span.start,
        "end": q.span.end,
        "text": text[q.span.start : q.span.end],
        "form": q.form,
        "cue": _span(q.cue, text),
        "speaker": _speaker(q.speaker, text, iris),
        "confidence": q.confidence,
    }


def _role(r: Role, text: str, iris: _Iris) -> dict[str, Any]:
    return {
        "start": r.span.start,
        "end": r.span.end,
        "text": text[r.span.start : r.span.end],
        "person": iris(r.person),
        "role": r.role,
        "of": iris(r.of),
        "former": r.former,
        "confidence": r.confidence,
    }


def _event(e: Event, text: str, iris: _Iris) -> dict[str, Any]:
    first = e.spans[0] if e.spans else Span(0, 0)
    date = None
    if e.date is not None:
        date = {
            "value": e.date.value,
            "precision": e.date.precision,
            "until": e.date.end,
            "start": e.date.span.start,
            "end": e.date.span.end,
            "text": text[e.date.span.start : e.date.span.end],
        }
    return {
        "start": first.start,
        "end": first.end,
        "text": text[first.start : first.end],
        "spans": [_span(s, text) for s in e.spans],
        "kind": e.kind,
        "attendees": [iris(a) for a in e.attendees],
        "location": iris(e.location),
        "date": date,
        "status": e.status,
        "confidence": e.confidence,
    }
