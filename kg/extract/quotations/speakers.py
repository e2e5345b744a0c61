"""From a noun phrase to a speaker: its words widened as SpkAtt-2023 marks sources, the entity it names, a
pronoun resolved to the last speaker whose gender fits, and the holder of a view ("für X", "aus Sicht von X").
"""

from __future__ import annotations

from kg.extract import cues as C
from kg.extract.lexicon import ORG_WORDS, is_role_noun
from kg.extract.quotations.marks import _MARKS
from kg.extract.quotations.phrases import _COMPOUND_NOUN, _als_auch, _en_both_and, _np_backward, _np_forward
from kg.extract.quotations.saying import _is_cue
from kg.extract.quotations.state import (
    _in_quote,
    _is_adj,
    _is_cap,
    _mention_in,
    _person_gender,
    _person_starts,
    _State,
    _Tok,
    _tok_at,
)
from kg.extract.quotations.words import (
    _AGENCIES,
    _COPULA,
    _FOCUS,
    _GENITIVE,
    _HEISST_PREP,
    _MEDIA_NOUN,
    _OBLIQUE_OPENERS,
    _PREPOSITIONS,
    _RELATIVE,
    _VIEW_OPENERS,
)
from kg.extract.types import Speaker
from kg.model import Span

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
        g = _person_gender(st, last.key)
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
        and not (want in ("m", "f") and (_person_gender(st, m.key) or want) != want)
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


def _en_age(st: _State, k: int, m: int) -> bool:
    """Whether the English words ``[k, m)`` between commas after a name are an age alone ("Jane Doe, 82,
    said"): news gives it as an apposition of the name, and PolNeAR counts it in the source."""
    t = st.toks[k]
    return m == k + 1 and t.text.isdigit() and len(t.text) <= 3


def _en_abbreviation_stop(st: _State, m: int, hi: int) -> bool:
    """Whether the stop at token ``m`` ends an abbreviation inside an English sentence: glued to the word
    before it, with a comma after it ("D-Mont.,"), so it ends no sentence and belongs to the phrase."""
    toks = st.toks
    return (
        m + 1 < hi
        and toks[m].text == "."
        and toks[m].start == toks[m - 1].end
        and toks[m + 1].text == ","
        and _is_cap(toks[m - 1])
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
    if st.lang == "en" and m < hi and _is_cue(st, toks[m]):
        return None  # "According to Yahoo News, Clinton spokesman X said": the subject of the verb after it
    if toks[k].low in _NP_OPENERS_NOT or toks[k].text in _APPOSITION_PUNCT:
        return None  # ", zum Ausdruck:" is no apposition
    if st.lang == "en" and toks[k].text.islower() and toks[k].low.endswith("ing"):
        return None  # ", speaking to reporters in Ohio," is a clause
    if st.lang == "en" and toks[k].low in ("like", "unlike"):
        return None  # ", like Obama," compares the speaker with someone, no apposition
    if st.lang == "en" and _en_age(st, k, m):
        return m  # "Jane Doe, 82, said"
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
    if st.lang == "en" and _en_abbreviation_stop(st, m, hi):
        return m + 1  # "Sen. Jane Doe, D-Mont., said": the stop of the state's abbreviation
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


def _in_als_auch(st: _State, k: int) -> bool:
    """Token ``k`` is a word of the "als auch" of "sowohl A als auch B"."""
    return _als_auch(st, k) or (k > 0 and _als_auch(st, k - 1))


def _prefield(st: _State, a: int, lo: int) -> int | None:
    """Where the German prefield begins when the phrase at ``a`` is its end and the whole of it is one noun
    phrase (before the finite verb of a main clause stands one constituent: "Renate Künast,
    Fraktionschefin von Bündnis 90/Die Grünen, kritisierte"), or None."""
    if st.lang != "de":
        return None
    toks = st.toks
    s_lo = max(lo, st.sents[toks[a].sent][0])
    focus = toks[s_lo].low in _FOCUS or toks[s_lo].low == "sowohl"  # "Sowohl X als auch Y": the pair speaks
    article = s_lo + 1 if focus else s_lo
    opener = toks[article].low
    if a > article and opener in C.DE_DET and opener not in _OBLIQUE_OPENERS | _GENITIVE:
        np_ = _np_forward(st, article, st.sents[toks[a].sent][1])
        if np_ is not None and np_[1] > a and toks[article + 1].text[:1].islower():
            return article  # "Der sichtlich bewegte Trainer X sagte": an extended attribute after the article
    k = a - 1
    while (
        k >= s_lo
        and (_np_word(st, toks[k]) or toks[k].text == "," or toks[k].low in C.DE_DET or _in_als_auch(st, k))
        and not (k == s_lo and focus)
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
        or (first - 1 == s_lo and focus)
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
    role, a body or a group of people ("Die Ministerin", "Das Gericht", "Eine ultranationalistische
    Organisation", "Viele Anwohner")."""
    if sp.key is not None or sp.text.lower() in C.DE_PRONOUNS:
        return True
    return _headed_by_someone(_head_words(sp.text.split()))


def _headed_by_someone(words: list[str]) -> bool:
    """The words up to a phrase's head end in a role, a body or a group of people, and are few."""
    head = words[-1] if words else ""
    return len(words) <= 4 and (is_role_noun(head) or head in ORG_WORDS or _group(words))


_ATTRIBUTE_OPENERS = _GENITIVE | _PREPOSITIONS | {"der", "am", "im", "in", "an", "auf"}
"""Words that open the attribute after a German phrase's head ("des Unternehmens", "von X", "am Gericht")."""


def _head_words(words: list[str]) -> list[str]:
    """The words of a German phrase up to its head noun, without the attribute after it: "ein Sprecher | des
    Unternehmens", "Die Entscheidung | der Polizei" (a thing, though a body follows), "Ein Kommissar | nach
    der Festnahme", "Der Chef |, ein …"."""
    for k, w in enumerate(words):
        if k > 0 and (w.lower() in _ATTRIBUTE_OPENERS or w.startswith("(")):
            return words[:k]
        if w.endswith(","):
            return [*words[:k], w[:-1]]
    return words


_SINGULAR_ARTICLES = {"der", "ein", "eine", "einer", "eines", "einem", "einen", "dem", "des"}


def _group(words: list[str]) -> bool:
    """The words up to a head name a group of people, in the plural ("Die Anwohner", "Viele Ökonomen"): one
    of them ("der Gegner") is no more than anyone in the story."""
    return C.DE_PEOPLE_NOUN.search(words[-1]) is not None and words[0].lower() not in _SINGULAR_ARTICLES


def _of_someone(st: _State, sp: Speaker) -> bool:
    """The German phrase names someone only in an attribute of a thing at its head ("Der Vorschlag von X",
    "Die Kritik der Grünen"): it is about the thing, not about one who may speak."""
    words = _head_words(sp.text.split())
    if sp.key is None or sp.span is None or len(words) < 2 or _headed_by_someone(words):
        return False
    head_end = sp.span.start + len(" ".join(words))
    return not any(m.span.start < head_end for m in _mention_in(st, sp.span.start, sp.span.end))


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
