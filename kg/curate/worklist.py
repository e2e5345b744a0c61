"""The entities of a store that no Wikidata item is linked to, most mentioned first, likely duplicates
together.

An entity is unlinked when the graph says ``nkg:wikidataUnverified true`` of it: one the extractor found in
an article's text (``{base}person/person-juri-uschakow``), a byline or photo credit, or a registry entity
whose ``wikidata`` is not set. Article parts (an unnamed speaker: ``{base}article/<slug>/speaker/...``) are
not entities and are left out.

The store is read through ``select``, a function answering a SELECT (the newskg prefixes declared, the
default graph the union of all graphs) with rows of plain text: the CLI passes the store's, the server one
through its query pool, so both show the same list.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from pyoxigraph import Literal, NamedNode, QuerySolutions

from kg.curate.names import group
from kg.store import GraphStore
from kg.vocab import PREFIXES, SCHEMA, Minter

Row = dict[str, str]
Select = Callable[[str], list[Row]]

_NAME_ORDER = {"de": 0, "": 1, "en": 2}
"""Which name an entity is listed by: the German one (the articles' language), else one without a language."""

CONTEXTS = 3
"""Mentions quoted per entity."""

_UNLINKED = """FILTER EXISTS { ?e nkg:wikidataUnverified true }
  FILTER NOT EXISTS { ?e schema:sameAs ?same FILTER(STRSTARTS(STR(?same), STR(wd:))) }"""

ENTITIES = f"""SELECT ?e ?g ?type ?name (LANG(?name) AS ?lang) ?form WHERE {{
  GRAPH ?g {{ ?e nkg:wikidataUnverified true .
    {{ ?e a ?type }} UNION {{ ?e schema:name ?name }} UNION {{ ?e nkg:surfaceForm ?form }} }}
  {_UNLINKED}
}}"""


def _values(iris: Iterable[str]) -> str:
    return " ".join(f"<{iri}>" for iri in sorted(iris))


MAX_VALUES = 2000
"""Most entities named in one query; with more, mentions are counted by filtering every annotation."""


def _mentions(iris: Collection[str]) -> str:
    """Index lookups from each entity (8x faster on 1.2M triples than filtering every annotation)."""
    values = f"VALUES ?e {{ {_values(iris)} }}" if len(iris) <= MAX_VALUES else ""
    return f"""SELECT ?e (COUNT(DISTINCT ?anno) AS ?mentions) WHERE {{
  {values}
  ?anno oa:hasBody ?e ; oa:motivatedBy oa:identifying .
  {_UNLINKED if not values else ""}
}} GROUP BY ?e"""


def _articles(iris: Iterable[str]) -> str:
    """The graphs that name each entity first, then their article (7x faster on 1.2M triples than one join
    inside ``GRAPH``). Every entity is the object of something in an article that names it: a mention, an
    annotation's body, an author or creator."""
    return f"""SELECT ?e ?article ?headline WHERE {{
  {{ SELECT DISTINCT ?e ?g WHERE {{ VALUES ?e {{ {_values(iris)} }} GRAPH ?g {{ ?s ?p ?e }} }} }}
  GRAPH ?g {{ ?article a schema:NewsArticle . OPTIONAL {{ ?article schema:headline ?headline }} }}
}}"""


def _contexts(iris: Iterable[str]) -> str:
    return f"""SELECT ?e ?article ?start ?end ?exact ?prefix ?suffix WHERE {{
  VALUES ?e {{ {_values(iris)} }}
  ?anno oa:hasBody ?e ; oa:motivatedBy oa:identifying ; oa:hasTarget ?target .
  ?target oa:hasSource ?article ; oa:hasSelector ?position, ?quote .
  ?position oa:start ?start ; oa:end ?end .
  ?quote oa:exact ?exact .
  OPTIONAL {{ ?quote oa:prefix ?prefix }} OPTIONAL {{ ?quote oa:suffix ?suffix }}
}}"""


@dataclass(frozen=True)
class Context:
    """One mention: the words, where they are in the article body, and the text around them."""

    article: str
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class ArticleRef:
    iri: str
    headline: str = ""


@dataclass
class Item:
    """One unlinked entity."""

    iri: str
    ref: str
    """How commands name it: the registry id, or the IRI's path under the base (``person/person-x``)."""
    name: str
    names: tuple[str, ...]
    types: tuple[str, ...]
    """schema.org types, without the namespace."""
    registry: bool
    """In the entity graph (a ``data/entities`` entry with no ``wikidata``), not only in articles."""
    kind: str = ""
    """The IRI's kind segment: person, organization, place, thing, event."""
    mentions: int = 0
    articles: list[ArticleRef] = field(default_factory=list)
    contexts: list[Context] = field(default_factory=list)


@dataclass
class Worklist:
    """Groups of likely duplicates, each most mentioned first; the groups by their mentions."""

    groups: list[list[Item]]
    total: int
    """Unlinked entities in the store (``groups`` may show fewer)."""

    def as_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "groups": [[asdict(item) for item in g] for g in self.groups],
        }


def store_select(store: GraphStore) -> Select:
    """``select`` over a store: every value as its text."""

    def select(query: str) -> list[Row]:
        result = store.query(query, prefixes=PREFIXES)
        assert isinstance(result, QuerySolutions)
        variables = [v.value for v in result.variables]
        return [
            {name: term.value for name in variables if isinstance(term := row[name], NamedNode | Literal)}
            for row in result
        ]

    return select


def unlinked(select: Select, minter: Minter) -> dict[str, Item]:
    """Every unlinked entity under the base, by IRI, with its names and types (no counts)."""
    found: dict[str, dict[str, Any]] = {}
    entities_graph = minter.entities_graph
    parts = minter.article("")
    for row in select(ENTITIES):
        iri = row["e"]
        if not minter.is_local(iri) or iri.startswith(parts):
            continue
        entry = found.setdefault(iri, {"names": set(), "types": set(), "registry": False})
        entry["registry"] |= row["g"] == entities_graph
        if "type" in row and row["type"].startswith(SCHEMA):
            entry["types"].add(row["type"].removeprefix(SCHEMA))
        if "name" in row:
            entry["names"].add((_NAME_ORDER.get(row.get("lang", ""), 3), row["name"]))
        if "form" in row:
            entry["names"].add((4, row["form"]))
    items = {}
    for iri, entry in found.items():
        path = iri.removeprefix(minter.base)
        ordered = dict.fromkeys(name for _, name in sorted(entry["names"]))
        names = tuple(ordered) or (path.rsplit("/", 1)[-1],)
        ref = path.split("/", 1)[1] if entry["registry"] and "/" in path else path
        kind = path.split("/", 1)[0]
        items[iri] = Item(iri, ref, names[0], names, tuple(sorted(entry["types"])), entry["registry"], kind)
    return items


def worklist(
    select: Select, minter: Minter, *, limit: int | None = None, contexts: int = CONTEXTS
) -> Worklist:
    """The unlinked entities of the store, grouped, with the articles and a few mentions of the first
    ``limit`` groups."""
    items = unlinked(select, minter)
    for row in select(_mentions(items)) if items else ():
        if row["e"] in items:
            items[row["e"]].mentions = int(row["mentions"])
    ranked = sorted(items.values(), key=lambda i: (-i.mentions, i.name.casefold(), i.iri))
    groups = [[items[iri] for iri in g] for g in group({i.iri: i.names for i in ranked})]
    groups.sort(key=lambda g: (-sum(i.mentions for i in g), g[0].name.casefold(), g[0].iri))
    shown = groups[:limit] if limit is not None else groups
    _add_evidence(select, {i.iri: i for g in shown for i in g}, contexts)
    return Worklist(shown, len(items))


def _add_evidence(select: Select, items: Mapping[str, Item], contexts: int) -> None:
    if not items:
        return
    headlines: dict[str, dict[str, str]] = defaultdict(dict)
    for row in select(_articles(items)):
        headlines[row["e"]].setdefault(row["article"], row.get("headline", ""))
    for iri, articles in headlines.items():
        items[iri].articles = [ArticleRef(a, h) for a, h in sorted(articles.items())]
    quoted: dict[str, list[Context]] = defaultdict(list)
    for row in select(_contexts(items)):
        quoted[row["e"]].append(
            Context(
                row["article"],
                int(row["start"]),
                int(row["end"]),
                row["exact"],
                row.get("prefix", ""),
                row.get("suffix", ""),
            )
        )
    for iri, found in quoted.items():
        items[iri].contexts = _spread(found, contexts)


def _spread(found: Iterable[Context], wanted: int) -> list[Context]:
    """``wanted`` mentions taken from as many articles as there are, each article's in text order."""
    by_article: dict[str, list[Context]] = defaultdict(list)
    for context in sorted(set(found), key=lambda c: (c.article, c.start, c.end)):
        by_article[context.article].append(context)
    rounds = itertools.zip_longest(*by_article.values())
    return [c for layer in rounds for c in layer if c is not None][:wanted]
