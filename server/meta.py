"""Introspection: liveness, versions and the effective settings."""

from __future__ import annotations

import platform
from importlib.metadata import version

from flask import Blueprint, Response, jsonify

from server import current

bp = Blueprint("meta", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    return Response("ok\n", content_type="text/plain; charset=utf-8")


@bp.get("/-/versions.json")
def versions() -> Response:
    packages = ("newskg", "pyoxigraph", "rdflib", "pyshacl", "flask", "gunicorn")
    return jsonify(python=platform.python_version(), **{name: version(name) for name in packages})


@bp.get("/-/settings.json")
def settings() -> Response:
    return jsonify(current.settings())


@bp.get("/-/executors.json")
def executors() -> Response:
    """How many query processes the server has, how many are free now, where they read the store, and how
    this worker's result cache fares."""
    pool = current.pool()
    cache = getattr(pool, "cache", None)
    return jsonify(
        size=pool.size,
        idle=pool.idle(),
        store_mode=getattr(pool, "store_mode", "remote"),
        result_cache=None if cache is None else cache.stats(),
    )
