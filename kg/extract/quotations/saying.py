"""Verbs of saying as the rules meet them in a sentence: whether a token is a cue (with its particle or its
"sich"), and the span a cue covers.
"""

from __future__ import annotations

from kg.extract import cues as C
from kg.extract.quotations.marks import _MARKS
from kg.extract.quotations.state import _is_adj, _is_cap, _State, _Tok
from kg.extract.quotations.words import _PREPOSITIONS, _RELATIVE
from kg.model import Span


def _is_cue(st: _State, tok: _Tok) -> bool:
    if st.lang == "de":
        low = tok.low  # (most words are neither: no call for them)
        return (
            low in C.DE_SPEECH_FORMS
            or (low in C.DE_REFLEXIVE_SPEECH and _reflexive_cue(st, tok))
            or (low in C.DE_OPINION_COPULA and _opinion_cue(st, tok))
        ) and tok.text[:1].islower()
    # lower case, or the first word of a sentence ("Says ..."); "the United States" is no verb
    return (
        tok.low in C.EN_SPEECH_FORMS
        and (tok.text[:1].islower() or tok.i == st.sents[tok.sent][0] or _en_headline(st, tok.sent))
        and not _en_base_not_finite(st, tok)
    )


_EN_CAUSATIVES = {"help", "helps", "helped", "helping", "let", "lets", "make", "makes", "made", "making"}
"""English verbs with an object and a bare infinitive after it ("help people understand", "made him say")."""


_EN_MODALS = {"will", "would", "could", "should", "can", "may", "might", "must", "do", "did", "not", "n't"}
"""Words after which an English base form is a verb ("would claim", "did not report")."""


def _en_verb_before(st: _State, tok: _Tok) -> bool:
    """Whether the word before an English base form makes it a verb: a pronoun, a modal or "not", a plural
    noun in lower case, or a plural that opens the sentence ("Polls show", "Critics claim")."""
    if tok.i == 0:
        return False
    before = st.toks[tok.i - 1]
    if before.low in C.EN_PRONOUNS or before.low in _EN_MODALS:
        return True
    plural = before.low.endswith("s") and before.text.isalpha()
    return plural and (before.text.islower() or before.i == st.sents[before.sent][0])


def _en_base_not_finite(st: _State, tok: _Tok) -> bool:
    """Whether the English base form of a verb of saying is no verb of its clause: an infinitive after "to"
    or after a singular name, with which it does not agree ("wants to deny that", "helps Mr. Putin maintain
    the image"; the phrase before is no subject), a noun ("think tank", and where the tagger reads a noun: "a
    Times report that") or a verb with "so" after it ("does not think so"); in the plural present it is one
    ("Experts warn that"), and after a modal ("would argue")."""
    if C.EN_SPEECH_FORMS[tok.low].rstrip("_") != tok.low or tok.low in ("say", "tell", "add"):
        return False
    toks = st.toks
    before = toks[tok.i - 1] if tok.i > 0 else None
    after = toks[tok.i + 1].low if tok.i + 1 < len(toks) else ""
    if after in ("tank", "tanks", "so") or (before is not None and before.low == "to"):
        return True
    if tok.low in C.EN_NOUN_LIKE_BASE and not _en_verb_before(st, tok):
        return True  # "a New York Times report that", "the Apple Music show"
    if any(t.low in _EN_CAUSATIVES for t in toks[max(0, tok.i - 3) : tok.i]):
        return True  # "to help people understand the past": an infinitive after the object
    doc = st.doc
    if doc is None or not hasattr(doc, "pos"):
        return False
    if doc.pos(tok.i).startswith(("NN", "AJ")):  # type: ignore[attr-defined]
        return True  # "the reality show", "a Times report that"
    return before is not None and not before.low.endswith("s") and doc.pos(before.i) == "NP0"  # type: ignore[attr-defined]


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


def _opinion_cue(st: _State, tok: _Tok) -> bool:
    """A form of "sein" with an opinion ending its clause ("ist der Meinung, dass …", "sind der festen
    Überzeugung, …", "war davon überzeugt, dass …"): it says what the clause after it holds; the noun in the
    genitive, so "Das ist die Meinung, die …" says nothing."""
    hi = st.sents[tok.sent][1]
    span = _cue_span(st, tok.i, hi)
    if span.end == tok.end:
        return False
    k = next(x for x in range(tok.i + 1, hi) if st.toks[x].end == span.end)
    if st.toks[k].low == "überzeugt":
        return True
    j = k - 1
    while j > tok.i and _is_adj(st.toks[j], "de"):
        j -= 1  # "der festen Überzeugung"
    return st.toks[j].low == "der"


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
            k = c + 1
            while k < min(hi, c + 20):
                if st.toks[k].text == "," and (close := _relative_close(st, k, hi)) is not None:
                    k = close + 1  # "wies die Vorwürfe, die X erhoben hatte, zurück"
                    continue
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
                k += 1
    return Span(tok.start, tok.end)


def _relative_close(st: _State, k: int, hi: int) -> int | None:
    """The comma that closes a relative clause the comma at token ``k`` opens in the middle of a clause (",
    die X erhoben hatte,", ", mit dem …,"), after which a separable verb's particle may still come; None
    when no relative clause opens there (its finite verb stands last: ", die Vorwürfe der Opposition," is an
    apposition, ", die Tore zu öffnen," an infinitive) or it ends the sentence."""
    toks, doc = st.toks, st.doc
    m = k + 2 if k + 2 < hi and toks[k + 1].low in _PREPOSITIONS and toks[k + 2].low in _RELATIVE else k + 1
    if m + 1 >= hi or toks[m].low not in _RELATIVE or doc is None or not hasattr(doc, "pos"):
        return None
    end = next((x for x in range(m + 1, hi) if toks[x].text in _CLAUSE_ENDS), hi)
    verb_last = doc.pos(end - 1).endswith("FIN")  # type: ignore[attr-defined]
    return end if end < hi and toks[end].text == "," and verb_last else None


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


def _en_particle_no_speech(st: _State, c: int, hi: int) -> bool:
    """Whether a particle right after the English verb at ``c`` makes it a verb of no speech ("showed up",
    "called off the rally")."""
    particles = C.EN_NO_SPEECH_PARTICLES.get(C.EN_SPEECH_FORMS.get(st.toks[c].low, st.toks[c].low), set())
    return c + 1 < hi and st.toks[c + 1].low in particles
