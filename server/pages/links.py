"""Where a reader sees an IRI: minted IRIs have pages here, whatever the base IRI is; others are links out."""

from __future__ import annotations

from flask import url_for

from server import current


def local_path(iri: str) -> str | None:
    """The server path of a minted IRI, or None for IRIs from elsewhere (Wikidata, schema.org)."""
    base = current.minter().base
    return iri[len(base) :] if iri.startswith(base) else None


def page_url(iri: str) -> str:
    """Our page for minted IRIs, the IRI itself otherwise."""
    path = local_path(iri)
    return url_for("pages.document", rest=f"{path}.html") if path else iri
