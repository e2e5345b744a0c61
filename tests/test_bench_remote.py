"""``python -m bench.remote`` end to end at a tiny size: both SPARQL servers start from the repository's
scripts and stop again, newskg ingests into each (into Virtuoso as the user of its netrc), both answer every
query of the mix with the same rows through ``newskg serve``, no request under load fails, and
RESULTS-remote.md has every section with its ratios. Figures are never asserted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

QUERIES = sorted(p.stem for p in (ROOT / "bench" / "queries").glob("*.rq"))


def running(folder: Path) -> list[str]:
    """Command lines of the processes that name ``folder``."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, NotADirectoryError):
            continue
        if str(folder) in command and "pytest" not in command:
            found.append(command)
    return found


def test_the_remote_benchmark_writes_every_section_and_stops_its_servers(tmp_path: Path) -> None:
    out, work = tmp_path / "RESULTS-remote.md", tmp_path / "work"
    tiny = ["--triples", "3000", "--seconds", "1", "--rounds", "1", "--concurrency", "2", "--runs", "1"]
    command = [sys.executable, "-m", "bench.remote", *tiny, "--work", str(work), "--out", str(out)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert running(work) == []  # both servers and both newskg servers stopped
    lines = out.read_text(encoding="utf-8").splitlines()
    for heading in (
        "## Machine and servers",
        "## At a glance",
        "## Ingest",
        "## The query mix",
        "## Under load",
    ):
        assert any(line.startswith(heading) for line in lines), heading
    assert any(line.startswith("| ingest (s) |") and line.endswith("x |") for line in lines)
    for query in QUERIES:
        assert any(line.startswith(f"| {query} |") and line.endswith("x |") for line in lines), query
    loads = [cells for cells in map(table_cells, lines) if len(cells) == 8 and cells[1].isdigit()]
    assert len(loads) == 6 and all(cells[6] == "0" for cells in loads), loads


def table_cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip("|").split("|")] if line.startswith("|") else []
