"""The engine's floor: a bare Flask route under the same gunicorn settings as ``newskg serve`` that runs each
query with pyoxigraph inside the server worker, with none of newskg's protections: no query process, no time
limit, no guard, no cache. No endpoint that evaluates on pyoxigraph under this server can be faster, so its
throughput bounds newskg's on a query no cache can answer; the gap between the two is what cutting off
runaway queries costs. Serves the store at ``$BENCH_STORE``, read-only, over the union of its graphs.
"""

from __future__ import annotations

import os

from flask import Flask, Response, request
from pyoxigraph import QueryResultsFormat, Store

app = Flask(__name__)
store = Store.read_only(os.environ["BENCH_STORE"])  # in each worker: gunicorn imports the app after forking


@app.get("/sparql")
def sparql() -> Response:
    result = store.query(request.args["query"], use_default_graph_as_union=True)
    body = result.serialize(format=QueryResultsFormat.JSON)  # type: ignore[union-attr]
    return Response(body, mimetype="application/sparql-results+json")
