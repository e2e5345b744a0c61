"""Linked-data pages: every IRI the graph mints resolves here, as HTML for people or RDF for programs.

``{server}/person/donald-trump`` stands for the IRI ``{base}person/donald-trump`` whatever the base is; it
answers 303 See Other to its document ``/doc/person/donald-trump.{html,ttl,jsonld,nt,rdf}`` (Cool URIs for the
Semantic Web, section 4.3), chosen by ``Accept``.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for
from pyoxigraph import RdfFormat
from werkzeug.exceptions import NotFound

from kg.vocab import NKG, OA, SCHEMA, Minter
from server.graphdata import Term, ask, construct, iri_ref, labels, select

bp = Blueprint("pages", __name__)

KINDS = ("article", "person", "organization", "place", "thing", "event", "graph", "software")
DOCUMENT_FORMATS = {
    "html": "text/html",
    "ttl": RdfFormat.TURTLE.media_type,
    "jsonld": RdfFormat.JSON_LD.media_type,
    "nt": RdfFormat.N_TRIPLES.media_type,
    "rdf": RdfFormat.RDF_XML.media_type,
}
ENTITY_TYPES = {SCHEMA + t for t in ("Person", "Organization", "Place", "WebSite", "Product")}


def minter() -> Minter:
    return current_app.extensions["newskg_minter"]  # type: ignore[no-any-return]


def local_path(iri: str) -> str | None:
    """The server path of a minted IRI, or None for IRIs from elsewhere (Wikidata, schema.org)."""
    base = minter().base
    return iri[len(base) :] if iri.startswith(base) else None


def page_url(iri: str) -> str:
    """Where a reader sees ``iri``: our page for minted IRIs, the IRI itself otherwise."""
    path = local_path(iri)
    return url_for("pages.document", rest=f"{path}.html") if path else iri


@bp.app_context_processor
def page_helpers() -> dict[str, object]:
    return {"page_url": page_url}


def exists(iri: str) -> bool:
    ref = iri_ref(iri)
    return ask(f"ASK {{ {{ {ref} ?p ?o }} UNION {{ ?s ?p {ref} }} }}")


@bp.get("/<any({}):kind>/<path:rest>".format(", ".join(KINDS)))
def thing(kind: str, rest: str) -> Response:
    """The IRI of a thing: 303 to the document that describes it."""
    iri = minter().base + f"{kind}/{rest}"
    if not exists(iri):
        raise NotFound(f"nothing in this graph is called <{iri}>")
    best = request.accept_mimetypes.best_match(list(DOCUMENT_FORMATS.values()), default="text/html")
    extension = next(ext for ext, media in DOCUMENT_FORMATS.items() if media == best)
    response = redirect(url_for("pages.document", rest=f"{kind}/{rest}.{extension}"), code=303)
    response.vary.add("Accept")
    return response


@bp.get("/doc/<path:rest>")
def document(rest: str) -> Response | str:
    path, _, extension = rest.rpartition(".")
    if extension not in DOCUMENT_FORMATS or not path:
        raise NotFound(f"no document format .{extension} (formats: {', '.join(DOCUMENT_FORMATS)})")
    iri = minter().base + path
    if not exists(iri):
        raise NotFound(f"nothing in this graph is called <{iri}>")
    if extension != "html":
        return rdf_description(iri, DOCUMENT_FORMATS[extension])
    types = {row["t"].value for row in select(f"SELECT ?t WHERE {{ {iri_ref(iri)} a ?t }}")}
    links = [
        (url_for("pages.document", rest=f"{path}.{ext}"), media) for ext, media in DOCUMENT_FORMATS.items()
    ]
    if SCHEMA + "NewsArticle" in types:
        html = article_page(iri, links)
    elif SCHEMA + "Event" in types:
        html = render_template("event.html", **event_view(iri), links=links)
    elif types & ENTITY_TYPES:
        html = render_template("entity.html", **entity_view(iri), links=links)
    else:
        html = render_template("resource.html", **resource_view(iri), links=links)
    response = Response(html, content_type="text/html; charset=utf-8")
    response.headers["Link"] = ", ".join(
        f'<{url}>; rel="alternate"; type="{media}"' for url, media in links[1:]
    )
    return response


def rdf_description(iri: str, media_type: str) -> Response:
    """The resource's own triples and the labels of what it links to, serialized by the engine."""
    ref = iri_ref(iri)
    body = construct(
        f"CONSTRUCT {{ {ref} ?p ?o . ?o schema:name ?label }} "
        f"WHERE {{ {ref} ?p ?o OPTIONAL {{ ?o schema:name ?label }} }}",
        media_type,
    )
    textual = media_type != RdfFormat.N_QUADS.media_type
    return Response(body, content_type=media_type + ("; charset=utf-8" if textual else ""))


# --- views -----------------------------------------------------------------------------------------------


def grouped(rows: list[dict[str, Term]], key: str) -> dict[str, list[dict[str, Term]]]:
    out: dict[str, list[dict[str, Term]]] = defaultdict(list)
    for row in rows:
        out[row[key].value].append(row)
    return out


def names_of(iri: str) -> dict[str, str]:
    rows = select(f"SELECT ?name WHERE {{ {iri_ref(iri)} schema:name ?name }}")
    return {row["name"].lang or "": row["name"].value for row in rows}


def evidence_of(iri: str) -> list[dict[str, object]]:
    """The words of the articles that support a fact, with a link to the highlighted span."""
    rows = select(
        "SELECT ?anno ?article ?start ?end ?exact ?prefix ?suffix WHERE { "
        f"?anno oa:hasBody {iri_ref(iri)} ; oa:hasTarget ?t . "
        "?t oa:hasSource ?article ; oa:hasSelector ?p, ?q . "
        "?p oa:start ?start ; oa:end ?end . ?q oa:exact ?exact "
        "OPTIONAL { ?q oa:prefix ?prefix } OPTIONAL { ?q oa:suffix ?suffix } } ORDER BY ?article ?start"
    )
    return [
        {
            "exact": row["exact"].value,
            "prefix": row["prefix"].value if "prefix" in row else "",
            "suffix": row["suffix"].value if "suffix" in row else "",
            "start": int(row["start"].value),
            "end": int(row["end"].value),
            "href": page_url(row["article"].value) + "#" + anchor(row["anno"].value),
        }
        for row in rows
    ]


def anchor(annotation_iri: str) -> str:
    return "evidence-" + annotation_iri.rstrip("/").rsplit("/", 1)[-1]


def event_view(iri: str) -> dict[str, object]:
    ref = iri_ref(iri)
    facts = select(f"SELECT ?p ?o WHERE {{ {ref} ?p ?o }}")
    by_predicate: dict[str, list[Term]] = defaultdict(list)
    for row in facts:
        by_predicate[row["p"].value].append(row["o"])
    schedule = select(
        f"SELECT ?from ?to ?words WHERE {{ {ref} schema:eventSchedule ?s . "
        "?s schema:startDate ?from ; schema:endDate ?to ; schema:description ?words }"
    )
    related = select(
        f"SELECT DISTINCT ?other WHERE {{ {{ {ref} schema:superEvent|schema:subEvent|schema:about ?other . "
        f"?other a schema:Event }} UNION "
        f"{{ ?other schema:about|schema:superEvent {ref} ; a schema:Event }} }}"
    )
    iris = {t.value for ts in by_predicate.values() for t in ts if t.is_iri} | {
        r["other"].value for r in related
    }
    return {
        "iri": iri,
        "names": names_of(iri),
        "facts": by_predicate,
        "S": SCHEMA,
        "N": NKG,
        "schedule": schedule[0] if schedule else None,
        "related": sorted({r["other"].value for r in related} - {iri}),
        "labels": labels(iris | {iri}),
        "evidence": evidence_of(iri),
    }


def entity_view(iri: str) -> dict[str, object]:
    ref = iri_ref(iri)
    facts = select(f"SELECT ?p ?o WHERE {{ {ref} ?p ?o }}")
    by_predicate: dict[str, list[Term]] = defaultdict(list)
    for row in facts:
        by_predicate[row["p"].value].append(row["o"])
    roles = select(
        f"SELECT ?role ?name ?status ?position ?org ?asOf WHERE {{ {ref} schema:memberOf ?role . "
        "?role a schema:OrganizationRole ; schema:roleName ?name ; nkg:roleStatus ?status ; nkg:asOf ?asOf . "
        "OPTIONAL { ?role nkg:position ?position } OPTIONAL { ?role schema:memberOf ?org } "
        "FILTER(LANG(?name) = 'en') } ORDER BY ?name"
    )
    timeline = select(
        f"SELECT DISTINCT ?event ?part ?start ?latest ?status ?place WHERE {{ "
        f"{{ ?event schema:attendee {ref} BIND('attendee' AS ?part) }} UNION "
        f"{{ ?event schema:organizer {ref} BIND('organizer' AS ?part) }} UNION "
        f"{{ ?event schema:location {ref} BIND('place' AS ?part) }} UNION "
        f"{{ ?event schema:about {ref} ; a schema:Event BIND('subject' AS ?part) }} "
        "OPTIONAL { ?event schema:startDate ?start } OPTIONAL { ?event nkg:latestDate ?latest } "
        "OPTIONAL { ?event nkg:status ?status } OPTIONAL { ?event schema:location ?place } } "
        "ORDER BY COALESCE(STR(?start), STR(?latest), '9999') ?event"
    )
    quotations = select(
        f"SELECT ?q ?text ?article ?date WHERE {{ ?q schema:creator {ref} ; schema:text ?text ; "
        "schema:isPartOf ?article OPTIONAL { ?q schema:dateCreated ?date } } ORDER BY ?q"
    )
    claims = select(
        f"SELECT ?c ?text ?article WHERE {{ ?c schema:author {ref} ; a schema:Claim ; schema:text ?text ; "
        "schema:appearance ?article } ORDER BY ?c"
    )
    articles = select(
        f"SELECT ?article ?headline ?published (COUNT(DISTINCT ?anno) AS ?mentions) WHERE {{ "
        f"?article schema:mentions|schema:about {ref} ; schema:headline ?headline ; "
        "schema:datePublished ?published "
        f"OPTIONAL {{ ?anno oa:hasBody {ref} ; oa:motivatedBy oa:identifying ; "
        "oa:hasTarget/oa:hasSource ?article } } "
        "GROUP BY ?article ?headline ?published ORDER BY DESC(?published)"
    )
    inside = select(f"SELECT ?place WHERE {{ ?place schema:containedInPlace {ref} }} ORDER BY ?place")
    iris = {t.value for ts in by_predicate.values() for t in ts if t.is_iri}
    iris |= {r[k].value for rows in (roles, timeline, inside) for r in rows for k in r if r[k].is_iri}
    return {
        "iri": iri,
        "names": names_of(iri),
        "facts": by_predicate,
        "S": SCHEMA,
        "N": NKG,
        "roles": roles,
        "timeline": timeline,
        "quotations": quotations,
        "claims": claims,
        "articles": articles,
        "inside": inside,
        "labels": labels(iris | {iri}),
    }


def resource_view(iri: str) -> dict[str, object]:
    ref = iri_ref(iri)
    outgoing = select(f"SELECT ?p ?o WHERE {{ {ref} ?p ?o }} ORDER BY ?p ?o")
    incoming = select(f"SELECT ?s ?p WHERE {{ ?s ?p {ref} }} ORDER BY ?p ?s LIMIT 200")
    iris = {r["o"].value for r in outgoing if r["o"].is_iri} | {r["s"].value for r in incoming}
    return {
        "iri": iri,
        "outgoing": outgoing,
        "incoming": incoming,
        "labels": labels(iris | {iri}),
        "evidence": evidence_of(iri),
    }


@dataclass
class Segment:
    text: str
    href: str = ""
    css: str = ""
    title: str = ""
    anchors: list[str] = field(default_factory=list)


def article_page(iri: str, links: list[tuple[str, str]]) -> str:
    ref = iri_ref(iri)
    facts = select(f"SELECT ?p ?o WHERE {{ {ref} ?p ?o }}")
    by_predicate: dict[str, list[Term]] = defaultdict(list)
    for row in facts:
        by_predicate[row["p"].value].append(row["o"])
    body = by_predicate[SCHEMA + "articleBody"][0].value
    spans = select(
        "SELECT ?anno ?body ?motivation ?start ?end WHERE { "
        f"?anno oa:hasBody ?body ; oa:motivatedBy ?motivation ; oa:hasTarget ?t . ?t oa:hasSource {ref} ; "
        "oa:hasSelector ?p . ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end }"
    )
    images = select(
        f"SELECT ?image ?caption ?credit ?creator ?description WHERE {{ {ref} schema:image ?image . "
        "?image schema:creditText ?credit ; schema:position ?n OPTIONAL { ?image schema:caption ?caption } "
        "OPTIONAL { ?image schema:creator ?creator } OPTIONAL { ?image schema:description ?description } } "
        "ORDER BY ?n"
    )
    holders = grouped(
        select(
            f"SELECT ?image ?holder WHERE {{ {ref} schema:image ?image . "
            "?image schema:copyrightHolder ?holder }"
        ),
        "image",
    )
    depicts = grouped(
        select(
            f"SELECT ?image ?about WHERE {{ {ref} schema:image ?image . "
            "?image schema:about|schema:mentions ?about }"
        ),
        "image",
    )
    videos = select(
        f"SELECT ?video ?name ?duration WHERE {{ {ref} schema:video ?video . ?video schema:name ?name "
        "OPTIONAL { ?video schema:duration ?duration } }"
    )
    headings = {
        t.value
        for r in select(
            f"SELECT ?name WHERE {{ {ref} schema:hasPart ?s . "
            "?s a schema:WebPageElement ; schema:name ?name }"
        )
        for t in r.values()
    }
    iris = {t.value for ts in by_predicate.values() for t in ts if t.is_iri} | {
        r["body"].value for r in spans
    }
    iris |= {r[k].value for r in images for k in ("creator",) if k in r}
    iris |= {h["holder"].value for rows in holders.values() for h in rows}
    iris |= {d["about"].value for rows in depicts.values() for d in rows}
    names = labels(iris)
    return render_template(
        "article.html",
        iri=iri,
        facts=by_predicate,
        S=SCHEMA,
        N=NKG,
        paragraphs=highlight(body, spans, names),
        headings=headings,
        images=images,
        holders=holders,
        depicts=depicts,
        videos=videos,
        labels=names,
        links=links,
    )


def highlight(body: str, spans: list[dict[str, Term]], names: dict[str, str]) -> list[list[Segment]]:
    """Cut the body at every span boundary; each piece links to the most specific fact it supports.

    Pieces covered by a fact's evidence are highlighted (``evidence``); pieces that only name an entity are
    marked as mentions. Paragraphs are the body's blank-line-separated blocks.
    """
    marks = [
        (int(s["start"].value), int(s["end"].value), s["body"].value, s["motivation"].value, s["anno"].value)
        for s in spans
    ]
    cuts = {0, len(body)} | {m[0] for m in marks} | {m[1] for m in marks}
    position = body.find("\n\n")
    while position != -1:
        cuts |= {position, position + 2}
        position = body.find("\n\n", position + 2)
    anchors_at: dict[int, list[str]] = defaultdict(list)
    for start, _, _, _, anno in marks:
        anchors_at[start].append(anchor(anno))
    paragraphs: list[list[Segment]] = [[]]
    ordered = sorted(cuts)
    for a, b in itertools.pairwise(ordered):
        text = body[a:b]
        if text == "\n\n":
            paragraphs.append([])
            continue
        covering = [m for m in marks if m[0] <= a and b <= m[1]]
        describing = [m for m in covering if m[3] != OA + "identifying"]
        segment = Segment(text, anchors=sorted(anchors_at.get(a, [])))
        chosen = min(describing or covering, key=lambda m: m[1] - m[0], default=None)
        if chosen is not None:
            segment.href = page_url(chosen[2])
            segment.css = "evidence" if describing else "mention"
            segment.title = "; ".join(sorted({names.get(m[2], m[2]) for m in covering}))
        paragraphs[-1].append(segment)
    return paragraphs


# --- the query page, browsing, validation ----------------------------------------------------------------


def examples() -> list[dict[str, str]]:
    """Example queries from ``data/queries/*.rq`` (``# title:`` and ``# description:`` headers)."""
    found = []
    for path in sorted(Path(current_app.config["NEWSKG_QUERIES_DIR"]).glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        header = {
            key.strip(): value.strip()
            for line in text.splitlines()
            if line.startswith("# ") and ":" in line
            for key, value in [line[2:].split(":", 1)]
        }
        found.append(
            {
                "name": header.get("title", path.stem),
                "description": header.get("description", ""),
                "query": text,
            }
        )
    return found


@bp.get("/")
def query_page() -> str:
    return render_template("query.html", examples=examples())


@bp.get("/browse")
def browse() -> str:
    rows = select(
        "SELECT ?s ?type WHERE { VALUES ?type { schema:NewsArticle schema:Event schema:Person "
        "schema:Organization schema:Place } ?s a ?type }"
    )
    base = minter().base
    by_type: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if row["s"].value.startswith(base):
            by_type[row["type"].value.removeprefix(SCHEMA)].append(row["s"].value)
    names = labels({r["s"].value for r in rows if r["s"].value.startswith(base)})
    sections = {t: sorted(iris, key=lambda i: names.get(i, i).lower()) for t, iris in sorted(by_type.items())}
    return render_template("browse.html", sections=sections, labels=names)
