"""A store on an existing SPARQL 1.1 server (Fuseki, GraphDB, Virtuoso, Neptune, ``oxigraph serve``).

It speaks only the SPARQL 1.1 Protocol: queries to the query endpoint, updates to the update endpoint, so the
same commands build into, validate and serve from any standard server. Each graph replacement is one update
request (``DROP SILENT GRAPH`` + ``INSERT DATA``), atomic on servers that run an update request in one
transaction (all of those above).

The default graph must be the union of the named graphs, as with the embedded store. How to get that
differs by server (``NEWSKG_REMOTE_UNION``): ``graphs`` (default, standard: every named graph is passed as a
``default-graph-uri``), ``param`` (oxigraph's ``union-default-graph`` parameter), ``server`` (the server is
configured that way, e.g. Fuseki's ``tdb:unionDefaultGraph``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple

import pyoxigraph
import requests
import urllib3
from pyoxigraph import NamedNode, Quad, QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat

from kg.errors import NewsKGError, QueryError
from kg.store import updates

TIMEOUT_S = 300.0


class Answer(NamedTuple):
    """A query's answer as the server sent it."""

    content_type: str
    body: bytes

    def text(self) -> str:
        return self.body.decode(errors="replace").strip()


class AnswerTooLarge(NewsKGError):
    """The server's answer outgrew the bytes the caller allowed for it."""


def _read(response: requests.Response, deadline: float, max_bytes: int | None) -> bytes:
    """The body as it arrives, until ``deadline`` and up to ``max_bytes`` once decompressed; urllib3's errors
    as the ones ``requests`` raises."""
    chunks, size = [], 0
    try:
        while chunk := response.raw.read1(1 << 16, decode_content=True):  # requests asks for gzip
            chunks.append(chunk)
            size += len(chunk)
            if max_bytes is not None and size > max_bytes:
                raise AnswerTooLarge(f"the SPARQL server's answer is larger than {max_bytes:,} bytes")
            if time.monotonic() > deadline:
                raise requests.Timeout("the answer was still arriving at the deadline")
    except urllib3.exceptions.TimeoutError as exc:
        raise requests.Timeout(str(exc)) from None
    except urllib3.exceptions.HTTPError as exc:
        raise requests.ConnectionError(str(exc)) from None
    return b"".join(chunks)


def _media_types(header: str) -> set[str]:
    """The media types an ``Accept`` or ``Content-Type`` header names, without their parameters."""
    return {part.split(";")[0].strip().lower() for part in header.split(",")}


def _results(body: bytes) -> QuerySolutions | QueryBoolean:
    try:
        return pyoxigraph.parse_query_results(body, format=QueryResultsFormat.JSON)
    except SyntaxError as exc:
        raise NewsKGError(f"the SPARQL server's answer is not SPARQL JSON results: {exc}") from None


def is_url(spec: object) -> bool:
    return isinstance(spec, str) and spec.startswith(("http://", "https://"))


class RemoteStore:
    """The :class:`kg.store.Store` interface over HTTP."""

    def __init__(self, query_url: str, update_url: str | None = None, *, union: str | None = None) -> None:
        self.query_url = query_url
        self.update_url = update_url or os.environ.get("NEWSKG_UPDATE_URL") or _update_url(query_url)
        self.union = union or os.environ.get("NEWSKG_REMOTE_UNION", "graphs")
        if self.union not in ("graphs", "param", "server"):
            raise NewsKGError(f"NEWSKG_REMOTE_UNION is 'graphs', 'param' or 'server', got {self.union!r}")
        self.path = None
        self._session = requests.Session()
        self._pid = os.getpid()

    def __repr__(self) -> str:
        return f"RemoteStore({self.query_url!r})"

    @property
    def session(self) -> requests.Session:
        """This process's connections: a server's workers are forked from the process that opened the store,
        and two processes reading one kept-alive connection would take each other's answers."""
        if self._pid != os.getpid():
            self._session, self._pid = requests.Session(), os.getpid()
        return self._session

    # --- protocol ---

    def request(self, sparql: str, accept: str, *, params: Sequence[tuple[str, str]] = (),
                timeout: float = TIMEOUT_S, max_bytes: int | None = None) -> Answer:  # fmt: skip
        """POST one query and read its whole answer within ``timeout`` seconds; the caller decides the
        dataset parameters. A redirect is an error (it could send the query on to any host), and so is an
        answer in a media type that ``accept`` does not name (a login page, say).

        :raises requests.Timeout: at the deadline, also while the answer is still arriving: a server that
            streams the rows of a runaway query never pauses long enough for a read timeout alone.
        :raises AnswerTooLarge: past ``max_bytes``.
        """
        deadline = time.monotonic() + timeout
        try:
            with self.session.post(
                self.query_url,
                data=[("query", sparql), *params],
                headers={"Accept": accept},
                timeout=timeout,
                stream=True,
                allow_redirects=False,
            ) as response:
                answer = Answer(
                    response.headers.get("Content-Type", ""), _read(response, deadline, max_bytes)
                )
        except requests.ConnectionError as exc:
            raise NewsKGError(
                f"cannot reach the SPARQL server at {self.query_url}: {exc.__class__.__name__}"
            ) from None
        except requests.Timeout:
            raise
        except requests.RequestException as exc:  # redirect loops and the like
            raise NewsKGError(f"the SPARQL server at {self.query_url} answered badly: {exc}") from None
        if response.status_code == 400:
            raise QueryError(f"the SPARQL server refused the query: {answer.text()[:500]}")
        if response.status_code >= 300:
            raise NewsKGError(f"the SPARQL server answered {response.status_code}: {answer.text()[:300]}")
        if not _media_types(answer.content_type) <= _media_types(accept):
            raise NewsKGError(
                f"the SPARQL server answered in {answer.content_type or 'no media type'!r}, "
                f"asked for {accept!r}"
            )
        return answer

    def union_params(self, *, timeout: float = TIMEOUT_S) -> list[tuple[str, str]]:
        if self.union == "param":
            return [("union-default-graph", "")]
        if (
            self.union == "graphs"
        ):  # naming the default graphs empties the named ones unless they are named too
            graphs = self.graphs(timeout=timeout)
            return [("default-graph-uri", g) for g in graphs] + [("named-graph-uri", g) for g in graphs]
        return []

    def update(self, sparql: str) -> None:
        try:
            response = self.session.post(
                self.update_url, data=sparql.encode(), headers={"Content-Type": "application/sparql-update"},
                timeout=TIMEOUT_S,
            )  # fmt: skip
        except requests.ConnectionError as exc:
            raise NewsKGError(
                f"cannot reach the SPARQL server at {self.update_url}: {exc.__class__.__name__}"
            ) from None
        if response.status_code >= 300:
            raise NewsKGError(
                f"the SPARQL server refused the update ({response.status_code}): {response.text[:300]}"
            )

    # --- the Store interface ---

    def __len__(self) -> int:
        rows = self._select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(next(iter(rows))["n"].value)

    def _select(self, sparql: str, *, timeout: float = TIMEOUT_S) -> QuerySolutions:
        answer = self.request(sparql, QueryResultsFormat.JSON.media_type, timeout=timeout)
        result = _results(answer.body)
        assert isinstance(result, QuerySolutions)
        return result

    def graphs(self, *, timeout: float = TIMEOUT_S) -> list[str]:
        rows = self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", timeout=timeout)
        return sorted(row["g"].value for row in rows if isinstance(row["g"], NamedNode))

    def has_graph(self, graph: str) -> bool:
        return graph in self.graphs()

    def quads(self, graph: str | None = None, *, timeout: float = TIMEOUT_S) -> Iterator[Quad]:
        if graph is None:
            for row in self._select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", timeout=timeout):
                yield Quad(row["s"], row["p"], row["o"], row["g"])  # type: ignore[arg-type]
            return
        for row in self._select(
            f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", timeout=timeout
        ):
            yield Quad(row["s"], row["p"], row["o"], NamedNode(graph))  # type: ignore[arg-type]

    def replace_graphs_ntriples(self, graphs: Mapping[str, bytes]) -> None:
        if update := updates.replace_graphs(graphs):
            self.update(update)

    def replace_graphs(self, graphs: Mapping[str, Sequence[Quad]]) -> None:
        self.replace_graphs_ntriples(updates.as_ntriples(graphs))

    def remove_graphs(self, graphs: Sequence[str]) -> None:
        self.update(updates.drop_graphs(graphs))

    def query(
        self,
        sparql: str,
        *,
        default_graph: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
        prefixes: Mapping[str, str] | None = None,
    ) -> object:
        """SELECT and ASK give pyoxigraph results; CONSTRUCT and DESCRIBE a list of triples."""
        text = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in (prefixes or {}).items()) + sparql
        params: list[tuple[str, str]] = []
        if default_graph is not None or named_graphs is not None:
            params += [("default-graph-uri", g) for g in default_graph or []]
            params += [("named-graph-uri", g) for g in named_graphs or []]
        else:
            params = self.union_params()
        accept = f"{QueryResultsFormat.JSON.media_type}, {RdfFormat.N_TRIPLES.media_type};q=0.9"
        answer = self.request(text, accept, params=params)
        if answer.content_type.startswith(RdfFormat.N_TRIPLES.media_type):
            return [q.triple for q in pyoxigraph.parse(answer.body, format=RdfFormat.N_TRIPLES)]
        return _results(answer.body)

    def flush(self) -> None:
        """Every update is already durable on the server."""

    def compact(self, written: int) -> None:
        """The server keeps its own files in order."""

    def close(self) -> None:
        self.session.close()


def _update_url(query_url: str) -> str:
    """oxigraph serve and Fuseki name the endpoints .../query and .../update."""
    head, _, last = query_url.rstrip("/").rpartition("/")
    return f"{head}/update" if last in ("query", "sparql") else query_url
