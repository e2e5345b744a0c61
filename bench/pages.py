"""Page latency and /sparql throughput, this tree beside an earlier revision, in one run over one store.

``python -m bench.pages [--before REV] [--articles N]`` builds the seed plus N generated articles with this
tree, serves that store with the earlier revision (checked out into a git worktree) and with this tree, and
asks both for the same pages and queries, alternating, so both see the same machine and the same noise.
Ratios are this tree over the earlier one: below 1 is faster. Prints a markdown section, ``--out`` writes it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import requests

from bench import corpus
from bench.measure import Server, free_port, wrk

ROOT = Path(__file__).resolve().parent.parent
NEWSKG = str(Path(sys.executable).with_name("newskg"))
BEFORE = "a37596e"
"""The last revision before the package layout of issue 19."""

PAGES = {
    "article": "/doc/article/dw-2025-10-17-trump-putin-budapest.html",
    "person": "/doc/person/donald-trump.html",
    "event": "/doc/event/alaska-summit-2025-08.html",
    "place": "/doc/place/budapest.html",
    "organization": "/doc/organization/international-criminal-court.html",
    "303 + page": "/person/vladimir-putin",
    "RDF (Turtle)": "/doc/event/alaska-summit-2025-08.ttl",
    "browse": "/browse",
}
QUERIES = {
    "names of one entity": "PREFIX schema: <http://schema.org/> PREFIX wd: <http://www.wikidata.org/entity/> "
    "SELECT ?name WHERE { ?p schema:sameAs wd:Q7747 ; schema:name ?name } ORDER BY ?name",
    "events per attendee": "PREFIX schema: <http://schema.org/> SELECT ?a (COUNT(?e) AS ?n) "
    "WHERE { ?e schema:attendee ?a } GROUP BY ?a ORDER BY DESC(?n) LIMIT 20",
}
SPARQL_JSON = "application/sparql-results+json"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.pages", description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", default=BEFORE, help="the earlier revision (default: %(default)s)")
    parser.add_argument("--articles", type=int, default=300, help="generated articles beside the seed")
    parser.add_argument("--requests", type=int, default=40, help="requests per page and server")
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration per /sparql load")
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "out" / "pages")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    section = run(args)
    print(section)
    if args.out:
        args.out.write_text(section, encoding="utf-8")


def run(args: argparse.Namespace) -> str:
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    store = args.work / "store"
    subprocess.run([NEWSKG, "build", "--store", str(store)], check=True, cwd=ROOT, capture_output=True)
    if args.articles:
        generated = args.work / "corpus"
        corpus.generate(generated, articles=args.articles, seed=3)
        ingest = [NEWSKG, "ingest", "--no-extract", "--store", str(store), str(generated)]
        subprocess.run(ingest, check=True, cwd=ROOT, capture_output=True)
    earlier = args.work / "before"
    subprocess.run(["git", "worktree", "add", "--detach", str(earlier), args.before], check=True, cwd=ROOT)
    try:
        before = serve("before", store, args.work, pythonpath=earlier)
        after = serve("after", store, args.work, pythonpath=ROOT)
        try:
            lines = compare(before, after, args)
        finally:
            before.stop()
            after.stop()
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(earlier)], check=False, cwd=ROOT)
    return "\n".join(lines) + "\n"


def serve(name: str, store: Path, work: Path, *, pythonpath: Path) -> Server:
    """``newskg serve`` of the code at ``pythonpath`` (its own modules first on the path)."""
    port = free_port()
    command = [sys.executable, "-c", "from server.cli import main; main()", "serve", "--store", str(store),
               "--port", str(port), "--data-dir", str(ROOT / "data")]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSKG_")}
    env["PYTHONPATH"] = str(pythonpath)
    server = Server(name, command, f"http://127.0.0.1:{port}/healthz", work / f"{name}.log", env=env)
    server.url = f"http://127.0.0.1:{port}"  # type: ignore[attr-defined]
    return server


def latencies(url: str, count: int, session: requests.Session) -> list[float]:
    times = []
    for _ in range(count):
        started = time.perf_counter()
        response = session.get(url, timeout=60)
        times.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
    return times


def compare(before: Server, after: Server, args: argparse.Namespace) -> list[str]:
    lines = [
        f"## Pages and /sparql: this tree beside {args.before}, one store "
        f"(the seed and {args.articles} generated articles)",
        "",
        "| request | before p50 ms | after p50 ms | before p95 ms | after p95 ms | after / before (p50) |",
        "|---|---|---|---|---|---|",
    ]
    sessions = {s: requests.Session() for s in (before, after)}
    for name, path in PAGES.items():
        found: dict[Server, list[float]] = {before: [], after: []}
        for server in (before, after):  # warm caches and query processes
            latencies(server.url + path, 3, sessions[server])  # type: ignore[attr-defined]
        for _ in range(args.requests // 10):  # alternate in blocks: both see the same noise
            for server in (before, after):
                found[server] += latencies(server.url + path, 10, sessions[server])  # type: ignore[attr-defined]
        p50 = {s: statistics.median(t) for s, t in found.items()}
        p95 = {s: statistics.quantiles(t, n=20)[-1] for s, t in found.items()}
        lines.append(
            f"| {name} | {p50[before]:.1f} | {p50[after]:.1f} | {p95[before]:.1f} | {p95[after]:.1f} "
            f"| {p50[after] / p50[before]:.2f}x |"
        )
    if shutil.which("wrk") is not None:
        header = "| /sparql under load (wrk, 8 connections) | before req/s | after req/s | after / before |"
        lines += ["", header, "|---|---|---|---|"]
        for name, query in QUERIES.items():
            rates = {}
            for server in (before, after):
                url = f"{server.url}/sparql?query={quote(query)}"  # type: ignore[attr-defined]
                rates[server] = wrk(url, 8, args.seconds, SPARQL_JSON).requests_per_s
            lines.append(
                f"| {name} | {rates[before]:.0f} | {rates[after]:.0f} | {rates[after] / rates[before]:.2f}x |"
            )
    return lines


if __name__ == "__main__":
    main()
