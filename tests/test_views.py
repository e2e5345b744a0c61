"""The pages as the app answers them in process (Flask's test client over the in-memory seed store): each page
asks the graph once for its facts and once for labels, and shows what the graph says."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from server.execution.job import QueryJob
from server.pages.graph import Term
from server.pages.views import timeline_marks
from tests.conftest import SEED_SLUG

PAGES = [
    f"article/{SEED_SLUG}",
    "event/alaska-summit-2025-08",
    "person/vladimir-putin",
    "organization/international-criminal-court",
    "place/budapest",
    f"article/{SEED_SLUG}/quote/1",
]


@pytest.fixture
def queries(app: Flask) -> Iterator[list[QueryJob]]:
    """Every query the app sends to its pool while the test runs."""
    pool = app.extensions["newskg_pool"]
    seen: list[QueryJob] = []
    original = pool.run

    def counting(job: QueryJob, time_limit_s: float, *, cached: bool = True) -> bytes:
        seen.append(job)
        return original(job, time_limit_s, cached=cached)

    pool.run = counting
    try:
        yield seen
    finally:
        del pool.run


@pytest.mark.parametrize("path", PAGES)
def test_a_page_asks_the_graph_at_most_twice(client: FlaskClient, queries: list[QueryJob], path: str) -> None:
    response = client.get(f"/doc/{path}.html")
    assert response.status_code == 200
    assert 1 <= len(queries) <= 2, [q.query[-200:] for q in queries]


@pytest.mark.parametrize("path", PAGES[:3])
def test_the_303_and_the_page_ask_whether_the_thing_exists_once(
    client: FlaskClient, queries: list[QueryJob], path: str
) -> None:
    response = client.get(f"/{path}", headers={"Accept": "text/html"}, follow_redirects=True)
    assert response.status_code == 200 and response.history[0].status_code == 303
    assert sum("ASK {" in q.query for q in queries) == 1
    assert len(queries) == 3  # the ASK behind the 303, then the page's facts and labels


@pytest.mark.parametrize("extension", ["ttl", "jsonld", "nt", "rdf"])
def test_an_rdf_description_is_one_query(
    client: FlaskClient, queries: list[QueryJob], extension: str
) -> None:
    response = client.get(f"/doc/event/alaska-summit-2025-08.{extension}")
    assert response.status_code == 200 and len(queries) == 1
    assert b"alaska" in response.data


def test_the_home_page_asks_the_graph_once(client: FlaskClient, queries: list[QueryJob]) -> None:
    """Articles per day, the most mentioned persons and places and who asserts the facts: one query."""
    assert client.get("/").status_code == 200
    assert len(queries) == 1 and "'days' AS ?part_" in queries[0].query


def test_the_charts_of_a_person_page_come_from_its_one_query_for_facts(
    client: FlaskClient, queries: list[QueryJob]
) -> None:
    html = client.get("/doc/person/vladimir-putin.html").get_data(as_text=True)
    assert 'class="chart over-time"' in html and 'class="chart network"' in html
    assert len(queries) == 2 and "'met' AS ?part_" in queries[0].query


def test_an_unknown_thing_is_404(client: FlaskClient) -> None:
    assert client.get("/doc/person/nobody-at-all.html").status_code == 404
    assert client.get("/doc/person/nobody-at-all.ttl").status_code == 404
    assert client.get("/person/nobody-at-all").status_code == 404


def test_the_article_page_highlights_the_evidence_and_names_the_entities(client: FlaskClient) -> None:
    html = client.get(f"/doc/article/{SEED_SLUG}.html").get_data(as_text=True)
    assert "Trump kündigt Treffen mit Putin in Budapest an" in html
    assert 'class="evidence"' in html and 'class="mention"' in html
    assert "Sergei Bobylev" in html  # an image credit


def test_a_person_page_lists_roles_timeline_and_quotations_in_order(client: FlaskClient) -> None:
    html = client.get("/doc/person/donald-trump.html").get_data(as_text=True)
    assert "Roles" in html and "Timeline" in html and "Quotations" in html
    timeline = html[html.index("Timeline") :]
    alaska, budapest = timeline.find("Alaska"), timeline.find("Budapest")
    assert 0 <= alaska < budapest, "the August summit comes before the planned Budapest meeting"


def test_the_validation_page_reads_through_the_pool(client: FlaskClient, queries: list[QueryJob]) -> None:
    client.application.extensions.pop("newskg_validation", None)
    html = client.get("/validation").get_data(as_text=True)
    assert "conforms to every shape" in html
    assert len(queries) == 1


def test_a_page_whose_types_belie_its_address_is_read_again_as_its_kind(tmp_path: object) -> None:
    """``/thing/…`` is expected to be an entity; an Event there gets the event page, at one more query."""
    from pyoxigraph import Literal, NamedNode, Quad

    from kg.store import Store
    from server import create_app
    from server.settings import resolve

    base = "https://kg.example.org/"
    thing, graph = NamedNode(base + "thing/a-gathering"), NamedNode(base + "graph/test")
    store = Store()
    store.replace_graphs(
        {
            graph.value: [
                Quad(thing, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                     NamedNode("http://schema.org/Event"), graph),
                Quad(thing, NamedNode("http://schema.org/name"), Literal("A gathering", language="en"),
                     graph),
            ]
        }
    )  # fmt: skip
    app = create_app(store, settings=resolve([("base_iri", base)]))
    seen: list[QueryJob] = []
    original = app.extensions["newskg_pool"].run
    app.extensions["newskg_pool"].run = lambda job, limit, cached=True: (
        seen.append(job) or original(job, limit)
    )
    html = app.test_client().get("/doc/thing/a-gathering.html").get_data(as_text=True)
    assert "A gathering" in html and "schema:eventSchedule" not in html
    assert len(seen) == 3
    assert "schedule" in seen[1].query and "roles" not in seen[1].query


def term(value: str, datatype: str = "") -> Term:
    return Term("literal", value, "", datatype) if datatype else Term("uri", value)


XSD = "http://www.w3.org/2001/XMLSchema#"
NKG = "https://w3id.org/newskg/ontology#"


@pytest.mark.parametrize(
    ("dates", "status", "expected"),
    [
        ({"start": ("2025-10-17", "date")}, "Planned", ("point", "2025-10-17", "2025-10-17")),
        ({"start": ("2025-08", "gYearMonth")}, "Happened", ("span", "2025-08-01", "2025-08-31")),
        ({"start": ("2023", "gYear")}, "Happened", ("span", "2023-01-01", "2023-12-31")),
        ({"start": ("2025-10-11", "date"), "end": ("2025-10-12", "date")}, "Happened",
         ("span", "2025-10-11", "2025-10-12")),
        ({"start": ("2025-10-17T17:45:00+02:00", "dateTime")}, "Happened",
         ("point", "2025-10-17", "2025-10-17")),
        ({"start": ("2022-02", "gYearMonth")}, "Ongoing", ("ongoing", "2022-02-01", "2022-02-28")),
        ({"from": ("2025-10-17", "date"), "to": ("2025-10-31", "date")}, "Planned",
         ("band", "2025-10-17", "2025-10-31")),
        ({"latest": ("2025-10", "gYearMonth")}, "Happened", ("before", "2025-10-31", "2025-10-31")),
    ],
)  # fmt: skip
def test_an_event_is_marked_at_the_precision_of_its_date(
    dates: dict[str, tuple[str, str]], status: str, expected: tuple[str, str, str]
) -> None:
    row = {"event": term("https://kg.example.org/event/e"), "status": term(NKG + status)}
    row |= {name: term(value, XSD + kind) for name, (value, kind) in dates.items()}
    marks, undated = timeline_marks([row], {"https://kg.example.org/event/e": "E"}, lambda iri: iri)
    assert undated == 0 and len(marks) == 1
    mark = marks[0]
    assert (mark.shape, mark.first.isoformat(), mark.last.isoformat()) == expected
    assert (mark.label, mark.href, mark.state) == ("E", "https://kg.example.org/event/e", status.lower())


def test_an_event_without_a_usable_date_is_counted_not_drawn() -> None:
    rows = [
        {"event": term("https://kg.example.org/event/a")},
        {"event": term("https://kg.example.org/event/b"), "start": term("2025-02-30", XSD + "date")},
        {"event": term("https://kg.example.org/event/b"), "start": term("2025-02-30", XSD + "date")},
    ]
    assert timeline_marks(rows, {}, lambda iri: iri) == ([], 2)  # one mark per event, whatever its rows
