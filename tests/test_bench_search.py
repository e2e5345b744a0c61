"""bench.search: the real-page part says clearly when the real pages are absent, and the results keep the
section of the part not run."""

from __future__ import annotations

from pathlib import Path

from bench.search import GENERATED, REAL, main, merge, proper_words


def test_absent_real_pages_are_said_and_not_measured(tmp_path: Path, capsys):
    assert main(["--corpus", "real", "--realdata", str(tmp_path), "--rounds", "1"]) == 2
    out, err = capsys.readouterr()
    assert "the real-page corpus is NOT measured" in err
    assert "**NOT MEASURED**" in out and str(tmp_path / "trafilatura-de-news" / "html") in out


def test_results_keep_the_part_not_run():
    old = (
        "# Full-text search benchmark (kg.search)\n\nintro\n\n"
        f"{GENERATED} (1,000 triples)\n\nRun 2026-01-01: generated figures\n\n"
        "### Index beside ingest\n\n| a |\n\n"
        f"{REAL} (x)\n\nRun 2026-01-01: old real figures\n"
    )
    text = merge(old, {REAL: [f"{REAL} (x)", "", "**NOT MEASURED**: absent"]})
    assert "generated figures" in text and "### Index beside ingest" in text
    assert "old real figures" not in text and "**NOT MEASURED**: absent" in text
    assert text.index(GENERATED) < text.index(REAL)


def test_proper_words_leave_out_words_that_only_start_sentences():
    bodies = ["Jedoch sagte die Regierung, dass Berlin jedoch zahle.", "Regierung Berlin. Berliner Senat."]
    words, pairs = proper_words(bodies)
    assert dict(words) == {"Regierung": 2, "Berlin": 2, "Berliner": 1}
    assert pairs == [("Regierung Berlin", 1)]
