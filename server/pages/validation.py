"""``/validation``: the SHACL report of the served graph, as a table and as Turtle.

The graph is read through the query pool like every other page (one CONSTRUCT of every triple, bounded by
``max_validation_quads``); the report is made once per worker, since the store is read-only while served.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, url_for
from pyoxigraph import RdfFormat, parse
from werkzeug.exceptions import NotAcceptable

from kg.shacl import ValidationReport, validate
from server import current
from server.pages.graph import run

bp = Blueprint("validation", __name__)

_EVERY_TRIPLE = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


def report() -> ValidationReport | None:
    """The report, or None when the graph is larger than ``max_validation_quads``."""
    if current.dataset().quads > int(current.settings()["max_validation_quads"]):
        return None
    cached: ValidationReport | None = current_app.extensions.get("newskg_validation")
    if cached is None:
        triples = run(_EVERY_TRIPLE, RdfFormat.N_TRIPLES.media_type)
        cached = validate(parse(triples, format=RdfFormat.N_TRIPLES))
        current_app.extensions["newskg_validation"] = cached
    return cached


@bp.get("/validation")
def page() -> str:
    return render_template(
        "validation.html",
        report=report(),
        limit=current.settings()["max_validation_quads"],
        quads=current.dataset().quads,
        turtle_url=url_for("validation.turtle"),
    )


@bp.get("/validation.ttl")
def turtle() -> Response:
    found = report()
    if found is None:
        limit = current.settings()["max_validation_quads"]
        raise NotAcceptable(
            f"the graph has more than {limit} quads (max_validation_quads); run newskg validate"
        )
    return Response(found.turtle(), content_type="text/turtle; charset=utf-8")
