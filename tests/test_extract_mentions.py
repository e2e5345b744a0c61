"""kg.extract.mentions: persons, organizations and places, known to the registry or discovered in the text."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.doc import analyse
from kg.extract.mentions import find_mentions, looks_like_person, registry_lookup
from kg.extract.types import discovered_key

REGISTRY = registry_lookup(
    [
        ("olaf-scholz", "Person", "Q61053", ["Olaf Scholz", "Scholz", "Scholz'"]),
        ("france", "Country", "Q142", ["Frankreich", "Frankreichs"]),
        ("bundestag", "GovernmentOrganization", None, ["Bundestag", "Bundestags"]),
        ("patriot", "Product", None, ["Patriot", "Patriot-Systeme"]),
    ]
)


def mentions(text: str, lang: str = "de", lookup=None):
    return find_mentions(analyse(text, lang), lookup)


def by_text(found):
    return {m.text: m for m in found}


def test_registry_names_are_known_entities_with_their_wikidata_id():
    found = by_text(mentions("Olaf Scholz sprach im Bundestag über Frankreich.", lookup=REGISTRY))
    assert found["Olaf Scholz"].key == "olaf-scholz"
    assert found["Olaf Scholz"].known and found["Olaf Scholz"].wikidata == "Q61053"
    assert found["Bundestag"].type == "Organization"
    assert found["Frankreich"].type == "Place"


def test_offsets_are_the_mention_in_the_text():
    text = "Am Abend traf Olaf Scholz in Paris ein."
    for m in mentions(text, lookup=REGISTRY):
        assert text[m.span.start : m.span.end] == m.text
        assert 0 < m.confidence < 1


def test_a_registry_thing_is_no_mention_and_is_not_discovered_as_one():
    found = by_text(mentions("Die Ukraine bekommt weitere Patriot-Systeme aus Deutschland.", lookup=REGISTRY))
    assert "Patriot-Systeme" not in found and "Patriot" not in found


def test_unknown_names_are_discovered_typed_and_keyed_by_their_full_name():
    found = by_text(mentions("Die Bürgermeisterin Henriette Reker eröffnete am Montag in Köln die Messe."))
    assert found["Henriette Reker"].type == "Person"
    assert (
        found["Henriette Reker"].key
        == discovered_key("Henriette Reker", "Person")
        == "person-henriette-reker"
    )
    assert not found["Henriette Reker"].known and found["Henriette Reker"].wikidata is None
    assert found["Köln"].type == "Place"


def test_a_short_or_inflected_form_resolves_to_the_full_name_given_elsewhere():
    text = (
        "Der Abgeordnete Friedrich Merzinger kritisierte den Plan. "
        "Merzinger sagte, der Plan sei zu teuer. Merzingers Partei stimmte dagegen."
    )
    found = mentions(text)
    persons = [m for m in found if m.type == "Person"]
    assert {m.text for m in persons} >= {"Friedrich Merzinger", "Merzinger", "Merzingers"}
    assert {m.key for m in persons} == {"person-friedrich-merzinger"}
    assert {m.canonical for m in persons} == {"Friedrich Merzinger"}


def test_a_name_in_a_hyphenated_compound_is_still_a_mention():
    text = "Olaf Scholz traf Emmanuel Macron. Das Scholz-Macron-Treffen dauerte zwei Stunden."
    found = mentions(text, lookup=REGISTRY)
    at = text.index("Scholz-Macron")
    inner = [m for m in found if at <= m.span.start < at + len("Scholz-Macron")]
    assert [(m.text, m.key) for m in inner] == [
        ("Scholz", "olaf-scholz"),
        ("Macron", "person-emmanuel-macron"),
    ]


def test_the_same_name_is_the_same_key_in_another_text():
    one = by_text(mentions("Die Ministerin Annalena Baerbock reiste nach Kyjiw."))
    two = by_text(mentions("In Berlin sprach Annalena Baerbock mit Journalisten."))
    assert one["Annalena Baerbock"].key == two["Annalena Baerbock"].key


def test_photo_credits_name_a_photographer_and_agencies():
    text = "Der Kanzler bei der Pressekonferenz\nBild: Michael Kappeler/dpa/picture alliance"
    found = by_text(mentions(text))
    assert found["Michael Kappeler"].type == "Person"
    assert found["dpa"].type == "Organization"
    assert found["picture alliance"].type == "Organization"


def test_a_credit_that_is_an_agency_is_no_person():
    assert looks_like_person("Michael Kappeler")
    assert not looks_like_person("Presidential Office")
    assert not looks_like_person("Reuters")


def test_a_genitive_country_is_the_country():
    found = by_text(mentions("Frankreichs Regierung und Spaniens Regierung einigten sich."))
    assert found["Spaniens"].canonical == "Spanien"
    assert found["Spaniens"].key == "place-spanien"


def test_english_names_by_rule():
    text = "President Joanna Whitfield met Marcus Bellamy in London. Whitfield said the talks went well."
    found = by_text(mentions(text, "en"))
    assert found["Joanna Whitfield"].type == "Person"
    assert found["Marcus Bellamy"].type == "Person"
    assert found["London"].type == "Place"
    assert found["Whitfield"].key == "person-joanna-whitfield"


def test_an_english_word_on_the_given_name_list_does_not_make_a_person():
    text = "The Daily Beast reported that Bill Hartwell, a Barack Sutton aide, left the White House."
    found = by_text(mentions(text, "en"))
    assert found["Bill Hartwell"].type == "Person"  # "Bill": a name first, for English
    assert found["Barack Sutton"].type == "Person"  # a word English does not know
    assert "Daily Beast" not in found or found["Daily Beast"].type != "Person"
    assert "White House" not in found or found["White House"].type != "Person"


def test_a_country_is_keyed_by_its_german_name_in_every_language():
    en = by_text(mentions("Talks with Hungary resumed.", "en"))
    de = by_text(mentions("Die Gespräche mit Ungarn gingen weiter."))
    assert en["Hungary"].key == de["Ungarn"].key == "place-ungarn"


def test_extract_puts_the_mentions_in_text_order():
    x = extract(
        "Olaf Scholz traf in Paris den Präsidenten Emmanuel Macron.", lang="de", registry_lookup=REGISTRY
    )
    starts = [m.span.start for m in x.mentions]
    assert starts == sorted(starts)
    assert x.lang == "de"


def test_text_in_another_language_gives_nothing():
    x = extract("Le président a rencontré le chancelier à Paris pour discuter du budget européen.")
    assert x.lang == "other" and x.mentions == () and x.roles == ()


def test_the_json_object_of_a_document():
    from kg.extract.jsonl import dumps, to_json

    text = "Olaf Scholz traf am Montag in Paris die Ministerin Clara Holm."
    obj = to_json(
        extract(text, lang="de", registry_lookup=REGISTRY), doc="x.txt", text=text, registry_lookup=REGISTRY
    )
    assert list(obj) == ["doc", "lang", "text", "mentions", "quotations", "roles", "events"]
    assert obj["text"] == text and obj["lang"] == "de"
    first = obj["mentions"][0]
    assert text[first["start"] : first["end"]] == first["text"] == "Olaf Scholz"
    assert first["entity"].endswith("/person/olaf-scholz") and first["wikidata"] == "Q61053"
    holm = next(m for m in obj["mentions"] if m["text"] == "Clara Holm")
    assert holm["entity"].endswith("/person/person-clara-holm") and holm["wikidata"] is None
    role = obj["roles"][0]
    assert role["person"] == holm["entity"] and role["role"] == "Ministerin"
    assert all(0 < item["confidence"] < 1 for kind in ("mentions", "roles") for item in obj[kind])
    assert "\n" not in dumps(obj)


def test_the_shipped_word_tables_answer_as_simplemma_does():
    """The tagger's dictionary features come from shipped tables (kg/extract/data), not from simplemma's
    dictionary at run time: every word simplemma knows is known, almost no other, and the lemmas agree."""
    import simplemma

    from kg.extract import lexicon
    from tests.conftest import SEED_DIR

    text = (SEED_DIR / "article.txt").read_text(encoding="utf-8")
    words = {t.text for t in analyse(text, "de").tokens if t.text.isalpha()}
    words |= {w + suffix for w in list(words) for suffix in ("xq", "zzt")}  # forms no dictionary has
    known = {w for w in words if simplemma.is_known(w, lang="de")}
    assert known and all(lexicon.known_de(w) for w in known)
    false = [w for w in words - known if lexicon.known_de(w)]
    assert len(false) <= 0.01 * len(words - known), false
    table = lexicon.lemmas_de()
    agree = [w for w in known if lexicon.lemma_de(w) == simplemma.lemmatize(w, lang="de")]
    assert len(agree) >= 0.9 * len(known)
    assert table and lexicon.lemma_de("Regierungen") == "Regierung"


def test_hantas_stems_mark_names_the_training_set_never_saw():
    from kg.extract import lexicon
    from kg.extract.features import word_features

    assert "NE" in lexicon.stems_de()["wulff"].split(",")
    assert "stem:NE" in word_features("Kaukasus", "de")
    assert "stem:NE" not in word_features("Regierung", "de")


def test_isotonic_steps_rise_with_the_probability_and_never_say_0_or_1():
    from kg.extract.train.calibration import isotonic

    points = [(0.1, False), (0.2, True), (0.3, False), (0.5, True), (0.5, False), (0.9, True), (0.95, True)]
    steps = isotonic(points)
    assert [(s.low, s.high, s.names, s.right) for s in steps] == [
        (0.1, 0.1, 1, 0),
        (0.2, 0.5, 4, 2),
        (0.9, 0.95, 2, 2),
    ]
    assert [s.confidence for s in steps] == [0.333, 0.5, 0.75]  # (right + 1) / (names + 2)


def test_a_tagged_names_confidence_is_the_share_of_right_names_at_its_probability():
    """The shipped steps (kg/extract/data/calibration-de.tsv): a probability takes the confidence of the
    step it falls in, the confidences rise with the probability, and none is 0 or 1."""
    from kg.extract.mentions import CALIBRATION, calibrated

    rows = [line.split("\t") for line in CALIBRATION.read_text("utf-8").splitlines() if line[:1] != "#"]
    lows, confidences = [float(r[0]) for r in rows], [float(r[2]) for r in rows]
    assert len(rows) >= 4 and confidences == sorted(set(confidences))
    assert confidences[0] > 0 and confidences[-1] < 1
    assert [calibrated(p) for p in lows] == confidences
    assert calibrated(0.0) == confidences[0] and calibrated(1.0) == confidences[-1]
    right, names = sum(int(r[4]) for r in rows), sum(int(r[3]) for r in rows)
    assert names > 500 and 0.6 < right / names < 0.9


def test_the_shipped_steps_are_what_the_fit_on_germeval_gives(tmp_path):
    """Two-fold cross-validation on GermEval 2014's news sentences and the isotonic fit give the shipped
    table again: it belongs to the shipped features (refit it when they change, with
    kg.extract.train.calibration)."""
    from kg.extract.mentions import CALIBRATION
    from kg.extract.train import calibration, ner

    if not ner.GERMEVAL_DEV.exists() or not ner.GERMEVAL_NEWS.exists():
        pytest.skip(f"GermEval 2014 is not in {ner.GERMEVAL_DEV.parent} (../shared/realdata)")
    news = {s.key for s in ner.read_germeval(ner.GERMEVAL_NEWS)}
    steps = calibration.isotonic(calibration.fold_points(ner.read_germeval(ner.GERMEVAL_DEV), news))
    fitted = calibration.write(steps, tmp_path / "calibration.tsv")
    assert fitted.read_text("utf-8") == CALIBRATION.read_text("utf-8")


def persons(text: str) -> set[str]:
    return {m.text for m in mentions(text, "en") if m.type == "Person"}


def test_an_english_headline_ends_a_name_at_a_verb_or_function_word():
    text = (
        "Marla Quenby Says Budget Deal Is Near.\n\n"
        "Dorian Pell Calls Marla Quenby a Liar.\n\n"
        "Quenby Plan for Schools Is Expensive.\n\n"
        "Marla Quenby said on Monday that Dorian Pell was wrong about the plan."
    )
    found = persons(text)
    assert "Marla Quenby" in found and "Dorian Pell" in found
    assert not any(w in name for name in found for w in ("Says", "Calls", "Plan", "Is"))


def test_a_verb_ends_an_english_name_in_running_text_too():
    found = persons("We met Lena Hartwell Was the headline, and Odile Barnet Now ran the show.")
    assert "Lena Hartwell" in found and "Odile Barnet" in found


def test_a_title_and_the_place_or_organization_before_it_are_not_the_name():
    text = (
        "Ohio Sen. Marla Quenby met Tulsa Mayor Dorian Pell, Justice Ann Roe and Rep. Colin Fisk. "
        "Harlan Fenwick CEO Greta Moss joined them."
    )
    found = by_text(mentions(text, "en"))
    for name in ("Marla Quenby", "Dorian Pell", "Ann Roe", "Colin Fisk", "Greta Moss"):
        assert found[name].type == "Person"
    assert found["Ohio"].type == "Place"
    assert found["Harlan Fenwick"].type == "Organization"
    assert not any(" Sen. " in name or "Mayor" in name or "Justice" in name for name in found)


def test_of_a_place_after_a_persons_name_is_a_place_of_its_own():
    found = by_text(mentions("Senator Marla Quenby of Vermont met George III of England.", "en"))
    assert found["Marla Quenby"].type == "Person"
    assert found["Vermont"].type == "Place"
    assert found["George III of England"].type == "Person"  # a regnal number keeps it one name


def test_english_heads_make_organizations_places_or_nothing():
    text = (
        "Graduates of the Marcus Bellamy School of Design, the Tessa Brandt Society, the Gordon Pike "
        "Presidential Center, the Lorna Finch Institution and the Ivy League read the Clara Observer and the "
        "Ridley Tribune, listen to Tina Music and watch the Cleveland Panthers. They sailed the Pacific "
        "Ocean to Easter Island and walked in Nora Vance Park. The Hugo Marsh Prize, the Justice Against "
        "Fraud Act, the North Atlantic Free Trade Agreement and the Tina Hale Morning Show were discussed."
    )
    found = by_text(mentions(text, "en"))
    assert not persons(text)
    for org in (
        "Marcus Bellamy School of Design",
        "Tessa Brandt Society",
        "Gordon Pike Presidential Center",
        "Lorna Finch Institution",
        "Ivy League",
        "Clara Observer",
        "Ridley Tribune",
        "Tina Music",
        "Cleveland Panthers",
    ):
        assert found[org].type == "Organization", org
    for place in ("Pacific Ocean", "Easter Island", "Nora Vance Park"):
        assert found[place].type == "Place", place


def test_a_head_that_is_also_a_family_name_keeps_the_person():
    found = persons("Linda Park met Doris Day.")
    assert {"Linda Park", "Doris Day"} <= found


def test_real_english_persons_stay_persons():
    text = (
        "Ted Cook, Gary King, Ann Smith, Rob Baker, Lucy Wonder, Dan Berry, Amy Lee, Ray Young, Ella Lynch, "
        "Ned Justice, Nina J. Fairweather, Peter D. Loomis, Walter F. Dunn Sr. and Carla de Luca spoke."
    )
    found = persons(text)
    for name in (
        "Ted Cook",
        "Gary King",
        "Ann Smith",
        "Rob Baker",
        "Lucy Wonder",
        "Dan Berry",
        "Amy Lee",
        "Ray Young",
        "Ella Lynch",
        "Ned Justice",
        "Nina J. Fairweather",
        "Peter D. Loomis",
        "Walter F. Dunn Sr.",
        "Carla de Luca",
    ):
        assert name in found, name


def test_a_month_after_a_lone_given_name_is_the_family_name():
    found = persons("Theresa Ashdown met Theresa May on May 4. In May 2016 Brian May played.")
    assert "Theresa May" in found and "Brian May" in found
    assert "Theresa" not in found and "May" not in found


def test_a_generation_after_a_name_is_no_family_name():
    found = mentions("Chief Justice Harold P. Wexley Jr. spoke. Wexley said that Jr. was a suffix.", "en")
    assert {m.text for m in found if m.type == "Person"} >= {"Harold P. Wexley Jr.", "Wexley"}
    assert not any(m.text in ("Jr", "Jr.") for m in found)
    assert by_text(found)["Wexley"].canonical == "Harold P. Wexley Jr."


def test_a_word_in_capitals_is_an_acronym_unless_english_reads_it_as_a_function_word():
    found = by_text(mentions("WHAT HE SAID: The FBI and the GOP met in the US on Monday.", "en"))
    assert found["FBI"].type == "Organization" and found["GOP"].type == "Organization"
    assert found["US"].type == "Place"
    assert "WHAT" not in found and "HE" not in found


# ---- s21 English names -------------------------------------------------------------------------------------


def english_types(text: str) -> dict[str, str]:
    """Each English name the rules find in ``text`` -> its type."""
    return {m.text: m.type for m in mentions(text, "en")}


def test_well_known_firms_and_movements_named_like_persons_are_organizations():
    found = english_types(
        "Analysts at Goldman Sachs and Morgan Stanley disagreed. Wells Fargo paid a fine. "
        "Protesters from Black Lives Matter marched past Al Qaeda posters."
    )
    for name in ("Goldman Sachs", "Morgan Stanley", "Wells Fargo", "Black Lives Matter", "Al Qaeda"):
        assert found.get(name) == "Organization", name


def test_an_era_named_like_a_person_is_no_person():
    assert english_types("The laws of the Jim Crow era were repealed.").get("Jim Crow") != "Person"


def test_an_organization_word_after_a_given_name_is_a_family_name():
    """ "Post" names a newspaper after a place ("Washington Post"), a person after a given name ("Emily
    Post"); so too a head like "Institution" ("Hoover Institution" is a place's, "Lena Park" a person's)."""
    found = english_types(
        "Emily Post wrote a book on manners. The Washington Post and the Jerusalem Post reviewed it. "
        "A fellow at the Hoover Institution praised it."
    )
    assert found.get("Emily Post") == "Person"
    assert found.get("Washington Post") == "Organization" and found.get("Jerusalem Post") == "Organization"
    assert found.get("Hoover Institution") == "Organization"
    found = english_types("Fox News and the Cato Institute asked Margaret Court.")
    assert found.get("Fox News") == "Organization" and found.get("Cato Institute") == "Organization"
    assert found.get("Margaret Court") == "Person"


# ---- s21 English names, round 2


def test_a_name_after_the_article_is_no_person_unless_it_modifies_a_noun():
    """English puts no article before a person's name: "the Arizona Republic" is a paper's, "the 2017 Ford
    Fusion" a product's; "the Jane Doe campaign" uses a person's name as an adjective and stays a person."""
    found = english_types("The Arizona Republic wrote it. It showed what the 2017 Ford Fusion will cost.")
    assert found.get("Arizona Republic") != "Person" and found.get("Ford Fusion") != "Person"
    found = english_types("The Hillary Clinton campaign said Jane Doe would respond.")
    assert found.get("Hillary Clinton") == "Person" and found.get("Jane Doe") == "Person"


# ---- s21 regions as places


def _spans(text: str) -> dict[str, list[tuple[int, int, str]]]:
    found: dict[str, list[tuple[int, int, str]]] = {}
    for m in mentions(text):
        found.setdefault(m.text, []).append((m.span.start, m.span.end, m.type))
    return found


def test_german_states_are_places_the_hyphenated_one_whole():
    """A Land the tagger passes over ("Bayern", "Burgenland") or types a person ("Sachsen-Anhalt") is a
    place; "Sachsen" inside "Sachsen-Anhalt" is no mention of its own."""
    text = "Die Regierung von Bayern beriet mit Sachsen-Anhalt. Im Burgenland fiel Regen."
    found = _spans(text)
    for name in ("Bayern", "Sachsen-Anhalt", "Burgenland"):
        start = text.index(name)
        assert found.get(name) == [(start, start + len(name), "Place")], name
    assert "Sachsen" not in found


def test_swiss_cantons_and_short_forms_are_places():
    text = "Im Kanton Appenzell Ausserrhoden stimmte man ab, in NRW und in Graubünden nicht."
    found = _spans(text)
    for name in ("Appenzell Ausserrhoden", "NRW", "Graubünden"):
        start = text.index(name)
        assert found.get(name) == [(start, start + len(name), "Place")], name
    assert "Appenzell" not in found and "Ausserrhoden" not in found


def test_a_region_in_the_genitive_is_the_region():
    text = "Die Schulden Bayerns wachsen schneller als die Schulden Hessens."
    by_name = {m.text: m for m in mentions(text)}
    for name, base in (("Bayerns", "Bayern"), ("Hessens", "Hessen")):
        m = by_name[name]
        assert m.type == "Place" and m.canonical == base
        assert (m.span.start, m.span.end) == (text.index(name), text.index(name) + len(name))


def test_a_region_that_names_a_club_is_no_place():
    """ "Bayern" after a club word or before its city is the club: an organization, or left unmarked."""
    text = "Der FC Bayern siegte. Bayern München bleibt oben, der Rekordmeister Bayern feiert."
    found = mentions(text)
    assert all(m.type != "Place" for m in found if "Bayern" in m.text)
    second = text.index("Bayern München")
    assert any(
        (m.span.start, m.span.end, m.type) == (second, second + len("Bayern München"), "Organization")
        for m in found
    )


def test_a_region_name_that_is_a_common_word_stays_a_word():
    """ "Zug" (a canton, and a train), "Marken" (an Italian region, and brands) are left to the tagger, but
    after "Kanton" the canton is meant."""
    found = _spans("Der Zug kam zu spät, und die Marken verloren Kunden.")
    assert "Zug" not in found and "Marken" not in found
    text = "Die Firma zog in den Kanton Zug."
    start = text.index("Zug")
    assert _spans(text).get("Zug") == [(start, start + 3, "Place")]


def test_regions_other_than_german_speaking_ones_come_by_their_german_names():
    text = "Waldbrände in der Toskana und in Andalusien; auch die Lombardei meldete Hitze."
    found = _spans(text)
    for name in ("Toskana", "Andalusien", "Lombardei"):
        start = text.index(name)
        assert found.get(name) == [(start, start + len(name), "Place")], name


def test_a_region_adjective_and_genitive_name_the_region_of_a_role():
    x = extract(
        "Der Tiroler Bürgermeister Jakob Wendtner und Bayerns Ministerpräsident Lukas Brenner sprachen.",
        lang="de",
    )
    names = {m.key: m.canonical or m.text for m in x.mentions}
    found = {(names.get(r.person, r.person), r.role, r.of) for r in x.roles}
    assert ("Jakob Wendtner", "Bürgermeister", discovered_key("Tirol", "Place")) in found
    assert ("Lukas Brenner", "Ministerpräsident", discovered_key("Bayern", "Place")) in found


# ---- s22 names: regions, clubs


def test_a_region_named_like_a_person_or_a_word_is_the_region_after_an_article_no_person_takes():
    """ "Wallis" is a given name too, "Jura" a subject of study: after "im", "vom", "das" (which no person's
    name takes) or a region noun they are the region; "im Zug" is still the train, "Wallis Simpson" a
    person."""
    for text, name in (
        ("Im Wallis gingen Lawinen nieder.", "Wallis"),
        ("Das Wallis stimmte gegen das Gesetz.", "Wallis"),
        ("Bauern vom Jura protestierten.", "Jura"),
        ("Die Bauern aus dem Wallis protestierten.", "Wallis"),
        ("Die Region Marken liegt an der Adria.", "Marken"),
    ):
        start = text.index(name)
        assert _spans(text).get(name) == [(start, start + len(name), "Place")], text
    assert "Zug" not in _spans("Im Zug war es kalt.")
    found = mentions("Wallis Simpson heiratete in Frankreich.")
    assert all(m.type == "Person" for m in found if "Wallis" in m.text)


def _typed(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in mentions(text)]


def test_a_region_that_is_also_a_club_keeps_the_type_its_own_context_gives():
    """In one article "Bayern" the state invests and "die Bayern" lose a match: each keeps its own type (and
    key), whatever most mentions of the name are."""
    text = "Bayern investiert in neue Schulen. Am Abend verloren die Bayern in Mainz 0:2."
    bayern = [(m.type, m.key) for m in mentions(text) if m.text == "Bayern"]
    assert bayern == [("Place", "place-bayern"), ("Organization", "organization-bayern")]


def test_a_region_in_a_sentence_on_sport_is_the_club_unless_a_preposition_of_place_stands_before_it():
    assert ("Bayern", "Organization") in _typed("Die Bayern gewannen am Samstag mit 3:0.")
    assert ("Bayern", "Organization") in _typed("Im Heimspiel gegen die Bayern traf der Stürmer zweimal.")
    assert ("Bayern", "Place") in _typed("Nach dem Heimspiel reisten die Fans zurück nach Bayern.")
    assert ("Bayern", "Place") in _typed("Die Sitzung begann um 16:30 Uhr, Bayern stimmte dem Antrag zu.")


def test_a_region_named_like_its_people_after_an_article_is_no_place_outside_sport():
    """ "Die Bayern wählen" are Bavarians: neither the Land nor the club."""
    assert not [m for m in mentions("Die Bayern wählen im Herbst einen neuen Landtag.") if m.text == "Bayern"]


def test_a_clubs_short_form_is_the_club_in_a_report_on_sport():
    assert ("Hertha", "Organization") in _typed("Hertha verlor das Derby gegen Union mit 1:3.")
    found = _typed("Gladbach gewann in Freiburg mit 2:1.")
    assert ("Gladbach", "Organization") in found and ("Freiburg", "Place") in found
    assert ("Schalke 04", "Organization") in _typed(
        "Borussia Dortmund verhinderte die Meisterschaft von Schalke 04."
    )
    assert ("Eintracht Frankfurt", "Organization") in _typed("Werder spielte gegen Eintracht Frankfurt 1:1.")
    assert ("Hertha", "Organization") not in _typed("Tante Hertha backte einen Kuchen.")


def test_a_noun_that_says_what_a_name_is_holds_against_a_persons_family_name():
    """ "die Firma Brendel" is the firm even after its founder "Karl Brendel": an organization keyed by its
    own name, not the person's."""
    text = "Der Gründer Karl Brendel verkaufte die Firma Brendel. Die Firma Brendel hat 300 Mitarbeiter."
    firm = [(m.type, m.key) for m in mentions(text) if m.text == "Brendel"]
    assert firm == [("Organization", "organization-brendel")] * 2


def test_a_region_noun_before_a_regions_name_is_no_part_of_it():
    """ "im Kanton Baselland", "das Land NRW": the region is "Baselland", "NRW", the same place (and key) as
    where the text names it alone."""
    text = "Der Bund erhöht für den Kanton Baselland die Prämien. Baselland wehrt sich."
    found = [(m.text, m.type, m.key) for m in mentions(text) if "Baselland" in m.text]
    assert found == [("Baselland", "Place", "place-baselland")] * 2


def test_a_league_by_its_rank_reports_on_sport():
    assert ("Schalke", "Organization") in _typed("Schalke steigt in die zweite Liga ab.")
    assert ("Schalke", "Organization") not in _typed("Die Arabische Liga tagte in Schalke.")


def test_a_club_only_its_article_says_is_one_has_the_lower_confidence():
    """In a report on sport "die Bayern" and "Hertha" are the clubs even where their own sentence has no word
    of sport; there they might still be Bavarians or a woman, so they are less sure."""
    text = "Die Bayern gewannen das Heimspiel. Die Bayern reisen nach Madrid. Der Trainer lobte das Team."
    clubs = [(m.type, m.confidence) for m in mentions(text) if m.text == "Bayern"]
    assert [kind for kind, _ in clubs] == ["Organization"] * 2 and clubs[1][1] < clubs[0][1]


def test_a_clubs_short_form_with_its_city_or_number_is_the_club_anywhere():
    found = _typed("Der Vorstand von Eintracht Frankfurt traf den Oberbürgermeister.")
    assert ("Eintracht Frankfurt", "Organization") in found and ("Frankfurt", "Place") not in found
    assert ("Bayer 2023", "Organization") not in _typed("Der Umsatz von Bayer 2023 stieg.")


# ---- s22 places


def test_a_region_named_like_its_city_is_another_place_than_the_city():
    """ "im Kanton Zürich" is the canton, "in Zürich" the city: two places, two keys; "des Kantons Bern" is
    the canton "Kanton Bern", "im Land Salzburg" the Land, not the city."""
    text = "Im Kanton Zürich regnet es, in Zürich nicht. Der Rat des Kantons Bern tagt im Land Salzburg."
    keys = [(m.text, m.type, m.key) for m in mentions(text) if m.text in ("Zürich", "Bern", "Salzburg")]
    assert keys == [
        ("Zürich", "Place", "place-kanton-zurich"),
        ("Zürich", "Place", "place-zurich"),
        ("Bern", "Place", "place-kanton-bern"),
        ("Salzburg", "Place", "place-land-salzburg"),
    ]


def test_a_region_named_like_no_city_keeps_the_key_of_its_name():
    text = "Im Bundesland Bayern und im Kanton Baselland wird gewählt; Bayern zählt schon."
    keys = {m.key for m in mentions(text) if m.text in ("Bayern", "Baselland")}
    assert keys == {"place-bayern", "place-baselland"}


def test_a_bundesland_is_keyed_as_the_land_it_is():
    """ "das Bundesland Salzburg" and "das Land Salzburg" are one region, "Land Salzburg"."""
    text = "Das Bundesland Salzburg klagt, und das Land Salzburg gewinnt."
    assert {m.key for m in mentions(text) if m.text == "Salzburg"} == {"place-land-salzburg"}


def test_regions_of_spain_italy_france_and_belgium_are_places_by_their_german_names():
    text = "Streik in Katalonien und im Baskenland, Regen im Piemont, Sturm in der Bretagne, Wahl in Flandern"
    found = _spans(text)
    for name in ("Katalonien", "Baskenland", "Piemont", "Bretagne", "Flandern"):
        start = text.index(name)
        assert found.get(name) == [(start, start + len(name), "Place")], name


def test_us_states_named_in_german_as_in_english_and_the_uks_nations_are_places():
    """ "Texas" and "Wales" as subjects, which the tagger alone reads as persons."""
    text = "Texas klagt gegen den Bund, Ohio und Wales schließen sich an."
    found = _spans(text)
    for name in ("Texas", "Ohio", "Wales"):
        start = text.index(name)
        assert found.get(name) == [(start, start + len(name), "Place")], name
