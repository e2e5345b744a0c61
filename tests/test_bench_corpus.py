"""The synthetic benchmark corpus (``bench/corpus.py``): deterministic by seed, shaped like the seed article,
and accepted whole by ``newskg ingest`` with the SHACL gate on."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from bench.corpus import TRIPLES_PER_ARTICLE, generate
from tests.conftest import DATA, NEWSKG, ROOT


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([NEWSKG, *map(str, args)], capture_output=True, text=True, timeout=600)


def count(store: Path, sparql: str) -> int:
    result = run("query", "--store", store, sparql)
    assert result.returncode == 0, result.stderr
    return int(result.stdout.split()[1])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate(out, articles=3, seed=11)
    return out


@pytest.fixture(scope="module")
def store(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("store") / "store"
    result = run("ingest", "--no-extract", "--data", DATA, "--store", store, corpus)
    assert result.returncode == 0, result.stderr
    assert "3 ingested, 0 unchanged, 0 rejected" in result.stdout
    return store


def test_each_article_is_a_folder_with_text_and_annotations(corpus: Path) -> None:
    assert sorted(files(corpus)) == sorted(
        f"{d.name}/{f}" for d in corpus.iterdir() for f in ("annotations.yaml", "article.txt")
    )
    assert len(list(corpus.iterdir())) == 3


def test_the_same_seed_gives_byte_identical_files(corpus: Path, tmp_path: Path) -> None:
    generate(tmp_path, articles=3, seed=11)
    assert files(tmp_path) == files(corpus)


def test_another_seed_gives_other_articles(corpus: Path, tmp_path: Path) -> None:
    generate(tmp_path, articles=3, seed=12)
    texts = {v for k, v in files(corpus).items() if k.endswith("article.txt")}
    assert not texts & {v for k, v in files(tmp_path).items() if k.endswith("article.txt")}


def test_every_article_is_ingested_with_the_shapes_checked(store: Path) -> None:
    articles = "SELECT (COUNT(?a) AS ?n) WHERE { ?a a schema:NewsArticle }"
    assert count(store, articles) == 3


def test_articles_report_events_with_attendees_from_the_registry(store: Path) -> None:
    events = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a schema:Event ; schema:attendee/a schema:Person }"
    assert count(store, events) >= 3 * 2
    crowded = """SELECT (COUNT(*) AS ?n) WHERE {
        { SELECT ?e (COUNT(?p) AS ?k) WHERE { ?e nkg:status ?s ; schema:attendee ?p } GROUP BY ?e }
        FILTER(?k < 2 || ?k > 4) }"""
    assert count(store, crowded) == 0


def test_planned_events_start_after_publication_and_happened_ones_not(store: Path) -> None:
    wrong = """SELECT (COUNT(*) AS ?n) WHERE {
        ?a schema:datePublished ?published ; schema:about|schema:mentions ?e .
        ?e nkg:status ?status ; schema:startDate ?start .
        FILTER((?status = nkg:Planned && STR(?start) <= STR(?published))
               || (?status = nkg:Happened
                   && STR(?start) > SUBSTR(STR(?published), 1, STRLEN(STR(?start))))) }"""
    assert count(store, wrong) == 0


def test_quotations_have_a_speaker(store: Path) -> None:
    quotes = "SELECT (COUNT(?q) AS ?n) WHERE { ?q a schema:Quotation ; schema:creator ?speaker }"
    assert 3 <= count(store, quotes) <= 3 * 3


def test_a_few_persons_attend_most_events(tmp_path: Path) -> None:
    attendees: Counter[str] = Counter()
    for folder in generate(tmp_path, articles=20, seed=5):
        notes = yaml.safe_load((folder / "annotations.yaml").read_text(encoding="utf-8"))
        attendees.update(p for event in notes["events"] for p in event["attendees"])
    top = [person for person, _ in attendees.most_common(4)]
    assert {"vladimir-putin", "donald-trump"} <= set(top)
    assert sum(n for _, n in attendees.most_common(4)) > sum(attendees.values()) / 2


def test_the_cli_sizes_the_corpus_by_articles_or_by_triples(tmp_path: Path) -> None:
    def corpus(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "bench.corpus", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert corpus("--articles", "2", "--seed", "3", "--out", str(tmp_path / "a")).startswith("2 articles")
    triples = str(2 * TRIPLES_PER_ARTICLE - 1)
    assert corpus("--triples", triples, "--seed", "3", "--out", str(tmp_path / "t")).startswith("2 articles")
    assert files(tmp_path / "a") == files(tmp_path / "t")
