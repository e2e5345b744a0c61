"""What every reader takes from a body the same way: headings, quoted passages, sections."""

from kg.model import Span
from kg.read.body import Layout, find_quotes, looks_like_heading, split_sections


def test_a_heading_is_a_short_line_that_does_not_end_like_a_sentence():
    assert looks_like_heading("Treffen in Budapest")
    assert not looks_like_heading("Trump will Putin treffen.")
    assert not looks_like_heading("Er sagte: „Wir kommen“")
    assert not looks_like_heading(" ".join(["Wort"] * 13))


def test_quoted_passages_in_every_style_the_press_uses_without_their_marks():
    body = 'A „eins“ B "zwei" C »drei« D “vier” E «fünf»'
    assert [s.text(body) for s in find_quotes(body)] == ["eins", "zwei", "drei", "vier", "fünf"]


def test_a_quotation_mark_left_open_at_the_line_end_quotes_nothing():
    assert find_quotes("Er sagte „nichts\nmehr“") == []


def test_a_section_runs_to_the_paragraph_break_before_the_next_heading_and_the_last_to_the_end():
    body = "Eins\n\nText a.\n\nZwei\n\nText b."
    one, two = Span(0, 4), Span(15, 19)
    first, second = split_sections([("Eins", one), ("Zwei", two)], len(body))
    assert (first.span.text(body), second.span.text(body)) == ("Eins\n\nText a.", "Zwei\n\nText b.")


def test_a_layout_puts_a_blank_line_between_blocks_and_keeps_each_span_and_heading():
    layout = Layout()
    head = layout.add("headline", "Titel")
    heading = layout.add("heading", "Abschnitt")
    layout.add("paragraph", "Text.")
    body = layout.body()
    assert body == "Titel\n\nAbschnitt\n\nText."
    assert (head.text(body), heading.text(body)) == ("Titel", "Abschnitt")
    assert [b.kind for b in layout.blocks] == ["headline", "heading", "paragraph"]
    assert layout.headings == [("Abschnitt", heading)]
