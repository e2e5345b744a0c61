"""kg.extract.roles: the positions a text gives the persons it names."""

from __future__ import annotations

from kg.extract import extract
from kg.extract.mentions import registry_lookup
from kg.extract.types import discovered_key

REGISTRY = registry_lookup(
    [
        ("spain", "Country", "Q29", ["Spanien", "Spaniens"]),
        ("united-states", "Country", "Q30", ["Vereinigte Staaten", "USA", "US"]),
        ("bundesbank", "Organization", None, ["Bundesbank"]),
        ("nato", "Organization", "Q7184", ["NATO", "Nato"]),
    ]
)


def roles(text: str, lang: str = "de", lookup=REGISTRY):
    x = extract(text, lang=lang, registry_lookup=lookup)
    names = {m.key: m.canonical or m.text for m in x.mentions}
    return [(names.get(r.person, r.person), r.role, r.of, r.former) for r in x.roles], x


def test_a_country_in_the_genitive_before_the_title():
    found, _ = roles("Spaniens Außenminister Tomás Herrera reiste am Montag nach Rom.")
    assert ("Tomás Herrera", "Außenminister", "spain", False) in found


def test_a_country_before_the_hyphen():
    found, _ = roles("Das sagte US-Präsidentin Margaret Holloway am Abend.")
    assert ("Margaret Holloway", "Präsidentin", "united-states", False) in found


def test_a_country_adjective_and_an_inflected_title():
    found, _ = roles("Er traf den spanischen Präsidenten Tomás Herrera in Madrid.")
    assert ("Tomás Herrera", "Präsident", "spain", False) in found


def test_a_possessive_gives_a_role_of_a_person_without_of():
    found, _ = roles("Das bestätigte seine Sprecherin Lena Vogelsang am Dienstag.")
    assert ("Lena Vogelsang", "Sprecherin", None, False) in found


def test_ex_makes_a_role_former_and_two_titles_give_two_roles():
    found, _ = roles("Spaniens Ex-Präsident und NATO-Generalsekretär Tomás Herrera widersprach.")
    assert ("Tomás Herrera", "Präsident", "spain", True) in found
    assert ("Tomás Herrera", "Generalsekretär", "nato", False) in found


def test_a_predecessor_is_former():
    found, _ = roles("Sein Amtsvorgänger Walter Brenninger hatte anders entschieden.")
    assert ("Walter Brenninger", "Amtsvorgänger", None, True) in found


def test_an_apposition_set_off_by_commas():
    found, _ = roles("Der Berater der Bundesbank, Klaus Wendelin, warnte vor hohen Zinsen.")
    assert ("Klaus Wendelin", "Berater", None, False) in found or (
        "Klaus Wendelin",
        "Berater",
        "bundesbank",
        False,
    ) in found


def test_a_genitive_person_after_the_title_owns_the_role_and_does_not_hold_it():
    text = (
        "Die Ministerin Clara Holm traf Tomás Herrera. Der Sprecher Herreras, Jonas Pfeiffer, bestätigte das."
    )
    found, _ = roles(text)
    assert not any(name == "Tomás Herrera" and role == "Sprecher" for name, role, _of, _f in found)


def test_the_role_span_covers_title_and_name():
    text = "Spaniens Außenminister Tomás Herrera reiste nach Rom."
    _, x = roles(text)
    role = x.roles[0]
    assert text[role.span.start : role.span.end] == "Spaniens Außenminister Tomás Herrera"
    assert 0 < role.confidence < 1


def test_a_role_noun_alone_stands_for_the_one_person_the_text_gave_that_role():
    text = (
        "Spaniens Außenminister Tomás Herrera reiste nach Rom. "
        "Dort traf der spanische Außenminister seinen Amtskollegen."
    )
    _, x = roles(text)
    at = text.index("Außenminister seinen")
    by_role = [m for m in x.mentions if m.span.start == at]
    assert by_role and by_role[0].canonical == "Tomás Herrera"
    assert by_role[0].confidence < 0.8


def test_english_titles():
    text = "Spanish Foreign Minister Tomas Herrera met former President Walter Brenninger in Rome."
    found, _ = roles(text, "en", lookup=None)
    assert ("Tomas Herrera", "Foreign Minister", "place-spanien", False) in found
    assert ("Walter Brenninger", "President", None, True) in found


def test_a_city_adjective_names_the_city():
    found, _ = roles("Der Berliner Bürgermeister Jonas Falkenrath eröffnete das Fest.", lookup=None)
    assert ("Jonas Falkenrath", "Bürgermeister", "place-berlin", False) in found


def test_a_predecessor_held_the_role_the_text_gives_his_successor():
    text = (
        "US-Präsidentin Margaret Holloway sprach in Ohio. "
        "Holloways republikanischer Amtsvorgänger Walter Brenninger schwieg."
    )
    found, _ = roles(text)
    assert ("Walter Brenninger", "Amtsvorgänger", None, True) in found
    assert ("Walter Brenninger", "Präsidentin", "united-states", True) in found


# ---- s22 names: office titles of Austria and Switzerland, former holders


def test_austrian_and_swiss_office_titles_before_a_name_are_roles():
    for text, person, role in (
        ("Landeshauptmann Anton Mairhofer kündigte neue Hilfen an.", "Anton Mairhofer", "Landeshauptmann"),
        ("Landeshauptfrau Johanna Steiner lud zum Gipfel.", "Johanna Steiner", "Landeshauptfrau"),
        ("Landesrätin Petra Hofbauer präsentierte das Budget.", "Petra Hofbauer", "Landesrätin"),
        ("Landammann Martin Inderbitzin eröffnete die Sitzung.", "Martin Inderbitzin", "Landammann"),
        ("Bezirkshauptmann Karl Moser sperrte die Straße.", "Karl Moser", "Bezirkshauptmann"),
    ):
        found, _ = roles(text, lookup=None)
        assert (person, role, None, False) in found, text


def test_a_council_members_title_is_a_role_before_a_name_and_the_council_elsewhere():
    """ "Bundesrat", "Regierungsrat", "Nationalrat" name the council and its member alike: before a name the
    member ("Bundesrat Urs Brunner", the Swiss minister), standing alone the council."""
    for text, person, role in (
        ("Bundesrat Urs Brunner reiste nach Brüssel.", "Urs Brunner", "Bundesrat"),
        ("Regierungsrat Beat Amstutz stellte den Bericht vor.", "Beat Amstutz", "Regierungsrat"),
        ("Nationalrat Hans Gerber stimmte gegen den Antrag.", "Hans Gerber", "Nationalrat"),
        ("Bundesrätin Karin Walder verteidigte die Vorlage.", "Karin Walder", "Bundesrätin"),
    ):
        found, _ = roles(text, lookup=None)
        assert (person, role, None, False) in found, text
    found, x = roles("Der Bundesrat stimmte dem Gesetz zu. Urs Brunner schwieg.", lookup=None)
    assert found == []
    assert all(m.type != "Person" for m in x.mentions if m.text == "Bundesrat")


def test_alt_before_an_office_makes_its_holder_a_former_one():
    """ "Altbundeskanzler", "Alt-Bundesrat", "Ex-Landeshauptmann": the office, held before;
    "Alterspräsident" (a parliament's oldest member) is no former president."""
    for text, person, role in (
        ("Altbundeskanzler Werner Faltl feierte Geburtstag.", "Werner Faltl", "Bundeskanzler"),
        ("Altbürgermeister Franz Huber erinnerte an die Flut.", "Franz Huber", "Bürgermeister"),
        ("Alt-Bundesrat Max Stucki meldete sich zu Wort.", "Max Stucki", "Bundesrat"),
        ("Ex-Landeshauptmann Josef Pichler ist gestorben.", "Josef Pichler", "Landeshauptmann"),
    ):
        found, _ = roles(text, lookup=None)
        assert (person, role, None, True) in found, text
    found, _ = roles("Alterspräsident Otto Lindner eröffnete die Sitzung.", lookup=None)
    assert ("Otto Lindner", "Alterspräsident", None, False) in found


def test_a_place_adjective_with_a_changed_stem_names_the_place():
    for text, person, role, place in (
        ("Der Zürcher Regierungsrat Beat Amstutz sprach.", "Beat Amstutz", "Regierungsrat", "Zürich"),
        ("Die Walliser Staatsrätin Claire Fournier sprach.", "Claire Fournier", "Staatsrätin", "Wallis"),
        ("Der Münchner Stadtrat Paul Eder sprach.", "Paul Eder", "Stadtrat", "München"),
        ("Der Kärntner Landesrat Karl Moser sprach.", "Karl Moser", "Landesrat", "Kärnten"),
        ("Der Basler Regierungsrat Beat Amstutz sprach.", "Beat Amstutz", "Regierungsrat", "Basel"),
    ):
        found, _ = roles(text, lookup=None)
        assert (person, role, discovered_key(place, "Place"), False) in found, text


def test_an_apposition_names_whose_role_after_von_or_a_genitive_article():
    found, _ = roles("Anton Mairhofer, der Landeshauptmann von Tirol, sagte ab.", lookup=None)
    assert ("Anton Mairhofer", "Landeshauptmann", discovered_key("Tirol", "Place"), False) in found
    found, _ = roles("Karl Moser, der Landeshauptmann der Steiermark, sagte ab.", lookup=None)
    assert ("Karl Moser", "Landeshauptmann", discovered_key("Steiermark", "Place"), False) in found


def test_a_region_adjective_in_isch_names_the_region_of_a_role():
    """German forms a region's adjective from its name less -n, -en, -ien, with an umlaut: "bayerisch",
    "sächsisch", "nordrhein-westfälisch", "saarländisch"; "steirisch" is Styria's. Other adjectives in -isch
    ("politisch") name nothing."""
    for text, region in (
        ("Der bayerische Ministerpräsident Lukas Brenner sprach.", "Bayern"),
        ("Die sächsische Kultusministerin Anna Lechner sprach.", "Sachsen"),
        ("Der steirische Landeshauptmann Karl Moser sprach.", "Steiermark"),
        ("Die nordrhein-westfälische Ministerin Petra Vogt sprach.", "Nordrhein-Westfalen"),
        ("Der saarländische Ministerpräsident Jens Hartwig sprach.", "Saarland"),
    ):
        found, _ = roles(text, lookup=None)
        assert [of for _person, _role, of, _former in found] == [discovered_key(region, "Place")], text
    found, _ = roles("Der politische Berater Jens Hartwig sprach.", lookup=None)
    assert ("Jens Hartwig", "Berater", None, False) in found


def test_a_role_phrase_before_the_name_names_its_owner_after_von():
    found, _ = roles("Der Landeshauptmann von Tirol, Anton Mairhofer, sagte ab.", lookup=None)
    assert ("Anton Mairhofer", "Landeshauptmann", discovered_key("Tirol", "Place"), False) in found


def test_austrian_party_chairs_and_swiss_commune_heads_are_roles():
    for text, person, role in (
        ("Klubobmann Peter Gruber kritisierte die Regierung.", "Peter Gruber", "Klubobmann"),
        ("ÖVP-Klubobfrau Maria Lang verteidigte den Kurs.", "Maria Lang", "Klubobfrau"),
        ("Gemeindeammann Kurt Aebi eröffnete die Versammlung.", "Kurt Aebi", "Gemeindeammann"),
    ):
        found, _ = roles(text, lookup=None)
        assert (person, role, None, False) in found, text


def test_alt_written_apart_as_the_swiss_do_makes_a_former_holder():
    found, _ = roles("Das sagte alt Bundesrat Max Stucki am Montag.", lookup=None)
    assert ("Max Stucki", "Bundesrat", None, True) in found
