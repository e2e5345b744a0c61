"""kg.extract.doc and kg.extract.lang: what the extractor's rules can rely on about a text."""

from __future__ import annotations

import pytest

from kg.extract.doc import analyse, paragraphs
from kg.extract.lang import detect

GERMAN = (
    "Die Außenministerin reiste am Montag nach Kyjiw. Dort traf sie den ukrainischen Präsidenten.\n"
    "Ein Bild vom Treffen\n"
    "„Wir stehen an Ihrer Seite“, sagte sie."
)


def test_every_token_is_the_text_at_its_offsets():
    doc = analyse(GERMAN, "de")
    assert doc.tokens
    for tok in doc.tokens:
        assert GERMAN[tok.start : tok.end] == tok.text
        assert tok.end > tok.start
    assert [t.i for t in doc.tokens] == list(range(len(doc.tokens)))


def test_offsets_are_code_points_not_bytes():
    text = "Ängste in Österreich: Péter Szijjártó spricht."
    doc = analyse(text, "de")
    name = next(t for t in doc.tokens if t.text == "Szijjártó")
    assert (name.start, name.end) == (text.index("Szijjártó"), text.index("Szijjártó") + 9)


def test_sentences_split_at_full_stops_and_at_line_breaks():
    doc = analyse(GERMAN, "de")
    assert [doc.span_text(s) for s in doc.sentences] == [
        "Die Außenministerin reiste am Montag nach Kyjiw.",
        "Dort traf sie den ukrainischen Präsidenten.",
        "Ein Bild vom Treffen",
        "„Wir stehen an Ihrer Seite“, sagte sie.",
    ]
    for k, _sent in enumerate(doc.sentences):
        assert all(t.sentence == k for t in doc.sentence_tokens(k))


def test_a_hard_wrapped_sentence_stays_one_sentence():
    text = "Der Minister sagte am Abend, dass die Gespräche\nweitergehen würden."
    assert paragraphs(text) == [(0, len(text))]
    assert len(analyse(text, "de").sentences) == 1


def test_abbreviations_and_dates_do_not_end_a_sentence():
    doc = analyse("Am 3. Oktober sprach Dr. Müller u. a. über die Wahl.", "de")
    assert len(doc.sentences) == 1


def test_a_word_spelled_like_an_abbreviation_with_inner_capitals_ends_a_sentence():
    """SoMaJo lists "BerGer." and "ASt." as abbreviations; "Berger." and "Ast." are a name and a word."""
    doc = analyse("„Wir gehen“, sagte Anna Berger. Dann sägte sie am Ast. Die MwSt. bleibt.", "de")
    assert [doc.span_text(s) for s in doc.sentences] == [
        "„Wir gehen“, sagte Anna Berger.",
        "Dann sägte sie am Ast.",
        "Die MwSt. bleibt.",
    ]
    assert "Berger" in [t.text for t in doc.tokens]


def test_german_tags_are_stts_and_lemmas_are_base_forms():
    doc = analyse("Die Kanzlerin traf gestern Emmanuel Macron in Paris.", "de")
    by_text = {t.text: t.i for t in doc.tokens}
    assert doc.pos(by_text["traf"]) == "VVFIN"
    assert doc.lemma(by_text["traf"]) == "treffen"
    assert doc.pos(by_text["Macron"]) == "NE"
    assert doc.pos(by_text["Kanzlerin"]) == "NN"


def test_english_is_tagged_with_the_english_model():
    doc = analyse("The minister said that talks would continue.", "en")
    said = next(t for t in doc.tokens if t.text == "said")
    assert doc.lemma(said.i) == "say"
    assert doc.pos(said.i).startswith("VV")


def test_tags_are_computed_only_for_the_sentences_asked_for():
    doc = analyse(GERMAN, "de")
    doc.pos(doc.sentences[1].first)
    assert set(doc._tags) == {1}


def test_positions_can_be_looked_up():
    doc = analyse(GERMAN, "de")
    at = GERMAN.index("Kyjiw")
    assert doc.token_at(at + 2).text == "Kyjiw"
    assert doc.sentence_of(at) == 0
    assert [t.text for t in doc.tokens_in(at, at + 6)] == ["Kyjiw", "."]


def test_empty_text_has_no_sentences():
    doc = analyse("  \n\n ", "de")
    assert doc.tokens == () and doc.sentences == ()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Regierung hat am Montag neue Gespräche mit den Nachbarländern angekündigt.", "de"),
        ("The government announced new talks with its neighbours on Monday.", "en"),
        ("Le gouvernement a annoncé lundi de nouvelles négociations avec ses voisins.", "other"),
        ("A kormány hétfőn új tárgyalásokat jelentett be a szomszédaival.", "other"),
        ("2025 - 10 - 17", "other"),
        ("", "other"),
    ],
)
def test_language_is_german_english_or_other(text, lang):
    assert detect(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        GERMAN,
        "Das war super 😀👍🏽! Er sagte ♥‿♥ und ヾ(⌐■_■)ノ♪ dazu. Merkel 🇩🇪 traf Macron ❤️ in Paris.",
        "Emoji-Test: ☺ und :-) sowie ☜(˚▽˚)☞ am Ende.",
    ],
)
def test_tokens_are_somajos_whether_or_not_the_text_has_emojis(text):
    """The tokenizer looks for emojis only in text with a character of one; the tokens are SoMaJo's."""
    from somajo import SoMaJo

    plain = SoMaJo("de_CMC", split_camel_case=True, split_sentences=True, character_offsets=True)
    expected = [
        (t.text, t.token_class) for sent in plain.tokenize_text([text]) for t in sent if t.text.strip()
    ]
    assert [(t.text, t.kind) for t in analyse(text, "de").tokens] == expected


def test_tags_and_lemmas_are_hantas_with_its_analyses_kept():
    """The tagger keeps each word's analyses for the next occurrence; the tags and lemmas are HanTa's."""
    from HanTa import HanoverTagger

    plain = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    doc = analyse(GERMAN + " " + GERMAN, "de")
    for s in range(len(doc.sentences)):
        words = [t.text for t in doc.sentence_tokens(s)]
        tagged = plain.tag_sent(words)
        expected = [(pos.replace("(", "").replace(")", ""), lemma) for _w, lemma, pos in tagged]
        assert list(doc.tags(s)) == expected


# ---- s21 sentence ends
def _sentences(text, lang):
    doc = analyse(text, lang)
    return [doc.span_text(s) for s in doc.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The treaty dates from the end of World War II. Trump has said he would change it.",
            ["The treaty dates from the end of World War II.", "Trump has said he would change it."],
        ),
        ("He admired Henry VIII. The king was fat.", ["He admired Henry VIII.", "The king was fat."]),
        # a heading's numeral, and a numeral inside the sentence, end nothing
        ("II. The results", ["II. The results"]),
        ("He met Pope Leo XIV on Monday.", ["He met Pope Leo XIV on Monday."]),
    ],
)
def test_an_english_roman_numeral_before_a_capital_ends_the_sentence(text, expected):
    assert _sentences(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Es kam Papst Pius XII. Er segnete die Menge.",
            ["Es kam Papst Pius XII.", "Er segnete die Menge."],
        ),
        (
            "Der neue Fürst ist Albert II. Am Abend feierte Monaco.",
            ["Der neue Fürst ist Albert II.", "Am Abend feierte Monaco."],
        ),
        # German writes regnal and other ordinal numbers with a stop
        ("Ludwig XIV. regierte lange.", ["Ludwig XIV. regierte lange."]),
        (
            "Das war nach dem Zweiten Weltkrieg. Papst Leo XIV. sagte am Montag, es sei gut.",
            ["Das war nach dem Zweiten Weltkrieg.", "Papst Leo XIV. sagte am Montag, es sei gut."],
        ),
        ("Er sprach auf dem XX. Parteitag der KPdSU.", ["Er sprach auf dem XX. Parteitag der KPdSU."]),
        ("Sie spielt mit Elisabeth II. Tennis.", ["Sie spielt mit Elisabeth II. Tennis."]),
    ],
)
def test_a_german_roman_numeral_ends_the_sentence_only_before_a_clause(text, expected):
    assert _sentences(text, "de") == expected


def test_the_stop_after_a_roman_numeral_that_ends_a_sentence_is_a_token_of_its_own():
    doc = analyse("Es kam Papst Pius XII. Er segnete die Menge.", "de")
    assert [t.text for t in doc.sentence_tokens(0)][-2:] == ["XII", "."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das sagte Franz. Danach ging er.", ["Das sagte Franz.", "Danach ging er."]),
        ("„Wir gehen“, sagte Jan. Er lachte.", ["„Wir gehen“, sagte Jan.", "Er lachte."]),
        ("Es kam Onkel Max. Der Abend war lang.", ["Es kam Onkel Max.", "Der Abend war lang."]),
        # the abbreviations stay abbreviations
        ("Am 3. Jan. 2024 kam er.", ["Am 3. Jan. 2024 kam er."]),
        ("Max. 20 Personen dürfen rein.", ["Max. 20 Personen dürfen rein."]),
        ("Er lebt in Franz. Guayana.", ["Er lebt in Franz. Guayana."]),
        ("Er zahlt max. Der Rest bleibt.", ["Er zahlt max. Der Rest bleibt."]),
    ],
)
def test_a_given_name_listed_as_an_abbreviation_ends_a_sentence_before_a_clause(text, expected):
    assert _sentences(text, "de") == expected


def test_a_given_name_that_ends_a_sentence_is_a_token_of_its_own():
    doc = analyse("Das sagte Franz. Danach ging er.", "de")
    assert [t.text for t in doc.tokens][:4] == ["Das", "sagte", "Franz", "."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We are done,” said Sam. He left.", ["“We are done,” said Sam.", "He left."]),
        ("Phil. Trans. is a journal.", ["Phil. Trans. is a journal."]),
        ("It happened on Jan. 3, 2024.", ["It happened on Jan. 3, 2024."]),
    ],
)
def test_an_english_given_name_listed_as_an_abbreviation(text, expected):
    assert _sentences(text, "en") == expected


def test_a_german_roman_numeral_before_an_opening_quotation_mark_does_not_end_the_sentence():
    """ "Papst Pius XII. „…“": the quotation (a title, or words the sentence goes on with) continues the
    sentence; only a capitalised word that opens a clause starts a new one after a German numeral."""
    for text in [
        "Die Enzyklika von Papst Pius XII. „Mit brennender Sorge“ wurde verlesen.",
        "Papst Pius XII. „schwieg“ zum Holocaust, sagen Kritiker.",
        "Im Jahr 1942 sagte Papst Pius XII. „Wir beten für alle Opfer“, berichtete die Zeitung.",
    ]:
        assert _sentences(text, "de") == [text]


# ---- s22 places


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hertha verlor 0:2. Der Trainer war sauer.", ["Hertha verlor 0:2.", "Der Trainer war sauer."]),
        ("Das Spiel endete 1:1. Trainer Roth lobte.", ["Das Spiel endete 1:1.", "Trainer Roth lobte."]),
        ("Es stand 3:1. „Wir sind stolz“, sagte sie.", ["Es stand 3:1.", "„Wir sind stolz“, sagte sie."]),
    ],
)
def test_a_score_before_a_capitalised_word_ends_the_sentence(text, expected):
    assert _sentences(text, "de") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sieger ist Schalke 04. Die Fans jubeln.", ["Sieger ist Schalke 04.", "Die Fans jubeln."]),
        ("Am 3. Oktober ist Feiertag.", ["Am 3. Oktober ist Feiertag."]),
        ("Am 04. Spieltag verlor der Club.", ["Am 04. Spieltag verlor der Club."]),
        ("Der 04. Spieltag brachte nichts.", ["Der 04. Spieltag brachte nichts."]),
        ("Er kam am Freitag 13. Dezember.", ["Er kam am Freitag 13. Dezember."]),
    ],
)
def test_a_clubs_number_ends_the_sentence_but_an_ordinal_stays(text, expected):
    assert _sentences(text, "de") == expected
