"""The HTTP front of each gunicorn worker: waitress, which reads every request whole before a thread runs it.

gunicorn's ``gthread`` worker gives a thread to each connection as soon as its first bytes arrive, and that
thread then waits for the rest of the headers or body: 16 clients that send part of a request and stop held
every thread of a server of 2 workers x 8 threads, for good. In waitress one loop per worker reads all
connections at once without blocking (``poll``), and only a complete request (headers and body, a large body
spooled to a file) goes to the worker's threads; a connection silent for ``client_timeout_s`` is closed,
and so is one whose request grew past waitress's limits (headers 256 KB, body ``max_request_bytes``).

gunicorn keeps what it does well: the master binds the socket, forks the workers after the zygote
(:mod:`server.execution.pool`), replaces the ones that die, recycles, and stops them gracefully; this class
is only the worker's serving loop (``worker_class`` in ``newskg serve``).
"""

from __future__ import annotations

import ipaddress
import logging
import os
import resource
import time
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import unquote

from gunicorn.workers.base import Worker
from waitress import wasyncore
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import BaseWSGIServer, create_server
from waitress.task import ErrorTask, WSGITask
from waitress.utilities import BadRequest

CONNECTION_LIMIT = 2000
"""Connections one worker keeps open at once (each a file descriptor and a buffer, never a thread)."""
REQUEST_LINE_LIMIT = 8190
"""gunicorn's limit, kept: a longer GET is refused with 414 and goes by POST."""


def refuse_long_request_lines(app: Callable[..., Iterable[bytes]]) -> Callable[..., Iterable[bytes]]:
    """414 for a request line longer than :data:`REQUEST_LINE_LIMIT`, as gunicorn answered it."""

    def wrapped(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        line = len(environ["REQUEST_METHOD"]) + len(environ.get("REQUEST_URI", "")) + 10  # " ", " HTTP/1.1"
        if line > REQUEST_LINE_LIMIT:
            body = b"414 URI Too Long: the request line is longer than 8190 bytes; send the query by POST\n"
            start_response(
                "414 URI Too Long", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))]
            )
            return [body]
        return app(environ, start_response)

    return wrapped


class PlainErrorTask(ErrorTask):  # type: ignore[misc]
    """waitress's own refusals (a malformed chunk, a body shorter than announced, headers too large) in the
    shape of every other error of the server: ``<code> <reason>: <message>``, ``text/plain``."""

    def execute(self) -> None:
        error = self.request.error
        body = f"{error.code} {error.reason}: {' '.join(str(error.body).split())}\n".encode()
        self.status = f"{error.code} {error.reason}"
        self.response_headers.append(("Content-Type", "text/plain; charset=utf-8"))
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class Parser(HTTPRequestParser):  # type: ignore[misc]
    """waitress's parser, also keeping a ``SCRIPT_NAME`` header (waitress drops every name with ``_``), which
    gunicorn took from a trusted proxy as the prefix the server is mounted under."""

    script_name: str | None = None

    def parse_header(self, header_plus: bytes) -> None:
        super().parse_header(header_plus)
        for line in header_plus.split(b"\r\n")[1:]:
            name, colon, value = line.partition(b":")
            if colon and name.upper() == b"SCRIPT_NAME":
                self.script_name = value.strip(b" \t").decode("latin-1")


class Task(WSGITask):  # type: ignore[misc]
    """The WSGI environ as gunicorn made it for a trusted proxy (``forwarded_allow_ips``): the scheme from its
    ``X-Forwarded-Proto`` (``-Ssl``, ``-Protocol``) header and the mount prefix from ``SCRIPT_NAME``."""

    def get_environment(self) -> dict[str, Any]:
        if self.environ is not None:
            return self.environ  # type: ignore[no-any-return]
        environ: dict[str, Any] = super().get_environment()
        cfg = self.channel.server.gunicorn_cfg
        if cfg is None or not trusted(environ.get("REMOTE_ADDR", ""), cfg):
            return environ
        for name, secure in cfg.secure_scheme_headers.items():
            value = environ.get("HTTP_" + name.upper().replace("-", "_"))
            if value is not None:
                environ["wsgi.url_scheme"] = "https" if value == secure else "http"
        script_name = self.request.script_name
        if script_name and "SCRIPT_NAME" in cfg.forwarder_headers:
            # as gunicorn does: the prefix is cut off the path as sent (still %-encoded), then decoded
            raw = self.request.request_uri.split("?", 1)[0]
            if raw.startswith(script_name):
                environ["SCRIPT_NAME"] = script_name
                environ["PATH_INFO"] = unquote(raw[len(script_name) :], encoding="latin-1")
        return environ


def trusted(address: str, cfg: Any) -> bool:
    allowed = cfg.forwarded_allow_ips
    if "*" in allowed or address in allowed:
        return True
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in cfg.forwarded_allow_networks())


class Channel(HTTPChannel):  # type: ignore[misc]
    """One client connection. A client that ends its side (EOF) after the headers but before the whole body
    it announced gets 400, as under gunicorn, rather than a closed connection."""

    error_task_class = PlainErrorTask
    task_class = Task
    parser_class = Parser
    cut_short = False
    reading = False

    def handle_close(self) -> None:
        request = self.request
        eof = self.reading and not self.will_close  # the client's end, not our time-out
        if self.cut_short or not eof or request is None or not request.headers_finished or request.completed:
            super().handle_close()
            return
        self.cut_short = True  # answer on the half-closed socket, then close
        request.error = BadRequest(
            "the body is shorter than its Content-Length, or its chunks end before the last one"
        )
        request.completed = True
        with self.requests_lock:
            self.request = None
            self.requests.append(request)
            if len(self.requests) == 1:
                self.server.add_task(self)

    def handle_read(self) -> None:
        self.reading = True
        try:
            super().handle_read()
        finally:
            self.reading = False
        if self.cut_short and not self.will_close:
            self.connected = True  # the client can still read the answer


FRESH_S = 1.0  # a connection accepted this recently whose request has not arrived yet is waited for


def busy(dispatcher: object) -> bool:
    """A connection with a request under way (read in part, running or answered in part), or one accepted
    just now whose request has not arrived yet: closing those at a graceful exit resets clients that did
    nothing wrong (the listening socket is shared, so a worker about to exit still accepts)."""
    if not isinstance(dispatcher, HTTPChannel):
        return False
    if dispatcher.requests or dispatcher.total_outbufs_len or dispatcher.request is not None:
        return True
    silent = dispatcher.last_activity == dispatcher.creation_time
    return silent and time.time() - dispatcher.creation_time < FRESH_S


class WaitressWorker(Worker):  # type: ignore[misc]
    """A gunicorn worker whose HTTP is served by waitress (``threads`` threads run the requests)."""

    def init_process(self) -> None:
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft < hard:  # one descriptor per open connection, and the lines to the query processes
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
        super().init_process()

    def run(self) -> None:
        for name in ("waitress", "waitress.queue"):
            logger = logging.getLogger(name)
            logger.handlers = list(self.log.error_log.handlers)
            logger.propagate = False
        logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "task queue depth": normal under load
        self.socket_map: dict[int, Any] = {}
        settings = self.wsgi.config["NEWSKG_SETTINGS"]
        timeout = max(round(float(settings["client_timeout_s"])), 1)  # waitress counts whole seconds
        server = create_server(
            refuse_long_request_lines(self.wsgi),
            map=self.socket_map,
            sockets=[listener.sock for listener in self.sockets],
            threads=self.cfg.threads,
            channel_timeout=timeout,
            cleanup_interval=max(min(timeout // 2, 5), 1),
            connection_limit=CONNECTION_LIMIT,
            max_request_body_size=2 * int(settings["max_request_bytes"]) + 65536,  # Flask's 413 up to there
            asyncore_use_poll=True,  # select() fails past descriptor 1024
            asyncore_loop_timeout=1,
            ident="newskg",
            clear_untrusted_proxy_headers=False,
        )
        self.waitress = server
        for dispatcher in self.socket_map.values():
            if isinstance(dispatcher, BaseWSGIServer):
                dispatcher.channel_class = Channel
                dispatcher.gunicorn_cfg = self.cfg
        while self.alive:
            self.notify()
            wasyncore.loop(timeout=1.0, map=self.socket_map, use_poll=True, count=1)
            if self.ppid != os.getppid():
                self.log.info("Parent changed, shutting down: %s", self)
                break
        self.stop_gracefully()

    def stop_gracefully(self) -> None:
        """No new connections; the requests under way are answered, for ``graceful_timeout`` at most."""
        for dispatcher in list(self.socket_map.values()):
            if isinstance(dispatcher, BaseWSGIServer):
                dispatcher.accepting = False
                dispatcher.del_channel()
        deadline = time.monotonic() + self.cfg.graceful_timeout
        while time.monotonic() < deadline and any(map(busy, list(self.socket_map.values()))):
            self.notify()
            wasyncore.loop(timeout=0.1, map=self.socket_map, use_poll=True, count=1)
        self.waitress.task_dispatcher.shutdown(cancel_pending=True, timeout=1)
        wasyncore.close_all(self.socket_map)

    def handle_exit(self, sig: int, frame: Any) -> None:
        """SIGTERM: stop after the requests under way (wake the loop now rather than within a second)."""
        super().handle_exit(sig, frame)
        waitress = getattr(self, "waitress", None)
        if waitress is not None:
            waitress.pull_trigger()
