"""What each page shows, read from the graph: one query for the page's facts, one for the labels.

A page's facts come from :func:`server.pages.graph.select_parts`: the parts its kind of page shows, the kind
expected from the address (``/event/…`` is an event); should the types that come back say otherwise, the
parts of the right kind are read in a third query. The views sort what they show: a part's order does not
survive the union.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from kg.dates import PartialDate
from kg.vocab import NKG, OA, RDF, SCHEMA, XSD
from server.pages import charts
from server.pages.graph import Row, Term, iri_ref, labels, select_parts
from server.pages.links import local_path, page_url

ENTITY_TYPES = {SCHEMA + t for t in ("Person", "Organization", "Place", "WebSite", "Product")}


def _parts(ref: str) -> dict[str, str]:
    """Every part any page shows about ``ref``; each a SELECT anchored on it."""
    return {
        "facts": f"SELECT ?p ?o WHERE {{ {ref} ?p ?o }}",
        "incoming": f"SELECT ?s ?p WHERE {{ ?s ?p {ref} }} ORDER BY ?p ?s LIMIT 200",
        "referenced": f"SELECT ?s WHERE {{ ?s ?p {ref} }} LIMIT 1",
        "evidence": "SELECT ?anno ?article ?start ?end ?exact ?prefix ?suffix ?confidence ?fact ?by WHERE { "
        f"?anno oa:hasBody {ref} ; oa:hasTarget ?t . ?t oa:hasSource ?article ; oa:hasSelector ?x, ?y . "
        "?x oa:start ?start ; oa:end ?end . ?y oa:exact ?exact "
        "OPTIONAL { ?y oa:prefix ?prefix } OPTIONAL { ?y oa:suffix ?suffix } "
        "OPTIONAL { ?anno nkg:confidence ?confidence } OPTIONAL { ?anno nkg:machineFact ?fact } "
        "OPTIONAL { ?anno nkg:assertedBy ?by } }",
        # an event
        "schedule": f"SELECT ?from ?to ?words WHERE {{ {ref} schema:eventSchedule ?s . "
        "?s schema:startDate ?from ; schema:endDate ?to ; schema:description ?words }",
        "related": f"SELECT DISTINCT ?other WHERE {{ {{ {ref} schema:superEvent|schema:subEvent|schema:about "
        f"?other . ?other a schema:Event }} UNION {{ ?other schema:about|schema:superEvent {ref} ; "
        "a schema:Event } }",
        # a person, an organization, a place
        "roles": f"SELECT ?role ?name ?status ?position ?org ?asOf WHERE {{ {ref} schema:memberOf ?role . "
        "?role a schema:OrganizationRole ; schema:roleName ?name ; nkg:roleStatus ?status ; nkg:asOf ?asOf . "
        "OPTIONAL { ?role nkg:position ?position } OPTIONAL { ?role schema:memberOf ?org } "
        "FILTER(LANG(?name) = 'en') }",
        "timeline": f"SELECT DISTINCT ?event ?part ?start ?end ?latest ?status ?place ?from ?to WHERE {{ "
        f"{{ ?event schema:attendee {ref} BIND('attendee' AS ?part) }} UNION "
        f"{{ ?event schema:organizer {ref} BIND('organizer' AS ?part) }} UNION "
        f"{{ ?event schema:location {ref} BIND('place' AS ?part) }} UNION "
        f"{{ ?event schema:about {ref} ; a schema:Event "
        "BIND('subject' AS ?part) } "
        "OPTIONAL { ?event schema:startDate ?start } OPTIONAL { ?event schema:endDate ?end } "
        "OPTIONAL { ?event nkg:latestDate ?latest } OPTIONAL { ?event nkg:status ?status } "
        "OPTIONAL { ?event schema:location ?place } OPTIONAL { ?event schema:eventSchedule ?window . "
        "?window schema:startDate ?from ; schema:endDate ?to } }",
        "met": "SELECT DISTINCT ?event ?who WHERE { "
        f"?event schema:attendee|schema:organizer {ref} ; schema:attendee|schema:organizer ?who }}",
        "quotations": "SELECT ?q ?text ?article ?date ?confidence WHERE { "
        f"?q schema:creator {ref} ; schema:text ?text ; "
        "schema:isPartOf ?article OPTIONAL { ?q schema:dateCreated ?date } "
        "OPTIONAL { ?q nkg:confidence ?confidence } }",
        "claims": f"SELECT ?c ?text ?article ?confidence WHERE {{ ?c schema:author {ref} ; a schema:Claim ; "
        "schema:text ?text ; schema:appearance ?article OPTIONAL { ?c nkg:confidence ?confidence } }",
        "articles": "SELECT ?article ?headline ?published (COUNT(DISTINCT ?anno) AS ?mentions) WHERE { "
        f"?article schema:mentions|schema:about {ref} ; schema:headline ?headline ; "
        f"schema:datePublished ?published OPTIONAL {{ ?anno oa:hasBody {ref} ; "
        "oa:motivatedBy oa:identifying ; oa:hasTarget/oa:hasSource ?article } } "
        "GROUP BY ?article ?headline ?published",
        "inside": f"SELECT ?place WHERE {{ ?place schema:containedInPlace {ref} }}",
        # an article
        "spans": "SELECT ?anno ?body ?motivation ?start ?end ?confidence WHERE { ?anno oa:hasBody ?body ; "
        f"oa:motivatedBy ?motivation ; oa:hasTarget ?t . ?t oa:hasSource {ref} ; oa:hasSelector ?x . "
        "?x a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end "
        "OPTIONAL { ?anno nkg:confidence ?confidence } }",
        "images": "SELECT ?image ?n ?caption ?credit ?creator ?description WHERE { "
        f"{ref} schema:image ?image . "
        "?image schema:position ?n "
        "OPTIONAL { ?image schema:creditText ?credit } OPTIONAL { ?image schema:caption ?caption } "
        "OPTIONAL { ?image schema:creator ?creator } "
        "OPTIONAL { ?image schema:description ?description } }",
        "holders": f"SELECT ?image ?holder WHERE {{ {ref} schema:image ?image . "
        "?image schema:copyrightHolder ?holder }",
        "depicts": f"SELECT ?image ?about WHERE {{ {ref} schema:image ?image . "
        "?image schema:about|schema:mentions ?about }",
        "videos": f"SELECT ?video ?name ?duration WHERE {{ {ref} schema:video ?video . "
        "?video schema:name ?name "
        "OPTIONAL { ?video schema:duration ?duration } }",
        "headings": f"SELECT ?name WHERE {{ {ref} schema:hasPart ?s . ?s a schema:WebPageElement ; "
        "schema:name ?name }",
    }


PARTS_OF = {
    "article.html": ("spans", "images", "holders", "depicts", "videos", "headings"),
    "event.html": ("evidence", "schedule", "related"),
    "entity.html": ("roles", "timeline", "met", "quotations", "claims", "articles", "inside"),
    "resource.html": ("incoming", "evidence"),
}
"""The parts each kind of page shows, beside its own facts and whether anything points at it."""


def expected_template(path: str) -> str:
    """The kind of page an address is expected to be: ``article/<slug>``, ``event/…``, a person, an
    organization, a place or a thing; anything deeper (a quotation of an article) is a resource."""
    kind, _, rest = path.partition("/")
    if "/" in rest:
        return "resource.html"
    return {"article": "article.html", "event": "event.html"}.get(
        kind, "entity.html" if kind in ("person", "organization", "place", "thing") else "resource.html"
    )


@dataclass
class Page:
    """The facts of one IRI, as the parts came back; empty when the graph does not know it."""

    iri: str
    parts: dict[str, list[Row]]
    facts: dict[str, list[Term]] = field(init=False)

    def __post_init__(self) -> None:
        self.facts = by_predicate(self.parts["facts"])

    @classmethod
    def read(cls, iri: str, expected: str = "resource.html") -> Page:
        """The parts of the ``expected`` kind of page in one query; those of the kind the types give in a
        second, should they differ."""
        everything = _parts(iri_ref(iri))

        def ask(template: str) -> dict[str, list[Row]]:
            names = ("facts", "referenced", *PARTS_OF[template])
            return select_parts({name: everything[name] for name in names})

        page = cls(iri, ask(expected))
        if page.exists and page.template() != expected:
            page = cls(iri, ask(page.template()))
        return page

    @property
    def exists(self) -> bool:
        return bool(self.parts["facts"] or self.parts["referenced"])

    @property
    def types(self) -> set[str]:
        return {t.value for t in self.facts.get(RDF + "type", [])}

    def template(self) -> str:
        if SCHEMA + "NewsArticle" in self.types:
            return "article.html"
        if SCHEMA + "Event" in self.types:
            return "event.html"
        return "entity.html" if self.types & ENTITY_TYPES else "resource.html"

    def view(self) -> dict[str, object]:
        """The template's variables, labels of everything linked included (the second query)."""
        make = {
            "article.html": article_view,
            "event.html": event_view,
            "entity.html": entity_view,
            "resource.html": resource_view,
        }[self.template()]
        view, linked = make(self)
        view["labels"] = labels(linked | {self.iri})
        if (
            self.template() == "entity.html"
        ):  # a person, organization or place: its events over time and who took part with it
            view.update(entity_charts(self, view["labels"]))
        if "spans" in view:  # an article: its body cut at the spans, titled with the labels
            body = self.facts[SCHEMA + "articleBody"][0].value
            view["paragraphs"] = highlight(body, view.pop("spans"), view["labels"])
        return {"iri": self.iri, "facts": self.facts, "S": SCHEMA, "N": NKG, **view}


def by_predicate(rows: list[Row]) -> dict[str, list[Term]]:
    """``?p ?o`` rows as the objects of each predicate."""
    out: dict[str, list[Term]] = defaultdict(list)
    for row in rows:
        out[row["p"].value].append(row["o"])
    return out


def grouped(rows: list[Row], key: str) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        out[row[key].value].append(row)
    return out


def iris(rows: list[Row], *keys: str) -> set[str]:
    """The IRIs bound in ``rows`` (to ``keys``, or to any variable)."""
    return {t.value for r in rows for k, t in r.items() if (not keys or k in keys) and t.is_iri}


def names(page: Page) -> dict[str, str]:
    return {t.lang: t.value for t in page.facts.get(SCHEMA + "name", [])}


def anchor(annotation_iri: str) -> str:
    return "evidence-" + annotation_iri.rstrip("/").rsplit("/", 1)[-1]


def evidence(page: Page) -> list[dict[str, object]]:
    """The words of the articles that support a fact, with a link to the highlighted span."""
    rows = sorted(page.parts["evidence"], key=lambda r: (r["article"].value, int(r["start"].value)))
    return [
        {
            "exact": row["exact"].value,
            "prefix": row["prefix"].value if "prefix" in row else "",
            "suffix": row["suffix"].value if "suffix" in row else "",
            "start": int(row["start"].value),
            "end": int(row["end"].value),
            "href": page_url(row["article"].value) + "#" + anchor(row["anno"].value),
            "confidence": confidence(row),
            "fact": row["fact"].value if "fact" in row else "",
            "by": row["by"].value.rsplit("#", 1)[-1].lower() if "by" in row else "",
        }
        for row in rows
    ]


def confidence(row: Row) -> str:
    """A machine fact's confidence as the badge shows it ("0.86"), or "" for a fact no machine made alone."""
    if "confidence" not in row:
        return ""
    try:
        return f"{float(row['confidence'].value):.2f}"
    except ValueError:
        return row["confidence"].value


def machine(items: list[dict[str, object]]) -> str:
    """The highest confidence of a fact all of whose evidence is the extractor's, else ""."""
    found = [str(e["confidence"]) for e in items if e["by"] == "extractor" and e["confidence"]]
    if not found or any(e["by"] != "extractor" for e in items):
        return ""
    return max(found)


def linked_facts(page: Page) -> set[str]:
    return {t.value for terms in page.facts.values() for t in terms if t.is_iri}


def event_view(page: Page) -> tuple[dict[str, object], set[str]]:
    related = sorted({r["other"].value for r in page.parts["related"]} - {page.iri})
    schedule = page.parts["schedule"]
    view = {
        "names": names(page),
        "schedule": schedule[0] if schedule else None,
        "related": related,
        "evidence": evidence(page),
    }
    view["machine"] = machine(view["evidence"])  # type: ignore[arg-type]
    return view, linked_facts(page) | set(related)


def entity_view(page: Page) -> tuple[dict[str, object], set[str]]:
    parts = page.parts
    roles = sorted(parts["roles"], key=lambda r: r["name"].value)
    timeline = sorted(
        parts["timeline"],
        key=lambda r: (
            r.get("start", r.get("from", r.get("latest", Term("", "9999")))).value,
            r["event"].value,
        ),
    )
    inside = sorted(parts["inside"], key=lambda r: r["place"].value)
    view = {
        "names": names(page),
        "roles": roles,
        "timeline": timeline,
        "quotations": sorted(parts["quotations"], key=lambda r: r["q"].value),
        "claims": sorted(parts["claims"], key=lambda r: r["c"].value),
        "articles": sorted(parts["articles"], key=lambda r: r["published"].value, reverse=True),
        "inside": inside,
    }
    return view, linked_facts(page) | iris(roles) | iris(timeline) | iris(inside) | iris(parts["met"], "who")


def partial_date(term: Term | None) -> PartialDate | None:
    """A date of the graph at its precision (``xsd:date``, ``gYearMonth``, ``gYear``; a ``dateTime`` as its
    day), or None for no date or one that is no calendar date."""
    if term is None:
        return None
    value = term.value[:10] if term.datatype == XSD + "dateTime" else term.value
    try:
        return PartialDate.parse(value)
    except ValueError:
        return None


def state(row: Row) -> str:
    """An event's status as a word: ``happened``, ``planned``, … ("" when the graph gives none)."""
    return row["status"].value.rsplit("#", 1)[-1].lower() if "status" in row else ""


def timeline_marks(
    rows: list[Row], names: dict[str, str], url: Callable[[str], str] = page_url
) -> tuple[list[charts.Mark], int]:
    """One mark per event at the precision of its date: its start (to its end), else its window, else the
    latest day it can have been; and how many events have none of these."""
    marks, undated, seen = [], 0, set()
    for row in rows:
        event = row["event"].value
        if event in seen:
            continue
        seen.add(event)
        status, label, href = state(row), names.get(event, event.rsplit("/", 1)[-1]), url(event)
        start, end = partial_date(row.get("start")), partial_date(row.get("end"))
        window = partial_date(row.get("from")), partial_date(row.get("to"))
        latest = partial_date(row.get("latest"))
        if start is not None:
            last = end.last_day if end is not None and end.last_day >= start.first_day else start.last_day
            shape = "point" if start.precision == "day" and last == start.first_day else "span"
            when = row["start"].human + (f" – {row['end'].human}" if end is not None else "")
            marks.append(
                charts.Mark(
                    label,
                    href,
                    start.first_day,
                    last,
                    "ongoing" if status == "ongoing" else shape,
                    status,
                    when,
                )
            )
        elif window[0] is not None and window[1] is not None and window[0].first_day <= window[1].last_day:
            when = f"window {row['from'].human} – {row['to'].human}"
            marks.append(
                charts.Mark(label, href, window[0].first_day, window[1].last_day, "band", status, when)
            )
        elif latest is not None:
            when = f"not later than {row['latest'].human}"
            marks.append(charts.Mark(label, href, latest.last_day, latest.last_day, "before", status, when))
        else:
            undated += 1
    return marks, undated


def node_kind(iri: str) -> str:
    """``person``, ``organization``, ``place`` or ``thing``, from where the IRI is minted (an unnamed
    speaker of an article is a person)."""
    path = local_path(iri) or ""
    kind = path.split("/", 1)[0]
    if kind == "article" and "/speaker/" in path:
        return "person"
    return kind if kind in ("person", "organization", "place") else "thing"


MAX_NODES = 16
"""The most participants the network draws beside the page's own entity (those who shared most events with
it); the table under it lists everyone who shared one."""


def entity_charts(page: Page, names: dict[str, str]) -> dict[str, object]:
    """The timeline and the network of an entity page, drawn, and the table of who took part with whom."""
    parts = page.parts
    urls: dict[str, str] = {}

    def url(iri: str) -> str:
        if iri not in urls:
            urls[iri] = page_url(iri)
        return urls[iri]

    marks, undated = timeline_marks(sorted(parts["timeline"], key=lambda r: r["event"].value), names, url)
    label = names.get(page.iri, page.iri.rsplit("/", 1)[-1])
    status = {r["event"].value: state(r) for r in parts["timeline"]}
    who: dict[str, set[str]] = defaultdict(set)
    for row in parts["met"]:
        who[row["event"].value].add(row["who"].value)
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for event, people in who.items():
        for a, b in itertools.combinations(sorted(people), 2):
            pairs[a, b].add(event)
    shared = {(b if a == page.iri else a): events for (a, b), events in pairs.items() if page.iri in (a, b)}

    def name(iri: str) -> str:
        return names.get(iri, iri.rsplit("/", 1)[-1])

    ranked = sorted(shared, key=lambda o: (-len(shared[o]), name(o).lower(), o))
    drawn = set(ranked[:MAX_NODES]) | {page.iri}
    met: list[dict[str, object]] = []
    edges: list[charts.Edge] = []
    ids: set[str] = set()
    for (a, b), events in sorted(pairs.items(), key=lambda kv: (-len(kv[1]), name(kv[0][0]), name(kv[0][1]))):
        own = page.iri in (a, b)
        if not own and (a not in drawn or b not in drawn):
            continue
        ordered = sorted(events, key=lambda e: (status.get(e, "") not in charts.HAPPENED, name(e).lower()))
        happened = any(status.get(e, "") not in charts.FUTURE | {"cancelled"} for e in events)
        anchor_id = "met-" + "-".join(sorted(x.rstrip("/").rsplit("/", 1)[-1] for x in (a, b)))
        anchor_id += f"-{len(met)}" if anchor_id in ids else ""  # two pairs of the same last path segments
        ids.add(anchor_id)
        first, second = (a, b) if b != page.iri else (b, a)
        met.append({"id": anchor_id, "a": first, "b": second, "events": ordered, "own": own, "met": happened})
        if a not in drawn or b not in drawn:
            continue
        href = url(ordered[0]) if len(ordered) == 1 else "#" + anchor_id
        words = "; ".join(name(e) + (f" ({status[e]})" if status.get(e) else "") for e in ordered[:8])
        words += f"; and {len(ordered) - 8} more" if len(ordered) > 8 else ""
        title = f"{name(first)} and {name(second)}: {len(ordered)} event(s): {words}"
        edges.append(charts.Edge(a, b, len(ordered), href, title, happened))
    centre = charts.Node(page.iri, label, url(page.iri), node_kind(page.iri))
    others = [charts.Node(o, name(o), url(o), node_kind(o)) for o in ranked[:MAX_NODES]]
    return {
        "timeline_chart": charts.timeline(marks, undated=undated, label=f"Events of {label} over time")
        if marks or undated
        else None,
        "network_chart": charts.network(centre, others, edges, label=f"Who took part in events with {label}")
        if others
        else None,
        "met": met,
        "met_hidden": len(ranked) - len(others),
        "statuses": status,
    }


def resource_view(page: Page) -> tuple[dict[str, object], set[str]]:
    outgoing = sorted(page.parts["facts"], key=lambda r: (r["p"].value, r["o"].value))
    incoming = sorted(page.parts["incoming"], key=lambda r: (r["p"].value, r["s"].value))
    found = evidence(page)
    view = {"outgoing": outgoing, "incoming": incoming, "evidence": found, "machine": machine(found)}
    return view, iris(outgoing, "o") | iris(incoming, "s")


@dataclass
class Segment:
    text: str
    href: str = ""
    css: str = ""
    title: str = ""
    anchors: list[str] = field(default_factory=list)
    badge: str = ""
    """A machine fact's confidence, shown where its span ends."""


def article_view(page: Page) -> tuple[dict[str, object], set[str]]:
    parts = page.parts
    images = sorted(parts["images"], key=lambda r: int(r["n"].value))
    linked = linked_facts(page) | iris(parts["spans"], "body") | iris(images, "creator")
    linked |= iris(parts["holders"], "holder") | iris(parts["depicts"], "about")
    view: dict[str, object] = {
        "spans": parts["spans"],
        "headings": {r["name"].value for r in parts["headings"]},
        "images": images,
        "holders": grouped(parts["holders"], "image"),
        "depicts": grouped(parts["depicts"], "image"),
        "videos": parts["videos"],
    }
    return view, linked


def highlight(body: str, spans: list[Row], names: dict[str, str]) -> list[list[Segment]]:
    """Cut the body at every span boundary; each piece links to the most specific fact it supports.

    Pieces covered by a fact's evidence are highlighted (``evidence``); pieces that only name an entity are
    marked as mentions. Paragraphs are the body's blank-line-separated blocks.
    """
    marks = [
        (int(s["start"].value), int(s["end"].value), s["body"].value, s["motivation"].value, s["anno"].value)
        for s in spans
    ]
    sure = {s["anno"].value: confidence(s) for s in spans if "confidence" in s}
    cuts = {0, len(body)} | {m[0] for m in marks} | {m[1] for m in marks}
    position = body.find("\n\n")
    while position != -1:
        cuts |= {position, position + 2}
        position = body.find("\n\n", position + 2)
    anchors_at: dict[int, list[str]] = defaultdict(list)
    for start, _, _, _, anno in marks:
        anchors_at[start].append(anchor(anno))
    paragraphs: list[list[Segment]] = [[]]
    for a, b in itertools.pairwise(sorted(cuts)):
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
            if chosen[4] in sure:
                segment.css += " machine"
                segment.title += f" (machine fact, confidence {sure[chosen[4]]})"
                segment.badge = sure[chosen[4]] if b == chosen[1] else ""
        paragraphs[-1].append(segment)
    return paragraphs


# --- the home page: the corpus at a glance ---------------------------------------------------------------

TOP = 10
"""How many of the most mentioned persons and places the home page ranks."""


def _most_mentioned(kind: str) -> str:
    """The entities of ``kind`` most often named, with the number of articles naming them: the mentions are
    counted first, the type checked after (an entity is typed in every article that describes it, so a join
    on its type would count each mention once per such article)."""
    return (
        "SELECT DISTINCT ?entity ?mentions ?articles ?name WHERE { { "
        "SELECT ?entity ?mentions ?articles WHERE { { SELECT ?entity (COUNT(?anno) AS ?mentions) "
        "(COUNT(DISTINCT ?g) AS ?articles) WHERE { GRAPH ?g { ?anno oa:motivatedBy oa:identifying ; "
        f"oa:hasBody ?entity }} }} GROUP BY ?entity }} FILTER EXISTS {{ ?entity a schema:{kind} }} }} "
        f"ORDER BY DESC(?mentions) ?entity LIMIT {TOP} }} OPTIONAL {{ ?entity schema:name ?name }} }}"
    )


OVERVIEW = {
    "days": "SELECT ?day (COUNT(DISTINCT ?article) AS ?articles) WHERE { ?article a schema:NewsArticle ; "
    "schema:datePublished ?day } GROUP BY ?day",
    "persons": _most_mentioned("Person"),
    "places": _most_mentioned("Place"),
    # a fact: a fact node and an article (its graph) whose words support it, by who asserts it
    "facts": "SELECT ?by ?review (COUNT(*) AS ?facts) WHERE { SELECT DISTINCT ?by ?review ?fact ?g WHERE { "
    "GRAPH ?g { ?anno oa:motivatedBy oa:describing ; nkg:assertedBy ?by ; oa:hasBody ?fact "
    "OPTIONAL { ?anno nkg:review ?review } } } } GROUP BY ?by ?review",
    # a mention: one span naming an entity
    "mentions": "SELECT ?by ?review (COUNT(*) AS ?facts) WHERE { ?anno oa:motivatedBy oa:identifying ; "
    "nkg:assertedBy ?by OPTIONAL { ?anno nkg:review ?review } } GROUP BY ?by ?review",
}
"""What the home page shows, as the parts of one query."""

ASSERTERS = (
    ("editor", "written by an editor", "#1d7a35", False),
    ("confirmed", "machine fact an editor confirmed or corrected", "#6fae7a", False),
    ("machine", "machine fact, not reviewed", "#c7782a", True),
    ("reader", "read off the layout or the registry", "#9aa5b1", False),
)
"""Who asserts a fact, as the home page groups them: its key, its words, its colour, dashed (machine)."""

MAX_DAYS = 120
"""Up to this many days from the first article to the last, one bar a day; beyond, one bar a month."""


def asserter(row: Row) -> str:
    """``editor``, ``confirmed``, ``machine`` or ``reader``: who made a fact of the graph."""
    by = row["by"].value.rsplit("#", 1)[-1]
    if by == "Editor":
        return "confirmed" if "review" in row else "editor"
    return "machine" if by == "Extractor" else "reader"


def per_day(rows: list[Row]) -> tuple[str, list[charts.Bar]]:
    """Articles per day, every day from the first to the last (none is a zero bar), or per month over
    :data:`MAX_DAYS`; dates that are no dates are left out."""
    counts: dict[dt.date, int] = defaultdict(int)
    for row in rows:
        day = partial_date(row["day"])
        if day is not None:
            counts[day.first_day] += int(row["articles"].value)
    if not counts:
        return "day", []
    first, last = min(counts), max(counts)
    if (last - first).days < MAX_DAYS:
        days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
        return "day", [
            charts.Bar(d.isoformat(), counts.get(d, 0), "", f"{d.isoformat()}: {counts.get(d, 0)} article(s)")
            for d in days
        ]
    months: dict[str, int] = defaultdict(int)
    for day, n in counts.items():
        months[day.isoformat()[:7]] += n
    names, month = [], dt.date(first.year, first.month, 1)
    while month <= last:
        names.append(month.isoformat()[:7])
        month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return "month", [
        charts.Bar(m, months.get(m, 0), "", f"{m}: {months.get(m, 0)} article(s)") for m in names
    ]


def ranked(rows: list[Row]) -> list[charts.Bar]:
    """The most mentioned, most first, each named in English if it can be and linked to its page."""
    best: dict[str, tuple[int, str]] = {}
    counts: dict[str, tuple[int, int]] = {}
    rank = {"en": 0, "": 1, "de": 2}
    for row in rows:
        iri = row["entity"].value
        counts[iri] = int(row["mentions"].value), int(row["articles"].value)
        if "name" in row:
            score = rank.get(row["name"].lang, 3)
            if iri not in best or score < best[iri][0]:
                best[iri] = (score, row["name"].value)
    order = sorted(counts, key=lambda i: (-counts[i][0], best.get(i, (0, i))[1].lower(), i))
    return [
        charts.Bar(
            best.get(iri, (0, iri.rsplit("/", 1)[-1]))[1],
            counts[iri][0],
            page_url(iri),
            f"{best.get(iri, (0, iri))[1]}: {counts[iri][0]} mention(s) in {counts[iri][1]} article(s)",
        )
        for iri in order[:TOP]
    ]


def overview() -> dict[str, object]:
    """The home page's view of the corpus, from one query: articles per day, the most mentioned persons and
    places, and who asserts its facts (editor, editor-confirmed machine facts, machine facts, the readers)."""
    parts = select_parts(OVERVIEW)
    unit, days = per_day(parts["days"])
    facts: dict[str, dict[str, int]] = {"facts": defaultdict(int), "mentions": defaultdict(int)}
    for name, counts in facts.items():
        for row in parts[name]:
            counts[asserter(row)] += int(row["facts"].value)
    rows = [
        (name, [charts.Share(words, counts[key], colour, dashed) for key, words, colour, dashed in ASSERTERS])
        for name, counts in facts.items()
    ]
    described = facts["facts"]
    total = sum(described.values())
    share = {key: round(100 * described[key] / total) if total else 0 for key, *_ in ASSERTERS}
    share["edited"] = round(100 * (described["editor"] + described["confirmed"]) / total) if total else 0
    return {
        "articles": sum(b.value for b in days),
        "first_day": days[0].label if days else "",
        "last_day": days[-1].label if days else "",
        "days_chart": charts.bars(days, label=f"Articles per {unit}"),
        "unit": unit,
        "persons_chart": charts.ranking(ranked(parts["persons"]), label="The most mentioned persons"),
        "places_chart": charts.ranking(ranked(parts["places"]), label="The most mentioned places"),
        "facts_chart": charts.shares(rows, label="Who asserts the facts"),
        "facts": total,
        "share": share,
    }
