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
from collections.abc import Iterator, Mapping, Sequence

import pyoxigraph
import requests
from pyoxigraph import NamedNode, Quad, QueryResultsFormat, QuerySolutions, RdfFormat

from kg import updates
from kg.errors import NewsKGError, QueryError

TIMEOUT_S = 300.0


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
        self.session = requests.Session()
        self.path = None

    def __repr__(self) -> str:
        return f"RemoteStore({self.query_url!r})"

    # --- protocol ---

    def request(self, sparql: str, accept: str, *, params: Sequence[tuple[str, str]] = (),
                timeout: float = TIMEOUT_S) -> requests.Response:  # fmt: skip
        """POST one query; the caller decides the dataset parameters."""
        try:
            response = self.session.post(
                self.query_url,
                data=[("query", sparql), *params],
                headers={"Accept": accept},
                timeout=timeout,
            )
        except requests.ConnectionError as exc:
            raise NewsKGError(
                f"cannot reach the SPARQL server at {self.query_url}: {exc.__class__.__name__}"
            ) from None
        if response.status_code == 400:
            raise QueryError(f"the SPARQL server refused the query: {response.text.strip()[:500]}")
        if response.status_code >= 300:
            raise NewsKGError(
                f"the SPARQL server answered {response.status_code}: {response.text.strip()[:300]}"
            )
        return response

    def union_params(self) -> list[tuple[str, str]]:
        if self.union == "param":
            return [("union-default-graph", "")]
        if (
            self.union == "graphs"
        ):  # naming the default graphs empties the named ones unless they are named too
            graphs = self.graphs()
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

    def _select(self, sparql: str, params: Sequence[tuple[str, str]] = ()) -> QuerySolutions:
        response = self.request(sparql, QueryResultsFormat.JSON.media_type, params=params)
        result = pyoxigraph.parse_query_results(response.content, format=QueryResultsFormat.JSON)
        assert isinstance(result, QuerySolutions)
        return result

    def graphs(self) -> list[str]:
        rows = self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(row["g"].value for row in rows if isinstance(row["g"], NamedNode))

    def has_graph(self, graph: str) -> bool:
        return graph in self.graphs()

    def quads(self, graph: str | None = None) -> Iterator[Quad]:
        if graph is None:
            for row in self._select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"):
                yield Quad(row["s"], row["p"], row["o"], row["g"])  # type: ignore[arg-type]
            return
        for row in self._select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"):
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
        response = self.request(text, accept, params=params)
        if response.headers.get("Content-Type", "").startswith(RdfFormat.N_TRIPLES.media_type):
            return [q.triple for q in pyoxigraph.parse(response.content, format=RdfFormat.N_TRIPLES)]
        return pyoxigraph.parse_query_results(response.content, format=QueryResultsFormat.JSON)

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
