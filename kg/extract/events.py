"""Events told in a text: meetings, summits, phone calls, talks, visits, announcements, elections, arrests,
warrants, attacks, agreements, deliveries, with attendees, place, date and status.

A trigger word (a noun such as "Treffen", "Telefonat", "Haftbefehl", compounds ending in them such as
"Gipfeltreffen" or "Alaska-Gipfel", or a verb such as "traf", "empfing", "met") starts an event in its
clause (the stretch of the sentence between commas, semicolons and colons):

- attendees: the persons named in the clause (a pronoun resolved to the last person named before it whose
  sentence it opens), the parties of "zwischen A und B" / "between A and B" of any type; for announcements
  and visits only the clause's subject; for warrants, arrests and attacks the actor, not the target after
  "gegen"/"against"; deliveries carry none. The subject of a verb of saying in the clause ("Der Kreml
  bestätigte das Gespräch") reports the event and is not an attendee.
- place: a place named in the clause after "in"/"im"/"at"/"bei"; date: a date expression in the clause
  (:mod:`kg.extract.when`), else in the sentence.
- status: ``planned`` when the clause looks ahead ("will … treffen", "soll", "geplant", "nächste", a date
  after publication), ``happened`` otherwise (past tense, a date before publication, or told as a fact).

Mentions of one event within a text are one event: a later trigger of the same kind family (meeting,
summit, talks; call; visit; ...) joins an earlier event when their attendees agree (equal, or one empty and
the later one a definite reference: "das Treffen", "der Gipfel") and their places and dates do not
contradict each other. Across texts nothing is merged here.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from kg.extract import cues as C
from kg.extract.types import Event, Mention, When
from kg.extract.when import FUTURE_MARKERS, find_dates, first_day, last_day
from kg.model import Span

# trigger (lower case, whole token or the end of a compound) -> kind
_NOUNS_DE = {
    "treffen": "meeting",
    "begegnung": "meeting",
    "zusammenkunft": "meeting",
    "gipfel": "summit",
    "gipfeltreffen": "summit",
    "telefonat": "call",
    "telefonats": "call",
    "telefongespräch": "call",
    "telefon": "call",
    "gespräch": "talks",
    "gespräche": "talks",
    "gesprächen": "talks",
    "verhandlungen": "talks",
    "besuch": "visit",
    "besuchs": "visit",
    "staatsbesuch": "visit",
    "ankunft": "visit",
    "reise": "visit",
    "ankündigung": "announcement",
    "wahl": "election",
    "wahlen": "election",
    "festnahme": "arrest",
    "verhaftung": "arrest",
    "haftbefehl": "warrant",
    "haftbefehls": "warrant",
    "angriff": "attack",
    "angriffe": "attack",
    "anschlag": "attack",
    "abkommen": "agreement",
    "vereinbarung": "agreement",
    "waffenruhe": "ceasefire",
    "waffenstillstand": "ceasefire",
    "pressekonferenz": "press-conference",
    "lieferung": "delivery",
    "bereitstellung": "delivery",
    "invasion": "invasion",
    "krieg": "war",
    "krieges": "war",
    "kriegs": "war",
    "konferenz": "conference",
}
_VERBS_DE = {
    "trifft": "meeting",
    "traf": "meeting",
    "trafen": "meeting",
    "getroffen": "meeting",
    "treffen": "meeting",
    "empfängt": "meeting",
    "empfing": "meeting",
    "empfangen": "meeting",
    "telefonierte": "call",
    "telefonierten": "call",
    "telefoniert": "call",
    "besuchte": "visit",
    "besucht": "visit",
    "besuchten": "visit",
    "kündigte": "announcement",
    "kündigt": "announcement",
    "angekündigt": "announcement",
    "festgenommen": "arrest",
    "verhaftet": "arrest",
    "gewählt": "election",
    "unterzeichnete": "agreement",
    "unterzeichnet": "agreement",
    "vereinbart": "agreement",
    "vereinbarten": "agreement",
    "erließ": "warrant",
    "erlassen": "warrant",
}
_NOUNS_EN = {
    "meeting": "meeting",
    "meetings": "meeting",
    "summit": "summit",
    "call": "call",
    "phone call": "call",
    "talks": "talks",
    "negotiations": "talks",
    "visit": "visit",
    "trip": "visit",
    "announcement": "announcement",
    "election": "election",
    "elections": "election",
    "primary": "election",
    "arrest": "arrest",
    "warrant": "warrant",
    "attack": "attack",
    "attacks": "attack",
    "agreement": "agreement",
    "deal": "agreement",
    "ceasefire": "ceasefire",
    "truce": "ceasefire",
    "debate": "debate",
    "rally": "rally",
    "press conference": "press-conference",
    "conference": "conference",
    "invasion": "invasion",
    "war": "war",
    "delivery": "delivery",
}
_VERBS_EN = {
    "met": "meeting",
    "meets": "meeting",
    "meet": "meeting",
    "visited": "visit",
    "visits": "visit",
    "announced": "announcement",
    "arrested": "arrest",
    "elected": "election",
    "signed": "agreement",
    "attacked": "attack",
    "debated": "debate",
}
_FAMILY = {"meeting": "meet", "summit": "meet", "talks": "meet", "conference": "meet", "call": "call"}
_SUBJECT_ONLY = {"announcement", "visit", "election"}
_ACTOR_ONLY = {"warrant", "arrest", "attack", "invasion"}
_NO_ATTENDEES = {"delivery"}
_COMPOUND_MIN = 4  # "Alaska-Gipfel", "Gipfeltreffen": a trigger at the end of a longer word
_DEFINITE = {
    "der",
    "die",
    "das",
    "dem",
    "den",
    "des",
    "dieses",
    "diesem",
    "dieser",
    "diese",
    "ihrem",
    "ihren",
    "seinem",
    "seinen",
    "seiner",
    "ihrer",
    "the",
    "this",
    "that",
    "his",
    "her",
    "their",
}
_PLANNED_DE = {
    "will",
    "wollen",
    "wolle",
    "soll",
    "sollen",
    "solle",
    "geplant",
    "geplante",
    "geplanten",
    "plant",
    "planen",
    "planten",
    "vorbereiten",
    "vorzubereiten",
    "vorbereitungen",
    "bevorstehende",
    "bevorstehenden",
    "kommende",
    "kommenden",
    "nächste",
    "nächsten",
    "künftig",
    "könnte",
    "werden",
    "wird",
    "werde",
    "würde",
    "möchte",
    "angestrebte",
    "angestrebten",
}
_PLANNED_EN = {
    "will",
    "would",
    "plans",
    "planned",
    "planning",
    "scheduled",
    "upcoming",
    "proposed",
    "next",
    "expected",
    "to",
}
_PROPOSED_DE = {"ins spiel gebracht", "vorgeschlagen", "diskutierte", "mögliche", "möglichen"}
_PLACE_PREP = {"in", "im", "at", "bei", "nach", "aus"}
_PARTY_PREP = {"zwischen", "between"}
_TARGET_PREP = {"gegen", "against", "auf", "on"}
_PREPOSITIONS = {
    "mit",
    "von",
    "vom",
    "gegen",
    "zwischen",
    "über",
    "für",
    "nach",
    "bei",
    "an",
    "auf",
    "zu",
    "zum",
    "zur",
    "in",
    "im",
    "aus",
    "with",
    "by",
    "of",
    "from",
    "against",
    "between",
    "about",
    "for",
    "to",
    "at",
    "on",
}
_NOT_REPORTING = {"gesprochen", "sprach", "sprachen", "spricht", "sprechen", "talked", "spoke"}


def _reporting_verb(doc, lows: list[str], k: int, end: int, cue_forms: dict[str, str]) -> bool:  # type: ignore[no-untyped-def]
    """Whether token ``k`` is a verb of saying whose subject only reports the event: not "sprach", and a
    separable one whose bare form is a common other verb only with its particle ending the clause before
    ``end`` ("legte dar", not "legte einen Kranz nieder" nor "legte nach dem Treffen einen Kranz nieder");
    ``lows`` are the tokens in lower case."""
    w = lows[k]
    if w not in cue_forms or w in _NOT_REPORTING:
        return False
    if w not in C._NEEDS_PARTICLE:
        return True
    particles = C.DE_FORM_PARTICLES.get(w, set())
    toks = doc.tokens
    return any(
        lows[x] in particles and (x + 1 >= end or not toks[x + 1].text[:1].isalnum())
        for x in range(k + 1, end)
    )


_COMPOUND_ENDS = (
    "gipfeltreffen",
    "treffen",
    "gipfel",
    "telefonat",
    "gespräche",
    "gespräch",
    "besuch",
    "haftbefehl",
    "abkommen",
    "anschlag",
    "angriff",
    "verhandlungen",
    "waffenruhe",
    "konferenz",
    "wahl",
    "wahlen",
)
"""The nouns that trigger at the end of a compound, in the order they are tried (one ``endswith`` over all
of them first turns away the capitalized words that end in none)."""
_DETERMINERS = C.DE_DET | C.EN_DET
_NO_SUBJECT_BEFORE = C.DE_STOP | C.EN_STOP | _PARTY_PREP | _TARGET_PREP
"""A mention after one of these words is not the clause's subject (the unions made once, not per trigger)."""


@dataclass
class _Draft:
    kind: str
    spans: list[Span]
    attendees: set[str]
    location: str | None
    date: When | None
    status: str
    confidence: float
    definite: bool
    order: int = 0
    extra: list[str] = field(default_factory=list)


def _trigger(word: str, lang: str) -> tuple[str, bool] | None:
    """(kind, is_noun) for a token, or None."""
    low = word.lower()
    if lang == "de":
        if word[:1].isupper():
            if low in _NOUNS_DE:
                return _NOUNS_DE[low], True
            if not low.endswith(_COMPOUND_ENDS):
                return None
            for noun in _COMPOUND_ENDS:
                if low.endswith(noun) and len(low) - len(noun) >= _COMPOUND_MIN - 1:
                    if noun == "wahl" and not low.endswith(("präsidentenwahl", "parlamentswahl", "-wahl")):
                        continue
                    return _NOUNS_DE[noun], True
            return None
        if low in _VERBS_DE:
            return _VERBS_DE[low], False
        return None
    if low in _NOUNS_EN:
        return _NOUNS_EN[low], True
    if low in _VERBS_EN:
        return _VERBS_EN[low], False
    return None


def _clause(doc, i: int) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Token range of the clause around token ``i``."""
    sent = doc.sentences[doc.tokens[i].sentence]
    lo, hi = sent.first, sent.last
    a = i
    while a > lo and doc.tokens[a - 1].text not in (",", ";", ":", "–"):
        a -= 1
    b = i + 1
    while b < hi and doc.tokens[b].text not in (",", ";", ":", "–"):
        b += 1
    return a, b


def _mentions_between(mentions: list[Mention], starts: list[int], start: int, end: int) -> list[Mention]:
    """The mentions within ``[start, end)``; ``mentions`` sorted by start, ``starts`` their starts (a
    bisection, not a scan of the whole text's mentions for every trigger)."""
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_right(starts, end)
    return [m for m in mentions[lo:hi] if m.span.end <= end]


def _last_person_before(doc, mentions: list[Mention], starts: list[int], offset: int) -> Mention | None:  # type: ignore[no-untyped-def]
    """The first person named in the nearest sentence before ``offset`` that names one (German and English
    name the subject first); ``mentions`` sorted by start, ``starts`` their starts (those that start after
    ``offset`` are not looked at)."""
    info = _info(doc, mentions)
    before = [
        m
        for m in mentions[: bisect.bisect_right(starts, offset)]
        if m.type == "Person" and m.span.end <= offset and info[id(m)][1] not in _PREPOSITIONS
    ]
    if not before:
        return None
    last_sent = info[id(before[-1])][0]
    same = [m for m in before if info[id(m)][0] == last_sent]
    return same[0]


_INFO: dict[int, tuple[object, object, dict[int, tuple[int | None, str]]]] = {}


def _info(doc, mentions: list[Mention]) -> dict[int, tuple[int | None, str]]:  # type: ignore[no-untyped-def]
    """Sentence index and the word before, for each mention (computed once per text)."""
    cached = _INFO.get(id(doc))
    if cached is not None and cached[0] is doc and cached[1] is mentions:
        return cached[2]
    starts = [s.start for s in doc.sentences]
    out = {}
    for m in mentions:
        k = bisect.bisect_right(starts, m.span.start) - 1
        out[id(m)] = (k if k >= 0 else None, _prev_word(doc, _first_token(doc, m), 0))
    _INFO.clear()
    _INFO[id(doc)] = (doc, mentions, out)
    return out


def _first_token(doc, m: Mention) -> int | None:  # type: ignore[no-untyped-def]
    """The index of the first token of ``m`` (None when it covers none), looked up once per mention."""
    toks = doc.tokens_in(m.span.start, m.span.end)
    return toks[0].i if toks else None


def _prev_word(doc, first: int | None, a: int) -> str:  # type: ignore[no-untyped-def]
    """The word before the mention whose first token is ``first`` (articles and "-ischen" adjectives
    skipped), not before token ``a``."""
    if first is None:
        return ""
    k = first - 1
    while k >= a and (
        doc.tokens[k].text.lower() in _DETERMINERS
        or (
            doc.tokens[k].text.endswith(("ischen", "ische", "ischer"))
            and doc.tokens[k].text.lower() not in _PREPOSITIONS
        )
    ):
        k -= 1
    return doc.tokens[k].text.lower() if k >= a else ""


def find_events(doc, mentions, published: dt.date) -> list[Event]:  # type: ignore[no-untyped-def]
    """The events ``doc`` tells of, one per event however often it is mentioned, in order of first mention."""
    mentions = sorted(mentions, key=lambda m: m.span.start)
    m_starts = [m.span.start for m in mentions]
    lows = [t.text.lower() for t in doc.tokens]  # once per text, not per clause of every trigger
    first: dict[int, int | None] = {}  # id of a mention -> its first token, once the text has a trigger
    lang = "de" if doc.lang == "de" else "en"
    text = doc.text
    drafts: list[_Draft] = []
    dates_by_sentence: dict[int, list[When]] = {}
    all_dates: list[When] | None = None
    cue_forms = C.DE_SPEECH_FORMS if lang == "de" else C.EN_SPEECH_FORMS
    for tok in doc.tokens:
        trig = _trigger(tok.text, lang)
        if trig is None:
            continue
        if (
            lang == "en"
            and tok.text.lower() == "call"
            and (tok.i == 0 or doc.tokens[tok.i - 1].text.lower() not in ("phone", "telephone", "conference"))
        ):
            continue  # "a call for ..." is not a phone call
        kind, is_noun = trig
        si = tok.sentence
        if lang == "de" and not is_noun and tok.text.lower() == "treffen":
            # the infinitive "treffen" only with a modal ("will ... treffen")
            sent = doc.sentences[si]
            if not any(
                t.text.lower() in ("will", "wollen", "soll", "sollen", "wolle", "werden", "wird")
                for t in doc.tokens[sent.first : tok.i]
            ):
                continue
        if (
            kind == "announcement"
            and not is_noun
            and lang == "de"
            and tok.text.lower() in ("kündigte", "kündigt")
        ):
            # "kündigte ... an": the particle must follow
            sent = doc.sentences[si]
            if not any(t.text == "an" for t in doc.tokens[tok.i + 1 : sent.last]):
                continue
        a, b = _clause(doc, tok.i)
        if not first:
            first = {id(m): _first_token(doc, m) for m in mentions}
        if kind in ("call", "meeting", "talks", "summit") and is_noun:
            # the whole sentence when the clause is a phrase hanging on it ("bei ihrem Treffen")
            pass
        c_start, c_end = doc.tokens[a].start, doc.tokens[b - 1].end
        sent = doc.sentences[si]
        s_start, s_end = sent.start, sent.end
        in_clause = _mentions_between(mentions, m_starts, c_start, c_end)
        words = lows[a:b]
        # the subject of a verb of saying in the clause only reports the event
        reporters: set[str] = set()
        if kind not in ("announcement",):
            for k in range(a, b):
                if _reporting_verb(doc, lows, k, b, cue_forms):
                    before = [
                        m
                        for m in in_clause
                        if m.span.end <= doc.tokens[k].start
                        and _prev_word(doc, first[id(m)], a) not in _PREPOSITIONS
                    ]
                    if before:
                        reporters.add(before[0].key)
                    break
        attendees: set[str] = set()
        subject: str | None = None
        # pronoun or possessive subject
        for k in range(a, b):
            w = lows[k]
            if w in (
                "er",
                "sie",
                "he",
                "she",
                "seinem",
                "seinen",
                "seiner",
                "ihrem",
                "ihren",
                "ihrer",
                "his",
                "her",
                "their",
            ):
                if (
                    w in ("ihrem", "ihren", "ihrer", "their")
                    and len([m for m in in_clause if m.type == "Person"]) >= 2
                ):
                    break  # "Putin und Trump bei ihrem Treffen": they are named already
                pm = _last_person_before(doc, mentions, m_starts, doc.tokens[k].start)
                if pm is not None:
                    subject = subject or pm.key
                    if k < tok.i or kind not in _SUBJECT_ONLY:
                        attendees.add(pm.key)
                break
        firsts = [m for m in in_clause if m.type in ("Person", "Organization", "Place")]
        if firsts and subject is None:
            m0 = firsts[0]
            if _prev_word(doc, first[id(m0)], a) not in _NO_SUBJECT_BEFORE:
                subject = m0.key
        if kind in _NO_ATTENDEES:
            attendees = set()
        elif kind in _SUBJECT_ONLY:
            attendees = {subject} if subject else set()
        else:
            for m in in_clause:
                prev = _prev_word(doc, first[id(m)], a)
                if m.key in reporters:
                    continue
                if prev in _TARGET_PREP and kind in _ACTOR_ONLY:
                    continue
                if prev in _PARTY_PREP or (prev in ("und", "and") and any(p in words for p in _PARTY_PREP)):
                    attendees.add(m.key)
                    continue
                if kind in _ACTOR_ONLY:
                    if m.type in ("Organization", "Person") or m.key == subject:
                        attendees.add(m.key)
                    continue
                if m.type == "Person":
                    attendees.add(m.key)
        # place
        location = None
        for m in in_clause:
            if (
                m.type == "Place"
                and _prev_word(doc, first[id(m)], a) in _PLACE_PREP
                and m.key not in attendees
            ):
                location = m.key
        # date
        if not dates_by_sentence and all_dates is None:
            all_dates = find_dates(text, published)
            for w in all_dates:
                k = doc.sentence_of(w.span.start)
                dates_by_sentence.setdefault(-1 if k is None else k, []).append(w)
        in_sentence = [w for w in dates_by_sentence.get(si, []) if s_start <= w.span.start < s_end]
        dates = [w for w in in_sentence if c_start <= w.span.start < c_end] or in_sentence
        date = min(dates, key=lambda w: abs(w.span.start - tok.start)) if dates else None
        # status
        clause_text = text[c_start:c_end].lower()
        sent_words = set(lows[sent.first : sent.last])
        planned_words = _PLANNED_DE if lang == "de" else _PLANNED_EN
        status = "happened"
        if date is not None and first_day(date) > published:
            status = "planned"
        elif date is not None and last_day(date) < published:
            status = "happened"
        elif (
            set(words) & planned_words
            or (sent_words & {"will", "soll", "sollen", "wollen"})
            or (FUTURE_MARKERS.search(clause_text) and lang == "en")
        ):
            status = "planned"
        if date is not None and date.precision == "window" and first_day(date) >= published:
            status = "planned"
        definite = (tok.i > 0 and doc.tokens[tok.i - 1].text.lower() in _DEFINITE) or (
            tok.i > 1 and doc.tokens[tok.i - 2].text.lower() in _DEFINITE
        )
        conf = 0.55 + 0.1 * bool(attendees) + 0.05 * bool(date) + 0.05 * bool(location)
        drafts.append(
            _Draft(
                kind, [Span(tok.start, tok.end)], attendees, location, date, status, round(conf, 2), definite
            )
        )
    return [_event(d) for d in _merge(drafts)]


def _compatible_dates(a: When | None, b: When | None) -> bool:
    if a is None or b is None:
        return True
    return not (last_day(a) < first_day(b) or last_day(b) < first_day(a))


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    out: list[_Draft] = []
    for d in drafts:
        fam = _FAMILY.get(d.kind, d.kind)
        target = None
        for e in reversed(out):
            if _FAMILY.get(e.kind, e.kind) != fam:
                continue
            if d.location and e.location and d.location != e.location:
                continue
            if not _compatible_dates(d.date, e.date):
                continue
            same = d.attendees == e.attendees and bool(d.attendees)
            sub = (
                bool(d.attendees)
                and bool(e.attendees)
                and (d.attendees <= e.attendees or e.attendees <= d.attendees)
            )
            sub = sub and (d.definite or (d.location is not None and d.location == e.location))
            empty = (not d.attendees or not e.attendees) and d.definite
            if d.spans[0].start - e.spans[-1].end < 400 and not d.attendees and not e.attendees:
                empty = True  # two mentions with nobody named, close together
            if same or sub or empty:
                target = e
                break
        if target is None:
            out.append(d)
            continue
        target.spans.append(d.spans[0])
        if len(d.attendees) > len(target.attendees) and target.attendees <= d.attendees:
            target.attendees = d.attendees
        target.location = target.location or d.location
        target.date = target.date or d.date
        if d.kind == "summit" and target.kind in ("meeting", "talks"):
            target.kind = "summit"
        if d.status == "planned" and target.status == "happened" and d.date is None and target.date is None:
            target.status = "planned"
        target.confidence = round(min(0.9, target.confidence + 0.05), 2)
    return out


def _event(d: _Draft) -> Event:
    return Event(
        d.kind, tuple(d.spans), tuple(sorted(d.attendees)), d.location, d.date, d.status, d.confidence
    )
