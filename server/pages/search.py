"""``/search``: full-text search of the articles, quotations and entities, as a page or as JSON.

``GET /search?q=Waffenruhe&type=article&from=2025-10-01&to=2025-10-31&publisher=…&entity=…&limit=10`` answers
the hits grouped by kind (articles, quotations, persons, organizations, places, events, things), each group
the best ``limit`` of its kind; ``Accept: application/json`` gets the same as JSON (shape in
``docs/search.md``). Parameters that make no sense are 400 with a short message; a server without a search
index (a remote store, or none built beside the store) answers 503 saying so.

An article hit links to the article's page with ``?found=START-END,…#found-1``: the character offsets of the
words found in its body (``Hit.matches``), which the page marks (:func:`found_paragraphs`) and opens at.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import re
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Response, render_template, request, url_for
from pyoxigraph import NamedNode
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import BadRequest, NotAcceptable

from kg.search import KINDS, Hit, SearchIndex
from server import current
from server.dataset import text_index
from server.pages.graph import labels, select
from server.pages.links import page_url
from server.pages.views import Segment

bp = Blueprint("search", __name__)

MAX_TEXT_CHARS = 500
"""Longest search text."""
DEFAULT_LIMIT = 10
MAX_LIMIT = 100
"""Most hits of one kind a search answers."""
MAX_FILTER_VALUES = 20
"""Most publishers or entities one search may filter by."""
MAX_FOUND_IN_LINK = 100
"""Most places an article hit's link asks its page to mark."""
JSON = "application/json"
GROUPS = {
    "article": "Articles",
    "quotation": "Quotations",
    "person": "Persons",
    "organization": "Organizations",
    "place": "Places",
    "event": "Events",
    "thing": "Things",
}
assert set(GROUPS) == set(KINDS)

TEXT_EXAMPLE = """\
PREFIX schema: <http://schema.org/>
PREFIX nkgtext: <https://w3id.org/newskg/text#>
# Articles that say "Waffenruhe" and mention a person who attended the Alaska summit.
# nkgtext:query is answered by the search index before the query runs (docs/search.md).
SELECT ?article ?score ?person ?name WHERE {
  ?article nkgtext:query "Waffenruhe" ; nkgtext:type "article" ; nkgtext:score ?score .
  ?summit nkgtext:query "Gipfeltreffen Alaska" ; nkgtext:type "event" .
  ?summit schema:attendee ?person .
  ?article schema:mentions ?person .
  ?person schema:name ?name FILTER(LANG(?name) = "en")
} ORDER BY DESC(?score) ?name
"""
"""The text-search example of the query page."""


@dataclass(frozen=True)
class Search:
    """One search as asked: the text and the filters, checked."""

    text: str = ""
    types: tuple[str, ...] = KINDS
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    publishers: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    limit: int = DEFAULT_LIMIT

    @property
    def asked(self) -> bool:
        """Whether there is anything to search for: a text or a filter narrower than everything."""
        return bool(self.text or self.date_from or self.date_to or self.publishers or self.entities)

    @classmethod
    def parse(cls, args: MultiDict[str, str], base: str) -> Search:
        """The search the parameters ask for.

        :raises BadRequest: naming the parameter, for a value that makes no sense.
        """
        text = " ".join(args.getlist("q")).strip()
        if len(text) > MAX_TEXT_CHARS:
            raise BadRequest(f"q is {len(text)} characters long; the most is {MAX_TEXT_CHARS}")
        types = tuple(t for value in args.getlist("type") for t in re.split(r"[\s,]+", value) if t)
        if unknown := sorted(set(types) - set(KINDS)):
            raise BadRequest(f"unknown type {', '.join(unknown)} (types: {', '.join(KINDS)})")
        date_from, date_to = _date(args, "from"), _date(args, "to")
        if date_from and date_to and date_from > date_to:
            raise BadRequest(f"from ({date_from}) is after to ({date_to})")
        return cls(
            text,
            tuple(k for k in KINDS if k in types) or KINDS,
            date_from,
            date_to,
            _iris(args, "publisher", base),
            _iris(args, "entity", base),
            _limit(args),
        )

    def params(self, **changes: Any) -> dict[str, Any]:
        """URL parameters asking this search again, with ``changes`` (for links that narrow it)."""
        search = dataclasses.replace(self, **changes)
        return {
            "q": search.text or None,
            "type": list(search.types) if search.types != KINDS else None,
            "from": search.date_from.isoformat() if search.date_from else None,
            "to": search.date_to.isoformat() if search.date_to else None,
            "publisher": list(search.publishers) or None,
            "entity": list(search.entities) or None,
            "limit": search.limit if search.limit != DEFAULT_LIMIT else None,
        }

    def run(self, index: SearchIndex) -> dict[str, list[Hit]]:
        """The best ``limit`` hits of each kind asked for, best first: one search per kind, so that a kind
        with many strong hits (articles) does not crowd out the others."""
        return {
            kind: index.search(
                self.text,
                types=[kind],
                date_from=self.date_from,
                date_to=self.date_to,
                publisher=self.publishers or None,
                entity=self.entities or None,
                limit=self.limit,
            )
            for kind in self.types
        }


def _date(args: MultiDict[str, str], name: str) -> dt.date | None:
    raw = args.get(name, "").strip()
    if not raw:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        raise BadRequest(f"{name} must be a date written YYYY-MM-DD, got {raw[:40]!r}")
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise BadRequest(f"{name} is no date: {raw!r}") from None


def _iris(args: MultiDict[str, str], name: str, base: str) -> tuple[str, ...]:
    """IRIs given whole, or as the path of one of this graph's pages (``person/donald-trump``)."""
    values = [v for raw in args.getlist(name) for v in raw.split()]
    if len(values) > MAX_FILTER_VALUES:
        raise BadRequest(f"at most {MAX_FILTER_VALUES} {name} values, got {len(values)}")
    out = []
    for value in values:
        iri = value if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value) else base + value.lstrip("/")
        try:
            NamedNode(iri)
        except ValueError:
            raise BadRequest(f"{name} must be an IRI or a page's path, got {value[:80]!r}") from None
        out.append(iri)
    return tuple(dict.fromkeys(out))


def _limit(args: MultiDict[str, str]) -> int:
    raw = args.get("limit", "").strip()
    if not raw:
        return DEFAULT_LIMIT
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_LIMIT:
        raise BadRequest(f"limit must be a whole number from 1 to {MAX_LIMIT}, got {raw[:20]!r}")
    return int(raw)


@bp.get("/search")
def search() -> Response:
    """Hits grouped by kind, as a page or (``Accept: application/json``) as JSON."""
    accept = request.accept_mimetypes
    wanted = accept.best_match(["text/html", JSON]) if accept else "text/html"
    if wanted is None:
        raise NotAcceptable("/search answers text/html or application/json")
    asked = Search.parse(request.args, current.minter().base)
    if wanted == JSON and not asked.asked:
        raise BadRequest("give a search text (q) or a filter (from, to, publisher, entity)")
    groups: dict[str, list[Hit]] = {}
    quoted: dict[str, str] = {}
    if asked.asked:
        index = text_index()
        groups = asked.run(index)
        quoted = {hit.iri: quotation_link(hit, index) for hit in groups.get("quotation", []) if hit.article}
    if wanted == JSON:
        body = json.dumps(as_json(asked, groups, quoted), ensure_ascii=False)
        response = Response(body + "\n", content_type="application/json")
    else:
        response = Response(page(asked, groups, quoted), content_type="text/html; charset=utf-8")
    response.vary.add("Accept")
    return response


def article_link(hit: Hit) -> str:
    """The article's page, marking the words found and opening at the first."""
    url = page_url(hit.iri)
    if not hit.matches or not url.startswith("/"):
        return url
    found = ",".join(f"{start}-{end}" for start, end in hit.matches[:MAX_FOUND_IN_LINK])
    return f"{url}?found={found}#found-1"


def hit_link(hit: Hit) -> str:
    return article_link(hit) if hit.kind == "article" else page_url(hit.iri)


def quotation_link(hit: Hit, index: SearchIndex) -> str:
    """A quotation's article, marking the quotation's words and opening at them when the body holds them
    as written (the article's page otherwise)."""
    assert hit.article is not None
    url = page_url(hit.article)
    start = index.body(hit.article).find(hit.title) if hit.title else -1
    if start < 0 or not url.startswith("/"):
        return url
    return f"{url}?found={start}-{start + len(hit.title)}#found-1"


def as_json(asked: Search, groups: dict[str, list[Hit]], quoted: dict[str, str]) -> dict[str, Any]:
    return {
        "query": {k: v for k, v in asked.params().items() if v is not None} | {"limit": asked.limit},
        "results": {kind: [hit_json(hit, quoted) for hit in hits] for kind, hits in groups.items()},
    }


def hit_json(hit: Hit, quoted: dict[str, str]) -> dict[str, Any]:
    """:meth:`Hit.as_dict` with the addresses of the pages here: the hit's (an article's opening at the
    words found), a quotation's speaker's and its article's (opening at the quotation)."""
    out = hit.as_dict() | {"page": hit_link(hit)}
    if hit.kind == "quotation":
        out["speaker_page"] = page_url(hit.speaker) if hit.speaker else None
        out["article_page"] = quoted.get(hit.iri) or (page_url(hit.article) if hit.article else None)
    return out


def page(asked: Search, groups: dict[str, list[Hit]], quoted: dict[str, str]) -> str:
    publishers = publisher_choices()
    chosen = set(asked.entities) | set(asked.publishers)
    names = labels(chosen) if chosen else {}
    return render_template(
        "search.html",
        search=asked,
        groups=[(kind, GROUPS[kind], hits) for kind, hits in groups.items()],
        total=sum(len(hits) for hits in groups.values()),
        kinds=GROUPS,
        publishers=publishers,
        names=names,
        hit_link=hit_link,
        quoted=quoted,
        narrowed=lambda **changes: url_for("search.search", **asked.params(**changes)),
    )


def publisher_choices() -> list[tuple[str, str]]:
    """The publishers of the stored articles with their names, for the filter's menu."""
    rows = select("SELECT DISTINCT ?p WHERE { ?a a schema:NewsArticle ; schema:publisher ?p } LIMIT 200")
    iris = {row["p"].value for row in rows if row["p"].is_iri}
    names = labels(iris)
    return sorted(((iri, names.get(iri, iri)) for iri in iris), key=lambda pair: pair[1].lower())


@bp.app_context_processor
def query_page_example() -> dict[str, object]:
    return {"text_search_example": TEXT_EXAMPLE}


# --- the article page: the words a search found, marked -----------------------------------------------------


@dataclass
class FoundSegment(Segment):
    """A piece of an article's text, and whether a search found it (``found_id``: on the first piece of each
    place found, the anchor the link opens at)."""

    found: bool = False
    found_id: str = ""


def found_spans(spec: str, length: int) -> list[tuple[int, int]]:
    """``START-END,…`` as sorted, merged offsets inside a text of ``length`` characters; what does not
    parse or lies outside is left out (the marks only decorate the page)."""
    spans = []
    for part in spec.split(",")[:MAX_FOUND_IN_LINK]:
        match = re.fullmatch(r"\s*(\d{1,9})-(\d{1,9})\s*", part)
        if match:
            start, end = int(match.group(1)), min(int(match.group(2)), length)
            if start < end:
                spans.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@bp.app_template_global()
def found_paragraphs(paragraphs: list[list[Segment]], spec: str | None) -> list[list[Segment]]:
    """An article's paragraphs (:func:`server.pages.views.highlight`) with the places in ``spec`` cut out and
    marked found. The paragraphs are the body cut at its blank lines, so the offsets are recounted from them:
    each paragraph break stands for the two newlines left out."""
    if not spec:
        return paragraphs
    length = sum(len(s.text) for p in paragraphs for s in p) + 2 * max(0, len(paragraphs) - 1)
    spans = found_spans(spec, length)
    if not spans:
        return paragraphs
    out: list[list[Segment]] = []
    at, numbered = 0, 0
    started: set[int] = set()
    for number, paragraph in enumerate(paragraphs):
        if number:
            at += 2
        pieces: list[Segment] = []
        for segment in paragraph:
            for piece, index in _cut(segment, at, spans):
                if index is not None and index not in started:
                    started.add(index)
                    numbered += 1
                    piece.found_id = f"found-{numbered}"
                pieces.append(piece)
            at += len(segment.text)
        out.append(pieces)
    return out


def _cut(segment: Segment, at: int, spans: list[tuple[int, int]]) -> list[tuple[FoundSegment, int | None]]:
    """``segment`` (at offset ``at``) cut where the found spans begin and end; each piece with the index of
    the span it lies in, if any. Anchors stay on the first piece, a badge on the last."""
    fields = {f.name: getattr(segment, f.name) for f in dataclasses.fields(Segment)}
    if not segment.text:
        return [(FoundSegment(**fields), None)]
    end = at + len(segment.text)
    cuts = sorted({at, end} | {p for s in spans for p in s if at < p < end})
    pieces: list[tuple[FoundSegment, int | None]] = []
    for i, (a, b) in enumerate(itertools.pairwise(cuts)):
        index = next((n for n, (s, e) in enumerate(spans) if s <= a and b <= e), None)
        piece = fields | {
            "text": segment.text[a - at : b - at],
            "anchors": segment.anchors if i == 0 else [],
            "badge": segment.badge if i == len(cuts) - 2 else "",
        }
        pieces.append((FoundSegment(**piece, found=index is not None), index))
    return pieces
