"""Descriptions of the dataset as a whole: VoID, the vocabulary for query completion, the SHACL report."""

from __future__ import annotations

import functools

from flask import Blueprint, Response, current_app, jsonify, render_template, request, url_for
from pyoxigraph import Literal, NamedNode, Quad
from werkzeug.exceptions import NotAcceptable

from kg.store import open_store
from kg.validate import ValidationReport, validate
from kg.vocab import DCTERMS, RDF, SD, VOID, XSD
from server import conneg
from server.dataset import DatasetInfo
from server.dumps import DUMP_FORMATS, graph_names

bp = Blueprint("describe", __name__)


def dataset() -> DatasetInfo:
    return current_app.config["NEWSKG_DATASET"]  # type: ignore[no-any-return]


@bp.get("/.well-known/void")
def void() -> Response:
    """VoID: size, classes, properties, named graphs as subsets, dumps and the endpoint."""
    quads = void_quads(request.host_url.rstrip("/"), dataset())
    return conneg.rdf_document(quads, {"void": VOID, "dcterms": DCTERMS, "sd": SD})


def void_quads(root: str, info: DatasetInfo) -> list[Quad]:
    def v(name: str) -> NamedNode:
        return NamedNode(VOID + name)

    def integer(n: int) -> Literal:
        return Literal(str(n), datatype=NamedNode(XSD + "integer"))

    ds = NamedNode(root + "/.well-known/void#dataset")
    triples = [
        (ds, NamedNode(RDF + "type"), v("Dataset")),
        (ds, NamedNode(DCTERMS + "title"), Literal("newskg knowledge graph", language="en")),
        (ds, v("sparqlEndpoint"), NamedNode(root + "/sparql")),
        (ds, v("triples"), integer(info.quads)),
        (ds, v("entities"), integer(info.subjects)),
        (ds, v("classes"), integer(len(info.classes))),
        (ds, v("properties"), integer(len(info.properties))),
        (ds, v("rootResource"), NamedNode(root + "/browse")),
    ]
    triples += [(ds, v("dataDump"), NamedNode(f"{root}/dumps/dataset.{ext}")) for ext in DUMP_FORMATS]
    for n, (cls, count) in enumerate(info.classes.items()):
        partition = NamedNode(f"{root}/.well-known/void#class-{n}")
        triples += [
            (ds, v("classPartition"), partition),
            (partition, v("class"), NamedNode(cls)),
            (partition, v("entities"), integer(count)),
        ]
    for n, (prop, count) in enumerate(info.properties.items()):
        partition = NamedNode(f"{root}/.well-known/void#property-{n}")
        triples += [
            (ds, v("propertyPartition"), partition),
            (partition, v("property"), NamedNode(prop)),
            (partition, v("triples"), integer(count)),
        ]
    names = {iri: name for name, iri in graph_names(info).items()}
    for iri, count in info.graphs.items():
        subset = NamedNode(f"{root}/.well-known/void#graph-{names[iri]}")
        triples += [
            (ds, v("subset"), subset),
            (subset, NamedNode(RDF + "type"), v("Dataset")),
            (subset, NamedNode(SD + "name"), NamedNode(iri)),
            (subset, v("triples"), integer(count)),
        ]
        triples += [
            (subset, v("dataDump"), NamedNode(f"{root}/dumps/graph/{names[iri]}.{ext}"))
            for ext in DUMP_FORMATS
        ]
    return [Quad(s, p, o) for s, p, o in triples]


@bp.get("/-/vocabulary.json")
def vocabulary() -> Response:
    """The classes and properties this graph uses: what the query editor completes."""
    return jsonify(classes=list(dataset().classes), properties=list(dataset().properties))


@functools.cache
def _report(store: str) -> ValidationReport:
    return validate(open_store(store, read_only=True).quads())


@bp.get("/validation")
def validation() -> str:
    """The SHACL report of the served graph, as a table."""
    info = dataset()
    limit = int(current_app.config["NEWSKG_SETTINGS"]["max_validation_quads"])
    if info.quads > limit:
        return render_template("validation.html", report=None, limit=limit, quads=info.quads)
    report = _report(current_app.config["NEWSKG_STORE_PATH"])
    return render_template(
        "validation.html",
        report=report,
        limit=limit,
        quads=info.quads,
        turtle_url=url_for("describe.validation_turtle"),
    )


@bp.get("/validation.ttl")
def validation_turtle() -> Response:
    limit = int(current_app.config["NEWSKG_SETTINGS"]["max_validation_quads"])
    if dataset().quads > limit:
        raise NotAcceptable(
            f"the graph has more than {limit} quads (max_validation_quads); run newskg validate"
        )
    report = _report(current_app.config["NEWSKG_STORE_PATH"])
    return Response(report.turtle(), content_type="text/turtle; charset=utf-8")
