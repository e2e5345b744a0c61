"""Who said what: direct, indirect and reported speech with cue and speaker (texts written for these
tests)."""

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


def mentions(text):
    """Mentions as a recogniser would give them (built by hand so these tests do not depend on one)."""
    import re

    out, taken = [], []
    for name in sorted(PEOPLE, key=len, reverse=True):
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            taken.append(m.span())
            key, typ = PEOPLE[name]
            out.append(Mention(Span(*m.span()), name, typ, key, False, 0.9, None, name))
    return sorted(out, key=lambda m: m.span.start)


def quotes(text, lang="de"):
    doc = analyse(text, lang)
    return text, find_quotations(doc, mentions(text))


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
