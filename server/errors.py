"""One error handler: every failure becomes a short message with the right status, never a stack trace,
a file path or a 500 for something the client did."""

from __future__ import annotations

import logging

from flask import Flask, Response
from werkzeug.exceptions import HTTPException, InternalServerError

from server.execution.pool import ExecutionError

log = logging.getLogger("newskg.server")


def plain(status: int, message: str) -> Response:
    response = Response(message.rstrip() + "\n", status=status, content_type="text/plain; charset=utf-8")
    if status == 503:
        response.headers["Retry-After"] = "5"
    return response


def register(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        response = plain(exc.code or 500, f"{exc.code} {exc.name}: {exc.description}")
        if exc.code == 405 and exc.valid_methods:
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        return response

    @app.errorhandler(ExecutionError)
    def execution_error(exc: ExecutionError) -> Response:
        return plain(exc.status, exc.message)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Response:
        log.exception("unexpected error", exc_info=exc)
        error = InternalServerError()
        return plain(500, f"500 {error.name}: the server failed; the error was logged")
