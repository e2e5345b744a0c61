"""Linked-data pages: Cool URIs, content negotiation, escaping, VoID, validation.

Every test here runs in process (Flask's test client; queries answered in the test's thread over an
in-memory store): pages, documents, content negotiation, escaping, VoID, the service description and the
validation page are the app's own work, the same under gunicorn. ``client`` serves the seed (``app`` in
``conftest.py``); ``other_base`` and ``crafted`` serve one Turtle file each, its triples in a graph named
after the file, as ``newskg serve --data FILE`` loads them.

One test runs the real thing end to end: a web page read by ``newskg ingest``, its page served by ``newskg
serve`` (an image without a credit). The rest need no live server. What does is tested elsewhere on
``live_server`` (gunicorn, queries in the query processes): the same pages through the query processes in
``test_browser`` (a person's 303 and page, an event, the article's evidence, the validation page); limits,
cut-offs and 503s in ``test_protocol``; process faults in ``test_faults_*``.
"""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import rdflib
import requests
from flask import Flask
from flask.testing import FlaskClient
from pyoxigraph import RdfFormat

from kg.store import Store
from kg.vocab import Minter, slugify
from server import create_app
from server.settings import resolve
from tests.conftest import BASE, DATA, NEWSKG, SEED_SLUG, start_server

HOST = "http://localhost"
"""Where the app is, as Flask's test client asks it."""
ARTICLE = f"/article/{SEED_SLUG}"
MINTED = [
    ARTICLE,
    "/event/alaska-summit-2025-08",
    "/person/vladimir-putin",
    "/organization/international-criminal-court",
    "/place/budapest",
    f"{ARTICLE}/quote/1",
]
SCHEMA = rdflib.Namespace("http://schema.org/")


def text(client: FlaskClient, path: str, **headers: str) -> str:
    return client.get(path, headers=headers).get_data(as_text=True)


def app_over(turtle_file: Path, base: str, dump_dir: Path) -> Flask:
    """The app ``newskg serve --data TURTLE_FILE --base BASE`` runs, over an in-memory store."""
    minter = Minter(base)
    store = Store()
    store.load(
        turtle_file.read_bytes(), RdfFormat.TURTLE, graph=minter.entity("graph", slugify(turtle_file.stem))
    )
    return create_app(store, settings=resolve([("base_iri", base)]), dump_dir=dump_dir)


class TestCoolUris:
    @pytest.mark.parametrize("path", MINTED)
    def test_a_browser_is_sent_to_the_html_page(self, client: FlaskClient, path: str) -> None:
        response = client.get(path, headers={"Accept": "text/html"})
        assert response.status_code == 303
        assert response.headers["Location"].endswith(f"/doc{path}.html")
        page = client.get(response.headers["Location"])
        assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")

    @pytest.mark.parametrize(
        ("accept", "extension", "parse_as"),
        [
            ("text/turtle", "ttl", "turtle"),
            ("application/ld+json", "jsonld", "json-ld"),
            ("application/n-triples", "nt", "nt"),
            ("application/rdf+xml", "rdf", "xml"),
        ],
    )
    def test_an_rdf_client_gets_the_description(self, client: FlaskClient, accept: str, extension: str,
                                                parse_as: str) -> None:  # fmt: skip
        response = client.get(
            "/event/alaska-summit-2025-08", headers={"Accept": accept}, follow_redirects=True
        )
        assert response.history[0].status_code == 303
        assert response.request.path.endswith(f"/doc/event/alaska-summit-2025-08.{extension}")
        graph = rdflib.Graph().parse(data=response.data, format=parse_as)
        event = rdflib.URIRef("https://kg.example.org/event/alaska-summit-2025-08")
        assert (event, SCHEMA.startDate, None) in graph
        alaska = rdflib.URIRef("https://kg.example.org/place/alaska")
        assert (event, SCHEMA.location, alaska) in graph
        assert (alaska, SCHEMA.name, rdflib.Literal("Alaska", lang="en")) in graph, (
            "labels of linked resources"
        )

    def test_html_pages_advertise_their_rdf_twins(self, client: FlaskClient) -> None:
        response = client.get("/doc/person/vladimir-putin.html")
        assert 'rel="alternate"; type="text/turtle"' in response.headers["Link"]

    @pytest.mark.parametrize(
        "path",
        [
            "/person/nobody",
            "/doc/person/nobody.html",
            "/doc/person/vladimir-putin.exe",
            "/event/%3Cscript%3E",
        ],
    )
    def test_unknown_iris_are_404(self, client: FlaskClient, path: str) -> None:
        response = client.get(path)
        assert response.status_code == 404
        assert "Traceback" not in response.get_data(as_text=True)


class TestPageContent:
    def test_person_page(self, client: FlaskClient) -> None:
        html = text(client, "/doc/person/vladimir-putin.html")
        assert "Wladimir Putin" in html and "Vladimir Putin" in html
        assert "http://www.wikidata.org/entity/Q7747" in html
        assert "President of Russia" in html
        assert "Trump–Putin summit in Alaska" in html and "August 2025" in html
        assert "planned" in html and "happened" in html
        assert "Trump kündigt Treffen mit Putin in Budapest an" in html

    def test_person_page_lists_quotations(self, client: FlaskClient) -> None:
        html = text(client, "/doc/person/karoline-leavitt.html")
        assert "Ich denke, er hält es für möglich." in html
        assert "Darauf möchte ich nicht eingehen." in html
        assert "no verified Wikidata item" in html

    def test_event_page_shows_what_when_where_who_and_evidence(self, client: FlaskClient) -> None:
        html = text(client, "/doc/event/budapest-summit-2025.html")
        assert "Planned Trump–Putin summit in Budapest" in html
        assert "planned" in html
        assert "17 October 2025 – 31 October 2025" in html
        assert "wahrscheinlich in den nächsten zwei Wochen" in html
        assert "Budapest" in html and "Donald Trump" in html and "Vladimir Putin" in html
        assert "Trump habe Budapest vorgeschlagen, und Putin habe dem sofort zugestimmt." in html
        assert f"/doc{ARTICLE}.html#evidence-" in html

    def test_article_page_highlights_every_supporting_span(self, client: FlaskClient) -> None:
        html = text(client, f"/doc{ARTICLE}.html")
        assert html.count('class="evidence"') > 50
        assert html.count('class="mention"') > 50
        assert 'href="/doc/event/alaska-summit-2025-08.html"' in html
        assert "Sergei Bobylev/TASS/IMAGO" in html and "PT3M38S" in html
        assert "17 October 2025, 17:45 (UTC+02:00)" in html

    def test_evidence_anchors_exist_for_every_link(self, client: FlaskClient) -> None:
        event = text(client, "/doc/event/alaska-summit-2025-08.html")
        article = text(client, f"/doc{ARTICLE}.html")
        anchors = {part.split('"')[0] for part in event.split(f"{ARTICLE}.html#")[1:]}
        assert anchors
        for name in anchors:
            assert f'id="{name}"' in article


class TestDatasetDescriptions:
    def test_void(self, client: FlaskClient) -> None:
        response = client.get("/.well-known/void", headers={"Accept": "text/turtle"})
        graph = rdflib.Graph().parse(data=response.get_data(as_text=True), format="turtle")
        void = rdflib.Namespace("http://rdfs.org/ns/void#")
        dataset = graph.value(predicate=rdflib.RDF.type, object=void.Dataset, any=True)
        assert dataset is not None
        root = rdflib.URIRef(HOST + "/.well-known/void#dataset")
        assert int(graph.value(root, void.triples)) > 5000
        assert int(graph.value(root, void.classes)) > 20
        assert len(set(graph.objects(root, void.subset))) == 2
        assert rdflib.URIRef(HOST + "/dumps/dataset.trig") in set(graph.objects(root, void.dataDump))
        assert graph.value(root, void.sparqlEndpoint) == rdflib.URIRef(HOST + "/sparql")

    def test_service_description_links_void(self, client: FlaskClient) -> None:
        assert f"<{HOST}/.well-known/void>" in text(client, "/sparql", Accept="text/turtle")

    def test_vocabulary_for_completion_comes_from_the_graph(self, client: FlaskClient) -> None:
        vocabulary = client.get("/-/vocabulary.json").get_json()
        assert "http://schema.org/NewsArticle" in vocabulary["classes"]
        assert "http://schema.org/attendee" in vocabulary["properties"]

    def test_validation_page(self, client: FlaskClient) -> None:
        assert "The graph conforms to every shape." in text(client, "/validation")


EVIL = """@prefix schema: <http://schema.org/> .
<http://news.test/kg/person/evil> a schema:Person ; schema:name "<script>alert('x')</script><b>Evil</b>"@en .
<http://news.test/kg/event/party> a schema:Event ; schema:name "Party & <i>fun</i>"@en ;
    schema:attendee <http://news.test/kg/person/evil> .
"""


@pytest.fixture(scope="module")
def other_base(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    folder = tmp_path_factory.mktemp("evil")
    data = folder / "evil.ttl"
    data.write_text(EVIL, encoding="utf-8")
    return app_over(data, "http://news.test/kg/", folder / "dumps").test_client()


def test_iris_resolve_when_the_base_differs_from_the_server_address(other_base: FlaskClient) -> None:
    response = other_base.get("/person/evil", headers={"Accept": "text/turtle"}, follow_redirects=True)
    assert response.status_code == 200
    graph = rdflib.Graph().parse(data=response.get_data(as_text=True), format="turtle")
    assert (rdflib.URIRef("http://news.test/kg/person/evil"), None, None) in graph


def test_literals_with_markup_render_as_text(other_base: FlaskClient) -> None:
    for path in ("/doc/person/evil.html", "/doc/event/party.html"):
        html = text(other_base, path)
        assert "<script>alert" not in html and "<b>Evil</b>" not in html and "<i>fun</i>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;Evil&lt;/b&gt;" in text(
        other_base, "/doc/person/evil.html"
    )


def test_validation_page_tables_the_violations(other_base: FlaskClient) -> None:
    html = text(other_base, "/validation")
    assert "does not conform" in html
    assert '<td><a href="/doc/person/evil.html">http://news.test/kg/person/evil</a></td>' in html
    assert "Violation" in html


# --- organization and event pages over the seed ------------------------------------------------------------


def related_events(html: str) -> set[str]:
    """The pages linked from the "Related events" section of an event page."""
    section = html.split("<h2>Related events</h2>", 1)[1].split("</section>", 1)[0]
    return set(re.findall(r'href="/doc/event/([^"]+)\.html"', section))


class TestOrganizationAndEventPages:
    def test_an_organization_page_shows_its_german_and_english_names_and_its_wikidata_link(
        self, client: FlaskClient
    ) -> None:
        html = text(client, "/doc/organization/international-criminal-court.html")
        assert "<h1>International Criminal Court</h1>" in html
        assert '<dt>German</dt><dd lang="de">Internationaler Strafgerichtshof</dd>' in html
        assert "<dt>English</dt><dd>International Criminal Court</dd>" in html
        assert (
            '<a class="external" href="http://www.wikidata.org/entity/Q47488" rel="nofollow noopener">'
            in html
        )

    def test_an_event_page_lists_its_super_event_as_related(self, client: FlaskClient) -> None:
        html = text(client, "/doc/event/us-russia-officials-meeting-2025-10.html")
        assert related_events(html) == {"budapest-summit-2025"}
        assert ">Planned Trump–Putin summit in Budapest</a>" in html

    def test_an_event_page_lists_its_sub_events_what_it_is_about_and_events_about_it(
        self, client: FlaskClient
    ) -> None:
        html = text(client, "/doc/event/budapest-summit-2025.html")
        assert related_events(html) == {
            "us-russia-officials-meeting-2025-10",  # schema:subEvent
            "russian-invasion-of-ukraine",  # schema:about
            "trump-putin-call-2025-10",  # schema:about the summit
            "trump-announcement-truth-social-2025-10",
            "orban-putin-call-2025-10",
        }


# --- markup from the graph on the article page and in the validation table -------------------------------

CRAFTED_BODY = 'Intro <b>bold</b>\n\nSee <script>alert("body")</script> & here'
CRAFTED = """@prefix schema: <http://schema.org/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix a: <http://news.test/kg/article/evil/> .
<http://news.test/kg/article/evil> a schema:NewsArticle ;
    schema:headline "Head <script>alert('headline')</script>"@de ;
    schema:description "Lede <img src=x onerror=alert('lede')>"@de ;
    schema:articleBody "BODY"@de ;
    schema:datePublished "2025-01-01"^^xsd:date ;
    schema:image a:image-1 .
a:image-1 a schema:ImageObject ; schema:position 1 ;
    schema:caption "<i>caption</i>"@de ; schema:creditText "<u>credit</u>" .
a:evidence-1 a oa:Annotation ; oa:motivatedBy oa:describing ; oa:hasBody <http://news.test/kg/person/title> ;
    oa:hasTarget a:target-1 .
a:target-1 oa:hasSource <http://news.test/kg/article/evil> ; oa:hasSelector a:position-1 .
a:position-1 a oa:TextPositionSelector ; oa:start START ; oa:end END .
<http://news.test/kg/person/title> a schema:Person ; schema:name "\\" onmouseover=\\"alert('title')"@en .
<http://news.test/kg/graph/x/build> a prov:Activity ; prov:used "<script>alert('focus')</script>" .
"""


MARKUP = ("<script>alert", "<img src=x", "<b>bold</b>", "<i>caption</i>", "<u>credit</u>", 'onmouseover="')


@pytest.fixture(scope="module")
def crafted(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    """The app over one article whose headline, body, caption and labels hold markup."""
    folder = tmp_path_factory.mktemp("crafted")
    start = CRAFTED_BODY.index("<script>")
    end = CRAFTED_BODY.index("</script>") + len("</script>")
    body = CRAFTED_BODY.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    turtle = CRAFTED.replace("BODY", body).replace("START", str(start)).replace("END", str(end))
    data = folder / "crafted.ttl"
    data.write_text(turtle, encoding="utf-8")
    return app_over(data, "http://news.test/kg/", folder / "dumps").test_client()


def test_the_article_page_escapes_headline_lede_body_caption_and_labels(crafted: FlaskClient) -> None:
    response = crafted.get("/doc/article/evil.html")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    for raw in MARKUP:
        assert raw not in html, raw
    assert "Head &lt;script&gt;alert(&#39;headline&#39;)&lt;/script&gt;" in html
    assert "Intro &lt;b&gt;bold&lt;/b&gt;" in html
    assert "&lt;i&gt;caption&lt;/i&gt;" in html and "&lt;u&gt;credit&lt;/u&gt;" in html


def test_the_highlighted_span_of_the_body_is_escaped_text_inside_its_link(crafted: FlaskClient) -> None:
    html = text(crafted, "/doc/article/evil.html")
    highlighted = re.search(
        r'<a class="evidence" href="/doc/person/title.html" title="([^"]*)">([^<]*)</a>', html
    )
    assert highlighted is not None
    assert highlighted.group(1) == "&#34; onmouseover=&#34;alert(&#39;title&#39;)"
    assert highlighted.group(2) == "&lt;script&gt;alert(&#34;body&#34;)&lt;/script&gt;"
    assert "</a> &amp; here" in html


def test_the_validation_table_escapes_a_focus_node_that_holds_markup(crafted: FlaskClient) -> None:
    html = text(crafted, "/validation")
    assert "does not conform" in html
    assert "<script>alert(&#39;focus&#39;)" not in html and "<script>alert('focus')" not in html
    assert '<td><a href="&lt;script&gt;alert(&#39;focus&#39;)&lt;/script&gt;">' in html


# --- an image without a credit, from a page through newskg ingest to newskg serve ---------------------------

UNCREDITED_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour</title>
<link rel="canonical" href="https://news.example.org/2024/harbour-reopens">
<script type="application/ld+json">JSONLD</script></head>
<body><main><article><h1>The harbour of Nordhafen reopens after the storm</h1>
<p>The harbour of Nordhafen opened again on Friday morning, three days after the storm had closed it, the port
authority said in a statement, and the first ferries left for the islands before noon.</p>
<p>Divers had checked the quay walls and the fairway for damage on Thursday and found nothing that would keep
ships away, a spokeswoman said, although repairs to the sea wall will take several more weeks.</p>
</article></main></body></html>"""
UNCREDITED_JSONLD = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "The harbour of Nordhafen reopens after the storm",
    "datePublished": "2024-03-08T10:00:00+01:00",
    "inLanguage": "en",
    "publisher": {"@type": "Organization", "name": "Example News"},
    "image": [
        {"@type": "ImageObject", "url": "https://img.example.org/ferry.jpg",
         "caption": "The first ferry leaves", "creditText": "Jane Roe/Coastal Press Agency"},
        {"@type": "ImageObject", "url": "https://img.example.org/quay.jpg", "caption": "Divers at the quay"},
    ],
}  # fmt: skip


def test_every_image_is_shown_with_its_caption_and_its_credit_or_that_none_was_given(tmp_path: Path) -> None:
    page = tmp_path / "harbour.html"
    page.write_text(UNCREDITED_PAGE.replace("JSONLD", json.dumps(UNCREDITED_JSONLD)), encoding="utf-8")
    store = tmp_path / "store"
    command = [NEWSKG, "ingest", "--data", DATA, "--store", store, "--base", BASE, "--no-extract", page]
    ingested = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert ingested.returncode == 0, ingested.stderr
    server = start_server("--store", store, "--base", BASE, log_dir=tmp_path)
    try:
        found = requests.get(
            server.sparql,
            params={"query": "SELECT ?a WHERE { ?a a <http://schema.org/NewsArticle> }"},
            headers={"Accept": "text/csv"},
            timeout=30,
        )
        [article] = found.text.splitlines()[1:]
        response = requests.get(
            server.url + "/doc/" + article.strip().removeprefix(BASE) + ".html", timeout=30
        )
    finally:
        server.stop()
    assert response.status_code == 200, response.text
    figures = re.findall(r'<figure class="image" id="image-\d+">(.*?)</figure>', response.text, re.DOTALL)
    shown = [(re.sub(r"<[^>]+>|\s+", " ", f).split()) for f in figures]
    assert [" ".join(words) for words in shown] == [
        "The first ferry leaves Credit: Jane Roe/Coastal Press Agency Rights:",
        "Divers at the quay No credit given Rights:",
    ]


def test_the_page_of_an_article_without_a_publisher_says_it_is_not_known(tmp_path: Path) -> None:
    """A page saved without its address and naming no publisher, through ``newskg ingest``: the article's
    page answers and says the publisher is not known (nothing made up, no empty field)."""
    jsonld = {k: v for k, v in UNCREDITED_JSONLD.items() if k not in ("publisher", "image")}
    saved = re.sub(r"<link rel=\"canonical\"[^>]*>", "", UNCREDITED_PAGE).replace(
        "JSONLD", json.dumps(jsonld)
    )
    page = tmp_path / "saved.html"
    page.write_text(saved, encoding="utf-8")
    store = tmp_path / "store"
    command = [NEWSKG, "ingest", "--data", DATA, "--store", store, "--base", BASE, "--no-extract", page]
    ingested = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert ingested.returncode == 0, ingested.stderr
    assert f"warning {page}: no publisher" in ingested.stderr
    memory = Store()
    memory.engine.bulk_extend(Store(store, read_only=True).quads())
    client = create_app(memory, settings=resolve([("base_iri", BASE)]), dump_dir=tmp_path).test_client()
    [article] = [q.subject.value for q in memory.quads() if q.object.value == str(SCHEMA.NewsArticle)]
    response = client.get("/doc/" + article.removeprefix(BASE) + ".html")
    assert response.status_code == 200
    publisher = re.search(r"<dt>Publisher</dt><dd>(.*?)</dd>", response.get_data(as_text=True))
    assert publisher is not None and re.sub(r"<[^>]+>", "", publisher.group(1)) == (
        "Not known: the page or text names none"
    )


# --- the pictures of an entity page: its events over time and who took part with it ------------------------

SVG_NS = "{http://www.w3.org/2000/svg}"


def charts_of(html: str) -> dict[str, ET.Element]:
    """The page's SVG charts by their kind (``over-time``, ``network``, ...), parsed as XML."""
    found = {}
    for svg in re.findall(r"<svg .*?</svg>", html, flags=re.S):
        root = ET.fromstring(svg)
        found[root.get("class", "").split()[1]] = root
    return found


def chart_links(root: ET.Element) -> dict[str, str]:
    """href -> class of each link of a chart."""
    return {a.get("href", ""): a.get("class", "") for a in root.iter(SVG_NS + "a")}


class TestEntityCharts:
    def test_the_timeline_draws_each_dated_event_at_its_precision_linking_to_it(
        self, client: FlaskClient
    ) -> None:
        timeline = charts_of(text(client, "/doc/person/vladimir-putin.html"))["over-time"]
        assert chart_links(timeline) == {
            "/doc/event/icc-arrest-warrant-putin-2023.html": "mark span happened",  # 2023: a year
            "/doc/event/orban-putin-moscow-2024-07.html": "mark span happened",  # July 2024: a month
            "/doc/event/alaska-summit-2025-08.html": "mark span happened",
            "/doc/event/orban-putin-call-2025-10.html": "mark before happened",  # not later than 17 October
            "/doc/event/trump-putin-call-2025-10.html": "mark before happened",
            "/doc/event/budapest-summit-2025.html": "mark band planned",  # the window 17-31 October
        }
        titles = [t.text or "" for t in timeline.iter(SVG_NS + "title")]
        assert (
            "Planned Trump–Putin summit in Budapest: window 17 October 2025 – 31 October 2025 (planned)"
            in titles
        )
        notes = [t.text for t in timeline.iter(SVG_NS + "text") if t.get("class") == "undated"]
        assert notes == ["1 without a date in the text not drawn: see the list."]

    def test_a_day_is_a_point_and_an_ongoing_event_runs_on(self, client: FlaskClient) -> None:
        timeline = charts_of(text(client, "/doc/person/volodymyr-zelenskyy.html"))["over-time"]
        links = chart_links(timeline)
        assert links["/doc/event/zelenskyy-visit-washington-2025-10.html"] == "mark ongoing ongoing"
        assert links["/doc/event/trump-zelenskyy-white-house-2025-10-17.html"] == "mark point planned"

    def test_the_network_links_who_met_whom_to_their_pages_and_shared_events(
        self, client: FlaskClient
    ) -> None:
        html = text(client, "/doc/person/vladimir-putin.html")
        network = charts_of(html)["network"]
        links = chart_links(network)
        for person in ("vladimir-putin", "donald-trump", "viktor-orban", "volodymyr-zelenskyy"):
            assert f"/doc/person/{person}.html" in links
        assert links["#met-donald-trump-vladimir-putin"] == "edge own"  # four events: the table lists them
        assert links["/doc/event/trilateral-meeting-proposed.html"] == "edge planned own"  # only proposed
        counts = {
            a.get("href"): a.findtext(f"{SVG_NS}text[@class='count']") for a in network.iter(SVG_NS + "a")
        }
        assert (
            counts["#met-donald-trump-vladimir-putin"] == "4"
            and counts["#met-viktor-orban-vladimir-putin"] == "2"
        )
        row = html.split('<tr id="met-donald-trump-vladimir-putin">', 1)[1].split("</tr>", 1)[0]
        assert set(re.findall(r'href="/doc/event/([^"]+)\.html"', row)) == {
            "alaska-summit-2025-08",
            "trump-putin-call-2025-10",
            "budapest-summit-2025",
            "trilateral-meeting-proposed",
        }

    def test_an_organization_has_a_timeline_and_no_network_when_nobody_attended_with_it(
        self, client: FlaskClient
    ) -> None:
        html = text(client, "/doc/organization/international-criminal-court.html")
        assert set(charts_of(html)) == {"over-time"} and "Who met whom" not in html
        assert "/doc/event/icc-arrest-warrant-putin-2023.html" in chart_links(charts_of(html)["over-time"])

    def test_a_page_with_no_events_draws_no_chart(self, client: FlaskClient) -> None:
        html = text(client, "/doc/person/karoline-leavitt.html")
        assert "<svg" not in html


CRAFTED_EVENT = """@prefix schema: <http://schema.org/> .
@prefix nkg: <https://w3id.org/newskg/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<http://news.test/kg/person/a> a schema:Person ; schema:name "<script>alert('a')</script>"@en .
<http://news.test/kg/person/b> a schema:Person ; schema:name "B <img src=x onerror=alert(1)>"@en .
<http://news.test/kg/event/e> a schema:Event ; schema:name "Meeting </svg><b>bold</b>"@en ;
    schema:attendee <http://news.test/kg/person/a>, <http://news.test/kg/person/b> ;
    schema:startDate "2025-03"^^xsd:gYearMonth ; nkg:status nkg:Happened .
"""


def test_the_charts_escape_names_from_the_graph(tmp_path: Path) -> None:
    data = tmp_path / "crafted.ttl"
    data.write_text(CRAFTED_EVENT, encoding="utf-8")
    client = app_over(data, "http://news.test/kg/", tmp_path / "dumps").test_client()
    html = text(client, "/doc/person/a.html")
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold</b>" not in html
    found = charts_of(html)
    assert chart_links(found["over-time"]) == {"/doc/event/e.html": "mark span happened"}
    assert "/doc/person/b.html" in chart_links(found["network"])
    assert "B <img src=x onerror=alert(1)>" in [t.text for t in found["network"].iter(SVG_NS + "title")]


# --- the home page: the corpus at a glance ----------------------------------------------------------------


def svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(svg) for svg in re.findall(r"<svg .*?</svg>", html, flags=re.S)]


def test_the_home_page_shows_the_corpus_at_a_glance_above_the_query_editor(client: FlaskClient) -> None:
    html = text(client, "/")
    assert html.index("The corpus at a glance") < html.index('<div id="yasgui">')
    days, persons, places, asserted = svgs(html)
    assert [t.text for t in days.iter(SVG_NS + "title")][1:] == ["2025-10-17: 1 article(s)"]
    people = list(chart_links(persons))
    assert people[:3] == [
        f"/doc/person/{p}.html" for p in ("vladimir-putin", "donald-trump", "volodymyr-zelenskyy")
    ]
    assert "/doc/place/budapest.html" in chart_links(places) and len(people) == 10
    assert "Vladimir Putin: 33 mention(s) in 1 article(s)" in [t.text for t in persons.iter(SVG_NS + "title")]
    titles = [t.text or "" for t in asserted.iter(SVG_NS + "title")]
    assert "facts: written by an editor, 51 of 60 (85 %)" in titles  # the seed's editor annotated it all
    assert "85 % an editor wrote or confirmed, 0 % are machine facts" in " ".join(html.split())


GLANCE = """@prefix schema: <http://schema.org/> .
@prefix nkg: <https://w3id.org/newskg/ontology#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix anno: <http://news.test/kg/anno/> .
@prefix ev: <http://news.test/kg/event/> .
@prefix art: <http://news.test/kg/article/> .
@prefix per: <http://news.test/kg/person/> .
art:a a schema:NewsArticle ; schema:datePublished "2025-10-14"^^xsd:date .
art:b a schema:NewsArticle ; schema:datePublished "2025-10-16"^^xsd:date .
art:c a schema:NewsArticle ; schema:datePublished "2025-10-16"^^xsd:date .
per:p a schema:Person ; schema:name "P <i>x</i>"@en .
anno:1 oa:motivatedBy oa:describing ; oa:hasBody ev:1 ; nkg:assertedBy nkg:Editor ;
    oa:hasTarget [ oa:hasSource art:a ] .
anno:2 oa:motivatedBy oa:describing ; oa:hasBody ev:2 ; nkg:assertedBy nkg:Editor ;
    nkg:review nkg:Confirmed ; oa:hasTarget [ oa:hasSource art:a ] .
anno:3 oa:motivatedBy oa:describing ; oa:hasBody ev:3 ; nkg:assertedBy nkg:Extractor ;
    nkg:confidence 0.7 ; oa:hasTarget [ oa:hasSource art:b ] .
anno:4 oa:motivatedBy oa:describing ; oa:hasBody ev:3 ; nkg:assertedBy nkg:Extractor ;
    nkg:confidence 0.7 ; oa:hasTarget [ oa:hasSource art:b ] .
anno:5 oa:motivatedBy oa:identifying ; oa:hasBody per:p ; nkg:assertedBy nkg:Extractor ;
    oa:hasTarget [ oa:hasSource art:c ] .
"""


def test_the_home_page_counts_editor_confirmed_and_machine_facts_and_every_day(tmp_path: Path) -> None:
    data = tmp_path / "glance.ttl"
    data.write_text(GLANCE, encoding="utf-8")
    html = text(app_over(data, "http://news.test/kg/", tmp_path / "dumps").test_client(), "/")
    days, persons, places, asserted = svgs(html)
    assert [t.text for t in days.iter(SVG_NS + "title")][1:] == [
        "2025-10-14: 1 article(s)",
        "2025-10-15: 0 article(s)",  # a day without articles is a day of the axis
        "2025-10-16: 2 article(s)",
    ]
    titles = [t.text or "" for t in asserted.iter(SVG_NS + "title")]
    assert {
        "facts: written by an editor, 1 of 3 (33 %)",
        "facts: machine fact an editor confirmed or corrected, 1 of 3 (33 %)",
        "facts: machine fact, not reviewed, 1 of 3 (33 %)",  # one fact of one article, whatever its spans
        "mentions: machine fact, not reviewed, 1 of 1 (100 %)",
    } <= set(titles)
    assert "67 % an editor wrote or confirmed, 33 % are machine facts" in " ".join(html.split())
    assert chart_links(persons) == {"/doc/person/p.html": "bar"} and "<i>x</i>" not in html
    assert "None yet." in ET.tostring(places, encoding="unicode")


def test_the_query_editor_stays_when_the_overview_fails(app: Flask) -> None:
    """Past the time limit on a large store, or a remote store gone: the home page still has its editor."""
    from server.execution.pool import ExecutionError

    pool = app.extensions["newskg_pool"]

    def failing(job: object, time_limit_s: float, *, cached: bool = True) -> bytes:
        raise ExecutionError(503, "the query took longer than the time limit (sparql_time_limit_s)")

    pool.run = failing
    try:
        response = app.test_client().get("/")
    finally:
        del pool.run
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and '<div id="yasgui">' in html and "<svg" not in html
    assert "not available now: the query took longer than the time limit (sparql_time_limit_s)" in html
