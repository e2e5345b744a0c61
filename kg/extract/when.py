"""Date expressions in German and English news, resolved against the publication date at the precision the
text gives.

"am Donnerstag" is a day, "im August" a month, "im Jahr 2023" a year, "in den nächsten zwei Wochen" and
"Mitte Oktober" a window (:class:`kg.extract.types.When` with ``precision="window"``, ``value`` its first and
``end`` its last day).

Why rules and not dateparser: dateparser 1.5.0 (PyPI) was measured here on the phrases of this module's tests
(publication date Friday 2025-10-17, ``PREFER_DATES_FROM=past``). It returns the right day for "gestern",
a bare "Donnerstag", "17.10.2025", "yesterday", "on/last Thursday", "Sept. 11" and "August 5, 2016"; it
returns nothing for "am Donnerstag", "an diesem Freitag", "in der kommenden Woche", "in den nächsten zwei
Wochen", "im Jahr 2023", "Mitte Oktober", "Anfang November", "am vergangenen Wochenende", "am 5. August
1930", "im Sommer 2011", "in the next two weeks" and "mid-October"; and where it answers it gives a full date
even when the text names a month, a week or a year ("im August" -> 2025-08-17, "nächste Woche" -> 2025-10-24,
"in 2023" -> 2023-10-17), while the graph needs the precision. Finding the expressions in running text
(``search_dates``) took 0.35 s for the 1,200-word seed article and reported "mit" and "die" as dates. So
every phrase is resolved by the rules below, which also give each phrase dateparser gets right, with its
precision; dateparser is not a dependency.

Direction: a bare weekday or month ("am Donnerstag", "im August") means the nearest one before the
publication date (or the day itself), unless the sentence looks ahead (a future or planning marker such as
"wird", "soll", "will", "geplant", "will", "next"), then the nearest one on or after it.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Iterator

from kg.extract.types import When
from kg.model import Span

# --- lexicons ---------------------------------------------------------------------------------------------

WEEKDAYS = {
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "samstag": 5,
    "sonnabend": 5,
    "sonntag": 6,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

MONTHS = {
    "januar": 1,
    "jänner": 1,
    "februar": 2,
    "märz": 3,
    "april": 4,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "dezember": 12,
    "january": 1,
    "february": 2,
    "march": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "october": 10,
    "december": 12,
    "jan.": 1,
    "feb.": 2,
    "febr.": 2,
    "mar.": 3,
    "apr.": 4,
    "jun.": 6,
    "jul.": 7,
    "aug.": 8,
    "sep.": 9,
    "sept.": 9,
    "okt.": 10,
    "oct.": 10,
    "nov.": 11,
    "dez.": 12,
    "dec.": 12,
}

NUMBERS = {
    "ein": 1,
    "einem": 1,
    "einer": 1,
    "eine": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "few": 3,
    "couple of": 2,
}

UNITS = {
    "tag": "day",
    "tage": "day",
    "tagen": "day",
    "tages": "day",
    "woche": "week",
    "wochen": "week",
    "monat": "month",
    "monate": "month",
    "monaten": "month",
    "monats": "month",
    "jahr": "year",
    "jahre": "year",
    "jahren": "year",
    "jahres": "year",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
}

FUTURE_MARKERS = re.compile(
    r"\b(?:wird|werden|werde|würde|soll|sollen|solle|will|wollen|wolle|plant|planen|geplant|geplante[nmrs]?"
    r"|bevorstehend\w*|kommende[nmrs]?|nächste[nmrs]?|künftig|demnächst|morgen|übermorgen"
    r"|will|shall|planned|plans?|scheduled|upcoming|next|tomorrow|going to)\b",
    re.IGNORECASE,
)

_N = r"(?:\d{1,2}|" + "|".join(sorted((re.escape(k) for k in NUMBERS), key=len, reverse=True)) + r")"
_MONTH = "|".join(sorted((re.escape(k) for k in MONTHS), key=len, reverse=True))
_WD = "|".join(WEEKDAYS)
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_PART = r"(?:morgen|vormittag|mittag|nachmittag|abend|nacht)"
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))

# Each pattern has a name; _resolve turns a match into a When. Ordered longest first where they overlap.
_PATTERNS: list[tuple[str, str]] = [
    # 17.10.2025, 17. 10. 2025
    ("numeric", r"\b(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>" + _YEAR + r")\b"),
    # 5. August 1930, (am) 17. Oktober, 5 August 2024
    (
        "dmy",
        r"\b(?P<d>\d{1,2})\.?\s+(?P<mon>" + _MONTH + r")(?:(?<=\.)|\b)(?:\s*(?P<y>" + _YEAR + r")(?!\d))?",
    ),
    # August 5, 2016 / Sept. 11 / Aug. 5
    ("mdy", r"\b(?P<mon>" + _MONTH + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>" + _YEAR + r"))?"),
    # Mitte Oktober (2025), Anfang 2006, Ende des Jahres, mid-October, early November, late 2006
    (
        "part",
        r"\b(?P<part>Anfang|Mitte|Ende|early|mid|late|beginning of|end of|the end of|the middle of)"
        r"[\s-]+(?:(?P<mon>" + _MONTH + r")(?:\s+(?P<y>" + _YEAR + r"))?|(?P<yo>" + _YEAR + r"))(?![\w])",
    ),
    # im Sommer 2011, im Frühjahr, in the summer of 2011
    (
        "season",
        r"\b(?:im|in the|this|last|next)\s+(?P<season>Frühjahr|Frühling|Sommer|Herbst|Winter|spring|summer"
        r"|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>" + _YEAR + r"))?\b",
    ),
    # im August 2024, im August, in August, in August 2024, August 2024
    (
        "month",
        r"\b(?:(?:im|in|seit|bis|ab|since|until|by)\s+)?(?P<mon>"
        + _MONTH
        + r")(?:\s+(?P<y>"
        + _YEAR
        + r"))?\b",
    ),
    # in den nächsten zwei Wochen, in den kommenden Tagen, innerhalb von zwei Wochen, in the next two weeks,
    # within two weeks, in the coming days
    (
        "ahead",
        r"\b(?:in\s+den\s+(?:nächsten|kommenden)|innerhalb\s+(?:der\s+nächsten|von)|binnen|in\s+the\s+"
        r"(?:next|coming)|within(?:\s+the\s+next)?|over\s+the\s+(?:next|coming))\s+(?:(?P<n>" + _N + r")\s+)?"
        r"(?P<unit>" + _UNIT + r")\b",
    ),
    # vor zwei Wochen, vor drei Jahren, two weeks ago
    ("ago", r"\bvor\s+(?P<n>" + _N + r")\s+(?P<unit>" + _UNIT + r")\b"),
    ("ago", r"\b(?P<n>" + _N + r")\s+(?P<unit>" + _UNIT + r")\s+ago\b"),
    # (in der) kommende(n)/nächste(n)/vergangene(n)/letzte(n)/diese(r) Woche/Monat/Jahr; am vergangenen
    # Wochenende; next week, last month, this year
    (
        "rel",
        r"\b(?:(?:in|im|am|an|zum|des|der|dem|den)\s+)?(?:(?:der|dem|den|des)\s+)?"
        r"(?P<dir>kommende[nmrs]?|nächste[nmrs]?|vergangene[nmrs]?|letzte[nmrs]?|vorige[nmrs]?|diese[nmrs]?"
        r"|laufende[nmrs]?|selbe[nmrs]?|next|last|this|past|previous|coming)\s+"
        r"(?P<unit>Woche|Wochenende|Monat[s]?|Jahr(?:es)?|week|weekend|month|year)\b",
    ),
    # im Jahr 2023, im Jahre 1990, in the year 2023
    ("year", r"\b(?:im\s+Jahre?|in\s+the\s+year|des\s+Jahres)\s+(?P<y>" + _YEAR + r")\b"),
    # am vergangenen Donnerstag, am kommenden Montag, an diesem Freitag, last Thursday, next Monday, on Friday
    (
        "weekday",
        r"\b(?:(?:am|an|on|vom|seit|bis|ab)\s+)?(?:(?P<dir>vergangenen|letzten|kommenden|nächsten|diesem|dieser"
        r"|last|next|this|past|coming)\s+)?(?P<wd>" + _WD + r")(?P<part>" + _PART + r")?\b",
    ),
    (
        "deictic",
        r"\b(?P<w>vorgestern|gestern|heute|morgen|übermorgen|heutigen|gestrigen|morgigen"
        r"|yesterday|today|tomorrow|tonight)\b",
    ),
    # bare years after a preposition or at the start of a sentence: seit 1962, 2004, in 2023 (checked in code)
    ("year", r"\b(?P<y>" + _YEAR + r")(?![\w.,]\d)\b"),
]

_COMPILED = [
    (name, re.compile(p, re.IGNORECASE if name != "year" else re.MULTILINE)) for name, p in _PATTERNS
]
# "morgen" is tomorrow only in lower case ("am Morgen" is the morning); "Mai"/"May" and short months need care
_CASE_SENSITIVE_DEICTIC = {"morgen", "morgigen", "heute", "gestern"}
_AMBIGUOUS_MONTHS = {"may", "march", "mai"}


# --- helpers ----------------------------------------------------------------------------------------------


def _number(word: str | None) -> int:
    if not word:
        return 1
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS.get(word, 1)


def _add_months(day: dt.date, months: int) -> dt.date:
    m = day.month - 1 + months
    year, month = day.year + m // 12, m % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _day(span: Span, day: dt.date) -> When:
    return When(day.isoformat(), "day", span)


def _window(span: Span, first: dt.date, last: dt.date) -> When:
    return When(first.isoformat(), "window", span, end=last.isoformat())


def _guess_year(published: dt.date, month: int, future: bool, day: int | None = None) -> int:
    """The year of a month (or day) the text names without one: in a sentence that looks ahead, the next
    such month (this one included); otherwise the one within nine months before and two after publication."""
    here = (month, day or 0)
    now = (published.month, published.day if day else 0)
    if future:
        return published.year if here >= now else published.year + 1
    ahead = (month - published.month) % 12
    if here > now and ahead <= 2:
        return published.year
    if here > now:
        return published.year - 1
    if (published.month - month) % 12 > 9:
        return published.year + 1
    return published.year


def _weekday(published: dt.date, weekday: int, direction: str | None, future: bool) -> dt.date:
    delta = weekday - published.weekday()
    d = (direction or "").lower()
    if d in ("diesem", "dieser", "this"):
        # the day of the current week (Monday to Sunday)
        return published + dt.timedelta(days=delta)
    if d in ("vergangenen", "letzten", "last", "past"):
        back = (published.weekday() - weekday) % 7 or 7
        return published - dt.timedelta(days=back)
    if d in ("kommenden", "nächsten", "next", "coming"):
        ahead = delta % 7 or 7
        return published + dt.timedelta(days=ahead)
    if future:
        return published + dt.timedelta(days=delta % 7)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


# --- resolution -------------------------------------------------------------------------------------------


def _resolve(name: str, m: re.Match[str], span: Span, published: dt.date, future: bool) -> When | None:
    g = m.groupdict()
    if name == "numeric":
        try:
            return _day(span, dt.date(int(g["y"]), int(g["m"]), int(g["d"])))
        except ValueError:
            return None
    if name in ("dmy", "mdy"):
        month = MONTHS[g["mon"].lower()]
        day = int(g["d"])
        year = int(g["y"]) if g.get("y") else _guess_year(published, month, future, day)
        try:
            return _day(span, dt.date(year, month, day))
        except ValueError:
            return None
    if name == "month":
        mon = g["mon"]
        if (
            mon.lower() in _AMBIGUOUS_MONTHS
            and not g.get("y")
            and not re.match(r"(?i)(im|in|seit|bis|ab)\s", m.group())
        ):
            return None  # "May" the verb or a name, "Mai" in "Mai Thi": only with a preposition or a year
        if not mon[0].isupper():
            return None
        month = MONTHS[mon.lower()]
        year = int(g["y"]) if g.get("y") else _guess_year(published, month, future)
        return When(f"{year:04d}-{month:02d}", "month", span)
    if name == "part":
        part = g["part"].lower()
        if g.get("mon"):
            month = MONTHS[g["mon"].lower()]
            year = int(g["y"]) if g.get("y") else _guess_year(published, month, future)
            last = calendar.monthrange(year, month)[1]
            days = {
                "anfang": (1, 10),
                "early": (1, 10),
                "beginning of": (1, 10),
                "mitte": (11, 20),
                "mid": (11, 20),
                "the middle of": (11, 20),
                "ende": (21, last),
                "late": (21, last),
                "end of": (21, last),
                "the end of": (21, last),
            }[part]
            return _window(span, dt.date(year, month, days[0]), dt.date(year, month, days[1]))
        year = int(g["yo"])
        months = {
            "anfang": (1, 3),
            "early": (1, 3),
            "beginning of": (1, 3),
            "mitte": (5, 8),
            "mid": (5, 8),
            "the middle of": (5, 8),
            "ende": (10, 12),
            "late": (10, 12),
            "end of": (10, 12),
            "the end of": (10, 12),
        }[part]
        return _window(span, dt.date(year, months[0], 1), _month_end(year, months[1]))
    if name == "season":
        season = g["season"].lower()
        year = int(g["y"]) if g.get("y") else published.year
        first, last = {
            "frühjahr": (3, 5),
            "frühling": (3, 5),
            "spring": (3, 5),
            "sommer": (6, 8),
            "summer": (6, 8),
            "herbst": (9, 11),
            "autumn": (9, 11),
            "fall": (9, 11),
            "winter": (12, 14),
        }[season]
        if first == 12:
            return _window(span, dt.date(year, 12, 1), _month_end(year + 1, 2))
        return _window(span, dt.date(year, first, 1), _month_end(year, last))
    if name == "ahead":
        n, unit = _number(g.get("n")), UNITS[g["unit"].lower()]
        if unit == "day":
            last = published + dt.timedelta(days=n)
        elif unit == "week":
            last = published + dt.timedelta(weeks=n)
        elif unit == "month":
            last = _add_months(published, n)
        else:
            last = _add_months(published, 12 * n)
        return _window(span, published, last)
    if name == "ago":
        n, unit = _number(g.get("n")), UNITS[g["unit"].lower()]
        if unit == "day":
            return _day(span, published - dt.timedelta(days=n))
        if unit == "week":
            day = published - dt.timedelta(weeks=n)
            monday = day - dt.timedelta(days=day.weekday())
            return _window(span, monday, monday + dt.timedelta(days=6))
        if unit == "month":
            day = _add_months(published, -n)
            return When(f"{day.year:04d}-{day.month:02d}", "month", span)
        return When(f"{published.year - n:04d}", "year", span)
    if name == "rel":
        d = g["dir"].lower()
        step = 0
        if d.startswith(("komm", "näch", "next", "coming")):
            step = 1
        elif d.startswith(("verg", "letz", "vori", "last", "past", "previous")):
            step = -1
        unit = g["unit"].lower()
        monday = published - dt.timedelta(days=published.weekday())
        if unit in ("wochenende", "weekend"):
            saturday = monday + dt.timedelta(days=5)
            if step < 0 and published.weekday() < 5:
                saturday -= dt.timedelta(weeks=1)
            elif step < 0:
                saturday -= dt.timedelta(weeks=1) if published.weekday() == 5 else dt.timedelta(0)
            elif step > 0 and published.weekday() >= 5:
                saturday += dt.timedelta(weeks=1)
            return _window(span, saturday, saturday + dt.timedelta(days=1))
        if unit.startswith(("woche", "week")):
            monday += dt.timedelta(weeks=step)
            return _window(span, monday, monday + dt.timedelta(days=6))
        if unit.startswith(("monat", "month")):
            day = _add_months(published.replace(day=1), step)
            return When(f"{day.year:04d}-{day.month:02d}", "month", span)
        return When(f"{published.year + step:04d}", "year", span)
    if name == "year":
        return When(g["y"], "year", span)
    if name == "weekday":
        wd = g["wd"]
        if not wd[0].isupper():
            return None
        return _day(span, _weekday(published, WEEKDAYS[wd.lower()], g.get("dir"), future))
    if name == "deictic":
        w = g["w"]
        if w[0].isupper() and w.lower() in ("morgen", "morgigen"):
            return None  # "Morgen" is a noun: the morning
        offset = {
            "vorgestern": -2,
            "gestern": -1,
            "gestrigen": -1,
            "heute": 0,
            "heutigen": 0,
            "morgen": 1,
            "morgigen": 1,
            "übermorgen": 2,
            "yesterday": -1,
            "today": 0,
            "tonight": 0,
            "tomorrow": 1,
        }[w.lower()]
        return _day(span, published + dt.timedelta(days=offset))
    return None


_SENTENCE_END = re.compile(r"(?<=[a-zäöüß)\"“”'][.!?])\s+(?=[A-ZÄÖÜ\"„»«])|(?<=[.!?][\"“”])\s+|\n+")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Dr|Prof|St|Nr|bzw|ca|Mio|Mrd|vgl|evtl|usw|etc|Mr|Mrs|Ms|Jr|Sr|Gen|Gov|Sen|Rep|Sept|Jan|Feb|Aug"
    r"|Okt|Oct|Nov|Dez|Dec|Abs|Art|Str|inkl|Inc|Corp|Co|Ltd|vs)\.|\b[a-zA-Z]\.)$"
)


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if _ABBREVIATIONS.search(text, max(0, m.start() - 8), m.start()):
            continue
        yield start, m.start()
        start = m.end()
    yield start, len(text)


_ANCHOR_WORDS = (
    {k.rstrip(".") for k in MONTHS}
    | set(WEEKDAYS)
    | {
        w + p
        for w in WEEKDAYS
        if not w.endswith("day")
        for p in ("morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht")
    }
    | {
        "woche",
        "wochen",
        "wochenende",
        "monat",
        "monate",
        "monaten",
        "monats",
        "jahr",
        "jahre",
        "jahren",
        "jahres",
        "jahrs",
        "tag",
        "tage",
        "tagen",
        "heute",
        "gestern",
        "morgen",
        "vorgestern",
        "übermorgen",
        "heutigen",
        "gestrigen",
        "morgigen",
        "week",
        "weeks",
        "weekend",
        "month",
        "months",
        "year",
        "years",
        "day",
        "days",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "sommer",
        "winter",
        "herbst",
        "frühjahr",
        "frühling",
        "summer",
        "spring",
        "autumn",
        "fall",
        "mid",
        "anfang",
        "mitte",
        "ende",
        "early",
        "late",
    }
)
_WORD = re.compile(r"\w+")


def _anchors(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Where a date expression may be: a number, or a word every such expression contains."""
    for m in _WORD.finditer(text, start, end):
        w = m.group()
        if w[0].isdigit() or w.lower() in _ANCHOR_WORDS:
            yield m.span()


_QUOTED = re.compile(r"„[^“”]*[“”]|\"[^\"]*\"|»[^«]*«|“[^”]*”")


def find_dates(
    text: str, published: dt.date, *, start: int = 0, end: int | None = None, future: bool | None = None
) -> list[When]:
    """Every date expression in ``text[start:end]``, resolved against ``published``, in text order.

    ``future`` forces the direction of bare weekdays and months; by default each sentence decides (a future
    or planning marker in it looks ahead).

    >>> [(w.value, w.precision) for w in find_dates("Er traf ihn im August.", dt.date(2025, 10, 17))]
    [('2025-08', 'month')]
    """
    end = len(text) if end is None else end
    bounds = [(a + start, b + start) for a, b in _sentences(text[start:end])]
    firsts = [a for a, _ in bounds]
    ahead_of: dict[int, bool] = {}

    def looks_ahead(k: int) -> bool:
        if future is not None:
            return future
        if k not in ahead_of:
            a, b = bounds[k]
            ahead_of[k] = bool(FUTURE_MARKERS.search(_QUOTED.sub(" ", text[a:b])))
        return ahead_of[k]

    # the patterns run only around the words every date expression contains (a month, a weekday, a number,
    # "Woche", "heute", ...): most of a text has none, and the patterns cost more than this one search
    windows: list[list[int]] = []
    for x, y in _anchors(text, start, end):
        a, b = max(start, x - 45), min(end, y + 40)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], b)
        else:
            windows.append([a, b])
    found: list[When] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _COMPILED:
        for m in (m for wa, wb in windows for m in pattern.finditer(text, wa, wb)):
            a, b = m.span()
            if a == b or any(a < y and x < b for x, y in taken):
                continue
            k = bisect.bisect_right(firsts, a) - 1
            if k < 0 or b > bounds[k][1]:
                continue  # an expression does not run over the end of a sentence
            if (
                name == "year"
                and m.group().isdigit()
                and a > bounds[k][0]
                and not re.search(
                    r"(?:\b(?:in|im|seit|bis|ab|von|since|until|by|from|to|and|und) )$",
                    text[max(0, a - 7) : a],
                )
            ):
                continue  # a bare year only after a preposition or at the start of a sentence
            when = _resolve(name, m, Span(a, b), published, looks_ahead(k))
            if when is not None:
                taken.append((a, b))
                found.append(when)
    found.sort(key=lambda w: w.span.start)
    return found


def resolve(phrase: str, published: dt.date, *, future: bool | None = None) -> When | None:
    """The date one phrase names ("am Donnerstag", "in den nächsten zwei Wochen"), or None.

    >>> resolve("in den nächsten zwei Wochen", dt.date(2025, 10, 17))
    When(value='2025-10-17', precision='window', span=Span(start=0, end=27), end='2025-10-31')
    """
    found = find_dates(phrase, published, future=future)
    return found[0] if found else None


def first_day(when: When) -> dt.date:
    """The earliest day a date can mean."""
    parts = [int(p) for p in when.value.split("-")]
    return dt.date(*(parts + [1] * (3 - len(parts))))


def last_day(when: When) -> dt.date:
    """The latest day a date can mean."""
    if when.end:
        return dt.date.fromisoformat(when.end)
    parts = [int(p) for p in when.value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        return _month_end(parts[0], parts[1])
    return dt.date(parts[0], 12, 31)
