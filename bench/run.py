"""The store and endpoint benchmarks: ``python -m bench.run`` (the first step of ``make bench``) writes
``bench/RESULTS.md``, keeping the extraction section that ``bench.summary`` (its last step) writes there.

For each corpus size it generates a synthetic corpus (``bench.corpus``), then measures side by side in the
same run: (1) ``newskg ingest`` (parse, map, validate, write) against ``oxigraph load`` of the same quads;
(2) the query mix in process, pyoxigraph against rdflib's evaluator, rows checked equal; (3) HTTP throughput
and latency with ``wrk`` against ``oxigraph serve``, rdflib-endpoint, and two bare Flask routes under the same
gunicorn settings (a fixed answer; pyoxigraph in the worker), all servers up at once and taking turns at each
load, round after round; (4) memory per million triples of the serving processes, each server alone, read
after the same warm-up on every server (each HTTP query a fixed number of times with new texts, several at
once), so that a server whose queries run in several processes has warmed them all. Timings are never
asserted.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import urllib.parse
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

import requests

from bench import corpus, engines, summary
from bench.measure import Load, Run, Server, free_port, median_load, timed, warm_up, wrk
from server import AUTO_MEMORY_TRIPLES

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NEWSKG, OXIGRAPH = str(BIN / "newskg"), str(BIN / "oxigraph")
HTTP_QUERIES = {
    "cheap": "entity-names",
    "medium": "events-of-a-person",
    "engine-bound": "co-attendance",
}
REPEATED = "cheap, repeated"
"""The cheap query with the same text on every request: what newskg's result cache makes of it. Every other
HTTP row sends a new text each time (``wrk(distinct=True)``), which no cache can answer."""
SPARQL_JSON = "application/sparql-results+json"
FLOOR = "bare Flask floor"
"""``bench.floor``: a route with a fixed answer; what Flask and gunicorn cost before any query work."""
QUERY_PROCESSES = "-m server.execution.zygote"
"""In the command line of newskg's zygote and of the query processes it forks."""
IN_WORKER = "pyoxigraph in the worker"
"""``bench.in_worker``: Flask evaluating in the gunicorn worker with none of newskg's protections (disk store
at every size); the most any endpoint on pyoxigraph reaches under this server."""


def default_server(triples: int) -> str:
    """The newskg server as ``store_mode`` auto runs it for a store of this size."""
    return "newskg-memory" if triples <= AUTO_MEMORY_TRIPLES else "newskg-disk"


@dataclass
class SizeResult:
    target: int
    articles: int = 0
    triples: int = 0
    ingest: Run | None = None
    ingest_unvalidated: Run | None = None
    load: Run | None = None
    timings: list[engines.Timing] = field(default_factory=list)
    http: dict[tuple[str, str, int], Load] = field(default_factory=dict)
    memory_mb: dict[str, float] = field(default_factory=dict)
    query_processes_mb: dict[str, float] = field(default_factory=dict)
    """Of ``memory_mb``, what newskg's zygote and query processes hold (the rest: master and workers)."""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration per measurement")
    parser.add_argument("--rounds", type=int, default=3, help="HTTP rounds (medians)")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[8, 16])
    parser.add_argument("--runs", type=int, default=5, help="runs per in-process query (medians)")
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (make bench installs it with apt)")
    args.work.mkdir(parents=True, exist_ok=True)
    per_article = calibrate(args.work)
    results = [measure_size(target, per_article, args) for target in args.triples]
    old = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    args.out.write_text(summary.carry(old, report(results, args)), encoding="utf-8")
    print(f"wrote {args.out}")


def calibrate(work: Path) -> float:
    """Triples per generated article, measured on a small sample, so a size maps to an article count."""
    sample, store = fresh(work / "calibrate"), fresh(work / "calibrate-store")
    corpus.generate(sample, articles=10, seed=7)
    subprocess.run(
        [NEWSKG, "ingest", "--no-extract", "--no-validate", "--store", str(store), str(sample)],
        check=True,
        capture_output=True,
    )
    return (count_triples(store) - count_triples(store, "entities")) / 10


def gunicorn(app: str, port: int, *options: str) -> list[str]:
    """A bench Flask app under the gunicorn settings of ``newskg serve``: 2 gthread workers of 8 threads."""
    return [str(BIN / "gunicorn"), "-k", "gthread", "-w", "2", "--threads", "8", "-b", f"127.0.0.1:{port}",
            "--chdir", str(ROOT), *options, app]  # fmt: skip


def measure_size(target: int, per_article: float, args: argparse.Namespace) -> SizeResult:
    result = SizeResult(target, articles=max(1, math.ceil(target / per_article)))
    label = f"{target // 1000}k"
    print(f"[{label}] generating {result.articles} articles", flush=True)
    articles = fresh(args.work / f"corpus-{label}")
    corpus.generate(articles, articles=result.articles, seed=1)

    store, plain = fresh(args.work / f"store-{label}"), fresh(args.work / f"store-{label}-unvalidated")
    print(f"[{label}] newskg ingest", flush=True)
    result.ingest = timed([NEWSKG, "ingest", "--no-extract", "--store", str(store), str(articles)])
    result.ingest_unvalidated = timed(
        [NEWSKG, "ingest", "--no-extract", "--no-validate", "--store", str(plain), str(articles)]
    )
    result.triples = count_triples(store)
    nquads = args.work / f"corpus-{label}.nq"
    subprocess.run([NEWSKG, "export", "--store", str(store), "--format", "nq", "-o", str(nquads)], check=True)

    oxi = fresh(args.work / f"oxigraph-{label}")
    print(f"[{label}] oxigraph load", flush=True)
    result.load = timed([OXIGRAPH, "load", "--location", str(oxi), "--file", str(nquads)])

    print(f"[{label}] query mix in process", flush=True)
    result.timings = engines.compare(nquads, args.runs)

    contenders = servers(store, oxi, nquads)
    for contender in contenders:  # alone: pages shared with other servers would lower its PSS
        print(f"[{label}] {contender.name}: rows and memory", flush=True)
        server = start(contender, args.work / f"{contender.name}-{label}.log")
        try:
            if contender.name != FLOOR:  # its answer is fixed
                for query in HTTP_QUERIES.values():
                    rows = next(t.rows for t in result.timings if t.query == query)
                    check_rows(contender.name, contender.url(query), rows)
            for kind in (k for k in contender.kinds if k in HTTP_QUERIES):
                warm_up(contender.url(HTTP_QUERIES[kind]), SPARQL_JSON)
            result.memory_mb[contender.name] = server.pss_mb()
            if contender.name.startswith("newskg-"):
                result.query_processes_mb[contender.name] = server.pss_mb(only=QUERY_PROCESSES)
        finally:
            server.stop()
    print(f"[{label}] HTTP: {args.rounds} rounds", flush=True)
    started: list[Server] = []
    try:
        for contender in contenders:
            started.append(start(contender, args.work / f"{contender.name}-{label}-load.log"))
        result.http = measure_http(contenders, started, args)
    finally:
        for server in started:
            server.stop()
    return result


def start(contender: Contender, log: Path) -> Server:
    probe = contender.endpoint + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    return Server(contender.name, contender.command, probe, log)


def measure_http(
    contenders: list[Contender], started: list[Server], args: argparse.Namespace
) -> dict[tuple[str, str, int], Load]:
    """Every load on every server, in ``args.rounds`` rounds in which the servers take turns at each load, so
    a slow spell of the machine falls on all of them alike; the median round of each. After each load the
    server settles: the next one must not share the CPU with what the last one left running."""
    servers = {server.name: server for server in started}
    runs: dict[tuple[str, str, int], list[Load]] = {}
    for _ in range(args.rounds):
        for kind in (*HTTP_QUERIES, REPEATED):
            query = HTTP_QUERIES["cheap" if kind == REPEATED else kind]
            for c in args.concurrency:
                for contender in (x for x in contenders if kind in x.kinds):
                    load = wrk(contender.url(query), c, args.seconds, SPARQL_JSON, distinct=kind != REPEATED)
                    runs.setdefault((contender.name, kind, c), []).append(load)
                    servers[contender.name].settle()
    return {key: median_load(loads) for key, loads in runs.items()}


@dataclass(frozen=True)
class Contender:
    """A server of the HTTP comparison: how to start it, its query URL, and the loads it takes."""

    name: str
    command: list[str]
    endpoint: str
    kinds: tuple[str, ...] = tuple(HTTP_QUERIES)

    def url(self, query: str) -> str:
        return self.endpoint + "?" + urllib.parse.urlencode({"query": engines.queries()[query]})


def servers(store: Path, oxi: Path, nquads: Path) -> list[Contender]:
    """Every server compared; every one gets the same data (the floor needs none)."""
    found = []
    for mode in ("memory", "disk"):
        port = free_port()
        found.append(
            Contender(
                f"newskg-{mode}",
                [NEWSKG, "serve", "--store", str(store), "--port", str(port), "-s", "store_mode", mode],
                f"http://127.0.0.1:{port}/sparql",
                (*HTTP_QUERIES, REPEATED),
            )
        )
    port = free_port()
    found.append(
        Contender(
            "oxigraph-serve",
            [
                OXIGRAPH,
                "serve-read-only",
                "--union-default-graph",
                "--location",
                str(oxi),
                "--bind",
                f"127.0.0.1:{port}",
            ],
            f"http://127.0.0.1:{port}/query",
        )
    )
    port = free_port()
    found.append(
        Contender(
            "rdflib-endpoint",
            [
                sys.executable,
                "-m",
                "rdflib_endpoint",
                "serve",
                str(nquads),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            f"http://127.0.0.1:{port}/",
        )
    )
    port = free_port()
    found.append(
        Contender(
            IN_WORKER,
            gunicorn("bench.in_worker:app", port, "--env", f"BENCH_STORE={store}"),
            f"http://127.0.0.1:{port}/sparql",
        )
    )
    port = free_port()  # the request is the cheap query's; the route never reads it
    found.append(
        Contender(FLOOR, gunicorn("bench.floor:app", port), f"http://127.0.0.1:{port}/sparql", ("cheap",))
    )
    return found


def check_rows(name: str, url: str, expected: int) -> None:
    """Every server must return the rows the engines agreed on before its speed counts."""
    response = requests.get(url, headers={"Accept": SPARQL_JSON}, timeout=600)
    response.raise_for_status()
    rows = len(json.loads(response.content)["results"]["bindings"])
    if rows != expected:
        raise RuntimeError(f"{name} returned {rows} rows for {url[:80]}..., expected {expected}")


def count_triples(store: Path, graph: str = "") -> int:
    where = (
        f"GRAPH <https://kg.example.org/graph/{graph}> {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
    )
    out = subprocess.run(
        [NEWSKG, "query", "--store", str(store), f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return int(out.split()[-1])


def fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    return path


def report(results: list[SizeResult], args: argparse.Namespace) -> str:
    """RESULTS.md: machine and versions, the targets with their ratios, then every figure per size."""
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. Medians (HTTP: of {args.rounds} "
        "rounds, in each of which the servers take turns at every load); ratios are newskg / peer (higher is "
        "better for speed, lower for memory). Never asserted by tests.",
        "",
        "The other benchmarks of `make bench` write files of their own beside this one: `RESULTS-remote.md` "
        "(newskg on Virtuoso 7 beside `oxigraph serve` as remote stores), `RESULTS-soak.md` "
        "(runaway queries under load, memory over time, stalled clients, beside `oxigraph serve`), "
        "`RESULTS-pages.md`, `RESULTS-search.md`, `RESULTS-extract-mentions.md`, "
        "`RESULTS-extract-speech.md`, `RESULTS-webpages.md`, `RESULTS-ingest.md`. The figures of the "
        "extraction benches against issue 20's targets are gathered below, in "
        f"'{summary.HEADING[3:]}' (`bench.summary`; this command keeps that section as it was).",
        "",
        "## Machine",
        "",
        *(f"- {line}" for line in machine()),
        "",
        "## Targets",
        "",
        row("target", "measured", "met"),
        row(*["---"] * 3),
        *(row(t, m, "yes" if ok else "**no**") for t, m, ok in targets(results)),
    ]
    largest = default_server(results[-1].triples)
    header = row("server", "MB per million triples", "of it: zygote and query processes", f"{largest} / this")
    lines += ["", "## Memory per million triples (growth between the sizes)", "", header, row(*["---"] * 4)]
    per_million = memory_per_million(results)
    in_query_processes = memory_per_million(results, query_processes=True)
    ours = per_million[largest]
    lines += [
        row(name, f"{mb:,.0f}", _mb(in_query_processes.get(name)), f"{ours / mb:.2f}x")
        for name, mb in sorted(per_million.items())
    ]
    for r in results:
        lines += size_section(r, args)
    return "\n".join(lines) + "\n"


def row(*cells: object) -> str:
    return "| " + " | ".join(map(str, cells)) + " |"


def machine() -> list[str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split("[")[0].strip()
    peers = ("pyoxigraph", "oxigraph", "rdflib", "pyshacl", "flask", "gunicorn", "rdflib-endpoint")
    return [
        f"CPU: {cpu}, {len(os.sched_getaffinity(0))} cores; RAM {memory:.0f} GiB",
        f"{platform.platform()}; Python {platform.python_version()}",
        ", ".join(f"{p} {version(p)}" for p in peers) + f"; {wrk_version}",
    ]


def targets(results: list[SizeResult]) -> list[tuple[str, str, bool]]:
    """The issue's targets, on the largest corpus of the run, for the server as ``store_mode`` auto runs it
    there (the other mode's figure follows in brackets)."""
    r = results[-1]
    assert r.ingest and r.load
    size, levels = f"{r.triples / 1e6:.2f}M triples", sorted({k[2] for k in r.http})
    conns = "c=" + "/".join(map(str, levels))
    ours = default_server(r.triples)
    other = "newskg-memory" if ours == "newskg-disk" else "newskg-disk"

    def ratios(server: str, kind: str, peer: str) -> list[float]:
        theirs = [r.http[(peer, "cheap" if peer == FLOOR else kind, c)] for c in levels]
        mine = [r.http[(server, kind, c)] for c in levels]
        return [a.requests_per_s / b.requests_per_s for a, b in zip(mine, theirs, strict=True)]

    def http(kind: str, peer: str, at_least: float) -> tuple[str, bool]:
        found, alternative = ratios(ours, kind, peer), ratios(other, kind, peer)
        return f"{_x(found)} ({other.removeprefix('newskg-')}: {_x(alternative)})", min(found) >= at_least

    def ceiling(measured: str, ok: bool) -> tuple[str, bool]:
        """The same ratio for pyoxigraph in the worker: how far any endpoint on this engine gets."""
        return f"{measured}; {IN_WORKER}, unprotected: {_x(ratios(IN_WORKER, 'cheap', FLOOR))}", ok

    ingest = r.load.seconds / r.ingest.seconds
    per_million = memory_per_million(results)
    peer = per_million["oxigraph-serve"]
    memory = {name: per_million[name] / peer if peer > 0 else math.inf for name in (ours, other)}
    memory_text = (
        f"{memory[ours]:.2f}x ({other.removeprefix('newskg-')}: {memory[other]:.2f}x)"
        if peer > 0
        else f"- (`oxigraph serve` grew {peer:.0f} MB per M triples: no ratio)"  # small corpora only
    )
    mode = ours.removeprefix("newskg-")
    return [
        (
            f"ingest incl. mapping and SHACL >= 0.25x `oxigraph load` ({size})",
            f"{ingest:.3f}x",
            ingest >= 0.25,
        ),
        (f"HTTP engine-bound >= 0.9x `oxigraph serve` ({size}, {conns}; {mode})",
         *http("engine-bound", "oxigraph-serve", 0.9)),
        (f"HTTP cheap >= 0.8x bare Flask floor, a new query text each request ({conns}; {mode})",
         *ceiling(*http("cheap", FLOOR, 0.8))),
        (f"HTTP cheap >= 0.8x bare Flask floor, the same text repeated ({conns}; {mode})",
         *http(REPEATED, FLOOR, 0.8)),
        (f"HTTP medium >= 20x rdflib-endpoint ({size}, {conns}; {mode})",
         *http("medium", "rdflib-endpoint", 20)),
        (
            f"memory per M triples <= 1.5x `oxigraph serve` (growth between the sizes; {mode})",
            memory_text,
            memory[ours] <= 1.5,
        ),
    ]  # fmt: skip


def memory_per_million(results: list[SizeResult], *, query_processes: bool = False) -> dict[str, float]:
    """MB each server grows per million triples between the smallest and the largest corpus, so the fixed
    cost of the processes (interpreters, code, caches) does not count; with one size, MB per million. The
    floor holds no data, so it has no such figure. With ``query_processes``, of newskg's zygote and query
    processes only."""
    first, last = results[0], results[-1]
    small, large = (r.query_processes_mb if query_processes else r.memory_mb for r in (first, last))
    millions = (last.triples - first.triples) / 1e6 if first is not last else last.triples / 1e6
    base = small if first is not last else {}
    return {name: (mb - base.get(name, 0)) / millions for name, mb in large.items() if name != FLOOR}


def _mb(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def _x(values: list[float]) -> str:
    return " / ".join(f"{v:.2f}x" for v in values)


def size_section(r: SizeResult, args: argparse.Namespace) -> list[str]:
    assert r.ingest and r.ingest_unvalidated and r.load
    millions = r.triples / 1e6
    lines = [
        "",
        f"## {r.triples:,} triples ({r.articles} articles; target {r.target:,})",
        "",
        "### Ingest",
        "",
        row("tool", "seconds", "triples/s", "articles/s", "peak RSS (MB)", "vs `oxigraph load`"),
        row(*["---"] * 6),
    ]
    for name, run in (
        ("`newskg ingest` (parse, map, SHACL, write)", r.ingest),
        ("`newskg ingest --no-validate`", r.ingest_unvalidated),
        ("`oxigraph load` (the exported N-Quads)", r.load),
    ):
        speed = r.load.seconds / run.seconds
        lines.append(
            row(
                name,
                f"{run.seconds:.1f}",
                f"{r.triples / run.seconds:,.0f}",
                f"{r.articles / run.seconds:.2f}",
                f"{run.peak_rss_mb:,.0f}",
                f"{speed:.3f}x",
            )
        )
    lines += [
        "",
        "### Query mix in process (same data, rows compared)",
        "",
        row("query", "rows", "pyoxigraph (ms)", "rdflib (ms)", "pyoxigraph speed-up", "same rows"),
        row(*["---"] * 6),
    ]
    for t in r.timings:
        same = "yes" if t.same_rows else "**no**"
        lines.append(
            row(
                t.query,
                t.rows,
                f"{t.oxigraph_ms:.2f}",
                f"{t.rdflib_ms:.1f}",
                f"{t.rdflib_ms / t.oxigraph_ms:.0f}x",
                same,
            )
        )
    ours = default_server(r.triples)
    lines += [
        "",
        f"### HTTP ({args.seconds} s of `wrk` per row, longer where fewer than 50 requests finish; GET, "
        "SPARQL JSON)",
        "",
        f"Each request sends a query text the server has not seen (a new comment line), except in the rows "
        f"'{REPEATED}'. The last column compares {ours}, which `store_mode` auto picks at this size.",
        "",
        row("server", "query", "connections", "req/s", "p50 (ms)", "p99 (ms)", "errors", f"{ours} / this"),
        row(*["---"] * 8),
    ]
    for (name, kind, c), load in sorted(r.http.items()):
        query = (
            "fixed answer"
            if name == FLOOR
            else f"{kind} ({HTTP_QUERIES['cheap' if kind == REPEATED else kind]})"
        )
        lines.append(_load_row(name, query, c, load, r.http[(ours, kind, c)]))
    lines += [
        "",
        "### Memory of the serving processes (PSS of the process tree, the server alone, after a warm-up: "
        "each HTTP query 64 times, 16 at once, a new text each time; before wrk)",
        "",
        row("server", "MB", "of it: zygote and query processes", "MB per million triples", f"{ours} / this"),
        row(*["---"] * 5),
    ]
    mine = r.memory_mb[ours]
    lines += [
        row(n, f"{mb:,.0f}", _mb(r.query_processes_mb.get(n)), f"{mb / millions:,.0f}", f"{mine / mb:.2f}x")
        for n, mb in sorted(r.memory_mb.items())
    ]
    return lines


def _load_row(name: str, query: str, connections: int, load: Load, ours: Load) -> str:
    return row(
        name,
        query,
        connections,
        f"{load.requests_per_s:,.2f}"
        + (" (one request alone: none finished under load)" if load.single else ""),
        f"{load.p50_ms:.1f}",
        f"{load.p99_ms:.1f}",
        load.errors,
        f"{ours.requests_per_s / load.requests_per_s:.2f}x",
    )


if __name__ == "__main__":
    main()
