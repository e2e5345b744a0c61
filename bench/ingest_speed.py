"""How fast ``newskg ingest`` takes real articles with extraction and SHACL (issue 20: at least 5 articles a
second on 2 cores, under 400 MB per worker), beside peers in the same run.

    python -m bench.ingest_speed                          # prints the tables
    python -m bench.ingest_speed --out bench/RESULTS-ingest.md

Two corpora from ``../shared/realdata`` (``--realdata DIR``, else ``$NEWSKG_REALDATA``), read in place:

- **pages**: every gzipped page of ``trafilatura-de-news``, ``trafilatura-en`` and ``aeb-en``;
- **texts**: the SpkAtt-2023 task 2 documents (German Wikinews, ``train/``) and the PolNeAR dev articles
  (English), written as plain text files with a front matter (``kg.read.plaintext``: headline,
  datePublished, inLanguage, and PolNeAR's author and publisher) to a temporary folder.

Each corpus is split into halves by position in each set's sorted file list (even: "tune", odd:
"held-out"). Each half is ingested by the command itself, ``newskg ingest --jobs N`` (default 2), into a
fresh store (with its search index, as the command makes one), timed from the command's start to its end
(process start, reading, extraction, mapping, SHACL, writing). Peers in the same run, on the same input:
the same command with ``--no-validate``, and ``oxigraph load`` of the validated store's N-Quads into a
fresh store (the floor of the write). Peak memory: the highest ``VmHWM`` of each process of the command
(sampled every 0.2 s from ``/proc``), the command's own and its largest worker's. SHACL seconds per
article: each stored article graph validated again with the entity graph (``kg.shacl.validate``, the call
a worker makes), one after another in this process, in CPU seconds; with how many needed rdflib's engine.

When the real data is absent the output says **NOT MEASURED** and the exit status is 2. Figures are
printed, never asserted; with ``--out FILE`` the rates and peaks against issue 20's targets also go to
``bench.summary`` (``out/summary/`` beside FILE), which puts them in ``bench/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
from pyoxigraph import RdfFormat

from bench.summary import SPEED, Row, write
from kg.pipeline import load_corpus
from kg.shacl import DataGraph, validate
from kg.store import Store
from kg.vocab import Minter

ROOT = Path(__file__).resolve().parent.parent
REALDATA = Path(os.environ.get("NEWSKG_REALDATA", ROOT.parent / "shared" / "realdata"))
BASE = "https://kg.example.org/"
PAGE_SETS = ("trafilatura-de-news", "trafilatura-en", "aeb-en")
HALVES = ("tune", "held-out")
TARGET_RATE = 5.0
TARGET_MB = 400
NOT_MEASURED = "**NOT MEASURED**"
_SUMMARY = re.compile(r"(\d+) ingested, (\d+) unchanged, (\d+) rejected")
_SPKATT_NAME = re.compile(r"^\d+ - (?P<headline>.+) \((?P<date>\d{4}-\d{2}-\d{2})\)$")
_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?)\]»“])")
_NO_SPACE_AFTER = re.compile(r"([(\[„«]) ")


def halves(sets: dict[str, list[Path]]) -> dict[str, list[Path]]:
    """Each half of ``sets``: "tune" the even positions of each set's sorted list, "held-out" the odd."""
    return {
        name: [p for files in sets.values() for p in sorted(files)[n::2]] for n, name in enumerate(HALVES)
    }


def page_files(realdata: Path) -> dict[str, list[Path]] | None:
    """The pages of each page set, or None when a set is absent or empty."""
    found = {name: sorted((realdata / name / "html").glob("*.html.gz")) for name in PAGE_SETS}
    return found if all(found.values()) else None


def detokenize(tokens: Sequence[str]) -> str:
    """A sentence's tokens as text: no space before closing punctuation, none after an opening mark."""
    return _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", " ".join(tokens)))


def front_matter(fields: dict[str, str]) -> str:
    return (
        "---\n"
        + "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in fields.items())
        + "---\n"
    )


def spkatt_text(path: Path) -> str | None:
    """A SpkAtt document as a plain text file: headline and date from its name, three sentences a paragraph;
    None when the name does not say them."""
    document = json.loads(path.read_text(encoding="utf-8"))
    match = _SPKATT_NAME.match(document["DocumentName"])
    if match is None:
        return None
    sentences = [detokenize(s["Tokens"]) for s in document["Sentences"]]
    paragraphs = ["\n".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    head = {"headline": match["headline"], "datePublished": match["date"], "inLanguage": "de"}
    return front_matter(head | {"publisher": "Wikinews"}) + "\n" + "\n\n".join(paragraphs) + "\n"


def polnear_text(path: Path, meta: dict[str, str]) -> str:
    """A PolNeAR article as a plain text file: its metadata as front matter, the title line left out."""
    blocks = path.read_text(encoding="utf-8").strip().split("\n\n")
    if blocks and blocks[0].strip().rstrip(".") == meta["title"].strip().rstrip("."):
        blocks = blocks[1:]
    fields = {"headline": meta["title"], "datePublished": meta["publication_date"], "inLanguage": "en"}
    fields["publisher"] = meta["publisher"]
    if meta.get("author") not in (None, "", "None"):
        fields["author"] = meta["author"]
    return front_matter(fields) + "\n" + "\n\n".join(blocks) + "\n"


def text_sources(realdata: Path) -> dict[str, list[Path]] | None:
    """The SpkAtt and PolNeAR documents, or None when either set is absent or empty."""
    found = {
        "spkatt2023-task2": sorted((realdata / "spkatt2023-task2" / "train").glob("*.json")),
        "polnear": sorted((realdata / "polnear" / "dev" / "text").glob("*.txt")),
    }
    return found if all(found.values()) and (realdata / "polnear" / "metadata.tsv").is_file() else None


def write_texts(realdata: Path, sets: dict[str, list[Path]], folder: Path) -> dict[str, list[Path]]:
    """Each document of ``sets`` as ``folder/<set>-<n>.txt`` (in the order given), by set."""
    with (realdata / "polnear" / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        meta = {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}
    written: dict[str, list[Path]] = {name: [] for name in sets}
    for name, files in sets.items():
        for n, path in enumerate(files):
            text = spkatt_text(path) if name == "spkatt2023-task2" else polnear_text(path, meta[path.stem])
            if text is not None:
                target = folder / f"{name}-{n:04d}.txt"
                target.write_text(text, encoding="utf-8")
                written[name].append(target)
    return written


@dataclass
class Run:
    """One ``newskg ingest`` of one input."""

    seconds: float
    ingested: int
    rejected: int
    main_mb: float
    worker_mb: float
    workers: int
    output: str = ""

    @property
    def rate(self) -> float:
        return self.ingested / self.seconds if self.seconds else 0.0


def parse_summary(stdout: str) -> tuple[int, int]:
    """(ingested, rejected) from the command's last line; ValueError when it is not there."""
    match = _SUMMARY.search(stdout)
    if match is None:
        raise ValueError(f"no ingest summary in the output: {stdout[-500:]!r}")
    return int(match[1]), int(match[3])


def descendants(pid: int) -> list[int]:
    """Every living process under ``pid`` (its children, theirs, ...), from ``/proc``."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat[stat.rindex(")") + 2 :].split()[1])
            parents.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        children = parents.get(todo.pop(), [])
        found += children
        todo += children
    return found


def peak_kb(pid: int) -> int:
    """The process's peak resident memory so far (``VmHWM``), 0 when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class _Watch:
    pid: int
    peaks: dict[int, int] = field(default_factory=dict)
    stop: threading.Event = field(default_factory=threading.Event)

    def sample(self) -> None:
        for pid in [self.pid, *descendants(self.pid)]:
            self.peaks[pid] = max(self.peaks.get(pid, 0), peak_kb(pid))

    def run(self) -> None:
        while not self.stop.wait(0.2):
            self.sample()


def ingest(inputs: Sequence[Path], store: Path, *, jobs: int, validate_: bool) -> Run:
    """``newskg ingest`` of ``inputs`` into ``store`` (fresh), timed and watched."""
    newskg = str(Path(sys.executable).parent / "newskg")
    command = [newskg, "ingest", "--data", str(ROOT / "data"), "--store", str(store)]
    command += [
        "--base",
        BASE,
        "--jobs",
        str(jobs),
        *([] if validate_ else ["--no-validate"]),
        *map(str, inputs),
    ]
    env = os.environ | {"HF_HUB_OFFLINE": "1"}
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    watch = _Watch(process.pid)
    thread = threading.Thread(target=watch.run, daemon=True)
    thread.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - start
    watch.stop.set()
    thread.join()
    if process.returncode not in (0, 1):
        raise RuntimeError(f"newskg ingest failed ({process.returncode}): {stderr[-2000:]}")
    ingested, rejected = parse_summary(stdout)
    workers = [kb for pid, kb in watch.peaks.items() if pid != process.pid]
    return Run(
        seconds,
        ingested,
        rejected,
        watch.peaks.get(process.pid, 0) / 1024,
        max(workers, default=0) / 1024,
        len(workers),
        stdout + stderr,
    )


def oxigraph_load(store: Path, work: Path) -> float:
    """Seconds ``oxigraph load`` takes to write the N-Quads of ``store`` into a fresh store."""
    work.mkdir(parents=True, exist_ok=True)
    dump = work / "dump.nq"
    source = Store(store)
    with dump.open("wb") as handle:
        pyoxigraph.serialize(source.quads(), handle, format=RdfFormat.N_QUADS)
    source.close()
    binary = Path(sys.executable).parent / "oxigraph"
    start = time.perf_counter()
    subprocess.run([str(binary), "load", "--location", str(work / "loaded"), "--file", str(dump)], check=True,
                   capture_output=True)  # fmt: skip
    return time.perf_counter() - start


@dataclass
class Shacl:
    seconds: list[float]
    rdflib_answers: int


def shacl_seconds(store_path: Path) -> Shacl:
    """Each article graph of the store validated again with the entity graph, one after another."""
    corpus = load_corpus(ROOT / "data", minter=Minter(BASE))
    entities = corpus.entity_graph()
    store = Store(store_path)
    graphs = sorted(g for g in store.graphs() if g != corpus.minter.entities_graph)
    seconds, slow = [], 0
    for graph in graphs:
        quads = [*store.quads(graph), *entities]
        slow += DataGraph(quads).oxigraph is None
        start = time.process_time()  # CPU seconds: what a worker spends, whatever else runs beside
        validate(quads)
        seconds.append(time.process_time() - start)
    store.close()
    return Shacl(seconds, slow)


def shacl_row(which: str, shacl: Shacl) -> str:
    s = shacl.seconds
    if not s:
        return f"| {which}: SHACL | no article stored | | | | | |"
    return (
        f"| {which}: SHACL CPU s/article, one process | mean {statistics.fmean(s):.3f} | median "
        f"{statistics.median(s):.3f} | max {max(s):.2f} | "
        f"rdflib's engine on {shacl.rdflib_answers} of {len(s)} | | |"
    )


def measure(
    name: str, sets: dict[str, list[Path]], work: Path, jobs: int, say: Callable[..., None], shacl: bool
) -> dict[str, Run]:
    """Both halves of ``sets``: the ingest, its peers and (``shacl``) the SHACL seconds, as table rows; the
    validated ingest of each half returned."""
    checked_runs = {}
    say(f"### {name}: {sum(map(len, sets.values()))} input files")
    say()
    say("| run | ingested | rejected | s | articles/s | peak MB (command) | peak MB (largest child, of n) |")
    say("|---|---:|---:|---:|---:|---:|---:|")
    for which, files in halves(sets).items():
        checked = checked_runs[which] = ingest(files, work / f"{which}-store", jobs=jobs, validate_=True)
        plain = ingest(files, work / f"{which}-plain", jobs=jobs, validate_=False)
        for label, run in ((f"{which}, SHACL", checked), (f"{which}, --no-validate", plain)):
            say(
                f"| {label} | {run.ingested} | {run.rejected} | {run.seconds:.1f} | **{run.rate:.2f}** | "
                f"{run.main_mb:.0f} | {run.worker_mb:.0f} ({run.workers}) |"
            )
        load = oxigraph_load(work / f"{which}-store", work / which)
        say(f"| {which}: `oxigraph load` of the result | | | {load:.1f} | | | |")
        if shacl:
            say(shacl_row(which, shacl_seconds(work / f"{which}-store")))
    say()
    return checked_runs


def summary_rows(corpus: str, runs: dict[str, Run], jobs: int) -> list[Row]:
    """Issue 20's targets for ``bench.summary``: the validated ingest's rate by half, and the peak of any
    process of the command."""
    peak = max(max(r.main_mb, r.worker_mb) for r in runs.values())
    return [
        Row(
            SPEED,
            f"`newskg ingest --jobs {jobs}` with extraction and SHACL, {corpus}: articles/s",
            {h: f"{r.rate:.2f}" for h, r in runs.items()},
            f">= {TARGET_RATE:g}",
            {h: r.rate >= TARGET_RATE for h, r in runs.items()},
        ),
        Row(
            SPEED,
            f"`newskg ingest`, {corpus}: peak MB of any process",
            {"all": f"{peak:.0f}"},
            f"< {TARGET_MB}",
            {"all": peak < TARGET_MB},
        ),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--realdata", type=Path, default=REALDATA)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, help="also write the results (markdown) to this file")
    parser.add_argument("--corpus", choices=("both", "pages", "texts"), default="both")
    parser.add_argument("--limit", type=int, help="only the first N files of each set (a quick check only)")
    parser.add_argument(
        "--no-shacl-pass", action="store_true", help="skip the SHACL seconds per article (the ingests only)"
    )
    args = parser.parse_args(argv)
    lines: list[str] = []
    rows: list[Row] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    say("# Ingest speed (issue 20)")
    say()
    say(
        f"{when}; {platform.processor() or platform.machine()}, {os.cpu_count()} cores, load "
        f"{os.getloadavg()[0]:.1f} at the start; `python -m bench.ingest_speed --jobs {args.jobs}`. Target: "
        f">= {TARGET_RATE:g} articles/s with extraction and SHACL, < {TARGET_MB} MB per worker. See the "
        "module docstring for what each row measures."
    )
    say()
    pages = page_files(args.realdata)
    texts = text_sources(args.realdata)
    shacl = not args.no_shacl_pass
    limited = f" (only the first {args.limit} files of each set)" if args.limit else ""
    if args.limit:
        say(f"**Only the first {args.limit} files of each set** (`--limit`): not a whole-set figure.")
        say()
        pages, texts = (
            {k: v[: args.limit] for k, v in sets.items()} if sets else None for sets in (pages, texts)
        )
    missing = (args.corpus != "texts" and pages is None) or (args.corpus != "pages" and texts is None)
    if missing:
        say(f"{NOT_MEASURED}: the real data is not at {args.realdata} (see ../shared/realdata/README.md).")
        print("bench.ingest_speed: real data absent: NOT MEASURED", file=sys.stderr)
    else:
        with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
            work = Path(tmp)
            if pages is not None and args.corpus != "texts":
                (work / "pages").mkdir()
                name = "pages (" + ", ".join(PAGE_SETS) + ")"
                runs = measure(name, pages, work / "pages", args.jobs, say, shacl)
                rows += summary_rows("real pages" + limited, runs, args.jobs)
            if texts is not None and args.corpus != "pages":
                (work / "texts-in").mkdir()
                (work / "texts").mkdir()
                written = write_texts(args.realdata, texts, work / "texts-in")
                name = "texts (SpkAtt train, PolNeAR dev)"
                runs = measure(name, written, work / "texts", args.jobs, say, shacl)
                rows += summary_rows("SpkAtt and PolNeAR texts" + limited, runs, args.jobs)
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        write(args.out, rows, {SPEED: f"the real data is not at {args.realdata}"} if missing else {})
    return 2 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
