"""Specification of the model -> RDF mapping (``kg.mapping``): one named graph per article, schema.org terms,
evidence that points at the exact words of ``schema:articleBody``, IRIs minted under a configurable base."""

from __future__ import annotations

import re

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from kg.errors import InputError
from kg.mapping import Source, article_quads, entity_quads
from kg.model import Annotations, Article, Event, Evidence, Span
from kg.read.dw import parse_article
from kg.read.registry import Entity, Registry
from kg.vocab import Minter

SCHEMA = "http://schema.org/"
OA = "http://www.w3.org/ns/oa#"
OWL = "http://www.w3.org/2002/07/owl#"
PROV = "http://www.w3.org/ns/prov#"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD = "http://www.w3.org/2001/XMLSchema#"
NKG = "https://w3id.org/newskg/ontology#"
BASE = "https://kg.example.org/"


def entity(slug: str, kind: str, de: str, en: str, qid: str | None = None, **more: object) -> Entity:
    return Entity(slug, kind, {"de": de, "en": en}, wikidata=qid, **more)  # type: ignore[arg-type]


REGISTRY = Registry(
    {
        e.id: e
        for e in [
            entity("deutsche-welle", "NewsMediaOrganization", "Deutsche Welle", "Deutsche Welle", "Q153770"),
            entity(
                "vladimir-putin", "Person", "Wladimir Putin", "Vladimir Putin", "Q7747", aliases=("Putin",)
            ),
            entity("afp", "NewsMediaOrganization", "AFP", "AFP", "Q40464"),
            entity("hungary", "Country", "Ungarn", "Hungary", "Q28"),
            entity("budapest", "City", "Budapest", "Budapest", "Q1781", contained_in="hungary"),
            entity("kyiv-post", "NewsMediaOrganization", "Kyiv Post", "Kyiv Post"),
        ]
    }
)

# "𝔘" lies outside the Basic Multilingual Plane: offsets count code points, not UTF-16 units.
BODY = (
    "Putin lächelt \U0001d518 in die Kamera\nPutin vor dem Parlament in Budapest Bild: Jane Doe/AFP\n\n"
    "Zwischentitel\n\nIn Budapest\xa0sagte Wladimir Putin etwas, und Putin ging."
)


def dw_text(body: str = BODY) -> str:
    """A DW article as scraped: navigation, headline, date line, lede, body, byline and deadline."""
    head = "1. Zum Inhalt springen\n  2. Zur Hauptnavigation springen\n\nPutin reist nach Budapest"
    dates = "Veröffentlicht 3. März 2024\n\nWladimir Putin will nach Ungarn reisen."
    return "\n\n".join([head, dates, body, "abc/def (dpa)", "Redaktionsschluss 9.05 Uhr (MEZ)"]) + "\n"


def parse(slug: str = "putin-reist") -> Article:
    return parse_article(
        dw_text(),
        slug=slug,
        is_organization=lambda name: REGISTRY.organization_named(name) is not None,
    )


def quads(
    article: Article | None = None, annotations: Annotations | None = None, base: str = BASE
) -> list[Quad]:
    return article_quads(article or parse(), annotations or Annotations(), REGISTRY, Minter(base))


def objects(quads: list[Quad], subject: str, predicate: str) -> set[NamedNode | Literal]:
    return {
        q.object for q in quads if q.subject == NamedNode(subject) and q.predicate == NamedNode(predicate)
    }  # type: ignore[misc]


def value(quads: list[Quad], subject: str, predicate: str) -> NamedNode | Literal:
    (found,) = objects(quads, subject, predicate)
    return found


ARTICLE = BASE + "article/putin-reist"


class TestArticleGraph:
    @pytest.mark.parametrize("slug", ["putin-reist", "zweiter-artikel"])
    def test_every_quad_of_an_article_is_in_its_own_graph(self, slug: str) -> None:
        assert {q.graph_name for q in quads(parse(slug))} == {NamedNode(BASE + f"graph/{slug}")}

    def test_the_article_is_a_news_article_with_headline_date_language_and_publisher(self) -> None:
        out = quads()
        assert {NamedNode(SCHEMA + "NewsArticle"), NamedNode(SCHEMA + "Article")} <= objects(
            out, ARTICLE, RDF_TYPE.value
        )
        assert value(out, ARTICLE, SCHEMA + "headline") == Literal("Putin reist nach Budapest", language="de")
        assert value(out, ARTICLE, SCHEMA + "datePublished") == Literal(
            "2024-03-03", datatype=NamedNode(XSD + "date")
        )
        assert value(out, ARTICLE, SCHEMA + "inLanguage") == Literal("de")
        assert value(out, ARTICLE, SCHEMA + "publisher") == NamedNode(BASE + "organization/deutsche-welle")

    def test_a_registry_without_the_publisher_is_an_input_error(self) -> None:
        without = Registry({k: e for k, e in REGISTRY.entities.items() if k != "deutsche-welle"})
        with pytest.raises(InputError, match="deutsche-welle"):
            article_quads(parse(), Annotations(), without, Minter(BASE))

    def test_no_blank_nodes(self) -> None:
        for q in quads():
            assert not isinstance(q.subject, BlankNode) and not isinstance(q.object, BlankNode), q


class TestImages:
    def test_an_image_is_an_image_object_with_caption_credit_and_position(self) -> None:
        out = quads()
        image = BASE + "article/putin-reist/image/1"
        assert objects(out, ARTICLE, SCHEMA + "image") == {NamedNode(image)}
        assert NamedNode(SCHEMA + "ImageObject") in objects(out, image, RDF_TYPE.value)
        assert value(out, image, SCHEMA + "caption") == Literal(
            "Putin vor dem Parlament in Budapest", language="de"
        )
        assert value(out, image, SCHEMA + "creditText") == Literal("Jane Doe/AFP")
        assert value(out, image, SCHEMA + "position") == Literal("1", datatype=NamedNode(XSD + "integer"))
        assert value(out, image, SCHEMA + "description") == Literal(
            "Putin lächelt \U0001d518 in die Kamera", language="de"
        )

    def test_the_credit_names_the_photographer_and_the_known_agency(self) -> None:
        out = quads()
        image = BASE + "article/putin-reist/image/1"
        assert value(out, image, SCHEMA + "creator") == NamedNode(BASE + "person/person-jane-doe")
        assert value(out, image, SCHEMA + "copyrightHolder") == NamedNode(BASE + "organization/afp")


def annotations_of(out: list[Quad]) -> list[dict[str, object]]:
    """Each oa:Annotation with its body, motivation, offsets and quote selector."""
    found = []
    for anno in {
        q.subject for q in out if q.predicate == RDF_TYPE and q.object == NamedNode(OA + "Annotation")
    }:
        target = value(out, anno.value, OA + "hasTarget").value
        selectors = objects(out, target, OA + "hasSelector")
        (position,) = [s for s in selectors if s.value.endswith("/position")]
        (quote,) = [s for s in selectors if s.value.endswith("/quote")]
        found.append(
            {
                "body": value(out, anno.value, OA + "hasBody").value,
                "motivation": value(out, anno.value, OA + "motivatedBy").value,
                "source": value(out, target, OA + "hasSource").value,
                "start": int(value(out, position.value, OA + "start").value),
                "end": int(value(out, position.value, OA + "end").value),
                "exact": value(out, quote.value, OA + "exact").value,
                "prefix": value(out, quote.value, OA + "prefix").value,
                "suffix": value(out, quote.value, OA + "suffix").value,
            }
        )
    return found


class TestMentions:
    def test_every_evidence_slices_the_stored_article_body_exactly(self) -> None:
        out = quads()
        body = value(out, ARTICLE, SCHEMA + "articleBody").value
        evidence = annotations_of(out)
        assert evidence
        for e in evidence:
            assert e["source"] == ARTICLE
            assert body[e["start"] : e["end"]] == e["exact"]  # type: ignore[misc]
            assert body[: e["start"]].endswith(e["prefix"])  # type: ignore[arg-type,misc]
            assert body[e["end"] :].startswith(e["suffix"])  # type: ignore[arg-type,misc]

    def test_each_occurrence_of_a_known_name_is_one_identifying_annotation_in_code_points(self) -> None:
        out = quads()
        body = value(out, ARTICLE, SCHEMA + "articleBody").value
        putin = [
            (e["start"], e["end"])
            for e in annotations_of(out)
            if e["body"] == BASE + "person/vladimir-putin" and e["motivation"] == OA + "identifying"
        ]
        longest_first = re.finditer(r"Wladimir Putin|(?<!Wladimir )Putin", body)
        assert sorted(putin) == [m.span() for m in longest_first]
        assert len(putin) == 6

    def test_what_the_article_is_about_is_not_also_a_mention(self) -> None:
        out = quads(annotations=Annotations(about=("vladimir-putin",)))
        assert value(out, ARTICLE, SCHEMA + "about") == NamedNode(BASE + "person/vladimir-putin")
        assert NamedNode(BASE + "person/vladimir-putin") not in objects(out, ARTICLE, SCHEMA + "mentions")


class TestEvents:
    def test_an_event_part_of_another_links_both_ways(self) -> None:
        article = parse()
        start = article.body.index("sagte Wladimir Putin etwas")
        words = Evidence(Span(start, start + 26), "sagte Wladimir Putin etwas")
        visit = Event(
            "visit", "visit", {"de": "Besuch", "en": "Visit"}, "planned", (words,), location="budapest"
        )
        speech = Event(
            "speech", "announcement", {"de": "Rede", "en": "Speech"}, "happened", (words,), part_of="visit"
        )
        out = quads(article, Annotations(events=(visit, speech)))
        assert value(out, BASE + "event/speech", SCHEMA + "superEvent") == NamedNode(BASE + "event/visit")
        assert value(out, BASE + "event/visit", SCHEMA + "subEvent") == NamedNode(BASE + "event/speech")
        assert value(out, BASE + "event/visit", SCHEMA + "location") == NamedNode(BASE + "place/budapest")
        supported = {e["body"] for e in annotations_of(out) if e["exact"] == words.quote}
        assert {BASE + "event/visit", BASE + "event/speech"} <= supported

    def test_an_annotated_event_links_to_wikidata_like_every_entity(self) -> None:
        words = Evidence(Span(0, 5), "Putin")
        war = Event("war", "war", {"de": "Krieg", "en": "War"}, "ongoing", (words,), wikidata="Q110999040")
        out = quads(annotations=Annotations(events=(war,)))
        wikidata = NamedNode("http://www.wikidata.org/entity/Q110999040")
        assert value(out, BASE + "event/war", SCHEMA + "sameAs") == wikidata
        assert value(out, BASE + "event/war", OWL + "sameAs") == wikidata

    def test_a_reference_to_an_unknown_entity_is_an_input_error(self) -> None:
        words = Evidence(Span(0, 5), "Putin")
        event = Event(
            "visit", "visit", {"de": "Besuch", "en": "Visit"}, "planned", (words,), location="narnia"
        )
        with pytest.raises(InputError, match="narnia"):
            quads(annotations=Annotations(events=(event,)))


class TestIris:
    @pytest.mark.parametrize("base", ["https://kg.example.org/", "http://news.test/graph/v2/"])
    def test_minted_iris_live_under_the_configured_base(self, base: str) -> None:
        out = quads(base=base)
        vocabularies = (SCHEMA, OA, PROV, NKG, "http://www.w3.org/", "http://www.wikidata.org/")
        minted = {
            t.value
            for q in out
            for t in (q.subject, q.object, q.graph_name)
            if isinstance(t, NamedNode) and not t.value.startswith(vocabularies)
        }
        assert minted and all(iri.startswith(base) for iri in minted)
        assert NamedNode(base + "person/vladimir-putin") in {q.object for q in out}
        assert {q.graph_name for q in out} == {NamedNode(base + "graph/putin-reist")}

    def test_changing_the_base_moves_every_minted_iri_and_nothing_else(self) -> None:
        def rebased(q: Quad) -> str:
            return str(q).replace("http://news.test/graph/v2/", BASE)

        assert [rebased(q) for q in quads(base="http://news.test/graph/v2/")] == [str(q) for q in quads()]

    def test_the_same_input_twice_gives_identical_quads(self) -> None:
        assert quads(parse()) == quads(parse())


class TestEntityGraph:
    def entity_graph(self) -> list[Quad]:
        return entity_quads(REGISTRY, Minter(BASE), [Source("persons.yaml", "ab" * 32)])

    def test_entities_have_names_in_german_and_english_and_link_to_wikidata(self) -> None:
        out = self.entity_graph()
        putin = BASE + "person/vladimir-putin"
        assert objects(out, putin, SCHEMA + "name") == {
            Literal("Wladimir Putin", language="de"),
            Literal("Vladimir Putin", language="en"),
        }
        wikidata = NamedNode("http://www.wikidata.org/entity/Q7747")
        assert value(out, putin, SCHEMA + "sameAs") == wikidata
        assert value(out, putin, OWL + "sameAs") == wikidata
        assert {q.graph_name for q in out} == {NamedNode(BASE + "graph/entities")}

    def test_an_entity_without_wikidata_id_says_it_is_unverified(self) -> None:
        out = self.entity_graph()
        kyiv_post = BASE + "organization/kyiv-post"
        assert objects(out, kyiv_post, OWL + "sameAs") == set()
        assert value(out, kyiv_post, NKG + "wikidataUnverified") == Literal(
            "true", datatype=NamedNode(XSD + "boolean")
        )

    def test_provenance_names_each_source_file_and_its_hash(self) -> None:
        out = self.entity_graph()
        source = BASE + "graph/entities/source/persons-yaml"
        assert value(out, BASE + "graph/entities/build", PROV + "used") == NamedNode(source)
        assert value(out, source, NKG + "sha256") == Literal("ab" * 32)
