"""The search index: tantivy, one document per article, quotation and entity of every named graph, and one
manifest document per graph recording the digest it was indexed from (see the package docstring)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import html
import re
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
import tantivy
from pyoxigraph import Quad, QuerySolutions, RdfFormat, Triple
from tantivy import Filter, Occur, Query, TextAnalyzerBuilder, Tokenizer

from kg.errors import NewsKGError
from kg.search.documents import (
    ENTITY_KINDS,
    KINDS,
    LANGUAGES,
    PREDICATES,
    Document,
    documents,
    graph_digest,
    relevant_ntriples,
)
from kg.store import GraphStore, Store
from kg.vocab import NKG, RDF, SCHEMA

SCHEMA_VERSION = "2"
"""Bumped whenever the schema or :func:`documents` changes: an index of another version is emptied at open
and filled again by :meth:`SearchIndex.sync`."""

_VERSION_FILE = "newskg-search-version"
_PARTS = ("headline", "name", "lede", "quote", "body")
_BOOSTS = {"headline": 3.0, "name": 3.0, "lede": 1.5, "quote": 1.2, "body": 1.0}
_STEMMERS = {"de": "german", "en": "english"}
_MANIFEST = "_graph"
_TEXT = "_text"
_SNIPPET_CHARS = 240
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_OPERATORS = {"AND", "OR", "NOT"}


def analyzer(language: str) -> tantivy.TextAnalyzer:
    """Words, lower-cased, stemmed by the Snowball stemmer of ``language`` (``de`` or ``en``), then folded to
    ASCII, so "Gipfels" finds "Gipfel", "meetings" finds "meeting" and "Szijjarto" finds "Szijjártó"."""
    return (
        TextAnalyzerBuilder(Tokenizer.simple())
        .filter(Filter.remove_long(64))
        .filter(Filter.lowercase())
        .filter(Filter.stemmer(_STEMMERS[language]))
        .filter(Filter.ascii_fold())
        .build()
    )


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    for name in (
        *("iri", "kind", "graph", "speaker", "article", "language", "digest", "publisher", "entity"),
        "when",  # the date as the graph gives it: 2025-10-17, 2025-08 or 2025
    ):
        builder.add_text_field(name, stored=True, tokenizer_name="raw")
    builder.add_bytes_field("title", stored=True)
    builder.add_bytes_field("stored_body", stored=True)  # an article's body, in a document of its own
    for name in ("date", "date_end"):  # the first and the last day the date can mean (Document.period)
        builder.add_date_field(name, indexed=True, fast=True)
    for part in _PARTS:
        for lang in LANGUAGES:
            builder.add_text_field(
                f"{part}_{lang}",
                stored=part in ("headline", "lede", "quote"),
                tokenizer_name=f"nkg_{lang}",
            )
    return builder.build()


@dataclass(frozen=True)
class Snippet:
    """Where a hit's words were found: a window of one part of its text, with the words marked."""

    part: str
    """``body`` (``schema:articleBody``), ``lede``, ``headline`` or ``quote``."""
    text: str
    start: int
    """Offset of ``text`` in the part's whole text, in characters (Python string indices)."""
    highlights: tuple[tuple[int, int], ...]
    """The words found, as ``(start, end)`` offsets in the part's whole text."""

    @property
    def html(self) -> str:
        """``text`` with the words found in ``<mark>``, everything escaped."""
        out, at = [], self.start
        for start, end in self.highlights:
            out += [html.escape(self.text[at - self.start : start - self.start]), "<mark>"]
            out += [html.escape(self.text[start - self.start : end - self.start]), "</mark>"]
            at = end
        out.append(html.escape(self.text[at - self.start :]))
        return "".join(out)


@dataclass(frozen=True)
class Hit:
    """One thing found."""

    iri: str
    kind: str
    score: float
    title: str
    """Headline, name or the quotation's text."""
    graph: str
    date: str | None = None
    """As the graph gives it (``2025-10-17``, ``2025-08``, ``2023``): :attr:`Document.date`."""
    language: str = ""
    snippet: Snippet | None = None
    matches: tuple[tuple[int, int], ...] = ()
    """An article's every word found in ``schema:articleBody``, as character offsets: where a page opens."""
    speaker: str | None = None
    speaker_name: str | None = None
    article: str | None = None
    """A quotation's article."""
    publishers: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        """The hit as JSON takes it (``/search``, ``newskg search --json``): what its kind has.

        >>> Hit("https://example.org/person/x", "person", 1.5, "X", "https://example.org/graph/e").as_dict()
        {'iri': 'https://example.org/person/x', 'kind': 'person', 'title': 'X', 'score': 1.5, 'date': None}
        """
        out: dict[str, object] = {
            "iri": self.iri,
            "kind": self.kind,
            "title": self.title,
            "score": round(self.score, 4),
            "date": self.date,
        }
        if self.snippet is not None:
            out["snippet"] = {
                "part": self.snippet.part,
                "text": self.snippet.text,
                "html": self.snippet.html,
                "start": self.snippet.start,
                "highlights": [list(h) for h in self.snippet.highlights],
            }
        if self.kind == "article":
            out["matches"] = [list(m) for m in self.matches]
            out["publishers"] = list(self.publishers)
        if self.kind == "quotation":
            out |= {"speaker": self.speaker, "speaker_name": self.speaker_name, "article": self.article}
        return out


@dataclass(frozen=True)
class Drift:
    """How the index differs from a store: graphs indexed from another digest than the store has, graphs the
    store has and the index not, graphs the index has and the store not."""

    changed: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changed or self.missing or self.extra)


def default_path(store_path: Path) -> Path:
    """Where the index of a store at ``store_path`` lives: beside it, ``<store>.search``."""
    return store_path.with_name(store_path.name + ".search")


class SearchIndex:
    """A tantivy index of a store's graphs, on disk at ``path`` or in memory.

    Writes commit at once: :meth:`replace_graphs` and :meth:`remove_graphs` make one tantivy commit each, so
    a graph's documents and its manifest change together or not at all. Only one writer at a time (tantivy
    takes a lock file); any number of readers.
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self.schema = _schema()
        self._writer: tantivy.IndexWriter | None = None
        try:
            if self.path is None:
                self._index = tantivy.Index(self.schema)
            else:
                self._prepare(self.path)
                self._index = tantivy.Index(self.schema, path=str(self.path), reuse=True)
        except (OSError, ValueError) as exc:
            raise NewsKGError(f"cannot open the search index at {self.path}: {exc}") from None
        self._analyzers = {lang: analyzer(lang) for lang in LANGUAGES}
        for lang, found in self._analyzers.items():
            self._index.register_tokenizer(f"nkg_{lang}", found)
        self._fields = [f"{part}_{lang}" for part in _PARTS for lang in LANGUAGES]
        self._stem_cache: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
        self._boosts = {f"{part}_{lang}": _BOOSTS[part] for part in _PARTS for lang in LANGUAGES}

    def _prepare(self, path: Path) -> None:
        version = path / _VERSION_FILE
        if path.is_dir() and (not version.is_file() or version.read_text().strip() != SCHEMA_VERSION):
            if self.read_only:
                raise NewsKGError(f"the search index at {path} is of another version; open it to write once")
            shutil.rmtree(path)
        if not path.is_dir():
            if self.read_only:
                raise NewsKGError(f"no search index at {path}")
            path.mkdir(parents=True)
            version.write_text(SCHEMA_VERSION + "\n")

    # --- writing ---------------------------------------------------------------------------------------

    def _writing(self) -> tantivy.IndexWriter:
        if self.read_only:
            raise NewsKGError("the search index is open read-only")
        if self._writer is None:
            self._writer = self._index.writer(heap_size=64_000_000, num_threads=2)
        return self._writer

    def replace_graphs(self, graphs: Mapping[str, Iterable[Quad | Triple] | bytes]) -> None:
        """Index each graph anew from its quads (or its N-Triples, as ``GraphStore.replace_graphs_ntriples``
        takes them), in one commit. An empty graph is removed."""
        writer = self._writing()
        try:
            for graph, data in graphs.items():
                if isinstance(data, bytes):
                    relevant = relevant_ntriples(data)
                    quads = list(pyoxigraph.parse(relevant, format=RdfFormat.N_TRIPLES)) if relevant else []
                    self._put(writer, graph, quads, present=bool(data.strip()))
                else:
                    self._put(writer, graph, list(data))
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        self._index.reload()

    def replace_ntriples(self, graphs: Mapping[str, bytes]) -> None:
        """:meth:`replace_graphs` for the mapping ``GraphStore.replace_graphs_ntriples`` was given."""
        self.replace_graphs(graphs)

    def replace(self, graph: str, quads: Iterable[Quad | Triple]) -> None:
        self.replace_graphs({graph: quads})

    def remove_graphs(self, graphs: Sequence[str]) -> None:
        writer = self._writing()
        for graph in graphs:
            writer.delete_documents_by_term("graph", graph)
        writer.commit()
        self._index.reload()

    def remove(self, graph: str) -> None:
        self.remove_graphs([graph])

    def _put(
        self,
        writer: tantivy.IndexWriter,
        graph: str,
        quads: list[Quad | Triple],
        *,
        present: bool | None = None,
    ) -> None:
        """Replace ``graph``'s documents; ``present``: whether the graph has triples at all (``quads`` may
        hold only those :func:`documents` reads); a graph without any is removed."""
        writer.delete_documents_by_term("graph", graph)
        if not (quads if present is None else present):
            return
        quads = [q for q in quads if q.predicate.value in PREDICATES]
        docs = documents(quads, graph)
        for doc in docs:
            writer.add_document(self._tantivy_document(doc))
            if doc.body:  # stored apart, so that a hit's document is small to fetch
                text = tantivy.Document()
                for name, value in (("kind", _TEXT), ("graph", graph), ("iri", doc.iri)):
                    text.add_text(name, value)
                text.add_bytes("stored_body", doc.body.encode())
                writer.add_document(text)
        manifest = tantivy.Document()
        manifest.add_text("kind", _MANIFEST)
        manifest.add_text("graph", graph)
        manifest.add_text("digest", graph_digest(quads, graph, docs))
        writer.add_document(manifest)

    def _tantivy_document(self, doc: Document) -> tantivy.Document:
        out = tantivy.Document()
        for name, value in (
            ("iri", doc.iri),
            ("kind", doc.kind),
            ("graph", doc.graph),
            ("language", doc.language),
        ):
            out.add_text(name, value)
        for name, value in (("speaker", doc.speaker), ("article", doc.article)):
            if value:
                out.add_text(name, value)
        out.add_bytes("title", doc.title.encode())
        period = doc.period()
        if doc.date and period:
            out.add_text("when", doc.date)
            out.add_date("date", _day(period[0]))
            out.add_date("date_end", _day(period[1]))
        for iri in doc.publishers:
            out.add_text("publisher", iri)
        for iri in doc.entities:
            out.add_text("entity", iri)
        for text in doc.texts:
            for lang in (text.language,) if text.language else LANGUAGES:
                out.add_text(f"{text.part}_{lang}", text.text)
        return out

    def rebuild(self, store: GraphStore) -> int:
        """Empty the index and index every graph of ``store`` again, in one commit; returns the graphs."""
        writer = self._writing()
        graphs = store.graphs()
        try:
            writer.delete_all_documents()
            for graph in graphs:
                self._put(writer, graph, graph_triples(store, graph), present=True)
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        self._index.reload()
        return len(graphs)

    def check(self, store: GraphStore) -> Drift:
        """How the index differs from ``store``: one query for the stored input digests, and the documents
        of each graph that has none (the entity graph) made again from its quads and digested."""
        indexed = self.digests()
        stored = store_digests(store)
        changed = tuple(sorted(g for g in stored if g in indexed and indexed[g] != stored[g]))
        missing = tuple(sorted(g for g in stored if g not in indexed))
        extra = tuple(sorted(g for g in indexed if g not in stored))
        return Drift(changed, missing, extra)

    def sync(self, store: GraphStore) -> Drift:
        """Bring the index in step with ``store`` (see the package docstring); returns what differed."""
        drift = self.check(store)
        if drift:
            writer = self._writing()
            try:
                for graph in drift.extra:
                    writer.delete_documents_by_term("graph", graph)
                for graph in (*drift.changed, *drift.missing):
                    self._put(writer, graph, graph_triples(store, graph), present=True)
                writer.commit()
            except BaseException:
                writer.rollback()
                raise
            self._index.reload()
        return drift

    def close(self) -> None:
        """Finish merging and release the writer's lock (readers hold none)."""
        if self._writer is not None:
            self._writer.wait_merging_threads()
            self._writer = None

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading ---------------------------------------------------------------------------------------

    def digests(self) -> dict[str, str]:
        """The digest each indexed graph was indexed from."""
        searcher = self._index.searcher()
        query = Query.term_query(self.schema, "kind", _MANIFEST)
        found = searcher.search(query, limit=max(1, searcher.num_docs), count=False).hits
        out = {}
        for _, address in found:
            doc = searcher.doc(address)
            out[doc.get_first("graph")] = doc.get_first("digest")
        return out

    def __len__(self) -> int:
        """Documents that a search can find (the manifest documents not counted)."""
        searcher = self._index.searcher()
        return searcher.search(self._kinds(KINDS), limit=1, count=True).count or 0

    def _kinds(self, kinds: Iterable[str]) -> Query:
        return self._any("kind", kinds)

    def _any(self, field: str, values: Iterable[str]) -> Query:
        """Documents with one of ``values`` in ``field``: term queries joined by OR (tantivy's term set query
        costs a millisecond a search, a term query microseconds)."""
        terms = [Query.term_query(self.schema, field, value) for value in dict.fromkeys(values)]
        return terms[0] if len(terms) == 1 else Query.boolean_query([(Occur.Should, t) for t in terms])

    def search(
        self,
        text: str,
        *,
        types: Iterable[str] | None = None,
        date_from: dt.date | str | None = None,
        date_to: dt.date | str | None = None,
        publisher: str | Iterable[str] | None = None,
        entity: str | Iterable[str] | None = None,
        limit: int = 20,
        details: bool = True,
    ) -> list[Hit]:
        """The best ``limit`` hits for ``text`` (tantivy's query language: words must all occur, in any
        stemmed form, in any part; ``"a phrase"``, ``OR``, ``-word``), best first.

        ``types``: kinds among :data:`KINDS`; ``date_from``/``date_to``: inclusive, ``YYYY-MM-DD``, what is
        dated in that span (:meth:`Document.period`: a publication day; an event's days, from its start to its
        end, a month or a year when that is all the graph says; things without a date are then left out);
        ``publisher``, ``entity``: IRIs
        (any of several), an entity being what an article mentions or is about, or a quotation's speaker or
        topic.
        An entity named in several graphs is one hit. ``details=False`` leaves out snippets, offsets and
        speaker names (what a SPARQL text pattern needs is the IRIs and scores).

        :raises ValueError: for an unknown type.
        """
        kinds = tuple(types) if types is not None else KINDS
        if unknown := set(kinds) - set(KINDS):
            raise ValueError(f"unknown type(s) {sorted(unknown)}; known: {', '.join(KINDS)}")
        words = text.strip()
        if words:
            query, _errors = self._index.parse_query_lenient(
                words,
                default_field_names=self._fields,
                field_boosts=self._boosts,
                conjunction_by_default=True,
            )
        else:
            query = Query.all_query()
        filters = [self._kinds(kinds)]
        dates = (
            tantivy.FieldType.Date
        )  # the period overlaps [from, to]: it starts by `to`, ends from `from` on
        if date_to is not None:
            filters.append(Query.range_query(self.schema, "date", dates, None, _day(date_to, end=True)))
        if date_from is not None:
            filters.append(Query.range_query(self.schema, "date_end", dates, _day(date_from), None))
        for name, value in (("publisher", publisher), ("entity", entity)):
            if value is not None:
                values = [value] if isinstance(value, str) else list(value)
                filters.append(self._any(name, values) if values else Query.empty_query())
        combined = Query.boolean_query(
            [(Occur.Must, query), *((Occur.Must, Query.const_score_query(f, 0.0)) for f in filters)]
        )
        self._index.reload()
        searcher = self._index.searcher()
        stems = self._stems(words) if details else set()
        hits: list[Hit] = []
        seen: set[str] = set()
        page = limit * 4 if set(kinds) & set(ENTITY_KINDS) else limit
        offset = 0
        while len(hits) < limit:
            found = searcher.search(combined, limit=max(1, page), offset=offset, count=False).hits
            for score, address in found:
                doc = searcher.doc(address)
                iri = doc.get_first("iri")
                if iri not in seen:
                    seen.add(iri)
                    hits.append(self._hit(doc, float(score), stems) if details else _bare(doc, float(score)))
                    if len(hits) >= limit:
                        break
            if len(found) < page:
                break
            offset += page
        return hits

    def _hit(self, doc: tantivy.Document, score: float, stems: set[str]) -> Hit:
        kind, language = doc.get_first("kind"), doc.get_first("language") or ""
        snippet, matches = None, ()
        if kind == "article":
            body = self._body(doc.get_first("iri"))
            matches = tuple(self._find(body, stems, language))
            snippet = _window("body", body, matches) if matches else None
            for part in ("lede", "headline"):
                if snippet is None:
                    text = self._stored(doc, part, language)
                    marks = tuple(self._find(text, stems, language))
                    snippet = _window(part, text, marks) if marks else None
            if snippet is None:
                snippet = _window("lede", self._stored(doc, "lede", language) or body, ())
        elif kind == "quotation":
            text = self._stored(doc, "quote", language)
            snippet = _window("quote", text, tuple(self._find(text, stems, language)))
        speaker = doc.get_first("speaker")
        return dataclasses.replace(
            _bare(doc, score),
            snippet=snippet,
            matches=matches,
            speaker_name=self.name(speaker) if speaker else None,
        )

    def body(self, article: str) -> str:
        """The ``schema:articleBody`` the index holds for ``article`` ("" for none): where offsets point."""
        return self._body(article)

    def _body(self, iri: str) -> str:
        searcher = self._index.searcher()
        query = Query.boolean_query(
            [(Occur.Must, Query.term_query(self.schema, "iri", iri)), (Occur.Must, self._kinds([_TEXT]))]
        )
        found = searcher.search(query, limit=1, count=False).hits
        return bytes(searcher.doc(found[0][1]).get_first("stored_body")).decode() if found else ""

    @staticmethod
    def _stored(doc: tantivy.Document, part: str, language: str) -> str:
        for lang in (language,) if language else LANGUAGES:
            value = doc.get_first(f"{part}_{lang}")
            if value:
                return str(value)
        return ""

    def _stems(self, text: str) -> set[str]:
        """The stems of the query's words (not of those it excludes), in both languages."""
        words = [w for w in re.split(r"\s+", text) if w and not w.startswith("-") and w not in _OPERATORS]
        words = [w.split(":", 1)[1] if re.match(r"^\w+:", w) else w for w in words]
        return {stem for lang in LANGUAGES for w in words for stem in self._analyzers[lang].analyze(w)}

    def _stem(self, word: str, lang: str) -> str:
        cache = self._stem_cache[lang]
        stem = cache.get(word)
        if stem is None:
            if len(cache) > 500_000:
                cache.clear()
            found = self._analyzers[lang].analyze(word)
            stem = cache[word] = found[0] if len(found) == 1 else ""
        return stem

    def _find(self, text: str, stems: set[str], language: str) -> list[tuple[int, int]]:
        """Character offsets of the words of ``text`` whose stem is one of ``stems``: the text cut into words
        as tantivy's tokenizer cuts it (runs of letters and digits), each candidate word (one that begins like
        a stem, accents and case aside) analysed as the index analyses it."""
        if not stems or not text:
            return []
        spans = [m.span() for m in _candidates(frozenset(stems)).finditer(text)]
        found: list[tuple[int, int]] = []
        for lang in (language,) if language else LANGUAGES:
            found = [(a, b) for a, b in spans if self._stem(text[a:b], lang) in stems]
            if found:
                break
        return found

    def name(self, iri: str) -> str | None:
        """The name the index holds for an entity (the registry's, German first), if any."""
        searcher = self._index.searcher()
        query = Query.boolean_query(
            [(Occur.Must, Query.term_query(self.schema, "iri", iri)), (Occur.Must, self._kinds(ENTITY_KINDS))]
        )
        found = searcher.search(query, limit=8, count=False).hits
        titles = sorted(bytes(searcher.doc(a).get_first("title")).decode() for _, a in found)
        return titles[0] if titles else None


_FOLDED = {
    "a": "aàáâãäåā",
    "c": "cçćč",
    "e": "eèéêëēė",
    "i": "iìíîïī",
    "n": "nñń",
    "o": "oòóôõöøō",
    "s": "sśš",
    "u": "uùúûüū",
    "y": "yýÿ",
    "z": "zźżž",
}


@functools.lru_cache(maxsize=256)
def _candidates(stems: frozenset[str]) -> re.Pattern[str]:
    """Words that begin like one of ``stems`` (all but its last letter, which a stemmer may change: "happi" of
    "happy"), whatever their case and accents: the few words of a text worth analysing."""
    alternatives = []
    for stem in sorted(stems):
        prefix, parts, i = (stem[:-1] if len(stem) > 3 else stem), [], 0
        while i < len(prefix):
            if prefix.startswith("ss", i):
                parts.append("(?:ss|ß)")
                i += 2
                continue
            char = prefix[i]
            parts.append(f"[{_FOLDED[char]}]" if char in _FOLDED else re.escape(char))
            i += 1
        alternatives.append("".join(parts))
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")[^\W_]*", re.IGNORECASE)


def _bare(doc: tantivy.Document, score: float) -> Hit:
    return Hit(
        iri=doc.get_first("iri"),
        kind=doc.get_first("kind"),
        score=score,
        title=bytes(doc.get_first("title")).decode(),
        graph=doc.get_first("graph"),
        date=doc.get_first("when"),
        language=doc.get_first("language") or "",
        speaker=doc.get_first("speaker"),
        article=doc.get_first("article"),
        publishers=tuple(doc.get_all("publisher")),
    )


def _window(part: str, text: str, marks: Sequence[tuple[int, int]]) -> Snippet:
    """About :data:`_SNIPPET_CHARS` characters of ``text`` around the most words found, cut between words."""
    if not marks:
        end = (
            len(text)
            if len(text) <= _SNIPPET_CHARS
            else text.rfind(" ", 0, _SNIPPET_CHARS) + 1 or _SNIPPET_CHARS
        )
        return Snippet(part, text[:end].rstrip(), 0, ())
    best, best_count, last = 0, 0, 0
    for first in range(len(marks)):
        last = max(last, first)
        while last + 1 < len(marks) and marks[last + 1][1] - marks[first][0] <= _SNIPPET_CHARS - 40:
            last += 1
        if last - first + 1 > best_count:
            best, best_count = first, last - first + 1
    begin = max(0, marks[best][0] - 40)
    if begin:
        space = text.rfind(" ", 0, begin + 1)
        begin = space + 1 if space >= 0 else 0
    end = min(len(text), begin + _SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", marks[best][1], end)
        end = space if space > 0 else end
    inside = tuple(m for m in marks if m[0] >= begin and m[1] <= end)
    return Snippet(part, text[begin:end], begin, inside)


def _day(value: dt.date | str | None, *, end: bool = False) -> dt.datetime | None:
    if value is None:
        return None
    day = dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value
    moment = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    return moment + dt.timedelta(days=1) - dt.timedelta(microseconds=1) if end else moment


def open_index(store: GraphStore, path: str | Path | None = None, *, read_only: bool = False) -> SearchIndex:
    """The index of ``store``: at ``path``, else beside the store (:func:`default_path`; in memory for a
    store in memory). A writer's index is synced with the store first (see the package docstring), so
    whatever an interrupted run left, the index matches the store before anything is written.

    :raises NewsKGError: for a remote store without ``path``, or a read-only index that does not exist.
    """
    if path is None and store.path is None and not isinstance(store, Store):
        raise NewsKGError("a remote store's search index needs a path (--search-index)")
    where = path if path is not None else (default_path(store.path) if store.path is not None else None)
    index = SearchIndex(where, read_only=read_only)
    if not read_only:
        index.sync(store)
    return index


def graph_triples(store: GraphStore, graph: str) -> list[Triple]:
    """The triples of ``graph`` that :func:`documents` reads, in one query (a tenth of an article graph: its
    evidence annotations are left in the store)."""
    predicates = " ".join(f"<{p}>" for p in sorted(PREDICATES))
    found = store.query(
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ VALUES ?p {{ {predicates} }} ?s ?p ?o "
        f'FILTER(?p != <{RDF}type> || STRSTARTS(STR(?o), "{SCHEMA}")) }} }}',
        default_graph=[],
    )
    return list(found)  # type: ignore[arg-type]


def store_digests(store: GraphStore) -> dict[str, str]:
    """The digest of every named graph of ``store``, as :func:`graph_digest` makes it from the same quads:
    its ``nkg:inputDigest`` in one query, and for each graph without one, the digest of its documents."""
    rows = store.query(f"SELECT ?g ?d WHERE {{ GRAPH ?g {{ ?g <{NKG}inputDigest> ?d }} }}", default_graph=[])
    assert isinstance(rows, QuerySolutions)
    out = {row["g"].value: "input:" + row["d"].value for row in rows}
    for graph in store.graphs():
        if graph not in out:
            out[graph] = graph_digest(graph_triples(store, graph), graph)
    return out


__all__ = [
    "Drift",
    "Hit",
    "SearchIndex",
    "Snippet",
    "analyzer",
    "default_path",
    "open_index",
    "store_digests",
]
