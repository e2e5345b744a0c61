"""Read a plain text file, with an optional YAML front matter, into an :class:`~kg.model.Article`.

For text that comes from elsewhere::

    ---
    headline: Storm hits the coast
    url: https://example.org/news/storm
    datePublished: 2024-03-01
    author: Jane Roe            # or a list of names
    publisher: Example News     # optional; else the URL's host, else none (ingested, publisher unknown)
    inLanguage: en
    description: ...            # optional
    ---
    First paragraph.

    Second paragraph.

Paragraphs are separated by blank lines; a single short line without a sentence end is a heading. Without
a ``headline`` the first block is the headline when it is one short line. ``datePublished`` is required (the
graph needs a publication date); without ``inLanguage`` the language is detected from the text.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from kg.errors import InputError
from kg.model import Agent, Article
from kg.read.body import find_quotes, looks_like_heading
from kg.read.html import (
    EARLIEST_PUBLICATION,
    _Layout,
    detect_language,
    parse_datetime,
    plausible_publication,
)
from kg.read.identity import text_slug, url_slug

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
FIELDS = {
    "headline",
    "url",
    "datePublished",
    "dateModified",
    "author",
    "publisher",
    "inLanguage",
    "description",
}


def read_text_file(path: Path) -> Article:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", file=path) from None
    if "\x00" in text:
        raise InputError("not text (NUL bytes)", file=path)
    return read_text(text, source=path)


def read_text(text: str, *, source: str | Path = "<text>") -> Article:
    meta: dict = {}
    body_line = 1
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark is not None else None
            raise InputError(f"front matter is not valid YAML ({getattr(exc, 'problem', exc)})", file=source,
                             line=line) from None  # fmt: skip
        if loaded is not None and not isinstance(loaded, dict):
            raise InputError("front matter must be a mapping of fields", file=source, line=2)
        meta = loaded or {}
        unknown = sorted(set(map(str, meta)) - FIELDS)
        if unknown:
            raise InputError(
                f"unknown front matter field {unknown[0]!r} (known: {', '.join(sorted(FIELDS))})",
                file=source,
                field=unknown[0],
            )
        body_line = text[: match.end()].count("\n") + 1
        text = text[match.end() :]
    blocks = [" ".join(b.split()) for b in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")) if b.strip()]
    headline = _string(meta.get("headline"), "headline", source)
    if not headline:
        if blocks and "\n" not in blocks[0] and len(blocks[0].split()) <= 25:
            headline, blocks = blocks[0], blocks[1:]
        else:
            raise InputError("no headline (front matter 'headline', or a short first line)", file=source)
    if not blocks:
        raise InputError("no text after the headline", file=source, line=body_line)
    published = _date(meta.get("datePublished"), "datePublished", source)
    if published is None:
        raise InputError("no publication date: add 'datePublished' to the front matter", file=source)
    modified = _date(meta.get("dateModified"), "dateModified", source)
    layout = _Layout()
    layout.add("headline", headline)
    for block in blocks:
        layout.add("heading" if looks_like_heading(block) else "paragraph", block)
    body = layout.body()
    language = _string(meta.get("inLanguage"), "inLanguage", source).lower()
    source_of_language = "declared"
    if not language:
        language, source_of_language = (detect_language(body)[0] or "und"), "detected"
    url = _string(meta.get("url"), "url", source) or None
    if url and not re.match(r"https?://[^/\s]+", url):
        raise InputError(f"url {url!r} is not an http(s) URL", file=source, field="url")
    authors = meta.get("author") or []
    names = [authors] if isinstance(authors, str) else authors
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise InputError("author must be a name or a list of names", file=source, field="author")
    published_day = published.date() if isinstance(published, dt.datetime) else published
    modified_day = modified.date() if isinstance(modified, dt.datetime) else modified
    if modified_day is not None and modified_day < published_day:
        raise InputError("dateModified is before datePublished", file=source, field="dateModified")
    return Article(
        slug=url_slug(url) if url else text_slug(headline, body),
        headline=headline,
        description=_string(meta.get("description"), "description", source) or layout.first_paragraph(body),
        body=body,
        date_published=published_day,
        date_modified=modified_day,
        language=language,
        word_count=layout.words(body),
        blocks=tuple(layout.blocks),
        sections=layout.sections(),
        quotes=tuple(find_quotes(body)),
        url=url,
        published=published if isinstance(published, dt.datetime) else None,
        modified=modified if isinstance(modified, dt.datetime) else None,
        creators=tuple(Agent(" ".join(n.split())) for n in names if n.strip()),
        publisher=_publisher(_string(meta.get("publisher"), "publisher", source), url),
        source_format="text",
        language_source=source_of_language,
    )


def _publisher(name: str, url: str | None) -> Agent | None:
    if name:
        return Agent(name, "Organization")
    host = urlsplit(url).hostname if url else None
    return Agent(host.removeprefix("www."), "Organization", f"https://{host}/") if host else None


def _string(value: object, name: str, source: str | Path) -> str:
    if value is None:
        return ""
    if not isinstance(value, str | int | float):
        raise InputError(f"{name} must be text", file=source, field=name)
    return " ".join(str(value).split())


def _date(value: object, name: str, source: str | Path) -> dt.datetime | dt.date | None:
    if value is None or value == "":
        return None
    stated = isinstance(value, dt.datetime | dt.date)  # YAML reads an unquoted date itself
    parsed = value if stated else parse_datetime(str(value), plausible=False)
    if parsed is None:
        raise InputError(f"{name} {value!r} is not a date (YYYY-MM-DD or ISO 8601)", file=source, field=name)
    day = parsed.date() if isinstance(parsed, dt.datetime) else parsed
    if not plausible_publication(day):
        raise InputError(
            f"{name} {value!r} is no plausible day of publication (expected {EARLIEST_PUBLICATION} to two "
            "days from today; a placeholder date is better left out)",
            file=source,
            field=name,
        )
    return parsed
