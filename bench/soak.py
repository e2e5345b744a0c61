"""A short soak: ``python -m bench.soak`` (``make bench`` runs it too) prints a markdown report.

On a synthetic corpus (``bench.corpus``, about 100k triples by default), newskg and ``oxigraph serve`` each in
turn, alone on the machine, take the same ordinary load (``wrk``, 16 connections, every request a new query
text) while a runaway query (a cross join that never ends) comes every ``--runaway-every`` seconds; the
memory of the server's whole process tree is sampled all along. Then each, started afresh, takes 300 stalled
connections (half sent part of their headers, half part of a body) while 10 fresh queries are sent. Figures
are medians or extremes of one run on a shared machine: ratios are newskg / ``oxigraph serve``. Nothing
here is asserted; ``tests/test_faults_server.py`` holds the bounds that must hold.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import requests

from bench import corpus, engines
from bench.measure import Load, Server, free_port, warm_up, wrk

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NEWSKG, OXIGRAPH = str(BIN / "newskg"), str(BIN / "oxigraph")
JSON = "application/sparql-results+json"
LOAD_QUERY = "events-of-a-person"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
RUNAWAY_CLIENT_S = 30.0
"""How long the client waits for a runaway query before it hangs up."""
STALLED = 300


@dataclass
class Soak:
    name: str
    load: Load | None = None
    runaways: list[tuple[int, float]] = field(default_factory=list)
    """Each runaway query's status (0: no answer within ``RUNAWAY_CLIENT_S``) and seconds to it."""
    after_runaway_ms: list[float] = field(default_factory=list)
    """A cheap query sent right after each runaway's answer (or time-out): the time to its answer."""
    memory_mb: list[tuple[float, float]] = field(default_factory=list)
    """(seconds since the soak began, PSS of the whole process tree)."""
    stalled_answered: int = 0
    stalled_ms: float = 0.0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--articles", type=int, default=32, help="generated articles (32: about 100k triples)"
    )
    parser.add_argument("--seconds", type=int, default=60, help="soak length per server")
    parser.add_argument("--runaway-every", type=float, default=10.0)
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "out" / "soak")
    parser.add_argument("--out", type=Path, help="also write the report here")
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (make bench installs it with apt)")
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    store, oxi, triples = prepare(args.work, args.articles)
    soaks = []
    for name, command, endpoint in contenders(store, oxi):
        print(f"[soak] {name}", file=sys.stderr, flush=True)
        server = Server(name, command, endpoint + "?query=ASK%7B%7D", args.work / f"{name}.log")
        try:
            soaks.append(soak(name, server, endpoint, args))
        finally:
            server.stop()
        # afresh: runaways a server could not stop must not be what makes it slow here
        server = Server(name, command, endpoint + "?query=ASK%7B%7D", args.work / f"{name}-stalled.log")
        try:
            soaks[-1].stalled_answered, soaks[-1].stalled_ms = stalled_clients(endpoint)
        finally:
            server.stop()
    text = report(soaks, triples, args)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


def prepare(work: Path, articles: int) -> tuple[Path, Path, int]:
    """A generated corpus ingested by newskg, and the same quads loaded by ``oxigraph load``."""
    folder, store, oxi, nquads = work / "corpus", work / "store", work / "oxigraph", work / "corpus.nq"
    corpus.generate(folder, articles=articles, seed=1)
    subprocess.run(
        [NEWSKG, "ingest", "--no-extract", "--no-validate", "--store", str(store), str(folder)], check=True
    )
    subprocess.run([NEWSKG, "export", "--store", str(store), "--format", "nq", "-o", str(nquads)], check=True)
    subprocess.run([OXIGRAPH, "load", "--location", str(oxi), "--file", str(nquads)], check=True)
    with nquads.open("rb") as lines:
        triples = sum(1 for _ in lines)
    return store, oxi, triples


def contenders(store: Path, oxi: Path) -> list[tuple[str, list[str], str]]:
    newskg, oxigraph = free_port(), free_port()
    return [
        ("newskg", [NEWSKG, "serve", "--store", str(store), "--port", str(newskg)],
         f"http://127.0.0.1:{newskg}/sparql"),
        ("oxigraph-serve", [OXIGRAPH, "serve-read-only", "--union-default-graph", "--location", str(oxi),
                            "--bind", f"127.0.0.1:{oxigraph}"], f"http://127.0.0.1:{oxigraph}/query"),
    ]  # fmt: skip


def url(endpoint: str, query: str) -> str:
    return endpoint + "?" + urllib.parse.urlencode({"query": query})


def soak(name: str, server: Server, endpoint: str, args: argparse.Namespace) -> Soak:
    result = Soak(name)
    load_url = url(endpoint, engines.queries()[LOAD_QUERY])
    warm_up(load_url, JSON)
    started = time.monotonic()
    stop = threading.Event()

    def runaway() -> None:
        begun = time.monotonic()
        try:
            answer = requests.get(url(endpoint, RUNAWAY), headers={"Accept": JSON}, timeout=RUNAWAY_CLIENT_S)
            result.runaways.append((answer.status_code, time.monotonic() - begun))
        except requests.RequestException:
            result.runaways.append((0, time.monotonic() - begun))
        probe = time.monotonic()
        try:
            requests.get(url(endpoint, f"ASK {{ ?s ?p ?o }} # {probe}"), timeout=RUNAWAY_CLIENT_S)
            result.after_runaway_ms.append(1000 * (time.monotonic() - probe))
        except requests.RequestException:
            result.after_runaway_ms.append(1000 * RUNAWAY_CLIENT_S)

    def load() -> None:
        try:
            result.load = wrk(load_url, 16, args.seconds, JSON)
        finally:
            stop.set()

    loader = threading.Thread(target=load)
    loader.start()
    launched: list[threading.Thread] = []
    next_runaway = started + args.runaway_every / 2
    try:
        while not stop.is_set():  # memory every 2 s; a runaway every runaway_every s, whether the last ended
            result.memory_mb.append((time.monotonic() - started, server.pss_mb()))
            if time.monotonic() >= next_runaway:
                launched.append(threading.Thread(target=runaway))
                launched[-1].start()
                next_runaway += args.runaway_every
            stop.wait(2.0)
    finally:
        loader.join()
        for thread in launched:
            thread.join()
        result.memory_mb.append((time.monotonic() - started, server.pss_mb()))
    return result


def stalled_clients(endpoint: str) -> tuple[int, float]:
    """Open ``STALLED`` connections that stop halfway, then ask 10 fresh queries (5 s each at most): how many
    were answered, and the median time of those."""
    host, port = urllib.parse.urlsplit(endpoint).netloc.split(":")
    path = urllib.parse.urlsplit(endpoint).path
    partial = [
        f"GET {path}?query=ASK%7B%7D HTTP/1.1\r\nHost: {host}\r\n".encode(),
        f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/sparql-query\r\n"
        "Content-Length: 1000\r\n\r\nASK {".encode(),
    ]
    connections = []
    answered: list[float] = []
    try:
        for i in range(STALLED):
            try:
                connection = socket.create_connection((host, int(port)), timeout=5)
                connection.sendall(partial[i % 2])
                connections.append(connection)
            except OSError:
                break
        time.sleep(1)
        for i in range(10):
            begun = time.monotonic()
            try:
                query = f'ASK {{ ?s ?p ?o FILTER(?o != "stalled {i} {begun}") }}'
                if requests.get(url(endpoint, query), headers={"Accept": JSON}, timeout=5).ok:
                    answered.append(1000 * (time.monotonic() - begun))
            except requests.RequestException:
                pass
    finally:
        for connection in connections:
            connection.close()
    return len(answered), statistics.median(answered) if answered else 0.0


def cut(soak: Soak) -> int:
    """Runaway queries the server itself ended (503) before the client gave up."""
    return sum(1 for status, seconds in soak.runaways if status == 503 and seconds < RUNAWAY_CLIENT_S)


def ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}x" if theirs else "-"


def report(soaks: list[Soak], triples: int, args: argparse.Namespace) -> str:
    by = {s.name: s for s in soaks}
    ours, peer = by["newskg"], by["oxigraph-serve"]
    lines = [
        "# Soak",
        "",
        f"Written by `python -m bench.soak` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: {triples:,} triples, "
        f"{args.seconds} s per server under `wrk` (16 connections, `{LOAD_QUERY}`, a new text per request), "
        f"a runaway query every {args.runaway_every:g} s (the client gives up after {RUNAWAY_CLIENT_S:g} s), "
        f"memory (PSS of the process tree) every 2 s; then, restarted, {STALLED} stalled connections. "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f} at the end: one run on a shared machine; ratios are newskg / "
        "`oxigraph serve`.",
        "",
        "| | newskg | oxigraph serve | ratio |",
        "| --- | --- | --- | --- |",
    ]

    def row(what: str, a: float, b: float, fmt: str = "{:,.0f}") -> None:
        lines.append(f"| {what} | {fmt.format(a)} | {fmt.format(b)} | {ratio(a, b)} |")

    assert ours.load and peer.load
    row("req/s under load", ours.load.requests_per_s, peer.load.requests_per_s)
    row("p99 latency (ms)", ours.load.p99_ms, peer.load.p99_ms)
    row("failed requests (non-2xx, time-outs)", ours.load.errors, peer.load.errors)
    lines.append(
        f"| runaway queries cut off by the server | {cut(ours)} of {len(ours.runaways)} "
        f"| {cut(peer)} of {len(peer.runaways)} | - |"
    )
    row(
        "seconds to a runaway's answer (median)",
        statistics.median([s for _, s in ours.runaways] or [0]),
        statistics.median([s for _, s in peer.runaways] or [0]),
        "{:.1f}",
    )
    row(
        "ms to the next query after a runaway (median)",
        statistics.median(ours.after_runaway_ms or [0]),
        statistics.median(peer.after_runaway_ms or [0]),
        "{:.0f}",
    )
    for label, pick in (("first", 0), ("last", -1)):
        row(f"memory, {label} sample (MB)", ours.memory_mb[pick][1], peer.memory_mb[pick][1])
    row("memory, highest sample (MB)", max(m for _, m in ours.memory_mb), max(m for _, m in peer.memory_mb))
    lines.append(
        f"| fresh queries answered with {STALLED} stalled connections open | {ours.stalled_answered} of 10 "
        f"| {peer.stalled_answered} of 10 | - |"
    )
    row("ms to those answers (median)", ours.stalled_ms, peer.stalled_ms, "{:.0f}")
    lines += ["", "Memory over time (MB):", "", "| s | newskg | oxigraph serve |", "| --- | --- | --- |"]
    for (t, a), (_, b) in zip(ours.memory_mb, peer.memory_mb, strict=False):
        lines.append(f"| {t:.0f} | {a:,.0f} | {b:,.0f} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
