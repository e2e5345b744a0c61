"""Content negotiation: which serialization answers a request, from ``format=``, then ``Accept``.

Formats come from the one table in :mod:`kg.formats`; werkzeug parses ``Accept`` with its q-values.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

import pyoxigraph
from flask import Response, request
from pyoxigraph import Quad
from werkzeug.datastructures import MIMEAccept
from werkzeug.exceptions import NotAcceptable
from werkzeug.http import parse_accept_header

from kg import formats
from kg.formats import Format

OFFERS_BY_FORM = {
    "SELECT": formats.RESULT_FORMATS,
    "ASK": formats.RESULT_FORMATS,
    "CONSTRUCT": formats.RDF_FORMATS,
    "DESCRIBE": formats.RDF_FORMATS,
}


def choose(offers: tuple[Format, ...], accept: MIMEAccept, format_param: str | None) -> Format:
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
        for alias in offer.also_accepted:
            candidates.setdefault(alias, offer)
    best = accept.best_match(list(candidates))
    if best is None:
        offered = ", ".join(o.media_type for o in offers)
        raise NotAcceptable(f"none of the accepted media types is offered here (offered: {offered})")
    return candidates[best]


@functools.lru_cache(maxsize=256)
def choose_for_header(offers: tuple[Format, ...], accept: str, format_param: str | None) -> Format:
    """:func:`choose` for a raw ``Accept`` header: clients repeat a few headers, so their answers are kept."""
    return choose(offers, parse_accept_header(accept, MIMEAccept), format_param)


def rdf_document(quads: Sequence[Quad], prefixes: Mapping[str, str]) -> Response:
    """``quads`` in the RDF format the request asks for; Turtle when it names none we offer (a description of
    the service should reach every client)."""
    try:
        offer = choose(formats.RDF_FORMATS, request.accept_mimetypes, request.args.get("format"))
    except NotAcceptable:
        offer = formats.TURTLE
    fmt = offer.rdf
    assert fmt is not None
    body = pyoxigraph.serialize(
        quads if fmt.supports_datasets else [q.triple for q in quads], format=fmt, prefixes=dict(prefixes)
    )
    response = Response(body, content_type=offer.content_type)
    response.vary.add("Accept")
    return response
