"""``newskg ingest`` under faults: a worker process killed mid-run, an article too large to take, nothing to
ingest. Each ends with a report and an exit status, never a hang or a half-written store."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import DATA, NEWSKG, SEED_DIR

SEED_TEXT = (SEED_DIR / "article.txt").read_text(encoding="utf-8")


def corpus(folder: Path, count: int) -> Path:
    for n in range(count):
        article = folder / f"variant-{n:02d}"
        article.mkdir(parents=True)
        headline = "Trump kündigt Treffen mit Putin in Budapest an"
        (article / "article.txt").write_text(SEED_TEXT.replace(headline, f"Variante {n}"), encoding="utf-8")
    return folder


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def test_a_killed_worker_costs_no_article_and_the_ingest_finishes(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "corpus", 16)
    command = [
        NEWSKG,
        "ingest",
        "--no-extract",
        "--data",
        str(DATA),
        "--store",
        str(tmp_path / "store"),
        "--jobs",
        "2",
    ]
    process = subprocess.Popen(
        [*command, str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    killed = None
    deadline = time.monotonic() + 120
    while killed is None and time.monotonic() < deadline and process.poll() is None:
        workers = [w for server in children(process.pid) for w in children(server)]  # forkserver's children
        if workers:
            killed = workers[0]
            os.kill(killed, signal.SIGKILL)
        time.sleep(0.05)
    out, err = process.communicate(timeout=300)
    assert killed is not None, "no worker process was seen"
    assert process.returncode == 0, err
    assert out.startswith("16 ingested, 0 unchanged, 0 rejected"), out


def test_an_article_over_the_size_limit_is_refused_naming_the_file(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "corpus", 2)
    big = folder / "variant-01" / "article.txt"
    big.write_text(SEED_TEXT + "\n\nMehr Text. " * 2_000, encoding="utf-8")
    store = tmp_path / "store"
    result = subprocess.run(
        [
            NEWSKG,
            "ingest",
            "--data",
            str(DATA),
            "--store",
            str(store),
            "--max-article-bytes",
            "20000",
            str(folder),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("1 ingested, 0 unchanged, 1 rejected")
    assert f"{big}: the article is" in result.stderr and "--max-article-bytes" in result.stderr


def test_build_refuses_an_oversized_article_with_one_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    big = data / "articles" / SEED_DIR.name / "article.txt"
    result = subprocess.run(
        [
            NEWSKG,
            "build",
            "--data",
            str(data),
            "--store",
            str(tmp_path / "store"),
            "--max-article-bytes",
            "1000",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and f"{big}: the article is" in result.stderr
    assert not (tmp_path / "store" / "CURRENT").exists() or "graph" not in result.stdout


@pytest.mark.parametrize("kind", ["empty folder", "article.txt is a folder", "article.txt is a fifo"])
def test_nothing_to_ingest_is_an_error(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    if kind != "empty folder":
        article = folder / "an-article"
        article.mkdir()
        if kind == "article.txt is a folder":
            (article / "article.txt").mkdir()
        else:
            os.mkfifo(article / "article.txt")
    result = subprocess.run(
        [NEWSKG, "ingest", "--data", str(DATA), "--store", str(tmp_path / "store"), str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if kind == "empty folder":  # nothing at all: an error
        assert result.returncode == 2, result.stdout
        assert result.stderr.startswith("error: ") and f"{folder}: no input here" in result.stderr
    else:  # an input that cannot be read: named, counted, and the exit status says so
        assert result.returncode == 1, result.stdout
        assert f"{article / 'article.txt'}: is not a regular file" in result.stderr, result.stderr
        assert "0 ingested, 0 unchanged, 1 rejected" in result.stdout + result.stderr
