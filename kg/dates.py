"""Dates at the precision the text gives: a day, a month or a year, never padded.

``PartialDate("2025-08")`` is August 2025, not the first of August; RDF gets ``xsd:gYearMonth``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kg.vocab import XSD

_FORMS = {
    "day": (re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})"), XSD + "date"),
    "month": (re.compile(r"([0-9]{4})-([0-9]{2})"), XSD + "gYearMonth"),
    "year": (re.compile(r"([0-9]{4})"), XSD + "gYear"),
}


@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to a day, a month or a year.

    >>> PartialDate.parse("2025-08").precision
    'month'
    >>> PartialDate.parse("2025-02-30")
    Traceback (most recent call last):
    ValueError: '2025-02-30' is not a real date (expected YYYY, YYYY-MM or YYYY-MM-DD)
    """

    text: str
    precision: str

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        for precision, (pattern, _) in _FORMS.items():
            match = pattern.fullmatch(value)
            if match is None:
                continue
            parts = [int(p) for p in match.groups()] + [1] * (3 - len(match.groups()))
            try:
                dt.date(*parts)
            except ValueError:
                break
            return cls(value, precision)
        raise ValueError(f"{value!r} is not a real date (expected YYYY, YYYY-MM or YYYY-MM-DD)")

    @property
    def datatype(self) -> str:
        return _FORMS[self.precision][1]

    @property
    def first_day(self) -> dt.date:
        """Earliest day the date can mean."""
        parts = [int(p) for p in self.text.split("-")]
        return dt.date(*(parts + [1] * (3 - len(parts))))

    @property
    def last_day(self) -> dt.date:
        """Latest day the date can mean."""
        first = self.first_day
        if self.precision == "day":
            return first
        if self.precision == "year" or first.month == 12:
            return dt.date(first.year, 12, 31)
        next_month = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return next_month - dt.timedelta(days=1)


def iso_duration(value: dt.timedelta) -> str:
    """ISO 8601 duration as schema.org wants it.

    >>> iso_duration(dt.timedelta(minutes=3, seconds=38))
    'PT3M38S'
    """
    seconds = int(value.total_seconds())
    if seconds <= 0:
        return "PT0S"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    out = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return out + (f"{secs}S" if secs else "")


_DURATION = re.compile(r"P(?:([0-9]+)D)?(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)S)?)?")


def parse_duration(value: str) -> dt.timedelta:
    """Parse the ISO 8601 durations editors write (``PT2H``, ``P1DT3H``).

    >>> parse_duration("PT2H")
    datetime.timedelta(seconds=7200)
    """
    match = _DURATION.fullmatch(value)
    if match is None or value in ("P", "PT") or value.endswith("T"):
        raise ValueError(f"{value!r} is not an ISO 8601 duration such as PT2H")
    days, hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    return dt.timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
