"""``newskg ingest``: many articles, each its own graph, failures skipped, re-ingest idempotent."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

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


# --- articles that describe the same event: the store must stay valid as a whole ---------------------------

EVENT = "https://kg.example.org/event/budapest-summit-plan"
_BLOCKS = SEED_TEXT.split("\n\n")
_LAST_LEDE = next(i for i, b in enumerate(_BLOCKS) if "Das zweistündige Telefonat" in b)
SHORT_TEXT = "\n\n".join(
    _BLOCKS[: _LAST_LEDE + 1]
    + [b for b in _BLOCKS if "Trump habe Budapest vorgeschlagen" in b or "russischen Angriffskrieges" in b]
    + _BLOCKS[-3:]  # agency line, Redaktionsschluss, page end
)
"""The seed cut to a few paragraphs: a conflict is validated again with rdflib's engine, slow on the seed."""
QUOTED = json.dumps(
    [
        q["text"]
        for q in yaml.safe_load((SEED_DIR / "annotations.yaml").read_text(encoding="utf-8"))["quotations"]
        if q["text"] in SHORT_TEXT
    ],
    ensure_ascii=False,
)
"""An annotated article must attribute every quotation; these articles need not."""


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    """Two short articles, ``article-a`` and ``article-b``, not annotated yet."""
    folders = (tmp_path / "corpus" / "article-a", tmp_path / "corpus" / "article-b")
    for folder in folders:
        folder.mkdir(parents=True)
        text = SHORT_TEXT.replace("Trump kündigt Treffen", f"{folder.name}: Trump kündigt Treffen")
        (folder / "article.txt").write_text(text, encoding="utf-8")
    return folders


def annotate(article: Path, *, status: str = "planned", start: str = "2025-10-31") -> None:
    """Annotate ``article`` with the event these tests share: the same id, the given status and start."""
    (article / "annotations.yaml").write_text(
        f"""not_quotations: {QUOTED}
events:
  - id: budapest-summit-plan
    kind: summit
    name: {{de: Gipfeltreffen in Budapest, en: Summit in Budapest}}
    status: {status}
    start: {start}
    attendees: [donald-trump, vladimir-putin]
    evidence:
      - Trump habe Budapest vorgeschlagen, und Putin habe dem sofort zugestimmt.
""",
        encoding="utf-8",
    )


def ingest(store: Path, *articles: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    return run("ingest", "--data", DATA, "--store", store, *(() if check else ("--no-validate",)), *articles)


def conforms(store: Path) -> bool:
    """What ``newskg validate`` finds on the whole store, the union every SPARQL query sees."""
    result = run("validate", "--store", store)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode == 0


def statuses(store: Path) -> list[str]:
    query = f"SELECT DISTINCT ?s WHERE {{ <{EVENT}> nkg:status ?s }} ORDER BY ?s"
    rows = run("query", "--store", store, query).stdout.split()[1:]
    return [s.strip("<>").rsplit("#", 1)[-1] for s in rows]


def test_an_article_that_gives_a_shared_event_another_status_is_rejected(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = pair
    store = tmp_path / "store"
    annotate(a, status="planned")
    annotate(b, status="proposed")
    assert ingest(store, a).returncode == 0
    before = dump(store)

    result = ingest(store, b)
    assert result.returncode == 1 and "0 ingested, 0 unchanged, 1 rejected" in result.stdout
    assert f"rejected article-b: {b}: conflicts with graph/article-a on shared events: " in result.stderr
    assert f"1 SHACL violation(s), first: More than 1 values on <{EVENT}>->" in result.stderr
    assert f"status (focus {EVENT})" in result.stderr
    assert graphs(store) == ["article-a", "entities"] and dump(store) == before
    assert conforms(store)


def test_of_two_new_articles_that_disagree_on_an_event_the_first_is_kept(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = pair
    store = tmp_path / "store"
    annotate(a, start="2025-10-30")
    annotate(b, start="2025-10-31")
    result = ingest(store, b, a)
    assert result.returncode == 1 and "1 ingested, 0 unchanged, 1 rejected" in result.stdout
    assert "rejected article-b:" in result.stderr and "conflicts with graph/article-a" in result.stderr
    assert "startDate (focus" in result.stderr
    assert graphs(store) == ["article-a", "entities"]
    assert conforms(store)


def test_articles_that_describe_a_shared_event_alike_are_all_ingested(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = pair
    store = tmp_path / "store"
    annotate(a)
    annotate(b)
    assert ingest(store, a).returncode == 0
    result = ingest(store, b)
    assert result.returncode == 0 and "1 ingested, 0 unchanged, 0 rejected" in result.stdout, result.stderr
    assert graphs(store) == ["article-a", "article-b", "entities"]
    assert statuses(store) == ["Planned"]
    assert conforms(store)


def test_a_changed_article_is_judged_against_the_others_and_a_change_they_make_together_is_accepted(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = pair
    store = tmp_path / "store"
    annotate(a)
    annotate(b)
    assert ingest(store, a, b).returncode == 0
    before = dump(store)

    annotate(a, status="postponed")
    alone = ingest(store, a)
    assert alone.returncode == 1 and "conflicts with graph/article-b" in alone.stderr
    assert dump(store) == before

    annotate(b, status="postponed")
    together = ingest(store, a, b)
    assert together.returncode == 0 and "2 ingested, 0 unchanged, 0 rejected" in together.stdout, (
        together.stderr
    )
    assert statuses(store) == ["Postponed"]
    assert conforms(store)


def test_an_article_is_judged_against_the_new_version_of_a_graph_replaced_in_the_same_run(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = pair
    store = tmp_path / "store"
    annotate(a)
    assert ingest(store, a).returncode == 0
    annotate(a, status="postponed")
    annotate(b, status="postponed")
    result = ingest(store, a, b)
    assert result.returncode == 0 and "2 ingested, 0 unchanged, 0 rejected" in result.stdout, result.stderr
    assert statuses(store) == ["Postponed"]


def test_a_reported_event_is_checked_against_every_article_that_names_it(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    """The shapes compare the start of an event that happened with the publication date of every article
    about it or mentioning it, also one that only names it (the registry's invasion, as "Ukraine-Kriegs")."""
    a, b = pair
    (a / "article.txt").write_text(SHORT_TEXT.replace("Oktober 2025", "Oktober 2021"), encoding="utf-8")
    (b / "annotations.yaml").write_text(
        f"""not_quotations: {QUOTED}
events:
  - id: russian-invasion-of-ukraine
    kind: invasion
    status: happened
    start: 2022-02-24
    evidence: [russischen Angriffskrieges gegen die Ukraine]
""",
        encoding="utf-8",
    )
    store = tmp_path / "store"
    assert ingest(store, a).returncode == 0
    result = ingest(store, b)
    assert result.returncode == 1 and "conflicts with graph/article-a" in result.stderr
    assert "an event that happened starts after the article that reports it was published" in result.stderr
    assert graphs(store) == ["article-a", "entities"]


def test_no_validate_skips_the_check_across_articles(pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = pair
    store = tmp_path / "store"
    annotate(a, status="planned")
    annotate(b, status="proposed")
    assert ingest(store, a, check=False).returncode == 0
    result = ingest(store, b, check=False)
    assert result.returncode == 0 and "1 ingested, 0 unchanged, 0 rejected" in result.stdout
    assert statuses(store) == ["Planned", "Proposed"]
    assert not conforms(store)
