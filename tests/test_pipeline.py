"""The pipeline (``kg.pipeline``): ``data/`` -> validated graphs -> store, all or nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Quad

from kg.errors import InputError, ShapesViolated
from kg.ingest import build
from kg.pipeline import find_articles, load_corpus
from kg.store import Store
from kg.vocab import Minter
from tests.conftest import BASE, DATA, SEED_SLUG

MINTER = Minter(BASE)
SEED_GRAPH = MINTER.article_graph(SEED_SLUG)
SEED_ARTICLE = NamedNode(MINTER.article(SEED_SLUG))
ABOUT = NamedNode("http://schema.org/about")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of ``data/`` the test may change."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


def build_from(data: Path, store: Store, *, check: bool = True) -> None:
    build(load_corpus(data, minter=MINTER), store, find_articles([data / "articles"]), check=check)


def copy_of(built: Store) -> Store:
    """A new in-memory store holding what the seed build wrote (building and validating again is slow)."""
    store = Store()
    store.replace_graphs({g: list(built.quads(g)) for g in built.graphs()})
    return store


def snapshot(store: Store) -> set[Quad]:
    return set(store.quads())


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_data_builds_into_an_in_memory_store_with_one_graph_per_article_and_one_for_entities(
    built_store: Store,
) -> None:
    assert built_store.path is None
    assert built_store.graphs() == [SEED_GRAPH, MINTER.entities_graph]
    assert all(q.graph_name.value in built_store.graphs() for q in built_store.quads())
    headline = NamedNode("http://schema.org/headline")
    assert [q.object.value for q in built_store.quads(SEED_GRAPH) if q.predicate == headline] == [
        "Trump kündigt Treffen mit Putin in Budapest an"
    ]


def test_a_failing_article_leaves_the_store_unchanged(data: Path, built_store: Store) -> None:
    store = copy_of(built_store)
    before = snapshot(store)
    annotations = data / "articles" / SEED_SLUG / "annotations.yaml"
    edit(
        annotations,
        "evidence: Der Berater Putins, Juri Uschakow\n",
        "evidence: Der Berater Putins, Juri Nirgends\n",
    )
    with pytest.raises(InputError, match=r"annotations\.yaml"):
        build_from(data, store)
    assert snapshot(store) == before


def test_a_failing_article_keeps_the_other_new_articles_out_too(data: Path, built_store: Store) -> None:
    store = copy_of(built_store)
    before = snapshot(store)
    extra = data / "articles" / "zweiter-artikel"
    extra.mkdir()
    shutil.copy(data / "articles" / SEED_SLUG / "article.txt", extra / "article.txt")
    edit(data / "articles" / SEED_SLUG / "annotations.yaml", "person: yuri-ushakov", "person: nobody-known")
    with pytest.raises(InputError):
        build_from(data, store)
    assert snapshot(store) == before
    assert not store.has_graph(MINTER.article_graph("zweiter-artikel"))


def test_rebuilding_the_same_data_changes_nothing_and_duplicates_nothing(
    data: Path, built_store: Store
) -> None:
    store = copy_of(built_store)
    before, size = snapshot(store), len(store)
    build_from(data, store, check=False)
    assert len(store) == size
    assert snapshot(store) == before


def test_rebuilding_replaces_the_article_graph(data: Path, built_store: Store) -> None:
    store = copy_of(built_store)
    edit(
        data / "articles" / SEED_SLUG / "annotations.yaml",
        "about: [budapest-summit-2025, trump-putin-call-2025-10, trump-zelenskyy-white-house-2025-10-17]",
        "about: [budapest-summit-2025]",
    )
    build_from(data, store, check=False)
    about = {q.object for q in store.quads(SEED_GRAPH) if q.subject == SEED_ARTICLE and q.predicate == ABOUT}
    assert about == {NamedNode(MINTER.entity("event", "budapest-summit-2025"))}
    assert store.graphs() == [SEED_GRAPH, MINTER.entities_graph]


def test_a_graph_that_violates_the_shapes_is_not_written(data: Path, built_store: Store) -> None:
    store = copy_of(built_store)
    before = snapshot(store)
    edit(
        data / "articles" / SEED_SLUG / "annotations.yaml",
        "    status: happened\n    start: 2025-08\n    location: alaska\n",
        "    status: planned\n    start: 2025-08\n    location: alaska\n",
    )
    with pytest.raises(ShapesViolated) as caught:
        build_from(data, store)
    assert any("planned event starts before" in r.message for r in caught.value.report.results)
    assert snapshot(store) == before


def test_find_inputs_rejects_a_bad_folder_alone_and_refuses_nothing_at_all(tmp_path: Path) -> None:
    from kg.pipeline import ArticleSource, find_inputs

    good, bad = tmp_path / "in" / "some-article", tmp_path / "in" / "Not A Slug"
    for folder in (good, bad):
        folder.mkdir(parents=True)
        (folder / "article.txt").write_text("text", encoding="utf-8")
    inputs = find_inputs([tmp_path / "in"])
    assert inputs.sources == [ArticleSource("some-article", good / "article.txt", None)]
    (rejection,) = inputs.rejected
    assert rejection.origin.file == bad and "not a slug" in rejection.reason
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no input here"):
        find_inputs([tmp_path / "empty"])
