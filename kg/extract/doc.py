"""One analysed text: sentences and tokens with offsets, part-of-speech tags and lemmas.

Tokens and sentences come from SoMaJo (German ``de_CMC``, English ``en_PTB``); tags and lemmas from HanTa
(German tags are STTS, plus HanTa's ``NNA`` for nouns made of adjectives; English tags are CLAWS C5, the
British National Corpus's: ``NP0`` proper noun, ``VVD`` past tense, ...). Both ship their models inside
their wheels and run offline. Offsets are Unicode code points into :attr:`Doc.text`, half-open, as
everywhere in newskg.

Tokenizing is eager (about 80 ms of CPU for 1,000 words); tagging costs about four times as much per
sentence, so it happens lazily, one sentence at a time, the first time a rule asks for a tag or a lemma
of that sentence (:meth:`Doc.pos`, :meth:`Doc.lemma`, :meth:`Doc.tags`), and is cached on the ``Doc``.
Rules that need tags only in a few sentences (those with a verb of saying, say) pay only for those.

Words glued together by a scrape are split at the inner capital (SoMaJo's ``split_camel_case``, which
knows the usual exceptions such as "iPhone"); a photo credit glued to its caption ("... in AlaskaBild:
Sergei Bobylev/TASS") is a paragraph of its own.

A full stop SoMaJo glues to a Roman numeral or to an abbreviation spelled like a given name ends the sentence
when what follows starts one ("World War II. Trump said", "Das sagte Franz. Danach ging er."; see
:func:`_ends_sentence`); "Ludwig XIV. regierte", "am 3. Jan. 2024" stay as they are.

Paragraphs: a sentence never crosses a blank line. A single line break also ends a paragraph (a DW scrape
has a paragraph, caption or heading per line), unless the text runs on across it, which is when the next line
starts with a lower-case letter or the line ends with a comma or a hyphen (hard-wrapped plain text).

>>> doc = analyse("Der Kanzler traf Emmanuel Macron. Sie sprachen über die Ukraine.", "de")
>>> [doc.span_text(s) for s in doc.sentences]
['Der Kanzler traf Emmanuel Macron.', 'Sie sprachen über die Ukraine.']
>>> [t.text for t in doc.sentence_tokens(1)]
['Sie', 'sprachen', 'über', 'die', 'Ukraine', '.']
>>> doc.pos(2), doc.lemma(2)
('VVFIN', 'treffen')
"""

from __future__ import annotations

import bisect
import os
import re
import threading
from dataclasses import dataclass, field
from functools import cache, lru_cache

from kg.model import Span

os.environ.setdefault("HF_HUB_OFFLINE", "1")

LANGUAGES = ("de", "en")
"""Languages with their own tokenizer and tagger models; any other text is analysed with the English ones."""

_SOMAJO_MODELS = {"de": "de_CMC", "en": "en_PTB"}
_HANTA_MODELS = {"de": "morphmodel_ger.pgz", "en": "morphmodel_en.pgz"}
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Token:
    """One token: a word, a number, a punctuation mark, ..."""

    i: int
    """Its index in :attr:`Doc.tokens`."""
    text: str
    start: int
    end: int
    sentence: int
    """The index of its sentence in :attr:`Doc.sentences`."""
    kind: str
    """SoMaJo's token class: ``regular``, ``number``, ``symbol``, ``URL``, ``abbreviation``, ..."""
    space_after: bool

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    first: int
    """Index of its first token."""
    last: int
    """Index one past its last token."""

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass
class Doc:
    """A text analysed for the extractor's rules."""

    text: str
    lang: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    _tags: dict[int, tuple[tuple[str, str], ...]] = field(default_factory=dict, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [t.start for t in self.tokens]
        self._sentence_starts = [s.start for s in self.sentences]

    # ---- text and positions -------------------------------------------------------------------------
    def span_text(self, span: Span | Sentence | Token) -> str:
        return self.text[span.start : span.end]

    def sentence_tokens(self, s: int) -> tuple[Token, ...]:
        sent = self.sentences[s]
        return self.tokens[sent.first : sent.last]

    def token_at(self, offset: int) -> Token | None:
        """The token that covers ``offset``, if any."""
        k = bisect.bisect_right(self._starts, offset) - 1
        if k >= 0 and self.tokens[k].start <= offset < self.tokens[k].end:
            return self.tokens[k]
        return None

    def tokens_in(self, start: int, end: int) -> tuple[Token, ...]:
        """The tokens that overlap ``[start, end)``."""
        lo = max(bisect.bisect_right(self._starts, start) - 1, 0)
        hi = bisect.bisect_left(self._starts, end)
        return tuple(t for t in self.tokens[lo:hi] if t.end > start and t.start < end)

    def sentence_of(self, offset: int) -> int | None:
        """The index of the sentence around ``offset`` (None between sentences)."""
        k = bisect.bisect_right(self._sentence_starts, offset) - 1
        if k >= 0 and self.sentences[k].start <= offset < self.sentences[k].end:
            return k
        return None

    # ---- tags and lemmas (lazy, per sentence) -------------------------------------------------------
    def tags(self, s: int) -> tuple[tuple[str, str], ...]:
        """``(pos, lemma)`` for every token of sentence ``s``, tagged on first use."""
        got = self._tags.get(s)
        if got is None:
            words = [t.text for t in self.sentence_tokens(s)]
            got = tuple(_tag(words, self.lang)) if words else ()
            self._tags[s] = got
        return got

    def pos(self, i: int) -> str:
        """The part-of-speech tag of token ``i`` (STTS for German, CLAWS C5 otherwise)."""
        tok = self.tokens[i]
        return self.tags(tok.sentence)[i - self.sentences[tok.sentence].first][0]

    def lemma(self, i: int) -> str:
        tok = self.tokens[i]
        return self.tags(tok.sentence)[i - self.sentences[tok.sentence].first][1]

    def tag_all(self) -> None:
        """Tag every sentence now (for callers that need all tags anyway)."""
        for s in range(len(self.sentences)):
            self.tags(s)


# ---- building a Doc ---------------------------------------------------------------------------------
_RUN_ON = re.compile(r"[,\-\u00ad]\s*$")
_CREDIT = re.compile(r"(?<=[^\W\d_]|[.)]) ?(?=(?:Bild|Foto|Fotos): )")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph of ``text`` (see the module docs), whitespace trimmed."""
    out: list[tuple[int, int]] = []
    cur_start: int | None = None
    cur_end = 0
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            s, e = pos + lead, pos + len(body.rstrip())
            joins = cur_start is not None and (
                stripped[0].islower() or _RUN_ON.search(text[cur_start:cur_end]) is not None
            )
            if cur_start is None or not joins:
                if cur_start is not None:
                    out.append((cur_start, cur_end))
                cur_start = s
            cut = _CREDIT.search(text, s, e)
            if cut is not None:
                out.append((cur_start, cut.start()))
                cur_start = cut.end()
            cur_end = e
        else:
            if cur_start is not None:
                out.append((cur_start, cur_end))
            cur_start = None
        pos += len(line)
    if cur_start is not None:
        out.append((cur_start, cur_end))
    return out


@cache
def _somajo(lang: str):  # type: ignore[no-untyped-def]
    from somajo import SoMaJo

    model = _SOMAJO_MODELS.get(lang, "en_PTB")
    somajo = SoMaJo(model, split_camel_case=True, split_sentences=True, character_offsets=True)
    _skip_emoji_search(somajo._tokenizer)
    _abbreviations_keep_inner_capitals(somajo._tokenizer)
    return somajo


_MORE_ABBREVIATIONS = {"en": ["Ms."]}
"""Abbreviations SoMaJo's lists lack: "Ms." (it has "Mr." and "Mrs."), else "Ms. Doe said" splits into two
sentences after "Ms." and loses its speaker."""


def _abbreviations_keep_inner_capitals(tokenizer) -> None:  # type: ignore[no-untyped-def]
    """An abbreviation SoMaJo lists with a capital inside ("BerGer.", "ASt.", "MwSt.") is one only in that
    spelling.

    SoMaJo matches its abbreviations in any case, so "sagte Anna Berger." took "Berger." for "BerGer."
    (Berliner Gerichte): the speaker became "Anna Berger." and the sentence ran on into the next one ("Ast."
    likewise). Rebuilt here as SoMaJo builds it, with those entries matched in their own case, and with
    :data:`_MORE_ABBREVIATIONS`.
    """
    import regex
    from somajo import utils

    if not isinstance(getattr(tokenizer, "abbreviation", None), regex.Pattern):
        return  # another SoMaJo: leave it as it is
    entries = utils.read_abbreviation_file(f"abbreviations_{tokenizer.language[:2]}.txt")
    entries += _MORE_ABBREVIATIONS.get(tokenizer.language[:2], [])
    parts = [
        f"(?-i:{regex.escape(a)})" if any(c.isupper() for c in a[1:]) else regex.escape(a.lower())
        for a in entries
    ]
    tokenizer.abbreviation = regex.compile(
        r"(?<![\p{L}.])(?:(?:(?:\p{L}\.){2,})|" + "|".join(parts) + r")+(?!\p{L}{1,3}\.)", regex.IGNORECASE
    )


def _skip_emoji_search(tokenizer) -> None:  # type: ignore[no-untyped-def]
    """Look for emojis only in text that has a character of one.

    SoMaJo looks for emojis grapheme by grapheme in every token, with one regular expression search for
    each: 40 % of the time it takes to tokenize news text, which has none. One search over the sentence for
    any character an emoji or one of SoMaJo's emoji text faces is made of says whether to look at all, and
    the tokens are the same either way (``tests/test_extract_doc.py``).
    """
    import regex

    split = getattr(tokenizer, "_split_all_emojis", None)
    faces = getattr(tokenizer, "textfaces_emoji", None)
    if split is None or faces is None:  # another SoMaJo: leave it as it is
        return
    rare = {ch for ch in faces.pattern if ord(ch) > 0xFF}
    chars = "".join(regex.escape(ch) for ch in sorted(rare))
    emoji = regex.compile(rf"[\p{{Extended_Pictographic}}\p{{Emoji_Presentation}}\uFE0F{chars}]")

    def split_all_emojis(token_dll, token_class: str = "emoticon") -> None:  # type: ignore[no-untyped-def]
        if any(emoji.search(t.value.text) for t in token_dll):
            split(token_dll, token_class)

    tokenizer._split_all_emojis = split_all_emojis


_ROMAN = re.compile(r"[MDCLXVI]+\.")
_DE_CLAUSE_OPENERS = {"ART", "PPER", "PDS", "PDAT", "PIS", "PIAT", "PPOSAT", "KON", "KOUS", "ADV", "PAV"}
_DE_CLAUSE_OPENERS |= {"PROAV", "PWAV", "PWS", "PWAT", "APPR", "APPRART"}
"""STTS tags of a capitalised word that opens a clause: article, pronoun, conjunction, adverb, preposition."""
_EN_CLAUSE_OPENERS = {"AT0", "PNP", "DT0", "DPS", "CJC", "CJS", "AV0", "AVQ", "PNQ", "PRP", "EX0"}
"""The same in CLAWS C5."""


def _opens_clause(word: str, lang: str) -> bool:
    """``word`` is capitalised and read first as a word that opens a clause ("Er", "Danach", "The")."""
    if not word[:1].isupper():
        return False
    openers = _DE_CLAUSE_OPENERS if lang == "de" else _EN_CLAUSE_OPENERS
    return first_reading(word, lang) in openers


@cache
def _saying_forms(lang: str) -> frozenset[str]:
    from kg.extract import cues

    if lang == "de":
        return frozenset(cues.DE_SPEECH_FORMS) | frozenset(cues.DE_SPEECH_AFTER_QUOTE)
    return frozenset(cues.EN_SPEECH_FORMS)


def _ends_sentence(sent: list, k: int, lang: str) -> bool:  # type: ignore[type-arg]
    """Token ``k`` of a SoMaJo sentence (not its last) is a word with a full stop glued to it that ends the
    sentence, though SoMaJo took the stop for part of an ordinal or an abbreviation.

    A Roman numeral ("World War II. Trump said"): in English a stop never belongs to one, so it ends the
    sentence before a capitalised word (unless the numeral opens its sentence, as a heading's "II. Methods");
    German writes regnal and other ordinal numbers with a stop ("Ludwig XIV. regierte", "der XX. Parteitag"),
    so there it ends the sentence only after a capitalised word and before a capitalised word that opens a
    clause ("Papst Pius XII. Er segnete").
    An abbreviation spelled like a given name ("Franz.", "Jan.", "Max.") ends the sentence after a
    capitalised word or a verb of saying and before a capitalised word that opens a clause ("Das sagte Franz.
    Danach ging er."); "am 3. Jan. 2024", "Max. 20 Personen", "Franz. Guayana" stay.
    A number after a number and a colon is a score's second number ("verlor 0:2. Der Trainer", "0:2. „Wir
    …"), which takes no ordinal's stop: it ends the sentence before a capitalised word or an opening quote.
    A club's number after its name ("Schalke 04. Die Fans", :func:`_club_number`) ends the sentence before a
    word that opens a clause; "am 3. Oktober", "der 04. Spieltag", "am Freitag 13. Dezember" stay.
    """
    if k == 0:
        return False
    tok, prev, nxt = sent[k], sent[k - 1].text, sent[k + 1].text
    if tok.token_class == "ordinal" and tok.text[:-1].isdigit():
        if prev == ":" and k > 1 and sent[k - 2].token_class == "number":
            return nxt[:1].isupper() or nxt[:1] in _OPENING_QUOTES
        return _club_number(tok.text, prev, lang) and _opens_clause(nxt, lang)
    if tok.token_class == "ordinal" and _ROMAN.fullmatch(tok.text):
        if lang != "de":
            return nxt[:1].isupper()
        return prev[:1].isupper() and prev[:1].isalpha() and _opens_clause(nxt, lang)
    if tok.token_class == "abbreviation" and len(tok.text) > 2 and tok.text[:-1] in _given_names():
        after = (prev[:1].isupper() and prev.isalpha()) or prev.lower() in _saying_forms(lang)
        return after and _opens_clause(nxt, lang)
    return False


_OPENING_QUOTES = "„“\"»«‚'"


def _club_number(word: str, prev: str, lang: str) -> bool:
    """``word`` ("04.") is two digits after a name that opens no clause: a club's year ("Schalke 04",
    "Hannover 96"), not the ordinal "am 04." or "der 04."."""
    return len(word) == 3 and prev[:1].isupper() and prev.isalpha() and not _opens_clause(prev, lang)


@cache
def _given_names() -> frozenset[str]:
    from kg.extract.lexicon import first_names

    return first_names()


def _split_glued_ends(sents: list, lang: str) -> list:  # type: ignore[type-arg]
    """SoMaJo's sentences, split after a word whose glued full stop ends a sentence (:func:`_ends_sentence`);
    the stop becomes a token of its own, as at any other sentence end."""
    from somajo.token import Token as SoToken

    out = []
    for sent in sents:
        cur: list = []  # type: ignore[type-arg]
        for k, tok in enumerate(sent):
            if k + 1 < len(sent) and tok.text.endswith(".") and _ends_sentence(sent, k, lang):
                a, b = tok.character_offset
                word = SoToken(tok.text[:-1], token_class="regular", space_after=False)
                word.character_offset = (a, b - 1)
                stop = SoToken(".", token_class="symbol", space_after=tok.space_after)
                stop.character_offset = (b - 1, b)
                out.append([*cur, word, stop])
                cur = []
            else:
                cur.append(tok)
        out.append(cur)
    return out


@cache
def _hanta(lang: str):  # type: ignore[no-untyped-def]
    from HanTa import HanoverTagger

    tagger = HanoverTagger.HanoverTagger(_HANTA_MODELS.get(lang, "morphmodel_en.pgz"))
    # A word's analyses and its lemma for a tag depend on the word (and tag) alone, and HanTa works them out
    # anew for every occurrence outside its small cache of frequent words: names and compounds recur in a
    # text and across texts. Their results are read, never changed, by its tagger.
    for name in ("analyze_forward", "_analyze"):
        if hasattr(tagger, name):
            setattr(tagger, name, lru_cache(maxsize=50_000)(getattr(tagger, name)))
    return tagger


def _tag(words: list[str], lang: str) -> list[tuple[str, str]]:
    tagger = _hanta(lang if lang in LANGUAGES else "en")
    with _LOCK:  # HanTa keeps state between calls
        tagged = tagger.tag_sent(words, taglevel=1)
    if lang == "de":  # HanTa writes STTS's VVFIN as VV(FIN), ADJA as ADJ(A)
        return [(pos.replace("(", "").replace(")", ""), lemma) for _word, lemma, pos in tagged]
    return [(pos, lemma) for _word, lemma, pos in tagged]


_GUESSED = -25.0
"""HanTa's log probability of a word's best tag: about -6 to -18 for the words of its lexicon, below -25 for
a word it guesses from its letters."""


@cache
def readings(word: str, lang: str) -> tuple[str, ...]:
    """The tags the tagger reads ``word`` as, out of context and most likely first ("Says" -> ``VVZ``,
    ``NN2``); none for a word it does not know, whose guessed tags say little."""
    tagger = _hanta(lang if lang in LANGUAGES else "en")
    with _LOCK:
        tags = tagger.tag_word(word)
    return tuple(t for t, _p in tags) if tags and tags[0][1] >= _GUESSED else ()


def first_reading(word: str, lang: str) -> str | None:
    """The tag the tagger reads ``word`` as first (:func:`readings`); None for a word it does not know."""
    return next(iter(readings(word, lang)), None)


def read_as_name_first(word: str, lang: str) -> bool:
    """False when the tagger knows ``word`` as a common word first ("White", "New", "Daily", "Bank", which
    are on given-name lists too); True for a proper noun first ("Bill", "Chicago") and for a word it does
    not know ("Barack"), whose guessed tag is far less likely than any known word's."""
    return first_reading(word, lang) in (None, "NP0", "NE")


def analyse(text: str, lang: str) -> Doc:
    """Tokenize ``text`` and split it into sentences; ``lang`` is ``de``, ``en`` or anything else (English
    models then)."""
    tokenizer = _somajo(lang if lang in LANGUAGES else "en")
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    paras = paragraphs(text)
    with _LOCK:  # one call for all paragraphs: SoMaJo costs less per call than per paragraph
        sents = list(tokenizer.tokenize_text([text[a:b] for a, b in paras]))
    sents = _split_glued_ends(sents, lang if lang in LANGUAGES else "en")
    p, last_end = 0, 0
    for sent in sents:
        if not sent:
            continue
        a0, b0 = sent[0].character_offset
        if a0 < last_end:  # offsets start again: the next paragraph
            p, last_end = p + 1, 0
        while p < len(paras) and text[paras[p][0] + a0 : paras[p][0] + b0] != sent[0].text:
            p, last_end = p + 1, 0  # a paragraph that gave no token at all
        if p >= len(paras):
            break
        base = paras[p][0]
        first = len(tokens)
        for tok in sent:
            a, b = tok.character_offset
            last_end = max(last_end, b)
            if b <= a:
                continue
            a, b = a + base, b + base
            tokens.append(
                Token(len(tokens), text[a:b], a, b, len(sentences), tok.token_class, bool(tok.space_after))
            )
        if len(tokens) > first:
            sentences.append(Sentence(tokens[first].start, tokens[-1].end, first, len(tokens)))
    return Doc(text, lang, tuple(tokens), tuple(sentences))


def warm(lang: str = "de") -> None:
    """Load the models for ``lang`` now (a worker process calls this once before its first text)."""
    _somajo(lang if lang in LANGUAGES else "en")
    _hanta(lang if lang in LANGUAGES else "en")
