"""Ingest a corpus: many article folders into one store, each article its own named graph.

Parsing, mapping and validation run in worker processes on every core; one writer replaces graphs in the
store, in folder order. An article that fails is reported with its file and reason and leaves the store
untouched; an article whose input did not change is skipped. Re-ingesting the same input leaves the same
store.

An article is accepted only if the store stays valid as a whole. A worker validates the article's graph with
the entity graph. Graphs meet in events: an article describes each event it reports (``nkg:status``, dates,
names) on the shared node ``{base}event/<id>``, and the shapes allow an event one status, one start date, one
name per language, and compare its start with the publication date of every article about it or mentioning
it. So the writer asks the store, in one query, for the other graphs that report an event the article names or
name an event it reports, and only if there are any validates their union with the article and the entity
graph. Other shared nodes get nothing from an article that the shapes bound (a person gets ``schema:memberOf``
the article's own role, an author the same name in every article), so they are left out: a corpus without
shared events costs one query of index lookups per article and no extra validation, while an article that
reports an event many articles name is validated with all of them.

Graphs accepted in this run but not written yet count in their new version. An article in conflict with a
graph this run has still to replace waits until the end of the run and is then judged against that graph's
new version, so articles that change a shared event together are accepted together.

Articles read from the web (:class:`kg.pipeline.WebSource`) carry their version (``nkg:inputVersion``: page
or feed item, the instants of modification, publication and crawl) and their text's identity
(``nkg:inputText``). A copy older than the stored graph of the same article (the same canonical URL, or the
same text) is skipped and listed; a newer one replaces it, together with the stored graphs of its other
copies (another address of the same article), in one transaction.

With a search index (``index``, :mod:`kg.search`), every batch written to the store is indexed right after
it (``SearchIndex.replace_ntriples``); the index syncs with the store when it is opened, so an ingest stopped
between the two leaves nothing out of step for long.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph
from pyoxigraph import NamedNode, QuerySolutions, RdfFormat

from kg.errors import InputError, NewsKGError, ShapesViolated
from kg.extract import LANGUAGES
from kg.pipeline import ArticleSource, Corpus, Input, Inputs, WebSource
from kg.shacl import ValidationReport, validate
from kg.store import GraphStore, updates
from kg.vocab import NKG, Minter

if TYPE_CHECKING:
    from kg.search import SearchIndex

BATCH = 64
"""Articles written per atomic write."""

_STATUS = NamedNode(NKG + "status")
_DIGEST = NamedNode(NKG + "inputDigest")
_VERSION = NamedNode(NKG + "inputVersion")
_TEXT = NamedNode(NKG + "inputText")


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    """(the article's slug, or the file and its record or item, reason)."""
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)
    """(the copy not ingested, the copy that is the article, why)."""
    replaced: list[str] = field(default_factory=list)
    """Stored graphs of earlier copies (another address of the same article) dropped for a newer copy."""
    other_languages: list[str] = field(default_factory=list)
    """Articles ingested in a language the extractor does not read (not German or English)."""
    no_publisher: list[str] = field(default_factory=list)
    """Where the articles ingested without a publisher come from: a page or text that names none and has no
    URL is stored with its publisher unknown rather than lost (a warning, not a rejection)."""
    triples: int = 0

    def summary(self) -> str:
        counts = (
            f"{len(self.ingested)} ingested, {len(self.unchanged)} unchanged, {len(self.rejected)} rejected"
        )
        if self.duplicates:
            counts += f", {len(self.duplicates)} duplicate(s) skipped"
        text = f"{counts}; {self.triples} triples written"
        if self.other_languages:
            text += (
                f"; {len(self.other_languages)} article(s) in other languages than German and English: "
                "metadata, body and registry mentions only, no extraction"
            )
        if self.no_publisher:
            text += f"; {len(self.no_publisher)} article(s) without a publisher"
        return text

    def warnings(self) -> list[str]:
        """One line for each article ingested with something missing that its input did not give."""
        return [
            f"warning {where}: no publisher (it names none and has no URL); ingested, publisher unknown"
            for where in self.no_publisher
        ]


@dataclass(frozen=True)
class _Outcome:
    slug: str
    digest: str
    ntriples: bytes = b""
    triples: int = 0
    error: str = ""
    reports: frozenset[str] = frozenset()
    """The nodes the graph gives an ``nkg:status``: the events it reports (checked ingests only)."""
    names: frozenset[str] = frozenset()
    """Every IRI under the base the graph has as subject or object, but its own (checked ingests only)."""
    failure: NewsKGError | None = None
    """The typed error behind ``error``, for a build, which fails as a whole (kept in process only)."""


def source_digest(source: Input, corpus_digest: str) -> str:
    """What an article graph depends on: its input (files, or the page as read), the entity registry and
    the newskg version."""
    digest = hashlib.sha256(corpus_digest.encode())
    for data in source.input_bytes():
        digest.update(data)
    return digest.hexdigest()


def corpus_digest(corpus: Corpus) -> str:
    from kg.version import __version__

    digest = hashlib.sha256(__version__.encode())
    if corpus.extract:
        from kg.extracted import extractor_digest

        digest.update(b"extract" + extractor_digest().encode())
    for path in corpus.entity_files:
        digest.update(path.read_bytes())
    return digest.hexdigest()


_worker: dict[str, object] = {}


def _init(corpus: Corpus, entities: bytes, check: bool) -> None:
    _worker.update(
        corpus=corpus, entities=list(pyoxigraph.parse(entities, format=RdfFormat.N_QUADS)), check=check
    )


def _process(job: tuple[Input, str]) -> _Outcome:
    source, digest = job
    corpus: Corpus = _worker["corpus"]  # type: ignore[assignment]
    try:
        quads = corpus.article_graph(source)
        graph = NamedNode(corpus.minter.article_graph(source.slug))
        quads.append(pyoxigraph.Quad(graph, _DIGEST, pyoxigraph.Literal(digest), graph))
        if isinstance(source, WebSource):
            quads.append(pyoxigraph.Quad(graph, _VERSION, pyoxigraph.Literal(source.version), graph))
            quads.append(pyoxigraph.Quad(graph, _TEXT, pyoxigraph.Literal(source.text_key), graph))
        if _worker["check"]:
            report = validate([*quads, *_worker["entities"]])  # type: ignore[misc]
            if not report.conforms:
                raise ShapesViolated(report)
    except ShapesViolated as exc:
        return _Outcome(source.slug, digest, error=_violations(source.where, exc), failure=exc)
    except NewsKGError as exc:
        unplaced = isinstance(source, WebSource) and not (isinstance(exc, InputError) and exc.file)
        error = f"{source.where}: {exc}" if unplaced else str(exc)  # the mapping names a field, not the file
        return _Outcome(source.slug, digest, error=error, failure=exc)
    data = pyoxigraph.serialize((q.triple for q in quads), format=RdfFormat.N_TRIPLES)
    if not _worker["check"]:
        return _Outcome(source.slug, digest, data, len(quads))
    names = _foreign(quads, corpus.minter, source.slug)
    reports = frozenset(q.subject.value for q in quads if q.predicate == _STATUS) & names
    return _Outcome(source.slug, digest, data, len(quads), reports=reports, names=names)


def _violations(where: str | Path, exc: ShapesViolated, conflicts: str = "") -> str:
    report = exc.report
    assert isinstance(report, ValidationReport)
    first = report.results[0]
    return (
        f"{where}: {conflicts}{len(report.results)} SHACL violation(s), first: {first.message} "
        f"(focus {first.focus})"
    )


def _foreign(quads: Iterable[pyoxigraph.Quad], minter: Minter, slug: str) -> frozenset[str]:
    """IRIs under the base in ``quads`` that are not the article's own: neither its graph, its article nor
    their parts (minted under them), so shared nodes such as events, persons, places."""
    own = (minter.article_graph(slug), minter.article(slug))
    inside = tuple(iri + "/" for iri in own)
    # A machine event shared by articles is named by its kind, date, place, attendees and status, and
    # described from them alone (kg.extracted): its reports agree by construction, none need the others.
    agreed = minter.entity("event", "machine-")
    return frozenset(
        term.value
        for quad in quads
        for term in (quad.subject, quad.object)
        if isinstance(term, NamedNode)
        and term.value.startswith(minter.base)
        and term.value not in own
        and not term.value.startswith(inside)
        and not term.value.startswith(agreed)
    )


def stored_digests(store: GraphStore, corpus: Corpus) -> dict[str, str]:
    return _graph_values(store, _DIGEST)


def stored_versions(store: GraphStore) -> dict[str, str]:
    """The ``nkg:inputVersion`` of every stored graph that has one (articles read from the web)."""
    return _graph_values(store, _VERSION)


def _graph_values(store: GraphStore, predicate: NamedNode) -> dict[str, str]:
    rows = store.query(f"SELECT ?g ?d WHERE {{ GRAPH ?g {{ ?g {predicate} ?d }} }}", default_graph=[])
    assert isinstance(rows, QuerySolutions)
    return {row["g"].value: row["d"].value for row in rows}


def ingest_inputs(
    corpus: Corpus,
    store: GraphStore,
    inputs: Inputs,
    *,
    jobs: int | None = None,
    check: bool = True,
    progress: Callable[[int, int, str], None] | None = None,
    index: SearchIndex | None = None,
) -> IngestReport:
    """:func:`ingest` of what :func:`kg.pipeline.find_inputs` found; the inputs it could not read count as
    rejected, and the copies it set aside as duplicates, in the report."""
    report = ingest(corpus, store, inputs.sources, jobs=jobs, check=check, progress=progress, index=index)
    report.rejected[:0] = [(str(r.origin), r.reason) for r in inputs.rejected]
    report.duplicates[:0] = [(str(d.origin), str(d.kept), d.reason) for d in inputs.duplicates]
    return report


def ingest(
    corpus: Corpus,
    store: GraphStore,
    sources: Sequence[Input],
    *,
    jobs: int | None = None,
    check: bool = True,
    progress: Callable[[int, int, str], None] | None = None,
    atomic: bool = False,
    index: SearchIndex | None = None,
) -> IngestReport:
    """Ingest ``sources``; see the module docstring. ``progress(done, total, slug)`` reports each article.

    ``atomic`` (a build) writes everything or nothing, in one transaction at the end: the first article
    that fails raises its error (:class:`InputError`, or :class:`ShapesViolated` with the report).
    ``index``: a search index kept in step with every write (opened by :func:`kg.search.open_index`).
    """
    report = IngestReport()
    entity_quads = corpus.entity_graph()
    if check:
        checked = validate(entity_quads)
        if not checked.conforms:
            if atomic:
                raise ShapesViolated(checked)
            raise NewsKGError(f"data/entities does not conform to the shapes: {checked.results[0].message}")
    batch: dict[str, bytes] = {}  # accepted, not written yet
    # The entity graph is written with the first article accepted: a run that accepts none changes nothing.
    entities: dict[str, bytes] = {}
    if sorted(store.quads(corpus.minter.entities_graph), key=str) != sorted(entity_quads, key=str):
        entities[corpus.minter.entities_graph] = updates.as_ntriples({"": entity_quads})[""]
    common = corpus_digest(corpus)
    known = stored_digests(store, corpus)
    minter = corpus.minter
    web = any(isinstance(s, WebSource) for s in sources)
    versions = stored_versions(store) if web else {}
    same_text: dict[str, list[str]] = {}
    for graph, key in (_graph_values(store, _TEXT) if web else {}).items():
        same_text.setdefault(key, []).append(graph)
    jobs_list = []
    earlier: dict[str, list[str]] = {}  # slug -> stored graphs of its other copies, dropped with its write
    for source in sources:
        if isinstance(source, WebSource):
            graphs = [minter.article_graph(slug) for slug in (source.slug, *source.replaces)]
            graphs += [g for g in same_text.get(source.text_key, []) if g not in graphs]
            newest = max((versions.get(g, "") for g in graphs), default="")
            if newest > source.version:
                stored = next(g for g in graphs if versions.get(g, "") == newest)
                report.duplicates.append(
                    (source.where, stored, "an older version of the stored article (it is kept)")
                )
                continue
            earlier[source.slug] = [g for g in graphs[1:] if g in known]
        digest = source_digest(source, common)
        if known.get(minter.article_graph(source.slug)) == digest:
            report.unchanged.append(source.slug)
        else:
            jobs_list.append((source, digest))
    done = len(report.unchanged) + len(report.duplicates)
    total = len(sources)
    folders = {source.slug: source.where for source, _ in jobs_list}
    foreign = {source.slug for source, _ in jobs_list if _other_language(corpus, source)}
    unpublished = {source.slug for source, _ in jobs_list if _no_publisher(source)}
    gate = _Gate(minter, store, entity_quads, folders) if check else None
    if gate is not None:
        gate.gone = {graph for graphs in earlier.values() for graph in graphs}
    upcoming = {minter.article_graph(source.slug) for source, _ in jobs_list}
    accepted: dict[str, _Outcome] = {}  # in the batch, for the gate
    deferred: dict[str, _Outcome] = {}  # in conflict with a graph this run may still replace

    def accept(outcome: _Outcome) -> None:
        graph = minter.article_graph(outcome.slug)
        if entities:
            batch.update(entities)
            report.triples += len(entity_quads)
            entities.clear()
        accepted[graph], batch[graph] = outcome, outcome.ntriples
        for other in earlier.get(outcome.slug, ()):
            if other not in upcoming and other not in accepted:
                batch[other] = b""  # an earlier copy under another address: gone in the same transaction
                report.replaced.append(other)
        report.ingested.append(outcome.slug)
        if outcome.slug in foreign:
            report.other_languages.append(outcome.slug)
        if outcome.slug in unpublished:
            report.no_publisher.append(folders[outcome.slug])
        report.triples += outcome.triples
        if len(batch) >= BATCH and not atomic:
            write()

    def reject(outcome: _Outcome, reason: str, failure: NewsKGError | None) -> None:
        if atomic:
            raise failure or NewsKGError(reason)
        report.rejected.append((outcome.slug, reason))

    def write() -> None:
        if batch:
            store.replace_graphs_ntriples(batch)
            if index is not None:
                index.replace_ntriples(batch)
            batch.clear()
            accepted.clear()

    for outcome in _run(corpus, entity_quads, jobs_list, jobs or os.cpu_count() or 1, check):
        done += 1
        if progress is not None:
            progress(done, total, outcome.slug)
        graph = minter.article_graph(outcome.slug)
        upcoming.discard(graph)
        if outcome.error:
            reject(outcome, outcome.error, outcome.failure)
            continue
        if gate is not None:
            others, reason, failure = gate.judge(outcome, accepted)
            if reason and others & (upcoming | deferred.keys()):
                deferred[graph] = outcome
                continue
            if reason:
                reject(outcome, reason, failure)
                continue
        accept(outcome)
    write()
    if gate is not None:
        # Judge the deferred articles against each other's new version; while some conflict, the last of them
        # in folder order is rejected (its stored version stays) and the others are judged again.
        while deferred:
            verdicts = {graph: gate.judge(o, deferred) for graph, o in deferred.items()}
            failed = [graph for graph, (_, reason, _) in verdicts.items() if reason]
            if not failed:
                for outcome in deferred.values():
                    accept(outcome)
                break
            _, reason, failure = verdicts[failed[-1]]
            reject(deferred.pop(failed[-1]), reason, failure)
        write()
    store.compact(len(report.ingested))
    store.flush()
    return report


def _other_language(corpus: Corpus, source: Input) -> bool:
    """Whether the extractor would read the article but cannot: a page in neither German nor English."""
    return corpus.extract and isinstance(source, WebSource) and source.language not in LANGUAGES


def _no_publisher(source: Input) -> bool:
    """Whether the article was read from a page or text that names no publisher and has no URL."""
    return isinstance(source, WebSource) and source.read.article.publisher is None


def build(
    corpus: Corpus,
    store: GraphStore,
    sources: Sequence[ArticleSource],
    *,
    check: bool = True,
    index: SearchIndex | None = None,
) -> IngestReport:
    """Build the entity graph and the graphs of ``sources``: the ingest of every article, in this process,
    written in one transaction only if every article is accepted (unchanged ones are kept as they are).

    :raises InputError: on bad input; :raises ShapesViolated: when a graph does not conform.
    """
    return ingest(corpus, store, sources, jobs=1, check=check, atomic=True, index=index)


class _Gate:
    """Whether the store stays valid with one more article graph, validating only the graphs it meets."""

    def __init__(
        self,
        minter: Minter,
        store: GraphStore,
        entity_quads: list[pyoxigraph.Quad],
        folders: Mapping[str, str],
    ) -> None:
        self.minter, self.store, self.entity_quads, self.folders = minter, store, entity_quads, folders
        self.gone: set[str] = set()
        """Stored graphs this run replaces by a newer copy of the same article: never judged against."""

    def judge(
        self, outcome: _Outcome, overlay: Mapping[str, _Outcome]
    ) -> tuple[set[str], str, ShapesViolated | None]:
        """The other graphs ``outcome``'s graph meets, and why the store would not conform with it ("" and
        None when it would). ``overlay`` holds graphs not written yet, judged in that version, not the stored
        one."""
        graph = self.minter.article_graph(outcome.slug)
        others = self.related(outcome, graph, overlay)
        if not others:
            return others, "", None
        quads = [*_parse(outcome.ntriples), *self.entity_quads]
        for other in sorted(others):
            quads += _parse(overlay[other].ntriples) if other in overlay else self.store.quads(other)
        checked = validate(quads)
        if checked.conforms:
            return others, "", None
        names = [g.removeprefix(self.minter.base) for g in sorted(others)]
        listed = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        failure = ShapesViolated(checked)
        conflicts = f"conflicts with {listed} on shared events: "
        return others, _violations(self.folders[outcome.slug], failure, conflicts), failure

    def related(self, outcome: _Outcome, graph: str, overlay: Mapping[str, _Outcome]) -> set[str]:
        """Graphs that report an event ``outcome`` names, or name an event it reports: in the store (but the
        article's own graph, the entity graph and graphs of ``overlay``) or in ``overlay``."""
        if not outcome.names:
            return set()
        skip = {graph, self.minter.entities_graph, *overlay, *self.gone}
        found = {g for g in _sharing(self.store, outcome.names, outcome.reports) if g not in skip}
        found.update(
            other
            for other, o in overlay.items()
            if other != graph and (o.reports & outcome.names or outcome.reports & o.names)
        )
        return found


def _sharing(store: GraphStore, names: frozenset[str], reports: frozenset[str]) -> set[str]:
    """One query: the graphs that give a node of ``names`` an ``nkg:status``, or have a node of ``reports`` as
    subject or object. Every pattern starts from a bound node, so it costs index lookups, not scans."""

    def values(iris: frozenset[str]) -> str:
        return " ".join(f"<{iri}>" for iri in sorted(iris))

    sparql = f"{{ VALUES ?n {{ {values(names)} }} GRAPH ?g {{ ?n <{NKG}status> ?s }} }}"
    if reports:
        anywhere = "{ ?n ?p ?o } UNION { ?x ?p ?n }"
        sparql += f" UNION {{ VALUES ?n {{ {values(reports)} }} GRAPH ?g {{ {anywhere} }} }}"
    rows = store.query(f"SELECT DISTINCT ?g WHERE {{ {sparql} }}", default_graph=[])
    assert isinstance(rows, QuerySolutions)
    return {row["g"].value for row in rows if isinstance(row["g"], NamedNode)}


def _parse(ntriples: bytes) -> list[pyoxigraph.Quad]:
    return list(pyoxigraph.parse(ntriples, format=RdfFormat.N_TRIPLES))


def _run(
    corpus: Corpus,
    entity_quads: list[pyoxigraph.Quad],
    jobs_list: list[tuple[Input, str]],
    jobs: int,
    check: bool,
) -> Iterator[_Outcome]:
    """Each job's outcome, in the order of ``jobs_list`` (of two conflicting articles, the first wins)."""
    entities = pyoxigraph.serialize(entity_quads, format=RdfFormat.N_QUADS)
    if jobs <= 1 or len(jobs_list) < 4:
        _init(corpus, entities, check)
        yield from map(_process, jobs_list)
        return
    yield from _Workers(jobs, (corpus, entities, check)).run(jobs_list)


class _Workers:
    """Worker processes that survive the loss of one: when a worker dies (killed, or by the OOM killer on a
    huge article), every job it may have held runs again once, alone in a process of its own; a job that
    kills that one too is reported as failed, and the others go on in a new pool."""

    def __init__(self, size: int, initargs: tuple[object, ...]) -> None:
        self.size, self.initargs = size, initargs
        self.context = multiprocessing.get_context("forkserver")
        # the fork server imports newskg once and each worker is forked from it ready (1.0 s to two ready
        # workers instead of 1.7, and no import per worker: each took 0.8 s of CPU)
        self.context.set_forkserver_preload(["__main__", __name__])

    def pool(self, size: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(size, mp_context=self.context, initializer=_init, initargs=self.initargs)

    def run(self, jobs_list: list[tuple[Input, str]]) -> Iterator[_Outcome]:
        waiting = deque(jobs_list)
        running: deque[tuple[tuple[Input, str], Future[_Outcome]]] = deque()
        pool = self.pool(self.size)
        try:
            while waiting or running:
                current = None
                try:
                    while waiting and len(running) < 4 * self.size:
                        running.append((waiting[0], pool.submit(_process, waiting[0])))
                        waiting.popleft()
                    current = running.popleft()
                    yield current[1].result()
                    continue
                except (BrokenProcessPool, OSError):  # a worker, or the fork server, is gone
                    pass
                except Exception as exc:  # the job, not the pool, failed: say so, go on
                    assert current is not None, exc
                    source, digest = current[0]
                    yield _Outcome(source.slug, digest, error=f"{source.where}: failed: {exc!r}")
                    continue
                pool.shutdown(wait=False, cancel_futures=True)
                held = [*([current] if current else []), *running]
                running.clear()
                for job, future in held:  # in order; each job the dead pool lost runs again alone
                    finished = future.done() and not future.cancelled() and future.exception() is None
                    yield future.result() if finished else self.alone(job)
                pool = self.pool(self.size)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    def alone(self, job: tuple[Input, str]) -> _Outcome:
        with self.pool(1) as single:
            try:
                return single.submit(_process, job).result()
            except (BrokenProcessPool, OSError):
                source, digest = job
                return _Outcome(
                    source.slug,
                    digest,
                    error=f"{source.where}: the worker process died on this article, twice (killed, or out "
                    "of memory); it was not ingested",
                )


__all__ = ["IngestReport", "build", "ingest", "ingest_inputs"]
