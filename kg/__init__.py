"""newskg: news articles as a queryable, verifiable knowledge graph.

The pipeline flows text -> model -> RDF -> store; this package knows nothing about HTTP.
Public names are re-exported here so callers (the server, tests, other tools) need no deeper imports.
"""

from __future__ import annotations

from kg.errors import InputError, NewsKGError, QueryError, ShapesViolated, UnsupportedFormat
from kg.ingest import build, ingest
from kg.pipeline import Corpus, load_corpus
from kg.shacl import ValidationReport, validate
from kg.store import Store
from kg.version import __version__

__all__ = [
    "Corpus",
    "InputError",
    "NewsKGError",
    "QueryError",
    "ShapesViolated",
    "Store",
    "UnsupportedFormat",
    "ValidationReport",
    "__version__",
    "build",
    "ingest",
    "load_corpus",
    "validate",
]
