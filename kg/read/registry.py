"""The entities newskg knows, read from ``data/entities/*.yaml``, and the mentions of them in a text.

An entity has a stable slug, a schema.org type, names in German and English, its Wikidata id when it was
checked, and the surface forms the articles use ("Putins", "Kremlchef").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.model import Mention, Span
from kg.read.yamldoc import Fields, Sequence, load
from kg.vocab import is_wikidata_id, slugify

#: schema.org type -> (IRI path segment, the type and its schema.org superclasses, materialized so that
#: queries and shapes need no inference).
TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Person": ("person", ("Person",)),
    "Organization": ("organization", ("Organization",)),
    "GovernmentOrganization": ("organization", ("GovernmentOrganization", "Organization")),
    "NewsMediaOrganization": ("organization", ("NewsMediaOrganization", "Organization")),
    "Country": ("place", ("Country", "AdministrativeArea", "Place")),
    "State": ("place", ("State", "AdministrativeArea", "Place")),
    "City": ("place", ("City", "AdministrativeArea", "Place")),
    "AdministrativeArea": ("place", ("AdministrativeArea", "Place")),
    "GovernmentBuilding": ("place", ("GovernmentBuilding", "CivicStructure", "Place")),
    "Continent": ("place", ("Continent", "Landform", "Place")),
    "Place": ("place", ("Place",)),
    "WebSite": ("thing", ("WebSite", "CreativeWork")),
    "Product": ("thing", ("Product",)),
    "Event": ("event", ("Event",)),
}
_KEYS = {"id", "type", "name", "aliases", "wikidata", "contained_in", "description"}


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    name: dict[str, str]
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    """Only ids that were checked; ``None`` means no verified Wikidata item."""
    contained_in: str | None = None
    description: dict[str, str] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return TYPES[self.type][0]

    @property
    def types(self) -> tuple[str, ...]:
        return TYPES[self.type][1]

    @property
    def is_organization(self) -> bool:
        return "Organization" in self.types


def _forms_pattern(forms: Iterable[str]) -> re.Pattern[str]:
    """One alternation, longest form first, each space matching any run of whitespace."""
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    alternatives = "|".join(r"\s+".join(map(re.escape, f.split())) for f in ordered)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@dataclass
class Registry:
    """All known entities, with a matcher for their surface forms."""

    entities: dict[str, Entity]
    _surface: dict[str, str] = field(default_factory=dict, repr=False)
    _patterns: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for entity in self.entities.values():
            forms = {*entity.name.values(), *entity.aliases}
            for form in forms:
                other = self._surface.setdefault(" ".join(form.split()), entity.id)
                if other != entity.id:
                    raise InputError(f"surface form {form!r} names both {other!r} and {entity.id!r}")
            self._patterns[entity.id] = _forms_pattern(forms)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.entities

    def __getitem__(self, entity_id: str) -> Entity:
        return self.entities[entity_id]

    def find_mentions(self, text: str) -> list[Mention]:
        """Every mention of a known entity, in text order.

        Each entity's longest form wins over its shorter forms ("Wladimir Putin", not also "Putin"); names of
        other entities inside a mention are mentions too ("Krieg im Gazastreifen": the war and the place).

        >>> reg = Registry({"p": Entity("p", "Person", {"de": "Wladimir Putin"}, ("Putin", "Putins"))})
        >>> [(m.entity, m.span.start) for m in reg.find_mentions("Putins Rede; Wladimir Putin")]
        [('p', 0), ('p', 13)]
        """
        found = [
            Mention(entity_id, Span(m.start(), m.end()))
            for entity_id, pattern in self._patterns.items()
            for m in pattern.finditer(text)
        ]
        return sorted(found, key=lambda m: (m.span, m.entity))

    def organization_named(self, name: str) -> Entity | None:
        """The known organization a credit line names, if any."""
        entity_id = self._surface.get(" ".join(name.split()))
        entity = self.entities.get(entity_id) if entity_id else None
        return entity if entity is not None and entity.is_organization else None


def load_registry(paths: Iterable[Path]) -> Registry:
    """Read entity files; every mistake names the file, line and field.

    :raises InputError: on a malformed file, a duplicate id, an unknown type, or a malformed Wikidata id.
    """
    entities: dict[str, Entity] = {}
    where: dict[str, tuple[Path, int]] = {}
    surfaces: dict[str, str] = {}
    for path in sorted(paths):
        data = load(path)
        if not isinstance(data, Sequence):
            raise InputError("expected a list of entities", file=path, line=1)
        for item, line in zip(data, data.lines, strict=True):
            entity = _entity(Fields(item, path, "entity", line))
            if entity.id in entities:
                raise InputError(
                    f"duplicate entity id {entity.id!r}", file=path, line=line, field="entity.id"
                )
            for form in {" ".join(f.split()) for f in (*entity.name.values(), *entity.aliases)}:
                other = surfaces.setdefault(form, entity.id)
                if other != entity.id:
                    raise InputError(
                        f"surface form {form!r} names both {other!r} and {entity.id!r}",
                        file=path,
                        line=line,
                        field="entity.aliases",
                    )
            entities[entity.id] = entity
            where[entity.id] = (path, item.lines.get("contained_in", line))
    for entity in entities.values():
        if entity.contained_in and entity.contained_in not in entities:
            path, line = where[entity.id]
            raise InputError(
                f"names unknown entity {entity.contained_in!r}",
                file=path,
                line=line,
                field="entity.contained_in",
            )
    return Registry(entities)


def _entity(f: Fields) -> Entity:
    f.check_keys(_KEYS)
    entity_id = f.text("id")
    assert entity_id is not None
    if slugify(entity_id) != entity_id:
        raise f.error("id", f"{entity_id!r} is not a slug (expected lower-case ASCII words joined by '-')")
    type_name = f.text("type")
    if type_name not in TYPES:
        raise f.error("type", f"unknown type {type_name!r} (expected one of: {', '.join(TYPES)})")
    names = f.labels("name")
    for lang in ("de", "en"):
        if lang not in names:
            raise f.error("name", f"missing the {lang!r} name")
    qid = f.text("wikidata", required=False)
    if qid is not None and not is_wikidata_id(qid):
        raise f.error("wikidata", f"{qid!r} is not a Wikidata item id (expected Q followed by digits)")
    return Entity(
        id=entity_id,
        type=str(type_name),
        name=names,
        aliases=f.texts("aliases"),
        wikidata=qid,
        contained_in=f.text("contained_in", required=False),
        description=f.labels("description", required=False),
    )
