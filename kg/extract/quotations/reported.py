"""Indirect and reported speech: clauses after a verb of saying, "laut X", Konjunktiv sentences that carry a
speaker forward, and the English attributions as PolNeAR marks them.
"""

from __future__ import annotations

from kg.extract import cues as C
from kg.extract.quotations.marks import _MARKS, _WORDS
from kg.extract.quotations.phrases import (
    _EN_FINITE_TAGS,
    _EN_VERBS,
    _FINITE_TAGS,
    _clause_final,
    _en_apposed_subject,
    _en_asked_first,
    _en_bare_subject,
    _en_clause_subject,
    _en_noun_word,
    _np_backward,
    _np_forward,
    _tagged_alone,
)
from kg.extract.quotations.saying import _CLAUSE_ENDS, _cue_ok, _cue_span, _is_cue, _relative_close
from kg.extract.quotations.speakers import (
    _RELATIVE,
    _apposition_end,
    _paper,
    _resolve_pronoun,
    _speaker_from_np,
)
from kg.extract.quotations.state import _in_quote, _is_adj, _is_cap, _mention_in, _State, _Tok, _tok_at
from kg.extract.quotations.subject import (
    _aux_before,
    _conjunct_end,
    _en_before_auxiliaries,
    _en_passive,
    _en_subject,
    _inverted_subject,
    _remember,
    _someone,
    _subject_of,
)
from kg.extract.quotations.words import _EN_PLURAL_QUANTIFIERS, _MIDDLE_PREPOSITIONS, _PREPOSITIONS
from kg.extract.types import Quotation, Speaker
from kg.model import Span


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
        or (_is_cap(after) and _relative_close(st, k, s_hi) is None)  # "…, die Anna Berger erhoben hatte,"
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
        if not de and c - 2 >= lo and (toks[c - 1].text[:1].isalpha() or toks[c - 1].text == ","):
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
        if not de and clause_start is None:
            x = _en_addressee_end(st, c, hi)
            if x > c + 1 and _en_clause_opens(st, x, hi):
                clause_start = x  # "told reporters Monday he would run"
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
            np_ = None if _en_passive(st, c, lo) else _en_subject(st, c, lo)
            if np_ is None:
                continue  # "The plan is believed to have failed": a passive names no source
            a, b = np_
            if not (
                _is_cap(toks[a]) or toks[a].low in C.EN_PRONOUNS or toks[a].low in C.EN_DET | {"who", "which"}
            ):
                continue
            if c + 1 >= hi or toks[c + 1].text in (",", ".", ":", ";"):
                continue
            if _en_frames_quote(st, c, lo) or _en_noun(st, c) or _en_tells_quote(st, c, hi):
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


_EN_TELLING = {"tell", "warn", "promise"}
"""English verbs of saying that name whom they address before what they report ("told reporters he would
run", "warned voters the plan would fail")."""


_EN_OBJECT_PRONOUNS = {"him", "her", "them", "us", "me", "you"}


def _en_addressee_end(st: _State, c: int, hi: int) -> int:
    """The token after whom the English verb of telling at ``c`` addresses, with a day or time after it
    ("told reporters Monday", "told the AP on Friday", "told CNN's Jane Doe"); ``c + 1`` when no one is, or
    when the verb is the base form (an imperative, "Now tell us this is fair", or an infinitive)."""
    toks = st.toks
    if C.EN_SPEECH_FORMS.get(toks[c].low) not in _EN_TELLING or toks[c].low in _EN_TELLING:
        return c + 1
    k = c + 1 + (c + 1 < hi and toks[c + 1].low in ("the", "a", "an"))
    start = k
    if k < hi and (toks[k].low in _EN_OBJECT_PRONOUNS | {"reporters"} or _en_common_noun(toks[k])):
        k += 1  # "told him", "told reporters", "told the crowd"
    else:
        while k < hi and k - c <= 6 and (_is_cap(toks[k]) or (k > start and toks[k].low in ("'s", "’s"))):
            k += 1  # "told CNN's Jane Doe"
    if k == start:
        return c + 1
    if k < hi and toks[k].low in C.EN_WEEKDAYS | {"yesterday", "today"}:
        k += 1
    elif k + 1 < hi and toks[k].low == "on" and toks[k + 1].low in C.EN_WEEKDAYS:
        k += 2
    return k


def _en_common_noun(t: _Tok) -> bool:
    """Whether the English token is a common noun by its form (lower case, no function word, no verb form)."""
    return t.text.islower() and _en_noun_word(t) and t.low not in C.EN_DET and t.low not in C.EN_PRONOUNS


def _en_clause_opens(st: _State, k: int, hi: int) -> bool:
    """Whether a reported clause without "that" opens at the English token ``k``: a subject pronoun ("he
    would run"), a bare noun with its verb, or an article whose phrase a finite verb follows ("the
    president was fine")."""
    toks = st.toks
    if k >= hi:
        return False
    if toks[k].low in C.EN_PRONOUNS:
        return _en_clause_subject(st, k)
    if _en_bare_subject(st, k, hi):
        return True
    if toks[k].low not in C.EN_DET:
        return False
    doc = st.doc
    for j in range(k + 1, min(hi, k + 5)):
        if toks[j].text in _CLAUSE_ENDS:
            return False
        if toks[j].low in _EN_VERBS or (doc is not None and doc.pos(j) in _EN_FINITE_TAGS):  # type: ignore[attr-defined]
            return j > k + 1
    return False


def _en_tells_quote(st: _State, c: int, hi: int) -> bool:
    """Whether the English verb at ``c`` tells a quotation after a colon ("The governor told supporters:
    “…”"): the words before the colon are whom it was said to, the quotation is the message."""
    toks = st.toks
    if toks[c].low not in C.EN_SPEECH_FORMS:
        return False  # "praised the workers: “…”" reports an act of its own
    colon = next((k for k in range(c + 1, min(hi - 2, c + 8)) if toks[k].text in (":", ".", ";")), None)
    return colon is not None and toks[colon].text == ":" and _in_quote(st, toks[colon + 2])


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
    k = _en_addressee_end(st, c, hi)  # whom it was told to: "X told CNN"
    # a short adverbial after the verb: "said in an interview", "said Thursday"
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
