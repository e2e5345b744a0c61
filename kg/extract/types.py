"""What the extractor finds in a text, before any RDF: plain values with offsets and a confidence.

Offsets are Unicode code points into the analysed text, half-open (``text[start:end]``). Every item carries
a ``confidence`` in [0, 1]: how sure the extractor is, measured on development data, never 1.0 for a guess.
An entity is named by its ``key``: a registry entity's id when the name is known, otherwise the key minted
for the discovered name (:func:`kg.vocab.discovered_key`, which this module re-exports).
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.model import Span
from kg.vocab import discovered_key as discovered_key  # the key, made an IRI by kg.vocab.Minter.discovered

ENTITY_TYPES = ("Person", "Organization", "Place")
FORMS = ("direct", "indirect", "reported")
PRECISIONS = ("day", "month", "year", "window")
STATUSES = ("planned", "happened")


@dataclass(frozen=True)
class Mention:
    """A name of a person, organization or place in the text."""

    span: Span
    text: str
    type: str
    """One of :data:`ENTITY_TYPES`."""
    key: str
    """The entity: a registry id, or :func:`discovered_key` of the full name it resolves to."""
    known: bool
    """True when the registry knows the entity (then ``wikidata`` is its checked id, if any)."""
    confidence: float
    wikidata: str | None = None
    canonical: str = ""
    """The full name this mention resolves to within the text ("Donald Trump" for "Trumps")."""


@dataclass(frozen=True)
class Speaker:
    """Who a quotation is attributed to, and the words that say so where it is said."""

    span: Span | None
    text: str
    key: str | None
    """The entity, or None for an unnamed speaker ("die Fahrtleiterin": see ``role``)."""
    role: str | None = None


@dataclass(frozen=True)
class Quotation:
    span: Span
    """The message: inside the marks for direct speech, the reported clause otherwise."""
    form: str
    """One of :data:`FORMS`."""
    cue: Span | None
    speaker: Speaker | None
    confidence: float


@dataclass(frozen=True)
class Role:
    """A position a person holds or held, from an apposition or a title ("Ungarns Außenminister Peter
    Szijjarto")."""

    span: Span
    person: str
    """The person's entity key."""
    role: str
    """The role name as the text gives it, without the country or organization ("Außenminister")."""
    of: str | None
    """The organization's or country's entity key, when the text names one."""
    former: bool
    confidence: float


@dataclass(frozen=True)
class When:
    """A date at the precision the text gives; a window has ``value`` as its first and ``end`` as its last
    day."""

    value: str
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
    precision: str
    """One of :data:`PRECISIONS`."""
    span: Span
    end: str | None = None


@dataclass(frozen=True)
class Event:
    kind: str
    """meeting, summit, call, visit, talks, announcement, election, arrest, warrant, attack, agreement, ..."""
    spans: tuple[Span, ...]
    """Every phrase of the text that tells of this event (one event, however often it is mentioned)."""
    attendees: tuple[str, ...]
    location: str | None
    date: When | None
    status: str
    """One of :data:`STATUSES`."""
    confidence: float


@dataclass(frozen=True)
class Extraction:
    """Everything found in one text."""

    lang: str
    mentions: tuple[Mention, ...] = ()
    quotations: tuple[Quotation, ...] = ()
    roles: tuple[Role, ...] = ()
    events: tuple[Event, ...] = ()
