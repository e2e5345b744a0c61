"""Knowledge read out of the text itself: mentions, quotations, roles and events, with offsets and
confidence.

:func:`extract` runs the whole chain on one text: language (:mod:`kg.extract.lang`) -> tokens and
sentences (:mod:`kg.extract.doc`) -> mentions (:mod:`kg.extract.mentions`) -> roles, and the role nouns that
stand for a person (:mod:`kg.extract.roles`) -> quotations (:mod:`kg.extract.quotations`) and events
(:mod:`kg.extract.events`). The result is plain values (:mod:`kg.extract.types`); :mod:`kg.extract.jsonl`
writes them as the JSON object of ``newskg extract`` (``docs/extract-format.md``).

Nothing here knows about stores, RDF or HTTP.
"""

from __future__ import annotations

import datetime as dt

from kg.extract.doc import Doc, analyse
from kg.extract.lang import detect
from kg.extract.mentions import Known, RegistryLookup, find_mentions, registry_lookup
from kg.extract.roles import find_roles, role_mentions
from kg.extract.types import Extraction, Mention

__all__ = ["Doc", "Known", "RegistryLookup", "analyse", "extract", "extract_doc", "registry_lookup"]

LANGUAGES = ("de", "en")
"""Languages the extractor reads; text in any other is analysed for nothing (``Extraction.lang`` says
which it was)."""


def extract(
    text: str,
    *,
    lang: str | None = None,
    published: dt.date | None = None,
    registry_lookup: RegistryLookup | None = None,
) -> Extraction:
    """Everything the extractor finds in ``text``.

    :param lang: ``de`` or ``en``; None detects it. Text in another language gives an ``Extraction`` with
        that language (``other``) and nothing in it.
    :param published: the publication date, against which relative dates ("am Donnerstag") resolve;
        without it no events are looked for (their dates and status depend on it).
    :param registry_lookup: names and aliases of the known entities (:func:`kg.extract.registry_lookup`).
    """
    return extract_doc(text, lang=lang, published=published, registry_lookup=registry_lookup)[1]


def extract_doc(
    text: str,
    *,
    lang: str | None = None,
    published: dt.date | None = None,
    registry_lookup: RegistryLookup | None = None,
) -> tuple[Doc | None, Extraction]:
    """:func:`extract`, and the analysed ``Doc`` as well (None for a language the extractor does not read)."""
    lang = lang or detect(text)
    if lang not in LANGUAGES:
        return None, Extraction(lang=lang)
    doc = analyse(text, lang)
    mentions = find_mentions(doc, registry_lookup)
    roles = find_roles(doc, mentions, registry_lookup)
    mentions = sorted([*mentions, *role_mentions(doc, mentions, roles, registry_lookup)], key=_order)
    quotations = _quotations(doc, mentions)
    events = _events(doc, mentions, published) if published is not None else []
    return doc, Extraction(
        lang=lang,
        mentions=tuple(mentions),
        quotations=tuple(quotations),
        roles=tuple(roles),
        events=tuple(events),
    )


def _order(m: Mention) -> tuple[int, int]:
    return (m.span.start, m.span.end)


def _quotations(doc: Doc, mentions: list[Mention]) -> list:  # type: ignore[type-arg]
    try:
        from kg.extract.quotations import find_quotations
    except ImportError:  # not there yet
        return []
    return list(find_quotations(doc, mentions))


def _events(doc: Doc, mentions: list[Mention], published: dt.date) -> list:  # type: ignore[type-arg]
    try:
        from kg.extract.events import find_events
    except ImportError:  # not there yet
        return []
    return list(find_events(doc, mentions, published))
