"""Dates at the precision the text gives, and ISO 8601 durations (``kg.dates``)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.dates import PartialDate, iso_duration, parse_duration

XSD = "http://www.w3.org/2001/XMLSchema#"


class TestPrecision:
    @pytest.mark.parametrize(
        ("text", "precision", "datatype"),
        [
            ("2025-10-17", "day", XSD + "date"),
            ("2025-08", "month", XSD + "gYearMonth"),
            ("2025", "year", XSD + "gYear"),
        ],
    )
    def test_precision_and_datatype_follow_the_written_form(
        self, text: str, precision: str, datatype: str
    ) -> None:
        date = PartialDate.parse(text)
        assert date == PartialDate(text, precision)
        assert date.text == text
        assert date.precision == precision
        assert date.datatype == datatype

    def test_a_month_is_not_padded_to_its_first_day(self) -> None:
        assert PartialDate.parse("2025-08").text == "2025-08"
        assert PartialDate.parse("2025-08") != PartialDate.parse("2025-08-01")


class TestRange:
    @pytest.mark.parametrize(
        ("text", "first", "last"),
        [
            ("2025-10-17", dt.date(2025, 10, 17), dt.date(2025, 10, 17)),
            ("2025-08", dt.date(2025, 8, 1), dt.date(2025, 8, 31)),
            ("2025-04", dt.date(2025, 4, 1), dt.date(2025, 4, 30)),
            ("2025-12", dt.date(2025, 12, 1), dt.date(2025, 12, 31)),
            ("2025-01", dt.date(2025, 1, 1), dt.date(2025, 1, 31)),
            ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
            ("2023-02", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
            ("2000-02", dt.date(2000, 2, 1), dt.date(2000, 2, 29)),
            ("1900-02", dt.date(1900, 2, 1), dt.date(1900, 2, 28)),
            ("2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
            ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
            ("2024-02-29", dt.date(2024, 2, 29), dt.date(2024, 2, 29)),
            ("2024-12-31", dt.date(2024, 12, 31), dt.date(2024, 12, 31)),
            ("0001", dt.date(1, 1, 1), dt.date(1, 12, 31)),
            ("9999", dt.date(9999, 1, 1), dt.date(9999, 12, 31)),
        ],
    )
    def test_first_and_last_day(self, text: str, first: dt.date, last: dt.date) -> None:
        date = PartialDate.parse(text)
        assert (date.first_day, date.last_day) == (first, last)

    @settings(max_examples=200, deadline=None)
    @given(st.dates(dt.date(1, 1, 1), dt.date(9999, 11, 30)))
    def test_a_month_covers_exactly_its_days(self, day: dt.date) -> None:
        month = PartialDate.parse(f"{day.year:04d}-{day.month:02d}")
        assert month.first_day <= day <= month.last_day
        assert month.first_day.day == 1
        assert (month.last_day + dt.timedelta(days=1)).day == 1
        assert month.last_day.month == day.month

    @settings(max_examples=200, deadline=None)
    @given(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
    def test_a_day_round_trips_through_its_iso_form(self, day: dt.date) -> None:
        date = PartialDate.parse(day.isoformat())
        assert date.precision == "day"
        assert date.first_day == date.last_day == day


class TestInvalidDates:
    @pytest.mark.parametrize(
        "text",
        [
            "2025-02-29",
            "2023-02-29",
            "2025-02-30",
            "2025-04-31",
            "2025-13",
            "2025-00",
            "2025-10-00",
            "2025-10-32",
            "0000",
            "2025-1",
            "2025-10-1",
            "25",
            "20251",
            "2025/10/17",
            "17.10.2025",
            "2025-10-17T12:00",
            " 2025",
            "2025 ",
            "2025\n",
            "",
            "Oktober 2025",
        ],
    )
    def test_not_a_real_date(self, text: str) -> None:
        with pytest.raises(ValueError) as caught:
            PartialDate.parse(text)
        assert str(caught.value) == f"{text!r} is not a real date (expected YYYY, YYYY-MM or YYYY-MM-DD)"


class TestIsoDuration:
    @pytest.mark.parametrize(
        ("value", "text"),
        [
            (dt.timedelta(minutes=3, seconds=38), "PT3M38S"),
            (dt.timedelta(seconds=218), "PT3M38S"),
            (dt.timedelta(hours=2), "PT2H"),
            (dt.timedelta(hours=1, minutes=2, seconds=3), "PT1H2M3S"),
            (dt.timedelta(hours=1, seconds=5), "PT1H5S"),
            (dt.timedelta(minutes=90), "PT1H30M"),
            (dt.timedelta(seconds=59), "PT59S"),
            (dt.timedelta(days=1, hours=3), "PT27H"),
            (dt.timedelta(seconds=59, microseconds=900_000), "PT59S"),
            (dt.timedelta(0), "PT0S"),
            (dt.timedelta(seconds=-5), "PT0S"),
        ],
    )
    def test_iso_duration(self, value: dt.timedelta, text: str) -> None:
        assert iso_duration(value) == text


class TestParseDuration:
    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("PT2H", dt.timedelta(hours=2)),
            ("P1DT3H", dt.timedelta(days=1, hours=3)),
            ("P2D", dt.timedelta(days=2)),
            ("PT90M", dt.timedelta(minutes=90)),
            ("PT3M38S", dt.timedelta(seconds=218)),
            ("PT45S", dt.timedelta(seconds=45)),
            ("P1DT2H3M4S", dt.timedelta(days=1, hours=2, minutes=3, seconds=4)),
            ("PT0S", dt.timedelta(0)),
            ("P0D", dt.timedelta(0)),
        ],
    )
    def test_parse_duration(self, text: str, value: dt.timedelta) -> None:
        assert parse_duration(text) == value

    @pytest.mark.parametrize(
        "text",
        [
            "",
            "P",
            "PT",
            "P1DT",
            "2H",
            "PT2h",
            "pt2h",
            "PT1.5H",
            "P1W",
            "P1Y",
            "P1M",
            "PT3S2M",
            "PT2H ",
            "T2H",
        ],
    )
    def test_not_an_iso_duration(self, text: str) -> None:
        with pytest.raises(ValueError) as caught:
            parse_duration(text)
        assert str(caught.value) == f"{text!r} is not an ISO 8601 duration such as PT2H"

    @settings(max_examples=200, deadline=None)
    @given(st.integers(1, 10 * 24 * 3600))
    def test_iso_duration_round_trips(self, seconds: int) -> None:
        value = dt.timedelta(seconds=seconds)
        assert parse_duration(iso_duration(value)) == value


def test_the_last_month_of_the_calendar_has_a_last_day() -> None:
    assert PartialDate.parse("9999-12").last_day == dt.date(9999, 12, 31)


@pytest.mark.parametrize("text", ["２０２５-１０", "٢٠٢٥"])
def test_only_ascii_digits_make_a_date(text: str) -> None:
    with pytest.raises(ValueError, match="is not a real date"):
        PartialDate.parse(text)


def test_only_ascii_digits_make_a_duration() -> None:
    with pytest.raises(ValueError, match="not an ISO 8601 duration"):
        parse_duration("PT١H")
