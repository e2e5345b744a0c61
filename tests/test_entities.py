"""The entity registry (``kg.read.registry``): loading ``data/entities`` and finding mentions in a text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.model import Mention, Span
from kg.read.registry import TYPES, Entity, Registry, load_registry
from tests.conftest import DATA

ENTITY_FILES = sorted((DATA / "entities").glob("*.yaml"))

PUTIN = (
    "- id: vladimir-putin\n"
    "  type: Person\n"
    "  wikidata: Q7747\n"
    "  name: {de: Wladimir Putin, en: Vladimir Putin}\n"
)
"""Lines 1-4 of every small entity file below."""


@pytest.fixture(scope="module")
def real() -> Registry:
    return load_registry(ENTITY_FILES)


def write(tmp_path: Path, text: str, name: str = "entities.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load_error(*paths: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        load_registry(paths)
    return caught.value


def found(registry: Registry, text: str) -> list[tuple[str, str]]:
    return [(m.entity, m.span.text(text)) for m in registry.find_mentions(text)]


# --- the real entity files -------------------------------------------------------------------------------


class TestRealEntities:
    def test_the_entity_files_load(self, real: Registry) -> None:
        names = {p.name for p in ENTITY_FILES}
        assert {"events.yaml", "organizations.yaml", "persons.yaml", "places.yaml", "things.yaml"} <= names
        assert {"donald-trump", "vladimir-putin", "kremlin", "gaza-war", "gaza-strip", "afp"} <= set(
            real.entities
        )

    def test_every_entity_has_a_german_and_an_english_name(self, real: Registry) -> None:
        for entity in real.entities.values():
            assert entity.name["de"].strip() == entity.name["de"] != ""
            assert entity.name["en"].strip() == entity.name["en"] != ""

    def test_ids_are_slugs(self, real: Registry) -> None:
        for entity_id, entity in real.entities.items():
            assert entity.id == entity_id
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entity_id), entity_id

    def test_wikidata_ids_look_like_q_and_a_number(self, real: Registry) -> None:
        qids = [e.wikidata for e in real.entities.values() if e.wikidata is not None]
        assert qids
        for qid in qids:
            assert re.fullmatch(r"Q[1-9][0-9]*", qid), qid
        assert len(set(qids)) == len(qids)

    def test_types_are_known_schema_org_types(self, real: Registry) -> None:
        for entity in real.entities.values():
            assert entity.type in TYPES
            assert entity.types[0] == entity.type

    def test_contained_in_names_a_known_entity(self, real: Registry) -> None:
        for entity in real.entities.values():
            if entity.contained_in is not None:
                assert entity.contained_in in real

    def test_seed_people_with_their_wikidata_ids(self, real: Registry) -> None:
        putin = real["vladimir-putin"]
        assert putin.name == {"de": "Wladimir Putin", "en": "Vladimir Putin"}
        assert putin.wikidata == "Q7747"
        assert "Kremlchef" in putin.aliases
        assert real["donald-trump"].wikidata == "Q22686"
        assert "vladimir-putin" in real
        assert "nobody" not in real

    def test_the_kremlin_is_an_organization_without_a_wikidata_id(self, real: Registry) -> None:
        kremlin = real["kremlin"]
        assert kremlin.wikidata is None
        assert kremlin.kind == "organization"
        assert kremlin.types == ("GovernmentOrganization", "Organization")
        assert kremlin.is_organization is True
        assert real["vladimir-putin"].is_organization is False
        assert real["vladimir-putin"].kind == "person"


# --- mistakes in entity files -----------------------------------------------------------------------------


class TestLoadErrors:
    def test_small_file_loads(self, tmp_path: Path) -> None:
        registry = load_registry([write(tmp_path, PUTIN)])
        assert registry.entities == {
            "vladimir-putin": Entity(
                "vladimir-putin", "Person", {"de": "Wladimir Putin", "en": "Vladimir Putin"}, wikidata="Q7747"
            )
        }

    def test_duplicate_id_names_file_and_line(self, tmp_path: Path) -> None:
        path = write(
            tmp_path, PUTIN + "- id: vladimir-putin\n  type: Person\n  name: {de: Putin, en: Putin}\n"
        )
        error = load_error(path)
        assert (error.file, error.line) == (str(path), 5)
        assert error.message == "duplicate entity id 'vladimir-putin'"
        assert str(error).startswith(f"{path}:5: ")

    def test_duplicate_id_across_files_names_the_later_file(self, tmp_path: Path) -> None:
        first = write(tmp_path, PUTIN, "a.yaml")
        second = write(tmp_path, "# again\n" + PUTIN, "b.yaml")
        error = load_error(second, first)
        assert (error.file, error.line) == (str(second), 2)
        assert error.message == "duplicate entity id 'vladimir-putin'"

    def test_unknown_type_names_file_line_and_field(self, tmp_path: Path) -> None:
        path = write(tmp_path, PUTIN + "- id: kreml\n  type: Fortress\n  name: {de: Kreml, en: Kremlin}\n")
        error = load_error(path)
        assert (error.file, error.line, error.field) == (str(path), 6, "entity.type")
        assert error.message.startswith("unknown type 'Fortress' (expected one of: Person, Organization, ")
        assert str(error).startswith(f"{path}:6: entity.type: unknown type 'Fortress'")

    @pytest.mark.parametrize("qid", ["q7747", "Q0", "Q07747", "7747", "Q", "Q12a", "P31"])
    def test_malformed_wikidata_id_names_file_line_and_field(self, tmp_path: Path, qid: str) -> None:
        path = write(tmp_path, PUTIN.replace("Q7747", qid))
        error = load_error(path)
        assert (error.file, error.line, error.field) == (str(path), 3, "entity.wikidata")
        assert str(error) == (
            f"{path}:3: entity.wikidata: '{qid}' is not a Wikidata item id (expected Q followed by digits)"
        )

    @pytest.mark.parametrize(
        ("names", "missing"), [("{de: Putin}", "en"), ("{en: Putin, fr: Poutine}", "de")]
    )
    def test_missing_name_language_names_file_line_and_field(
        self, tmp_path: Path, names: str, missing: str
    ) -> None:
        path = write(tmp_path, PUTIN.replace("{de: Wladimir Putin, en: Vladimir Putin}", names))
        error = load_error(path)
        assert (error.file, error.line, error.field) == (str(path), 4, "entity.name")
        assert error.message == f"missing the '{missing}' name"

    def test_empty_name_names_the_language(self, tmp_path: Path) -> None:
        path = write(tmp_path, PUTIN.replace("en: Vladimir Putin", "en: ''"))
        error = load_error(path)
        assert (error.line, error.field) == (4, "entity.name")
        assert error.message == "label for 'en' must be non-empty text"

    def test_id_that_is_not_a_slug(self, tmp_path: Path) -> None:
        path = write(tmp_path, PUTIN.replace("id: vladimir-putin", "id: Vladimir Putin"))
        error = load_error(path)
        assert (error.file, error.line, error.field) == (str(path), 1, "entity.id")
        assert (
            error.message == "'Vladimir Putin' is not a slug (expected lower-case ASCII words joined by '-')"
        )

    def test_missing_id(self, tmp_path: Path) -> None:
        path = write(tmp_path, "- type: Person\n  name: {de: A, en: A}\n")
        error = load_error(path)
        assert (error.file, error.line, error.field) == (str(path), 1, "entity.id")
        assert error.message == "missing (expected text)"

    def test_unknown_key(self, tmp_path: Path) -> None:
        path = write(tmp_path, PUTIN + "  born: 1952\n")
        error = load_error(path)
        assert (error.line, error.field) == (5, "entity.born")
        assert error.message == (
            "unknown key (expected one of: aliases, contained_in, description, id, name, type, wikidata)"
        )

    def test_a_file_that_is_not_a_list(self, tmp_path: Path) -> None:
        path = write(tmp_path, "id: vladimir-putin\n")
        error = load_error(path)
        assert str(error) == f"{path}:1: expected a list of entities"

    def test_a_list_item_that_is_not_a_mapping(self, tmp_path: Path) -> None:
        path = write(tmp_path, PUTIN + "- Donald Trump\n")
        error = load_error(path)
        assert str(error) == f"{path}:5: expected a mapping for entity"

    def test_surface_form_shared_by_two_entities_is_rejected(self, tmp_path: Path) -> None:
        path = write(
            tmp_path,
            PUTIN + "  aliases: [Putin]\n"
            "- id: putin-family\n  type: Organization\n  name: {de: Putin, en: Putin}\n",
        )
        error = load_error(path)
        assert str(error) == (
            f"{path}:6: entity.aliases: surface form 'Putin' names both 'vladimir-putin' and 'putin-family'"
        )

    def test_surface_forms_differing_only_in_whitespace_are_shared(self) -> None:
        with pytest.raises(InputError) as caught:
            Registry(
                {
                    "a": Entity("a", "Person", {"de": "Donald Trump", "en": "Donald Trump"}),
                    "b": Entity("b", "Person", {"de": "B", "en": "B"}, aliases=("Donald  Trump",)),
                }
            )
        assert caught.value.message == "surface form 'Donald  Trump' names both 'a' and 'b'"

    def test_contained_in_an_unknown_entity_is_rejected(self, tmp_path: Path) -> None:
        path = write(
            tmp_path,
            "- id: budapest\n  type: City\n  name: {de: Budapest, en: Budapest}\n  contained_in: hungary\n",
        )
        error = load_error(path)
        assert str(error) == f"{path}:4: entity.contained_in: names unknown entity 'hungary'"

    def test_contained_in_a_known_entity_in_another_file(self, tmp_path: Path) -> None:
        city = write(
            tmp_path,
            "- id: budapest\n  type: City\n  name: {de: Budapest, en: Budapest}\n  contained_in: hungary\n",
            "cities.yaml",
        )
        country = write(
            tmp_path, "- id: hungary\n  type: Country\n  name: {de: Ungarn, en: Hungary}\n", "c.yaml"
        )
        registry = load_registry([city, country])
        assert registry["budapest"].contained_in == "hungary"
        assert registry["budapest"].types == ("City", "AdministrativeArea", "Place")


# --- mentions -------------------------------------------------------------------------------------------


class TestFindMentions:
    def test_longest_form_of_the_same_entity_wins(self, real: Registry) -> None:
        text = "Kremlchef Wladimir Putin telefonierte."
        assert real.find_mentions(text) == [
            Mention("vladimir-putin", Span(0, 9)),
            Mention("vladimir-putin", Span(10, 24)),
        ]

    def test_full_name_is_one_mention(self, real: Registry) -> None:
        assert found(real, "mit Wladimir Putin in") == [("vladimir-putin", "Wladimir Putin")]

    def test_inflected_alias(self, real: Registry) -> None:
        assert found(real, "Der Berater Putins, Juri") == [("vladimir-putin", "Putins")]

    def test_names_of_other_entities_inside_a_mention_are_found(self, real: Registry) -> None:
        text = "nach zwei Jahren Krieg im Gazastreifen"
        assert real.find_mentions(text) == [
            Mention("gaza-war", Span(17, 38)),
            Mention("gaza-strip", Span(26, 38)),
        ]

    def test_no_match_inside_a_longer_word(self, real: Registry) -> None:
        assert found(real, "Kremlchef") == [("vladimir-putin", "Kremlchef")]
        assert found(real, "Der Kreml warnte") == [("kremlin", "Kreml")]
        assert found(real, "Putinversteher und Trumpismus") == []

    def test_whitespace_runs_and_non_breaking_spaces_match_a_space(self, real: Registry) -> None:
        text = "Wladimir\xa0Putin, Wladimir \n  Putin, Wladimir\tPutin"
        assert found(real, text) == [
            ("vladimir-putin", "Wladimir\xa0Putin"),
            ("vladimir-putin", "Wladimir \n  Putin"),
            ("vladimir-putin", "Wladimir\tPutin"),
        ]

    def test_mentions_are_in_text_order(self) -> None:
        registry = Registry(
            {
                "b": Entity("b", "Person", {"de": "Berta", "en": "Berta"}),
                "a": Entity("a", "Person", {"de": "Anton", "en": "Anton"}),
            }
        )
        assert found(registry, "Berta, Anton und Berta") == [("b", "Berta"), ("a", "Anton"), ("b", "Berta")]

    def test_same_span_of_two_entities_sorted_by_id(self) -> None:
        registry = Registry(
            {
                "z-city": Entity("z-city", "City", {"de": "Stadt Z", "en": "Z City"}),
                "a-war": Entity("a-war", "Event", {"de": "Krieg um Stadt Z", "en": "Z war"}),
            }
        )
        assert registry.find_mentions("Der Krieg um Stadt Z") == [
            Mention("a-war", Span(4, 20)),
            Mention("z-city", Span(13, 20)),
        ]

    def test_matching_is_case_sensitive(self) -> None:
        registry = Registry({"afp": Entity("afp", "NewsMediaOrganization", {"de": "AFP", "en": "AFP"})})
        assert found(registry, "AFP und afp") == [("afp", "AFP")]

    def test_alias_with_punctuation_is_matched_literally(self) -> None:
        registry = Registry(
            {"us": Entity("us", "Country", {"de": "Vereinigte Staaten", "en": "United States"}, ("U.S.",))}
        )
        assert found(registry, "die U.S. und USXS") == [("us", "U.S.")]

    def test_seed_lede(self, real: Registry) -> None:
        text = "Nach einem Telefonat mit Wladimir Putin will US-Präsident Donald Trump den Kremlchef treffen."
        assert found(real, text) == [
            ("vladimir-putin", "Wladimir Putin"),
            ("united-states", "US"),
            ("donald-trump", "US-Präsident"),
            ("donald-trump", "Donald Trump"),
            ("vladimir-putin", "Kremlchef"),
        ]


class TestOrganizationNamed:
    def test_an_agency_by_its_alias(self, real: Registry) -> None:
        afp = real.organization_named("AFP")
        assert afp is not None
        assert afp.id == "afp"

    def test_whitespace_in_the_credit_is_normalized(self, real: Registry) -> None:
        entity = real.organization_named(" picture \u00a0alliance ")
        assert entity is not None
        assert entity.id == "picture-alliance"

    def test_a_government_office_is_an_organization(self, real: Registry) -> None:
        entity = real.organization_named("Presidential Office of Ukraine")
        assert entity is not None
        assert entity.id == "presidential-office-ukraine"

    def test_a_person_is_not_an_organization(self, real: Registry) -> None:
        assert real.organization_named("Donald Trump") is None

    def test_an_unknown_name_is_not_an_organization(self, real: Registry) -> None:
        assert real.organization_named("Sergei Bobylev") is None
        assert real.organization_named("") is None
