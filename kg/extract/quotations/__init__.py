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

import re

from kg.extract import cues as C
from kg.extract.quotations.direct import _direct
from kg.extract.quotations.marks import _WORDS, pair_quotes
from kg.extract.quotations.phrases import _EN_FINITE_TAGS, _np_backward
from kg.extract.quotations.reported import (
    _en_coordinated,
    _en_label,
    _en_participles,
    _free_indirect,
    _sentence_indirect,
    _strip_span,
)
from kg.extract.quotations.speakers import _speaker_from_np
from kg.extract.quotations.speech import THRESHOLD, quote_features, speech_probability, speech_rules
from kg.extract.quotations.state import _set_quoted, _State, _state, _tok_at
from kg.extract.quotations.subject import _en_before_auxiliaries
from kg.extract.types import Quotation, Speaker
from kg.model import Span


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
        out = [_en_relative_message(st, q) for q in out]
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


def _en_relative_message(st: _State, q: Quotation) -> Quotation:
    """The message of a verb of saying in a relative clause between commas ends where the main clause takes
    up its predicate ("Jane Doe, who said the plan failed, resigned": "the plan failed"): at the last comma
    with a finite verb after it."""
    sp = q.speaker
    relative = sp is not None and sp.text.lower().endswith(("who", "which", "whom"))
    if q.form == "direct" or sp is None or sp.span is None or not relative:
        return q
    a = _tok_at(st, sp.span.start)
    if a is None or a == 0 or st.toks[a - 1].text != ",":
        return q
    doc = st.doc
    first, last = _tok_at(st, q.span.start), _tok_at(st, q.span.end - 1)
    if first is None or last is None or doc is None or not hasattr(doc, "pos"):
        return q
    finite = [k for k in range(first + 2, last + 1) if doc.pos(k) in _EN_FINITE_TAGS]  # type: ignore[attr-defined]
    commas = [k - 1 for k in finite if st.toks[k - 1].text == "," and st.toks[k].text.islower()]
    if not commas:
        return q
    return Quotation(Span(q.span.start, st.toks[commas[-1]].start), q.form, q.cue, q.speaker, q.confidence)


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
