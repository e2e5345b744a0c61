"""Specification of the DW article text parser (``kg.read.dw.parse_article``).

First the seed article as scraped, then small articles in the same format written here, then mangled copies
of the seed: the parser either returns a consistent article or raises :class:`InputError`, nothing else.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.model import Article, Block, Span
from kg.read.dw import parse_article, split_credit
from kg.read.registry import Registry
from tests.conftest import SEED_DIR, SEED_SLUG

NAVIGATION = (
    "1. Zum Inhalt springen",
    "2. Zur Hauptnavigation springen",
    "3. Zu weiteren Angeboten der DW springen",
)
PLAYER_NOTICE = "This browser does not support the video element."
MORE_ON_THE_TOPIC = "Den nächsten Abschnitt Mehr zum Thema überspringen"
MESZ = dt.timezone(dt.timedelta(hours=2))
MEZ = dt.timezone(dt.timedelta(hours=1))


def texts_of(article: Article, kind: str) -> list[str]:
    return [b.span.text(article.body) for b in article.blocks if b.kind == kind]


# --- the seed article -----------------------------------------------------------------------------------


class TestSeedArticle:
    def test_a_numbered_line_in_the_text_is_kept(self) -> None:
        text = article(body="17. Oktober: Tausende Menschen springen")
        assert "17. Oktober: Tausende Menschen springen" in parse(text).body

    def test_navigation_between_headline_and_date_line_is_not_the_headline(self) -> None:
        text = "\n".join(["Die Kopfzeile", "  2. Zur Hauptnavigation springen", "", NAVIGATION[0], "",
                          "Veröffentlicht 3. März 2024", "", "Der Vorspann.", "", "Ein Absatz."])  # fmt: skip
        parsed = parse(text)
        assert parsed.headline == "Die Kopfzeile" and "springen" not in parsed.body

    def test_navigation_and_player_boilerplate_are_not_in_the_body(self, seed_article: Article) -> None:
        for line in (*NAVIGATION, PLAYER_NOTICE, MORE_ON_THE_TOPIC):
            assert line not in seed_article.body
        assert "springen" not in seed_article.body

    def test_body_starts_with_the_headline(self, seed_article: Article) -> None:
        assert seed_article.headline == "Trump kündigt Treffen mit Putin in Budapest an"
        assert seed_article.body.startswith("Trump kündigt Treffen mit Putin in Budapest an\n\nNach einem")
        assert seed_article.blocks[0] == Block("headline", Span(0, 46))

    def test_lede_is_the_description(self, seed_article: Article) -> None:
        assert seed_article.description == (
            "Nach einem Telefonat mit Wladimir Putin will US-Präsident Donald Trump den Kremlchef erneut "
            "treffen. Zuvor empfängt er den ukrainischen Präsidenten im Weißen Haus, um über die Lieferung "
            "von Tomahawks zu sprechen."
        )
        assert seed_article.blocks[1].kind == "lede"
        assert seed_article.blocks[1].span.text(seed_article.body) == seed_article.description

    def test_date_line_without_space_before_zuletzt_gives_published_and_modified(
        self, seed_article: Article
    ) -> None:
        assert seed_article.date_published == dt.date(2025, 10, 17)
        assert seed_article.date_modified == dt.date(2025, 10, 17)
        assert "Veröffentlicht" not in seed_article.body

    def test_slug_and_language(self, seed_article: Article) -> None:
        assert seed_article.slug == SEED_SLUG
        assert seed_article.language == "de"

    def test_three_section_headings(self, seed_article: Article) -> None:
        headings = [
            "Orban: Vorbereitungen haben begonnen",
            "Letzter Gipfel in Alaska endete ohne Fortschritt",
            "Trump empfängt Selenskyj in Washington",
        ]
        assert [s.heading for s in seed_article.sections] == headings
        assert texts_of(seed_article, "heading") == headings

    def test_sections_run_from_their_heading_to_the_last_text_before_the_next(
        self, seed_article: Article
    ) -> None:
        body = seed_article.body
        first, second, third = seed_article.sections
        assert first.span.text(body).startswith("Orban: Vorbereitungen haben begonnen\n\nParallel dazu")
        assert first.span.text(body).endswith("Ähnlich äußerte sich auch ein Sprecher der EU-Kommission.")
        assert second.span.text(body).startswith("Letzter Gipfel in Alaska")
        assert second.span.text(body).endswith('antwortete sie: "Darauf möchte ich nicht eingehen."')
        assert third.span.text(body).startswith("Trump empfängt Selenskyj in Washington\n\nIn Trumps")
        assert third.span.text(body).endswith(
            "falls Russland seine Angriffe auf die Ukraine nicht einstelle."
        )
        assert body[second.span.start - 2 : second.span.start] == "\n\n"
        assert first.span.end == second.span.start - 2
        assert second.span.end == third.span.start - 2

    def test_byline_and_deadline_are_outside_every_section(self, seed_article: Article) -> None:
        last = seed_article.sections[-1].span.text(seed_article.body)
        assert "pgr/se" not in last
        assert "Redaktionsschluss" not in last

    def test_paragraphs_are_the_text_blocks_in_order(self, seed_article: Article) -> None:
        paragraphs = texts_of(seed_article, "paragraph")
        assert len(paragraphs) == 17
        assert paragraphs[0].startswith("US-Präsident Donald Trump will sich für Verhandlungen")
        assert paragraphs[0].endswith('"wahrscheinlich in den nächsten zwei Wochen" stattfinden werde.')
        assert paragraphs[-1] == (
            "Am vergangenen Wochenende hatte Trump noch gesagt, er könne dem russischen Staatschef mit der "
            "Lieferung von Tomahawks an Kyjiw drohen, falls Russland seine Angriffe auf die Ukraine nicht "
            "einstelle."
        )
        assert all(p == p.strip() for p in paragraphs)

    def test_non_breaking_spaces_inside_paragraphs_are_kept(self, seed_article: Article) -> None:
        assert "mit den USA\xa0einbezogene Moskauer Sondergesandte" in seed_article.body
        assert "Ungarns Außenminister\xa0Peter Szijjarto" in seed_article.body

    def test_five_images_with_caption_and_credit(self, seed_article: Article) -> None:
        assert [(i.caption[:40], i.credit) for i in seed_article.images] == [
            ("Russlands Präsident Wladimir Putin (l.) ", "Sergei Bobylev/TASS/IMAGO"),
            ("US-Präsident Donald Trump äußert sich vo", "Kevin Dietsch/Getty Images/AFP"),
            ("Ungarns Ministerpräsident Orban traf im ", "Valeriy Sharifulin/SNA/IMAGO"),
            ("Wladimir Putin (l.) und Donald Trump bei", "Andrew Caballero-Reynolds/AFP"),
            (
                "Der ukrainische Präsident Wolodymyr Sele",
                "Presidential Office of Ukraine/SvenSimon/picture alliance",
            ),
        ]

    def test_caption_ends_where_bild_begins_even_without_a_space(self, seed_article: Article) -> None:
        first = seed_article.images[0]
        assert first.caption == (
            "Russlands Präsident Wladimir Putin (l.) und US-Präsident Donald Trump bei ihrem letzten Treffen "
            "im August in Alaska"
        )
        third = seed_article.images[2]
        assert (
            third.caption
            == "Ungarns Ministerpräsident Orban traf im Juli 2024 in Moskau Russlands Präsident Putin"
        )

    def test_credit_splits_into_photographer_and_agencies(self, seed_article: Article) -> None:
        assert [(i.photographer, i.agencies) for i in seed_article.images] == [
            ("Sergei Bobylev", ("TASS", "IMAGO")),
            ("Kevin Dietsch", ("Getty Images", "AFP")),
            ("Valeriy Sharifulin", ("SNA", "IMAGO")),
            ("Andrew Caballero-Reynolds", ("AFP",)),
            (None, ("Presidential Office of Ukraine", "SvenSimon", "picture alliance")),
        ]

    def test_first_image_has_the_alt_line(self, seed_article: Article) -> None:
        assert seed_article.images[0].alt == (
            "Wladimir Putin und Donald Trump bei einer Begrüßungszeremonie vor ihrem Treffen"
        )
        assert [i.alt for i in seed_article.images[1:]] == [None, None, None, None]
        assert texts_of(seed_article, "image-alt") == [seed_article.images[0].alt]

    def test_credit_blocks_read_bild_and_the_credit(self, seed_article: Article) -> None:
        assert texts_of(seed_article, "credit") == [f"Bild: {i.credit}" for i in seed_article.images]

    def test_video_title_and_duration(self, seed_article: Article) -> None:
        (video,) = seed_article.videos
        assert video.title == "Tomahawk-Marschflugkörper: Ukraine fordert US-Waffenhilfe"
        assert video.duration == dt.timedelta(minutes=3, seconds=38)
        assert video.duration.total_seconds() == 218
        assert "03:38" not in seed_article.body
        assert texts_of(seed_article, "video-title") == [video.title]

    def test_agency_credits_and_author_initials(self, seed_article: Article) -> None:
        assert seed_article.agencies == ("dpa", "afp", "rtr", "ap")
        assert seed_article.authors == ("pgr", "se")
        assert texts_of(seed_article, "byline") == ["pgr/se (dpa, afp, rtr, ap)"]

    def test_deadline_in_summer_time_on_the_modified_day(self, seed_article: Article) -> None:
        assert seed_article.deadline == dt.datetime(2025, 10, 17, 17, 45, tzinfo=MESZ)
        assert seed_article.deadline.isoformat() == "2025-10-17T17:45:00+02:00"

    def test_not_further_updated_means_final(self, seed_article: Article) -> None:
        assert seed_article.final is True
        assert texts_of(seed_article, "deadline") == [
            "Redaktionsschluss 17.45 Uhr (MESZ) - Dieser Artikel wird nicht weiter aktualisiert."
        ]

    def test_twelve_quotations_marks_excluded(self, seed_article: Article) -> None:
        quotes = [q.text(seed_article.body) for q in seed_article.quotes]
        assert quotes == [
            "wahrscheinlich in den nächsten zwei Wochen",
            "sehr produktiv",
            "Erfolg im Nahen Osten",
            "Der nächste Gipfel kommt bald.",
            "akzeptabel",
            "klar sein, dass wir jetzt nach einer erfolglosen Etappe in Alaska wirklich klare Schritte und "
            "die Bereitschaft Moskaus erkennen müssen, die Kampfhandlungen zu beenden",
            "Ich denke, er hält es für möglich.",
            "Darauf möchte ich nicht eingehen.",
            "Wir hoffen, dass die Dynamik zur Eindämmung von Terror und Krieg, die im Nahen Osten "
            "erfolgreich war, auch dazu beitragen wird, Russlands Krieg gegen die Ukraine zu beenden",
            "Sprache der Stärke und Gerechtigkeit",
            "entleeren",
            "nicht gefallen",
        ]
        for q in seed_article.quotes:
            assert seed_article.body[q.start - 1] == '"'
            assert seed_article.body[q.end] == '"'

    def test_word_count_covers_lede_headings_and_paragraphs(self, seed_article: Article) -> None:
        assert seed_article.word_count == 984

    def test_block_kinds_in_reading_order(self, seed_article: Article) -> None:
        kinds = [b.kind for b in seed_article.blocks]
        assert kinds[:6] == ["headline", "lede", "image-alt", "caption", "credit", "paragraph"]
        assert kinds[-4:] == ["video-title", "paragraph", "byline", "deadline"]
        assert kinds.count("caption") == 5
        assert kinds.count("heading") == 3

    def test_body_is_the_blocks_joined_by_blank_lines(self, seed_article: Article) -> None:
        check_layout(seed_article)
        assert len(seed_article.body) == 8112

    def test_every_span_slices_the_body_to_its_text(self, seed_article: Article) -> None:
        body = seed_article.body
        for image in seed_article.images:
            assert image.caption_span.text(body) == image.caption
            assert Block("caption", image.caption_span) in seed_article.blocks
        for section in seed_article.sections:
            assert section.heading_span.text(body) == section.heading
            assert Block("heading", section.heading_span) in seed_article.blocks
        (video,) = seed_article.videos
        assert video.title_span.text(body) == video.title
        assert Block("video-title", video.title_span) in seed_article.blocks

    def test_each_paragraph_is_a_line_of_the_source(self, seed_article: Article, seed_text: str) -> None:
        source_lines = {line.strip() for line in seed_text.splitlines()}
        for paragraph in texts_of(seed_article, "paragraph"):
            assert paragraph in source_lines

    def test_crlf_line_endings_give_the_same_article(
        self, seed_article: Article, seed_text: str, registry: Registry
    ) -> None:
        again = parse_article(
            seed_text.replace("\n", "\r\n"),
            slug=SEED_SLUG,
            is_organization=lambda name: registry.organization_named(name) is not None,
        )
        assert again == seed_article


# --- small articles in the DW format -----------------------------------------------------------------


def article(
    *,
    title: str = "Kopfzeile des Artikels",
    dateline: str = "Veröffentlicht 3. März 2024",
    lede: str = "Der Vorspann sagt, worum es geht.",
    body: str = "Ein Absatz mit Text.",
    tail: str = "(dpa)\n\nRedaktionsschluss 9.05 Uhr (MEZ)",
) -> str:
    """A DW article: navigation, headline, date line, lede, body blocks, byline and deadline."""
    return "\n\n".join(["\n  ".join(NAVIGATION), title, dateline, lede, body, tail]) + "\n"


def parse(text: str, **kwargs: object) -> Article:
    return parse_article(text, slug="variant", source="variant/article.txt", **kwargs)  # type: ignore[arg-type]


class TestDates:
    def test_march_without_last_updated(self) -> None:
        parsed = parse(article(dateline="Veröffentlicht 3. März 2024"))
        assert parsed.date_published == dt.date(2024, 3, 3)
        assert parsed.date_modified is None

    @pytest.mark.parametrize(
        ("dateline", "published", "modified"),
        [
            ("Veröffentlicht 1. Januar 2025", dt.date(2025, 1, 1), None),
            ("Veröffentlicht 1. Jänner 2025", dt.date(2025, 1, 1), None),
            ("Veröffentlicht 29. Februar 2024", dt.date(2024, 2, 29), None),
            ("Veröffentlicht 9. Maerz 2023", dt.date(2023, 3, 9), None),
            ("Veröffentlicht 30. April 2022", dt.date(2022, 4, 30), None),
            ("Veröffentlicht 31. Mai 2021", dt.date(2021, 5, 31), None),
            ("Veröffentlicht 12. Juni 2020", dt.date(2020, 6, 12), None),
            ("Veröffentlicht 4. Juli 2019", dt.date(2019, 7, 4), None),
            ("Veröffentlicht 15. August 2025", dt.date(2025, 8, 15), None),
            ("Veröffentlicht 30. September 2025", dt.date(2025, 9, 30), None),
            ("Veröffentlicht 11. november 2025", dt.date(2025, 11, 11), None),
            ("Veröffentlicht 24. DEZEMBER 2025", dt.date(2025, 12, 24), None),
            (
                "Veröffentlicht 31. Dezember 2024Zuletzt aktualisiert 2. Januar 2025",
                dt.date(2024, 12, 31),
                dt.date(2025, 1, 2),
            ),
            (
                "Veröffentlicht 5. Mai 2025 Zuletzt aktualisiert 6. Mai 2025",
                dt.date(2025, 5, 5),
                dt.date(2025, 5, 6),
            ),
            ("Veröffentlicht\n7. Juli 2025", dt.date(2025, 7, 7), None),
        ],
    )
    def test_date_line(self, dateline: str, published: dt.date, modified: dt.date | None) -> None:
        parsed = parse(article(dateline=dateline))
        assert (parsed.date_published, parsed.date_modified) == (published, modified)

    def test_deadline_in_winter_time_is_utc_plus_one(self) -> None:
        parsed = parse(article(tail="Redaktionsschluss 9.05 Uhr (MEZ)"))
        assert parsed.deadline == dt.datetime(2024, 3, 3, 9, 5, tzinfo=MEZ)
        assert parsed.deadline.isoformat() == "2024-03-03T09:05:00+01:00"

    def test_deadline_with_a_colon_is_on_the_day_of_the_last_update(self) -> None:
        parsed = parse(
            article(
                dateline="Veröffentlicht 30. Juni 2025Zuletzt aktualisiert 1. Juli 2025",
                tail="Redaktionsschluss 23:59 Uhr (MESZ)",
            )
        )
        assert parsed.deadline == dt.datetime(2025, 7, 1, 23, 59, tzinfo=MESZ)

    def test_deadline_without_the_final_notice_is_not_final(self) -> None:
        parsed = parse(article(tail="Redaktionsschluss 9.05 Uhr (MEZ)"))
        assert parsed.final is False

    def test_deadline_with_the_final_notice_is_final(self) -> None:
        parsed = parse(
            article(tail="Redaktionsschluss 0.00 Uhr (MEZ) - Dieser Artikel wird nicht weiter aktualisiert.")
        )
        assert parsed.final is True
        assert parsed.deadline == dt.datetime(2024, 3, 3, 0, 0, tzinfo=MEZ)

    def test_no_deadline_line_means_no_deadline_and_not_final(self) -> None:
        parsed = parse(article(tail="(dpa)"))
        assert parsed.deadline is None
        assert parsed.final is False


class TestLayout:
    def test_crlf_line_endings_parse_like_lf(self) -> None:
        text = article(body="Ein Bild Bild: AFP\n\nZwischentitel\n\nEin Absatz.")
        assert parse(text.replace("\n", "\r\n")) == parse(text)

    def test_old_mac_line_endings_parse_like_lf(self) -> None:
        text = article(body="Zwischentitel\n\nEin Absatz.")
        assert parse(text.replace("\n", "\r")) == parse(text)

    def test_multi_line_headline_is_joined_by_spaces(self) -> None:
        parsed = parse(article(title="Erste Zeile\n  Zweite Zeile"))
        assert parsed.headline == "Erste Zeile Zweite Zeile"
        assert parsed.body.startswith("Erste Zeile Zweite Zeile\n\nDer Vorspann")

    def test_everything_before_the_headline_is_dropped(self) -> None:
        text = "Werbung und Menü\n\n" + article()
        parsed = parse(text)
        assert parsed.headline == "Kopfzeile des Artikels"
        assert "Werbung" not in parsed.body

    def test_short_line_without_final_punctuation_is_a_heading(self) -> None:
        parsed = parse(article(body="Zwischentitel hier\n\nEin Absatz.\n\nKurz, aber ein Satz."))
        assert [s.heading for s in parsed.sections] == ["Zwischentitel hier"]
        assert texts_of(parsed, "paragraph") == ["Ein Absatz.", "Kurz, aber ein Satz."]
        (section,) = parsed.sections
        assert section.span.text(parsed.body) == "Zwischentitel hier\n\nEin Absatz.\n\nKurz, aber ein Satz."

    def test_a_line_of_thirteen_words_is_a_paragraph(self) -> None:
        line = " ".join(["Wort"] * 13)
        parsed = parse(article(body=line))
        assert texts_of(parsed, "paragraph") == [line]
        assert parsed.sections == ()

    def test_lines_of_one_block_stay_on_their_own_lines(self) -> None:
        parsed = parse(article(body="Erste Zeile eines Absatzes,\nzweite Zeile des Absatzes."))
        assert texts_of(parsed, "paragraph") == ["Erste Zeile eines Absatzes,\nzweite Zeile des Absatzes."]

    def test_word_count_counts_lede_headings_and_paragraphs_only(self) -> None:
        parsed = parse(
            article(
                lede="Eins zwei drei.",
                body="Vier fünf\n\nSechs-sieben acht.\n\nBildtext hier Bild: AFP",
                tail="pgr (dpa)",
            )
        )
        assert parsed.word_count == 7


class TestImages:
    def test_image_with_an_alt_line(self) -> None:
        parsed = parse(
            article(body="Zwei Männer geben sich die Hand\nDie Präsidenten in Genf Bild: Jane Doe/Reuters")
        )
        (image,) = parsed.images
        assert image.alt == "Zwei Männer geben sich die Hand"
        assert image.caption == "Die Präsidenten in Genf"
        assert (image.photographer, image.agencies) == ("Jane Doe", ("Reuters",))
        assert texts_of(parsed, "image-alt") == ["Zwei Männer geben sich die Hand"]

    def test_credit_with_only_an_agency(self) -> None:
        parsed = parse(article(body="Ein Blick auf Berlin Bild: AFP"))
        (image,) = parsed.images
        assert (image.credit, image.photographer, image.agencies) == ("AFP", None, ("AFP",))

    def test_credit_with_two_agencies_and_no_photographer(self) -> None:
        parsed = parse(article(body="Ein Blick auf Berlin Bild: picture alliance/dpa"))
        (image,) = parsed.images
        assert (image.photographer, image.agencies) == (None, ("picture alliance", "dpa"))

    def test_a_known_organization_is_no_photographer(self) -> None:
        text = article(body="Ein Blick auf Kyjiw Bild: Kyiv Independent/REUTERS")
        assert parse(text).images[0].photographer == "Kyiv Independent"
        known = parse(text, is_organization=lambda name: name == "Kyiv Independent")
        assert known.images[0].photographer is None
        assert known.images[0].agencies == ("Kyiv Independent", "REUTERS")

    def test_agency_words_are_no_photographer(self) -> None:
        assert split_credit("Getty Images/AFP", lambda name: False) == (None, ("Getty Images", "AFP"))
        assert split_credit("Reuters Pool/AP", lambda name: False) == (None, ("Reuters Pool", "AP"))

    def test_credit_parts_are_trimmed_and_empty_parts_dropped(self) -> None:
        assert split_credit(" Anna Schmidt / dpa //AFP ", lambda name: False) == (
            "Anna Schmidt",
            ("dpa", "AFP"),
        )

    def test_image_without_caption(self) -> None:
        parsed = parse(article(body="Bild: Max Mustermann/dpa\n\nEin Absatz."))
        (image,) = parsed.images
        assert image.caption == ""
        assert image.caption_span.text(parsed.body) == ""
        assert texts_of(parsed, "caption") == []
        assert texts_of(parsed, "credit") == ["Bild: Max Mustermann/dpa"]
        assert image.photographer == "Max Mustermann"


class TestVideos:
    def test_no_video(self) -> None:
        assert parse(article()).videos == ()

    def test_video_with_hours(self) -> None:
        parsed = parse(
            article(body="Ein langes Interview\n\n1:02:03\n\n" + PLAYER_NOTICE + "\n\nEin Absatz.")
        )
        (video,) = parsed.videos
        assert video.title == "Ein langes Interview"
        assert video.duration == dt.timedelta(hours=1, minutes=2, seconds=3)
        assert video.duration.total_seconds() == 3723
        assert "1:02:03" not in parsed.body
        assert PLAYER_NOTICE not in parsed.body

    def test_video_with_single_digit_minutes(self) -> None:
        (video,) = parse(article(body="Kurzer Clip\n\n0:45")).videos
        assert video.duration == dt.timedelta(seconds=45)

    @pytest.mark.parametrize("duration", ["0:75", "1:60:00", "3:60"])
    def test_impossible_video_duration_names_the_line(self, duration: str) -> None:
        text = article(body=f"Ein Clip\n\n{duration}")
        with pytest.raises(InputError) as caught:
            parse(text)
        assert caught.value.file == "variant/article.txt"
        assert caught.value.line == 13
        assert str(caught.value) == f"variant/article.txt:13: impossible video duration {duration!r}"


class TestQuotations:
    def test_german_quotation_marks(self) -> None:
        parsed = parse(article(body="Er sagte: „Wir kommen wieder.“ Dann ging er."))
        assert [q.text(parsed.body) for q in parsed.quotes] == ["Wir kommen wieder."]

    def test_guillemets_english_and_straight_quotes(self) -> None:
        parsed = parse(article(body='Sie nannte es »gut«, er „schlecht“, sie “okay” und er "egal".'))
        assert [q.text(parsed.body) for q in parsed.quotes] == ["gut", "schlecht", "okay", "egal"]

    def test_quotes_in_lede_and_headline_count_too(self) -> None:
        parsed = parse(article(title='Merz: "Wir schaffen das"', lede="Der Kanzler sagte „nein“."))
        assert [q.text(parsed.body) for q in parsed.quotes] == ["Wir schaffen das", "nein"]

    def test_a_quote_does_not_run_across_blocks(self) -> None:
        parsed = parse(article(body='Er sagte "dies\n\nund das" gestern.'))
        assert parsed.quotes == ()


class TestBylines:
    def test_agencies_without_authors(self) -> None:
        parsed = parse(article(tail="(AFP, Reuters)"))
        assert (parsed.authors, parsed.agencies) == ((), ("AFP", "Reuters"))

    def test_authors_and_one_agency(self) -> None:
        parsed = parse(article(tail="ab/cd/ef (dpa)"))
        assert (parsed.authors, parsed.agencies) == (("ab", "cd", "ef"), ("dpa",))


class TestBadInput:
    def test_missing_date_line_names_the_source_file(self) -> None:
        text = article().replace("Veröffentlicht 3. März 2024", "Heute")
        with pytest.raises(InputError) as caught:
            parse_article(text, slug="x", source=Path("data/articles/x/article.txt"))
        assert caught.value.file == "data/articles/x/article.txt"
        assert caught.value.line is None
        assert str(caught.value) == (
            "data/articles/x/article.txt: no date line found "
            "(expected 'Veröffentlicht <day>. <Monat> <year>')"
        )

    def test_impossible_date_names_the_line(self) -> None:
        with pytest.raises(InputError) as caught:
            parse(article(dateline="Veröffentlicht 31. Februar 2025"))
        assert (caught.value.file, caught.value.line) == ("variant/article.txt", 7)
        assert str(caught.value) == "variant/article.txt:7: impossible date '31. Februar 2025'"

    def test_impossible_date_after_zuletzt_aktualisiert_names_the_line(self) -> None:
        with pytest.raises(InputError) as caught:
            parse(article(dateline="Veröffentlicht 1. April 2025Zuletzt aktualisiert 31. April 2025"))
        assert str(caught.value) == "variant/article.txt:7: impossible date '31. April 2025'"

    def test_february_29_outside_a_leap_year(self) -> None:
        with pytest.raises(
            InputError, match=r"^variant/article\.txt:7: impossible date '29\. Februar 2023'$"
        ):
            parse(article(dateline="Veröffentlicht 29. Februar 2023"))

    def test_unknown_month_name(self) -> None:
        with pytest.raises(InputError) as caught:
            parse(article(dateline="Veröffentlicht 17. Oktobr 2025"))
        assert (caught.value.file, caught.value.line) == ("variant/article.txt", 7)
        assert str(caught.value) == "variant/article.txt:7: unknown month name 'Oktobr'"

    def test_english_month_name_is_unknown(self) -> None:
        with pytest.raises(InputError, match="unknown month name 'October'"):
            parse(article(dateline="Veröffentlicht 17. October 2025"))

    @pytest.mark.parametrize(("time", "shown"), [("25.70", "25.70"), ("24.00", "24.00"), ("17:60", "17.60")])
    def test_impossible_time_of_the_deadline(self, time: str, shown: str) -> None:
        with pytest.raises(InputError) as caught:
            parse(article(tail=f"(dpa)\n\nRedaktionsschluss {time} Uhr (MESZ)"))
        assert (caught.value.file, caught.value.line) == ("variant/article.txt", 15)
        assert str(caught.value) == f"variant/article.txt:15: impossible time '{shown} Uhr'"

    def test_last_update_before_publication(self) -> None:
        with pytest.raises(InputError) as caught:
            parse(article(dateline="Veröffentlicht 3. März 2024Zuletzt aktualisiert 2. März 2024"))
        assert str(caught.value) == "variant/article.txt:7: 'Zuletzt aktualisiert' is before 'Veröffentlicht'"

    def test_date_line_first_means_no_headline(self) -> None:
        with pytest.raises(InputError) as caught:
            parse("Veröffentlicht 3. März 2024\n\nDer Vorspann.\n")
        assert str(caught.value) == "variant/article.txt:1: no headline before the date line"

    def test_nothing_after_the_date_line(self) -> None:
        with pytest.raises(InputError) as caught:
            parse("Kopf\n\n\nVeröffentlicht 3. März 2024\n\n" + PLAYER_NOTICE + "\n")
        assert str(caught.value) == "variant/article.txt:4: no text after the date line"

    def test_empty_text(self) -> None:
        with pytest.raises(InputError, match=r"^variant/article\.txt: no date line found"):
            parse("")


# --- mangled copies of the seed ----------------------------------------------------------------------

SEED_LINES = (SEED_DIR / "article.txt").read_text(encoding="utf-8").split("\n")
OPENING_MARKS = {'"', "„", "»", "“"}
CLOSING_MARKS = {'"', "“", "”", "«"}
_AWKWARD_CHARACTERS = list(' \t\n\r\xa0\u2028\u2029\x85\x0b\x0c\u200b\ufeff"„“”»«:/.()09١')
_NOISE = st.text(
    alphabet=st.one_of(st.characters(codec="utf-8"), st.sampled_from(_AWKWARD_CHARACTERS)), max_size=12
)
_FRAGMENTS = st.sampled_from(
    ["Bild: AFP", "03:38", "1:02:03", "0:75", "(dpa)", "pgr (dpa)", "Redaktionsschluss 25.70 Uhr (MEZ)",
     "Redaktionsschluss 8.15 Uhr (MEZ)", "Veröffentlicht 31. Februar 2025", "Veröffentlicht 1. Brumaire 2025",
     "Veröffentlicht 18. Oktober 2025", "Veröffentlicht 17. Oktober 2025Zuletzt aktualisiert 1. Mai 2025",
     "„", "“", '"', "1. Zum Inhalt springen", "Kurzer Zwischentitel"]
)  # fmt: skip


@st.composite
def mangled_seed(draw: st.DrawFn) -> str:
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(1, 8))):
        op = draw(
            st.sampled_from(["drop", "duplicate", "swap", "insert-line", "insert-text", "blank", "strip"])
        )
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        if op == "drop":
            del lines[i]
        elif op == "duplicate":
            lines.insert(draw(st.integers(0, len(lines))), lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert-line":
            lines.insert(i, draw(st.one_of(_NOISE, _FRAGMENTS)))
        elif op == "insert-text":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.one_of(_NOISE, _FRAGMENTS)) + lines[i][at:]
        elif op == "blank":
            lines[i] = draw(st.sampled_from(["", " ", "\t", "\xa0", "\u3000 ", "\r"]))
        else:
            lines[i] = lines[i].strip()
    text = "\n".join(lines)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    return text


def check_layout(parsed: Article) -> None:
    """The body is exactly the blocks, in order, joined by blank lines."""
    body = parsed.body
    position = 0
    for i, block in enumerate(parsed.blocks):
        if i:
            assert body[position : block.span.start] == "\n\n"
            position += 2
        assert block.span.start == position
        assert position < block.span.end <= len(body)
        text = block.span.text(body)
        assert text == text.strip()
        assert "\n\n" not in text
        position = block.span.end
    assert position == len(body)


def check_invariants(parsed: Article) -> None:
    body = parsed.body
    check_layout(parsed)
    assert parsed.headline
    assert parsed.blocks[0] == Block("headline", Span(0, len(parsed.headline)))
    assert body.startswith(parsed.headline)
    assert parsed.blocks[1].kind == "lede"
    assert parsed.blocks[1].span.text(body) == parsed.description
    assert not body.startswith(NAVIGATION[0])
    for line in body.split("\n"):
        assert line.strip() not in (PLAYER_NOTICE, MORE_ON_THE_TOPIC)
    for image in parsed.images:
        assert 0 <= image.caption_span.start <= image.caption_span.end <= len(body)
        assert image.caption_span.text(body) == image.caption
        if image.caption:
            assert Block("caption", image.caption_span) in parsed.blocks
        assert f"Bild: {image.credit}" in texts_of(parsed, "credit")
        if image.photographer is not None:
            assert image.photographer in image.credit
    for video in parsed.videos:
        assert video.title_span.text(body) == video.title
        assert Block("video-title", video.title_span) in parsed.blocks
        assert video.duration >= dt.timedelta(0)
    for section in parsed.sections:
        assert section.heading_span.text(body) == section.heading
        assert Block("heading", section.heading_span) in parsed.blocks
        assert section.span.start == section.heading_span.start
        assert section.heading_span.end <= section.span.end <= len(body)
    for quote in parsed.quotes:
        assert 0 < quote.start < quote.end < len(body)
        assert body[quote.start - 1] in OPENING_MARKS
        assert body[quote.end] in CLOSING_MARKS
        assert "\n" not in quote.text(body)
    assert list(parsed.quotes) == sorted(parsed.quotes)
    assert parsed.word_count >= 0
    if parsed.date_modified is not None:
        assert parsed.date_modified >= parsed.date_published
    if parsed.deadline is not None:
        assert parsed.deadline.date() == (parsed.date_modified or parsed.date_published)
        assert parsed.deadline.utcoffset() in (dt.timedelta(hours=1), dt.timedelta(hours=2))
    if parsed.final:
        assert parsed.deadline is not None


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled_seed())
def test_mangled_seed_gives_a_consistent_article_or_an_input_error(text: str) -> None:
    try:
        parsed = parse_article(text, slug="mangled", source="mangled/article.txt")
    except InputError as exc:
        assert exc.file == "mangled/article.txt"
        assert str(exc).startswith("mangled/article.txt")
        assert exc.line is None or exc.line >= 1
        return
    check_invariants(parsed)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_gives_a_consistent_article_or_an_input_error(text: str) -> None:
    try:
        parsed = parse_article(text, slug="noise", source="noise.txt")
    except InputError as exc:
        assert exc.file == "noise.txt"
        return
    check_invariants(parsed)


@settings(max_examples=100, deadline=None)
@given(
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from(["MEZ", "MESZ"]),
)
def test_any_real_date_and_time_round_trips(day: dt.date, hour: int, minute: int, zone: str) -> None:
    months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
              "November", "Dezember"]  # fmt: skip
    dateline = f"Veröffentlicht {day.day}. {months[day.month - 1]} {day.year}"
    parsed = parse(article(dateline=dateline, tail=f"Redaktionsschluss {hour}.{minute:02d} Uhr ({zone})"))
    assert parsed.date_published == day
    offset = dt.timedelta(hours=1 if zone == "MEZ" else 2)
    assert parsed.deadline == dt.datetime(
        day.year, day.month, day.day, hour, minute, tzinfo=dt.timezone(offset)
    )


def test_unmangled_seed_satisfies_the_invariants() -> None:
    parsed = parse_article("\n".join(SEED_LINES), slug=SEED_SLUG)
    check_invariants(parsed)
    assert parsed.headline == "Trump kündigt Treffen mit Putin in Budapest an"
