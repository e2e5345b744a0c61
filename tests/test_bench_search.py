"""bench.search: without the real pages it measures the generated corpus all the same, says clearly that the
real-page part is NOT measured (on stderr as it starts and at the end, in its output and in the results,
exit status 2 once everything else is written), and the results keep the figures each part last measured."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.search import EARLIER, GENERATED, NOT_MEASURED, REAL, main, merge, proper_words

OLD = (
    "# Full-text search benchmark (kg.search)\n\nintro\n\n"
    f"{GENERATED} (1,000 triples)\n\nRun 2026-01-01: generated figures\n\n"
    "### Index beside ingest\n\n| a |\n\n"
    f"{REAL} (x)\n\nRun 2026-01-01: old real figures\n\n### Search latency\n\n| b |\n"
)


def test_absent_real_pages_are_said_and_not_measured(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--corpus", "real", "--realdata", str(tmp_path), "--rounds", "1"]) == 2
    out, err = capsys.readouterr()
    assert "the real-page corpus is NOT measured" in err
    assert f"{NOT_MEASURED} (" in out and str(tmp_path / "trafilatura-de-news" / "html") in out


def test_without_the_real_pages_the_generated_part_is_measured_and_written_and_the_exit_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = tmp_path / "RESULTS-search.md"
    results.write_text(OLD, encoding="utf-8")
    args = ["--articles", "2", "--rounds", "1", "--no-extract", "--jobs", "1", "--realdata", str(tmp_path)]
    assert main([*args, "--write", "--results", str(results)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    first, last = err[0], err[-1]
    assert "the real-page corpus will NOT be measured (the generated one is)" in first
    assert "the real-page corpus is NOT measured" in last
    text = results.read_text(encoding="utf-8")
    generated, real = text.split(f"{REAL} ")
    assert "generated figures" not in generated and "### Search latency" in generated  # measured anew
    assert real.index(NOT_MEASURED) < real.index(EARLIER) < real.index("old real figures")


def test_results_keep_the_part_not_run() -> None:
    text = merge(OLD, {GENERATED: [f"{GENERATED} (2,000 triples)", "", "Run 2026-02-02: new figures"]})
    assert "new figures" in text and "generated figures" not in text
    assert "old real figures" in text and "### Search latency" in text and NOT_MEASURED not in text
    assert text.index(GENERATED) < text.index(REAL)


def test_a_part_not_measured_keeps_its_last_figures_below_one_note() -> None:
    note = [f"{REAL} (x)", "", f"{NOT_MEASURED} (2026-02-02): absent"]
    once = merge(OLD, {REAL: note})
    assert "generated figures" in once
    real = once.split(f"{REAL} (x)")[1]
    assert real.index(f"{NOT_MEASURED} (2026-02-02)") < real.index(EARLIER) < real.index("old real figures")
    assert "| b |" in real
    twice = merge(once, {REAL: [*note[:2], f"{NOT_MEASURED} (2026-03-03): absent"]})
    assert twice.count(NOT_MEASURED) == 1 and twice.count(EARLIER) == 1 and "2026-03-03" in twice
    assert "old real figures" in twice
    assert EARLIER not in merge("", {REAL: note})  # nothing measured before: the note alone


def test_proper_words_leave_out_words_that_only_start_sentences() -> None:
    bodies = ["Jedoch sagte die Regierung, dass Berlin jedoch zahle.", "Regierung Berlin. Berliner Senat."]
    words, pairs = proper_words(bodies)
    assert dict(words) == {"Regierung": 2, "Berlin": 2, "Berliner": 1}
    assert pairs == [("Regierung Berlin", 1)]
