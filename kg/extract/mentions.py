"""Mentions of persons, organizations and places in one text, known to the registry or discovered.

Four sources, merged in this order of trust:

1. **The registry**: every name and alias the caller's lookup knows (:func:`registry_lookup`), matched at
   word boundaries, longest form first. Inside a hyphenated compound a name is still a mention
   ("Putin-Selenskyj-Trump" holds three).
2. **Credit lines** ("Bild: Sergei Bobylev/TASS/IMAGO"): the first part is a person when it looks like a
   personal name, every other part an organization.
3. **The name tagger**: German text goes through a CRF trained on GermEval 2014
   (:mod:`kg.extract.train.ner`); its probability for a name, calibrated (:func:`calibrated`), is the
   mention's confidence. English text goes through rules (runs of capitalised words, typed by given names,
   place names, organisation words, head nouns and titles; cut at headline verbs, titles and "of"), with
   lower confidences.
4. **Within the article**: a short or inflected form of a discovered name ("Uschakow", "Uschakows") takes
   the full name introduced elsewhere ("Juri Uschakow") as its ``canonical`` name and so the same key; so
   does a part of a compound. A name the tagger typed differently in different places takes the type most
   of its mentions have, unless the words around a mention give its type ("die Firma Brendel", "in Bayern",
   "die Bayern" in a report on sport): that mention keeps it.

A discovered entity's key is :func:`kg.vocab.discovered_key` of its full name and type, so the same
name is the same entity in every article; the type prefix keeps it apart from every registry id. Role nouns
that stand for a person the text names ("der Kremlchef") are resolved later, from the roles
(:func:`kg.extract.roles.role_mentions`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from kg.extract import cues as C
from kg.extract import lexicon
from kg.extract.doc import Doc, Token, first_reading, read_as_name_first, readings
from kg.extract.features import sentence_features
from kg.extract.types import ENTITY_TYPES, Mention, discovered_key
from kg.model import Span

MODEL = Path(__file__).resolve().parent / "data" / "ner-de.crfsuite"

_SCHEMA_TYPES = {
    "Person": "Person",
    "Organization": "Organization",
    "GovernmentOrganization": "Organization",
    "NewsMediaOrganization": "Organization",
    "Corporation": "Organization",
    "PoliticalParty": "Organization",
    "Place": "Place",
    "Country": "Place",
    "City": "Place",
    "State": "Place",
    "Continent": "Place",
    "GovernmentBuilding": "Place",
    "AdministrativeArea": "Place",
}

CONFIDENCE_REGISTRY_NAME = 0.95
"""A registry name or alias that is a name ("Wladimir Putin", "Putins")."""
CONFIDENCE_REGISTRY_DESCRIPTION = 0.8
"""A registry alias that describes rather than names ("Kremlchef", "russischen Präsidenten"): it holds for
the years the registry says, and a text may use it for someone else."""
CONFIDENCE_CREDIT = 0.85
CONFIDENCE_EN_RULE = 0.6
CONFIDENCE_EN_COUNTRY = 0.7
CONFIDENCE_EN_WEAK = 0.45
"""An acronym, or one word that a place gazetteer holds ("Obama" is also a city in Japan)."""


@dataclass(frozen=True)
class Known:
    """What the registry knows about a surface form."""

    key: str
    type: str
    """A schema.org type from the registry ("Country", "NewsMediaOrganization", "Person", "WebSite"...)."""
    wikidata: str | None = None
    name: str = ""
    """The entity's name (its canonical form)."""

    @property
    def entity_type(self) -> str | None:
        """Person, Organization or Place; None for things (a website, a weapon) that are not mentions here."""
        return entity_type(self.type)


RegistryLookup = Mapping[str, Known]
"""Surface form (a name or alias, as written) -> what the registry knows about it."""


def entity_type(schema_type: str) -> str | None:
    if schema_type in ENTITY_TYPES:
        return schema_type
    return _SCHEMA_TYPES.get(schema_type)


def registry_lookup(entries: Iterable[tuple[str, str, str | None, Iterable[str]]]) -> dict[str, Known]:
    """A lookup from ``(key, schema type, wikidata, names and aliases)`` per entity; the first name is the
    canonical one.

    >>> lookup = registry_lookup([("vladimir-putin", "Person", "Q7747", ["Wladimir Putin", "Putin"])])
    >>> lookup["Putin"].key, lookup["Putin"].name
    ('vladimir-putin', 'Wladimir Putin')
    """
    out: dict[str, Known] = {}
    for key, schema_type, wikidata, names in entries:
        names = list(names)
        known = Known(key, schema_type, wikidata, names[0] if names else key)
        for name in names:
            out.setdefault(" ".join(name.split()), known)
    return out


# ---- 1. the registry --------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    type: str
    confidence: float
    known: Known | None = None
    source: str = ""
    fixed: bool = False
    """The type is the one the name's own context gives ("in Bayern", "die Stadt Halle"): no vote of the
    article's other mentions of the name changes it."""
    name: str = ""
    """The entity's name where the span's words are not all of it: the canton "Kanton Zürich" for the span
    "Zürich" in "im Kanton Zürich", apart from the city."""


@cache
def _pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    alternatives = "|".join(r"\s+".join(map(re.escape, f.split())) for f in ordered)
    # a name ends at a non-word character, or where a scrape glued the next word on ("PutinBild")
    return re.compile(rf"(?<!\w)(?:{alternatives})(?:(?!\w)|(?<=[a-zß-öø-ÿ])(?=[A-ZÀ-ÖØ-Þ]))")


def _is_description(form: str) -> bool:
    words = form.replace("-", " ").split()
    return (
        any(w[:1].islower() for w in words) or lexicon.is_role_noun(form) or lexicon.is_role_noun(form, "en")
    )


def _registry(text: str, lookup: RegistryLookup) -> list[_Found]:
    if not lookup:
        return []
    found = []
    for m in _pattern(tuple(lookup)).finditer(text):
        known = lookup.get(" ".join(m.group().split()))
        if known is None:
            continue
        kind = known.entity_type
        conf = CONFIDENCE_REGISTRY_DESCRIPTION if _is_description(m.group()) else CONFIDENCE_REGISTRY_NAME
        found.append(_Found(m.start(), m.end(), kind or "", conf, known, "registry"))
    return found


# ---- 2. credit lines --------------------------------------------------------------------------------
_CREDIT = re.compile(r"(?:Bild|Foto|Fotos|Photo|Image|Quelle)\s*:\s*([^\n]+?)\s*$", re.MULTILINE)
_PERSON_NAME = re.compile(r"[A-ZÀ-Þ][\w'’.-]+(?: [A-ZÀ-Þ][\w'’.-]+){1,3}")


def looks_like_person(name: str) -> bool:
    """Two to four capitalised words, the first a given name or not a word of the language."""
    if not _PERSON_NAME.fullmatch(name):
        return False
    words = name.split()
    if any(w in lexicon.ORG_WORDS for w in words) or name in lexicon.places():
        return False
    return words[0] in lexicon.first_names()


def _credits(text: str, lookup: RegistryLookup) -> list[_Found]:
    found = []
    for m in _CREDIT.finditer(text):
        pos = m.start(1)
        for k, part in enumerate(m.group(1).split("/")):
            name = part.strip()
            start = pos + len(part) - len(part.lstrip())
            pos += len(part) + 1
            if not name or len(name) > 60:
                continue
            known = lookup.get(" ".join(name.split()))
            if known is not None:
                continue  # the registry pass has it
            kind = "Person" if k == 0 and looks_like_person(name) else "Organization"
            found.append(_Found(start, start + len(name), kind, CONFIDENCE_CREDIT, None, "credit"))
    return found


# ---- 3. the name tagger -----------------------------------------------------------------------------
_CRF_TYPES = {"PER": "Person", "LOC": "Place", "ORG": "Organization"}

CALIBRATION = MODEL.with_name("calibration-de.tsv")
"""The tagger's probability for a name -> how often names at that probability were right: isotonic steps
fitted by :mod:`kg.extract.train.calibration` on the names two-fold cross-validation on GermEval 2014
tagged; ``bench.extract_mentions`` prints them beside the precision it measures."""


@cache
def _steps() -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The lowest probability of each step, and each step's confidence."""
    rows = [
        line.split("\t") for line in CALIBRATION.read_text(encoding="utf-8").splitlines() if line[:1] != "#"
    ]
    return tuple(float(r[0]) for r in rows), tuple(float(r[2]) for r in rows)


def calibrated(p: float) -> float:
    """A name's confidence from the tagger's probability: the confidence of the step that holds from the
    highest low at or below ``p`` (see :data:`CALIBRATION`).

    >>> calibrated(0.2) < calibrated(0.6) < calibrated(0.99) < 1
    True
    """
    lows, confidences = _steps()
    return confidences[max(bisect.bisect_right(lows, p) - 1, 0)]


def span_probability(tagger: Any, labels: Sequence[str], start: int, end: int) -> float:
    """The tagger's probability for the name of tokens ``start:end``: the mean of their marginals."""
    return sum(tagger.marginal(labels[k], k) for k in range(start, end)) / (end - start)


@cache
def _tagger():  # type: ignore[no-untyped-def]
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL))
    return tagger


def _crf(doc: Doc) -> list[_Found]:
    if not MODEL.exists():
        return []
    tagger = _tagger()
    found = []
    for s, sent in enumerate(doc.sentences):
        toks = doc.sentence_tokens(s)
        labels = tagger.tag(sentence_features([t.text for t in toks], "de"))
        i = 0
        while i < len(labels):
            lab = labels[i]
            kind = _CRF_TYPES.get(lab[2:]) if lab.startswith("B-") or lab.startswith("I-") else None
            if kind is None:
                i += 1
                continue
            j = i + 1
            while j < len(labels) and labels[j] == "I-" + lab[2:]:
                j += 1
            conf = calibrated(span_probability(tagger, labels, i, j))
            found.append(_Found(toks[i].start, toks[j - 1].end, kind, conf, None, "crf"))
            i = j
        del sent
    return found


_EN_STOP = frozenset(
    [
        "The",
        "A",
        "An",
        "And",
        "But",
        "Or",
        "If",
        "In",
        "On",
        "At",
        "For",
        "To",
        "Of",
        "By",
        "With",
        "From",
        "As",
        "After",
        "Before",
        "When",
        "While",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
        "You",
        "His",
        "Her",
        "Their",
        "Our",
        "My",
        "Its",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "There",
        "Here",
        "What",
        "Who",
        "Why",
        "How",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        *(day.title() for day in C.EN_WEEKDAYS),
    ]
)
_EN_CONNECT = frozenset({"of", "for", "de", "van", "von", "the"})


_EN_ENDS_NAME = frozenset({"of", "for", "the"})
"""Connectors that join a run of capitalised words but no person's name ("Lena Hart of Ohio"), unless a
regnal number stands before them ("George III of England")."""
_NOT_IN_NAME = re.compile(
    r"V[BDH][BDGINZ]|VV[DGNZ]|VM0|AV[0PQ]|PR[FP]|CJ[CST]|AT0|DT[0Q]|DPS|PN[IPQX]|TO0|XX0|EX0"
)
"""CLAWS tags of inflected verbs and function words: "Says", "Was", "Asking", "Now", "Against"."""
_FUNCTION_WORD = re.compile(r"AV[0PQ]|PR[FP]|CJ[CST]|AT0|DT[0Q]|DPS|PN[IPQX]|TO0|XX0|EX0|ITJ")
"""CLAWS tags of function words (pronouns, prepositions, determiners, conjunctions, interjections)."""
_REGNAL = re.compile(r"[IVX]+")


def _english(doc: Doc) -> list[_Found]:
    """Names by rule: runs of capitalised words, cut and typed by :func:`_typed_run`."""
    sentences = [doc.sentence_tokens(s) for s in range(len(doc.sentences))]
    runs = [(toks, _runs(toks), _headline(toks)) for toks in sentences]
    body = _body_names([(toks, spans) for toks, spans, headline in runs if not headline])
    found = []
    for toks, spans, headline in runs:
        for i, j in spans:
            for a, b in _headline_pieces(toks, i, j, body) if headline else [(i, j)]:
                found.extend(_typed_run(toks, a, b))
    return found


def _not_in_name(word: str) -> bool:
    """A title-case word that English reads first as an inflected verb or a function word: a headline's
    ("Lena Hart Says", "Campaign Reportedly Scrambling"), no part of a name. Given names stay ("Will")."""
    if word.isupper():  # a headline in capitals is one run, as before ("THEY LOSE, WE WIN")
        return False
    tag = first_reading(word, "en")
    return tag is not None and _NOT_IN_NAME.fullmatch(tag) is not None and word not in lexicon.first_names()


def _opens_name(word: str) -> bool:
    capital = word[:1].isupper() and (word.isalpha() or "-" in word)
    return capital and word not in _EN_STOP and not _not_in_name(word)


def _runs(toks: Sequence[Token]) -> list[tuple[int, int]]:
    """Runs ``[i, j)`` of capitalised words, joined by connectors ("Bank of England")."""
    runs = []
    i = 0
    while i < len(toks):
        if not _opens_name(toks[i].text):
            i += 1
            continue
        j = i + 1
        while j < len(toks):
            nxt = toks[j].text
            if (nxt[:1].isupper() and nxt not in _EN_STOP and not _not_in_name(nxt)) or (
                _month_as_surname(toks, j)
            ):
                j += 1
            elif nxt in _EN_CONNECT and j + 1 < len(toks) and toks[j + 1].text[:1].isupper():
                j += 2
            else:
                break
        runs.append((i, j))
        i = j
    return runs


_EN_MONTH_SURNAMES = frozenset({"May", "March", "April", "June", "August"})
"""Months that are family names too ("Theresa May", "Brian May")."""


def _month_as_surname(toks: Sequence[Token], j: int) -> bool:
    """A month right after a given name, no day number after it, is that person's family name:
    "Prime Minister Theresa May said", not "in May 2016" or "on May 5"."""
    after = toks[j + 1].text if j + 1 < len(toks) else ""
    return toks[j].text in _EN_MONTH_SURNAMES and _given_name_en(toks[j - 1].text) and not after[:1].isdigit()


_BEFORE_DATES = frozenset(
    {"in", "on", "since", "until", "by", "from", "to", "of", "early", "late", "mid", "next", "last", "this"}
)


def _a_date(doc: Doc, tok: Token) -> bool:
    """A family name that is also a month, used as the month: "in May", "May 4"."""
    if tok.text not in _EN_MONTH_SURNAMES:
        return False
    before = doc.tokens[tok.i - 1].text if tok.i > 0 else ""
    after = doc.tokens[tok.i + 1].text if tok.i + 1 < len(doc.tokens) else ""
    return before.lower() in _BEFORE_DATES or after[:1].isdigit()


def _headline(toks: Sequence[Token]) -> bool:
    """Title case, as in a headline: most of the longer words capitalised."""
    long = [t.text for t in toks if t.text.isalpha() and len(t.text) > 3]
    return len(long) >= 3 and sum(w[:1].isupper() for w in long) >= 0.75 * len(long)


def _body_names(body: list[tuple[Sequence[Token], list[tuple[int, int]]]]) -> frozenset[str]:
    """Every part of every run of capitalised words (from and to a capitalised word) in the sentences that are
    not in title case (with their runs): where the article's body starts and ends its names."""
    names = set()
    for toks, spans in body:
        for i, j in spans:
            words = [t.text for t in toks[i:j]]
            names.update(
                " ".join(words[a:b])
                for a in range(len(words))
                for b in range(a + 1, len(words) + 1)
                if words[a] not in _EN_CONNECT and words[b - 1] not in _EN_CONNECT
            )
    return frozenset(names)


def _headline_pieces(toks: Sequence[Token], i: int, j: int, body: frozenset[str]) -> list[tuple[int, int]]:
    """A title-case run cut where a name the article's body writes meets a common word ("Lena Hart |
    Speaks", "Calls | Lena Hart", "Hart | Plan"): a headline capitalises the words around its names."""
    words = [t.text for t in toks[i:j]]
    if " ".join(words) in body:
        return [(i, j)]
    cuts = set()
    for a in range(len(words)):
        for b in range(a + 1, len(words) + 1):
            if " ".join(words[a:b]) not in body:
                continue
            if b < len(words) and _headline_word(words[b]):
                cuts.add(b)
            if a > 0 and _headline_word(words[a - 1]):
                cuts.add(a)
    bounds = [0, *sorted(cuts), len(words)]
    return [(i + x, i + y) for x, y in itertools.pairwise(bounds)]


def _headline_word(word: str) -> bool:
    """A capitalised word English reads as a common word first; not an acronym or a head noun, which may go on
    with a name ("Ohio DC", "Republican Party"), nor a connector ("Center for Ohio Studies")."""
    heads = word in lexicon.HEADS_EN or word in lexicon.ORG_WORDS
    title_case = word[:1].isupper() and not word.isupper()
    return title_case and not heads and not read_as_name_first(word, "en")


def _typed_run(toks: Sequence[Token], i: int, j: int) -> list[_Found]:
    """The names in one run of capitalised words: titles before a name are left out, and what stands before a
    title ("Arizona Sen.", "Acme Corp. CEO") or after "of" ("Lena Hart of Ohio") is a name of its own."""
    words = [t.text for t in toks[i:j]]
    whole = _english_type(words)
    if whole and whole[0] != "Person" and not _last_title(words):
        return [_Found(toks[i].start, toks[j - 1].end, *whole, None, "rule")]  # "Justice Department"
    titled = False
    while len(words) > 1 and _role_like(words[0]):
        titled = titled or _title(words[0])
        words, i = words[1:], i + 1
    if len(words) > 1 and _title(words[-1]) and first_reading(words[-1], "en") != "NP0":
        # "Acme Corp. CEO": whose title, no name ("Larry King", "Jim Justice" are names)
        return _owner(toks, i, j)
    k = _last_title(words)
    if k:
        return [*_owner(toks, i, i + k), *_typed_run(toks, i + k, j)]
    c = _person_end(words)
    if c:
        return [
            _Found(toks[i].start, toks[i + c - 1].end, "Person", CONFIDENCE_EN_RULE, None, "rule"),
            *_typed_run(toks, i + c + 1, j),
        ]
    typed = _english_type(words) if words else None
    if titled and len(words) == 1 and _titled_name(words[0], typed):
        typed = "Person", CONFIDENCE_EN_WEAK
    if typed and typed[0] == "Person" and not titled and _after_article(toks, i, j):
        typed = None  # "the Arizona Republic", "the 2017 Ford Fusion": a paper's or a product's name
    return [_Found(toks[i].start, toks[j - 1].end, *typed, None, "rule")] if typed else []


_EN_NOUN_TAGS = ("NN0", "NN1", "NN2")
"""Tags of English common nouns (BNC)."""


def _after_article(toks: Sequence[Token], i: int, j: int) -> bool:
    """Whether the run ``[i, j)`` stands after "the" (a year between may stand: "the 2017 Ford Fusion") and
    is no modifier of a noun after it: English puts no article before a person's name, only before a name
    used as an adjective ("the Hillary Clinton campaign")."""
    k = i - 1
    if k > 0 and toks[k].text.isdigit():
        k -= 1
    after = toks[j].text if j < len(toks) else ""
    noun_after = after.islower() and first_reading(after, "en") in _EN_NOUN_TAGS
    return k >= 0 and toks[k].text.lower() == "the" and not noun_after


def _title(word: str) -> bool:
    """A title that makes the name after it a person's ("President", "Sen."), not a modifier ("Former")."""
    return lexicon.is_role_noun(word, "en") or word in lexicon.TITLES_EN


def _titled_name(word: str, typed: tuple[str, float] | None) -> bool:
    """One word after a title is a person ("Senator Hart"), unless it is a title itself, a country, an
    organisation or a common word ("General Electric")."""
    if _role_like(word) or word in lexicon.country_names() or not read_as_name_first(word, "en"):
        return False
    return typed is None or typed[0] == "Place"


def _last_title(words: list[str]) -> int:
    """Where the last title inside a run stands when a given name follows it ("Ohio Gov. Lena Hart" -> 1);
    0 when there is none."""
    for k in range(len(words) - 2, 0, -1):
        if _title(words[k]) and _given_name_en(words[k + 1]):
            return k
    return 0


def _owner(toks: Sequence[Token], i: int, j: int) -> list[_Found]:
    """What stands before a title is whose title it is: a place ("Ohio") or an organization ("Acme Corp.",
    whatever its first word), never a person."""
    while j > i and _role_like(toks[j - 1].text):
        j -= 1
    words = [t.text for t in toks[i:j]]
    typed = _english_type(words) if words and words[0][:1].isupper() else None
    if typed and typed[0] == "Person":
        typed = "Organization", CONFIDENCE_EN_WEAK
    return [_Found(toks[i].start, toks[j - 1].end, *typed, None, "rule")] if typed else []


def _person_end(words: list[str]) -> int:
    """How many words of a run are a person's name that "of" or "for" ends ("Lena Hart of Ohio" -> 2); 0
    when the run is no such name."""
    c = next((k for k, w in enumerate(words) if w in _EN_ENDS_NAME), 0)
    if c < 2 or _REGNAL.fullmatch(words[c - 1]) or _head(words) is not None:
        return 0
    typed = _english_type(words[:c])
    return c if typed and typed[0] == "Person" else 0


_EN_ROLE_WORDS = frozenset(
    [
        "Foreign",
        "Prime",
        "Deputy",
        "Vice",
        "Press",
        "Chief",
        "Defense",
        "Defence",
        "Finance",
        "Interior",
        "Home",
        "State",
        "Acting",
        "Interim",
        "Senior",
        "Special",
        "Former",
    ]
)


def _role_like(word: str) -> bool:
    return (
        lexicon.is_role_noun(word, "en")
        or word in lexicon.TITLES
        or word in lexicon.TITLES_EN
        or word in _EN_ROLE_WORDS
        or word in lexicon.country_adjectives()
    )


def _given_name_en(word: str) -> bool:
    """A given name that opens an English person's name: on the list, and not a word English reads as a
    common word first ("White House", "Daily Beast"): the list gathers names from many sources, and many of
    them are also words. (Places stay: "David", "George" and "Charlotte" are cities too.)"""
    return word in lexicon.first_names() and read_as_name_first(word, "en")


def _english_type(words: list[str]) -> tuple[str, float] | None:
    """The type of a run of capitalised English words, and how sure the rule is; None when nothing says."""
    name = " ".join(words)
    if len(words) == 1 and words[0].isupper() and len(name) > 1:
        if name in lexicon.country_names():  # "US"
            return "Place", CONFIDENCE_EN_COUNTRY
        if name.title() in lexicon.places():  # a dateline: "WASHINGTON (AP)"
            return "Place", CONFIDENCE_EN_WEAK
        if _FUNCTION_WORD.fullmatch(first_reading(name.lower(), "en") or "") is not None:
            return None  # a headline in capitals: "WHAT", "HE", "IN" are no acronyms
        return "Organization", CONFIDENCE_EN_WEAK  # an acronym: FBI, GOP, but also EDT
    known = lexicon.KNOWN_NAMES_EN.get(name)
    if known is not None:
        return (known, CONFIDENCE_EN_RULE) if known else None
    head = _head(words)
    if head is not None:
        return (head, CONFIDENCE_EN_RULE) if head else None
    if any(w in lexicon.ORG_WORDS for w in words) and not (
        words[-1] in lexicon.ORG_SURNAMES_EN and _given_and_family_name(words)
    ):
        return "Organization", CONFIDENCE_EN_RULE
    if len(words) > 1 and words[-1] in lexicon.country_adjectives():
        return None  # "North American": a nationality
    if name in lexicon.country_names():
        return "Place", CONFIDENCE_EN_COUNTRY
    if name in lexicon.places() or (
        words[0] in lexicon.COMPASS_EN and " ".join(words[1:]) in lexicon.places()
    ):
        return "Place", CONFIDENCE_EN_RULE if len(words) > 1 else CONFIDENCE_EN_WEAK
    if _ends_in_acronym(words):
        return "Organization", CONFIDENCE_EN_RULE
    if len(words) >= 2 and _team(words):
        return "Organization", CONFIDENCE_EN_RULE
    if len(words) >= 2 and _given_name_en(words[0]):
        return "Person", CONFIDENCE_EN_RULE
    return None


def _head(words: list[str]) -> str | None:
    """What the head noun of a run says it is (:data:`lexicon.HEADS_EN`): its last word, or its word before
    "of" or "for" ("School of Design"); ``""`` for a work or law; None when no head says. A head that is a
    family name too ("Park", "Day") does not make a given name and it something else ("Lena Park")."""
    c = next((k for k, w in enumerate(words) if w in _EN_ENDS_NAME), len(words))
    for w in dict.fromkeys((words[-1], words[c - 1])):
        kind = lexicon.HEADS_EN.get(w)
        if kind is None or len(words) < 2:
            continue
        if w == words[-1] and _given_and_family_name(words):
            continue
        return kind
    return None


def _given_and_family_name(words: list[str]) -> bool:
    """Two words, a given name and a last word that is a family name too: a person ("Emily Post", "Linda
    Park"); but after a given name that is a place too, a word that is no given name itself is a head
    ("Washington Post", "Hoover Institution")."""
    return (
        len(words) == 2
        and "NP0" in readings(words[1], "en")
        and _given_name_en(words[0])
        and (words[0] not in lexicon.places() or words[1] in lexicon.first_names())
    )


def _ends_in_acronym(words: list[str]) -> bool:
    """Capitalised words and an acronym, as an organization's name ends but no person's ("Ohio AFL"; "Henry
    VIII" has a regnal number, "FULL TEXT" is a headline in capitals)."""
    last = words[-1]
    acronym = len(last) > 1 and last.isupper() and last.isalpha() and not _REGNAL.fullmatch(last)
    return acronym and not _title(last) and not words[0].isupper() and not _EN_CONNECT.intersection(words)


def _team(words: list[str]) -> bool:
    """A place and a plural noun: a team or a party's members ("Ohio Bobcats", "Ohio Democrats")."""
    tags = readings(words[-1], "en")
    place = words[0] in lexicon.places() and not words[0].isupper()
    return place and tags[:1] == ("NN2",) and "NP0" not in tags


# ---- merging and resolving --------------------------------------------------------------------------
def _overlaps(a: _Found, b: _Found) -> bool:
    return a.start < b.end and b.start < a.end


def _merge(layers: list[list[_Found]]) -> list[_Found]:
    """Earlier layers win: a later span that overlaps a kept one is dropped. Registry matches of things
    (a website, a weapon) are kept here too, so that the tagger cannot make them a person."""
    kept: list[_Found] = []
    starts: list[int] = []  # kept spans never overlap, so sorted by start they are sorted by end too
    for layer in layers:
        for f in sorted(layer, key=lambda f: (f.start, -f.end)):
            k = bisect.bisect_left(starts, f.end)  # kept spans starting before f ends: [0, k)
            if k > 0 and kept[k - 1].end > f.start:
                continue
            kept.insert(k, f)
            starts.insert(k, f.start)
    return kept


_GENITIVE = re.compile(r"(?<=\w)(?:s|'s|’s|')$")


def _base(word: str) -> str:
    return _GENITIVE.sub("", word) if len(word) > 3 else word


def _compound_parts(doc: Doc, kept: list[_Found], names: dict[str, tuple[str, str]]) -> list[_Found]:
    """Parts of hyphenated tokens that are names found elsewhere in the text (discovered ones; the registry
    matches compound parts by itself)."""
    found = []
    starts = [k.start for k in kept]
    for tok in doc.tokens:
        if "-" not in tok.text[1:-1]:
            continue
        k = bisect.bisect_right(starts, tok.start) - 1
        if k >= 0 and kept[k].end >= tok.end and kept[k].source != "crf":
            continue
        pos = tok.start
        for part in tok.text.split("-"):
            hit = names.get(part) or names.get(_base(part))
            common = lexicon.lexicon_de().get(part.lower()) == "NN"
            if hit is not None and part[:1].isupper() and not common:
                found.append(_Found(pos, pos + len(part), hit[1], 0.7, None, "compound"))
            pos += len(part) + 1
    return found


_GENERATIONS = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "jun.", "sen."})


def family_name(words: Sequence[str]) -> str:
    """The family name of a person's name in words: its last word, before a generation ("John G. Roberts
    Jr." -> "Roberts"), so that "Jr." never stands for a person by itself."""
    while len(words) > 1 and words[-1] in _GENERATIONS:
        words = words[:-1]
    return words[-1]


def _short_forms(doc: Doc, kept: list[_Found]) -> list[_Found]:
    """The family name of a person found with their full name, wherever else it stands alone ("Trump",
    "Trumps" after "Donald Trump"); the tagger may have missed it there."""
    family: dict[str, float] = {}
    for f in kept:
        words = doc.text[f.start : f.end].split()
        last = family_name(words)
        if f.known is None and f.type == "Person" and len(words) >= 2 and last[:1].isupper():
            family[last] = max(family.get(last, 0.0), f.confidence)
    found = []
    for tok in doc.tokens:
        conf = family.get(tok.text) or family.get(_base(tok.text))
        if conf and not _a_date(doc, tok):
            found.append(_Found(tok.start, tok.end, "Person", round(conf * 0.9, 3), None, "short"))
    return found


def _resolve(text: str, found: list[_Found]) -> list[Mention]:
    discovered = [f for f in found if f.known is None]
    surface = {id(f): " ".join(text[f.start : f.end].split()) for f in discovered}
    # full names: multi-word person names; a one-word mention resolves to the full name whose last word it is
    full_by_last: dict[str, set[str]] = defaultdict(set)
    for f in discovered:
        words = surface[id(f)].split()
        if f.type == "Person" and len(words) >= 2:
            full_by_last[family_name(words)].add(surface[id(f)])
    canonical: dict[int, str] = {}
    as_person: set[int] = set()  # one-word mentions of a person's full name: a person, whatever typed them
    surfaces = set(surface.values())
    for f in discovered:
        name = surface[id(f)]
        words = name.split()
        if len(words) == 1:
            # a name its context makes no person's keeps its own name ("die Firma Conradty")
            fixed_thing = f.fixed and f.type != "Person"
            for cand in (name, _base(name)):
                fulls = None if fixed_thing else full_by_last.get(cand)
                if fulls and len(fulls) == 1:
                    canonical[id(f)] = next(iter(fulls))
                    as_person.add(id(f))
                    break
                if fulls:  # "Clinton" with both Hillary and Bill Clinton in the text: a person, not which
                    canonical[id(f)] = cand
                    as_person.add(id(f))
                    break
            else:
                base = _base(name)
                canonical[id(f)] = base if base != name and _is_name(base, f.type, surfaces) else name
        else:
            canonical[id(f)] = _genitive_full(name, surface.values())
        canonical[id(f)] = f.name or canonical[id(f)]
    keyname = dict(canonical)
    for f in discovered:  # a country is keyed by its German name in every language ("Hungary" -> "Ungarn")
        if f.type == "Place" and canonical[id(f)] in lexicon.country_names():
            keyname[id(f)] = lexicon.country_names()[canonical[id(f)]]
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for f in discovered:
        votes[keyname[id(f)]]["Person" if id(f) in as_person else f.type] += 1
    out: list[Mention] = []
    for f in found:
        span = Span(f.start, f.end)
        if f.known is not None:
            if not f.type:
                continue
            out.append(
                Mention(
                    span,
                    text[f.start : f.end],
                    f.type,
                    f.known.key,
                    True,
                    f.confidence,
                    f.known.wikidata,
                    f.known.name,
                )
            )
            continue
        name = keyname[id(f)]
        kind = f.type if f.fixed else votes[name].most_common(1)[0][0]
        share = votes[name][kind] / sum(votes[name].values())
        conf = f.confidence if f.fixed else round(f.confidence * (0.5 + 0.5 * share), 3)
        key = discovered_key(name, kind)
        out.append(Mention(span, text[f.start : f.end], kind, key, False, conf, None, canonical[id(f)]))
    return out


def _is_name(base: str, kind: str, surfaces: set[str]) -> bool:
    """Whether ``base`` (a name less its genitive s) is the name: the text uses it so, or it is a person's
    name, or a place the gazetteers or the regions know ("Russlands" -> "Russland", "Bayerns" -> "Bayern")."""
    if base in surfaces:
        return True
    if kind == "Place" and (base in lexicon.country_names() or base in lexicon.regions()):
        return True
    whole = base + "s"
    if whole in lexicon.places() or whole in lexicon.regions():
        return False  # "Glarus" is a name as it stands
    if lexicon.lexicon_de().get(whole.lower()) == "NE":
        return False  # "Hamas" is a name as it stands
    return kind == "Person" or (kind == "Place" and base in lexicon.places())


def _genitive_full(name: str, others: Iterable[str]) -> str:
    """ "Juri Uschakows" -> "Juri Uschakow" when the text also has the name without the ending."""
    base = _base(name)
    return base if base != name and base in set(others) else name


def find_mentions(doc: Doc, lookup: RegistryLookup | None = None) -> list[Mention]:
    """Every mention of a person, organization or place in ``doc``, in text order."""
    lookup = lookup or {}
    registry = _registry(doc.text, lookup)
    credits = _credits(doc.text, lookup)
    tagged = _crf(doc) if doc.lang == "de" else _english(doc)
    tagged = [_appositive_type(doc, t) for t in tagged if not _known_thing(doc.text[t.start : t.end], lookup)]
    if doc.lang == "de":
        sport = _sport_sentences(doc)
        tagged = _clubs(doc, _regions(doc, tagged, sport), sport)
    kept = _merge([registry, credits, tagged])
    names: dict[str, tuple[str, str]] = {}  # one-word names and persons' family names
    for f in kept:
        words = doc.text[f.start : f.end].split()
        if f.known is None and f.type and (len(words) == 1 or f.type == "Person"):
            names.setdefault(words[-1], (words[-1], f.type))
    shorts = [_appositive_type(doc, f) for f in _short_forms(doc, kept)]  # "Karl Brendel ... Firma Brendel"
    kept = _merge([kept, _compound_parts(doc, kept, names), shorts])
    return _resolve(doc.text, kept)


CONFIDENCE_REGION = 0.6
"""A region of :func:`lexicon.regions` the tagger did not mark. Chosen, not fitted: a region's name is a place
in most of its uses, but the list cannot see every use as a club or a family name that the rules of
:func:`_regions` let through, so it stands with the English rules' names (:data:`CONFIDENCE_EN_RULE`),
below the tagger's sure names (its calibrated steps reach 0.9 and more) and above :data:`CONFIDENCE_EN_WEAK`.
Nothing to fit it on: in the half of GermEval's news sentences used to choose it (538), the tagger marked
every region's name (or a name holding it) but two "Marken" (brands, left alone), and the rule added or
retyped none."""

_CLUB_BEFORE = re.compile(
    r"(?i)(?:meister|ligist|verein|klub|club|team|mannschaft|gegner|tabellenführer|spitzenreiter|"
    r"verteidiger|sieger|favorit|elf)"
)
"""Nouns before a region's name that make it a club's ("der Rekordmeister Bayern", "Gegner Sachsen")."""


@cache
def _region_runs() -> tuple[dict[tuple[str, ...], str], int]:
    """The regions' names as runs of words -> the name; and the most words a name has."""
    runs = {tuple(name.split()): name for name in lexicon.regions()}
    return runs, max((len(r) for r in runs), default=0)


def _ambiguous_region(name: str) -> bool:
    """A region's name that is also a common word ("Zug", "Marken", "Süd") or a given name that is no place
    ("Wallis", "Jura" as HanTa's lexicon and the gazetteers have them): left to the tagger."""
    low = name.lower()
    stems = lexicon.stems_de().get(low, "").split(",")
    tag = lexicon.lexicon_de().get(low)
    return (
        ("NN" in stems and "NE" not in stems)
        or (tag is not None and tag != "NE")
        or (name in lexicon.first_names() and name not in lexicon.places() and tag != "NE")
    )


_REGION_NOUNS = {
    "Kanton": "Kanton",
    "Kantons": "Kanton",
    "Bundesland": "Land",
    "Bundeslandes": "Land",
    "Land": "Land",
    "Landes": "Land",
    "Freistaat": "Freistaat",
    "Freistaats": "Freistaat",
    "Region": "Region",
    "Provinz": "Provinz",
}
"""Nouns before a region's name that say it is the region ("im Kanton Zug", "die Region Marken") -> the
noun in the region's own name ("des Kantons Zürich": "Kanton Zürich"; a Bundesland's: "Land Salzburg")."""
_NO_PERSON_ARTICLES = frozenset({"im", "ins", "vom", "zum", "das", "des"})
"""Articles, and prepositions fused with one, that stand before a region's name but before no person's ("im
Wallis", "das Wallis", "vom Jura"); so does "aus dem" or "von dem"."""


def _said_region(toks: Sequence[Token], i: int, name: str) -> bool:
    """Whether the word before the region's name at token ``i`` says it is the region: a region noun, or, for
    a name the language does not read as a common word first ("Wallis", "Jura"; not "Zug", "Marken"), an
    article no person's name takes."""
    before = toks[i - 1].text if i > 0 else ""
    if before in _REGION_NOUNS:
        return True
    fused = i > 1 and before == "dem" and toks[i - 2].text.lower() in ("aus", "von")  # "aus dem Wallis"
    no_person = before.lower() in _NO_PERSON_ARTICLES or fused
    return no_person and lexicon.lexicon_de().get(name.lower()) in (None, "NE")


def _region_own_name(noun: str, name: str) -> str:
    """The region's name with its noun where the bare name is also a city's ("Kanton Zürich", "Land Berlin"),
    so that the region and the city are two entities; else "" (the bare name: "Kanton Baselland" is
    "Baselland")."""
    city = name in lexicon.places() and name not in lexicon.country_names()
    return f"{_REGION_NOUNS[noun]} {name}" if city else ""


_PEOPLE_AS_REGIONS = frozenset({"Bayern", "Sachsen", "Hessen", "Niedersachsen", "Pommern"})
"""Regions whose name is also the plural of their people's: "die Sachsen" are Saxons (the region takes no
article), "die Bayern" Bavarians or the club."""
_ARTICLES = frozenset({"die", "der", "den", "Die", "Der", "Den"})


_PLACE_BEFORE = frozenset({"in", "im", "ins", "aus", "nach", "durch"})
"""Prepositions that make the name after them a place, even in a report on sport ("in Bayern")."""


def _placed(toks: Sequence[Token], i: int, name: str) -> bool:
    """Whether the words before the region's name at token ``i`` say it is the place: a preposition of
    place or :func:`_said_region`."""
    return (i > 0 and toks[i - 1].text.lower() in _PLACE_BEFORE) or _said_region(toks, i, name)


_SPORT_TEXT = re.compile(
    r"(?<![\d.,:])\d{1,3} ?: ?(?!0\d)\d{1,3}(?![\d,:]|\.\d| ?Uhr)|(?:\b(?:erst|zweit|dritt)en?|\d\.) Liga\b"
)
"""A match's score ("3:0", "92 :85"), not a time of day ("16:00", "16:30 Uhr"); or a league by its rank
("die zweite Liga", "3. Liga"; not "die Arabische Liga")."""


def _sport_sentences(doc: Doc) -> set[int]:
    """The sentences that report on sport: with a score or a word only sport uses
    (:func:`lexicon.sport_word`)."""
    return {
        s
        for s, sent in enumerate(doc.sentences)
        if _SPORT_TEXT.search(doc.text, sent.start, sent.end)
        or any(lexicon.sport_word(t.text) for t in doc.sentence_tokens(s))
    }


def _club_context(toks: Sequence[Token], i: int, j: int) -> bool:
    """Whether the region's name at tokens ``i:j`` names a club: after a club word ("FC Bayern", "der
    Rekordmeister Bayern") or before a city's name ("Bayern München")."""
    if i > 0:
        before = toks[i - 1].text
        club_word = before[:1].isupper() and _CLUB_BEFORE.search(before.split("-")[-1])
        if before in lexicon.ORG_WORDS or club_word:
            return True
    return _city_after(toks, j)


def _city_after(toks: Sequence[Token], j: int) -> bool:
    """Whether a city's name stands at token ``j``, after a region's: the club's full name ("Bayern
    München")."""
    return j < len(toks) and toks[j].text[:1].isupper() and toks[j].text in lexicon.places()


def _regions(doc: Doc, tagged: list[_Found], sport: set[int]) -> list[_Found]:
    """Regions of :func:`lexicon.regions` (German Länder, Austrian Bundesländer, Swiss cantons, other
    first-level regions by their German names) in German text, matched by whole tokens, longest first, also
    in the genitive ("Bayerns"), so that "Sachsen" inside "Sachsen-Anhalt" is no match of its own:

    - a name the tagger typed a person is a place (its confidence kept, at least :data:`CONFIDENCE_REGION`);
    - a name the tagger did not mark is a place with :data:`CONFIDENCE_REGION`;
    - a name inside or across a longer name of the tagger ("Landtag Nordrhein-Westfalen") stays its part,
      but a region noun before it is no part of the region's name ("Kanton Baselland" -> "Baselland");
    - a club's name is an organization whatever the tagger's type (at least :data:`CONFIDENCE_REGION`), by
      itself or with the city after it, and a longer name of the tagger ("FC Bayern") stays as it is: after a
      club word or before a city (:func:`_club_context`: "der Rekordmeister Bayern", "Bayern München"), in a
      sentence on sport (``sport``, :func:`_sport_sentences`) unless a preposition of place stands before it
      ("Bayern siegte 3:0", not "in Bayern"), and a region named like its people after an article ("die
      Bayern", :data:`_PEOPLE_AS_REGIONS`) in any sentence of an article on sport (two such sentences);
    - a name that is also a common word or a given name (:func:`_ambiguous_region`) is left to the tagger
      unless the word before says it is the region (:func:`_said_region`: "im Kanton Zug", "im Wallis"), and
      so is a region named like its people after an article outside sport, but not as a place: "die Sachsen"
      are Saxons (the tagger's place or person is dropped, its organization kept).

    The type a club's or a place's own words give (:func:`_placed`) is ``fixed``: it keeps it whatever the
    article's other mentions of the name are ("Bayern investiert ... die Bayern verloren 0:2").
    """
    runs, longest = _region_runs()
    if not runs:
        return tagged
    by_span = {(f.start, f.end): k for k, f in enumerate(tagged)}
    spans = sorted((f.start, f.end) for f in tagged)
    out = list(tagged)
    added: list[_Found] = []
    dropped: set[int] = set()
    sport_article = len(sport) >= 2
    for s in range(len(doc.sentences)):
        toks = doc.sentence_tokens(s)
        i = 0
        while i < len(toks):
            hit = _region_at(toks, i, runs, longest)
            if hit is None:
                i += 1
                continue
            j, name = hit
            start, end = toks[i].start, toks[j - 1].end
            people = name in _PEOPLE_AS_REGIONS and i > 0 and toks[i - 1].text in _ARTICLES
            said, placed = _said_region(toks, i, name), _placed(toks, i, name)
            ambiguous = _ambiguous_region(name) and not said
            own = _club_context(toks, i, j) or (s in sport and not placed)
            club = not ambiguous and (own or (people and sport_article))
            cap = CONFIDENCE_CLUB_BY_ARTICLE if club and not own else 1.0
            noun = toks[i - 1] if i > 0 and toks[i - 1].text in _REGION_NOUNS else None
            i = j
            k = by_span.get((start, end))
            own_name = _region_own_name(noun.text, name) if noun is not None else ""
            if k is None and noun is not None and (noun.start, end) in by_span:
                k = by_span[(noun.start, end)]  # the tagger's "Kanton Baselland": the region is "Baselland"
                out[k] = replace(out[k], start=start)
            if k is not None and own_name:
                out[k] = replace(out[k], name=own_name)
            if people and not club and k is not None and out[k].type != "Organization":
                dropped.add(k)  # "die Bayern wählen": Bavarians, no place (the tagger's club stays)
            if ambiguous or (people and not club):
                continue
            if k is None and club and j < len(toks):  # "Bayern München" as one name
                k = by_span.get((start, toks[j].end))
            if k is not None:
                f = out[k]
                kind = "Organization" if club else "Place" if f.type == "Person" or placed else f.type
                if kind != f.type or club or placed:
                    conf = f.confidence if kind == f.type else min(max(f.confidence, CONFIDENCE_REGION), cap)
                    out[k] = replace(f, type=kind, confidence=conf, fixed=club or placed)
                continue
            n = bisect.bisect_left(spans, (end, -1))
            inside = any(a < end and start < b for a, b in spans[max(n - 8, 0) : n])
            if inside or (club and _city_after(toks, j)):
                continue
            conf = min(CONFIDENCE_REGION, cap) if club else CONFIDENCE_REGION
            kind = "Organization" if club else "Place"
            added.append(_Found(start, end, kind, conf, None, "region", fixed=club or placed, name=own_name))
    return [f for k, f in enumerate(out) if k not in dropped] + added


CONFIDENCE_CLUB = 0.6
"""A club's short form (:data:`lexicon.CLUB_SHORT_FORMS`) in a report on sport: chosen, as
:data:`CONFIDENCE_REGION`, for a rule that holds in most uses and cannot see them all."""
CONFIDENCE_CLUB_BY_ARTICLE = CONFIDENCE_EN_WEAK
"""At most this for a club that only its article, not its own sentence, says is one ("die Bayern", "Hertha"
in a sentence with no word of sport): there the name may still be a people's or a given name."""


def _clubs(doc: Doc, tagged: list[_Found], sport: set[int]) -> list[_Found]:
    """A club's short form ("Hertha", "Schalke", "Gladbach") in a sentence on sport, or anywhere in an
    article on sport (two such sentences), is the club, and so is it with a city or number after it anywhere
    ("Eintracht Frankfurt", "Schalke 04"): the tagger's names inside it give way to it, one organization, and
    a longer name of the tagger that starts with it ("Hertha BSC") is an organization. Its confidence is the
    tagger's if the tagger typed it an organization, else :data:`CONFIDENCE_CLUB`, and at most
    :data:`CONFIDENCE_CLUB_BY_ARTICLE` where only the article says it is a club. Elsewhere the word is left to
    the tagger ("Tante Hertha")."""
    out = list(tagged)
    for s in range(len(doc.sentences)):
        toks = doc.sentence_tokens(s)
        for i, tok in enumerate(toks):
            if tok.text not in lexicon.CLUB_SHORT_FORMS:
                continue
            start, end = tok.start, _club_end(toks, i)
            named = end > tok.end  # "Eintracht Frankfurt", "Schalke 04": a club wherever it stands
            if not (named or s in sport or len(sport) >= 2):
                continue
            cap = 1.0 if named or s in sport else CONFIDENCE_CLUB_BY_ARTICLE
            inside = [f for f in out if f.start < end and start < f.end]
            if any(f.start < start or f.end > end for f in inside):
                out = [_as_club(f, cap) if f.start == start else f for f in out]  # "Hertha BSC"
                continue
            tagged_club = [f.confidence for f in inside if f.type == "Organization"]
            conf = max(tagged_club, default=min(CONFIDENCE_CLUB, cap))
            out = [f for f in out if f not in inside]
            out.append(_Found(start, end, "Organization", conf, None, "club", fixed=True))
    return out


def _club_end(toks: Sequence[Token], i: int) -> int:
    """Where the club's name that starts with the short form at token ``i`` ends: after the two-digit number
    and the city's name that may follow it ("Schalke 04", "Eintracht Frankfurt", "Bayer 04 Leverkusen"; a
    stop glued to the number at a sentence's end is no part of it)."""
    end, k = toks[i].end, i + 1
    number = toks[k].text.rstrip(".") if k < len(toks) else ""
    if len(number) == 2 and number.isdigit():  # a club's year, "04"; not "Bayer 2023"
        end, k = toks[k].start + 2, k + 1
    return toks[k].end if _city_after(toks, k) else end


def _as_club(f: _Found, cap: float) -> _Found:
    """The tagger's name ``f`` as a club's: an organization, with :data:`CONFIDENCE_CLUB` (at most ``cap``) if
    it was typed otherwise."""
    conf = f.confidence if f.type == "Organization" else min(CONFIDENCE_CLUB, cap)
    return replace(f, type="Organization", confidence=conf, fixed=True)


def _region_at(
    toks: Sequence[Token], i: int, runs: dict[tuple[str, ...], str], longest: int
) -> tuple[int, str] | None:
    """The longest region's name that starts at token ``i`` (its last word perhaps in the genitive:
    "Bayerns", "Sachsen-Anhalts"): the token after it and the name."""
    for n in range(min(longest, len(toks) - i), 0, -1):
        words = [t.text for t in toks[i : i + n]]
        name = runs.get(tuple(words))
        if name is None and words[-1][-1:] in "s'’":
            base = _base(words[-1])
            if base != words[-1]:
                cand = runs.get((*words[:-1], base))
                if cand is not None and words[-1] not in lexicon.places():  # _resolve then keys it by cand
                    name = cand
        if name is not None:
            return i + n, name
    return None


def _appositive_type(doc: Doc, f: _Found) -> _Found:
    """A name right after a noun that says what it is: "die Plattform Truth Social", "der Konzern Siemens"
    (an organization), "die Stadt Halle" (a place), whatever the tagger thought or the article's other
    mentions of the name say (``fixed``)."""
    tok = doc.token_at(f.start)
    if tok is None or tok.i == 0 or doc.tokens[tok.i - 1].sentence != tok.sentence:
        return f
    before = doc.tokens[tok.i - 1].text
    kind = lexicon.APPOSITIVE_NOUNS.get(before)
    return f if kind is None else replace(f, type=kind, fixed=True)


def _known_thing(name: str, lookup: RegistryLookup) -> bool:
    known = lookup.get(" ".join(name.split()))
    return known is not None and known.entity_type is None


def with_canonical(mention: Mention, name: str, key: str) -> Mention:
    return replace(mention, canonical=name, key=key)
