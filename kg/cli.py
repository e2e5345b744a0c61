"""The ``newskg`` commands of the pipeline: build, ingest, validate, export, query, remove.

Each command parses its options, calls one library function and prints the outcome. Errors the user can fix
print one line and exit 2; a graph that violates the shapes exits 1.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path

import click
import pyoxigraph
from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions

from kg import formats
from kg.curate.cli import entities
from kg.errors import InputError, NewsKGError
from kg.export import export as export_store
from kg.extract import extract as extract_text
from kg.extract.jsonl import dumps, to_json
from kg.extracted import template as annotation_template
from kg.ingest import IngestReport, ingest_inputs
from kg.ingest import build as build_graph
from kg.options import (
    base_option,
    data_option,
    minter_for,
    search_index_option,
    store_option,
    user_errors,
)
from kg.pipeline import ARTICLE_TEXT, MAX_ARTICLE_BYTES, find_articles, find_inputs, load_corpus
from kg.read.dw import parse_article
from kg.search import SearchIndex, open_index
from kg.search.cli import search
from kg.shacl import validate as validate_quads
from kg.store import GraphStore, open_store
from kg.vocab import PREFIXES, slugify

no_extract_option = click.option(
    "--no-extract",
    is_flag=True,
    envvar="NEWSKG_NO_EXTRACT",
    help="Map no machine facts (the extractor's): only what the readers and the editors' annotations give "
    "(env NEWSKG_NO_EXTRACT).",
)


max_article_option = click.option(
    "--max-article-bytes",
    envvar="NEWSKG_MAX_ARTICLE_BYTES",
    type=click.IntRange(min=1),
    default=MAX_ARTICLE_BYTES,
    show_default=True,
    help="Refuse article texts larger than this (env NEWSKG_MAX_ARTICLE_BYTES).",
)


def open_existing(spec: str) -> GraphStore:
    return open_store(spec, read_only=True, must_exist=True)


def open_search_index(store: GraphStore, path: Path | None) -> SearchIndex | None:
    """The writer's search index of ``store`` (synced with it as it opens), or None for a remote store
    without ``--search-index``."""
    if path is None and store.path is None:
        return None
    return open_index(store, path)


class Progress:
    """Progress on stderr: on a terminal a bar redrawn in place; otherwise a line every :attr:`EVERY` items
    or :attr:`SECONDS` seconds, whichever comes first, and one at the end."""

    EVERY = 100
    SECONDS = 5.0

    def __init__(self, what: str) -> None:
        self.what, self.tty, self.drawn = what, sys.stderr.isatty(), False
        self.last: float | None = None

    def __call__(self, done: int, total: int, name: str = "") -> None:
        if self.tty:
            width = 30
            filled = width * done // max(total, 1)
            bar = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {self.what} {name[:40]:40}"
            click.echo("\r" + bar, err=True, nl=False)
            self.drawn = True
            return
        now = time.monotonic()
        self.last = now if self.last is None else self.last
        if done % self.EVERY == 0 or done == total or now - self.last >= self.SECONDS:
            self.last = now
            click.echo(f"{done}/{total} {self.what}", err=True)

    def end(self) -> None:
        if self.drawn:
            click.echo("", err=True)
            self.drawn = False


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newskg")
def cli() -> None:
    """newskg: news articles as a queryable, verifiable knowledge graph."""


@cli.command()
@data_option("Data folder with entities/ and articles/.")
@store_option
@base_option
@click.option("--no-validate", is_flag=True, help="Skip the SHACL gate (not for production).")
@max_article_option
@no_extract_option
@search_index_option
@click.argument("articles", nargs=-1, type=click.Path(path_type=Path))
def build(
    data_dir: Path,
    store_path: str,
    base: str | None,
    no_validate: bool,
    max_article_bytes: int,
    no_extract: bool,
    search_index: Path | None,
    articles: tuple[Path, ...],
) -> None:
    """Build the graph from DATA (all of data/articles, or the given article folders), validate it, and
    write it to the store in one transaction."""
    with user_errors():
        started = time.perf_counter()
        corpus = load_corpus(
            data_dir, minter=minter_for(base), max_article_bytes=max_article_bytes, extract=not no_extract
        )
        sources = find_articles(articles or [data_dir / "articles"])
        store = open_store(store_path)
        index = open_search_index(store, search_index)
        try:
            result = build_graph(corpus, store, sources, check=not no_validate, index=index)
        finally:
            if index is not None:
                index.close()
        click.echo(
            f"built {len(sources)} article(s) ({len(result.unchanged)} unchanged), {result.triples} triples "
            f"written into {store_path} in {time.perf_counter() - started:.1f} s"
            + ("; the graph conforms to the shapes" if not no_validate else "; not validated")
        )


@cli.command()
@data_option("Data folder whose entities/ the articles refer to.")
@store_option
@base_option
@click.option("--jobs", type=int, default=None, help="Worker processes (default: one per core).")
@click.option("--no-validate", is_flag=True, help="Skip the SHACL gate (not for production).")
@max_article_option
@no_extract_option
@search_index_option
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def ingest(
    data_dir: Path,
    store_path: str,
    base: str | None,
    jobs: int | None,
    no_validate: bool,
    max_article_bytes: int,
    no_extract: bool,
    search_index: Path | None,
    paths: tuple[Path, ...],
) -> None:
    """Ingest articles into the store, each as its own named graph. Each PATH is a file or a folder of any
    mix: DW article folders (article.txt, annotations.yaml), saved web pages (.html, .htm, .html.gz; a
    folder with one page and an annotations.yaml is an annotated page), RSS or Atom feeds, WARC files
    (.warc, .warc.gz) and plain text files with an optional YAML front matter.

    Copies of one article (the same canonical URL, or the same text) are ingested once, the latest version;
    a feed item whose page is among the inputs adds to the page. Inputs that cannot be read and articles
    that fail (or contradict a stored one about a shared event) are reported with their file and reason and
    skipped; the exit status is 1 if any was rejected. An article ingested with a warning (a page or text
    that names no publisher and has no URL: stored with its publisher unknown) is named too, and does not
    change the exit status."""
    with user_errors():
        corpus = load_corpus(
            data_dir, minter=minter_for(base), max_article_bytes=max_article_bytes, extract=not no_extract
        )
        started = time.perf_counter()
        reading = Progress("inputs read")
        inputs = find_inputs(paths, jobs=jobs or os.cpu_count() or 1, progress=reading)
        reading.end()
        store = open_store(store_path)
        index = open_search_index(store, search_index)
        processing = Progress("articles processed")
        try:
            report = ingest_inputs(
                corpus, store, inputs, jobs=jobs, check=not no_validate, progress=processing, index=index
            )
        finally:
            processing.end()
            if index is not None:
                index.close()
        tell(report)
        click.echo(f"{report.summary()} in {time.perf_counter() - started:.1f} s")
        sys.exit(1 if report.rejected else 0)


def tell(report: IngestReport) -> None:
    """What an ingest passed over or stored incomplete, one line each on stderr: rejections, duplicates,
    replaced copies, warnings."""
    for slug, reason in report.rejected:
        click.echo(f"rejected {slug}: {reason}", err=True)
    for copy, kept, reason in report.duplicates:
        click.echo(f"duplicate {copy}: {reason}; the article is {kept}", err=True)
    for graph in report.replaced:
        click.echo(f"replaced {graph}: an earlier copy of an article ingested now", err=True)
    for warning in report.warnings():
        click.echo(warning, err=True)


@cli.command()
@data_option("Data folder whose entities/ are the known names (without one, every name is discovered).")
@base_option
@click.option("--lang", type=click.Choice(["auto", "de", "en"]), default="auto", show_default=True)
@click.option("--lines", is_flag=True, help="Every line of a text file is a document of its own.")
@click.option(
    "--published",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Publication date of plain texts, against which relative dates resolve (events need one).",
)
@max_article_option
@click.option(
    "--template",
    is_flag=True,
    help="Instead of JSON, write the machine facts of each ARTICLE folder as an annotations.yaml skeleton "
    "(a `machine:` section with a verdict to give each fact; docs/annotations.md).",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def extract(
    data_dir: Path,
    base: str | None,
    lang: str,
    lines: bool,
    published: dt.datetime | None,
    max_article_bytes: int,
    template: bool,
    paths: tuple[Path, ...],
) -> None:
    """Read mentions, quotations, roles and events out of texts: a DW scrape (an article folder, or its
    article.txt) or plain text files; one JSON object per document on stdout (docs/extract-format.md).
    A file that cannot be read is named on stderr and the exit status is 2.

    With --template, each PATH is an article folder and what is written is the annotations.yaml skeleton
    an editor starts from: every machine fact with its id, to confirm, correct or reject."""
    if template:
        write_templates(data_dir, base, lang, paths, max_article_bytes)
        return
    with user_errors():
        minter = minter_for(base)
        corpus = load_corpus(data_dir, minter=minter) if (data_dir / "entities").is_dir() else None
        lookup = corpus.lookup if corpus is not None else None
        failed = 0
        for path in paths:
            try:
                documents = extraction_inputs(path, lines=lines, max_bytes=max_article_bytes)
            except InputError as exc:
                click.echo(f"error: {exc}", err=True)
                failed += 1
                continue
            for doc, text, day in documents:
                day = day or (published.date() if published else None)
                found = extract_text(
                    text, lang=None if lang == "auto" else lang, published=day, registry_lookup=lookup
                )
                if found.lang not in ("de", "en"):
                    click.echo(
                        f"warning: {doc}: not German or English text; only its language is given", err=True
                    )
                click.echo(dumps(to_json(found, doc=doc, text=text, registry_lookup=lookup, minter=minter)))
        sys.exit(2 if failed else 0)


def write_templates(
    data_dir: Path, base: str | None, lang: str, paths: tuple[Path, ...], max_bytes: int
) -> None:
    """``newskg extract --template``: the annotation skeleton of each article folder on stdout."""
    with user_errors():
        corpus = load_corpus(data_dir, minter=minter_for(base), max_article_bytes=max_bytes)
        if len(paths) > 1:
            raise NewsKGError("--template takes one article folder (the skeleton of one annotations.yaml)")
        for source in find_articles(paths):
            documents = extraction_inputs(source.text.parent, lines=False, max_bytes=max_bytes)
            for _, body, day in documents:
                found = extract_text(
                    body, lang=None if lang == "auto" else lang, published=day, registry_lookup=corpus.lookup
                )
                if found.lang not in ("de", "en"):
                    click.echo(
                        f"warning: {source.text}: not German or English text; no machine facts", err=True
                    )
                click.echo(annotation_template(source.slug, found, body, registry=corpus.registry), nl=False)


def extraction_inputs(path: Path, *, lines: bool, max_bytes: int) -> list[tuple[str, str, dt.date | None]]:
    """The documents of one ``extract`` argument: ``(name, text, publication date)``; a DW scrape gives its
    article body and date, a plain text file its text exactly (or each non-empty line with ``lines``).

    :raises InputError: naming the file, for one that cannot be read, is not UTF-8, is empty or too large.
    """
    scrape = path / ARTICLE_TEXT if path.is_dir() else path
    if not scrape.is_file():
        raise InputError("no such file (expected a text file or an article folder)", file=path)
    size = scrape.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"the text is {size:,} bytes, more than the limit of {max_bytes:,} (--max-article-bytes)",
            file=scrape,
        )
    try:
        raw = scrape.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start}); nothing extracted", file=scrape) from None
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", file=scrape) from None
    if not raw.strip():
        raise InputError("the text is empty; nothing extracted", file=scrape)
    if "\x00" in raw:
        raise InputError("binary data, not text; nothing extracted", file=scrape)
    if path.is_dir() or scrape.name == ARTICLE_TEXT:
        article = parse_article(raw, slug=slugify(scrape.parent.name), source=scrape)
        return [(str(scrape), article.body, article.date_published)]
    if lines:
        return [(f"{scrape}:{n}", line, None) for n, line in enumerate(raw.split("\n"), 1) if line.strip()]
    return [(str(scrape), raw, None)]


def read_rdf_files(files: tuple[Path, ...]) -> list[pyoxigraph.Quad]:
    """Every quad of ``files``, each parsed with its own location as base IRI."""
    return [quad for path in files for quad in formats.read_quads(path, path.resolve().as_uri())]


@cli.command()
@store_option
@click.option(
    "--report",
    "report_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also write the SHACL validation report as Turtle to this file.",
)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
def validate(store_path: str, report_path: Path | None, files: tuple[Path, ...]) -> None:
    """Validate the built graph, or the given RDF FILES (Turtle, TriG, N-Triples, N-Quads, JSON-LD), against
    the newskg SHACL shapes. Exit 0: conforms; 1: does not conform; 2: the input cannot be read."""
    with user_errors():
        quads = read_rdf_files(files) if files else list(open_existing(store_path).quads())
        report = validate_quads(quads)
        if report_path is not None:
            report_path.write_bytes(report.turtle())
        click.echo(report.text())
        sys.exit(0 if report.conforms else 1)


@cli.command()
@store_option
@base_option
@click.option(
    "--format",
    "fmt",
    default="turtle",
    show_default=True,
    type=click.Choice([f.name for f in formats.RDF_FORMATS]),
)
@click.option("--graph", help="Export only this named graph (IRI).")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="File to write (default: stdout).",
)
def export(store_path: str, base: str | None, fmt: str, graph: str | None, output: Path | None) -> None:
    """Export the store (or one named graph) as Turtle, TriG, N-Triples, N-Quads, RDF/XML or JSON-LD."""
    with user_errors():
        store = open_existing(store_path)
        if graph is not None and not store.has_graph(graph):
            raise NewsKGError(
                f"no graph {graph!r} in the store (list them: newskg query 'SELECT ?g {{ GRAPH ?g {{}} }}')"
            )
        minter = minter_for(base)
        if output is None:
            export_store(store, formats.by_name(fmt), sys.stdout.buffer, graph=graph, minter=minter)
            return
        partial = output.with_name(output.name + ".partial")
        with partial.open("wb") as out:
            export_store(store, formats.by_name(fmt), out, graph=graph, minter=minter)
        partial.replace(output)


@cli.command()
@store_option
@base_option
@search_index_option
@click.argument("articles", nargs=-1, required=True)
def remove(store_path: str, base: str | None, search_index: Path | None, articles: tuple[str, ...]) -> None:
    """Remove articles from the store: each ARTICLE is a slug (its folder name) or a graph IRI. All are
    checked first, so an unknown one removes nothing."""
    with user_errors():
        store = open_store(store_path, must_exist=True)
        minter = minter_for(base)
        graphs = [a if "://" in a else minter.article_graph(a) for a in articles]
        if minter.entities_graph in graphs:
            raise NewsKGError("the entity graph is shared by every article; rebuild instead of removing it")
        missing = [g for g in graphs if not store.has_graph(g)]
        if missing:
            raise NewsKGError(f"no graph {missing[0]!r} in the store; nothing was removed")
        index = open_search_index(store, search_index)
        store.remove_graphs(graphs)
        if index is not None:
            with index:
                index.remove_graphs(graphs)
        click.echo("removed " + ", ".join(graphs))


@cli.command()
@store_option
@click.option(
    "--format",
    "fmt",
    default="tsv",
    show_default=True,
    type=click.Choice(["json", "xml", "csv", "tsv"]),
    help="Result format of SELECT and ASK; CONSTRUCT and DESCRIBE print Turtle.",
)
@click.argument("sparql")
def query(store_path: str, fmt: str, sparql: str) -> None:
    """Run a SPARQL query over the store (default graph: the union of all graphs). The newskg prefixes
    (schema:, wd:, nkg:, oa:, prov:, ...) are predeclared."""
    with user_errors():
        result = open_existing(store_path).query(sparql, prefixes=PREFIXES)
        out = sys.stdout.buffer
        if isinstance(result, QuerySolutions | QueryBoolean):
            result.serialize(out, format=getattr(QueryResultsFormat, fmt.upper()))
        else:
            pyoxigraph.serialize(result, out, format=pyoxigraph.RdfFormat.TURTLE, prefixes=PREFIXES)
        out.write(b"\n")


cli.add_command(search)
cli.add_command(entities)


def main() -> None:
    cli()
