"""Linked-data pages over HTTP: Cool URIs, content negotiation, escaping, VoID, validation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
import requests

from tests.conftest import SEED_SLUG, LiveServer, start_server

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


class TestCoolUris:
    @pytest.mark.parametrize("path", MINTED)
    def test_a_browser_is_sent_to_the_html_page(self, live_server: LiveServer, path: str) -> None:
        response = requests.get(
            live_server.url + path, headers={"Accept": "text/html"}, allow_redirects=False
        )
        assert response.status_code == 303
        assert response.headers["Location"].endswith(f"/doc{path}.html")
        page = requests.get(live_server.url + response.headers["Location"])
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
    def test_an_rdf_client_gets_the_description(self, live_server: LiveServer, accept: str, extension: str,
                                                parse_as: str) -> None:  # fmt: skip
        response = requests.get(live_server.url + "/event/alaska-summit-2025-08", headers={"Accept": accept})
        assert response.history[0].status_code == 303
        assert response.url.endswith(f"/doc/event/alaska-summit-2025-08.{extension}")
        graph = rdflib.Graph().parse(data=response.content, format=parse_as)
        event = rdflib.URIRef("https://kg.example.org/event/alaska-summit-2025-08")
        assert (event, SCHEMA.startDate, None) in graph
        alaska = rdflib.URIRef("https://kg.example.org/place/alaska")
        assert (event, SCHEMA.location, alaska) in graph
        assert (alaska, SCHEMA.name, rdflib.Literal("Alaska", lang="en")) in graph, (
            "labels of linked resources"
        )

    def test_html_pages_advertise_their_rdf_twins(self, live_server: LiveServer) -> None:
        response = requests.get(live_server.url + "/doc/person/vladimir-putin.html")
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
    def test_unknown_iris_are_404(self, live_server: LiveServer, path: str) -> None:
        response = requests.get(live_server.url + path)
        assert response.status_code == 404
        assert "Traceback" not in response.text


class TestPageContent:
    def test_person_page(self, live_server: LiveServer) -> None:
        html = requests.get(live_server.url + "/doc/person/vladimir-putin.html").text
        assert "Wladimir Putin" in html and "Vladimir Putin" in html
        assert "http://www.wikidata.org/entity/Q7747" in html
        assert "President of Russia" in html
        assert "Trump–Putin summit in Alaska" in html and "August 2025" in html
        assert "planned" in html and "happened" in html
        assert "Trump kündigt Treffen mit Putin in Budapest an" in html

    def test_person_page_lists_quotations(self, live_server: LiveServer) -> None:
        html = requests.get(live_server.url + "/doc/person/karoline-leavitt.html").text
        assert "Ich denke, er hält es für möglich." in html
        assert "Darauf möchte ich nicht eingehen." in html
        assert "no verified Wikidata item" in html

    def test_event_page_shows_what_when_where_who_and_evidence(self, live_server: LiveServer) -> None:
        html = requests.get(live_server.url + "/doc/event/budapest-summit-2025.html").text
        assert "Planned Trump–Putin summit in Budapest" in html
        assert "planned" in html
        assert "17 October 2025 – 31 October 2025" in html
        assert "wahrscheinlich in den nächsten zwei Wochen" in html
        assert "Budapest" in html and "Donald Trump" in html and "Vladimir Putin" in html
        assert "Trump habe Budapest vorgeschlagen, und Putin habe dem sofort zugestimmt." in html
        assert f"/doc{ARTICLE}.html#evidence-" in html

    def test_article_page_highlights_every_supporting_span(self, live_server: LiveServer) -> None:
        html = requests.get(live_server.url + f"/doc{ARTICLE}.html").text
        assert html.count('class="evidence"') > 50
        assert html.count('class="mention"') > 50
        assert 'href="/doc/event/alaska-summit-2025-08.html"' in html
        assert "Sergei Bobylev/TASS/IMAGO" in html and "PT3M38S" in html
        assert "17 October 2025, 17:45 (UTC+02:00)" in html

    def test_evidence_anchors_exist_for_every_link(self, live_server: LiveServer) -> None:
        event = requests.get(live_server.url + "/doc/event/alaska-summit-2025-08.html").text
        article = requests.get(live_server.url + f"/doc{ARTICLE}.html").text
        anchors = {part.split('"')[0] for part in event.split(f"{ARTICLE}.html#")[1:]}
        assert anchors
        for name in anchors:
            assert f'id="{name}"' in article


class TestDatasetDescriptions:
    def test_void(self, live_server: LiveServer) -> None:
        response = requests.get(live_server.url + "/.well-known/void", headers={"Accept": "text/turtle"})
        graph = rdflib.Graph().parse(data=response.text, format="turtle")
        void = rdflib.Namespace("http://rdfs.org/ns/void#")
        dataset = graph.value(predicate=rdflib.RDF.type, object=void.Dataset, any=True)
        assert dataset is not None
        root = rdflib.URIRef(live_server.url + "/.well-known/void#dataset")
        assert int(graph.value(root, void.triples)) > 5000
        assert int(graph.value(root, void.classes)) > 20
        assert len(set(graph.objects(root, void.subset))) == 2
        assert rdflib.URIRef(live_server.url + "/dumps/dataset.trig") in set(
            graph.objects(root, void.dataDump)
        )
        assert graph.value(root, void.sparqlEndpoint) == rdflib.URIRef(live_server.url + "/sparql")

    def test_service_description_links_void(self, live_server: LiveServer) -> None:
        text = requests.get(live_server.sparql, headers={"Accept": "text/turtle"}).text
        assert f"<{live_server.url}/.well-known/void>" in text

    def test_vocabulary_for_completion_comes_from_the_graph(self, live_server: LiveServer) -> None:
        vocabulary = requests.get(live_server.url + "/-/vocabulary.json").json()
        assert "http://schema.org/NewsArticle" in vocabulary["classes"]
        assert "http://schema.org/attendee" in vocabulary["properties"]

    def test_validation_page(self, live_server: LiveServer) -> None:
        html = requests.get(live_server.url + "/validation").text
        assert "The graph conforms to every shape." in html


EVIL = """@prefix schema: <http://schema.org/> .
<http://news.test/kg/person/evil> a schema:Person ; schema:name "<script>alert('x')</script><b>Evil</b>"@en .
<http://news.test/kg/event/party> a schema:Event ; schema:name "Party & <i>fun</i>"@en ;
    schema:attendee <http://news.test/kg/person/evil> .
"""


@pytest.fixture(scope="module")
def other_base(tmp_path_factory: pytest.TempPathFactory) -> LiveServer:
    folder = tmp_path_factory.mktemp("evil")
    data = folder / "evil.ttl"
    data.write_text(EVIL, encoding="utf-8")
    server = start_server("--data", data, "--base", "http://news.test/kg/", log_dir=folder)
    yield server
    server.stop()


def test_iris_resolve_when_the_base_differs_from_the_server_address(other_base: LiveServer) -> None:
    response = requests.get(other_base.url + "/person/evil", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    assert (rdflib.URIRef("http://news.test/kg/person/evil"), None, None) in graph


def test_literals_with_markup_render_as_text(other_base: LiveServer) -> None:
    for path in ("/doc/person/evil.html", "/doc/event/party.html"):
        html = requests.get(other_base.url + path).text
        assert "<script>alert" not in html and "<b>Evil</b>" not in html and "<i>fun</i>" not in html
    assert (
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;Evil&lt;/b&gt;"
        in requests.get(other_base.url + "/doc/person/evil.html").text
    )


def test_validation_page_tables_the_violations(other_base: LiveServer, tmp_path: Path) -> None:
    html = requests.get(other_base.url + "/validation").text
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
        self, live_server: LiveServer
    ) -> None:
        html = requests.get(live_server.url + "/doc/organization/international-criminal-court.html").text
        assert "<h1>International Criminal Court</h1>" in html
        assert '<dt>German</dt><dd lang="de">Internationaler Strafgerichtshof</dd>' in html
        assert "<dt>English</dt><dd>International Criminal Court</dd>" in html
        assert (
            '<a class="external" href="http://www.wikidata.org/entity/Q47488" rel="nofollow noopener">'
            in html
        )

    def test_an_event_page_lists_its_super_event_as_related(self, live_server: LiveServer) -> None:
        html = requests.get(live_server.url + "/doc/event/us-russia-officials-meeting-2025-10.html").text
        assert related_events(html) == {"budapest-summit-2025"}
        assert ">Planned Trump–Putin summit in Budapest</a>" in html

    def test_an_event_page_lists_its_sub_events_what_it_is_about_and_events_about_it(
        self, live_server: LiveServer
    ) -> None:
        html = requests.get(live_server.url + "/doc/event/budapest-summit-2025.html").text
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
def crafted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server over one article whose headline, body, caption and labels hold markup."""
    folder = tmp_path_factory.mktemp("crafted")
    start = CRAFTED_BODY.index("<script>")
    end = CRAFTED_BODY.index("</script>") + len("</script>")
    body = CRAFTED_BODY.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    turtle = CRAFTED.replace("BODY", body).replace("START", str(start)).replace("END", str(end))
    data = folder / "crafted.ttl"
    data.write_text(turtle, encoding="utf-8")
    server = start_server("--data", data, "--base", "http://news.test/kg/", log_dir=folder)
    yield server
    server.stop()


def test_the_article_page_escapes_headline_lede_body_caption_and_labels(crafted: LiveServer) -> None:
    response = requests.get(crafted.url + "/doc/article/evil.html")
    assert response.status_code == 200
    html = response.text
    for raw in MARKUP:
        assert raw not in html, raw
    assert "Head &lt;script&gt;alert(&#39;headline&#39;)&lt;/script&gt;" in html
    assert "Intro &lt;b&gt;bold&lt;/b&gt;" in html
    assert "&lt;i&gt;caption&lt;/i&gt;" in html and "&lt;u&gt;credit&lt;/u&gt;" in html


def test_the_highlighted_span_of_the_body_is_escaped_text_inside_its_link(crafted: LiveServer) -> None:
    html = requests.get(crafted.url + "/doc/article/evil.html").text
    highlighted = re.search(
        r'<a class="evidence" href="/doc/person/title.html" title="([^"]*)">([^<]*)</a>', html
    )
    assert highlighted is not None
    assert highlighted.group(1) == "&#34; onmouseover=&#34;alert(&#39;title&#39;)"
    assert highlighted.group(2) == "&lt;script&gt;alert(&#34;body&#34;)&lt;/script&gt;"
    assert "</a> &amp; here" in html


def test_the_validation_table_escapes_a_focus_node_that_holds_markup(crafted: LiveServer) -> None:
    html = requests.get(crafted.url + "/validation").text
    assert "does not conform" in html
    assert "<script>alert(&#39;focus&#39;)" not in html and "<script>alert('focus')" not in html
    assert '<td><a href="&lt;script&gt;alert(&#39;focus&#39;)&lt;/script&gt;">' in html
