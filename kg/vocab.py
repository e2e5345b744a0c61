"""Namespaces, the ontology files that define newskg's own terms, and IRI minting.

One place decides what every minted IRI looks like, so IRIs stay stable across rebuilds and move as a whole
when the base changes (``NEWSKG_BASE`` or ``--base``).
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from importlib.resources import files

SCHEMA = "http://schema.org/"
WD = "http://www.wikidata.org/entity/"
NKG = "https://w3id.org/newskg/ontology#"
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SH = "http://www.w3.org/ns/shacl#"
DCTERMS = "http://purl.org/dc/terms/"
VOID = "http://rdfs.org/ns/void#"
SD = "http://www.w3.org/ns/sparql-service-description#"

DEFAULT_BASE = "https://kg.example.org/"

ONTOLOGY = files("kg") / "ontology"
"""``ontology/`` of the repository (the ontology, the shapes, the JSON-LD context), shipped inside the package
as ``kg/ontology`` and found wherever newskg is installed."""

#: Prefixes used in every serialization and offered to SPARQL queries, so users can write ``schema:name``.
PREFIXES: dict[str, str] = {
    "dcterms": DCTERMS,
    "nkg": NKG,
    "oa": OA,
    "owl": OWL,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "schema": SCHEMA,
    "sh": SH,
    "wd": WD,
    "xsd": XSD,
}

#: Event kinds an editor may annotate -> the ontology class (``nkg:``) given as ``schema:additionalType``.
EVENT_KINDS: dict[str, str] = {
    "phone-call": "PhoneCall",
    "summit": "Summit",
    "meeting": "Meeting",
    "visit": "Visit",
    "press-conference": "PressConference",
    "announcement": "Announcement",
    "arrest-warrant": "ArrestWarrant",
    "withdrawal": "Withdrawal",
    "invasion": "Invasion",
    "war": "War",
    "ceasefire": "Ceasefire",
    "delivery": "Delivery",
    "talks": "Talks",
    "election": "Election",
    "arrest": "Arrest",
    "attack": "Attack",
    "agreement": "Agreement",
    "conference": "Conference",
    "debate": "Debate",
    "rally": "Rally",
}

#: The extractor's event kinds that are named otherwise in annotations (``kg.extract`` says ``call``).
MACHINE_EVENT_KINDS: dict[str, str] = {"call": "phone-call", "warrant": "arrest-warrant"}

#: Whether an event happened, relative to the article's publication -> the ``nkg:`` individual.
EVENT_STATUSES: dict[str, str] = {
    "happened": "Happened",
    "ongoing": "Ongoing",
    "planned": "Planned",
    "proposed": "Proposed",
    "cancelled": "Cancelled",
    "postponed": "Postponed",
}

ROLE_STATUSES: dict[str, str] = {"current": "CurrentRole", "former": "FormerRole"}

_WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*")


def slugify(text: str) -> str:
    """Lower-case ASCII slug for a name, stable across runs.

    >>> slugify("Péter Szijjártó")
    'peter-szijjarto'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


#: The types of the entities the registry does not know (found in a text, or named by a credit line) -> the
#: path segment of their IRIs, which is also the first word of their keys (:func:`discovered_key`).
DISCOVERED_KINDS: dict[str, str] = {"Person": "person", "Organization": "organization", "Place": "place"}


def discovered_key(name: str, entity_type: str) -> str:
    """The key of an entity the registry does not know: the same name and type give the same key in every
    article, and the type prefix keeps it apart from every registry id (which carry none).

    >>> discovered_key("Péter Szijjártó", "Person")
    'person-peter-szijjarto'
    """
    return f"{DISCOVERED_KINDS[entity_type]}-{slugify(name)}"


def is_wikidata_id(value: str) -> bool:
    """True for a Wikidata item id such as ``Q7747``."""
    return bool(_WIKIDATA_ID.fullmatch(value))


@dataclass(frozen=True)
class Minter:
    """Mints every local IRI under one base.

    >>> Minter("https://kg.example.org/").entity("person", "donald-trump")
    'https://kg.example.org/person/donald-trump'
    """

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if not re.match(r"^https?://[^\s<>\"{}|\\^`]+/$", self.base):
            raise ValueError(f"base IRI must be an http(s) IRI ending in '/', got {self.base!r}")

    @classmethod
    def from_env(cls) -> Minter:
        return cls(os.environ.get("NEWSKG_BASE", DEFAULT_BASE))

    def entity(self, kind: str, slug: str) -> str:
        """A registry entity's IRI (``kind`` is its type's path segment, ``slug`` its id)."""
        return f"{self.base}{kind}/{slug}"

    def discovered(self, key: str) -> str:
        """The IRI of an entity the registry does not know, by its :func:`discovered_key`: the one IRI that
        ``newskg extract``, the extractor's facts in the graph and the credit lines give that name.

        >>> Minter().discovered(discovered_key("Juri Uschakow", "Person"))
        'https://kg.example.org/person/person-juri-uschakow'
        """
        kind = key.split("-", 1)[0]
        if kind not in DISCOVERED_KINDS.values() or not key.startswith(kind + "-"):
            raise ValueError(f"not the key of a discovered entity: {key!r}")
        return self.entity(kind, key)

    def article(self, slug: str) -> str:
        return f"{self.base}article/{slug}"

    def article_part(self, slug: str, kind: str, n: int | str) -> str:
        return f"{self.base}article/{slug}/{kind}/{n}"

    def article_graph(self, slug: str) -> str:
        return f"{self.base}graph/{slug}"

    @property
    def entities_graph(self) -> str:
        return f"{self.base}graph/entities"

    @property
    def software(self) -> str:
        return f"{self.base}software/newskg"

    def is_local(self, iri: str) -> bool:
        return iri.startswith(self.base)
