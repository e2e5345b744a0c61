"""Full-text search (kg.search): what the index costs beside an ingest, its size, how fast a search answers,
and a text search inside SPARQL against the same query written with ``CONTAINS``, in one run on one store,
on two corpora: generated articles (``bench.corpus``) and the real news pages of ``../shared/realdata``.

    python -m bench.search                       # both: 100 generated articles (300,000 triples), real pages
    python -m bench.search --triples 1000000 --no-extract   # make bench: about 330 generated articles
    python -m bench.search --corpus real         # the real pages only
    python -m bench.search --write               # also writes bench/RESULTS-search.md (the parts run)
    python -m bench.search --write --results F   # ... into F instead

Generated corpus: ``bench.corpus`` writes the articles; ``kg.ingest.ingest`` writes them into a store on disk
(timed: parse, map, SHACL, write); the index is then written the way a writer writes it, batch by batch from
the N-Triples the store was given (``SearchIndex.replace_graphs``: parse, documents, one commit per batch of
64 graphs, timed), and once more from the store (``SearchIndex.rebuild``, timed). Searches: words of every
document frequency drawn from the corpus, inflected forms, names, two words, a phrase, with and without
filters; each answered ``--rounds`` times with 20 hits, snippets and offsets included. SPARQL: the same
question answered by ``FILTER(CONTAINS(...))`` over ``schema:articleBody`` and by ``nkgtext:query`` (rewrite,
index search, engine), medians of ``--rounds`` runs, with the rows each gives.

Real pages (``--realdata DIR``, else ``$NEWSKG_REALDATA``, else ``../shared/realdata``; read in place, never
copied): the gzipped pages of ``trafilatura-de-news``, ``trafilatura-en`` and ``aeb-en`` are ingested as
``newskg ingest`` does (pages read in ``--jobs`` processes, machine extraction on, SHACL, the index written
with every batch; the time spent in the index's writes and its final merge is measured inside the ingest).
Search words are chosen by a rule, per language: words of 6 letters or more written capitalised in at
least 90% of their occurrences across that language's bodies (nouns and names, not words that merely start
a sentence), the word whose document frequency is nearest 3%, 10% and 30% of the language's articles; the
phrase is the most frequent pair of such words in a row; the entity filter is the entity the language's
articles mention most. The language is the one newskg gave each article (``schema:articleBody``'s tag).
SPARQL: articles saying the 10% and the 30% word, and the 10% word in articles mentioning that entity.
When the folder is absent, the command says so on stderr as it starts, measures the generated corpus all the
same, and then says again that the real-page part is NOT MEASURED, in the output and in its results
section; its exit status is then 2, after everything else ran and was written.

With ``--write`` the section of each part run replaces its section in the results; the other part's
section is kept as it was (each says its date). A part NOT MEASURED keeps the figures of the last run that
measured it, below the note that says so. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import pyoxigraph
from pyoxigraph import QuerySolutions, RdfFormat

from bench.corpus import TRIPLES_PER_ARTICLE, generate
from kg.ingest import BATCH, ingest, ingest_inputs
from kg.pipeline import find_articles, find_inputs, load_corpus
from kg.search import SearchIndex, index_search, open_index, rewrite
from kg.store import Store
from kg.vocab import Minter

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS-search.md"
BASE = "https://kg.example.org/"
REALDATA = Path(os.environ.get("NEWSKG_REALDATA", ROOT.parent / "shared" / "realdata"))
PAGE_SETS = {"trafilatura-de-news": "de", "trafilatura-en": "en", "aeb-en": "en"}
GENERATED = "## Generated corpus"
REAL = "## Real news pages"
NOT_MEASURED = "**NOT MEASURED**"
EARLIER = "The figures below are those of the last run that measured them."
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


def main(argv: Sequence[str] | None = None) -> int:
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
        help="ingest the generated articles without machine extraction (the real pages always with it)",
    )
    parser.add_argument(
        "--jobs", type=int, default=None, help="ingest worker processes (default: every core)"
    )
    parser.add_argument("--rounds", type=int, default=20, help="runs of each search and query")
    parser.add_argument(
        "--corpus",
        choices=("both", "generated", "real"),
        default="both",
        help="which corpus to measure (default both)",
    )
    parser.add_argument(
        "--realdata",
        type=Path,
        default=REALDATA,
        help="the real data folder (default $NEWSKG_REALDATA or ../shared/realdata)",
    )
    parser.add_argument("--write", action="store_true", help="write the results (--results)")
    parser.add_argument(
        "--results",
        type=Path,
        default=RESULTS,
        help=f"the results file (default {RESULTS.relative_to(ROOT)})",
    )
    args = parser.parse_args(argv)

    sections: dict[str, list[str]] = {}
    status = 0
    if args.corpus == "both" and (missing := missing_pages(args.realdata)):
        print(f"bench.search: {absent(missing)}: the real-page corpus will NOT be measured (the generated "
              "one is)", file=sys.stderr)  # fmt: skip
    if args.corpus in ("both", "generated"):
        sections[GENERATED] = lines = []
        generated(args, _sayer(lines))
    if args.corpus in ("both", "real"):
        sections[REAL] = lines = []
        if not real_pages(args, _sayer(lines)):
            status = 2
    if args.write:
        old = args.results.read_text(encoding="utf-8") if args.results.exists() else ""
        args.results.write_text(merge(old, sections), encoding="utf-8")
        print(f"written to {args.results}")
    return status


def _sayer(lines: list[str]) -> Callable[..., None]:
    def say(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    return say


def merge(old: str, sections: dict[str, list[str]]) -> str:
    """The results file with ``sections`` (by their heading) replaced and the others kept as they were."""
    kept: dict[str, str] = {}
    current = None
    for line in old.splitlines():
        if line.startswith("## ") and line.split(" (")[0].split(":")[0] in (GENERATED, REAL):
            current = line.split(" (")[0].split(":")[0]
            kept[current] = ""
        if current is not None:
            kept[current] += line + "\n"
    for heading, lines in sections.items():
        new = "\n".join(lines).strip("\n")
        if NOT_MEASURED in new and (earlier := _figures(kept.get(heading, ""))):
            new += f"\n\n{EARLIER}\n\n{earlier}"
        kept[heading] = new + "\n\n"
    text = "# Full-text search benchmark (kg.search)\n\n"
    text += (
        "Two parts, each with its command and the date of its run; `make bench` runs both (`python -m "
        "bench.search --triples 1000000 --no-extract --write`). The generated articles are ingested without "
        "machine extraction, the real pages with it (as `newskg ingest` reads pages), so most of the real "
        "ingest is extraction and the index's shares of the two ingests are not comparable.\n\n"
    )
    for heading in (GENERATED, REAL):
        if heading in kept:
            text += kept[heading].strip("\n") + "\n\n"
    return text.rstrip("\n") + "\n"


def _figures(section: str) -> str:
    """What a results section measured: its lines after the heading, less any note that it was not."""
    lines = section.strip("\n").splitlines()[1:]
    return "\n".join(x for x in lines if not x.startswith(NOT_MEASURED) and x != EARLIER).strip("\n")


def _machine(command: str) -> str:
    load = os.getloadavg()[0]
    versions = f"tantivy {_version('tantivy')}, pyoxigraph {pyoxigraph.__version__}"
    day = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    return (
        f"Run {day}: `{command}`; {os.cpu_count()} cores, load average {load:.1f} at the end; "
        f"Python {platform.python_version()}, {versions}."
    )


def generated(args: argparse.Namespace, say: Callable[..., None]) -> None:
    articles = args.articles or (math.ceil(args.triples / TRIPLES_PER_ARTICLE) if args.triples else 100)
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

        say(f"{GENERATED} ({triples:,} triples)")
        say()
        flags = f"--articles {articles} --seed {args.seed}" + (" --no-extract" if args.no_extract else "")
        say(_machine(f"python -m bench.search --corpus generated {flags}"))
        say()
        say("### Index beside ingest")
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
        latency(index, [("", text, filters) for text, filters in queries], args.rounds, say)

        putin = f"<{BASE}person/vladimir-putin>"
        pairs = [_saying(word) for word in (rare, medium, common)]
        pairs.append(
            (
                f"articles saying '{medium}' about an event Putin attended",
                f'SELECT DISTINCT ?a WHERE {{ ?a schema:articleBody ?b FILTER(CONTAINS(?b, "{medium}")) '
                f"?a schema:about ?e . ?e schema:attendee {putin} }}",
                f'SELECT DISTINCT ?a WHERE {{ ?a nkgtext:query "{medium}" ; nkgtext:type "article" ; '
                f"nkgtext:limit 100000 . ?a schema:about ?e . ?e schema:attendee {putin} }}",
            )
        )
        in_sparql(store, index, pairs, args.rounds, say)
        store.close()


def _saying(word: str) -> tuple[str, str, str]:
    return (
        f"articles saying '{word}'",
        f'SELECT ?a WHERE {{ ?a schema:articleBody ?b FILTER(CONTAINS(?b, "{word}")) }}',
        f'SELECT ?a WHERE {{ ?a nkgtext:query "{word}" ; nkgtext:type "article" ; nkgtext:limit 100000 }}',
    )


def latency(
    index: SearchIndex,
    queries: Sequence[tuple[str, str, dict[str, object]]],
    rounds: int,
    say: Callable[..., None],
) -> None:
    """p50 and p99 of each ``(language, text, filters)`` and of all, 20 hits with snippets and offsets."""
    languages = any(language for language, _, _ in queries)
    say(f"### Search latency ({rounds} runs each, 20 hits with snippets and body offsets)")
    say()
    say(("| language " if languages else "") + "| query | filters | hits | p50 (ms) | p99 (ms) |")
    say(("| --- " if languages else "") + "| --- | --- | --- | --- | --- |")
    every: list[float] = []
    for language, text, filters in queries:
        index.search(text, **filters)  # type: ignore[arg-type]
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            hits = index.search(text, **filters)  # type: ignore[arg-type]
            times.append((time.perf_counter() - start) * 1000)
        every += times
        shown = ", ".join(f"{k}={v}" for k, v in filters.items()) or "-"
        cells = [
            f"`{text}`",
            shown,
            len(hits),
            f"{percentile(times, 0.5):.2f}",
            f"{percentile(times, 0.99):.2f}",
        ]
        say(row(*([language] if languages else []), *cells))
    say(
        ("| " if languages else "")
        + f"| **all** | | | **{percentile(every, 0.5):.2f}** | **{percentile(every, 0.99):.2f}** |"
    )
    say()


def in_sparql(
    store: Store,
    index: SearchIndex,
    pairs: Sequence[tuple[str, str, str]],
    rounds: int,
    say: Callable[..., None],
) -> None:
    """Each ``(question, CONTAINS query, nkgtext query)`` answered both ways, medians of ``rounds`` runs."""
    say(f"### Text in SPARQL against `CONTAINS` (medians of {rounds} runs: rewrite, index, engine)")
    say()
    say("| question | `CONTAINS` (ms) | rows | `nkgtext:query` (ms) | rows | speed-up |")
    say("| --- | --- | --- | --- | --- | --- |")
    search = index_search(index)
    for question, contains, text in pairs:
        contains_ms, contains_rows = median_ms(lambda q=contains: rows(store, PREFIXES + q), rounds)
        text_ms, text_rows = median_ms(lambda q=text: rows(store, rewrite(PREFIXES + q, search)), rounds)
        found = (len(contains_rows), len(text_rows))  # type: ignore[arg-type]
        speed = f"{contains_ms / text_ms:.1f}x"
        say(row(question, f"{contains_ms:.1f}", found[0], f"{text_ms:.1f}", found[1], speed))
    say()
    say(
        "Rows differ where they should: `CONTAINS` matches the letters (also inside longer words, never "
        "another inflection), the index matches stemmed words (every inflection, never a part of a word)."
    )
    say()


def proper_words(bodies: Sequence[str]) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """Words of 6 letters or more written capitalised in at least 90% of their occurrences in ``bodies``
    (nouns and names; not a word that merely starts a sentence), by document frequency; and the pairs of
    such words in a row (a space between them, no punctuation), by document frequency."""
    capitalised: Counter[str] = Counter()
    lowered: Counter[str] = Counter()
    tokenised = [list(re.finditer(r"[^\W\d_]+", body)) for body in bodies]
    for tokens in tokenised:
        for match in tokens:
            token = match[0]
            if len(token) >= 6:
                if token[0].isupper() and not token.isupper():
                    capitalised[token] += 1
                else:
                    lowered[token[0].upper() + token[1:].lower()] += 1
    proper = {w for w, n in capitalised.items() if n >= 0.9 * (n + lowered[w])}
    words: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for body, tokens in zip(bodies, tokenised, strict=True):
        words.update({m[0] for m in tokens if m[0] in proper})
        pairs.update(
            {
                f"{a[0]} {b[0]}"
                for a, b in itertools.pairwise(tokens)
                if a[0] in proper and b[0] in proper and body[a.end() : b.start()].isspace()
            }
        )
    return _by_documents(words), _by_documents(pairs)


def _by_documents(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda w: (-w[1], w[0]))


def page_folders(realdata: Path) -> list[Path]:
    return [realdata / name / "html" for name in PAGE_SETS]


def missing_pages(realdata: Path) -> list[Path]:
    """The page folders of ``realdata`` that are absent or hold no ``.html.gz`` page."""
    return [f for f in page_folders(realdata) if not f.is_dir() or not any(f.glob("*.html.gz"))]


def absent(missing: list[Path]) -> str:
    where = ", ".join(str(f) for f in missing)
    return f"the real pages are not there ({where} absent or without .html.gz pages)"


def real_pages(args: argparse.Namespace, say: Callable[..., None]) -> bool:
    """The real-page part; False (after saying so) when the pages are not there."""
    folders = page_folders(args.realdata)
    say(f"{REAL} ({', '.join(PAGE_SETS)})")
    say()
    if missing := missing_pages(args.realdata):
        say(
            f"{NOT_MEASURED} ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}): {absent(missing)}. "
            "Point `--realdata` or `NEWSKG_REALDATA` at the real data folder "
            "(see ../shared/realdata/README.md)."
        )
        say()
        print(f"bench.search: {absent(missing)}: the real-page corpus is NOT measured", file=sys.stderr)
        return False
    jobs = args.jobs or os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="bench-search-real-") as tmp:
        work = Path(tmp)
        corpus = load_corpus(ROOT / "data", minter=Minter(BASE), extract=True)
        start = time.perf_counter()
        inputs = find_inputs(folders, jobs=jobs)
        read_s = time.perf_counter() - start
        store = Store(work / "store")
        start = time.perf_counter()
        index = open_index(store)
        open_s = time.perf_counter() - start
        index_s = [open_s]
        write = index.replace_ntriples

        def timed(graphs: dict[str, bytes]) -> None:
            began = time.perf_counter()
            write(graphs)
            index_s.append(time.perf_counter() - began)

        index.replace_ntriples = timed  # type: ignore[method-assign]
        start = time.perf_counter()
        report = ingest_inputs(corpus, store, inputs, jobs=args.jobs, index=index)
        began = time.perf_counter()
        index.close()
        index_s.append(time.perf_counter() - began)
        ingest_s = read_s + time.perf_counter() - start
        store.flush()
        triples = len(store)
        graphs = store.graphs()
        index_mb, store_mb = size_mb(work / "store.search"), size_mb(work / "store")
        rebuilt = SearchIndex(work / "rebuilt.search")
        start = time.perf_counter()
        rebuilt.rebuild(store)
        rebuild_s = time.perf_counter() - start
        rebuilt.close()
        index = SearchIndex(work / "store.search", read_only=True)

        pages = sum(1 for f in folders for _ in f.glob("*.html.gz"))
        say(_machine(f"python -m bench.search --corpus real --realdata {args.realdata} --jobs {jobs}"))
        say()
        say("### Ingest and index (as `newskg ingest` runs: pages read, extraction on, SHACL, index)")
        say()
        say("| what | figure |")
        say("| --- | --- |")
        say(row("pages", f"{pages} gzipped HTML pages in {len(folders)} folders, read in place"))
        say(row("corpus", f"{len(graphs)} graphs, {triples:,} triples ({report.summary()})"))
        if report.rejected:
            reasons = Counter(re.sub(r"^\S*/\S*: ", "", reason)[:100] for _, reason in report.rejected)
            say(row("rejected", "; ".join(f"{n} x {reason}" for reason, n in reasons.most_common())))
        say(row(f"pages read (`find_inputs`, {jobs} processes)", f"{read_s:.1f} s"))
        say(row("**ingest** (pages read, extraction, map, SHACL, write, index)", f"**{ingest_s:.1f} s**"))
        say(
            row(
                f"index: open, {len(index_s) - 2} writes (`replace_ntriples` after each batch), final merge",
                f"{sum(index_s):.2f} s = **{sum(index_s) / ingest_s:.1%} of the ingest**",
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
                "index size",
                f"{index_mb:.1f} MB ({len(index):,} documents) beside a store of {store_mb:.1f} MB",
            )
        )
        say()

        found = rows(
            store,
            PREFIXES
            + "SELECT ?b (LANG(?b) AS ?l) ?d WHERE { ?a a schema:NewsArticle ; schema:articleBody ?b "
            "OPTIONAL { ?a schema:datePublished ?d } }",
        )
        mentioned: dict[str, str] = {}  # language: the entity its articles mention most
        for language, mention, _n in rows(
            store,
            PREFIXES + "SELECT ?l ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a schema:articleBody ?b ; "
            "schema:mentions ?e BIND(LANG(?b) AS ?l) } GROUP BY ?l ?e ORDER BY ?l DESC(?n) ?e",
        ):
            mentioned.setdefault(language.split("-")[0], mention)
        queries: list[tuple[str, str, dict[str, object]]] = []
        pairs = []
        chosen = []
        for language in ("de", "en"):
            bodies = [b for b, lang, _ in found if lang.split("-")[0] == language]
            if not bodies:
                continue
            years = sorted(
                d[:4] for b, lang, d in found if lang.split("-")[0] == language and d[:4].isdigit()
            )
            words, phrases = proper_words(bodies)
            entity = mentioned.get(language)
            rare, medium, common = (pick(words, len(bodies), share) for share in (0.03, 0.1, 0.3))
            chosen.append(
                f"{language}: {len(bodies)} articles; '{rare}', '{medium}', '{common}' in "
                f"{', '.join(str(dict(words)[w]) for w in (rare, medium, common))} of them"
                + (f"; phrase '{phrases[0][0]}' in {phrases[0][1]}" if phrases else "")
                + (f"; the entity they mention most <{entity}>" if entity else "")
            )
            queries += [(language, rare, {}), (language, medium, {}), (language, common, {})]
            queries.append((language, f"{medium} {common}", {}))
            if phrases:
                queries.append((language, f'"{phrases[0][0]}"', {}))
            if years:
                year = years[len(years) // 2]
                queries.append(
                    (
                        language,
                        common,
                        {"types": ["article"], "date_from": f"{year}-01-01", "date_to": f"{year}-12-31"},
                    )
                )
            queries.append((language, common, {"types": ["person", "organization", "place"]}))
            if entity:
                queries.append((language, medium, {"entity": entity}))
            pairs += [_saying(medium), _saying(common)]
            if entity:
                pairs.append(
                    (
                        f"articles saying '{medium}' that mention <{entity}>",
                        "SELECT DISTINCT ?a WHERE { ?a schema:articleBody ?b "
                        f'FILTER(CONTAINS(?b, "{medium}")) ?a schema:mentions <{entity}> }}',
                        f'SELECT DISTINCT ?a WHERE {{ ?a nkgtext:query "{medium}" ; nkgtext:type "article" ; '
                        f"nkgtext:limit 100000 . ?a schema:mentions <{entity}> }}",
                    )
                )
        say(
            "Words chosen by the rule (docstring: capitalised in 90% or more of their occurrences, 6 letters "
            "or more; document frequency nearest 3%, 10%, 30% of the language's articles), "
            + "; ".join(chosen)
            + "."
        )
        say()
        latency(index, queries, args.rounds, say)
        in_sparql(store, index, pairs, args.rounds, say)
        store.close()
    return True


def row(*cells: object) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


if __name__ == "__main__":
    sys.exit(main())
