"""Linked-data pages: every IRI the graph mints resolves here, as HTML for people or RDF for programs.

``{server}/person/donald-trump`` stands for the IRI ``{base}person/donald-trump`` whatever the base is; it
answers 303 See Other to its document ``/doc/person/donald-trump.{html,ttl,jsonld,nt,rdf}`` (Cool URIs for the
Semantic Web, section 4.3), chosen by ``Accept``.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pyoxigraph
from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for
from pyoxigraph import RdfFormat
from werkzeug.exceptions import NotFound

from kg import formats
from kg.vocab import PREFIXES, SCHEMA
from server import current
from server.execution.pool import ExecutionError
from server.pages.graph import ask, iri_ref, labels, run, select
from server.pages.links import page_url
from server.pages.views import Page, expected_template, overview

bp = Blueprint("pages", __name__)

KINDS = ("article", "person", "organization", "place", "thing", "event", "graph", "software")
DOCUMENTS = {"html": "text/html"} | {f.extension: f.media_type for f in formats.DOCUMENT_FORMATS}
"""A document's extension -> its media type: the page, and the RDF formats of the linked-data twins."""


@bp.app_context_processor
def page_helpers() -> dict[str, object]:
    return {"page_url": page_url}


def exists(iri: str) -> bool:
    ref = iri_ref(iri)
    return ask(f"ASK {{ {{ {ref} ?p ?o }} UNION {{ ?s ?p {ref} }} }}")


@bp.get("/<any({}):kind>/<path:rest>".format(", ".join(KINDS)))
def thing(kind: str, rest: str) -> Response:
    """The IRI of a thing: 303 to the document that describes it."""
    iri = current.minter().base + f"{kind}/{rest}"
    if not exists(iri):
        raise NotFound(f"nothing in this graph is called <{iri}>")
    best = request.accept_mimetypes.best_match(list(DOCUMENTS.values()), default="text/html")
    extension = next(ext for ext, media in DOCUMENTS.items() if media == best)
    response = redirect(url_for("pages.document", rest=f"{kind}/{rest}.{extension}"), code=303)
    response.vary.add("Accept")
    return response


@bp.get("/doc/<path:rest>")
def document(rest: str) -> Response:
    """The page of a thing (one query for its facts, one for labels) or its RDF description (one query)."""
    path, _, extension = rest.rpartition(".")
    if extension not in DOCUMENTS or not path:
        raise NotFound(f"no document format .{extension} (formats: {', '.join(DOCUMENTS)})")
    iri = current.minter().base + path
    if extension != "html":
        return rdf_description(iri, formats.by_extension(extension))
    page = Page.read(iri, expected_template(path))
    if not page.exists:
        raise NotFound(f"nothing in this graph is called <{iri}>")
    links = [(url_for("pages.document", rest=f"{path}.{ext}"), media) for ext, media in DOCUMENTS.items()]
    html = render_template(page.template(), **page.view(), links=links)
    response = Response(html, content_type="text/html; charset=utf-8")
    response.headers["Link"] = ", ".join(
        f'<{url}>; rel="alternate"; type="{media}"' for url, media in links[1:]
    )
    return response


def rdf_description(iri: str, fmt: formats.Format) -> Response:
    """The resource's own triples and the labels of what it links to: one query, and an ASK only when it has
    none (a thing the graph names only as an object has an empty description; an unknown one is 404)."""
    ref = iri_ref(iri)
    triples = run(
        f"CONSTRUCT {{ {ref} ?p ?o . ?o schema:name ?label }} "
        f"WHERE {{ {ref} ?p ?o OPTIONAL {{ ?o schema:name ?label }} }}",
        formats.N_TRIPLES.media_type,
    )
    if not triples.strip() and not exists(iri):
        raise NotFound(f"nothing in this graph is called <{iri}>")
    parsed = pyoxigraph.parse(triples, format=RdfFormat.N_TRIPLES)
    body = pyoxigraph.serialize([q.triple for q in parsed], format=fmt.rdf, prefixes=PREFIXES)
    return Response(body, content_type=fmt.content_type)


# --- the query page and browsing --------------------------------------------------------------------------


def examples() -> list[dict[str, str]]:
    """Example queries from ``data/queries/*.rq`` (``# title:`` and ``# description:`` headers)."""
    found = []
    for path in sorted(Path(current_app.config["NEWSKG_QUERIES_DIR"]).glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        header = {
            key.strip(): value.strip()
            for line in text.splitlines()
            if line.startswith("# ") and ":" in line
            for key, value in [line[2:].split(":", 1)]
        }
        found.append(
            {
                "name": header.get("title", path.stem),
                "description": header.get("description", ""),
                "query": text,
            }
        )
    return found


@bp.get("/")
def query_page() -> str:
    """The home page: the corpus at a glance (one query), then the query editor with its examples. Should
    the overview fail (past the time limit on a large store, a remote store gone), the editor is still
    there, with the reason."""
    try:
        glance: dict[str, object] = overview()
    except ExecutionError as exc:
        current_app.logger.warning("the home page's overview failed (%s): %s", exc.status, exc.message)
        glance = {"glance_error": exc.message}
    return render_template("home.html", examples=examples(), **glance)


@bp.get("/browse")
def browse() -> str:
    rows = select(
        "SELECT ?s ?type WHERE { VALUES ?type { schema:NewsArticle schema:Event schema:Person "
        "schema:Organization schema:Place } ?s a ?type }"
    )
    base = current.minter().base
    by_type: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if row["s"].value.startswith(base):
            by_type[row["type"].value.removeprefix(SCHEMA)].append(row["s"].value)
    names = labels({r["s"].value for r in rows if r["s"].value.startswith(base)})
    sections = {t: sorted(iris, key=lambda i: names.get(i, i).lower()) for t, iris in sorted(by_type.items())}
    return render_template("browse.html", sections=sections, labels=names)
