"""The ontology declares every ``nkg:`` term newskg writes or asks for, each with a type, a label and a
comment in English: a term found in the code (``kg/``, ``server/``) or in the seed's graph that
``ontology/newskg.ttl`` does not describe fails here."""

from __future__ import annotations

import re

import pytest
import rdflib
from rdflib.namespace import RDF, RDFS

from kg.store import Store
from kg.vocab import EVENT_KINDS, EVENT_STATUSES, NKG, ONTOLOGY, ROLE_STATUSES
from tests.conftest import ROOT

USES = (
    re.compile(r'\bNKG\s*\+\s*"(\w+)"'),  # NKG + "inputDigest"
    re.compile(r"\{NKG\}(\w+)"),  # f"<{NKG}status>"
    re.compile(r'\bn\("(\w+)"'),  # kg.mapping.n("roleStatus")
    re.compile(r'\bby="(\w+)"'),  # support(..., by="Editor"): n(by)
    re.compile(r"\bnkg:(\w+)"),  # in SPARQL text and docstrings
)
"""How the code names a term of its own."""
COMPUTED = {*EVENT_KINDS.values(), *EVENT_STATUSES.values(), *ROLE_STATUSES.values()}
"""Terms ``kg.mapping.n`` is given from a table (``n(EVENT_KINDS[kind])``)."""


def used_in_code() -> dict[str, set[str]]:
    """Every local name the code writes or reads, with the files that name it."""
    found: dict[str, set[str]] = {name: {"kg/vocab.py"} for name in COMPUTED}
    for folder in ("kg", "server"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            source = path.read_text(encoding="utf-8")
            for pattern in USES:
                for name in pattern.findall(source):
                    found.setdefault(name, set()).add(str(path.relative_to(ROOT)))
    return found


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(str(ONTOLOGY / "newskg.ttl"), format="turtle")


def described(ontology: rdflib.Graph, name: str) -> bool:
    term = rdflib.URIRef(NKG + name)
    english = {p: [o for o in ontology.objects(term, p) if getattr(o, "language", None) == "en"]
               for p in (RDFS.label, RDFS.comment)}  # fmt: skip
    return (term, RDF.type, None) in ontology and all(english.values())


def test_the_scan_finds_the_terms_written_in_each_way() -> None:
    used = used_in_code()
    assert {"kg/ingest.py", "kg/search/documents.py"} <= used["inputDigest"]  # NKG + "…"
    assert "kg/ingest.py" in used["inputVersion"] and "kg/ingest.py" in used["inputText"]
    assert "kg/mapping.py" in used["sha256"] and "kg/mapping.py" in used["Editor"]  # n("…"), by="…"
    assert "server/pages/views.py" in used["confidence"]  # nkg:… in a query
    assert "PhoneCall" in used and "CurrentRole" in used  # from the tables


def test_every_term_the_code_names_is_declared_with_a_label_and_a_comment(ontology: rdflib.Graph) -> None:
    missing = {name: sorted(files) for name, files in used_in_code().items() if not described(ontology, name)}
    assert missing == {}, "declare these in ontology/newskg.ttl (rdf:type, rdfs:label, rdfs:comment @en)"


def test_every_term_in_the_seed_graph_is_declared(built_store: Store, ontology: rdflib.Graph) -> None:
    rows = built_store.query(
        "SELECT DISTINCT ?t WHERE { GRAPH ?g { { ?s ?t ?o } UNION { ?s ?p ?t } } "
        f'FILTER(isIRI(?t) && STRSTARTS(STR(?t), "{NKG}")) }}'
    )
    names = {row["t"].value.removeprefix(NKG) for row in rows}  # type: ignore[union-attr]
    assert "inputDigest" in names and "status" in names
    assert sorted(n for n in names if not described(ontology, n)) == []
