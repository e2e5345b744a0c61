"""Token features for the German name tagger (a linear-chain CRF, :mod:`kg.extract.train.ner`).

The same function describes a sentence when the model is trained (GermEval's tokens) and when it tags
(SoMaJo's tokens), so both see the same features: the word, its lemma (simplemma's German dictionary) and
its neighbours, prefixes and suffixes of one to six letters, the length and shape, whether the dictionary
knows the word, the part of speech HanTa's lexicon prefers for it, whether HanTa's German model knows its
stem as a proper noun, an acronym or a common noun, and whether the gazetteers and the hand lists of
:mod:`kg.extract.lexicon` hold it. Chosen by two-fold cross-validation on GermEval's news sentences
(``bench/extract_mentions.py``): the longer affixes and the lemma gave +0.02 F1, HanTa's stems +0.01
(mostly persons and places the training half never saw: "Wulff", "Kaukasus"); word bigrams, a wider
window, news sentences counted twice, stronger or weaker regularisation (also when chosen by
cross-validation inside each training half), BILOU labels, one label for all ``deriv`` and ``part`` names,
organisation-noun endings, legal forms and a bias against ``O`` gave nothing or less. HanTa's classes of a
stem are separate features (a stem can be a name and a noun: "airbus"): one class per stem gave 0.69.
Measured later by cross-validation inside the first half of the set only (two folds of 550 sentences,
F1 on the news sentences of the other, 0.633 with these features; about 215 names a fold, so a difference
under 0.01 is noise), none of these cleared that noise: the lemma of the previous and the next word (0.641),
the previous word joined with the word's shape (0.640), inside quotation marks or brackets (0.637), a
third word either side, places of several words, ``pycountry``'s regions (Bayern, Tirol), ``mimesis``'s
surnames, the compound's last noun ("Bundesjustiz*ministerium*"), the word seen lower-case elsewhere in the
sentence, the first word's features joined with ``BOS``, a minimum feature count of 2, other c1/c2 (a grid
of 24: 0.603-0.638) and iterations, the averaged perceptron and passive-aggressive trainers. ``deriv`` and
``part`` names learnt as ``O`` gained on that half (0.641, and on three other splits of it) but lost on the
second half, which it had not seen: two-fold F1 0.717 / 0.698 -> 0.705 / 0.693; not kept.

Every list is a file of ``kg/extract/data`` that loads in milliseconds: simplemma's dictionary itself
(1.1 million forms, 2-3 s and 140 MB per process) is needed only to build them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract import lexicon

_SHAPE_MAP = [(re.compile(r"[A-ZÄÖÜÀ-Þ]"), "X"), (re.compile(r"[a-zäöüßà-ÿ]"), "x"), (re.compile(r"\d"), "d")]


def shape(word: str) -> str:
    """``Xxxx`` for "Putin", ``XX-Xxxx`` for "US-Präsident", collapsed runs of a kind."""
    out = []
    for ch in word:
        if ch.isupper():
            k = "X"
        elif ch.islower():
            k = "x"
        elif ch.isdigit():
            k = "d"
        else:
            k = ch
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out)


def _genitive_base(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


@lru_cache(maxsize=200_000)
def word_features(word: str, lang: str) -> tuple[str, ...]:
    """The features of one word by itself (cached: words repeat, within a text and across texts)."""
    low = word.lower()
    f = [
        "w=" + low,
        "lem=" + lexicon.lemma_de(word).lower(),
        "s1=" + low[-1:],
        "s2=" + low[-2:],
        "s3=" + low[-3:],
        "s4=" + low[-4:],
        "s5=" + low[-5:],
        "s6=" + low[-6:],
        "p2=" + low[:2],
        "p3=" + low[:3],
        "p4=" + low[:4],
        "p5=" + low[:5],
        f"len={min(len(word), 12)}",
        "sh=" + shape(word),
    ]
    if word[:1].isupper():
        f.append("cap")
        if word.isupper() and len(word) > 1:
            f.append("allcap")
        base = _genitive_base(word)
        if not lexicon.known_de(word):
            f.append("unknown")
        places = lexicon.places()
        if word in places or base in places:
            f.append("gaz:place")
        if word in lexicon.first_names():
            f.append("gaz:first")
        if lang == "de":
            lex = lexicon.lexicon_de()
            tag = lex.get(low) or lex.get(_genitive_base(low))
            f.append("ht=" + (tag or "?"))
            stems = lexicon.stems_de()
            kinds = {*stems.get(low, "").split(","), *stems.get(_genitive_base(low), "").split(",")}
            f.extend("stem:" + k for k in sorted(kinds) if k)
        if word in lexicon.ORG_WORDS:
            f.append("orgword")
        if word in lexicon.TITLES:
            f.append("title")
        if lexicon.is_role_noun(word, lang):
            f.append("role")
    if word in lexicon.country_adjectives():
        f.append("countryadj")
    if "-" in word[1:-1]:
        f.append("hyphen")
        parts = word.split("-")
        head, tail = parts[0], parts[-1]
        f.append("hd=" + head.lower())
        f.append("tl=" + tail.lower())
        if head in lexicon.places() or head in lexicon.PREFIXES:
            f.append("hd:place")
        if lang == "de" and lexicon.lexicon_de().get(head.lower()) == "NE":
            f.append("hd:ne")
        if lexicon.is_role_noun(tail, lang) or lexicon.is_role_noun(word, lang):
            f.append("tl:role")
    if low.endswith(("straße", "strasse", "platz", "allee", "weg", "gasse", "ufer", "damm")):
        f.append("street")
    if any(ch.isdigit() for ch in word):
        f.append("digit")
    if len(word) == 1 and not word.isalnum():
        f.append("punct")
    return tuple(f)


_OWN_ONLY = ("lem=", "s1=", "s2=", "s4=", "s5=", "s6=", "p2=", "p3=", "p4=", "p5=", "len=")
"""Features of a word that its neighbours do not see (they would add weights, not accuracy)."""


_OFFSETS = (-2, -1, 1, 2)


@lru_cache(maxsize=200_000)
def _seen_from(word: str, lang: str) -> tuple[tuple[str, ...], ...]:
    """What a word sees of ``word`` standing at each offset of :data:`_OFFSETS` from it (``+1:w=putin`` when
    it stands right after), one tuple per offset, made once per word."""
    shared = [x for x in word_features(word, lang) if not x.startswith(_OWN_ONLY)]
    return tuple(tuple(f"{d:+d}:{x}" for x in shared) for d in _OFFSETS)


def sentence_features(words: list[str], lang: str = "de") -> list[list[str]]:
    """Features of each word of a sentence, with those of its neighbours (two either side)."""
    own = [word_features(w, lang) for w in words]
    seen = [_seen_from(w, lang) for w in words]
    out: list[list[str]] = []
    n = len(words)
    for i in range(n):
        f = ["bias", *own[i]]
        if i == 0:
            f.append("BOS")
        for k, d in enumerate(_OFFSETS):
            j = i + d
            if 0 <= j < n:
                f.extend(seen[j][k])
            elif d in (-1, 1):
                f.append(f"{d:+d}:edge")
        if i > 0 and words[i - 1] in ('"', "„", "»", "(", "'"):
            f.append("after_open")
        out.append(f)
    return out
