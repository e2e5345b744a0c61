"""What every reader derives from an article's body in the same way, whatever the input format: which lines of
plain text are headings, the passages inside quotation marks, and the sections under the headings."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.model import Section, Span

_SENTENCE_END = tuple('.!?:;"“”»)…')
_QUOTES = re.compile(r'"([^"\n]+)"|„([^“”"\n]+)[“”]|»([^«\n]+)«|“([^”\n]+)”|«([^»\n]+)»')


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
