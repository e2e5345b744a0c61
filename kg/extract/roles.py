"""Roles from titles and appositions: "Ungarns Außenminister Peter Szijjarto", "US-Präsident Donald Trump",
"seine Sprecherin Karoline Leavitt", "Russlands Ex-Präsident und Sicherheitsrats-Vizechef Dmitri Medwedew",
"Der Berater Putins, Juri Uschakow"; "Hungarian Foreign Minister Peter Szijjarto", "former President Joe
Biden".

A role noun is a word that ends in one of :data:`kg.extract.lexicon.ROLE_HEADS` ("-minister", "-präsident",
"-sprecher", "-chef", ...). What it is a role *of* comes from the words before it: a country in the genitive
("Ungarns"), a country adjective ("ungarischen", "Hungarian"), the part of a compound before the hyphen
("US-", "Sicherheitsrats-"), or the first part of a compound the registry knows ("Kremlchef"); a possessive
("seine", "Trumps") names a person, and a role of a person has no ``of``. A role is ``former`` with "Ex-",
"ehemalige", "frühere", "Amtsvorgänger", "former" before or in it.

:func:`role_mentions` then resolves role nouns that stand alone for a person ("der Kremlchef", "der
US-Präsident") to the person the text gave that role, when only one person has it there.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kg.extract import lexicon
from kg.extract.doc import Doc, Token
from kg.extract.mentions import RegistryLookup
from kg.extract.types import Mention, Role, discovered_key
from kg.model import Span

CONFIDENCE_TITLE = 0.85
"""A role right before the name ("Außenminister Marco Rubio")."""
CONFIDENCE_APPOSITION = 0.75
"""A role set off by commas ("Der Berater Putins, Juri Uschakow,")."""
CONFIDENCE_ROLE_MENTION = 0.6
"""A role noun standing for the one person the text gave that role."""
CONFIDENCE_INHERITED = 0.6
"""The possessor's role, handed on by "Amtsvorgänger", "Nachfolger", "predecessor"."""

_DE_MODIFIERS = frozenset(
    [
        "stellvertretende",
        "stellvertretender",
        "stellvertretenden",
        "neue",
        "neuer",
        "neuen",
        "amtierende",
        "amtierender",
        "amtierenden",
        "designierte",
        "designierter",
        "designierten",
        "scheidende",
        "scheidender",
        "scheidenden",
        "bisherige",
        "bisheriger",
        "bisherigen",
        "langjährige",
        "langjähriger",
        "langjährigen",
        "frühere",
        "früherer",
        "früheren",
        "ehemalige",
        "ehemaliger",
        "ehemaligen",
        "einstige",
        "einstiger",
        "einstigen",
        "damalige",
        "damaliger",
        "damaligen",
        "oberste",
        "oberster",
        "obersten",
        "alt",  # Swiss: "alt Bundesrat"
    ]
)
_DE_POSSESSIVE = frozenset(
    [
        "sein",
        "seine",
        "seinen",
        "seinem",
        "seiner",
        "ihr",
        "ihre",
        "ihren",
        "ihrem",
        "ihrer",
        "dessen",
        "deren",
    ]
)
_DE_ARTICLES = frozenset(["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer"])
_EN_MODIFIERS = frozenset(
    [
        "foreign",
        "prime",
        "deputy",
        "vice",
        "press",
        "chief",
        "general",
        "defense",
        "defence",
        "finance",
        "interior",
        "economy",
        "home",
        "state",
        "national",
        "security",
        "acting",
        "interim",
        "senior",
        "top",
        "special",
        "white",
        "house",
    ]
)
_EN_ARTICLES = frozenset(["the", "a", "an"])


@dataclass(frozen=True)
class _Qualifier:
    of: str | None
    former: bool
    first: int
    """Index of the first token of the phrase."""


def find_roles(doc: Doc, mentions: Sequence[Mention], lookup: RegistryLookup | None = None) -> list[Role]:
    """Every role the text gives a person it names, in text order."""
    lookup = lookup or {}
    mentions = _Mentions(mentions)
    persons = [m for m in mentions if m.type == "Person" and _is_name(m) and not _genitive(m)]
    by_end = {m.span.end: m for m in mentions}
    roles: list[Role] = []
    for m in persons:
        first = doc.token_at(m.span.start)
        if first is None:
            continue
        roles.extend(_before(doc, m, first, mentions, by_end, lookup))
        roles.extend(_after(doc, m, mentions, lookup))
    roles.extend(_inherited(doc, roles, mentions))
    seen: set[tuple[int, int, str, str]] = set()
    out = []
    for r in sorted(roles, key=lambda r: (r.span, r.role)):
        k = (r.span.start, r.span.end, r.person, r.role)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


_SUCCESSION = {
    "amtsvorgänger": True,
    "vorgänger": True,
    "amtsnachfolger": False,
    "nachfolger": False,
    "predecessor": True,
    "successor": False,
}
"""Role nouns that hand on the role of their possessor: "Trumps Amtsvorgänger Joe Biden" held Trump's
office before him (True: former)."""


def _inherited(doc: Doc, roles: list[Role], mentions: _Mentions) -> list[Role]:
    """A successor's role from the possessor's: in "Trumps Amtsvorgänger Joe Biden" Biden held (former)
    the role the text gives Trump, with its ``of``."""
    out = []
    for r in roles:
        former = _SUCCESSION.get(r.role.lower().removesuffix("in"))
        if former is None:
            continue
        tok = doc.token_at(r.span.start)
        owner = mentions.at(tok) if tok is not None else None
        if owner is None or owner.type != "Person" or owner.key == r.person:
            continue
        theirs = [x for x in roles if x.person == owner.key and x.role.lower() not in _SUCCESSION and x.of]
        if not theirs:
            continue
        best = max(Counter((x.role, x.of) for x in theirs).items(), key=lambda kv: kv[1])[0]
        out.append(Role(r.span, r.person, best[0], best[1], former, CONFIDENCE_INHERITED))
    return out


def _is_name(m: Mention) -> bool:
    """A mention by name, not by a role noun the registry lists as an alias ("US-Präsident")."""
    words = m.text.split()
    return not (len(words) == 1 and (lexicon.is_role_noun(m.text) or lexicon.is_role_noun(m.text, "en")))


def _genitive(m: Mention) -> bool:
    """ "Putins" in "Der Berater Putins": the person owns the role before it, he does not hold it."""
    last = m.text.split()[-1]
    full = (m.canonical or m.text).split()[-1]
    return last != full and last.rstrip("s’'") == full


def _role_word(doc: Doc, tok: Token) -> bool:
    return lexicon.is_office_noun(tok.text) if doc.lang == "de" else lexicon.is_role_noun(tok.text, "en")


def _title_word(doc: Doc, tok: Token) -> bool:
    """A role noun, or before a name also a council member's title ("Bundesrat Urs Brunner",
    "SVP-Nationalrat", "Alt-Regierungsrat"), which elsewhere names the council."""
    if _role_word(doc, tok):
        return True
    tail = tok.text.rpartition("-")[2]
    return doc.lang == "de" and (lexicon.former_title(tok.text) or tail) in lexicon.COUNCIL_TITLES


def _before(
    doc: Doc,
    person: Mention,
    first: Token,
    mentions: Sequence[Mention],
    by_end: dict[int, Mention],
    lookup: RegistryLookup,
) -> list[Role]:
    """Role nouns right before the name, with the words that qualify them."""
    sent = doc.sentences[first.sentence]
    k = first.i - 1
    # a role noun the registry matched as an alias of the same person ("US-Präsident" before "Donald Trump")
    nouns: list[int] = []
    while k >= sent.first:
        tok = doc.tokens[k]
        if _title_word(doc, tok) or (doc.lang != "de" and tok.text.lower() in _EN_MODIFIERS and nouns):
            if _title_word(doc, tok):
                nouns.insert(0, k)
            k -= 1
            continue
        if (
            nouns
            and tok.text in ("und", "and", "&")
            and k - 1 >= sent.first
            and _title_word(doc, doc.tokens[k - 1])
        ):
            k -= 1
            continue
        break
    if not nouns:
        return []
    out = []
    for n, idx in enumerate(nouns):
        lead = k + 1 if n == 0 else idx
        qual = (
            _qualify(doc, lead, idx, sent.first, mentions, lookup) if n == 0 else _Qualifier(None, False, idx)
        )
        out.append(_role(doc, person, doc.tokens[idx], qual, lookup, CONFIDENCE_TITLE))
    return out


def _qualify(
    doc: Doc, lead: int, noun: int, floor: int, mentions: Sequence[Mention], lookup: RegistryLookup
) -> _Qualifier:
    """The country or organization, and "former", from the words before the role noun at ``noun``;
    ``lead`` is the first token of the role words."""
    former = False
    of: str | None = None
    k = lead - 1
    # English: the words between qualifier and noun ("Hungarian Foreign Minister")
    for j in range(lead, noun):
        w = doc.tokens[j].text
        if w in lexicon.country_adjectives():
            of = _country_key(lexicon.country_adjectives()[w], lookup)
        if w.lower() in lexicon.FORMER_EN:
            former = True
    first = lead
    while k >= floor:
        tok = doc.tokens[k]
        w = tok.text
        low = w.lower()
        if low in _DE_MODIFIERS or low in lexicon.FORMER_EN or low.rstrip("-") in ("ex", "then"):
            former = former or any(low.startswith(f) for f in lexicon.FORMER_DE + lexicon.FORMER_EN)
            first, k = k, k - 1
            continue
        region = _region_adjective(w, lookup) if of is None and doc.lang == "de" else None
        if region is not None:  # "der bayerische Ministerpräsident"
            of = region
            first, k = k, k - 1
            continue
        if doc.lang == "de" and w.islower() and w not in lexicon.country_adjectives() and _adjective(w):
            first, k = k, k - 1  # "Trumps demokratischem Amtsvorgänger"
            continue
        if w in lexicon.country_adjectives() and of is None:
            of = _country_key(lexicon.country_adjectives()[w], lookup)
            first, k = k, k - 1
            continue
        city = _city_adjective(w, lookup) if of is None and doc.lang == "de" else None
        if city is not None:  # "Moskauer Sondergesandte", "Berliner Bürgermeister"
            of = city
            first, k = k, k - 1
            continue
        if w in lexicon.country_names() and of is None:
            of = _country_key(lexicon.country_names()[w], lookup)
            first = k
            break
        m = _mention_at(tok, mentions)
        if m is not None and of is None and m.type in ("Organization", "Place"):
            of = m.key
            first = k
            break
        if m is not None and m.type == "Person":
            first = k  # a possessor ("Trumps demokratischem Amtsvorgänger"): a role of a person
            break
        if low in _DE_POSSESSIVE or low.endswith("'s") or low.endswith("’s"):
            first = k
            break
        if doc.lang != "de" and w[:1].isupper() and low not in _EN_ARTICLES and w.isalpha():
            if low in _EN_MODIFIERS:
                first, k = k, k - 1
                continue
            # "White House press secretary", "Kremlin spokesman": a capitalised name before the role
            hit = lookup.get(w)
            if hit is not None and hit.entity_type in ("Organization", "Place") and of is None:
                of = hit.key
                first, k = k, k - 1
                continue
        break
    return _Qualifier(of, former, first)


def _role(
    doc: Doc, person: Mention, noun: Token, qual: _Qualifier, lookup: RegistryLookup, conf: float
) -> Role:
    word = noun.text
    of = qual.of
    former = qual.former
    office = lexicon.former_title(word) if doc.lang == "de" else None
    if office is not None:  # "Altbundeskanzler", "Alt-Bundesrat"
        word, former = office, True
    if "-" in word[1:-1]:
        head, _, rest = word.rpartition("-")
        pre = word.split("-")[0]
        if pre.lower() in ("ex", "former", "ehemalig"):
            former = True
        elif of is None:
            of = _prefix_key(head, lookup)
        word = rest if pre.lower() not in ("ex",) else word.split("-", 1)[1]
        if "-" in word[1:-1]:
            word = word.rpartition("-")[2]
    elif of is None:
        of = _compound_key(word, lookup)
    if any(word.lower().startswith(f) for f in ("amtsvorgänger", "vorgänger", "predecessor")):
        former = True
    role = _base_form(doc, noun, word)
    if doc.lang != "de":  # "Foreign Minister", "press secretary": the words of the title before the noun
        k = noun.i
        while k - 1 >= qual.first and doc.tokens[k - 1].text.lower() in _EN_MODIFIERS:
            k -= 1
        role = " ".join(t.text for t in doc.tokens[k : noun.i + 1])
        if doc.tokens[k].text.lower() in ("white", "house") and k + 1 <= noun.i:
            role = " ".join(
                t.text for t in doc.tokens[k : noun.i + 1] if t.text.lower() not in ("white", "house")
            )
    start = doc.tokens[qual.first].start
    return Role(Span(start, person.span.end), person.key, role, of, former, conf)


def _base_form(doc: Doc, noun: Token, word: str) -> str:
    """The role noun in the nominative singular ("Präsidenten" -> "Präsident", "Sprecherinnen" ->
    "Sprecherin"): the word up to the end of its role head, and the feminine -in if it has one. (By rule,
    not by the tagger: tagging a sentence costs more than the rest of the extraction of it.)"""
    del noun
    if doc.lang != "de":
        return word
    return lexicon.role_base(word)


_OWNER_BEFORE = frozenset({"von", "des", "der", "of", "the"})
"""Words between a role noun and the name of whose role it is, after the noun."""


def _after(doc: Doc, person: Mention, mentions: Sequence[Mention], lookup: RegistryLookup) -> list[Role]:
    """Appositions: "Der Berater Putins, Juri Uschakow," and "Juri Uschakow, der Berater Putins,"."""
    out = []
    first = doc.token_at(person.span.start)
    last = doc.token_at(person.span.end - 1)
    if first is None or last is None:
        return out
    sent = doc.sentences[first.sentence]
    # role phrase, comma, name
    k = first.i - 1
    if k > sent.first and doc.tokens[k].text == ",":
        j = k - 1
        genitive = None
        if j >= sent.first and _mention_at(doc.tokens[j], mentions) is not None and j - 1 >= sent.first:
            genitive = _mention_at(doc.tokens[j], mentions)
            j = doc.token_at(genitive.span.start).i - 1 if genitive is not None else j - 1
            if j >= sent.first and doc.tokens[j].text.lower() in _OWNER_BEFORE:
                j -= 1  # "Der Berater der Bundesbank, ...", "Der Landeshauptmann von Tirol, ..."
        if j >= sent.first and _role_word(doc, doc.tokens[j]):
            qual = _qualify(doc, j, j, sent.first, mentions, lookup)
            if genitive is not None and genitive.type != "Person" and qual.of is None:
                qual = _Qualifier(genitive.key, qual.former, qual.first)
            out.append(_role(doc, person, doc.tokens[j], qual, lookup, CONFIDENCE_APPOSITION))
    # name, comma, article, modifiers, role noun
    k = last.i + 1
    if k < sent.last and doc.tokens[k].text == ",":
        j = k + 1
        start = j
        words = {"de": _DE_ARTICLES, "en": _EN_ARTICLES}.get(doc.lang, _EN_ARTICLES)
        if j < sent.last and doc.tokens[j].text.lower() in words:
            j += 1
        while j < sent.last and (
            doc.tokens[j].text.lower() in _DE_MODIFIERS
            or doc.tokens[j].text in lexicon.country_adjectives()
            or (doc.lang != "de" and doc.tokens[j].text.lower() in _EN_MODIFIERS)
        ):
            j += 1
        if j < sent.last and _role_word(doc, doc.tokens[j]) and j > start:
            qual = _qualify_after(doc, start, j, sent.last, mentions, lookup)
            role = _role(doc, person, doc.tokens[j], qual, lookup, CONFIDENCE_APPOSITION)
            end = doc.tokens[j].end
            out.append(
                Role(
                    Span(person.span.start, end),
                    role.person,
                    role.role,
                    role.of,
                    role.former,
                    role.confidence,
                )
            )
    return out


def _qualify_after(
    doc: Doc, start: int, noun: int, floor_end: int, mentions: Sequence[Mention], lookup: RegistryLookup
) -> _Qualifier:
    q = _qualify(doc, noun, noun, start, mentions, lookup)
    of = q.of
    nxt = noun + 1
    while nxt + 1 < floor_end and nxt < noun + 3 and doc.tokens[nxt].text in _OWNER_BEFORE:
        nxt += 1  # "der Landeshauptmann von Tirol", "the President of the United States"
    if of is None and nxt < floor_end:
        tok = doc.tokens[nxt]
        m = _mention_at(tok, mentions)
        if tok.text in lexicon.country_names():
            of = _country_key(lexicon.country_names()[tok.text], lookup)
        elif m is not None and m.type in ("Organization", "Place"):
            of = m.key
    return _Qualifier(of, q.former, q.first)


# ---- keys ---------------------------------------------------------------------------------------------
class _Mentions(Sequence[Mention]):
    """Mentions sorted by offset, to find the one at a token in log time (they never overlap)."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.items = sorted(mentions, key=lambda m: (m.span.start, m.span.end))
        self.starts = [m.span.start for m in self.items]

    def __getitem__(self, i):  # type: ignore[no-untyped-def,override]
        return self.items[i]

    def __len__(self) -> int:
        return len(self.items)

    def at(self, tok: Token) -> Mention | None:
        k = bisect.bisect_right(self.starts, tok.start) - 1
        while k >= 0 and self.items[k].span.end > tok.start:  # an earlier, longer one may cover it
            if tok.end <= self.items[k].span.end:
                return self.items[k]
            k -= 1
        return None


def _mention_at(tok: Token, mentions: Iterable[Mention]) -> Mention | None:
    if isinstance(mentions, _Mentions):
        return mentions.at(tok)
    for m in mentions:
        if m.span.start <= tok.start and tok.end <= m.span.end:
            return m
    return None


_ADJECTIVE = re.compile(r"(?:isch|lich|ig|al|iv|ar|bar|los|haft|sam)(?:e|en|em|er|es)$")


def _adjective(word: str) -> bool:
    """An inflected German adjective ("demokratischem", "langjährigen"), by HanTa's lexicon or its ending."""
    tag = lexicon.lexicon_de().get(word)
    if tag is not None:
        return tag == "ADJA"
    return _ADJECTIVE.search(word) is not None


def _city_adjective(word: str, lookup: RegistryLookup) -> str | None:
    """The place a German city or region adjective names: "Moskauer" -> Moskau, "Pariser" -> Paris, "Tiroler"
    -> Tirol (:func:`lexicon.regions`)."""
    if not (word[:1].isupper() and word.endswith("er") and len(word) > 5):
        return None
    return next(filter(None, (_place_key(stem, lookup) for stem in _place_stems(word))), None)


def _place_key(name: str, lookup: RegistryLookup, gazetteer: bool = True) -> str | None:
    """The key of the place ``name``: the registry's, or a discovered one for a region's name (with
    ``gazetteer`` any place's) that is no country's (:func:`_country_key` has those); None for no place."""
    hit = lookup.get(name)
    if hit is not None and hit.entity_type == "Place":
        return hit.key
    known = name in lexicon.regions() or (gazetteer and name in lexicon.places())
    return discovered_key(name, "Place") if known and name not in lexicon.country_names() else None


_REGION_ADJECTIVE = re.compile(r"([a-zäöüß-]{3,}?)isch(?:e|en|er|es|em)?")
_REGION_ENDS = ("", "n", "en", "ien", "ei", "a")
"""What a region's name has after the stem of its adjective in -isch: "brandenburg-isch", "bayer-n",
"hess-en", "kaliforn-ien", "lombard-ei", "toskan-a"."""
_IRREGULAR_REGION_STEMS = {"steir": "Steiermark", "bündner": "Graubünden", "zürcher": "Zürich"}


def _region_adjective(word: str, lookup: RegistryLookup) -> str | None:
    """The region a lower-case adjective in -isch names, as German forms them: "bayerische" -> Bayern,
    "sächsischen" -> Sachsen, "nordrhein-westfälische" -> Nordrhein-Westfalen, "saarländische" -> Saarland
    (a name's a, o, u become umlauts in the adjective), "steirische" -> Steiermark (:func:`lexicon.regions`;
    country adjectives are :func:`lexicon.country_adjectives`)."""
    m = _REGION_ADJECTIVE.fullmatch(word)
    if m is None:
        return None
    stem = m.group(1)
    plain = stem.translate(str.maketrans("äöü", "aou"))
    names = [_IRREGULAR_REGION_STEMS.get(stem, "")]
    for base in dict.fromkeys((stem, plain)):
        titled = "-".join(part[:1].upper() + part[1:] for part in base.split("-"))
        names.extend(titled + end for end in _REGION_ENDS)
    return next(filter(None, (_place_key(name, lookup, gazetteer=False) for name in names if name)), None)


_IRREGULAR_PLACE_ADJECTIVES = {"Zürcher": "Zürich", "Bündner": "Graubünden", "Steirer": "Steiermark"}


def _place_stems(word: str) -> list[str]:
    """The place names an adjective in -er may come from: the word less -er ("Tiroler"), a name in -en that
    drops it ("Münchner", "Kärntner", "Bremer"), a name in -el that drops its e ("Basler"), or an irregular
    one ("Zürcher")."""
    stem = word[:-2]
    lost_en = stem.endswith("n") and stem[-2:-1] not in "aeiouäöüy"  # "Münchn", not "Berlin"
    stems = [stem[:-1] + "en" if lost_en else "", stem, stem + "en"]
    if stem.endswith("l"):
        stems.append(stem[:-1] + "el")
    return [s for s in (_IRREGULAR_PLACE_ADJECTIVES.get(word, ""), *stems) if s]


def _country_key(name: str, lookup: RegistryLookup) -> str:
    for form in (name, *[en for de, _s, en, _a in lexicon.COUNTRIES if de == name]):
        hit = lookup.get(form)
        if hit is not None:
            return hit.key
    if name == "USA":
        for form in ("Vereinigte Staaten", "United States", "US"):
            hit = lookup.get(form)
            if hit is not None:
                return hit.key
    return discovered_key(name, "Place")


def _prefix_key(prefix: str, lookup: RegistryLookup) -> str | None:
    """The entity a compound's first part names: "US" (a country), "Sicherheitsrats" (an organization)."""
    name = lexicon.PREFIXES.get(prefix, prefix)
    if name in lexicon.country_names():
        return _country_key(lexicon.country_names()[name], lookup)
    for form in (prefix, name):
        hit = lookup.get(form)
        if hit is not None and hit.entity_type in ("Organization", "Place"):
            return hit.key
    if prefix in lexicon.PREFIXES:
        kind = "Place" if name in lexicon.country_names() else "Organization"
        return discovered_key(name, kind)
    return None


def _compound_key(word: str, lookup: RegistryLookup) -> str | None:
    """ "Kremlchef": a first part the registry knows as an organization or place."""
    low = word.lower()
    for head in lexicon.ROLE_HEADS:
        at = low.rfind(head)
        if at > 2:
            prefix = word[:at]
            hit = lookup.get(prefix) or lookup.get(prefix.rstrip("s"))
            if hit is not None and hit.entity_type in ("Organization", "Place"):
                return hit.key
    return None


# ---- role nouns that stand for a person ---------------------------------------------------------------
def role_mentions(
    doc: Doc, mentions: Sequence[Mention], roles: Sequence[Role], lookup: RegistryLookup | None = None
) -> list[Mention]:
    """Mentions by role noun ("der Kremlchef", "den US-Präsidenten") of the one person the text gave that
    role (with the same ``of``) elsewhere; role nouns inside a mention or before a name are left alone."""
    mentions = _Mentions(mentions)
    by_role: dict[tuple[str, str | None], set[str]] = {}
    names: dict[str, str] = {}
    for r in roles:
        by_role.setdefault((r.role.lower(), r.of), set()).add(r.person)
        by_role.setdefault((r.role.lower(), None), set()).add(r.person)
    for m in mentions:
        if m.type == "Person":
            names.setdefault(m.key, m.canonical or m.text)
    role_spans = [r.span for r in roles]
    out = []
    for tok in doc.tokens:
        if not _role_word(doc, tok) or _mention_at(tok, mentions) is not None:
            continue
        if any(s.start <= tok.start < s.end for s in role_spans):
            continue
        nxt = doc.tokens[tok.i + 1] if tok.i + 1 < len(doc.tokens) else None
        if nxt is not None and _mention_at(nxt, mentions) is not None and nxt.sentence == tok.sentence:
            continue
        sent = doc.sentences[tok.sentence]
        qual = _qualify(doc, tok.i, tok.i, sent.first, mentions, lookup or {})
        probe = Mention(tok.span, tok.text, "Person", "", False, 0.0)
        role = _role(doc, probe, tok, qual, lookup or {}, 0.0)
        persons = (
            by_role.get((role.role.lower(), role.of)) if role.of else by_role.get((role.role.lower(), None))
        )
        if not persons or len(persons) != 1:
            continue
        key = next(iter(persons))
        if key not in names:
            continue
        same = next((m for m in mentions if m.key == key), None)
        known, wikidata = (same.known, same.wikidata) if same is not None else (False, None)
        out.append(
            Mention(tok.span, tok.text, "Person", key, known, CONFIDENCE_ROLE_MENTION, wikidata, names[key])
        )
    return out
