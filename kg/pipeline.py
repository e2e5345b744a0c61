"""The pipeline's inputs: ``data/`` as a corpus (the entity registry) and the articles to read, and how one
article becomes its graph (text -> model -> RDF). :mod:`kg.ingest` validates and stores them.

``data/entities/*.yaml`` is the entity registry; each ``data/articles/<slug>/`` holds ``article.txt`` (the
article as scraped) and, optionally, ``annotations.yaml`` (what an editor added). ``newskg ingest`` also reads
saved web pages, feeds, web archives and plain text (:func:`find_inputs`, :mod:`kg.read.sources`): each
article found there is a :class:`WebSource` and goes the same way as a DW folder
(:meth:`Corpus.article_graph`).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Quad

from kg.errors import InputError
from kg.extract import LANGUAGES, RegistryLookup, extract, registry_lookup
from kg.extracted import extracted_quads
from kg.mapping import Source, article_quads, entity_quads
from kg.model import Annotations, Article
from kg.read.annotations import load_annotations
from kg.read.dw import parse_article
from kg.read.registry import Registry, load_registry
from kg.read.sources import Duplicate, Origin, Read, Rejection, collect
from kg.read.verdicts import load_verdicts
from kg.vocab import Minter, slugify

ARTICLE_TEXT = "article.txt"
ANNOTATIONS = "annotations.yaml"
MAX_ARTICLE_BYTES = 1_048_576
"""Articles larger than this are refused (``--max-article-bytes``, ``NEWSKG_MAX_ARTICLE_BYTES``): a news
article is tens of kilobytes, and every mention of a megabyte of text costs about 400 triples in the graph."""


@dataclass(frozen=True)
class ArticleSource:
    """One article folder."""

    slug: str
    text: Path
    annotations: Path | None

    @property
    def where(self) -> str:
        """Where the article comes from, for messages: its folder."""
        return str(self.text.parent)

    def input_bytes(self) -> list[bytes]:
        """What its graph is made from (with the registry and newskg itself): its files."""
        return [path.read_bytes() for path in (self.text, self.annotations) if path is not None]


@dataclass(frozen=True)
class WebSource:
    """An article read from a saved page, a feed item, a WARC record or a plain text file
    (:class:`kg.read.sources.Read`: the reading is done), with what the ingest needs to place it."""

    read: Read
    replaces: tuple[str, ...] = ()
    """Slugs of other copies of the same article in this ingest (another address, the same text): a stored
    graph under one of them is an earlier version, dropped when this one is written."""

    @property
    def slug(self) -> str:
        return self.read.article.slug

    @property
    def annotations(self) -> Path | None:
        return self.read.annotations

    @property
    def where(self) -> str:
        return str(self.read.origin)

    @property
    def version(self) -> str:
        """How recent this copy is, as :func:`kg.read.sources.version_key` orders copies, in a form that
        compares as text (stored with the graph, so a later ingest keeps the newest)."""
        from kg.read.sources import version_text

        return version_text(self.read)

    @property
    def text_key(self) -> str:
        """Its text's identity (:func:`kg.read.sources.text_identity`), stored with the graph, so a copy under
        another address is the same article in a later ingest too."""
        from kg.read.sources import text_identity

        return text_identity(self.read.article)

    @property
    def language(self) -> str:
        return self.read.article.language.split("-")[0].lower()

    def input_bytes(self) -> list[bytes]:
        """The input's SHA-256, the article as read (a feed item may have added to it) and the annotations."""
        parts = [self.read.sha256.encode(), repr(self.read.article).encode()]
        if self.read.annotations is not None:
            parts.append(self.read.annotations.read_bytes())
        return parts


Input = ArticleSource | WebSource


@dataclass
class Inputs:
    """Everything ``newskg ingest PATH...`` found: the articles to ingest, and what was not read."""

    sources: list[Input] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)


def find_inputs(
    paths: Iterable[Path], *, jobs: int = 1, progress: Callable[[int, int], None] | None = None
) -> Inputs:
    """The articles under ``paths`` (files or folders of any mix: DW folders, pages, feeds, WARC files, plain
    texts; :mod:`kg.read.sources`), read in ``jobs`` processes, in the order of their slugs; what cannot be
    read is rejected with its reason, duplicates are listed with the copy kept.

    :raises InputError: when ``paths`` hold nothing at all (not even a file to reject).
    """
    paths = list(paths)
    found = collect(paths, jobs=jobs, progress=progress)
    inputs = Inputs(rejected=list(found.rejected), duplicates=list(found.duplicates))
    by_slug: dict[str, Input] = {}
    for folder in found.dw_folders:
        try:
            (source,) = find_articles([folder.path])
        except InputError as exc:
            inputs.rejected.append(Rejection(Origin(folder.path), exc.message))
            continue
        by_slug[source.slug] = source
    for read in found.articles:
        aliases = {d.slug for d in found.duplicates if d.kept == read.origin and d.slug != read.article.slug}
        by_slug[read.article.slug] = WebSource(read, tuple(sorted(aliases)))
    # in slug order, as find_articles: of two articles that disagree on a shared event, the first is kept
    inputs.sources = [by_slug[slug] for slug in sorted(by_slug)]
    if not inputs.sources and not inputs.rejected:
        where = ", ".join(map(str, paths))
        raise InputError(
            "no input here (expected article folders, web pages, feeds, WARC files or text files)", file=where
        )
    return inputs


def _source(path: Path) -> Source:
    try:
        return Source(path.name, hashlib.sha256(path.read_bytes()).hexdigest())
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", file=path) from None


def find_articles(paths: Iterable[Path]) -> list[ArticleSource]:
    """Article folders among ``paths``: each path is an article folder or a folder of them.

    :raises InputError: for a path that is neither, an ``article.txt`` that is not a file, a folder name that
        is not a slug, or when there is no article at all.
    """
    found: dict[str, ArticleSource] = {}
    for path in paths:
        if (path / ARTICLE_TEXT).exists():
            folders = [path]
        elif path.is_dir():
            folders = sorted(p for p in path.iterdir() if (p / ARTICLE_TEXT).exists())
            if not folders:
                raise InputError(f"no article here (expected folders holding an {ARTICLE_TEXT})", file=path)
        else:
            raise InputError(f"no such article folder (expected a folder with {ARTICLE_TEXT})", file=path)
        for folder in folders:
            if not (folder / ARTICLE_TEXT).is_file():
                raise InputError(
                    "is not a regular file (expected the article's text)", file=folder / ARTICLE_TEXT
                )
            slug = folder.resolve().name
            if slugify(slug) != slug:
                raise InputError(
                    "folder name is not a slug (lower-case ASCII words joined by '-')", file=folder
                )
            notes = folder / ANNOTATIONS
            found[slug] = ArticleSource(slug, folder / ARTICLE_TEXT, notes if notes.is_file() else None)
    return [found[slug] for slug in sorted(found)]


@dataclass(frozen=True)
class Corpus:
    """The entity registry plus how to turn article folders into graphs."""

    registry: Registry
    minter: Minter
    entity_files: tuple[Path, ...]
    max_article_bytes: int = MAX_ARTICLE_BYTES
    extract: bool = True
    """Read machine facts out of every article's text (:mod:`kg.extract`, mapped by :mod:`kg.extracted`);
    ``--no-extract`` turns it off, and the ``machine:`` sections of annotation files are then ignored."""

    @functools.cached_property
    def lookup(self) -> RegistryLookup:
        """The registry's persons, organizations and places by names and aliases, as the extractor finds
        them; the German name first, as the one a discovered short form resolves to."""
        return registry_lookup(
            (e.id, e.type, e.wikidata, [e.name.get("de", e.id), *e.name.values(), *e.aliases])
            for e in self.registry.entities.values()
            if e.kind in ("person", "organization", "place")
        )

    def entity_graph(self) -> list[Quad]:
        return entity_quads(self.registry, self.minter, [_source(p) for p in self.entity_files])

    def article_graph(self, source: Input) -> list[Quad]:
        """Parse (or take as read), annotate and map one article.

        :raises InputError: naming the file and line of the first problem.
        """
        if isinstance(source, WebSource):
            article = source.read.article
            files = [source.annotations] if source.annotations else []
            sources = [Source(source.read.origin.file.name, source.read.sha256)]
        else:
            article = self.read_dw(source)
            files = [source.text, *([source.annotations] if source.annotations else [])]
            sources = []
        annotations = (
            load_annotations(source.annotations, article, self.registry)
            if source.annotations
            else Annotations()
        )
        sources += [_source(p) for p in files]
        quads = article_quads(article, annotations, self.registry, self.minter, sources)
        if self.extract and self.extracts(source, article):
            quads += self.machine_quads(source, article, annotations, sources[:1])
        return quads

    def read_dw(self, source: ArticleSource) -> Article:
        """The article of a DW folder, refused over :attr:`max_article_bytes`."""
        try:
            size = source.text.stat().st_size
            if size > self.max_article_bytes:
                raise InputError(
                    f"the article is {size:,} bytes, more than the limit of {self.max_article_bytes:,} "
                    "(--max-article-bytes, NEWSKG_MAX_ARTICLE_BYTES)",
                    file=source.text,
                )
            raw = source.text.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read file ({exc})", file=source.text) from None
        return parse_article(
            raw,
            slug=source.slug,
            source=source.text,
            is_organization=lambda name: self.registry.organization_named(name) is not None,
        )

    @staticmethod
    def extracts(source: Input, article: Article) -> bool:
        """Whether the extractor reads the article: always for a DW text (it detects the language when the
        scrape names none), for an article read from the web only in German or English; in any other
        language it gets its metadata, body and the registry's mentions (:mod:`kg.mapping`)."""
        return not isinstance(source, WebSource) or source.language in LANGUAGES

    def machine_quads(
        self, source: Input, article: Article, annotations: Annotations, sources: list[Source]
    ) -> list[Quad]:
        """The extractor's facts of one article, the editor's verdicts applied (nothing when the editor
        rejected every unreviewed fact and confirmed or corrected none: then the extractor does not run)."""
        verdicts = load_verdicts(source.annotations)
        if verdicts.unreviewed == "reject" and all(v.verdict in ("open", "reject") for v in verdicts.facts):
            return []
        lang = article.language.split("-")[0].lower()
        try:
            extraction = extract(
                article.body,
                lang=lang if lang in LANGUAGES else None,
                published=article.date_published,
                registry_lookup=self.lookup,
            )
        except Exception as exc:  # the extractor's own failure: name the article, keep the rest going
            raise InputError(
                f"the extractor failed ({exc!r}); build it with --no-extract", file=source.where
            ) from exc
        return extracted_quads(
            article,
            extraction,
            self.registry,
            self.minter,
            annotations=annotations,
            verdicts=verdicts,
            sources=sources,
        )


def load_corpus(
    data_dir: Path,
    *,
    minter: Minter | None = None,
    max_article_bytes: int = MAX_ARTICLE_BYTES,
    extract: bool = True,
) -> Corpus:
    """Read the entity registry under ``data_dir/entities``; ``extract=False`` maps no machine facts."""
    entity_dir = data_dir / "entities"
    files = tuple(sorted(entity_dir.glob("*.yaml")))
    if not files:
        raise InputError("no entity files (expected data/entities/*.yaml)", file=entity_dir)
    return Corpus(load_registry(files), minter or Minter.from_env(), files, max_article_bytes, extract)
