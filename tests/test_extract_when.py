"""Date phrases are resolved against the publication date at the precision the text gives."""

import datetime as dt

import pytest

from kg.extract.when import find_dates, first_day, last_day, resolve

FRIDAY = dt.date(2025, 10, 17)  # a Friday


def value(phrase: str, published: dt.date = FRIDAY, **kw):
    w = resolve(phrase, published, **kw)
    assert w is not None, phrase
    return (w.value, w.precision, w.end)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("am Donnerstag", ("2025-10-16", "day", None)),
        ("an diesem Freitag", ("2025-10-17", "day", None)),
        ("am vergangenen Montag", ("2025-10-13", "day", None)),
        ("am kommenden Montag", ("2025-10-20", "day", None)),
        ("gestern", ("2025-10-16", "day", None)),
        ("heute", ("2025-10-17", "day", None)),
        ("vorgestern", ("2025-10-15", "day", None)),
        ("am 5. August 1930", ("1930-08-05", "day", None)),
        ("17.10.2025", ("2025-10-17", "day", None)),
        ("im August", ("2025-08", "month", None)),
        ("im Juli 2024", ("2024-07", "month", None)),
        ("im Jahr 2023", ("2023", "year", None)),
        ("im vergangenen Jahr", ("2024", "year", None)),
        ("in den nächsten zwei Wochen", ("2025-10-17", "window", "2025-10-31")),
        ("nächste Woche", ("2025-10-20", "window", "2025-10-26")),
        ("in der kommenden Woche", ("2025-10-20", "window", "2025-10-26")),
        ("am vergangenen Wochenende", ("2025-10-11", "window", "2025-10-12")),
        ("Mitte Oktober", ("2025-10-11", "window", "2025-10-20")),
        ("Ende 2006", ("2006-10-01", "window", "2006-12-31")),
        ("im Sommer 2011", ("2011-06-01", "window", "2011-08-31")),
        ("vor drei Jahren", ("2022", "year", None)),
    ],
)
def test_german_phrases(phrase, expected):
    assert value(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on Thursday", ("2025-10-16", "day", None)),
        ("last Thursday", ("2025-10-16", "day", None)),
        ("yesterday", ("2025-10-16", "day", None)),
        ("in August", ("2025-08", "month", None)),
        ("Sept. 11", ("2025-09-11", "day", None)),
        ("August 5, 2016", ("2016-08-05", "day", None)),
        ("in the next two weeks", ("2025-10-17", "window", "2025-10-31")),
        ("next week", ("2025-10-20", "window", "2025-10-26")),
        ("mid-October", ("2025-10-11", "window", "2025-10-20")),
        ("in 2023", ("2023", "year", None)),
    ],
)
def test_english_phrases(phrase, expected):
    assert value(phrase) == expected


def test_a_bare_weekday_looks_ahead_when_the_sentence_does():
    (w,) = find_dates("Der Kanzler wird am Montag nach Paris reisen.", FRIDAY)
    assert w.value == "2025-10-20"
    (w,) = find_dates("Der Kanzler reiste am Montag nach Paris.", FRIDAY)
    assert w.value == "2025-10-13"


def test_future_words_inside_a_quotation_do_not_turn_the_date():
    (w,) = find_dates('"Wir werden siegen", schrieb sie am Donnerstag.', FRIDAY)
    assert w.value == "2025-10-16"


def test_a_month_named_without_a_year_is_the_nearest_one():
    assert value("im Dezember", dt.date(2026, 1, 10)) == ("2025-12", "month", None)
    assert value("Anfang November")[0] == "2025-11-01"


def test_not_dates():
    assert find_dates("Am Morgen fuhr sie los.", FRIDAY) == []
    assert find_dates("eine Reichweite von bis zu 2500 Kilometern", FRIDAY) == []
    assert find_dates("May I come in?", FRIDAY) == []


def test_spans_point_into_the_text():
    text = "Das Treffen soll in den nächsten zwei Wochen stattfinden."
    (w,) = find_dates(text, FRIDAY)
    assert text[w.span.start : w.span.end] == "in den nächsten zwei Wochen"


def test_first_and_last_day():
    w = resolve("im Februar 2024", FRIDAY)
    assert (first_day(w), last_day(w)) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
