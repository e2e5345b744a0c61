"""Who said what: direct, indirect and reported speech with cue and speaker (texts written for these
tests)."""

from kg.extract import lexicon
from kg.extract.doc import analyse
from kg.extract.quotations import find_quotations, pair_quotes
from kg.extract.types import Mention
from kg.model import Span

PEOPLE = {
    "Anna Berger": ("person-anna-berger", "Person"),
    "Berger": ("person-anna-berger", "Person"),
    "Klaus Meier": ("person-klaus-meier", "Person"),
    "Meier": ("person-klaus-meier", "Person"),
    "Jane Doe": ("person-jane-doe", "Person"),
    "Doe": ("person-jane-doe", "Person"),
    "Stadtwerke": ("organization-stadtwerke", "Organization"),
    "Hamburg": ("place-hamburg", "Place"),
}


def mentions(text, people=PEOPLE):
    """Mentions as a recogniser would give them (built by hand so these tests do not depend on one)."""
    import re

    out, taken = [], []
    for name in sorted(people, key=len, reverse=True):
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            taken.append(m.span())
            key, typ = people[name]
            out.append(Mention(Span(*m.span()), name, typ, key, False, 0.9, None, name))
    return sorted(out, key=lambda m: m.span.start)


def quotes(text, lang="de", people=PEOPLE):
    doc = analyse(text, lang)
    return text, find_quotations(doc, mentions(text, people))


def said(text, q):
    return text[q.span.start : q.span.end]


# ---- quotation marks -------------------------------------------------------------------------------------


def test_every_quotation_mark_style_pairs():
    for text, inner in [
        ("Sie sagte: „Wir bleiben.“", "Wir bleiben."),
        ('Sie sagte: "Wir bleiben."', "Wir bleiben."),
        ("Sie sagte: »Wir bleiben.«", "Wir bleiben."),
        ("Sie sagte: «Wir bleiben.»", "Wir bleiben."),
        ("Sie sagte: ‚Wir bleiben.‘", "Wir bleiben."),
        ("She said: 'We stay.'", "We stay."),
        ("She said: “We stay.”", "We stay."),
    ]:
        ((a, b),) = pair_quotes(text)
        assert text[a + 1 : b] == inner, text


def test_apostrophes_are_not_quotation_marks():
    assert pair_quotes("Trump's plan and Putin's answer, geht's noch?") == []


def test_a_quotation_over_paragraphs_in_the_english_style_is_one():
    text = "“The first part.\n\n“The second part,” she said."
    ((a, b),) = pair_quotes(text)
    assert text[a + 1 : b] == "The first part.\n\n“The second part,"


# ---- direct speech ---------------------------------------------------------------------------------------


def test_direct_speech_after_the_verb_of_saying_with_a_colon():
    text, qs = quotes("Die Bürgermeisterin Anna Berger sagte am Montag: „Der Hafen bleibt offen.“")
    (q,) = [q for q in qs if q.form == "direct"]
    assert said(text, q) == "Der Hafen bleibt offen."
    assert q.speaker.key == "person-anna-berger"
    assert text[q.cue.start : q.cue.end] == "sagte"


def test_direct_speech_before_an_inverted_verb_of_saying():
    text, qs = quotes("„Wir haben keine Wahl“, sagte Klaus Meier in Hamburg.")
    (q,) = [q for q in qs if q.form == "direct"]
    assert said(text, q) == "Wir haben keine Wahl"
    assert q.speaker.key == "person-klaus-meier"


def test_a_word_that_is_a_verb_of_saying_only_after_a_quotation():
    """ "klagen", "meinen" are verbs of saying right after a quotation, common other words elsewhere."""
    text, qs = quotes("„Das ist eine Zumutung für alle Pendler“, klagen die Anwohner.")
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.text == "die Anwohner"
    assert text[q.cue.start : q.cue.end] == "klagen"
    _text, qs = quotes("Anna Berger traf am Montag meinen Bruder in Hamburg.")
    assert qs == []


def test_the_speaker_phrase_is_the_whole_noun_phrase_with_its_apposition():
    """SpkAtt-2023 marks the speaker's words where the text names them: title, name, apposition, party."""
    for text, phrase in [
        (
            "Die Sprecherin der Stadtwerke, Anna Berger, sagte: „Wir bleiben dabei.“",
            "Die Sprecherin der Stadtwerke, Anna Berger",
        ),
        ("„Wir kommen wieder“, sagte Klaus Meier (SPD).", "Klaus Meier (SPD)"),
        ("„Wir kommen wieder“, sagte Klaus Meier, Chef der Stadtwerke.", "Klaus Meier, Chef der Stadtwerke"),
        (
            "Anna Berger, Chefin der Stadtwerke von Hamburg, kritisierte: „Das ist zu wenig.“",
            "Anna Berger, Chefin der Stadtwerke von Hamburg",
        ),
        (
            "Klaus Meier, der die Stadtwerke seit Jahren leitet, sagte: „Das ist zu wenig.“",
            "Klaus Meier",
        ),
    ]:
        _text, qs = quotes(text)
        (q,) = [q for q in qs if q.form == "direct"]
        assert q.speaker.text == phrase, text
        assert q.speaker.key in ("person-anna-berger", "person-klaus-meier"), text


def split_doc(*sentences):
    """A Doc of the given sentences, split where a sentence splitter might cut (tokens on spaces)."""
    from kg.extract.doc import Doc, Sentence, Token

    text, tokens, sents = "", [], []
    for words in sentences:
        first = len(tokens)
        for w in words.split():
            text += " " if text else ""
            tokens.append(Token(len(tokens), w, len(text), len(text) + len(w), len(sents), "regular", True))
            text += w
        sents.append(Sentence(tokens[first].start, tokens[-1].end, first, len(tokens)))
    return Doc(text, "de", tuple(tokens), tuple(sents))


def test_the_clause_after_a_quotation_cut_off_as_a_sentence_of_its_own_names_the_speaker():
    quote = "„ Wir bauen die Brücke bis zum Sommer fertig . “"
    for after, phrase in [
        (", wird Klaus Meier zitiert .", "Klaus Meier"),
        ("so die Sprecherin der Stadtwerke .", "die Sprecherin der Stadtwerke"),
    ]:
        doc = split_doc(quote, after)
        (q,) = [q for q in find_quotations(doc, mentions(doc.text)) if q.form == "direct"]
        assert q.speaker is not None and q.speaker.text == phrase, after


def test_a_quotation_mark_is_never_the_speaker():
    _text, qs = quotes(
        "Also: „Warum sollte die Stadt das bezahlen, wenn niemand fährt?“ fragen sich Anwohner."
    )
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.text == "Anwohner"


def test_the_subject_of_a_verb_of_saying_at_the_end_of_a_subordinate_clause():
    for text, phrase in [
        (
            "Der Streit wuchs, weil die Stadtwerke den Plan als „völlig unrealistisch“ bezeichnet hatten.",
            "die Stadtwerke",
        ),
        (
            "Am Montag erschien ein Kommentar, der die Entscheidung als „kaum nachvollziehbar“ bezeichnet.",
            "ein Kommentar",
        ),
    ]:
        _text, qs = quotes(text)
        (q,) = [q for q in qs if q.form == "direct"]
        assert q.speaker is not None and q.speaker.text == phrase, text
    # "während" opens no subordinate clause when the verb does not end it
    _text, (q,) = quotes("Während der Sitzung sagte Klaus Meier: „Wir bauen weiter.“")
    assert q.speaker.text == "Klaus Meier"


def test_a_person_named_right_before_the_colon_or_the_bracket_of_a_quotation_says_it():
    for text, key in [
        (
            "Viele Politiker gratulierten der Stadt, so auch Klaus Meier: „Das ist ein großer Tag für alle.“",
            "person-klaus-meier",
        ),
        (
            "Viele gratulierten, auch Anna Berger („Das ist ein großer Tag für alle.“) und Klaus Meier.",
            "person-anna-berger",
        ),
    ]:
        _text, qs = quotes(text)
        (q,) = [q for q in qs if q.form == "direct"]
        assert q.speaker is not None and q.speaker.key == key, text
    # a name after a preposition is not the one who speaks
    _text, qs = quotes("Klaus Meier nach dem langen Streit mit Anna Berger: „Wir bauen trotzdem weiter.“")
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.key == "person-klaus-meier"


def test_the_subject_of_lassen_with_an_infinitive_of_saying():
    _text, qs = quotes("„Wir helfen, so gut es geht“, ließ ein Sprecher der Stadtwerke am Montag verlauten.")
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.text == "ein Sprecher der Stadtwerke"


def test_a_verb_of_saying_after_und_shares_the_subject_of_the_first_verb():
    _text, qs = quotes(
        "Am Montag besuchte Klaus Meier die Baustelle von Anna Berger und meldete sich danach so: "
        "„Wir bauen hier weiter.“"
    )
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.key == "person-klaus-meier"


def test_the_phrase_that_opens_a_colon_without_a_verb_says_the_quotation():
    _text, qs = quotes(
        "Anna Berger sprach von Problemen. Ein Sprecher der Stadtwerke nach der Sitzung: „Wir bauen weiter.“"
    )
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.text == "Ein Sprecher der Stadtwerke"


def test_the_subject_with_a_party_in_brackets_says_the_quotations_of_its_sentence():
    _text, qs = quotes(
        "Klaus Meier, Präsident der Stadtwerke (SWH) nannte die Bewerbung von Hamburg „sehr respektabel“ "
        "stellte aber fest, dass „Europa dran ist.“"
    )
    assert [q.speaker.text for q in qs if q.form == "direct"] == [
        "Klaus Meier, Präsident der Stadtwerke (SWH)"
    ] * 2


def test_heisst_es_names_the_text_that_says_it():
    _text, qs = quotes("„Das ist nicht hinnehmbar“, heißt es in einem Schreiben der Stadtwerke.")
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.text == "einem Schreiben der Stadtwerke"


def test_a_short_term_in_quotation_marks_takes_no_speaker_from_its_sentence():
    """Whether the model counts the term as speech or not, no speaker is taken from the sentence."""
    _text, qs = quotes(
        "Anna Berger sprach am Montag in Hamburg. Meier hält das Projekt für eine „virtuelle Bombe“."
    )
    assert all(q.speaker is None for q in qs if q.form == "direct")


def test_a_pronoun_speaker_is_kept_as_written_and_resolved():
    _text, qs = quotes("Anna Berger trat vor die Presse. „Wir haben verloren“, sagte sie.")
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.text == "sie"
    assert q.speaker.key == "person-anna-berger"


def test_an_unnamed_speaker_is_a_role():
    _text, qs = quotes("„Bitte alle einsteigen“, rief die Fahrtleiterin.")
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.key is None
    assert q.speaker.role == "Fahrtleiterin"


def test_a_short_quotation_with_a_verb_of_saying_is_speech():
    text, qs = quotes("Das Gespräch mit Meier nannte Anna Berger „sehr produktiv“.")
    (q,) = [q for q in qs if q.form == "direct"]
    assert said(text, q) == "sehr produktiv"
    assert q.speaker.key == "person-anna-berger"


def test_verbs_of_praise_and_blame_are_verbs_of_saying():
    for text, speaker in [
        ("Anna Berger würdigte den Einsatz der Helfer als „mutig“.", "person-anna-berger"),
        ("Klaus Meier verurteilte den Angriff als „feige und hinterhältig“.", "person-klaus-meier"),
        ("Anna Berger bemängelte die „fehlende Planung der Stadt“.", "person-anna-berger"),
    ]:
        _text, qs = quotes(text)
        (q,) = [q for q in qs if q.form == "direct"]
        assert q.speaker.key == speaker, text


def test_titles_in_quotation_marks_are_not_speech():
    _text, qs = quotes("Der Film „Der Himmel über Berlin“ läuft im Kino Hamburg.")
    assert [q for q in qs if q.form == "direct"] == []


def test_a_title_after_the_noun_it_names_is_not_speech_even_before_a_verb_of_saying():
    _text, qs = quotes(
        "Nach dem Erscheinen der Enzyklika „Gott ist die Liebe“ meldete der Sender, sie verkaufe sich."
    )
    assert [q.form for q in qs] == ["indirect"]


def test_the_subject_before_a_relative_clause_speaks_after_the_colon():
    _text, qs = quotes(
        "Die Stadtwerke, die seit Jahren Verluste machen, wollen den Hafen verkaufen: „Wir haben keine Wahl.“"
    )
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.key == "organization-stadtwerke"


def test_english_direct_speech():
    text, qs = quotes("“We will not back down,” Jane Doe said on Tuesday.", "en")
    (q,) = [q for q in qs if q.form == "direct"]
    assert said(text, q) == "We will not back down,"
    assert q.speaker.key == "person-jane-doe"


# ---- indirect and reported speech ------------------------------------------------------------------------


def test_konjunktiv_after_a_verb_of_saying_is_indirect_speech():
    text, qs = quotes("Klaus Meier erklärte, die Stadt habe kein Geld mehr.")
    (q,) = qs
    assert (q.form, said(text, q)) == ("indirect", "die Stadt habe kein Geld mehr")
    assert q.speaker.key == "person-klaus-meier"


def test_the_subject_after_the_verb_of_saying_speaks_the_clause_after_its_apposition():
    text, qs = quotes(
        "Am Montag sagte Klaus Meier, Chef der Stadtwerke, die Preise würden im Winter steigen."
    )
    (q,) = qs
    assert (q.form, said(text, q)) == ("indirect", "die Preise würden im Winter steigen")
    assert q.speaker.text == "Klaus Meier, Chef der Stadtwerke"


def test_a_phrase_that_a_preposition_opens_is_no_speaker():
    _text, qs = quotes("Angesichts der hohen Kosten erklärte die Ministerin, die Preise würden steigen.")
    (q,) = qs
    assert q.speaker.text == "die Ministerin"


def test_a_quotation_after_the_comma_of_a_verb_of_saying_is_direct_speech_alone():
    text, qs = quotes("Anna Berger bekräftigte am Montag, „Wir bleiben in Hamburg.“")
    (q,) = qs
    assert (q.form, said(text, q)) == ("direct", "Wir bleiben in Hamburg.")
    assert q.speaker.key == "person-anna-berger"


def test_a_dass_clause():
    text, qs = quotes("Anna Berger sagte, dass der Hafen offen bleibt.")
    (q,) = qs
    assert said(text, q) == "dass der Hafen offen bleibt"
    assert q.speaker.key == "person-anna-berger"


def test_laut_and_zufolge():
    text, qs = quotes("Laut Klaus Meier fehlen der Stadt zwei Millionen Euro.")
    (q,) = qs
    assert q.speaker.key == "person-klaus-meier"
    assert said(text, q) == "fehlen der Stadt zwei Millionen Euro"
    text, qs = quotes("Den Stadtwerke zufolge fiel der Strom am Morgen aus.")
    (q,) = qs
    assert q.speaker.key == "organization-stadtwerke"


def test_seiner_ansicht_nach_is_the_source_of_its_clause():
    for text in [
        "Klaus Meier besuchte am Montag den Hafen. Seiner Ansicht nach ist der Hafen viel zu klein.",
        "Klaus Meier besuchte am Montag den Hafen. Nach seiner Ansicht ist der Hafen viel zu klein.",
    ]:
        _text, (q,) = quotes(text)
        assert q.form == "indirect"
        assert q.speaker.text.lower() == "seiner ansicht", text
        assert q.speaker.key == "person-klaus-meier"


def test_wie_x_mitteilte():
    text, qs = quotes("Wie die Polizei mitteilte, wurde niemand verletzt.")
    (q,) = qs
    assert said(text, q) == "wurde niemand verletzt"
    assert q.speaker.role == "Polizei"


def test_the_speaker_is_carried_into_the_next_konjunktiv_sentence():
    text, qs = quotes(
        "Anna Berger sagte, die Stadt werde sparen. Meier habe die Idee nicht gefallen. Das Wetter war gut."
    )
    assert [q.form for q in qs] == ["indirect", "indirect"]
    assert said(text, qs[1]) == "Meier habe die Idee nicht gefallen."
    assert qs[1].speaker.key == "person-anna-berger"


def test_english_indirect_speech():
    text, qs = quotes("Jane Doe said that the plant would close in May.", "en")
    (q,) = qs
    assert said(text, q) == "that the plant would close in May"
    assert q.speaker.key == "person-jane-doe"
    text, qs = quotes("The plant will close, according to Jane Doe.", "en")
    (q,) = qs
    assert said(text, q) == "The plant will close"
    assert q.speaker.key == "person-jane-doe"


def test_an_english_speech_act_alone_in_its_sentence_is_reported_speech():
    text, qs = quotes("Jane Doe cited the report as an example of waste.", "en")
    (q,) = qs
    assert q.form == "reported"
    assert said(text, q) == "the report as an example of waste"
    assert q.speaker.key == "person-jane-doe"


def test_confidences_are_honest():
    _text, qs = quotes("„Wir haben keine Wahl“, sagte Klaus Meier. Die Stadt habe kein Geld.")
    assert all(0 < q.confidence < 1 for q in qs)


# ---- the benchmark's scoring -----------------------------------------------------------------------------


def test_bench_scores_as_the_spkatt_scorer():
    """Pairs by message F1 while predictions last (overlapping or not), then averages each quotation's
    precision and recall (macro), leaving out those with no predicted or no gold tokens."""
    from bench.extract_speech import Item, score_doc

    gold = [
        Item(frozenset({1, 2, 3, 4}), frozenset({0}), "Direct"),
        Item(frozenset({10, 11}), frozenset({9}), "Indirect"),
    ]
    pred = [
        Item(frozenset({1, 2, 3, 4, 5}), frozenset({0, 6}), "Direct"),
        Item(frozenset({20, 21}), frozenset(), "Indirect"),
    ]
    sc = score_doc(gold, pred)
    assert sc["message"].prf()[:2] == (0.4, 0.5)  # (4/5 + 0/2) / 2, (4/4 + 0/2) / 2
    assert sc["speaker"].prf()[:2] == (0.5, 0.5)  # 1/2 (the empty prediction has no precision), (1 + 0) / 2
    assert sc["speaker"].micro.prf()[:2] == (0.5, 0.5)
    assert round(sc["speaker+message"].prf()[0], 3) == round((0.8 + 0 + 0.5) / 3, 3)


def test_bench_tells_why_a_direct_speaker_is_wrong():
    from bench.extract_speech import SPEAKER_ERRORS, Item, speaker_error

    # tokens 0-4 in sentence 0, 5-9 in sentence 1
    doc = split_doc("Anna Berger sagte : „", "Wir bleiben . “ Punkt")
    quote = frozenset({5, 6, 7})
    said = Item(quote, frozenset({0, 1}), "Direct")
    assert speaker_error(doc, said, said) == SPEAKER_ERRORS[0]
    assert speaker_error(doc, None, said) == SPEAKER_ERRORS[1]
    assert speaker_error(doc, said, None) == SPEAKER_ERRORS[2]
    assert speaker_error(doc, said, Item(quote, frozenset({0}), "Indirect")) == SPEAKER_ERRORS[3]
    assert speaker_error(doc, said, Item(quote, frozenset(), "Direct")) == SPEAKER_ERRORS[4]
    assert speaker_error(doc, Item(quote, frozenset(), "Direct"), said) == SPEAKER_ERRORS[5]
    assert speaker_error(doc, said, Item(quote, frozenset({1}), "Direct")) == SPEAKER_ERRORS[6]
    assert speaker_error(doc, said, Item(quote, frozenset({9}), "Direct")) == SPEAKER_ERRORS[7]
    assert speaker_error(doc, said, Item(quote, frozenset({2}), "Direct")) == SPEAKER_ERRORS[8]


# ---- English attribution as PolNeAR annotates it ----------------------------------------------------------


def test_english_quoted_words_inside_a_reported_clause_are_part_of_its_message():
    text, qs = quotes("Jane Doe said that the new mayor was “unfit to serve” in the office.", "en")
    (q,) = qs
    assert (q.form, said(text, q)) == ("indirect", "that the new mayor was “unfit to serve” in the office")
    assert q.speaker.key == "person-jane-doe"


def test_an_english_verb_that_closes_a_quotation_reports_nothing_more():
    text, qs = quotes("“The plant will close in May,” Jane Doe said in an interview on Tuesday.", "en")
    (q,) = qs
    assert (q.form, said(text, q)) == ("direct", "The plant will close in May,")
    assert q.speaker.key == "person-jane-doe"


def test_english_straight_quotation_marks_make_one_quotation_not_two():
    text, qs = quotes('Doe spoke last. "The plant will close in May," she said.', "en")
    (q,) = qs
    assert (q.form, said(text, q)) == ("direct", "The plant will close in May,")
    assert q.speaker.key == "person-jane-doe"


def test_an_english_quotation_after_its_frame_continues_the_one_before():
    text, qs = quotes("“We will stay,” Jane Doe said on Tuesday, “and we will win.”", "en")
    first, second = qs
    assert [said(text, q) for q in qs] == ["We will stay,", "and we will win."]
    assert (text[first.cue.start : first.cue.end], second.cue) == ("said", None)
    assert second.speaker.span == first.speaker.span
    assert second.speaker.key == "person-jane-doe"


def test_english_auxiliaries_and_adverbs_stand_between_the_speaker_and_the_verb():
    text, qs = quotes("Jane Doe has also vowed to keep the plant open.", "en")
    (q,) = qs
    assert (q.form, said(text, q)) == ("reported", "to keep the plant open")
    assert q.speaker.key == "person-jane-doe"
    text, qs = quotes(
        "However, over the past few days, the city council has said that the plant would close.", "en"
    )
    (q,) = qs
    assert said(text, q) == "that the plant would close"
    assert q.speaker.text == "the city council"


def test_english_speech_framed_by_its_speaker_after_a_comma():
    text, qs = quotes("The plant will close in May, Jane Doe said in an interview.", "en")
    (q,) = qs
    assert (q.form, said(text, q)) == ("indirect", "The plant will close in May")
    assert q.speaker.key == "person-jane-doe"
    text, qs = quotes("The plant, Jane Doe has often said, will close in May.", "en")
    (q,) = qs
    assert said(text, q) == "The plant, Jane Doe has often said, will close in May"
    assert q.speaker.key == "person-jane-doe"


def test_english_speech_in_a_participle_clause_is_one_more_attribution():
    text, qs = quotes("Jane Doe said the plant would close, adding that the staff would be paid.", "en")
    assert [(said(text, q), q.speaker.key) for q in qs] == [
        ("the plant would close", "person-jane-doe"),
        ("that the staff would be paid", "person-jane-doe"),
    ]
    text, qs = quotes("The city council filed a motion on Monday, arguing that the plant was unsafe.", "en")
    (q,) = qs
    assert (said(text, q), q.speaker.text) == ("that the plant was unsafe", "The city council")


def test_english_speaker_words():
    """The phrase that names the speaker, as PolNeAR marks sources: with its "of", "for" or "at" phrase, and
    without the clause before its comma."""
    for text, speaker in [
        ("The plant is safe, Jane Doe said.", "Jane Doe"),
        ("A spokeswoman for Jane Doe said that the plant would close.", "A spokeswoman for Jane Doe"),
        ("“The plant will close,” said Mr. Smith of the Sierra Club.", "Mr. Smith of the Sierra Club"),
        ("Jane Doe’s lawyer said that the plant would close.", "Jane Doe’s lawyer"),
        ("Mayor Bill de Blasio said that the plant would close.", "Mayor Bill de Blasio"),
        (
            "Regulators and environmental groups said that the plant was unsafe.",
            "Regulators and environmental groups",
        ),
        ("A lawyer in the case said that the plant was safe.", "A lawyer in the case"),
    ]:
        _text, (q,) = quotes(text, "en")
        assert q.speaker.text == speaker, text


def test_an_english_speaker_with_an_apposition_or_a_relative_clause():
    for text, message, speaker in [
        (
            "Jane Doe, who runs the campaign in Ohio, said the plant would close.",
            "the plant would close",
            "Jane Doe, who runs the campaign in Ohio",
        ),
        (
            "Jane Doe, a lawyer in Ohio, said the plant would close.",
            "the plant would close",
            "Jane Doe, a lawyer in Ohio",
        ),
        (
            "“The plant will close,” said Jane Doe, a lawyer in Ohio, who runs the campaign.",
            "The plant will close,",
            "Jane Doe, a lawyer in Ohio, who runs the campaign",
        ),
    ]:
        _text, (q,) = quotes(text, "en")
        assert (said(text, q), q.speaker.text) == (message, speaker), text


def test_what_follows_an_english_verb_that_frames_a_quotation_is_no_message():
    text, qs = quotes("“The plant is safe,” Jane Doe said Friday as she left the building.", "en")
    (q,) = qs
    assert (q.form, said(text, q), q.speaker.key) == ("direct", "The plant is safe,", "person-jane-doe")


def test_an_english_noun_that_looks_like_a_verb_of_saying_reports_nothing():
    for text in [
        "Some calls went to voicemail in May.",
        "The battleground states could decide the election.",
    ]:
        assert quotes(text, "en")[1] == [], text


def test_english_inversion_comes_only_after_what_was_said():
    text, qs = quotes(
        'The former mayor and state senator said it was "a mistake" to close the plant, but she denied that'
        " she knew of the plan.",
        "en",
    )
    q = qs[0]
    # the quoted words are part of the reported clause "it was “a mistake” …" (as with "said that …")
    assert (said(text, q), q.speaker.text) == (
        'it was "a mistake" to close the plant',
        "The former mayor and state senator",
    )  # not "it"


def test_an_english_clause_after_the_verb_opens_with_its_pronoun():
    text, qs = quotes("The mayor says he is sure that the plant is safe.", "en")
    (q,) = qs
    assert (said(text, q), q.speaker.text) == ("he is sure that the plant is safe", "The mayor")


def test_an_english_subject_before_a_parenthetical():
    for text, message in [
        ("Jane Doe, speaking to reporters in Ohio, said the plant would close.", "the plant would close"),
        ("Jane Doe, speaking to reporters in Ohio, vowed to keep the plant open.", "to keep the plant open"),
    ]:
        _text, (q,) = quotes(text, "en")
        assert (said(text, q), q.speaker.text) == (message, "Jane Doe"), text


def test_more_english_speech_acts_told_without_their_words():
    for text, message in [
        ("Jane Doe likened the plant to a prison.", "the plant to a prison"),
        ("Jane Doe also mentioned the closing of the plant.", "the closing of the plant"),
    ]:
        _text, (q,) = quotes(text, "en")
        assert (q.form, said(text, q), q.speaker.key) == ("reported", message, "person-jane-doe"), text


def test_a_second_english_verb_of_saying_in_the_sentence_is_one_more_attribution():
    text, qs = quotes("Jane Doe praised the hard work and said the plant would stay open.", "en")
    assert [(said(text, q), q.speaker.key) for q in qs] == [
        ("the hard work", "person-jane-doe"),
        ("the plant would stay open", "person-jane-doe"),
    ]
    text, qs = quotes(
        "Jane Doe said the plant would close, though the mayor noted that the staff would be paid.", "en"
    )
    assert [(said(text, q), q.speaker.text) for q in qs] == [
        ("the plant would close", "Jane Doe"),
        ("that the staff would be paid", "the mayor"),
    ]


def test_an_english_relative_pronoun_is_the_speaker_words_and_stands_for_the_phrase_before_it():
    text, qs = quotes("The plan was backed by Jane Doe, who said that it would save jobs.", "en")
    (q,) = qs
    assert (said(text, q), q.speaker.text, q.speaker.key) == (
        "that it would save jobs",
        "who",
        "person-jane-doe",
    )
    text, qs = quotes("The plan was backed by Jane Doe, who praised its effect on the jobs.", "en")
    (q,) = qs
    assert (q.form, said(text, q), q.speaker.text) == ("reported", "its effect on the jobs", "who")


def test_the_subject_of_an_english_speech_act_after_a_subordinator_or_a_coordination():
    text, qs = quotes("The city keeps the plant unless the council decided to close it.", "en")
    (q,) = qs
    assert (said(text, q), q.speaker.text) == ("to close it", "the council")
    text, qs = quotes("Jane Doe is proud of the plant and expects it to stay open.", "en")
    (q,) = qs
    assert (said(text, q), q.speaker.key) == ("it to stay open", "person-jane-doe")


def test_an_english_participle_after_a_speech_act_is_not_the_sentence_verb():
    text, qs = quotes(
        "A judge in the city has rejected the request from Jane Doe, saying the plant was safe.", "en"
    )
    assert [(q.form, said(text, q), q.speaker.text) for q in qs] == [
        ("reported", "the request from Jane Doe", "A judge in the city"),
        ("indirect", "the plant was safe", "A judge in the city"),
    ]


def test_an_english_headline_in_title_case_has_its_verb_of_saying_capitalized():
    text, qs = quotes("Plant Will Close Before Winter, Jane Doe Says.", "en")
    (q,) = qs
    assert (said(text, q), q.speaker.key) == ("Plant Will Close Before Winter", "person-jane-doe")


def test_an_english_sentence_labelled_with_a_name_and_a_colon():
    text, qs = quotes("DOE: Well, the plant will close in May.", "en")
    (q,) = qs
    assert (said(text, q), q.speaker.text) == ("Well, the plant will close in May", "DOE")


def test_an_english_source_after_according_to_keeps_its_of_and_for_phrases():
    for text, source in [
        ("The plant will close, according to a survey of local workers.", "a survey of local workers"),
        (
            "The plant will close, according to the Center for Public Research.",
            "the Center for Public Research",
        ),
    ]:
        _text, (q,) = quotes(text, "en")
        assert (said(text, q), q.speaker.text) == ("The plant will close", source), text


def test_a_short_english_quotation_that_is_a_sentence_of_its_own_goes_on_with_the_speaker():
    text, qs = quotes("“The plant is not for sale,” Jane Doe said. “We will stay.”", "en")
    first, second = qs
    assert said(text, second) == "We will stay."
    assert (second.cue, second.speaker.span) == (None, first.speaker.span)


def test_an_english_quotation_inside_a_quotation_is_part_of_it():
    text, qs = quotes("“Then the mayor told me, ‘The plant will stay open,’ and left,” Jane Doe said.", "en")
    (q,) = qs
    assert said(text, q) == "Then the mayor told me, ‘The plant will stay open,’ and left,"
    assert q.speaker.key == "person-jane-doe"


def test_an_english_reported_clause_goes_on_into_a_quotation_that_runs_past_its_sentence():
    text, qs = quotes("Jane Doe said that the plant was “perfectly safe. It will stay open for years.”", "en")
    (q,) = qs
    assert said(text, q) == "that the plant was “perfectly safe. It will stay open for years."
    assert q.speaker.key == "person-jane-doe"


def test_soll_that_closes_a_subordinate_clause_carries_no_speaker_forward():
    """Reportative "soll" stands second in its clause ("Der Vertrag soll …"); at the end of a relative
    clause it is an obligation, and the sentence is nobody's report."""
    text, qs = quotes(
        "Anna Berger erklärte, die Stadt habe kein Geld mehr. "
        "Im Rat liegt ein Antrag, der eine neue Regel beschließen soll."
    )
    assert [said(text, q) for q in qs] == ["die Stadt habe kein Geld mehr"]
    text, qs = quotes(
        "Anna Berger erklärte, die Stadt habe kein Geld mehr. "
        "Der Vertrag soll schon im Mai gekündigt worden sein."
    )
    assert [said(text, q) for q in qs][-1] == "Der Vertrag soll schon im Mai gekündigt worden sein."
    assert qs[-1].speaker.key == "person-anna-berger"


def test_a_passive_verb_of_saying_is_spoken_by_its_agent_not_its_subject():
    """ "X wurde als „…“ bezeichnet": X is what was called so; the speaker follows "von", or is not named."""
    text, qs = quotes(
        "Der Plan der Stadtwerke wurde am Montag von Anna Berger als „ein großer Fehler, den niemand "
        "braucht“ bezeichnet."
    )
    (q,) = qs
    assert (said(text, q), q.speaker.key) == ("ein großer Fehler, den niemand braucht", "person-anna-berger")
    _text, qs = quotes(
        "Die Stadtwerke wurden gestern in einer Zeitung als „eine Behörde in der Behörde, die niemand "
        "kontrolliert“ bezeichnet."
    )
    (q,) = qs
    assert q.speaker is None
    _text, qs = quotes("Klaus Meier wird in der Zeitung mit den Worten zitiert: „Wir bleiben in Hamburg.“")
    (q,) = qs
    assert q.speaker.key == "person-klaus-meier"


def test_a_verb_of_saying_after_und_shares_the_subject_of_the_clause_before():
    """After "und" the verb has no subject of its own: the phrase after it is its object."""
    _text, qs = quotes(
        "Am Montag zogen die Demonstranten zum Rathaus und skandierten dabei Parolen wie „Wir bleiben "
        "hier, wir weichen nicht“."
    )
    (q,) = qs
    assert q.speaker.text == "die Demonstranten"
    _text, qs = quotes("Anna Berger lachte und sagte dann die Worte: „Wir bleiben in Hamburg.“")
    (q,) = qs
    assert q.speaker.key == "person-anna-berger"


def test_a_subject_that_names_nobody_does_not_speak_a_quotation_without_a_verb_of_saying():
    _text, qs = quotes(
        "Die Durchsuchungen sind nur bei einer „konkreten Gefahr für ein überragend wichtiges Rechtsgut "
        "der Bürger“ zulässig."
    )
    (q,) = qs
    assert q.speaker is None
    _text, qs = quotes("Anna Berger ist „immer noch der Meinung, dass die Stadt viel mehr sparen muss“.")
    (q,) = qs
    assert q.speaker.key == "person-anna-berger"


def test_a_clause_in_konjunktiv_around_quoted_words_is_indirect_speech_that_holds_them():
    """Mostly quoted words after a verb of saying are direct speech alone, unless the words outside the marks
    are in Konjunktiv: then the clause is indirect speech, and the quotations lie inside it."""
    text, qs = quotes(
        "Anna Berger sagte am Montag, die Stadt sei ein „Opfer der Krise“ und Hamburg müsse wissen, „dass "
        "wir hier bleiben und weiter für die Arbeit kämpfen werden.“"
    )
    assert [(q.form, q.speaker.key) for q in qs] == [("indirect", "person-anna-berger")] + [
        ("direct", "person-anna-berger")
    ] * 2
    assert said(text, qs[0]).startswith("die Stadt sei ein „Opfer der Krise“ und Hamburg müsse wissen")


def test_what_a_speaker_calls_something_is_direct_speech():
    """SpkAtt-2023 marks the word a speaker calls something as a quotation, however short; a quoted term
    that nobody calls anything stays a term."""
    text, qs = quotes("Klaus Meier nannte den Bericht der Stadtwerke eine „Zeitungsente“.")
    (q,) = qs
    assert (q.form, said(text, q), q.speaker.key) == ("direct", "Zeitungsente", "person-klaus-meier")
    text, qs = quotes("Anna Berger wies die Vorwürfe am Montag als „Unverschämtheit“ zurück.")
    assert [(said(text, q), q.speaker.key) for q in qs] == [("Unverschämtheit", "person-anna-berger")]
    _text, qs = quotes("Die Stadtwerke stellten am Montag eine „Roadmap“ vor.")
    assert qs == []


def test_of_two_verbs_of_naming_the_one_nearest_before_the_quotation_names_it():
    text, qs = quotes(
        "Klaus Meier, der am Montag in Hamburg sprach, nannte den Plan „überzogen“, Anna Berger bezeichnete "
        "die Kosten in einem Jahr, in dem es kaum Geld gab, als „übertrieben“."
    )
    got = {said(text, q): q.speaker.key for q in qs if q.form == "direct"}
    assert got == {"überzogen": "person-klaus-meier", "übertrieben": "person-anna-berger"}


def test_a_sentence_subject_headed_by_a_role_or_a_body_says_what_it_calls_something():
    """A subject that names nobody ("Der Plan") says nothing; one headed by a role or a body does, named or
    not."""
    _text, qs = quotes(
        "Anna Berger sprach am Montag. Das Gericht kam damit zu dem Ergebnis, „dass die Stadtwerke keine "
        "tragfähige Grundlage für eine Erhöhung der Preise in diesem Jahr vorgelegt haben“."
    )
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker is not None and q.speaker.text == "Das Gericht"
    _text, qs = quotes(
        "Anna Berger sprach am Montag. Der Plan kam damit zu dem Ergebnis, „dass die Stadtwerke keine "
        "tragfähige Grundlage für eine Erhöhung der Preise in diesem Jahr vorgelegt haben“."
    )
    assert all(q.speaker is None for q in qs if q.form == "direct")


def test_the_words_of_a_noun_of_saying_are_direct_speech():
    text, qs = quotes("Hunderte zogen am Montag durch Hamburg und riefen Parolen wie „Stadtwerke bleiben“.")
    assert [said(text, q) for q in qs] == ["Stadtwerke bleiben"]
    text, qs = quotes("Im Rathaus fand sich dazu die Feststellung „Die Stadtwerke gehören uns“.")
    assert [said(text, q) for q in qs] == ["Die Stadtwerke gehören uns"]


def test_the_name_after_a_noun_of_what_bears_one_is_no_speech():
    """A title is no speech even where a verb of saying is near and the title reads like a sentence."""
    _text, qs = quotes(
        "Am Abend erzählte Anna Berger vom Musical „Wir bleiben hier, wir weichen nicht und wir singen!“"
    )
    assert [q.form for q in qs if q.form == "direct"] == []


def test_a_passive_verb_of_saying_at_the_end_of_its_clause_is_spoken_by_its_agent():
    _text, qs = quotes(
        "Das ist der Plan, der von Anna Berger als „ein großer Fehler, den niemand braucht“ bezeichnet wird."
    )
    (q,) = qs
    assert q.speaker.key == "person-anna-berger"
    _text, qs = quotes(
        "Das ist der Plan, der als „ein großer Fehler, den niemand in der Stadt braucht“ bezeichnet wird."
    )
    (q,) = qs
    assert q.speaker is None


def test_what_a_thing_is_called_by_nobody_in_particular_is_a_term():
    _text, qs = quotes("Dann verdoppeln die Stadtwerke ihre Aktien. Das nennt man einen „Aktiensplit“.")
    assert qs == []
    _text, qs = quotes("Der Strom geht von der Sonne aus und wird als „Sonnenwind“ bezeichnet.")
    assert qs == []


def test_three_quoted_items_in_a_row_are_titles():
    _text, qs = quotes(
        "Am Abend sprachen Anna Berger und Klaus Meier über Themen wie „Wir bleiben hier und bauen weiter!“, "
        "„Hamburg braucht die Stadtwerke“ oder „Die Stadt gehört uns“."
    )
    assert qs == []


def test_a_name_someone_or_something_goes_by_is_no_speech():
    """What a thing is called (before "heißt" or "auch … genannt", after "sich … nennt") and the source after
    "laut" are names; "„…“ heißt es" stays a verb of saying."""
    for text in [
        "Die Gruppe, die sich selbst „Bündnis für ein freies Hamburg“ nennt, trat am Montag an.",
        "Das neue Schiff, auch „Die schnelle Anna von Hamburg“ genannt, lief am Montag aus.",
        "Der Hafen, der früher „Neuer Hafen am Strom“ hieß, wird am Montag geschlossen.",
        "Laut „Hamburger Morgenblatt“ will Anna Berger die Stadtwerke verkaufen.",
    ]:
        _text, qs = quotes(text)
        assert [q for q in qs if q.form == "direct"] == [], text
    text, qs = quotes(
        "„Wir bleiben in Hamburg, was auch immer kommt“ heißt es in einer Erklärung der Stadtwerke."
    )
    assert [said(text, q) for q in qs if q.form == "direct"] == [
        "Wir bleiben in Hamburg, was auch immer kommt"
    ]


def test_the_name_after_a_compound_noun_of_what_bears_one_is_no_speech():
    for text in [
        "Anna Berger sagte, das Kinderbuch „Wir bleiben hier, und wir weichen nicht!“ sei ihr liebstes.",
        "Klaus Meier sagte, er sei unter dem Namen „Wir bauen die Stadt, sonst keiner.“ bekannt.",
        "Anna Berger sagte, die Gruppe, die sich „Wir bleiben hier und weichen nicht!“ nenne, sei klein.",
    ]:
        _text, qs = quotes(text)
        assert [q.form for q in qs] == ["indirect"], text


def test_the_words_of_a_noun_of_saying_by_example_and_in_a_list_are_speech():
    text, qs = quotes(
        "Die Demonstranten zogen durch Hamburg und riefen Parolen wie zum Beispiel „Wir bleiben hier“ oder "
        "„Die Stadt gehört uns“."
    )
    assert [said(text, q) for q in qs if q.form == "direct"] == ["Wir bleiben hier", "Die Stadt gehört uns"]


def test_a_german_quotation_inside_one_with_the_same_marks_leaves_the_outer_one_whole():
    text = (
        "Anna Berger sagte: „Wir haben den Grundsatz „gleiches Recht für alle“ verstanden. Wir bleiben.“ "
        "Dann ging sie."
    )
    assert [text[a + 1 : b] for a, b in pair_quotes(text)] == [
        "Wir haben den Grundsatz „gleiches Recht für alle“ verstanden. Wir bleiben.",
        "gleiches Recht für alle",
    ]
    text, qs = quotes(text)
    assert next(said(text, q) for q in qs if q.form == "direct").endswith("Wir bleiben.")


def test_the_rules_before_the_model_say_speech_title_or_nothing():
    from kg.extract.quotations import speech, state

    text = (
        "Sie riefen Parolen wie „Wir bleiben“ oder „Hamburg gehört uns“ vor dem Kino, wo der Film "
        "„Der Hafen“ "
        "lief und Anna Berger „sehr zufrieden“ war."
    )
    st = state._state(analyse(text, "de"), [])
    pairs = pair_quotes(text)
    state._set_quoted(st, [(a + 1, b) for a, b in pairs])
    assert speech.speech_rules(st, pairs) == [1, 1, -1, 0]


def test_a_capitalized_passage_that_stands_again_in_the_text_is_a_name():
    """A passage in capitals without a sentence's end that the text names again, quoted or not, is a name
    or a title; words said with their end punctuation are no name (after a colon: speech), nor are words in
    lower case (after "nannte", the predicate: speech)."""
    from kg.extract.quotations import speech, state

    text = (
        "Klaus Meier leitet seit Montag den „Verein Hafen und Stadt“ in Hamburg. "
        "Der Verein Hafen und Stadt hat 300 Mitglieder. "
        "Anna Berger sagte: „Wir bleiben hier.“ Später wiederholte sie: „Wir bleiben hier.“ "
        "Sie nannte den Plan „ganz falsch“, und Meier fand ihn nicht ganz falsch."
    )
    st = state._state(analyse(text, "de"), [])
    pairs = pair_quotes(text)
    state._set_quoted(st, [(a + 1, b) for a, b in pairs])
    assert speech.speech_rules(st, pairs) == [-1, 1, 1, 1]
    _text, qs = quotes(text)
    assert "Verein Hafen und Stadt" not in [said(text, q) for q in qs if q.form == "direct"]
    assert [said(text, q) for q in qs if q.form == "direct"][:2] == ["Wir bleiben hier.", "Wir bleiben hier."]


def test_a_headline_quotation_said_again_in_the_report_stays_speech():
    """Words in capitals said again are no name when a colon introduces them or a verb of saying follows
    (which makes them speech after a comma)."""
    from kg.extract.quotations import speech, state

    text = (
        "Anna Berger: „Hamburg bleibt stark“\n\n"
        "Am Montag sprach Anna Berger vor dem Rat. „Hamburg bleibt stark“, sagte Berger. "
        "Später las sie aus dem Buch „Hamburg bleibt stark“ vor."
    )
    st = state._state(analyse(text, "de"), [])
    pairs = pair_quotes(text)
    state._set_quoted(st, [(a + 1, b) for a, b in pairs])
    assert speech.speech_rules(st, pairs)[:2] == [0, 1]
    assert speech.speech_rules(st, pairs)[2] == -1


def test_model_weights_decides_within_its_block_only():
    """The benchmark's cross-validation runs the extractor with weights of its own, then the shipped ones."""
    from kg.extract.quotations import speech

    text = "Anna Berger sagte, man werde „die neue Brücke im nächsten Jahr bauen“."
    assert [q for q in quotes(text)[1] if q.form == "direct"]
    with speech.model_weights({"bias": -30.0}):
        assert not [q for q in quotes(text)[1] if q.form == "direct"]
    assert [q for q in quotes(text)[1] if q.form == "direct"]


def test_cross_validation_folds_never_split_a_document():
    from bench.train_quotes import doc_folds

    docs = [0, 0, 1, 2, 2, 2, 3, 4, 5, 5, 6, 7, 8, 9, 10, 10]  # the document of each example
    folds = doc_folds(docs, k=5)
    assert len(folds) == 5
    tested = []
    for train, test in folds:
        assert not {docs[i] for i in train} & {docs[i] for i in test}
        assert sorted(train + test) == list(range(len(docs)))
        tested += test
    assert sorted(tested) == list(range(len(docs)))  # every example tested once


def test_the_subject_of_the_sentence_before_the_colon_outranks_the_speaker_before_it():
    doc = split_doc(
        "Die Stadtwerke kritisierten erneut die Pläne der Stadt .",
        "Der Sprecher der Stadtwerke , Klaus Meier , wandte sich gegen die Behauptung , alles sei gut :",
        "„ Die Brücke ist seit Jahren marode . “",
    )
    (q,) = [q for q in find_quotations(doc, mentions(doc.text)) if q.form == "direct"]
    assert q.speaker.text == "Der Sprecher der Stadtwerke , Klaus Meier"
    assert q.speaker.key == "person-klaus-meier"


def test_the_speaker_of_a_wie_clause_with_a_relative_clause_before_the_main_verb():
    _text, qs = quotes(
        "Wie Anna Berger, die als Beraterin von Klaus Meier im Saal anwesend war, dazu feststellt, verlangt "
        "„das Gesetz zumindest einen Beweis“."
    )
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.text == "Anna Berger"


def test_two_people_named_together_after_a_word_between_article_and_noun_are_one_speaker():
    _text, qs = quotes(
        "„Wir bleiben bei unserem Nein zu dieser Brücke“, meinen die beiden Stadträte Anna Berger und "
        "Klaus Meier in einer Erklärung."
    )
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.text == "die beiden Stadträte Anna Berger und Klaus Meier"


def test_an_apposition_that_ends_the_sentence_and_a_prefield_after_a_focus_word():
    for text, phrase in [
        (
            "„Wir werden diese Brücke im Sommer nicht fertig bauen“, sagte Klaus Meier, "
            "Sprecher der Stadtwerke in Hamburg.",
            "Klaus Meier, Sprecher der Stadtwerke in Hamburg",
        ),
        (
            "Auch Anna Berger, die Sprecherin der Stadtwerke, äußerte sich: "
            "„Wir werden diese Brücke nicht bauen.“",
            "Anna Berger, die Sprecherin der Stadtwerke",
        ),
    ]:
        _text, qs = quotes(text)
        (q,) = [q for q in qs if q.form == "direct"]
        assert q.speaker.text == phrase, text


def test_the_speaker_phrase_with_its_origin_a_coordinated_attribute_or_an_apposition_before_an_adverbial():
    for text, phrase in [
        (
            "„Wir werden diese Brücke im Sommer nicht bauen“, sagte ein Sprecher aus Hamburg.",
            "ein Sprecher aus Hamburg",
        ),
        (
            "„Wir werden diese Brücke nicht bauen“, betonte die Ministerin für Arbeit und Soziales, "
            "Anna Berger, am Montag.",
            "die Ministerin für Arbeit und Soziales, Anna Berger",
        ),
        (
            "„Wir haben heute gut gespielt“, sagte Klaus Meier, der Trainer der Stadtwerke nach dem Spiel.",
            "Klaus Meier, der Trainer der Stadtwerke",
        ),
    ]:
        _text, qs = quotes(text)
        (q,) = [q for q in qs if q.form == "direct"]
        assert q.speaker.text == phrase, text


def test_a_dash_after_the_quotation_before_so():
    _text, qs = quotes("„Wir werden diese Brücke im Sommer nicht fertig bauen“ – so Klaus Meier.")
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.text == "Klaus Meier"


def test_an_apposition_opened_by_an_article_and_an_adjective():
    for text, phrase in [
        (
            "„Wir werden diese Brücke im Sommer nicht bauen“, sagte der Chef der Stadtwerke, der 54-jährige "
            "Klaus Meier.",
            "der Chef der Stadtwerke, der 54-jährige Klaus Meier",
        ),
    ]:
        _text, qs = quotes(text)
        (q,) = [q for q in qs if q.form == "direct"]
        assert q.speaker.text == phrase, text


def test_a_german_quotation_goes_on_with_the_speaker_of_two_sentences_before_not_three():
    def speaker_of_last(gap):
        text = (
            "Klaus Meier sagte: „Wir werden die Brücke im Sommer nicht bauen.“ "
            + " ".join(["Die Stadt plant seit Jahren eine neue Straße am Hafen."] * gap)
            + " „Die Stadt hat zu lange gewartet und muss nun endlich handeln.“"
        )
        _text, qs = quotes(text)
        return [q for q in qs if q.form == "direct"][-1].speaker

    assert speaker_of_last(1).key == "person-klaus-meier"
    assert speaker_of_last(2) is None


def test_a_lower_case_name_with_a_dot_inside_stays_in_the_prefield():
    doc = split_doc(
        "Der Vorsitzende der Gewerkschaft ver.di , Nachfolgerin der ÖTV , Klaus Meier , würdigte die "
        "Stadtwerke als „ ein Vorbild für das ganze Land und für alle Betriebe “ ."
    )
    (q,) = [q for q in find_quotations(doc, mentions(doc.text)) if q.form == "direct"]
    assert q.speaker.text == "Der Vorsitzende der Gewerkschaft ver.di , Nachfolgerin der ÖTV , Klaus Meier"


def test_the_speaker_before_the_colon_is_the_name_in_that_sentence():
    doc = split_doc(
        "„ Wir bauen die Brücke nicht “ , sagte Klaus Meier am Montag .",
        "Die Stadt habe kein Geld mehr , so Meier weiter :",
        "„ Das ist in anderen Städten genauso , und niemand spricht darüber . “",
    )
    q = [q for q in find_quotations(doc, mentions(doc.text)) if q.form == "direct"][-1]
    assert q.speaker.text == "Meier"
    assert q.speaker.span.start > doc.text.index("so Meier")


def test_a_noun_that_starts_with_a_number_is_a_speaker():
    _text, qs = quotes("Der 54-Jährige sagte: „Wir werden diese Brücke nicht mehr bauen.“")
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.text == "Der 54-Jährige"


def test_whose_view_a_quoted_term_is_after_fuer_with_a_copula():
    text, qs = quotes(
        "Was für die Ministerin eine „flexiblere Handhabe des Rückzahlungsmodus“ ist, war für die Verbände "
        "„Wortbruch und Vertrauensmissbrauch“."
    )
    (q,) = [q for q in qs if said(text, q).startswith("flexiblere")]
    assert q.speaker.text == "die Ministerin"


def test_the_agent_of_a_passive_verb_of_saying_after_durch():
    _text, qs = quotes(
        "Die Entscheidung wurde durch Klaus Meier als „ein schwerer Fehler für die Stadt“ bezeichnet."
    )
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.text == "Klaus Meier"


def test_a_paper_named_in_quotation_marks_says_what_a_passive_verb_of_saying_reports():
    _text, qs = quotes(
        "Die Stadtwerke wurden gestern im „Kurier“ als „eine Firma ohne Plan für die Zukunft“ bezeichnet."
    )
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.text == "„Kurier“"


def test_more_verbs_of_saying_with_and_without_a_particle():
    for text in [
        "„Wir werden diese Brücke im Sommer nicht fertig bauen“, führte Klaus Meier aus.",
        "„Wir werden diese Brücke im Sommer nicht fertig bauen“, verriet Klaus Meier.",
        "Klaus Meier hielt fest: „Wir werden diese Brücke im Sommer nicht fertig bauen.“",
    ]:
        _text, qs = quotes(text)
        (q,) = [q for q in qs if q.form == "direct"]
        assert q.speaker.text == "Klaus Meier", text


def test_whose_view_it_is_before_a_colon():
    _text, qs = quotes("Für Klaus Meier ist die Sache klar: „Wir werden diese Brücke im Sommer nicht bauen.“")
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.text == "Klaus Meier"


def test_the_subject_after_a_focus_word_before_a_colon():
    _text, qs = quotes(
        "Auch der Sprecher der Stadtwerke zeigte sich enttäuscht: „Wir werden diese Brücke nicht bauen.“"
    )
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.text == "der Sprecher der Stadtwerke"


def test_a_lower_case_word_inside_a_name_stays_in_the_speaker_phrase():
    quote = "„Wir werden diese Brücke im Sommer nicht fertig bauen“"
    PEOPLE["Omar bin Laden"] = ("person-omar-bin-laden", "Person")
    try:
        for text in [f"{quote}, sagte Omar bin Laden am Montag.", f"Omar bin Laden sagte: {quote}."]:
            _text, qs = quotes(text)
            (q,) = [q for q in qs if q.form == "direct"]
            assert q.speaker.text == "Omar bin Laden", text
    finally:
        del PEOPLE["Omar bin Laden"]


def test_a_fronted_object_gives_way_to_the_subject_after_the_verb():
    quote = "„Wir werden diese Brücke im Sommer nicht fertig bauen.“"
    for text, phrase in [
        (f"Die Entscheidung der Stadtwerke begrüßte der Bürgermeister: {quote}", "der Bürgermeister"),
        (f"Der Zeitung sagte die Ministerin: {quote}", "die Ministerin"),
    ]:
        _text, qs = quotes(text)
        (q,) = [q for q in qs if q.form == "direct"]
        assert q.speaker.text == phrase, text


def test_two_people_each_with_a_party_are_one_speaker():
    _text, qs = quotes(
        "„Wir werden diese Brücke nicht fertig bauen“, erklärten Anna Berger (SPD) und Klaus Meier (CDU)."
    )
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.text == "Anna Berger (SPD) und Klaus Meier (CDU)"


def test_a_dash_that_closes_an_apposition_is_no_word_of_the_speaker():
    _text, qs = quotes("Anna Berger – Sprecherin der Stadtwerke – sagte: „Wir bauen die Brücke nicht neu.“")
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.text == "Anna Berger – Sprecherin der Stadtwerke"


# ---- German verbs and phrases of saying ------------------------------------------------------------------


def _direct_speaker(text):
    """The speaker phrase of the one direct quotation in ``text``."""
    _text, qs = quotes(text)
    (q,) = [q for q in qs if q.form == "direct"]
    return q.speaker.text if q.speaker else None


def test_verbs_of_answering_calming_and_mocking_after_a_quotation_name_the_speaker():
    for verb in [
        "erwiderte",
        "wehrte der Minister ab",
        "wiegelte der Minister ab",
        "beschwichtigte",
        "relativierte",
        "wetterte",
        "polterte",
        "ätzte",
        "lästerte",
        "stichelte",
        "höhnte",
        "witzelte",
        "seufzte",
        "jubelte",
        "bat",
        "drängte",
        "rügte",
        "beharrte",
        "urteilte",
        "befand",
        "mutmaßte",
        "gestand der Minister ein",
        "legte der Minister nach",
        "lenkte der Minister ein",
        "ruderte der Minister zurück",
        "fasste der Minister zusammen",
    ]:
        said = verb if " der Minister" in verb else f"{verb} der Minister"
        text = f"„Wir werden diese Brücke im Sommer nicht fertig bauen“, {said}."
        assert _direct_speaker(text) == "der Minister", text


def test_a_reflexive_verb_of_feeling_after_a_quotation_names_the_speaker():
    for said in ["empörte sich", "freute sich", "wunderte sich", "ärgerte sich", "bedankte sich"]:
        text = f"„Wir werden diese Brücke im Sommer nicht fertig bauen“, {said} Anna Berger am Montag."
        assert _direct_speaker(text) == "Anna Berger", text


def test_sich_zeigen_and_sich_geben_with_a_stance_say_what_follows():
    quote = "„Wir werden diese Brücke im Sommer fertig bauen“"
    assert _direct_speaker(f"{quote}, zeigte sich der Bürgermeister zuversichtlich.") == "der Bürgermeister"
    assert _direct_speaker(f"Der Bürgermeister zeigte sich enttäuscht: {quote}") == "Der Bürgermeister"
    for text in [
        "Der Bürgermeister zeigte sich zuversichtlich, dass die Brücke im Sommer fertig werde.",
        "Der Bürgermeister gab sich gelassen, die Brücke werde im Sommer fertig.",
    ]:
        _text, qs = quotes(text)
        (q,) = qs
        assert q.form == "indirect" and q.speaker.text == "Der Bürgermeister", text


def test_a_reflexive_verb_of_feeling_says_nothing_without_its_pronoun():
    for text in [
        "Das Ergebnis freute die Fans, die seit Stunden im Regen gewartet hatten.",
        "Der Beschluss empörte viele Anwohner, die seit Jahren auf eine Lösung warten.",
        "Das Problem zeigte sich schon früh, als die ersten Rechnungen der Stadtwerke kamen.",
    ]:
        _text, qs = quotes(text)
        assert qs == [], text


def test_a_reflexive_verb_of_feeling_frames_a_clause_of_reported_speech():
    _text, qs = quotes("Die Opposition empörte sich darüber, dass die Regierung geschwiegen habe.")
    (q,) = qs
    assert q.form == "indirect" and q.speaker.text == "Die Opposition"


def test_new_verbs_of_saying_frame_a_clause_of_reported_speech():
    for text in [
        "Der Minister erwiderte, die Vorwürfe seien haltlos.",
        "Der Minister beschwichtigte, es bestehe keine Gefahr für die Bevölkerung.",
        "Der Minister beharrte darauf, dass der Vertrag gültig sei.",
        "Der Minister plädierte dafür, die Steuern zu senken.",
        "Der Minister gestand ein, dass Fehler gemacht worden seien.",
        "Der Minister legte dar, warum die Brücke nicht fertig werde.",
    ]:
        _text, qs = quotes(text)
        (q,) = qs
        assert q.form == "indirect" and q.speaker.text == "Der Minister", text


def test_verbs_of_saying_in_another_sense_frame_no_speech():
    for text in [
        "Der Kapitän wehrte den Ball ab, der Torwart war schon geschlagen.",
        "Die Firma warb neue Mitarbeiter an, die im Herbst anfangen sollen.",
        "Der Dax notierte am Mittag bei 18.000 Punkten, die Anleger blieben vorsichtig.",
        "Das Auto befand sich auf der Gegenfahrbahn, als der Unfall geschah.",
        "Die Kinder jubelten, als der Zug endlich in den Bahnhof einfuhr.",
        "Die Stadtwerke legten ihre Zahlen vor, die besser als erwartet ausfielen.",
        "Die Soldaten verteidigten die Stadt, die seit Wochen belagert wurde.",
        "Der Minister dankte den Helfern, die seit Tagen im Einsatz sind.",
    ]:
        _text, qs = quotes(text)
        assert qs == [], text


def test_a_separable_verb_of_saying_keeps_its_particle_in_the_cue():
    text = "„Wir werden diese Brücke im Sommer nicht fertig bauen“, wiegelte der Minister ab."
    _text, qs = quotes(text)
    (q,) = qs
    assert text[q.cue.start : q.cue.end] == "wiegelte der Minister ab"


def test_a_verb_of_manner_right_after_a_quotation_names_the_speaker():
    quote = "„Wir werden diese Brücke im Sommer nicht fertig bauen“"
    for said in ["findet", "lachte", "schmunzelte", "wusste", "staunte", "machte", "hielt", "murmelte"]:
        after = {"machte": " klar", "hielt": " dagegen"}.get(said, "")
        text = f"{quote}, {said} der Bürgermeister{after}."
        assert _direct_speaker(text) == "der Bürgermeister", text


def test_a_verb_of_manner_away_from_a_quotation_frames_no_speech():
    for text in [
        "Die Polizei fand die Leiche am Morgen, die Ermittlungen dauern noch an.",
        "Die Stadtwerke machten im Mai deutlich mehr Umsatz, der Gewinn stieg um zehn Prozent.",
        "Das Wasser sorgte für Schäden, dass sich die Türen nicht mehr schließen ließen.",
    ]:
        _text, qs = quotes(text)
        assert qs == [], text


def test_going_on_concluding_and_reacting_after_a_quotation_name_the_speaker():
    quote = "„Wir werden diese Brücke im Sommer nicht fertig bauen“"
    for said in [
        "fuhr der Bürgermeister fort",
        "schloss der Bürgermeister",
        "reagierte der Bürgermeister gelassen",
    ]:
        text = f"{quote}, {said}."
        assert _direct_speaker(text) == "der Bürgermeister", text
    for text in [
        "Der Zug fuhr am Morgen ab, die Fahrgäste warteten noch lange.",
        "Die Börse reagierte mit Kursverlusten, die Anleger waren nervös.",
        "Die Polizei schloss die Straße, die Anwohner mussten lange warten.",
    ]:
        _text, qs = quotes(text)
        assert qs == [], text


def test_the_object_of_a_passive_verb_of_urging_is_no_speaker():
    _text, qs = quotes("Die Anwohner wurden von den Stadtwerken ermuntert, weniger Wasser zu verbrauchen.")
    (q,) = qs
    assert q.speaker.text == "den Stadtwerken"


def test_a_verb_with_the_noun_of_an_opinion_frames_reported_speech():
    for text in [
        "Der Verband vertrat die Ansicht, dass die Brücke zu spät fertig werde.",
        "Der Verband vertritt die Auffassung, die Brücke werde zu spät fertig.",
        "Der Verband machte darauf aufmerksam, dass die Brücke zu spät fertig werde.",
        "Der Verband stellte eine Entscheidung in Aussicht, die bis zum Sommer fallen solle.",
    ]:
        _text, qs = quotes(text)
        (q,) = qs
        assert q.form == "indirect" and q.speaker.text == "Der Verband", text
    for text in [
        "Der Anwalt vertrat den Angeklagten, der seit Jahren in Haft sitzt.",
        "Der Bundesrat stimmte dem Gesetz zu, das im Mai in Kraft tritt.",
    ]:
        _text, qs = quotes(text)
        assert qs == [], text


def test_agreeing_and_sounding_the_alarm_name_the_speaker():
    quote = "„Wir werden diese Brücke im Sommer nicht fertig bauen“"
    assert _direct_speaker(f"{quote}, stimmte der Bürgermeister zu.") == "der Bürgermeister"
    assert _direct_speaker(f"Der Bürgermeister schlug Alarm: {quote}.") == "Der Bürgermeister"


def test_a_speech_act_told_without_its_words_is_reported_speech():
    for text in [
        "Der Verband plädierte für eine kürzere Bauzeit der Brücke.",
        "Der Verband räumte Fehler bei der Planung der Brücke ein.",
        "Der Verband stritt alle Vorwürfe zur Brücke ab.",
        "Der Verband rügte die Verschwendung von Steuergeld beim Bau der Brücke.",
        "Der Verband forderte die Regierung zum Handeln auf.",
    ]:
        _text, qs = quotes(text)
        (q,) = qs
        assert q.form == "reported" and q.speaker.text == "Der Verband", text


def test_wissen_wollen_asks_and_wollen_alone_says_nothing():
    _text, qs = quotes("Der Verband wollte wissen, wann die Brücke fertig werde.")
    (q,) = qs
    assert q.form == "indirect" and q.speaker.text == "Der Verband"
    assert _direct_speaker(
        "„Wann wird die Brücke im Sommer endlich fertig?“, wollte Anna Berger wissen."
    ) == ("Anna Berger")
    _text, qs = quotes("Die Stadtwerke wollen im Sommer eine neue Brücke bauen, die den Verkehr entlastet.")
    assert qs == []


def test_ausrichten_says_something_only_when_someone_lets_it_be_said():
    assert _direct_speaker(
        "„Wir werden diese Brücke im Sommer nicht fertig bauen“, ließ Anna Berger ausrichten."
    ) == ("Anna Berger")
    _text, qs = quotes(
        "Die Stadtwerke wollen im Sommer das Turnier ausrichten, das seit Jahren in Hamburg stattfindet."
    )
    assert qs == []


def test_distancing_and_protesting_say_something_with_their_pronoun():
    quote = "„Wir werden diese Brücke im Sommer nicht fertig bauen“"
    assert _direct_speaker(f"{quote}, verwahrte sich der Bürgermeister.") == "der Bürgermeister"
    _text, qs = quotes("Der Verband distanzierte sich von dem Plan, die Brücke sei zu teuer.")
    (q,) = qs
    assert q.form == "indirect" and q.speaker.text == "Der Verband"
    _text, qs = quotes(
        "Die Polizei verwahrte die Beweise in einem Tresor, der im Keller der Stadtwerke steht."
    )
    assert qs == []
    assert _direct_speaker(f"{quote}, ließ der Bürgermeister wissen.") == "der Bürgermeister"


def test_a_bare_verb_that_needs_its_particle_leaves_a_sentence_in_konjunktiv_reported():
    text = "Anna Berger sprach über die Brücke. Die Stadtwerke machten keinen Fehler, sie werde bald fertig."
    _text, qs = quotes(text)
    (q,) = [q for q in qs if q.span.start >= text.index("Die Stadtwerke")]
    assert q.form == "indirect" and q.speaker.key == "person-anna-berger"


def test_ausfuehren_and_durchblicken_lassen_frame_reported_speech():
    for text in [
        "Zur Brücke führte der Verband aus, dass sie im Sommer fertig werde.",
        "Der Verband ließ gegenüber der Zeitung durchblicken, die Brücke werde im Sommer fertig.",
        "Der Verband vertritt die These, dass die Brücke im Sommer fertig werde.",
    ]:
        _text, qs = quotes(text)
        (q,) = qs
        assert q.form == "indirect" and q.speaker.text.lower() == "der verband", text


def test_a_preposition_or_article_of_a_particles_form_is_no_particle():
    for text in [
        "Der Verband legte nach der Sitzung einen Bericht vor, der die Lage der Brücke beschreibt.",
        "Der Trainer warf ein Auge auf den Stürmer, der in Hamburg spielt.",
        "Der Vorstand erkannte an dem Bericht keine Fehler, die Aktionäre waren zufrieden.",
    ]:
        _text, qs = quotes(text)
        assert qs == [], text
    text = "Der Verband sagte zu Beginn der Sitzung, die Brücke werde im Sommer fertig."
    _text, qs = quotes(text)
    (q,) = qs
    assert text[q.cue.start : q.cue.end] == "sagte"


def test_the_particle_at_the_end_of_a_long_clause_is_found():
    text = (
        "Der Verband wirft der Stadt beim Bau der neuen Brücke über die Elbe in Hamburg schwere Fehler vor."
    )
    _text, qs = quotes(text)
    (q,) = qs
    assert q.form == "reported" and text[q.cue.start : q.cue.end].endswith("Fehler vor")
    text = "„Wir werden diese Brücke im Sommer nicht fertig bauen“, gab der Bürgermeister zu bedenken."
    _text, qs = quotes(text)
    (q,) = qs
    assert text[q.cue.start : q.cue.end] == "gab der Bürgermeister zu bedenken"


def test_a_bare_verb_without_its_particle_makes_no_title_speech():
    _text, qs = quotes("Der Sänger legte mit „Wir sind die Stadt“ ein neues Album vor.")
    assert [q for q in qs if q.form == "direct"] == []


def test_following_up_and_setting_right_after_a_quotation_name_the_speaker():
    quote = "„Wir werden diese Brücke im Sommer nicht fertig bauen“"
    for said in [
        "fragte der Bürgermeister nach",
        "setzte der Bürgermeister nach",
        "stellte der Bürgermeister richtig",
    ]:
        text = f"{quote}, {said}."
        _text, qs = quotes(text)
        (q,) = qs
        assert q.speaker.text == "der Bürgermeister" and text[q.cue.start : q.cue.end] == said, text
    _text, qs = quotes("Der Verband hielt der Stadt vor, die Brücke werde zu spät fertig.")
    (q,) = qs
    assert q.form == "indirect" and q.speaker.text == "Der Verband"
    _text, qs = quotes("Der Läufer setzte nach der Pause zum Sprint an, das Publikum in Hamburg jubelte.")
    assert qs == []


def test_deutlich_machen_says_something_only_where_deutlich_ends_the_clause():
    _text, qs = quotes("Der Verband machte deutlich, dass die Brücke im Sommer nicht fertig werde.")
    (q,) = qs
    assert q.form == "indirect" and q.speaker.text == "Der Verband"
    _text, qs = quotes(
        "Die Stadtwerke machten im Mai deutlich mehr Umsatz, der Gewinn stieg um zehn Prozent."
    )
    assert qs == []


# ---- the speaker phrase of a verb of saying in the quotation's sentence -----------------------------------

QUOTE = "„Wir werden diese Brücke im Sommer nicht fertig bauen“"


def speaker_of(text):
    _text, qs = quotes(text)
    (q,) = [q for q in qs if q.form == "direct"]
    return q.speaker.text if q.speaker else None


def test_the_subject_after_an_inverted_verb_may_follow_adverbials():
    for text, phrase in [
        (f"{QUOTE}, sagte am Montag Bürgermeisterin Anna Berger in Hamburg.", "Bürgermeisterin Anna Berger"),
        (f"{QUOTE}, sagte gestern in Hamburg Klaus Meier.", "Klaus Meier"),
        (f"{QUOTE}, sagte nach dem Treffen zudem Klaus Meier.", "Klaus Meier"),
        (f"{QUOTE}, sagte am Rande der Sitzung der Sprecher der Stadtwerke.", "der Sprecher der Stadtwerke"),
        (f"{QUOTE}, sagte im Interview mit dem „Hamburger Blatt“ Anna Berger am Montag.", "Anna Berger"),
        (f"{QUOTE}, schrieb auf Twitter die Bürgermeisterin.", "die Bürgermeisterin"),
        (f"{QUOTE}, sagte während der Konferenz der Sprecher der Stadtwerke.", "der Sprecher der Stadtwerke"),
        (f"{QUOTE}, sagte am 5. Mai Bürgermeisterin Anna Berger (SPD).", "Bürgermeisterin Anna Berger (SPD)"),
    ]:
        assert speaker_of(text) == phrase, text


def test_a_dative_object_before_the_subject_is_not_the_speaker():
    for text, phrase in [
        (f"{QUOTE}, sagte der Zeitung der Bürgermeister.", "der Bürgermeister"),
        (f"{QUOTE}, sagte der Nachrichtenagentur dpa Klaus Meier.", "Klaus Meier"),
        (f"{QUOTE}, sagte der dpa die Bürgermeisterin.", "die Bürgermeisterin"),
        (f"{QUOTE}, sagte der „Süddeutschen Zeitung“ ein Sprecher.", "ein Sprecher"),
        (f"{QUOTE}, sagte der „Bild“-Zeitung der Bürgermeister.", "der Bürgermeister"),
        (f"{QUOTE}, sagte dem Sender Anna Berger (SPD).", "Anna Berger (SPD)"),
        (f"{QUOTE}, sagte ihm die Bürgermeisterin.", "die Bürgermeisterin"),
        (f"{QUOTE}, sagte gegenüber der Zeitung der Bürgermeister.", "der Bürgermeister"),
    ]:
        assert speaker_of(text) == phrase, text


def test_a_name_in_lower_case_belongs_to_the_object_it_names():
    PEOPLE["n-tv"] = ("organization-n-tv", "Organization")
    try:
        assert speaker_of(f"{QUOTE}, sagte dem Sender n-tv Klaus Meier.") == "Klaus Meier"
    finally:
        del PEOPLE["n-tv"]


def test_past_an_object_only_a_phrase_that_names_someone_is_the_subject():
    text = f"Die Bürgermeisterin meldete dem Senat am Montag einen Schaden: {QUOTE}."
    assert speaker_of(text) == "Die Bürgermeisterin"


def test_an_extended_attribute_stays_in_the_speaker_phrase():
    for text, phrase in [
        (f"{QUOTE}, sagte der am Montag gewählte Bürgermeister.", "der am Montag gewählte Bürgermeister"),
        (f"{QUOTE}, sagte die für Finanzen zuständige Senatorin.", "die für Finanzen zuständige Senatorin"),
        (
            f"Der sichtlich bewegte Bürgermeister Klaus Meier sagte nach der Sitzung: {QUOTE}.",
            "Der sichtlich bewegte Bürgermeister Klaus Meier",
        ),
        (
            f"Die von der Stadt eingesetzte Kommission erklärte: {QUOTE}.",
            "Die von der Stadt eingesetzte Kommission",
        ),
    ]:
        assert speaker_of(text) == phrase, text


def test_the_speaker_phrase_ends_before_zu_wort():
    for text in [
        f"Am Abend meldete sich auch Anna Berger zu Wort: {QUOTE}.",
        f"{QUOTE}, meldete sich Anna Berger zu Wort.",
    ]:
        assert speaker_of(text) == "Anna Berger", text


def test_the_paper_a_speaker_spoke_to_is_not_part_of_the_speaker():
    for text, phrase in [
        (f"{QUOTE}, sagte die Bürgermeisterin der Zeitung.", "die Bürgermeisterin"),
        (f"{QUOTE}, sagte Klaus Meier der „Hamburger Rundschau“.", "Klaus Meier"),
        (f"{QUOTE}, sagte der Bürgermeister der Deutschen Presse-Agentur.", "der Bürgermeister"),
        (f"{QUOTE}, so die Bürgermeisterin der Zeitung.", "die Bürgermeisterin"),
        (f"{QUOTE}, sagte der Sprecher der Stadtverwaltung.", "der Sprecher der Stadtverwaltung"),
    ]:
        assert speaker_of(text) == phrase, text


def test_a_plural_without_article_before_the_subject_is_its_object():
    assert speaker_of(f"{QUOTE}, sagte Journalisten der Bürgermeister.") == "der Bürgermeister"


def test_after_an_adverbial_any_noun_phrase_may_be_the_subject():
    assert speaker_of(f"{QUOTE}, teilte am Montag das Unternehmen mit.") == "das Unternehmen"


def test_an_article_after_the_speaker_opens_another_phrase():
    text = f"Dann ergriff Bürgermeisterin Anna Berger das Wort: {QUOTE}."
    assert speaker_of(text) == "Bürgermeisterin Anna Berger"


def test_an_extended_attribute_with_a_preposition_opens_the_prefield():
    text = f"Die seit Jahren amtierende Bürgermeisterin Anna Berger sagte: {QUOTE}."
    assert speaker_of(text) == "Die seit Jahren amtierende Bürgermeisterin Anna Berger"


def test_a_title_with_a_place_before_the_name_is_one_speaker_phrase():
    text = f"{QUOTE}, sagte der Sprecher der Fraktion im Rathaus, Klaus Meier."
    assert speaker_of(text) == "der Sprecher der Fraktion im Rathaus, Klaus Meier"


def test_a_genitive_plural_without_article_stays_in_the_speaker_phrase():
    text = f"{QUOTE}, sagten am Montag die Sprecher beider Parteien."
    assert speaker_of(text) == "die Sprecher beider Parteien"


def test_the_institution_a_role_is_held_at_stays_in_the_speaker_phrase():
    for text, phrase in [
        (f"{QUOTE}, sagte der Richter am Landgericht Hamburg.", "der Richter am Landgericht Hamburg"),
        (f"{QUOTE}, sagte eine Professorin an der Universität.", "eine Professorin an der Universität"),
        (f"{QUOTE}, sagte der Bürgermeister am Montag.", "der Bürgermeister"),
    ]:
        assert speaker_of(text) == phrase, text


def test_a_route_from_a_place_is_no_part_of_the_speaker_phrase():
    for text in [
        f"{QUOTE}, riefen die Demonstranten vom Bahnhof bis zum Rathaus.",
        f"Die Demonstranten zogen vom Bahnhof bis zum Rathaus und riefen: {QUOTE}.",
    ]:
        assert speaker_of(text).lower() == "die demonstranten", text


def test_zu_before_a_name_opens_no_part_of_the_speaker_phrase():
    for text in [
        f"Anna Berger sagte zu Klaus Meier: {QUOTE}.",
        f"{QUOTE}, sagte Anna Berger zu Klaus Meier.",
    ]:
        assert speaker_of(text) == "Anna Berger", text


def test_a_surname_that_is_a_function_word_stays_in_the_speaker_phrase():
    PEOPLE["Lothar"] = ("person-lothar-nicht", "Person")
    try:
        text = "Lothar Nicht, Sprecher der Stadtwerke, sprach von einer „Gefahr für die ganze Stadt“."
        assert speaker_of(text) == "Lothar Nicht, Sprecher der Stadtwerke"
    finally:
        del PEOPLE["Lothar"]


def test_the_subject_of_a_verb_at_the_end_of_its_clause_stands_past_adverbials_and_without_the_paper():
    for text, phrase in [
        (
            "Die Brücke sei „nicht fertig“, wie am Montag der Sprecher der Stadtwerke sagte.",
            "der Sprecher der Stadtwerke",
        ),
        ("Die Brücke sei „nicht fertig“, wie die Bürgermeisterin der Zeitung sagte.", "die Bürgermeisterin"),
        ("Wie die Bürgermeisterin der Zeitung sagte, sei die Brücke „nicht fertig“.", "die Bürgermeisterin"),
    ]:
        _text, qs = quotes(text)
        assert {q.speaker.text for q in qs if q.speaker} == {phrase}, text


def test_a_title_in_quotation_marks_that_opens_with_a_function_word_stays_in_the_speaker_phrase():
    text = f"{QUOTE}, sagte die Sprecherin der Initiative „Mehr Demokratie“, Anna Berger, am Montag."
    assert speaker_of(text) == "die Sprecherin der Initiative „Mehr Demokratie“, Anna Berger"


def test_a_partitive_genitive_stays_in_the_speaker_phrase():
    assert speaker_of(f"{QUOTE}, sagte der Anwalt eines der Opfer.") == "der Anwalt eines der Opfer"


def test_a_phrase_before_a_postposition_is_no_speaker():
    for text, phrase in [
        (f"{QUOTE}, sagte dem Vernehmen nach der Bürgermeister.", "der Bürgermeister"),
        (f"{QUOTE}, sagte Medienberichten zufolge der Bürgermeister.", "der Bürgermeister"),
        (f"{QUOTE}, sagte der dpa zufolge der Bürgermeister.", "der Bürgermeister"),
        (f"{QUOTE}, sagte ihm gegenüber der Bürgermeister.", "der Bürgermeister"),
    ]:
        assert speaker_of(text) == phrase, text


def test_a_name_in_the_genitive_before_an_adjective_opens_the_speaker_phrase():
    for text, phrase in [
        (f"{QUOTE}, sagte Hamburgs neuer Bürgermeister.", "Hamburgs neuer Bürgermeister"),
        (f"Hamburgs neuer Bürgermeister sagte: {QUOTE}.", "Hamburgs neuer Bürgermeister"),
    ]:
        assert speaker_of(text) == phrase, text


def test_an_extended_attribute_before_a_title_in_quotation_marks_stays_in_the_speaker_phrase():
    text = f"{QUOTE}, berichtete die in Hamburg erscheinende „Morgenpost“ am Montag."
    assert speaker_of(text) == "die in Hamburg erscheinende „Morgenpost“"


def test_a_clause_that_ends_with_an_adverbial_has_its_subject_at_the_end():
    for text, phrase in [
        (f"{QUOTE}, sagte nach der Sitzung der Vorstand.", "der Vorstand"),
        (f"{QUOTE}, sagte in Hamburg Klaus Meier.", "Klaus Meier"),
        (f"{QUOTE}, sagte nach der Sitzung der Fraktion die Bürgermeisterin.", "die Bürgermeisterin"),
    ]:
        assert speaker_of(text) == phrase, text


def test_a_reaction_that_came_from_someone_is_theirs():
    for text, phrase in [
        (f"Kritik kam von der Bürgermeisterin: {QUOTE}.", "der Bürgermeisterin"),
        (f"Scharfe Kritik kam auch von Klaus Meier: {QUOTE}.", "Klaus Meier"),
        (f"Lob gab es von den Stadtwerken: {QUOTE}.", "den Stadtwerken"),
    ]:
        assert speaker_of(text) == phrase, text


def test_a_pronoun_object_before_the_subject_is_not_the_speaker():
    for text, phrase in [
        (
            "Der Plan sei gut, obwohl ihn die Bürgermeisterin als „völlig verfehlt“ bezeichnet hatte.",
            "die Bürgermeisterin",
        ),
        (f"{QUOTE}, sagte ihr der Bürgermeister.", "der Bürgermeister"),
    ]:
        _text, qs = quotes(text)
        assert [q.speaker.text for q in qs if q.form == "direct"] == [phrase], text


def test_indirect_speech_before_an_inverted_verb_finds_its_subject_past_adverbials():
    for text, phrase in [
        (
            "Die Brücke werde nicht fertig, sagte am Montag die Bürgermeisterin der Zeitung.",
            "die Bürgermeisterin",
        ),
        ("Die Brücke werde nicht fertig, sagte der Nachrichtenagentur dpa Klaus Meier.", "Klaus Meier"),
    ]:
        _text, qs = quotes(text)
        assert [(q.form, q.speaker.text) for q in qs] == [("indirect", phrase)], text


def test_an_indefinite_article_opens_the_prefield_before_the_verb():
    text = f"Eine Sprecherin der Stadtwerke in Hamburg sagte: {QUOTE}."
    assert speaker_of(text) == "Eine Sprecherin der Stadtwerke in Hamburg"


def test_the_paper_after_an_apposition_is_not_part_of_the_speaker():
    text = f"{QUOTE}, sagte der Sprecher der Stadtwerke, Klaus Meier, der Deutschen Presse-Agentur."
    _text, qs = quotes(text)
    assert [(q.form, q.speaker.text) for q in qs] == [("direct", "der Sprecher der Stadtwerke, Klaus Meier")]
    text = "Die Brücke werde nicht fertig, sagte der Sprecher der Stadtwerke, Klaus Meier, der Zeitung."
    _text, qs = quotes(text)
    assert [(q.form, q.speaker.text) for q in qs] == [
        ("indirect", "der Sprecher der Stadtwerke, Klaus Meier")
    ]


# ---- speakers across sentences ---------------------------------------------------------------------------


def speakers(text):
    """The speaker phrase of each direct quotation in ``text``, in order (None for none)."""
    _text, qs = quotes(text)
    return [q.speaker.text if q.speaker else None for q in qs if q.form == "direct"]


def test_quotations_that_follow_each_other_go_on_with_the_last_speaker():
    text = "„Wir bleiben hier“, sagte Klaus Meier. „Das ist klar.“ „Wir gehen nicht.“"
    assert speakers(text) == ["Klaus Meier", "Klaus Meier", "Klaus Meier"]


def test_the_speaker_of_indirect_speech_goes_on_into_the_quotation_after_it():
    assert speakers("Anna Berger sagte, man werde den Fall prüfen. „Wir lassen uns Zeit.“") == ["Anna Berger"]


def test_a_sentence_that_announces_a_statement_gives_the_quotation_after_it_its_speaker():
    for text, phrase in [
        ("Klaus Meier trat am Mittag vor die Presse. „Die Lage ist ernst.“", "Klaus Meier"),
        ("Auch Anna Berger äußerte sich am Abend. „Wir lassen uns nicht unter Druck setzen.“", "Anna Berger"),
        ("Anna Berger hat dazu eine klare Meinung. „Die Lage ist ernst.“", "Anna Berger"),
        ("Für Anna Berger ist klar, dass gehandelt werden muss. „Die Lage ist ernst.“", "Anna Berger"),
        ("Die Stadtwerke gaben am Abend eine Warnung heraus. „Kochen Sie das Wasser ab.“", "Die Stadtwerke"),
        ("Der Minister trat am Mittag vor die Presse. „Die Lage ist ernst.“", "Der Minister"),
    ]:
        assert speakers(text) == [phrase], text


def test_a_pronoun_or_a_role_in_between_refers_back_to_the_one_named_before():
    for text in [
        "Klaus Meier trat am Mittag vor die Presse. Er wirkte müde. „Die Lage ist ernst.“",
        "Klaus Meier trat am Mittag vor die Presse. Der 54-Jährige wirkte müde. „Die Lage ist ernst.“",
        "„Wir bleiben hier“, sagte Klaus Meier. Der Minister wirkte müde. „Die Lage ist ernst.“",
    ]:
        assert speakers(text)[-1] == "Klaus Meier", text


def test_another_one_named_as_the_subject_in_between_stops_the_last_speaker():
    text = "„Wir bleiben hier“, sagte Klaus Meier. Anna Berger sieht das anders. „Wir müssen gehen.“"
    assert speakers(text) == ["Klaus Meier", "Anna Berger"]


def test_a_quotation_standing_alone_goes_on_over_one_sentence_that_names_no_one_not_two():
    said = "„Wir bleiben hier“, sagte Klaus Meier. Die Lage ist angespannt."
    assert speakers(f"{said} „Wir gehen nicht.“") == ["Klaus Meier", "Klaus Meier"]
    more = "Viele Projekte stehen auf der Kippe."
    assert speakers(f"{said} {more} „Wir gehen nicht.“") == ["Klaus Meier", None]


def test_a_quotation_inside_other_words_goes_on_only_with_the_sentence_right_before():
    said = "„Wir bleiben hier“, sagte Klaus Meier."
    term = "Im Saal war von „einer verlorenen Saison für alle Beteiligten“ die Rede."
    assert speakers(f"{said} {term}") == ["Klaus Meier", "Klaus Meier"]
    assert speakers(f"{said} Die Lage ist angespannt. {term}") == ["Klaus Meier", None]


def test_for_x_it_is_clear_before_a_colon_gives_x_view():
    assert speakers("Für Anna Berger ist klar: „Die Lage ist ernst.“") == ["Anna Berger"]


def test_a_sentence_after_the_quotation_that_points_back_at_it_names_its_speaker():
    quote = "„Wir bleiben hier, daran ändert sich nichts.“"
    for after, phrase in [
        ("Das sagte Klaus Meier am Montag in Berlin.", "Klaus Meier"),
        ("Dies erklärte die Ministerin am Abend.", "die Ministerin"),
        ("So äußerte sich Anna Berger nach der Sitzung.", "Anna Berger"),
        ("Mit diesen Worten reagierte Klaus Meier auf die Kritik.", "Klaus Meier"),
    ]:
        assert speakers(f"{quote} {after}") == [phrase], after


def test_a_dateline_is_no_part_of_the_subject_that_a_quotation_goes_on_with():
    for text in [
        "Hamburg (dpa) – Klaus Meier hat am Montag seinen Rücktritt erklärt. „Ich gehe mit gutem Gefühl.“",
        "Hamburg (dpa) – Klaus Meier sieht das anders: „Ich gehe mit gutem Gefühl.“",
    ]:
        assert speakers(text) == ["Klaus Meier"], text


def test_the_source_of_a_reaction_in_words_is_the_speaker_of_the_quotation_after_it():
    quote = "„Das ist ein Skandal.“"
    assert speakers(f"Kritik kam von Klaus Meier: {quote}") == ["Klaus Meier"]
    said = "„Wir bleiben hier“, sagte Anna Berger am Montag."
    assert speakers(f"{said} Scharfer Widerspruch kam am Abend von Klaus Meier. {quote}")[-1] == "Klaus Meier"


def test_the_name_after_a_pronoun_object_is_the_subject_that_stops_the_last_speaker():
    text = "„Wir bleiben hier“, sagte Anna Berger am Montag. Ganz anders sieht das Klaus Meier. „Wir gehen.“"
    assert speakers(text) == ["Anna Berger", "Klaus Meier"]


def test_a_view_announced_before_a_colon_or_in_the_sentence_before_is_the_speakers():
    quote = "„Wir gehen, und zwar sofort.“"
    for announced in [
        "Klaus Meier ist überzeugt",
        "Klaus Meier ist sich sicher",
        "Das sieht auch Klaus Meier so",
        "Klaus Meier hat eine klare Meinung",
        "Enttäuscht zeigte sich auch Klaus Meier",
    ]:
        assert speakers(f"{announced}: {quote}") == ["Klaus Meier"], announced
        assert speakers(f"{announced}. {quote}") == ["Klaus Meier"], announced


def test_two_people_named_together_as_the_subject_are_the_speaker_of_the_quotation_after_them():
    quote = "„Wir bleiben hier, und zwar alle.“"
    both = "Klaus Meier und Anna Berger"
    for before in [f"{both} traten vor die Presse.", f"{both} sind sich einig:"]:
        assert speakers(f"{before} {quote}") == [both], before


def test_a_pronoun_or_a_role_of_the_other_gender_in_between_names_a_second_one():
    said = "„Wir bleiben hier“, sagte Ministerin Anna Berger am Montag."
    quote = "„Wir gehen, und zwar sofort.“"
    for between, phrase in [
        ("Der Minister wirkte müde.", "Der Minister"),
        ("Er wirkte müde.", "Er"),
        ("Sie wirkte müde.", "Ministerin Anna Berger"),
        ("Die Ministerin wirkte müde.", "Ministerin Anna Berger"),
    ]:
        assert speakers(f"{said} {between} {quote}")[-1] == phrase, between


def test_a_clause_that_opens_with_whose_view_it_gives_names_the_speaker_of_the_quotation():
    quote = "„Wir müssen sofort handeln, und zwar alle.“"
    for before, phrase in [
        ("Für Klaus Meier steht fest:", "Klaus Meier"),
        ("Aus Sicht der Ministerin ist klar:", "der Ministerin"),
        ("In den Augen von Klaus Meier ist klar:", "Klaus Meier"),
        ("Aus Sicht von Klaus Meier ist klar, dass gehandelt werden muss.", "Klaus Meier"),
    ]:
        assert speakers(f"{before} {quote}") == [phrase], before


def test_the_subject_of_a_passive_sentence_is_not_the_speaker_of_a_quotation_in_it():
    for text in [
        "Klaus Meier wird in dem Schreiben aufgefordert, „seine Vorbehalte zurückzunehmen und mitzuhelfen“.",
        "Klaus Meier wurde mit „stehenden Ovationen und lautem Jubel aller Gäste“ empfangen.",
    ]:
        assert speakers(text) == [None], text
    letter = "Anna Berger schrieb am Montag einen Brief an die Stadtwerke."
    asked = "Darin wird Klaus Meier aufgefordert, „seine Vorbehalte aufzugeben und bei der Prüfung zu helfen“"
    assert speakers(f"{letter} {asked}.") == ["Anna Berger"]


def test_a_pronoun_refers_to_the_subject_just_named_not_to_the_last_speaker():
    said = "„Wir bleiben hier“, sagte Anna Berger am Montag."
    text = f"{said} Klaus Meier wirkte müde. Er sah das anders. „Wir gehen, und zwar sofort.“"
    assert speakers(text) == ["Anna Berger", "Klaus Meier"]


def test_a_short_quotation_after_a_colon_goes_on_with_the_last_speaker():
    text = "„Wir bleiben hier“, sagte Klaus Meier. Und weiter: „Wir gehen nicht.“"
    assert speakers(text) == ["Klaus Meier", "Klaus Meier"]


# ---- which quoted passages are speech --------------------------------------------------------------------


def directs(text):
    """The direct quotations of ``text``, as their words."""
    text, qs = quotes(text)
    return [said(text, q) for q in qs if q.form == "direct"]


def test_titles_of_works_laws_vessels_and_programmes_are_no_speech():
    for text in [
        "Das Gesetz „Hamburg baut für alle“ tritt am Montag in Kraft.",
        "Anna Berger las aus ihrem Theaterstück „Der letzte Kran am Hafen“ vor.",
        "Die Fähre „Anna von Hamburg“ lief am Montag aus.",
        "Die Stadtwerke starten den Podcast „Strom und Stadt“.",
        "Klaus Meier trat mit seinem Knabenchor „Die Hafenspatzen“ auf.",
        "Der Wettbewerb „Hamburg forscht“ feiert sein Jubiläum.",
        "Die Raumsonde „Elbe 1“ erreichte am Montag ihre Bahn.",
    ]:
        assert directs(text) == [], text


def test_a_word_as_a_word_and_a_so_called_term_are_no_speech():
    for text in [
        "Das Wort „Krise“ fiel in der Rede von Anna Berger nicht.",
        "Anna Berger vermied Begriffe wie „Stillstand“ und „Pleite“.",
        "Die Stadtwerke wollen die sogenannte „grüne Fernwärme für alle Haushalte der Stadt“ ausbauen.",
        "Klaus Meier sagte, die so genannten „Hafenbarone der alten Zeit“ hätten ausgedient.",
    ]:
        assert directs(text) == [], text


def test_a_quotation_joined_into_a_compound_is_no_speech():
    assert directs("Anna Berger sagte der „Hamburger Post“-Redaktion am Montag ab.") == []
    assert directs("Die „Hafen für alle“-Initiative sammelte 3000 Unterschriften.") == []


def test_the_one_spoken_to_or_where_it_was_said_is_no_speech():
    """A name after a verb of saying and "der"/"dem", after "gegenüber" or "im Interview mit", or a phrase
    that opens the sentence right before its verb of saying, says to whom or where, not what."""
    assert directs("„Wir bleiben“, sagte Anna Berger der „Hamburger Post“.") == ["Wir bleiben"]
    for text in [
        "Anna Berger sagte der „Hamburger Post“, die Stadtwerke blieben in Hamburg.",
        "Im „Hafenradio am Abend“ sagte Anna Berger, die Stadtwerke blieben in Hamburg.",
        "Klaus Meier sagte gegenüber dem „Hamburger Abendblatt“, er bleibe.",
        "Im Interview mit der „Hamburger Post“ erklärte Klaus Meier, er bleibe.",
    ]:
        assert directs(text) == [], text


def test_a_phrase_of_its_own_after_a_title_noun_is_no_title():
    """A title's first word is capitalised: a passage after a noun that opens with a determiner in lower case
    is the verb's object ("sieht in dem Gesetz „keinen …“")."""
    assert directs("Anna Berger sieht in dem Gesetz „keinen Fortschritt für die Stadt“.") == [
        "keinen Fortschritt für die Stadt"
    ]


def test_what_someone_speaks_of_is_speech():
    for text in [
        "Anna Berger sprach von einem „Angriff auf die Stadtwerke“.",
        "Von einem „Wortbruch“ spricht Anna Berger.",
    ]:
        _text, qs = quotes(text)
        (q,) = [q for q in qs if q.form == "direct"]
        assert q.speaker.key == "person-anna-berger", text


def test_the_object_before_the_particle_of_a_verb_of_saying_is_speech():
    """ "warf … vor", "kündigte … an": the quoted object is the speaker's words, a noun in capitals or not;
    a name after a definite article is the one accused ("warf der „Zeitung“ vor, …")."""
    assert directs("Klaus Meier warf den Stadtwerken „Versagen“ vor.") == ["Versagen"]
    assert directs("Anna Berger kündigte „Konsequenzen“ an.") == ["Konsequenzen"]
    assert directs("Klaus Meier warf der „Hamburger Post“ vor, falsch zu berichten.") == []


def test_what_a_crowd_shouts_is_speech():
    assert directs("Die Demonstranten riefen im Chor immer wieder „Rücktritt“.") == ["Rücktritt"]
    assert directs("Die Stadtwerke riefen die „Woche der Energie“ aus.") == []


def test_an_attitude_in_quotation_marks_is_speech():
    assert directs("Anna Berger zeigte sich „tief enttäuscht“.") == ["tief enttäuscht"]
    assert directs("Anna Berger gab sich „zuversichtlich“, die Stadtwerke zu halten.") == ["zuversichtlich"]


def test_a_fronted_word_before_nannte_is_what_its_subject_calls_something():
    _text, qs = quotes("„Unsinn“ nannte Klaus Meier den Plan der Stadtwerke.")
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.key == "person-klaus-meier"
    assert directs("„Hafenperle“ nennt man die Stadt an der Elbe.") == []


def test_a_passage_in_lower_case_after_nannte_is_speech_even_after_a_title_noun():
    """ "nannte das Gesetz „…“": the predicate of nennen in its clause, though "Gesetz" bears names; not
    what something calls itself."""
    assert directs("Anna Berger nannte das Gesetz „verfassungswidrig“.") == ["verfassungswidrig"]
    assert directs("Die Gruppe, die sich „hafen für alle“ nennt, trat am Montag an.") == []


def test_a_term_in_someones_view_is_their_speech():
    _text, qs = quotes("Für Anna Berger ist das ein „Skandal“.")
    (q,) = [q for q in qs if q.form == "direct"]
    assert q.speaker.key == "person-anna-berger"


def test_what_someone_judges_something_to_be_is_their_speech():
    """ "wertete … als „…“", "sieht darin einen „…“", "wird von X als „…“ eingestuft": the judge's words, as
    with nennen; not what something is held to be ("gilt als „…“")."""
    for text in [
        "Anna Berger wertete den Beschluss als „Erfolg für die Stadtwerke“.",
        "Anna Berger sieht darin einen „Wortbruch“.",
        "Die Lage wird von Anna Berger als „sehr ernst“ eingestuft.",
    ]:
        _text, qs = quotes(text)
        (q,) = [q for q in qs if q.form == "direct"]
        assert q.speaker.key == "person-anna-berger", text
    assert directs("Die Lage wird als „sehr ernst“ eingestuft.") == []
    assert directs("Der Hafen wurde 1990 neu bewertet und gilt seither als „Perle des Nordens“.") == []
    assert directs("Galt Anna Berger einst als „Stimme des Hafens“, so wird sie heute anders gesehen.") == []


def test_words_taken_up_by_a_demonstrative_and_a_noun_of_saying_are_speech():
    assert directs("„Das ist ein Skandal“ – mit diesen Worten verließ Anna Berger den Saal.") == [
        "Das ist ein Skandal"
    ]


def test_a_name_the_recogniser_found_in_quotation_marks_is_no_speech():
    name = "Alliance pour le Port de Hambourg et de la Mer du Nord"
    text = f"Zum Festakt am Montag in Hamburg hatte die französische „{name}“ auch Anna Berger eingeladen."
    PEOPLE[name] = ("organization-alliance", "Organization")
    try:
        assert directs(text) == []
    finally:
        del PEOPLE[name]


def test_a_sentence_a_colon_introduces_is_speech_however_short():
    assert directs("Die Antwort von Anna Berger auf die Frage nach der Brücke: „Nein.“") == ["Nein."]
    assert directs("Klaus Meier schrieb nur ein Wort: „Unsinn!“") == ["Unsinn!"]


def test_a_comma_and_a_verb_of_saying_after_a_short_term_make_it_speech():
    """„…“, sagte X / „…“, so X frame words said, however short; not "…, so wurde …", nor a name that ends
    an apposition before the verb."""
    assert directs("Die Stadtwerke seien „Täter“, sagte Anna Berger.") == ["Täter"]
    assert directs("Die Stadtwerke seien „Täter“, so Anna Berger.") == ["Täter"]
    assert directs("Galt Anna Berger einst als „Stimme des Hafens“, so wurde sie später vergessen.") == []
    assert directs("Klaus Meier, der Chef der „Hamburger Hafenpost“, sagte, er bleibe.") == []


def test_words_in_lower_case_after_a_title_noun_and_before_sagte_are_the_nouns_predicate():
    """ "Die Partei „werde …“, sagte X": the noun is the subject of the quoted words, not a title's bearer."""
    assert directs("Die Partei „werde alles für den Hafen tun“, sagte Anna Berger.") == [
        "werde alles für den Hafen tun"
    ]


def test_a_name_after_a_preposition_and_der_is_no_addressee():
    """ "sagte Merz der „…“" names the one spoken to; "warnte vor der „…“" gives the speaker's words."""
    assert directs("Anna Berger warnte vor der „Gefahr eines Stillstands im ganzen Hafen“.") == [
        "Gefahr eines Stillstands im ganzen Hafen"
    ]


# ---- which phrase is the subject: not a fronted adverb, an object or an object pronoun ------------------


def test_a_fronted_adverb_is_no_subject_the_phrase_after_the_verb_is():
    """An adverb may fill the prefield ("Monatelang", "Lange"); the subject then stands after the verb."""
    for text, phrase in [
        (
            "Monatelang haben die Stadtwerke bestritten, dass es „ein Problem mit den Leitungen“ gebe.",
            "die Stadtwerke",
        ),
        (
            "Lange hat der Bürgermeister bestritten, dass es „ein Problem mit den Leitungen“ gebe.",
            "der Bürgermeister",
        ),
        ("Gestern kritisierte die Opposition den Plan: „Das ist ein Skandal.“", "die Opposition"),
    ]:
        assert speaker_of(text) == phrase, text


def test_an_indefinite_pronoun_that_opens_the_clause_is_the_subject_not_the_object_after_the_verb():
    """ "Einige vertreten die Auffassung": "Einige" is the subject, "die Auffassung" the accusative object."""
    for text, phrase in [
        ("Einige vertreten die Auffassung, dass „das Gesetz verfassungswidrig“ sei.", "Einige"),
        ("Viele teilen die Sorge, dass „der Hafen verödet“.", "Viele"),
    ]:
        assert speaker_of(text) == phrase, text


def test_das_before_a_name_is_the_object_and_the_name_the_subject():
    """A name takes no neuter article: in "Ganz anders sieht das Klaus Meier" "das" is the object."""
    assert speaker_of("Ganz anders sieht das Klaus Meier: „Das ist eine Chance.“") == "Klaus Meier"
    assert speaker_of("„Das ist eine Chance“, sagt das Klaus Meier.") == "Klaus Meier"
    assert (
        speaker_of("„Das ist eine Chance“, sagte das Mitglied des Vorstands.") == "das Mitglied des Vorstands"
    )


def test_a_fronted_object_and_its_verb_are_not_part_of_the_subject_after_them():
    """ "Den Plan verteidigte Bürgermeister X:": a finite verb in -te is no adjective of the name after it."""
    assert speaker_of("Den Plan verteidigte Bürgermeister Klaus Meier: „Wir brauchen die Straße.“") == (
        "Bürgermeister Klaus Meier"
    )
    assert (
        speaker_of("Den Plan verteidigte der Bürgermeister: „Wir brauchen die Straße.“")
        == "der Bürgermeister"
    )
    assert (
        speaker_of("Den Vorschlag lehnte die Ministerin ab: „Das ist nicht finanzierbar.“")
        == "die Ministerin"
    )
    assert speaker_of("Der Zeitung sagte der Minister: „Wir prüfen das.“") == "der Minister"
    assert speaker_of("Ihn kritisierte die Ministerin scharf: „Das ist ein Skandal.“") == "die Ministerin"
    assert speaker_of("Diese Ansicht vertritt auch Klaus Meier: „Das ist eine Chance.“") == "Klaus Meier"


def test_a_subject_that_opens_the_clause_beats_the_object_after_the_verb():
    """Nominative and accusative look alike in "die Ministerin … die Opposition": the first phrase is the
    subject."""
    assert speaker_of("Die Ministerin kritisierte die Opposition: „Das ist ein Skandal.“") == "Die Ministerin"
    assert (
        speaker_of("Die Gewerkschaft warnte die Arbeitgeber: „Wir sind streikbereit.“") == "Die Gewerkschaft"
    )


def test_case_decides_between_the_phrase_before_the_verb_and_the_one_after():
    """ "der" before a masculine noun is only a nominative; "der" before a feminine noun or one in -en, and
    "dem", "den", are objects; feminine, neuter and plural articles are alike in both cases, and then the
    phrase that opens the clause is the subject."""
    for text, phrase in [
        ("Der Verband forderte die Stadtwerke auf, „die Preise sofort zu senken“.", "Der Verband"),
        ("Die Stadtwerke forderte der Verband auf, „die Preise sofort zu senken“.", "der Verband"),
        ("Die Partei forderte die Stadtwerke auf, „die Preise sofort zu senken“.", "Die Partei"),
        ("Die Stadtwerke kritisierte er scharf: „Das ist ein Skandal.“", "er"),
        ("Der Senat widersprach der Stadtwerke-Chefin: „Das ist falsch.“", "Der Senat"),
        ("Der Vorsitzenden widersprach der Minister: „Das ist falsch.“", "der Minister"),
        ("Der Vorsitzenden der Stadtwerke widersprach Klaus Meier: „Das ist falsch.“", "Klaus Meier"),
        ("Der Entscheidung stimmte der Minister zu: „Wir prüfen das.“", "der Minister"),
        ("Die Entscheidung kritisierten die Stadtwerke: „Das ist falsch.“", "die Stadtwerke"),
        ("Die Stadt widersprach den Stadtwerken: „Das ist falsch.“", "Die Stadt"),
    ]:
        assert speaker_of(text) == phrase, text


def test_the_subject_after_the_verb_ends_before_the_word_that_closes_the_verb_of_saying():
    """ "schlug … Alarm", "machte … deutlich": the word that makes the verb one of saying closes the clause
    and is no part of the subject."""
    for text, phrase in [
        ("„Das ist ein Angriff auf die Beschäftigten“, schlug die Gewerkschaft Alarm.", "die Gewerkschaft"),
        ("„Das ist ein Angriff auf die Beschäftigten“, schlug Klaus Meier Alarm.", "Klaus Meier"),
        ("„Das geht so nicht“, machte die Ministerin deutlich.", "die Ministerin"),
    ]:
        assert speaker_of(text) == phrase, text


def test_the_agent_of_a_passive_verb_of_saying_may_open_the_clause():
    """ "Von X wurde betont": the phrase after "von" that opens a passive clause is who spoke; a "von" inside
    the subject ("Der Plan von X wurde von Y …") is not."""
    assert speaker_of("Von der Ministerin wurde betont: „Wir prüfen das.“") == "der Ministerin"
    assert speaker_of("„Wir prüfen das“, wurde von der Ministerin betont.") == "der Ministerin"
    assert (
        speaker_of("Der Plan von Klaus Meier wurde von der Ministerin als „völlig unzureichend“ bezeichnet.")
        == "der Ministerin"
    )


def test_mit_diesen_worten_after_a_quotation_makes_the_subject_of_its_verb_the_speaker():
    """ "„…“ – mit diesen Worten verließ X den Saal": whatever the verb, X said the words."""
    for text, phrase in [
        ("„Das war es für heute“ – mit diesen Worten verließ Anna Berger den Saal.", "Anna Berger"),
        ("„Das war es für heute“, mit diesen Worten verließ die Ministerin den Saal.", "die Ministerin"),
        ("„Das war es für heute.“ Mit diesen Worten verließ Anna Berger den Saal.", "Anna Berger"),
    ]:
        assert speaker_of(text) == phrase, text


def test_an_aside_so_x_before_the_quotation_names_its_speaker():
    """ "Die Preise seien, so die Ministerin, „…“": the aside ", so X," gives the speaker, as "„…“, so X"
    does."""
    for text in [
        "Die Preise seien, so die Ministerin, „zu hoch“.",
        "Die Preise, so die Ministerin, seien „viel zu hoch für die meisten Familien in der Stadt“.",
    ]:
        assert speaker_of(text) == "die Ministerin", text


def test_a_plural_without_article_after_the_subject_is_who_it_was_said_to():
    """ "sagte die Ministerin Journalisten": a plural noun without an article after the subject's noun is a
    dative, not part of the subject; a name or a feminine singular ("Hoover Institution") is."""
    for text, phrase in [
        ("„Wir prüfen das“, sagte die Ministerin Journalisten in Berlin.", "die Ministerin"),
        ("„Wir prüfen das“, sagte Bürgermeister Klaus Meier Reportern.", "Bürgermeister Klaus Meier"),
        (
            "„Wir prüfen das“, sagte ein Sprecher der Hoover Institution.",
            "ein Sprecher der Hoover Institution",
        ),
    ]:
        assert speaker_of(text) == phrase, text


def test_a_bare_noun_first_before_a_singular_verb_leaves_the_subject_to_the_phrase_after_it():
    """ "Deutliche Worte fand die Ministerin:": a noun without an article that names no one, before a
    singular verb, is the object; the one after the verb who may speak is the subject."""
    for text, phrase in [
        ("Klaus Meier kam spät. Deutliche Worte fand die Ministerin: „Das geht so nicht.“", "die Ministerin"),
        ("Klaus Meier kam spät. Viel Lob bekam die Ministerin: „Das geht so nicht.“", "die Ministerin"),
        ("Klaus Meier kam spät. Kritik kam von Anna Berger: „Das geht so nicht.“", "Anna Berger"),
    ]:
        assert speakers(text) == [phrase], text


def test_a_plural_verb_takes_the_plural_phrase_as_its_subject_not_the_singular_one():
    """The finite verb agrees with its subject: with "kritisieren" the singular "die Ministerin" or a single
    name is the object, wherever it stands; a list of two may be the subject."""
    for text, phrase in [
        ("Anwohner kritisieren die Ministerin: „Das geht so nicht.“", "Anwohner"),
        ("Die Anwohner kritisieren Anna Berger: „Das geht so nicht.“", "Die Anwohner"),
        ("Die Ministerin kritisieren die Stadtwerke: „Das geht so nicht.“", "die Stadtwerke"),
        ("Die Ministerin kritisiert die Stadtwerke: „Das geht so nicht.“", "Die Ministerin"),
        ("Die Ministerin will das nicht kommentieren: „Das geht so nicht.“", "Die Ministerin"),
        (
            "Anna Berger und Klaus Meier kritisieren die Stadtwerke: „Das geht so nicht.“",
            "Anna Berger und Klaus Meier",
        ),
    ]:
        assert speaker_of(text) == phrase, text


def test_the_name_after_the_verb_is_the_object_when_a_pronoun_or_a_subject_opens_the_clause():
    """ "Sie kritisierte Klaus Meier:": the pronoun that opens the clause is the subject, the name after the
    verb (right before the colon) its object, whether the verb is one of saying or not."""
    for text, phrase in [
        ("Anna Berger kam spät. Sie kritisierte Klaus Meier: „Das geht so nicht.“", "Sie"),
        ("Anna Berger kam spät. Sie umarmte Klaus Meier: „Das war gut.“", "Sie"),
        ("Die Ministerin umarmte Klaus Meier: „Das war gut.“", "Die Ministerin"),
        ("Am Abend meldete sich Anna Berger: „Das ist eine Chance.“", "Anna Berger"),
        ("Dazu Klaus Meier: „Das ist eine Chance.“", "Klaus Meier"),
    ]:
        assert speakers(text) == [phrase], text


# ---- s21 English: datelines, naming, attributions ---------------------------------------------------------


def en_speakers(text):
    """The speaker phrase of each English quotation in ``text``, in order (None for none)."""
    _text, qs = quotes(text, "en")
    return [q.speaker.text if q.speaker else None for q in qs]


def test_an_english_dateline_is_not_the_speaker():
    """The place, date and agency that open a wire story ("WASHINGTON (AP) —", "LONDON, March 3 (Reuters)
    -", "BERLIN —") stand before the sentence's subject; the subject speaks."""
    for text, phrase in [
        ("WASHINGTON (AP) — The senator said the bill was dead.", "The senator"),
        ("NEW YORK (Reuters) - The company said that profits fell sharply in the spring.", "The company"),
        ("LONDON, March 3 (Reuters) - The minister said talks would resume next week.", "The minister"),
        ("BERLIN — The chancellor said the coalition would hold.", "The chancellor"),
        ("NEW YORK (Reuters) - “The bill is dead,” the senator said.", "the senator"),
        ("WASHINGTON (AP) — Speaking to reporters, the senator said the bill was dead.", "the senator"),
    ]:
        assert en_speakers(text) == [phrase], text


def test_a_hyphen_inside_a_name_stays_part_of_the_speaker():
    assert en_speakers("Mary Smith-Jones said that the plant would close.") == ["Mary Smith-Jones"]


def test_an_english_subject_before_an_adverbial_of_time_is_not_the_dateline():
    for text, phrase in [
        ("WASHINGTON (AP) — Senate Republicans on Monday said that the bill was dead.", "Senate Republicans"),
        ("LONDON, March 3 (Reuters) - GOP senators on Monday said the deal was off.", "GOP senators"),
    ]:
        assert en_speakers(text) == [phrase], text


def test_what_someone_calls_a_thing_is_naming_not_an_attribution():
    """ "what she calls “…”", "what several senators called fraud": the free relative names a thing in the
    words of others inside another statement; PolNeAR marks no attribution there (its convention)."""
    for text in [
        "The senator denounced what she calls “the biggest tax giveaway in history.”",
        "The bank admitted to what several senators called “fraud” in its sales.",
        "The campaign urged voters to look at what he dubbed a “scandal” at the agency.",
    ]:
        _text, qs = quotes(text, "en")
        cues = [text[q.cue.start : q.cue.end] for q in qs if q.cue]
        assert not {"calls", "called", "dubbed"} & set(cues), text


def test_calling_a_thing_something_in_the_main_clause_is_reported_speech():
    """ "X called the offer “an insult”": the subject says so; what follows the verb is the message."""
    for text, phrase, message in [
        ("The union called the offer “an insult” to us.", "The union", "the offer “an insult” to us"),
        ("Critics dubbed the plan a giveaway to the rich.", "Critics", "the plan a giveaway to the rich"),
    ]:
        _text, qs = quotes(text, "en")
        assert [(q.speaker.text, said(text, q)) for q in qs] == [(phrase, message)], text


def test_an_english_speaker_keeps_the_role_noun_before_the_name():
    """ "NBC News moderator Matt Lauer": the role and whose role it is belong to the speaker phrase."""
    for text, phrase in [
        ("NBC News moderator Matt Lauer asked Clinton about her emails.", "NBC News moderator Matt Lauer"),
        ("CNN anchor Jane Doe said that the debate would go ahead.", "CNN anchor Jane Doe"),
        ("Republican pollster Jane Doe said the race had tightened.", "Republican pollster Jane Doe"),
    ]:
        assert en_speakers(text) == [phrase], text


def test_an_english_subject_keeps_on_inside_a_name_but_not_before_a_day():
    """ "The Commission on Presidential Debates says": "on" between capitalised words is part of a name;
    "The senator on Monday said": before a day it opens an adverbial."""
    text = "The nonpartisan Commission on Presidential Debates says there was a problem."
    assert en_speakers(text) == ["The nonpartisan Commission on Presidential Debates"]
    assert en_speakers("The senator on Monday said that the bill was dead.") == ["The senator"]


def test_an_english_speaker_phrase_goes_on_past_a_possessive_and_hyphens():
    """ "Hillary Clinton's campaign manager Robby Mook": whose manager is part of the phrase that names him,
    and a hyphenated name is one name ("AFL-CIO", "Doe-Smith")."""
    text = "Hillary Clinton's campaign manager Robby Mook spoke on TV, arguing that Trump had lashed out."
    assert en_speakers(text) == ["Hillary Clinton's campaign manager Robby Mook"]
    text = "The union backed him, according to Virginia AFL-CIO President Jane Doe-Smith."
    assert en_speakers(text) == ["Virginia AFL-CIO President Jane Doe-Smith"]


def test_a_relative_clause_that_reports_speech_is_no_part_of_the_speaker():
    """ "Jane Doe, who emphasized that …": the relative clause tells speech of its own (its speaker "who", as
    PolNeAR marks it), so the speaker of the main verb is the phrase before it; a relative clause that
    tells no speech stays part of the phrase ("Jane Doe, who runs the campaign, said")."""
    text = "“The plan is sound,” said Jane Doe, who emphasized that the cuts would help small firms."
    assert en_speakers(text) == ["Jane Doe", "who"]
    found = en_speakers("Jane Doe, who argued that a vote would fail, told her aides to find another way.")
    assert "who" in found and not any("argued" in phrase for phrase in found)
    text = "Jane Doe, who runs the campaign, said that the plan was sound."
    assert en_speakers(text) == ["Jane Doe, who runs the campaign"]


def test_asked_that_opens_a_sentence_is_the_question_not_the_attribution():
    """ "Asked to describe the device that …, X said, “…”": the participle clause tells what X was asked;
    X's answer after the main verb is the attribution."""
    text = "Asked to describe the device that caused the blast, the chief said, “We will not speculate.”"
    assert en_speakers(text) == ["the chief"]


def test_a_frame_before_a_quotation_gives_the_quotation_as_the_message():
    """ "Asked about the plan, Jane Doe said, “…”": the words after "said," are quoted, so they are the
    message (direct speech), not the whole sentence."""
    text, qs = quotes("Asked about the plan, Jane Doe said, “It will pass.”", "en")
    assert [(q.form, said(text, q), q.speaker.text) for q in qs] == [("direct", "It will pass.", "Jane Doe")]


def test_each_turn_of_a_quoted_transcript_is_its_labelled_speakers():
    """A transcript quoted paragraph by paragraph ("“HOST: …", "“DOE: …"): the name in capitals that opens
    a paragraph speaks its turn, not whoever introduced the transcript."""
    text = (
        "The interview went as follows:\n\n"
        '"HOST: Will you run again? Voters want to know.\n\n'
        '"DOE: Not this year. I have a job to do.\n\n'
        '"(CROSSTALK.)\n\n'
        '"HOST: Thank you for your time today."'
    )
    text, qs = quotes(text, "en")
    assert [(q.speaker.text, said(text, q)) for q in qs] == [
        ("HOST", "Will you run again? Voters want to know."),
        ("DOE", "Not this year. I have a job to do."),
        ("HOST", "Thank you for your time today."),
    ]


def test_an_editorial_label_or_a_credit_line_is_no_speech():
    """ "Correction: …", "The Latest: …" label a note or a live blog, not a speaker; "Additional reporting by
    X" credits a reporter; a label that names someone ("Poll: …", "PENCE: …") still speaks."""
    for text in [
        "Correction: An earlier version of this article misstated the year of the law.",
        "The Latest: Trump's tax returns were filed from New York last year.",
        "Additional reporting by Jane Doe; Editing by John Smith.",
    ]:
        assert en_speakers(text) == [], text
    assert en_speakers("Poll: Clinton leads Trump by five points nationally.") == ["Poll"]


def test_a_verb_of_saying_with_a_particle_that_makes_it_no_speech():
    """ "showed up", "called in to", "called off", "do not add up": with these particles the verb says
    nothing."""
    for text in [
        "The real candidate showed up at the debate and stayed calm.",
        "She recently called in to a radio town hall about police relations.",
        "She called off the rally after the storm hit the coast.",
        "The numbers simply do not add up for the campaign this year.",
    ]:
        assert en_speakers(text) == [], text
    assert en_speakers("She called on voters to turn out in large numbers.") == ["She"]


def test_a_form_in_s_after_a_plural_quantifier_is_a_noun():
    """A plural quantifier takes a verb without -s ("Many say"), so "some calls", "too many reports" are
    nouns, not verbs of saying."""
    for text in [
        "Young died at a time when some calls into the hotline were going to voicemail.",
        "But too many calls today still roll over to backup centers outside the agency.",
    ]:
        assert en_speakers(text) == [], text


def test_a_quantifier_alone_before_the_verb_is_the_speaker():
    """ "Many say …", "Some argue …": the quantifier stands for people, as a pronoun does."""
    for text, phrase in [
        ("Many say the hotline is failing veterans.", "Many"),
        ("Some argued that the plan would cost too much.", "Some"),
    ]:
        assert en_speakers(text) == [phrase], text


def test_a_contracted_auxiliary_is_no_part_of_the_speaker():
    """ "He's claiming", "They're saying": the contraction is the auxiliary, the pronoun the speaker."""
    for text, phrase in [
        ("He's claiming that voting fraud is a big problem.", "He"),
        ("They're saying that the plan will fail.", "They"),
        ("It's denouncing what it calls “the biggest attack in history.”", None),
    ]:
        found = en_speakers(text)
        assert (found == [phrase]) if phrase else "it" not in found, text


def test_a_time_between_the_english_subject_and_its_verb_is_no_part_of_the_subject():
    """ "An arbitration panel in 2001 found", "A judge on Monday ruled": "in" or "on" before a year, a month
    or a day opens an adverbial of time that stands between the subject and the verb."""
    for text, phrase in [
        ("An arbitration panel in 2001 found the United States was in breach.", "An arbitration panel"),
        ("A federal judge in March ruled that the law was void.", "A federal judge"),
        ("A federal judge on Monday ruled that the law was void.", "A federal judge"),
    ]:
        assert en_speakers(text) == [phrase], text


def test_a_participle_after_an_article_or_of_is_an_adjective_of_the_speaker():
    """ "52 percent of registered voters agreed", "The embattled senator said": a form in -ed between an
    article (or "of") and a noun is an adjective of the phrase, not a verb that ends it."""
    for text, phrase in [
        ("In a poll, 52 percent of registered voters said that he lied.", "52 percent of registered voters"),
        ("The embattled senator said that he would not resign.", "The embattled senator"),
    ]:
        assert en_speakers(text) == [phrase], text


def test_ms_is_an_abbreviation_that_keeps_the_speaker_in_its_sentence():
    """ "Ms. Doe said": "Ms." ends no sentence (as "Mr." and "Mrs." do not)."""
    assert en_speakers("“The network is independent,” Ms. Doe said.") == ["Ms. Doe"]


def test_an_age_after_the_english_speaker_belongs_to_the_phrase():
    """ "Mr. Doe, 82, told": the age in commas is an apposition of the name before it."""
    assert en_speakers("“I was never edited,” Mr. Doe, 82, told a reporter.") == ["Mr. Doe, 82"]


def test_an_english_subject_keeps_its_phrase_with_to_after_a_common_noun():
    """ "Her submission to the court noted", "A letter to Congress says": "to" after a common noun joins
    its addressee to the subject."""
    for text, phrase in [
        ("Her submission to the court noted that the law was clear.", "Her submission to the court"),
        ("A letter to Congress says that the agency has run out of money.", "A letter to Congress"),
    ]:
        assert en_speakers(text) == [phrase], text


def test_the_party_in_brackets_after_an_inverted_english_speaker_belongs_to_it():
    """ "said Sen. Jane Doe (D-Mont.)": the party and state in brackets are part of the name's phrase, after
    the verb as before it."""
    for text in [
        "“We will override the veto,” said Sen. Jane Doe (D-Mont.).",
        "“We will override the veto,” Sen. Jane Doe (D-Mont.) said.",
    ]:
        assert en_speakers(text) == ["Sen. Jane Doe (D-Mont.)"], text


def test_it_followed_by_a_verb_opens_a_reported_clause():
    """ "The network said it would send a reporter": "it" with a verb after it is the subject of the clause
    the verb of saying reports (indirect speech); "The mayor said it." has none."""
    text, qs = quotes("The network said it would send a reporter to the region.", "en")
    assert [(q.form, q.speaker.text, said(text, q)) for q in qs] == [
        ("indirect", "The network", "it would send a reporter to the region")
    ]
    assert en_speakers("The mayor said it.") == []


# ---- s21 German: coordination, relative clauses, separable verbs -----------------------------------------


def cue_and_speaker(text):
    """The cue words and the speaker of the one quotation in ``text``."""
    text, qs = quotes(text)
    (q,) = qs
    return text[q.cue.start : q.cue.end], q.speaker.text if q.speaker else None


def test_separable_verbs_of_saying_count_in_every_finite_form():
    """The forms of a separable verb follow from its lemma: present plural and first person, past, and the
    joined form of a subordinate clause ("werfen … vor", "weisen … zurück", "weil sie … vorwerfen")."""
    for text, cue, phrase in [
        (
            "Die Grünen werfen der Regierung vor, die Lage zu verschleiern.",
            "werfen der Regierung vor",
            "Die Grünen",
        ),
        (
            "Die Grünen warfen der Regierung vor, die Lage zu verschleiern.",
            "warfen der Regierung vor",
            "Die Grünen",
        ),
        (
            "Die Minister weisen den Vorwurf zurück, sie hätten gelogen.",
            "weisen den Vorwurf zurück",
            "Die Minister",
        ),
        ("Die Ärzte geben zu, dass die Lage ernst ist.", "geben zu", "Die Ärzte"),
        ("Die Grünen weisen darauf hin, dass die Frist abläuft.", "weisen darauf hin", "Die Grünen"),
        ("Die Anwohner rufen dazu auf, dass alle zu Hause bleiben.", "rufen dazu auf", "Die Anwohner"),
        ("Die Verbände schlagen vor, dass die Stadt mehr zahlt.", "schlagen vor", "Die Verbände"),
        ("Die Anwohner halten fest, dass die Straße gesperrt bleibt.", "halten fest", "Die Anwohner"),
        ("Die Minister weisen die Vorwürfe zurück.", "weisen die Vorwürfe zurück", "Die Minister"),
        ("Die Grünen werfen der Regierung Versagen vor.", "werfen der Regierung Versagen vor", "Die Grünen"),
        ("Wie die Ärzte zugeben, ist die Lage ernst.", "Wie die Ärzte zugeben", "die Ärzte"),
        ("Die Ärzte machen deutlich, dass die Lage ernst ist.", "machen deutlich", "Die Ärzte"),
        ("Die Ärzte geben zu bedenken, dass die Lage ernst ist.", "geben zu bedenken", "Die Ärzte"),
        ("Die Journalisten wollen wissen, ob die Lage ernst ist.", "wollen wissen", "Die Journalisten"),
        ("Die Ärzte schlagen Alarm: „Die Lage ist ernst.“", "schlagen Alarm", "Die Ärzte"),
        ("Die Minister streiten ab, dass sie gelogen haben.", "streiten ab", "Die Minister"),
        ("Die Ärzte gestehen ein, dass sie Fehler gemacht haben.", "gestehen ein", "Die Ärzte"),
    ]:
        assert cue_and_speaker(text) == (cue, phrase), text


def test_a_separable_verb_without_its_particle_says_nothing():
    for text in [
        "Die Kinder werfen den Ball über den Zaun, die Eltern schauen zu.",
        "Die Schilder weisen den Weg, die Straße ist lang.",
        "Die Stadtwerke geben das Geld aus, das sie haben.",
        "Die Anwohner halten die Stellung, obwohl es regnet.",
        "Die Ärzte machen Urlaub, die Kinder wollen Eis.",
        "Die Kinder streiten sich, die Forscher erkennen ein Muster.",
    ]:
        assert quotes(text)[1] == [], text


def test_a_coordinated_subject_after_the_verb_is_the_whole_coordination():
    """ "sagten die Ministerin und der Bürgermeister": both speak, the speaker's words are the whole phrase
    (as SpkAtt-2023 marks the source), after the verb as before it."""
    for text, phrase in [
        (
            "„Wir bleiben hier“, sagten die Ministerin und der Bürgermeister.",
            "die Ministerin und der Bürgermeister",
        ),
        (
            "„Wir bleiben hier“, sagten die Ministerin sowie der Bürgermeister.",
            "die Ministerin sowie der Bürgermeister",
        ),
        (
            "„Wir bleiben hier“, erklärten Anna Berger und Klaus Meier am Montag.",
            "Anna Berger und Klaus Meier",
        ),
        (
            "„Wir bleiben hier“, haben die Ministerin und der Bürgermeister gesagt.",
            "die Ministerin und der Bürgermeister",
        ),
        (
            "Am Montag sagten die Ministerin und Klaus Meier: „Wir bleiben hier.“",
            "die Ministerin und Klaus Meier",
        ),
        ("Anna Berger und Klaus Meier erklärten: „Wir bleiben hier.“", "Anna Berger und Klaus Meier"),
        (
            "Das sagten die Ministerin und der Bürgermeister der Zeitung: „Wir bleiben hier.“",
            "die Ministerin und der Bürgermeister",
        ),
        (
            "Die Ministerin und der Bürgermeister sagen: „Wir bleiben hier.“",
            "Die Ministerin und der Bürgermeister",
        ),
        (
            "„Wir bleiben hier“, so die Ministerin und der Bürgermeister.",
            "die Ministerin und der Bürgermeister",
        ),
    ]:
        assert speaker_of(text) == phrase, text


def test_words_without_a_verb_after_the_comma_are_no_reported_clause():
    """A list of speakers or an adverbial after the comma has no verb: no clause, no message."""
    _text, qs = quotes("„Wir bleiben hier“, sagten die Ministerin, der Bürgermeister und der Landrat.")
    assert [q.form for q in qs] == ["direct"]
    assert qs[0].speaker.text == "die Ministerin, der Bürgermeister und der Landrat"
    for text in [
        "„Wir bleiben hier“, sagte Klaus Meier, Sprecher der Stadtwerke, gegenüber einem Reporter.",
        "„Wir bleiben hier“, sagte Klaus Meier am Montag, in einem Interview mit dem Sender.",
    ]:
        assert [q.form for q in quotes(text)[1]] == ["direct"], text


def test_a_coordinated_subject_of_a_clause_with_wie_or_dass_is_the_whole_coordination():
    for text, phrase in [
        (
            "Wie die Ministerin und der Bürgermeister mitteilten, bleibt die Lage ernst.",
            "die Ministerin und der Bürgermeister",
        ),
        (
            "Wie Anna Berger und Klaus Meier am Montag sagten, ist die Lage ernst.",
            "Anna Berger und Klaus Meier",
        ),
        (
            "Wie die Ministerin und Frieda Unbekannt mitteilten, ist die Lage ernst.",
            "die Ministerin und Frieda Unbekannt",
        ),
        (
            "Die Lage sei ernst, wie die Ministerin sowie der Bürgermeister betonten.",
            "die Ministerin sowie der Bürgermeister",
        ),
    ]:
        text, qs = quotes(text)
        assert [q.speaker.text for q in qs] == [phrase], text


def test_und_that_joins_clauses_does_not_coordinate_the_speaker():
    for text, phrase in [
        ("„Wir bleiben hier“, sagte die Ministerin und der Bürgermeister nickte.", "die Ministerin"),
        ("„Wir bleiben hier“, sagte Klaus Meier und fügte hinzu, er sei sicher.", "Klaus Meier"),
        ("„Wir bleiben hier“, sagte Klaus Meier und er lachte.", "Klaus Meier"),
        ("„Wir bleiben hier“, sagte der Bürgermeister und verließ den Saal.", "der Bürgermeister"),
    ]:
        assert speaker_of(text) == phrase, text


def indirect_messages(text):
    """The message of each indirect or reported quotation in ``text``."""
    text, qs = quotes(text)
    return [said(text, q) for q in qs if q.form != "direct"]


def test_a_relative_clause_about_the_noun_before_the_comma_is_no_message():
    """ "lobte die Helfer, die seit Tagen im Einsatz sind": the clause tells of the Helfer, it is not what was
    said (the praise itself may still be a reported speech act, told by the whole sentence)."""
    for text, clause in [
        (
            "Der Bürgermeister lobte die Helfer, die seit Tagen im Einsatz sind.",
            "die seit Tagen im Einsatz sind",
        ),
        ("Die Ministerin kritisierte die Behörde, deren Leiter schweigt.", "deren Leiter schweigt"),
        (
            "Die Ministerin erinnerte an die Opfer, deren Familien noch immer trauern.",
            "deren Familien noch immer trauern",
        ),
        (
            "Der Bürgermeister warnte die Bürger, die am Fluss wohnen, vor dem Hochwasser.",
            "die am Fluss wohnen",
        ),
        (
            "Klaus Meier warnte vor den Folgen, mit denen niemand gerechnet hat.",
            "mit denen niemand gerechnet hat",
        ),
        (
            "Anna Berger lobte den Veranstalter, der die Strecke, die Tribüne und das Lager gebaut hat.",
            "die Tribüne und das Lager gebaut hat",
        ),
        ("Anna Berger begrüßte den Beschluss, der am Montag gefasst wurde.", "der am Montag gefasst wurde"),
        (
            "Die Ministerin hat die Helfer gelobt, die seit Tagen im Einsatz sind.",
            "die seit Tagen im Einsatz sind",
        ),
    ]:
        assert not any(message.startswith(clause) for message in indirect_messages(text)), text


def test_a_clause_after_the_verb_of_saying_and_a_comma_is_still_a_message():
    for text, message in [
        ("Klaus Meier sagte, die Lage sei ernst.", "die Lage sei ernst"),
        ("Klaus Meier sagte den Journalisten, die Lage sei ernst.", "die Lage sei ernst"),
        ("Die Ministerin sagte, das sei ein Fehler gewesen.", "das sei ein Fehler gewesen"),
        ("Die Ministerin erklärte am Montag, die Stadt habe kein Geld.", "die Stadt habe kein Geld"),
        ("Klaus Meier, der seit Jahren im Amt ist, sagte, die Lage sei ernst.", "die Lage sei ernst"),
        ("Klaus Meier fragte die Ministerin, welche Folgen das habe.", "welche Folgen das habe"),
        ("Dazu erklärte Klaus Meier, der seit Jahren im Amt ist, die Lage sei ernst.", "die Lage sei ernst"),
        (
            "Der Bürgermeister warnte die Bürger, die am Fluss wohnen, es werde Hochwasser geben.",
            "es werde Hochwasser geben",
        ),
        ("Klaus Meier sagte, das sei falsch.", "das sei falsch"),
        (
            "Die Gewerkschaft kritisierte die Sparpläne, die zu einem Personalmangel führen würden.",
            "die zu einem Personalmangel führen würden",
        ),
        ("Anna Berger verwies auf Studien, nach denen die Lage ernst sei.", "nach denen die Lage ernst sei"),
        (
            "Die Ministerin empfahl dem Gericht, der vor Jahren erhobenen Klage stattzugeben.",
            "der vor Jahren erhobenen Klage stattzugeben",
        ),
    ]:
        assert indirect_messages(text) == [message], text


def test_konjunktiv_after_a_relative_clause_goes_on_with_the_speaker():
    text, qs = quotes(
        "Der Bericht schildert die Fehler, die zum Absturz führten. Techniker hätten den Hebel verstellt."
    )
    assert [(said(text, q), q.speaker.text) for q in qs if q.form == "indirect"] == [
        ("Techniker hätten den Hebel verstellt.", "Der Bericht")
    ]


def test_what_is_written_in_a_text_is_said_by_that_text():
    """ "Auf dem Plakat stand: „…“": the text it is written in is the source, as with "heißt es in"."""
    for text, cue, phrase in [
        ("Auf dem Plakat stand: „Wir bleiben hier.“", "stand", "dem Plakat"),
        ("Auf dem Plakat stand geschrieben: „Wir bleiben hier.“", "stand geschrieben", "dem Plakat"),
        ("Im Brief der Ministerin steht: „Wir bleiben hier.“", "steht", "Im Brief der Ministerin"),
        ("In dem Brief stand wörtlich: „Wir bleiben hier.“", "stand", "dem Brief"),
        ("Darauf stand: „Wir bleiben hier.“", "stand", "Darauf"),
        ("Darauf waren die Worte zu lesen: „Wir bleiben hier.“", "waren", "Darauf"),
        ("Auf dem Plakat ist zu lesen: „Wir bleiben hier.“", "ist", "dem Plakat"),
    ]:
        text, (q,) = quotes(text)
        assert (text[q.cue.start : q.cue.end] if q.cue else None, q.speaker.text if q.speaker else None) == (
            cue,
            phrase,
        ), text


def test_a_person_standing_somewhere_is_no_text():
    assert speakers("Im Saal stand Klaus Meier: „Wir bleiben hier.“") == ["Klaus Meier"]
    assert speakers("Dort stand Klaus Meier: „Wir bleiben hier.“") == ["Klaus Meier"]


def test_a_pronoun_after_the_quotation_gives_way_to_the_name_before_its_colon():
    """ "Anna Berger sagte: „…“, betont sie": both verbs tell of one speaker; her name says who she is."""
    for text, phrase in [
        ("Anna Berger sagte dazu gegenüber der Zeitung: „Wir bleiben hier“, betont sie.", "Anna Berger"),
        ("Die Ministerin erklärte: „Wir bleiben hier“, sagte sie.", "Die Ministerin"),
        ("Anna Berger nickte. „Wir bleiben hier“, sagte sie.", "sie"),
        ("Anna Berger kam. Sie sagte: „Wir bleiben hier“, betont sie.", "sie"),
    ]:
        assert speaker_of(text) == phrase, text


def test_a_time_after_the_verb_is_no_subject():
    for text in [
        "„Wir bleiben hier“, sagte gestern Abend die Ministerin.",
        "„Wir bleiben hier“, sagte Montag die Ministerin.",
        "„Wir bleiben hier“, hat heute Morgen die Ministerin gesagt.",
    ]:
        assert speaker_of(text) == "die Ministerin", text


def test_so_and_the_speaker_after_reported_words_frame_them():
    """ "Die Lage sei ernst, so die Ministerin.": "so" and the speaker frame reported words as they frame a
    quotation; "so dass", "so schnell wie möglich" and a thing after "so" ("so der Plan") do not."""
    for text, message, phrase in [
        ("Die Lage sei ernst, so die Ministerin.", "Die Lage sei ernst", "die Ministerin"),
        ("Die Lage ist ernst, so Klaus Meier am Montag in Hamburg.", "Die Lage ist ernst", "Klaus Meier"),
        (
            "Die Lage sei ernst, so die Ministerin und der Bürgermeister.",
            "Die Lage sei ernst",
            "die Ministerin und der Bürgermeister",
        ),
    ]:
        text, qs = quotes(text)
        assert [(said(text, q), q.speaker.text) for q in qs] == [(message, phrase)], text
    for text in [
        "Die Stadt soll wachsen, so der Plan.",
        "Wir müssen handeln, so schnell wie möglich.",
        "Die Straße wurde gesperrt, so dass niemand durchkam.",
    ]:
        assert quotes(text)[1] == [], text


def test_a_source_after_laut_or_nach_angaben_may_be_a_coordination():
    """ "Laut der Ministerin und dem Bürgermeister ist …": inside the phrase "und" joins no clauses; the
    source is both, and the message starts after it."""
    for text, phrase in [
        (
            "Laut der Ministerin und dem Bürgermeister ist die Lage ernst.",
            "der Ministerin und dem Bürgermeister",
        ),
        ("Laut Klaus Meier und Anna Berger ist die Lage ernst.", "Klaus Meier und Anna Berger"),
        (
            "Nach Angaben der Polizei und der Stadtwerke ist die Lage ernst.",
            "Angaben der Polizei und der Stadtwerke",
        ),
    ]:
        text, qs = quotes(text)
        assert [(said(text, q), q.speaker.text) for q in qs] == [("ist die Lage ernst", phrase)], text


def test_a_second_verb_of_saying_joined_by_und_ends_the_first_message():
    """ "sagte, …, und fügte hinzu, …": two predicates of one subject, each with its own words."""
    text, qs = quotes("Die Ministerin sagte, sie werde zurücktreten, und fügte hinzu, das sei endgültig.")
    assert [(said(text, q), text[q.cue.start : q.cue.end], q.speaker.text) for q in qs] == [
        ("sie werde zurücktreten", "sagte", "Die Ministerin"),
        ("das sei endgültig", "fügte hinzu", "Die Ministerin"),
    ]
    text, qs = quotes("Klaus Meier sagte, die Stadt brauche Geld und fügte hinzu: „Wir bleiben hier.“")
    assert [(q.form, said(text, q)) for q in qs] == [
        ("indirect", "die Stadt brauche Geld"),
        ("direct", "Wir bleiben hier."),
    ]
    for text, message in [
        ("Klaus Meier sagte, man müsse das prüfen und melden.", "man müsse das prüfen und melden"),
        (
            "Klaus Meier sagte, die Stadt und die Ministerin hätten versagt.",
            "die Stadt und die Ministerin hätten versagt",
        ),
    ]:
        assert indirect_messages(text) == [message], text


def test_a_compound_with_a_lower_case_first_part_is_a_noun():
    """ "die documenta-Homepage", "eine dpa-Meldung": capitalised as its last part, a noun like any other."""
    for text, phrase in [
        ("Auf der documenta-Homepage heißt es: „Wir bleiben hier.“", "der documenta-Homepage"),
        ("In einer dpa-Meldung heißt es: „Wir bleiben hier.“", "einer dpa-Meldung"),
        ("„Wir bleiben hier“, sagte der verdi-Sprecher Klaus Meier.", "der verdi-Sprecher Klaus Meier"),
        ("Der 54-Jährige sagte: „Wir bleiben hier.“", "Der 54-Jährige"),
    ]:
        assert speaker_of(text) == phrase, text


# ---- s21 English round 2


def test_a_relative_clause_and_its_main_clause_each_hold_an_attribution():
    """ "Jane Doe, who argued that …, told her aides to wait": the relative clause's speech is "who"'s, the
    main clause's verb of saying after the comma that closes it has the phrase before "who" as its source."""
    text, qs = quotes("Jane Doe, who argued that the plan was flawed, told her aides to wait.", "en")
    assert [(q.speaker.text, said(text, q)) for q in qs] == [
        ("who", "that the plan was flawed"),
        ("Jane Doe", "her aides to wait"),
    ]
    text, qs = quotes("The mayor, who has said that the port stays open, said the plan would fail.", "en")
    assert [(q.speaker.text, said(text, q)) for q in qs] == [
        ("who", "that the port stays open"),
        ("The mayor", "the plan would fail"),
    ]


def test_a_bare_noun_with_a_verb_after_it_opens_a_reported_clause():
    """ "Critics say resources could run out": a noun without article right after the verb of saying, with a
    verb after it, is the subject of the reported clause (indirect), not the verb's object."""
    text, qs = quotes("Critics say resources could run out by the spring.", "en")
    assert [(q.form, q.speaker.text, said(text, q)) for q in qs] == [
        ("indirect", "Critics", "resources could run out by the spring")
    ]
    text, qs = quotes("Officials said public funds were spent on the stadium.", "en")
    assert [(q.form, said(text, q)) for q in qs] == [("indirect", "public funds were spent on the stadium")]
    (q,) = quotes("The union cited rising costs in its letter.", "en")[1]
    assert q.form == "reported"


def test_a_phrase_with_an_adjective_after_its_pronoun_is_the_speaker():
    """ "Those close to him say …": the pronoun, the adjective and its complement are one speaker phrase."""
    assert en_speakers("Those close to him say the plan will fail.") == ["Those close to him"]


def test_a_relative_pronoun_right_before_the_verb_of_saying_is_its_speaker():
    """ "an architect who said he was stiffed": the relative pronoun is the verb's subject (PolNeAR marks
    "who"), even when the phrase it stands for names no one and the sentence opens with someone else."""
    for text in [
        "The city refused to pay an architect who said he was stiffed after the job.",
        "Jane Doe was angry at an architect who said he was stiffed after the job.",
    ]:
        assert en_speakers(text) == ["who"], text


def test_a_participle_clause_is_told_by_the_speaker_before_it_not_one_inside_it():
    """ "Jane Doe mocked the complaint, saying anybody who complains …": the clause after "saying" is Jane
    Doe's, though a verb of saying inside it ("who complains") found a speaker first."""
    text, qs = quotes(
        "Jane Doe mocked the complaint, saying anybody who complains about a microphone “is not having a good"
        " night.”",
        "en",
    )
    assert [q.speaker.text for q in qs if q.cue and said(text, q).startswith("anybody")] == ["Jane Doe"]


def test_both_before_a_pair_is_no_part_of_the_speaker():
    """ "Both Jane Doe and Anna Berger said": PolNeAR's source is the pair; "Both men" has no pair and
    keeps the word."""
    text = "Both Jane Doe and Anna Berger said the plan would fail."
    assert en_speakers(text) == ["Jane Doe and Anna Berger"]
    assert en_speakers("Both men said the plan would fail.") == ["Both men"]


def test_a_study_by_someone_is_the_speaker_with_its_author():
    """ "A 2014 study by Loyola Law School professor Jane Doe found …": "by" after a noun joins the author
    to the subject (PolNeAR marks the whole phrase), not after a participle ("officers shot by the
    suspect")."""
    for text, phrase in [
        ("A study by Jane Doe found that fraud was rare.", "A study by Jane Doe"),
        (
            "A 2014 study by Loyola Law School professor Jane Doe found 31 cases of fraud in a billion.",
            "A 2014 study by Loyola Law School professor Jane Doe",
        ),
        (
            "A web video by the Republican National Committee references four cases in which he failed.",
            "A web video by the Republican National Committee",
        ),
    ]:
        assert en_speakers(text) == [phrase], text
    assert "by" not in en_speakers("Two police officers shot by the suspect said they were fine.")[0]


def test_a_comparison_in_commas_after_the_speaker_is_no_apposition():
    """ "Jane Doe, like Obama, said": a phrase with "like" or "unlike" compares, it names no one else as the
    speaker; the speaker phrase ends before it."""
    for text in [
        "Democratic candidate Jane Doe, like Obama, said the plan would fail.",
        "Jane Doe, unlike many Democrats, encouraged voters to stay home.",
        "“I will stay,” said Jane Doe, like Obama.",
    ]:
        assert en_speakers(text)[0] in ("Jane Doe", "Democratic candidate Jane Doe"), text


def test_a_plural_role_before_a_pair_of_names_belongs_to_the_speaker():
    """ "Presidential candidates Jane Doe and Anna Berger cited …": the role in the plural before a pair is
    part of the phrase, as "candidate" is before one name."""
    text = "Presidential candidates Jane Doe and Anna Berger cited the report in their speeches."
    assert en_speakers(text) == ["Presidential candidates Jane Doe and Anna Berger"]


def test_no_one_and_only_open_the_speaker_phrase():
    """ "No one expected …", "Only 52 percent of registered voters agreed …": "no" before "one" and "only"
    before a number or an article belong to the subject (PolNeAR counts them), though they are function
    words."""
    for text, phrase in [
        ("No one expected the plan to pass.", "No one"),
        ("Only 52 percent of voters agreed that the plan works.", "Only 52 percent of voters"),
        ("Only the mayor said the plan works.", "Only the mayor"),
    ]:
        assert en_speakers(text) == [phrase], text


def test_two_phrases_joined_by_and_that_open_the_clause_both_speak():
    """ "The New York Times and the Gannett newspaper chain filed a motion, arguing …": the participle's
    speaker is the subject of the clause, both phrases."""
    text = "The New York Times and the Gannett newspaper chain filed a motion, arguing the files were public."
    assert en_speakers(text) == ["The New York Times and the Gannett newspaper chain"]


def test_a_form_in_ing_the_tagger_reads_as_an_adjective_belongs_to_the_speaker():
    """ "where restructuring experts say": a form in -ing before its noun that the tagger reads as an
    adjective or noun is part of the phrase, and "where" opens the clause before it; "Voters backing the
    plan" has a verb in -ing."""
    text = "The firm chose Richmond, where restructuring experts say some judges are eager."
    assert en_speakers(text) == ["restructuring experts"]
    assert en_speakers("Leading experts say the plan fails.") == ["Leading experts"]


def test_a_name_with_its_apposition_before_the_verb_is_its_subject_not_an_inversion():
    """ "Jane Doe, a lawyer, said the plan works": the name and its apposition open the clause, the words
    after the verb are what she said; "The plan works, said the mayor" inverts."""
    text, qs = quotes("Jane Doe, a lawyer, said the plan works.", "en")
    assert [(q.speaker.text, said(text, q)) for q in qs] == [("Jane Doe, a lawyer", "the plan works")]
    text, qs = quotes("The plan works, said the mayor.", "en")
    assert [(q.speaker.text, said(text, q)) for q in qs] == [("the mayor", "The plan works")]


# ---- s22 German: speakers across sentences ----------------------------------------------------------------


def test_a_sentence_so_x_after_a_quotation_names_its_speaker():
    """ "„…“ So Anna Berger am Mittwoch.": a sentence of "so" and a phrase, with no verb, is the ", so X" the
    splitter cut off; "So geht es nicht weiter." has a verb and names no one."""
    for text, phrase in [
        ("„Wir geben nicht auf.“ So Anna Berger am Mittwoch.", "Anna Berger"),
        ("„Wir geben nicht auf.“ So der Gewerkschaftschef.", "der Gewerkschaftschef"),
        ("„Wir geben nicht auf.“ So Klaus Meier weiter.", "Klaus Meier"),
        ("„Wir geben nicht auf.“ So geht es nicht weiter.", None),
    ]:
        assert speakers(text) == [phrase], text


def test_a_sentence_pointing_back_with_a_verb_of_saying_names_the_speaker_before_it():
    """ "„…“ Darauf wies X hin.", "Daran erinnerte X.", "So beschrieb X die Lage.": the pronominal adverb or
    "so" points back at the quotation; a separable verb needs its particle ("Das gab es noch nie." says
    nothing) and a sentence that opens a quotation of its own ("Das sagte X: „…“") names that one's
    speaker."""
    for text, phrase in [
        ("„Wir haben keine Zeit.“ Darauf wies Anna Berger am Montag hin.", "Anna Berger"),
        ("„Die Lage ist ernst.“ Daran erinnerte der Minister am Montag.", "der Minister"),
        ("„Es war zu spät.“ So beschrieb Sprecher Klaus Meier die Lage.", "Sprecher Klaus Meier"),
        ("„Wir sind enttäuscht.“ Das teilte ein Sprecher der Stadtwerke mit.", "ein Sprecher der Stadtwerke"),
        ("„Wir sind enttäuscht.“ Das gab es noch nie.", None),
    ]:
        assert speakers(text) == [phrase], text
    assert speakers("„Wir bleiben.“ Das sagte Klaus Meier: „Wir gehen nicht.“") == [None, "Klaus Meier"]


def test_a_role_with_an_attribute_after_it_names_someone_by_its_head():
    """ "ein Sprecher des Unternehmens": the role before the genitive is the head, so the phrase names
    someone; "Die Entscheidung der Polizei" is a thing, though a body follows its head."""
    text = "Ein Sprecher des Unternehmens bestätigte den Vorfall: „Es gab drei Verletzte.“"
    assert speakers(text) == ["Ein Sprecher des Unternehmens"]
    text = "Die Entscheidung der Polizei ist gefallen. Es gab „drei Verletzte bei dem Einsatz in Hamburg“."
    assert speakers(text) == [None]


def test_a_group_of_people_named_as_the_subject_in_between_speaks_the_quotation_after_it():
    """ "Die Anwohner sind skeptisch. „…“": a group named by what its people do or where they live takes
    over from the last speaker, as a person named would; one of them with "der" ("Der Gegner drängte.") is
    anyone in the story and names no speaker."""
    said = "„Wir bleiben hier“, sagte Klaus Meier."
    for between, phrase in [
        ("Die Anwohner sind skeptisch.", "Die Anwohner"),
        ("Viele Ökonomen sehen das anders.", "Viele Ökonomen"),
        ("Einige Klimaforscherinnen warnen davor.", "Einige Klimaforscherinnen"),
        ("Der Gegner drängte.", "Klaus Meier"),
    ]:
        assert speakers(f"{said} {between} „Wir glauben kein Wort mehr.“")[-1] == phrase, between


def test_someone_named_only_in_an_attribute_of_a_thing_in_between_leaves_the_speaker_open():
    """ "Der Vorschlag von Anna Berger stößt auf Ablehnung. „…“": the sentence is about a proposal; the one
    who made it or the last speaker may speak next, so no one is named (a wrong speaker costs more than
    none)."""
    said = "„Wir bleiben hier“, sagte Klaus Meier."
    text = f"{said} Der Vorschlag von Anna Berger stößt auf Ablehnung. „Daran ändert sich nichts mehr.“"
    assert speakers(text) == ["Klaus Meier", None]
    text = "Die Kritik von Anna Berger ist scharf. „Das Gesetz ist ein Rückschritt für alle Mieter.“"
    assert speakers(text) == [None]


def test_sowohl_a_als_auch_b_is_one_speaker_like_a_und_b():
    """ "Sowohl der Minister als auch die Ministerin sagten …", "…, sagten sowohl A als auch B": the whole
    coordination speaks, as "A und B" does; "sowohl" only stresses it, as English "both" does."""
    for text, phrase in [
        (
            "Sowohl Klaus Meier als auch Anna Berger sagten: „Die Lage ist ernst.“",
            "Klaus Meier als auch Anna Berger",
        ),
        (
            "„Die Lage ist ernst“, sagten sowohl Klaus Meier als auch Anna Berger.",
            "Klaus Meier als auch Anna Berger",
        ),
        (
            "„Die Lage ist ernst“, sagten sowohl der Minister als auch die Ministerin.",
            "der Minister als auch die Ministerin",
        ),
    ]:
        assert speakers(text) == [phrase], text
    _text, qs = quotes("Sowohl der Minister als auch die Ministerin sagten, die Lage sei ernst.")
    assert [q.speaker.text for q in qs] == ["der Minister als auch die Ministerin"]
    text = "Sowohl Klaus Meier als auch Anna Berger traten vor die Presse. „Die Lage ist ernst.“"
    assert speakers(text) == ["Klaus Meier als auch Anna Berger"]


def test_being_of_an_opinion_reports_the_clause_after_it():
    """ "X ist der Meinung, dass …", "der Ansicht", "der festen Überzeugung", "davon überzeugt": "sein" with
    an opinion ending its clause is a verb of saying; "Das ist die Meinung, die …" (no genitive) is none."""
    for text, message in [
        ("Klaus Meier ist der Meinung, dass die Steuern sinken müssen.", "dass die Steuern sinken müssen"),
        ("Anna Berger ist der Ansicht, die Reform sei gescheitert.", "die Reform sei gescheitert"),
        ("Die Stadtwerke sind der festen Überzeugung, dass der Plan scheitert.", "dass der Plan scheitert"),
        ("Er sei davon überzeugt, dass die Gespräche helfen werden.", "dass die Gespräche helfen werden"),
    ]:
        text, qs = quotes(text)
        assert [(q.form, said(text, q)) for q in qs] == [("indirect", message)], text
    text, qs = quotes("Klaus Meier ist der Meinung, dass die Steuern sinken müssen.")
    assert qs[0].speaker.text == "Klaus Meier" and text[qs[0].cue.start : qs[0].cue.end] == "ist der Meinung"
    _text, qs = quotes("Das ist die Meinung, und sie zählt.")
    assert qs == []


def test_a_sentence_whose_object_points_back_names_the_speaker_of_the_quotation_before():
    """ "„…“ X sagte das am Montag.": "das" right after the verb of saying is the quotation; "sagte das
    Treffen ab" has an article and says nothing of it."""
    assert speakers("„Wir schließen das Werk nicht.“ Klaus Meier sagte das am Montag.") == ["Klaus Meier"]
    assert speakers("„Wir schließen das Werk nicht.“ Die Ministerin bestätigte dies.") == ["Die Ministerin"]
    assert speakers("„Wir schließen das Werk nicht.“ Klaus Meier sagte das Treffen ab.") == [None]


def test_the_one_asked_in_the_sentence_before_answers_in_the_quotation_after_it():
    """ "Reporter fragten X nach seinen Plänen. „…“": the answer is X's, not the askers'."""
    text = "Die Journalisten fragten Klaus Meier nach seinen Plänen. „Ich bleibe bis zum Ende.“"
    assert speakers(text) == ["Klaus Meier"]
    text = "Die Polizei befragte Zeugen. „Wir haben einen lauten Knall gehört und dann Rauch gesehen.“"
    assert speakers(text) == ["Zeugen"]


def test_a_separable_verb_of_saying_finds_its_particle_past_a_relative_clause():
    """ "wies die Vorwürfe, die X erhoben hatte, zurück": a relative clause (its finite verb last) may stand
    between the verb and its particle; ", die Tore zu öffnen," is no relative clause."""
    text, qs = quotes("Klaus Meier wies die Vorwürfe, die Anna Berger erhoben hatte, entschieden zurück.")
    assert [(q.form, q.speaker.text) for q in qs] == [("reported", "Klaus Meier")]
    assert text[qs[0].cue.start : qs[0].cue.end].endswith("entschieden zurück")
    text = "Klaus Meier wies die Vorwürfe, die Anna Berger erhoben hatte, zurück: „Das ist falsch.“"
    assert speakers(text) == ["Klaus Meier"]


def test_a_label_before_a_colon_names_the_speaker_in_its_attribute_or_no_one():
    """ "Zitat von X: „…“", "Die Antwort des Ministers: „…“": a label with no verb whose head names no one
    announces the words of the one in its genitive or "von" attribute; an interview's "Frage: „…“" names
    no one; "Seine Meinung zu X:" is not X's."""
    for text, phrase in [
        ("Zitat von Klaus Meier: „Wir haben etwas erreicht.“", "von Klaus Meier"),
        ("Die Antwort des Ministers: „Dazu sage ich nichts.“", "des Ministers"),
        ("Frage: „Wie geht es weiter?“", None),
        ("Seine Meinung zu Klaus Meier: „Das ist ein kluger Mann.“", "Seine Meinung"),
    ]:
        assert speakers(text) == [phrase], text


def test_a_sentence_pointing_back_with_an_auxiliary_names_the_speaker_but_a_denial_does_not():
    """ "„…“ Das hat X am Montag gesagt.", "Das ließ X mitteilen.": the verb of saying ends the clause after
    its auxiliary; "Das hat X nie gesagt." and "X sagte das nicht." deny it."""
    for text, phrase in [
        ("„Ich bleibe im Amt.“ Das hat Klaus Meier am Montag gesagt.", "Klaus Meier"),
        ("„Ich bleibe im Amt.“ Das ließ Anna Berger über ihren Sprecher mitteilen.", "Anna Berger"),
        ("„Ich bleibe im Amt.“ Das hat Klaus Meier nie gesagt.", None),
        ("„Ich bleibe im Amt.“ Klaus Meier sagte das nicht.", None),
    ]:
        assert speakers(text) == [phrase], text


def test_a_sentence_pointing_back_with_a_verb_of_reacting_names_no_speaker():
    """ "„…“ Das kritisierte X.", "X wies das zurück.", "Darauf reagierte X gelassen.": X reacts to words
    someone else said; "Das erwiderte X." and "Mit diesen Worten kritisierte X den Beschluss" are X's."""
    for text, phrase in [
        ("„Wir schließen das Werk.“ Das kritisierte Anna Berger scharf.", None),
        ("„Wir schließen das Werk.“ Anna Berger wies das zurück.", None),
        ("„Wir schließen das Werk.“ Darauf reagierte Anna Berger gelassen.", None),
        ("„Wir schließen das Werk.“ Das erwiderte Anna Berger.", "Anna Berger"),
        ("„Wir schließen das Werk.“ Mit diesen Worten kritisierte Anna Berger den Beschluss.", "Anna Berger"),
    ]:
        assert speakers(text) == [phrase], text


# ---- s22 English: attribution constructions ----------------------------------------------------------------


def en_pairs(text):
    """(speaker phrase, message) of each English quotation in ``text``, in order."""
    text, qs = quotes(text, "en")
    return [(q.speaker.text if q.speaker else None, said(text, q)) for q in qs]


def test_an_age_in_commas_after_the_english_name_belongs_to_the_speaker():
    """ "Jane Doe, 82, said": the age is an apposition of the name, before the verb, after it, and before a
    second apposition."""
    assert en_speakers("Jane Doe, 82, said he had never voted.") == ["Jane Doe, 82"]
    assert en_speakers("“I have never voted,” said Jane Doe, 82.") == ["Jane Doe, 82"]
    text = "“I will vote for him,” said Jane Doe, 45, a nurse from Ohio."
    assert en_speakers(text) == ["Jane Doe, 45, a nurse from Ohio"]


def test_including_after_the_english_speaker_belongs_to_it():
    """ "Critics, including X and Y, said": the list of those included is part of the source."""
    text = "Critics, including Jane Doe and Anna Berger, said the plan would fail."
    assert en_speakers(text) == ["Critics, including Jane Doe and Anna Berger"]
    text = "“It will fail,” said critics, including Jane Doe and Anna Berger."
    assert en_speakers(text) == ["critics, including Jane Doe and Anna Berger"]


def test_a_clause_after_according_to_x_and_a_comma_is_the_message_not_an_apposition():
    """ "According to the report, the agency ran out of money": the words after the comma have a verb of
    their own; an apposition after the source has none ("According to Jane Doe, a lawyer for the family,
    …")."""
    assert en_pairs("According to the report, the agency ran out of money.") == [
        ("the report", "the agency ran out of money")
    ]
    assert en_pairs("According to Jane Doe, a lawyer for the family, the police never called.") == [
        ("Jane Doe, a lawyer for the family", "the police never called")
    ]


def test_an_adjective_with_its_preposition_after_the_speaker_noun_belongs_to_it():
    """ "People familiar with the matter said", "Americans worried about crime say": the adjective after
    the noun and its complement are part of the phrase, before the verb and after "according to"."""
    for text, phrase in [
        ("People familiar with the matter said the deal was close.", "People familiar with the matter"),
        ("The deal is close, according to people familiar with the talks.", "people familiar with the talks"),
        ("Officials involved in the talks said the deal was close.", "Officials involved in the talks"),
        ("Americans worried about crime say the plan will fail.", "Americans worried about crime"),
        ("“It is close,” said two people briefed on the talks.", "two people briefed on the talks"),
    ]:
        assert en_speakers(text) == [phrase], text


def test_a_reported_clause_after_whom_it_was_told_to_is_the_message():
    """ "told reporters (Monday) he would run": the addressee (and a day) stands between the verb and the
    clause without "that"; "told her aides to wait" reports no clause; "Now tell us …" commands."""
    for text, message in [
        ("Jane Doe told reporters the president was fine.", "the president was fine"),
        ("Jane Doe told reporters Monday she would vote for him.", "she would vote for him"),
        ("Jane Doe told the AP on Friday the deal was close.", "the deal was close"),
        ("Jane Doe told him she would resign.", "she would resign"),
    ]:
        assert en_pairs(text) == [("Jane Doe", message)], text
    text, qs = quotes("Jane Doe told her aides to wait.", "en")
    assert [q.form for q in qs] == ["reported"]
    assert en_speakers("Now tell us this is fair.") == []


def test_a_quotation_after_a_colon_is_what_was_told_not_the_addressee():
    """ "The governor told supporters: “…”": the quotation is the message, the words before the colon are
    whom it was said to."""
    text, qs = quotes("The governor told supporters on Monday: “I am proud of our work.”", "en")
    assert [(q.form, q.speaker.text, said(text, q)) for q in qs] == [
        ("direct", "The governor", "I am proud of our work.")
    ]


def test_a_speaker_with_an_apposition_after_the_reported_words_frames_them():
    """ "The bill will pass, Jane Doe, a Democrat, said." and "…, Jane Doe told CNN.": the words before the
    speaker are the message, after a verb of saying and after one with whom it was told to."""
    for text, phrase in [
        ("The bill will pass, Jane Doe, a Democrat, said on Sunday.", "Jane Doe, a Democrat"),
        ("The bill will pass, Jane Doe told CNN.", "Jane Doe"),
        ("The bill will pass, Jane Doe, a Democrat, told CNN on Sunday.", "Jane Doe, a Democrat"),
    ]:
        assert en_pairs(text) == [(phrase, "The bill will pass")], text


def test_the_plural_present_of_an_english_verb_of_saying_is_one():
    """ "Experts warn that …", "Democrats argue …", "Scientists believe …": the base form is the verb of a
    plural subject (and after a modal: "would argue"); not after "to" or a singular name, whose verb it is
    not ("wants to deny that", "helps Jane Doe maintain the image"), nor in "think tank"."""
    for text, phrase in [
        ("Experts warn that the virus could spread.", "Experts"),
        ("Democrats argue that the tax is unfair.", "Democrats"),
        ("Scientists believe the virus came from bats.", "Scientists"),
        ("Officials acknowledge that the tax will hurt growth.", "Officials"),
        ("He would argue that the tax is unfair.", "He"),
    ]:
        assert en_speakers(text) == [phrase], text
    for text in [
        "Officials want to deny that the tax will hurt growth.",
        "The law helps Jane Doe maintain the image of a leader.",
    ]:
        _text, qs = quotes(text, "en")
        cues = [text[q.cue.start : q.cue.end] for q in qs if q.cue]
        assert not {"deny", "maintain"} & set(cues), text
    assert en_speakers("A think tank in Ohio said the tax was unfair.") == ["A think tank in Ohio"]


def test_a_fronted_adverbial_without_a_comma_does_not_run_into_the_speaker():
    """ "In a meeting with the Washington Post Trump said": the phrase after "with" is the paper, the
    speaker begins after the name of the body (or at a given name: "with CNN Jane Doe"); a phrase that
    opens the clause keeps its preposition ("A lawyer for Jane Doe said")."""
    for text, phrase in [
        ("In a meeting with the Washington Post Trump said he would win.", "Trump"),
        ("In an interview with CNN Jane Doe said the race was tight.", "Jane Doe"),
        ("At a rally in Ohio Jane Doe said the race was tight.", "Jane Doe"),
        ("A lawyer for Jane Doe said the plan would fail.", "A lawyer for Jane Doe"),
    ]:
        assert en_speakers(text) == [phrase], text


def test_the_stop_of_a_state_abbreviation_in_commas_belongs_to_the_speaker():
    """ "Sen. Jane Doe, D-Mont., said": the stop glued to "Mont" with a comma after it ends no sentence."""
    assert en_speakers("Sen. Jane Doe, D-Mont., said the bill was dead.") == ["Sen. Jane Doe, D-Mont."]


def test_the_words_that_open_the_clause_before_an_english_verb_after_a_quotation_are_the_speaker():
    """After a quotation the phrase before the verb is the speaker with all its words: a modifier in lower
    case that opens it ("retired Air Force general X"), a party and state in commas ("X, R-Ky."), the
    place after "from" ("the senator from Ohio") and a relative clause with "whose"."""
    for phrase in [
        "retired Air Force general Jane Doe",
        "former Secretary Jane Doe",
        "Senate Majority Leader Jane Doe, R-Ky.,",
        "the senator from Ohio",
    ]:
        text = f"“We are not ready,” {phrase} said."
        assert en_speakers(text) == [phrase.rstrip(",")], text
    text = "“We are not ready,” said Jane Doe, whose firm advised us."
    assert en_speakers(text) == ["Jane Doe, whose firm advised us"]


def test_a_restrictive_relative_clause_of_the_english_subject_belongs_to_it():
    """ "A study that appeared in the journal found …", "Leaders who opposed the plan warned …": the
    relative clause without commas is part of the subject; one that tells speech has its own ("Critics who
    say …")."""
    for text, phrase in [
        ("A poll that ran in Ohio found that it was wrong.", "A poll that ran in Ohio"),
        ("Leaders who opposed the plan warned that it would fail.", "Leaders who opposed the plan"),
        ("The firm that won the contract said it would hire workers.", "The firm that won the contract"),
    ]:
        assert en_speakers(text) == [phrase], text
    assert en_speakers("Critics who say the plan fails argued that it was costly.")[0] == "who"


def test_a_participle_with_its_preposition_after_the_subject_noun_belongs_to_it():
    """ "The section of the debate devoted to racial issues revealed …", "A group based in Ohio said …": the
    participle after the noun is a reduced relative clause of it; a verb of saying there is none ("the
    senator called on Republicans")."""
    for text, phrase in [
        (
            "The part of the debate devoted to race showed that they differ.",
            "The part of the debate devoted to race",
        ),
        ("A group based in Ohio said the plan would fail.", "A group based in Ohio"),
    ]:
        assert en_speakers(text) == [phrase], text


def test_a_name_before_a_verb_of_saying_after_according_to_x_is_its_subject_not_an_apposition():
    """ "According to Yahoo News, Clinton spokesman Jane Doe said …": the words after the comma stand before
    a verb of saying with no comma between, so they are its subject, no apposition of the source."""
    text = "According to Yahoo News, Clinton spokesman Jane Doe said Friday that she would sign it."
    assert en_speakers(text)[0] == "Yahoo News"


def test_a_list_of_names_before_the_english_verb_is_the_speaker():
    """ "Jane Doe, John Smith and Anna Berger said": every name of the list, with their parties in brackets
    and a floating "all" after them (PolNeAR marks it); an adverbial before a comma is none of it."""
    for phrase in [
        "Jane Doe, John Smith and Anna Berger",
        "Jane Doe (D-Ore.), John Smith (D-Ohio) and Anna Berger (D-N.J.) all",
    ]:
        assert en_speakers(f"{phrase} said the plan would fail.") == [phrase], phrase
    text = "In Ohio, Jane Doe and John Smith said the plan would fail."
    assert en_speakers(text) == ["Jane Doe and John Smith"]


def test_an_english_apposition_without_an_article_belongs_to_the_speaker():
    """ "X, one of the president's aides, said", "X, his wife, said", "said X, head of the union": a
    possessive, "one of", "then a …" or a bare role before "of" opens an apposition; an adverbial after the
    comma does not ("said X, in an interview")."""
    for phrase in [
        "Jane Doe, one of the president's closest aides",
        "Jane Doe, his wife",
        "Jane Doe, head of the union",
        "Jane Doe, then a senator",
    ]:
        assert en_speakers(f"{phrase}, said the plan would fail.") == [phrase], phrase
        assert en_speakers(f"“It will fail,” said {phrase}.") == [phrase], phrase
    assert en_speakers("“It will fail,” said Jane Doe, in an interview.") == ["Jane Doe"]


def test_asking_not_to_be_named_is_part_of_the_source_not_speech():
    """ "said one official, who asked not to be named": the source's anonymity is no attribution of its
    own; the relative clause describes the source."""
    phrase = "one official, who asked not to be named"
    assert en_speakers(f"“It will fail,” said {phrase}.") == [phrase]
    phrase = "An official who asked not to be named"
    assert en_speakers(f"{phrase} said the plan would fail.") == [phrase]


def test_the_subject_of_a_passive_english_verb_of_saying_is_no_source():
    """ "It is believed that …", "Reporters were told that …": what the subject of a passive is was said,
    or it was said to; the source is the agent after "by" ("It was reported by the Times that …") or none;
    "has said" is active, and so is "He's said"."""
    for text, phrase in [
        ("It is believed that the plan failed.", None),
        ("Reporters were told that the plan failed.", None),
        ("It was reported by the Times that the plan failed.", "the Times"),
        ("Jane Doe has said that the plan failed.", "Jane Doe"),
        ("He's said that the plan failed.", "He"),
    ]:
        assert en_speakers(text) == [phrase], text
    assert en_speakers("The plan is believed to have failed.") == []


def test_a_base_form_that_is_as_often_a_noun_is_a_verb_after_a_plural_a_pronoun_or_a_modal():
    """ "Polls show …", "Critics claim …", "We hope that …": after a plural subject, a pronoun or a modal
    the form is the verb; after a name it is a noun ("a New York Times report that …")."""
    for text, phrase in [
        ("Critics claim the tax will hurt growth.", "Critics"),
        ("Analysts estimate that the tax will raise money.", "Analysts"),
        ("We hope that the tax will raise money.", "We"),
    ]:
        assert en_speakers(text) == [phrase], text
    text = "She is seizing on a New York Times report that the firm had a loss."
    _text, qs = quotes(text, "en")
    assert "report" not in [text[q.cue.start : q.cue.end] for q in qs if q.cue]


def test_understood_with_a_clause_is_an_english_attribution_but_not_after_an_object_of_help():
    """ "Officials have long understood that …" attributes the clause; "to help people understand the past"
    is an infinitive after the object of "help", and "It is understood that …" a passive with no source."""
    assert en_speakers("Officials have long understood that the dam was weak.") == ["Officials"]
    assert en_speakers("It is understood that the dam was weak.") == [None]
    assert en_speakers("Her aim is to help people understand the past of the town.") == []


def test_reported_from_a_place_is_a_credit_line_not_speech():
    """ "Jane Doe reported from Kabul": the reporter's byline at an article's end tells where, not what."""
    assert en_speakers("Jane Doe reported from Kabul, and Anna Berger from Ohio.") == []
    assert en_speakers("Jane Doe reported that the plan failed.") == ["Jane Doe"]


def test_a_quantifier_of_whom_before_the_english_verb_is_its_speaker():
    """ "voters, most of whom said …": the part of those the relative pronoun stands for speaks."""
    assert en_speakers("He met voters, most of whom said they would stay home.") == ["most of whom"]


def test_a_role_before_the_name_in_commas_after_a_quotation_belongs_to_the_speaker():
    """ "“…,” the company's spokeswoman, Jane Doe, said": the name is the apposition of the role before it,
    the whole phrase speaks, as it does before the verb without a quotation."""
    for phrase in ["the company’s spokeswoman, Jane Doe", "her lawyer, Anna Berger"]:
        assert en_speakers(f"“We will appeal,” {phrase}, said in an email.") == [phrase], phrase


def test_the_message_of_a_relative_clause_between_commas_ends_before_the_main_predicate():
    """ "Jane Doe, who said the plan failed, resigned": the main clause's verb after the comma that closes
    the relative clause is no part of what "who" said; a comma inside the message stays."""
    for text, message in [
        ("Jane Doe, who said the plan failed, resigned on Monday.", "the plan failed"),
        ("The veterans, many of whom say the plan failed, met on Monday.", "the plan failed"),
        (
            "Jane Doe, who said the plan, which cost millions, failed, resigned.",
            "the plan, which cost millions, failed",
        ),
    ]:
        assert [m for _s, m in en_pairs(text)] == [message], text


# ---- s22 gender of given names ---------------------------------------------------------------------------

NAMED = {
    **PEOPLE,
    "Klaus Weber": ("person-klaus-weber", "Person"),
    "Weber": ("person-klaus-weber", "Person"),
    "Andrea Huber": ("person-andrea-huber", "Person"),
    "Huber": ("person-andrea-huber", "Person"),
    "John Smith": ("person-john-smith", "Person"),
    "Smith": ("person-john-smith", "Person"),
    "Mary Jones": ("person-mary-jones", "Person"),
    "Jones": ("person-mary-jones", "Person"),
}


def named_speakers(text, lang="de"):
    """The speaker key of each direct quotation in ``text``, in order, with the names above."""
    _text, qs = quotes(text, lang, NAMED)
    return [q.speaker.key if q.speaker else None for q in qs if q.form == "direct"]


def test_a_pronoun_stands_for_the_person_whose_given_name_has_its_gender():
    """ "Klaus Meier traf Anna Berger. Sie sagte: …": "Sie" is Anna Berger, as her given name is a woman's
    (nomquamgender's data), though Meier is named first."""
    assert named_speakers("Klaus Meier traf Anna Berger. Sie sagte: „Wir bleiben.“") == ["person-anna-berger"]
    assert named_speakers("Anna Berger traf Klaus Meier. Er sagte: „Wir bleiben.“") == ["person-klaus-meier"]


def test_a_pronoun_of_the_other_gender_does_not_carry_the_last_speaker_on():
    """ "„…“, sagte Klaus Weber. Sie wirkte müde. „…“": "Sie" is not Klaus Weber, so the second quotation
    is not his."""
    text = "„Wir bleiben“, sagte Klaus Weber. Sie wirkte müde. „Wir gehen nicht.“"
    first, *rest = named_speakers(text)
    assert first == "person-klaus-weber"
    assert "person-klaus-weber" not in rest


def test_an_english_pronoun_stands_for_the_person_whose_given_name_has_its_gender():
    assert named_speakers("John Smith met Mary Jones. She said: “We stay.”", "en") == ["person-mary-jones"]
    assert named_speakers("Mary Jones met John Smith. He said: “We stay.”", "en") == ["person-john-smith"]


def test_a_given_name_of_both_genders_gives_none():
    """ "Andrea" is a woman's name in German and a man's in Italian: no gender, so "Er" may stand for
    Andrea Huber, named last."""
    assert lexicon.given_name_gender("Andrea") == ""
    text = "Anna Berger traf Andrea Huber. Er sagte: „Wir bleiben.“"
    assert named_speakers(text) == ["person-andrea-huber"]


def test_a_title_wins_over_the_given_name():
    """ "Frau Klaus Weber" (a title the text gives) says more than the statistics of a given name."""
    text = "„Wir bleiben“, sagte Frau Klaus Weber. Sie wirkte müde. „Wir gehen nicht.“"
    assert named_speakers(text) == ["person-klaus-weber", "person-klaus-weber"]
