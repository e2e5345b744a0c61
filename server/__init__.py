"""The newskg web server: a Flask app over the store built by :mod:`kg`.

``create_app`` wires settings, the query pool and the blueprints; nothing lives at module level, so every
test builds its own app.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask, Response, request

from kg.vocab import Minter
from server import describe, dumps, errors, meta, pages, protocol
from server.dataset import DatasetInfo
from server.executor import QueryPool
from server.settings import resolve


def create_app(
    store_path: Path,
    *,
    settings: dict[str, Any] | None = None,
    dataset: DatasetInfo | None = None,
    dump_dir: Path | None = None,
    queries_dir: Path | None = None,
) -> Flask:
    """A WSGI app serving the store at ``store_path`` (built by ``newskg build``) read-only."""
    app = Flask(__name__)
    effective = settings or resolve()
    app.config.update(
        NEWSKG_SETTINGS=effective,
        NEWSKG_DATASET=dataset or DatasetInfo.from_store(store_path),
        NEWSKG_DUMP_DIR=str(dump_dir or store_path.parent / "dumps"),
        NEWSKG_STORE_PATH=str(store_path),
        NEWSKG_QUERIES_DIR=str(queries_dir or Path("data") / "queries"),
        MAX_CONTENT_LENGTH=effective["max_request_bytes"],
        MAX_FORM_MEMORY_SIZE=effective["max_request_bytes"],
    )
    app.extensions["newskg_pool"] = QueryPool(
        store_path,
        size=effective["executors"],
        store_mode=effective["store_mode"],
        memory_mb=effective["query_memory_mb"],
        queue_timeout_s=effective["queue_timeout_s"],
    )
    app.extensions["newskg_minter"] = (
        Minter(effective["base_iri"]) if effective["base_iri"] else Minter.from_env()
    )
    app.config["NEWSKG_BASE"] = app.extensions["newskg_minter"].base
    for blueprint in (protocol.bp, dumps.bp, meta.bp, pages.bp, describe.bp):
        app.register_blueprint(blueprint)
    errors.register(app)
    if effective["cors"]:
        app.after_request(allow_cross_origin_reads)
    return app


def allow_cross_origin_reads(response: Response) -> Response:
    """CORS for reads from any origin; no credentials are ever allowed."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
        response.headers["Access-Control-Max-Age"] = "86400"
    return response
