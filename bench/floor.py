"""The framework's floor: a bare Flask route under the same gunicorn settings as ``newskg serve``.

It answers every GET with one fixed SPARQL JSON result, so its throughput is what Flask and gunicorn cost
before any query work; the endpoint's cheap-query throughput is reported as a ratio of it.
"""

from __future__ import annotations

from flask import Flask, Response

BODY = b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"1"}}]}}'

app = Flask(__name__)


@app.get("/sparql")
def sparql() -> Response:
    return Response(BODY, mimetype="application/sparql-results+json")
