"""The pipeline's inputs: ``data/`` as a corpus (the entity registry) and the article folders to read, and
how one article becomes its graph (text -> model -> RDF). :mod:`kg.ingest` validates and stores them.

``data/entities/*.yaml`` is the entity registry; each ``data/articles/<slug>/`` holds ``article.txt`` (the
article as scraped) and, optionally, ``annotations.yaml`` (what an editor added).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
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

    def article_graph(self, source: ArticleSource) -> list[Quad]:
        """Parse, annotate and map one article.

        :raises InputError: naming the file and line of the first problem.
        """
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
        article = parse_article(
            raw,
            slug=source.slug,
            source=source.text,
            is_organization=lambda name: self.registry.organization_named(name) is not None,
        )
        annotations = (
            load_annotations(source.annotations, article, self.registry)
            if source.annotations
            else Annotations()
        )
        files = [source.text, *([source.annotations] if source.annotations else [])]
        sources = [_source(p) for p in files]
        quads = article_quads(article, annotations, self.registry, self.minter, sources)
        if self.extract:
            quads += self.machine_quads(source, article, annotations, sources[:1])
        return quads

    def machine_quads(
        self, source: ArticleSource, article: Article, annotations: Annotations, sources: list[Source]
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
                f"the extractor failed ({exc!r}); build it with --no-extract", file=source.text
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
