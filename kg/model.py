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
class Agent:
    """A person or organisation a page names as its author or publisher (``kind`` is the schema.org type)."""

    name: str
    kind: str = "Person"
    """``Person`` or ``Organization``."""
    url: str | None = None
    same_as: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageImage:
    """An image a web page shows or declares: its address, caption and credit.

    ``caption_span`` is set when the caption is part of the body text (a figure in the main text), and is
    ``None`` for an image only the page's structured data or OpenGraph names.
    """

    url: str | None
    caption: str = ""
    credit: str = ""
    alt: str | None = None
    caption_span: Span | None = None
    creator: Agent | None = None


@dataclass(frozen=True)
class Thing:
    """Something the publisher's structured data says the article is about or mentions."""

    name: str
    kind: str | None = None
    """The schema.org type the page gives (``Person``, ``Place``, ...), if any."""
    id: str | None = None
    """The node's ``@id`` or ``url`` as the page states it (never fetched)."""
    same_as: tuple[str, ...] = ()


@dataclass(frozen=True)
class Stated:
    """What the publisher's own structured data (JSON-LD, microdata, RDFa) states about the article,
    kept apart from what newskg extracts: it is attributed to the page, not to newskg."""

    about: tuple[Thing, ...] = ()
    mentions: tuple[Thing, ...] = ()
    keywords: tuple[str, ...] = ()
    syntaxes: tuple[str, ...] = ()
    """The syntaxes the statements came from (``json-ld``, ``microdata``, ``rdfa``, ``opengraph``)."""


@dataclass(frozen=True)
class Article:
    """Everything a reader reads off an article by itself: the DW text scrape (``kg.read.dw``) or a web
    page, feed item, web-archive record or plain text (``kg.read.html`` and its siblings).

    The fields after ``quotes`` have defaults: each reader fills what its format says.
    """

    slug: str
    headline: str
    description: str
    body: str
    date_published: dt.date
    date_modified: dt.date | None
    language: str
    word_count: int
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...]
    quotes: tuple[Span, ...]
    """Spans of text inside quotation marks, marks excluded."""
    deadline: dt.datetime | None = None
    """DW's "Redaktionsschluss": the time the text was last worked on."""
    final: bool = False
    images: tuple[Image, ...] = ()
    videos: tuple[Video, ...] = ()
    authors: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    url: str | None = None
    """The canonical URL (the page's ``<link rel=canonical>``, its structured data's ``url``, ...)."""
    original_url: str | None = None
    """Where this copy was read from: the WARC record's target URI, the feed item's link, the page's own
    address, when it differs from :attr:`url`."""
    published: dt.datetime | None = None
    """:attr:`date_published` with its time of day and offset, when the source gives them."""
    modified: dt.datetime | None = None
    publisher: Agent | None = None
    creators: tuple[Agent, ...] = ()
    """Authors as the page names them, persons or organisations (``authors`` holds DW's initials)."""
    section: str | None = None
    keywords: tuple[str, ...] = ()
    page_images: tuple[PageImage, ...] = ()
    stated: Stated = field(default_factory=Stated)
    crawled: dt.datetime | None = None
    """When a crawler fetched the page (a WARC record's date)."""
    source_format: str = "dw-text"
    """``dw-text``, ``html``, ``warc``, ``feed`` or ``text``."""
    language_source: str = "declared"
    """How :attr:`language` was found: ``declared`` (the page's lang or structured data) or ``detected``."""


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
