"""Answers of earlier queries, kept so that a repeated query costs a dictionary lookup.

The embedded store is read-only while the server runs (query processes read a snapshot taken at start-up),
so an answer stays true for as long as the server lives: the cache needs no invalidation, only a bound on
its size. A store on another SPARQL server can change under us, so its answers are never cached.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from typing import Any


class ResultCache:
    """Serialized answers by request, least recently used first out, at most ``max_bytes`` of them."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(request: dict[str, Any]) -> str | None:
        """What identifies an answer: everything in a query request (text, format, base, dataset); None for
        requests whose effect is not an answer, such as dumps."""
        if request.get("op") != "query":
            return None
        return json.dumps(request, sort_keys=True, separators=(",", ":"))

    def get(self, key: str) -> bytes | None:
        with self._lock:
            body = self._entries.get(key)
            if body is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return body

    def put(self, key: str, body: bytes) -> None:
        """Keep ``body`` unless it alone would take more than a quarter of the cache."""
        size = len(key) + len(body)
        if size > self.max_bytes // 4:
            return
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = body
            self.bytes += size
            while self.bytes > self.max_bytes:
                old_key, old_body = self._entries.popitem(last=False)
                self.bytes -= len(old_key) + len(old_body)

    def stats(self) -> dict[str, int]:
        with self._lock:
            return {
                "entries": len(self._entries),
                "bytes": self.bytes,
                "max_bytes": self.max_bytes,
                "hits": self.hits,
                "misses": self.misses,
            }
