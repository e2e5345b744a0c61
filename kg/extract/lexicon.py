"""Small hand-curated word lists: role nouns, titles, organisation words, countries and their adjectives.

Common words of the language, not names of people or organisations: a list here is short enough to read
through, and every entry holds in any article. The long name lists (places, given names) are built by
:mod:`kg.extract.train.gazetteers` from data in PyPI packages.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

# Country: (German name, German adjective stem, English name, English adjective). The adjective stem takes
# the German endings (-e, -en, -er, -es, -em): "ungarisch" -> "ungarischen".
COUNTRIES: tuple[tuple[str, str, str, str], ...] = (
    ("Deutschland", "deutsch", "Germany", "German"),
    ("Russland", "russisch", "Russia", "Russian"),
    ("Ukraine", "ukrainisch", "Ukraine", "Ukrainian"),
    ("USA", "amerikanisch", "United States", "American"),
    ("Ungarn", "ungarisch", "Hungary", "Hungarian"),
    ("Frankreich", "französisch", "France", "French"),
    ("Großbritannien", "britisch", "United Kingdom", "British"),
    ("China", "chinesisch", "China", "Chinese"),
    ("Israel", "israelisch", "Israel", "Israeli"),
    ("Polen", "polnisch", "Poland", "Polish"),
    ("Italien", "italienisch", "Italy", "Italian"),
    ("Spanien", "spanisch", "Spain", "Spanish"),
    ("Türkei", "türkisch", "Turkey", "Turkish"),
    ("Iran", "iranisch", "Iran", "Iranian"),
    ("Japan", "japanisch", "Japan", "Japanese"),
    ("Indien", "indisch", "India", "Indian"),
    ("Österreich", "österreichisch", "Austria", "Austrian"),
    ("Schweiz", "schweizerisch", "Switzerland", "Swiss"),
    ("Belarus", "belarussisch", "Belarus", "Belarusian"),
    ("Syrien", "syrisch", "Syria", "Syrian"),
    ("Niederlande", "niederländisch", "Netherlands", "Dutch"),
    ("Belgien", "belgisch", "Belgium", "Belgian"),
    ("Griechenland", "griechisch", "Greece", "Greek"),
    ("Schweden", "schwedisch", "Sweden", "Swedish"),
    ("Norwegen", "norwegisch", "Norway", "Norwegian"),
    ("Dänemark", "dänisch", "Denmark", "Danish"),
    ("Finnland", "finnisch", "Finland", "Finnish"),
    ("Tschechien", "tschechisch", "Czech Republic", "Czech"),
    ("Slowakei", "slowakisch", "Slovakia", "Slovak"),
    ("Rumänien", "rumänisch", "Romania", "Romanian"),
    ("Bulgarien", "bulgarisch", "Bulgaria", "Bulgarian"),
    ("Serbien", "serbisch", "Serbia", "Serbian"),
    ("Kroatien", "kroatisch", "Croatia", "Croatian"),
    ("Litauen", "litauisch", "Lithuania", "Lithuanian"),
    ("Lettland", "lettisch", "Latvia", "Latvian"),
    ("Estland", "estnisch", "Estonia", "Estonian"),
    ("Moldau", "moldauisch", "Moldova", "Moldovan"),
    ("Georgien", "georgisch", "Georgia", "Georgian"),
    ("Armenien", "armenisch", "Armenia", "Armenian"),
    ("Aserbaidschan", "aserbaidschanisch", "Azerbaijan", "Azerbaijani"),
    ("Kasachstan", "kasachisch", "Kazakhstan", "Kazakh"),
    ("Ägypten", "ägyptisch", "Egypt", "Egyptian"),
    ("Saudi-Arabien", "saudisch", "Saudi Arabia", "Saudi"),
    ("Katar", "katarisch", "Qatar", "Qatari"),
    ("Libanon", "libanesisch", "Lebanon", "Lebanese"),
    ("Jordanien", "jordanisch", "Jordan", "Jordanian"),
    ("Irak", "irakisch", "Iraq", "Iraqi"),
    ("Afghanistan", "afghanisch", "Afghanistan", "Afghan"),
    ("Pakistan", "pakistanisch", "Pakistan", "Pakistani"),
    ("Nordkorea", "nordkoreanisch", "North Korea", "North Korean"),
    ("Südkorea", "südkoreanisch", "South Korea", "South Korean"),
    ("Brasilien", "brasilianisch", "Brazil", "Brazilian"),
    ("Mexiko", "mexikanisch", "Mexico", "Mexican"),
    ("Kanada", "kanadisch", "Canada", "Canadian"),
    ("Argentinien", "argentinisch", "Argentina", "Argentine"),
    ("Venezuela", "venezolanisch", "Venezuela", "Venezuelan"),
    ("Südafrika", "südafrikanisch", "South Africa", "South African"),
    ("Nigeria", "nigerianisch", "Nigeria", "Nigerian"),
    ("Australien", "australisch", "Australia", "Australian"),
    ("Palästina", "palästinensisch", "Palestine", "Palestinian"),
    ("Portugal", "portugiesisch", "Portugal", "Portuguese"),
    ("Irland", "irisch", "Ireland", "Irish"),
    ("Slowenien", "slowenisch", "Slovenia", "Slovenian"),
    ("Luxemburg", "luxemburgisch", "Luxembourg", "Luxembourgish"),
    ("Taiwan", "taiwanisch", "Taiwan", "Taiwanese"),
    ("Vietnam", "vietnamesisch", "Vietnam", "Vietnamese"),
)
"""Countries the press names often, with the adjectives that stand for them in roles ("der ungarische
Außenminister")."""

# "US-Präsident", "EU-Kommissionschef": a short form before a hyphen that names a country or union.
PREFIXES: dict[str, str] = {
    "US": "USA",
    "EU": "Europäische Union",
    "UN": "Vereinte Nationen",
    "UNO": "Vereinte Nationen",
}

ROLE_HEADS = (
    "präsident",
    "kanzler",
    "minister",
    "premier",
    "regierungschef",
    "staatschef",
    "parteichef",
    "fraktionschef",
    "kremlchef",
    "chef",
    "sprecher",
    "berater",
    "gesandte",
    "botschafter",
    "sekretär",
    "vorsitzende",
    "bürgermeister",
    "abgeordnete",
    "senator",
    "gouverneur",
    "könig",
    "papst",
    "kommissar",
    "direktor",
    "leiter",
    "general",
    "kommandeur",
    "richter",
    "staatsanwalt",
    "anwalt",
    "trainer",
    "gründer",
    "amtsvorgänger",
    "vorgänger",
    "nachfolger",
    "oberhaupt",
    "ankläger",
    "diplomat",
    "unterhändler",
    "vermittler",
    "funktionär",
    "politiker",
    "beauftragte",
    "koordinator",
    "stellvertreter",
)
"""Ends of German role nouns: "Außenminister", "Sicherheitsrats-Vizechef", "Sprecherin" all end in one
(before the feminine -in and the case endings)."""

ROLE_HEADS_EN = (
    "president",
    "chancellor",
    "minister",
    "premier",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "envoy",
    "ambassador",
    "chairman",
    "chairwoman",
    "chair",
    "mayor",
    "senator",
    "governor",
    "king",
    "queen",
    "pope",
    "commissioner",
    "director",
    "leader",
    "general",
    "commander",
    "judge",
    "prosecutor",
    "lawyer",
    "founder",
    "predecessor",
    "successor",
    "chief",
    "head",
    "representative",
    "congressman",
    "congresswoman",
    "candidate",
    "nominee",
    "official",
    "diplomat",
)

FORMER_DE = (
    "ex-",
    "ehemalige",
    "frühere",
    "einstige",
    "damalige",
    "amtsvorgänger",
    "vorgänger",
    "alt",
)
"""Words before or in a German title that make its holder a former one: "alt" as the Swiss write it
("alt Bundesrat")."""
FORMER_EN = ("ex-", "former", "then-", "late", "predecessor")

_COUNCILS = (
    "Bundes Regierungs Landes Staats National Stände Stadt Gemeinde Kantons Gross Groß Land Kreis Bezirks"
)
COUNCIL_TITLES = frozenset(council + "rat" for council in _COUNCILS.split())
"""Titles of a council's members named after the council ("Bundesrat", "Regierungsrat", "Stadtrat"): the same
word names the council, so it is a person's title only right before a name ("Bundesrat Urs Brunner"). Their
feminine forms ("Bundesrätin") name a person everywhere and are office titles (:data:`OFFICE_HEADS`)."""


def former_title(word: str) -> str | None:
    """The office in the title of a former holder written with "Alt" ("Altbundeskanzler", "Alt-Bundesrat" ->
    "Bundeskanzler", "Bundesrat"); None for any other word ("Alterspräsident" is a parliament's oldest member,
    no former president): the rest must be a title and a word of the language."""
    if not word.startswith("Alt") or len(word) < 6:
        return None
    rest = word[3:].removeprefix("-")
    rest = rest[:1].upper() + rest[1:]
    title = is_office_noun(rest) or rest in COUNCIL_TITLES
    return rest if title and known_de(rest) else None


TITLES = frozenset(
    [
        "Herr",
        "Herrn",
        "Frau",
        "Dr.",
        "Prof.",
        "Professor",
        "Professorin",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Miss",
        "Sir",
        "Dame",
        "Lord",
        "Lady",
        "St.",
        "Sankt",
    ]
)

ORG_WORDS = frozenset(
    [
        "Partei",
        "Bank",
        "AG",
        "GmbH",
        "KG",
        "SE",
        "e.V.",
        "Verband",
        "Ministerium",
        "Universität",
        "Gericht",
        "Gerichtshof",
        "Kommission",
        "Rat",
        "Institut",
        "Stiftung",
        "Konzern",
        "Gruppe",
        "Behörde",
        "Agentur",
        "Amt",
        "Union",
        "Organisation",
        "Bundestag",
        "Bundesrat",
        "Parlament",
        "Regierung",
        "Armee",
        "Polizei",
        "Zeitung",
        "Verlag",
        "Verein",
        "Club",
        "Klub",
        "Akademie",
        "Bundesamt",
        "Landesamt",
        "Fraktion",
        "Gewerkschaft",
        "FC",
        "SV",
        "VfL",
        "VfB",
        "TSV",
        "SC",
        "BSC",
        "SpVgg",
        "TuS",
        "Eintracht",
        "Borussia",
        "Fortuna",
        "Werder",
        "Hertha",
        "Dynamo",
        "Lokomotive",
        "Inc.",
        "Corp.",
        "Ltd.",
        "LLC",
        "Company",
        "Corporation",
        "University",
        "Party",
        "Ministry",
        "Agency",
        "Council",
        "Commission",
        "Court",
        "Institute",
        "Foundation",
        "Group",
        "Association",
        "Bank",
        "Department",
        "Office",
        "Committee",
        "Army",
        "Police",
        "Times",
        "Post",
        "News",
    ]
)


# English heads: the last word of a name (or its word before "of") that says what the name is. English only:
# ORG_WORDS and TITLES are features of the German tagger, so a word added there would change its input.
_ORG_HEADS_EN = (
    "School College Institution League Society Center Centre Observer Tribune Journal Herald Gazette "
    "Chronicle Report Review Magazine Television Radio Network Pictures Studios Records Music Media "
    "Airlines Motors Industries Holdings Partners Resources Energy Healthcare Caucus Coalition Alliance "
    "Federation Congress Senate Church Hospital Museum Library Campaign Administration Project Initiative "
    "Movement Academy Service Board Bureau Corps Navy Forces Team Fund Trust Partnership Inc Corp LLP"
)
_PLACE_HEADS_EN = (
    "Ocean Sea Island Islands River Lake Mountains Valley Canyon Desert Coast Beach County Park Square "
    "Street Avenue Boulevard Bridge Strip Airport Harbor Peninsula Gulf Highway Plaza Stadium Arena Rim "
    "Monument Memorial"
)
_WORK_HEADS_EN = (
    "Act Agreement Treaty Accord Amendment Prize Award Awards Medal Show Day Summit Games Olympics Cup War "
    "Doctrine Plan Law"
)
_MEMBER_HEADS_EN = "Republican Republicans Democrat Democrats"
HEADS_EN: dict[str, str] = {
    **dict.fromkeys(_ORG_HEADS_EN.split(), "Organization"),
    **dict.fromkeys(_PLACE_HEADS_EN.split(), "Place"),
    **dict.fromkeys(_WORK_HEADS_EN.split() + _MEMBER_HEADS_EN.split(), ""),
}
"""English head nouns -> the type of a name they end ("Harvard Law School", "Easter Island"); ``""`` for
works, laws, prizes and days ("Clean Air Act", "Nobel Peace Prize") and for a party's members ("Ohio
Democrats", "Democrat of Ohio"), which are no person, organization or place."""

ORG_SURNAMES_EN = frozenset({"Post", "Court"})
"""Words of :data:`ORG_WORDS` that are common English family names too: after a given name they end a
person's name ("Emily Post", "Margaret Court"), after a place an organization's ("Washington Post")."""

_FIRMS_EN = (
    "Goldman Sachs",
    "Morgan Stanley",
    "Wells Fargo",
    "Merrill Lynch",
    "Charles Schwab",
    "Dow Jones",
    "Lehman Brothers",
    "Smith Barney",
    "Edward Jones",
    "Raymond James",
    "Hogan Lovells",
    "Black Lives Matter",
    "Al Qaeda",
    "Al Jazeera",
    "Al Shabaab",
    "Boko Haram",
)
KNOWN_NAMES_EN: dict[str, str] = {**dict.fromkeys(_FIRMS_EN, "Organization"), "Jim Crow": ""}
"""Well-known English names that read as a person's (a given name, a family name) but name a firm, a
movement or a group (-> "Organization"), or an era of laws (-> ``""``, no type): no rule can tell them."""

_TITLES_EN = (
    "Sen. Sens. Gov. Govs. Rep. Reps. Gen. Lt. Col. Capt. Sgt. Adm. Maj. Cmdr. Rev. Atty. Supt. Amb. Insp. "
    "Justice Speaker CEO Attorney Sheriff Coach Councilman Councilwoman"
)
TITLES_EN = frozenset(_TITLES_EN.split())
"""Title-case English titles, abbreviated or not, that stand before a name ("Arizona Sen. John McCain",
"Justice Ann Roe") and that :func:`is_role_noun` does not know."""

COMPASS_EN = frozenset(
    ["North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central"]
)
"""Words that make part of a place a place ("North Florida"); on the given-name lists too."""

_ORG_NOUNS = (
    "Plattform Onlinedienst Onlinedienstes Netzwerk Netzwerks Sender Senders Zeitung Magazin Magazins Portal "
    "Portals Dienst Dienstes Firma Unternehmen Unternehmens Konzern Konzerns Partei Verein Vereins Marke "
    "Organisation Gruppe Bewegung Miliz Verband Verbands Agentur Hersteller Herstellers Airline Club Klub "
    "platform network newspaper magazine company firm party group movement militia agency broadcaster"
)
_PLACE_NOUNS = (
    "Stadt Hauptstadt Gemeinde Ort Dorf Region Provinz Bundesstaat Bundesland Insel Hafenstadt Metropole "
    "city town village region province state island capital"
)
APPOSITIVE_NOUNS: dict[str, str] = {
    **dict.fromkeys(_ORG_NOUNS.split(), "Organization"),
    **dict.fromkeys(_PLACE_NOUNS.split(), "Place"),
}
"""Nouns that say what the name right after them is: "die Plattform X", "die Stadt Halle"."""

_SPORT_ENDS = (
    "spieltag heimspiel auswärtsspiel rückspiel hinspiel gruppenspiel ligaspiel pokalspiel länderspiel "
    "testspiel endspiel spitzenspiel derby bundesliga ligist pokal halbfinale viertelfinale achtelfinale "
    "trainer torwart torhüter stürmer torjäger torschütze elfmeter anpfiff abpfiff stadion "
    "nationalmannschaft klassenerhalt tabellenführer tabellenspitze fußball meisterschaft remis league"
)
SPORT_ENDS = tuple(_SPORT_ENDS.split())
"""Ends of German words that only sport uses ("Heimspiel", "Bundesligist", "Cheftrainer"): a sentence with one
reports on sport. Not "Spiel" ("auf dem Spiel stehen"), "Tor" ("Brandenburger Tor"), "Liga" ("Arabische
Liga"), "Saison" or "Halbzeit", which politics and tourism use too."""
SPORT_CLUB_WORDS = frozenset(
    ["FC", "SV", "VfL", "VfB", "TSV", "SC", "BSC", "SpVgg", "TuS", "Borussia", "BVB", "HSV"]
)
"""Words that name a sports club and nothing else ("FC Basel", "Borussia Dortmund"): a sentence with one
reports on sport too."""


def sport_word(word: str) -> bool:
    """Whether ``word`` is a word of :data:`SPORT_CLUB_WORDS` or ends (the part after its last hyphen too:
    "Champions-League-Finale") in a word of :data:`SPORT_ENDS`."""
    return word in SPORT_CLUB_WORDS or word.rpartition("-")[2].lower().endswith(SPORT_ENDS)


_CLUBS = (
    "Hertha Schalke Gladbach Werder Eintracht Borussia Fortuna Union Arminia Alemannia Hansa Kickers Bayer "
    "HSV BVB KSC FCK VfB VfL Rapid Admira Austria Grasshoppers Servette Xamax"
)
CLUB_SHORT_FORMS = frozenset(_CLUBS.split())
"""Short forms that name a German, Austrian or Swiss football club in sport ("Hertha", "Schalke",
"Gladbach", "der HSV") but may be a given name, a place or a word elsewhere ("Tante Hertha", "in Schalke",
"die Union"). Clubs named by their city or region ("Leverkusen", "die Bayern") are not here: only the context
tells those from the place."""

_ENDINGS = ("", "e", "en", "er", "es", "em")


@cache
def country_adjectives() -> dict[str, str]:
    """Every German and English form of a country adjective -> the country's German name
    (``"ungarischen"`` -> ``"Ungarn"``, ``"Hungarian"`` -> ``"Ungarn"``)."""
    out: dict[str, str] = {}
    for de, stem, _en, en_adj in COUNTRIES:
        for end in _ENDINGS:
            out[stem + end] = de
            out[stem[0].upper() + stem[1:] + end] = de
        out[en_adj] = de
    out.update({"US-amerikanisch" + e: "USA" for e in _ENDINGS})
    return out


@cache
def country_names() -> dict[str, str]:
    """German and English names of the countries in :data:`COUNTRIES` (and their genitives) -> the German
    name."""
    out: dict[str, str] = {}
    for de, _stem, en, _adj in COUNTRIES:
        for name in (de, en):
            out[name] = de
            if not name.endswith("s"):
                out[name + "s"] = de
    out["Vereinigte Staaten"] = out["Vereinigten Staaten"] = "USA"
    out["US"] = "USA"
    return out


_ROLE_RE = re.compile(
    r"(?i)(?:^|[-\w]*?)("
    + "|".join(sorted(ROLE_HEADS, key=len, reverse=True))
    + r")(?:in|innen|en|n|s|e|es|er)?$"
)
_ROLE_EN_RE = re.compile(
    r"(?i)^(?:[\w-]*-)?(" + "|".join(sorted(ROLE_HEADS_EN, key=len, reverse=True)) + r")s?$"
)


OFFICE_HEADS = (
    "landeshauptmann",
    "bezirkshauptmann",
    "hauptfrau",
    "obmann",
    "obfrau",
    "landammann",
    "gemeindeammann",
    "stadtammann",
    "rätin",
)
"""Ends of German office titles that name a person and no other thing, beyond :data:`ROLE_HEADS`: Austria's
"Landeshauptmann", "Landeshauptfrau", "Bezirkshauptmann", "Klubobmann" and "Parteiobfrau", a Swiss canton's
"Landammann" and a commune's "Gemeindeammann", and the feminine titles of council members ("Bundesrätin",
"Landesrätin", "Stadträtin"). Apart from ROLE_HEADS, which is a feature of the name tagger as it was
trained; :func:`is_office_noun` takes both."""
_OFFICE_RE = re.compile(r"(?i)(" + "|".join(OFFICE_HEADS) + r")(?:s|es|nen)?$")


def is_office_noun(word: str) -> bool:
    """A German role noun (:func:`is_role_noun`) or an office title of :data:`OFFICE_HEADS`."""
    return is_role_noun(word) or (word[:1].isupper() and _OFFICE_RE.search(word) is not None)


def role_base(word: str) -> str:
    """A German role noun in the nominative singular: "Präsidenten" -> "Präsident", "Sprecherinnen" ->
    "Sprecherin", "Sondergesandten" -> "Sondergesandte", "Landesrätinnen" -> "Landesrätin"."""
    m = _ROLE_RE.search(word) or _OFFICE_RE.search(word)
    if m is None:
        return word
    stem = word[: m.end(1)]
    rest = word[m.end(1) :].lower()
    if rest in ("in", "innen"):
        return stem + "in"
    if stem.lower().endswith("e") and rest in ("n", "r"):  # Gesandte-n, Vorsitzende-r
        return stem
    return stem


@lru_cache(maxsize=100_000)
def is_role_noun(word: str, lang: str = "de") -> bool:
    """True for a role noun: "Außenminister", "Sprecherin", "Präsidenten", "US-Präsident"; "secretary"."""
    if lang == "de":
        return word[:1].isupper() and _ROLE_RE.search(word) is not None and not word.lower().endswith("ungen")
    return _ROLE_EN_RE.match(word) is not None


def _lines(name: str) -> frozenset[str]:
    path = DATA / name
    if not path.exists():
        return frozenset()
    return frozenset(line.rstrip("\n") for line in path.open(encoding="utf-8") if line.strip())


@cache
def places() -> frozenset[str]:
    """Place names (built by :mod:`kg.extract.train.gazetteers`) and the countries above."""
    return _lines("gaz-places.txt") | frozenset(country_names())


@cache
def regions() -> frozenset[str]:
    """First-level regions by their German names: the German Länder, the Austrian Bundesländer, the Swiss
    cantons (with "NRW", "Genf", "St. Gallen"...) and other countries' regions iso-codes gives a German name
    ("Lombardei", "Kalifornien"); built by :mod:`kg.extract.train.gazetteers`. Apart from :func:`places`,
    which is a feature of the name tagger: the rules of :mod:`kg.extract.mentions` use this list, after the
    tagger."""
    return _lines("gaz-regions.txt")


@cache
def first_names() -> frozenset[str]:
    return _lines("gaz-first-names.txt")


@cache
def _given_name_genders() -> dict[str, str]:
    return dict(line.split("\t", 1) for line in _lines("gaz-first-names-gender.txt"))


def given_name_gender(name: str) -> str:
    """ "m" or "f" for a given name whose gender nomquamgender's data makes clear ("Klaus", "Anna"), else ""
    ("Andrea", "Kim", an unknown word): built by :mod:`kg.extract.train.gazetteers`, so that a pronoun
    finds the person it can stand for."""
    return _given_name_genders().get(name, "")


@cache
def lexicon_de() -> dict[str, str]:
    """Frequent German words (lower-cased) -> the part of speech HanTa's model prefers for them."""
    path = DATA / "lex-de.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        return dict(line.rstrip("\n").split("\t", 1) for line in fh if "\t" in line)


# ---- word lists of the German name tagger (kg.extract.features), built by kg.extract.train -------------
@cache
def stems_de() -> dict[str, str]:
    """Lower-cased stems HanTa's German model knows (trained on TIGER's newspaper text) -> their classes,
    comma-separated: ``NE`` (proper noun: "wulff", "kaukasus", "boeing"), ``ACR`` (an acronym that names:
    "bmw", "ibm"), ``NN`` (a common noun: "konzern"); built by :mod:`kg.extract.train.gazetteers`."""
    path = DATA / "stems-de.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        return dict(line.rstrip("\n").split("\t", 1) for line in fh if "\t" in line)


@cache
def lemmas_de() -> dict[str, str]:
    """Word form -> lemma from simplemma's German dictionary, for the lemmas of the tagger's training words
    (the others carry no weight in the model); built by :mod:`kg.extract.train.ner`."""
    path = DATA / "lemmas-de.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        return dict(line.rstrip("\n").split("\t", 1) for line in fh if "\t" in line)


def _cased(word: str) -> str:
    return word.lower() if word[:1].isupper() else word.capitalize()


def lemma_de(word: str) -> str:
    """The lemma simplemma's German dictionary gives ``word`` (or its other capitalisation), else the word.

    >>> lemma_de("Regierungen")
    'Regierung'
    """
    table = lemmas_de()
    return table.get(word) or table.get(_cased(word)) or word


class Bloom:
    """A set of strings in a bit array (:data:`BLOOM_HASHES` bits per string): never a false "no", a false
    "yes" for about 0.1 % of the strings not in it. Loads in no time and takes 2 MB for simplemma's 1.1
    million German word forms, where the words themselves take 140 MB and 2-3 s to load."""

    def __init__(self, bits: bytes, hashes: int) -> None:
        self.bits, self.hashes, self.size = bits, hashes, len(bits) * 8

    def _positions(self, word: str) -> list[int]:
        digest = hashlib.blake2b(word.encode("utf-8"), digest_size=16).digest()
        h1, h2 = int.from_bytes(digest[:8], "little"), int.from_bytes(digest[8:], "little") | 1
        return [(h1 + i * h2) % self.size for i in range(self.hashes)]

    def __contains__(self, word: str) -> bool:
        bits = self.bits
        return all(bits[p >> 3] >> (p & 7) & 1 for p in self._positions(word))

    @classmethod
    def build(cls, words: Iterable[str], count: int, hashes: int = 10, error: float = 0.001) -> Bloom:
        size = int(-count * math.log(error) / math.log(2) ** 2) // 8 + 1
        bits = bytearray(size)
        bloom = cls(b"", hashes)
        bloom.size = size * 8
        for word in words:
            for p in bloom._positions(word):
                bits[p >> 3] |= 1 << (p & 7)
        return cls(bytes(bits), hashes)


BLOOM_HASHES = 10


@cache
def known_words_de() -> Bloom | None:
    path = DATA / "known-de.bloom"
    return Bloom(path.read_bytes(), BLOOM_HASHES) if path.exists() else None


def known_de(word: str) -> bool:
    """Whether simplemma's German dictionary has ``word`` or its other capitalisation (as
    ``simplemma.is_known``, through a :class:`Bloom` filter built by :mod:`kg.extract.train.gazetteers`)."""
    bloom = known_words_de()
    return bloom is not None and (word in bloom or _cased(word) in bloom)
