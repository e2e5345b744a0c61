"""Search in the server (issue 22): ``/search`` as a page and as JSON, the article page marking the words a
search found, text search inside ``/sparql`` (guard first, then the index, then the engine, with the row cap
and the time limit), a server without an index, and the real ``newskg serve`` reading the index beside its
store in its workers.

The in-process tests use the seed store in memory (its index is made in memory at the first search); the
live ones ``newskg serve`` over the seed built on disk, with the index written beside it as ``build`` does,
and over the seed built into a real ``oxigraph serve``, its index where ``build --search-index`` wrote it.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from html import unescape as html_text
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient

from kg.search import open_index
from kg.search.index import default_path
from kg.store import Store, open_store
from server import create_app
from server.dataset import DatasetInfo, SearchUnavailable, TextIndex
from server.pages.search import TEXT_EXAMPLE, found_paragraphs, found_spans
from server.pages.views import Segment
from server.settings import resolve
from tests.conftest import BASE, DATA, NEWSKG, SEED_SLUG, LiveServer, free_port, start_server

SEED = f"{BASE}article/{SEED_SLUG}"
JSON = {"Accept": "application/json"}
TEXT_QUERY = """PREFIX nkgtext: <https://w3id.org/newskg/text#>
SELECT ?a ?score WHERE { ?a nkgtext:query "Waffenruhe" ; nkgtext:type "article" ; nkgtext:score ?score }"""


def seed_index(store_dir: Path) -> Path:
    """The index beside the seed store, as ``newskg build`` writes it (made here when it did not)."""
    path = default_path(store_dir)
    if not path.is_dir():
        open_index(open_store(str(store_dir), read_only=True)).close()
    return path


def results(client: FlaskClient, query: str) -> dict[str, list[dict[str, object]]]:
    response = client.get("/search?" + query, headers=JSON)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.content_type == "application/json"
    return response.get_json()["results"]  # type: ignore[no-any-return]


# --- /search ----------------------------------------------------------------------------------------------


def test_hits_are_grouped_by_kind_with_a_snippet_and_date_for_articles(client: FlaskClient) -> None:
    found = results(client, "q=Waffenruhe")
    assert list(found) == ["article", "quotation", "person", "organization", "place", "event", "thing"]
    [article] = found["article"]
    assert article["iri"] == SEED and article["date"] == "2025-10-17"
    assert "<mark>Waffenruhe</mark>" in article["snippet"]["html"]  # type: ignore[index]
    assert article["matches"] and all(e - s == len("Waffenruhe") for s, e in article["matches"])  # type: ignore[attr-defined]
    assert [e["iri"] for e in found["event"]] == [f"{BASE}event/gaza-ceasefire-2025-10"]
    assert found["event"][0]["page"] == "/doc/event/gaza-ceasefire-2025-10.html"


def test_an_article_hit_links_to_its_page_at_the_words_found(client: FlaskClient) -> None:
    [article] = results(client, "q=Waffenruhe&type=article")["article"]
    page = urlsplit(str(article["page"]))
    assert page.path == f"/doc/article/{SEED_SLUG}.html" and page.fragment == "found-1"
    spans = [[int(n) for n in s.split("-")] for s in parse_qs(page.query)["found"][0].split(",")]
    assert spans == article["matches"]
    html = client.get(f"{page.path}?{page.query}").get_data(as_text=True)
    body = html.split('<div class="body">', 1)[1]
    marks = re.findall(r'<mark class="found"(?: id="(found-\d+)")?>(.*?)</mark>', body)
    assert [m[0] for m in marks if m[0]] == [f"found-{n}" for n in range(1, len(spans) + 1)]
    assert {re.sub(r"<[^>]+>", "", text) for _, text in marks} == {"Waffenruhe"}
    assert "2 places</mark> where the search found its words" in html


def test_a_quotation_hit_names_its_speaker_and_links_to_speaker_and_article(client: FlaskClient) -> None:
    found = results(client, "q=Gipfel&type=quotation")["quotation"]
    assert found, "the seed quotes someone on a summit"
    for hit in found:
        assert hit["speaker_name"] and str(hit["speaker_page"]).startswith("/doc/person/")
        at = urlsplit(str(hit["article_page"]))
        assert at.path == f"/doc/article/{SEED_SLUG}.html" and at.fragment == "found-1"
        html = client.get(f"{at.path}?{at.query}").get_data(as_text=True).split('<div class="body">', 1)[1]
        marked = "".join(re.findall(r'<mark class="found"[^>]*>(.*?)</mark>', html))
        assert html_text(re.sub(r"<sup.*?</sup>|<[^>]+>", "", marked)) == hit["title"]
    assert set(results(client, "q=Gipfel")) == set(results(client, "q=Gipfel&type=")), "no type: all kinds"


def test_names_are_found_without_accents_and_the_page_groups_them(client: FlaskClient) -> None:
    html = client.get("/search?q=Szijjártó").get_data(as_text=True)  # the text writes "Szijjarto"
    assert '<section class="hits article"' in html and '<section class="hits person"' in html
    assert 'href="/doc/person/peter-szijjarto.html">' in html
    assert "Peter <mark>Szijjarto</mark> erklärte" in html and "&lt;mark&gt;" not in html


def test_filters_by_type_date_publisher_and_entity(client: FlaskClient) -> None:
    assert set(results(client, "q=Putin&type=person,place")) == {"person", "place"}
    assert results(client, "q=Putin&type=article&from=2025-10-17&to=2025-10-17")["article"]
    assert not results(client, "q=Putin&type=article&from=2025-10-18")["article"]
    assert not results(client, "q=Putin&type=article&to=2025-10-16")["article"]
    dw = f"{BASE}organization/deutsche-welle"
    assert results(client, f"q=Putin&type=article&publisher={dw}")["article"]
    assert not results(client, f"q=Putin&type=article&publisher={BASE}organization/nobody")["article"]
    # an entity as an IRI or as the path of its page; with no text, what mentions it
    by_iri = results(client, f"type=article&entity={BASE}person/peter-szijjarto")["article"]
    by_path = results(client, "type=article&entity=person/peter-szijjarto")["article"]
    assert [h["iri"] for h in by_iri] == [h["iri"] for h in by_path] == [SEED]
    assert not results(client, f"type=article&entity={BASE}person/nobody")["article"]


def test_an_event_dated_to_a_month_or_a_year_is_found_by_dates_within_it(client: FlaskClient) -> None:
    def events(query: str) -> dict[str, object]:
        found = results(client, "type=event&limit=100&" + query)["event"]
        return {str(h["iri"]).removeprefix(f"{BASE}event/"): h["date"] for h in found}

    assert events("from=2025-08-15&to=2025-08-15") == {"alaska-summit-2025-08": "2025-08"}
    assert "alaska-summit-2025-08" in events("from=2025-07-15&to=2025-08-01")
    assert "alaska-summit-2025-08" not in events("to=2025-07-31")
    assert "alaska-summit-2025-08" not in events("from=2025-09-01")
    assert events("from=2023-12-31&to=2023-12-31") == {"icc-arrest-warrant-putin-2023": "2023"}
    html = client.get("/search?type=event&from=2025-08-15&to=2025-08-15").get_data(as_text=True)
    assert '<time datetime="2025-08">2025-08</time>' in html


def test_the_page_offers_the_filters_and_keeps_them(client: FlaskClient) -> None:
    html = client.get("/search?q=Putin&type=article&from=2025-10-01&entity=person/peter-szijjarto").get_data(
        as_text=True
    )
    assert 'name="from" value="2025-10-01"' in html
    assert '<input type="checkbox" name="type" value="article" checked>' in html
    assert f'<option value="{BASE}organization/deutsche-welle">Deutsche Welle</option>' in html
    assert "Mentioning <a" in html and "Péter Szijjártó" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("q=x&type=novel", "unknown type novel"),
        ("q=x&from=2025-13-01", "from is no date"),
        ("q=x&to=yesterday", "to must be a date written YYYY-MM-DD"),
        ("q=x&from=2025-10-02&to=2025-10-01", "is after to"),
        ("q=x&limit=0", "limit must be a whole number from 1 to 100"),
        ("q=x&limit=1000", "limit must be a whole number from 1 to 100"),
        ("q=x&entity=%3Cnot%3E", "entity must be an IRI"),
        ("q=" + "x" * 501, "the most is 500"),
    ],
)
def test_bad_parameters_are_400_with_a_short_message(client: FlaskClient, query: str, message: str) -> None:
    for headers in ({}, JSON):
        response = client.get("/search?" + query, headers=headers)
        assert response.status_code == 400
        assert message in response.get_data(as_text=True)
        assert len(response.get_data(as_text=True)) < 200


def test_json_needs_a_text_or_a_filter_and_other_media_types_are_406(client: FlaskClient) -> None:
    assert client.get("/search", headers=JSON).status_code == 400
    assert client.get("/search").status_code == 200  # the empty form
    assert client.get("/search?q=x", headers={"Accept": "text/turtle"}).status_code == 406


def test_nothing_found_is_said(client: FlaskClient) -> None:
    assert "Nothing found" in client.get("/search?q=Quantencomputer").get_data(as_text=True)
    assert all(not hits for hits in results(client, "q=Quantencomputer").values())


def test_the_search_text_is_shown_as_text(client: FlaskClient) -> None:
    html = client.get("/search", query_string={"q": '<script>alert(1)</script> "Putin'}).get_data(
        as_text=True
    )
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_an_article_page_ignores_found_offsets_that_make_no_sense(client: FlaskClient) -> None:
    for found in ("x", "9-3", "99999999-999999999", "1-2-3,", "-5", "0-10" * 200, "a-b," * 1000):
        response = client.get(f"/doc/article/{SEED_SLUG}.html", query_string={"found": found})
        assert response.status_code == 200
        assert 'id="found-1"' not in response.get_data(as_text=True)


def test_every_page_has_the_search_box(client: FlaskClient) -> None:
    for path in ("/", "/browse", f"/doc/article/{SEED_SLUG}.html", "/doc/person/vladimir-putin.html"):
        html = client.get(path).get_data(as_text=True)
        assert '<form class="search" role="search" action="/search" method="get">' in html, path


# --- the article page's marks -----------------------------------------------------------------------------


def test_found_spans_are_read_leniently_clipped_and_merged() -> None:
    assert found_spans("5-9,0-3,x,7-12,40-99,3-3", 50) == [(0, 3), (5, 12), (40, 50)]


def test_marks_cut_segments_across_paragraph_breaks_and_keep_links_anchors_and_badges() -> None:
    body = [
        [Segment("Die "), Segment("Waffenruhe hält", href="/e", anchors=["a1"], badge="0.9")],
        [Segment("Ende")],
    ]
    # "Die Waffenruhe hält\n\nEnde": Waffenruhe at 4-14, Ende at 21-25
    out = found_paragraphs(body, "4-14,21-25")
    assert [(s.text, s.found, s.found_id, s.href, s.anchors, s.badge) for s in out[0]] == [  # type: ignore[attr-defined]
        ("Die ", False, "", "", [], ""),
        ("Waffenruhe", True, "found-1", "/e", ["a1"], ""),
        (" hält", False, "", "/e", [], "0.9"),
    ]
    assert [(s.text, s.found_id) for s in out[1]] == [("Ende", "found-2")]  # type: ignore[attr-defined]
    assert found_paragraphs(body, None) is body


# --- text search in /sparql -------------------------------------------------------------------------------


def test_the_query_page_example_answers_on_the_seed(client: FlaskClient) -> None:
    response = client.post("/sparql", data={"query": TEXT_EXAMPLE}, headers={"Accept": "text/csv"})
    assert response.status_code == 200, response.get_data(as_text=True)
    rows = response.get_data(as_text=True).splitlines()
    assert [r.split(",")[3] for r in rows[1:]] == ["Donald Trump", "Vladimir Putin"]
    assert "text-search-example" in client.get("/").get_data(as_text=True)


def test_the_guard_reads_the_query_before_the_index_is_asked(client: FlaskClient) -> None:
    query = TEXT_QUERY.replace("}", "SERVICE <http://example.org/sparql> { ?a ?p ?o } }")
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 400 and "SERVICE" in response.get_data(as_text=True)


def test_a_misused_text_predicate_is_400(client: FlaskClient) -> None:
    query = TEXT_QUERY.replace('nkgtext:query "Waffenruhe"', "nkgtext:query ?text")
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 400 and "text search: " in response.get_data(as_text=True)


def test_the_hits_fed_into_values_are_capped(client: FlaskClient) -> None:
    asked = TEXT_QUERY.replace("nkgtext:score ?score", "nkgtext:score ?score ; nkgtext:limit 10001")
    response = client.get("/sparql", query_string={"query": asked})
    assert response.status_code == 400 and "from 1 to 10000" in response.get_data(as_text=True)
    ok = TEXT_QUERY.replace("nkgtext:score ?score", "nkgtext:score ?score ; nkgtext:limit 10000")
    assert client.get("/sparql", query_string={"query": ok}).status_code == 200


@pytest.fixture(scope="module")
def capped(built_store: Store) -> FlaskClient:
    settings = resolve([("base_iri", BASE), ("max_result_rows", "1")])
    return create_app(built_store, settings=settings, queries_dir=DATA / "queries").test_client()


def test_the_row_cap_and_the_time_limit_apply_to_text_search(capped: FlaskClient) -> None:
    query = TEXT_QUERY.replace('"Waffenruhe" ; nkgtext:type "article"', '"Putin"')
    response = capped.get("/sparql", query_string={"query": query}, headers={"Accept": "text/csv"})
    assert response.status_code == 200
    assert len(response.get_data(as_text=True).splitlines()) == 2
    assert response.headers["X-SPARQL-Max-Rows"] == "1"
    cut = capped.get("/sparql", query_string={"query": query, "timeout": "0.000000001"})
    assert cut.status_code == 503 and "sparql_time_limit_s" in cut.get_data(as_text=True)


# --- no index ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def remote() -> Flask:
    """A server over a remote store (never reached here: nothing asked of it gets that far)."""
    settings = resolve([("base_iri", BASE)])
    return create_app("http://127.0.0.1:9/sparql", settings=settings, dataset=DatasetInfo({}, 0))


def test_a_server_without_an_index_says_so_with_503(remote: Flask) -> None:
    client = remote.test_client()
    for headers in ({}, JSON):
        response = client.get("/search?q=Waffenruhe", headers=headers)
        assert response.status_code == 503
        assert "no search index: its store is a remote SPARQL endpoint" in response.get_data(as_text=True)
    response = client.get("/sparql", query_string={"query": TEXT_QUERY})
    assert response.status_code == 503 and "no search index" in response.get_data(as_text=True)


def test_a_store_directory_without_an_index_beside_it_has_none(tmp_path: Path) -> None:
    handle = TextIndex.beside(tmp_path / "store")
    with pytest.raises(SearchUnavailable, match=r"none beside the store at store\.search"):
        handle.get()


# --- the real server --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(live_server: LiveServer, seed_store_dir: Path) -> LiveServer:
    seed_index(seed_store_dir)
    return live_server


def test_the_served_index_answers_search_and_sparql_in_the_workers(served: LiveServer) -> None:
    """gunicorn's master never opens the index (it knows only the path): its worker does, at the first
    search; then /search and nkgtext:query answer over HTTP, and quickly."""
    url = served.url + "/search"
    found = requests.get(url, params={"q": "Waffenruhe"}, headers=JSON, timeout=30)
    assert found.status_code == 200, found.text
    assert [h["iri"] for h in found.json()["results"]["article"]] == [SEED]
    timings = []
    for _ in range(30):
        started = time.perf_counter()
        assert requests.get(url, params={"q": "Putin Gipfel"}, headers=JSON, timeout=30).status_code == 200
        timings.append(time.perf_counter() - started)
    median, most = statistics.median(timings) * 1000, max(timings) * 1000
    print(f"/search over HTTP: median {median:.1f} ms, max {most:.1f} ms")
    rows = requests.post(
        served.sparql, data={"query": TEXT_EXAMPLE}, headers={"Accept": "text/csv"}, timeout=30
    )
    assert rows.status_code == 200, rows.text
    assert [r.split(",")[3] for r in rows.text.splitlines()[1:]] == ["Donald Trump", "Vladimir Putin"]


# --- a remote store, its index given to the server ---------------------------------------------------------

OXIGRAPH = str(Path(sys.executable).with_name("oxigraph"))
"""``oxigraph serve``, of the oxigraph package the dev dependencies install."""
CLEAN_ENV = {k: v for k, v in os.environ.items() if not k.startswith("NEWSKG_")}


@pytest.fixture(scope="module")
def remote_seed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A real ``oxigraph serve`` holding the seed, and the index ``newskg build --search-index`` wrote."""
    folder = tmp_path_factory.mktemp("remote")
    port = free_port()
    command = [OXIGRAPH, "serve", "--location", str(folder / "store"), "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    try:
        deadline = time.monotonic() + 60
        while not _answers(url):
            assert process.poll() is None and time.monotonic() < deadline, "oxigraph serve did not start"
            time.sleep(0.2)
        index = folder / "index"
        build = [
            NEWSKG,
            "build",
            "--data",
            str(DATA),
            "--store",
            url,
            "--search-index",
            str(index),
            "--base",
            BASE,
        ]
        built = subprocess.run(build, capture_output=True, text=True, env=CLEAN_ENV, timeout=300)
        assert built.returncode == 0, built.stderr
        yield url, index
    finally:
        process.terminate()
        process.wait(timeout=20)


def _answers(url: str) -> bool:
    try:
        return requests.post(url, data={"query": "ASK {}"}, timeout=2).status_code == 200
    except requests.ConnectionError:
        return False


def test_a_server_over_a_remote_store_searches_the_index_it_is_given(
    remote_seed: tuple[str, Path], tmp_path: Path
) -> None:
    """``--search-index``: each worker opens it read-only at its first search, as the one beside a store
    directory; the server writes nothing there."""
    url, index = remote_seed
    before = {p: p.stat().st_mtime_ns for p in index.rglob("*")}
    server = start_server("--store", url, "--search-index", index, "--base", BASE, log_dir=tmp_path)
    try:
        found = requests.get(server.url + "/search", params={"q": "Waffenruhe"}, headers=JSON, timeout=30)
        rows = requests.post(
            server.sparql, data={"query": TEXT_QUERY}, headers={"Accept": "text/csv"}, timeout=30
        )
    finally:
        server.stop()
    assert found.status_code == 200, found.text
    assert [h["iri"] for h in found.json()["results"]["article"]] == [SEED]
    assert rows.status_code == 200 and [r.split(",")[0] for r in rows.text.splitlines()[1:]] == [SEED]
    assert {p: p.stat().st_mtime_ns for p in index.rglob("*")} == before


def test_the_index_may_be_given_in_the_environment_and_a_missing_one_stops_the_server(
    remote_seed: tuple[str, Path], tmp_path: Path
) -> None:
    url, index = remote_seed

    def serve(*args: str | Path, **env: str) -> subprocess.CompletedProcess[str]:
        command = [
            NEWSKG,
            "serve",
            "--store",
            url,
            "--base",
            BASE,
            *map(str, args),
            "--get",
            "/search?q=Waffenruhe",
        ]
        return subprocess.run(command, capture_output=True, text=True, env=CLEAN_ENV | env, timeout=120)

    found = serve(NEWSKG_SEARCH_INDEX=str(index))
    assert found.returncode == 0, found.stderr
    assert "Trump kündigt Treffen mit Putin in Budapest an" in html_text(found.stdout)
    missing = serve("--search-index", tmp_path / "nowhere")
    assert missing.returncode == 2
    [line] = missing.stderr.strip().splitlines()
    assert line.startswith(f"error: no search index at {tmp_path / 'nowhere'} (--search-index;"), line
