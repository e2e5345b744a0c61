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
        return f"{self.base}{kind}/{slug}"

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
