"""Shared fixtures: the seed article, its parsed model, and a store built from ``data/`` (in memory)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.entities import Registry
from kg.model import Article
from kg.pipeline import Corpus, find_articles, load_corpus
from kg.store import Store
from kg.text import parse_article
from kg.vocab import Minter

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEED_SLUG = "dw-2025-10-17-trump-putin-budapest"
SEED_DIR = DATA / "articles" / SEED_SLUG
BASE = "https://kg.example.org/"


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus(DATA, minter=Minter(BASE))


@pytest.fixture(scope="session")
def registry(corpus: Corpus) -> Registry:
    return corpus.registry


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEED_DIR / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_article(seed_text: str, registry: Registry) -> Article:
    return parse_article(
        seed_text,
        slug=SEED_SLUG,
        is_organization=lambda name: registry.organization_named(name) is not None,
    )


@pytest.fixture(scope="session")
def built_store(corpus: Corpus) -> Store:
    """The seed corpus built and validated into an in-memory store; tests must not write to it."""
    from kg.pipeline import build

    store = Store()
    build(corpus, store, find_articles([DATA / "articles"]))
    return store
