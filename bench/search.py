"""Full-text search (kg.search) on a generated corpus: what the index costs beside an ingest, its size, how
fast a search answers, and a text search inside SPARQL against the same query written with ``CONTAINS``, in
one run on one store.

    python -m bench.search                       # 100 generated articles (about 300,000 triples)
    python -m bench.search --triples 1000000     # about 330 articles
    python -m bench.search --write               # also writes bench/RESULTS-search.md

Steps: ``bench.corpus`` writes the articles; ``kg.ingest.ingest`` writes them into a store on disk (timed:
parse, map, SHACL, write); the index is then written the way a writer writes it, batch by batch from the
N-Triples the store was given (``SearchIndex.replace_graphs``: parse, documents, one commit per batch of 64
graphs, timed), and once more from the store (``SearchIndex.rebuild``, timed). Searches: words of every
document frequency drawn from the corpus, inflected forms, names, two words, a phrase, with and without
filters; each answered ``--rounds`` times with 20 hits, snippets and offsets included. SPARQL: the same
question answered by ``FILTER(CONTAINS(...))`` over ``schema:articleBody`` and by ``nkgtext:query`` (rewrite,
index search, engine), medians of ``--rounds`` runs, with the rows each gives. Figures are printed (and
written with ``--write``), never asserted.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import re
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import pyoxigraph
from pyoxigraph import QuerySolutions, RdfFormat

from bench.corpus import TRIPLES_PER_ARTICLE, generate
from kg.ingest import BATCH, ingest
from kg.pipeline import find_articles, load_corpus
from kg.search import SearchIndex, index_search, rewrite
from kg.store import Store
from kg.vocab import Minter

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS-search.md"
BASE = "https://kg.example.org/"
PREFIXES = "PREFIX schema: <http://schema.org/>\nPREFIX nkgtext: <https://w3id.org/newskg/text#>\n"


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def median_ms(action: Callable[[], object], rounds: int) -> tuple[float, object]:
    result = action()  # warm
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def rows(store: Store, sparql: str) -> list[tuple[str, ...]]:
    found = store.query(sparql)
    assert isinstance(found, QuerySolutions)
    return [tuple(t.value if t is not None else "" for t in row) for row in found]


def words_by_frequency(folders: Sequence[Path]) -> list[tuple[str, int]]:
    """Words of the article bodies (capitalized, 6 letters or more: nouns and names) by document frequency."""
    frequency: Counter[str] = Counter()
    for folder in folders:
        text = (folder / "article.txt").read_text(encoding="utf-8")
        frequency.update(set(re.findall(r"\b[A-ZÄÖÜ][a-zäöüß]{5,}\b", text)))
    return frequency.most_common()


def pick(words: list[tuple[str, int]], articles: int, share: float) -> str:
    """The word whose document frequency is nearest ``share`` of the articles."""
    return min(words, key=lambda w: (abs(w[1] - share * articles), w[0]))[0]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--articles", type=int, default=None, help="articles to generate (default 100)")
    size.add_argument(
        "--triples", type=int, default=None, help=f"about this many triples ({TRIPLES_PER_ARTICLE}/article)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--no-extract",
        action="store_true",
        help="ingest without machine extraction (newskg ingest --no-extract)",
    )
    parser.add_argument(
        "--jobs", type=int, default=None, help="ingest worker processes (default: every core)"
    )
    parser.add_argument("--rounds", type=int, default=20, help="runs of each search and query")
    parser.add_argument("--write", action="store_true", help=f"write {RESULTS.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    articles = args.articles or (math.ceil(args.triples / TRIPLES_PER_ARTICLE) if args.triples else 100)

    lines: list[str] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        work = Path(tmp)
        folders = generate(work / "articles", articles, args.seed)
        corpus = load_corpus(ROOT / "data", minter=Minter(BASE), extract=not args.no_extract)
        sources = find_articles([work / "articles"])
        store = Store(work / "store")
        start = time.perf_counter()
        report = ingest(corpus, store, sources, jobs=args.jobs)
        ingest_s = time.perf_counter() - start
        store.flush()
        triples = len(store)
        graphs = store.graphs()

        # the index as a writer writes it: each batch's N-Triples after the store's transaction
        batches = [graphs[i : i + BATCH] for i in range(0, len(graphs), BATCH)]
        payloads = [
            {
                g: pyoxigraph.serialize((q.triple for q in store.quads(g)), format=RdfFormat.N_TRIPLES) or b""
                for g in batch
            }
            for batch in batches
        ]
        index = SearchIndex(work / "store.search")
        start = time.perf_counter()
        for payload in payloads:
            index.replace_graphs(payload)
        batched_s = time.perf_counter() - start
        index.close()
        index_mb, store_mb = size_mb(work / "store.search"), size_mb(work / "store")
        rebuilt = SearchIndex(work / "rebuilt.search")
        start = time.perf_counter()
        rebuilt.rebuild(store)
        rebuild_s = time.perf_counter() - start
        rebuilt.close()
        start = time.perf_counter()
        drift = SearchIndex(work / "store.search").check(store)
        check_s = time.perf_counter() - start
        index = SearchIndex(work / "store.search", read_only=True)

        say("# Full-text search benchmark (kg.search)")
        say()
        flags = f"--articles {articles} --seed {args.seed}" + (" --no-extract" if args.no_extract else "")
        load = os.getloadavg()[0]
        versions = f"tantivy {_version('tantivy')}, pyoxigraph {pyoxigraph.__version__}"
        say(
            f"`python -m bench.search {flags}`; {os.cpu_count()} cores, load average {load:.1f} at the end; "
            f"Python {platform.python_version()}, {versions}."
        )
        say()
        say("## Index beside ingest")
        say()
        say("| what | figure |")
        say("| --- | --- |")
        say(
            row(
                "corpus",
                f"{articles} articles, {len(graphs)} graphs, {triples:,} triples ({report.summary()})",
            )
        )
        say(row("`ingest` (parse, map, SHACL, write)", f"{ingest_s:.1f} s"))
        say(
            row(
                f"index written batch by batch from the N-Triples (`replace_graphs`, {len(batches)} commits)",
                f"{batched_s:.2f} s = **{batched_s / ingest_s:.1%} of the ingest**",
            )
        )
        say(
            row(
                "index rebuilt from the store (`rebuild`, one commit)",
                f"{rebuild_s:.2f} s ({rebuild_s / ingest_s:.1%})",
            )
        )
        say(
            row(
                "consistency check at open (`check`: one query, the entity graph's documents)",
                f"{check_s * 1000:.0f} ms, drift: {bool(drift)}",
            )
        )
        say(
            row(
                "index size",
                f"{index_mb:.1f} MB ({len(index):,} documents) beside a store of {store_mb:.1f} MB",
            )
        )
        say()

        words = words_by_frequency(folders)
        rare, medium, common = (pick(words, articles, share) for share in (0.02, 0.2, 0.8))
        queries: list[tuple[str, dict[str, object]]] = [
            (rare, {}),
            (medium, {}),
            (common, {}),
            ("Gipfels", {}),
            ("Selenskyj", {"types": ["person"]}),
            ("Orban Budapest", {}),
            ('"Nahen Osten"', {}),
            (medium, {"types": ["article"], "date_from": "2024-01-01", "date_to": "2024-12-31"}),
            (common, {"types": ["quotation"]}),
            (rare, {"entity": f"{BASE}person/vladimir-putin"}),
        ]
        say(f"## Search latency ({args.rounds} runs each, 20 hits with snippets and body offsets)")
        say()
        say("| query | filters | hits | p50 (ms) | p99 (ms) |")
        say("| --- | --- | --- | --- | --- |")
        every: list[float] = []
        for text, filters in queries:
            index.search(text, **filters)  # type: ignore[arg-type]
            times = []
            for _ in range(args.rounds):
                start = time.perf_counter()
                hits = index.search(text, **filters)  # type: ignore[arg-type]
                times.append((time.perf_counter() - start) * 1000)
            every += times
            shown = ", ".join(f"{k}={v}" for k, v in filters.items()) or "-"
            say(
                row(
                    f"`{text}`",
                    shown,
                    len(hits),
                    f"{percentile(times, 0.5):.2f}",
                    f"{percentile(times, 0.99):.2f}",
                )
            )
        say(f"| **all** | | | **{percentile(every, 0.5):.2f}** | **{percentile(every, 0.99):.2f}** |")
        say()

        say(f"## Text in SPARQL against `CONTAINS` (medians of {args.rounds} runs: rewrite, index, engine)")
        say()
        say("| question | `CONTAINS` (ms) | rows | `nkgtext:query` (ms) | rows | speed-up |")
        say("| --- | --- | --- | --- | --- | --- |")
        search = index_search(index)
        putin = f"<{BASE}person/vladimir-putin>"
        pairs = []
        for word in (rare, medium, common):
            pairs.append(
                (
                    f"articles saying '{word}'",
                    f'SELECT ?a WHERE {{ ?a schema:articleBody ?b FILTER(CONTAINS(?b, "{word}")) }}',
                    f'SELECT ?a WHERE {{ ?a nkgtext:query "{word}" ; nkgtext:type "article" ; '
                    "nkgtext:limit 100000 }",
                )
            )
        pairs.append(
            (
                f"articles saying '{medium}' about an event Putin attended",
                f'SELECT DISTINCT ?a WHERE {{ ?a schema:articleBody ?b FILTER(CONTAINS(?b, "{medium}")) '
                f"?a schema:about ?e . ?e schema:attendee {putin} }}",
                f'SELECT DISTINCT ?a WHERE {{ ?a nkgtext:query "{medium}" ; nkgtext:type "article" ; '
                f"nkgtext:limit 100000 . ?a schema:about ?e . ?e schema:attendee {putin} }}",
            )
        )
        for question, contains, text in pairs:
            contains_ms, contains_rows = median_ms(lambda q=contains: rows(store, PREFIXES + q), args.rounds)
            text_ms, text_rows = median_ms(
                lambda q=text: rows(store, rewrite(PREFIXES + q, search)), args.rounds
            )
            found = (len(contains_rows), len(text_rows))  # type: ignore[arg-type]
            speed = f"{contains_ms / text_ms:.1f}x"
            say(row(question, f"{contains_ms:.1f}", found[0], f"{text_ms:.1f}", found[1], speed))
        say()
        say(
            "Rows differ where they should: `CONTAINS` matches the letters (also inside longer words, never "
            "another inflection), the index matches stemmed words (every inflection, never a part of a word)."
        )
        store.close()
    if args.write:
        RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"written to {RESULTS}")


def row(*cells: object) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


if __name__ == "__main__":
    main()
