"""Ingest a corpus: many article folders into one store, each article its own named graph.

Parsing, mapping and validation run in worker processes on every core; one writer replaces graphs in the
store. An article that fails is reported with its file and reason and leaves the store untouched; an article
whose input did not change is skipped. Re-ingesting the same input leaves the same store.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import pyoxigraph
from pyoxigraph import NamedNode, QuerySolutions, RdfFormat

from kg.errors import NewsKGError
from kg.pipeline import ArticleSource, Corpus
from kg.store import AnyStore
from kg.validate import validate
from kg.vocab import NKG

BATCH = 64
"""Articles written per transaction."""


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    triples: int = 0

    def summary(self) -> str:
        return (
            f"{len(self.ingested)} ingested, {len(self.unchanged)} unchanged, {len(self.rejected)} rejected; "
            f"{self.triples} triples written"
        )


@dataclass(frozen=True)
class _Outcome:
    slug: str
    digest: str
    ntriples: bytes = b""
    triples: int = 0
    error: str = ""


def source_digest(source: ArticleSource, corpus_digest: str) -> str:
    """What an article graph depends on: its files, the entity registry and the newskg version."""
    digest = hashlib.sha256(corpus_digest.encode())
    for path in (source.text, source.annotations):
        if path is not None:
            digest.update(path.read_bytes())
    return digest.hexdigest()


def corpus_digest(corpus: Corpus) -> str:
    from kg.version import __version__

    digest = hashlib.sha256(__version__.encode())
    for path in corpus.entity_files:
        digest.update(path.read_bytes())
    return digest.hexdigest()


_worker: dict[str, object] = {}


def _init(corpus: Corpus, entities: bytes, check: bool) -> None:
    _worker.update(
        corpus=corpus, entities=list(pyoxigraph.parse(entities, format=RdfFormat.N_QUADS)), check=check
    )


def _process(job: tuple[ArticleSource, str]) -> _Outcome:
    source, digest = job
    corpus: Corpus = _worker["corpus"]  # type: ignore[assignment]
    try:
        quads = corpus.article_graph(source)
        quads.append(
            pyoxigraph.Quad(
                NamedNode(corpus.minter.article_graph(source.slug)),
                NamedNode(NKG + "inputDigest"),
                pyoxigraph.Literal(digest),
                NamedNode(corpus.minter.article_graph(source.slug)),
            )
        )
        if _worker["check"]:
            report = validate([*quads, *_worker["entities"]])  # type: ignore[misc]
            if not report.conforms:
                first = report.results[0]
                return _Outcome(
                    source.slug,
                    digest,
                    error=f"{source.text.parent}: {len(report.results)} SHACL violation(s), first: "
                    f"{first.message} (focus {first.focus})",
                )
    except NewsKGError as exc:
        return _Outcome(source.slug, digest, error=str(exc))
    data = pyoxigraph.serialize((q.triple for q in quads), format=RdfFormat.N_TRIPLES)
    return _Outcome(source.slug, digest, data, len(quads))


def stored_digests(store: AnyStore, corpus: Corpus) -> dict[str, str]:
    rows = store.query(f"SELECT ?g ?d WHERE {{ GRAPH ?g {{ ?g <{NKG}inputDigest> ?d }} }}", default_graph=[])
    assert isinstance(rows, QuerySolutions)
    return {row["g"].value: row["d"].value for row in rows}


def ingest(
    corpus: Corpus,
    store: AnyStore,
    sources: Sequence[ArticleSource],
    *,
    jobs: int | None = None,
    check: bool = True,
    progress: Callable[[int, int, str], None] | None = None,
) -> IngestReport:
    """Ingest ``sources``; see the module docstring. ``progress(done, total, slug)`` reports each article."""
    report = IngestReport()
    entity_quads = corpus.entity_graph()
    if check:
        checked = validate(entity_quads)
        if not checked.conforms:
            raise NewsKGError(f"data/entities does not conform to the shapes: {checked.results[0].message}")
    if sorted(store.quads(corpus.minter.entities_graph), key=str) != sorted(entity_quads, key=str):
        store.replace_graphs({corpus.minter.entities_graph: entity_quads})
    common = corpus_digest(corpus)
    known = stored_digests(store, corpus)
    jobs_list = []
    for source in sources:
        digest = source_digest(source, common)
        if known.get(corpus.minter.article_graph(source.slug)) == digest:
            report.unchanged.append(source.slug)
        else:
            jobs_list.append((source, digest))
    done = len(report.unchanged)
    batch: dict[str, bytes] = {}
    for outcome in _run(corpus, entity_quads, jobs_list, jobs or os.cpu_count() or 1, check):
        done += 1
        if progress is not None:
            progress(done, len(sources), outcome.slug)
        if outcome.error:
            report.rejected.append((outcome.slug, outcome.error))
            continue
        batch[corpus.minter.article_graph(outcome.slug)] = outcome.ntriples
        report.ingested.append(outcome.slug)
        report.triples += outcome.triples
        if len(batch) >= BATCH:
            store.replace_graphs_ntriples(batch)
            batch = {}
    if batch:
        store.replace_graphs_ntriples(batch)
    store.flush()
    return report


def _run(
    corpus: Corpus,
    entity_quads: list[pyoxigraph.Quad],
    jobs_list: list[tuple[ArticleSource, str]],
    jobs: int,
    check: bool,
) -> Iterator[_Outcome]:
    entities = pyoxigraph.serialize(entity_quads, format=RdfFormat.N_QUADS)
    if jobs <= 1 or len(jobs_list) < 4:
        _init(corpus, entities, check)
        yield from map(_process, jobs_list)
        return
    context = multiprocessing.get_context("forkserver")
    with context.Pool(jobs, initializer=_init, initargs=(corpus, entities, check)) as pool:
        yield from pool.imap_unordered(_process, jobs_list, chunksize=4)


__all__ = ["IngestReport", "ingest"]
