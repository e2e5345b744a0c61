"""How SPARQL servers differ, in one place: every difference the remote store relies on is a field of
:class:`Dialect`, and :func:`detect` says which one a server speaks.

Which dialect: ``NEWSKG_STORE_DIALECT`` (``oxigraph``, ``virtuoso`` or ``standard``) or, unset, the ``Server``
header of the server's answer to one ``ASK {}`` sent when the store is first used (without credentials: a 401
says it as well). ``standard`` is what the SPARQL 1.1 Protocol promises and nothing more.

What was measured (Virtuoso 7.2.5, Debian's ``virtuoso-opensource-7-bin``; oxigraph 0.5):

- **Where updates go.** oxigraph: ``…/update`` beside ``…/query``. Virtuoso: the query endpoint itself;
  ``/update`` is 404. Its ``/sparql`` runs every request as the anonymous ``SPARQL`` user, and only
  ``/sparql-auth`` takes credentials (digest): with credentials set, updates go there
  (:attr:`Dialect.authenticated_path`) and queries to the URL given, so a server whose anonymous user may
  only read (as ``.ci/virtuoso.sh`` sets it up) takes newskg's writes from its own user alone.
- **The union default graph.** oxigraph: its ``union-default-graph`` parameter. Virtuoso: a query without a
  dataset reads the union of every graph the user may read, which in a new database includes three of its
  own (``virtrdf#``, ``ldp#``, the endpoint's service description: 2,496 triples). newskg asks for the
  union so, and the server's own graphs must be private (Virtuoso's graph-level security: in its
  ``virtrdf#PrivateGraphs`` group, with no permission on private graphs for ``nobody`` and newskg's user;
  the SQL is in ``.ci/virtuoso.sh`` and ``docs/sparql.md``). The store checks that once per process
  (:func:`own_graphs_visible`) before its first query over the union and refuses to go on otherwise: the
  default graph would answer with Virtuoso's triples. What newskg cannot do from the query side, measured
  on 7.2.5: the pragma that leaves graphs out of the default graph (``DEFINE input:default-graph-exclude``,
  ``NOT FROM``) makes every ``GRAPH <g>`` pattern match nothing; ``NOT FROM NAMED`` (or
  ``input:named-graph-exclude``) empties the default graph; naming each of newskg's graphs as a
  ``default-graph-uri`` costs a list of the graphs before every query and fails past 45 graphs (Virtuoso
  echoes each back as a response header, Python's HTTP client gives up past 100 headers). newskg still
  leaves the server's own graphs out of what it lists, counts and dumps.
- **ASK.** Virtuoso answers it as a one-row SELECT of ``__ASK_RETVAL`` (1, or no row for false) in every
  results format; :func:`ask_answer` turns that into the boolean the protocol promises.
- **One update request is not one transaction on Virtuoso**: when an operation fails, the ones before it stay
  done; a ``MOVE``, a ``DROP`` or a Graph Store Protocol ``PUT`` of many triples is seen half done by readers
  meanwhile, and a ``PUT`` that fails halfway leaves half the new triples (measured). oxigraph runs each
  request in one transaction.
- **Size of one update.** Virtuoso's SPARQL compiler refuses a ``GRAPH {…}`` block of ``INSERT DATA`` with
  more than 4,989 triples ("memory exhausted"; the size in bytes does not matter), however many blocks the
  request has, and any request body over 10 MB ("string session … longer than 10Mb"). oxigraph: no limit met.
- **Answers cut short without an error.** Virtuoso drops the rows past its ``ResultSetMaxRows`` setting and
  says so only in an ``X-SPARQL-MaxRows`` header (CONSTRUCT answers and Graph Store ``GET`` are cut without
  even that); a ``timeout`` request parameter (never sent) would give partial results marked
  ``X-SQL-State: S1TAT``. Its own ``MaxQueryExecutionTime`` fails a query with 500 ``SR171``.
- **Sorting.** Virtuoso refuses an ``ORDER BY`` with a ``LIMIT`` above its ``MaxSortedTopRows`` setting
  (10,000 by default: "SR353: Sorted TOP clause specifies more then 100000 rows"), and the endpoint adds
  ``LIMIT max_result_rows + 1`` to every query: the server must allow more (``.ci/virtuoso.ini`` does).
- **Content negotiation.** Given ``Accept: application/sparql-results+json, application/n-triples;q=0.9``
  Virtuoso answers a CONSTRUCT as a JSON table of ``s``/``p``/``o`` and a SELECT asked as N-Triples as RDF of
  its own: ask each query form for exactly one media type. Its CSV ends lines with LF, not CRLF.
- **Graphs.** ``SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }`` takes over 60 s on Virtuoso at 5,000
  graphs where ``GROUP BY ?g`` takes 0.2 s; ``GRAPH ?g {}`` matches nothing there; a graph made by
  ``INSERT DATA`` was not "explicitly created", so only ``DROP SILENT GRAPH`` removes it.
- **Literals.** Virtuoso refuses an ``xsd:duration`` literal in ``INSERT DATA`` ("SR553: Literal of type
  xsd:duration can not be created") and its Graph Store Protocol turns one into a number; it gives
  ``xsd:boolean`` back as ``"1"``/``"0"``. newskg stores durations there under a datatype of its own
  (:data:`DURATION_STAND_IN`) and turns both back when it reads graphs (:func:`restore`); answers passed
  through to clients of the endpoint show them as Virtuoso keeps them.
- **Functions beyond SPARQL.** Virtuoso runs its SQL built-ins and procedures named as ``bif:…`` and
  ``sql:…`` functions, without a PREFIX, from any query (``bif:sparql_to_sql_text`` answered through the
  endpoint): the store refuses a query that names one before it reaches the server.
- **Credentials.** Virtuoso's ``/sparql-auth`` and ``/sparql-graph-crud-auth`` take HTTP digest only (basic is
  401); servers behind a proxy usually want basic.
- **Graph Store Protocol.** Virtuoso: ``/sparql-graph-crud?graph-uri=`` (or ``graph=``) takes ``PUT``/``POST``
  of N-Triples or Turtle without credentials once the SPARQL user may update, with no 10 MB limit, but is no
  more atomic than updates, so the store does not use it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

import requests

from kg.errors import NewsKGError


@dataclass(frozen=True)
class Dialect:
    name: str
    update_at_query_url: bool
    """Updates go to the query endpoint itself (else to ``…/update`` beside ``…/query`` or ``…/sparql``)."""
    union: Literal["graphs", "param", "server"]
    """How a query reads the union of the named graphs as its default graph: ``graphs`` names each one as a
    ``default-graph-uri`` (standard, one more request per query), ``param`` is oxigraph's
    ``union-default-graph``, ``server`` sends no dataset (the server's default graph is the union)."""
    own_graphs: tuple[str, ...] = ()
    """The server's own graphs, never newskg's: left out of :meth:`RemoteStore.graphs`, of ``len()`` and of
    dumps; with ``union`` ``server`` they must be private to the user (see :func:`own_graphs_visible`)."""
    authenticated_path: str | None = None
    """The last path segment of the endpoint that checks credentials, when the one named ``sparql`` does not
    (Virtuoso: ``sparql-auth``): with credentials set, updates go there."""
    ask_as_rows: bool = False
    """ASK comes back as a one-row SELECT of ``__ASK_RETVAL``."""
    atomic_requests: bool = True
    """One update request is one transaction: a graph is replaced by one request."""
    max_block_triples: int | None = None
    """Most triples in one ``GRAPH {…}`` block of ``INSERT DATA``."""
    max_update_bytes: int | None = None
    """Most bytes in one update request."""
    auth: Literal["basic", "digest"] = "basic"
    rows_cut_header: str | None = None
    """The response header by which the server says it left rows out."""
    drop_silent: bool = False
    """Remove graphs with ``DROP SILENT GRAPH`` (the server refuses ``DROP GRAPH`` of graphs it holds)."""
    results_converted: bool = False
    """Ask for SPARQL JSON and make the results format asked for from it (Virtuoso's CSV ends lines with LF,
    its TSV quotes IRIs as CSV does, its JSON says "typed-literal", its ASK needs :func:`ask_answer`)."""
    rows_as_xml: bool = False
    """Read newskg's own large SELECTs (dumps, exports) as SPARQL XML: Virtuoso writes it four times as fast
    as JSON (100,000 rows: 11.8 s, 43 s). Parsed by :func:`xml_rows`, since pyoxigraph 0.5's XML results
    parser trims the whitespace around literals."""
    server_functions: str | None = None
    """A pattern of the server's own function IRIs that reach beyond SPARQL (Virtuoso's ``bif:`` built-ins
    and ``sql:`` procedures, predefined prefixes there): a query naming one is refused, not passed on."""
    literal_workarounds: bool = False
    """Store ``xsd:duration`` as :data:`DURATION_STAND_IN`; read booleans back as ``true``/``false``."""


STANDARD = Dialect("standard", update_at_query_url=False, union="graphs")
OXIGRAPH = Dialect("oxigraph", update_at_query_url=False, union="param")
VIRTUOSO = Dialect(
    "virtuoso",
    update_at_query_url=True,
    union="server",
    own_graphs=(
        "http://www.openlinksw.com/schemas/virtrdf#",
        "http://www.w3.org/ns/ldp#",
        "http://localuriqaserver/sparql",
    ),
    authenticated_path="sparql-auth",
    ask_as_rows=True,
    atomic_requests=False,
    # measured limits 4,989 triples and 10 MB: half of each
    max_block_triples=2_000,
    max_update_bytes=5_000_000,
    auth="digest",
    rows_cut_header="X-SPARQL-MaxRows",
    drop_silent=True,
    results_converted=True,
    rows_as_xml=True,
    server_functions=r"(?<![\w.\-])(?:bif|sql):",
    literal_workarounds=True,
)
DIALECTS = {d.name: d for d in (STANDARD, OXIGRAPH, VIRTUOSO)}


def configured() -> Dialect | None:
    """The dialect ``NEWSKG_STORE_DIALECT`` names, if it is set."""
    name = os.environ.get("NEWSKG_STORE_DIALECT", "").strip().lower()
    if not name:
        return None
    if name not in DIALECTS:
        raise NewsKGError(f"NEWSKG_STORE_DIALECT is one of {', '.join(DIALECTS)}, got {name!r}")
    return DIALECTS[name]


def from_server_header(server: str) -> Dialect:
    if server.startswith("Virtuoso/"):
        return VIRTUOSO
    if server.lower().startswith("oxigraph"):
        return OXIGRAPH
    return STANDARD


def detect(query_url: str, timeout: float) -> Dialect:
    """``NEWSKG_STORE_DIALECT``, or the one the server's ``Server`` header names.

    :raises requests.RequestException: when the server cannot be asked.
    """
    if (dialect := configured()) is not None:
        return dialect
    with requests.post(
        query_url, data={"query": "ASK {}"}, timeout=timeout, allow_redirects=False, stream=True
    ) as response:
        return from_server_header(response.headers.get("Server", ""))


def with_union(dialect: Dialect, union: str | None) -> Dialect:
    """``dialect`` with the union mode ``NEWSKG_REMOTE_UNION`` (or ``union``) asks for instead of its own."""
    mode = union or os.environ.get("NEWSKG_REMOTE_UNION")
    if not mode:
        return dialect
    if mode not in ("graphs", "param", "server"):
        raise NewsKGError(f"NEWSKG_REMOTE_UNION is 'graphs', 'param' or 'server', got {mode!r}")
    return Dialect(**{**dialect.__dict__, "union": mode})


def authenticated_url(dialect: Dialect, url: str) -> str:
    """Where requests with credentials go instead of ``url``: Virtuoso's ``…/sparql-auth`` for ``…/sparql``.

    >>> authenticated_url(VIRTUOSO, "http://127.0.0.1:8890/sparql")
    'http://127.0.0.1:8890/sparql-auth'
    >>> authenticated_url(OXIGRAPH, "http://127.0.0.1:7878/query")
    'http://127.0.0.1:7878/query'
    """
    head, _, last = url.rstrip("/").rpartition("/")
    if dialect.authenticated_path and last == "sparql":
        return f"{head}/{dialect.authenticated_path}"
    return url


def own_graphs_visible(dialect: Dialect) -> str | None:
    """The ASK that is true when one of the server's own graphs is readable, and so part of the union
    default graph that a query without a dataset reads; None when the dialect asks for the union otherwise."""
    if dialect.union != "server" or not dialect.own_graphs:
        return None
    graphs = " ".join(f"<{g}>" for g in dialect.own_graphs)
    return f"ASK {{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?s ?p ?o }} }}"


OWN_GRAPHS_PRIVATE = (
    "the SPARQL server's own graphs ({graphs}) are readable, and so part of the union default graph that "
    "newskg's queries read: make them private to the reading user (Virtuoso's graph-level security, as "
    ".ci/virtuoso.sh does; see docs/sparql.md)"
)


_PROLOGUE = re.compile(
    r"""(?:\s+|\#[^\n]*|(?:BASE\s*<[^>]*>)|(?:PREFIX\s+[^\s:]*:\s*<[^>]*>))*""", re.IGNORECASE | re.VERBOSE
)


def query_form(sparql: str) -> str:
    """SELECT, CONSTRUCT, DESCRIBE or ASK: the first keyword after the prologue ('' when unknown)."""
    rest = sparql[_PROLOGUE.match(sparql).end() :]  # type: ignore[union-attr]
    word = re.match(r"[A-Za-z]+", rest)
    return word.group(0).upper() if word else ""


XSD = "http://www.w3.org/2001/XMLSchema#"
DURATION_STAND_IN = "https://w3id.org/newskg/ontology#xsdDuration"
"""The datatype an ``xsd:duration`` is stored under where the server cannot keep one (same lexical form)."""
_DURATION = re.compile(rb'(?<!\\)"\^\^<http://www\.w3\.org/2001/XMLSchema#duration>')


def for_storage(dialect: Dialect, ntriples: bytes) -> bytes:
    """N-Triples as the server can keep them."""
    if not dialect.literal_workarounds or b"XMLSchema#duration>" not in ntriples:
        return ntriples
    return _DURATION.sub(b'"^^<' + DURATION_STAND_IN.encode() + b">", ntriples)


def restore(dialect: Dialect, term: object) -> object:
    """A term read from the server as newskg wrote it (see :func:`for_storage`)."""
    from pyoxigraph import Literal, NamedNode

    if not dialect.literal_workarounds or not isinstance(term, Literal):
        return term
    datatype = term.datatype.value
    if datatype == DURATION_STAND_IN:
        return Literal(term.value, datatype=NamedNode(XSD + "duration"))
    if datatype == XSD + "boolean" and term.value in ("1", "0"):
        return Literal("true" if term.value == "1" else "false", datatype=term.datatype)
    return term


_RESULTS = "{http://www.w3.org/2005/sparql-results#}"
_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def xml_rows(body: bytes) -> Iterator[dict[str, Any]]:
    """The solutions of a SPARQL XML SELECT answer as pyoxigraph terms, whitespace kept.

    :raises NewsKGError: when ``body`` is not SPARQL XML results.
    """
    import io
    import xml.etree.ElementTree as ET

    from pyoxigraph import BlankNode, Literal, NamedNode

    row: dict[str, Any] = {}
    try:
        for _event, element in ET.iterparse(io.BytesIO(body), events=("end",)):
            tag = element.tag
            if tag == _RESULTS + "binding":
                (term,) = element
                kind, text = term.tag, term.text or ""
                if kind == _RESULTS + "uri":
                    value: Any = NamedNode(text)
                elif kind == _RESULTS + "bnode":
                    value = BlankNode(text)
                elif (lang := term.get(_LANG)) is not None:
                    value = Literal(text, language=lang)
                elif (datatype := term.get("datatype")) is not None:
                    value = Literal(text, datatype=NamedNode(datatype))
                else:
                    value = Literal(text)
                row[element.get("name", "")] = value
            elif tag == _RESULTS + "result":
                yield row
                row = {}
                element.clear()
    except (ET.ParseError, ValueError) as exc:
        raise NewsKGError(f"the SPARQL server's answer is not SPARQL XML results: {exc}") from None


ASK_VARIABLE = "__ASK_RETVAL"


def ask_answer(body: bytes, media_type: str) -> bytes | None:
    """Virtuoso's one-row SELECT answer to an ASK (JSON, XML, CSV or TSV) as the protocol's boolean in SPARQL
    JSON, or None when ``body`` is not such an answer."""
    import pyoxigraph
    from pyoxigraph import QueryResultsFormat, QuerySolutions

    if ASK_VARIABLE.encode() not in body[:2048]:
        return None
    kind = media_type.split(";")[0].strip().lower()
    if kind in ("text/csv", "text/tab-separated-values"):
        lines = body.decode(errors="replace").split("\n")
        if lines[0].strip().strip('"?') != ASK_VARIABLE:
            return None
        value = any(line.strip().strip('"') not in ("", "0") for line in lines[1:])
    else:
        fmt = QueryResultsFormat.from_media_type(kind)
        if fmt is None:
            return None
        try:
            rows = pyoxigraph.parse_query_results(body, format=fmt)
        except SyntaxError:
            return None
        if not isinstance(rows, QuerySolutions) or [v.value for v in rows.variables] != [ASK_VARIABLE]:
            return None
        value = any(row[ASK_VARIABLE] is not None and row[ASK_VARIABLE].value != "0" for row in rows)
    return b'{"head":{},"boolean":%s}' % (b"true" if value else b"false")
