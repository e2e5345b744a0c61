"""``newskg ingest``: many articles, each its own graph, failures skipped, re-ingest idempotent."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import DATA, NEWSKG, SEED_DIR

SEED_TEXT = (SEED_DIR / "article.txt").read_text(encoding="utf-8")


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([NEWSKG, *map(str, args)], capture_output=True, text=True, timeout=600)


def graphs(store: Path) -> list[str]:
    out = run("query", "--store", store, "SELECT ?g WHERE { GRAPH ?g {} } ORDER BY ?g").stdout.split()[1:]
    return [g.strip("<>").rsplit("/", 1)[-1] for g in out]


def dump(store: Path) -> bytes:
    return subprocess.run(
        [NEWSKG, "export", "--store", str(store), "--format", "nq"], capture_output=True
    ).stdout


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEED_DIR, folder / SEED_DIR.name)
    for n in (1, 2):
        article = folder / f"variant-{n}"
        article.mkdir()
        text = SEED_TEXT.replace(
            "Trump kündigt Treffen mit Putin in Budapest an", f"Variante {n}: Gipfel in Budapest"
        )
        (article / "article.txt").write_text(text, encoding="utf-8")
    broken = folder / "broken-date"
    broken.mkdir()
    (broken / "article.txt").write_text(
        SEED_TEXT.replace("Veröffentlicht 17. Oktober", "Veröffentlicht 32. Oktober")
    )
    return folder


def test_ingest_reports_skips_and_is_idempotent(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = run("ingest", "--data", DATA, "--store", store, corpus)
    assert first.returncode == 1, first.stderr
    assert "3 ingested, 0 unchanged, 1 rejected" in first.stdout
    assert "rejected broken-date:" in first.stderr and "broken-date/article.txt:7" in first.stderr
    assert "impossible date" in first.stderr
    assert "4/4 articles processed" in first.stderr, "plain log lines when not on a terminal"
    assert graphs(store) == ["dw-2025-10-17-trump-putin-budapest", "entities", "variant-1", "variant-2"]
    before = dump(store)

    again = run("ingest", "--data", DATA, "--store", store, corpus)
    assert "0 ingested, 3 unchanged, 1 rejected" in again.stdout
    assert dump(store) == before

    (corpus / "variant-2" / "article.txt").write_text(SEED_TEXT.replace("Budapest an", "Budapest an!"))
    changed = run("ingest", "--data", DATA, "--store", store, corpus / "variant-2")
    assert changed.returncode == 0
    assert "1 ingested, 0 unchanged, 0 rejected" in changed.stdout
    query = "ASK { ?a <http://schema.org/headline> 'Trump kündigt Treffen mit Putin in Budapest an!'@de }"
    assert run("query", "--store", store, query).stdout.split()[-1] == "true"


def test_a_rejected_article_leaves_its_stored_graph_alone(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run("ingest", "--data", DATA, "--store", store, corpus / "variant-1").returncode == 0
    before = dump(store)
    text = corpus / "variant-1" / "article.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("Veröffentlicht 17.", "Veröffentlicht 99."))
    result = run("ingest", "--data", DATA, "--store", store, corpus / "variant-1")
    assert result.returncode == 1 and "1 rejected" in result.stdout
    assert dump(store) == before


def test_an_article_that_breaks_the_shapes_is_rejected_as_a_whole(corpus: Path, tmp_path: Path) -> None:
    notes = corpus / SEED_DIR.name / "annotations.yaml"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace("    start: 2025-10-17\n", "    start: 2025-10-01\n")
    )
    store = tmp_path / "store"
    result = run("ingest", "--data", DATA, "--store", store, corpus / SEED_DIR.name, corpus / "variant-1")
    assert result.returncode == 1
    assert "SHACL violation" in result.stderr and "planned event starts before" in result.stderr
    assert graphs(store) == ["entities", "variant-1"]
