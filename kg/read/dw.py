"""Read a scraped Deutsche Welle article (German edition) into an :class:`~kg.model.Article`.

Pure: text in, model out. It reads what the page itself states (headline, dates, sections, media, credits,
quotations); what needs an editor's judgement comes from the annotations.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.model import Article, Image, Span, Video
from kg.read.body import Layout, find_quotes, looks_like_heading, split_sections

MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}  # fmt: skip

#: Central European time zones as DW prints them.
ZONES = {"MEZ": dt.timezone(dt.timedelta(hours=1)), "MESZ": dt.timezone(dt.timedelta(hours=2))}

#: Skip links ("1. Zum Inhalt springen") of the page header: dropped only before the first line of content.
_NAVIGATION = re.compile(r"[0-9]+\.\s+.*\bspringen")
_BOILERPLATE = [
    re.compile(r"This browser does not support the video element\.?"),
    re.compile(r"Den nächsten Abschnitt .* überspringen"),
]
_DATE = r"([0-9]{1,2})\.\s*([A-Za-zÄÖÜäöü]+)\s+([0-9]{4})"
_DATELINE = re.compile(rf"Veröffentlicht\s+{_DATE}\s*(?:Zuletzt aktualisiert\s+{_DATE})?")
_IMAGE_CREDIT = re.compile(r"(?P<caption>.*?)\s*Bild:\s*(?P<credit>\S.*)")
_DURATION = re.compile(r"(?:([0-9]{1,2}):)?([0-9]{1,2}):([0-9]{2})")
_BYLINE = re.compile(
    r"(?P<authors>[a-zäöüß]{1,6}(?:\s*/\s*[a-zäöüß]{1,6})*)?\s*"
    r"\((?P<agencies>[A-Za-z]{2,8}(?:\s*,\s*[A-Za-z]{2,8})*)\)"
)
_DEADLINE = re.compile(r"Redaktionsschluss\s+([0-9]{1,2})[.:]([0-9]{2})\s*Uhr\s*\((MESZ|MEZ)\)(?P<rest>.*)")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_PERSON_NAME = re.compile(r"[A-ZÄÖÜ][\w'.-]+(?:\s+[A-ZÄÖÜ][\w'.-]+){1,3}")
_NOT_A_NAME = {"images", "image", "photo", "photos", "press", "presse", "agency", "office", "news", "pool",
               "alliance", "picture", "imago", "reuters", "getty", "media", "archive", "archiv"}  # fmt: skip


@dataclass
class _Raw:
    """A block of consecutive non-blank source lines."""

    line: int
    lines: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def parse_article(
    text: str,
    *,
    slug: str,
    source: str | Path = "<text>",
    is_organization: Callable[[str], bool] = lambda name: False,
) -> Article:
    """Parse the scraped text of one DW article.

    :param is_organization: tells known organizations from photographers in credit lines.
    :raises InputError: naming ``source`` and the line when a required part is missing.
    """
    blocks = _blocks(text)
    dateline_at = next((i for i, b in enumerate(blocks) if _DATELINE.fullmatch(b.text)), None)
    if dateline_at is None:
        raise InputError("no date line found (expected 'Veröffentlicht <day>. <Monat> <year>')", file=source)
    if dateline_at == 0:
        raise InputError("no headline before the date line", file=source, line=blocks[0].line)
    head, dateline = blocks[dateline_at - 1], blocks[dateline_at]
    published, modified = _dates(dateline, source)
    rest = blocks[dateline_at + 1 :]
    if not rest:
        raise InputError("no text after the date line", file=source, line=dateline.line)
    return _Assembler(slug, source, is_organization).run(head, rest, published, modified)


def _blocks(text: str) -> list[_Raw]:
    blocks: list[_Raw] = []
    current: _Raw | None = None
    dated = False  # site navigation ("1. Zum Inhalt springen") sits above the date line, wherever it is
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = raw.strip()
        dated = dated or bool(_DATELINE.fullmatch(line))
        navigation = not dated and _NAVIGATION.fullmatch(line)
        if not line or navigation or any(p.fullmatch(line) for p in _BOILERPLATE):
            current = None
            continue
        if current is None:
            current = _Raw(number, [])
            blocks.append(current)
        current.lines.append(line)
    return blocks


def _date(day: str, month: str, year: str, source: str | Path, line: int) -> dt.date:
    number = MONTHS.get(month.lower())
    if number is None:
        raise InputError(f"unknown month name {month!r}", file=source, line=line)
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:
        raise InputError(f"impossible date '{day}. {month} {year}'", file=source, line=line) from None


def _dates(block: _Raw, source: str | Path) -> tuple[dt.date, dt.date | None]:
    match = _DATELINE.fullmatch(block.text)
    assert match is not None
    groups = match.groups()
    published = _date(*groups[:3], source, block.line)
    modified = _date(*groups[3:], source, block.line) if groups[3] else None
    if modified is not None and modified < published:
        raise InputError("'Zuletzt aktualisiert' is before 'Veröffentlicht'", file=source, line=block.line)
    return published, modified


def split_credit(credit: str, is_organization: Callable[[str], bool]) -> tuple[str | None, tuple[str, ...]]:
    """Split a credit line into photographer and agencies.

    >>> split_credit("Sergei Bobylev/TASS/IMAGO", lambda name: False)
    ('Sergei Bobylev', ('TASS', 'IMAGO'))
    >>> split_credit("Presidential Office of Ukraine/SvenSimon/picture alliance", lambda name: False)
    (None, ('Presidential Office of Ukraine', 'SvenSimon', 'picture alliance'))
    """
    parts = tuple(p.strip() for p in credit.split("/") if p.strip())
    if parts and _looks_like_person(parts[0]) and not is_organization(parts[0]):
        return parts[0], parts[1:]
    return None, parts


def _looks_like_person(name: str) -> bool:
    words = name.split()
    return bool(_PERSON_NAME.fullmatch(name)) and not any(w.lower() in _NOT_A_NAME for w in words)


class _Assembler(Layout):
    """Classifies blocks and lays out the body text, recording every span."""

    def __init__(self, slug: str, source: str | Path, is_organization: Callable[[str], bool]) -> None:
        super().__init__()
        self.slug, self.source, self.is_organization = slug, source, is_organization
        self.images: list[Image] = []
        self.videos: list[Video] = []
        self.authors: tuple[str, ...] = ()
        self.agencies: tuple[str, ...] = ()
        self.deadline: tuple[int, int, str] | None = None
        self.final = False

    def run(self, head: _Raw, rest: list[_Raw], published: dt.date, modified: dt.date | None) -> Article:
        headline = " ".join(head.lines)
        self.add("headline", headline)
        lede = rest[0]
        self.add("lede", lede.text)
        skip = False
        for i, block in enumerate(rest[1:], 1):
            if skip:
                skip = False
                continue
            following = rest[i + 1] if i + 1 < len(rest) else None
            if following is not None and _DURATION.fullmatch(following.text):
                self.video(block, following)
                skip = True
            else:
                self.classify(block)
        body = self.body()
        end_of_text = max(
            (b.span.end for b in self.blocks if b.kind in ("paragraph", "heading", "lede")),
            default=0,
        )
        return Article(
            slug=self.slug,
            headline=headline,
            description=lede.text,
            body=body,
            date_published=published,
            date_modified=modified,
            deadline=self.deadline_time(modified or published),
            final=self.final,
            language="de",
            word_count=sum(
                len(_WORD.findall(b.span.text(body)))
                for b in self.blocks
                if b.kind in ("lede", "heading", "paragraph")
            ),
            blocks=tuple(self.blocks),
            sections=split_sections(self.headings, end_of_text),
            images=tuple(self.images),
            videos=tuple(self.videos),
            authors=self.authors,
            agencies=self.agencies,
            quotes=tuple(find_quotes(body)),
        )

    def classify(self, block: _Raw) -> None:
        text = block.text
        last = block.lines[-1]
        credit = _IMAGE_CREDIT.fullmatch(last)
        if credit is not None:
            self.image(block, credit)
        elif (byline := _BYLINE.fullmatch(text)) is not None:
            self.add("byline", text)
            authors = byline.group("authors") or ""
            self.authors = tuple(a.strip() for a in authors.split("/") if a.strip())
            self.agencies = tuple(a.strip() for a in byline.group("agencies").split(","))
        elif (deadline := _DEADLINE.fullmatch(text)) is not None:
            self.add("deadline", text)
            hour, minute = int(deadline.group(1)), int(deadline.group(2))
            if hour > 23 or minute > 59:
                raise InputError(
                    f"impossible time '{hour}.{minute:02d} Uhr'", file=self.source, line=block.line
                )
            self.deadline = (hour, minute, deadline.group(3))
            self.final = "nicht weiter aktualisiert" in deadline.group("rest")
        elif len(block.lines) == 1 and looks_like_heading(text):
            self.add("heading", text)
        else:
            self.add("paragraph", text)

    def image(self, block: _Raw, credit: re.Match[str]) -> None:
        alt = "\n".join(block.lines[:-1]) or None
        if alt:
            self.add("image-alt", alt)
        caption = credit.group("caption").strip()
        caption_span = self.add("caption", caption) if caption else Span(self.length, self.length)
        credit_text = credit.group("credit").strip()
        self.add("credit", f"Bild: {credit_text}")
        photographer, agencies = split_credit(credit_text, self.is_organization)
        self.images.append(Image(caption, caption_span, credit_text, photographer, agencies, alt))

    def video(self, title: _Raw, duration: _Raw) -> None:
        match = _DURATION.fullmatch(duration.text)
        assert match is not None
        hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
        if minutes > 59 or seconds > 59:
            raise InputError(
                f"impossible video duration {duration.text!r}", file=self.source, line=duration.line
            )
        span = self.add("video-title", title.text)
        length = dt.timedelta(hours=hours, minutes=minutes, seconds=seconds)
        self.videos.append(Video(title.text, span, length))

    def deadline_time(self, day: dt.date) -> dt.datetime | None:
        if self.deadline is None:
            return None
        hour, minute, zone = self.deadline
        return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONES[zone])
