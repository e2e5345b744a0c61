"""The extraction figures of issue 20 in one table of ``bench/RESULTS.md``, beside the targets and the
published figures: the last step of ``make bench``.

    python -m bench.summary [--results bench/RESULTS.md]

The extraction benches (``bench.extract_speech``, ``bench.extract_mentions``, ``bench.ingest_speed``), when
they write their results file (``--out bench/RESULTS-x.md``), also leave its figures as rows in
``bench/out/summary/RESULTS-x.json`` (:func:`write`): each row with its target, whether it is met and the
published figure, all decided by the bench that knows them. This step only lays those rows out, in the
section between :data:`START` and :data:`END`, replacing it (``bench.run`` carries it over when it rewrites
the file: :func:`carry`), so it is cheap to re-run alone. A bench whose summary is missing, or that could not
measure a set, gets a row saying so, never the figures of an earlier run.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
START = "<!-- bench.summary: extraction -->"
END = "<!-- /bench.summary -->"
HEADING = "## Extraction (issue 20)"
COLUMNS = ("tune", "held-out", "all")
SPKATT, GERMEVAL, POLNEAR, SEED, SPEED = (
    "SpkAtt-2023 task 2 (German reported speech)",
    "GermEval 2014 (German names)",
    "PolNeAR dev (English attribution)",
    "The seed article (the machine's facts against the editor's annotations)",
    "Speed (issue 20)",
)
SETS = (SPKATT, GERMEVAL, POLNEAR, SEED, SPEED)
"""The table's order: the issue's four sets, then speed."""
SOURCES: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "RESULTS-extract-speech": ("bench.extract_speech", (SPKATT, POLNEAR, SEED)),
    "RESULTS-extract-mentions": ("bench.extract_mentions", (GERMEVAL, SEED, SPEED)),
    "RESULTS-ingest": ("bench.ingest_speed", (SPEED,)),
}
"""Each results file the summary reads, the bench that writes it, and the sets it measures."""


@dataclass
class Row:
    """One measure of one set: its figures by column of :data:`COLUMNS`, and for each figure whether it
    meets the target."""

    set: str
    measure: str
    figures: dict[str, str]
    target: str
    met: dict[str, bool]
    published: str = ""

    @classmethod
    def at_least(
        cls, set_: str, measure: str, values: Mapping[str, float], target: float, published: str = ""
    ) -> Row:
        """A row of figures (three decimals) that meet the target when at least ``target``."""
        return cls(
            set_,
            measure,
            {k: f"{v:.3f}" for k, v in values.items()},
            f">= {target:.2f}",
            {k: v >= target for k, v in values.items()},
            published,
        )


@dataclass
class Summary:
    """What a bench leaves for this step: its rows, and the sets it could not measure with the reason."""

    when: str
    rows: list[Row]
    absent: dict[str, str]


def summary_path(results_file: Path) -> Path:
    """Where the summary of a results file lives: ``out/summary/`` beside it (``bench/out`` is ignored by
    git), so a bench run by a test with ``--out`` in a temporary folder leaves the real one alone."""
    return results_file.parent / "out" / "summary" / f"{results_file.stem}.json"


def write(results_file: Path, rows: Sequence[Row], absent: Mapping[str, str]) -> None:
    """The summary of a bench that has just written ``results_file``."""
    path = summary_path(results_file)
    path.parent.mkdir(parents=True, exist_ok=True)
    when = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    data = {"when": when, "rows": [asdict(r) for r in rows], "absent": dict(absent)}
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def read(path: Path) -> Summary | None:
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Summary(data["when"], [Row(**r) for r in data["rows"]], data["absent"])


def met(row: Row) -> str:
    """Yes when every figure meets the target, else no and, when some do, where not (a target missed on
    the held-out half only is not met)."""
    missed = [k for k in COLUMNS if k in row.met and not row.met[k]]
    if not missed:
        return "yes"
    return "**no**" if len(missed) == len(row.met) else "**no** on " + ", ".join(missed)


def _cells(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def table(results_dir: Path) -> list[str]:
    """The section: one table, the sets in the issue's order, then when each bench ran."""
    summaries = {name: read(summary_path(results_dir / f"{name}.md")) for name in SOURCES}
    lines = [
        START,
        HEADING,
        "",
        "newskg's extractor on third-party gold and on the seed, beside issue 20's targets and the "
        "published figures: written by `python -m bench.summary` (the last step of `make bench`) from the "
        "summaries the benches named under the table leave in `bench/out/summary/`; their files have the "
        "details. Tune / held-out: the halves of a set (even / odd documents; the rules and the quotation "
        "model were tuned on the tune half only); all: the whole set. Met: yes when every figure of the row "
        "meets the target, else the columns where it does not.",
        "",
        _cells("set", "measure", *COLUMNS, "target", "met", "published"),
        _cells(*["---"] * 8),
    ]
    for set_ in SETS:
        lines += _set_rows(set_, summaries)
    lines += ["", "Runs:"]
    for name, (bench, _sets) in SOURCES.items():
        found = summaries[name]
        ran = f"{found.when}; details in `{name}.md`" if found else "**did not run** (no summary)"
        lines.append(f"- `python -m {bench} --out bench/{name}.md`: {ran}.")
    return [*lines, END]


def _set_rows(set_: str, summaries: Mapping[str, Summary | None]) -> list[str]:
    """The set's rows, its name on the first only."""
    rows: list[list[str]] = []
    for name, (bench, sets) in SOURCES.items():
        if set_ not in sets:
            continue
        found = summaries[name]
        if found is None:
            why = f"**did not run**: no summary of `python -m {bench} --out bench/{name}.md`"
            rows.append([why, *[""] * 6])
        elif set_ in found.absent:
            rows.append([f"**not measured** by {bench}: {found.absent[set_]}", *[""] * 6])
        else:
            rows += [_cells_of(r) for r in found.rows if r.set == set_]
    return [_cells(set_ if n == 0 else "", *cells) for n, cells in enumerate(rows)]


def _cells_of(row: Row) -> list[str]:
    figures = [row.figures.get(k, "–") for k in COLUMNS]
    return [row.measure, *figures, row.target, met(row), row.published or "–"]


def place(text: str, section: str) -> str:
    """``text`` with ``section`` in place of its old one; the first time, after bench.run's store targets
    (before the heading that follows "## Targets"), or at the end."""
    if START in text and END in text:
        before, rest = text.split(START, 1)
        return before + section + rest.split(END, 1)[1]
    targets = text.find("\n## Targets")
    after = text.find("\n## ", targets + 1) if targets >= 0 else -1
    if after < 0:
        return text.rstrip("\n") + "\n\n" + section + "\n"
    return text[: after + 1] + section + "\n\n" + text[after + 1 :]


def carry(old: str, new: str) -> str:
    """``new`` (bench.run's fresh RESULTS.md) with the section ``old`` had, so that re-running bench.run
    alone keeps the extraction table."""
    if START not in old or END not in old:
        return new
    return place(new, START + old.split(START, 1)[1].split(END, 1)[0] + END)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--results", type=Path, default=RESULTS, help="the file to write the section in")
    args = parser.parse_args(argv)
    section = "\n".join(table(args.results.parent))
    old = args.results.read_text(encoding="utf-8") if args.results.exists() else "# Benchmark results\n"
    args.results.write_text(place(old, section), encoding="utf-8")
    print(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
