"""newskg on a store another SPARQL server holds: Virtuoso 7 beside ``oxigraph serve``, the same corpus and
queries through the same newskg; ``python -m bench.remote`` (part of ``make bench``) writes
``bench/RESULTS-remote.md``.

Both servers are started empty by the repository's own scripts (``.ci/oxigraph.sh``; ``.ci/virtuoso.sh``
with ``.ci/virtuoso.ini``, where the anonymous user only reads and newskg writes as the user of its netrc)
and stopped at the end. One synthetic corpus (``bench.corpus``, seed 1 as ``bench.run``; 1M triples by
default) is ingested into each in turn with ``newskg ingest --no-extract --store URL`` as ``bench.run`` does
into its own store (parse, map, SHACL, write). Then ``newskg serve --store URL`` runs on each, and the query
mix of ``bench/queries`` goes over HTTP through it: first each query's rows are compared between the two,
then each query is timed alone (median of ``--runs``, a new text each time so neither newskg nor the server
answers from a cache, the servers taking turns), then ``wrk`` loads the three queries of ``bench.run``'s
HTTP table, in ``--rounds`` rounds in which the servers take turns, each load followed by a wait until
newskg and its SPARQL server are idle. Ratios are Virtuoso / oxigraph. Never asserted by tests.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import requests

from bench import corpus, engines
from bench.measure import Load, Run, Server, free_port, median_load, pss_mb, settle, timed, wrk
from bench.run import HTTP_QUERIES, NEWSKG, ROOT, SPARQL_JSON, fresh, machine, row

SCRIPTS = {"oxigraph": ROOT / ".ci" / "oxigraph.sh", "virtuoso": ROOT / ".ci" / "virtuoso.sh"}
NAMES = {"oxigraph": "`oxigraph serve`", "virtuoso": "Virtuoso 7"}
TIME_LIMIT_S = 120
"""newskg's ``sparql_time_limit_s`` for the benchmark (default 10): a slow query is measured, not cut off."""


@dataclass
class Backend:
    """A SPARQL server started by its script in ``folder``, and what was measured on it."""

    kind: str
    folder: Path
    url: str = ""
    version: str = ""
    ingest: Run | None = None
    triples: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    latency_ms: dict[str, float] = field(default_factory=dict)
    http: dict[tuple[str, int], Load] = field(default_factory=dict)
    memory_mb: float = 0.0

    @property
    def name(self) -> str:
        return NAMES[self.kind]

    def env(self) -> dict[str, str]:
        """newskg's environment for writing there: Virtuoso's anonymous user only reads."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSKG_")}
        if self.kind == "virtuoso":
            env["NEWSKG_STORE_CREDENTIALS"] = str(self.folder / "netrc")
        return env

    def pid(self) -> int:
        if self.kind == "oxigraph":
            return int((self.folder / "pid").read_text())
        lock = (self.folder / "virtuoso.lck").read_text()
        return int(lock.split("VIRT_PID=", 1)[1].split()[0])


@contextmanager
def started(kind: str, folder: Path) -> Iterator[Backend]:
    script = str(SCRIPTS[kind])
    backend = Backend(kind, folder)
    try:
        out = subprocess.run(
            ["bash", script, "start", str(folder)], capture_output=True, text=True, timeout=900
        )
        if out.returncode != 0:
            raise RuntimeError(f"{script} start failed:\n{out.stderr[-2000:]}")
        backend.url = out.stdout.strip()
        answer = requests.post(backend.url, data={"query": "ASK {}"}, timeout=60)
        backend.version = answer.headers.get("Server", "").strip()
        yield backend
    finally:
        subprocess.run(["bash", script, "stop", str(folder)], capture_output=True, timeout=300)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.remote", description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="corpus size (articles of ~3,050)")
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration per measurement")
    parser.add_argument("--rounds", type=int, default=3, help="wrk rounds (medians)")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[8])
    parser.add_argument("--runs", type=int, default=5, help="requests per query timed alone (medians)")
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "out" / "remote")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS-remote.md")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    articles = max(1, math.ceil(args.triples / corpus.TRIPLES_PER_ARTICLE))
    label = f"{args.triples // 1000}k"
    folder = fresh(args.work / f"corpus-{label}")
    print(f"[remote {label}] generating {articles} articles", flush=True)
    corpus.generate(folder, articles=articles, seed=1)
    began, load = time.monotonic(), [os.getloadavg()[0]]
    with (
        started("oxigraph", fresh(args.work / "oxigraph")) as oxigraph,
        started("virtuoso", fresh(args.work / "virtuoso")) as virtuoso,
    ):
        backends = [oxigraph, virtuoso]
        for backend in backends:
            print(f"[remote {label}] newskg ingest into {backend.name}", flush=True)
            command = [NEWSKG, "ingest", "--no-extract", "--store", backend.url, str(folder)]
            backend.ingest = timed(command, env=backend.env())
            backend.triples = count_triples(backend)
        if len({b.triples for b in backends}) != 1:
            raise RuntimeError(f"the servers hold different triples: {[b.triples for b in backends]}")
        measure_queries(backends, args, label)
        load.append(os.getloadavg()[0])
    minutes = (time.monotonic() - began) / 60
    args.out.write_text(report(backends, articles, minutes, load, args), encoding="utf-8")
    print(f"wrote {args.out}")


def count_triples(backend: Backend) -> int:
    out = subprocess.run(
        [NEWSKG, "query", "--store", backend.url, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"],
        check=True,
        capture_output=True,
        text=True,
        env=backend.env(),
    ).stdout
    return int(out.split()[-1])


def measure_queries(backends: list[Backend], args: argparse.Namespace, label: str) -> None:
    servers: list[Server] = []
    try:
        endpoints = []
        for backend in backends:
            port = free_port()
            command = [NEWSKG, "serve", "--store", backend.url, "--port", str(port)]
            command += ["-s", "sparql_time_limit_s", str(TIME_LIMIT_S)]
            endpoint = f"http://127.0.0.1:{port}/sparql"
            probe = endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}"})
            log = args.work / f"newskg-{backend.kind}-{label}.log"
            servers.append(Server(f"newskg on {backend.name}", command, probe, log, env=backend.env()))
            endpoints.append(endpoint)
        print(f"[remote {label}] rows and latency of each query", flush=True)
        compare_rows(backends, endpoints)
        for name, text in engines.queries().items():
            times: dict[str, list[float]] = {b.kind: [] for b in backends}
            for _ in range(args.runs):
                for backend, endpoint in zip(backends, endpoints, strict=True):
                    times[backend.kind].append(one_request(endpoint, text))
            for backend in backends:
                backend.latency_ms[name] = statistics.median(times[backend.kind])
        print(f"[remote {label}] HTTP: {args.rounds} rounds", flush=True)
        runs: dict[tuple[str, str, int], list[Load]] = {}
        for _ in range(args.rounds):
            for kind, query in HTTP_QUERIES.items():
                for c in args.concurrency:
                    for backend, endpoint, server in zip(backends, endpoints, servers, strict=True):
                        url = endpoint + "?" + urllib.parse.urlencode({"query": engines.queries()[query]})
                        runs.setdefault((backend.kind, kind, c), []).append(
                            wrk(url, c, args.seconds, SPARQL_JSON)
                        )
                        settle(lambda s=server, b=backend: [*s.pids(), b.pid()])
        for backend in backends:
            backend.http = {(k, c): median_load(v) for (b, k, c), v in runs.items() if b == backend.kind}
            backend.memory_mb = pss_mb([backend.pid()])
    finally:
        for server in servers:
            server.stop()


def compare_rows(backends: list[Backend], endpoints: list[str]) -> None:
    """Each query's rows through newskg on each server: the same values (a server's datatypes may differ)."""
    for name, text in engines.queries().items():
        answers = []
        for backend, endpoint in zip(backends, endpoints, strict=True):
            response = requests.get(
                endpoint, params={"query": text}, headers={"Accept": SPARQL_JSON}, timeout=TIME_LIMIT_S + 30
            )
            response.raise_for_status()
            bindings = json.loads(response.content)["results"]["bindings"]
            backend.rows[name] = len(bindings)
            answers.append(sorted(tuple(sorted((k, v["value"]) for k, v in b.items())) for b in bindings))
        if any(answer != answers[0] for answer in answers):
            counts = ", ".join(f"{b.name} {b.rows[name]}" for b in backends)
            raise RuntimeError(f"{name}: the servers' rows differ ({counts})")


def one_request(endpoint: str, text: str) -> float:
    """Milliseconds for one answer to ``text`` with a comment line no request before had."""
    start = time.perf_counter()
    response = requests.get(
        endpoint,
        params={"query": f"{text}\n#{uuid.uuid4().hex}"},
        headers={"Accept": SPARQL_JSON},
        timeout=TIME_LIMIT_S + 30,
    )
    elapsed = 1000 * (time.perf_counter() - start)
    response.raise_for_status()
    return elapsed


def ratio(virtuoso: float, oxigraph: float) -> str:
    return f"{virtuoso / oxigraph:.2f}x" if oxigraph else "-"


def report(
    backends: list[Backend], articles: int, minutes: float, load: list[float], args: argparse.Namespace
) -> str:
    """RESULTS-remote.md: the setup, the ratios at a glance, then every figure."""
    oxi, vir = backends
    assert oxi.ingest and vir.ingest
    queries = list(engines.queries())
    latency = [vir.latency_ms[q] / oxi.latency_ms[q] for q in queries]
    geomean = math.exp(statistics.fmean(map(math.log, latency)))
    levels = sorted({c for _, c in oxi.http})
    lines = [
        "# newskg on a remote store: Virtuoso 7 beside `oxigraph serve`",
        "",
        f"Written by `make bench` (`python -m bench.remote`) on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, in "
        f"{minutes:.0f} min (load average {load[0]:.1f} at the start, {load[-1]:.1f} at the end). The same "
        f"synthetic corpus ({articles:,} article{'s' if articles > 1 else ''} of `bench.corpus`, seed 1: "
        f"{oxi.triples:,} triples) ingested by `newskg ingest --no-extract --store URL` into each server, "
        "then the query mix of `bench/queries` over HTTP through `newskg serve --store URL` on each "
        f"(`sparql_time_limit_s` {TIME_LIMIT_S}, other settings default). Both servers, newskg and the load "
        "run on the one machine. Ratios are **Virtuoso / oxigraph**: for seconds and milliseconds above 1 "
        "means Virtuoso is slower, for requests per second below 1 does. Never asserted by tests.",
        "",
        "## Machine and servers",
        "",
        *(f"- {line}" for line in machine()),
        f"- `oxigraph serve` ({oxi.version}): `.ci/oxigraph.sh`, an empty store, default options",
        f"- Virtuoso ({vir.version}; Debian's `virtuoso-opensource-7-bin`): `.ci/virtuoso.sh` with "
        "`.ci/virtuoso.ini` (100,000 buffers of 8 KB, about 800 MB of cache); anonymous reads through "
        "`/sparql`, newskg's writes as the user of its netrc through `/sparql-auth` (digest); its own "
        "graphs private (graph-level security), so the union default graph holds newskg's graphs only",
        "",
        "## At a glance",
        "",
        row("measure", "oxigraph", "Virtuoso", "Virtuoso / oxigraph"),
        row(*["---"] * 4),
        row(
            "ingest (s)",
            f"{oxi.ingest.seconds:.0f}",
            f"{vir.ingest.seconds:.0f}",
            ratio(vir.ingest.seconds, oxi.ingest.seconds),
        ),
        row("query mix, each query alone (geometric mean of the ratios)", "", "", f"{geomean:.2f}x"),
        *(
            row(
                f"{kind} ({HTTP_QUERIES[kind]}), c={c} (req/s)",
                f"{oxi.http[kind, c].requests_per_s:,.1f}",
                f"{vir.http[kind, c].requests_per_s:,.1f}",
                ratio(vir.http[kind, c].requests_per_s, oxi.http[kind, c].requests_per_s),
            )
            for kind in HTTP_QUERIES
            for c in levels
        ),
        "",
        "## Ingest",
        "",
        row("server", "seconds", "triples/s", "articles/s", "newskg's peak RSS (MB)", "Virtuoso / oxigraph"),
        row(*["---"] * 6),
        *(
            row(
                b.name,
                f"{b.ingest.seconds:.1f}",
                f"{b.triples / b.ingest.seconds:,.0f}",
                f"{articles / b.ingest.seconds:.2f}",
                f"{b.ingest.peak_rss_mb:.0f}",
                ratio(b.ingest.seconds, oxi.ingest.seconds),
            )
            for b in backends
            if b.ingest
        ),
        "",
        f"## The query mix, each query alone (median of {args.runs}, a new text each time)",
        "",
        "Rows compared first: both servers answered every query with the same values.",
        "",
        row("query", "rows", "oxigraph (ms)", "Virtuoso (ms)", "Virtuoso / oxigraph"),
        row(*["---"] * 5),
        *(
            row(q, oxi.rows[q], f"{oxi.latency_ms[q]:.1f}", f"{vir.latency_ms[q]:.1f}", f"{r:.2f}x")
            for q, r in zip(queries, latency, strict=True)
        ),
        "",
        f"## Under load (`wrk`, {args.seconds} s per row, median of {args.rounds} rounds; GET, SPARQL JSON, "
        "a new text each request)",
        "",
        "Errors: responses that were not 2xx in all rounds, such as newskg's 503 when a request waits for "
        "one of its `executors` longer than `queue_timeout_s` (4 and 2 s by default: eight connections, four "
        "slots).",
        "",
        row(
            "query", "connections", "server", "req/s", "p50 (ms)", "p99 (ms)", "errors", "Virtuoso / oxigraph"
        ),
        row(*["---"] * 8),
    ]
    for kind, query in HTTP_QUERIES.items():
        for c in levels:
            for b in backends:
                load = b.http[kind, c]
                lines.append(
                    row(
                        f"{kind} ({query})",
                        c,
                        b.name,
                        f"{load.requests_per_s:,.1f}",
                        f"{load.p50_ms:.1f}",
                        f"{load.p99_ms:.1f}",
                        load.errors,
                        ratio(load.requests_per_s, oxi.http[kind, c].requests_per_s),
                    )
                )
    lines += [
        "",
        "## Memory of the SPARQL servers after the query mix (PSS)",
        "",
        row("server", "MB", "Virtuoso / oxigraph"),
        row(*["---"] * 3),
        *(row(b.name, f"{b.memory_mb:,.0f}", ratio(b.memory_mb, oxi.memory_mb)) for b in backends),
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main(sys.argv[1:])
