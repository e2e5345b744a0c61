"""Descriptions of the endpoint and its dataset: the SPARQL service description, VoID, and the vocabulary
the query editor completes."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request
from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from kg.vocab import DCTERMS, RDF, SD, VOID, XSD
from server.current import dataset
from server.dataset import DatasetInfo
from server.sparql import conneg
from server.sparql.dumps import DUMP_FORMATS, graph_names

bp = Blueprint("description", __name__)


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


def service_description() -> Response:
    """A SPARQL 1.1 Service Description of this endpoint and its dataset."""
    quads = description_quads(request.base_url, request.host_url, dataset())
    return conneg.rdf_document(quads, {"sd": SD, "void": VOID})


DATASET_RULES = (
    "Read-only. The default graph is the union of the named graphs. A default-graph-uri or named-graph-uri "
    "that names no graph of this dataset is an empty graph; FROM and FROM NAMED must name graphs of it. "
    "Nothing a query names is ever fetched: no SERVICE, no LOAD, no remote graph."
)


def description_quads(endpoint: str, root: str, dataset: DatasetInfo) -> list[Quad]:
    def sd(name: str) -> NamedNode:
        return NamedNode(SD + name)

    service, default_dataset, default_graph = BlankNode(), BlankNode(), BlankNode()
    triples: list[tuple[Any, Any, Any]] = [
        (service, NamedNode(RDF + "type"), sd("Service")),
        (service, sd("endpoint"), NamedNode(endpoint)),
        (service, sd("supportedLanguage"), sd("SPARQL11Query")),
        (service, sd("feature"), sd("UnionDefaultGraph")),
        (service, sd("defaultDataset"), default_dataset),
        (service, NamedNode(DCTERMS + "description"), Literal(DATASET_RULES, language="en")),
        (service, NamedNode(VOID + "inDataset"), NamedNode(root.rstrip("/") + "/.well-known/void")),
        (default_dataset, NamedNode(RDF + "type"), sd("Dataset")),
        (default_dataset, sd("defaultGraph"), default_graph),
        (default_graph, NamedNode(RDF + "type"), sd("Graph")),
        (
            default_graph,
            NamedNode(VOID + "triples"),
            Literal(str(dataset.quads), datatype=NamedNode(XSD + "integer")),
        ),
    ]
    for fmt in (
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "RDF_XML",
        "JSON-LD",
        "N-Quads",
        "TriG",
    ):
        triples.append((service, sd("resultFormat"), NamedNode(f"http://www.w3.org/ns/formats/{fmt}")))
    for iri, count in dataset.graphs.items():
        named, graph = BlankNode(), BlankNode()
        triples += [
            (default_dataset, sd("namedGraph"), named),
            (named, sd("name"), NamedNode(iri)),
            (named, sd("graph"), graph),
            (graph, NamedNode(RDF + "type"), sd("Graph")),
            (graph, NamedNode(VOID + "triples"), Literal(str(count), datatype=NamedNode(XSD + "integer"))),
        ]
    return [Quad(s, p, o) for s, p, o in triples]
