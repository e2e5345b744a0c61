"""Quotation marks: which opening mark closes with which, and the pairing of a text's marks into passages."""

from __future__ import annotations

import re

# opening mark -> closing marks
_PAIRS = {
    "„": '“”"',
    "»": "«",
    "«": "»",
    "‚": "‘’",
    "“": "”",
    "‘": "’",
    '"': '"',
    "'": "'",
    "‹": "›",
    "›": "‹",
}


_MAX_QUOTE = 4000


_MARK_CHAR = re.compile("[„“”»«‚‘’\"'‹›]")
"""A quotation mark or apostrophe: the only characters :func:`pair_quotes` looks at (found by the regular
expression engine, not one Python step per character)."""


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def pair_quotes(text: str) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of the marks of every quotation in ``text``, in text order.

    German „…“ and ‚…‘, guillemets in both directions, English “…” and ‘…’, straight "…" and '…' (an
    apostrophe is not a mark). A quotation left open at the end of a paragraph continues when the next
    paragraph opens with the same mark (the English convention for a quotation over paragraphs); a German
    quotation inside another with the same marks („A „B“ C“, within a paragraph) is paired inside it, and the
    outer one closes at the next closing mark; an English one left open when the same mark opens again inside
    its paragraph is dropped.

    >>> text = 'Er sagte: „Wir kommen.“ Sie: "Nein."'
    >>> [text[a + 1 : b] for a, b in pair_quotes(text)]
    ['Wir kommen.', 'Nein.']
    """
    # two apostrophes or backticks stand for a double mark in some archives (''Yes,'' he said): same length
    text = text.replace("''", '"\u200b').replace("``", '"\u200b')
    pending: dict[str, int] = {}  # opening mark -> its offset
    outer: dict[str, list[int]] = {}  # opening mark -> the offsets of the same mark open around it
    out: list[tuple[int, int]] = []
    n = len(text)
    for mark in _MARK_CHAR.finditer(text):
        i, ch = mark.start(), mark.group()
        prev = text[i - 1] if i else "\n"
        nxt = text[i + 1] if i + 1 < n else "\n"
        # drop marks opened too long ago
        for mark in [m for m, at in pending.items() if i - at > _MAX_QUOTE]:
            del pending[mark]
        closed = False
        for mark, at in sorted(pending.items(), key=lambda kv: -kv[1]):
            if ch in _PAIRS[mark] and not (ch in "'’" and _is_word(prev) and _is_word(nxt)):
                if mark in "\"'" and (prev.isspace() and not nxt.isspace() and nxt not in ".,;:!?)"):
                    continue  # a straight mark with a space before and a word after opens
                if mark == "'" and (_is_word(nxt) or prev.isspace()):
                    continue
                out.append((at, i))
                del pending[mark]
                if outer.get(mark):  # a quotation inside one with the same marks: the outer one goes on
                    pending[mark] = outer[mark].pop()
                closed = True
                break
        if closed:
            continue
        if ch not in _PAIRS:
            continue
        if ch in "'‘" and not (prev.isspace() or prev in "([{—–-:\n") and not (ch == "‘" and "‚" in pending):
            continue  # an apostrophe ("Trump's", "geht's")
        if ch in "'" and not _is_word(nxt):
            continue
        if ch == '"' and nxt.isspace() and not prev.isspace() and prev != "\n":
            continue  # a closing straight mark without an open one
        if ch in pending:
            opened = pending[ch]
            if (text.rfind("\n", opened, i) != -1 and prev == "\n") or text[:i].rstrip(" \t").endswith("\n"):
                continue  # a new paragraph that opens again: the quotation goes on
            if ch in "„»«‚" and text.rfind("\n", opened, i) == -1:
                # German „A „B“ C“ in one paragraph: B inside A, whose mark closes after B's
                outer.setdefault(ch, []).append(opened)
            else:
                outer.pop(ch, None)
        pending[ch] = i
    out.sort()
    return out


_MARKS = set("„“”\"»«‚‘’'‹›") | {"''", "``"}


_WORDS = re.compile(r"[^\W\d_]{2,}")
