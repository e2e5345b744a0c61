"""Content negotiation: which serialization answers a request, from ``format=``, then ``Accept``.

Formats are pyoxigraph values that know their media types; werkzeug parses ``Accept`` with its q-values.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pyoxigraph
from flask import Response, request
from pyoxigraph import Quad, QueryResultsFormat, RdfFormat
from werkzeug.datastructures import MIMEAccept
from werkzeug.exceptions import NotAcceptable
from werkzeug.http import parse_accept_header


@dataclass(frozen=True)
class Offer:
    name: str
    """Value of the ``format`` parameter."""
    media_type: str
    aliases: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        textual = self.media_type.startswith("text/") or self.media_type.endswith(("+json", "+xml", "/json"))
        return f"{self.media_type}; charset=utf-8" if textual else self.media_type


def _bare(media_type: str) -> str:
    return media_type.split(";")[0].strip()


RESULTS = (
    Offer("json", QueryResultsFormat.JSON.media_type, ("application/json",)),
    Offer("xml", QueryResultsFormat.XML.media_type, ("application/xml", "text/xml")),
    Offer("csv", _bare(QueryResultsFormat.CSV.media_type)),
    Offer("tsv", _bare(QueryResultsFormat.TSV.media_type)),
)
GRAPHS = (
    Offer("turtle", RdfFormat.TURTLE.media_type, ("application/x-turtle",)),
    Offer("nt", RdfFormat.N_TRIPLES.media_type, ("text/plain",)),
    Offer("rdfxml", RdfFormat.RDF_XML.media_type, ("application/xml", "text/xml")),
    Offer("jsonld", RdfFormat.JSON_LD.media_type, ("application/json",)),
    Offer("trig", RdfFormat.TRIG.media_type),
    Offer("nq", RdfFormat.N_QUADS.media_type),
)
OFFERS_BY_FORM = {"SELECT": RESULTS, "ASK": RESULTS, "CONSTRUCT": GRAPHS, "DESCRIBE": GRAPHS}


def choose(offers: tuple[Offer, ...], accept: MIMEAccept, format_param: str | None) -> Offer:
    """The first offer is the default for ``*/*`` or no Accept header.

    :raises NotAcceptable: when neither ``format`` nor ``Accept`` names an offered format.
    """
    if format_param:
        for offer in offers:
            if format_param.lower() in (offer.name, offer.media_type):
                return offer
        names = ", ".join(o.name for o in offers)
        raise NotAcceptable(f"format={format_param!r} is not offered here (offered: {names})")
    if not accept:
        return offers[0]
    candidates = {o.media_type: o for o in offers}
    for offer in offers:
        for alias in offer.aliases:
            candidates.setdefault(alias, offer)
    best = accept.best_match(list(candidates))
    if best is None:
        offered = ", ".join(o.media_type for o in offers)
        raise NotAcceptable(f"none of the accepted media types is offered here (offered: {offered})")
    return candidates[best]


@functools.lru_cache(maxsize=256)
def choose_for_header(offers: tuple[Offer, ...], accept: str, format_param: str | None) -> Offer:
    """:func:`choose` for a raw ``Accept`` header: clients repeat a few headers, so their answers are kept."""
    return choose(offers, parse_accept_header(accept, MIMEAccept), format_param)


def rdf_document(quads: Sequence[Quad], prefixes: Mapping[str, str]) -> Response:
    """``quads`` in the RDF format the request asks for; Turtle when it names none we offer (a description of
    the service should reach every client)."""
    try:
        offer = choose(GRAPHS, request.accept_mimetypes, request.args.get("format"))
    except NotAcceptable:
        offer = GRAPHS[0]
    fmt = RdfFormat.from_media_type(offer.media_type)
    assert fmt is not None
    body = pyoxigraph.serialize(
        quads if fmt.supports_datasets else [q.triple for q in quads], format=fmt, prefixes=dict(prefixes)
    )
    response = Response(body, content_type=offer.content_type)
    response.vary.add("Accept")
    return response
