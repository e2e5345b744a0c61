"""The newskg web server: a Flask app over the store built by :mod:`kg`.

``create_app`` wires settings, the query pool and the blueprints; nothing lives at module level, so every
test builds its own app.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask, Response, request

from kg.store import GraphStore, RemoteStore, Store, is_url, open_store
from kg.vocab import Minter
from server import errors, meta
from server.cache import ResponseCache, ResultCache
from server.dataset import DatasetInfo, TextIndex
from server.execution import tempdirs
from server.execution.inline import InlinePool
from server.execution.malloc import fix_mmap_threshold, return_freed_memory
from server.execution.pool import QueryPool
from server.execution.remote import RemotePool
from server.pages import routes, search, validation
from server.pages.entities import bp as entities_bp
from server.settings import resolve
from server.sparql import description, dumps, endpoint


def create_app(
    store_path: Path | str | Store,
    *,
    settings: dict[str, Any] | None = None,
    dataset: DatasetInfo | None = None,
    dump_dir: Path | None = None,
    queries_dir: Path | None = None,
    search_index: Path | None = None,
) -> Flask:
    """A WSGI app serving, read-only, the store at ``store_path``: a directory built by ``newskg build``,
    or the query endpoint URL of a SPARQL server; or an in-memory :class:`~kg.store.Store`, whose queries are
    answered in the request's thread, with no time limit (for tests and embedding). ``search_index``: the
    directory of a search index kept by the store's writers (``--search-index``), for a remote store."""
    app = Flask(__name__)
    effective = settings or resolve()
    store: GraphStore | None
    if isinstance(store_path, Store) or is_url(store_path):
        store = store_path if isinstance(store_path, Store) else open_store(store_path, read_only=True)
        dataset = dataset or DatasetInfo.from_store(store)
    else:  # counted in a process of its own: RocksDB opened here would crash every forked worker at exit
        store, dataset = None, dataset or DatasetInfo.of_directory(store_path)
    app.config.update(
        NEWSKG_SETTINGS=effective,
        NEWSKG_DATASET=dataset,
        NEWSKG_DUMP_DIR=str(dump_dir or tempdirs.make("dumps")),
        NEWSKG_QUERIES_DIR=str(queries_dir or Path("data") / "queries"),
        MAX_CONTENT_LENGTH=effective["max_request_bytes"],
        MAX_FORM_MEMORY_SIZE=effective["max_request_bytes"],
    )
    if isinstance(store, Store) and store.path is None:
        app.extensions["newskg_pool"] = InlinePool(store.engine)
    elif isinstance(store, RemoteStore):
        app.extensions["newskg_pool"] = RemotePool(
            store, effective["executors"], effective["queue_timeout_s"], effective["query_memory_mb"]
        )
    else:
        cache = (
            ResultCache(effective["result_cache_mb"] * 1024 * 1024) if effective["result_cache_mb"] else None
        )
        pool = QueryPool(
            Path(store_path),
            size=effective["executors"],
            processes=effective["query_processes"],
            store_mode=store_mode(effective["store_mode"], app.config["NEWSKG_DATASET"]),
            memory_mb=effective["query_memory_mb"],
            queue_timeout_s=effective["queue_timeout_s"],
            cache=cache,
        )
        pool.start()  # before gunicorn forks its workers: they share one zygote and its processes
        app.extensions["newskg_pool"] = pool
        if cache is not None:  # whole responses to repeated GETs, in the same budget as the answers
            app.wsgi_app = ResponseCache(app.wsgi_app, cache, path="/sparql")  # type: ignore[method-assign]
    app.extensions["newskg_search"] = (
        TextIndex.at(search_index) if search_index is not None else text_index(store, store_path)
    )
    del store
    return_freed_memory()  # what counting the dataset used: 14 MB per worker at 1M triples otherwise
    fix_mmap_threshold()  # gunicorn's workers inherit it
    app.extensions["newskg_minter"] = (
        Minter(effective["base_iri"]) if effective["base_iri"] else Minter.from_env()
    )
    app.config["NEWSKG_BASE"] = app.extensions["newskg_minter"].base
    for blueprint in (endpoint.bp, dumps.bp, description.bp, meta.bp, routes.bp, validation.bp, search.bp):
        app.register_blueprint(blueprint)
    app.register_blueprint(entities_bp)  # /entities?linked=no, the worklist of kg.curate
    errors.register(app)
    if effective["cors"]:
        app.after_request(allow_cross_origin_reads)
    return app


def text_index(store: GraphStore | None, store_path: Path | str | Store) -> TextIndex:
    """The search index beside a store directory (opened by each worker at its first search), one made in
    memory for a store in memory, none for a remote store."""
    if isinstance(store, Store) and store.path is None:
        return TextIndex.in_memory(store)
    if isinstance(store, RemoteStore):
        return TextIndex.none("its store is a remote SPARQL endpoint, whose text newskg does not index")
    return TextIndex.beside(store_path if not isinstance(store_path, Store) else str(store_path.path))


AUTO_MEMORY_TRIPLES = 500_000
"""Up to here ``store_mode`` auto serves from memory: medium queries twice as fast as from disk, at about
0.6 GB per million triples against 0.02 GB (bench/RESULTS.md)."""


def store_mode(setting: str, dataset: DatasetInfo) -> str:
    if setting != "auto":
        return setting
    return "memory" if dataset.quads <= AUTO_MEMORY_TRIPLES else "disk"


def allow_cross_origin_reads(response: Response) -> Response:
    """CORS for reads from any origin; no credentials are ever allowed."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
        response.headers["Access-Control-Max-Age"] = "86400"
    return response
