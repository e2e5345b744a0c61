"""The RDF formats newskg reads and writes: names users type, mapped onto pyoxigraph's format values."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
from pyoxigraph import RdfFormat

from kg.errors import InputError, UnsupportedFormat

#: Names accepted by ``--format``; each maps to a pyoxigraph format that knows its media type and extension.
RDF_FORMATS: dict[str, RdfFormat] = {
    "turtle": RdfFormat.TURTLE,
    "trig": RdfFormat.TRIG,
    "nt": RdfFormat.N_TRIPLES,
    "nq": RdfFormat.N_QUADS,
    "jsonld": RdfFormat.JSON_LD,
    "rdfxml": RdfFormat.RDF_XML,
}


def by_name(name: str) -> RdfFormat:
    """The format called ``name`` (``turtle``, ``trig``, ``nt``, ``nq``, ``jsonld``, ``rdfxml``)."""
    try:
        return RDF_FORMATS[name.lower()]
    except KeyError:
        raise UnsupportedFormat(
            f"unknown format {name!r} (expected one of: {', '.join(RDF_FORMATS)})"
        ) from None


#: File extensions read by ``newskg validate FILE`` and ``newskg serve --data FILE``.
EXTENSIONS: dict[str, RdfFormat] = {
    "ttl": RdfFormat.TURTLE,
    "trig": RdfFormat.TRIG,
    "nt": RdfFormat.N_TRIPLES,
    "nq": RdfFormat.N_QUADS,
    "jsonld": RdfFormat.JSON_LD,
    "json": RdfFormat.JSON_LD,
    "rdf": RdfFormat.RDF_XML,
    "xml": RdfFormat.RDF_XML,
}


def for_file(path: Path) -> RdfFormat:
    """The format a file's extension names (one of :data:`EXTENSIONS`)."""
    try:
        return EXTENSIONS[path.suffix.lstrip(".").lower()]
    except KeyError:
        known = ", ".join(f".{e}" for e in EXTENSIONS)
        raise UnsupportedFormat(
            f"{path}: cannot tell the RDF format from the extension (expected {known})"
        ) from None


def refuse_entity_declarations(data: bytes, fmt: RdfFormat, path: Path) -> None:
    """RDF/XML may declare XML entities; expanding nested ones takes gigabytes from a few hundred bytes.

    :raises InputError: for RDF/XML that declares entities.
    """
    if fmt == RdfFormat.RDF_XML and b"<!ENTITY" in data:
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
        yield from pyoxigraph.parse(data, format=fmt, base_iri=base_iri)
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"not valid {fmt.name}: {exc}", file=path) from None
