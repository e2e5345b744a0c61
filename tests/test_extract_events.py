"""Events with attendees, place, date and status; one event however often an article tells of it (texts
written for these tests)."""

import datetime as dt
import re

from kg.extract.doc import analyse
from kg.extract.events import find_events
from kg.extract.types import Mention
from kg.model import Span

FRIDAY = dt.date(2025, 10, 17)
NAMES = {
    "Anna Berger": ("person-anna-berger", "Person"),
    "Berger": ("person-anna-berger", "Person"),
    "Klaus Meier": ("person-klaus-meier", "Person"),
    "Meier": ("person-klaus-meier", "Person"),
    "Jane Doe": ("person-jane-doe", "Person"),
    "John Roe": ("person-john-roe", "Person"),
    "Hamburg": ("place-hamburg", "Place"),
    "Paris": ("place-paris", "Place"),
    "Geneva": ("place-geneva", "Place"),
    "Landgericht": ("organization-landgericht", "Organization"),
}


def mentions(text):
    out, taken = [], []
    for name in sorted(NAMES, key=len, reverse=True):
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            taken.append(m.span())
            key, typ = NAMES[name]
            out.append(Mention(Span(*m.span()), name, typ, key, False, 0.9, None, name))
    return sorted(out, key=lambda m: m.span.start)


def events(text, lang="de"):
    return find_events(analyse(text, lang), mentions(text), FRIDAY)


def test_a_past_meeting_with_attendees_place_and_date():
    (e,) = events("Anna Berger traf im Juli 2024 in Hamburg Klaus Meier.")
    assert e.kind == "meeting"
    assert e.attendees == ("person-anna-berger", "person-klaus-meier")
    assert e.location == "place-hamburg"
    assert (e.date.value, e.date.precision) == ("2024-07", "month")
    assert e.status == "happened"


def test_a_planned_meeting():
    (e,) = events("Anna Berger will sich in den nächsten zwei Wochen mit Klaus Meier in Paris treffen.")
    assert e.status == "planned"
    assert e.location == "place-paris"
    assert (e.date.value, e.date.end) == ("2025-10-17", "2025-10-31")


def test_one_event_however_often_it_is_told():
    text = (
        "Nach einem Telefonat mit Klaus Meier will Anna Berger ihre Pläne ändern. "
        "Das Telefonat dauerte zwei Stunden. In dem Telefonat ging es auch um Geld."
    )
    calls = [e for e in events(text) if e.kind == "call"]
    assert len(calls) == 1
    assert len(calls[0].spans) == 3
    assert calls[0].attendees == ("person-anna-berger", "person-klaus-meier")


def test_a_pronoun_subject_is_the_person_named_before():
    text = "Klaus Meier kommt nach Hamburg. Dort empfängt er Anna Berger im Rathaus."
    (e,) = [e for e in events(text) if e.kind == "meeting"]
    assert e.attendees == ("person-anna-berger", "person-klaus-meier")


def test_a_warrant_has_its_issuer_not_its_target():
    (e,) = events("Das Landgericht erließ im Jahr 2023 einen Haftbefehl gegen Klaus Meier.")
    assert e.kind == "warrant"
    assert e.attendees == ("organization-landgericht",)
    assert e.date.value == "2023"


def test_an_announcement_has_only_its_subject():
    (e,) = [
        e for e in events("Anna Berger kündigte ein Treffen mit Klaus Meier an.") if e.kind == "announcement"
    ]
    assert e.attendees == ("person-anna-berger",)


def test_who_reports_an_event_does_not_attend_it():
    text = "Anna Berger telefonierte mit Klaus Meier. Jane Doe bestätigte das Gespräch."
    assert all("person-jane-doe" not in e.attendees for e in events(text))


def test_english_events():
    (e,) = events("Jane Doe met John Roe in Geneva on Thursday.", "en")
    assert e.kind == "meeting"
    assert e.attendees == ("person-jane-doe", "person-john-roe")
    assert e.location == "place-geneva"
    assert e.date.value == "2025-10-16"
    assert e.status == "happened"
    (e,) = [e for e in events("Jane Doe will visit Geneva next week.", "en") if e.kind == "visit"]
    assert e.status == "planned"


def test_confidences_are_between_zero_and_one():
    assert all(0 < e.confidence < 1 for e in events("Anna Berger traf Klaus Meier in Hamburg."))


def test_words_that_only_look_like_events():
    assert [e for e in events("Jane Doe called John Roe a liar.", "en") if e.kind == "call"] == []
    assert [e for e in events("Jane Doe renewed her call for lower taxes.", "en") if e.kind == "call"] == []
    (e,) = [e for e in events("Jane Doe had a phone call with John Roe.", "en") if e.kind == "call"]
    assert e.attendees == ("person-jane-doe", "person-john-roe")


# ---- German verbs of saying --------------------------------------------------------------------------------


def test_a_separable_verb_of_saying_without_its_particle_reports_nothing():
    for text in [
        "Anna Berger traf Klaus Meier in Hamburg und legte einen Kranz nieder.",
        "Anna Berger traf Klaus Meier in Hamburg und machte einen Spaziergang.",
        "Anna Berger traf Klaus Meier in Hamburg und legte nach dem Treffen einen Kranz nieder.",
    ]:
        (e,) = [e for e in events(text) if e.kind == "meeting"]
        assert e.attendees == ("person-anna-berger", "person-klaus-meier"), text


def test_wollen_without_wissen_reports_no_event():
    (e,) = [
        e for e in events("Anna Berger will Klaus Meier am Montag in Hamburg treffen.") if e.kind == "meeting"
    ]
    assert e.attendees == ("person-anna-berger", "person-klaus-meier")
