"""Content negotiation (server/sparql/conneg.py): which serialization answers a request. A ``format``
parameter decides first, then the ``Accept`` header with its q-values; the formats and their aliases come
from the one table in kg/formats.py. Fast: no server."""

from __future__ import annotations

import pyoxigraph
import pytest
from flask import Flask
from pyoxigraph import DefaultGraph, NamedNode, Quad
from werkzeug.datastructures import MIMEAccept
from werkzeug.exceptions import NotAcceptable
from werkzeug.http import parse_accept_header

from kg import formats
from server.sparql.conneg import OFFERS_BY_FORM, choose, choose_for_header, rdf_document

RESULTS = OFFERS_BY_FORM["SELECT"]
GRAPHS = OFFERS_BY_FORM["CONSTRUCT"]


def pick(offers: tuple[formats.Format, ...], accept: str = "", format_param: str | None = None) -> str:
    """The name of the format chosen for an ``Accept`` header and a ``format`` parameter."""
    return choose(offers, parse_accept_header(accept, MIMEAccept), format_param).name


def refusal(offers: tuple[formats.Format, ...], accept: str = "", format_param: str | None = None) -> str:
    with pytest.raises(NotAcceptable) as caught:
        choose(offers, parse_accept_header(accept, MIMEAccept), format_param)
    return str(caught.value.description)


class TestOffers:
    def test_each_query_form_offers_the_formats_of_the_one_table(self) -> None:
        assert OFFERS_BY_FORM == {
            "SELECT": formats.RESULT_FORMATS,
            "ASK": formats.RESULT_FORMATS,
            "CONSTRUCT": formats.RDF_FORMATS,
            "DESCRIBE": formats.RDF_FORMATS,
        }

    def test_results_are_results_formats_and_graphs_rdf_formats(self) -> None:
        assert all(f.results is not None and f.rdf is None for f in RESULTS)
        assert all(f.rdf is not None and f.results is None for f in GRAPHS)

    def test_the_media_types_are_pyoxigraphs(self) -> None:
        """The media type sent is the one pyoxigraph serializes, so the engine can write the answer."""
        for fmt in RESULTS:
            assert pyoxigraph.QueryResultsFormat.from_media_type(fmt.media_type) == fmt.results
        for fmt in GRAPHS:
            assert pyoxigraph.RdfFormat.from_media_type(fmt.media_type) == fmt.rdf

    @pytest.mark.parametrize(
        ("fmt", "content_type"),
        [
            (formats.TURTLE, "text/turtle; charset=utf-8"),
            (formats.JSON_LD, "application/ld+json; charset=utf-8"),
            (formats.RDF_XML, "application/rdf+xml; charset=utf-8"),
            (formats.N_TRIPLES, "application/n-triples"),
            (formats.RESULT_FORMATS[0], "application/sparql-results+json; charset=utf-8"),
            (formats.RESULT_FORMATS[2], "text/csv; charset=utf-8"),
        ],
    )
    def test_text_types_say_their_charset(self, fmt: formats.Format, content_type: str) -> None:
        assert fmt.content_type == content_type


class TestDefaults:
    @pytest.mark.parametrize("accept", ["", "*/*", "*/*;q=0.8"])
    def test_without_a_preference_results_are_sparql_json(self, accept: str) -> None:
        assert pick(RESULTS, accept) == "json"

    @pytest.mark.parametrize("accept", ["", "*/*"])
    def test_without_a_preference_graphs_are_turtle(self, accept: str) -> None:
        assert pick(GRAPHS, accept) == "turtle"


class TestAccept:
    @pytest.mark.parametrize("fmt", formats.RESULT_FORMATS + formats.RDF_FORMATS, ids=lambda f: f.name)
    def test_each_format_is_chosen_by_its_own_media_type(self, fmt: formats.Format) -> None:
        offers = RESULTS if fmt in RESULTS else GRAPHS
        assert pick(offers, fmt.media_type) == fmt.name

    @pytest.mark.parametrize(
        ("accept", "results", "graphs"),
        [
            ("application/json", "json", "jsonld"),
            ("application/xml", "xml", "rdfxml"),
            ("text/xml", "xml", "rdfxml"),
        ],
    )
    def test_generic_types_are_aliases_in_both_tables(self, accept: str, results: str, graphs: str) -> None:
        assert pick(RESULTS, accept) == results
        assert pick(GRAPHS, accept) == graphs

    @pytest.mark.parametrize(("accept", "name"), [("text/plain", "nt"), ("application/x-turtle", "turtle")])
    def test_older_names_of_rdf_types_are_aliases(self, accept: str, name: str) -> None:
        assert pick(GRAPHS, accept) == name

    def test_the_highest_q_value_wins(self) -> None:
        assert pick(RESULTS, "text/csv;q=0.5, text/tab-separated-values") == "tsv"
        assert pick(GRAPHS, "text/turtle;q=0.1, application/n-triples;q=0.2") == "nt"
        assert pick(GRAPHS, "application/trig, text/turtle;q=0.9") == "trig"

    def test_at_equal_q_values_the_servers_order_decides(self) -> None:
        assert pick(RESULTS, "text/csv, application/sparql-results+xml") == "xml"

    def test_q_zero_refuses_a_type(self) -> None:
        assert pick(RESULTS, "application/sparql-results+json;q=0, */*;q=0.1") == "xml"

    def test_a_wildcard_subtype_takes_the_first_offer_of_its_type(self) -> None:
        assert pick(RESULTS, "text/*") == "csv"
        assert pick(GRAPHS, "text/*") == "turtle"
        assert pick(RESULTS, "application/*") == "json"

    def test_nothing_acceptable_is_406_listing_the_offered_media_types(self) -> None:
        assert refusal(RESULTS, "image/png") == (
            "none of the accepted media types is offered here (offered: application/sparql-results+json, "
            "application/sparql-results+xml, text/csv, text/tab-separated-values)"
        )
        assert refusal(GRAPHS, "text/turtle;q=0, image/png").endswith(
            "(offered: text/turtle, application/n-triples, application/rdf+xml, application/ld+json, "
            "application/trig, application/n-quads)"
        )

    def test_results_formats_do_not_answer_graph_queries(self) -> None:
        assert refusal(GRAPHS, "text/csv").startswith("none of the accepted media types is offered here")


class TestFormatParameter:
    @pytest.mark.parametrize("value", ["csv", "CSV", "text/csv"])
    def test_format_names_a_format_by_name_or_media_type(self, value: str) -> None:
        assert pick(RESULTS, "", value) == "csv"

    def test_format_wins_over_accept(self) -> None:
        assert pick(RESULTS, "application/sparql-results+xml", "json") == "json"
        assert pick(GRAPHS, "text/turtle", "nt") == "nt"

    def test_format_decides_even_when_accept_names_nothing_offered(self) -> None:
        assert pick(GRAPHS, "image/png", "trig") == "trig"

    def test_an_unknown_format_is_406_listing_the_offered_names(self) -> None:
        assert (
            refusal(RESULTS, "", "turtle")
            == "format='turtle' is not offered here (offered: json, xml, csv, tsv)"
        )
        assert refusal(GRAPHS, "", "ttl") == (
            "format='ttl' is not offered here (offered: turtle, nt, rdfxml, jsonld, trig, nq)"
        )

    def test_an_empty_format_is_no_format(self) -> None:
        assert pick(RESULTS, "text/csv", "") == "csv"


class TestRawHeader:
    @pytest.mark.parametrize("accept", ["", "*/*", "application/json", "text/turtle;q=0.5, */*;q=0.1"])
    def test_the_cached_choice_is_the_same_choice(self, accept: str) -> None:
        for offers in (RESULTS, GRAPHS):
            assert choose_for_header(offers, accept, None) == choose(
                offers, parse_accept_header(accept, MIMEAccept), None
            )

    def test_the_cached_choice_refuses_the_same_way(self) -> None:
        with pytest.raises(NotAcceptable):
            choose_for_header(RESULTS, "image/png", None)
        with pytest.raises(NotAcceptable):  # a refusal is not remembered as an answer
            choose_for_header(RESULTS, "image/png", None)


# --- documents the server writes itself (service description, VoID) -----------------------------------------

QUAD = Quad(NamedNode("http://x/s"), NamedNode("http://x/p"), NamedNode("http://x/o"), DefaultGraph())
NAMED = Quad(
    NamedNode("http://x/s"), NamedNode("http://x/p"), NamedNode("http://x/o"), NamedNode("http://x/g")
)


def document(path: str, accept: str = "", quads: tuple[Quad, ...] = (QUAD,)) -> tuple[str, bytes]:
    app = Flask(__name__)
    with app.test_request_context(path, headers={"Accept": accept} if accept else {}):
        response = rdf_document(list(quads), {"ex": "http://x/"})
    return response.headers["Content-Type"], response.get_data()


class TestRdfDocument:
    def test_turtle_by_default_with_the_prefixes(self) -> None:
        content_type, body = document("/")
        assert content_type == "text/turtle; charset=utf-8"
        assert b"@prefix ex: <http://x/>" in body and b"ex:s ex:p ex:o" in body

    def test_accept_and_format_choose_as_for_queries(self) -> None:
        assert document("/", "application/n-triples")[0] == "application/n-triples"
        assert document("/?format=jsonld", "text/turtle")[0] == "application/ld+json; charset=utf-8"

    def test_a_client_that_accepts_nothing_offered_still_gets_turtle(self) -> None:
        """A description of the service should reach every client."""
        assert document("/", "image/png")[0] == "text/turtle; charset=utf-8"
        assert document("/?format=csv")[0] == "text/turtle; charset=utf-8"

    def test_graph_names_go_only_into_dataset_formats(self) -> None:
        assert b"<http://x/g>" in document("/", "application/n-quads", (NAMED,))[1]
        triples = document("/", "application/n-triples", (NAMED,))[1]
        assert triples == b"<http://x/s> <http://x/p> <http://x/o> .\n"
