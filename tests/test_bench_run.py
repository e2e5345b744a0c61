"""``python -m bench.run``, the one benchmark command, end to end at a tiny size: every server starts, the
engines agree on every query's rows, every HTTP request under load succeeds, and RESULTS.md has each section.
Figures are never asserted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

SERVERS = (
    "newskg-memory",
    "newskg-disk",
    "oxigraph-serve",
    "rdflib-endpoint",
    "pyoxigraph in the worker",
    "bare Flask floor",
)
QUERIES = sorted(p.stem for p in (ROOT / "bench" / "queries").glob("*.rq"))


def test_the_benchmark_command_writes_every_section_with_agreeing_engines(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    tiny = ["--triples", "3000", "6500", "--seconds", "1", "--rounds", "2", "--concurrency", "2"]
    tiny += ["--runs", "1"]
    command = [sys.executable, "-m", "bench.run", *tiny, "--work", str(tmp_path / "work"), "--out", str(out)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    lines = out.read_text(encoding="utf-8").splitlines()
    for heading in (
        "## Machine",
        "## Targets",
        "### Ingest",
        "### Query mix in process",
        "### HTTP",
        "### Memory",
    ):
        assert any(line.startswith(heading) for line in lines), heading
    for query in QUERIES:  # one row per corpus size, each saying the engines returned the same rows
        rows = [line for line in lines if line.startswith(f"| {query} |")]
        assert len(rows) == 2 and all(row.endswith("| yes |") for row in rows), rows
    for server in SERVERS:
        assert any(line.startswith(f"| {server} |") for line in lines), server
    start = lines.index("## Memory per million triples (growth between the sizes)")
    per_million = lines[start + 1 : next(i for i in range(start + 1, len(lines)) if lines[i].startswith("#"))]
    assert not any(line.startswith("| bare Flask floor |") for line in per_million)  # it holds no data
    parts = {cells[0]: cells[2] for cells in map(table_cells, per_million) if len(cells) == 4}
    assert parts["oxigraph-serve"] == "-" and parts["newskg-disk"] != "-" and parts["newskg-memory"] != "-"
    loads = [cells for cells in map(table_cells, lines) if len(cells) == 8 and cells[2].isdigit()]
    assert loads and all(cells[6] == "0" for cells in loads), [c for c in loads if c[6] != "0"]


def table_cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip("|").split("|")] if line.startswith("|") else []
