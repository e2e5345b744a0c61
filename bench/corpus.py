"""A deterministic synthetic corpus shaped like the scraped DW articles, for benchmarks.

One real article cannot show how ingest, storage and queries scale; thousands of made-up ones can, as long as
they go through the same parser, annotation reader and SHACL gate as the seed. Each article is drawn from its
own ``random.Random`` seeded by ``(seed, index)``: the same arguments give byte-identical files, and article
``i`` does not depend on how many articles are generated. Only ids of ``data/entities`` are referenced, and
every evidence phrase is unique in its article by construction: it contains its event's date phrase ("am
3. März 2024"), and no two events of an article share one, or it is a role title, a quotation or a reported
claim that the article writes once.

    python -m bench.corpus --articles 100 --seed 1 --out /tmp/corpus
    python -m bench.corpus --triples 1000000 --seed 1 --out /tmp/corpus
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import math
import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kg.read.registry import Registry, load_registry
from kg.vocab import slugify

ENTITIES = Path(__file__).resolve().parent.parent / "data" / "entities"

TRIPLES_PER_ARTICLE = 3050
"""Triples ``newskg ingest`` writes per generated article, on average: 1,000 articles of seed 42 gave mean
3,054, standard deviation 309, min 2,229, median 3,071, max 4,033. ``--triples`` divides by it, so a corpus
of n articles misses its target by about 309·√n triples (1 % at 100 articles, 0.1 % at 10,000)."""

FIRST_DAY, LAST_DAY = dt.date(2023, 1, 1), dt.date(2025, 12, 31)
MONATE = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
MONTHS = tuple(calendar.month_name[1:])
NAVIGATION = (
    "1. Zum Inhalt springen\n  2. Zur Hauptnavigation springen\n  3. Zu weiteren Angeboten der DW springen"
)
VIDEO_FALLBACK = "This browser does not support the video element."
NEXT_SECTION = "Den nächsten Abschnitt Mehr zum Thema überspringen"


@dataclass(frozen=True)
class Title:
    """A role as the text writes it before the name; the words stay the same in every grammatical case."""

    words: str
    de: str
    en: str
    organization: str | None = None
    position: str | None = None
    """Only the Wikidata ids the seed annotations use, which were checked."""
    status: str = "current"
    since: dt.date = dt.date.min
    until: dt.date = dt.date.max


_US_PRESIDENT = (
    "Präsident der Vereinigten Staaten",
    "President of the United States",
    "united-states",
    "Q11696",
)
_TRUMP_SECOND_TERM = dt.date(2025, 1, 20)

#: Persons by popularity (Zipf rank) with the roles they held over 2023-2025.
PERSONS: dict[str, tuple[Title, ...]] = {
    "vladimir-putin": (
        Title("Russlands Präsident", "Präsident Russlands", "President of Russia", "russia", "Q218295"),
    ),
    "donald-trump": (
        Title("US-Präsident", *_US_PRESIDENT, since=_TRUMP_SECOND_TERM),
        Title("Ex-US-Präsident", *_US_PRESIDENT, status="former", until=_TRUMP_SECOND_TERM),
    ),
    "volodymyr-zelenskyy": (
        Title("Ukraines Präsident", "Präsident der Ukraine", "President of Ukraine", "ukraine", "Q579677"),
    ),
    "viktor-orban": (
        Title(
            "Ungarns Ministerpräsident",
            "Ministerpräsident Ungarns",
            "Prime Minister of Hungary",
            "hungary",
            "Q3315094",
        ),
    ),
    "marco-rubio": (
        Title(
            "US-Außenminister",
            "US-Außenminister",
            "United States Secretary of State",
            "united-states",
            "Q14213",
            since=dt.date(2025, 1, 21),
        ),
        Title(
            "US-Senator",
            "Senator der Vereinigten Staaten",
            "United States Senator",
            "united-states",
            until=dt.date(2025, 1, 21),
        ),
    ),
    "joe-biden": (
        Title("Amerikas Präsident", *_US_PRESIDENT, until=_TRUMP_SECOND_TERM),
        Title("Ex-Präsident", *_US_PRESIDENT, status="former", since=_TRUMP_SECOND_TERM),
    ),
    "dmitry-medvedev": (
        Title(
            "Sicherheitsrats-Vizechef",
            "stellvertretender Vorsitzender des Sicherheitsrats",
            "Deputy Chairman of the Security Council of Russia",
            "security-council-of-russia",
        ),
    ),
    "peter-szijjarto": (
        Title(
            "Ungarns Außenminister",
            "Außenminister Ungarns",
            "Minister of Foreign Affairs of Hungary",
            "hungary",
        ),
    ),
    "johann-wadephul": (
        Title(
            "Bundesaußenminister",
            "Außenminister Deutschlands",
            "Federal Foreign Minister of Germany",
            "germany",
            since=dt.date(2025, 5, 6),
        ),
        Title(
            "CDU-Außenpolitiker",
            "Außenpolitiker der CDU",
            "CDU foreign-policy spokesman",
            until=dt.date(2025, 5, 6),
        ),
    ),
    "karoline-leavitt": (
        Title(
            "Regierungssprecherin",
            "Sprecherin des Weißen Hauses",
            "White House Press Secretary",
            "us-government",
            since=_TRUMP_SECOND_TERM,
        ),
    ),
    "yuri-ushakov": (
        Title(
            "Kreml-Berater", "Berater des russischen Präsidenten", "Aide to the Russian president", "kremlin"
        ),
    ),
    "kirill-dmitriev": (
        Title(
            "Fondschef",
            "Chef des Russischen Direktinvestitionsfonds",
            "Head of the Russian Direct Investment Fund",
        ),
    ),
}

#: Event places by popularity: the text's "in ..." and "nach ..." (None: no one travels "nach Weißes Haus").
PLACES: dict[str, tuple[str, str | None]] = {
    "washington-dc": ("in Washington", "nach Washington"),
    "moscow": ("in Moskau", "nach Moskau"),
    "budapest": ("in Budapest", "nach Budapest"),
    "white-house": ("im Weißen Haus", None),
    "kyiv": ("in Kyjiw", "nach Kyjiw"),
    "new-york-city": ("in New York", "nach New York"),
    "alaska": ("in Alaska", "nach Alaska"),
    "the-hague": ("in Den Haag", "nach Den Haag"),
}

#: Countries as filler sentences decline them: dative, "in ...", genitive after a noun.
COUNTRIES: dict[str, tuple[str, str, str]] = {
    "russia": ("Russland", "in Russland", "Russlands"),
    "ukraine": ("der Ukraine", "in der Ukraine", "der Ukraine"),
    "united-states": ("den USA", "in den USA", "der USA"),
    "hungary": ("Ungarn", "in Ungarn", "Ungarns"),
    "germany": ("Deutschland", "in Deutschland", "Deutschlands"),
    "israel": ("Israel", "in Israel", "Israels"),
}
ORGANIZATIONS = (
    "der Kreml",
    "die NATO",
    "die EU-Kommission",
    "die US-Regierung",
    "die EU",
    "der Internationale Strafgerichtshof",
    "die Hamas",
)

#: What an event is about: the accusative phrase and the entities it names.
TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ein Ende des Ukraine-Kriegs", ("russian-invasion-of-ukraine",)),
    ("die Lage im Nahen Osten", ("middle-east",)),
    ("die Lieferung von Tomahawk-Marschflugkörpern", ("tomahawk",)),
    ("den Krieg im Gazastreifen", ("gaza-war", "gaza-strip")),
    ("Sanktionen gegen Russland", ("russia",)),
    ("die Rolle der NATO", ("nato",)),
    ("die Kontrolle von Atomwaffen", ("nuclear-weapon",)),
    ("Handelsfragen", ()),
    ("die Energieversorgung in Europa", ("europe",)),
)

#: kind -> (weight, attendee counts, German noun, German noun when planned, English noun)
KINDS: dict[str, tuple[int, tuple[int, ...], str, str, str]] = {
    "meeting": (35, (2, 2, 3), "Treffen", "Geplantes Treffen", "meeting"),
    "phone-call": (30, (2,), "Telefonat", "Geplantes Telefonat", "phone call"),
    "summit": (15, (3, 4), "Gipfeltreffen", "Geplantes Gipfeltreffen", "summit"),
    "visit": (20, (2,), "Besuch", "Geplanter Besuch", "visit"),
}

#: (kind, planned) -> evidence sentences; {all} the attendees, {first} and {rest} host and guests, {When}
#: the date phrase at the start of a sentence. A template with {minutes} gives the event a duration.
EVIDENCE: dict[tuple[str, bool], tuple[str, ...]] = {
    ("meeting", False): ("{all} trafen sich {when} {in}.", "{When} empfing {first} {rest} {in}."),
    ("meeting", True): ("{first} will {rest} {when} {in} treffen.", "{all} wollen sich {when} {in} treffen."),
    ("phone-call", False): (
        "{first} telefonierte {when} mit {rest}.",
        "{When} sprachen {all} rund {minutes} Minuten am Telefon miteinander.",
    ),
    ("phone-call", True): (
        "{first} will {when} mit {rest} telefonieren.",
        "{all} wollen {when} miteinander telefonieren.",
    ),
    ("summit", False): (
        "{When} kamen {all} {in} zu einem Gipfeltreffen zusammen.",
        "{all} nahmen {when} an einem Gipfeltreffen {in} teil.",
    ),
    ("summit", True): (
        "{When} soll {in} ein Gipfeltreffen mit {all} stattfinden.",
        "{all} wollen {when} {in} zu einem Gipfeltreffen zusammenkommen.",
    ),
    ("visit", False): (
        "{first} reiste {when} {to} und traf dort {rest}.",
        "{first} war {when} {in} zu Gast bei {rest}.",
    ),
    ("visit", True): (
        "{first} will {when} {to} reisen und dort {rest} treffen.",
        "{first} plant {when} eine Reise {to}, wo ein Treffen mit {rest} vorgesehen ist.",
    ),
}
HOSTED = {
    "{When} empfing {first} {rest} {in}.": "first",
    "{first} war {when} {in} zu Gast bei {rest}.": "rest",
}
FOLLOW_UP = {
    False: "Bei dem {noun} {when} ging es nach offiziellen Angaben vor allem um {topic}.",
    True: "Bei dem geplanten {noun} {when} soll es vor allem um {topic} gehen.",
}

#: Sentences around the facts; {p} {q} persons, {o} an organization, {c} {d} countries (:in, :gen).
FILLER = (
    "{p} sprach sich erneut für Verhandlungen aus.",
    "{o} äußerte sich zunächst nicht zu den Berichten.",
    "Beobachter {c:in} werten das als Signal an {p}.",
    "Die Beziehungen zwischen {c} und {d} gelten seit Monaten als angespannt.",
    "{p} hatte zuvor mehrfach betont, eine Lösung sei nur gemeinsam mit {c} möglich.",
    "Auch {p} meldete sich zu Wort.",
    "Die Regierung {c:gen} kündigte an, die Gespräche genau zu verfolgen.",
    "{o} rief alle Seiten zur Zurückhaltung auf.",
    "Kritiker werfen {p} vor, die Interessen {c:gen} zu vernachlässigen.",
    "Nach Einschätzung von Fachleuten hängt viel davon ab, wie sich {p} in den kommenden Wochen verhält.",
    "{p} und {q} kennen sich seit Jahren.",
    "{o} verwies auf frühere Vereinbarungen mit {c}.",
    "Diplomaten {c:in} sprachen von einem vorsichtigen Fortschritt.",
    "Ein Sprecher von {p} wollte sich zu Einzelheiten nicht äußern.",
    "{p} steht innenpolitisch unter Druck.",
    "In Europa wächst die Sorge vor einer weiteren Eskalation.",
    "Auch {o} beobachtet die Entwicklung aufmerksam.",
    "{p} will nach eigenen Worten auch über {t} sprechen.",
    "Die Opposition {c:in} kritisierte das Vorgehen scharf.",
    "Ob {p} dazu bereit ist, blieb zunächst unklar.",
    "Vertreter {c:gen} und {d:gen} stehen nach Angaben von Diplomaten in engem Kontakt.",
    "{p} hatte in den vergangenen Monaten wiederholt Kontakt zu {q}.",
    "Die Lage im Nahen Osten spielte dabei ebenfalls eine Rolle.",
    "Der Ukraine-Krieg überschattet die Gespräche seit Langem.",
    "{o} hatte zuvor neue Gespräche angeregt.",
    "Fachleute {c:in} halten einen schnellen Durchbruch für unwahrscheinlich.",
    "{p} reagierte zurückhaltend auf die Vorschläge von {q}.",
    "Die Frage nach Sicherheitsgarantien für die Ukraine bleibt offen.",
)
HEADINGS = (
    "{s}: Gespräche sollen weitergehen",
    "Kritik aus {c}",
    "Reaktionen {c:in}",
    "{s} setzt auf Diplomatie",
    "Skepsis in Europa",
    "Vorbereitungen laufen",
    "{s} unter Druck",
    "Offene Fragen zu Sicherheitsgarantien",
)
QUOTES = (
    "Wir sind zu ernsthaften Gesprächen bereit",
    "Das war ein gutes und offenes Gespräch",
    "Niemand will eine weitere Eskalation",
    "Wir werden unsere Interessen entschlossen verteidigen",
    "Es gibt noch viel zu tun",
    "Der Weg zu einem dauerhaften Frieden ist lang",
    "Wir lassen uns nicht unter Druck setzen",
    "Das ist ein wichtiger Schritt in die richtige Richtung",
    "Ich bin vorsichtig optimistisch",
    "Die Zeit für Verhandlungen ist gekommen",
    "Wir erwarten konkrete Ergebnisse",
    "Darüber werden wir zu gegebener Zeit entscheiden",
    "Ohne Sicherheitsgarantien wird es keine Einigung geben",
    "Wir stehen erst am Anfang",
    "Das Treffen war überfällig",
    "Unsere Position hat sich nicht geändert",
    "Wir setzen weiter auf Diplomatie",
    "Alle Optionen liegen auf dem Tisch",
    "Wir brauchen jetzt klare Signale",
)
CLAIMS = (
    "man sei zu weiteren Gesprächen bereit",
    "die Gespräche seien konstruktiv verlaufen",
    "eine Einigung sei noch nicht in Sicht",
    "es gebe noch viele offene Fragen",
    "die Sanktionen gegen Russland blieben vorerst in Kraft",
    "die Ukraine brauche weitere Unterstützung",
    "Europa müsse mehr Verantwortung übernehmen",
    "ein Waffenstillstand sei derzeit nicht realistisch",
    "die Vorbereitungen liefen bereits",
    "man werde die Vorschläge sorgfältig prüfen",
)
PHOTOGRAPHERS = (
    "Anna Weber",
    "Sergei Iwanow",
    "Kevin Miller",
    "Laura Schmidt",
    "Oleksandr Kowal",
    "Attila Nagy",
    "Maria Petrowa",
    "Jonas Becker",
    "Sarah Lewis",
    "Tamás Kovács",
)
IMAGE_AGENCIES = (
    "IMAGO",
    "AFP",
    "Getty Images",
    "picture alliance",
    "dpa",
    "TASS",
    "SNA",
    "Reuters",
    "AP",
    "SvenSimon",
    "Anadolu",
)
AGENCY_ONLY = (
    "Presidential Office of Ukraine/SvenSimon/picture alliance",
    "Kremlin Pool/IMAGO",
    "White House/ZUMA Press/picture alliance",
)
WIRE_AGENCIES = ("dpa", "afp", "rtr", "ap", "kna", "epd")
INITIALS = ("pgr", "se", "kle", "jj", "fw", "ack", "wa", "sti", "uh", "cwo", "mak", "haz")
PORTRAITS = ("bei einer Pressekonferenz", "bei einer Rede", "auf dem Weg zu Gesprächen", "vor Journalisten")


def zipf(count: int, exponent: float = 1.1) -> list[float]:
    """Weights of ranks 1..count: a few persons and places dominate, as in real news."""
    return [1 / rank**exponent for rank in range(1, count + 1)]


@dataclass
class _Event:
    id: str
    kind: str
    planned: bool
    date: dt.date
    by_day: bool
    attendees: list[str]
    location: str | None
    """None: a phone call (``virtual``)."""
    evidence: list[str] = field(default_factory=list)
    organizers: list[str] = field(default_factory=list)
    about: tuple[str, ...] = ()
    minutes: int | None = None

    @property
    def when(self) -> str:
        month = MONATE[self.date.month - 1]
        return (
            f"am {self.date.day}. {month} {self.date.year}" if self.by_day else f"im {month} {self.date.year}"
        )

    @property
    def start(self) -> str:
        return self.date.isoformat() if self.by_day else self.date.isoformat()[:7]


class _Writer:
    """Draws one article: text blocks in order, and the annotations the text supports."""

    def __init__(self, registry: Registry, seed: int, index: int) -> None:
        self.registry, self.index = registry, index
        self.rng = random.Random(f"newskg-bench:{seed}:{index}")
        days = (LAST_DAY - FIRST_DAY).days
        self.published = FIRST_DAY + dt.timedelta(days=self.rng.randint(0, days))
        self.modified = self.published
        self.introduced: set[str] = set()
        self.roles: list[dict[str, Any]] = []
        self.quotes = self.rng.sample(QUOTES, len(QUOTES))
        self.claims = self.rng.sample(CLAIMS, len(CLAIMS))

    # --- entities as the text names them ----------------------------------------------------------------

    def full(self, person: str) -> str:
        return self.registry[person].name["de"]

    def surname(self, person: str, lang: str = "de") -> str:
        return self.registry[person].name[lang].split()[-1]

    def person(self, person: str) -> str:
        """The first mention carries the role title (and becomes the role's evidence); later ones vary."""
        if person not in self.introduced:
            self.introduced.add(person)
            title = next((t for t in PERSONS[person] if t.since <= self.published < t.until), None)
            if title is not None:
                phrase = f"{title.words} {self.full(person)}"
                role = {
                    "person": person,
                    "title": {"de": title.de, "en": title.en},
                    "position": title.position,
                    "organization": title.organization,
                    "status": title.status,
                    "evidence": phrase,
                }
                self.roles.append({k: v for k, v in role.items() if v is not None})
                return phrase
            return self.full(person)
        return self.surname(person) if self.rng.random() < 0.65 else self.full(person)

    def persons(self, count: int) -> list[str]:
        """Distinct persons, drawn by Zipf popularity."""
        chosen: list[str] = []
        while len(chosen) < count:
            pick = self.rng.choices(list(PERSONS), zipf(len(PERSONS)))[0]
            if pick not in chosen:
                chosen.append(pick)
        return chosen

    def listing(self, persons: Sequence[str]) -> str:
        names = [self.person(p) for p in persons]
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} und {names[-1]}"

    def fill(self, template: str) -> str:
        """Fill {p} {q} (distinct persons), {c} {d} (distinct countries), {o}, {t}, {s} (a surname)."""
        persons = iter(self.persons(2))
        countries = iter(self.rng.sample(list(COUNTRIES), 2))
        slots: dict[str, str] = {}

        def slot(match: re.Match[str]) -> str:
            name, form = match.group(1), match.group(2)
            if name in "pq":
                return slots.setdefault(name, self.person(next(persons)))
            if name in "cd":
                country = slots.setdefault(name, next(countries))
                dative, inside, genitive = COUNTRIES[country]
                return {"in": inside, "gen": genitive}.get(form or "", dative)
            if name == "o":
                return self.rng.choice(ORGANIZATIONS)
            if name == "t":
                return self.rng.choice(TOPICS)[0]
            return self.surname(self.persons(1)[0])

        text = re.sub(r"\{(\w+)(?::(\w+))?\}", slot, template)
        return text[0].upper() + text[1:]

    def filler(self, count: int) -> list[str]:
        return [self.fill(t) for t in self.rng.sample(FILLER, count)]

    # --- events -------------------------------------------------------------------------------------------

    def events(self) -> list[_Event]:
        events: list[_Event] = []
        for _ in range(self.rng.randint(2, 6)):
            kind = self.rng.choices(list(KINDS), [k[0] for k in KINDS.values()])[0]
            planned = self.rng.random() < 0.3
            while True:
                date, by_day = self.event_date(planned)
                event = _Event(
                    "", kind, planned, date, by_day, self.persons(self.rng.choice(KINDS[kind][1])), None
                )
                if all(e.when != event.when for e in events):
                    break
            if kind != "phone-call":
                weights = [
                    w if kind != "visit" or to else 0
                    for w, (_, to) in zip(zipf(len(PLACES)), PLACES.values(), strict=True)
                ]
                event.location = self.rng.choices(list(PLACES), weights)[0]
            names = "-".join(slugify(self.surname(p, "en")) for p in event.attendees)
            event.id = f"{kind}-{names}-{event.start}-{self.index:05d}"
            events.append(event)
        return events

    def event_date(self, planned: bool) -> tuple[dt.date, bool]:
        """Planned events start after publication, events that happened before it (or on the day)."""
        if self.rng.random() < 0.75:
            days = self.rng.randint(1, 60) if planned else -self.rng.randint(0, 300)
            return self.published + dt.timedelta(days=days), True
        months = self.published.year * 12 + self.published.month - 1
        months += self.rng.randint(1, 4) if planned else -self.rng.randint(1, 12)
        return dt.date(months // 12, months % 12 + 1, 1), False

    def evidence(self, event: _Event) -> str:
        template = self.rng.choice(EVIDENCE[event.kind, event.planned])
        first, rest = event.attendees[:1], event.attendees[1:]
        if "{minutes}" in template:
            event.minutes = self.rng.choice((30, 45, 60, 90, 120))
        if template in HOSTED:
            event.organizers = first if HOSTED[template] == "first" else rest
        inside, to = PLACES[event.location] if event.location else ("", None)
        values = (
            {"first": self.listing(first), "rest": self.listing(rest)}
            if "{all}" not in template
            else {"all": self.listing(event.attendees)}
        )
        sentence = template.format_map(
            {
                "when": event.when,
                "When": event.when[0].upper() + event.when[1:],
                "in": inside,
                "to": to or "",
                "minutes": str(event.minutes),
                **values,
            }
        )
        event.evidence.append(sentence)
        return sentence

    def follow_up(self, event: _Event) -> str:
        topic, about = self.rng.choice(TOPICS)
        event.about = about
        sentence = FOLLOW_UP[event.planned].format(noun=KINDS[event.kind][2], when=event.when, topic=topic)
        event.evidence.append(sentence)
        return sentence

    def event_yaml(self, event: _Event) -> dict[str, Any]:
        _, _, noun_de, planned_de, noun_en = KINDS[event.kind]
        de_names = "–".join(self.surname(p) for p in event.attendees)
        en_names = "–".join(self.surname(p, "en") for p in event.attendees)
        where_de = f" {PLACES[event.location][0]}" if event.location else ""
        where_en = f" in {self.registry[event.location].name['en']}" if event.location else ""
        day, month, year = event.date.day, event.date.month - 1, event.date.year
        date_de = f"{day}. {MONATE[month]} {year}" if event.by_day else f"{MONATE[month]} {year}"
        date_en = f"{day} {MONTHS[month]} {year}" if event.by_day else f"{MONTHS[month]} {year}"
        noun_de = planned_de if event.planned else noun_de
        planned_en = "Planned " if event.planned else ""
        out: dict[str, Any] = {
            "id": event.id,
            "kind": event.kind,
            "name": {
                "de": f"{noun_de} {de_names}{where_de} ({date_de})",
                "en": f"{planned_en}{en_names} {noun_en}{where_en} ({date_en})",
            },
            "status": "planned" if event.planned else "happened",
            "start": event.start,
        }
        if event.minutes:
            out["duration"] = f"PT{event.minutes}M"
        out["location"] = event.location or "virtual"
        out["attendees"] = event.attendees
        if event.organizers:
            out["organizers"] = event.organizers
        if event.about:
            out["about"] = list(event.about)
        out["evidence"] = event.evidence
        return out

    # --- media --------------------------------------------------------------------------------------------

    def credit(self) -> str:
        if self.rng.random() < 0.15:
            return self.rng.choice(AGENCY_ONLY)
        agencies = self.rng.sample(IMAGE_AGENCIES, self.rng.randint(1, 2))
        return "/".join([self.rng.choice(PHOTOGRAPHERS), *agencies])

    def image(self, event: _Event | None) -> str:
        """An image block; a caption of an event that happened somewhere is more evidence for it."""
        lines = []
        if event is not None and event.location is not None:
            names = " und ".join(map(self.full, event.attendees[:2]))
            phrase = f"bei ihrem Treffen {event.when} {PLACES[event.location][0]}"
            event.evidence.append(phrase)
            caption = f"{names} {phrase}"
        else:
            caption = f"{self.full(self.persons(1)[0])} {self.rng.choice(PORTRAITS)}"
        if self.rng.random() < 0.5:
            pair = self.persons(2)
            lines.append(f"{self.full(pair[0])} (l.) und {self.full(pair[1])} bei einer Begrüßungszeremonie")
        space = " " if self.rng.random() < 0.2 else ""
        lines.append(f"{caption}{space}Bild: {self.credit()}")
        return "\n".join(lines)

    def video(self) -> str:
        title = self.fill(self.rng.choice(HEADINGS))
        minutes, seconds = self.rng.randint(1, 5), self.rng.randint(0, 59)
        return f"{title}\n\n{minutes:02d}:{seconds:02d}\n\n{VIDEO_FALLBACK}"

    # --- quotations and claims ----------------------------------------------------------------------------

    def quotation(self, speaker: str, about: str) -> tuple[str, dict[str, Any]]:
        quote = self.quotes.pop()
        form = self.rng.randrange(4 if speaker == "donald-trump" else 3)
        entry: dict[str, Any] = {"speaker": speaker, "about": [about]}
        name = self.person(speaker)
        if form == 0:
            sentence, text = f'{name} sagte: "{quote}."', f"{quote}."
        elif form == 1:
            sentence, text = f'"{quote}", sagte {name}.', quote
        elif form == 2:
            sentence, text = f'{name} schrieb im Onlinedienst X: "{quote}."', f"{quote}."
            entry["posted_on"] = {"platform": "x"}
        else:
            sentence, text = f'Auf der Plattform Truth Social schrieb {name}: "{quote}."', f"{quote}."
            entry["posted_on"] = {"platform": "truth-social"}
        return sentence, {"text": text, **entry}

    def claim(self, speaker: str, about: str) -> tuple[str, dict[str, Any]]:
        verb = self.rng.choice(("erklärte", "sagte", "betonte"))
        sentence = f"{self.person(speaker)} {verb}, {self.claims.pop()}."
        return sentence, {"speaker": speaker, "about": [about], "evidence": sentence}

    # --- the article --------------------------------------------------------------------------------------

    def headline(self, main: _Event) -> str:
        a, others = self.surname(main.attendees[0]), [self.surname(p) for p in main.attendees[1:]]
        b = " und ".join(others) if len(others) < 3 else f"{', '.join(others[:-1])} und {others[-1]}"
        inside, to = PLACES[main.location] if main.location else ("", None)
        forms = {
            ("meeting", False): f"{a} und {b} treffen sich {inside}",
            ("meeting", True): f"{a} kündigt Treffen mit {b} {inside} an",
            ("phone-call", False): f"{a} telefoniert mit {b}",
            ("phone-call", True): f"{a} will mit {b} telefonieren",
            ("summit", False): f"Gipfel {inside}: {a} berät mit {b}",
            ("summit", True): f"Gipfel {inside} geplant: {a} erwartet {b}",
            ("visit", False): f"{a} reist {to} und trifft {b}",
            ("visit", True): f"{a} plant Reise {to}",
        }
        return forms[main.kind, main.planned]

    def dateline(self) -> str:
        line = f"Veröffentlicht {german_date(self.published)}"
        if self.rng.random() < 0.8:
            self.modified = self.published + dt.timedelta(days=int(self.rng.random() < 0.3))
            line += f"Zuletzt aktualisiert {german_date(self.modified)}"
        return line

    def write(self) -> tuple[str, str, dict[str, Any]]:
        """The slug, the article text and its annotations."""
        rng = self.rng
        events = self.events()
        main = events[0]
        headline, dateline = self.headline(main), self.dateline()
        verb = "wollen sich zu Gesprächen treffen" if main.planned else "sind zu Gesprächen zusammengekommen"
        lede = f"{self.listing(main.attendees)} {verb}. {' '.join(self.filler(1))}"
        depictable = [e for e in events if not e.planned and e.location and e.kind != "phone-call"]
        rng.shuffle(depictable)
        quotations, claims = [], []
        blocks = [lede, self.image(depictable.pop() if depictable else None)]
        images = rng.randint(1, 3) - 1
        # Background paragraphs even out the length: articles with few events are not much shorter.
        background = Counter(
            rng.randrange(len(events)) for _ in range(max(1, rng.randint(17, 22) - 2 * len(events)))
        )
        for number, event in enumerate(events):
            if number and rng.random() < 0.6:
                blocks.append(self.fill(rng.choice(HEADINGS)))
            sentences = [
                *self.filler(rng.randint(0, 2)),
                self.evidence(event),
                *self.filler(rng.randint(2, 4)),
            ]
            if rng.random() < 0.6:
                sentences.append(self.follow_up(event))
            blocks.append(" ".join(sentences))
            speech = []
            if number < 3:
                sentence, entry = self.quotation(rng.choice(event.attendees), event.id)
                speech.append(sentence)
                quotations.append(entry)
            if rng.random() < 0.4:
                sentence, entry = self.claim(rng.choice(event.attendees), event.id)
                speech.append(sentence)
                claims.append(entry)
            blocks.append(" ".join([*speech, *self.filler(rng.randint(2, 4))]))
            blocks.extend(" ".join(self.filler(rng.randint(3, 5))) for _ in range(background[number]))
            if images and rng.random() < 0.5:
                blocks.append(self.image(depictable.pop() if depictable else None))
                images -= 1
        if rng.random() < 0.5:
            blocks.append(self.video())
        blocks.append(" ".join(self.filler(rng.randint(2, 4))))
        authors = "/".join(rng.sample(INITIALS, rng.randint(1, 2)))
        blocks.append(f"{authors} ({', '.join(sorted(rng.sample(WIRE_AGENCIES, rng.randint(1, 4))))})")
        if rng.random() < 0.7:
            clock = f"{rng.randint(6, 22)}.{rng.choice(('00', '15', '30', '45'))}"
            blocks.append(
                f"Redaktionsschluss {clock} Uhr ({zone(self.modified)}) - Dieser Artikel wird nicht "
                "weiter aktualisiert."
            )
        text = "\n\n".join([NAVIGATION, headline, dateline, *blocks, NEXT_SECTION]) + "\n"
        annotations: dict[str, Any] = {"article": {"about": [main.id]}}
        if self.roles:
            annotations["roles"] = self.roles
        annotations["events"] = [self.event_yaml(e) for e in events]
        annotations["quotations"] = quotations
        if claims:
            annotations["claims"] = claims
        words = "-".join(slugify(headline).split("-")[:6])
        return f"synth-{self.published.isoformat()}-{words}-{self.index:05d}", text, annotations


def german_date(day: dt.date) -> str:
    return f"{day.day}. {MONATE[day.month - 1]} {day.year}"


def zone(day: dt.date) -> str:
    """MESZ between the last Sundays of March and October, as DW prints its deadlines."""

    def last_sunday(month: int) -> dt.date:
        end = dt.date(day.year, month, 31)
        return end - dt.timedelta(days=(end.weekday() + 1) % 7)

    return "MESZ" if last_sunday(3) <= day < last_sunday(10) else "MEZ"


def generate(out: Path, articles: int, seed: int) -> list[Path]:
    """Write ``articles`` article folders under ``out``; returns them in order of generation."""
    registry = load_registry(sorted(ENTITIES.glob("*.yaml")))
    folders = []
    for index in range(articles):
        slug, text, annotations = _Writer(registry, seed, index).write()
        folder = out / slug
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "article.txt").write_text(text, encoding="utf-8", newline="\n")
        header = (
            f"# Synthetic article for benchmarks (bench/corpus.py, seed {seed}, article {index}): not news.\n"
        )
        body = yaml.safe_dump(annotations, allow_unicode=True, sort_keys=False, width=120)
        (folder / "annotations.yaml").write_text(header + body, encoding="utf-8", newline="\n")
        folders.append(folder)
    return folders


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.corpus", description="Write a synthetic DW-style corpus."
    )
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--articles", type=int, help="number of articles")
    size.add_argument(
        "--triples",
        type=int,
        help=f"articles enough for about this many triples ({TRIPLES_PER_ARTICLE} each)",
    )
    parser.add_argument("--seed", type=int, default=0, help="same seed, same bytes (default 0)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the article folders into")
    args = parser.parse_args(argv)
    count = args.articles if args.articles is not None else math.ceil(args.triples / TRIPLES_PER_ARTICLE)
    if count < 1:
        parser.error("the corpus needs at least one article")
    folders = generate(args.out, count, args.seed)
    print(f"{len(folders)} articles written to {args.out}")


if __name__ == "__main__":
    main()
