"""The working structures of one text: its tokens with sentence, tag and quotation flags and its mentions by
token, built once per document and read by every rule.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from kg.extract import cues as C
from kg.extract.lexicon import given_name_gender
from kg.extract.types import Mention, Speaker


@dataclass(slots=True)  # read millions of times a text: slots are quicker to make and to read
class _Tok:
    i: int
    text: str
    low: str
    start: int
    end: int
    sent: int


@dataclass(slots=True)
class _State:
    text: str
    lang: str
    toks: list[_Tok]
    sents: list[tuple[int, int]]  # token index ranges
    mentions: list[Mention]
    quoted: list[tuple[int, int]] = field(default_factory=list)  # char ranges inside marks
    last_speaker: Speaker | None = None
    last_speaker_sent: int = -10
    gender: dict[str, str] = field(default_factory=dict)  # entity key -> m/f/p
    name_gender: dict[str, str] = field(default_factory=dict)  # person key -> m/f of its given name
    doc: object = None
    inq: list[bool] | None = None
    m_starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)  # each token's end, for bisection
    cues_of: dict[int, list[int]] = field(default_factory=dict)  # sentence -> its verbs of saying


def _state(doc, mentions: list[Mention]) -> _State:  # type: ignore[no-untyped-def]
    toks = [_Tok(t.i, t.text, t.text.lower(), t.start, t.end, t.sentence) for t in doc.tokens]
    sents = [(s.first, s.last) for s in doc.sentences]
    lang = "de" if getattr(doc, "lang", "de") == "de" else "en"
    ordered = sorted(mentions, key=lambda m: m.span.start)
    return _State(doc.text, lang, toks, sents, ordered, doc=doc, name_gender=_name_genders(ordered))


def _name_genders(mentions: list[Mention]) -> dict[str, str]:
    """Person key -> the gender of the given name that opens its first mention to have one ("Anna Berger":
    "f"), so that a pronoun finds a person the text has not yet given a gender by a title or pronoun."""
    out: dict[str, str] = {}
    for m in mentions:
        words = m.text.split()
        gender = given_name_gender(words[0]) if m.type == "Person" and words else ""
        if gender:
            out.setdefault(m.key, gender)
    return out


def _person_gender(st: _State, key: str | None) -> str:
    """The gender of an entity: the one a pronoun, title or feminine noun of the text gave it, else its given
    name's (the text says more of this person than a name's statistics)."""
    return (st.gender.get(key) or st.name_gender.get(key, "")) if key is not None else ""


def _set_quoted(st: _State, ranges: list[tuple[int, int]]) -> None:
    """Mark the character ranges inside quotation marks, and which tokens lie inside them."""
    st.quoted = ranges
    st.cues_of = {}  # a verb of saying inside the marks is none: worked out again for the new marks
    inq = [False] * len(st.toks)
    for a, b in ranges:
        k = _tok_at(st, a)
        while k is not None and k < len(st.toks) and st.toks[k].start < b:
            if a <= st.toks[k].start and st.toks[k].end <= b:
                inq[k] = True
            k += 1
    st.inq = inq


def _in_quote(st: _State, tok: _Tok) -> bool:
    inq, i = st.inq, tok.i  # (asked several times for every token: read once)
    if inq is not None and 0 <= i < len(inq) and st.toks[i] is tok:
        return inq[i]
    return any(a <= tok.start and tok.end <= b for a, b in st.quoted)


def _mention_in(st: _State, start: int, end: int, types: tuple[str, ...] = ("Person", "Organization")):
    """The mentions inside ``[start, end)`` of the given types."""
    if len(st.m_starts) != len(st.mentions):
        st.m_starts = [m.span.start for m in st.mentions]
    lo = bisect.bisect_left(st.m_starts, start)
    hi = bisect.bisect_left(st.m_starts, end)
    return [m for m in st.mentions[lo:hi] if m.span.end <= end and m.type in types]


def _person_starts(st: _State, k: int, end: int) -> bool:
    """A person's name starts at token ``k`` and ends within its first four tokens (before token ``end``):
    the second of two people named together ("Jan Giesel und David Perteck")."""
    toks = st.toks
    return any(
        m.type == "Person" and m.span.start == toks[k].start
        for m in _mention_in(st, toks[k].start, toks[min(k + 3, end - 1)].end)
    )


def _is_cap(tok: _Tok) -> bool:
    return tok.text[:1].isupper()


def _is_adj(tok: _Tok, lang: str) -> bool:
    if lang != "de":
        return False
    return (
        tok.text.isalpha()
        and tok.text.islower()
        and tok.low.endswith(("e", "en", "er", "es", "em"))
        and tok.low not in C.DE_STOP
        and tok.low not in C.DE_SPEECH_FORMS
        and tok.low not in C.KONJ1
        and tok.low not in C.DE_DET
        and tok.low not in ("der", "die", "das", "des", "dem", "den")
    )


def _tok_at(st: _State, offset: int) -> int | None:
    """The first token that ends after ``offset`` (the last token when none does)."""
    if len(st.ends) != len(st.toks):
        st.ends = [t.end for t in st.toks]
    lo = bisect.bisect_right(st.ends, offset)
    return lo if lo < len(st.toks) else (len(st.toks) - 1 if st.toks else None)
