"""Answers of earlier queries, and whole responses to repeated GET requests, in one budget per worker.

The embedded store is read-only while the server runs (query processes read a snapshot taken at start-up),
so an answer stays true for as long as the server lives: the cache needs no invalidation, only a bound on
its size. A store on another SPARQL server can change under us, so its answers are never cached.

Two kinds of values share one :class:`ResultCache`: the serialized answer of a query request, kept by the
query pool (:mod:`server.execution.pool`), and a :class:`StoredResponse`, kept by the :class:`ResponseCache`
WSGI middleware, which answers a repeated identical ``GET /sparql?…`` before Flask does any work.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


@dataclass(frozen=True)
class StoredResponse:
    """A complete response as the app gave it to WSGI: status line, headers in order, the whole body."""

    status: str
    headers: tuple[tuple[str, str], ...]
    body: bytes


def entry_size(key: str, value: bytes | StoredResponse) -> int:
    """What an entry counts against the budget: its key and its body (an answer is all body)."""
    return len(key) + len(value.body if isinstance(value, StoredResponse) else value)


SEEN_KEYS = 4096
"""How many keys asked for once the cache remembers (by hash) to know a second request when it comes."""


class ResultCache:
    """Serialized answers and whole responses by request, least recently used first out, at most
    ``max_bytes`` of them (as counted by :func:`entry_size`).

    A value is kept only once its key has been asked for a second time: a query asked once (an ad hoc query,
    a text made new for each request) takes no room and pushes out none of the answers that are asked for
    again. That costs a repeated query one more evaluation."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self.hits = 0
        self.response_hits = 0
        self.misses = 0
        self._entries: OrderedDict[str, bytes | StoredResponse] = OrderedDict()
        self._seen: OrderedDict[int, bool] = OrderedDict()
        """Hashes of the keys missed lately: True for a key missed twice, whose value :meth:`put` keeps."""
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | StoredResponse | None:
        """The value kept under ``key``, or None. Every find counts as a hit (a whole response also as a
        response hit), every miss as a miss: a request is looked up once, by the response middleware or by
        the query pool (see :data:`KEPT_WHOLE`)."""
        with self._lock:
            value = self._entries.get(key)
            if value is None:
                self.misses += 1
                seen = hash(key)
                self._seen[seen] = seen in self._seen
                self._seen.move_to_end(seen)
                if len(self._seen) > SEEN_KEYS:
                    self._seen.popitem(last=False)
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            if isinstance(value, StoredResponse):
                self.response_hits += 1
            return value

    def put(self, key: str, value: bytes | StoredResponse) -> None:
        """Keep ``value`` if ``key`` was just missed for the second time, unless the value alone would take
        more than a quarter of the cache."""
        size = entry_size(key, value)
        if size > self.max_bytes // 4:
            return
        with self._lock:
            if key in self._entries or not self._seen.get(hash(key)):
                return
            del self._seen[hash(key)]
            self._entries[key] = value
            self.bytes += size
            while self.bytes > self.max_bytes:
                self.bytes -= entry_size(*self._entries.popitem(last=False))

    def stats(self) -> dict[str, int]:
        """``hits`` counts every request answered from the cache, ``response_hits`` those of them answered
        whole before Flask; ``misses`` counts answers that had to be computed."""
        with self._lock:
            return {
                "entries": len(self._entries),
                "bytes": self.bytes,
                "max_bytes": self.max_bytes,
                "hits": self.hits,
                "response_hits": self.response_hits,
                "misses": self.misses,
            }


CONDITIONAL_HEADERS = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
    "HTTP_IF_RANGE",
    "HTTP_RANGE",
)
"""Requests with any of these may deserve another answer than the full 200 (304, 412, 206): never cached."""

HTML_TYPES = ("text/html", "application/xhtml+xml")

KEPT_WHOLE = "newskg.kept_whole"
"""Set in the environ of a request whose whole response :class:`ResponseCache` looked up and will keep: the
query pool then neither looks up nor keeps its answer, which would hold the same bytes twice."""


class ResponseCache:
    """WSGI middleware: a repeated identical ``GET {path}?…`` is answered from ``cache`` before the app runs.

    Looked up and stored: method GET, ``PATH_INFO`` exactly ``path``, a non-empty ``QUERY_STRING``, and
    none of :data:`CONDITIONAL_HEADERS`. Stored: a 200 response that sets no cookie and is not HTML (no page
    carries a per-response value today, but pages are for people, not load, and must never be shared by
    mistake), its body read whole (the app's iterable is iterated and closed). A hit replays the stored
    status line and headers exactly; the server adds its own ``Date`` and connection headers, as for any
    response.

    The key holds every request input the ``/sparql`` GET answer depends on (``server/sparql/endpoint.py``,
    ``conneg.py``, ``guard.py``, ``errors.py`` and the after-request hooks of ``server/__init__.py``):

    - ``REQUEST_METHOD`` and ``PATH_INFO`` are fixed (GET, ``path``), so they need no place in it;
    - ``QUERY_STRING``, raw: the query, ``format``, ``timeout``, ``default-graph-uri``, ``named-graph-uri``
      and anything else a client puts there (a different spelling of the same request only misses);
    - ``HTTP_ACCEPT``: content negotiation, and whether a bare request gets the service description;
    - ``wsgi.url_scheme``, ``HTTP_HOST``, ``SERVER_NAME``, ``SERVER_PORT`` and ``SCRIPT_NAME``: the base IRI
      of the query (relative IRIs, FROM clauses) and the IRIs of the service description. gunicorn folds the
      ``X-Forwarded-Proto``/``-Ssl``/``-Protocol`` headers of a trusted proxy (``forwarded_allow_ips``,
      127.0.0.1 by default) into ``wsgi.url_scheme`` and a ``SCRIPT_NAME`` header into ``SCRIPT_NAME``
      before we see the request, so the environ values, not those headers, are the inputs.

    Inputs that are not in the key, and why the answer does not depend on them: ``Origin`` (CORS answers
    ``Access-Control-Allow-Origin: *`` to every GET; only OPTIONS, never cached, gets more);
    ``Accept-Encoding`` (nothing compresses ``/sparql`` answers); ``Cookie`` (no sessions);
    ``X-Forwarded-Host`` and ``Forwarded`` (no ProxyFix: werkzeug reads ``Host``); ``X-Forwarded-For`` and
    ``REMOTE_ADDR`` (no per-client answer); a GET's body and ``Content-Type`` (GET parameters come
    from the query string only); ``Accept-Language``, ``User-Agent`` and other headers (never read). The
    settings and the served store are fixed for the app's life. A new input on this path must join the key.
    """

    def __init__(self, app: WSGIApp, cache: ResultCache, path: str = "/sparql") -> None:
        self.app = app
        self.cache = cache
        self.path = path

    def key(self, environ: dict[str, Any]) -> str | None:
        """The request's key, or None for a request that is neither looked up nor stored."""
        query_string = environ.get("QUERY_STRING")
        if (
            environ.get("REQUEST_METHOD") != "GET"
            or environ.get("PATH_INFO") != self.path
            or not query_string
            or any(name in environ for name in CONDITIONAL_HEADERS)
        ):
            return None
        # repr: fields may be absent (None), and an absent Host is not an empty one (werkzeug then reads
        # SERVER_NAME); no field can run into the next
        return repr(
            (
                environ.get("wsgi.url_scheme"),
                environ.get("HTTP_HOST"),
                environ.get("SERVER_NAME"),
                environ.get("SERVER_PORT"),
                environ.get("SCRIPT_NAME"),
                environ.get("HTTP_ACCEPT"),
                query_string,
            )
        )

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        key = self.key(environ)
        if key is None:
            return self.app(environ, start_response)
        stored = self.cache.get(key)
        if isinstance(stored, StoredResponse):
            start_response(stored.status, list(stored.headers))
            return [stored.body]
        environ[KEPT_WHOLE] = True
        status, headers, exc_info, body = self._buffered(environ)
        if storable(status, headers):
            self.cache.put(key, StoredResponse(status, tuple(headers), body))
        start_response(status, headers, exc_info)
        return [body]

    def _buffered(self, environ: dict[str, Any]) -> tuple[str, list[tuple[str, str]], Any, bytes]:
        """Run the app to the end: its status, headers, exc_info and whole body."""
        started: list[Any] = []
        chunks: list[bytes] = []

        def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[..., Any]:
            started[:] = [status, headers, exc_info]
            return chunks.append  # the legacy write() callable

        iterable = self.app(environ, start)
        try:
            chunks.extend(iterable)
        finally:
            close = getattr(iterable, "close", None)
            if close is not None:
                close()
        status, headers, exc_info = started
        return status, headers, exc_info, b"".join(chunks)


def storable(status: str, headers: list[tuple[str, str]]) -> bool:
    """A 200 that is not HTML and sets no cookie: the same for every client that sends the same key."""
    if not status.startswith("200 "):
        return False
    for name, value in headers:
        lowered = name.lower()
        if lowered == "set-cookie":
            return False
        if lowered == "content-type" and value.split(";")[0].strip().lower() in HTML_TYPES:
            return False
    return True
