"""Every format newskg reads or writes, in one table: the name users type, the media type, the file
extension, pyoxigraph's format value, and one rule for the charset parameter.

Export (``--format``), content negotiation on ``/sparql`` and the pages, the dumps, and the files ``validate``
and ``serve --data`` read all look formats up here, so ``turtle`` is ``.ttl`` and ``text/turtle`` everywhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
from pyoxigraph import QueryResultsFormat, RdfFormat

from kg.errors import InputError, UnsupportedFormat


@dataclass(frozen=True)
class Format:
    name: str
    """What ``--format`` and the ``format`` parameter take."""
    media_type: str
    extension: str
    """The extension newskg writes (dumps, documents) and reads."""
    rdf: RdfFormat | None = None
    results: QueryResultsFormat | None = None
    also_accepted: tuple[str, ...] = ()
    """Media types a client may ask for this format by, beside its own."""
    also_read: tuple[str, ...] = ()
    """Further file extensions read as this format."""

    @property
    def content_type(self) -> str:
        """The media type, with ``charset=utf-8`` where the type is text: ``text/*`` and JSON or XML."""
        textual = self.media_type.startswith("text/") or self.media_type.endswith(("+json", "+xml", "/json"))
        return f"{self.media_type}; charset=utf-8" if textual else self.media_type


def _bare(media_type: str) -> str:
    return media_type.split(";")[0].strip()


TURTLE = Format(
    "turtle", RdfFormat.TURTLE.media_type, "ttl", RdfFormat.TURTLE, also_accepted=("application/x-turtle",)
)
N_TRIPLES = Format(
    "nt", RdfFormat.N_TRIPLES.media_type, "nt", RdfFormat.N_TRIPLES, also_accepted=("text/plain",)
)
RDF_XML = Format(
    "rdfxml", RdfFormat.RDF_XML.media_type, "rdf", RdfFormat.RDF_XML,
    also_accepted=("application/xml", "text/xml"), also_read=("xml",),
)  # fmt: skip
JSON_LD = Format(
    "jsonld", RdfFormat.JSON_LD.media_type, "jsonld", RdfFormat.JSON_LD,
    also_accepted=("application/json",), also_read=("json",),
)  # fmt: skip
TRIG = Format("trig", RdfFormat.TRIG.media_type, "trig", RdfFormat.TRIG)
N_QUADS = Format("nq", RdfFormat.N_QUADS.media_type, "nq", RdfFormat.N_QUADS)

RDF_FORMATS = (TURTLE, N_TRIPLES, RDF_XML, JSON_LD, TRIG, N_QUADS)
"""Graph and dataset formats, Turtle first: the default of content negotiation."""
DOCUMENT_FORMATS = (TURTLE, JSON_LD, N_TRIPLES, RDF_XML)
"""The RDF twins of a page."""
DUMP_FORMATS = (TURTLE, TRIG, N_QUADS, JSON_LD)
"""The files of ``/dumps/``: formats that keep named graphs, and Turtle for the union."""

RESULT_FORMATS = (
    Format("json", QueryResultsFormat.JSON.media_type, "srj", results=QueryResultsFormat.JSON,
           also_accepted=("application/json",)),
    Format("xml", QueryResultsFormat.XML.media_type, "srx", results=QueryResultsFormat.XML,
           also_accepted=("application/xml", "text/xml")),
    Format("csv", _bare(QueryResultsFormat.CSV.media_type), "csv", results=QueryResultsFormat.CSV),
    Format("tsv", _bare(QueryResultsFormat.TSV.media_type), "tsv", results=QueryResultsFormat.TSV),
)  # fmt: skip
"""SELECT and ASK results, SPARQL JSON first."""


def by_name(name: str) -> Format:
    """The RDF format called ``name`` (``turtle``, ``trig``, ``nt``, ``nq``, ``jsonld``, ``rdfxml``).

    >>> by_name("TURTLE").extension
    'ttl'
    """
    for fmt in RDF_FORMATS:
        if fmt.name == name.lower():
            return fmt
    names = ", ".join(f.name for f in RDF_FORMATS)
    raise UnsupportedFormat(f"unknown format {name!r} (expected one of: {names})")


def by_extension(extension: str) -> Format:
    """The RDF format a file extension names (``ttl``, ``json`` for JSON-LD, ...)."""
    for fmt in RDF_FORMATS:
        if extension.lower() in (fmt.extension, *fmt.also_read):
            return fmt
    known = ", ".join(f".{e}" for f in RDF_FORMATS for e in (f.extension, *f.also_read))
    raise UnsupportedFormat(f"cannot tell the RDF format from the extension .{extension} (expected {known})")


def for_file(path: Path) -> Format:
    """The format of ``path``, by its extension."""
    try:
        return by_extension(path.suffix.lstrip("."))
    except UnsupportedFormat as exc:
        raise UnsupportedFormat(f"{path}: {exc}") from None


def refuse_entity_declarations(data: bytes, fmt: Format, path: Path) -> None:
    """RDF/XML may declare XML entities; expanding nested ones takes gigabytes from a few hundred bytes.

    :raises InputError: for RDF/XML that declares entities.
    """
    if fmt == RDF_XML and b"<!ENTITY" in data:
        raise InputError("RDF/XML with entity declarations is refused (entity expansion)", file=path)


def read_quads(path: Path, base_iri: str) -> Iterator[pyoxigraph.Quad]:
    """The quads of an RDF file, parsed safely: no remote JSON-LD context and no XML entity is ever fetched
    or expanded.

    :raises InputError: naming the file, when it cannot be read or is not valid in its format.
    """
    fmt = for_file(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", file=path) from None
    refuse_entity_declarations(data, fmt, path)
    try:
        yield from pyoxigraph.parse(data, format=fmt.rdf, base_iri=base_iri)
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"not valid {fmt.rdf.name if fmt.rdf else fmt.name}: {exc}", file=path) from None
