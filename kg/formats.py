"""The RDF formats newskg reads and writes: names users type, mapped onto pyoxigraph's format values."""

from __future__ import annotations

from pathlib import Path

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


def for_file(path: Path) -> RdfFormat:
    """The format a file's extension names (``.ttl``, ``.trig``, ``.nt``, ``.nq``, ``.jsonld``, ``.rdf``)."""
    suffix = path.suffix.lstrip(".").lower()
    found = RdfFormat.from_extension(suffix) if suffix else None
    if found is None or found not in RDF_FORMATS.values():
        known = ", ".join(f".{f.file_extension}" for f in RDF_FORMATS.values())
        raise UnsupportedFormat(
            f"{path}: cannot tell the RDF format from the extension (expected {known}, .json)"
        )
    return found


def refuse_entity_declarations(data: bytes, fmt: RdfFormat, path: Path) -> None:
    """RDF/XML may declare XML entities; expanding nested ones takes gigabytes from a few hundred bytes.

    :raises InputError: for RDF/XML that declares entities.
    """
    if fmt == RdfFormat.RDF_XML and b"<!ENTITY" in data:
        raise InputError("RDF/XML with entity declarations is refused (entity expansion)", file=path)
