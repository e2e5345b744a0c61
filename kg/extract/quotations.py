"""Who said what: direct speech between quotation marks, indirect and reported speech, each with its cue
and its speaker.

Forms (:data:`kg.extract.types.FORMS`):

- ``direct``: the words between quotation marks („…“, "…", »…«, «…», '…', ‚…‘, “…”; a quotation may run
  over several sentences and, English-style, over paragraphs that each open with a mark again). The span is
  inside the marks.
- ``indirect``: a clause reported after a verb of saying ("erklärte, Ungarn habe …", "sagte, dass …",
  "Wie die Polizei mitteilte, …", "…, sagte er", "laut X", "nach Angaben von X", "X zufolge", "X said
  (that) …", "according to X"), and sentences in Konjunktiv I (or reportative "soll") that carry the
  previous speaker forward ("Putin habe die Idee nicht gefallen"); consecutive ones are one message.
- ``reported``: a speech act told without its words ("Der Kreml warnte die US-Regierung vor einer solchen
  Lieferung"): the span is the clause.

English follows the attributions of PolNeAR (English political news): a sentence may hold several ("…,
saying …", "X praised A and said B", "…, though she noted …"); quoted words inside a reported clause are part
of its message, not a quotation of their own; the second part of a quotation split by its frame ("“A,” he
said, “B.”") has no verb of its own and goes on with the first; the speaker's words are the subject with its
apposition or relative clause, or a relative pronoun ("…, who said").

Quotation marks around a title or a scare-quoted word ("Truth Social", ein „geflügeltes Wort“) are not
speech. Which quoted passages are speech is decided by a logistic model over a few features of the passage
and its sentence (length, punctuation inside, a verb of saying or a colon near it, Konjunktiv, a determiner
right before it, a title after a noun, ...), trained on the development half of SpkAtt-2023 by
``bench/train_quotes.py``; its weights are ``quote_model.json`` beside this module. What a German speaker
calls something is speech whatever the model says ("nannte den Bericht eine „Zeitungsente“", "wies dies als
„Unverschämtheit“ zurück", "sprach von einem „…“", "nannte den Film „großartig“", "wertete ihn als „…“"),
and so are the words of a noun of saying ("mit der Parole „…“", "„…“ – mit diesen Worten …"); the name
after a noun of what bears one is not ("die Partei „…“", "unter dem Motto „…“", "das Wort „…“"), nor is
what something is (so) called ("nennt sich „…“", "laut „…“", "die sogenannte „…“"), a passage joined into a
compound ("die „Bild“-Zeitung"), the one spoken to or where ("sagte der „…“", "gegenüber dem „…“", "Im „…“
sagte …") or a capitalised passage that stands again elsewhere in the text; then the object before the
particle of a verb of saying ("warf ihr „Versagen“ vor"), what is shouted ("riefen „…“"), an attitude
("zeigte sich „…“"), a fronted "„…“ nannte X" and a term in a view "für X" are speech
(:func:`speech_rules`).

The speaker is the noun phrase that the verb of saying takes as its subject (after the verb in German
inverted order: "sagte der US-Präsident"; before it otherwise), resolved to the entity of a mention inside
it; a pronoun ("er", "sie", "he") is resolved to the last speaker or the last person named before it whose
gender fits; a phrase without a named entity is an unnamed speaker with its role noun ("die
Fahrtleiterin"). The speaker's words are the whole phrase that names the speaker there, as SpkAtt-2023 marks
its sources: with a title before the name and an apposition or a party after it ("Die Sprecherin der Stiftung
Warentest, Heike van Laak", "Theo Zwanziger, Präsident des DFB (DFB)"), the text a source is quoted from
("heißt es in dem Schreiben"), the two words of "nach seiner Meinung", "nach eigenen Angaben", or the pronoun
the sentence uses. At the end of a subordinate clause the verb's subject follows the conjunction ("weil die
Regierung das Land als „…“ bezeichnet hat") or is the phrase the relative pronoun stands for. A short quoted
term in a sentence with no verb of saying gets no speaker from the sentence's subject, nor does any quotation
there from a subject that names nobody (German: no mention, no pronoun, no role or body at its head:
"Durchsuchungen sind nur bei einer „…“ zulässig") or from the subject of a passive ("X wurde aufgefordert,
„…“"); "für X" (or "aus Sicht von X") in a clause with a copula makes it X's view ("Für die Ministerin ist
das eine „…“", "Für X steht fest: „…“"). The rules work on the
tokens and sentences of :mod:`kg.extract.doc` and lexicons (:mod:`kg.extract.cues`); part-of-speech tags are
asked for (and so computed) only for the sentences where a quotation has no verb of saying, to find the
sentence's subject. A speaker carried forward (a Konjunktiv sentence, a quotation that stands alone) keeps
the span of the words that named it last, in an earlier sentence, as SpkAtt-2023 annotates it; with no
speaker just before, a German quotation goes to the one the sentences before name as their subject ("X trat
vor die Presse. Er wirkte müde. „…“": X), and one named as a subject in between stops the last speaker; a
sentence after a quotation that opens by pointing back at it names its speaker ("„…“ Das sagte X.").

After a German verb of saying the subject may follow adverbials, prepositional phrases and objects ("sagte am
Montag der Nachrichtenagentur dpa der Betriebsratschef"), which are no part of it, nor is the paper it was
said to ("sagte die Ministerin der Zeitung"); an extended attribute is ("der am Montag gewählte Präsident"),
and so are a genitive, an apposition and the institution of a role ("der Richter am Landgericht Hamburg").

Confidences follow what the rules achieved on the tuning half of SpkAtt-2023 (``bench/extract_speech.py``):
a direct quotation's is the model's probability that the passage is speech times how sure the speaker rule
is; clauses after a verb of saying are right about as often as 0.5-0.7 says (their messages matched gold
86 % of the time, their speakers about 60 %); reported speech acts 0.45 (48 % matched).
"""

from __future__ import annotations

import bisect
import contextlib
import json
import math
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract import cues as C
from kg.extract.lexicon import ORG_WORDS, first_names, is_role_noun
from kg.extract.types import ENTITY_TYPES, Mention, Quotation, Speaker
from kg.extract.when import MONTHS
from kg.model import Span

# ---- quotation marks ------------------------------------------------------------------------------------

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


# ---- the model that tells speech from titles and scare quotes -------------------------------------------

_MODEL_PATH = Path(__file__).with_name("quote_model.json")


def _load_model() -> dict[str, float]:
    """The shipped weights; an installation without them is broken, not a model of no opinion."""
    try:
        weights: dict[str, float] = json.loads(_MODEL_PATH.read_text(encoding="utf-8"))["weights"]
    except (OSError, ValueError, KeyError) as exc:
        raise RuntimeError(
            f"the quotation model {_MODEL_PATH} cannot be read ({exc}): reinstall newskg"
        ) from None
    return weights


_WEIGHTS = _load_model()


@contextlib.contextmanager
def model_weights(weights: dict[str, float]) -> Iterator[None]:
    """Within this block the extractor decides with ``weights`` instead of the shipped model (for the
    benchmark's cross-validation, ``bench.train_quotes.cv_bench``; one thread at a time)."""
    global _WEIGHTS
    shipped = _WEIGHTS
    _WEIGHTS = weights
    try:
        yield
    finally:
        _WEIGHTS = shipped


def speech_probability(features: dict[str, float], weights: dict[str, float] | None = None) -> float:
    """The model's probability that a passage with these features is speech (``weights``: the shipped
    model's, or those of :func:`model_weights`, unless given)."""
    w = _WEIGHTS if weights is None else weights
    z = w.get("bias", 0.0) + sum(w.get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


# ---- working structures ---------------------------------------------------------------------------------


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
    last_gender: dict[str, str] = field(default_factory=dict)
    gender: dict[str, str] = field(default_factory=dict)  # entity key -> m/f/p
    doc: object = None
    inq: list[bool] | None = None
    m_starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)  # each token's end, for bisection
    cues_of: dict[int, list[int]] = field(default_factory=dict)  # sentence -> its verbs of saying


def _state(doc, mentions: list[Mention]) -> _State:  # type: ignore[no-untyped-def]
    toks = [_Tok(t.i, t.text, t.text.lower(), t.start, t.end, t.sentence) for t in doc.tokens]
    sents = [(s.first, s.last) for s in doc.sentences]
    lang = "de" if getattr(doc, "lang", "de") == "de" else "en"
    return _State(doc.text, lang, toks, sents, sorted(mentions, key=lambda m: m.span.start), doc=doc)


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


# ---- noun phrases ---------------------------------------------------------------------------------------


_MARKS = set("„“”\"»«‚‘’'‹›") | {"''", "``"}
_TEMPORAL = {
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "jahr",
    "jahres",
    "woche",
    "monat",
    "tag",
    "abend",
    "morgen",
    "wochenende",
    "zeit",
}


def _opens_quote(st: _State, k: int) -> bool:
    """Whether the mark at token ``k`` opens a quotation (the next token is inside one)."""
    return k + 1 < len(st.toks) and _in_quote(st, st.toks[k + 1])


_COMPOUND_NOUN = re.compile(r"(\d+|[a-zäöü]\w*)-[A-ZÄÖÜ]\w")
"""A noun whose first part is a number or a lower-case word, capitalised as its last part is: "Der
54-Jährige", "die documenta-Homepage", "eine dpa-Meldung"."""


def _inside_name(st: _State, k: int) -> bool:
    """Whether token ``k`` stands inside a person's or a body's name after its first word ("bin" in "Osama
    bin Laden", "al-Abbas" in "Mahmud al-Abbas")."""
    t = st.toks[k]
    return any(
        m.span.start < t.start
        for m in _mention_in(st, max(0, t.start - 80), t.end + 80)
        if m.span.end >= t.end and m.span.start <= t.start
    )


def _extended_attribute(st: _State, k: int, end: int) -> int | None:
    """The adjective or participle that ends an extended attribute opening at token ``k`` right after a
    German article, before the noun ("der am Montag gewählte Präsident", "der sichtlich bewegte Trainer",
    "die zur Stanford University gehörende Hoover Institution"): adverbs and prepositional phrases up to an
    adjective that no preposition governs; None when the article is not followed by one."""
    toks = st.toks
    t = toks[k] if k < end else None
    if t is None or _is_cap(t) or _is_adj(t, "de") or t.low in C.DE_DET or not t.text.isalnum():
        return None
    governed = False  # inside a prepositional phrase, before its noun
    for x in range(k, min(end - 1, k + 8)):
        w, nxt = toks[x], toks[x + 1]
        if _in_quote(st, w) or not (w.text.isalpha() or w.text[:1].isdigit()) or _is_cue(st, w):
            return None
        if w.low in ("und", "oder", "dass", "als", "wie", "sich"):
            return None
        if w.low in _MIDDLE_PREPOSITIONS:
            governed = True
        elif _is_cap(w):
            if not governed:
                return None  # a noun of the phrase itself: no attribute stands before it
            governed = False
        elif _is_adj(w, "de") and not governed and (_is_cap(nxt) or nxt.text in _MARKS):
            return x
    return None


def _named(st: _State, k: int) -> bool:
    """Token ``k`` is part of a name (a mention of any type): "Karl-Theodor zu Guttenberg", "Lothar
    Nicht"; not "zu" in "X zu Wort", "Seine Meinung zu X"."""
    t = st.toks[k]
    near = _mention_in(st, max(0, t.start - 80), t.end + 80, ("Person", "Organization", "Place"))
    return any(m.span.start <= t.start and t.end <= m.span.end for m in near)


_PLURAL_GENITIVE = {"beider", "aller", "mehrerer", "vieler", "zahlreicher", "einiger"}
"""Words that open a genitive plural without an article: "die Sprecher beider Parteien"."""

_INSTITUTION = re.compile(
    r"(gericht|gerichtshof|institut|klinikum|klinik|krankenhaus|universität|hochschule)$"
)
"""Heads of the institution a role is held at: "Richter am Landgericht", "Professorin an der Universität"."""


def _route(st: _State, k: int, end: int) -> bool:
    """The "von" at token ``k`` opens a route or a range, no attribute ("zogen die Demonstranten vom
    Hauptbahnhof bis zum Rathaus"): "bis" follows within its phrase."""
    for x in range(k + 1, min(end, k + 6)):
        if st.toks[x].low == "bis":
            return True
        if not st.toks[x].text[:1].isalnum():
            return False
    return False


def _institution_after(st: _State, k: int, end: int) -> int | None:
    """Where the name of the institution a role is held at, opened by "am" or "an der" at token ``k``,
    begins ("der Richter am Landgericht Hamburg", "Professorin an der Universität Hamburg"); None when
    none does (not "der Trainer am Montag")."""
    toks = st.toks
    x = k + 1 if toks[k].low == "am" else k + 2
    if toks[k].low == "an" and (k + 1 >= end or toks[k + 1].low != "der"):
        return None
    if x < end and _INSTITUTION.search(toks[x].low) is not None:
        return x
    return None


def _surname(st: _State, k: int) -> bool:
    """A capitalised word right after a person's first name (a mention of a person that ends there) is
    the surname, even when German writes it as a function word: "Lothar Nicht"."""
    t, prev = st.toks[k], st.toks[k - 1]
    return (
        k > st.sents[t.sent][0]
        and _is_cap(t)
        and any(m.type == "Person" and m.span.end == prev.end for m in _mention_in(st, prev.start, prev.end))
    )


def _function_word_in_name(st: _State, k: int) -> bool:
    """The capitalised function word at token ``k`` is a word of a name ("Lothar Nicht") or opens a title
    in quotation marks (die Initiative „Mehr Demokratie“)."""
    opening = k - 1 > st.sents[st.toks[k].sent][0] and st.toks[k - 1].text in ("„", "»", "‚", '"')
    return opening or _named(st, k) or _surname(st, k)


def _lower_name(st: _State, k: int) -> bool:
    """A name written in lower case starts at token ``k`` ("n-tv", "ver.di"): a mention starts there."""
    t = st.toks[k]
    return t.text[:1].isalpha() and any(m.span.start == t.start for m in _mention_in(st, t.start, t.end + 80))


def _np_forward(st: _State, j: int, end: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``j`` (before token ``end``): ``(first, last+1)`` or None."""
    toks, lang = st.toks, st.lang
    if j >= end:
        return None
    t = toks[j]
    pron = C.DE_PRONOUNS if lang == "de" else C.EN_PRONOUNS
    if t.low in pron and t.low not in ("man", "it"):
        return (j, j + 1)
    if lang == "de" and t.low in ("letztere", "letzterer", "erstere", "ersterer"):
        return (j, j + 1)  # "…“, so letztere."
    det = C.DE_DET if lang == "de" else C.EN_DET
    while lang != "de" and j < end - 1 and toks[j].low in _EN_OPENERS:
        j += 1  # "Yet Mr Bown", "Ultimately Mr Clarke"
    k = j
    has_noun = False
    if toks[k].low in det and not (lang == "de" and toks[k].low in ("zwei", "drei", "vier") and k + 1 >= end):
        k += 1
        if lang == "de" and (adj := _extended_attribute(st, k, end)) is not None:
            k = adj  # "der am Montag gewählte Präsident": the words before the adjective belong to it
    while k < end:
        t = toks[k]
        if _in_quote(st, t):
            break
        if lang == "de":
            cap = (_is_cap(t) and t.text[0].isalpha()) or _COMPOUND_NOUN.match(t.text)
            if cap and (t.low not in C.DE_STOP or (has_noun and _function_word_in_name(st, k))):
                has_noun = True
                k += 1
                continue
            if t.text in _MARKS and k + 1 < end and (has_noun or _is_cap(toks[k + 1])):
                k += 1  # a title in quotation marks: die Wochenzeitschrift „Jungle World“
                continue
            if has_noun and t.text[:1] == "-" and t.text[1:2].isupper() and toks[k - 1].text in _MARKS:
                k += 1  # the rest of a compound after a title: die „Bild“-Zeitung
                continue
            if has_noun and t.text[:1].islower() and _inside_name(st, k):
                k += 1  # "Osama bin Laden", "Mahmud al-Abbas": a lower-case word inside a name
                continue
            if has_noun and t.text[:1].islower() and _lower_name(st, k):
                k += 1  # "der Sender n-tv": a name written in lower case after the noun it names
                continue
            if (
                not has_noun
                and k == j + 1
                and toks[j].low in det
                and t.text.isalpha()
                and t.text.islower()
                and t.low not in C.DE_SPEECH_FORMS
                and t.low not in C.DE_STOP
                and k + 1 < end
                and _is_cap(toks[k + 1])
                and toks[k + 1].low not in C.DE_STOP
            ):
                k += 1  # "die beiden Mitglieder", "die vier Abgeordneten": a word between article and noun
                continue
            saxon = k - 1 == j and toks[j].low.endswith("s")  # a name in the genitive: "Bayerns neuer Chef"
            title = k + 2 < end and toks[k + 1].text in _MARKS and _is_cap(toks[k + 2])
            if (
                (not has_noun or saxon)
                and _is_adj(t, lang)
                and k + 1 < end
                and (_is_cap(toks[k + 1]) or _is_adj(toks[k + 1], lang) or title)
            ):
                k += 1
                continue
            if has_noun and t.low in ("eines", "einer") and k + 2 < end and toks[k + 1].low == "der":
                k += 2  # "der Anwalt eines der Opfer"
                continue
            if (
                has_noun
                and (t.low in ("des", "der", "eines", "einer") or t.low in _PLURAL_GENITIVE)
                and k + 1 < end
                and (_is_cap(toks[k + 1]) or _is_adj(toks[k + 1], lang))
            ):
                k += 1  # a genitive attribute: "der Chef der Bahn", "die Sprecher beider Parteien"
                continue
            if (
                has_noun
                and _is_adj(t, lang)
                and toks[k - 1].low in C.DE_DET
                and k + 1 < end
                and (_is_cap(toks[k + 1]) or _is_adj(toks[k + 1], lang))
            ):
                k += 1  # "vom Abgeordneten des russischen Föderationsrates"
                continue
            if (
                has_noun
                and t.low == "und"
                and k + 2 < end
                and _is_cap(toks[k + 1])
                and any(m.type == "Person" for m in _mention_in(st, toks[j].start, t.start))
                and _person_starts(st, k + 1, end)
            ):
                k += 1  # "die beiden Mitglieder Jan Giesel und David Perteck": two people named together
                continue
            if (
                has_noun
                and t.low == "und"
                and k + 1 < end
                and _is_cap(toks[k + 1])
                and toks[k + 1].low not in C.DE_STOP
                and (k + 2 >= end or toks[k + 2].text in (",", ".", ":", ";", "("))
                and any(toks[x].low in ("für", "von", "des", "der") for x in range(j + 1, k - 1))
            ):
                k += 1  # "die Ministerin für Arbeit und Soziales, X": a coordinated word ends the attribute
                continue
            if (
                has_noun
                and t.low in ("im", "am", "beim")
                and k + 3 < end
                and _is_cap(toks[k + 1])
                and toks[k + 2].text == ","
                and _person_starts(st, k + 3, end)
            ):
                k += 1  # "der Sprecher der Fraktion im Bundestag, Thorsten Frei": a title before the name
                continue
            if has_noun and t.text[:1].isdigit() and k + 1 < end and _is_cap(toks[k + 1]):
                k += 1  # "der Sportchef von Bayer 04 Leverkusen"
                continue
            if (
                has_noun
                and t.low in ("von", "vom", "für", "beim", "zu")
                and k + 1 < end
                and _is_cap(toks[k + 1])
                and (t.low != "zu" or _named(st, k))
                and not _route(st, k, end)
            ):
                k += 1  # "der Deutschlandchef von EY", "der Chef der Bundesagentur für Arbeit"
                continue
            if has_noun and t.low in ("am", "an") and (inst := _institution_after(st, k, end)) is not None:
                k = inst  # "der Vorsitzende Richter am Landgericht Hamburg", "Professorin an der Universität"
                continue
            if (
                has_noun
                and t.low in ("aus", "von", "vom")
                and k + 2 < end
                and toks[k + 1].low in ("dem", "der")
                and _is_cap(toks[k + 2])
                and not _mention_in(st, toks[k + 2].start, toks[k + 2].end, ("Place",))
            ):
                k += 2  # "Privatdozent Dr. Dittrich aus dem Forscherteam"
                continue
            if (
                has_noun
                and t.low == "aus"
                and k + 1 < end
                and _is_cap(toks[k + 1])
                and _mention_in(st, toks[k + 1].start, toks[k + 1].end, ("Place",))
            ):
                k += 1  # "ein Sprecher aus Washington"
                continue
            if (
                has_noun
                and t.low in ("aus", "von")
                and k + 1 < end
                and toks[k + 1].low in ("dem", "der", "den")
            ):
                break
            if has_noun and t.text == "," and k + 1 < end:
                # an apposition: ", Kopf einer Gruppe von Inspektoren," / ", dem Dekan," / ", Hubert Bart"
                m = k + 1
                ok_words = C.DE_DET | {"des", "der", "von", "vom", "und", "im", "beim"}
                while m < end and m - k <= 12 and toks[m].text not in (",", ".", ":", ";", "(", ")"):
                    w = toks[m]
                    if (
                        not (_is_cap(w) or w.low in ok_words or _is_adj(w, lang))
                        or w.low in C.DE_SPEECH_FORMS
                    ):
                        break
                    m += 1
                if (
                    m > k + 1
                    and (m >= end or toks[m].text in (",", ".", ":", ";"))
                    and any(_is_cap(toks[x]) and toks[x].low not in _DE_CAP_PRONOUNS for x in range(k + 1, m))
                ):
                    k = m
                    break
        else:
            if (
                has_noun
                and t.low in ("of", "at", "from", "for")
                and k + 1 < end
                and (
                    _is_cap(toks[k + 1])
                    or _en_noun_word(toks[k + 1])
                    or (toks[k + 1].low == "the" and k + 2 < end and _is_cap(toks[k + 2]))
                )
            ):
                k += 1  # "Gov. Earl Ray Tomblin of West Virginia"
                continue
            if (
                has_noun
                and t.text == ","
                and k + 1 < end
                and (toks[k + 1].low in ("a", "an", "the", "who", "which") or toks[k + 1].low in _EN_TITLES)
            ):
                # ", a political scientist at Christopher Newport University", ", who runs the campaign": up
                # to the next comma or the end, and a relative clause after the apposition
                m = k
                while m == k or (m + 1 < end and toks[m].text == "," and toks[m + 1].low in ("who", "which")):
                    comma = m
                    m += 1
                    while m < end and m - k <= 25 and toks[m].text not in (",", ".", ";", ":", "!", "?"):
                        m += 1
                    if _en_relative_speaks(st, comma + 1, m):
                        m = comma  # ", who argued that …": speech of its own, not part of the phrase
                        break
                k = m
                break
            if has_noun and t.text == "(" and _is_cap(toks[k - 1]):
                close = next((x for x in range(k + 1, min(end, k + 7)) if toks[x].text == ")"), None)
                if close is not None:
                    k = close + 1  # "Sen. Jane Doe (D-Mont.)": the party and state of the name before
                    continue
            if t.low in C.EN_STOP or t.low in C.EN_SPEECH_FORMS:
                break
            if (
                has_noun
                and t.text.islower()
                and (t.low.endswith(("ed", "ly")) or t.low in _EN_VERBS or _en_past(st, k))
            ):
                break  # "Trump attacked Clinton", "Reid frequently mocked Romney": the verb ends the phrase
            if (
                t.text[0].isalpha()
                or t.text in ("-",)
                or (t.text.endswith(".") and _is_cap(t))
                or (t.text[0].isdigit() and k + 1 < end and toks[k + 1].text[:1].isalpha())
                or (has_noun and t.low in ("'s", "’s"))  # "Hillary Clinton's campaign manager Robby Mook"
            ):
                has_noun = has_noun or True
                k += 1
                # a long phrase ends (the pieces of a hyphenated word count as one: "AFL-CIO")
                if k - j - 2 * sum(_hyphen_in_word(st, x) for x in range(j, k)) >= 8:
                    break
                continue
        # apposition: ", Juri Uschakow," after a noun
        if t.text == "," and has_noun and k + 2 < end and _is_cap(toks[k + 1]) and _is_cap(toks[k + 2]):
            m = k + 1
            while m < end and _is_cap(toks[m]) and toks[m].low not in C.DE_STOP:
                m += 1
            if m >= end or toks[m].text in (",", ".", ":", ";"):
                k = m
                continue
        break
    if not has_noun:
        return None
    while k > j + 1 and (toks[k - 1].text == "," or (toks[k - 1].text in _MARKS and _opens_quote(st, k - 1))):
        k -= 1
    return (j, k)


_DE_NP_PREP = {"von", "vom", "beim", "im", "der", "des", "für", "aus", "am"}
_DE_CAP_PRONOUNS = {"sie", "er", "es", "wir", "ich", "ihr", "man", "dies", "das", "dann", "so"}
_EN_TITLES = {
    "senator",
    "sen.",
    "rep.",
    "governor",
    "gov.",
    "mayor",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "minister",
    "economist",
    "analyst",
    "director",
    "chairman",
    "official",
    "officials",
    "source",
    "sources",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "expert",
    "experts",
    "candidate",
    "candidates",
    "nominee",
    "nominees",
    "leader",
    "chief",
    "professor",
    "lawyer",
    "attorney",
    "judge",
    "general",
    "colonel",
    "manager",
    "executive",
    "founder",
    "ceo",
    "chair",
    "commissioner",
    "campaign",
    "people",
    "voters",
    "critics",
    "supporters",
    "observers",
    "democrats",
    "republicans",
    "police",
    "lawmakers",
    "residents",
    "researchers",
    "scientists",
    "officers",
    "agency",
    "department",
    "ministry",
    "group",
    "committee",
    "report",
    "study",
    "poll",
    "survey",
    "statement",
    "organizers",
    "authorities",
    "team",
    "moderator",
    "anchor",
    "host",
    "correspondent",
    "reporter",
    "columnist",
    "commentator",
    "strategist",
    "pollster",
    "historian",
    "activist",
    "consultant",
    "operative",
}


_EN_VERBS = {
    "took",
    "takes",
    "made",
    "makes",
    "gave",
    "gives",
    "came",
    "comes",
    "went",
    "goes",
    "was",
    "is",
    "were",
    "are",
    "has",
    "had",
    "have",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "got",
    "gets",
    "sent",
    "put",
    "held",
    "holds",
    "kept",
    "keeps",
    "led",
    "leads",
}
_EN_CLAUSE_OPENERS = {
    "at",
    "in",
    "on",
    "after",
    "before",
    "during",
    "later",
    "earlier",
    "but",
    "and",
    "despite",
    "although",
    "though",
    "while",
    "when",
    "if",
    "because",
    "since",
    "unlike",
    "asked",
}
"""Words that open an English adverbial before the subject, up to its comma ("Despite the range of ..., Trump
said")."""
_EN_OPENERS = {
    "yet",
    "but",
    "and",
    "so",
    "also",
    "still",
    "however",
    "meanwhile",
    "as",
    "ultimately",
    "now",
    "where",
}
"""Words that open an English clause before its subject ("Yet as Mr Bown put it")."""


_EN_NAME_PARTICLES = {"de", "van", "von", "bin", "al", "da", "del", "la", "le", "du", "di", "'s", "’s"}
"""Lower-case words inside an English name or phrase ("Bill de Blasio", "Osama bin Laden", "the ad's
narrator")."""


def _en_noun_word(t: _Tok) -> bool:
    """An English word that may end a noun phrase: a name, a number or a lower-case word that is not a
    function word, a verb of saying or a form in -ed, -ly, -ing."""
    return (
        t.text[:1].isalnum()
        and t.low not in C.EN_STOP
        and t.low not in C.EN_SPEECH_FORMS
        and not (t.text.islower() and t.low.endswith(("ed", "ly", "ing")))
    )


_FINITE_TAGS = ("VVFIN", "VAFIN", "VMFIN")
"""Tags of finite verbs: a verb in -te is no adjective of the phrase after it ("verteidigte Minister")."""


def _tagged_alone(st: _State, a: int, b: int, tags: tuple[str, ...]) -> bool:
    """The German phrase ``[a, b)`` is one word the tagger tags as one of ``tags``: a fronted adverb
    ("Monatelang", "Lange": ADV, ADJD) is no subject, an indefinite pronoun ("Einige", "Viele": PIS) is one,
    a finite verb ("verteidigte") no adjective."""
    doc = st.doc
    return b - a == 1 and doc is not None and hasattr(doc, "pos") and doc.pos(a) in tags  # type: ignore[attr-defined]


def _hyphen_in_word(st: _State, k: int) -> bool:
    """Whether token ``k`` is a hyphen that joins the words on both sides ("Smith-Jones"), not a dash that
    stands between phrases with spaces around it ("WASHINGTON (AP) - The senator")."""
    toks = st.toks
    return (
        toks[k].text == "-"
        and 0 < k < len(toks) - 1
        and toks[k - 1].end == toks[k].start
        and toks[k].end == toks[k + 1].start
    )


def _en_past(st: _State, k: int) -> bool:
    """Whether the tagger reads the English word at ``k`` as a verb in the past tense ("spoke", "wrote"),
    which ends the noun phrase before it."""
    doc = st.doc
    return doc is not None and hasattr(doc, "pos") and doc.pos(k) in ("VVD", "VBD", "VHD", "VDD")  # type: ignore[attr-defined]


def _en_both_and(st: _State, a: int, b: int) -> bool:
    """Whether the English phrase ``[a, b)`` is "both" before a pair joined by "and" ("Both Mr. King and Mr.
    Schultz"): PolNeAR's source is the pair without "both"; "both men" has no pair and keeps it."""
    toks = st.toks
    return b - a > 3 and toks[a].low == "both" and any(t.low == "and" for t in toks[a + 2 : b - 1])


def _en_pair(st: _State, np_: tuple[int, int] | None, c: int) -> tuple[int, int] | None:
    """The English phrase ``np_`` that opens a clause with a second one joined by "and" ("The New York Times
    and the Gannett newspaper chain filed …, arguing"): both speak, as PolNeAR marks them."""
    toks = st.toks
    if np_ is None or np_[1] + 1 >= c or toks[np_[1]].low != "and":
        return np_
    other = _np_forward(st, np_[1] + 1, c)
    return (np_[0], other[1]) if other is not None else np_


def _en_apposed_subject(st: _State, c: int, lo: int) -> bool:
    """Whether the English words before the comma in front of the verb at ``c`` are a name with its
    apposition that opens the clause ("Jane Doe, a lawyer, said …"): the verb's subject, no clause that the
    verb and a phrase after it invert ("…, said the mayor")."""
    np_ = _np_backward(st, c, lo)
    return np_ is not None and np_[1] == c - 1 and _clause_initial(st, np_[0], lo)


def _en_relative_pronoun(st: _State, a: int, b: int) -> bool:
    """Whether the English phrase ``[a, b)`` is a relative pronoun alone ("who", "which"): right before a
    verb of saying it is that verb's subject, even when its antecedent names no one ("an architect who
    said"), as PolNeAR marks it."""
    return b - a == 1 and st.toks[a].low in ("who", "which")


def _en_relative_speaks(st: _State, a: int, b: int) -> bool:
    """Whether tokens ``[a, b)`` are an English relative clause that tells speech of its own ("who argued
    that …"): an attribution with its own source ("who"), no part of the phrase before it."""
    toks = st.toks
    return toks[a].low in ("who", "which") and any(
        _is_cue(st, t) and not _in_quote(st, t) for t in toks[a + 1 : b]
    )


def _en_asked_first(st: _State, c: int, lo: int, hi: int) -> bool:
    """Whether the English verb at ``c`` is "Asked" opening a participle clause before the main clause ("Asked
    to describe the device that …, X said"): the question put to the speaker, not an attribution."""
    toks = st.toks
    return c == lo and toks[c].low == "asked" and any(t.text == "," for t in toks[c + 1 : hi])


def _en_attributive(st: _State, k: int, start: int, has_noun: bool) -> bool:
    """Whether the English form in -ed or -ing at ``k`` is an adjective inside a noun phrase: in -ed after an
    article or "of" and before its noun ("of registered voters", "The embattled senator"), in -ing where the
    tagger reads it as an adjective or noun ("restructuring experts say", not "Voters backing the plan")."""
    toks = st.toks
    before = toks[k - 1].low if k > start else ""
    if has_noun and toks[k].low.endswith("ing"):
        return _tagged_alone(st, k, k + 1, ("AJ0", "NN1"))
    return has_noun and toks[k].low.endswith("ed") and before in ("the", "a", "an", "of")


def _en_bare_subject(st: _State, k: int, hi: int) -> bool:
    """Whether a bare English noun phrase at ``k`` (a lower-case noun, an adjective or noun before it) has a
    verb right after it: the subject of a reported clause without "that" ("Critics say resources could run
    out"), not the object of the verb of saying."""
    toks = st.toks
    for j in range(k, min(hi, k + 3)):
        if toks[j].low in _EN_VERBS:
            return j > k
        if not (toks[j].text.islower() and _en_noun_word(toks[j])):
            return False
    return False


def _en_clause_subject(st: _State, k: int) -> bool:
    """Whether the English pronoun at ``k`` after a verb of saying opens its reported clause: any but "it",
    which does only with a verb after it ("said it would", not "said it.")."""
    toks = st.toks
    return toks[k].low != "it" or (k + 1 < len(toks) and toks[k + 1].low in _EN_VERBS)


def _en_phrase_preposition(st: _State, k: int) -> bool:
    """Whether the English preposition at ``k`` joins a noun to the phrase after it within one subject: "of",
    "for", "at", "in" ("A spokeswoman for X"), "to" after a common noun ("A letter to Congress"), "by" after
    a noun the tagger reads as one ("A study by X"), "on" inside a name ("Commission on Presidential
    Debates"), not before a day ("The senator on Monday")."""
    toks = st.toks
    low = toks[k].low
    if low in ("of", "for", "at", "in") or (low == "to" and toks[k - 1].text.islower()):
        return True  # "to" after a common noun: "Her submission to the court"
    if low == "by" and _tagged_alone(st, k - 1, k, ("NN1", "NN2")):
        return True  # "A study by Jane Doe", not "officers shot by the suspect"
    right = toks[k + 1] if k + 1 < len(toks) else None
    return (
        low == "on"
        and _is_cap(toks[k - 1])
        and right is not None
        and _is_cap(right)
        and right.low not in _TEMPORAL
        and right.low not in C.EN_WEEKDAYS
    )


def _en_focus_opener(st: _State, k: int) -> bool:
    """Whether the English word at ``k`` opens the phrase after it though it is a function word: "no" before
    "one" ("No one expected"), "only" before a number or an article ("Only 52 percent of voters agreed"),
    which PolNeAR counts in the source."""
    toks = st.toks
    nxt = toks[k + 1]
    return (toks[k].low == "no" and nxt.low == "one") or (
        toks[k].low == "only" and (nxt.text[:1].isdigit() or nxt.low in C.EN_DET)
    )


def _np_backward(st: _State, j: int, start: int) -> tuple[int, int] | None:
    """The noun phrase ending just before token ``j`` (not before token ``start``)."""
    toks, lang = st.toks, st.lang
    k = j - 1
    if k < start:
        return None
    pron = C.DE_PRONOUNS if lang == "de" else C.EN_PRONOUNS
    if toks[k].low in pron and toks[k].low not in ("man", "it"):
        return (k, j)
    if toks[k].text == ")":
        # "Ministerin Gitta Trauernicht (SPD)": the phrase before the brackets, with them
        opening = next((x for x in range(k - 1, max(start - 1, k - 7), -1) if toks[x].text == "("), None)
        if opening is not None and opening > start:
            inner = _np_backward(st, opening, start)
            return (inner[0], j) if inner is not None else None
    det = C.DE_DET if lang == "de" else C.EN_DET
    has_noun = False
    end = j
    first = j
    if lang != "de" and toks[k].text == ",":
        # "Flynn, a top Trump surrogate, said": the name before the apposition, with it
        for m in range(k - 1, max(start - 1, k - 26), -1):
            if toks[m].text == ",":
                age = m + 2 == k and toks[m + 1].text.isdigit()  # "Mr. King, 82, told"
                if m + 1 < k and (
                    toks[m + 1].low in ("a", "an", "the") or toks[m + 1].low in _EN_TITLES or age
                ):
                    name = _np_backward(st, m, start)
                    if name is not None and _is_cap(toks[name[0]]):
                        return (name[0], k)
                break
    if toks[k].text == "," and k - 1 >= start and _is_cap(toks[k - 1]):
        k -= 1  # the comma that closes an apposition: "Der Berater Putins, Juri Uschakow, bestätigte"
        end = k + 1
        first = end
    while k >= start:
        t = toks[k]
        if _in_quote(st, t):
            break
        right = toks[k + 1] if k + 1 < end else None
        if lang == "de":
            if (
                ((_is_cap(t) and t.text[0].isalpha()) or _COMPOUND_NOUN.match(t.text))
                and (t.low not in C.DE_STOP or _function_word_in_name(st, k))  # "Lothar Nicht"
                and t.low not in C.DE_SPEECH_FORMS
                and not (t.low in _DE_CAP_PRONOUNS and (k == start or toks[k - 1].text in (",", ":")))
            ):
                has_noun = True
                first = k
                k -= 1
                continue
            if t.text in _MARKS and has_noun and k - 1 >= start:
                first = k  # a title in quotation marks
                k -= 1
                continue
            if has_noun and t.text[:1].islower() and _inside_name(st, k):
                first = k  # "Osama bin Laden"
                k -= 1
                continue
            if (
                has_noun
                and right is not None
                and (_is_cap(right) or _is_adj(right, lang))
                and (_is_adj(t, lang) or t.low in det or t.low in ("des", "der"))
                and not _tagged_alone(st, k, k + 1, _FINITE_TAGS)  # "Den Plan verteidigte Bürgermeister X"
            ):
                first = k
                k -= 1
                genitive = t.low in _GENITIVE or t.low in _GENITIVE_DATIVE_FEMININE
                after_noun = k >= start and _is_cap(toks[k])
                if t.low in det and t.low not in ("des", "der") and not (genitive and after_noun):
                    break  # an article opens the phrase, unless a genitive after a noun: "X ergriff das Wort"
                continue
            if (
                has_noun
                and (t.low in _DE_NP_PREP or (t.low == "zu" and _named(st, k)))
                and k - 1 >= start
                and _is_cap(toks[k - 1])
                and toks[k - 1].low not in C.DE_STOP
                and right is not None
                and (_is_cap(right) or right.low in det)
            ):
                first = (
                    k  # "Der Bürgermeister von Christchurch", "Sprecherin der Unionsfraktion im Bundestag"
                )
                k -= 1
                continue
            if t.low == "und" and has_noun and k - 1 >= start and _is_cap(toks[k - 1]) and k - 1 > start:
                first = k
                k -= 1
                continue
            if t.text == "," and has_noun and k - 1 >= start and _is_cap(toks[k - 1]):
                # ", Juri Uschakow" after "Der Berater Putins"
                first = k
                k -= 1
                continue
        else:
            if has_noun and k > start and _en_noun_word(toks[k - 1]) and _en_phrase_preposition(st, k):
                first = k  # "A spokeswoman for Hillary Clinton", "Mr. Morgan of the Sierra Club"
                k -= 1
                continue
            if has_noun and t.low == "and" and k - 1 >= start and _en_noun_word(toks[k - 1]):
                # "RT and its defenders say": both phrases, when they open the clause
                left = _np_backward(st, k, start)
                if left is not None and _clause_initial(st, left[0], start):
                    return (left[0], end)
            if has_noun and first == k + 1 and _en_focus_opener(st, k):
                first = k  # "No one", "Only 52 percent of voters": the phrase opens with the word
                k -= 1
                continue
            if (
                t.low in C.EN_STOP
                or t.low in C.EN_SPEECH_FORMS
                or not (
                    t.text[0].isalnum() or t.text in ".'’" or t.low in ("'s", "’s") or _hyphen_in_word(st, k)
                )
            ):
                break  # a dash between words ends the phrase: "NEW YORK (Reuters) - The company said"
            if (
                t.low not in _EN_NAME_PARTICLES
                and t.text.islower()
                and t.low not in _EN_TITLES
                and t.low not in det
                and (
                    (t.low.endswith(("ed", "ly", "ing")) and not _en_attributive(st, k, start, has_noun))
                    or (
                        right is not None
                        and _is_cap(right)
                        and has_noun
                        and not (k > start and toks[k - 1].low in ("the", "a", "an"))  # "The nonpartisan X"
                    )
                )
            ):
                break  # a verb or adverb, or "interview" before "Trump": another phrase
            first = k
            has_noun = True
            k -= 1
            if j - k > 10:
                break
            continue
        break
    if not has_noun:
        return None
    while first < end and toks[first].text == ",":
        first += 1
    while (
        lang != "de"
        and first < end - 1
        and (
            toks[first].low in _EN_OPENERS or (toks[first].low.endswith("ly") and toks[first].text.islower())
        )
    ):
        first += 1  # "Yet as Mr Bown", "Ultimately Mr Clarke"
    # a German phrase does not start with a bare adjective (a verb: "Sie entstammen Zeitungsberichten")
    while lang == "de" and first < end - 1 and toks[first].text.islower() and toks[first].low not in det:
        first += 1
    if first >= end:
        return None
    return (first, end)


# ---- speakers -------------------------------------------------------------------------------------------


_FEMININE_ENDINGS = (
    "erin",
    "entin",
    "istin",
    "anin",
    "inin",
    "orin",
    "onin",
    "eurin",
    "atin",
    "gin",
    "tin",
    "rin",
    "lin",
    "nin",
    "din",
    "kin",
)


def _gender_of_np(st: _State, a: int, b: int) -> str:
    for t in st.toks[a:b]:
        if t.low in C.SPEAKER_TITLES_F or t.low in ("sie", "she"):
            return "f"
        if t.low in C.SPEAKER_TITLES_M or t.low in ("er", "he"):
            return "m"
        if (
            st.lang == "de"
            and _is_cap(t)
            and len(t.low) > 5
            and t.low[-3] != "e"
            and t.low.endswith(_FEMININE_ENDINGS)
        ):
            return "f"  # "Sprecherin", "Ministerin"
    return ""


def _resolve_pronoun(st: _State, tok: _Tok) -> Speaker:
    low = tok.low
    want = (C.DE_PRONOUNS if st.lang == "de" else C.EN_PRONOUNS).get(low, "")
    span = Span(tok.start, tok.end)
    last = st.last_speaker
    if last is not None and last.key is not None and tok.sent - st.last_speaker_sent <= 4:
        g = st.gender.get(last.key, "")
        if not want or not g or g == want or want == "p":
            return Speaker(span, tok.text, last.key, last.role)
    if last is not None and last.key is None and last.role and tok.sent - st.last_speaker_sent <= 2:
        return Speaker(span, tok.text, None, last.role)
    # the first person named in the nearest sentence before that names one whose gender fits (German and
    # English put the subject first)
    fits = [
        m
        for m in st.mentions
        if m.span.end <= tok.start
        and m.type == ("Organization" if want == "p" else "Person")
        and not (want in ("m", "f") and st.gender.get(m.key, want) != want)
    ]
    if fits:
        sent_of = {id(m): _tok_at(st, m.span.start) for m in fits}
        last_sent = max(st.toks[sent_of[id(m)]].sent for m in fits if sent_of[id(m)] is not None)
        same = [m for m in fits if sent_of[id(m)] is not None and st.toks[sent_of[id(m)]].sent == last_sent]
        m = same[0]
        return Speaker(span, tok.text, m.key, None)
    return Speaker(span, tok.text, None, None)


_APPOSITION_WORDS_DE = {
    "der",
    "die",
    "das",
    "des",
    "dem",
    "den",
    "ein",
    "eine",
    "einer",
    "eines",
    "einem",
    "seine",
    "seiner",
    "seines",
    "ihre",
    "ihrer",
    "ihres",
    "von",
    "vom",
    "für",
    "im",
    "in",
    "am",
    "an",
    "aus",
    "bei",
    "beim",
    "zur",
    "zum",
    "und",
    "sowie",
    "de",
    "du",
    "la",
    "le",
    "di",
    "van",
    "da",
    "del",
    "of",
    "the",
}
_APPOSITION_WORDS_EN = {"a", "an", "the", "of", "for", "at", "and", "in", "on", "to", "with", "from", "'s"}
_APPOSITION_PUNCT = set("/-–&()'’.") | _MARKS


def _np_word(st: _State, t: _Tok) -> bool:
    """A word that may stand inside a noun phrase with its appositions ("Fraktionschefin von Bündnis
    90/Die Grünen", "Präsident des Deutschen Fußball Verbands (DFB)")."""
    if t.text[:1].isupper() or t.text[:1].isdigit() or t.text in _APPOSITION_PUNCT:
        return t.low not in (C.DE_STOP if st.lang == "de" else C.EN_STOP) or t.low in ("der", "die", "das")
    if st.lang == "de":
        # "ver.di", "e.on": a lower-case name with a dot inside
        name = "." in t.text[1:-1] and t.text.replace(".", "").isalpha()
        return t.low in _APPOSITION_WORDS_DE or _is_adj(t, "de") or name
    return t.low in _APPOSITION_WORDS_EN or (
        t.text.isalpha() and t.text.islower() and not t.low.endswith("ed")
    )


def _apposition_end(st: _State, k: int, hi: int) -> int | None:
    """The end of an apposition that opens at token ``k`` (just after a comma), when it is one: noun-phrase
    words up to a comma, a colon, the end of the sentence or a verb of saying, ending in a noun or a
    bracket (a relative clause ends in its verb: "der das Gesetz entworfen hatte")."""
    toks = st.toks
    m = k
    while m < hi and m - k <= 14 and toks[m].text not in (",", ":", ";") and not _in_quote(st, toks[m]):
        t = toks[m]
        if _is_cue(st, t) or not _np_word(st, t) or t.text in (".", "!", "?"):
            break
        m += 1
    # "zeigte sich X, der Trainer Ghanas nach dem Spiel zufrieden": an apposition opened by an article and
    # a noun may end where a preposition opens an adverbial
    after_article = (
        st.lang == "de"
        and m < hi
        and toks[m].low in _PREPOSITIONS
        and toks[k].low in ("der", "die")
        and m - k >= 2
        and _is_cap(toks[k + 1])
        and _is_cap(toks[m - 1])
    )
    if m == k or (
        m < hi and toks[m].text not in (",", ":", ";", ".") and not _is_cue(st, toks[m]) and not after_article
    ):
        return None
    if toks[k].low in _NP_OPENERS_NOT or toks[k].text in _APPOSITION_PUNCT:
        return None  # ", zum Ausdruck:" is no apposition
    if st.lang == "en" and toks[k].text.islower() and toks[k].low.endswith("ing"):
        return None  # ", speaking to reporters in Ohio," is a clause
    if st.lang == "en" and toks[k].low in ("like", "unlike"):
        return None  # ", like Obama," compares the speaker with someone, no apposition
    last = toks[m - 1]
    if not (_is_cap(last) or last.text in (")", "“", '"', "»", "«") or last.text[:1].isdigit()):
        return None
    nxt = toks[k + 1] if k + 1 < m else last
    if (
        st.lang == "de"
        and toks[k].low in ("der", "die", "das")
        and not _is_cap(nxt)
        and not (k + 2 < m and (_is_adj(nxt, "de") or (nxt.text[:1].isdigit() and "-" in nxt.text)))
    ):
        return None
    if not any(_is_cap(toks[x]) for x in range(k, m)):
        return None
    return m


def _widen(st: _State, a: int, b: int) -> tuple[int, int]:
    """A speaker phrase with what SpkAtt-2023 counts as part of it: an acronym or party in brackets after
    it ("Bundespräsident Christian Wulff (CDU)"), an apposition after it ("Theo Zwanziger, Präsident des
    DFB") and a title phrase before it that opens the clause ("Die Sprecherin der Stiftung Warentest, Heike
    van Laak")."""
    toks = st.toks
    lo, hi = st.sents[toks[a].sent]
    for _ in range(2):
        if b + 1 < hi and toks[b].text == "(":
            close = next((x for x in range(b + 1, min(hi, b + 8)) if toks[x].text == ")"), None)
            if close is not None and all(_is_cap(x) or x.text[:1].isdigit() for x in toks[b + 1 : close]):
                b = close + 1
                continue
        if b + 1 < hi and toks[b].text == "," and not _in_quote(st, toks[b + 1]):
            end = _apposition_end(st, b + 1, hi)
            if end is not None and not (st.lang == "de" and _paper(st, b + 1, end)):
                b = end  # (not ", der Deutschen Presse-Agentur": whom it was said to)
                continue
        if (
            st.lang == "de"
            and b + 1 < hi
            and toks[b].low == "und"
            and toks[b - 1].text == ")"
            and any(m.type == "Person" for m in _mention_in(st, toks[a].start, toks[b - 1].end))
            and _person_starts(st, b + 1, hi)
            and (other := _np_forward(st, b + 1, hi)) is not None
        ):
            b = other[1]  # "Anna Berger (SPD) und Klaus Meier (CDU)": two people, each with a party
            continue
        break
    if st.lang == "de" and a - 2 >= lo and toks[a - 1].text == "," and _is_cap(toks[a]):
        k = a - 2
        while (
            k >= lo
            and _np_word(st, toks[k])
            and toks[k].text not in (",", ":")
            and not _in_quote(st, toks[k])
        ):
            k -= 1
        first = k + 1
        if first < lo or first >= a - 1:
            return a, b
        opens = (
            first == lo
            or toks[first - 1].text in (":", "“", "”", '"', "»", "«")
            or (first - 1 == lo and toks[lo].low in _FOCUS)
        )
        if (
            opens
            and any(_is_cap(t) for t in toks[first : a - 1])
            and toks[first].text not in _APPOSITION_PUNCT
        ):
            a = first
    return a, b


_NP_OPENERS_NOT = _APPOSITION_WORDS_DE - C.DE_DET


def _prefield(st: _State, a: int, lo: int) -> int | None:
    """Where the German prefield begins when the phrase at ``a`` is its end and the whole of it is one noun
    phrase (before the finite verb of a main clause stands one constituent: "Renate Künast,
    Fraktionschefin von Bündnis 90/Die Grünen, kritisierte"), or None."""
    if st.lang != "de":
        return None
    toks = st.toks
    s_lo = max(lo, st.sents[toks[a].sent][0])
    article = s_lo + 1 if toks[s_lo].low in _FOCUS else s_lo
    opener = toks[article].low
    if a > article and opener in C.DE_DET and opener not in _OBLIQUE_OPENERS | _GENITIVE:
        np_ = _np_forward(st, article, st.sents[toks[a].sent][1])
        if np_ is not None and np_[1] > a and toks[article + 1].text[:1].islower():
            return article  # "Der sichtlich bewegte Trainer X sagte": an extended attribute after the article
    k = a - 1
    while (
        k >= s_lo
        and (_np_word(st, toks[k]) or toks[k].text == "," or toks[k].low in C.DE_DET)  # "Eine Sprecherin …"
        and not _in_quote(st, toks[k])
    ):
        if toks[k].text in ":;":
            break
        k -= 1
    first = k + 1
    while first < a and toks[first].text == ",":
        first += 1
    if first >= a:
        return None
    if not (
        first == s_lo
        or toks[first - 1].text in (":", "“", "”", '"', "»", "«")
        or (first - 1 == s_lo and toks[s_lo].low in _FOCUS)
    ):
        return None
    t = toks[first]
    if t.text in _APPOSITION_PUNCT or t.low in _NP_OPENERS_NOT or t.low in C.DE_ACCUSATIVE:
        return None
    return first


def _widened(st: _State, sp: Speaker | None) -> Speaker | None:
    """The speaker with its phrase widened as :func:`_widen` does (a pronoun stays as it is)."""
    if sp is None or sp.span is None:
        return sp
    ta, tb = _tok_at(st, sp.span.start), _tok_at(st, max(sp.span.start, sp.span.end - 1))
    if ta is None or tb is None or st.toks[ta].start != sp.span.start or st.toks[tb].end != sp.span.end:
        return sp
    if ta == tb and st.toks[ta].low in (C.DE_PRONOUNS if st.lang == "de" else C.EN_PRONOUNS):
        return sp
    a, b = _widen(st, ta, tb + 1)
    if (a, b) == (ta, tb + 1):
        return sp
    s, e = st.toks[a].start, st.toks[b - 1].end
    return Speaker(Span(s, e), st.text[s:e], sp.key, sp.role)


def _speaker_from_np(st: _State, a: int, b: int) -> Speaker:
    toks = st.toks
    if b - a == 1 and toks[a].low in (C.DE_PRONOUNS if st.lang == "de" else C.EN_PRONOUNS):
        return _resolve_pronoun(st, toks[a])
    if st.lang == "en" and b - a == 1 and toks[a].low in ("who", "which"):
        # a relative pronoun stands for the phrase before it ("Democrats, who have argued")
        k = a - 1 if a > 0 and toks[a - 1].text == "," else a
        ante = _np_backward(st, k, st.sents[toks[a].sent][0])
        sp = _speaker_from_np(st, *ante) if ante is not None else None
        return Speaker(Span(toks[a].start, toks[a].end), toks[a].text, sp and sp.key, sp and sp.role)
    if st.lang == "en" and _en_both_and(st, a, b):
        a += 1  # "Both Mr. King and Mr. Schultz said": the pair speaks, "Both" only stresses it
    while b - a > 1 and toks[b - 1].text in ("–", "—", "-"):
        b -= 1  # "Anna X – Sprecherin der Y – sagte": the dash closes the apposition, it is not a word of it
    core = (toks[a].start, toks[b - 1].end)
    a, b = _widen(st, a, b)
    s, e = toks[a].start, toks[b - 1].end
    found = (
        _mention_in(st, *core)
        or _mention_in(st, s, e)
        or _mention_in(st, *core, ("Place",))
        or _mention_in(st, s, e, ("Place",))
    )
    gender = _gender_of_np(st, a, b)
    if found:
        # the head of "Der Berater Putins, Juri Uschakow": prefer a person not in the genitive
        persons = [m for m in found if m.type == "Person"]
        pick = persons[-1] if persons else found[-1]
        if persons and len(persons) > 1:
            gen = [m for m in persons if m.text.endswith("s") and not m.canonical.endswith("s")]
            rest = [m for m in persons if m not in gen]
            pick = rest[-1] if rest else pick
        if gender:
            st.gender.setdefault(pick.key, gender)
        return Speaker(Span(s, e), st.text[s:e], pick.key, None)
    role = None
    for t in reversed(toks[a:b]):
        if (
            (t.text[:1].isalpha() and (st.lang != "de" or _is_cap(t))) or _COMPOUND_NOUN.match(t.text)
        ) and t.low not in C.DE_DET:
            role = t.text
            break
    return Speaker(Span(s, e), st.text[s:e], None, role)


def _names_someone(sp: Speaker) -> bool:
    """The phrase names a person or body (a mention), is a pronoun that stands for one, or is headed by a
    role or a body ("Die Ministerin", "Das Gericht", "Eine ultranationalistische Organisation")."""
    if sp.key is not None or sp.text.lower() in C.DE_PRONOUNS:
        return True
    words = sp.text.split()
    head = words[-1] if words else ""
    return len(words) <= 4 and (is_role_noun(head) or head in ORG_WORDS)


def _nearest_mention_speaker(st: _State, si: int, before: int) -> Speaker | None:
    a, _ = st.sents[si]
    s_start = st.toks[a].start
    cands = [
        m
        for m in st.mentions
        if s_start <= m.span.start
        and m.span.end <= before
        and m.type in ("Person", "Organization")
        and not any(x <= m.span.start < y for x, y in st.quoted)
    ]
    if not cands:
        return None
    m = cands[-1]
    return Speaker(m.span, m.text, m.key, None)


def _clause_initial(st: _State, a: int, lo: int) -> bool:
    """Whether token ``a`` opens its clause (the sentence, or after a comma, colon or quotation mark; in
    English after a word that opens a clause there: ", where experts say")."""
    s_lo = st.sents[st.toks[a].sent][0]
    if a <= max(lo, s_lo) or st.toks[a - 1].text in (",", ":", ";", "“", "”", '"', "''", "—", "–", "-"):
        return True
    return st.lang == "en" and st.toks[a - 1].low in _EN_OPENERS and _clause_initial(st, a - 1, lo)


_RELATIVE = {"der", "die", "das", "dem", "den", "deren", "dessen", "denen", "welche", "welcher", "welches"}


def _before_relative(st: _State, c: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase that opens the clause of the verb at ``c`` when a relative clause stands between
    them: "NP, der ... hat, sagte"."""
    toks = st.toks
    s_lo = max(lo, st.sents[toks[c].sent][0])
    k = c - 2
    while k > s_lo and toks[k].text != "," and not _in_quote(st, toks[k]):
        k -= 1
    if k <= s_lo or toks[k].text != "," or toks[k + 1].low not in _RELATIVE:
        return None
    np_ = _np_forward(st, s_lo, k)
    if np_ is None:
        return None
    a, b = _widen(st, *np_)
    return (a, b) if b >= k - 1 and a == s_lo else None


_HEISST_PREP = {"in", "im", "aus", "von", "vom", "bei", "beim", "auf", "seitens"}


def _heisst_es(st: _State, c: int, lo: int, hi: int) -> tuple[Speaker | None, float] | None:
    """The source of "heißt es in dem Schreiben", "hieß es vom Abgeordneten X", "In dem Antrag heißt es":
    the phrase after the preposition (with a contracted article: "vom Abgeordneten"), as SpkAtt-2023 marks
    it; ``(None, 0)`` when none is named; None when the verb is not "heißt es"."""
    toks = st.toks
    if st.lang != "de" or toks[c].low not in C.DE_HEISST_ES:
        return None
    if not any(lo <= x < hi and toks[x].low == "es" for x in (c + 1, c - 1, c - 2)):
        return None
    s_lo, s_hi = st.sents[toks[c].sent]
    k = c + 2 if c + 1 < hi and toks[c + 1].low == "es" else c + 1
    while k < s_hi and toks[k].low in C.DE_ADVERBS_AFTER_VERB - _HEISST_PREP and k - c <= 4:
        k += 1
    spots = []
    if k < s_hi and toks[k].low in _HEISST_PREP:
        spots.append(k)
    if toks[s_lo].low in _HEISST_PREP and s_lo < c:
        spots.append(s_lo)
    for pk in spots:
        np_ = _np_forward(st, pk + 1, s_hi if pk > c else c)
        if np_ is None:
            continue
        a, b = np_
        if toks[pk].low in ("vom", "im", "beim"):
            a = pk
        return _speaker_from_np(st, a, b), 0.7
    return None, 0.0


_SUBORDINATORS = {
    "weil",
    "da",
    "dass",
    "daß",
    "ob",
    "wenn",
    "nachdem",
    "obwohl",
    "während",
    "bevor",
    "indem",
    "wie",
}


def _relative_opening(st: _State, k: int, s_lo: int) -> int | None:
    """The comma that opens a relative clause closed by the comma at ``k`` ("X, der … war, …"), or None."""
    toks = st.toks
    for m in range(k - 2, max(s_lo, k - 30) - 1, -1):
        t = toks[m]
        if _in_quote(st, t) or t.text in (":", ";"):
            return None
        if t.text == ",":
            nxt = toks[m + 1]
            if nxt.low in _RELATIVE and not (_is_cap(toks[m + 2]) or _is_adj(toks[m + 2], "de")):
                return m
            if nxt.low in _PREPOSITIONS and toks[m + 2].low in _RELATIVE:
                return m  # ", mit dem …,"
            return None
    return None


def _verb_final_subject(st: _State, c: int) -> tuple[int, int] | None:
    """The subject of a German verb of saying at the end of a subordinate clause: the phrase after its
    conjunction ("…, weil die Regierung das Land als „…“ bezeichnet hat"), or the phrase a relative pronoun
    stands for ("ein Kommentar, der die Entscheidung als „…“ bezeichnet"); None in a main clause."""
    toks = st.toks
    s_lo, s_hi = st.sents[toks[c].sent]
    nxt = toks[c + 1] if c + 1 < s_hi else None
    if nxt is not None and not (nxt.text in (",", ".", ":", ";", "!", "?") or nxt.low in _AUX):
        return None  # the verb does not end its clause ("Während der Sitzung sagte X")
    k = c
    while k > s_lo:
        k -= 1
        t = toks[k]
        if _in_quote(st, t) or t.text in _MARKS:
            continue
        if t.text == "," and (rel := _relative_opening(st, k, s_lo)) is not None:
            k = rel  # "Wie X, der … anwesend war, dazu feststellt": the relative clause is left out
            continue
        if t.text in (",", ":", ";"):
            return None
        if t.low in _SUBORDINATORS and (k == s_lo or toks[k - 1].text == ","):
            np_ = _inverted_subject(st, k, c)  # "wie am Montag die Ministerin der Zeitung sagte"
            return (np_[0], _conjunct_end(st, *np_, c, c)) if np_ is not None else None
        if (
            t.low in _RELATIVE
            and k > s_lo
            and toks[k - 1].text == ","
            and not (_is_cap(toks[k + 1]) or _is_adj(toks[k + 1], "de"))
        ):
            return _np_backward(st, k - 1, s_lo)
    return None


# ---- the subject after an inverted German verb ----------------------------------------------------------


_MIDDLE_PREPOSITIONS = _HEISST_PREP | {
    "am",
    "an",
    "mit",
    "nach",
    "für",
    "um",
    "über",
    "unter",
    "vor",
    "gegen",
    "durch",
    "ohne",
    "seit",
    "bis",
    "zum",
    "zur",
    "zu",
    "ins",
    "gegenüber",
    "während",
    "angesichts",
    "trotz",
    "wegen",
    "aufgrund",
    "anlässlich",
    "innerhalb",
    "außerhalb",
    "neben",
    "hinter",
    "zwischen",
    "per",
    "via",
}
"""Prepositions that open an adverbial in the middle field ("sagte am Montag in Berlin gegenüber der
Zeitung die Ministerin"): what they govern is no subject."""

_OBJECT_PERSONAL = {"ihm", "ihnen", "mir", "uns", "dir", "euch", "ihn", "mich", "dich"}
"""Personal pronouns in the dative or accusative: "sagte ihm der Trainer", "obwohl ihn die Ministerin als
„…“ bezeichnete"."""

_OBLIQUE_OPENERS = C.DE_ACCUSATIVE | _OBJECT_PERSONAL | {"diesem", "seinem", "ihrem", "unserem", "jenem"}
"""Words that open a dative or accusative phrase, or are one ("sagte dem Sender", "sagte ihm")."""

_GENITIVE = {"des", "eines", "dieses", "seines", "ihres", "unseres", "jenes"}
"""Articles of the genitive alone: what they open is an attribute, never a subject."""

_GENITIVE_DATIVE_FEMININE = {"der", "einer", "dieser", "seiner", "ihrer", "unserer", "jener"}
"""Articles that open a feminine phrase only in the genitive or dative: "der Zeitung", "einer Agentur"."""

_FEMININE_NOUN = re.compile(r"(ung|heit|keit|schaft|tion|sion|tät|ei|ur|ik|enz|anz|ie)$")
"""Endings of feminine German nouns ("Zeitung", "Nachrichtenagentur", "Polizei", "Partei")."""

_AGENCIES = {"dpa", "afp", "ap", "kna", "epd", "ddp", "apa", "sda", "sid", "reuters"}
"""News agencies, feminine as "die Agentur" is: "sagte der dpa", "sagte der Nachrichtenagentur dpa"."""

_OBJECT_PRONOUNS = {"es", "dies"}
"""Pronouns that stand as an object between an inverted verb and its subject ("formulierte es der
Minister")."""


def _object_before_name(st: _State, k: int, hi: int) -> bool:
    """Token ``k`` is "das", "dies" or "es" right before a person's name, which takes no such article: the
    object, and the name after it the subject ("Ganz anders sieht das Klaus Meier")."""
    return st.toks[k].low in ("das", *_OBJECT_PRONOUNS) and k + 1 < hi and _person_starts(st, k + 1, hi)


_WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")
"""The days that open a noun of time ("Montagabend")."""


def _feminine_noun(tok: _Tok) -> bool:
    """A feminine noun by its ending ("Zeitung", "Sprecherin", "„Bild“-Zeitung") or a news agency ("dpa")."""
    low = tok.low.rsplit("-", 1)[-1]
    return (
        low in _AGENCIES
        or _FEMININE_NOUN.search(low) is not None
        or (len(low) > 5 and low[-3] != "e" and low.endswith(_FEMININE_ENDINGS))
    )


def _oblique(st: _State, a: int, b: int) -> bool:
    """A German noun phrase that cannot be a subject: a dative or accusative ("dem Sender", "ihm"), or a
    genitive or dative after "der" (a feminine noun or a word in -en: "der Zeitung", "der Süddeutschen
    Zeitung", "der dpa", "der Vorsitzenden")."""
    toks = st.toks
    if toks[a].low in _OBLIQUE_OPENERS or toks[a].low in _GENITIVE:
        return True
    if toks[a].low not in _GENITIVE_DATIVE_FEMININE or b - a < 2:
        return False
    words = [t for t in toks[a + 1 : b] if t.text not in _MARKS]
    if not words:
        return False
    if words[0].low.endswith("en"):
        return True
    head = words[0]
    for t in words[1:]:
        if not t.text.startswith("-"):
            break
        head = t  # "der „Bild“-Zeitung"
    return _feminine_noun(head)


def _temporal_noun(tok: _Tok) -> bool:
    """A noun of time ("Montag", "Montagabend", "Woche")."""
    return tok.low in _TEMPORAL or tok.low.startswith(_WEEKDAYS)


def _new_phrase(st: _State, a: int, b: int) -> int:
    """Where a second phrase begins inside the words ``[a, b)`` that :func:`_np_forward` took for one
    phrase after an object or an adverbial ("am Montag | Innenministerin X", "der Zeitung | der
    Bürgermeister", "dem Sender RTL | Christian Lindner"): at a role noun or a person's name after a noun
    that is not a role (a mention, or a first name before another name: "in Berlin | Thomas Müller"), or at
    a noun right after a noun of time; ``b`` when none does."""
    toks = st.toks
    seen_noun = False
    for x in range(a, b):
        t = toks[x]
        prev = toks[x - 1]
        governed = prev.low in _MIDDLE_PREPOSITIONS  # "den Rücktritt von Pierers": an attribute
        if seen_noun and _is_cap(t) and prev.text != "," and not governed:
            named = _person_starts(st, x, b) or (
                x + 1 < b and _is_cap(toks[x + 1]) and t.text in first_names()
            )
            name = named and not is_role_noun(prev.text) and prev.low not in C.DE_DET
            if is_role_noun(t.text) or name or _temporal_noun(prev):
                start = x
                while start - 1 > a and _is_adj(toks[start - 1], "de"):
                    start -= 1
                if start - 1 > a and toks[start - 1].low in C.DE_DET:
                    start -= 1
                if toks[start].low not in _GENITIVE:
                    return start  # "des SPD-Politikers" is an attribute of the phrase before
        seen_noun = seen_noun or (_is_cap(t) and t.low not in C.DE_DET)
    return b


def _adverbial_end(st: _State, k: int, hi: int) -> int:
    """The end of the adverbial opened by the preposition at token ``k`` ("am 5. Mai", "im Interview",
    "auf einer Pressekonferenz"): its noun phrase, up to where a second phrase begins."""
    k += 1
    while k < hi and st.toks[k].text[:1].isdigit():
        k += 1  # "am 5. Mai", "um 10 Uhr"
    np_ = _np_forward(st, k, hi)
    if np_ is None:
        return k + 1 if k < hi and st.toks[k].text.isalpha() else k
    end = _new_phrase(st, *np_)
    if end == np_[1] and (end >= hi or not st.toks[end].text[:1].isalnum()):
        # the clause ends with the adverbial: its last phrase after "der" that may be a nominative is the
        # subject, not a genitive ("sagte nach der Sitzung | der Vorstand")
        last = max((x for x in range(np_[0] + 2, end) if st.toks[x].low == "der"), default=None)
        if last is not None and _is_cap(st.toks[last - 1]) and not _oblique(st, last, end):
            return last
    return end


_MEDIA_NOUN = re.compile(r"(zeitung|nachrichtenagentur|presse-?agentur|zeitschrift|illustrierte)$")
"""Heads of a paper's or an agency's name, feminine: "sagte der Minister der Deutschen Presse-Agentur"."""


def _addressee(st: _State, a: int, b: int) -> int:
    """Where the phrase ``[a, b)`` after an inverted verb of saying ends before the paper or agency it was
    said to, which :func:`_np_forward` took for a genitive ("sagte die Ministerin | der Zeitung", "sagte
    Merz | der „Bild am Sonntag“", "sagte der Minister | der Nachrichtenagentur Reuters"); ``b`` when
    none follows."""
    toks = st.toks
    for x in range(a + 1, b - 1):
        if (_is_cap(toks[x - 1]) or toks[x - 1].text == ")") and _paper(st, x, b):
            return x
    return b


def _paper(st: _State, x: int, b: int) -> bool:
    """The words ``[x, b)`` after "der" at ``x`` name a paper or an agency ("der Zeitung", "der „Bild“",
    "der Deutschen Presse-Agentur", "der dpa"): what a speaker spoke to, in the dative."""
    toks = st.toks
    if toks[x].low != "der" or x + 1 >= b:
        return False
    nxt = toks[x + 1]
    words = [t for t in toks[x + 1 : b] if _is_cap(t) and not _MARKS.intersection(t.text)]
    media = next((t for t in words if not t.low.endswith("en")), None)
    return (
        nxt.text in _MARKS
        or nxt.low in _AGENCIES
        or (media is not None and _MEDIA_NOUN.search(media.low) is not None)
    )


def _before_postposition(st: _State, a: int, b: int, hi: int) -> int | None:
    """Where the phrase governed by a postposition right after ``[a, b)`` begins ("dem Vernehmen nach",
    "Medienberichten zufolge" in "der Minister Medienberichten zufolge"): its last noun with the article and
    adjectives before it; None when no postposition follows."""
    toks = st.toks
    if b >= hi:
        return None
    post = toks[b].low
    if not (post in C.DE_ZUFOLGE or (post == "nach" and toks[b - 1].low in C.DE_ANGABEN | {"vernehmen"})):
        return None
    g = b - 1
    while g > a and (_is_adj(toks[g - 1], "de") or toks[g - 1].low in C.DE_DET):
        g -= 1
    return g


def _bare_object(st: _State, a: int, b: int) -> bool:
    """The phrase ``[a, b)`` after an inverted verb opens with a noun without an article that is no name
    and no role, right before an article: a dative plural before the subject ("sagte Journalisten | der
    Trainer", "sagte Reportern | die Ministerin"), which :func:`_np_forward` took for a genitive."""
    toks = st.toks
    return (
        b - a > 2
        and _is_cap(toks[a])
        and toks[a].low.endswith("n")
        and toks[a + 1].low in ("der", "die", "das", "ein", "eine")
        and not is_role_noun(toks[a].text)
        and not _named(st, a)
    )


def _personal(st: _State, a: int, b: int) -> bool:
    """The phrase names a person or is headed by a role noun ("der Bürgermeister"), not a thing ("Die
    Entscheidung der Stadtwerke") or a paper ("Der Zeitung")."""
    toks = st.toks
    if any(m.type == "Person" for m in _mention_in(st, toks[a].start, toks[b - 1].end)):
        return True
    head = next((t for t in toks[a:b] if _is_cap(t) and t.low not in C.DE_DET), None)
    return head is not None and is_role_noun(head.text)


def _someone(st: _State, a: int, b: int) -> bool:
    """The phrase names someone who may speak: a person or a role (:func:`_personal`), a body ("die
    Polizei", a mention of an organisation) or a pronoun."""
    toks = st.toks
    if _personal(st, a, b) or _mention_in(st, toks[a].start, toks[b - 1].end, ("Organization",)):
        return True
    return toks[b - 1].text in ORG_WORDS or (b - a == 1 and toks[a].low in C.DE_PRONOUNS)


_NOMINATIVE_PRONOUNS = {"er", "ich", "wir", "du"}


def _nominative(st: _State, a: int, b: int) -> bool:
    """The German phrase ``[a, b)`` can only be a nominative: "der" before a noun that is not feminine nor
    in -en (so not "der Zeitung", "der Vorsitzenden"), or "er", "ich", "wir"."""
    low = st.toks[a].low
    if b - a == 1:
        return low in _NOMINATIVE_PRONOUNS
    return low == "der" and not _oblique(st, a, b)


def _bare_dative(st: _State, a: int, b: int) -> int:
    """Where the phrase ``[a, b)`` after an inverted verb ends before a plural noun without an article right
    after its noun, which no name and no role is: a dative plural, said to ("sagte die Ministerin |
    Journalisten", "sagte Bürgermeister Kuhn | Reportern"); ``b`` when none follows."""
    toks, doc = st.toks, st.doc
    if doc is None or not hasattr(doc, "pos"):
        return b
    for x in range(a + 1, b):
        t = toks[x]
        noun_before = doc.pos(x - 1) in ("NN", "NE")  # type: ignore[attr-defined]
        # (not a feminine singular in -n: "die Hoover Institution")
        plural = doc.pos(x) == "NN" and t.low.endswith("n") and not _feminine_noun(t)  # type: ignore[attr-defined]
        if noun_before and plural and not is_role_noun(t.text) and not _named(st, x):
            return x
    return b


def _particle_of(st: _State, c: int, a: int, b: int, hi: int) -> int:
    """Where the phrase ``[a, b)`` after the verb at token ``c`` ends before that verb's particle, which
    closes the clause ("schlug die Gewerkschaft | Alarm", "machte der Minister | deutlich"); else ``b``."""
    particles = C.DE_FORM_PARTICLES.get(st.toks[c].low, set())
    return next((k for k in range(a + 1, b) if st.toks[k].low in particles and _ends_clause(st, k, hi)), b)


def _singular(st: _State, a: int, b: int) -> bool:
    """The German phrase ``[a, b)`` is one person or thing: it opens with "der", "ein", "eine" or is a
    person's name, or its noun is a feminine singular ("die Ministerin"), and lists no second one."""
    toks = st.toks
    if any(t.low in ("und", "sowie", "oder", ",") for t in toks[a:b]):
        return False
    nouns = [t for t in toks[a:b] if _is_cap(t) and t.low not in C.DE_DET]
    return (
        toks[a].low in ("der", "ein", "eine")
        or bool(_mention_in(st, toks[a].start, toks[b - 1].end, ("Person",)))
        or (toks[a].low == "die" and len(nouns) == 1 and _feminine_noun(nouns[0]))
    )


def _inverted_subject(st: _State, c: int, hi: int) -> tuple[int, int] | None:
    """The subject in the middle field after the inverted German verb at token ``c``, past the adverbs,
    adverbials and objects that may stand before it ("sagte am Montag der Nachrichtenagentur dpa der
    Betriebsratschef", "sagte ihm gegenüber der Zeitung die Ministerin"), without the paper it was said to
    ("sagte die Ministerin der Zeitung"); past an object, only a phrase that names someone (not "meldete
    dem Tower per Funk einen Schaden"); None when none stands there."""
    toks = st.toks
    k, skipped = c + 1, False
    while k < hi and not _in_quote(st, toks[k]):
        t = toks[k]
        nxt = toks[k + 1] if k + 1 < hi else None
        noun_next = nxt is not None and (_is_cap(nxt) or _is_adj(nxt, "de"))
        if (
            t.low in C.DE_ADVERBS_AFTER_VERB - {"gegenüber"}
            or t.low in ("sich", *_OBJECT_PRONOUNS)
            or _object_before_name(st, k, hi)
            or (_temporal_noun(t) and _is_cap(t))  # "sagte gestern Abend die Ministerin"
        ):
            k += 1
        elif t.low in C.DE_ZUFOLGE:
            k += 1  # "sagte der dpa zufolge der Minister"
        elif t.low in _OBJECT_PERSONAL or (t.low == "ihr" and not noun_next):
            k, skipped = k + 1, True  # "sagte ihm", "sagte ihr der Trainer"
            if nxt is not None and nxt.low == "gegenüber":
                k += 1  # "sagte ihm gegenüber der Trainer"
        elif t.low in _AGENCIES and t.text.islower():
            k += 1  # "der Nachrichtenagentur dpa"
        elif t.low in _MIDDLE_PREPOSITIONS and not _person_starts(st, k, hi):
            k = _adverbial_end(st, k, hi)
        elif t.low == "der" and nxt is not None and nxt.low in _AGENCIES:
            k, skipped = k + 2, True  # "sagte der dpa"
        else:
            np_ = _np_forward(st, k, hi)
            governed = _before_postposition(st, *np_, hi) if np_ is not None else None
            if governed is not None and np_ is not None:
                if governed == np_[0]:
                    k = np_[1] + 1  # "sagte dem Vernehmen nach der Minister"
                    continue
                np_ = (np_[0], governed)  # "sagte der Minister Medienberichten zufolge"
            if np_ is not None and _bare_object(st, *np_):
                k, skipped = k + 1, True  # "sagte Journalisten der Trainer"
            elif np_ is None or not _oblique(st, *np_):
                if np_ is not None:
                    np_ = (
                        np_[0],
                        _particle_of(st, c, np_[0], _bare_dative(st, np_[0], _addressee(st, *np_)), hi),
                    )
                return np_ if np_ is None or not skipped or _someone(st, *np_) else None
            else:
                k, skipped = _new_phrase(st, *np_), True
    return None


def _conjunct_end(st: _State, a: int, b: int, hi: int, cue: int) -> int:
    """Where a German subject after the verb ends when "und" or "sowie" joins a second one to it ("sagten die
    Ministerin und der Bürgermeister"): SpkAtt-2023 marks the whole coordination as the source (its entity is
    the one :func:`_speaker_from_np` picks, as before the verb). The second phrase must end the clause (or
    stand before an adverbial or the participle of saying); else "und" joins clauses ("sagte die Ministerin
    und der Bürgermeister nickte", "sagte Meier und fügte hinzu") and ``b`` stays the end."""
    toks = st.toks
    if b + 1 >= hi or toks[b].low not in ("und", "sowie"):
        return b
    second = _np_forward(st, b + 1, hi)
    if second is None:
        return b
    e = _addressee(st, *second)  # "sagten die Ministerin und der Bürgermeister | der Zeitung"
    if (
        e < second[1]
        or e >= hi
        or toks[e].text in _CLAUSE_ENDS
        or toks[e].low in _MIDDLE_PREPOSITIONS
        or toks[e].low in _TEMPORAL
        or e == cue
    ):
        return e
    return b


def _opens_prefield(st: _State, a: int, lo: int) -> bool:
    """The German phrase at token ``a`` before a verb opens its clause (after a comma, "und", a quotation mark
    or a colon, or a focus word that opens the sentence: "Auch der Verband"): the prefield, where the subject
    stands unless an object or an adverbial was put first."""
    toks = st.toks
    return (
        a <= lo
        or toks[a - 1].low in (",", "und", "“", "”", '"', ":")
        or (a - 1 == lo and toks[a - 1].low in _FOCUS)
    )


_EN_AFTER_VERB = {"also", "later", "then", "again", "further"}
"""English adverbs between an inverted verb and its subject ("said also Mr Doe")."""


def _subject_of(st: _State, c: int, lo: int, hi: int) -> tuple[Speaker | None, float]:
    """The subject of the verb of saying at token ``c`` within tokens ``[lo, hi)``; and how sure."""
    toks, lang = st.toks, st.lang
    heisst = _heisst_es(st, c, lo, hi)
    if heisst is not None and heisst[0] is not None:
        return heisst
    if lang == "de" and (werden := _passive(st, c)) is not None:
        return _agent(st, werden, c)
    final = _verb_final_subject(st, c) if lang == "de" else None
    if final is not None:
        return _speaker_from_np(st, *final), 0.7
    c0 = c
    aux = _aux_before(st, c, lo)
    if aux is not None:
        c = aux  # "Leavitt hatte ... erklärt": the subject stands around the auxiliary
        hi = min(hi, st.sents[toks[c].sent][1])
    # after the verb (inverted order): German past adverbials and objects, English past a few adverbs
    k = c + 1
    while lang == "en" and k < hi and toks[k].low in _EN_AFTER_VERB and k - c <= 3:
        k += 1
    after = _inverted_subject(st, c, hi) if lang == "de" else _np_forward(st, k, hi) if k < hi else None
    if lang == "de" and after is not None:
        after = (after[0], _conjunct_end(st, *after, hi, c0))
    if lang == "de" and c > lo and toks[c - 1].low == "und" and toks[c0].text[:1].islower():
        after = None  # "zogen die Demonstranten … und skandierten Parolen": the phrase after is an object
    before = _en_subject(st, c, lo) if lang == "en" else _np_backward(st, c, lo)
    if lang == "de" and before is not None and _tagged_alone(st, *before, ("ADV", "ADJD")):
        before = None  # "Monatelang haben die Wiener Linien abgestritten": an adverb opens the clause
    if before is not None:
        pre = _prefield(st, before[0], lo)
        if pre is not None:
            before = (pre, before[1])
    if (
        lang == "en"
        and after is not None
        and (
            toks[c].low not in ("said", "says", "added", "wrote", "explained", "continued")
            or (c > lo and toks[c - 1].text not in _MARKS | {","})
        )
    ):
        after = None  # English inverts only "said X", "added X", after what X said ("Doe says he" is none)
    first = None
    if lang == "de" and toks[c - 1].text == "," if c > lo else False:
        # "Günther Platter, der Verteidigungsminister Österreichs, der zur Zeit ... inne hat, sagte": the
        # phrase that opens the clause, before the relative clause
        first = _before_relative(st, c, lo)
    relative = lang == "en" and before is not None and _en_relative_pronoun(st, *before)
    if lang == "en" and not relative and (before is None or not _clause_initial(st, before[0], lo)):
        # "Trump, speaking to a veterans group, said ...", "Cruz exhorted ... and said ...": the subject
        s_lo = st.sents[toks[c].sent][0]
        k = _after_dateline(st, max(lo, s_lo), c)
        if toks[k].low in _EN_CLAUSE_OPENERS:
            while k < c and toks[k].text != ",":
                k += 1
            k += 1
        first = _en_pair(st, _np_forward(st, k, c), c) if k < c else None

    # "Die Entscheidung der Stadtwerke begrüßte der Bürgermeister:", "Der Zeitung sagte die Ministerin:": the
    # object stands first; the subject after the verb is the one who speaks; so too when a nominative follows
    # the verb and the phrase before it may be an object ("Die Stadtwerke forderte der Verband auf")
    # "Anwohner kritisieren die Ministerin", "Die Ministerin kritisieren die Stadtwerke": a finite verb in the
    # plural does not agree with a singular phrase, which then is no subject
    plural = lang == "de" and toks[c].low.endswith("en") and _tagged_alone(st, c, c + 1, _FINITE_TAGS)
    disagrees = plural and after is not None and _singular(st, *after)
    disagrees_before = plural and before is not None and _singular(st, *before)
    fronted_object = (
        lang == "de"
        and before is not None
        and after is not None
        and not disagrees
        and not _personal(st, *before)
        and not (before[1] - before[0] == 1 and toks[before[0]].low in C.DE_PRONOUNS)  # "Sie kritisierte X"
        and not _nominative(st, *before)
        and (_personal(st, *after) or (_nominative(st, *after) and _someone(st, *after)))
    )
    # "Der Verband forderte die Stadtwerke auf", "Die Partei forderte die Stadtwerke auf": a nominative, or a
    # phrase that names someone, opens the clause; the phrase after the verb that may be an object is one
    subject_first = (
        lang == "de"
        and before is not None
        and after is not None
        and not fronted_object
        and not disagrees_before
        and _opens_prefield(st, before[0], lo)
        and (_nominative(st, *before) or (_someone(st, *before) and not _nominative(st, *after)))
    )
    scored: list[tuple[float, Speaker]] = []
    for np_, where in ((after, "after"), (before, "before"), (first, "first")):
        if np_ is None:
            continue
        a, b = np_
        if where == "after" and lang == "en" and a - c > 1:
            continue
        # "Einige vertreten die Auffassung", "Many say …": a pronoun of quantity stands for people
        if lang == "de":
            pronoun = _tagged_alone(st, a, b, ("PIS",))
        else:
            pronoun = where == "before" and _en_quantifier(st, a, b)
        if not pronoun and all(
            toks[x].low in _TEMPORAL
            or toks[x].low in C.DE_DET | C.EN_DET
            or not (toks[x].text[:1].isalpha() or _COMPOUND_NOUN.match(toks[x].text))
            or toks[x].low in ("letzten", "vergangenen", "nächsten", "kommenden")
            for x in range(a, b)
        ):
            continue  # "hatte letzten September kritisiert": a time, not a speaker
        sp = _speaker_from_np(st, a, b)
        score = 0.0
        if sp.key is not None:
            ms = _mention_in(st, toks[a].start, toks[b - 1].end)
            score += 3.0 if any(m.type == "Person" for m in ms) else 2.0
        elif pronoun or (b - a == 1 and toks[a].low in (C.DE_PRONOUNS if lang == "de" else C.EN_PRONOUNS)):
            score += 2.5
        else:
            score += 1.0
        if lang == "de" and (toks[a].low in C.DE_ACCUSATIVE or (where != "after" and _oblique(st, a, b))):
            score -= 3.0  # "Den Vorschlag lehnte X ab", "Der Vorsitzenden widersprach X": an object first
        if lang == "de" and where == "before":
            # the phrase before the verb is the subject only when it opens the clause
            score += 1.0 if _opens_prefield(st, a, lo) else -1.5
        if lang == "en" and where == "before":
            score += 0.5 if _clause_initial(st, a, lo) else -0.5
            if b == c and a > lo and toks[a - 1].text in (",", "”", '"', "''", "’"):
                score += 2.0  # "“…,” retired Air Force general Lloyd Newton said"
        if where == "first":
            score += 0.2
        if lang == "de" and where == "after":
            score += 0.3
        if (subject_first or disagrees) and where == "after":
            score -= 2.5
        if (fronted_object or disagrees_before) and where == "before":
            score -= 2.5
        scored.append((score, sp))
    if scored:
        score, sp = max(scored, key=lambda x: x[0])
        if score > 0:
            return sp, min(0.9, 0.5 + 0.1 * score)
        if score > -1.0 and not _mention_in(st, toks[lo].start, toks[hi - 1].end):
            return sp, 0.4  # nothing better in the clause
    if aux is not None:
        # "Vorher hatte der ... Sondergesandte Kirill Dmitrijew ... geschrieben": a person between the two
        between = [
            m
            for m in _mention_in(st, toks[c].end, toks[c0].start)
            if not any(x <= m.span.start < y for x, y in st.quoted)
        ]
        if between:
            m = between[0]
            return Speaker(m.span, m.text, m.key, None), 0.6
    if lang == "de":
        # no subject next to the verb ("lenkte er die Fähre … und meldete sich mit den Worten"): the
        # sentence's subject, before the last name in it
        shared = _sentence_subject(st, toks[c].sent)
        if shared is not None:
            return shared, 0.5
    near = _nearest_mention_speaker(st, toks[c].sent, toks[c0].start)
    if near is not None:
        return near, 0.5
    return None, 0.0


_AUX = {
    "hat",
    "hatte",
    "hatten",
    "haben",
    "habe",
    "hätte",
    "hätten",
    "wurde",
    "wurden",
    "wird",
    "werden",
    "werde",
    "ist",
    "war",
    "waren",
    "sei",
    "seien",
    "soll",
    "sollen",
    "solle",
    "will",
    "wollen",
    "wolle",
    "kann",
    "könne",
    "konnte",
    "muss",
    "müsse",
    "würde",
    "würden",
    "lässt",
    "ließ",
    "ließen",
    "has",
    "had",
    "have",
    "was",
    "were",
    "would",
    "is",
    "are",
}


_WERDEN = {"wird", "wurde", "wurden", "werden", "werde"}


def _passive_clause(st: _State, v: int) -> bool:
    """The clause of the finite verb at ``v`` is passive (German: a form of "werden" and a past participle
    that closes the clause: "Darin wird der Minister aufgefordert, „…“"): its subject is who is acted on."""
    if st.toks[v].low not in _WERDEN:
        return False
    for k in range(v + 1, st.sents[st.toks[v].sent][1]):
        if st.toks[k].text in (",", ";", ":"):
            break
        participle = st.doc.pos(k) == "VVPP"  # type: ignore[attr-defined]
        if participle and not _in_quote(st, st.toks[k]) and _clause_final(st, k):
            return True
    return False


def _passive(st: _State, c: int) -> int | None:
    """The passive auxiliary of the participle of saying at ``c`` ("wurden … als „…“ bezeichnet", "ist …
    kritisiert worden"), whose subject is what was said or whom it was said of, not the speaker; None for
    the active voice and for "X wird (mit den Worten) zitiert", where X spoke."""
    low = st.toks[c].low
    judged = low in _JUDGING_PARTICIPLES  # "wird von X als „…“ eingestuft"
    if (low not in C.DE_PARTICIPLES and not judged) or C.DE_SPEECH_FORMS.get(low) == "zitieren":
        return None
    if c + 1 < len(st.toks) and (st.toks[c + 1].low == "worden" or st.toks[c + 1].low in _WERDEN):
        return c + 1  # "… kritisiert worden", "…, der als „…“ bezeichnet wird"
    for k in range(c - 1, st.sents[st.toks[c].sent][0] - 1, -1):
        t = st.toks[k]
        if _in_quote(st, t):
            continue
        if t.text in (",", ";", ":"):
            return None
        if t.low in _WERDEN:
            return k
    return None


def _agent(st: _State, werden: int, c: int) -> tuple[Speaker | None, float]:
    """The speaker of a passive verb of saying: the phrase after "von" between the auxiliary and the verb
    ("wurde von der Ministerin als „…“ bezeichnet"), or opening its clause ("Von der Ministerin wurde
    betont"), or in its clause before a verb-final one ("…, die von der Ministerin als „…“ bezeichnet
    wird"); or none."""
    start = min(werden, c)
    while start > st.sents[st.toks[c].sent][0] and (
        _in_quote(st, st.toks[start - 1]) or st.toks[start - 1].low not in (",", ";", ":", "und", "oder")
    ):
        start -= 1
    if werden < c and st.toks[start].low not in ("von", "vom", "durch"):
        start = werden  # the agent may open the clause ("Von der Ministerin wurde betont"), not stand in it
    for k in range(start, c):
        if st.toks[k].low in ("von", "vom", "durch") and not _in_quote(st, st.toks[k]):
            np_ = _np_forward(st, k + 1, c)
            if np_ is not None:
                return _speaker_from_np(st, *np_), 0.6
    for k in range(start, c - 3):
        # "wurden im „Standard“ als „…“ bezeichnet": the paper named in quotation marks said it
        t = st.toks
        if t[k].low in ("im", "in") and not _in_quote(st, t[k]) and t[k + 1].text in _MARKS:
            close = next((x for x in range(k + 2, min(c, k + 6)) if t[x].text in _MARKS), None)
            if close is not None and close > k + 2 and all(_is_cap(x) for x in t[k + 2 : close]):
                s, e = t[k + 1].start, t[close].end
                return Speaker(Span(s, e), st.text[s:e], None, t[close - 1].text), 0.5
    return None, 0.0


_LASSEN = {"lässt", "ließ", "ließen"}
"""The auxiliary of an infinitive of saying: "ließ der Sprecher verlauten"."""


def _aux_before(st: _State, c: int, lo: int) -> int | None:
    """The finite auxiliary that governs the participle or infinitive at ``c`` (German), if any."""
    low = st.toks[c].low
    infinitive = C.DE_SPEECH_FORMS.get(low) == low
    if st.lang != "de" or not (low in C.DE_PARTICIPLES or infinitive):
        return None
    for k in range(c - 1, lo - 1, -1):
        t = st.toks[k]
        if t.text in (",", ";", ":") or _in_quote(st, t):
            return None
        if t.low in _AUX and (not infinitive or t.low in _LASSEN):
            return k  # "hatte … erklärt", "ließ der Sprecher … verlauten"
    return None


_NP_TAGS_DE = {
    "ART",
    "PPOSAT",
    "ADJA",
    "NN",
    "NE",
    "NNA",
    "CARD",
    "TRUNC",
    "PIAT",
    "PDAT",
    "PIDAT",
    "FM",
    "XY",
}
_NOUN_TAGS = {"NN", "NE", "NNA", "FM", "NP0", "NN1", "NN2"}


def _konjunktiv(tok: _Tok) -> bool:
    """A finite verb in Konjunktiv I (or reportative "soll"): listed, or a third-person form in -e that is
    not a past form in -te ("beschränke", "betreibe")."""
    low = tok.low
    if low in C.KONJ1 or low in C.REPORTATIVE:
        return True
    return low.endswith("e") and not low.endswith(("te", "ie")) and len(low) > 3 and tok.text.islower()


def _first_finite(st: _State, si: int) -> int | None:
    """The first finite verb of sentence ``si`` outside quotations (German, from its tags)."""
    doc = st.doc
    if st.lang != "de" or doc is None or not hasattr(doc, "pos"):
        return None
    lo, hi = st.sents[si]
    for k in range(lo, hi):
        tok = st.toks[k]
        if _in_quote(st, tok):
            continue
        if tok.low in C.KONJ1 or tok.low in C.REPORTATIVE:
            return k
        tag = doc.pos(k)  # type: ignore[attr-defined]
        # HanTa tags an unknown lower-case verb form as a noun ("sparte"): no German noun is lower case
        lower_noun = tag in ("NN", "NE") and tok.text.isalpha() and tok.text.islower() and k > lo
        if tag.endswith("FIN") or lower_noun:
            return k
    return None


_DASHES = ("–", "-", "—")
"""The dashes that end a dateline."""


def _after_dateline(st: _State, lo: int, hi: int) -> int:
    """The first token after a dateline that opens the tokens ``[lo, hi)`` (a place, a date after a comma,
    the agency in brackets and a dash: "Berlin (dpa) –", "LONDON, March 3 (Reuters) -", "BERLIN —"), or
    ``lo`` when they open with none: a wire story's byline, not the subject of its first sentence."""
    toks = st.toks
    dashes = (j for j in range(lo + 1, min(hi - 1, lo + 10)) if toks[j].text in _DASHES)
    dash = next((j for j in dashes if not _hyphen_in_word(st, j)), None)
    if dash is None:
        return lo
    end = next((j for j in range(lo + 1, dash) if toks[j].text in ("(", ",")), dash)
    place = _mention_in(st, toks[lo].start, toks[end - 1].end, ("Place",)) or all(
        t.text.isalpha() and t.text.isupper() for t in toks[lo:end]
    )
    # after the place only a date and the agency in brackets: "LONDON, March 3 (Reuters) -", "(dpa)"
    rest = toks[end:dash]
    opening = next((j for j, t in enumerate(rest) if t.text == "("), len(rest))
    dated = all(t.text in ",." or t.text[:1].isdigit() or _is_cap(t) for t in rest[:opening])
    bracketed = opening == len(rest) or (rest[-1].text == ")" and len(rest) - opening <= 4)
    return dash + 1 if place and dated and bracketed else lo


def _sentence_subject(st: _State, si: int) -> Speaker | None:
    """The subject of a sentence that has no verb of saying (German, from the part-of-speech tags of that
    sentence only): the noun phrase that opens the clause before the finite verb, or the one right after it.
    """
    doc = st.doc
    if st.lang != "de" or doc is None or not hasattr(doc, "pos"):
        return None
    lo, hi = st.sents[si]
    # a quotation mark is no noun, whatever the tagger says (it tags a closing mark FM, a foreign word)
    tags = ["XY" if st.toks[k].text in _MARKS else doc.pos(k) for k in range(lo, hi)]  # type: ignore[attr-defined]
    comma = next((k for k in range(lo, hi - 1) if st.toks[k].text == ","), None)
    if (
        comma is not None
        and tags[comma + 1 - lo] == "PRELS"
        and all(tags[k - lo] in _NP_TAGS_DE for k in range(lo, comma))
        and any(tags[k - lo] in _NOUN_TAGS for k in range(lo, comma))
    ):
        # "Der Ermittler, der als Zeuge gilt, will …": the phrase before the relative clause
        return _speaker_from_np(st, lo, comma)
    v = _first_finite(st, si)
    if v is None:
        return None
    # before the verb: the whole stretch from the clause start must be a noun phrase
    start = lo
    for k in range(v - 1, lo - 1, -1):
        if st.toks[k].text in (":", ";") or _in_quote(st, st.toks[k]):
            start = k + 1
            break
    start = _after_dateline(st, start, v)
    seg = list(range(start, v))
    if (
        seg
        and not _oblique(st, seg[0], v)  # "Der Entscheidung stimmte der Minister zu": a dative first
        and all(
            tags[k - lo] in _NP_TAGS_DE
            or st.toks[k].text in (",", "(", ")")
            or (tags[k - lo] == "APPR" and k > seg[0])
            for k in seg
        )
        and any(tags[k - lo] in _NOUN_TAGS for k in seg)
    ):
        first = _speaker_from_np(st, seg[0], seg[-1] + 1 if st.toks[seg[-1]].text != "," else seg[-1])
        if _bare_before_singular(st, seg, v, tags[seg[0] - lo :]):
            # "Deutliche Worte fand die Ministerin": a bare plural or mass noun first, someone after the verb
            after = _subject_after_verb(st, v, lo, hi, tags)
            if after is not None and _names_someone(after):
                return after
        return first
    if seg and len(seg) == 1 and tags[seg[0] - lo] == "PPER" and st.toks[seg[0]].low in ("er", "sie"):
        return _resolve_pronoun(st, st.toks[seg[0]])
    return _subject_after_verb(st, v, lo, hi, tags)


def _bare_before_singular(st: _State, seg: list[int], v: int, tags: list[str]) -> bool:
    """The prefield ``seg`` (tagged ``tags`` from its start) is a noun without an article that names no one
    ("Deutliche Worte", "Viel Lob", "Unterstützung") before a singular finite verb at ``v`` ("fand", not
    "kritisieren"): an object put first, or a subject that does not agree."""
    toks = st.toks
    return (
        tags[0] in ("ADJA", "NN", "PIAT", "PIDAT")
        and "NE" not in tags[: len(seg)]
        and not _mention_in(st, toks[seg[0]].start, toks[seg[-1]].end)
        and not toks[v].low.endswith("n")
    )


def _subject_after_verb(st: _State, v: int, lo: int, hi: int, tags: list[str]) -> Speaker | None:
    """The subject right after the finite verb at ``v`` of the sentence ``[lo, hi)`` tagged ``tags`` (German),
    past adverbs and an object "das" before a name; None when no noun phrase stands there."""
    k = v + 1
    while k < hi and (tags[k - lo] in ("ADV", "PTKNEG", "PRF", "ADJD") or _object_before_name(st, k, hi)):
        k += 1  # "Ganz anders sieht das Klaus Meier.": "das" is the object, the name the subject
    if k < hi and tags[k - lo] == "PPER" and st.toks[k].low in ("er", "sie"):
        return _resolve_pronoun(st, st.toks[k])
    a = k
    seen_noun = False
    while k < hi and not _in_quote(st, st.toks[k]) and not _opens_quote(st, k):
        if (
            seen_noun
            and st.toks[k].low in ("von", "vom", "im", "für")
            and k + 1 < hi
            and tags[k + 1 - lo] in _NP_TAGS_DE
            and not _route(st, k, hi)
        ):
            k += 1  # "die Sprecherin der Unionsfraktion im Bundestag"
            continue
        if tags[k - lo] not in _NP_TAGS_DE:
            break
        if (
            seen_noun
            and tags[k - lo] in ("ART", "PPOSAT", "PDAT", "PIAT")
            and st.toks[k].low not in ("des", "der", "eines", "einer")  # a genitive goes on
        ):
            break  # a second phrase begins: "sieht Osterloh einen Angriff"
        seen_noun = seen_noun or tags[k - lo] in _NOUN_TAGS
        k += 1
    if (
        k > a
        and st.toks[a].low not in C.DE_ACCUSATIVE
        and any(tags[j - lo] in _NOUN_TAGS for j in range(a, k))
    ):
        return _speaker_from_np(st, a, k)
    return None


def _remember(st: _State, sp: Speaker | None, si: int) -> None:
    if sp is not None and (sp.key is not None or sp.role or sp.text):
        st.last_speaker = sp
        st.last_speaker_sent = si


# ---- cues -----------------------------------------------------------------------------------------------


def _is_cue(st: _State, tok: _Tok) -> bool:
    if st.lang == "de":
        low = tok.low  # (most words are neither: no call for them)
        return (
            low in C.DE_SPEECH_FORMS or (low in C.DE_REFLEXIVE_SPEECH and _reflexive_cue(st, tok))
        ) and tok.text[:1].islower()
    # lower case, or the first word of a sentence ("Says ..."); "the United States" is no verb
    return tok.low in C.EN_SPEECH_FORMS and (
        tok.text[:1].islower() or tok.i == st.sents[tok.sent][0] or _en_headline(st, tok.sent)
    )


_REFLEXIVES = {"sich", "mich", "uns"}
_CLAUSE_ENDS = {",", ";", ":", ".", "!", "?", "(", ")", "–"} | _MARKS


def _reflexive_cue(st: _State, tok: _Tok) -> bool:
    """A verb that says something only with its reflexive pronoun near ("empörte sich der Minister", "hat
    sich gefreut") and, for "sich zeigen" and "sich geben", an adjective of stance ("zeigte sich
    zuversichtlich"); "Das freute die Fans" and "Das Problem zeigte sich früh" say nothing."""
    lemma = C.DE_REFLEXIVE_SPEECH.get(tok.low)
    if lemma is None:
        return False
    lo, hi = st.sents[tok.sent]
    a, b = tok.i, tok.i + 1  # the words around it in its clause ("…, dass sich X" is another clause)
    while a > max(lo, tok.i - 3) and st.toks[a - 1].text not in _CLAUSE_ENDS:
        a -= 1
    while b < min(hi, tok.i + 8) and st.toks[b].text not in _CLAUSE_ENDS:
        b += 1
    if not any(t.low in _REFLEXIVES and abs(t.i - tok.i) <= 3 for t in st.toks[a:b]):
        return False
    return lemma not in C.DE_STANCE_VERBS or any(t.low in C.DE_STANCES for t in st.toks[tok.i + 1 : b])


def _en_headline(st: _State, si: int) -> bool:
    """Whether English sentence ``si`` is a headline in title case ("Trump Could Address Clean Energy,
    Graham Says"), where a verb of saying is capitalized too."""
    lo, hi = st.sents[si]
    words = [t for t in st.toks[lo:hi] if t.text.isalpha() and len(t.text) > 3]
    return len(words) >= 3 and all(_is_cap(t) for t in words)


def _ends_clause(st: _State, k: int, hi: int) -> bool:
    """Whether token ``k`` is the last word of its clause, where a separable verb's particle stands ("räumte
    Fehler ein, …"); a preposition or article of the same form is not ("legte nach der Sitzung …", "warf ein
    Auge auf …")."""
    return k + 1 >= hi or st.toks[k + 1].text in _CLAUSE_ENDS or st.toks[k + 1].low in ("und", "oder", "dass")


def _cue_span(st: _State, c: int, hi: int) -> Span:
    """The verb of saying at token ``c``, with the particle of a separable verb when it ends the clause."""
    tok = st.toks[c]
    if st.lang == "de":
        particles = C.DE_FORM_PARTICLES.get(tok.low, set())
        if particles:
            for k in range(c + 1, min(hi, c + 20)):
                if st.toks[k].low in particles and _ends_clause(st, k, hi):
                    if (
                        st.toks[k].low == "aus"
                        and C.DE_SPEECH_FORMS.get(tok.low) == "ausgehen"
                        and not any(x.low == "davon" for x in st.toks[c + 1 : k])
                    ):
                        break  # "geht davon aus", not "geht aus dem Bericht hervor" (but "führte aus")
                    return Span(tok.start, st.toks[k].end)
                if st.toks[k].text in (",", ".", ":", ";"):
                    break
    return Span(tok.start, tok.end)


def _cue_ok(st: _State, c: int, hi: int) -> bool:
    """A separable verb whose bare form is too general ("gab") counts only with its particle (or as a
    stance: "gab sich zuversichtlich"); an English one not with a particle that makes it none ("showed
    up")."""
    tok = st.toks[c]
    if st.lang == "en":
        return not _en_particle_no_speech(st, c, hi)
    if st.lang != "de" or tok.low not in C._NEEDS_PARTICLE or _reflexive_cue(st, tok):
        return True
    span = _cue_span(st, c, hi)
    return span.end > tok.end


# ---- features of a quoted passage -----------------------------------------------------------------------


def quote_features(st: _State, a: int, b: int) -> dict[str, float]:
    """Features of the quotation whose marks are at offsets ``a`` and ``b``."""
    text = st.text
    inner = text[a + 1 : b].strip()
    words = [w for w in inner.split() if any(ch.isalnum() for ch in w)]
    n = len(words)
    f: dict[str, float] = {}
    f["len1"] = float(n <= 1)
    f["len2"] = float(n == 2)
    f["len3_4"] = float(3 <= n <= 4)
    f["len5_9"] = float(5 <= n <= 9)
    f["len10"] = float(n >= 10)
    f["end_punct"] = float(inner[-1:] in ".!?…,;" if inner else 0)
    f["upper_start"] = float(inner[:1].isupper())
    f["all_title"] = float(n >= 1 and all(w[:1].isupper() for w in words))
    before = text[max(0, a - 40) : a].rstrip()
    after = text[b + 1 : b + 40].lstrip()
    f["colon_before"] = float(before.endswith(":"))
    f["comma_after"] = float(after.startswith(","))
    low_before = before.lower().split()
    prev_word = low_before[-1] if low_before else ""
    f["det_before"] = float(prev_word in C.DE_DET or prev_word in C.EN_DET)
    f["sogenannt"] = float("genannt" in prev_word or prev_word in ("called", "so-called", "dubbed", "titled"))
    # a title after the noun that names what it is: die Enzyklika „Deus caritas est“ (a name before words in
    # lower case is their speaker: nannte Trump „sehr produktiv“)
    prev_raw = before.split()[-1] if before.split() else ""
    f["title_after_noun"] = float(
        prev_raw[:1].isupper() and prev_raw.isalpha() and prev_word not in C.DE_DET and inner[:1].isupper()
    )
    # the sentence around
    ta = _tok_at(st, a)
    tb = _tok_at(st, b)
    s1 = st.toks[ta].sent if ta is not None else 0
    s2 = st.toks[tb].sent if tb is not None else s1
    lo, hi = st.sents[s1][0], st.sents[s2][1]
    outside = [t for t in st.toks[lo:hi] if not (a <= t.start and t.end <= b + 1)]
    after_toks = [t for t in outside if t.start > b][:4]
    # right after a quotation any verb of saying is one („…“, seufzte X; „…“, rief X); elsewhere a bare form
    # that needs its particle is none without it ("legte mit „…“ ein Album vor")
    said_after = any(t.text in C.DE_SPEECH_AFTER_QUOTE or _is_cue(st, t) for t in after_toks[:2])
    f["cue_in_sentence"] = float(said_after or any(_is_cue(st, t) and _cue_ok(st, t.i, hi) for t in outside))
    f["cue_after"] = float(
        said_after or any(_is_cue(st, t) for t in after_toks) or any(t.low == "so" for t in after_toks[:2])
    )
    konj = C.KONJ1 | C.KONJ2 | C.REPORTATIVE
    f["konj"] = float(any(t.low in konj for t in st.toks[lo:hi]))
    f["whole_sentence"] = float(len(outside) <= 2)
    f["straight"] = float(text[a] in "\"'")
    f["single"] = float(text[a] in "'‚‘‹›")
    # a determiner before a capitalised passage without a sentence's end: a noun phrase that names something
    # ("der „Preis der …“", "die „Neue Rechte“")
    f["name_like"] = float(f["det_before"] and f["upper_start"] and not f["end_punct"])
    return f


_JUDGING = {
    form: lemma
    for lemma, forms in {
        "sehen": ("sieht", "sah", "sahen", "sehen", "gesehen"),
        "werten": ("wertet", "wertete", "werteten", "werten", "gewertet"),
        "bewerten": ("bewertet", "bewertete", "bewerteten", "bewerten"),
        "betrachten": ("betrachtet", "betrachtete", "betrachteten", "betrachten"),
        "einstufen": ("stuft", "stufte", "stuften", "einstufen", "eingestuft"),
        "beurteilen": ("beurteilt", "beurteilte", "beurteilten", "beurteilen"),
        "empfinden": ("empfindet", "empfand", "empfanden", "empfinden", "empfunden"),
    }.items()
    for form in forms
}
"""Verbs of judging, whose complement after "als" or an indefinite article is what the subject calls
something, as with nennen ("wertete den Beschluss als „…“", "sieht darin einen „…“")."""
_NAMING = {"nennen", "bezeichnen", "zurückweisen", *_JUDGING.values()}
_JUDGING_PARTICIPLES = {
    "gewertet",
    "bewertet",
    "betrachtet",
    "eingestuft",
    "beurteilt",
    "empfunden",
    "gesehen",
}
_GELTEN = {"gilt", "galt", "galten", "gelten", "gegolten"}
_AS_OR_A = {"als", "ein", "eine", "einen", "einem", "einer"}
_SPOKEN_OF = {"von", "vom"}
_ARTICLES = {"ein", "eine", "einen", "einem", "einer", "eines", "der", "die", "das", "dem", "den", "des"}


def _called(st: _State, a: int) -> bool:
    """What a speaker calls something, in German: nannte den Bericht eine „Zeitungsente“, wies dies als
    „Unverschämtheit“ zurück, sprach von einem „historischen Tag“ (SpkAtt-2023 marks these words as direct
    speech); not what a thing is called by nobody in particular ("nennt man einen „Aktiensplit“", "der als
    „Sonnenwind“ bezeichnet wird")."""
    return _naming_verb(st, a) is not None


def _naming_lemmas(st: _State, k: int) -> set[str]:
    """The verbs whose words the quotation opening at token ``k`` gives, by the word before it: after "als"
    or an indefinite article, nennen, bezeichnen, zurückweisen; after "von" (and an article), sprechen."""
    prev = st.toks[k - 1].low
    if prev in _SPOKEN_OF or (prev in _ARTICLES and k >= 2 and st.toks[k - 2].low in _SPOKEN_OF):
        return {"sprechen"}
    return _NAMING if prev in _AS_OR_A else set()


def _predicate_of_nennen(st: _State, a: int, k: int) -> bool:
    """The quotation opening at offset ``a`` (token ``k``) is in lower case and opens with no determiner:
    the predicate of a "nennen" in its clause ("nannte den Film „großartig“"), not after "sich" ("das sich
    „…“ nennt": a name)."""
    return (
        st.text[a + 1 : a + 2].islower()
        and not _opens_with_determiner(st, a)
        and st.toks[k - 1].low not in ("sich", "selbst")
    )


def _clause_around(st: _State, k: int) -> tuple[int, int]:
    """The token range of the clause around token ``k``: between the commas, semicolons and colons nearest
    it outside quotations, within its sentence."""
    lo, hi = st.sents[st.toks[k].sent]
    a, b = k, k
    while a > lo and not (st.toks[a - 1].text in (",", ";", ":") and not _in_quote(st, st.toks[a - 1])):
        a -= 1
    while b < hi and not (st.toks[b].text in (",", ";", ":") and not _in_quote(st, st.toks[b])):
        b += 1
    return a, b


def _naming_verb(st: _State, a: int) -> int | None:
    """The verb of naming (nennen, bezeichnen, zurückweisen; sprechen von) of its sentence when the quotation
    whose mark is at ``a`` follows the word that makes it what the verb's subject calls something
    (:func:`_naming_lemmas`) and someone named does the naming; a verb of judging only in the quotation's
    clause, and not beside "gilt" ("wird … bewertet und gilt als „…“": what something is held to be)."""
    k = _tok_at(st, a)
    if st.lang != "de" or k is None or k == 0:
        return None
    lemmas = _naming_lemmas(st, k)
    lo, hi = st.sents[st.toks[k].sent]
    if not lemmas and _predicate_of_nennen(st, a, k):
        lemmas = {"nennen"}
        lo, hi = _clause_around(st, k)
    if not lemmas:
        return None
    # the nearest verb of naming before the quotation, else the first after it ("X nannte A „…“, Y
    # bezeichnete B als „…“": Y's)
    clo, chi = _clause_around(st, k)
    held = any(t.low in _GELTEN for t in st.toks[clo:chi])
    verbs = [
        t
        for t in st.toks[lo:hi]
        if (
            C.DE_SPEECH_FORMS.get(t.low) in lemmas
            or (_JUDGING.get(t.low) in lemmas and not held and clo <= t.i < chi)
        )
        and not _in_quote(st, t)
    ]
    verbs = [t for t in reversed(verbs) if t.i < k] + [t for t in verbs if t.i > k]
    if not verbs:
        return None
    t = verbs[0]
    werden = _passive(st, t.i)
    nobody = st.toks[t.i + 1].low == "man" if t.i + 1 < hi else False
    named = not nobody and (werden is None or _agent(st, werden, t.i)[0] is not None)
    return t.i if named else None


_SPEECH_NOUNS = {
    "parole",
    "parolen",
    "spruch",
    "sprüche",
    "slogan",
    "slogans",
    "rufe",
    "rufen",
    "worte",
    "worten",
    "satz",
    "zitat",
    "aussage",
    "äußerung",
    "feststellung",
    "erklärung",
    "behauptung",
    "forderung",
    "warnung",
    "appell",
    "vorwurf",
    "kommentar",
    "frage",
    "aufschrift",
}
"""Nouns of something said, whose words a quotation right after them gives: die Feststellung „…“."""


def _after_speech_noun(st: _State, a: int) -> bool:
    """The quotation gives the words of a noun of saying before it (German: "mit der Parole „…“",
    "skandierten Parolen wie „…“"), which makes it speech whatever the model says."""
    j = _noun_before(st, a)
    return j is not None and st.toks[j].low in _SPEECH_NOUNS


def _noun_before(st: _State, a: int) -> int | None:
    """The token of the noun whose example or name the quotation opening at ``a`` gives (German): the word
    right before it, or the one before "wie" and its examples ("Parolen wie zum Beispiel „…“", "Begriffe wie
    „…“"); None in English or at the start of the text."""
    k = _tok_at(st, a)
    if st.lang != "de" or k is None or k == 0:
        return None
    j = k - 1
    if st.toks[j].low in _FOR_EXAMPLE and j > 0:  # "Parolen wie zum Beispiel „…“", "Sprüche wie etwa „…“"
        j -= 1
        while j > 0 and st.toks[j].low in _FOR_EXAMPLE and st.toks[j].low != "wie":
            j -= 1
    if st.toks[j].low == "wie":
        j -= 1
    return j if j >= 0 else None


def _a_sentence_after_colon(text: str, a: int, b: int) -> bool:
    """A colon introduces the passage and the passage ends as a sentence ends ("Ihre Antwort: „Nein.“",
    "die aus einem Wort bestand: „WOW.“"): an utterance (on the tuning half of SpkAtt-2023 all 90 such
    passages were direct speech)."""
    return text[max(0, a - 3) : a].rstrip().endswith(":") and text[a + 1 : b].rstrip()[-1:] in (
        ".",
        "!",
        "?",
        "…",
    )


_DEMONSTRATIVES = {"diese", "diesen", "diesem", "dieser", "solchen", "solche", "jenen", "jene"}


def _words_after(st: _State, b: int) -> bool:
    """Right after the quotation a demonstrative and a noun of saying take it up ("„…“ – mit diesen Worten
    verließ er den Saal", "„…“: Dieser Satz …"): the quotation is those words."""
    kb = _tok_at(st, b)
    if st.lang != "de" or kb is None or st.toks[kb].start < b:
        return False
    after = [t.low for t in st.toks[kb + 1 : kb + 6] if t.text not in ("–", "—", "-", ":", ",", "mit", "Mit")]
    return len(after) >= 2 and after[0] in _DEMONSTRATIVES and after[1] in _SPEECH_NOUNS


_FOR_EXAMPLE = {
    "zum",
    "beispiel",
    "etwa",
    "beispielsweise",
    "z.",
    "b.",
    "z.b.",
    "unter",
    "anderem",
    "u.",
    "a.",
}
"""Words between "wie" and the examples it introduces ("Parolen wie zum Beispiel „…“")."""


_TITLE_NOUNS = {  # what bears a name or a title (not "Preis": "bekam den Preis „for his analysis …“")
    "film",
    "buch",
    "roman",
    "musical",
    "oper",
    "song",
    "lied",
    "album",
    "titel",
    "motto",
    "zeitung",
    "zeitschrift",
    "magazin",
    "sendung",
    "serie",
    "show",
    "programm",
    "projekt",
    "kampagne",
    "aktion",
    "operation",
    "initiative",
    "organisation",
    "partei",
    "bündnis",
    "verein",
    "gruppe",
    "stiftung",
    "bewegung",
    "netzwerk",
    "unternehmen",
    "firma",
    "studie",
    "ausstellung",
    "festival",
    "schiff",
    "hotel",
    "restaurant",
    "marke",
    "gesetz",
    "abkommen",
    "podcast",
    "kolumne",
    "dokumentation",
    "reportage",
    "gedicht",
    "single",
    "theaterstück",
    "app",
    "plattform",
    "modell",
    "typ",
    "mission",
    "manöver",
    "konferenz",
    "messe",
    "wettbewerb",
    "museum",
    "band",
    "chor",
    "team",
    "mannschaft",
    "klub",
    "club",
    "rakete",
    "sonde",
    "boot",
    "fähre",
    "reihe",
    "tournee",
    "hashtag",
    "website",
    "webseite",
    "internetseite",
    "blog",
    "account",
    "kanal",
    "übung",
    "hurrikan",
    "orkan",
    "sturm",
    "taifun",
    "zyklon",
    "tief",
    "hoch",
}


_TITLE_HEADS = tuple(
    sorted(
        (
            _TITLE_NOUNS
            - {
                "lied",
                "aktion",
                "operation",
                "oper",
                "show",
                "song",
                "gruppe",
                "titel",
                "programm",
                "app",
                "hoch",
            }
        )
        | {"sender", "agentur", "hubschrauber", "satellit", "flugzeug", "portal", "stück"}
    )
)
"""The last part of a compound that names what bears a name ("die Tageszeitung „…“", "der Radiosender „…“",
"die Hilfsorganisation „…“"); not the heads of "Mitglied", "Reaktion", "Kooperation"."""

_NAME_NOUNS = {
    "name",
    "namen",
    "spitzname",
    "spitznamen",
    "beiname",
    "beinamen",
    "codename",
    "codenamen",
    "bezeichnung",
    "kürzel",
    "arbeitstitel",
    "wort",
    "wörter",
    "begriff",
    "begriffe",
    "ausdruck",
    "ausdrücke",
    "stichwort",
    "schlagwort",
    "schlagworte",
    "schlagwörter",
    "unwort",
    "modewort",
    "fachbegriff",
    "abkürzung",
}
"""Nouns of a name or of a word as a word, whose quotation is that name or word: "unter dem Namen „…“
bekannt", "das Wort „Krise“", "Begriffe wie „…“"."""


def _after_title_noun(st: _State, a: int) -> bool:
    """The quotation names what the noun right before it is (German: "der Film „…“", "die Partei „…“",
    "unter dem Motto „…“", "die Tageszeitung „…“", "den Namen „…“"): a title or a name, whatever the model
    says (on the tuning half of SpkAtt-2023 none of the 46 passages so placed was speech); also the examples
    of such a noun after "wie" ("Begriffe wie „…“"). Not a passage that opens with a determiner in lower
    case: a title's first word is capitalised, so that is a phrase of its own ("sieht in dem Gesetz „kein
    Hindernis“")."""
    j = _noun_before(st, a)
    if j is None or _opens_with_determiner(st, a):
        return False
    prev = st.toks[j]
    if not prev.text[:1].isupper():  # a German noun is capitalised: "zeigte sich tief „…“" is no "Tief"
        return False
    if prev.low in _TITLE_NOUNS or prev.low in _NAME_NOUNS:
        return True
    head = prev.low.replace("-", "")
    return any(head.endswith(h) and len(head) > len(h) + 2 for h in _TITLE_HEADS)


_NEGATIONS = {"kein", "keine", "keinen", "keinem", "keiner", "keines", "nicht"}


def _opens_with_determiner(st: _State, a: int) -> bool:
    """The quotation opening at ``a`` starts with a determiner or a negation in lower case ("„kein
    Hindernis“", "„eine Farce“")."""
    first = st.text[a + 1 : a + 30].split(maxsplit=1)
    return bool(first) and (first[0] in C.DE_DET or first[0] in _NEGATIONS)


_NAMED_AFTER = {"heißt", "hieß", "heißen", "hießen", "genannt"}
_NAMING_ADVERBS = {"auch", "kurz", "oft", "meist", "häufig", "gern", "gerne", "stets", "früher", "liebevoll"}
_NENNEN = {
    "nennt",
    "nannte",
    "nennen",
    "nannten",
    "nenne",
    "bezeichnet",
    "bezeichnete",
    "bezeichnen",
    "bezeichne",
}


def _a_name(st: _State, a: int, b: int) -> bool:
    """The quotation is what someone or something is named, not anyone's words (German: "der früher „…“
    hieß", "das Profil 2.0, auch „…“ genannt", "nennt sich „…“", "die sich selbst „…“ nennt", the source
    of a report: "laut „…“"; on the tuning half of SpkAtt-2023 none of the 13 passages so placed was
    speech), or what it is so called: "die sogenannte „…“", "so genannten „…“"."""
    k, kb = _tok_at(st, a), _tok_at(st, b)
    if st.lang != "de" or k is None or kb is None or k == 0:
        return False
    prev = st.toks[k - 1]
    if prev.low in C.DE_ACCORDING or _so_called(st, k - 1):
        return True
    nxt = st.toks[kb + 1] if kb + 1 < len(st.toks) and st.toks[kb].start >= b else None
    if nxt is not None and nxt.low in _NAMED_AFTER and (nxt.low != "genannt" or prev.low in _NAMING_ADVERBS):
        # "„…“ heißt es im Bericht" is a verb of saying
        return not (nxt.i + 1 < len(st.toks) and st.toks[nxt.i + 1].low == "es")
    reflexive = prev.low == "sich" or (prev.low == "selbst" and k >= 2 and st.toks[k - 2].low == "sich")
    if reflexive:
        lo, hi = st.sents[st.toks[k].sent]
        return any(t.low in _NENNEN and not _in_quote(st, t) for t in st.toks[lo:hi])
    return False


def _so_called(st: _State, j: int) -> bool:
    """Token ``j`` is "sogenannte" or the "genannte" of "so genannte", in any ending."""
    low = st.toks[j].low
    return low.startswith("sogenannt") or (low.startswith("genannt") and j > 0 and st.toks[j - 1].low == "so")


def _in_compound(text: str, a: int, b: int) -> bool:
    """The quotation is part of a compound word joined by a hyphen ("die „Bild“-Zeitung", "„Hartz IV“-
    Empfänger", "Anti-„Terror“-Kampf"): a name or a term."""
    glued_after = text[b + 1 : b + 2] == "-" and text[b + 2 : b + 3].isalpha()
    glued_before = a >= 2 and text[a - 1] == "-" and text[a - 2].isalpha()
    return glued_after or glued_before


def _a_mention(st: _State, a: int, b: int) -> bool:
    """The passage, without a sentence's end, is a name the recogniser found (of a person, an organization or
    a place: "die französische „L'Alliance pour la Planète“", "beim „Deutschen Fußball-Bund“"): a name in
    quotation marks, not anyone's words."""
    raw = st.text[a + 1 : b]
    inner = raw.strip()
    if not inner or inner[-1] in ".!?…,;:":
        return False
    start = a + 1 + len(raw) - len(raw.lstrip())
    return any(
        (m.span.end - m.span.start) >= 0.8 * len(inner)
        for m in _mention_in(st, start, start + len(inner) + 1, ENTITY_TYPES)
    )


_MEDIUM_AFTER = {"gegenüber", "interview", "gespräch", "gesprächs", "interviews"}
_PREFIELD_PREP = {"in", "im", "bei", "beim", "auf", "gegenüber"}


def _addressee_or_medium(st: _State, a: int, b: int) -> bool:
    """The quotation, without a sentence's end, names the one spoken to or where it was said, or the speaker,
    not the words (German): a capitalised noun phrase of "der"/"dem" after a verb of saying ("sagte Merz der
    „Bild am Sonntag“", "erklärte der „Vater der Reform“"), what follows "gegenüber" or "im Interview mit"
    ("gegenüber dem „Hamburger Abendblatt“"), or a phrase that opens the sentence right before its verb of
    saying ("Im „heute journal“ sagte …", "Der „Zeit“ sagte …")."""
    k, kb = _tok_at(st, a), _tok_at(st, b)
    inner = st.text[a + 1 : b].strip()
    if st.lang != "de" or k is None or kb is None or k == 0 or not inner or inner[-1] in ".!?…,;:":
        return False
    lo, hi = st.sents[st.toks[k].sent]
    prev = st.toks[k - 1]
    before = st.toks[k - 2].low if k - 2 >= lo else ""
    if prev.low == "gegenüber" or (
        prev.low in ("der", "dem")
        and (
            before in _MEDIUM_AFTER
            or (before == "mit" and k - 3 >= lo and st.toks[k - 3].low in _MEDIUM_AFTER)
        )
    ):
        return True
    nxt = st.toks[kb + 1] if kb + 1 < hi and st.toks[kb].start >= b else None
    opening = [t.low for t in st.toks[lo:k]]
    if (
        nxt is not None
        and _is_cue(st, nxt)
        and 1 <= len(opening) <= 2
        and all(w in _PREFIELD_PREP or w in ("der", "dem", "die", "das") for w in opening)
    ):
        return True
    if prev.low not in ("der", "dem") or not inner[:1].isupper() or k - 2 < lo:
        return False
    # right after the verb or after a name or noun ("sagte Merz der „…“"), not after a preposition ("warnte
    # vor der „…“")
    if not (_is_cue(st, st.toks[k - 2]) or _is_cap(st.toks[k - 2])):
        return False
    for t in reversed(st.toks[lo : k - 1]):
        if t.text in (",", ";", ":") or _in_quote(st, t):
            return False
        if _is_cue(st, t):
            return True
    return False


_FRONTED_NENNEN = {"nennt", "nannte", "nannten", "nennen"}


def _fronted_naming(st: _State, a: int, b: int) -> bool:
    """A quotation that opens its sentence right before a finite form of "nennen" is what the subject after
    it calls something ("„Haltlos“ nannte ein Sprecher die Vorwürfe"), unless that is "man"."""
    k, kb = _tok_at(st, a), _tok_at(st, b)
    if st.lang != "de" or k is None or kb is None or st.toks[kb].start < b:
        return False
    lo, hi = st.sents[st.toks[k].sent]
    return (
        k == lo
        and kb + 2 < hi
        and st.toks[kb + 1].low in _FRONTED_NENNEN
        and st.toks[kb + 2].low not in ("man", "sich")
    )


_DEFINITE = {"der", "die", "das", "dem", "den", "des"}


def _before_particle(st: _State, a: int, b: int) -> bool:
    """The quotation is the object of a separable verb of saying, right before its particle at the end of the
    clause ("warf der Regierung „Totalversagen“ vor", "kündigte „Konsequenzen“ an"); not a name after a
    definite article ("warf der „Zeitung“ vor, …": the one accused)."""
    k, kb = _tok_at(st, a), _tok_at(st, b)
    if st.lang != "de" or k is None or kb is None or k == 0 or st.toks[kb].start < b:
        return False
    lo, hi = st.sents[st.toks[k].sent]
    if kb + 1 >= hi or st.toks[k - 1].low in _DEFINITE:
        return False
    particle = st.toks[kb + 1]
    ends = kb + 2 >= hi or st.toks[kb + 2].text in (".", ",", ";", ":", "!", "?")
    return ends and any(
        particle.low in C.DE_FORM_PARTICLES.get(t.low, ()) and not _in_quote(st, t) for t in st.toks[lo:k]
    )


def _said_after(st: _State, a: int, b: int) -> bool:
    """A comma and a verb of saying, or "so" and the speaker after a comma or a dash, follow the quotation
    („…“, sagte X; „…“, so die Ministerin; „…“ – so X; not "…, so wurde …"): the frame of direct speech (on
    the tuning half of SpkAtt-2023, 56 of the 57 such passages that are no title or name were speech); not a
    capitalised name after a determiner, which ends an apposition ("X, Chef der „Zeitung“, sagte")."""
    k, kb = _tok_at(st, a), _tok_at(st, b)
    if st.lang != "de" or k is None or kb is None or st.toks[kb].start < b or kb + 2 >= len(st.toks):
        return False
    inner = st.text[a + 1 : b].strip()
    if k > 0 and st.toks[k - 1].low in C.DE_DET and inner[:1].isupper() and inner[-1:] not in ".!?…,;":
        return False
    comma, verb = st.toks[kb + 1], st.toks[kb + 2]
    if (
        comma.text not in (",", "–", "—")
        or verb.sent != comma.sent
        or (comma.text != "," and verb.low != "so")
    ):
        return False
    if verb.low == "so":
        after = st.toks[kb + 3] if kb + 3 < len(st.toks) else None
        return after is not None and (after.low in C.DE_DET or _is_cap(after))
    return _is_cue(st, verb) and _cue_ok(st, verb.i, st.sents[verb.sent][1])


_SHOUTED = {
    "rief",
    "riefen",
    "ruft",
    "rufen",
    "schrie",
    "schrien",
    "schreit",
    "schreien",
    "brüllte",
    "brüllten",
    "brüllt",
    "brüllen",
}
_SHOUTED_HOW = {"immer", "wieder", "laut", "lautstark", "mehrmals", "mehrfach", "dabei", "noch", "im", "chor"}


def _shouted(st: _State, a: int) -> bool:
    """The quotation is what someone shouts or chants ("Die Demonstranten riefen „…“", "riefen im Chor
    immer wieder „…“"): a form of rufen, schreien, brüllen right before it, or with only words of how."""
    k = _tok_at(st, a)
    if st.lang != "de" or k is None:
        return False
    lo = st.sents[st.toks[k].sent][0]
    j = k - 1
    while j >= lo and st.toks[j].low in _SHOUTED_HOW:
        j -= 1
    return j >= lo and st.toks[j].low in _SHOUTED


_ATTITUDE = {"zeigte", "zeigten", "zeigt", "zeigen", "gab", "gaben", "gibt", "geben"}


def _attitude(st: _State, a: int) -> bool:
    """An adjective in quotation marks after "zeigte sich", "gab sich" is how someone said they feel ("zeigte
    sich „tief erschüttert“", "gab sich „zuversichtlich“")."""
    k = _tok_at(st, a)
    return (
        st.lang == "de"
        and k is not None
        and k >= 2
        and st.text[a + 1 : a + 2].islower()
        and st.toks[k - 1].low == "sich"
        and st.toks[k - 2].low in _ATTITUDE
    )


_LIST = re.compile(r"\s*(?:,|und|oder|sowie)\s*")


def _listed_after(pairs: list[tuple[int, int]], text: str, i: int) -> bool:
    """The quotation follows the one before it in a list ("Parolen wie „…“ oder „…“")."""
    return i > 0 and _LIST.fullmatch(text[pairs[i - 1][1] + 1 : pairs[i][0]]) is not None


def _in_title_list(pairs: list[tuple[int, int]], text: str, i: int) -> bool:
    """The quotation is one of three or more quoted items in a row, joined by commas ("Themen wie „…“, „…“
    oder „…“"): a list of titles."""
    lo = hi = i
    while lo > 0 and _LIST.fullmatch(text[pairs[lo - 1][1] + 1 : pairs[lo][0]]):
        lo -= 1
    while hi + 1 < len(pairs) and _LIST.fullmatch(text[pairs[hi][1] + 1 : pairs[hi + 1][0]]):
        hi += 1
    return hi - lo >= 2


def _named_again(text: str, a: int, b: int) -> bool:
    """The quoted passage, capitalized and without a sentence's end punctuation, stands again elsewhere in the
    text, quoted or not: a name or a title ("die „Rundschau am Sonntag“ … die Rundschau am Sonntag"); words
    said are seldom repeated word for word (on the tuning half of SpkAtt-2023, 1 of 81 such passages was
    direct speech)."""
    inner = text[a + 1 : b].strip()
    return (
        len(inner) >= 4
        and inner[:1].isupper()
        and inner[-1:] not in ".!?…,;"
        and (text.find(inner, 0, a) != -1 or text.find(inner, b) != -1)
    )


def _introduced_as_said(st: _State, a: int, b: int) -> bool:
    """A colon before the passage, or a verb of saying right after it ("„…“, sagte X"): a headline's words
    said again in the report are still said."""
    if st.text[max(0, a - 3) : a].rstrip().endswith(":"):
        return True
    k = _tok_at(st, b)
    if k is None:
        return False
    k += 1
    while k < len(st.toks) and st.toks[k].text in (",", "“", "”", '"', "«", "»"):
        k += 1
    return k < len(st.toks) and _is_cue(st, st.toks[k])


def speech_rules(st: _State, pairs: list[tuple[int, int]]) -> list[int]:
    """For each pair of marks, what the rules say whatever the model says: 1 speech (the words of a noun of
    saying or of a verb of naming, and the quotations listed after them), -1 a title or a name, 1 then the
    words of a verb of saying that the model, seeing a noun in capitals, would miss (the object before its
    particle, what is shouted, an attitude, a view "für X", a fronted "nannte"), 0 nothing."""
    out: list[int] = []
    text = st.text
    for i, (a, b) in enumerate(pairs):
        ta, tb = _tok_at(st, a), _tok_at(st, b)
        if _in_compound(text, a, b):
            out.append(-1)
        elif (
            _called(st, a)
            or _after_speech_noun(st, a)
            or _words_after(st, b)
            or _a_sentence_after_colon(text, a, b)
            or (text[a + 1 : a + 2].islower() and _said_after(st, a, b))  # "Die Partei „werde …“, sagte X"
            or (out and out[-1] > 0 and _listed_after(pairs, text, i))
        ):
            out.append(1)
        elif (
            _after_title_noun(st, a)
            or _a_name(st, a, b)
            or _in_title_list(pairs, text, i)
            or (_named_again(text, a, b) and not _introduced_as_said(st, a, b))
            or _addressee_or_medium(st, a, b)
            or _a_mention(st, a, b)
        ):
            out.append(-1)
        elif (
            _said_after(st, a, b)
            or _before_particle(st, a, b)
            or _shouted(st, a)
            or _attitude(st, a)
            or _fronted_naming(st, a, b)
            or (st.lang == "de" and ta is not None and tb is not None and _fuer_view(st, ta, tb) is not None)
        ):
            out.append(1)
        else:
            out.append(0)
    return out


def _tok_at(st: _State, offset: int) -> int | None:
    """The first token that ends after ``offset`` (the last token when none does)."""
    if len(st.ends) != len(st.toks):
        st.ends = [t.end for t in st.toks]
    lo = bisect.bisect_right(st.ends, offset)
    return lo if lo < len(st.toks) else (len(st.toks) - 1 if st.toks else None)


# ---- direct speech --------------------------------------------------------------------------------------

_FOCUS = {
    "auch",
    "selbst",
    "sogar",
    "nur",
    "gerade",
    "dann",
    "nun",
    "jetzt",
    "zuletzt",
    "zudem",
    "ebenso",
    "also",
    "even",
    "only",
    "now",
    "then",
}
"""Words that may stand before the subject at the start of a clause ("Auch die Ministerin sagte ...")."""

_WORDS = re.compile(r"[^\W\d_]{2,}")

_TRACE: list[str] | None = None
"""Set to a list to record which rule found each direct quotation's speaker (for the benchmark's analysis)."""

_GOES_ON = {"de": 2, "en": 3}
"""How many sentences back a quotation with no speaker of its own that stands alone looks for the one it goes
on with (step 5; in German sentences whose subject refers back to that one do not count): German news names
the speaker again sooner (SpkAtt-2023 tuning half: 2 and 3 the same, 4 worse; one sentence for a quotation
inside a sentence of other words, where 2 gave one wrong speaker)."""

MIN_WORDS_SUBJECT = 6
"""A quotation of fewer words, in a sentence without a verb of saying, takes no speaker from the sentence's
subject or from the sentences before: on the tuning half of SpkAtt-2023 none of the 19 speakers so found
was the gold one (such passages are terms and fragments: eine „virtuelle Bombe“)."""
THRESHOLD = float(os.environ.get("NEWSKG_QUOTE_THRESHOLD", "0.5"))
"""A quoted passage is speech when the model gives it at least this probability."""


_PREPOSITIONS = {
    "mit",
    "von",
    "vom",
    "nach",
    "bei",
    "beim",
    "gegen",
    "für",
    "über",
    "zu",
    "zum",
    "zur",
    "aus",
}
"""Prepositions that make the name after them no speaker: "Meier nach dem Streit mit Berger: „…“"."""


def _continuation(st: _State, si: int) -> tuple[int, int] | None:
    """The clause after a quotation that ends sentence ``si`` when the sentence splitter cut it off into
    the next sentence (German: "„…“ | , wird Müller zitiert.", "„…“ | so der Minister."): the token range from
    its first word to its end, or None."""
    if st.lang != "de" or si + 1 >= len(st.sents):
        return None
    lo, hi = st.sents[si + 1]
    k = lo
    while k < hi and st.toks[k].text == ",":
        k += 1
    if k >= hi or not (k > lo or st.toks[k].text == "so" or _is_cue(st, st.toks[k])):
        return None
    return k, hi


_COPULA = {
    "ist",
    "sei",
    "war",
    "wäre",
    "sind",
    "seien",
    "waren",
    "wären",
    "bleibt",
    "bleibe",
    "steht",
    "stand",
}

_VIEW_OPENERS = (("aus", "sicht"), ("in", "den", "augen"))
"""Words that open a clause with the one whose view it gives after them: "Aus Sicht (von) X ist klar: „…“"."""


def _view_holder(st: _State, k: int) -> int | None:
    """Where the one whose view the words at token ``k`` give starts when they are "aus Sicht (von)" or "in
    den Augen (von)" ("Aus Sicht der Ministerin": "der Ministerin", as "Für X" gives X); else None."""
    for opener in _VIEW_OPENERS:
        n = len(opener)
        if tuple(t.low for t in st.toks[k : k + n]) == opener:
            return k + n + (k + n < len(st.toks) and st.toks[k + n].low in ("von", "vom"))
    return None


def _fuer_view(st: _State, ta: int, tb: int, within: tuple[int, int] | None = None) -> Speaker | None:
    """The one whose view a quoted term is in a clause with a copula: "Was für die Ministerin eine „…“ ist",
    "Für X ist das „…“", "Für X steht fest:", "Aus Sicht (von) X ist das …" (German); None when the clause
    (or the tokens ``within``) has no such phrase naming someone."""
    toks = st.toks
    if within is not None:
        a, b = within
    else:
        lo, hi = st.sents[toks[ta].sent]
        a = ta
        while a > lo and toks[a - 1].text not in (",", ";", ":"):
            a -= 1
        b = tb + 1
        while b < hi and toks[b].text not in (",", ";", ":"):
            b += 1
    words = [k for k in range(a, b) if not _in_quote(st, toks[k])]
    if not any(toks[k].low in _COPULA for k in words):
        return None
    for k in words:
        start = _view_holder(st, k) if k == a else None
        if start is None:
            if toks[k].low != "für" or not (
                k == a or toks[k - 1].low in ("was", "wer") or toks[k - 1].low in _COPULA
            ):
                continue
            start = k + 1
        np_ = _np_forward(st, start, b)
        if np_ is None:
            continue
        sp = _speaker_from_np(st, *np_)
        return sp if _names_someone(sp) else None
    return None


def _refers_back(sp: Speaker) -> bool:
    """The subject names no one new: a pronoun ("Er wirkte müde.") or a role with the definite article and
    no name ("Der Minister", "Der 54-Jährige"), as news German goes on about the person it has just named."""
    words = sp.text.split()
    if len(words) == 1:
        return words[0].lower() in C.DE_PRONOUNS
    head = words[-1]
    return (
        sp.key is None
        and words[0].lower() in ("der", "die")
        and (is_role_noun(head) or _COMPOUND_NOUN.match(head) is not None)
    )


def _phrase_gender(st: _State, sp: Speaker) -> str:
    """The gender a phrase gives its referent ("m", "f", or "" when it gives none): its pronoun, a title or
    a feminine role noun ("Die Ministerin"), else the article of a role in the singular ("Der Minister")."""
    if sp.key is not None and st.gender.get(sp.key):
        return st.gender[sp.key]
    words = sp.text.split()
    if len(words) == 1:
        return C.DE_PRONOUNS.get(words[0].lower(), "")
    a = _tok_at(st, sp.span.start) if sp.span is not None else None
    z = _tok_at(st, sp.span.end - 1) if sp.span is not None else None
    if a is None or z is None:
        return ""
    return _gender_of_np(st, a, z + 1) or {"der": "m", "die": "f"}.get(words[0].lower(), "")


def _may_be(st: _State, back: Speaker, found: Speaker) -> bool:
    """The phrase that referred back may stand for ``found``: its gender does not differ ("„A“, sagte
    Ministerin X. Der Minister wirkte müde." names a second one). Whom a pronoun was resolved to does not
    count: that prefers the last speaker, where German refers to the subject just named ("Y wirkte müde. Er
    sah das anders.": Y)."""
    genders = {_phrase_gender(st, back), _phrase_gender(st, found)} - {""}
    return len(genders) < 2


def _opening_subject(st: _State, si: int, end: int) -> Speaker | None:
    """The phrase that opens sentence ``si`` (after a focus word), right before its finite verb ("Auch der
    Sprecher der Stadtwerke zeigte sich enttäuscht", "X und Y traten vor die Presse"): the subject, where the
    tagged phrase finds none."""
    lo = st.sents[si][0]
    if st.lang != "de":
        return None
    np_ = _np_forward(st, lo + 1 if st.toks[lo].low in _FOCUS else lo, end)
    return _speaker_from_np(st, *np_) if np_ is not None and _first_finite(st, si) == np_[1] else None


_REACTIONS = {
    "kritik",
    "widerspruch",
    "zustimmung",
    "lob",
    "protest",
    "ablehnung",
    "unterstützung",
    "beifall",
}
"""Nouns of a reaction in words, whose source "kam von X" names ("Kritik kam von der Opposition.")."""


def _reaction_from(st: _State, si: int) -> Speaker | None:
    """Whom a reaction in words comes from in sentence ``si``: "Kritik kam von X", "Scharfer Widerspruch
    kommt aus der Opposition", "Lob gab es auch von X"; None when the sentence is not of that shape."""
    v = _first_finite(st, si)
    lo, end = st.sents[si]
    if v is None or st.toks[v].low not in ("kam", "kommt", "kamen", "kommen", "gab", "gibt"):
        return None
    if not any(t.low in _REACTIONS for t in st.toks[lo:v]):
        return None
    k = next((j for j in range(v + 1, end) if st.toks[j].low in ("von", "vom", "aus")), None)
    np_ = _np_forward(st, k + 1, end) if k is not None else None
    return _speaker_from_np(st, *np_) if np_ is not None else None


def _topic_of(st: _State, si: int) -> Speaker | None:
    """Whom sentence ``si`` is about: its subject (the phrase before its verb: "Auch X äußerte sich.", "X und
    Y traten vor die Presse."), or the one whose view a sentence that opens with "Für X ist" gives ("Für X
    ist klar, dass …")."""
    lo, hi = st.sents[si]
    end = next((k for k in range(lo, hi) if st.toks[k].text in (",", ":")), hi)
    return _sentence_subject(st, si) or _opening_subject(st, si, end) or _fuer_view(st, lo, lo, (lo, end))


def _stands_alone(st: _State, ta: int) -> bool:
    """The quotation opens its sentence: no word before its opening mark there (the mark may end the
    sentence before, where the splitter left it)."""
    lo, hi = st.sents[st.toks[ta].sent]
    return ta == hi - 1 or not any(t.text[:1].isalnum() for t in st.toks[lo:ta])


_POINTS_BACK = {"das", "dies", "so"}
"""Words that open a sentence by pointing back at the quotation before it ("„…“ Das sagte X am Montag.")."""


def _named_after(st: _State, ta: int, tb: int) -> tuple[Speaker, Span] | None:
    """The speaker, and the verb, of the sentence after a German quotation that is a sentence of its own when
    that sentence opens by pointing back at it ("„…“ Das sagte X am Montag.", "Dies erklärte X.", "„…“ Mit
    diesen Worten reagierte X auf …"): news German gives the quotation first and its speaker after."""
    s2 = st.toks[tb].sent
    if st.lang != "de" or s2 + 1 >= len(st.sents) or not _stands_alone(st, ta) or tb < st.sents[s2][1] - 2:
        return None
    lo, hi = st.sents[s2 + 1]
    while lo < hi and not st.toks[lo].text[:1].isalnum():
        lo += 1  # a closing mark the splitter put at the start of the next sentence
    words = [t.low for t in st.toks[lo : min(hi, lo + 3)]]
    if words[:1] and words[0] in _POINTS_BACK and lo + 1 < hi and _is_cue(st, st.toks[lo + 1]):
        c = lo + 1
    elif words[:2] == ["mit", "diesen"] and lo + 3 < hi and st.toks[lo + 3].text.islower():
        c = lo + 3
    else:
        return None
    speaker, _conf = _subject_of(st, c, lo, hi)
    if speaker is None or not _names_someone(speaker):
        return None
    return speaker, _cue_span(st, c, hi)


def _carried(st: _State, ta: int) -> Speaker | None:
    """The speaker a quotation with none of its own (opening at token ``ta``) goes on with: the last speaker,
    or (German) the one the sentences before are about, named as the subject of the nearest sentence that
    names someone ("X trat vor die Presse. „…“") or the source of a reaction ("Kritik kam von X. „…“"),
    over sentences whose subject refers back ("Er wirkte müde.", "Der Minister wirkte müde."); another one
    named as a subject stops the last speaker ("„A“, sagte X. Y sieht das anders. „B“"). A quotation that
    stands alone reaches back over :data:`_GOES_ON` sentences that name no one, one inside a sentence of
    other words only to the sentence right before.
    """
    si = st.toks[ta].sent
    last = st.last_speaker
    if st.lang != "de":
        return last if last is not None and si - st.last_speaker_sent <= _GOES_ON["en"] else None
    reach = _GOES_ON["de"] if _stands_alone(st, ta) else 1
    back: Speaker | None = None
    j = si - 1
    while reach > 0:
        if last is not None and st.last_speaker_sent >= j:
            return last if back is None or _may_be(st, back, last) else back
        if j < 0:
            break
        reaction = _reaction_from(st, j)
        subj = reaction or _topic_of(st, j)
        if reaction is None and subj is not None and _refers_back(subj):
            back = back or subj
        elif subj is not None and (reaction is not None or _names_someone(subj)):
            return _widened(st, subj) if back is None or _may_be(st, back, subj) else back
        else:
            reach -= 1
        j -= 1
    return back


def _so_aside(st: _State, lo: int, hi: int) -> tuple[int, tuple[int, int]] | None:
    """An aside ", so X," between the tokens ``[lo, hi)`` (German): its "so" and X, the subject after it that
    fills the aside to its closing comma, before a verb or the quotation (not ", so X, Y und Z", a list of
    examples); None when there is none."""
    toks = st.toks
    for c in range(lo + 1, hi - 2):
        if st.lang != "de" or toks[c].low != "so" or toks[c - 1].text != "," or _in_quote(st, toks[c]):
            continue
        close = next((x for x in range(c + 1, hi) if toks[x].text == ","), None)
        np_ = _inverted_subject(st, c, close) if close is not None else None
        after = toks[close + 1] if close is not None else None  # a verb or the quotation, not a list going on
        ends = after is not None and (
            after.text in _MARKS or (after.text.islower() and after.low not in C.DE_DET)
        )
        if np_ is not None and np_[1] == close and ends:
            return c, np_
    return None


def _subject_before_object(st: _State, si: int, a: int) -> Speaker | None:
    """The subject that opens sentence ``si`` before its finite verb right before token ``a``, when it names
    someone ("Sie kritisierte Klaus Meier:", "Die Ministerin lobte Anna Berger:"): the phrase at ``a`` is
    then its object; None otherwise."""
    if a - 1 != _first_finite(st, si):
        return None
    subject = _sentence_subject(st, si)
    if subject is None or subject.span is None or subject.span.end > st.toks[a - 1].start:
        return None
    return subject if _names_someone(subject) else None


_WRITTEN = {"steht", "stand", "stehen", "standen"}
_WRITTEN_AFTER = {"geschrieben", "es", "dort", "da", "dazu", "wörtlich"}
_WRITTEN_IN = {"in", "im", "auf"}
_WRITTEN_THERE = {"darauf", "darin", "dort", "drauf", "hierin"}
_READ = {"ist", "war", "sind", "waren"}


def _written_in(st: _State, lo: int, ta: int) -> tuple[Span, Speaker] | None:
    """The cue and the source of a quotation at token ``ta`` in the sentence from ``lo`` after "Auf dem
    Plakat stand:", "Im Brief steht geschrieben:", "Darauf waren die Worte zu lesen:": the text it is written
    in says it, as with "heißt es in"; the source is the phrase after the preposition (with a contracted
    article: "Im Brief"), as :func:`_heisst_es`, or the word that stands for the text ("Darauf")."""
    toks = st.toks
    if ta - 2 <= lo or toks[ta - 1].text != ":":
        return None
    if toks[lo].low in _WRITTEN_THERE:
        a, b = lo, lo + 1
    elif toks[lo].low in _WRITTEN_IN and (np_ := _np_forward(st, lo + 1, ta - 1)) is not None:
        a, b = (lo if toks[lo].low == "im" else np_[0]), np_[1]
    else:
        return None
    v, rest = toks[b], [t.low for t in toks[b + 1 : ta - 1]]
    read = v.low in _READ and rest[-2:] == ["zu", "lesen"]  # "Darauf waren die Worte zu lesen:"
    if not read and not (v.low in _WRITTEN and all(w in _WRITTEN_AFTER for w in rest)):
        return None
    w = b + 1 if rest[:1] == ["geschrieben"] else b
    return Span(v.start, toks[w].end), _speaker_from_np(st, a, b)


def _with_these_words(st: _State, k: int, hi: int) -> int | None:
    """The verb after "mit diesen Worten" (German) opening the tokens at ``k``, or None."""
    toks = st.toks
    if st.lang != "de" or k + 3 >= hi or toks[k].low != "mit" or toks[k + 2].low != "worten":
        return None
    return k + 3 if toks[k + 1].low in ("diesen", "den", "jenen") else None


def _named_before_colon(st: _State, sp: Speaker, lo: int, ta: int) -> tuple[Span, Speaker] | None:
    """The cue and the subject that name who speaks when a German verb of saying opens the quotation with a
    colon and the verb after it has only a pronoun ("Anna Berger sagte: „…“, betont sie"): the pronoun
    stands for that subject, whose words say more."""
    toks = st.toks
    if st.lang != "de" or sp.text.lower() not in C.DE_PRONOUNS or ta <= lo or toks[ta - 1].text != ":":
        return None
    pre = [t.i for t in toks[lo:ta] if not _in_quote(st, t) and _is_cue(st, t)]
    if not pre or not _cue_ok(st, pre[-1], ta):
        return None
    named, _conf = _subject_of(st, pre[-1], lo, ta)
    if named is None or named.span is None or named.text.lower() in C.DE_PRONOUNS:
        return None
    return _cue_span(st, pre[-1], ta), named


def _direct(st: _State, a: int, b: int, p: float, around: Quotation | None = None) -> Quotation | None:
    text = st.text
    inner_s, inner_e = a + 1, b
    while inner_s < inner_e and (text[inner_s].isspace() or (text[inner_s] in "'`" and text[a] in "'`")):
        inner_s += 1
    while inner_e > inner_s and text[inner_e - 1].isspace():
        inner_e -= 1
    if inner_e <= inner_s:
        return None
    ta, tb = _tok_at(st, a), _tok_at(st, b)
    if ta is None or tb is None:
        return None
    s1, s2 = st.toks[ta].sent, st.toks[tb].sent
    lo1, _ = st.sents[s1]
    lo2, hi2 = st.sents[s2]
    speaker: Speaker | None = None
    cue: Span | None = None
    conf = 0.0
    step = "none"
    # 1. after the closing mark: „…“, sagte X / „…“, so X
    k, k_hi = tb + 1, hi2
    while k < hi2 and st.toks[k].text in (",", "“", "”", '"', "«", "»", "''", "'", "–", "—"):
        k += 1
    if k < hi2 and st.toks[k].text in ("(",):
        k = hi2
    if k >= hi2 and (following := _continuation(st, s2)) is not None:
        k, k_hi = following
    if k < k_hi and (
        _is_cue(st, st.toks[k])
        or (st.lang == "de" and (st.toks[k].low == "so" or st.toks[k].text in C.DE_SPEECH_AFTER_QUOTE))
    ):
        c = k
        speaker, conf = _subject_of(st, c, k, k_hi)
        if st.toks[c].low != "so":
            cue = _cue_span(st, c, k_hi)
        else:
            cue = Span(st.toks[c].start, st.toks[c].end)
            np_ = _inverted_subject(st, c, k_hi)
            if np_:
                speaker, conf = _speaker_from_np(st, np_[0], _conjunct_end(st, *np_, k_hi, k_hi)), 0.8
    elif (words := _with_these_words(st, k, k_hi)) is not None:
        # "„…“ – mit diesen Worten verließ X den Saal": whoever does what the words came with said them
        cue = Span(st.toks[k].start, st.toks[words - 1].end)
        speaker, conf = _subject_of(st, words, k, k_hi)
    elif k_hi != hi2:
        c = next((x for x in range(k, k_hi) if _is_cue(st, st.toks[x])), None)
        if c is not None:  # ", wird X zitiert"
            cue = _cue_span(st, c, k_hi)
            speaker, conf = _subject_of(st, c, k, k_hi)
    if speaker is not None and (named := _named_before_colon(st, speaker, lo1, ta)) is not None:
        cue, speaker = named
    # 2. a verb of saying in the same sentence, before the quotation (or in the previous one ending in ':')
    if speaker is None:
        pre = [t for t in st.toks[lo1:ta] if not _in_quote(st, t) and _is_cue(st, t)]
        if pre and _cue_ok(st, pre[-1].i, ta):
            c = pre[-1].i
            if (
                len(pre) > 1
                and pre[-2].i == c - 2
                and st.toks[c - 1].text == ","
                and c + 1 == ta
                and _verb_final_subject(st, pre[-2].i) is not None
            ):
                c = pre[-2].i  # "Wie X dazu feststellt, verlangt „…“": the quotation is the subject
            cue = _cue_span(st, c, ta)
            speaker, conf = _subject_of(st, c, lo1, ta)
            if _en_continues(st, lo1, c, s1):
                # "“A,” he said, “B.”": B has no verb of its own, it goes on with A's speaker
                last = st.last_speaker
                speaker, cue, conf = Speaker(last.span, last.text, last.key, last.role), None, 0.8  # type: ignore[union-attr]
        elif ta == lo1 and s1 > 0:
            plo, phi = st.sents[s1 - 1]
            if st.toks[phi - 1].text == ":":
                prev = [t for t in st.toks[plo:phi] if _is_cue(st, t) and not _in_quote(st, t)]
                if prev:
                    c = prev[-1].i
                    cue = _cue_span(st, c, phi)
                    speaker, conf = _subject_of(st, c, plo, phi)
                else:
                    # "…, so Elshorst weiter:", "Queensland sei … verpflichtet:": the speaker of its report;
                    # "Erkki Tuomioja, Präsident des Rats der EU:": the phrase that is the whole sentence;
                    # "In der ARD zeigt sich der Bundestrainer zufrieden:": the subject of that sentence
                    last = st.last_speaker if st.last_speaker_sent == s1 - 1 else None
                    whole = _np_forward(st, plo, phi - 1) if st.lang == "de" else None
                    pv = _first_finite(st, s1 - 1) if last is not None and last.span is not None else None
                    told = pv is not None and not _konjunktiv(st.toks[pv])
                    subj = _sentence_subject(st, s1 - 1) if told else None
                    if (
                        last is not None
                        and last.span is not None
                        and subj is not None
                        and subj.span is not None
                        and subj.key is not None
                        and (
                            subj.span.start <= last.span.start < last.span.end <= subj.span.end
                            or last.span.end <= st.toks[plo].start
                        )
                    ):
                        # "Der Experte von Greenpeace, Martin X, wandte sich gegen …:": the subject of the
                        # sentence before the colon, when it names someone, its verb is not reported speech
                        # and the last speaker stands inside that subject or before that sentence
                        speaker, conf = subj, 0.6
                    elif last is not None:
                        speaker, conf = Speaker(last.span, last.text, last.key, last.role), 0.6
                        here = [
                            m
                            for m in _mention_in(st, st.toks[plo].start, st.toks[phi - 1].end)
                            if last.key is not None and m.key == last.key
                        ]
                        if last.span is not None and last.span.end <= st.toks[plo].start and here:
                            # "…, so Elshorst weiter:": the name in that sentence, not where it stood before
                            speaker = _widened(st, Speaker(here[-1].span, here[-1].text, last.key, last.role))
                    elif whole is not None and _widen(st, *whole)[1] >= phi - 1:
                        speaker, conf = _speaker_from_np(st, *whole), 0.6
                    else:
                        speaker, conf = _sentence_subject(st, s1 - 1), 0.6
                    if speaker is None:
                        np_ = _np_backward(st, phi - 1, plo)
                        sp = _nearest_mention_speaker(st, s1 - 1, st.toks[phi - 1].start)
                        speaker, conf = (
                            (sp, 0.6) if sp else ((_speaker_from_np(st, *np_), 0.5) if np_ else (None, 0))
                        )
    if speaker is None and (aside := _so_aside(st, lo1, ta)) is not None:
        # "Die Preise seien, so die Ministerin, „zu hoch“": the speaker in the aside before the quotation
        c, np_ = aside
        cue = Span(st.toks[c].start, st.toks[c].end)
        speaker, conf = _speaker_from_np(st, *np_), 0.8
    if speaker is not None and step == "none":
        step = "1-2"
    # 2c. what the subject of a verb of naming calls something ("wies dies als „Unverschämtheit“ zurück")
    if speaker is None and (naming := _naming_verb(st, a)) is not None:
        speaker, conf = _subject_of(st, naming, lo1, hi2)
        cue = Span(st.toks[naming].start, st.toks[naming].end) if speaker is not None else cue
        step = "1-2" if speaker is not None else step
    # 2a. inside a reported clause of this sentence ("Laut X sei die Lage „ernst“"): its speaker
    if speaker is None and around is not None:
        speaker, cue, conf = around.speaker, around.cue, 0.7
    if speaker is not None and step == "none":
        step = "2a"
    # 2d. "Auf dem Plakat stand: „…“": the text it is written in
    if speaker is None and st.lang == "de" and (written := _written_in(st, lo1, ta)) is not None:
        (cue, speaker), conf, step = written, 0.6, "1-2"
    # 2b. "X: „…“" and "Hier sparte der Bundespräsident nicht mit Kritik: „…“": the subject before the colon
    if speaker is None and ta > lo1 and st.toks[ta - 1].text in (":", "("):
        # a person named right before the colon or the bracket: "…, und der Minister X: „…“", "X („…“)"
        np_ = _np_backward(st, ta - 1, lo1)
        if np_ is not None and _object_before_name(st, np_[0], np_[1]):
            np_ = (np_[0] + 1, np_[1])  # "Ganz anders sieht das Klaus Meier: „…“"
        subject = _subject_before_object(st, s1, np_[0]) if np_ is not None else None
        if (
            np_ is not None
            and any(
                m.type == "Person" for m in _mention_in(st, st.toks[np_[0]].start, st.toks[np_[1] - 1].end)
            )
            and not (np_[0] > lo1 and st.toks[np_[0] - 1].low in _PREPOSITIONS)
            and subject is None
        ):
            speaker = _speaker_from_np(st, *np_)
        elif subject is not None:
            speaker = (
                subject  # "Sie kritisierte Klaus Meier: „…“": the subject, not the object before the colon
            )
        elif st.toks[ta - 1].text == ":":
            speaker = _sentence_subject(st, s1)
            if speaker is not None and not _names_someone(speaker):
                # "Für X ist die Sache klar: „…“": X's view, not the subject's; "Kritik kam von X: „…“"
                speaker = _fuer_view(st, ta, tb, (lo1, ta - 1)) or _reaction_from(st, s1) or speaker
            if speaker is None and np_ is not None and np_[0] == lo1:
                speaker = _speaker_from_np(st, *np_)
            if speaker is None:
                speaker = _opening_subject(st, s1, ta - 1)
            if speaker is None and _first_finite(st, s1) is None:
                # no verb before the colon: the phrase that opens it ("Ein Kommissar nach der Festnahme: „…“")
                first = _np_forward(st, lo1, ta - 1)
                speaker = _speaker_from_np(st, *first) if first is not None else None
        conf = 0.6 if speaker is not None else 0.0
    if speaker is not None and step == "none":
        step = "2b"
    # 3. a verb of saying later in the sentence ("…" sei "akzeptabel", sagte er)
    if speaker is None:
        post = [t for t in st.toks[tb + 1 : hi2] if not _in_quote(st, t) and _is_cue(st, t)]
        if post and _cue_ok(st, post[0].i, hi2):
            c = post[0].i
            cue = _cue_span(st, c, hi2)
            speaker, conf = _subject_of(st, c, lo2, hi2)
    if speaker is not None and step == "none":
        step = "3"
    # 4f. "Was für die Ministerin eine „…“ ist", "Für X ist das ein „…“", "Für X ist klar: „…“": whose view
    if speaker is None and cue is None and st.lang == "de":
        found = _fuer_view(st, ta, tb, (lo1, ta - 1) if ta > lo1 and st.toks[ta - 1].text == ":" else None)
        if found is not None:
            speaker, conf, step = found, 0.5, "4f"
    # 4. no verb of saying, in a sentence of its own: the subject of the sentence
    v = _first_finite(st, s1) if speaker is None else None
    reported = v is not None and _konjunktiv(st.toks[v])
    recent = st.last_speaker is not None and s1 - st.last_speaker_sent <= 3
    short = len(_WORDS.findall(text, inner_s, inner_e)) < MIN_WORDS_SUBJECT
    passive = v is not None and _passive_clause(st, v)
    if (
        speaker is None
        and cue is None
        and not (ta == lo1 and tb >= hi2 - 2)
        and not (reported and recent)
        and not passive
    ):
        speaker = _sentence_subject(st, s1)
        conf = 0.5 if speaker is not None else 0.0
    if speaker is None and st.lang == "en" and ta > lo1:
        # "Trump described Putin as a “strong leader”": the subject that opens the sentence, before its verb
        k = lo1
        if st.toks[k].low in _EN_CLAUSE_OPENERS:
            while k < ta and st.toks[k].text != ",":
                k += 1
            k += 1
        np_ = _np_forward(st, k, ta) if k < ta else None
        if (
            np_ is not None
            and np_[1] < ta
            and st.toks[np_[1]].text.islower()
            and st.toks[np_[1]].text.isalpha()
        ):
            first = st.toks[np_[0]]
            if _is_cap(first) or first.low in C.EN_PRONOUNS or first.low in C.EN_DET:
                speaker, conf = _speaker_from_np(st, *np_), 0.4
    if speaker is not None and step == "none":
        step = "4"
    # 5a. a quotation that is a sentence of its own, and the sentence after points back at it: "Das sagte X."
    if speaker is None and (after := _named_after(st, ta, tb)) is not None:
        (speaker, cue), conf, step = after, 0.7, "5a"
    # 5. no speaker in its sentence: the speaker of the sentences before goes on, or the one they are about
    if speaker is None and (last := _carried(st, ta)) is not None:
        speaker, conf = Speaker(last.span, last.text, last.key, last.role), 0.55
    if speaker is not None and step == "none":
        step = "5"
    if speaker is not None and step in ("1-2", "2b", "3", "4", "4f", "5a"):
        speaker = _widened(st, speaker)
    if speaker is not None:
        _remember(st, speaker, s2)
    # a short quoted term is not said by the subject of its sentence nor by the speaker before, though that
    # subject goes on as the last speaker (in Konjunktiv it is: "Putin habe die Idee „nicht gefallen“")
    # (a quotation that is a sentence of its own, or ends one after a colon, goes on with the speaker before:
    # “We stay.”, „Wir bleiben.“, "Und weiter: „Wir gehen nicht.“")
    goes_on = (_stands_alone(st, ta) or st.toks[ta - 1].text == ":") and tb >= hi2 - 2
    if short and ((step == "4" and st.lang == "de") or (step == "5" and not reported and not goes_on)):
        speaker = None
    if step == "4" and st.lang == "de" and speaker is not None and not _names_someone(speaker):
        speaker = None  # "… sind nur bei einer „konkreten Gefahr …“ zulässig": a subject, not a speaker
    confidence = round(min(0.95, p * (0.5 + 0.5 * conf) if speaker else p * 0.5), 3)
    if _TRACE is not None:
        _TRACE.append(step)
    return Quotation(Span(inner_s, inner_e), "direct", cue, speaker, confidence)


_EN_AUXILIARIES = {
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "could",
    "did",
    "does",
    "do",
    "also",
    "again",
    "once",
    "often",
    "never",
    "not",
    "just",
    "already",
    "still",
    "previously",
    "recently",
    "since",
    "then",
    "now",
}
"""Words that stand between an English subject and its verb ("Trump has also called for", "He once again
vowed"), besides adverbs in -ly."""


def _en_before_auxiliaries(st: _State, c: int, lo: int) -> int:
    """The token after the subject of the English verb at ``c``: before the auxiliaries, adverbs and
    adverbials of time that stand between them."""
    k = c
    while k - 1 > lo:
        prev = st.toks[k - 1]
        if k - 2 > lo and _en_time_after(st, k - 2):
            k -= 2  # "An arbitration panel in 2001 found"
        elif (
            prev.low in _EN_AUXILIARIES
            or (prev.low.endswith("ly") and prev.text.islower())
            or _en_contracted(st, k - 1)
        ):
            k -= 1
        else:
            break
    return k


def _en_time_after(st: _State, k: int) -> bool:
    """Whether tokens ``k`` and ``k + 1`` are an English adverbial of time ("in 2001", "in March", "on
    Monday"), which may stand between a subject and its verb."""
    toks = st.toks
    when = toks[k + 1]
    return toks[k].low in ("in", "on") and (
        when.text.isdigit() or when.low in MONTHS or when.low in C.EN_WEEKDAYS
    )


def _en_contracted(st: _State, k: int) -> bool:
    """Whether token ``k`` is a contracted English auxiliary ("They're", "We've", "He's" after a pronoun;
    "Trump's" is a possessive)."""
    low = st.toks[k].low.replace("’", "'")
    return low in ("'re", "'ve", "'ll", "'d", "'m") or (low == "'s" and st.toks[k - 1].low in C.EN_PRONOUNS)


def _en_continues(st: _State, lo: int, c: int, si: int) -> bool:
    """Whether the English verb of saying at ``c`` is the frame of a quotation before it in sentence ``si``
    (the quotation after the frame continues that one, as PolNeAR annotates it)."""
    return (
        st.lang == "en"
        and st.last_speaker is not None
        and st.last_speaker_sent == si
        and any(_in_quote(st, t) for t in st.toks[lo:c])
    )


# ---- indirect and reported speech -----------------------------------------------------------------------


def _strip_span(st: _State, s: int, e: int) -> Span | None:
    text = st.text
    e = min(e, len(text))
    while s < e and (text[s].isspace() or text[s] in ",;:-–"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:!?-–"):
        e -= 1
    return Span(s, e) if e - s >= 3 else None


_REPORT_NOUNS = (
    "angaben",
    "angabe",
    "bericht",
    "berichten",
    "berichts",
    "informationen",
    "aussage",
    "aussagen",
    "darstellung",
    "schätzung",
    "schätzungen",
    "erkenntnissen",
    "meinung",
    "ansicht",
    "auffassung",
    "worten",
    "einschätzung",
    "umfrage",
    "studie",
    "mitteilung",
    "erklärung",
    "meldung",
    "meldungen",
    "ermittlungen",
    "untersuchungen",
    "recherchen",
)


_POSSESSIVES = {"seinen", "ihren", "seiner", "ihrer"}


def _own_view(st: _State, k: int, lo: int, hi: int) -> tuple[int, int] | None:
    """The tokens ``[a, b)`` of "seiner Meinung", "eigenen Angaben" around the "nach" at ``k`` ("nach seiner
    Meinung", "Seiner Ansicht nach"), or None."""
    toks = st.toks
    owners = _POSSESSIVES | {"eigenen", "offiziellen", "ersten"}
    if k + 2 < hi and toks[k + 2].low in C.DE_ANGABEN and toks[k + 1].low in owners:
        return k + 1, k + 3
    if k - 2 >= lo and toks[k - 1].low in C.DE_ANGABEN and toks[k - 2].low in _POSSESSIVES:
        return k - 2, k
    return None


def _report_noun_after(st: _State, j: int, hi: int) -> int | None:
    """The index of a noun of reporting ("Polizeiangaben", "Fernsehbericht") opening the phrase at ``j``."""
    for k in range(j, min(hi, j + 4)):
        t = st.toks[k]
        if _is_cap(t) and t.low.endswith(_REPORT_NOUNS):
            return k
        if not (t.low in C.DE_DET or _is_adj(t, st.lang)):
            return None
    return None


def _ends_after_subject(st: _State, c: int, hi: int) -> bool:
    """ "…, sagte X." : after the verb of saying come its subject and at most a short adverbial, then the end
    of the sentence (not a colon and a quotation, not an object: "…, bestätigte Gespräche über …")."""
    toks = st.toks
    k = c + 1
    while st.lang == "en" and k < hi and toks[k].low in C.DE_ADVERBS_AFTER_VERB:
        k += 1
    np_ = _inverted_subject(st, c, hi) if st.lang == "de" else _np_forward(st, k, hi)
    if np_ is None:
        return False
    a, b = np_
    told = _np_forward(st, b + 1, hi) if st.lang == "de" and b + 1 < hi and toks[b].text == "," else None
    if told is not None and _paper(st, *told):
        b = told[1]  # "…, sagte X, Chef der Y, der Zeitung."
    if st.lang == "de" and toks[a].low in C.DE_ACCUSATIVE:
        return False
    pron = C.DE_PRONOUNS if st.lang == "de" else C.EN_PRONOUNS
    if not (
        _mention_in(st, toks[a].start, toks[b - 1].end)
        or (b - a == 1 and toks[a].low in pron)
        or toks[a].low in C.DE_DET | C.EN_DET
    ):
        return False
    # the part before the comma must be a clause, not the subject in apposition ("Der Berater Putins, Juri
    # Uschakow, bestätigte ...")
    lo = st.sents[toks[c].sent][0]
    before = [t for t in toks[lo : c - 1] if t.text[:1].isalpha()]
    if not any(
        t.text.islower() and t.low not in C.DE_DET and t.low not in C.EN_DET and not _is_adj(t, st.lang)
        for t in before
    ):
        return False
    if st.lang == "en" and _en_apposed_subject(st, c, lo):
        return False  # "Jane Doe, a lawyer, said the plan works": the subject and its apposition
    rest = [t for t in toks[b:hi] if t.text not in (".", "!", "?", "“", "”", '"')]
    if st.lang == "en" and rest and rest[0].low not in _EN_ADVERBIAL:
        return False  # "X, a lawyer, said the plant would close": no inversion, a subject and a clause
    return len(rest) <= 5 and not any(t.text in (":", ",") for t in rest)


_KONJ_ANY = C.KONJ1 | C.KONJ2 | C.REPORTATIVE
_KONJ_REPORTED = C.KONJ1 | C.REPORTATIVE
"""The forms that mark a clause as reported (the unions made once, not for every word of every clause)."""


_SOURCE_WORDS = C.DE_ACCORDING | C.DE_ZUFOLGE | {"nach", "according"}
"""The words that open or close a phrase naming a source ("laut X", "X zufolge", "nach Angaben von X",
"according to X"): the only ones the rules for such phrases look at."""


def _sentence_cues(st: _State, si: int) -> list[int]:
    """The verbs of saying of sentence ``si`` outside quotation marks (with the particle a separable one
    needs, not under a Konjunktiv auxiliary), found once for the sentence's reported speech and for its free
    indirect speech."""
    got = st.cues_of.get(si)
    if got is None:
        lo, hi = st.sents[si]
        toks = st.toks
        got = [
            k
            for k in range(lo, hi)
            if _is_cue(st, toks[k])
            and not _in_quote(st, toks[k])
            and _cue_ok(st, k, hi)
            and not _under_konj(st, k, lo)
        ]
        st.cues_of[si] = got
    return got


def _has_verb(st: _State, a: int, b: int) -> bool:
    """Some word of tokens ``[a, b)`` is a verb (by its tag): a clause has one, a list of names has none."""
    doc = st.doc
    if doc is None or not hasattr(doc, "pos"):
        return True
    return any(doc.pos(k).startswith("V") for k in range(a, b))  # type: ignore[attr-defined]


_CLAUSE_FINAL_TAGS = (*_FINITE_TAGS, "VVINF", "VAINF", "VMINF")
"""Tags of the verb that closes a relative clause: finite, or a plural the tagger takes for an infinitive
("die am Fluss wohnen"); not "zu" with an infinitive ("der Klage stattzugeben")."""


def _relative_clause_end(st: _State, k: int, c: int) -> int | None:
    """Where a relative clause ends (the comma or the sentence end after its finite verb, which stands last)
    when the comma at ``k`` after the verb of saying at ``c`` opens one about the noun before it ("lobte die
    Helfer, die seit Tagen im Einsatz sind", "hat die Helfer gelobt, die …", "kritisierte die Behörde, deren
    Leiter schweigt"): it tells of that noun and is no message. None for an article ("sagte den
    Journalisten, die Lage sei ernst", "empfahl, der angestrengten Klage stattzugeben"), a pronoun before its
    finite verb ("sagte, das sei falsch") or a relative clause in the Konjunktiv, which reports the speaker's
    words ("kritisierte die Pläne, die zu Entlassungen führen würden")."""
    toks = st.toks
    s_hi = st.sents[toks[k].sent][1]
    noun_before = k > c + 1 and _is_cap(toks[k - 1])
    object_before = (
        k == c + 1
        and _aux_before(st, c, st.sents[toks[c].sent][0]) is not None
        and any(_is_cap(t) for t in toks[c - 3 : c])
    )
    if not (noun_before or object_before) or k + 2 >= s_hi:
        return None
    m = k + 2 if toks[k + 1].low in _PREPOSITIONS and toks[k + 2].low in _RELATIVE else k + 1
    if m + 1 >= s_hi:
        return None
    after = toks[m + 1]
    if toks[m].low not in ("deren", "dessen", "denen") and (
        toks[m].low not in _RELATIVE
        or _is_cap(after)
        or _is_adj(after, "de")
        or _tagged_alone(st, m + 1, m + 2, _FINITE_TAGS)
    ):
        return None
    for x in range(m + 2, s_hi + 1):
        if x < s_hi and toks[x].text not in _CLAUSE_ENDS:
            continue
        if _tagged_alone(st, x - 1, x, _CLAUSE_FINAL_TAGS):
            konj = any(t.low in _KONJ_ANY and not _in_quote(st, t) for t in toks[m:x])
            return None if konj else x
        if x == s_hi or toks[x].text != ",":
            return None
    return None


def _source_conjunct(st: _State, b: int, hi: int) -> int:
    """Where a German source phrase ending at ``b`` after "laut" or "nach Angaben" ends with a second one
    joined by "und" or "sowie" that names someone too ("laut der Ministerin und dem Bürgermeister", "nach
    Angaben der Polizei und der Stadtwerke"): inside the prepositional phrase "und" joins no clauses, the
    source is both (not "laut Entwurf von Rentnern und Kranken", where the "von" phrase is none of it)."""
    toks = st.toks
    if b + 1 < hi and toks[b].low in ("und", "sowie") and (second := _np_forward(st, b + 1, hi)) is not None:
        return second[1] if _someone(st, *second) else b
    return b


def _so_frame(st: _State, lo: int, hi: int) -> tuple[int, int, int] | None:
    """The "so" and the speaker's phrase ``(so, first, end)`` of German reported speech framed at its end
    ("Die Lage sei ernst, so die Ministerin.", "…, so Meier am Montag."), as "„…“, so X" frames a quotation:
    the phrase after "so" names someone and ends the sentence (or stands before an adverbial); not "…, so
    dass", "…, so schnell wie möglich"."""
    toks = st.toks
    for c in range(lo + 2, hi - 1):
        if toks[c].low != "so" or toks[c - 1].text not in (",", "–") or _in_quote(st, toks[c]):
            continue
        np_ = _inverted_subject(st, c, hi)
        if np_ is None or np_[0] != c + 1:
            continue
        e = _conjunct_end(st, *np_, hi, hi)
        rest = toks[e:hi]
        ends = all(t.text in _CLAUSE_ENDS for t in rest) or (
            rest[0].low in _MIDDLE_PREPOSITIONS and not _has_verb(st, e, hi)
        )
        if ends and (_someone(st, *np_) or toks[np_[0]].low not in C.DE_DET):
            return c, np_[0], e
    return None


def _second_predicate(st: _State, a: int, hi: int) -> int | None:
    """Where a German reported clause from token ``a`` ends before a second verb of saying of the same
    subject ("sagte, die Stadt brauche Geld, und fügte hinzu, …"): the comma or the "und" before that verb,
    whose words are a message of their own; None when none follows."""
    toks = st.toks
    for u in range(a + 1, hi - 1):
        if toks[u].low in ("und", "sowie") and not _in_quote(st, toks[u]):
            c = u + 1
            finite = _tagged_alone(st, c, c + 1, _FINITE_TAGS)  # not "man müsse das prüfen und melden"
            if finite and _is_cue(st, toks[c]) and _cue_ok(st, c, hi) and not _in_quote(st, toks[c]):
                return u - 1 if toks[u - 1].text == "," else u
    return None


def _sentence_indirect(st: _State, si: int) -> list[Quotation]:
    lo, hi = st.sents[si]
    toks = st.toks
    if hi <= lo:
        return []
    out: list[Quotation] = []
    s_start = toks[lo].start
    s_end = toks[hi - 1].end
    de = st.lang == "de"
    # whole sentence inside a quotation: direct speech already
    if all(_in_quote(st, t) or not t.text[:1].isalnum() for t in toks[lo:hi]):
        return []
    # "laut X" / "nach Angaben von X" / "X zufolge" / "according to X"
    for k in range(lo, hi):
        t = toks[k]
        if t.low not in _SOURCE_WORDS or _in_quote(st, t):
            continue
        src: tuple[int, int] | None = None
        cue_span: Span | None = None
        if de and t.low in C.DE_ACCORDING:
            src = _np_forward(st, k + 1, hi)
            src = (src[0], _source_conjunct(st, src[1], hi)) if src else None
            cue_span = Span(t.start, t.end)
        elif de and t.low == "nach" and (own := _own_view(st, k, lo, hi)) is not None:
            # "nach seiner Meinung", "Seiner Ansicht nach", "nach eigenen Angaben": SpkAtt-2023 marks these
            # two words as the source; the speaker is the one "seiner" stands for, or the sentence's subject
            a, b = own
            cue_span = Span(t.start, t.end) if a < k else Span(t.start, toks[b - 1].end)
            pr = toks[a]
            if pr.low in _POSSESSIVES:
                pseudo = _Tok(
                    pr.i, pr.text, "er" if pr.low.startswith("sein") else "sie", pr.start, pr.end, pr.sent
                )
                sp = _resolve_pronoun(st, pseudo)
            else:
                np_ = _np_backward(st, min(a, k), lo) or _np_forward(st, max(b, k + 1), hi)
                sp = _speaker_from_np(st, *np_) if np_ else Speaker(None, "", None, None)
            words = Span(pr.start, toks[b - 1].end)
            sp = Speaker(words, st.text[words.start : words.end], sp.key, sp.role)
            left = _strip_span(st, s_start, toks[min(a, k)].start)
            right = _strip_span(st, toks[max(b, k + 1) - 1].end, s_end)
            msg = right if right and (not left or right.end - right.start >= left.end - left.start) else left
            if msg is not None:
                _remember(st, sp, si)
                out.append(Quotation(msg, "indirect", cue_span, sp, 0.55))
                return out
            continue
        elif (
            de
            and t.low == "nach"
            and (k == lo or toks[k - 1].text in (",", "–", "-"))
            and _report_noun_after(st, k + 1, hi) is not None
        ):
            # "Nach Polizeiangaben", "Nach einem Fernsehbericht des Senders X": the source is the phrase
            src = _np_forward(st, k + 1, hi)
            src = (src[0], _source_conjunct(st, src[1], hi)) if src else None
            cue_span = Span(t.start, t.end)
        elif de and t.low == "nach" and k + 1 < hi and toks[k + 1].low in C.DE_ANGABEN:
            # the source is "Angaben des Kraftfahrt-Bundesamtes" (the shared task's convention)
            j = k + 2
            if j < hi and toks[j].low in ("von", "vom", "des", "der"):
                j += 1 if toks[j].low in ("von", "vom") else 0
            inner = _np_forward(st, j, hi) if j < hi else None
            src = (k + 1, _source_conjunct(st, inner[1], hi)) if inner else None
            cue_span = Span(t.start, t.end)
        elif de and t.low in C.DE_ZUFOLGE:
            src = _np_backward(st, k, lo)
            cue_span = Span(t.start, t.end)
        elif not de and t.low == "according" and k + 1 < hi and toks[k + 1].low == "to":
            src = _np_forward(st, k + 2, hi)
            cue_span = Span(t.start, toks[k + 1].end)
        if src is None or cue_span is None:
            continue
        a, b = src
        sp = _speaker_from_np(st, a, b)
        # the message: the sentence without the cue phrase
        phrase_s = min(cue_span.start, toks[a].start)
        phrase_e = max(cue_span.end, toks[b - 1].end)
        left = _strip_span(st, s_start, phrase_s)
        right = _strip_span(st, phrase_e, s_end)
        msg = right if right and (not left or right.end - right.start >= left.end - left.start) else left
        if msg is None:
            continue
        _remember(st, sp, si)
        out.append(Quotation(msg, "indirect", cue_span, sp, 0.6 if sp.key else 0.5))
        return out
    if de and (framed := _so_frame(st, lo, hi)) is not None:
        c, a, e = framed
        msg = _strip_span(st, s_start, toks[c - 1].start)
        if msg is not None and not all(_in_quote(st, x) for x in toks[lo : c - 1] if x.text[:1].isalnum()):
            sp = _speaker_from_np(st, a, e)
            _remember(st, sp, si)
            return [Quotation(msg, "indirect", Span(toks[c].start, toks[c].end), sp, 0.6 if sp.key else 0.5)]
    cues = _sentence_cues(st, si)
    if not cues and (de or not any(toks[k].low in C.EN_REPORTED_ONLY for k in range(lo, hi))):
        return out  # (an English speech act told without its words may stand alone: "Clinton cited ...")
    shared: tuple[int, Speaker | None] | None = None  # the second verb of "sagte, … und fügte hinzu, …"
    for c in cues:
        t = toks[c]
        if shared is not None and c < shared[0]:
            continue  # a verb of saying inside the message of the first
        if not de and (_en_frames_quote(st, c, lo) or _en_asked_first(st, c, lo, hi)):
            continue
        # "Wie X mitteilte, MAIN" / "MAIN, wie X sagte"
        wie = None
        for k in range(c - 1, max(lo - 1, c - 12), -1):
            if toks[k].low in ("wie", "as") and (k == lo or toks[k - 1].text == ","):
                wie = k
                break
            if toks[k].text in (",", ".", ";", ":"):
                break
        if wie is not None:
            sp, _conf = _subject_of(st, c, wie + 1, c + 1)
            if sp is None:
                np_ = _np_forward(st, wie + 1, c)
                sp = _speaker_from_np(st, *np_) if np_ else None
            cue_span = Span(toks[wie].start, _cue_span(st, c, hi).end)
            if wie == lo:
                # message after the comma that ends the wie-clause
                k = c + 1
                while k < hi and toks[k].text != ",":
                    k += 1
                msg = _strip_span(st, toks[k].end, s_end) if k < hi else None
            else:
                msg = _strip_span(st, s_start, toks[wie].start)
            if msg:
                _remember(st, sp, si)
                out.append(Quotation(msg, "indirect", cue_span, sp, 0.7 if sp and sp.key else 0.55))
                return out
            continue
        # "MAIN, sagte X." / "CONTENT, X said."
        prev = toks[c - 1] if c > lo else None
        if (
            prev is not None
            and prev.text in (",", "“", "”", '"', "''")
            and c > lo + 2
            and _ends_after_subject(st, c, hi)
        ):
            sp, _conf = _subject_of(st, c, c, hi)
            clause_lo = lo
            for k in range(c - 2, lo - 1, -1):
                if toks[k].text in (":", ";"):
                    clause_lo = k + 1
                    break
            msg = _strip_span(st, toks[clause_lo].start, prev.start)
            if msg and not all(_in_quote(st, x) for x in toks[clause_lo : c - 1] if x.text[:1].isalnum()):
                _remember(st, sp, si)
                out.append(
                    Quotation(msg, "indirect", _cue_span(st, c, hi), sp, 0.65 if sp and sp.key else 0.5)
                )
                return out
        if not de and c - 2 >= lo and toks[c - 1].text[:1].isalpha():
            q = _en_frame(st, c, lo, hi)
            if q is not None:
                _remember(st, q.speaker, si)
                out.append(q)
                return out
        # "X erklärte, CLAUSE" / "sagte, dass CLAUSE" / "X said (that) CLAUSE"
        k = c + 1
        limit = min(hi, c + 10)
        clause_start = None
        relative = False
        while k < limit:
            w = toks[k]
            if _in_quote(st, w) and de:
                break
            if de and w.text == ",":
                app = _apposition_end(st, k + 1, hi) if k > c + 1 else None
                if app is not None and _paper(st, k + 1, app):
                    break  # "sagte X, Chef der Y, der Deutschen Presse-Agentur": whom it was said to
                if app is not None and app < hi and toks[app].text == ",":
                    k = app  # "nannte X, Chef der Y, die Lage ...": an apposition of the subject, no clause
                    continue
                if (end := _relative_clause_end(st, k, c)) is not None:
                    # past it: "erklärte X, der seit Jahren im Amt ist, die Lage sei ernst"
                    k, limit, relative = end, min(hi, end + 10), True
                    continue
                nxt = toks[k + 1] if k + 1 < hi else None
                if (
                    nxt is not None
                    and not _is_cue(st, nxt)
                    and nxt.low not in ("um", "und", "als", "oder", "aber")
                ):
                    clause_start = k + 1
                break
            if de and w.low in ("dass", "daß", "ob"):
                clause_start = k
                break
            if not de and (
                w.low == "that" or (k == c + 1 and w.low in C.EN_PRONOUNS and _en_clause_subject(st, k))
            ):
                clause_start = k  # "X said that …", "X says he is sure that …", "X said it would …"
                break
            if not de and w.text == ",":
                break  # "X said the plant would close, adding that …": not this verb's "that"
            if w.text in (".", ";", ":", "!", "?"):
                break
            k += 1
        if not de and clause_start is None and c + 1 < hi:
            nxt = toks[c + 1]
            lemma = C.EN_SPEECH_FORMS.get(t.low, "")
            if (
                lemma not in C.EN_CLAUSE_ONLY
                and lemma not in ("tell", "ask", "report", "write", "call")
                and (
                    nxt.low in C.EN_DET
                    or nxt.low in C.EN_PRONOUNS
                    or _is_cap(nxt)
                    or _en_bare_subject(st, c + 1, hi)
                )
                and nxt.low not in ("it", "that")
                and not (c > lo and toks[c - 1].text in _MARKS)
                and not (c > lo and toks[c - 1].text == "," and (_en_subject(st, c, lo) or (c, c))[0] != lo)
            ):
                # "X said the plan ...", "X, a lawyer, said the plan ...", not "…," said X"
                clause_start = c + 1
        if relative and clause_start is None:
            # "Der Bericht schildert die Fehler, die zum Absturz führten. Techniker hätten …": what follows in
            # the Konjunktiv goes on with the one who spoke, though the relative clause was no message
            _remember(st, _subject_of(st, c, lo, hi)[0], si)
        if clause_start is not None and clause_start < hi:
            clause = toks[clause_start:hi]
            has_konj = any(x.low in _KONJ_ANY for x in clause)
            starts = clause[0].low in C.DE_CLAUSE_START or clause[0].low == "that"
            if de and not (has_konj or starts) and len(clause) < 4:
                continue
            if de and not (has_konj or starts) and not _has_verb(st, clause_start, hi):
                continue  # "„…“, sagten die Ministerin, der Bürgermeister und der Landrat": a list, no clause
            words = [x for x in clause if x.text[:1].isalnum()]
            konj_outside = any(x.low in _KONJ_REPORTED and not _in_quote(st, x) for x in clause)
            if de and 2 * sum(_in_quote(st, x) for x in words) > len(words) and not konj_outside:
                continue  # "X bekräftigte, „…“": the quotation is direct speech, no clause of its own
            sp = (
                shared[1]
                if shared is not None and shared[0] == c
                else _subject_of(st, c, lo, clause_start)[0]
            )
            end = _second_predicate(st, clause_start, hi) if de else None
            msg = _strip_span(st, toks[clause_start].start, toks[end].start if end is not None else s_end)
            if msg:
                _remember(st, sp, si)
                c_conf = 0.7 if (has_konj or starts) else 0.5
                out.append(
                    Quotation(msg, "indirect", _cue_span(st, c, hi), sp, c_conf if sp else c_conf - 0.1)
                )
                if end is None:
                    return out
                shared = (end + 1 if toks[end].low in ("und", "sowie") else end + 2, sp)
    if out:
        return out
    # reported: a verb of saying with an object and no clause
    if de:
        for c in cues:
            lemma = C.DE_SPEECH_FORMS.get(toks[c].low, "")
            if lemma not in C.DE_REPORTING_LEMMAS or toks[c].low.startswith("ge"):
                continue
            if any(x.text in ("„", "“", '"', "»") for x in toks[lo:hi]):
                continue
            sp, _ = _subject_of(st, c, lo, hi)
            if sp is None or (sp.key is None and not sp.role):
                continue
            msg = _strip_span(st, s_start, s_end)
            if msg:
                _remember(st, sp, si)
                out.append(Quotation(msg, "reported", _cue_span(st, c, hi), sp, 0.45))
                return out
    else:
        # "He vowed to form a task force", "Clinton cited derogatory comments": what follows the verb
        for c in sorted(
            cues
            + [k for k in range(lo, hi) if toks[k].low in C.EN_REPORTED_ONLY and not _in_quote(st, toks[k])]
        ):
            if toks[c].low in _EN_PARTICIPLES and toks[c - 1].text == ",":
                continue  # "…, saying …": a participle clause of the verb before it (_en_participles)
            if toks[c].low == "reporting" and c + 1 < hi and toks[c + 1].low == "by":
                continue  # "Additional reporting by Jane Doe": a credit line
            np_ = _en_subject(st, c, lo)
            if np_ is None:
                continue
            a, b = np_
            if not (
                _is_cap(toks[a]) or toks[a].low in C.EN_PRONOUNS or toks[a].low in C.EN_DET | {"who", "which"}
            ):
                continue
            if c + 1 >= hi or toks[c + 1].text in (",", ".", ":", ";"):
                continue
            if _en_frames_quote(st, c, lo) or _en_noun(st, c):
                continue
            sp = _speaker_from_np(st, a, b)
            msg = _strip_span(st, toks[c + 1].start, s_end)
            if msg:
                _remember(st, sp, si)
                out.append(Quotation(msg, "reported", _cue_span(st, c, hi), sp, 0.4))
                return out
    return out


_EN_ADVERBIAL = {
    "in",
    "on",
    "at",
    "during",
    "last",
    "this",
    "earlier",
    "later",
    "recently",
    "yesterday",
    "today",
    "tonight",
} | C.EN_WEEKDAYS
"""Words that open a short adverbial after an English verb of saying ("said in an interview")."""


_EN_PLURAL_QUANTIFIERS = {"some", "many", "few", "several", "most", "more", "fewer", "both", "all", "various"}
"""English quantifiers of plural nouns, whose verb has no -s: "many say", but "some calls" is a noun."""


def _en_quantifier(st: _State, a: int, b: int) -> bool:
    """Whether the English phrase ``[a, b)`` is a quantifier alone ("Many say", "Some argued", "Each said"),
    which stands for people as a pronoun does."""
    return b - a == 1 and st.toks[a].low in _EN_PLURAL_QUANTIFIERS | {"each"}


def _en_noun(st: _State, c: int) -> bool:
    """Whether the English word at ``c`` that may be a verb of speech is a noun here: a form in -s after a
    plural quantifier ("some calls into"), or by its tag ("the battleground states could"), not after a name
    or a pronoun ("The Journal reports")."""
    doc = st.doc
    if c > 0 and st.toks[c - 1].low in _EN_PLURAL_QUANTIFIERS and st.toks[c].low.endswith("s"):
        return True  # "some calls into the hotline": a plural quantifier takes no verb in -s ("many say")
    if doc is None or not hasattr(doc, "pos") or doc.pos(c) not in ("NN1", "NN2", "AJ0"):  # type: ignore[attr-defined]
        return False
    prev = st.toks[c - 1]
    return not ((_is_cap(prev) and prev.low not in C.EN_DET) or prev.low in C.EN_PRONOUNS)


def _en_subject(st: _State, c: int, lo: int) -> tuple[int, int] | None:
    """The subject of the English verb at ``c``: the phrase before it (auxiliaries and adverbs between), or,
    when a comma stands before the verb, the phrase that opens the sentence with its apposition, relative
    clause or a parenthetical after it ("X, a lawyer, said", "X, who runs …, said", "X, speaking to …,
    said")."""
    j = _en_before_auxiliaries(st, c, lo)
    if j - 1 > lo and st.toks[j - 1].low in ("who", "which"):
        return (j - 1, j)  # "…, who said": the relative pronoun, as PolNeAR marks it
    if j - 1 > lo and st.toks[j - 1].low in ("and", "but"):
        return _np_forward(st, lo, j - 1)  # "X is bearish on loans and expects …": the subject of the clause
    if j - 1 > lo and st.toks[j - 1].text == ",":
        np_ = _np_forward(st, lo, j)
        if np_ is not None and np_[1] <= j - 1 and st.toks[np_[1]].text == ",":
            return np_
    return _np_backward(st, j, lo)


def _en_frames_quote(st: _State, c: int, lo: int) -> bool:
    """Whether the English verb at ``c`` frames the direct quotation before it ("“…,” Doe said in an
    interview", "“…,” said Doe on Friday as she left"): what follows the verb is no message of its own."""
    toks = st.toks
    k = c
    if not (k > lo and toks[k - 1].text in _MARKS | {","}):
        np_ = _np_backward(st, _en_before_auxiliaries(st, c, lo), lo)
        if np_ is None:
            return False
        k = np_[0]
    return k > lo and toks[k - 1].text in _MARKS | {","} and any(_in_quote(st, x) for x in toks[lo:k])


def _en_frame(st: _State, c: int, lo: int, hi: int) -> Quotation | None:
    """English speech framed by its speaker after a comma: "CONTENT, X said (in an interview)." or in the
    middle of it, "A, X said, B." (then the message is the whole sentence, the frame's few words with it)."""
    toks = st.toks
    np_ = _np_backward(st, _en_before_auxiliaries(st, c, lo), lo)
    if np_ is None:
        return None
    a = np_[0] - 1 if toks[np_[0] - 1].low == "as" else np_[0]  # "A, as X pointed out, B"
    comma = a - 1
    if comma <= lo or toks[comma].text not in (",", "”", '"', "’"):
        return None
    if any(_in_quote(st, x) or x.text == "“" for x in toks[lo:comma]):
        return None
    k = c + 1  # a short adverbial after the verb: "said in an interview", "said Thursday"
    if k < hi and toks[k].low in _EN_ADVERBIAL:
        while k < hi and k - c <= 5 and toks[k].text not in (",", ".", "!", "?", ";", ":"):
            k += 1
    s_start, s_end = toks[lo].start, toks[hi - 1].end
    if k >= hi - 1:
        msg = _strip_span(st, s_start, toks[comma].start)
    elif toks[k].text == "," and k + 2 < hi and _in_quote(st, toks[k + 2]):
        return None  # "Asked about it, X said, “…”": the quotation after the frame is the message
    elif toks[k].text == "," and len(_WORDS.findall(st.text, toks[k].end, s_end)) >= 2:
        msg = _strip_span(st, s_start, s_end)
    else:
        return None
    if msg is None:
        return None
    sp = _speaker_from_np(st, *np_)
    return Quotation(msg, "indirect", _cue_span(st, c, hi), sp, 0.6 if sp.key else 0.5)


_EN_PARTICIPLES = {f for f in C.EN_SPEECH_FORMS if f.endswith("ing")} | {
    "citing",
    "vowing",
    "pledging",
    "demanding",
    "questioning",
    "blaming",
}


def _en_label(st: _State, si: int) -> list[Quotation]:
    """An English sentence that a name labels with a colon ("PENCE: Well, look, …", "Poll: Clinton ahead"):
    the name is the speaker, the rest of the sentence the message (a transcript, a headline)."""
    lo, hi = st.sents[si]
    toks = st.toks
    a = lo + 1 if toks[lo].text in _MARKS else lo
    colon = next((k for k in range(a + 1, min(hi, a + 4)) if toks[k].text == ":"), None)
    if (
        colon is None
        or not all(_is_cap(t) for t in toks[a:colon])
        or any(_in_quote(st, t) for t in toks[colon:hi])
        or st.text[toks[a].start : toks[colon - 1].end].lower() in C.EN_EDITORIAL_LABELS
    ):
        return []
    msg = _strip_span(st, toks[colon].end, toks[hi - 1].end)
    if msg is None or len(_WORDS.findall(st.text, msg.start, msg.end)) < 3:
        return []
    sp = _speaker_from_np(st, a, colon)
    _remember(st, sp, si)
    return [Quotation(msg, "indirect", Span(toks[colon].start, toks[colon].end), sp, 0.4)]


def _en_participles(st: _State, si: int, got: list[Quotation]) -> list[Quotation]:
    """English speech told in a participle clause after a comma ("…, saying the courts had no business
    there", "he said, adding he would never vote for her"): one more attribution, to the speaker of the
    sentence (of its other attribution, or its subject); a message of the sentence before ends there."""
    lo, hi = st.sents[si]
    toks = st.toks
    k = next(
        (
            k
            for k in range(lo + 2, hi - 2)
            if toks[k].low in _EN_PARTICIPLES and toks[k - 1].text == "," and not _in_quote(st, toks[k])
        ),
        None,
    )
    if k is None or any(q.span.start >= toks[k].start for q in got):
        return got  # found already, as the sentence's verb of saying
    got = [q for q in got if q.cue is None or q.cue.start != toks[k].start]  # not "…, arguing X."
    msg = _strip_span(st, toks[k + 1].start, toks[hi - 1].end)
    if msg is None or len(_WORDS.findall(st.text, msg.start, msg.end)) < 2:
        return got
    last = st.last_speaker
    if last is not None and st.last_speaker_sent == si and _en_speaks_before(last, toks[k].start):
        sp: Speaker | None = Speaker(last.span, last.text, last.key, last.role)
    else:
        sp, _ = _subject_of(st, k, lo, k)
    comma = toks[k - 1].start
    before = [
        Quotation(Span(q.span.start, comma), q.form, q.cue, q.speaker, q.confidence)
        if q.span.start < comma < q.span.end
        else q
        for q in got
    ]
    _remember(st, sp, si)
    return [*before, Quotation(msg, "indirect", Span(toks[k].start, toks[k].end), sp, 0.5 if sp else 0.4)]


def _en_speaks_before(sp: Speaker, start: int) -> bool:
    """Whether the sentence's speaker found so far stands before a participle clause at ``start``: one inside
    it ("…, saying anybody who complains …") speaks in the clause, not the clause itself."""
    return sp.span is None or sp.span.end <= start


def _en_speech_verb(st: _State, k: int) -> bool:
    """Whether the English word at ``k`` is a verb of saying or of a speech act, outside quotation marks."""
    t = st.toks[k]
    return (
        (t.low in C.EN_SPEECH_FORMS or t.low in C.EN_REPORTED_ONLY)
        and t.text.islower()
        and not _in_quote(st, t)
        and not _en_noun(st, k)
    )


_EN_CONTRAST = {"but", "though", "although", "while", "whereas", "and"}


def _en_coordinated(st: _State, si: int, got: list[Quotation]) -> list[Quotation]:
    """A second English verb of saying after the sentence's attribution: coordinated with the same subject
    ("He claimed vast wealth and said it ensured …") or in a clause of its own after a comma ("…, though
    she noted clients are …"). One more attribution; the message before it ends there."""
    if not got or got[-1].cue is None:
        return got
    lo, hi = st.sents[si]
    toks = st.toks
    first = got[-1]
    c1 = _tok_at(st, first.cue.start)
    j = _en_before_auxiliaries(st, c1, lo) if c1 is not None else lo
    if j - 1 > lo and toks[j - 1].low in ("and", "but"):
        # "Doe praised the workers and said …": the verb before, with the same subject
        k = next((k for k in range(j - 2, lo, -1) if _en_speech_verb(st, k)), None)
        msg = _strip_span(st, toks[k + 1].start, toks[j - 1].start) if k is not None else None
        if k is not None and msg is not None:
            form = "indirect" if toks[k].low in C.EN_SPEECH_FORMS else "reported"
            got = [Quotation(msg, form, Span(toks[k].start, toks[k].end), first.speaker, 0.45), *got]
    for k in range(lo, hi - 2):
        t = toks[k]
        if t.start < first.cue.end or t.low in _EN_PARTICIPLES or not _en_speech_verb(st, k):
            continue
        j = _en_before_auxiliaries(st, k, lo)
        if toks[j - 1].low in ("and", "but"):  # the same subject
            split = j - 2 if toks[j - 2].text == "," else j - 1
            sp = first.speaker
        elif (head := _en_before_relative(st, first, j, lo)) is not None:
            split = j - 1  # "Jane Doe, who argued that …, told": the main clause's subject
            sp = _speaker_from_np(st, *head)
        else:
            np_ = _np_backward(st, j, lo)
            if np_ is None:
                continue
            a, b = np_
            conj = a if toks[a].low in _EN_CONTRAST else a - 1  # "though" may stand in the phrase found
            split = conj - 1
            if split <= lo or toks[split].text != "," or toks[conj].low not in _EN_CONTRAST or conj + 1 >= b:
                continue
            sp = _speaker_from_np(st, conj + 1, b)
        msg = _strip_span(st, toks[k + 1].start, toks[hi - 1].end)
        if msg is None or len(_WORDS.findall(st.text, msg.start, msg.end)) < 2:
            continue
        end = toks[split].start
        before = [
            Quotation(Span(q.span.start, end), q.form, q.cue, q.speaker, q.confidence)
            if q.span.start < end < q.span.end
            else q
            for q in got
        ]
        form = "indirect" if t.low in C.EN_SPEECH_FORMS else "reported"
        _remember(st, sp, si)
        return [*before, Quotation(msg, form, Span(t.start, t.end), sp, 0.45)]
    return got


def _en_before_relative(st: _State, first: Quotation, j: int, lo: int) -> tuple[int, int] | None:
    """The English subject before a relative clause that told speech of its own, when the verb at ``j``
    follows the comma that closes it ("Jane Doe, who argued that …, told her aides"): the main clause's
    attribution has its own source, the phrase before "who"."""
    toks = st.toks
    sp = first.speaker
    if sp is None or sp.span is None or sp.text.lower() not in ("who", "which") or toks[j - 1].text != ",":
        return None
    w = _tok_at(st, sp.span.start)
    if w is None or w - 1 <= lo or toks[w - 1].text != "," or j - 1 <= w:
        return None
    return _np_backward(st, w - 1, lo)


def _under_konj(st: _State, c: int, lo: int) -> bool:
    aux = _aux_before(st, c, lo)
    return aux is not None and st.toks[aux].low in C.KONJ1


def _clause_final(st: _State, k: int) -> bool:
    """The verb closes its clause: a subordinate clause, where "soll" is an obligation ("…, in dem eine
    Lösung gefunden werden soll,"), not someone's report ("Putin soll zugestimmt haben")."""
    return k + 1 < len(st.toks) and st.toks[k + 1].text in (",", ".", ";", ":", "!", "?", "–")


def _free_indirect(st: _State, si: int) -> bool:
    """A sentence in Konjunktiv I (or reportative "soll") without a verb of saying of its own."""
    lo, hi = st.sents[si]
    toks = st.toks[lo:hi]
    if len(toks) < 3:
        return False
    if _sentence_cues(st, si):
        return False  # (a verb of saying without the particle it needs is none: "ließ … durchblicken")
    outside = [t for t in toks if not _in_quote(st, t)]
    konj = sum(
        1 for t in outside if t.low in C.KONJ1 or (t.low in C.REPORTATIVE and not _clause_final(st, t.i))
    )
    return konj > 0 or any(t.low in ("seien", "sei") for t in toks)


# ---- the entry point ------------------------------------------------------------------------------------


def find_quotations(doc, mentions) -> list[Quotation]:  # type: ignore[no-untyped-def]
    """Every quotation in ``doc`` (a :class:`kg.extract.doc.Doc`) with its speaker, in text order.

    ``mentions`` are the persons, organizations and places found in the same text; a speaker is resolved to
    the entity of the mention that names it.
    """
    st = _state(doc, list(mentions))
    if not st.toks:
        return []
    pairs = pair_quotes(st.text)
    _set_quoted(st, [(a + 1, b) for a, b in pairs])
    speech: list[tuple[int, int, float]] = []
    for (a, b), rule in zip(pairs, speech_rules(st, pairs), strict=True):
        p = speech_probability(quote_features(st, a, b))
        if rule > 0:
            p = max(p, THRESHOLD)  # the model does not learn these from its few features
        elif rule < 0:
            p = min(p, THRESHOLD / 2)  # a title or a name
        if p >= THRESHOLD:
            speech.append((a, b, p))
    # only speech is "quoted" from here on: a title in quotation marks is part of the words around it
    _set_quoted(st, [(a + 1, b) for a, b, _ in speech])
    by_sentence: dict[int, list[tuple[int, int, float]]] = {}
    for a, b, p in speech:
        ta = _tok_at(st, a)
        if ta is not None:
            by_sentence.setdefault(st.toks[ta].sent, []).append((a, b, p))
    out: list[Quotation] = []
    carry: Quotation | None = None
    for si in range(len(st.sents)):
        found_here = False
        got = _sentence_indirect(st, si)
        for a, b, p in by_sentence.get(si, []):
            around = next((q for q in got if q.span.start <= a and b <= q.span.end and q.speaker), None)
            q = _direct(st, a, b, p, around)
            if q is not None:
                out.append(q)
                found_here = True
        if st.lang == "en":
            got = _en_coordinated(st, si, _en_participles(st, si, got)) or _en_label(st, si)
        if got:
            out.extend(got)
            carry = None
            found_here = True
            continue
        if st.lang == "de" and _free_indirect(st, si):
            lo, hi = st.sents[si]
            msg = _strip_span(st, st.toks[lo].start, st.toks[hi - 1].end + 1)
            if msg is None:
                continue
            msg = Span(msg.start, min(st.toks[hi - 1].end, msg.end + 1))
            if carry is not None and st.last_speaker_sent >= si - 1 and out and out[-1] is carry:
                merged = Quotation(
                    Span(carry.span.start, msg.end), carry.form, carry.cue, carry.speaker, carry.confidence
                )
                out[-1] = merged
                carry = merged
                st.last_speaker_sent = si
                continue
            if st.last_speaker is not None and si - st.last_speaker_sent <= 2:
                last = st.last_speaker
                q = Quotation(msg, "indirect", None, Speaker(last.span, last.text, last.key, last.role), 0.5)
                out.append(q)
                carry = q
                st.last_speaker_sent = si
                continue
        if not found_here:
            carry = None
    # a reported "message" of a word or two ("said Monday", "and China") is a leftover, not a message
    out = [
        q for q in out if q.form == "direct" or len(_WORDS.findall(st.text, q.span.start, q.span.end)) >= 3
    ]
    if st.lang == "en":
        out = _en_without_nested(_en_into_quotations(_en_not_naming(st, _en_transcript(st, out))))
    out.sort(key=lambda q: (q.span.start, q.span.end))
    return out


_EN_TURN = re.compile(r"^[“\"]?([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):[ \t]+(.+?)[ \t]*$", re.MULTILINE)
"""A paragraph of a transcript: the speaker's name in capitals, a colon and the turn ("“PENCE: Well, …")."""


def _en_transcript(st: _State, quotes: list[Quotation]) -> list[Quotation]:
    """A transcript quoted paragraph by paragraph ("“WALLACE: Let's start …", "“PENCE: Well, …"): each turn
    is its labelled speaker's direct speech, not the words of whoever introduced the transcript."""
    out = []
    for q in quotes:
        turns = _en_turns(st, q) if q.form == "direct" else []
        out.extend(turns if len(turns) >= 2 else [q])
    return out


def _en_turns(st: _State, q: Quotation) -> list[Quotation]:
    """The turns of a quoted transcript in quotation ``q`` (from its opening mark), each to its label."""
    turns = []
    for m in _EN_TURN.finditer(st.text, max(0, q.span.start - 1), q.span.end):
        a, b = _tok_at(st, m.start(1)), _tok_at(st, m.end(1) - 1)
        if a is None or b is None:
            continue
        sp = _speaker_from_np(st, a, b + 1)
        msg = Span(m.start(2), min(m.end(2), q.span.end))
        turns.append(Quotation(msg, "direct", Span(m.end(1), m.end(1) + 1), sp, 0.7))
    return turns


def _en_particle_no_speech(st: _State, c: int, hi: int) -> bool:
    """Whether a particle right after the English verb at ``c`` makes it a verb of no speech ("showed up",
    "called off the rally")."""
    particles = C.EN_NO_SPEECH_PARTICLES.get(C.EN_SPEECH_FORMS.get(st.toks[c].low, st.toks[c].low), set())
    return c + 1 < hi and st.toks[c + 1].low in particles


def _en_not_naming(st: _State, quotes: list[Quotation]) -> list[Quotation]:
    """Without what a verb of naming tells after a free relative "what" ("denounced what she calls “a
    giveaway”", "what several senators called fraud"): a thing named in someone's words inside another
    statement, which PolNeAR does not mark as an attribution (its "X called the plan a giveaway" it does)."""
    out = []
    for q in quotes:
        c = _tok_at(st, q.cue.start) if q.cue is not None else None
        if c is not None and st.toks[c].low in C.EN_NAMING:
            lo = st.sents[st.toks[c].sent][0]
            np_ = _np_backward(st, _en_before_auxiliaries(st, c, lo), lo)
            if np_ is not None and np_[0] > 0 and st.toks[np_[0] - 1].low == "what":
                continue
        out.append(q)
    return out


def _en_into_quotations(quotes: list[Quotation]) -> list[Quotation]:
    """An English reported clause that runs into a direct quotation going on past its sentence ("X said the
    plant was “safe. It stays open.”") goes on to that quotation's end (one message, the quotation part of
    it); one that starts inside a quotation is no message of its own."""
    direct = [q.span for q in quotes if q.form == "direct"]
    out = []
    for q in quotes:
        if q.form != "direct":
            if any(d.start <= q.span.start < d.end < q.span.end for d in direct):
                continue
            into = [d.end for d in direct if q.span.start < d.start < q.span.end < d.end]
            if into:
                q = Quotation(Span(q.span.start, max(into)), q.form, q.cue, q.speaker, q.confidence)
        out.append(q)
    return out


def _en_without_nested(quotes: list[Quotation]) -> list[Quotation]:
    """English quoted words inside a reported clause or another quotation are part of that message, not a
    quotation of their own ("He said that Doe was “unfit to serve.”", "“He told me, ‘We stay,’” she said"):
    one attribution, as PolNeAR annotates it."""
    return [
        q
        for q in quotes
        if q.form != "direct"
        or not any(o is not q and o.span.start <= q.span.start and q.span.end <= o.span.end for o in quotes)
    ]
