"""What every reader does with an article's body in the same way, whatever the input format: lay it out
block by block, tell which lines of plain text are headings, find the passages inside quotation marks and
the sections under the headings."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.model import Block, Section, Span

_SENTENCE_END = tuple('.!?:;"“”»)…')
_QUOTES = re.compile(r'"([^"\n]+)"|„([^“”"\n]+)[“”]|»([^«\n]+)«|“([^”\n]+)”|«([^»\n]+)»')


class Layout:
    """The body text laid out block by block, blocks apart by a blank line, every block's span recorded."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.length = 0
        self.blocks: list[Block] = []
        self.headings: list[tuple[str, Span]] = []

    def add(self, kind: str, text: str) -> Span:
        if self.pieces:
            self.pieces.append("\n\n")
            self.length += 2
        span = Span(self.length, self.length + len(text))
        self.pieces.append(text)
        self.length = span.end
        self.blocks.append(Block(kind, span))
        if kind == "heading":
            self.headings.append((text, span))
        return span

    def body(self) -> str:
        return "".join(self.pieces)


def looks_like_heading(line: str) -> bool:
    """A short line that does not end like a sentence: how a heading looks once a page is plain text."""
    return len(line.split()) <= 12 and not line.endswith(_SENTENCE_END)


def find_quotes(body: str) -> list[Span]:
    """Spans of text inside quotation marks, the marks excluded."""
    spans = []
    for match in _QUOTES.finditer(body):
        group = next(g for g in range(1, 6) if match.group(g) is not None)
        spans.append(Span(match.start(group), match.end(group)))
    return spans


def split_sections(headings: Sequence[tuple[str, Span]], end_of_text: int) -> tuple[Section, ...]:
    """Each heading's section runs to the paragraph break before the next heading, the last one to the end of
    the text."""
    out = []
    for i, (heading, span) in enumerate(headings):
        nxt = headings[i + 1][1].start - 2 if i + 1 < len(headings) else end_of_text
        out.append(Section(heading, span, Span(span.start, max(nxt, span.end))))
    return tuple(out)
