"""The subject of a verb of saying: after an inverted German verb past adverbials and objects, before it
otherwise, in a passive or a verb-final clause, and the English subject with its auxiliaries.
"""

from __future__ import annotations

import re

from kg.extract import cues as C
from kg.extract.lexicon import ORG_WORDS, first_names, is_role_noun
from kg.extract.quotations.marks import _MARKS
from kg.extract.quotations.phrases import (
    _COMPOUND_NOUN,
    _EN_CLAUSE_OPENERS,
    _FINITE_TAGS,
    _TEMPORAL,
    _als_auch,
    _clause_final,
    _clause_initial,
    _en_pair,
    _en_relative_pronoun,
    _en_relative_speaks,
    _hyphen_in_word,
    _named,
    _np_backward,
    _np_forward,
    _opens_quote,
    _route,
    _tagged_alone,
)
from kg.extract.quotations.saying import _CLAUSE_ENDS, _ends_clause
from kg.extract.quotations.speakers import (
    _FEMININE_ENDINGS,
    _RELATIVE,
    _SUBORDINATORS,
    _before_relative,
    _heisst_es,
    _names_someone,
    _nearest_mention_speaker,
    _paper,
    _prefield,
    _relative_opening,
    _resolve_pronoun,
    _speaker_from_np,
)
from kg.extract.quotations.state import _in_quote, _is_adj, _is_cap, _mention_in, _person_starts, _State, _Tok
from kg.extract.quotations.words import (
    _AGENCIES,
    _AUX,
    _EN_AUXILIARIES,
    _EN_PLURAL_QUANTIFIERS,
    _FOCUS,
    _GENITIVE,
    _GENITIVE_DATIVE_FEMININE,
    _JUDGING_PARTICIPLES,
    _MIDDLE_PREPOSITIONS,
    _OBJECT_PERSONAL,
    _OBLIQUE_OPENERS,
)
from kg.extract.types import Speaker
from kg.extract.when import MONTHS
from kg.model import Span


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


_FEMININE_NOUN = re.compile(r"(ung|heit|keit|schaft|tion|sion|tät|ei|ur|ik|enz|anz|ie)$")
"""Endings of feminine German nouns ("Zeitung", "Nachrichtenagentur", "Polizei", "Partei")."""


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
    if any(t.low in ("und", "sowie", "oder", ",") or _als_auch(st, t.i) for t in toks[a:b]):
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
            or t.low in ("sich", "sowohl", *_OBJECT_PRONOUNS)  # "sagten sowohl X als auch Y": the pair
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
    the one :func:`_speaker_from_np` picks, as before the verb); so does "als auch" after "sowohl" ("sagten
    sowohl die Ministerin als auch der Bürgermeister"). The second phrase must end the clause (or
    stand before an adverbial or the participle of saying); else "und" joins clauses ("sagte die Ministerin
    und der Bürgermeister nickte", "sagte Meier und fügte hinzu") and ``b`` stays the end."""
    toks = st.toks
    joined = 2 if _als_auch(st, b) else 1 if b < hi and toks[b].low in ("und", "sowie") else 0
    if not joined or b + joined >= hi:
        return b
    second = _np_forward(st, b + joined, hi)
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
    if lang == "en" and _en_passive(st, c, lo):
        agent = _en_agent(st, c, hi)  # "It is believed that …", "was first reported by The Hill"
        return (_speaker_from_np(st, *agent), 0.6) if agent is not None else (None, 0.0)
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


_EN_BE = {"is", "are", "was", "were", "be", "been", "being"}
"""Forms of "be" before an English participle of saying that make it passive (not "'s": "He's said" has)."""


def _en_passive(st: _State, c: int, lo: int) -> bool:
    """Whether the English verb of saying at ``c`` is a participle under a form of "be" ("It is believed
    that", "The veto is expected to", "was first reported by"): its subject is what was said or whom it was
    said to, not the source."""
    toks = st.toks
    if not toks[c].text.islower() or toks[c].low.endswith(("s", "ing")):
        return False
    k = c - 1
    while k > lo and (toks[k].low in ("also", "not", "first", "long") or toks[k].low.endswith("ly")):
        k -= 1
    return k >= lo and toks[k].low in _EN_BE


def _en_agent(st: _State, c: int, hi: int) -> tuple[int, int] | None:
    """The agent after "by" that follows the English passive verb at ``c`` in its clause ("was reported by
    The Hill"), or None."""
    toks = st.toks
    for k in range(c + 1, min(hi, c + 4)):
        if toks[k].text in _CLAUSE_ENDS:
            return None
        if toks[k].low == "by":
            return _np_forward(st, k + 1, hi)
    return None


_EN_PART_WORDS = _EN_PLURAL_QUANTIFIERS | {"none", "each", "one", "two", "half"}


def _en_part_of_whom(st: _State, j: int, lo: int) -> bool:
    """Whether the English words before token ``j`` are a quantifier, "of" and a relative pronoun ("many of
    whom", "some of which"), the subject of the relative clause that follows."""
    toks = st.toks
    return (
        j - 3 > lo
        and toks[j - 1].low in ("whom", "which")
        and toks[j - 2].low == "of"
        and toks[j - 3].low in _EN_PART_WORDS
    )


def _en_quantifier(st: _State, a: int, b: int) -> bool:
    """Whether the English phrase ``[a, b)`` is a quantifier alone ("Many say", "Some argued", "Each said"),
    which stands for people as a pronoun does."""
    return b - a == 1 and st.toks[a].low in _EN_PLURAL_QUANTIFIERS | {"each"}


def _en_subject(st: _State, c: int, lo: int) -> tuple[int, int] | None:
    """The subject of the English verb at ``c``: the phrase before it (auxiliaries and adverbs between), or,
    when a comma stands before the verb, the phrase that opens the sentence with its apposition, relative
    clause or a parenthetical after it ("X, a lawyer, said", "X, who runs …, said", "X, speaking to …,
    said")."""
    j = _en_before_auxiliaries(st, c, lo)
    if j - 1 > lo and st.toks[j - 1].low in ("who", "which"):
        return (j - 1, j)  # "…, who said": the relative pronoun, as PolNeAR marks it
    if _en_part_of_whom(st, j, lo):
        return (j - 3, j)  # "voters, most of whom said": the part of those the relative stands for
    if j - 1 > lo and st.toks[j - 1].low in ("and", "but"):
        return _np_forward(st, lo, j - 1)  # "X is bearish on loans and expects …": the subject of the clause
    if j - 1 > lo and st.toks[j - 1].text == ",":
        np_ = _np_forward(st, lo, j)
        if np_ is not None and np_[1] <= j - 1 and st.toks[np_[1]].text == ",":
            return np_
    np_ = _np_backward(st, j, lo)
    if (np_ is None or not _clause_initial(st, np_[0], lo)) and (rel := _en_restrictive(st, j, lo)):
        return rel
    return (_en_after_object(st, *np_), np_[1]) if np_ is not None else None


def _en_restrictive(st: _State, j: int, lo: int) -> tuple[int, int] | None:
    """The English subject that opens the sentence with a restrictive relative clause, when the verb
    follows that clause at ``j`` ("A study that appeared in the journal found", "Leaders who opposed the
    plan warned"): the phrase with the clause, as PolNeAR marks it; None when the clause tells speech of its
    own or a comma stands in it."""
    toks = st.toks
    s_lo = st.sents[toks[j].sent][0]
    if s_lo < lo:
        return None
    np_ = _np_forward(st, _after_dateline(st, s_lo, j), j)
    if np_ is None or np_[1] >= j - 1 or toks[np_[1]].low not in ("who", "that", "which"):
        return None
    if any(toks[x].text in _CLAUSE_ENDS or _in_quote(st, toks[x]) for x in range(np_[1], j)):
        return None
    if _en_relative_speaks(st, np_[1], j):
        return None
    return (np_[0], j)


_EN_OBJECT_PREPOSITIONS = {"with", "to", "at", "in", "on", "of", "for", "from", "by", "during", "after"}
"""Prepositions whose object a fronted English adverbial may run into the subject ("with CNN Jane Doe")."""


def _en_after_object(st: _State, a: int, b: int) -> int:
    """Where the English subject begins inside the phrase ``[a, b)`` that a preposition governs, when a
    fronted adverbial runs into it without a comma ("In an interview with CNN Jane Doe said", "In a meeting
    with the Washington Post Trump said"): at a given name before another name, or after the name of a
    body or an acronym ("Post", "CNN"); ``a`` when the phrase follows no preposition or has no such seam."""
    toks = st.toks
    if a == 0 or toks[a - 1].low not in _EN_OBJECT_PREPOSITIONS:
        return a
    for k in range(a + 1, b - 1):
        nxt = toks[k + 1]
        if toks[k].text in first_names() and _is_cap(nxt) and nxt.text not in ORG_WORDS:
            return k  # "CNN | Jane Doe"
    for k in range(b - 1, a, -1):
        prev = toks[k - 1]
        body = prev.text in ORG_WORDS or (prev.text.isalpha() and prev.text.isupper() and len(prev.text) > 1)
        if body and _is_cap(toks[k]) and toks[k].text not in ORG_WORDS and not toks[k].text.isupper():
            return k  # "the Washington Post | Trump"
    return a
