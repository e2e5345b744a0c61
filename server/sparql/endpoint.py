"""``/sparql``: the SPARQL 1.1 Protocol for queries, read-only, with a service description.

GET ``?query=``, POST form-encoded, POST ``application/sparql-query``; ``default-graph-uri`` and
``named-graph-uri`` select among the local graphs only. Results come from the engine's own serializers.
"""

from __future__ import annotations

import functools
import math
import time
from urllib.parse import parse_qsl

import pyoxigraph
from flask import Blueprint, Response, redirect, request, url_for
from pyoxigraph import NamedNode
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import (
    BadRequest,
    Forbidden,
    HTTPException,
    NotAcceptable,
    ServiceUnavailable,
    UnsupportedMediaType,
)
from werkzeug.sansio.utils import get_current_url

from kg import formats
from kg.errors import QueryError
from kg.search import TEXT, index_search, rewrite
from server import current
from server.cache import KEPT_WHOLE
from server.dataset import text_index
from server.execution.job import Dataset, QueryJob
from server.execution.query_process import short
from server.sparql import conneg
from server.sparql.description import service_description
from server.sparql.guard import inspect

bp = Blueprint("sparql", __name__)

QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
FORM_TYPE = "application/x-www-form-urlencoded"


def protocol_params() -> MultiDict[str, str]:
    """The protocol parameters of this request, wherever the request put them.

    :raises Forbidden: for SPARQL Update; :raises UnsupportedMediaType: for other POST bodies.
    """
    params = query_args()
    if request.method == "POST":
        if request.mimetype == FORM_TYPE:
            params = MultiDict(params)
            params.update(form_params())
        elif request.mimetype == QUERY_TYPE:
            params = MultiDict(params)
            params.add("query", direct_query())
        elif request.mimetype == UPDATE_TYPE:
            raise Forbidden("SPARQL Update is not allowed: this endpoint is read-only")
        else:
            raise UnsupportedMediaType(
                f"POST body of type {request.mimetype or '(none)'!r} is not supported "
                f"(expected {QUERY_TYPE} or {FORM_TYPE})"
            )
    if "update" in params:
        raise Forbidden("SPARQL Update is not allowed: this endpoint is read-only")
    return params


def query_args() -> MultiDict[str, str]:
    """The parameters of the URL's query string, whose percent-escapes must make UTF-8.

    werkzeug leaves an escape that is not UTF-8 as it was (``%FF``), and a query would run with it; a ``%``
    left in a value is rare, so only then is the query string decoded again, strictly.
    """
    try:
        args = request.args
    except UnicodeDecodeError:  # raw bytes, not escaped
        raise BadRequest("the URL's query string is not valid UTF-8") from None
    if any("%" in value for values in args.listvalues() for value in values):
        strict_params(request.query_string, "the URL's query string")
    return args


def form_params() -> MultiDict[str, str]:
    """The parameters of a form-encoded body, strictly UTF-8 (raw and percent-escaped bytes alike)."""
    return MultiDict(strict_params(request_body(), "the form body"))


def strict_params(raw: bytes, where: str) -> list[tuple[str, str]]:
    """:raises BadRequest: when ``raw`` or one of its percent-escapes is not UTF-8."""
    try:
        return parse_qsl(raw.decode("utf-8"), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise BadRequest(f"{where} is not valid UTF-8 once its %-escapes are decoded") from None


def request_body() -> bytes:
    """The whole body, as the client announced it.

    :raises BadRequest: when the body breaks its framing (a malformed chunk, a missing CRLF) or ends before
        its ``Content-Length``: the front hands over what it got, and a query cut short may still parse.
    """
    try:
        data = request.get_data(cache=True)
    except HTTPException:
        raise
    except Exception as exc:  # the front's own parse errors (gunicorn's are no OSError)
        raise BadRequest(f"the request body is malformed ({type(exc).__name__})") from None
    expected = request.content_length
    if expected is not None and len(data) < expected:
        raise BadRequest(
            f"the request body ended after {len(data)} of the {expected} bytes of its Content-Length"
        )
    return data


def direct_query() -> str:
    """The body of a direct POST: SPARQL is UTF-8 (SPARQL 1.1 Protocol, section 2.1.3)."""
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8", "us-ascii"):
        raise UnsupportedMediaType(f"charset={charset!r} is not supported: send the query as UTF-8")
    try:
        return request_body().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"the query is not valid UTF-8 (byte {exc.start})") from None


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    params = protocol_params()
    queries = params.getlist("query")
    if not queries:
        if request.method in ("GET", "HEAD") and not params:
            if wants_html():
                return redirect(url_for("pages.query_page"), code=303)
            return service_description()
        raise BadRequest("missing the 'query' parameter")
    if len(queries) > 1:
        raise BadRequest(f"exactly one 'query' parameter is allowed, got {len(queries)}")
    return run_query(queries[0], params)


def wants_html() -> bool:
    """A browser names text/html; a client that sends only ``*/*`` gets the service description."""
    accept = request.accept_mimetypes
    named = any(value == "text/html" for value, _ in accept)
    return (
        named
        and accept.best_match(["text/html", *(f.media_type for f in formats.RDF_FORMATS)]) == "text/html"
    )


def run_query(query: str, params: MultiDict[str, str]) -> Response:
    settings = current.settings()
    base = base_url(request.scheme, request.host, request.root_path, request.path)
    info = inspect(
        query,
        max_chars=settings["max_query_chars"],
        max_depth=settings["max_query_depth"],
        max_syntax_depth=settings["max_syntax_depth"],
        max_rows=settings["max_result_rows"],
        base=base,
    )
    accept = request.headers.get("Accept", "")
    try:
        offer = conneg.choose_for_header(conneg.OFFERS_BY_FORM[info.form], accept, params.get("format"))
    except NotAcceptable:
        refuse_malformed(query, base)  # an error in the request comes before what it may not accept
        raise
    limit = time_limit(params)
    started = time.monotonic()
    text = text_searched(info.text)
    if text != info.text:  # the text search counts against the query's time
        spent = time.monotonic() - started
        if spent >= limit:
            raise ServiceUnavailable(
                f"the query's text search took longer than the time limit of {limit:g} s and was cancelled "
                "(setting: sparql_time_limit_s)"
            )
        limit -= spent
    job = QueryJob(
        text,
        offer.media_type,
        dataset_of(info.from_graphs, info.from_named_graphs, params),
        base=base,
        # a syntax error is reported against the client's text
        original=query if info.capped or text != info.text else None,
    )
    body = current.pool().run(job, limit, cached=KEPT_WHOLE not in request.environ)
    response = Response(body, content_type=offer.content_type)
    response.vary.add("Accept")
    if info.capped:
        response.headers["X-SPARQL-Max-Rows"] = str(settings["max_result_rows"])
    return response


MAX_TEXT_HITS = 10_000
"""Most hits of the search index one ``nkgtext:query`` pattern feeds into the query (its ``VALUES``):
``nkgtext:limit`` may ask for fewer, up to this many (the default is 1,000)."""


def text_searched(query: str) -> str:
    """``query`` with its text searches (``nkgtext:query``, see :mod:`kg.search.sparql`) answered from the
    search index as ``VALUES``; after the guard read the client's text, before the engine runs it.

    :raises BadRequest: for a reserved predicate used otherwise than documented.
    :raises ServiceUnavailable: for a text search on a server without a search index.
    """
    if "nkgtext:" not in query and TEXT not in query:
        return query
    try:
        return rewrite(query, lambda pattern: index_search(text_index())(pattern), max_limit=MAX_TEXT_HITS)
    except QueryError as exc:
        raise BadRequest(f"text search: {exc}") from None


@functools.lru_cache(maxsize=64)
def base_url(scheme: str, host: str, root_path: str, path: str) -> str:
    """``request.base_url``, which werkzeug rebuilds as an IRI on every call; the base IRI of queries.

    :raises BadRequest: when the host or the path (decoded, as werkzeug gives them) do not make an IRI: a
        ``>`` in it would end a ``BASE <…>`` early and let text of the request's choosing into a query.
    """
    url = get_current_url(scheme, host, root_path, path)
    try:
        NamedNode(url)
    except ValueError:
        raise BadRequest("the request's host and path do not make a valid base IRI") from None
    return url


def refuse_malformed(query: str, base: str) -> None:
    """:raises BadRequest: with the parser's message, when ``query`` does not parse (nothing is evaluated:
    pyoxigraph parses when asked, evaluates when the answer is read)."""
    try:
        pyoxigraph.Store().query(query, base_iri=base)
    except SyntaxError as exc:
        raise BadRequest(f"malformed query: {short(exc)}") from None


EMPTY_GRAPH = "urn:newskg:no-such-graph"
"""What a ``default-graph-uri`` or ``named-graph-uri`` naming no graph of the dataset stands for: an empty
graph, as Fuseki and Oxigraph read it, and a name no store holds, so nothing is ever fetched for it."""


def dataset_of(
    from_graphs: tuple[str, ...], from_named: tuple[str, ...], params: MultiDict[str, str]
) -> Dataset:
    """The RDF dataset to query: protocol parameters win over FROM clauses. A protocol parameter naming no
    graph of the dataset names an empty graph; a FROM clause must name one of its graphs, since with a
    remote store the query's text reaches the other server as written."""
    default, named = params.getlist("default-graph-uri"), params.getlist("named-graph-uri")
    known = current.dataset().has_graph
    if default or named:
        return Dataset(
            tuple(g if known(g) else EMPTY_GRAPH for g in default),
            tuple(g if known(g) else EMPTY_GRAPH for g in named),
        )
    for iri in (*from_graphs, *from_named):
        if not known(iri):
            raise BadRequest(f"<{iri}> is not a graph of this dataset; this endpoint reads local graphs only")
    return Dataset(union=not (from_graphs or from_named))


def time_limit(params: MultiDict[str, str]) -> float:
    """The configured limit; a ``timeout`` parameter (seconds) may only lower it."""
    limit = float(current.settings()["sparql_time_limit_s"])
    raw = params.get("timeout")
    if raw is None:
        return limit
    try:
        asked = float(raw)
    except ValueError:
        raise BadRequest(f"timeout must be a number of seconds, got {raw!r}") from None
    if not math.isfinite(asked) or asked <= 0:
        raise BadRequest("timeout must be a positive number of seconds")
    return min(asked, limit)
