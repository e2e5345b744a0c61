"""Stable identities for articles read from the web: the canonical URL and the slug of the article IRI.

The slug rule (documented in ``docs/reading.md``):

1. The URL is normalised: scheme and host lower-cased, ``www.`` and a default port dropped, the fragment
   dropped, tracking parameters (``utm_*``, ``fbclid``, ``gclid``, ...) dropped and the remaining query
   parameters sorted, a trailing ``/`` and ``index.html`` dropped from the path. ``http`` and ``https``
   are the same article.
2. The slug is ``<host>-<path words>-<hash>``: the host with dots as dashes, the path slugified (ASCII,
   lower case) and cut to 60 characters at a dash, and the first 10 hex digits of the SHA-256 of the
   normalised URL. The words make it readable, the hash makes it collision-free (two URLs whose words
   coincide after slugifying still differ in the hash) and stable (it depends on the URL only).
3. Without a URL (a plain text file without ``url``) the slug is ``text-<headline words>-<hash>``, the hash
   taken over the normalised body text, so the same text is the same article.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|icid|ocid|cmpid|ref|ref_src|ito|wt_mc|wt\.mc_id"
    r"|at_medium|at_campaign|at_custom\d*|xtor|_ga|share|smid|partner|src|mbid|ns_\w+)$",
    re.IGNORECASE,
)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SLUG_WORDS = 60


def _slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def normalize_url(url: str) -> str:
    """The form of a URL that identifies an article.

    >>> normalize_url("HTTPS://www.Example.org:443/news/a/?utm_source=x&b=2&a=1#top")
    'https://example.org/news/a?a=1&b=2'
    >>> normalize_url("http://example.org/news/index.html")
    'https://example.org/news'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        scheme = "https"
    host = (parts.hostname or "").lower().rstrip(".")
    host = host.removeprefix("www.")
    port = parts.port if parts.port not in (None, *_DEFAULT_PORTS.values()) else None
    netloc = f"{host}:{port}" if port else host
    path = re.sub(r"/+", "/", parts.path or "/")
    path = re.sub(r"/index\.html?$", "/", path)
    path = path.rstrip("/")
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    )
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def short_hash(text: str, length: int = 10) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def _cut(words: str, limit: int = _SLUG_WORDS) -> str:
    if len(words) <= limit:
        return words
    cut = words[:limit]
    return cut.rsplit("-", 1)[0] if "-" in cut else cut


def url_slug(url: str) -> str:
    """The article slug for a canonical URL.

    >>> url_slug("https://www.example.org/politik/2024/wahl-in-berlin.html?utm_source=rss")
    'example-org-politik-2024-wahl-in-berlin-html-decbdc5888'
    """
    normal = normalize_url(url)
    parts = urlsplit(normal)
    host = _slugify(parts.hostname or "") or "site"
    words = _cut(_slugify(f"{parts.path} {parts.query}"))
    return "-".join(p for p in (host, words, short_hash(normal)) if p)


def text_key(body: str) -> str:
    """The key under which two copies of the same text are one article (whitespace and case folded)."""
    return short_hash(" ".join(body.split()).casefold(), 20)


def text_slug(headline: str, body: str) -> str:
    """The slug of an article that has no URL: ``text-<headline words>-<hash of the text>``."""
    words = _cut(_slugify(headline), 40)
    return "-".join(p for p in ("text", words, text_key(body)[:10]) if p)
