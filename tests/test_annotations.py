"""Editor annotations (``kg.read.annotations``, format in ``docs/annotations.md``): the YAML an editor writes
becomes roles, events, quotations and claims, each fact anchored to a verbatim phrase of the article.

Every mistake is an :class:`InputError` naming the file, the line and the field. Small articles are parsed
here with the DW reader and checked against a registry of a dozen entities; no store, no server.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from kg.dates import PartialDate
from kg.errors import InputError
from kg.model import Annotations, Article, Event, Posting, Span, Window
from kg.read.annotations import find_phrase, load_annotations
from kg.read.dw import parse_article
from kg.read.registry import Entity, Registry
from tests.conftest import SEED_DIR

NBSP = "\u00a0"


def entity(entity_id: str, type_name: str, de: str, en: str | None = None, *aliases: str) -> Entity:
    return Entity(entity_id, type_name, {"de": de, "en": en or de}, aliases)


REGISTRY = Registry(
    {
        e.id: e
        for e in [
            entity("donald-trump", "Person", "Donald Trump", None, "Trump"),
            entity("vladimir-putin", "Person", "Wladimir Putin", "Vladimir Putin", "Putin", "Kremlchef"),
            entity("marco-rubio", "Person", "Marco Rubio"),
            entity("united-states", "Country", "Vereinigte Staaten", "United States", "USA"),
            entity("kremlin", "GovernmentOrganization", "Kreml", "Kremlin"),
            entity("budapest", "City", "Budapest"),
            entity("alaska", "State", "Alaska"),
            entity("truth-social", "WebSite", "Truth Social"),
            entity("tomahawk", "Product", "Tomahawk"),
            entity("russian-invasion-of-ukraine", "Event", "Russischer Überfall", "Russian invasion"),
        ]
    }
)

HEADLINE = "Trump will Putin in Budapest treffen"
RUBIO = f"Auf US-Seite werde Außenminister{NBSP}Marco Rubio die Gespräche vorbereiten."
PLAIN = [
    "US-Präsident Donald Trump will Kremlchef Wladimir Putin in Budapest treffen.",
    "Trump habe Budapest vorgeschlagen, und Putin habe dem sofort zugestimmt. Das Treffen solle "
    "wahrscheinlich in den nächsten zwei Wochen stattfinden.",
    RUBIO,
    "Der Kreml warnte die US-Regierung nachdrücklich vor einer solchen Lieferung.",
    "Im August hatten sich Putin und Trump in Alaska getroffen. Das Gespräch dauerte zwei Stunden. "
    "Putin sagte danach, das Gespräch sei gut gewesen.",
]
QUOTED = [
    *PLAIN,
    'Trump nannte das Telefonat "sehr produktiv". Rubio sprach von einem „großen Fortschritt“.',
    "Der Kreml sprach von einem „Friedensgipfel“.",
]
TWICE = [
    *QUOTED[:-1],
    "Der Kreml sprach von einem „Friedensgipfel“, Trump ebenfalls von einem „Friedensgipfel“.",
]


def article(paragraphs: list[str], slug: str = "test-article") -> Article:
    text = "\n\n".join([HEADLINE, "Veröffentlicht 17. Oktober 2025", *paragraphs]) + "\n"
    return parse_article(text, slug=slug)


ARTICLE = article(PLAIN)
QUOTED_ARTICLE = article(QUOTED)
TWICE_ARTICLE = article(TWICE)


def write(tmp_path: Path, yaml_text: str) -> Path:
    path = tmp_path / "annotations.yaml"
    path.write_text(textwrap.dedent(yaml_text), encoding="utf-8")
    return path


def annotate(tmp_path: Path, yaml_text: str, of: Article = ARTICLE) -> Annotations:
    return load_annotations(write(tmp_path, yaml_text), of, REGISTRY)


def mistake(tmp_path: Path, yaml_text: str, of: Article = ARTICLE) -> InputError:
    with pytest.raises(InputError) as caught:
        annotate(tmp_path, yaml_text, of)
    assert caught.value.file == str(tmp_path / "annotations.yaml"), "every error names the file"
    return caught.value


def at(error: InputError) -> tuple[int | None, str | None]:
    """Where an error points: its line and field."""
    return error.line, error.field


# --- finding a phrase ---------------------------------------------------------------------------------------


class TestFindPhrase:
    def test_a_phrase_is_found_verbatim_with_its_offsets(self) -> None:
        body = "Trump sprach mit Putin."
        assert find_phrase(body, "mit Putin") == Span(13, 22)

    def test_any_run_of_whitespace_matches_any_other(self) -> None:
        body = f"Außenminister{NBSP}Marco\n  Rubio kam."
        span = find_phrase(body, "Außenminister Marco Rubio")
        assert span == Span(0, len(body) - len(" kam."))
        assert find_phrase(body, "  Außenminister\tMarco   Rubio ") == span

    def test_the_match_is_case_sensitive(self) -> None:
        with pytest.raises(ValueError, match="not found"):
            find_phrase("Der Kreml warnte.", "der kreml")

    def test_characters_with_a_meaning_in_regular_expressions_are_literal(self) -> None:
        body = "Agenturen (dpa, afp) melden: Frieden? Ja. Frieden! Nein."
        assert find_phrase(body, "(dpa, afp)") == Span(10, 20)
        assert find_phrase(body, "Frieden?").start == body.index("Frieden?")
        with pytest.raises(ValueError, match="not found"):
            find_phrase(body, "Fr.eden!")

    def test_an_absent_phrase_is_an_error_that_quotes_it(self) -> None:
        with pytest.raises(ValueError, match=r"phrase not found in the article: 'Selenskyj'"):
            find_phrase("Trump sprach mit Putin.", "Selenskyj")

    def test_an_ambiguous_phrase_is_an_error_listing_every_offset(self) -> None:
        with pytest.raises(ValueError) as caught:
            find_phrase("Putin, Trump und Putin; Putin.", "Putin")
        message = str(caught.value)
        assert "occurs 3 times (at offsets 0, 17, 24)" in message
        assert "'Putin'" in message
        assert "occurrence: N" in message and "longer phrase" in message

    def test_an_occurrence_picks_one_counting_from_one(self) -> None:
        body = "Putin, Trump und Putin; Putin."
        assert [find_phrase(body, "Putin", n).start for n in (1, 2, 3)] == [0, 17, 24]

    def test_an_occurrence_also_holds_for_a_phrase_found_once(self) -> None:
        assert find_phrase("Trump sprach.", "Trump", occurrence=1) == Span(0, 5)

    @pytest.mark.parametrize("occurrence", [0, 4, -1])
    def test_an_occurrence_that_does_not_exist_is_an_error(self, occurrence: int) -> None:
        with pytest.raises(ValueError, match=f"occurs 3 times, not {occurrence}"):
            find_phrase("Putin, Trump und Putin; Putin.", "Putin", occurrence)

    @pytest.mark.parametrize("phrase", ["", "   ", f"{NBSP}\n"])
    def test_an_empty_phrase_is_an_error(self, phrase: str) -> None:
        with pytest.raises(ValueError, match="empty phrase"):
            find_phrase("Trump sprach.", phrase)


# --- the file as a whole ------------------------------------------------------------------------------------


class TestFile:
    def test_an_empty_file_adds_nothing(self, tmp_path: Path) -> None:
        assert annotate(tmp_path, "") == Annotations()
        assert annotate(tmp_path, "# nothing yet\n") == Annotations()

    def test_the_article_head_names_what_it_is_about_and_its_address(self, tmp_path: Path) -> None:
        annotations = annotate(
            tmp_path,
            """\
            article:
              about: [russian-invasion-of-ukraine]
              url: https://www.dw.com/de/a-74391234
            """,
        )
        assert annotations.about == ("russian-invasion-of-ukraine",)
        assert annotations.url == "https://www.dw.com/de/a-74391234"
        assert annotations.roles == annotations.events == annotations.quotations == annotations.claims == ()

    def test_the_article_may_be_about_an_event_of_the_same_file(self, tmp_path: Path) -> None:
        annotations = annotate(
            tmp_path,
            """\
            article:
              about: [budapest-summit-2025]
            events:
              - id: budapest-summit-2025
                kind: summit
                name: {de: Gipfel in Budapest, en: Summit in Budapest}
                status: planned
                evidence: Trump habe Budapest vorgeschlagen
            """,
        )
        assert annotations.about == ("budapest-summit-2025",)

    def test_the_article_about_an_unknown_id_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(
            tmp_path,
            """\
            article:
              url: https://www.dw.com/de/a-1
              about: [budapest, budapest-summit]
            """,
        )
        assert at(error) == (3, "article.about[1]")
        assert "unknown entity or event 'budapest-summit'" in error.message

    def test_a_file_that_is_not_a_mapping_is_an_error_at_line_1(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, "- person: marco-rubio\n")
        assert error.line == 1
        assert "expected a mapping with keys article, roles, events, quotations, claims" in error.message

    def test_an_unknown_top_level_key_is_an_error_naming_the_allowed_ones(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, "article: {}\nrole:\n  - person: marco-rubio\n")
        assert at(error) == (2, "annotations.role")
        assert "unknown key" in error.message and "roles" in error.message

    def test_an_unknown_key_of_the_article_head_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, "article:\n  about: []\n  headline: x\n")
        assert at(error) == (3, "article.headline")

    def test_a_section_that_is_not_a_list_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, "article: {}\nroles:\n  person: marco-rubio\n")
        assert at(error) == (2, "roles")
        assert error.message == "expected a list"

    def test_an_item_that_is_not_a_mapping_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, "claims:\n  - kremlin\n")
        assert error.line == 2
        assert "expected a mapping for claim[0]" in error.message

    def test_malformed_yaml_names_the_line(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, "roles:\n  - person: [marco-rubio\n")
        assert error.line is not None and "malformed YAML" in error.message

    def test_the_message_reads_file_line_field(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, "roles:\n  - person: nobody\n    title: {de: X}\n    evidence: Kreml\n")
        assert str(error).startswith(f"{tmp_path / 'annotations.yaml'}:2: role[0].person: unknown entity")


# --- evidence -----------------------------------------------------------------------------------------------


def claim(evidence: str, speaker: str = "kremlin") -> str:
    return f"claims:\n  - speaker: {speaker}\n    evidence: {evidence}\n"


class TestEvidence:
    def test_a_phrase_is_anchored_where_it_stands_in_the_body(self, tmp_path: Path) -> None:
        phrase = "Der Kreml warnte die US-Regierung nachdrücklich vor einer solchen Lieferung."
        evidence = annotate(tmp_path, claim(phrase)).claims[0].evidence
        assert evidence.quote == phrase
        assert evidence.span == Span(ARTICLE.body.index(phrase), ARTICLE.body.index(phrase) + len(phrase))
        assert evidence.span.text(ARTICLE.body) == phrase

    def test_the_quote_keeps_the_article_s_own_whitespace(self, tmp_path: Path) -> None:
        evidence = (
            annotate(
                tmp_path,
                """\
            roles:
              - person: marco-rubio
                title: {de: US-Außenminister, en: United States Secretary of State}
                evidence: Außenminister Marco Rubio
            """,
            )
            .roles[0]
            .evidence
        )
        assert evidence.quote == f"Außenminister{NBSP}Marco Rubio"
        assert evidence.span.text(ARTICLE.body) == evidence.quote

    def test_a_phrase_may_span_a_paragraph_break(self, tmp_path: Path) -> None:
        phrase = "Lieferung. Im August hatten sich"
        evidence = annotate(tmp_path, claim(phrase)).claims[0].evidence
        assert evidence.quote == "Lieferung.\n\nIm August hatten sich"

    def test_the_headline_is_part_of_the_text(self, tmp_path: Path) -> None:
        evidence = annotate(tmp_path, claim("Trump will Putin in Budapest treffen")).claims[0].evidence
        assert evidence.span == Span(0, len(HEADLINE))

    def test_a_phrase_not_in_the_article_names_file_line_field_and_phrase(self, tmp_path: Path) -> None:
        error = mistake(
            tmp_path,
            """\
            claims:
              - speaker: kremlin
                about: [tomahawk]
                evidence: Der Kreml warnte Washington.
            """,
        )
        assert at(error) == (4, "claim[0].evidence")
        assert error.message == "phrase not found in the article: 'Der Kreml warnte Washington.'"

    def test_an_ambiguous_phrase_is_an_error_that_says_how_to_resolve_it(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, claim("Gespräch"))
        assert at(error) == (3, "claim[0].evidence")
        starts = [i for i in range(len(ARTICLE.body)) if ARTICLE.body.startswith("Gespräch", i)]
        assert len(starts) == 3
        assert (
            f"phrase occurs 3 times (at offsets {', '.join(map(str, starts))}): 'Gespräch'" in error.message
        )
        assert "add 'occurrence: N' or quote a longer phrase" in error.message

    def test_a_longer_phrase_resolves_the_ambiguity(self, tmp_path: Path) -> None:
        evidence = annotate(tmp_path, claim("das Gespräch sei gut")).claims[0].evidence
        assert evidence.span.start == ARTICLE.body.index("das Gespräch sei gut")

    def test_an_occurrence_picks_one_counting_from_one(self, tmp_path: Path) -> None:
        evidence = annotate(tmp_path, claim("{phrase: Gespräch, occurrence: 2}")).claims[0].evidence
        assert evidence.quote == "Gespräch"
        assert evidence.span.start == ARTICLE.body.index("Das Gespräch dauerte") + len("Das ")

    def test_an_occurrence_beyond_the_last_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, claim("{phrase: Gespräch, occurrence: 4}"))
        assert at(error) == (3, "claim[0].evidence")
        assert "phrase occurs 3 times, not 4: 'Gespräch'" in error.message

    @pytest.mark.parametrize("occurrence", ["zwei", "2.0", "true", "[2]"])
    def test_an_occurrence_must_be_a_whole_number(self, tmp_path: Path, occurrence: str) -> None:
        error = mistake(tmp_path, claim(f"{{phrase: Gespräch, occurrence: {occurrence}}}"))
        assert error.field == "claim[0].evidence.occurrence"
        assert "expected a whole number such as 2" in error.message

    def test_an_unknown_key_beside_the_phrase_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, claim("{phrase: Gespräch, nth: 2}"))
        assert error.field == "claim[0].evidence.nth"

    def test_a_fact_without_evidence_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, "claims:\n  - speaker: kremlin\n    about: [tomahawk]\n")
        assert at(error) == (2, "claim[0].evidence")
        assert "missing (every fact needs a verbatim phrase of the article)" in error.message

    def test_evidence_that_is_no_phrase_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, claim("42"))
        assert at(error) == (3, "claim[0].evidence")
        assert "expected a phrase of the article" in error.message

    def test_an_event_takes_several_phrases_each_checked_at_its_own_line(self, tmp_path: Path) -> None:
        text = """\
            events:
              - id: budapest-summit-2025
                kind: summit
                name: {de: Gipfel in Budapest, en: Summit in Budapest}
                status: planned
                evidence:
                  - Trump habe Budapest vorgeschlagen
                  - {phrase: Gespräch, occurrence: 1}
                  - und Putin habe dem sofort zugestimmt
            """
        event = annotate(tmp_path, text).events[0]
        assert [e.quote for e in event.evidence] == [
            "Trump habe Budapest vorgeschlagen",
            "Gespräch",
            "und Putin habe dem sofort zugestimmt",
        ]
        assert event.evidence[1].span.start == ARTICLE.body.index("Gespräche vorbereiten")
        error = mistake(tmp_path, text.replace("und Putin habe", "und Putin hat"))
        assert at(error) == (9, "event[0].evidence")
        error = mistake(tmp_path, text.replace("occurrence: 1", "occurrence: 9"))
        assert at(error) == (8, "event[0].evidence")

    def test_an_empty_list_of_phrases_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(
            tmp_path,
            """\
            events:
              - id: budapest-summit-2025
                kind: summit
                name: {de: Gipfel in Budapest, en: Summit in Budapest}
                status: planned
                evidence: []
            """,
        )
        assert at(error) == (6, "event[0].evidence")
        assert "needs at least one phrase" in error.message


# --- roles --------------------------------------------------------------------------------------------------


ROLE = """\
roles:
  - person: marco-rubio
    title: {de: US-Außenminister, en: United States Secretary of State}
    position: Q14213
    organization: united-states
    evidence: Außenminister Marco Rubio
"""


class TestRoles:
    def test_a_role_of_a_person(self, tmp_path: Path) -> None:
        (role,) = annotate(tmp_path, ROLE).roles
        assert role.person == "marco-rubio"
        assert role.title == {"de": "US-Außenminister", "en": "United States Secretary of State"}
        assert role.position == "Q14213"
        assert role.organization == "united-states"
        assert role.evidence.quote == f"Außenminister{NBSP}Marco Rubio"

    def test_a_role_is_current_unless_said_otherwise(self, tmp_path: Path) -> None:
        assert annotate(tmp_path, ROLE).roles[0].status == "current"
        former = ROLE.replace("    position: Q14213\n", "    status: former\n")
        assert annotate(tmp_path, former).roles[0].status == "former"

    def test_position_and_organization_are_optional(self, tmp_path: Path) -> None:
        bare = ROLE.replace("    position: Q14213\n", "").replace("    organization: united-states\n", "")
        role = annotate(tmp_path, bare).roles[0]
        assert role.position is None and role.organization is None

    def test_an_unknown_status_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, ROLE.replace("    position: Q14213\n", "    status: acting\n"))
        assert at(error) == (4, "role[0].status")
        assert "unknown role status 'acting' (expected one of: current, former)" in error.message

    @pytest.mark.parametrize("position", ["14213", "q14213", "Q0", "Q14213x"])
    def test_a_position_must_be_a_wikidata_item_id(self, tmp_path: Path, position: str) -> None:
        error = mistake(tmp_path, ROLE.replace("Q14213", position))
        assert at(error) == (4, "role[0].position")
        assert "is not a Wikidata item id" in error.message

    def test_an_unknown_person_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, ROLE.replace("person: marco-rubio", "person: marco-rubi"))
        assert at(error) == (2, "role[0].person")
        assert error.message == "unknown entity 'marco-rubi' (expected an id from data/entities)"

    def test_only_a_person_holds_a_role(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, ROLE.replace("person: marco-rubio", "person: kremlin"))
        assert at(error) == (2, "role[0].person")
        assert "'kremlin' is a GovernmentOrganization, expected one of ['Person']" in error.message

    def test_an_unknown_organization_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, ROLE.replace("organization: united-states", "organization: usa"))
        assert at(error) == (5, "role[0].organization")
        assert "unknown entity 'usa'" in error.message

    def test_a_title_needs_language_tags(self, tmp_path: Path) -> None:
        error = mistake(
            tmp_path, ROLE.replace("{de: US-Außenminister, en: United States Secretary of State}", "X")
        )
        assert at(error) == (3, "role[0].title")
        assert "expected language-tagged text" in error.message

    def test_a_title_is_required(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, "".join(line for line in ROLE.splitlines(True) if "title" not in line))
        assert at(error) == (2, "role[0].title")

    def test_an_unknown_key_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, ROLE.replace("    position: Q14213\n", "    since: 2025-01\n"))
        assert at(error) == (4, "role[0].since")

    def test_the_second_item_is_named_by_its_index(self, tmp_path: Path) -> None:
        two = ROLE + "  - person: vladimir-putin\n    title: {de: Präsident}\n    evidence: Kremlchefin\n"
        error = mistake(tmp_path, two)
        assert at(error) == (9, "role[1].evidence")


# --- events -------------------------------------------------------------------------------------------------


EVENT = """\
events:
  - id: budapest-summit-2025
    kind: summit
    name: {de: Gipfel in Budapest, en: Summit in Budapest}
    status: planned
    start: 2025-10
    latest: 2025-10-31
    window: {from: 2025-10-17, to: 2025-10-31, phrase: wahrscheinlich in den nächsten zwei Wochen}
    duration: PT2H
    location: budapest
    attendees: [donald-trump, vladimir-putin]
    organizers: [donald-trump]
    about: [russian-invasion-of-ukraine, alaska-summit-2025-08]
    wikidata: Q135000000
    description: {de: Ein geplantes Treffen., en: A planned meeting.}
    evidence: Trump habe Budapest vorgeschlagen, und Putin habe dem sofort zugestimmt.
  - id: alaska-summit-2025-08
    kind: summit
    name: {de: Gipfel in Alaska, en: Alaska summit}
    status: happened
    start: 2025-08
    location: alaska
    attendees: [vladimir-putin, donald-trump]
    evidence: Im August hatten sich Putin und Trump in Alaska getroffen.
"""


def first_event(tmp_path: Path, text: str) -> Event:
    return annotate(tmp_path, text).events[0]


def change(key: str, value: str | None, text: str = EVENT) -> str:
    """EVENT with ``key`` of its first event set to ``value`` (or removed, for None)."""
    lines = text.splitlines(True)
    index = next(i for i, line in enumerate(lines) if line.startswith(f"    {key}:"))
    if value is None:
        del lines[index]
    else:
        lines[index] = f"    {key}: {value}\n"
    return "".join(lines)


class TestEvents:
    def test_every_field_of_an_event(self, tmp_path: Path) -> None:
        summit, alaska = annotate(tmp_path, EVENT).events
        assert summit.id == "budapest-summit-2025"
        assert summit.kind == "summit" and summit.status == "planned"
        assert summit.name == {"de": "Gipfel in Budapest", "en": "Summit in Budapest"}
        assert summit.start == PartialDate("2025-10", "month")
        assert summit.end is None
        assert summit.latest == PartialDate("2025-10-31", "day")
        assert summit.window == Window(
            dt.date(2025, 10, 17), dt.date(2025, 10, 31), "wahrscheinlich in den nächsten zwei Wochen"
        )
        assert summit.duration == dt.timedelta(hours=2)
        assert summit.location == "budapest" and summit.virtual is False
        assert summit.attendees == ("donald-trump", "vladimir-putin")
        assert summit.organizers == ("donald-trump",)
        assert summit.about == ("russian-invasion-of-ukraine", "alaska-summit-2025-08")
        assert summit.wikidata == "Q135000000"
        assert summit.description == {"de": "Ein geplantes Treffen.", "en": "A planned meeting."}
        assert [e.quote for e in summit.evidence] == [
            "Trump habe Budapest vorgeschlagen, und Putin habe dem sofort zugestimmt."
        ]
        assert alaska.attendees == ("vladimir-putin", "donald-trump"), "in the editor's order"
        assert alaska.window is None and alaska.duration is None and alaska.wikidata is None

    @pytest.mark.parametrize(
        ("written", "precision", "first", "last"),
        [
            ("2025-10-17", "day", dt.date(2025, 10, 17), dt.date(2025, 10, 17)),
            ("2025-10", "month", dt.date(2025, 10, 1), dt.date(2025, 10, 31)),
            ("2024-02", "month", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
            ("2025", "year", dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
            ("'2025'", "year", dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        ],
    )
    def test_a_date_keeps_the_precision_the_text_gives(
        self, tmp_path: Path, written: str, precision: str, first: dt.date, last: dt.date
    ) -> None:
        start = first_event(tmp_path, change("start", written)).start
        assert start.precision == precision and start.text == written.strip("'")
        assert (start.first_day, start.last_day) == (first, last)

    @pytest.mark.parametrize("key", ["start", "end", "latest"])
    @pytest.mark.parametrize("written", ["2025-02-30", "2025-13", "17.10.2025", "Oktober 2025", "25"])
    def test_an_impossible_or_malformed_date_is_an_error(
        self, tmp_path: Path, key: str, written: str
    ) -> None:
        with_end = EVENT.replace("    latest: 2025-10-31\n", "    latest: 2025-10-31\n    end: 2025-10-31\n")
        error = mistake(tmp_path, change(key, written, with_end))
        assert at(error) == ({"start": 6, "latest": 7, "end": 8}[key], f"event[0].{key}")
        assert f"'{written}' is not a real date (expected YYYY, YYYY-MM or YYYY-MM-DD)" in error.message

    def test_a_date_is_optional(self, tmp_path: Path) -> None:
        event = first_event(tmp_path, change("latest", None, change("start", None)))
        assert event.start is None and event.end is None and event.latest is None

    def test_an_end_date(self, tmp_path: Path) -> None:
        text = EVENT.replace("    start: 2025-10\n", "    start: 2025-08-15\n    end: 2025-08-16\n")
        event = first_event(tmp_path, text)
        assert event.start == PartialDate("2025-08-15", "day")
        assert event.end == PartialDate("2025-08-16", "day")

    def test_the_event_kinds_and_statuses_of_the_format(self, tmp_path: Path) -> None:
        kinds = ["phone-call", "summit", "meeting", "visit", "press-conference", "announcement"]
        kinds += ["arrest-warrant", "withdrawal", "invasion", "war", "ceasefire", "delivery"]
        for kind in kinds:
            assert first_event(tmp_path, change("kind", kind)).kind == kind
        for status in ["happened", "ongoing", "planned", "proposed", "cancelled", "postponed"]:
            assert first_event(tmp_path, change("status", status)).status == status

    def test_an_unknown_kind_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, change("kind", "gipfel"))
        assert at(error) == (3, "event[0].kind")
        assert "unknown event kind 'gipfel' (expected one of: phone-call, summit," in error.message

    def test_an_unknown_status_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, change("status", "geplant"))
        assert at(error) == (5, "event[0].status")
        assert "unknown status 'geplant' (expected one of: happened, ongoing, planned," in error.message

    @pytest.mark.parametrize("key", ["kind", "status"])
    def test_kind_and_status_are_required(self, tmp_path: Path, key: str) -> None:
        error = mistake(tmp_path, change(key, None))
        assert at(error) == (2, f"event[0].{key}")
        assert "missing (expected text)" in error.message

    def test_an_id_is_required(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, EVENT.replace("  - id: budapest-summit-2025\n    kind:", "  - kind:"))
        assert at(error) == (2, "event[0].id")
        assert "missing (expected text)" in error.message

    @pytest.mark.parametrize("event_id", ["Budapest-Summit", "budapest_summit", "gipfel-in-buda pest", "-x"])
    def test_an_id_must_be_a_slug(self, tmp_path: Path, event_id: str) -> None:
        error = mistake(tmp_path, EVENT.replace("id: budapest-summit-2025", f"id: {event_id}"))
        assert at(error) == (2, "event[0].id")
        assert "is not a slug" in error.message

    def test_a_new_event_needs_a_name(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, change("name", None))
        assert at(error) == (2, "event[0].name")
        assert "missing (expected {de: ..., en: ...})" in error.message

    def test_an_event_of_the_entity_files_needs_no_name(self, tmp_path: Path) -> None:
        text = change("name", None).replace("id: budapest-summit-2025", "id: russian-invasion-of-ukraine")
        text = text.replace("about: [russian-invasion-of-ukraine, alaska-summit-2025-08]", "about: []")
        event = first_event(tmp_path, text)
        assert event.id == "russian-invasion-of-ukraine" and event.name == {}

    def test_an_id_of_an_entity_that_is_no_event_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, EVENT.replace("id: budapest-summit-2025", "id: budapest"))
        assert at(error) == (2, "event[0].id")
        assert "'budapest' is a City in data/entities, not an Event" in error.message

    def test_an_id_used_twice_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, EVENT.replace("id: alaska-summit-2025-08", "id: budapest-summit-2025"))
        assert error.field == "events"
        assert "event id used twice: 'budapest-summit-2025'" in error.message

    def test_an_id_used_twice_names_the_line_of_its_second_use(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, EVENT.replace("id: alaska-summit-2025-08", "id: budapest-summit-2025"))
        assert error.line == 17

    def test_a_virtual_event_has_no_place(self, tmp_path: Path) -> None:
        event = first_event(tmp_path, change("location", "virtual"))
        assert event.virtual is True and event.location is None

    def test_no_location_is_neither_a_place_nor_virtual(self, tmp_path: Path) -> None:
        event = first_event(tmp_path, change("location", None))
        assert event.virtual is False and event.location is None

    def test_a_location_must_be_a_known_place(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, change("location", "donald-trump"))
        assert at(error) == (10, "event[0].location")
        assert "'donald-trump' is a Person, expected one of ['Place']" in error.message
        error = mistake(tmp_path, change("location", "wien"))
        assert at(error) == (10, "event[0].location")
        assert "unknown entity 'wien'" in error.message

    def test_attendees_and_organizers_are_persons_organizations_or_countries(self, tmp_path: Path) -> None:
        text = change("organizers", "[united-states, kremlin]", change("attendees", "[marco-rubio, kremlin]"))
        event = first_event(tmp_path, text)
        assert event.attendees == ("marco-rubio", "kremlin")
        assert event.organizers == ("united-states", "kremlin")
        for key, line in (("attendees", 11), ("organizers", 12)):
            error = mistake(tmp_path, change(key, "[donald-trump, budapest]"))
            assert at(error) == (line, f"event[0].{key}")
            assert (
                "'budapest' is a City, expected one of ['Country', 'Organization', 'Person']" in error.message
            )
            error = mistake(tmp_path, change(key, "[donald-trump, melania-trump]"))
            assert at(error) == (line, f"event[0].{key}")
            assert "unknown entity 'melania-trump'" in error.message

    def test_about_and_part_of_name_entities_or_events_of_the_file(self, tmp_path: Path) -> None:
        text = EVENT + "    part_of: budapest-summit-2025\n    about: [tomahawk]\n"
        alaska = annotate(tmp_path, text).events[1]
        assert alaska.part_of == "budapest-summit-2025" and alaska.about == ("tomahawk",)

    def test_an_event_may_refer_to_an_event_further_down_the_file(self, tmp_path: Path) -> None:
        summit = first_event(
            tmp_path, EVENT.replace("    wikidata:", "    part_of: alaska-summit-2025-08\n    wikidata:")
        )
        assert summit.part_of == "alaska-summit-2025-08"

    @pytest.mark.parametrize(("key", "line"), [("about", 13), ("part_of", 14)])
    def test_an_unknown_reference_is_an_error(self, tmp_path: Path, key: str, line: int) -> None:
        text = EVENT.replace("    wikidata:", "    part_of: budapest-summit-2025\n    wikidata:")
        text = text.replace("part_of: budapest-summit-2025", "part_of: x") if key == "part_of" else text
        text = text.replace("alaska-summit-2025-08]", "alaska-summit]") if key == "about" else text
        error = mistake(tmp_path, text)
        assert at(error) == (line, f"event[0].{key}")
        assert "unknown entity or event" in error.message

    @pytest.mark.parametrize(
        ("written", "length"),
        [
            ("PT2H", dt.timedelta(hours=2)),
            ("PT1H30M", dt.timedelta(minutes=90)),
            ("P1DT3H", dt.timedelta(hours=27)),
        ],
    )
    def test_a_duration_in_iso_8601(self, tmp_path: Path, written: str, length: dt.timedelta) -> None:
        assert first_event(tmp_path, change("duration", written)).duration == length

    @pytest.mark.parametrize("written", ["2h", "PT", "P", "PT2", "zwei Stunden"])
    def test_a_malformed_duration_is_an_error(self, tmp_path: Path, written: str) -> None:
        error = mistake(tmp_path, change("duration", written))
        assert at(error) == (9, "event[0].duration")
        assert "is not an ISO 8601 duration such as PT2H" in error.message

    @pytest.mark.parametrize("written", ["7747", "Q", "Q01", "P31"])
    def test_a_wikidata_id_is_checked_for_form(self, tmp_path: Path, written: str) -> None:
        error = mistake(tmp_path, change("wikidata", written))
        assert at(error) == (14, "event[0].wikidata")

    def test_an_unknown_key_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, change("organizers", "[donald-trump]\n    host: viktor-orban"))
        assert at(error) == (13, "event[0].host")
        assert "unknown key" in error.message


class TestWindows:
    def test_a_window_from_day_to_day_with_its_words(self, tmp_path: Path) -> None:
        window = first_event(tmp_path, EVENT).window
        assert (window.start, window.end) == (dt.date(2025, 10, 17), dt.date(2025, 10, 31))
        assert window.text == "wahrscheinlich in den nächsten zwei Wochen"

    def test_a_window_of_one_day(self, tmp_path: Path) -> None:
        window = first_event(
            tmp_path, change("window", "{from: 2025-10-17, to: 2025-10-17, phrase: zwei Wochen}")
        ).window
        assert window == Window(dt.date(2025, 10, 17), dt.date(2025, 10, 17), "zwei Wochen")

    def test_the_words_are_the_article_s(self, tmp_path: Path) -> None:
        text = change(
            "window", "{from: 2025-10-17, to: 2025-10-31, phrase: in  den\n      nächsten zwei Wochen}"
        )
        assert first_event(tmp_path, text).window.text == "in den nächsten zwei Wochen"

    @pytest.mark.parametrize(
        "window",
        [
            "{from: 2025-10, to: 2025-10-31, phrase: zwei Wochen}",
            "{from: 2025-10-17, to: 2025, phrase: zwei Wochen}",
            "{to: 2025-10-31, phrase: zwei Wochen}",
            "{from: 2025-10-17, phrase: zwei Wochen}",
        ],
    )
    def test_a_window_runs_from_a_day_to_a_day(self, tmp_path: Path, window: str) -> None:
        error = mistake(tmp_path, change("window", window))
        assert at(error) == (8, "event[0].window")
        assert "expected 'from' and 'to' as days (YYYY-MM-DD)" in error.message

    def test_a_window_that_ends_before_it_starts_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, change("window", "{from: 2025-10-31, to: 2025-10-17, phrase: zwei Wochen}"))
        assert at(error) == (8, "event[0].window.to")
        assert "window ends (2025-10-17) before it starts (2025-10-31)" in error.message

    def test_the_phrase_must_be_in_the_article(self, tmp_path: Path) -> None:
        error = mistake(
            tmp_path, change("window", "{from: 2025-10-17, to: 2025-10-31, phrase: in drei Wochen}")
        )
        assert at(error) == (8, "event[0].window.phrase")
        assert "phrase not found in the article: 'in drei Wochen'" in error.message

    def test_the_phrase_is_required(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, change("window", "{from: 2025-10-17, to: 2025-10-31}"))
        assert at(error) == (8, "event[0].window.phrase")

    def test_an_impossible_day_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, change("window", "{from: 2025-10-17, to: 2025-10-32, phrase: zwei Wochen}"))
        assert at(error) == (8, "event[0].window.to")
        assert "is not a real date" in error.message

    def test_an_unknown_key_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(
            tmp_path, change("window", "{from: 2025-10-17, until: 2025-10-31, phrase: zwei Wochen}")
        )
        assert at(error) == (8, "event[0].window.until")


# --- quotations and claims ----------------------------------------------------------------------------------


QUOTATIONS = """\
quotations:
  - text: sehr produktiv
    speaker: donald-trump
    about: [trump-putin-call]
    date: 2025-10-16
    posted_on: {platform: truth-social, date: 2025-10-16}
  - text: großen Fortschritt
    speaker: marco-rubio
not_quotations: [Friedensgipfel]
events:
  - id: trump-putin-call
    kind: phone-call
    name: {de: Telefonat, en: Phone call}
    status: happened
    location: virtual
    evidence: Trump nannte das Telefonat
"""


TWICE_QUOTATIONS = QUOTATIONS.replace("not_quotations: [Friedensgipfel]\n", "").replace(
    "quotations:\n",
    "quotations:\n  - text: Friedensgipfel\n    speaker: kremlin\n    occurrence: 1\n"
    "  - text: Friedensgipfel\n    speaker: donald-trump\n    occurrence: 2\n",
    1,
)


class TestQuotations:
    def test_a_quotation_is_the_text_between_the_marks(self, tmp_path: Path) -> None:
        produktiv, fortschritt = annotate(tmp_path, QUOTATIONS, QUOTED_ARTICLE).quotations
        body = QUOTED_ARTICLE.body
        assert produktiv.text == "sehr produktiv" and produktiv.speaker == "donald-trump"
        assert produktiv.evidence.span == Span(
            body.index('"sehr') + 1, body.index('produktiv"') + len("produktiv")
        )
        assert produktiv.evidence.span in QUOTED_ARTICLE.quotes
        assert produktiv.about == ("trump-putin-call",)
        assert produktiv.date == PartialDate("2025-10-16", "day")
        assert produktiv.posting == Posting("truth-social", "donald-trump", PartialDate("2025-10-16", "day"))
        assert fortschritt.text == "großen Fortschritt" and fortschritt.speaker == "marco-rubio"
        assert fortschritt.about == () and fortschritt.date is None and fortschritt.posting is None

    def test_part_of_a_quotation_is_not_a_quotation(self, tmp_path: Path) -> None:
        error = mistake(
            tmp_path, QUOTATIONS.replace("text: sehr produktiv", "text: produktiv"), QUOTED_ARTICLE
        )
        assert at(error) == (2, "quotation[0].text")
        assert "'produktiv' is not the whole text between a pair of quotation marks" in error.message

    def test_text_outside_quotation_marks_is_not_a_quotation(self, tmp_path: Path) -> None:
        error = mistake(
            tmp_path, QUOTATIONS.replace("text: sehr produktiv", "text: nannte das Telefonat"), QUOTED_ARTICLE
        )
        assert at(error) == (2, "quotation[0].text")
        assert "not the whole text between a pair of quotation marks" in error.message

    def test_every_quotation_of_an_annotated_article_needs_a_speaker(self, tmp_path: Path) -> None:
        lines = QUOTATIONS.splitlines(True)
        without_rubio = "".join(lines[:6] + lines[8:])
        error = mistake(tmp_path, without_rubio, QUOTED_ARTICLE)
        offset = QUOTED_ARTICLE.body.index("großen Fortschritt")
        assert f"quotation 'großen Fortschritt' at offset {offset} has no speaker" in error.message
        assert "under 'not_quotations' if it is not one" in error.message

    def test_a_file_without_quotations_still_must_attribute_them(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, "article:\n  about: [budapest]\n", QUOTED_ARTICLE)
        assert "'sehr produktiv'" in error.message and "has no speaker" in error.message

    def test_not_quotations_names_texts_that_are_no_quotations(self, tmp_path: Path) -> None:
        lines = QUOTATIONS.splitlines(True)
        assert lines[8] == "not_quotations: [Friedensgipfel]\n"
        error = mistake(tmp_path, "".join(lines[:8] + lines[9:]), QUOTED_ARTICLE)
        assert "quotation 'Friedensgipfel' at offset" in error.message and "has no speaker" in error.message

    def test_a_text_not_in_the_article_is_no_not_quotation(self, tmp_path: Path) -> None:
        error = mistake(
            tmp_path,
            QUOTATIONS.replace("[Friedensgipfel]", "[Friedensgipfel, Gipfeltreffen]"),
            QUOTED_ARTICLE,
        )
        assert at(error) == (9, "annotations.not_quotations")
        assert "phrase not found in the article: 'Gipfeltreffen'" in error.message

    def test_a_text_in_quotation_marks_twice_is_ambiguous(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, TWICE_QUOTATIONS.replace("    occurrence: 1\n", ""), TWICE_ARTICLE)
        assert at(error) == (2, "quotation[0].text")
        assert "phrase occurs 2 times" in error.message and "'Friedensgipfel'" in error.message

    def test_an_occurrence_picks_one_of_them(self, tmp_path: Path) -> None:
        first, second, *_ = annotate(tmp_path, TWICE_QUOTATIONS, TWICE_ARTICLE).quotations
        assert (first.speaker, second.speaker) == ("kremlin", "donald-trump")
        assert first.evidence.span.start < second.evidence.span.start
        assert {first.evidence.span, second.evidence.span} <= set(TWICE_ARTICLE.quotes)

    def test_a_scare_quote_that_stands_twice_can_be_set_aside(self, tmp_path: Path) -> None:
        text = QUOTATIONS.replace(
            "not_quotations: [Friedensgipfel]",
            "not_quotations:\n"
            "  - {phrase: Friedensgipfel, occurrence: 1}\n"
            "  - {phrase: Friedensgipfel, occurrence: 2}",
        )
        assert len(annotate(tmp_path, text, TWICE_ARTICLE).quotations) == 2

    def test_a_speaker_is_a_person_or_an_organization(self, tmp_path: Path) -> None:
        quotations = annotate(
            tmp_path, QUOTATIONS.replace("speaker: marco-rubio", "speaker: kremlin"), QUOTED_ARTICLE
        ).quotations
        assert quotations[1].speaker == "kremlin"
        error = mistake(
            tmp_path, QUOTATIONS.replace("speaker: marco-rubio", "speaker: united-states"), QUOTED_ARTICLE
        )
        assert at(error) == (8, "quotation[1].speaker")
        assert "'united-states' is a Country, expected one of ['Organization', 'Person']" in error.message
        error = mistake(tmp_path, QUOTATIONS.replace("    speaker: marco-rubio\n", ""), QUOTED_ARTICLE)
        assert at(error) == (7, "quotation[1].speaker")
        assert "missing" in error.message

    def test_a_post_is_on_a_website(self, tmp_path: Path) -> None:
        error = mistake(
            tmp_path, QUOTATIONS.replace("platform: truth-social", "platform: kremlin"), QUOTED_ARTICLE
        )
        assert at(error) == (6, "quotation[0].posted_on.platform")
        assert "'kremlin' is a GovernmentOrganization, expected one of ['WebSite']" in error.message
        error = mistake(
            tmp_path, QUOTATIONS.replace("date: 2025-10-16}", "date: 16.10.2025}"), QUOTED_ARTICLE
        )
        assert at(error) == (6, "quotation[0].posted_on.date")

    def test_a_post_without_a_date(self, tmp_path: Path) -> None:
        text = QUOTATIONS.replace("{platform: truth-social, date: 2025-10-16}", "{platform: truth-social}")
        posting = annotate(tmp_path, text, QUOTED_ARTICLE).quotations[0].posting
        assert posting == Posting("truth-social", "donald-trump", None)

    def test_about_names_entities_or_events_of_the_file(self, tmp_path: Path) -> None:
        error = mistake(
            tmp_path, QUOTATIONS.replace("about: [trump-putin-call]", "about: [call]"), QUOTED_ARTICLE
        )
        assert at(error) == (4, "quotation[0].about")
        assert "unknown entity or event 'call'" in error.message

    def test_a_quotation_date_at_month_precision(self, tmp_path: Path) -> None:
        text = QUOTATIONS.replace("    date: 2025-10-16\n", "    date: 2025-10\n")
        assert annotate(tmp_path, text, QUOTED_ARTICLE).quotations[0].date == PartialDate("2025-10", "month")

    def test_an_unknown_key_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(
            tmp_path,
            QUOTATIONS.replace("speaker: marco-rubio", "speaker: marco-rubio\n    lang: de"),
            QUOTED_ARTICLE,
        )
        assert at(error) == (9, "quotation[1].lang")


CLAIM = """\
claims:
  - speaker: kremlin
    about: [tomahawk]
    date: 2025-10
    evidence: Der Kreml warnte die US-Regierung nachdrücklich vor einer solchen Lieferung.
"""


class TestClaims:
    def test_a_claim_is_reported_speech_with_a_speaker(self, tmp_path: Path) -> None:
        (found,) = annotate(tmp_path, CLAIM).claims
        assert found.speaker == "kremlin" and found.about == ("tomahawk",)
        assert found.date == PartialDate("2025-10", "month")
        assert (
            found.evidence.quote
            == "Der Kreml warnte die US-Regierung nachdrücklich vor einer solchen Lieferung."
        )

    def test_about_and_date_are_optional(self, tmp_path: Path) -> None:
        (found,) = annotate(
            tmp_path, CLAIM.replace("    about: [tomahawk]\n", "").replace("    date: 2025-10\n", "")
        ).claims
        assert found.about == () and found.date is None

    def test_a_speaker_is_a_known_person_or_organization(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, CLAIM.replace("speaker: kremlin", "speaker: budapest"))
        assert at(error) == (2, "claim[0].speaker")
        error = mistake(tmp_path, CLAIM.replace("speaker: kremlin", "speaker: kreml"))
        assert at(error) == (2, "claim[0].speaker")
        assert "unknown entity 'kreml'" in error.message

    def test_about_an_unknown_id_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, CLAIM.replace("[tomahawk]", "[tomahawk, tomahawk-delivery]"))
        assert at(error) == (3, "claim[0].about")
        assert "unknown entity or event 'tomahawk-delivery'" in error.message

    def test_an_unknown_key_is_an_error(self, tmp_path: Path) -> None:
        error = mistake(tmp_path, CLAIM.replace("    date: 2025-10\n", "    text: x\n"))
        assert at(error) == (4, "claim[0].text")


# --- the seed article ---------------------------------------------------------------------------------------


def test_the_seed_annotations_resolve_against_the_seed_article(
    seed_article: Article, registry: Registry
) -> None:
    annotations = load_annotations(SEED_DIR / "annotations.yaml", seed_article, registry)
    assert annotations.events and annotations.quotations and annotations.roles and annotations.claims
    covered = {q.evidence.span for q in annotations.quotations}
    assert covered <= set(seed_article.quotes)
    for fact in (*annotations.roles, *annotations.quotations, *annotations.claims):
        assert fact.evidence.span.text(seed_article.body) == fact.evidence.quote
    for event in annotations.events:
        for evidence in event.evidence:
            assert evidence.span.text(seed_article.body) == evidence.quote
