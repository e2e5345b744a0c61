"""Direct speech: a quotation's speaker from its own sentence, or carried from the sentences around it."""

from __future__ import annotations

from kg.extract import cues as C
from kg.extract.lexicon import is_role_noun
from kg.extract.quotations.marks import _MARKS, _WORDS
from kg.extract.quotations.phrases import _COMPOUND_NOUN, _EN_CLAUSE_OPENERS, _np_backward, _np_forward
from kg.extract.quotations.saying import _cue_ok, _cue_span, _is_cue
from kg.extract.quotations.speakers import (
    _fuer_view,
    _gender_of_np,
    _names_someone,
    _nearest_mention_speaker,
    _of_someone,
    _speaker_from_np,
    _widen,
    _widened,
)
from kg.extract.quotations.speech import _naming_verb
from kg.extract.quotations.state import (
    _in_quote,
    _is_adj,
    _is_cap,
    _mention_in,
    _person_gender,
    _State,
    _tok_at,
)
from kg.extract.quotations.subject import (
    _aux_before,
    _conjunct_end,
    _first_finite,
    _inverted_subject,
    _konjunktiv,
    _object_before_name,
    _passive_clause,
    _remember,
    _sentence_subject,
    _subject_of,
    _verb_final_subject,
)
from kg.extract.quotations.words import _FOCUS, _PREPOSITIONS
from kg.extract.types import Quotation, Speaker
from kg.model import Span

_GOES_ON = {"de": 2, "en": 3}
"""How many sentences back a quotation with no speaker of its own that stands alone looks for the one it goes
on with (step 5; in German sentences whose subject refers back to that one do not count): German news names
the speaker again sooner (SpkAtt-2023 tuning half: 2 and 3 the same, 4 worse; one sentence for a quotation
inside a sentence of other words, where 2 gave one wrong speaker)."""


MIN_WORDS_SUBJECT = 6
"""A quotation of fewer words, in a sentence without a verb of saying, takes no speaker from the sentence's
subject or from the sentences before: on the tuning half of SpkAtt-2023 none of the 19 speakers so found
was the gold one (such passages are terms and fragments: eine „virtuelle Bombe“)."""


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
    a feminine role noun ("Die Ministerin"), else its person's given name ("Klaus Weber"), else the article
    of a role in the singular ("Der Minister")."""
    if sp.key is not None and st.gender.get(sp.key):
        return st.gender[sp.key]
    named = _person_gender(st, sp.key)
    words = sp.text.split()
    if len(words) == 1:
        return C.DE_PRONOUNS.get(words[0].lower(), "") or named
    a = _tok_at(st, sp.span.start) if sp.span is not None else None
    z = _tok_at(st, sp.span.end - 1) if sp.span is not None else None
    if a is None or z is None:
        return named
    return _gender_of_np(st, a, z + 1) or named or {"der": "m", "die": "f"}.get(words[0].lower(), "")


def _may_be(st: _State, back: Speaker, found: Speaker) -> bool:
    """The phrase that referred back may stand for ``found``: its gender does not differ ("„A“, sagte
    Ministerin X. Der Minister wirkte müde." names a second one). Whom a pronoun was resolved to does not
    count: that prefers the last speaker, where German refers to the subject just named ("Y wirkte müde. Er
    sah das anders.": Y)."""
    genders = {_phrase_gender(st, back), _phrase_gender(st, found)} - {""}
    return len(genders) < 2


def _opening_subject(st: _State, si: int, end: int) -> Speaker | None:
    """The phrase that opens sentence ``si`` (after a focus word or "sowohl"), right before its finite verb
    ("Auch der Sprecher der Stadtwerke zeigte sich enttäuscht", "X und Y traten vor die Presse", "Sowohl X
    als auch Y traten …"): the subject, where the tagged phrase finds none."""
    lo = st.sents[si][0]
    if st.lang != "de":
        return None
    np_ = _np_forward(st, lo + 1 if st.toks[lo].low in _FOCUS or st.toks[lo].low == "sowohl" else lo, end)
    v = _first_finite(st, si)
    if np_ is None or v is None:
        return None
    np_ = (np_[0], _conjunct_end(st, *np_, end, v))
    return _speaker_from_np(st, *np_) if v == np_[1] else None


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


_ASKING = {"fragte", "fragten", "fragt", "befragte", "befragten", "befragt"}


def _asked(st: _State, si: int) -> Speaker | None:
    """Whom sentence ``si`` asks when its subject opens it ("Reporter fragten X nach seinen Plänen.", "Die
    Polizei befragte Zeugen."): the one who answers in a quotation after it (the verb found by its form
    after that subject: the tagger may read "befragte" as an adjective)."""
    lo, hi = st.sents[si]
    subject = _np_forward(st, lo, hi)
    v = subject[1] if subject is not None and subject[0] == lo else hi
    if v >= hi or st.toks[v].low not in _ASKING:
        return None
    np_ = _np_forward(st, v + 1, hi)
    asked = _speaker_from_np(st, *np_) if np_ is not None else None
    return asked if asked is not None and _names_someone(asked) else None


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


_POINTS_BACK = {"das", "dies", "so", "darauf", "daran"}
"""Words that open a sentence by pointing back at the quotation before it ("„…“ Das sagte X am Montag.",
"Darauf wies X hin.", "Daran erinnerte X."): the quotation is what the verb after them says ("Davor warnte
X." may warn of what another said)."""


def _so_named(st: _State, lo: int, hi: int) -> tuple[Speaker, Span] | None:
    """The speaker and the cue of a sentence "So X." (German, "So Gewerkschaftschef X am Mittwoch.", "So der
    Minister."), as ", so X" after a quotation that the splitter ended: "so" and a phrase, no verb ("So geht
    es nicht weiter." is none)."""
    after = st.toks[lo + 1] if lo + 1 < hi else None
    if st.toks[lo].low != "so" or after is None or not (_is_cap(after) or after.low in C.DE_DET):
        return None
    np_ = _inverted_subject(st, lo, hi)
    if np_ is None:
        return None
    speaker = _speaker_from_np(st, np_[0], _conjunct_end(st, *np_, hi, hi))
    return speaker, Span(st.toks[lo].start, st.toks[lo].end)


_NEGATIONS = {"nicht", "nie", "niemals"}
"""Words that make a sentence pointing back at a quotation a denial ("Das hat X nie gesagt.")."""


def _points_back_cue(st: _State, lo: int, hi: int) -> int | None:
    """The verb of saying right after the word that opens sentence ``[lo, hi)`` by pointing back ("Das
    sagte", "Darauf wies … hin", "So beschrieb"; after "so" a verb that says something only after a quotation
    too), or at its end after an auxiliary there ("Das hat X am Montag gesagt.", "Das ließ X mitteilen."), or
    None."""
    if lo + 1 >= hi or st.toks[lo].low not in _POINTS_BACK:
        return None
    verb = st.toks[lo + 1]
    after_quote = st.toks[lo].low == "so" and verb.text in C.DE_SPEECH_AFTER_QUOTE
    if (_is_cue(st, verb) or after_quote) and _cue_ok(st, lo + 1, hi):
        return lo + 1
    last = hi - 2 if st.toks[hi - 1].text in (".", "!") else hi - 1
    said = last > lo + 1 and _is_cue(st, st.toks[last]) and _aux_before(st, last, lo) == lo + 1
    return last if said else None


def _object_points_back(st: _State, si: int) -> int | None:
    """The verb of saying of sentence ``si`` when its object right after it points back at the quotation
    before ("„…“ X sagte das am Montag.", "Die Ministerin bestätigte dies."); not an article ("sagte das
    Treffen ab")."""
    v = _first_finite(st, si)
    hi = st.sents[si][1]
    if v is None or v + 1 >= hi or st.toks[v + 1].low not in ("das", "dies"):
        return None
    nxt = st.toks[v + 2] if v + 2 < hi else None
    if nxt is not None and (_is_cap(nxt) or _is_adj(nxt, "de")):
        return None
    return v if _is_cue(st, st.toks[v]) and _cue_ok(st, v, hi) else None


def _reacts(st: _State, c: int, hi: int) -> bool:
    """The German verb of saying at ``c`` reacts to what someone else said (:data:`C.DE_REACTING_LEMMAS`,
    with its particle where it has one: "wies … zurück", not "wies … hin")."""
    particles = C.DE_REACTING_FORMS.get(st.toks[c].low)
    if not particles:
        return False
    last = _tok_at(st, _cue_span(st, c, hi).end - 1)
    return "" in particles or (last is not None and last != c and st.toks[last].low in particles)


def _named_after(st: _State, ta: int, tb: int) -> tuple[Speaker, Span] | None:
    """The speaker, and the verb, of the sentence after a German quotation that is a sentence of its own when
    that sentence opens by pointing back at it ("„…“ Das sagte X am Montag.", "Dies erklärte X.", "„…“ Mit
    diesen Worten reagierte X auf …", "„…“ So X.", "X sagte das am Montag.") and introduces no quotation of
    its own: news German gives the quotation first and its speaker after."""
    s2 = st.toks[tb].sent
    if st.lang != "de" or s2 + 1 >= len(st.sents) or not _stands_alone(st, ta) or tb < st.sents[s2][1] - 2:
        return None
    lo, hi = st.sents[s2 + 1]
    while lo < hi and not st.toks[lo].text[:1].isalnum():
        lo += 1  # a closing mark the splitter put at the start of the next sentence
    if any(t.text == ":" or _in_quote(st, t) for t in st.toks[lo:hi]):
        return None  # "Das sagte X: „…“" opens the next one
    if any(t.low in _NEGATIONS for t in st.toks[lo:hi]):
        return None  # "Das hat X nie gesagt.": a denial
    if (so := _so_named(st, lo, hi)) is not None:
        return so if _names_someone(so[0]) else None
    words = [t.low for t in st.toks[lo : min(hi, lo + 3)]]
    if (c := _points_back_cue(st, lo, hi) or _object_points_back(st, s2 + 1)) is not None:
        if _reacts(st, c, hi):
            return None  # "„…“ Das kritisierte X.": X reacts to another's words
    elif words[:2] != ["mit", "diesen"] or lo + 3 >= hi or not st.toks[lo + 3].text.islower():
        return None
    else:
        c = lo + 3
    speaker, _conf = _subject_of(st, c, lo, hi)
    if speaker is None or not _names_someone(speaker):
        return None
    return speaker, _cue_span(st, c, hi)


def _carried(st: _State, ta: int) -> Speaker | None:
    """The speaker a quotation with none of its own (opening at token ``ta``) goes on with: the last speaker,
    or (German) the one the sentences before are about, named as the subject of the nearest sentence that
    names someone ("X trat vor die Presse. „…“"), the source of a reaction ("Kritik kam von X. „…“") or the
    one asked ("Reporter fragten X. „…“"), over sentences whose subject refers back ("Er wirkte müde.", "Der
    Minister wirkte müde."); another one named as a subject stops the last speaker ("„A“, sagte X. Y sieht
    das anders. „B“"). A quotation that stands alone reaches back over :data:`_GOES_ON` sentences that name
    no one, one inside a sentence of other words only to the sentence right before.
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
        reaction = _reaction_from(st, j) or _asked(st, j)
        subj = reaction or _topic_of(st, j)
        if reaction is None and subj is not None and _refers_back(subj):
            back = back or subj
        elif reaction is None and subj is not None and _of_someone(st, subj):
            return back  # "Der Vorschlag von Y stößt auf Ablehnung.": Y or the one before, no telling
        elif subj is not None and (reaction is not None or _names_someone(subj)):
            return _widened(st, subj) if back is None or _may_be(st, back, subj) else back
        else:
            reach -= 1
        j -= 1
    return back


_TURN_LABELS = {"frage", "antwort"}
"""The labels of an interview's turns ("Frage: „…“"), which name no one."""


_HOLDER_OPENERS = {"des", "der", "von", "vom"}
"""Words that open the attribute naming whose words a label announces ("Zitat von X", "Die Antwort des X")."""


def _label_holder(st: _State, si: int, ta: int) -> Speaker | None:
    """Whose words a German label before a colon with no verb announces when its head names no one: the
    genitive or "von" after the head that does ("Zitat von X: „…“" -> "von X", "Die Antwort des Ministers:"
    -> "des Ministers"; not "Seine Meinung zu X:", whose holder is "Seine")."""
    lo = st.sents[si][0]
    label = _np_forward(st, lo, ta - 1) if _first_finite(st, si) is None else None
    if label is None or label[1] != ta - 1:
        return None
    a, b = label
    k = next((x for x in range(a + 1, b) if st.toks[x].low in _HOLDER_OPENERS), None)
    if k is None or _names_someone(_speaker_from_np(st, a, k)):
        return None
    holder = _speaker_from_np(st, k, b)
    return holder if _names_someone(holder) else None


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
    # 2e. "Zitat von X: „…“", "Die Antwort des Ministers: „…“": a label whose attribute names the speaker
    if speaker is None and st.lang == "de" and ta > lo1 and st.toks[ta - 1].text == ":":
        speaker = _label_holder(st, s1, ta)
        conf = 0.6 if speaker is not None else 0.0
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
        elif st.toks[ta - 1].text == ":" and ta - 1 == lo1 + 1 and st.toks[lo1].low in _TURN_LABELS:
            speaker = None  # an interview's "Frage: „…“": the one who asks is not named
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
    return Quotation(Span(inner_s, inner_e), "direct", cue, speaker, confidence)


def _en_continues(st: _State, lo: int, c: int, si: int) -> bool:
    """Whether the English verb of saying at ``c`` is the frame of a quotation before it in sentence ``si``
    (the quotation after the frame continues that one, as PolNeAR annotates it)."""
    return (
        st.lang == "en"
        and st.last_speaker is not None
        and st.last_speaker_sent == si
        and any(_in_quote(st, t) for t in st.toks[lo:c])
    )
