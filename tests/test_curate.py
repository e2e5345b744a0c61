"""The worklist of unlinked entities, ``newskg entities todo|link|merge`` and ``/entities?linked=no``.

The corpus: the seed article with a registry that lacks Selenskyj and Orbán, so the extractor finds them
(``person/person-wolodymyr-selenskyj``), and the photographers of its pictures twice (as credits and as names
the extractor read).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner, Result
from flask.testing import FlaskClient
from pyoxigraph import NamedNode

from kg.curate import group
from kg.curate.cli import entities
from kg.curate.names import fold, like
from kg.errors import NewsKGError
from kg.store import RemoteStore, Store, updates
from kg.vocab import PREFIXES, Minter
from tests.conftest import BASE, DATA, NEWSKG, SEED_DIR

ENTITY = BASE + "person/"
SELENSKYJ = ENTITY + "person-wolodymyr-selenskyj"
"""The extractor's entity for the full name (the registry of these tests lacks him)."""
SURNAME = ENTITY + "person-selenskyj"
OXIGRAPH = str(Path(sys.executable).with_name("oxigraph"))
UNVERIFIED = NamedNode("https://w3id.org/newskg/ontology#wikidataUnverified")


# --- the corpus ------------------------------------------------------------------------------------------


def _without(text: str, entity_id: str) -> str:
    return re.sub(rf"- id: {entity_id}\n(  .*\n)+", "", text)


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("curate") / "data"
    shutil.copytree(DATA / "entities", root / "entities")
    persons = root / "entities" / "persons.yaml"
    persons.write_text(
        _without(_without(persons.read_text(encoding="utf-8"), "volodymyr-zelenskyy"), "viktor-orban"),
        encoding="utf-8",
    )
    article = root / "articles" / "seed"
    article.mkdir(parents=True)
    shutil.copy(SEED_DIR / "article.txt", article / "article.txt")  # no annotations: they name the two
    return root


@pytest.fixture(scope="module")
def built(corpus_dir: Path) -> dict[str, bytes]:
    """The corpus built once (with the extractor), as N-Triples per graph."""
    from kg.ingest import build
    from kg.pipeline import find_articles, load_corpus

    store = Store()
    build(load_corpus(corpus_dir, minter=Minter(BASE)), store, find_articles([corpus_dir / "articles"]))
    surname_alone(store)
    return updates.as_ntriples({g: list(store.quads(g)) for g in store.graphs()})


def surname_alone(store: Store) -> None:
    """One mention of "Selenskyj" as the extractor of another article would make it, without the first name:
    an entity of its own, ``person/person-selenskyj`` (the extractor reads the whole seed as one text and
    gives the short form the full name's key)."""
    rows = store.query(
        f"""SELECT ?anno ?g WHERE {{ GRAPH ?g {{ ?anno oa:hasBody <{SELENSKYJ}> ;
          oa:motivatedBy oa:identifying ; oa:hasTarget/oa:hasSelector/oa:exact "Selenskyj" }} }} LIMIT 1""",
        prefixes=PREFIXES,
    )
    anno, graph = next(iter(rows))  # type: ignore[call-overload]
    store.engine.update(
        f"""DELETE DATA {{ GRAPH {graph} {{ {anno} oa:hasBody <{SELENSKYJ}> }} }} ;
        INSERT DATA {{ GRAPH {graph} {{ {anno} oa:hasBody <{SURNAME}> .
          <{SURNAME}> a schema:Person ; schema:name "Selenskyj" ; nkg:wikidataUnverified true .
          <{BASE}article/seed> schema:mentions <{SURNAME}> }} }}""",
        prefixes=PREFIXES,
    )


@pytest.fixture
def data(corpus_dir: Path, tmp_path: Path) -> Path:
    """A copy of the corpus the test may change."""
    shutil.copytree(corpus_dir, tmp_path / "data")
    return tmp_path / "data"


@pytest.fixture
def store_dir(built: dict[str, bytes], tmp_path: Path) -> Path:
    """The built corpus in a store directory of the test's own."""
    store = Store(tmp_path / "store")
    store.replace_graphs_ntriples(built)
    store.close()
    return tmp_path / "store"


def run(*args: str | Path, data: Path | None = None, store: Path | str | None = None) -> Result:
    options: list[str] = ["--base", BASE]
    if store is not None:
        options += ["--store", str(store)]
    if data is not None:
        options += ["--data", str(data)]
    command, *rest = map(str, args)
    return CliRunner().invoke(entities, [command, *options, *rest], catch_exceptions=False)


def dump(store_dir: Path) -> list[str]:
    store = Store(store_dir, read_only=True)
    found = sorted(str(q) for q in store.quads())
    del store  # releases RocksDB for the next command
    return found


def texts(data: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((data / "entities").iterdir())}


# --- likely duplicates -------------------------------------------------------------------------------------


def test_names_fold_accents_case_and_punctuation() -> None:
    assert fold("Orbán") == fold("ORBAN") == "orban"
    assert fold("Szijjártó, Péter") == "szijjarto peter"


@pytest.mark.parametrize(
    ("names", "together"),
    [
        (["Selenskyj", "Wolodymyr Selenskyj"], True),  # a surname and the full name
        (["Orban", "Orbán"], True),  # accents
        (["Viktor Orban", "Viktor Orbán"], True),
        (["Selenskyjs", "Wolodymyr Selenskyj"], True),  # an inflected surname
        (["Putins", "Putin"], True),
        (["Donald Trump", "Melania Trump"], False),  # two full names sharing a surname
        (["Berger", "Bergen"], False),
        (["se", "Sergei"], False),
    ],
)
def test_likely_duplicates_are_grouped(names: list[str], together: bool) -> None:
    groups = group({n: [n] for n in names})
    assert (len(groups) == 1) is together, groups


def test_a_surname_brings_its_full_names_together_and_groups_keep_their_order() -> None:
    groups = group({"a": ["Donald Trump"], "b": ["Ivanka Trump"], "c": ["Trump"], "d": ["Kreml"]})
    assert groups == [["a", "b", "c"], ["d"]]


def test_like_suggests_the_entities_a_name_likely_means() -> None:
    assert like("Orbans", {"o": ["Viktor Orbán"], "s": ["Péter Szijjártó"]}) == ["o"]


# --- newskg entities todo ---------------------------------------------------------------------------------


def test_todo_lists_unlinked_entities_by_mentions_with_contexts_and_articles(store_dir: Path) -> None:
    result = run("todo", "--json", store=store_dir)
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    items = [item for g in found["groups"] for item in g]
    assert found["total"] == len(items)
    first = found["groups"][0][0]
    assert first["ref"] == "person/person-wolodymyr-selenskyj" and not first["registry"]
    assert first["mentions"] == max(i["mentions"] for i in items) >= 10
    assert first["articles"] == [
        {"iri": BASE + "article/seed", "headline": "Trump kündigt Treffen mit Putin in Budapest an"}
    ]
    assert len(first["contexts"]) == 3
    body = (SEED_DIR / "article.txt").read_text(encoding="utf-8")
    for context in first["contexts"]:
        assert context["exact"] in body and context["prefix"] + context["exact"] in body
    ushakov = next(i for i in items if i["ref"] == "yuri-ushakov")  # a registry entity without wikidata
    assert ushakov["registry"] and ushakov["name"] == "Juri Uschakow" and ushakov["mentions"] >= 1
    refs = {i["ref"] for i in items}
    assert "donald-trump" not in refs and not any(r.startswith("article/") for r in refs)
    counts = [sum(i["mentions"] for i in g) for g in found["groups"]]
    assert counts == sorted(counts, reverse=True)


def test_the_installed_newskg_lists_the_same_worklist(store_dir: Path) -> None:
    command = [NEWSKG, "entities", "todo", "--json", "--base", BASE, "--store", str(store_dir)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == json.loads(run("todo", "--json", store=store_dir).output)


def test_todo_groups_a_surname_with_its_full_name(store_dir: Path) -> None:
    found = json.loads(run("todo", "--json", store=store_dir).output)
    first = found["groups"][0]
    assert [i["ref"] for i in first] == ["person/person-wolodymyr-selenskyj", "person/person-selenskyj"]
    assert first[1]["mentions"] == 1 and first[1]["contexts"][0]["exact"] == "Selenskyj"


def test_todo_counts_the_same_with_many_entities(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MAX_VALUES entities, mentions are counted by filtering the annotations instead."""
    import kg.curate.worklist

    few = run("todo", "--json", store=store_dir).output
    monkeypatch.setattr(kg.curate.worklist, "MAX_VALUES", 1)
    assert run("todo", "--json", store=store_dir).output == few


def test_todo_as_text(store_dir: Path) -> None:
    result = run("todo", "--limit", "2", store=store_dir)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].endswith("unlinked entities, 2 groups shown")
    assert lines[2] == "1. likely one entity (2):"
    first = "   - Wolodymyr Selenskyj [person/person-wolodymyr-selenskyj] Person, only in articles"
    assert lines[3].startswith(first)
    assert "[Wolodymyr Selenskyj]" in result.output  # a mention, the words in brackets


def test_todo_without_a_store_names_it(tmp_path: Path) -> None:
    result = run("todo", store=tmp_path / "nothing")
    assert result.exit_code == 2 and "no store at" in result.output


# --- newskg entities link ---------------------------------------------------------------------------------


def test_link_a_registry_entity_keeps_the_file_as_the_editor_wrote_it(data: Path, store_dir: Path) -> None:
    before = texts(data)
    # any well-formed id: the test checks what is written, not which item it is
    result = run("link", "Juri Uschakow", "--wikidata", "Q123456789", data=data, store=store_dir)
    assert result.exit_code == 0, result.output
    assert "linked yuri-ushakov" in result.output and "persons.yaml" in result.output
    after = texts(data)
    assert {name for name in after if after[name] != before[name]} == {"persons.yaml"}
    old, new = before["persons.yaml"].splitlines(), after["persons.yaml"].splitlines()
    added = [line for line in new if line not in old]
    assert added == ["  wikidata: Q123456789"]
    assert [line for line in new if line != "  wikidata: Q123456789"] == old  # comments, order, flow style
    at = new.index("  wikidata: Q123456789")
    assert new[at - 2 : at] == ["- id: yuri-ushakov", "  type: Person"]  # where the other entries have it
    quads = dump(store_dir)
    ushakov = f"<{ENTITY}yuri-ushakov>"
    same = f"{ushakov} <http://schema.org/sameAs> <http://www.wikidata.org/entity/Q123456789>"
    assert any(q.startswith(same) for q in quads)
    assert not any(q.startswith(ushakov) and "wikidataUnverified" in q for q in quads)
    refs = {i["ref"] for g in json.loads(run("todo", "--json", store=store_dir).output)["groups"] for i in g}
    assert "yuri-ushakov" not in refs


def test_link_an_entity_only_the_store_knows_adds_a_registry_entry(data: Path, store_dir: Path) -> None:
    result = run("link", "person/person-viktor-orban", "--wikidata", "Q57641", data=data, store=store_dir)
    assert result.exit_code == 0, result.output
    persons = (data / "entities" / "persons.yaml").read_text(encoding="utf-8")
    assert persons.endswith(
        "- id: viktor-orban\n  type: Person\n  wikidata: Q57641\n"
        "  name: {de: Viktor Orban, en: Viktor Orban}\n"
    )
    assert "# Viktor Orban: linked to Q57641 by newskg entities link" in persons
    quads = dump(store_dir)
    assert not any("person-viktor-orban" in q for q in quads)
    new = f"<{ENTITY}viktor-orban>"
    assert any(q.startswith(new + " <http://schema.org/sameAs>") for q in quads)
    assert any(q.endswith(f"{new} <{BASE}graph/seed>") for q in quads)  # the article's mentions follow
    from kg.pipeline import load_corpus

    assert load_corpus(data).registry["viktor-orban"].wikidata == "Q57641"  # the registry reads it


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Nobody", "--wikidata", "Q1"], "no entity called 'Nobody'"),
        (
            ["Selenskyjs", "--wikidata", "Q1"],
            "mean person/person-wolodymyr-selenskyj, person/person-selenskyj?",
        ),
        (["KREML", "--wikidata", "Q1"], "'KREML' names 2 entities: kreml-2, kremlin; name one of these"),
        (["yuri-ushakov", "--wikidata", "X12"], "'X12' is not a Wikidata item id"),
        (["yuri-ushakov", "--wikidata", "Q7747"], "Q7747 is vladimir-putin's already"),
        (["donald-trump", "--wikidata", "Q1"], "donald-trump is linked to Q22686"),
    ],
)
def test_link_errors_name_the_entity_and_change_nothing(
    data: Path, store_dir: Path, args: list[str], message: str
) -> None:
    with (data / "entities" / "organizations.yaml").open("a", encoding="utf-8") as more:
        more.write("- id: kreml-2\n  type: Organization\n  name: {de: KREML, en: KREML}\n")  # Kreml, folded
    before, quads = texts(data), dump(store_dir)
    result = run("link", *args, data=data, store=store_dir)
    assert result.exit_code == 2 and message in result.output, result.output
    assert texts(data) == before and dump(store_dir) == quads


def test_a_registry_file_another_editor_changed_meanwhile_is_not_overwritten(
    data: Path, store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.curate.changes

    persons = data / "entities" / "persons.yaml"
    quads, real = dump(store_dir), kg.curate.changes.validate

    def validate_while_someone_edits(graph: object) -> object:
        persons.write_text(persons.read_text(encoding="utf-8") + "# theirs\n", encoding="utf-8")
        return real(graph)  # type: ignore[arg-type]

    monkeypatch.setattr(kg.curate.changes, "validate", validate_while_someone_edits)
    result = run("link", "yuri-ushakov", "--wikidata", "Q123456789", data=data, store=store_dir)
    assert result.exit_code == 2 and "persons.yaml: changed since newskg read it" in result.output
    assert (
        persons.read_text(encoding="utf-8").endswith("# theirs\n") and "Q123456789" not in persons.read_text()
    )
    assert dump(store_dir) == quads


def test_an_unparsable_registry_file_is_named(data: Path, store_dir: Path) -> None:
    (data / "entities" / "things.yaml").write_text("- id: x\n  name: {de: [\n", encoding="utf-8")
    result = run("link", "yuri-ushakov", "--wikidata", "Q123456789", data=data, store=store_dir)
    assert result.exit_code == 2
    assert "things.yaml:" in result.output and "malformed YAML" in result.output


def test_a_registry_file_whose_layout_would_change_is_refused(data: Path, store_dir: Path) -> None:
    things = data / "entities" / "things.yaml"
    things.write_text(
        things.read_text(encoding="utf-8").replace("aliases: [Atomwaffen]", "aliases:\n    - Atomwaffen"),
        encoding="utf-8",
    )
    before = texts(data)
    result = run("link", "tomahawk", "--wikidata", "Q123456789", data=data, store=store_dir)
    assert result.exit_code == 2 and "things.yaml:" in result.output and "layout" in result.output
    assert texts(data) == before
    result = run("link", "yuri-ushakov", "--wikidata", "Q123456789", data=data, store=store_dir)
    assert result.exit_code == 0, result.output  # another file: things.yaml is not written
    assert texts(data)["things.yaml"] == before["things.yaml"]


# --- newskg entities merge --------------------------------------------------------------------------------


def test_merge_an_extracted_entity_into_a_registry_entity(data: Path, store_dir: Path) -> None:
    """The editor's way: link the full name (a registry entry), then merge the surname into it."""
    from kg.search import SearchIndex
    from kg.search.index import default_path

    result = run("link", "Wolodymyr Selenskyj", "--wikidata", "Q3874799", data=data, store=store_dir)
    assert result.exit_code == 0, result.output
    result = run("merge", "Selenskyj", "wolodymyr-selenskyj", data=data, store=store_dir)
    assert result.exit_code == 0, result.output
    assert (
        "merged person/person-selenskyj into wolodymyr-selenskyj, aliases added: Selenskyj" in result.output
    )
    persons = (data / "entities" / "persons.yaml").read_text(encoding="utf-8")
    assert persons.endswith(
        "- id: wolodymyr-selenskyj\n  type: Person\n  wikidata: Q3874799\n"
        "  name: {de: Wolodymyr Selenskyj, en: Wolodymyr Selenskyj}\n  aliases: [Selenskyj]\n"
    )
    quads = dump(store_dir)
    assert not any("person-selenskyj" in q or "person-wolodymyr-selenskyj" in q for q in quads)
    kept = f"<{ENTITY}wolodymyr-selenskyj>"
    described = [q for q in quads if q.startswith(kept) and ("#type>" in q or "/name>" in q)]
    assert described and all(q.endswith(f"<{BASE}graph/entities>") for q in described)  # not in the article
    assert sum(1 for q in quads if q.startswith(f"{kept} <http://schema.org/sameAs>")) == 1
    mentions = [q for q in quads if f"<http://www.w3.org/ns/oa#hasBody> {kept}" in q]
    assert len(mentions) == 12  # every mention, the surname's too
    index = SearchIndex(default_path(store_dir), read_only=True)  # kept in step, as newskg ingest keeps it
    assert {h.iri for h in index.search("Selenskyj", types=["person"])} == {kept[1:-1]}
    stored = Store(store_dir, read_only=True)
    assert not index.check(stored)  # every changed graph indexed under its new digest
    del stored


def test_merge_a_registry_entity_moves_its_names_and_wikidata(data: Path, store_dir: Path) -> None:
    result = run("merge", "kirill-dmitriev", "Wolodymyr Selenskyj", data=data, store=store_dir)
    assert result.exit_code == 0, result.output  # nonsense, but the editor's to decide
    persons = (data / "entities" / "persons.yaml").read_text(encoding="utf-8")
    assert "kirill-dmitriev" not in persons
    assert (
        "- id: wolodymyr-selenskyj\n  type: Person\n"
        "  name: {de: Wolodymyr Selenskyj, en: Wolodymyr Selenskyj}\n"
        "  aliases: [Kirill Dmitrijew, Kirill Dmitriev, Dmitrijew]\n"
    ) in persons
    quads = dump(store_dir)
    assert not any("kirill-dmitriev" in q or "person-wolodymyr-selenskyj" in q for q in quads)


def test_merge_refuses_two_wikidata_items_and_annotated_ids(data: Path, store_dir: Path) -> None:
    result = run("merge", "donald-trump", "vladimir-putin", data=data, store=store_dir)
    assert result.exit_code == 2 and "two Wikidata items are two entities" in result.output
    (data / "articles" / "seed" / "annotations.yaml").write_text(
        "quotations:\n  - speaker: yuri-ushakov  # the aide\n", encoding="utf-8"
    )
    result = run("merge", "yuri-ushakov", "kirill-dmitriev", data=data, store=store_dir)
    assert result.exit_code == 2
    assert "seed/annotations.yaml:2" in result.output and "names yuri-ushakov" in result.output


def test_a_merge_that_fails_midway_leaves_the_store_and_the_registry_as_they_were(
    data: Path, store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The update fails after it dropped and rewrote graphs (its last operation names a missing graph):
    the transaction undoes them, and the registry files are not replaced."""
    before, quads = texts(data), dump(store_dir)
    real = updates.replace_graphs
    monkeypatch.setattr(
        updates, "replace_graphs", lambda graphs: real(graphs) + " ;\nDROP GRAPH <urn:newskg:test:missing>"
    )
    with pytest.raises(RuntimeError, match="does not exist"):
        run(
            "merge",
            "person/person-selenskyj",
            "person/person-wolodymyr-selenskyj",
            data=data,
            store=store_dir,
        )
    assert dump(store_dir) == quads
    assert texts(data) == before
    assert not [p for p in (data / "entities").iterdir() if p.name.startswith(".")]  # no staged text left
    monkeypatch.setattr(updates, "replace_graphs", real)
    result = run("merge", "person/person-selenskyj", SELENSKYJ, data=data, store=store_dir)
    assert result.exit_code == 0, result.output
    assert dump(store_dir) != quads and texts(data) != before


def tiny(tmp_path: Path, places: str) -> tuple[Path, Path]:
    """A registry of ``places`` and one person, and a store of its entity graph alone."""
    from kg.pipeline import load_corpus

    data = tmp_path / "data"
    (data / "entities").mkdir(parents=True)
    (data / "entities" / "places.yaml").write_text(places, encoding="utf-8")
    (data / "entities" / "persons.yaml").write_text(
        "- id: anna-berger\n  type: Person\n  name: {de: Anna Berger, en: Anna Berger}\n", encoding="utf-8"
    )
    store = Store(tmp_path / "store")
    store.replace_graphs({Minter(BASE).entities_graph: load_corpus(data, minter=Minter(BASE)).entity_graph()})
    store.close()
    return data, tmp_path / "store"


PLACES = (
    "# Hungary twice: once checked, once not\n"
    "- id: hungary\n  type: Country\n  wikidata: Q28\n  name: {de: Ungarn, en: Hungary}\n"
    "- id: budapest\n  type: City\n  name: {de: Budapest, en: Budapest}\n  contained_in: hungary\n"
    "- id: magyarorszag\n  type: Country\n  name: {de: Magyarország, en: Magyarország}\n"
)


def test_merge_gives_the_wikidata_id_and_the_places_inside_to_the_entity_kept(tmp_path: Path) -> None:
    data, store = tiny(tmp_path, PLACES)
    result = run("merge", "hungary", "magyarorszag", data=data, store=store)
    assert result.exit_code == 0, result.output
    assert (data / "entities" / "places.yaml").read_text(encoding="utf-8") == (
        "# Hungary twice: once checked, once not\n"
        "- id: budapest\n  type: City\n  name: {de: Budapest, en: Budapest}\n  contained_in: magyarorszag\n"
        "- id: magyarorszag\n  type: Country\n  wikidata: Q28\n  name: {de: Magyarország, en: Magyarország}\n"
        "  aliases: [Ungarn, Hungary]\n"
    )
    quads = dump(store)
    assert (
        f"<{BASE}place/budapest> <http://schema.org/containedInPlace> <{BASE}place/magyarorszag>"
        in " ".join(quads)
    )
    assert not any(f"{BASE}place/hungary>" in q for q in quads)


def test_a_merge_that_breaks_the_shapes_writes_nothing(tmp_path: Path) -> None:
    """Budapest would lie in a person: the shapes want a place (a small registry: a failing validation
    reports through rdflib, slow on the seed)."""
    data, store = tiny(tmp_path, PLACES)
    before, quads = texts(data), dump(store)
    result = run("merge", "hungary", "anna-berger", data=data, store=store)
    assert result.exit_code == 1, result.output
    assert "does not conform" in result.output and "nothing was written" in result.output
    assert texts(data) == before and dump(store) == quads


# --- /entities?linked=no ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def curate_client(built: dict[str, bytes]) -> FlaskClient:
    from server import create_app
    from server.settings import resolve

    store = Store()
    store.replace_graphs_ntriples(built)
    return create_app(store, settings=resolve([("base_iri", BASE)])).test_client()


def test_the_page_lists_the_worklist_with_duplicates_together(curate_client: FlaskClient) -> None:
    response = curate_client.get("/entities?linked=no")
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert "Entities not linked to Wikidata" in html
    assert html.index("Wolodymyr Selenskyj") < html.index("Juri Uschakow")  # most mentioned first
    sections = html.split("<section")[1:]
    selenskyj = next(s for s in sections if "<code>person/person-selenskyj</code>" in s)
    assert (
        "Likely one entity (2)" in selenskyj and "<code>person/person-wolodymyr-selenskyj</code>" in selenskyj
    )
    assert "<mark>Wolodymyr Selenskyj</mark>" in html
    assert "Accept" in response.headers["Vary"]


def test_the_page_as_json(curate_client: FlaskClient, store_dir: Path) -> None:
    response = curate_client.get("/entities?linked=no", headers={"Accept": "application/json"})
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.get_json() == json.loads(run("todo", "--json", "--limit", "100", store=store_dir).output)


@pytest.mark.parametrize(
    ("query", "headers", "status"),
    [
        ("?linked=yes", {}, 400),
        ("?limit=0", {}, 400),
        ("?limit=many", {}, 400),
        ("", {"Accept": "text/turtle"}, 406),
    ],
)
def test_the_page_refuses_what_it_does_not_list(
    curate_client: FlaskClient, query: str, headers: dict[str, str], status: int
) -> None:
    assert curate_client.get("/entities" + query, headers=headers).status_code == status


def test_the_seed_page_lists_the_registry_entities_without_wikidata(client: FlaskClient) -> None:
    found = client.get("/entities?linked=no", headers={"Accept": "application/json"}).get_json()
    refs = {i["ref"] for g in found["groups"] for i in g}
    assert {"yuri-ushakov", "kirill-dmitriev", "tomahawk"} <= refs
    assert "volodymyr-zelenskyy" not in refs


# --- a remote store ---------------------------------------------------------------------------------------


@pytest.fixture
def remote_url(built: dict[str, bytes], tmp_path: Path) -> Iterator[str]:
    """A real ``oxigraph serve`` holding the built corpus."""
    from tests.conftest import free_port

    port = free_port()
    process = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(tmp_path / "oxigraph"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.post(url, data={"query": "ASK {}"}, timeout=2)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        RemoteStore(url).replace_graphs_ntriples(built)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def remote_dump(url: str) -> list[str]:
    return sorted(str(q) for q in RemoteStore(url).quads())


@pytest.mark.remote
def test_todo_link_and_merge_on_a_sparql_server(
    data: Path, remote_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = json.loads(run("todo", "--json", store=remote_url).output)
    assert found["groups"][0][0]["ref"] == "person/person-wolodymyr-selenskyj"
    before, quads = texts(data), remote_dump(remote_url)

    def refused(self: RemoteStore, sparql: str) -> None:
        raise NewsKGError("the SPARQL server refused the update (503): down")

    monkeypatch.setattr(RemoteStore, "update", refused)
    result = run("merge", "person/person-selenskyj", SELENSKYJ, data=data, store=remote_url)
    assert result.exit_code == 2 and "down" in result.output
    assert texts(data) == before and remote_dump(remote_url) == quads
    monkeypatch.undo()
    result = run("merge", "person/person-selenskyj", SELENSKYJ, data=data, store=remote_url)
    assert result.exit_code == 0, result.output
    assert not any("person-selenskyj" in q for q in remote_dump(remote_url))
    assert "- id: wolodymyr-selenskyj" in texts(data)["persons.yaml"]
