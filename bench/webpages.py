"""How well newskg reads real news pages, beside trafilatura, readability-lxml and newspaper4k.

    python -m bench.webpages [--out FILE] [--realdata DIR] [--jobs 2]

Reads the pages of ``../shared/realdata`` (``trafilatura-de-news``, ``trafilatura-en``, ``aeb-en``; never
copied into the repo) with newskg's HTML reader and with each peer, in the same run, and prints a markdown
table:

- body: segment precision, recall and F-score (trafilatura's metric: a ``with`` segment found is a true
  positive, missing a false negative; a ``without`` segment found a false positive; counts pooled over the
  pages), and on ``aeb-en`` the token F1 of the text against the full gold body (per page, averaged);
- headline: exact match after whitespace normalisation, over the pages whose gold has a title;
- date: the publication day, over the pages whose gold has one;
- authors: the set of names (case and whitespace folded, split at ``;``, ``,``, ``/``, ``and``, ``und``),
  over the pages whose gold has an ``author`` field (an empty one asks for no author);
- speed: pages per second from the HTML bytes to the article model, one process and ``--jobs`` processes
  forked after a first pass over all pages (one-off costs such as imports and dateparser's locale patterns
  are not counted; a large ingest pays them once per worker).

newskg's text is its ``schema:articleBody`` without the headline block (the gold bodies have no title).
Every score is given for the whole set and for its two halves (pages split by a hash of their key); a rule
is chosen on one half and checked on the other, and the notes of ``bench/RESULTS-webpages.md`` say which.
The network is cut for the whole run (``socket.connect`` raises), so no system can fetch anything.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import multiprocessing
import os
import re
import socket
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REALDATA = Path(
    os.environ.get("NEWSKG_REALDATA", Path(__file__).resolve().parent.parent.parent / "shared" / "realdata")
)
SETS = ("trafilatura-de-news", "trafilatura-en", "aeb-en")
EXCLUDED_BLOCKS = {"headline", "caption", "credit"}
"""Blocks of the body left out of the text scored against the gold bodies (no title, no captions)."""
SYSTEMS = ("newskg", "trafilatura", "readability-lxml", "newspaper4k")


class NetworkUsed(RuntimeError):
    pass


def _no_network() -> None:
    def refuse(self: socket.socket, address: object) -> None:
        raise NetworkUsed(f"a connection to {address!r} was attempted")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign,assignment]


@dataclass
class Page:
    dataset: str
    key: str
    html: bytes
    gold: dict

    @property
    def half(self) -> str:
        return "A" if int(hashlib.sha256(self.key.encode()).hexdigest(), 16) % 2 == 0 else "B"


@dataclass
class Output:
    text: str = ""
    title: str | None = None
    authors: list[str] | None = None
    date: str | None = None
    error: str | None = None


def load_pages(root: Path = REALDATA) -> list[Page]:
    pages = []
    for dataset in SETS:
        folder = root / dataset
        gold_file = folder / "gold.jsonl"
        if not gold_file.exists():
            continue
        for line in gold_file.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            gold = json.loads(line)
            path = folder / "html" / gold["file"]
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            pages.append(Page(dataset, gold["key"], data, gold))
    return pages


# ------------------------------------------------------------------------------------------ systems


def run_newskg(page: Page) -> Output:
    from kg.errors import InputError
    from kg.read.html import read_html

    try:
        article = read_html(page.html, source=page.gold["file"], url=page.gold.get("url"))
    except InputError as exc:
        return Output(error=exc.message)
    body = article.body
    text = "\n\n".join(b.span.text(body) for b in article.blocks if b.kind not in EXCLUDED_BLOCKS)
    return Output(
        text=text,
        title=article.headline,
        authors=[c.name for c in article.creators],
        date=article.date_published.isoformat(),
    )


def run_trafilatura(page: Page) -> Output:
    import trafilatura

    document = trafilatura.bare_extraction(page.html, url=page.gold.get("url"), with_metadata=True)
    if document is None:
        return Output(error="nothing extracted")
    return Output(
        text=document.text or "",
        title=document.title,
        authors=split_names(document.author or ""),
        date=document.date,
    )


def run_readability(page: Page) -> Output:
    import lxml.html
    from readability import Document

    document = Document(page.html)
    summary = document.summary(html_partial=True)
    tree = lxml.html.fragment_fromstring(summary, create_parent="div")
    blocks = [
        " ".join(el.text_content().split()) for el in tree.iter("p", "h1", "h2", "h3", "h4", "li", "pre")
    ]
    text = "\n".join(b for b in blocks if b) or " ".join(tree.text_content().split())
    return Output(text=text, title=document.short_title())


def run_newspaper(page: Page) -> Output:
    import newspaper

    article = newspaper.Article(page.gold.get("url") or "https://example.org/", fetch_images=False)
    article.download(input_html=page.html.decode("utf-8", errors="replace"))
    article.parse()
    date = article.publish_date.date().isoformat() if article.publish_date else None
    return Output(text=article.text, title=article.title, authors=list(article.authors), date=date)


RUNNERS: dict[str, Callable[[Page], Output]] = {
    "newskg": run_newskg,
    "trafilatura": run_trafilatura,
    "readability-lxml": run_readability,
    "newspaper4k": run_newspaper,
}


def _run(system: str, page: Page) -> Output:
    try:
        return RUNNERS[system](page)
    except NetworkUsed:
        raise
    except Exception as exc:  # a peer failing on a page scores that page as empty
        return Output(error=f"{type(exc).__name__}: {exc}")


# ------------------------------------------------------------------------------------------ metrics


def norm(text: str) -> str:
    return " ".join(text.split())


def split_names(value: str | list | None) -> list[str]:
    if not value:
        return []
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        names.extend(re.split(r"\s*(?:;|,|/|\band\b|\bund\b|&)\s*", str(item), flags=re.IGNORECASE))
    return [n for n in (norm(n) for n in names) if n]


def name_set(value: str | list | None) -> frozenset[str]:
    return frozenset(n.casefold() for n in split_names(value))


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def token_f1(predicted: str, gold: str) -> float:
    p, g = Counter(tokens(predicted)), Counter(tokens(gold))
    if not p or not g:
        return 1.0 if not p and not g else 0.0
    common = sum((p & g).values())
    if common == 0:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


@dataclass
class Scores:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    token_f1: list[float] = field(default_factory=list)
    titles: list[bool] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)
    authors: list[bool] = field(default_factory=list)
    errors: int = 0
    pages: int = 0

    def add(self, page: Page, out: Output) -> None:
        self.pages += 1
        self.errors += out.error is not None
        text = norm(out.text)
        gold = page.gold
        for segment in gold.get("with", []):
            if norm(segment) in text:
                self.tp += 1
            else:
                self.fn += 1
        for segment in gold.get("without", []):
            if norm(segment) in text:
                self.fp += 1
            else:
                self.tn += 1
        if "articleBody" in gold:
            self.token_f1.append(token_f1(out.text, gold["articleBody"]))
        if gold.get("title"):
            self.titles.append(norm(out.title or "") == norm(gold["title"]))
        if gold.get("date"):
            self.dates.append((out.date or "")[:10] == gold["date"][:10])
        if "author" in gold:
            self.authors.append(name_set(out.authors) == name_set(gold["author"]))

    def segment_prf(self) -> tuple[float, float, float] | None:
        if self.tp + self.fn + self.fp == 0:
            return None
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f


def _mean(values: list) -> str:
    return f"{sum(values) / len(values):.3f} ({len(values)})" if values else "–"


def _prf(scores: Scores) -> str:
    prf = scores.segment_prf()
    return "–" if prf is None else f"{prf[0]:.3f} / {prf[1]:.3f} / **{prf[2]:.3f}**"


# ------------------------------------------------------------------------------------------ speed


def _read_one(html: bytes) -> int:
    from kg.errors import InputError
    from kg.read.html import read_html

    try:
        return len(read_html(html).body)
    except InputError:
        return 0


def speed(pages: list[Page], jobs: int) -> dict[str, float]:
    """Pages per second, HTML bytes to the article model: one process (by the wall clock and by its own CPU
    time, which other programs on the machine do not change), and ``jobs`` worker processes."""
    htmls = [p.html for p in pages]
    for html in htmls:  # a first pass: imports, models and dateparser's per-locale patterns are not counted
        _read_one(html)
    wall, cpu = time.perf_counter(), time.process_time()
    for html in htmls:
        _read_one(html)
    single = len(htmls) / (time.perf_counter() - wall)
    per_cpu_second = len(htmls) / (time.process_time() - cpu)
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs) as pool:
        pool.map(_read_one, htmls[:jobs], chunksize=1)
        start = time.perf_counter()
        pool.map(_read_one, htmls, chunksize=4)
        parallel = len(htmls) / (time.perf_counter() - start)
    return {"single": single, "cpu": per_cpu_second, "parallel": parallel, "load": os.getloadavg()[0]}


# ------------------------------------------------------------------------------------------ report


def report(
    pages: list[Page], outputs: dict[str, list[Output]], timing: tuple[float, float], jobs: int
) -> str:
    lines = [
        "## Reading real news pages (`python -m bench.webpages`)",
        "",
        f"Pages: {', '.join(f'{d} {sum(p.dataset == d for p in pages)}' for d in SETS)}. "
        "Segment P / R / **F** pooled over pages; token F1, headline, date and author accuracy averaged "
        "over the pages whose gold has the field (count in brackets). Halves A and B split each set by a "
        "hash of the page's key; the notes say on which half each rule was chosen and which checked it.",
        "",
    ]
    for dataset in SETS:
        in_set = [i for i, p in enumerate(pages) if p.dataset == dataset]
        if not in_set:
            continue
        lines += [f"### {dataset}", ""]
        aeb = dataset == "aeb-en"
        header = ["system", "half", "token F1" if aeb else "segments P / R / F"]
        if not aeb:
            header += ["headline", "date", "authors"]
        header += ["not read"]
        lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for system in SYSTEMS:
            for half in ("all", "A", "B"):
                scores = Scores()
                for i in in_set:
                    if half == "all" or pages[i].half == half:
                        scores.add(pages[i], outputs[system][i])
                row = [system if half == "all" else "", half]
                row.append(_mean(scores.token_f1) if aeb else _prf(scores))
                if not aeb:
                    row += [_mean(scores.titles), _mean(scores.dates), _mean(scores.authors)]
                row.append(str(scores.errors))
                lines.append("| " + " | ".join(row) + " |")
        lines.append("")
    lines += [
        f"Speed (newskg, HTML bytes to the article model, all {len(pages)} pages, after a first pass): "
        f"{timing['single']:.1f} pages/s in one process by the wall clock, {timing['cpu']:.1f} pages per CPU "
        f"second of that process (so {jobs * timing['cpu']:.1f} pages/s on {jobs} free cores), "
        f"{timing['parallel']:.1f} pages/s by the wall clock with {jobs} processes; {os.cpu_count()} cores, "
        f"load average {timing['load']:.1f} at the end (other programs' load lowers the wall-clock figures).",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="also write the markdown table to this file")
    parser.add_argument("--realdata", type=Path, default=REALDATA)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    args = parser.parse_args(argv)
    if not all((args.realdata / d / "gold.jsonl").exists() for d in SETS):
        missing = [d for d in SETS if not (args.realdata / d / "gold.jsonl").exists()]
        print(
            f"bench.webpages: the real pages are not there ({args.realdata}: missing {', '.join(missing)}); "
            "nothing was measured.",
            file=sys.stderr,
        )
        return 2
    _no_network()
    pages = load_pages(args.realdata)
    systems = [s for s in args.systems.split(",") if s]
    outputs: dict[str, list[Output]] = {}
    for system in SYSTEMS:
        if system in systems:
            outputs[system] = [_run(system, p) for p in pages]
        else:
            outputs[system] = [Output(error="not run") for _ in pages]
    timing = speed(pages, args.jobs)
    table = report(pages, outputs, timing, args.jobs)
    print(table)
    if args.out:
        args.out.write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
