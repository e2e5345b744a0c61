"""Read an RSS 2.0 or Atom feed: each item is an article (title, link, dates, authors, summary, content).

feedparser reads the bytes it is given (never a URL: it gets a stream, so it cannot take the text for an
address to open) and resolves no external entity; links are recorded, never followed. When a saved page
for an item's link is part of the same input, ``kg.read.sources`` uses the page and :func:`enrich` adds what
the item knows.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from lxml import etree

from kg.errors import InputError
from kg.model import Agent, Article
from kg.read.body import find_quotes
from kg.read.html import _Layout, clean_text, detect_language
from kg.read.identity import text_slug, url_slug

_FEED_SNIFF = re.compile(rb"<(rss|feed|rdf:RDF)\b", re.IGNORECASE)
_BROKEN = re.compile(
    r"unclosed token|no element found|mismatched tag|junk after|not well-formed|syntax error", re.IGNORECASE
)
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "td"}


def looks_like_feed(data: bytes) -> bool:
    return bool(_FEED_SNIFF.search(data[:2048]))


@dataclass(frozen=True)
class FeedItem:
    """One item of a feed, as the feed states it."""

    index: int
    """1-based position in the feed."""
    title: str
    link: str | None
    guid: str | None
    published: dt.datetime | None
    updated: dt.datetime | None
    authors: tuple[str, ...]
    summary: str
    content: str
    """The item's full content (``content:encoded``, Atom ``content``) as HTML or text; may be empty."""
    categories: tuple[str, ...]
    language: str | None
    feed_title: str | None

    @property
    def where(self) -> str:
        return f"item {self.index}" + (f" ({self.link})" if self.link else "")


def read_feed(data: bytes, *, source: str | Path = "<feed>") -> list[FeedItem]:
    """The items of an RSS or Atom feed.

    :raises InputError: the bytes are not a feed, or the feed does not parse.
    """
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    version = parsed.get("version") or ""
    if parsed.get("bozo") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise InputError(f"the feed does not parse ({reason})", file=source)
    if not version and not parsed.entries:
        raise InputError("not an RSS or Atom feed", file=source)
    # A feed with items that is not well-formed XML because of an undefined entity is read as feedparser's
    # lenient parser recovers it, as feed readers do; a feed cut off or with broken structure is not (its
    # last item would be read cut off).
    problem = parsed.get("bozo_exception")
    if parsed.get("bozo") and problem is not None and _BROKEN.search(str(problem)):
        raise InputError(f"the feed does not parse ({problem}; truncated or broken XML)", file=source)
    language = (parsed.feed.get("language") or "").split("-")[0].lower() or None
    items = []
    for index, entry in enumerate(parsed.entries, 1):
        content = ""
        if entry.get("content"):
            content = max((c.get("value", "") for c in entry["content"]), key=len)
        authors = [a.get("name", "") for a in entry.get("authors", []) if a.get("name")]
        if not authors and entry.get("author"):
            authors = [entry["author"]]
        items.append(
            FeedItem(
                index=index,
                title=clean_text(entry.get("title", "")),
                link=entry.get("link") or None,
                guid=entry.get("id") or None,
                published=_time(dict.get(entry, "published_parsed")),
                updated=_time(dict.get(entry, "updated_parsed")),
                authors=tuple(clean_text(_email_name(a)) for a in authors if clean_text(_email_name(a))),
                summary=entry.get("summary", "") or "",
                content=content,
                categories=tuple(
                    clean_text(t.get("term", "")) for t in entry.get("tags", []) if t.get("term")
                ),
                language=language,
                feed_title=clean_text(parsed.feed.get("title", "")) or None,
            )
        )
    return items


def _email_name(author: str) -> str:
    """RSS writes ``mail@example.org (Name)``: the name."""
    match = re.fullmatch(r"\s*\S+@\S+\s*\((.+)\)\s*", author)
    return match.group(1) if match else ("" if "@" in author and " " not in author.strip() else author)


def _time(value: object) -> dt.datetime | None:
    if not value:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC)  # type: ignore[arg-type]


def text_blocks(markup: str) -> list[tuple[str, str]]:
    """(kind, text) blocks of an item's HTML or plain text: headings, paragraphs, list items, quotes."""
    if not markup.strip():
        return []
    if "<" not in markup:
        return [("paragraph", " ".join(p.split())) for p in re.split(r"\n\s*\n", markup) if p.strip()]
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return [("paragraph", clean_text(markup))] if clean_text(markup) else []
    blocks: list[tuple[str, str]] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag not in _BLOCK_TAGS:
            continue
        if any(isinstance(a.tag, str) and a.tag in _BLOCK_TAGS for a in element.iterancestors()):
            continue
        text = " ".join(element.text_content().split())
        if not text:
            continue
        kind = {"li": "list-item", "blockquote": "quote", "figcaption": "caption"}.get(
            element.tag, "paragraph"
        )
        if re.fullmatch(r"h[1-6]", element.tag):
            kind = "heading"
        blocks.append((kind, text))
    if not blocks:
        text = " ".join(root.text_content().split())
        return [("paragraph", text)] if text else []
    return blocks


def item_article(item: FeedItem, *, source: str | Path = "<feed>") -> Article:
    """The article a feed item is by itself (its content, else its summary).

    :raises InputError: naming the feed and the item when it has no title, no text or no date.
    """
    where = f"{source} {item.where}"
    if not item.title:
        raise InputError("feed item without a title", file=where)
    date = item.published or item.updated
    if date is None:
        raise InputError("feed item without a date (pubDate, published or updated)", file=where)
    summary_blocks = text_blocks(item.summary)
    blocks = text_blocks(item.content) or summary_blocks
    if not blocks:
        raise InputError(
            "feed item with neither content nor summary, and no saved page of its link", file=where
        )
    layout = _Layout()
    layout.add("headline", item.title)
    for kind, text in blocks:
        layout.add(kind, text)
    body = layout.body()
    description = " ".join(t for _, t in summary_blocks) or layout.first_paragraph(body)
    detected, _ = detect_language(body)
    language = item.language or detected or "und"
    modified = item.updated if item.updated and item.published and item.updated > item.published else None
    return Article(
        slug=url_slug(item.link) if item.link else text_slug(item.title, body),
        headline=item.title,
        description=description,
        body=body,
        date_published=date.date(),
        date_modified=modified.date() if modified else None,
        language=language,
        word_count=layout.words(body),
        blocks=tuple(layout.blocks),
        sections=layout.sections(),
        quotes=tuple(find_quotes(body)),
        url=item.link,
        published=date,
        modified=modified,
        creators=tuple(Agent(name) for name in item.authors),
        keywords=item.categories,
        publisher=Agent(item.feed_title, "Organization") if item.feed_title else None,
        source_format="feed",
        language_source="declared" if item.language else "detected",
    )


def enrich(page: Article, item: Article) -> Article:
    """The page as read, with what the feed item adds where the page says nothing."""
    changes: dict[str, object] = {}
    if not page.creators and item.creators:
        changes["creators"] = item.creators
    if not page.keywords and item.keywords:
        changes["keywords"] = item.keywords
    if not page.description and item.description:
        changes["description"] = item.description
    if page.publisher is None and item.publisher is not None:
        changes["publisher"] = item.publisher
    if page.published is None and item.published is not None and item.date_published == page.date_published:
        changes["published"] = item.published
    if page.original_url is None and item.url and item.url != page.url:
        changes["original_url"] = item.url
    return dataclasses.replace(page, **changes) if changes else page
