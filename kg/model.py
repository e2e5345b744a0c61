"""The article model: what the text parser and the annotations produce, before any RDF exists.

Offsets are Unicode code points into :attr:`Article.body`, the text stored as ``schema:articleBody``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kg.dates import PartialDate


@dataclass(frozen=True, order=True)
class Span:
    """Half-open range ``[start, end)`` of code points in the article body."""

    start: int
    end: int

    def text(self, body: str) -> str:
        return body[self.start : self.end]


@dataclass(frozen=True)
class Block:
    """One block of the article body: a heading, paragraph, caption, ..."""

    kind: str
    span: Span


@dataclass(frozen=True)
class Section:
    heading: str
    heading_span: Span
    span: Span


@dataclass(frozen=True)
class Image:
    caption: str
    caption_span: Span
    credit: str
    photographer: str | None
    agencies: tuple[str, ...]
    alt: str | None = None


@dataclass(frozen=True)
class Video:
    title: str
    title_span: Span
    duration: dt.timedelta


@dataclass(frozen=True)
class Mention:
    """A known entity named in the body."""

    entity: str
    span: Span


@dataclass(frozen=True)
class Article:
    """Everything the parser reads off a DW article by itself."""

    slug: str
    headline: str
    description: str
    body: str
    date_published: dt.date
    date_modified: dt.date | None
    deadline: dt.datetime | None
    final: bool
    language: str
    word_count: int
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...]
    images: tuple[Image, ...]
    videos: tuple[Video, ...]
    authors: tuple[str, ...]
    agencies: tuple[str, ...]
    quotes: tuple[Span, ...]
    """Spans of text inside quotation marks, marks excluded."""


@dataclass(frozen=True)
class Evidence:
    """A verbatim phrase of the article that supports a fact, found at ``span``."""

    span: Span
    quote: str


@dataclass(frozen=True)
class Role:
    person: str
    title: dict[str, str]
    status: str
    evidence: Evidence
    position: str | None = None
    organization: str | None = None


@dataclass(frozen=True)
class Window:
    """A vague time window such as "in the next two weeks": earliest and latest day, and the words."""

    start: dt.date
    end: dt.date
    text: str


@dataclass(frozen=True)
class Event:
    id: str
    kind: str
    name: dict[str, str]
    status: str
    evidence: tuple[Evidence, ...]
    start: PartialDate | None = None
    end: PartialDate | None = None
    latest: PartialDate | None = None
    window: Window | None = None
    duration: dt.timedelta | None = None
    location: str | None = None
    virtual: bool = False
    attendees: tuple[str, ...] = ()
    organizers: tuple[str, ...] = ()
    about: tuple[str, ...] = ()
    part_of: str | None = None
    wikidata: str | None = None
    description: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Posting:
    """A social media post a quotation or claim is based on."""

    platform: str
    author: str
    date: PartialDate | None


@dataclass(frozen=True)
class Quotation:
    text: str
    speaker: str
    evidence: Evidence
    about: tuple[str, ...] = ()
    date: PartialDate | None = None
    posting: Posting | None = None


@dataclass(frozen=True)
class Claim:
    """Reported speech that is not a direct quotation."""

    speaker: str
    evidence: Evidence
    about: tuple[str, ...] = ()
    date: PartialDate | None = None


@dataclass(frozen=True)
class Annotations:
    """What an editor wrote down for one article; every fact carries its evidence."""

    about: tuple[str, ...] = ()
    url: str | None = None
    roles: tuple[Role, ...] = ()
    events: tuple[Event, ...] = ()
    quotations: tuple[Quotation, ...] = ()
    claims: tuple[Claim, ...] = ()
