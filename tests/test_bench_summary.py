"""``bench.summary``: the extraction section of RESULTS.md from the benches' summaries, made up here (no real
data): one table in the issue's order, where each target is met, a row for a set a bench could not measure
and for a bench that did not run; re-running replaces the section, and bench.run's rewrite keeps it."""

from __future__ import annotations

from pathlib import Path

from bench import summary
from bench.extract_speech import Role, spkatt_rows
from bench.summary import GERMEVAL, POLNEAR, SEED, SPEED, SPKATT, Row

STORE_RESULTS = "# Benchmark results\n\nintro\n\n## Targets\n\n| a |\n\n## Memory per million\n\n| b |\n"


def role(f1: float) -> Role:
    """A role whose macro precision, recall and F1 are all ``f1``."""
    return Role(precisions=[f1], recalls=[f1])


def spkatt(direct_message: dict[str, float]) -> list[Row]:
    """SpkAtt's rows as the bench makes them: direct message as given, every other figure 0.6."""
    res = {
        h: {
            form: {r: role(0.6) for r in ("message", "speaker", "speaker+message")}
            for form in ("direct", "all forms")
        }
        for h in summary.COLUMNS
    }
    for h, f1 in direct_message.items():
        res[h]["direct"]["message"] = role(f1)
    return spkatt_rows(res)


def write_summaries(results: Path, direct_message: dict[str, float]) -> None:
    """extract_speech measured SpkAtt and the seed but not PolNeAR; extract_mentions all; ingest not run."""
    seed = Row(SEED, "direct quotations", {"all": "11 of 12"}, ">= 11 of 12", {"all": True}, "no peer")
    summary.write(results / "RESULTS-extract-speech.md", [*spkatt(direct_message), seed], {POLNEAR: "absent"})
    germeval = Row.at_least(GERMEVAL, "strict F1", {"all": 0.707}, 0.70, "about 0.76")
    persons = Row(SEED, "named persons", {"all": "16 of 16, 0 false"}, ">= 15", {"all": True})
    rate = Row(SPEED, "extract, articles/s", {"all": "8.0"}, ">= 10", {"all": False})
    summary.write(results / "RESULTS-extract-mentions.md", [germeval, persons, rate], {})


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip("|").split("|")]


def rows_of(text: str) -> list[list[str]]:
    section = text.split(summary.START, 1)[1].split(summary.END, 1)[0]
    return [cells(line) for line in section.splitlines() if line.startswith("| ") and "---" not in line][1:]


def test_the_section_lays_out_each_set_with_targets_met_missed_and_not_measured(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    results.write_text(STORE_RESULTS, encoding="utf-8")
    write_summaries(tmp_path, {"tune": 0.95, "held-out": 0.85, "all": 0.91})
    assert summary.main(["--results", str(results)]) == 0
    text = results.read_text(encoding="utf-8")
    assert text.index("## Targets") < text.index(summary.HEADING) < text.index("## Memory per million")
    rows = rows_of(text)
    named = [r[0] for r in rows if r[0]]  # each set's name on its first row, in the order
    assert named == [SPKATT, GERMEVAL, POLNEAR, SEED, SPEED]
    direct, speaker = rows[0], rows[1]
    assert direct[1:] == [
        "direct, message F1 (macro)",
        "0.950",
        "0.850",
        "0.910",
        ">= 0.90",
        "**no** on held-out",
        "–",
    ]
    assert speaker[2:7] == ["0.600", "0.600", "0.600", ">= 0.85", "**no**"]
    assert rows[3][6:] == ["yes", "0.42 (organisers' rule baseline, test set)"]
    assert rows[4][1:] == ["strict F1", "–", "–", "0.707", ">= 0.70", "yes", "about 0.76"]
    assert rows[5][0] == POLNEAR and rows[5][1] == "**not measured** by bench.extract_speech: absent"
    assert [r[1] for r in rows[6:8]] == ["direct quotations", "named persons"]
    assert rows[8][1:7] == ["extract, articles/s", "–", "–", "8.0", ">= 10", "**no**"]
    assert rows[9][0] == "" and rows[9][1].startswith("**did not run**: no summary of `python -m bench.ing")
    assert "- `python -m bench.ingest_speed --out bench/RESULTS-ingest.md`: **did not run**" in text


def test_a_second_run_replaces_the_section_and_bench_run_keeps_it(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    results.write_text(STORE_RESULTS, encoding="utf-8")
    write_summaries(tmp_path, {"tune": 0.95, "held-out": 0.85, "all": 0.91})
    summary.main(["--results", str(results)])
    write_summaries(tmp_path, {"tune": 0.97, "held-out": 0.93, "all": 0.95})
    summary.main(["--results", str(results)])
    text = results.read_text(encoding="utf-8")
    assert text.count(summary.START) == text.count(summary.HEADING) == text.count(summary.END) == 1
    assert rows_of(text)[0][2:7] == ["0.970", "0.930", "0.950", ">= 0.90", "yes"]
    section = text[text.index(summary.START) : text.index(summary.END) + len(summary.END)]
    assert text.replace(section + "\n\n", "") == STORE_RESULTS  # the rest as bench.run wrote it
    rewritten = summary.carry(text, STORE_RESULTS.replace("intro", "new figures"))
    assert "new figures" in rewritten and rows_of(rewritten) == rows_of(text)
    assert rewritten.index("## Targets") < rewritten.index(summary.HEADING) < rewritten.index("## Memory")
    assert summary.carry(STORE_RESULTS, "fresh\n") == "fresh\n"  # nothing to keep


def test_a_bench_without_the_real_data_leaves_rows_that_say_so(tmp_path: Path) -> None:
    from bench import extract_speech

    out = tmp_path / "RESULTS-extract-speech.md"
    assert extract_speech.main(["--realdata", str(tmp_path / "absent"), "--out", str(out)]) == 1
    summary.main(["--results", str(tmp_path / "RESULTS.md")])
    rows = rows_of((tmp_path / "RESULTS.md").read_text(encoding="utf-8"))
    absent = [r[1] for r in rows if r[0] in (SPKATT, POLNEAR)]
    assert len(absent) == 2 and all(
        why.startswith("**not measured** by bench.extract_speech:") and str(tmp_path / "absent") in why
        for why in absent
    )
    assert any(r[1].startswith("direct quotations with the editor's speaker") for r in rows)
