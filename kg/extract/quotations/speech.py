"""Which quoted passages are speech: a logistic model over features of the passage (weights in
``quote_model.json`` beside this module, trained by ``bench/train_quotes.py``) and the rules that overrule it.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
from collections.abc import Iterator
from pathlib import Path

from kg.extract import cues as C
from kg.extract.quotations.saying import _cue_ok, _is_cue
from kg.extract.quotations.speakers import _fuer_view
from kg.extract.quotations.state import _in_quote, _is_cap, _mention_in, _State, _tok_at
from kg.extract.quotations.subject import _agent, _passive
from kg.extract.types import ENTITY_TYPES

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


THRESHOLD = float(os.environ.get("NEWSKG_QUOTE_THRESHOLD", "0.5"))
"""A quoted passage is speech when the model gives it at least this probability."""
