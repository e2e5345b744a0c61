"""The pipeline: ``data/`` -> text -> model -> RDF -> validation gate -> store.

``data/entities/*.yaml`` is the entity registry; each ``data/articles/<slug>/`` holds ``article.txt`` (the
article as scraped) and, optionally, ``annotations.yaml`` (what an editor added).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Quad

from kg.errors import InputError, ShapesViolated
from kg.mapping import Source, article_quads, entity_quads
from kg.model import Annotations
from kg.read.annotations import load_annotations
from kg.read.dw import parse_article
from kg.read.registry import Registry, load_registry
from kg.shacl import ValidationReport, validate
from kg.store import GraphStore
from kg.vocab import Minter, slugify

ARTICLE_TEXT = "article.txt"
ANNOTATIONS = "annotations.yaml"


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

    :raises InputError: for a path that is neither, or a folder name that is not a slug.
    """
    found: dict[str, ArticleSource] = {}
    for path in paths:
        if (path / ARTICLE_TEXT).is_file():
            folders = [path]
        elif path.is_dir():
            folders = sorted(p for p in path.iterdir() if (p / ARTICLE_TEXT).is_file())
        else:
            raise InputError(f"no such article folder (expected a folder with {ARTICLE_TEXT})", file=path)
        for folder in folders:
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

    def entity_graph(self) -> list[Quad]:
        return entity_quads(self.registry, self.minter, [_source(p) for p in self.entity_files])

    def article_graph(self, source: ArticleSource) -> list[Quad]:
        """Parse, annotate and map one article.

        :raises InputError: naming the file and line of the first problem.
        """
        try:
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
        return article_quads(article, annotations, self.registry, self.minter, [_source(p) for p in files])


def load_corpus(data_dir: Path, *, minter: Minter | None = None) -> Corpus:
    """Read the entity registry under ``data_dir/entities``."""
    entity_dir = data_dir / "entities"
    files = tuple(sorted(entity_dir.glob("*.yaml")))
    if not files:
        raise InputError("no entity files (expected data/entities/*.yaml)", file=entity_dir)
    return Corpus(load_registry(files), minter or Minter.from_env(), files)


@dataclass
class BuildResult:
    """What a build wrote: triples per named graph, and the validation report when it ran."""

    graphs: dict[str, int] = field(default_factory=dict)
    report: ValidationReport | None = None


def build(
    corpus: Corpus,
    store: GraphStore,
    articles: Sequence[ArticleSource],
    *,
    check: bool = True,
) -> BuildResult:
    """Build the entity graph and each article's graph, validate them together, then write them in one
    transaction. Nothing is written when any article fails or the shapes are violated.

    :raises InputError: on bad input; :raises ShapesViolated: when the graph does not conform.
    """
    graphs = {corpus.minter.entities_graph: corpus.entity_graph()}
    for source in articles:
        graphs[corpus.minter.article_graph(source.slug)] = corpus.article_graph(source)
    result = BuildResult({g: len(q) for g, q in graphs.items()})
    if check:
        result.report = validate(q for quads in graphs.values() for q in quads)
        if not result.report.conforms:
            raise ShapesViolated(result.report)
    store.replace_graphs(graphs)
    store.flush()
    return result
