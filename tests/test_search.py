"""Full-text search (kg.search, issue 22) as a specification: the index made from the graphs the pipeline
writes, what a search finds in German and English, the hits' snippets and offsets, the filters, how the index
stays in step with the store, and text search inside SPARQL.

The corpus is the seed article of ``data/`` plus a German article written here (DW's format, through
``load_corpus`` and ``build``) and an English one (plain text with front matter, mapped by ``kg.mapping`` and
written the way a writer writes: the store first, then the index).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph
import pytest
from pyoxigraph import QuerySolutions

from kg.errors import NewsKGError, QueryError
from kg.ingest import build, ingest
from kg.mapping import article_quads
from kg.model import Annotations
from kg.pipeline import Corpus, find_articles, load_corpus
from kg.read.plaintext import read_text
from kg.search import Hit, SearchIndex, documents, graph_digest, index_search, rewrite, text_patterns
from kg.search.index import SCHEMA_VERSION, analyzer, open_index, store_digests
from kg.store import Store
from kg.vocab import RDF, Minter
from tests.conftest import BASE, DATA, SEED_SLUG

SEED = f"{BASE}article/{SEED_SLUG}"
SEED_GRAPH = f"{BASE}graph/{SEED_SLUG}"
GAZA_SLUG = "dw-2025-11-03-waffenruhe-gaza"
GAZA = f"{BASE}article/{GAZA_SLUG}"
GAZA_GRAPH = f"{BASE}graph/{GAZA_SLUG}"
GENEVA_SLUG = "news-example-org-2025-11-geneva-talks-8a761f1f1d"  # what kg.read.plaintext makes of the URL
GENEVA_GRAPH = f"{BASE}graph/{GENEVA_SLUG}"

GAZA_TEXT = """\
  1. Zum Inhalt springen
  2. Zur Hauptnavigation springen
  3. Zu weiteren Angeboten der DW springen

Waffenruhe in Gaza wackelt vor dem nächsten Gipfel

Veröffentlicht 3. November 2025Zuletzt aktualisiert 3. November 2025

Die Waffenruhe zwischen Israel und der Hamas steht auf der Probe. Vermittler bereiten neue Gespräche vor.

Nach Angaben von Vermittlern wird über die zweite Phase der Waffenruhe verhandelt. Die Gespräche sollen in \
Kairo stattfinden. Beobachter sprechen von zähen Verhandlungen über den Abzug der Truppen.

Ein Sprecher der Vermittler sagte, man sei "vorsichtig optimistisch". Eine Einigung vor dem nächsten \
Gipfeltreffen gilt als möglich.

se (dpa, afp)
"""

GENEVA_TEXT = """\
---
headline: Diplomats plan further meetings in Geneva
url: https://news.example.org/2025/11/geneva-talks
datePublished: 2025-11-05
publisher: Example News
inLanguage: en
description: Negotiators met for two days and agreed to meet again.
---
The negotiators held a meeting in Geneva on Tuesday and another one on Wednesday.

Both delegations described the talks as constructive. A further round is expected before the winter.
"""


def _write_gaza(folder: Path) -> Path:
    article = folder / GAZA_SLUG
    article.mkdir(parents=True)
    (article / "article.txt").write_text(GAZA_TEXT, encoding="utf-8")
    return article


def _geneva_quads(corpus: Corpus) -> list[pyoxigraph.Quad]:
    article = read_text(GENEVA_TEXT, source="geneva.txt")
    assert article.slug == GENEVA_SLUG
    return article_quads(article, Annotations(), corpus.registry, corpus.minter)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(DATA, minter=Minter(BASE))


@pytest.fixture(scope="module")
def store(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The seed and the Gaza article built, and the Geneva article written after them (tests don't write)."""
    extra = tmp_path_factory.mktemp("articles")
    _write_gaza(extra)
    built = Store()
    build(corpus, built, find_articles([DATA / "articles", extra]))
    built.replace_graphs({GENEVA_GRAPH: _geneva_quads(corpus)})
    return built


@pytest.fixture(scope="module")
def index(store: Store) -> SearchIndex:
    made = SearchIndex()
    made.rebuild(store)
    return made


def iris(hits: list[Hit]) -> list[str]:
    return [hit.iri for hit in hits]


def _body(store: Store, article: str) -> str:
    rows = store.query(f"SELECT ?b {{ <{article}> <http://schema.org/articleBody> ?b }}")
    assert isinstance(rows, QuerySolutions)
    return next(iter(rows))[0].value


# --- what a search finds ---------------------------------------------------------------------------------


def test_an_article_without_a_publisher_is_found_and_no_publisher_filter_matches_it(corpus: Corpus) -> None:
    """A text that names no publisher and has no URL (ingested with a warning) is searched like any other."""
    text = GENEVA_TEXT.replace("url: https://news.example.org/2025/11/geneva-talks\n", "")
    article = read_text(text.replace("publisher: Example News\n", ""), source="notes.txt")
    store = Store()
    quads = article_quads(article, Annotations(), corpus.registry, corpus.minter)
    store.replace_graphs({corpus.minter.article_graph(article.slug): quads})
    made = SearchIndex()
    made.rebuild(store)
    (hit,) = made.search("delegations", types=["article"])
    assert hit.iri == corpus.minter.article(article.slug) and hit.as_dict()["publishers"] == []
    assert made.search("delegations", publisher=f"{BASE}organization/example-news") == []


def test_a_german_inflection_finds_the_word_in_every_form(index: SearchIndex) -> None:
    """'Gipfels' (genitive) finds 'Gipfel' in a quotation and the articles; 'Gipfel' finds the genitive."""
    found = iris(index.search("Gipfels"))
    assert SEED in found and GAZA in found
    assert f"{SEED}/quote/4" in found  # "Der nächste Gipfel kommt bald."
    assert f"{BASE}event/trump-announcement-truth-social-2025-10" in iris(
        index.search("Gipfel", types=["event"])
    )


def test_an_english_plural_finds_the_singular_and_back(index: SearchIndex) -> None:
    geneva = [h for h in index.search("meetings", types=["article"]) if h.graph == GENEVA_GRAPH]
    assert geneva and geneva[0].language == "en"
    assert "meeting" in geneva[0].snippet.text  # the body says 'meeting', the headline 'meetings'
    assert GENEVA_GRAPH in {h.graph for h in index.search("negotiator delegation")}


def test_every_word_must_occur_and_a_missing_one_finds_nothing(index: SearchIndex) -> None:
    assert iris(index.search("Waffenruhe Kairo", types=["article"])) == [GAZA]
    assert index.search("Waffenruhe Zeppelin") == []
    assert GAZA not in iris(index.search("Waffenruhe -Kairo", types=["article"]))


def test_names_are_found_without_their_accents(index: SearchIndex) -> None:
    assert iris(index.search("Szijjarto", types=["person"]))[:1] == [f"{BASE}person/peter-szijjarto"]
    assert iris(index.search("Orbán", types=["person"])) == iris(index.search("Orban", types=["person"]))
    assert f"{BASE}person/viktor-orban" in iris(index.search("Orban", types=["person"]))


def test_aliases_and_surface_forms_find_the_entity(index: SearchIndex) -> None:
    """The registry's surface forms ('Tomahawk-Marschflugkörpern') are names of the entity too."""
    assert iris(index.search("Marschflugkörper", types=["thing"])) == [f"{BASE}thing/tomahawk"]


def test_an_entity_named_in_several_graphs_is_one_hit(index: SearchIndex) -> None:
    """Events are named in the registry and described again by every article that reports them."""
    found = iris(index.search("Budapest", limit=50))
    assert len(found) == len(set(found))


def test_a_quotation_hit_names_its_speaker_and_article(index: SearchIndex) -> None:
    (hit,) = index.search("nächste Gipfel kommt", types=["quotation"])
    assert hit.iri == f"{SEED}/quote/4"
    assert hit.title == "Der nächste Gipfel kommt bald."
    assert hit.speaker == f"{BASE}person/kirill-dmitriev"
    assert hit.speaker_name and "Dmitri" in hit.speaker_name
    assert hit.article == SEED and hit.date == "2025-10-17"
    assert "<mark>Gipfel</mark>" in hit.snippet.html


def test_an_article_hit_gives_a_snippet_and_the_offsets_of_every_word_found_in_its_body(
    index: SearchIndex, store: Store
) -> None:
    (hit,) = index.search("Waffenruhe", types=["article"], date_from="2025-11-01")
    body = _body(store, hit.iri)
    assert hit.date == "2025-11-03" and hit.kind == "article"
    assert len(hit.matches) == body.count("Waffenruhe") >= 3
    assert all(body[start:end] == "Waffenruhe" for start, end in hit.matches)
    snippet = hit.snippet
    assert snippet.part == "body" and snippet.highlights
    assert body[snippet.start : snippet.start + len(snippet.text)] == snippet.text
    assert set(snippet.highlights) <= set(hit.matches)
    assert "<mark>Waffenruhe</mark>" in snippet.html and "<script" not in snippet.html


def test_offsets_are_characters_not_bytes(index: SearchIndex, store: Store) -> None:
    """The seed's body has umlauts before its words: offsets index the Python string, as oa:start does."""
    (hit,) = [h for h in index.search("Waffenruhe", types=["article"]) if h.iri == SEED]
    body = _body(store, SEED)
    assert hit.matches and all(body[s:e] == "Waffenruhe" for s, e in hit.matches)


def test_filters_by_type_date_publisher_and_entity(index: SearchIndex) -> None:
    assert {h.kind for h in index.search("Waffenruhe OR Gipfel", types=["quotation", "event"], limit=50)} <= {
        "quotation",
        "event",
    }
    november = index.search("Gipfel", types=["article"], date_from="2025-11-01")
    assert iris(november) == [GAZA]
    assert iris(index.search("Gipfel", types=["article"], date_to=dt.date(2025, 10, 31))) == [SEED]
    assert iris(index.search("Gipfel", types=["article"], date_from="2025-10-17", date_to="2025-10-17")) == [
        SEED
    ]
    dw = f"{BASE}organization/deutsche-welle"
    assert {SEED, GAZA} <= set(iris(index.search("", types=["article"], publisher=dw)))
    assert index.search("", publisher=f"{BASE}organization/nobody") == []
    assert iris(index.search("Gipfel", types=["article"], entity=f"{BASE}person/peter-szijjarto")) == [SEED]
    dmitriev = index.search("", types=["quotation"], entity=f"{BASE}person/kirill-dmitriev")
    assert dmitriev and all(h.speaker == f"{BASE}person/kirill-dmitriev" for h in dmitriev)
    with pytest.raises(ValueError, match="unknown type"):
        index.search("Gipfel", types=["articles"])


def _event(iri: str, start: str, end: str | None = None) -> list[pyoxigraph.Triple]:
    """An event named "Gipfel" with ``schema:startDate`` (and ``endDate``), typed at their precision."""
    s, xsd = "http://schema.org/", "http://www.w3.org/2001/XMLSchema#"
    kinds = {4: "gYear", 7: "gYearMonth", 10: "date"}

    def date(value: str) -> pyoxigraph.Literal:
        return pyoxigraph.Literal(
            value, datatype=pyoxigraph.NamedNode(xsd + kinds.get(len(value), "dateTime"))
        )

    node = pyoxigraph.NamedNode(iri)
    triples = [
        pyoxigraph.Triple(node, pyoxigraph.NamedNode(RDF + "type"), pyoxigraph.NamedNode(s + "Event")),
        pyoxigraph.Triple(
            node, pyoxigraph.NamedNode(s + "name"), pyoxigraph.Literal("Gipfel", language="de")
        ),
        pyoxigraph.Triple(node, pyoxigraph.NamedNode(s + "startDate"), date(start)),
    ]
    if end is not None:
        triples.append(pyoxigraph.Triple(node, pyoxigraph.NamedNode(s + "endDate"), date(end)))
    return triples


def test_an_event_is_found_by_a_date_filter_that_overlaps_its_days_at_the_precision_it_has() -> None:
    events = {
        "month": _event(f"{BASE}event/month", "2025-08"),
        "year": _event(f"{BASE}event/year", "2023"),
        "day": _event(f"{BASE}event/day", "2025-10-17T10:00:00+02:00"),
        "span": _event(f"{BASE}event/span", "2025-08-30", "2025-09"),
        "backwards": _event(f"{BASE}event/backwards", "2025-10-20", "2025-10-01"),
        "undated": _event(f"{BASE}event/undated", "sometime"),
    }
    index = SearchIndex()
    index.replace_graphs({f"{BASE}graph/{name}": triples for name, triples in events.items()})

    def found(date_from: str | None = None, date_to: str | None = None) -> set[str]:
        hits = index.search("Gipfel", types=["event"], date_from=date_from, date_to=date_to)
        return {hit.iri.removeprefix(f"{BASE}event/") for hit in hits}

    assert found("2025-08-15", "2025-08-15") == {"month"}
    assert found("2025-07-01", "2025-08-01") == {"month"}  # its first day
    assert found("2025-08-31", "2025-08-31") == {"month", "span"}  # its last day; the span's second
    assert found("2025-09-30", "2025-09-30") == {"span"}  # the last day of the span's end month
    assert found("2023-12-31", "2024-01-01") == {"year"}
    assert found("2025-10-17", "2025-10-17") == {"day"}  # a moment is its day
    assert found("2025-10-20", "2025-10-20") == {"backwards"}  # an end before the start: the start's day
    assert found(date_to="2022-12-31") == set() and found(date_from="2025-10-21") == set()
    assert found() == set(events)  # without a filter the undated one is found too
    dates = {
        hit.iri.removeprefix(f"{BASE}event/"): hit.date for hit in index.search("Gipfel", types=["event"])
    }
    assert dates == {
        "month": "2025-08", "year": "2023", "day": "2025-10-17", "span": "2025-08-30",
        "backwards": "2025-10-20", "undated": None,
    }  # fmt: skip


def test_an_empty_text_with_filters_lists_everything_that_passes_them(index: SearchIndex) -> None:
    assert len(index.search("", types=["article"], limit=10)) == 3


# --- documents: a pure function of a graph's quads ---------------------------------------------------------


def test_documents_depend_on_the_quads_only_not_their_order(store: Store) -> None:
    quads = list(store.quads(SEED_GRAPH))
    assert documents(quads, SEED_GRAPH) == documents(list(reversed(quads)), SEED_GRAPH)
    triples = [q.triple for q in quads]  # as N-Triples give them to replace_graphs_ntriples
    assert documents(triples, SEED_GRAPH) == documents(quads, SEED_GRAPH)
    kinds = {d.kind for d in documents(quads, SEED_GRAPH)}
    assert {"article", "quotation", "event"} <= kinds


def test_an_article_graph_is_digested_by_its_input_digest_the_entity_graph_by_its_documents(
    store: Store,
) -> None:
    seed = list(store.quads(SEED_GRAPH))
    assert graph_digest(seed, SEED_GRAPH).startswith("input:")
    entities = list(store.quads(f"{BASE}graph/entities"))
    assert graph_digest(entities, f"{BASE}graph/entities").startswith("docs:")
    assert store_digests(store)[SEED_GRAPH] == graph_digest(seed, SEED_GRAPH)


def test_an_index_rebuilt_and_one_written_graph_by_graph_answer_alike(
    store: Store, index: SearchIndex
) -> None:
    piecewise = SearchIndex()
    for graph in store.graphs():
        piecewise.replace(graph, store.quads(graph))
    for text in ("Gipfels", "Orban", "meetings", "Waffenruhe"):
        assert [(h.iri, round(h.score, 4)) for h in piecewise.search(text)] == [
            (h.iri, round(h.score, 4)) for h in index.search(text)
        ]
    assert piecewise.digests() == index.digests() == store_digests(store)


# --- never out of step with the store --------------------------------------------------------------------


def test_an_index_in_step_with_its_store_reports_no_drift(store: Store, index: SearchIndex) -> None:
    assert not index.check(store)
    assert len(index) > 50


def test_writes_the_index_missed_are_found_and_made_good_at_open(corpus: Corpus, tmp_path: Path) -> None:
    """A writer that wrote the store but died before the index's commit: the next open syncs the graphs."""
    store = Store(tmp_path / "store")
    build(corpus, store, find_articles([DATA / "articles"]))
    with open_index(store) as index:  # a writer's open: beside the store, synced
        assert index.path == tmp_path / "store.search"
        assert not index.check(store) and index.search("Waffenruhe", types=["article"])

    # an ingest that knows nothing of the index (as if it died between the two commits)
    _write_gaza(tmp_path / "more")
    ingest(corpus, store, find_articles([tmp_path / "more"]), jobs=1)
    store.remove_graphs([SEED_GRAPH])

    reopened = SearchIndex(tmp_path / "store.search")
    drift = reopened.check(store)
    assert drift.missing == (GAZA_GRAPH,) and drift.extra == (SEED_GRAPH,) and not drift.changed
    assert SEED in iris(reopened.search("Waffenruhe"))  # stale until synced
    assert reopened.sync(store) == drift
    assert not reopened.check(store)
    assert iris(reopened.search("Waffenruhe", types=["article"])) == [GAZA]


def test_a_changed_graph_is_indexed_again(corpus: Corpus, store: Store) -> None:
    """The same graph with another input digest (an edited article) counts as changed."""
    index = SearchIndex()
    index.rebuild(store)
    quads = [
        q
        if q.predicate.value != "https://w3id.org/newskg/ontology#inputDigest"
        else pyoxigraph.Quad(q.subject, q.predicate, pyoxigraph.Literal("edited"), q.graph_name)
        for q in store.quads(GAZA_GRAPH)
    ]
    index.replace(GAZA_GRAPH, quads)
    assert index.check(store).changed == (GAZA_GRAPH,)
    index.sync(store)
    assert not index.check(store)


def test_removing_a_graph_removes_its_documents_and_its_record(store: Store) -> None:
    index = SearchIndex()
    index.rebuild(store)
    index.remove(GAZA_GRAPH)
    assert GAZA not in iris(index.search("Waffenruhe"))
    assert GAZA_GRAPH not in index.digests()
    assert index.check(store).missing == (GAZA_GRAPH,)


def test_an_index_of_another_version_is_emptied_and_refilled(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "index"
    first = SearchIndex(path)
    first.rebuild(store)
    first.close()
    (path / "newskg-search-version").write_text("0\n")
    again = SearchIndex(path)
    assert len(again) == 0 and again.check(store).missing
    again.sync(store)
    assert not again.check(store)
    assert (path / "newskg-search-version").read_text().strip() == SCHEMA_VERSION


def test_a_read_only_index_reads_and_refuses_to_write(store: Store, tmp_path: Path) -> None:
    writer = SearchIndex(tmp_path / "index")
    writer.rebuild(store)
    writer.close()
    reader = SearchIndex(tmp_path / "index", read_only=True)
    assert iris(reader.search("Szijjarto", types=["person"]))
    with pytest.raises(NewsKGError, match="read-only"):
        reader.remove(GAZA_GRAPH)


# --- text search in SPARQL -------------------------------------------------------------------------------

PREFIXES = """PREFIX schema: <http://schema.org/>
PREFIX nkgtext: <https://w3id.org/newskg/text#>
"""

WAFFENRUHE_ALASKA = (
    PREFIXES
    + """SELECT DISTINCT ?article ?person WHERE {
  ?article nkgtext:query "Waffenruhe" ; nkgtext:type "article" ; nkgtext:score ?score .
  ?summit nkgtext:query "Gipfeltreffen Alaska" ; nkgtext:type "event" .
  ?summit schema:attendee ?person .
  ?article schema:mentions ?person .
} ORDER BY ?person"""
)


def run(store: Store, sparql: str) -> list[tuple[str, ...]]:
    rows = store.query(sparql)
    assert isinstance(rows, QuerySolutions)
    return [tuple(term.value if term is not None else "" for term in row) for row in rows]


def test_articles_that_say_a_word_and_mention_an_attendee_of_an_event_found_by_text(
    store: Store, index: SearchIndex
) -> None:
    rows = run(store, rewrite(WAFFENRUHE_ALASKA, index_search(index)))
    assert rows == [(SEED, f"{BASE}person/donald-trump"), (SEED, f"{BASE}person/vladimir-putin")]


def test_text_in_sparql_finds_what_contains_finds_and_the_stemmed_forms_too(
    store: Store, index: SearchIndex
) -> None:
    contains = run(
        store,
        PREFIXES
        + 'SELECT ?a WHERE { ?a schema:articleBody ?b FILTER(CONTAINS(?b, "Waffenruhe")) } ORDER BY ?a',
    )
    text = run(
        store,
        rewrite(
            PREFIXES
            + 'SELECT ?a WHERE { ?a nkgtext:query "Waffenruhe" ; nkgtext:type "article" } ORDER BY ?a',
            index_search(index),
        ),
    )
    assert text == contains == [(SEED,), (GAZA,)]
    genitive = 'SELECT ?a WHERE { ?a nkgtext:query "Gipfels" ; nkgtext:type "article" } ORDER BY ?a'
    assert run(store, rewrite(PREFIXES + genitive, index_search(index))) == [(SEED,), (GAZA,)]


def test_the_rewrite_puts_values_where_the_pattern_was_and_keeps_the_rest() -> None:
    query = (
        PREFIXES + 'SELECT * WHERE { ?a schema:headline ?h ; nkgtext:query "Gipfel" ; nkgtext:score ?s . }'
    )
    out = rewrite(query, lambda p: [("http://x/a1", 2.5), ("http://x/a2", 1.0)])
    assert "nkgtext:query" not in out and "nkgtext:score" not in out
    assert "VALUES (?a ?s) { (<http://x/a1> 2.500000e+00) (<http://x/a2> 1.000000e+00) }" in out
    assert "?a schema:headline ?h ." in out
    assert pyoxigraph.Store().query(out).variables  # the engine reads it


def test_a_query_without_text_patterns_is_left_as_it_is() -> None:
    query = PREFIXES + 'SELECT * { ?a schema:text "nkgtext:query" } # ?a nkgtext:query "x"'
    assert rewrite(query, lambda p: pytest.fail("no search")) == query
    assert text_patterns(query) == []


def test_no_hits_give_no_solutions(store: Store) -> None:
    query = PREFIXES + 'SELECT ?a WHERE { ?a nkgtext:query "Zeppelin" . ?a schema:headline ?h }'
    assert run(store, rewrite(query, lambda p: [])) == []


def test_the_pattern_reads_full_iris_other_prefixes_escapes_types_and_limits() -> None:
    query = """PREFIX t: <https://w3id.org/newskg/text#>
    SELECT * WHERE {
      ?q <https://w3id.org/newskg/text#query> "\\"n\\u00e4chste\\" Gipfel"@de .
      ?q t:type "quotation article" ; t:limit 5 ; t:score ?score .
    }"""
    (pattern,) = text_patterns(query)
    assert pattern.variable == "q" and pattern.text == '"nächste" Gipfel'
    assert pattern.types == ("quotation", "article") and pattern.limit == 5 and pattern.score == "score"
    out = rewrite(query, lambda p: [("http://x/q", 1.0)])
    assert out.count("VALUES") == 1 and "t:" not in out.split("SELECT", 1)[1]
    pyoxigraph.Store().query(out)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('<http://x/s> nkgtext:query "x"', "subject is a variable"),
        ("?a nkgtext:query ?text", "exactly one nkgtext:query"),
        ("?a nkgtext:score ?s", "exactly one nkgtext:query"),
        ('?a nkgtext:query "x" ; nkgtext:type "articles"', "unknown nkgtext:type"),
        ('?a nkgtext:query "x" ; nkgtext:limit 0', "whole number"),
        ('?a nkgtext:matches "x"', "unknown text-search predicate"),
        ('?a nkgtext:query "x", "y"', "one object"),
    ],
)
def test_a_reserved_predicate_used_otherwise_is_a_query_error(body: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        rewrite(PREFIXES + f"SELECT * WHERE {{ {body} }}", lambda p: [])


def test_the_offsets_are_every_word_the_analyzer_stems_alike(index: SearchIndex, store: Store) -> None:
    """The quick scan for candidate words misses none: the offsets of analysing every word of the body."""
    german = analyzer("de")
    for text in ("Gipfels", "Waffenruhe", "Treffens", "Ukraine"):
        (hit,) = [h for h in index.search(text, types=["article"]) if h.iri == SEED]
        stems = set(german.analyze(text))
        every = [
            (t.char_offset_from, t.char_offset_to) for t in german.pre_tokenize(_body(store, SEED)).tokens
        ]
        stemmed = german.pre_tokenize(_body(store, SEED)).tokens
        assert list(hit.matches) == [o for o, t in zip(every, stemmed, strict=True) if t.text in stems]


@pytest.mark.parametrize(
    "where",
    [
        '?a nkgtext:query "Gipfel"',
        '?a schema:headline ?h . ?a nkgtext:query "Gipfel"',
        '?a schema:headline ?h ; nkgtext:query "Gipfel" ; schema:about ?e .',
        'OPTIONAL { ?a nkgtext:query "Gipfel" . } ?a schema:headline ?h',
        'GRAPH ?g { ?a nkgtext:query """Gipfel""" ; nkgtext:score ?s } FILTER(?s > 1)',
        '{ SELECT ?a WHERE { ?a nkgtext:query "Gipfel" } } ?a schema:headline ?h',
        '?x schema:about [ schema:name ?n ] . ?a nkgtext:query "Gipfel" . ?a schema:about ?x',
        'FILTER(?h != "x") ?a schema:headline ?h ; nkgtext:query "Gipfel"',
    ],
)
def test_the_rewrite_reads_the_pattern_wherever_a_triple_pattern_may_stand(where: str) -> None:
    query = PREFIXES + f"SELECT * WHERE {{ {where} }}"
    out = rewrite(query, lambda p: [("http://x/a", 1.0)])
    assert "nkgtext:" not in out.split("SELECT", 1)[1] and "VALUES" in out
    pyoxigraph.Store().query(out)  # the engine reads it


def test_a_batch_given_as_the_store_takes_it_is_indexed_like_its_quads(store: Store) -> None:
    """What the writer hands ``replace_graphs_ntriples`` (N-Triples per graph) is what the index takes."""
    batch = {
        graph: pyoxigraph.serialize(
            (q.triple for q in store.quads(graph)), format=pyoxigraph.RdfFormat.N_TRIPLES
        )
        for graph in store.graphs()
    }
    index = SearchIndex()
    index.replace_ntriples(batch)
    assert index.digests() == store_digests(store)
    assert not index.check(store)


def test_a_server_may_cap_the_hits_a_pattern_asks_for() -> None:
    query = PREFIXES + 'SELECT * WHERE { ?a nkgtext:query "Gipfel" ; nkgtext:limit 5000 }'
    with pytest.raises(QueryError, match="from 1 to 1000"):
        rewrite(query, lambda p: [], max_limit=1000)
    (pattern,) = text_patterns(PREFIXES + 'SELECT * WHERE { ?a nkgtext:query "Gipfel" }', max_limit=100)
    assert pattern.limit == 100
