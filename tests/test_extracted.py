"""Machine facts in the graph (:mod:`kg.extracted`): the extractor's mentions, quotations, roles and events in
the editor's schema.org model, each with its evidence, the extractor's provenance and a confidence; the
editor's verdicts (confirm, correct, reject) and the rule that an editor fact wins.

Most tests map a hand-made :class:`~kg.extract.types.Extraction` over the seed's text, so that they do not
move when the extractor improves; the build of the seed without its annotations runs the real extractor.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from pyoxigraph import Literal, NamedNode, Quad, QuerySolutions

from kg.errors import InputError
from kg.extract.types import Event, Extraction, Mention, Quotation, Role, Speaker, When
from kg.extracted import KIND_LABELS, extracted_quads, machine_facts, template
from kg.ingest import build
from kg.mapping import article_quads
from kg.model import Annotations, Article, Span
from kg.pipeline import find_articles, load_corpus
from kg.read.annotations import load_annotations
from kg.read.dw import parse_article
from kg.read.registry import Registry
from kg.read.verdicts import Verdicts, read_verdicts
from kg.read.yamldoc import load
from kg.shacl import validate
from kg.store import Store
from kg.vocab import EVENT_KINDS, NKG, PREFIXES, PROV, Minter, discovered_key
from tests.conftest import BASE, DATA, SEED_DIR, SEED_SLUG

MINTER = Minter(BASE)
ARTICLE = f"{BASE}article/{SEED_SLUG}"


def span_of(body: str, words: str, after: int = 0) -> Span:
    start = body.index(words, after)
    return Span(start, start + len(words))


@pytest.fixture(scope="module")
def hand_made(seed_article: Article) -> Extraction:
    """A little of what the extractor reads in the seed: a discovered photographer and place, a direct
    quotation, a claim by a speaker the text names only by role, a role, a shared and a local event."""
    body = seed_article.body
    bobylev = span_of(body, "Sergei Bobylev")
    produktiv = span_of(body, "sehr produktiv")
    trump = span_of(body, "Trump", produktiv.start - 40)
    kremlchef = span_of(body, "Kremlchef Wladimir Putin")
    treffen = span_of(body, "treffen")
    window = span_of(body, "in den nächsten zwei Wochen")
    talks = span_of(body, "Gespräche")
    claim = span_of(body, "Es sei dabei auch um die US-Handelsbeziehungen")
    return Extraction(
        lang="de",
        mentions=(
            Mention(
                bobylev,
                "Sergei Bobylev",
                "Person",
                "person-sergei-bobylev",
                False,
                0.85,
                canonical="Sergei Bobylev",
            ),
            Mention(span_of(body, "Deal"), "Deal", "Place", "place-deal", False, 0.76, canonical="Deal"),
            Mention(
                span_of(body, "Donald Trump"),
                "Donald Trump",
                "Person",
                "donald-trump",
                True,
                0.95,
                "Q22686",
                "Donald Trump",
            ),
        ),
        quotations=(
            Quotation(produktiv, "direct", None, Speaker(trump, "Trump", "donald-trump"), 0.9),
            Quotation(claim, "indirect", None, Speaker(None, "die Sprecherin", None, "Sprecherin"), 0.55),
        ),
        roles=(Role(kremlchef, "vladimir-putin", "Kremlchef", "kremlin", False, 0.85),),
        events=(
            Event(
                "meeting",
                (treffen,),
                ("donald-trump", "vladimir-putin"),
                "budapest",
                When("2025-10-17", "window", window, "2025-10-31"),
                "planned",
                0.9,
            ),
            Event("talks", (talks,), ("marco-rubio",), None, None, "planned", 0.7),
        ),
    )


def graph_of(quads: list[Quad]) -> Store:
    store = Store()
    graphs: dict[str, list[Quad]] = {}
    for quad in quads:
        graphs.setdefault(quad.graph_name.value, []).append(quad)
    store.replace_graphs(graphs)
    return store


def rows(store: Store, query: str) -> list[dict[str, Any]]:
    result = store.query(query, prefixes=PREFIXES)
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    out = []
    for solution in result:
        row = {}
        for name in names:
            term = solution[name]
            row[name] = None if term is None else term.value
        out.append(row)
    return out


@pytest.fixture(scope="module")
def mapped(seed_article: Article, hand_made: Extraction, registry: Registry) -> list[Quad]:
    quads = article_quads(seed_article, Annotations(), registry, MINTER)
    return quads + extracted_quads(seed_article, hand_made, registry, MINTER)


class TestIds:
    def test_ids_are_kind_and_span_and_unique(self, seed_article: Article, hand_made: Extraction) -> None:
        facts = machine_facts(hand_made, seed_article.body)
        ids = [f.id for f in facts]
        assert len(set(ids)) == len(ids)
        produktiv = span_of(seed_article.body, "sehr produktiv")
        assert f"quote-{produktiv.start}-{produktiv.end}" in ids
        assert {i.split("-", 1)[0] for i in ids} == {"mention", "quote", "role", "event"}

    def test_two_facts_of_a_kind_on_one_span_are_numbered(self) -> None:
        twice = Extraction(
            "de", mentions=(Mention(Span(0, 4), "Deal", "Place", "place-deal", False, 0.7),) * 2
        )
        assert [f.id for f in machine_facts(twice, "Deal")] == ["mention-0-4", "mention-0-4-2"]

    def test_extractor_kinds_all_map_to_event_classes(self) -> None:
        from kg.vocab import MACHINE_EVENT_KINDS

        for kind in (
            "meeting",
            "summit",
            "call",
            "visit",
            "talks",
            "announcement",
            "election",
            "arrest",
            "warrant",
            "attack",
            "agreement",
            "conference",
            "debate",
            "rally",
            "press-conference",
            "war",
            "ceasefire",
            "delivery",
            "invasion",
        ):
            assert MACHINE_EVENT_KINDS.get(kind, kind) in EVENT_KINDS
        assert set(KIND_LABELS) == set(EVENT_KINDS)


class TestMapping:
    def test_the_graph_with_machine_facts_conforms(self, mapped: list[Quad], corpus: Any) -> None:
        report = validate([*mapped, *corpus.entity_graph()])
        assert report.conforms, report.text()

    def test_the_shapes_queries_over_machine_facts_are_answered_by_pyoxigraph(
        self, mapped: list[Quad], corpus: Any
    ) -> None:
        """rdflib would answer them (40 s for the seed's machine facts instead of 1 s) if a literal read back
        differently, as a non-canonical decimal confidence ("0.850") does."""
        from kg.shacl.validation import DataGraph

        assert DataGraph([*mapped, *corpus.entity_graph()]).oxigraph is not None

    def test_every_machine_fact_has_confidence_provenance_and_evidence(self, mapped: list[Quad]) -> None:
        store = graph_of(mapped)
        found = rows(
            store,
            "SELECT ?a ?c ?id ?agent ?name ?version ?exact ?start ?end WHERE { "
            "?a nkg:assertedBy nkg:Extractor ; a oa:Annotation ; nkg:confidence ?c ; nkg:machineFact ?id ; "
            "prov:wasGeneratedBy/prov:wasAssociatedWith ?agent ; "
            "oa:hasTarget/oa:hasSelector ?q, ?p . ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end . "
            "?agent a prov:SoftwareAgent ; schema:name ?name ; schema:softwareVersion ?version }",
        )
        assert len({r["id"] for r in found}) == 7  # the reader's own "Donald Trump" is not said twice
        body = store.query(f"SELECT ?b WHERE {{ <{ARTICLE}> schema:articleBody ?b }}", prefixes=PREFIXES)
        text = next(iter(body))["b"].value  # type: ignore[index]
        for r in found:
            assert 0 < Decimal(r["c"]) < 1
            assert text[int(r["start"]) : int(r["end"])] == r["exact"]
            assert r["name"] == "newskg extractor (kg.extract)"
        datatypes = {q.object.datatype.value for q in mapped if q.predicate == NamedNode(NKG + "confidence")}
        assert datatypes == {"http://www.w3.org/2001/XMLSchema#decimal"}

    def test_editor_facts_are_the_editors(self, seed_article: Article, registry: Registry) -> None:
        notes = load_annotations(SEED_DIR / "annotations.yaml", seed_article, registry)
        store = graph_of(article_quads(seed_article, notes, registry, MINTER))
        by = rows(
            store,
            "SELECT ?by (COUNT(?a) AS ?n) WHERE { ?a a oa:Annotation ; nkg:assertedBy ?by } GROUP BY ?by",
        )
        assert {r["by"] for r in by} == {NKG + "Editor", NKG + "Reader"}
        missing = rows(
            store, "SELECT ?a WHERE { ?a a oa:Annotation FILTER NOT EXISTS { ?a nkg:assertedBy ?x } }"
        )
        assert missing == []
        quotes = rows(
            store,
            "SELECT ?q WHERE { ?q a schema:Quotation . ?a oa:hasBody ?q ; nkg:assertedBy nkg:Editor }",
        )
        assert len(quotes) == 12

    def test_discovered_entities_are_typed_named_and_unlinked(self, mapped: list[Quad]) -> None:
        found = rows(
            graph_of(mapped),
            "SELECT ?e ?type ?name ?u WHERE { ?e a ?type ; schema:name ?name ; nkg:wikidataUnverified ?u "
            "FILTER(STRSTARTS(STR(?e), 'https://kg.example.org/person/person-') "
            "|| STRSTARTS(STR(?e), 'https://kg.example.org/place/place-')) }",
        )
        photographers = {"Sergei Bobylev", "Kevin Dietsch", "Valeriy Sharifulin", "Andrew Caballero-Reynolds"}
        assert {(r["e"], r["type"], r["name"], r["u"]) for r in found} == {
            (f"{BASE}place/place-deal", "http://schema.org/Place", "Deal", "true"),
            *(
                (f"{BASE}person/{discovered_key(p, 'Person')}", "http://schema.org/Person", p, "true")
                for p in photographers
            ),
        }

    def test_a_discovered_photographer_is_the_person_the_credit_line_names(self, mapped: list[Quad]) -> None:
        found = rows(
            graph_of(mapped),
            "SELECT DISTINCT ?p WHERE { ?a oa:hasBody ?p ; oa:motivatedBy oa:identifying ; "
            "nkg:assertedBy nkg:Extractor . ?p schema:name 'Sergei Bobylev' }",
        )
        assert [r["p"] for r in found] == [f"{BASE}person/person-sergei-bobylev"]

    def test_quotation_claim_role_and_events_in_the_editors_model(self, mapped: list[Quad]) -> None:
        store = graph_of(mapped)
        quote = rows(
            store,
            "SELECT ?q ?who ?text WHERE { ?q a schema:Quotation ; schema:creator ?who ; "
            "schema:text ?text ; nkg:confidence ?c }",
        )
        assert [(r["who"], r["text"]) for r in quote] == [(f"{BASE}person/donald-trump", "sehr produktiv")]
        claim = rows(
            store,
            "SELECT ?who ?name WHERE { ?c a schema:Claim ; schema:author ?who . "
            "?who a schema:Person ; schema:name ?name }",
        )
        assert [r["name"] for r in claim] == ["Sprecherin"]
        role = rows(
            store,
            "SELECT ?name ?of WHERE { ?p schema:memberOf ?r . ?r a schema:OrganizationRole ; "
            "schema:roleName ?name ; schema:memberOf ?of ; nkg:confidence ?c }",
        )
        assert role == [{"name": "Kremlchef", "of": f"{BASE}organization/kremlin"}]
        events = rows(
            store,
            "SELECT ?e ?kind ?status ?from ?to WHERE { ?e a schema:Event ; schema:additionalType ?kind ; "
            "nkg:status ?status OPTIONAL { ?e schema:eventSchedule [ schema:startDate ?from ; "
            "schema:endDate ?to ] } }",
        )
        shared = [r for r in events if r["e"].startswith(f"{BASE}event/machine-meeting-")]
        assert len(shared) == 1 and (shared[0]["from"], shared[0]["to"]) == ("2025-10-17", "2025-10-31")
        local = [r for r in events if r["e"].startswith(f"{ARTICLE}/event/event-")]
        assert [r["kind"] for r in local] == [NKG + "Talks"]

    def test_two_articles_agreeing_on_everything_share_the_event(
        self, seed_article: Article, hand_made: Extraction, registry: Registry
    ) -> None:
        from dataclasses import replace

        other = replace(seed_article, slug="zweiter-artikel")
        first = {q.subject.value for q in extracted_quads(seed_article, hand_made, registry, MINTER)}
        second = {q.subject.value for q in extracted_quads(other, hand_made, registry, MINTER)}
        shared = {
            i for i in first & second if "/event/" in i and "/article/" not in i and "/schedule" not in i
        }
        assert len(shared) == 1
        assert not {i for i in first & second if i.startswith(f"{BASE}article/")}

    def test_a_date_that_contradicts_the_status_is_left_out(
        self, seed_article: Article, hand_made: Extraction, registry: Registry
    ) -> None:
        from dataclasses import replace

        past = replace(hand_made.events[0], date=When("2025-08", "month", hand_made.events[0].date.span))  # type: ignore[union-attr]
        quads = extracted_quads(seed_article, replace(hand_made, events=(past,)), registry, MINTER)
        assert not [q for q in quads if q.predicate.value.endswith("startDate")]
        assert any(q.object == NamedNode(NKG + "Planned") for q in quads)

    def test_a_speaker_that_is_a_place_or_none_gives_no_quotation(
        self, seed_article: Article, hand_made: Extraction, registry: Registry
    ) -> None:
        from dataclasses import replace

        q = hand_made.quotations[0]
        odd = (replace(q, speaker=Speaker(q.speaker.span, "Ukraine", "ukraine")), replace(q, speaker=None))  # type: ignore[union-attr]
        quads = extracted_quads(seed_article, Extraction("de", quotations=odd), registry, MINTER)
        assert quads == []


class TestEditorWins:
    def test_machine_facts_about_what_the_editor_said_are_left_out(
        self, seed_article: Article, hand_made: Extraction, registry: Registry
    ) -> None:
        notes = load_annotations(SEED_DIR / "annotations.yaml", seed_article, registry)
        quads = extracted_quads(seed_article, hand_made, registry, MINTER, annotations=notes)
        ids = {q.object.value for q in quads if q.predicate == NamedNode(NKG + "machineFact")}
        facts = {f.id: f for f in machine_facts(hand_made, seed_article.body)}
        gone = {
            facts[i].kind + ":" + str(facts[i].fields.get("kind") or facts[i].fields.get("form"))
            for i in set(facts) - ids
        }
        # the editor quotes "sehr produktiv" and tells of the officials' talks ("die Gespräche leiten")
        assert gone == {"quote:direct", "event:talks", "mention:None"}  # and the reader names Donald Trump
        kept = {facts[i].kind for i in ids}
        assert kept == {"mention", "quote", "role", "event"}  # the claim, Kremlchef, the lede's "treffen"


def verdicts_of(text: str, tmp_path: Path) -> Verdicts:
    path = tmp_path / "annotations.yaml"
    path.write_text(text, encoding="utf-8")
    return read_verdicts(load(path)["machine"], path)


class TestVerdicts:
    def ids(self, seed_article: Article, hand_made: Extraction) -> dict[str, str]:
        facts = machine_facts(hand_made, seed_article.body)
        return {f.kind + ":" + (f.extra.get("name") or f.fields.get("kind") or ""): f.id for f in facts}

    def test_confirm_makes_it_the_editors(
        self, seed_article: Article, hand_made: Extraction, registry: Registry, tmp_path: Path
    ) -> None:
        quote = machine_facts(hand_made, seed_article.body)[3]
        assert quote.kind == "quote"
        v = verdicts_of(
            f"machine:\n  facts:\n    - id: {quote.id}\n      verdict: confirm\n"
            "      speaker: donald-trump\n",
            tmp_path,
        )
        store = graph_of(extracted_quads(seed_article, hand_made, registry, MINTER, verdicts=v))
        found = rows(
            store,
            "SELECT ?x ?by ?review ?c WHERE { ?x nkg:machineFact ?id ; nkg:assertedBy ?by "
            "OPTIONAL { ?x nkg:review ?review } OPTIONAL { ?x nkg:confidence ?c } "
            f"FILTER(?id = '{quote.id}') }}",
        )
        assert found and {(r["by"], r["review"], r["c"]) for r in found} == {
            (NKG + "Editor", NKG + "Confirmed", None)
        }
        report = validate(list(store.quads()))
        assert "ConfidenceShape" not in report.text()

    def test_correct_changes_the_speaker_and_reject_drops_the_fact(
        self, seed_article: Article, hand_made: Extraction, registry: Registry, tmp_path: Path
    ) -> None:
        facts = machine_facts(hand_made, seed_article.body)
        quote = next(f for f in facts if f.kind == "quote")
        role = next(f for f in facts if f.kind == "role")
        v = verdicts_of(
            f"machine:\n  facts:\n    - id: {quote.id}\n      verdict: correct\n"
            "      speaker: vladimir-putin\n"
            f"    - id: {role.id}\n      verdict: reject\n",
            tmp_path,
        )
        quads = extracted_quads(seed_article, hand_made, registry, MINTER, verdicts=v)
        store = graph_of(quads)
        assert rows(
            store,
            "SELECT ?who WHERE { ?q a schema:Quotation ; schema:creator ?who ; nkg:review nkg:Corrected }",
        ) == [{"who": f"{BASE}person/vladimir-putin"}]
        assert not [q for q in quads if q.object == Literal(role.id)]

    def test_corrected_event_kind_and_date(
        self, seed_article: Article, hand_made: Extraction, registry: Registry, tmp_path: Path
    ) -> None:
        talks = [f for f in machine_facts(hand_made, seed_article.body) if f.kind == "event"][1]
        v = verdicts_of(
            f"machine:\n  facts:\n    - id: {talks.id}\n      verdict: correct\n      kind: meeting\n"
            "      date: {from: 2025-10-20, to: 2025-10-26}\n",
            tmp_path,
        )
        store = graph_of(extracted_quads(seed_article, hand_made, registry, MINTER, verdicts=v))
        found = rows(
            store,
            "SELECT ?kind ?from WHERE { ?e nkg:review nkg:Corrected ; schema:additionalType ?kind ; "
            "schema:eventSchedule/schema:startDate ?from }",
        )
        assert found == [{"kind": NKG + "Meeting", "from": "2025-10-20"}]

    def test_unreviewed_reject_keeps_only_what_the_editor_confirmed(
        self, seed_article: Article, hand_made: Extraction, registry: Registry, tmp_path: Path
    ) -> None:
        role = next(f for f in machine_facts(hand_made, seed_article.body) if f.kind == "role")
        v = verdicts_of(
            f"machine:\n  unreviewed: reject\n  facts:\n    - {{id: {role.id}, verdict: confirm}}\n", tmp_path
        )
        quads = extracted_quads(seed_article, hand_made, registry, MINTER, verdicts=v)
        assert {q.object.value for q in quads if q.predicate == NamedNode(NKG + "machineFact")} == {role.id}

    @pytest.mark.parametrize(
        ("entry", "message"),
        [
            ("{id: quote-1-2, verdict: confirm}", "no machine fact quote-1-2"),
            ("{id: ROLE, verdict: confirm, person: donald-trump}", "confirms person"),
            ("{id: ROLE, verdict: correct, of: nowhere-land}", "unknown entity 'nowhere-land'"),
            ("{id: EVENT, verdict: correct, kind: picnic}", "unknown event kind 'picnic'"),
        ],
    )
    def test_verdicts_that_do_not_fit_name_the_file_and_line(
        self,
        seed_article: Article,
        hand_made: Extraction,
        registry: Registry,
        tmp_path: Path,
        entry: str,
        message: str,
    ) -> None:
        facts = machine_facts(hand_made, seed_article.body)
        entry = entry.replace("ROLE", next(f.id for f in facts if f.kind == "role"))
        entry = entry.replace("EVENT", next(f.id for f in facts if f.kind == "event"))
        v = verdicts_of(f"machine:\n  facts:\n    - {entry}\n", tmp_path)
        with pytest.raises(InputError, match=r"annotations\.yaml:3") as err:
            extracted_quads(seed_article, hand_made, registry, MINTER, verdicts=v)
        assert message in str(err.value)

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("machine:\n  unreviewed: maybe\n", "unreviewed"),
            ("machine:\n  facts:\n    - {id: quote-a-b}\n", "not a machine fact id"),
            ("machine:\n  facts:\n    - {id: quote-1-2, verdict: perhaps}\n", "verdict"),
            ("machine:\n  facts:\n    - {id: quote-1-2, speaker: x, kind: meeting}\n", "unknown key"),
            ("machine:\n  facts:\n    - {id: role-1-2, verdict: correct}\n", "states the fields"),
            ("machine:\n  facts:\n    - {id: role-1-2}\n    - {id: role-1-2}\n", "has a verdict already"),
        ],
    )
    def test_malformed_sections_are_errors(self, tmp_path: Path, text: str, message: str) -> None:
        with pytest.raises(InputError, match=message):
            verdicts_of(text, tmp_path)


class TestTemplate:
    def test_the_template_is_a_loadable_annotations_file_that_changes_nothing(
        self, seed_article: Article, hand_made: Extraction, registry: Registry, tmp_path: Path
    ) -> None:
        text = template(SEED_SLUG, hand_made, seed_article.body, registry=registry)
        data = yaml.safe_load(text)
        ids = [f["id"] for f in data["machine"]["facts"]]
        assert set(ids) == {f.id for f in machine_facts(hand_made, seed_article.body)} - {
            f"mention-{span_of(seed_article.body, 'Donald Trump').start}-"
            f"{span_of(seed_article.body, 'Donald Trump').end}"
        }
        assert {f["verdict"] for f in data["machine"]["facts"]} == {"open"}
        path = tmp_path / "annotations.yaml"
        path.write_text(text, encoding="utf-8")
        assert load_annotations(path, seed_article, registry) == Annotations()
        v = read_verdicts(load(path)["machine"], path)
        plain = extracted_quads(seed_article, hand_made, registry, MINTER)
        assert extracted_quads(seed_article, hand_made, registry, MINTER, verdicts=v) == plain

    def test_confirming_every_fact_of_the_template_as_it_is_loads(
        self, seed_article: Article, hand_made: Extraction, registry: Registry, tmp_path: Path
    ) -> None:
        text = template(SEED_SLUG, hand_made, seed_article.body).replace("verdict: open", "verdict: confirm")
        path = tmp_path / "annotations.yaml"
        path.write_text(text, encoding="utf-8")
        v = read_verdicts(load(path)["machine"], path)
        quads = extracted_quads(seed_article, hand_made, registry, MINTER, verdicts=v)
        assert not [q for q in quads if q.predicate == NamedNode(NKG + "confidence")]
        assert [q for q in quads if q.object == NamedNode(NKG + "Confirmed")]


# --- the real extractor on the seed's text without its annotations ----------------------------------------


@pytest.fixture(scope="module")
def plain_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``data/`` with the seed's text only: an article no editor has annotated."""
    data = tmp_path_factory.mktemp("plain") / "data"
    shutil.copytree(DATA / "entities", data / "entities")
    folder = data / "articles" / "seed-plain"
    folder.mkdir(parents=True)
    shutil.copy(SEED_DIR / "article.txt", folder / "article.txt")
    return data


@pytest.fixture(scope="module")
def plain_store(plain_data: Path) -> Store:
    store = Store()
    corpus = load_corpus(plain_data, minter=MINTER)
    build(
        corpus, store, find_articles([plain_data / "articles"])
    )  # validated: raises when it does not conform
    return store


def test_an_unannotated_article_yields_persons_places_quotations_and_events(plain_store: Store) -> None:
    counts = {
        r["type"]: int(r["n"])
        for r in rows(
            plain_store,
            "SELECT ?type (COUNT(DISTINCT ?x) AS ?n) WHERE { "
            "?a oa:hasBody ?x ; nkg:assertedBy nkg:Extractor ; "
            "nkg:confidence ?c . ?x a ?type } GROUP BY ?type",
        )
    }
    schema = "http://schema.org/"
    assert counts.get(schema + "Quotation", 0) >= 8
    assert counts.get(schema + "Event", 0) >= 5
    assert counts.get(schema + "OrganizationRole", 0) >= 5
    persons = rows(
        plain_store,
        "SELECT DISTINCT ?p WHERE { ?a oa:hasBody ?p ; oa:motivatedBy oa:identifying ; "
        "nkg:assertedBy nkg:Extractor . ?p a schema:Person }",
    )
    places = rows(
        plain_store,
        "SELECT DISTINCT ?p WHERE { ?a oa:hasBody ?p ; nkg:assertedBy nkg:Extractor . ?p a schema:Place }",
    )
    assert len(persons) >= 3 and len(places) >= 1
    speakers = rows(plain_store, "SELECT DISTINCT ?who WHERE { ?q a schema:Quotation ; schema:creator ?who }")
    assert f"{BASE}person/donald-trump" in {r["who"] for r in speakers}


def test_each_photographer_of_the_seed_is_one_person(plain_store: Store, built_store: Store) -> None:
    """The credit line's photographer (minted by the mapping) and the same name found by the extractor are
    one IRI, with the editor's annotations and without them."""
    article = parse_article((SEED_DIR / "article.txt").read_text(encoding="utf-8"), slug=SEED_SLUG)
    photographers = sorted({i.photographer for i in article.images if i.photographer})
    assert "Sergei Bobylev" in photographers
    for store in (plain_store, built_store):
        for name in photographers:
            persons = rows(store, f"SELECT DISTINCT ?p WHERE {{ ?p a schema:Person ; schema:name '{name}' }}")
            assert len(persons) == 1, (name, persons)


def test_the_plain_build_conforms_with_machine_shapes(plain_store: Store) -> None:
    report = validate(list(plain_store.quads()))
    assert report.conforms, report.text()
    assert not rows(
        plain_store,
        "SELECT ?a WHERE { ?a nkg:assertedBy nkg:Extractor FILTER NOT EXISTS { ?a nkg:confidence ?c ; "
        "prov:wasGeneratedBy ?act } }",
    )


def test_the_example_queries_for_editor_and_machine_facts(plain_store: Store, built_store: Store) -> None:
    machine = (DATA / "queries" / "7-machine-facts.rq").read_text(encoding="utf-8")
    editor = (DATA / "queries" / "6-editor-confirmed.rq").read_text(encoding="utf-8")
    above = rows(plain_store, machine)
    assert above and all(Decimal(r["confidence"]) > Decimal("0.8") for r in above)
    assert rows(plain_store, editor) == []
    confirmed = rows(built_store, editor)
    assert len({r["fact"] for r in confirmed if r["type"] == "http://schema.org/Quotation"}) == 12
    assert rows(built_store, machine) == []  # the seed's editor rejected every machine fact left unreviewed


def test_no_extract_maps_no_machine_facts(plain_data: Path) -> None:
    corpus = load_corpus(plain_data, minter=MINTER, extract=False)
    quads = corpus.article_graph(find_articles([plain_data / "articles"])[0])
    assert not [
        q for q in quads if q.predicate in (NamedNode(NKG + "confidence"), NamedNode(PROV + "wasInformedBy"))
    ]
    assert any(q.predicate == NamedNode(NKG + "assertedBy") for q in quads)


def test_pages_show_machine_facts_apart(plain_store: Store) -> None:
    from server import create_app
    from server.settings import resolve

    app = create_app(plain_store, settings=resolve([("base_iri", BASE)]), queries_dir=DATA / "queries")
    client = app.test_client()
    page = client.get("/doc/article/seed-plain.html")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'class="badge machine"' in html and "evidence machine" in html
    event = rows(plain_store, "SELECT ?e WHERE { ?e a schema:Event ; nkg:status ?s } LIMIT 1")[0]["e"]
    path = event.removeprefix(BASE)
    html = client.get(f"/doc/{path}.html").get_data(as_text=True)
    assert "machine 0." in html and "no editor has confirmed it" in html


def test_annotation_files_with_a_machine_section_only_need_not_attribute_quotations(
    seed_article: Article, registry: Registry, tmp_path: Path
) -> None:
    path = tmp_path / "annotations.yaml"
    path.write_text("machine:\n  unreviewed: keep\n", encoding="utf-8")
    assert load_annotations(path, seed_article, registry) == Annotations()
    path.write_text("machine:\n  unreviewed: keep\nquotations: []\n", encoding="utf-8")
    with pytest.raises(InputError, match="has no speaker"):
        load_annotations(path, seed_article, registry)


def test_editor_event_ids_may_not_take_the_extractors_prefix(
    seed_article: Article, registry: Registry, tmp_path: Path
) -> None:
    path = tmp_path / "annotations.yaml"
    path.write_text(
        "events:\n  - id: machine-x\n    kind: meeting\n    name: {de: X, en: X}\n    status: happened\n"
        "    evidence: Der Kreml bestätigte das Gespräch.\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="machine-"):
        load_annotations(path, seed_article, registry)
