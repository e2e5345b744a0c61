"""``/dumps/``: the whole dataset and each graph as files, gzip-compressed when the client accepts it.

A dump is written once per server run in a process of its own (:mod:`~server.execution.dump_process`,
with its own time limit; from a remote store, by the worker), cached as a ``.gz`` file, and streamed: sent
as is with ``Content-Encoding: gzip``, or decompressed on the fly for other clients.
"""

from __future__ import annotations

import os
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

from flask import Blueprint, Response, current_app, jsonify, request, url_for
from werkzeug.exceptions import NotFound

from kg import formats
from kg.formats import Format
from server import current
from server.dataset import DatasetInfo

bp = Blueprint("dumps", __name__)

DUMP_FORMATS = {f.extension: f for f in formats.DUMP_FORMATS}
"""URL extension -> format of a dump."""
CHUNK = 64 * 1024
_writing = threading.Lock()


def graph_names(dataset: DatasetInfo) -> dict[str, str]:
    """Dump name of each graph: the last segment of its IRI."""
    return {iri.rstrip("/").rsplit("/", 1)[-1]: iri for iri in dataset.graphs}


@bp.get("/dumps/")
def index() -> Response:
    info = current.dataset()
    files = {"dataset": {ext: url_for("dumps.dataset", ext=ext, _external=True) for ext in DUMP_FORMATS}}
    for name, iri in graph_names(info).items():
        files[iri] = {ext: url_for("dumps.graph", name=name, ext=ext, _external=True) for ext in DUMP_FORMATS}
    return jsonify(files)


@bp.get("/dumps/dataset.<ext>")
def dataset(ext: str) -> Response:
    return send_dump("dataset", None, ext)


@bp.get("/dumps/graph/<name>.<ext>")
def graph(name: str, ext: str) -> Response:
    iri = graph_names(current.dataset()).get(name)
    if iri is None:
        raise NotFound(f"no graph named {name!r}; see /dumps/ for the list")
    return send_dump(f"graph-{name}", iri, ext)


def send_dump(name: str, graph: str | None, ext: str) -> Response:
    fmt = DUMP_FORMATS.get(ext)
    if fmt is None:
        raise NotFound(f"no dump format .{ext} (formats: {', '.join(DUMP_FORMATS)})")
    path = ensure_dump(Path(current_app.config["NEWSKG_DUMP_DIR"]) / f"{name}.{ext}.gz", graph, fmt)
    content_type = fmt.content_type
    if request.accept_encodings["gzip"]:
        response = Response(_chunks(path), content_type=content_type)
        response.headers["Content-Encoding"] = "gzip"
        response.headers["Content-Length"] = str(path.stat().st_size)
    else:
        response = Response(_decompressed(path), content_type=content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.{ext}"'
    response.vary.add("Accept-Encoding")
    return response


def ensure_dump(path: Path, graph: str | None, fmt: Format) -> Path:
    """Write the dump unless this server run already did (atomically: write, then rename)."""
    if path.is_file():
        return path
    with _writing:
        if path.is_file():
            return path
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        limit = float(current.settings()["dump_time_limit_s"])
        try:
            current.pool().dump(graph, fmt.media_type, str(partial), limit)
            partial.replace(path)
        finally:
            partial.unlink(missing_ok=True)  # what a failed dump left
    return path


def _chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk


def _decompressed(path: Path) -> Iterator[bytes]:
    decompressor = zlib.decompressobj(wbits=31)
    for chunk in _chunks(path):
        if data := decompressor.decompress(chunk):
            yield data
    if tail := decompressor.flush():
        yield tail
