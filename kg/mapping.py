"""Model -> RDF: one named graph per article, one for the entity registry.

Pure: no store, no I/O. Every node a query might reach gets an IRI (no blank nodes), so the output is
deterministic and every fact can be dereferenced. Each fact links to the words that support it through a
W3C Web Annotation with a TextPositionSelector and a TextQuoteSelector into ``schema:articleBody``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Quad

from kg.dates import PartialDate, iso_duration
from kg.errors import InputError
from kg.model import Annotations, Article, Span, Thing
from kg.read.registry import Entity, Registry
from kg.version import __version__
from kg.vocab import (
    EVENT_KINDS,
    EVENT_STATUSES,
    NKG,
    OA,
    OWL,
    PROV,
    RDF,
    RDFS,
    ROLE_STATUSES,
    SCHEMA,
    WD,
    XSD,
    Minter,
    discovered_key,
    slugify,
)

PUBLISHER = "deutsche-welle"
"""The text parser reads the DW format, so DW is the publisher of every article it parses."""

CONTEXT_CHARS = 32
"""Characters of ``oa:prefix``/``oa:suffix`` kept around each quote."""

_TYPE = NamedNode(RDF + "type")
_EVENT_STATUS = {
    "happened": "EventScheduled",
    "ongoing": "EventScheduled",
    "planned": "EventScheduled",
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
}


@dataclass(frozen=True)
class Source:
    """An input file a graph was derived from, identified by its content hash."""

    name: str
    sha256: str


def s(name: str) -> NamedNode:
    return NamedNode(SCHEMA + name)


def n(name: str) -> NamedNode:
    return NamedNode(NKG + name)


def text(value: str, lang: str | None = None) -> Literal:
    return Literal(value, language=lang) if lang else Literal(value)


def typed(value: object, datatype: str) -> Literal:
    return Literal(str(value), datatype=NamedNode(XSD + datatype))


def _http(url: str | None) -> bool:
    return bool(url) and url.startswith(("http://", "https://")) and not any(c in url for c in ' <>"{}|\\^`')


def _moment(instant: dt.datetime | None, day: dt.date) -> Literal:
    """A date-time with its offset when the source states one, else the day."""
    if instant is not None and instant.tzinfo is not None:
        return typed(instant.isoformat(), "dateTime")
    return date_literal(day)


def date_literal(value: PartialDate | dt.date) -> Literal:
    if isinstance(value, PartialDate):
        return Literal(value.text, datatype=NamedNode(value.datatype))
    return typed(value.isoformat(), "date")


_PLACE_TYPES = {"Place", "City", "Country", "State", "AdministrativeArea", "Continent", "TouristAttraction",
                "Landform", "LandmarksOrHistoricalBuildings", "CivicStructure"}  # fmt: skip
_ORGANIZATION_TYPES = {"Organization", "NewsMediaOrganization", "Corporation", "GovernmentOrganization",
                       "NGO", "EducationalOrganization", "PoliticalParty", "SportsTeam", "SportsOrganization",
                       "LocalBusiness"}  # fmt: skip


def _stated_kind(kind: str | None) -> str:
    """The schema.org type newskg gives a thing the publisher's markup names."""
    if kind == "Person":
        return "Person"
    if kind in _ORGANIZATION_TYPES:
        return "Organization"
    if kind in _PLACE_TYPES:
        return "Place"
    return "Thing"


class _Graph:
    """Collects quads for one named graph."""

    def __init__(self, graph: str) -> None:
        self.graph = NamedNode(graph)
        self.quads: list[Quad] = []

    def add(self, subject: str, predicate: NamedNode, obj: NamedNode | Literal | str) -> None:
        node = NamedNode(obj) if isinstance(obj, str) else obj
        self.quads.append(Quad(NamedNode(subject), predicate, node, self.graph))

    def types(self, subject: str, *names: str) -> None:
        for name in names:
            self.add(subject, _TYPE, s(name))

    def wikidata(self, subject: str, qid: str) -> None:
        """schema:sameAs for schema.org tools, owl:sameAs for OWL and Linked Data tools."""
        self.add(subject, s("sameAs"), WD + qid)
        self.add(subject, NamedNode(OWL + "sameAs"), WD + qid)

    def labels(self, subject: str, predicate: NamedNode, labels: dict[str, str]) -> None:
        for lang, value in sorted(labels.items()):
            self.add(subject, predicate, text(value, lang))

    def annotation(
        self, iri: str, about: NamedNode | str, motivation: str, article: str, body: str, span: Span
    ) -> None:
        """The oa:Annotation ``iri`` that ties ``about`` to the words at ``span`` of ``article``: where they
        are (start, end) and what they are (exact, with the text around them, to find them in a changed text).
        Who asserts it is the caller's to add."""
        target, position, quote = f"{iri}/target", f"{iri}/position", f"{iri}/quote"
        self.add(iri, _TYPE, NamedNode(OA + "Annotation"))
        self.add(iri, NamedNode(OA + "motivatedBy"), NamedNode(OA + motivation))
        self.add(iri, NamedNode(OA + "hasBody"), about)
        self.add(iri, NamedNode(OA + "hasTarget"), target)
        self.add(target, _TYPE, NamedNode(OA + "SpecificResource"))
        self.add(target, NamedNode(OA + "hasSource"), article)
        self.add(target, NamedNode(OA + "hasSelector"), position)
        self.add(target, NamedNode(OA + "hasSelector"), quote)
        self.add(position, _TYPE, NamedNode(OA + "TextPositionSelector"))
        self.add(position, NamedNode(OA + "start"), typed(span.start, "integer"))
        self.add(position, NamedNode(OA + "end"), typed(span.end, "integer"))
        self.add(quote, _TYPE, NamedNode(OA + "TextQuoteSelector"))
        self.add(quote, NamedNode(OA + "exact"), text(span.text(body)))
        self.add(quote, NamedNode(OA + "prefix"), text(body[max(0, span.start - CONTEXT_CHARS) : span.start]))
        self.add(quote, NamedNode(OA + "suffix"), text(body[span.end : span.end + CONTEXT_CHARS]))


def entity_iri(minter: Minter, entity: Entity) -> str:
    return minter.entity(entity.kind, entity.id)


def entity_quads(registry: Registry, minter: Minter, sources: Iterable[Source]) -> list[Quad]:
    """The registry graph: types, names in de and en, Wikidata links, place containment."""
    g = _Graph(minter.entities_graph)
    for entity in registry.entities.values():
        iri = entity_iri(minter, entity)
        g.types(iri, *entity.types)
        g.labels(iri, s("name"), entity.name)
        g.labels(iri, s("description"), entity.description)
        for alias in sorted(set(entity.aliases)):
            g.add(iri, n("surfaceForm"), text(alias, "de"))
        if entity.wikidata:
            g.wikidata(iri, entity.wikidata)
        else:
            g.add(iri, n("wikidataUnverified"), typed("true", "boolean"))
        if entity.contained_in:
            g.add(iri, s("containedInPlace"), entity_iri(minter, registry[entity.contained_in]))
    _provenance(g, minter, minter.entities_graph, sources, derived_from=None)
    return g.quads


def _provenance(
    g: _Graph, minter: Minter, graph: str, sources: Iterable[Source], derived_from: str | None
) -> None:
    """PROV-O for a graph. No wall-clock time: the source hashes identify the build, so exports stay
    byte-identical for the same input."""
    activity = f"{graph}/build"
    g.add(graph, _TYPE, NamedNode(PROV + "Entity"))
    g.add(graph, NamedNode(PROV + "wasGeneratedBy"), activity)
    if derived_from:
        g.add(graph, NamedNode(PROV + "wasDerivedFrom"), derived_from)
    g.add(activity, _TYPE, NamedNode(PROV + "Activity"))
    g.add(activity, NamedNode(PROV + "wasAssociatedWith"), minter.software)
    if derived_from is None:  # the entity graph describes the software once for all graphs
        g.add(minter.software, _TYPE, NamedNode(PROV + "SoftwareAgent"))
        g.add(minter.software, s("name"), text("newskg"))
        g.add(minter.software, s("softwareVersion"), text(__version__))
    for source in sources:
        node = f"{graph}/source/{slugify(source.name)}"
        g.add(activity, NamedNode(PROV + "used"), node)
        g.add(node, _TYPE, NamedNode(PROV + "Entity"))
        g.add(node, s("name"), text(source.name))
        g.add(node, n("sha256"), text(source.sha256))


class _ArticleMapper:
    def __init__(
        self, article: Article, annotations: Annotations, registry: Registry, minter: Minter
    ) -> None:
        self.article, self.ann, self.registry, self.minter = article, annotations, registry, minter
        self.iri = minter.article(article.slug)
        self.g = _Graph(minter.article_graph(article.slug))
        self.evidence: list[tuple[Span, str, str, str]] = []
        self.event_ids = {e.id for e in annotations.events}

    def part(self, kind: str, number: int | str) -> str:
        return self.minter.article_part(self.article.slug, kind, number)

    def ref(self, ref: str) -> str:
        """IRI of an entity or of an event of this article."""
        if ref in self.registry:
            return entity_iri(self.minter, self.registry[ref])
        if ref in self.event_ids:
            return self.minter.entity("event", ref)
        raise InputError(f"unknown entity or event {ref!r}", field=self.article.slug)

    def support(self, span: Span, body: str, motivation: str = "describing", by: str = "Reader") -> None:
        """``by``: who asserts it, ``Editor`` (annotations.yaml) or ``Reader`` (read off the text)."""
        self.evidence.append((span, body, motivation, by))

    def run(self, sources: Iterable[Source]) -> list[Quad]:
        self.metadata()
        self.media()
        self.sections()
        self.mentions()
        self.roles()
        self.events()
        self.quotations()
        self.claims()
        self.annotations()
        _provenance(self.g, self.minter, self.g.graph.value, sources, derived_from=self.iri)
        return self.g.quads

    def metadata(self) -> None:
        a, g, art = self.iri, self.g, self.article
        g.types(a, "NewsArticle", "Article", "CreativeWork")
        g.add(a, s("headline"), text(art.headline, art.language))
        g.add(a, s("description"), text(art.description, art.language))
        g.add(a, s("articleBody"), text(art.body, art.language))
        g.add(a, s("inLanguage"), text(art.language))
        g.add(a, s("wordCount"), typed(art.word_count, "integer"))
        g.add(a, s("datePublished"), _moment(art.published, art.date_published))
        if art.date_modified:
            g.add(a, s("dateModified"), _moment(art.modified, art.date_modified))
        if art.deadline:
            g.add(a, n("editorialDeadline"), typed(art.deadline.isoformat(), "dateTime"))
        if art.final:
            g.add(a, s("creativeWorkStatus"), text("final"))
        if self.ann.url or _http(art.url):
            g.add(a, s("url"), NamedNode(self.ann.url or art.url))
        if art.source_format != "dw-text":
            self.web_metadata()
        else:
            if PUBLISHER not in self.registry:
                raise InputError(
                    f"the publisher {PUBLISHER!r} is missing from data/entities", field="publisher"
                )
            g.add(a, s("publisher"), self.ref(PUBLISHER))
        for initials in art.authors:
            author = self.minter.entity("person", f"dw-{slugify(initials)}")
            g.add(a, s("author"), author)
            g.types(author, "Person")
            g.add(author, s("name"), text(initials))
            g.add(author, s("description"), text("DW-Autorenkürzel", "de"))
            g.add(author, s("description"), text("DW author initials", "en"))
            g.add(author, n("wikidataUnverified"), typed("true", "boolean"))
        for code in art.agencies:
            g.add(a, s("contributor"), self.organization(code))
        for ref in self.ann.about:
            g.add(a, s("about"), self.ref(ref))

    def web_metadata(self) -> None:
        """What a page, feed item, WARC record or text file adds (``kg.read``): publisher, bylines (persons
        and organisations as the page names them), section, keywords, the address it was read from and when
        a crawler fetched it, and what the publisher's structured data states (:meth:`publisher_markup`).
        A page or text that names no publisher and has no URL gets none: the graph does not invent one, the
        shapes warn (``nkgsh:ArticlePublisherShape``)."""
        a, g, art = self.iri, self.g, self.article
        publisher = self.organization(art.publisher.name) if art.publisher else None
        if publisher is not None:
            g.add(a, s("publisher"), publisher)
        for agent in art.creators:
            if agent.kind == "Organization":  # an agency or the newsroom the page names as its author
                g.add(a, s("author"), self.organization(agent.name))
                continue
            person = self.minter.entity("person", f"{self.site}-{slugify(agent.name)}")  # a site's byline
            g.add(a, s("author"), person)
            g.types(person, "Person")
            g.add(person, s("name"), text(agent.name))
            if _http(agent.url):
                g.add(person, s("url"), NamedNode(agent.url))
            g.add(person, n("wikidataUnverified"), typed("true", "boolean"))
        if art.section:
            g.add(a, s("articleSection"), text(art.section, art.language))
        for keyword in art.keywords:
            g.add(a, s("keywords"), text(keyword, art.language))
        if _http(art.original_url):
            g.add(a, s("isBasedOn"), NamedNode(art.original_url))
        if art.crawled is not None:
            crawled = art.crawled if art.crawled.tzinfo else art.crawled.replace(tzinfo=dt.UTC)
            g.add(a, n("crawlDate"), typed(crawled.isoformat(), "dateTime"))
        self.publisher_markup(publisher)

    @property
    def site(self) -> str:
        """The site a page's bylines and named things are minted under: its publisher, ``web`` when it
        names none."""
        return slugify(self.article.publisher.name) if self.article.publisher else "web"

    def publisher_markup(self, publisher: str | None) -> None:
        """What the page's own structured data states about the article (``article.stated``), kept apart
        from what newskg reads or extracts: on a node of its own, ``{article}/markup``, an
        ``nkg:PublisherMarkup`` that ``nkg:describes`` the article, ``prov:wasAttributedTo`` its publisher
        (to none when the page names none), with the syntaxes it came in (``nkg:markupSyntax``) and the
        publisher's ``schema:about``, ``schema:mentions`` and ``schema:keywords``. Nothing is said on the
        article itself, where ``schema:about`` is the editor's and ``schema:mentions`` newskg's
        (docs/modeling.md)."""
        art, g = self.article, self.g
        stated = art.stated
        if not (stated.about or stated.mentions or stated.keywords):
            return
        markup = f"{self.iri}/markup"
        g.add(markup, _TYPE, n("PublisherMarkup"))
        g.add(markup, _TYPE, NamedNode(PROV + "Entity"))
        g.add(markup, n("describes"), self.iri)
        if publisher is not None:
            g.add(markup, NamedNode(PROV + "wasAttributedTo"), publisher)
        for syntax in stated.syntaxes:
            g.add(markup, n("markupSyntax"), text(syntax))
        for prop, things in (("about", stated.about), ("mentions", stated.mentions)):
            for thing in things:
                iri = self.stated_thing(thing)
                if iri is not None:
                    g.add(markup, s(prop), iri)
        for keyword in stated.keywords:
            g.add(markup, s("keywords"), text(keyword, art.language))

    def stated_thing(self, thing: Thing) -> str | None:
        """The node of something the publisher's markup names: the registry's entity of that name or
        Wikidata id, else one of the site (``{base}<kind>/<site>-<name>``), typed as the markup says
        (persons, organisations, places; anything else a ``schema:Thing``), with the markup's own links as
        ``rdfs:seeAlso`` (the publisher's, not a verified ``sameAs``)."""
        name = " ".join(thing.name.split())
        if not name or _http(name):
            return None
        known = self.registry_entity(name, thing.same_as)
        if known is not None:
            return known
        kind = _stated_kind(thing.kind)
        iri = self.minter.entity(kind.lower() if kind != "Thing" else "thing", f"{self.site}-{slugify(name)}")
        self.g.types(iri, kind)
        self.g.add(iri, s("name"), text(name))
        if kind != "Thing":
            self.g.add(iri, n("wikidataUnverified"), typed("true", "boolean"))
        for link in sorted({thing.id or "", *thing.same_as}):
            if _http(link):
                self.g.add(iri, NamedNode(RDFS + "seeAlso"), NamedNode(link))
        return iri

    def registry_entity(self, name: str, same_as: Iterable[str]) -> str | None:
        """The registry's entity a stated name is (all of it one of its names), or whose Wikidata id the
        markup links to."""
        whole = Span(0, len(name))
        for mention in self.registry.find_mentions(name):
            if mention.span == whole:
                return entity_iri(self.minter, self.registry[mention.entity])
        qids = {link.rstrip("/").rsplit("/", 1)[-1] for link in same_as if "wikidata.org/" in link}
        for entity in self.registry.entities.values():
            if entity.wikidata and entity.wikidata in qids:
                return entity_iri(self.minter, entity)
        return None

    def organization(self, name: str) -> str:
        known = self.registry.organization_named(name)
        if known is not None:
            return entity_iri(self.minter, known)
        iri = self.minter.discovered(discovered_key(name, "Organization"))
        self.g.types(iri, "Organization")
        self.g.add(iri, s("name"), text(name))
        self.g.add(iri, n("wikidataUnverified"), typed("true", "boolean"))
        return iri

    def media(self) -> None:
        g = self.g
        for number, image in enumerate(self.article.images, 1):
            iri = self.part("image", number)
            g.add(self.iri, s("image"), iri)
            g.types(iri, "ImageObject", "MediaObject", "CreativeWork")
            g.add(iri, s("position"), typed(number, "integer"))
            g.add(iri, s("caption"), text(image.caption, self.article.language))
            g.add(iri, s("creditText"), text(image.credit))
            if image.alt:
                g.add(iri, s("description"), text(image.alt, self.article.language))
            if image.photographer:
                person = self.minter.discovered(discovered_key(image.photographer, "Person"))
                g.types(person, "Person")
                g.add(person, s("name"), text(image.photographer))
                g.add(person, n("wikidataUnverified"), typed("true", "boolean"))
                g.add(iri, s("creator"), person)
            for agency in image.agencies:
                g.add(iri, s("copyrightHolder"), self.organization(agency))
            if image.caption:
                self.support(image.caption_span, iri)
                events, persons = self.depicted(image.caption_span)
                for event in events:
                    g.add(iri, s("about"), event)
                for person in persons:
                    g.add(iri, s("mentions"), person)
        first = len(self.article.images) + 1
        # A page image without a credit is mapped too: the shapes warn (the publisher left it out), they do
        # not reject the page.
        shown = [i for i in self.article.page_images if _http(i.url) or i.caption or i.credit]
        for number, image in enumerate(shown, first):
            iri = self.part("image", number)
            g.add(self.iri, s("image"), iri)
            g.types(iri, "ImageObject", "MediaObject", "CreativeWork")
            g.add(iri, s("position"), typed(number, "integer"))
            if _http(image.url):
                g.add(iri, s("contentUrl"), NamedNode(image.url))
            if image.caption:
                g.add(iri, s("caption"), text(image.caption, self.article.language))
            if image.credit:
                g.add(iri, s("creditText"), text(image.credit))
            if image.creator is not None and image.creator.kind == "Person":
                person = self.minter.discovered(discovered_key(image.creator.name, "Person"))
                g.types(person, "Person")
                g.add(person, s("name"), text(image.creator.name))
                g.add(person, n("wikidataUnverified"), typed("true", "boolean"))
                g.add(iri, s("creator"), person)
            elif image.creator is not None:
                g.add(iri, s("copyrightHolder"), self.organization(image.creator.name))
            if image.alt:
                g.add(iri, s("description"), text(image.alt, self.article.language))
            if image.caption and image.caption_span is not None:
                self.support(image.caption_span, iri)
        for number, video in enumerate(self.article.videos, 1):
            iri = self.part("video", number)
            g.add(self.iri, s("video"), iri)
            g.types(iri, "VideoObject", "MediaObject", "CreativeWork")
            g.add(iri, s("name"), text(video.title, self.article.language))
            g.add(iri, s("duration"), typed(iso_duration(video.duration), "duration"))
            self.support(video.title_span, iri)

    def depicted(self, caption: Span) -> tuple[list[str], list[str]]:
        """Events evidenced inside a caption (what the picture is about), and the persons it names."""
        inside = lambda span: caption.start <= span.start and span.end <= caption.end  # noqa: E731
        events = {
            self.minter.entity("event", e.id)
            for e in self.ann.events
            if any(inside(x.span) for x in e.evidence)
        }
        persons = {
            entity_iri(self.minter, self.registry[m.entity])
            for m in self.registry.find_mentions(caption.text(self.article.body))
            if self.registry[m.entity].type == "Person"
        }
        return sorted(events), sorted(persons)

    def sections(self) -> None:
        for number, section in enumerate(self.article.sections, 1):
            iri = self.part("section", number)
            self.g.add(self.iri, s("hasPart"), iri)
            self.g.types(iri, "WebPageElement", "CreativeWork")
            self.g.add(iri, s("name"), text(section.heading, self.article.language))
            self.g.add(iri, s("position"), typed(number, "integer"))
            self.g.add(iri, s("isPartOf"), self.iri)
            self.support(section.heading_span, iri)

    def mentions(self) -> None:
        mentioned = set()
        for mention in self.registry.find_mentions(self.article.body):
            iri = self.ref(mention.entity)
            mentioned.add(iri)
            self.support(mention.span, iri, "identifying")
        about = {self.ref(r) for r in self.ann.about}
        events = {self.minter.entity("event", e.id) for e in self.ann.events}
        for iri in sorted((mentioned | events) - about):
            self.g.add(self.iri, s("mentions"), iri)

    def roles(self) -> None:
        for number, role in enumerate(self.ann.roles, 1):
            iri = self.part("role", number)
            g = self.g
            g.add(self.ref(role.person), s("memberOf"), iri)
            g.types(iri, "OrganizationRole", "Role")
            g.labels(iri, s("roleName"), role.title)
            g.add(iri, n("roleStatus"), n(ROLE_STATUSES[role.status]))
            g.add(iri, n("asOf"), date_literal(self.article.date_published))
            if role.organization:
                g.add(iri, s("memberOf"), self.ref(role.organization))
            if role.position:
                g.add(iri, n("position"), WD + role.position)
            self.support(role.evidence.span, iri, by="Editor")

    def events(self) -> None:
        g = self.g
        for event in self.ann.events:
            iri = self.minter.entity("event", event.id)
            if event.id not in self.registry:  # registry events are typed in the entity graph
                g.types(iri, "Event")
            g.add(iri, s("additionalType"), n(EVENT_KINDS[event.kind]))
            g.labels(iri, s("name"), event.name)
            g.labels(iri, s("description"), event.description)
            g.add(iri, n("status"), n(EVENT_STATUSES[event.status]))
            if event.status in _EVENT_STATUS:
                g.add(iri, s("eventStatus"), s(_EVENT_STATUS[event.status]))
            if event.wikidata:
                g.wikidata(iri, event.wikidata)
            if event.start:
                g.add(iri, s("startDate"), date_literal(event.start))
            if event.end:
                g.add(iri, s("endDate"), date_literal(event.end))
            if event.latest:
                g.add(iri, n("latestDate"), date_literal(event.latest))
            if event.window:
                schedule = self.part("schedule", event.id)
                g.add(iri, s("eventSchedule"), schedule)
                g.types(schedule, "Schedule")
                g.add(schedule, s("startDate"), date_literal(event.window.start))
                g.add(schedule, s("endDate"), date_literal(event.window.end))
                g.add(schedule, s("description"), text(event.window.text, self.article.language))
            if event.duration:
                g.add(iri, s("duration"), typed(iso_duration(event.duration), "duration"))
            if event.location:
                g.add(iri, s("location"), self.ref(event.location))
            if event.virtual:
                place = f"{iri}/virtual-location"
                g.add(iri, s("location"), place)
                g.add(iri, s("eventAttendanceMode"), s("OnlineEventAttendanceMode"))
                g.types(place, "VirtualLocation")
                g.labels(place, s("name"), {"de": "virtueller Ort", "en": "virtual location"})
            for ref in event.attendees:
                g.add(iri, s("attendee"), self.ref(ref))
            for ref in event.organizers:
                g.add(iri, s("organizer"), self.ref(ref))
            for ref in event.about:
                g.add(iri, s("about"), self.ref(ref))
            if event.part_of:
                g.add(iri, s("superEvent"), self.ref(event.part_of))
                g.add(self.ref(event.part_of), s("subEvent"), iri)
            for evidence in event.evidence:
                self.support(evidence.span, iri, by="Editor")

    def quotations(self) -> None:
        g = self.g
        ordered = sorted(self.ann.quotations, key=lambda q: q.evidence.span)
        for number, quote in enumerate(ordered, 1):
            iri = self.part("quote", number)
            g.add(self.iri, s("hasPart"), iri)
            g.types(iri, "Quotation", "CreativeWork")
            g.add(iri, s("text"), text(quote.text, self.article.language))
            g.add(iri, s("inLanguage"), text(self.article.language))
            g.add(iri, s("creator"), self.ref(quote.speaker))
            g.add(iri, s("isPartOf"), self.iri)
            for ref in quote.about:
                g.add(iri, s("about"), self.ref(ref))
            if quote.date:
                g.add(iri, s("dateCreated"), date_literal(quote.date))
            if quote.posting:
                posting = self.part("posting", number)
                g.add(iri, s("isBasedOn"), posting)
                g.types(posting, "SocialMediaPosting", "CreativeWork")
                g.add(posting, s("author"), self.ref(quote.posting.author))
                g.add(posting, s("isPartOf"), self.ref(quote.posting.platform))
                if quote.posting.date:
                    g.add(posting, s("dateCreated"), date_literal(quote.posting.date))
            self.support(quote.evidence.span, iri, by="Editor")

    def claims(self) -> None:
        g = self.g
        for number, claim in enumerate(sorted(self.ann.claims, key=lambda c: c.evidence.span), 1):
            iri = self.part("claim", number)
            g.types(iri, "Claim", "CreativeWork")
            g.add(iri, s("author"), self.ref(claim.speaker))
            g.add(iri, s("text"), text(claim.evidence.quote, self.article.language))
            g.add(iri, s("appearance"), self.iri)
            for ref in claim.about:
                g.add(iri, s("about"), self.ref(ref))
            if claim.date:
                g.add(iri, s("dateCreated"), date_literal(claim.date))
            self.support(claim.evidence.span, iri, by="Editor")

    def annotations(self) -> None:
        """One oa:Annotation per (span, fact), numbered in text order."""
        g, body = self.g, self.article.body
        for number, (span, target_body, motivation, by) in enumerate(sorted(set(self.evidence)), 1):
            iri = self.part("evidence", number)
            g.annotation(iri, target_body, motivation, self.iri, body, span)
            g.add(iri, n("assertedBy"), n(by))


def article_quads(
    article: Article,
    annotations: Annotations,
    registry: Registry,
    minter: Minter,
    sources: Iterable[Source] = (),
) -> list[Quad]:
    """All quads of one article's named graph."""
    return _ArticleMapper(article, annotations, registry, minter).run(sources)
