"""The RDF formats newskg reads and writes (``kg.formats``): names, file extensions, and refusing RDF/XML
that declares XML entities."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import RdfFormat

from kg import formats
from kg.errors import InputError, UnsupportedFormat

NAMES = {
    "turtle": RdfFormat.TURTLE,
    "trig": RdfFormat.TRIG,
    "nt": RdfFormat.N_TRIPLES,
    "nq": RdfFormat.N_QUADS,
    "jsonld": RdfFormat.JSON_LD,
    "rdfxml": RdfFormat.RDF_XML,
}

PLAIN_RDF_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:schema="http://schema.org/">
  <rdf:Description rdf:about="http://example.org/x"><schema:name>x</schema:name></rdf:Description>
</rdf:RDF>
"""
ENTITY_RDF_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rdf:RDF [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:schema="http://schema.org/">
  <rdf:Description rdf:about="http://example.org/x"><schema:name>&lol2;</schema:name></rdf:Description>
</rdf:RDF>
"""


class TestByName:
    @pytest.mark.parametrize(("name", "expected"), NAMES.items())
    def test_each_documented_name_selects_its_format(self, name: str, expected: RdfFormat) -> None:
        assert formats.by_name(name) == expected

    @pytest.mark.parametrize("name", ["TURTLE", "JsonLD", "Nq"])
    def test_names_are_case_insensitive(self, name: str) -> None:
        assert formats.by_name(name) == NAMES[name.lower()]

    @pytest.mark.parametrize("name", ["n3", "ttl", "", "json-ld", "text/turtle"])
    def test_an_unknown_name_is_refused_with_the_list_of_known_names(self, name: str) -> None:
        with pytest.raises(UnsupportedFormat) as caught:
            formats.by_name(name)
        assert all(known in str(caught.value) for known in NAMES)


class TestForFile:
    @pytest.mark.parametrize(
        ("filename", "expected"),
        [
            ("graph.ttl", RdfFormat.TURTLE),
            ("graph.trig", RdfFormat.TRIG),
            ("graph.nt", RdfFormat.N_TRIPLES),
            ("graph.nq", RdfFormat.N_QUADS),
            ("graph.jsonld", RdfFormat.JSON_LD),
            ("graph.json", RdfFormat.JSON_LD),
            ("graph.rdf", RdfFormat.RDF_XML),
            ("dir.v2/GRAPH.TTL", RdfFormat.TURTLE),
        ],
    )
    def test_the_extension_names_the_format(self, filename: str, expected: RdfFormat) -> None:
        assert formats.for_file(Path(filename)) == expected

    @pytest.mark.parametrize("filename", ["graph", "graph.html", "graph.n3", "graph.ttl.gz", "dir.ttl/graph"])
    def test_an_unknown_or_missing_extension_is_refused_naming_the_file(self, filename: str) -> None:
        with pytest.raises(UnsupportedFormat, match="cannot tell the RDF format") as caught:
            formats.for_file(Path(filename))
        assert str(Path(filename)) in str(caught.value)
        assert ".ttl" in str(caught.value) and ".jsonld" in str(caught.value)

    def test_a_text_file_is_not_taken_for_n_triples(self) -> None:
        with pytest.raises(UnsupportedFormat):
            formats.for_file(Path("notes.txt"))


class TestEntityDeclarations:
    def test_rdf_xml_with_an_entity_declaration_is_refused_naming_the_file(self) -> None:
        with pytest.raises(InputError, match="entity") as caught:
            formats.refuse_entity_declarations(ENTITY_RDF_XML, RdfFormat.RDF_XML, Path("bomb.rdf"))
        assert caught.value.file == "bomb.rdf"

    def test_plain_rdf_xml_is_accepted(self) -> None:
        assert formats.refuse_entity_declarations(PLAIN_RDF_XML, RdfFormat.RDF_XML, Path("ok.rdf")) is None

    @pytest.mark.parametrize("fmt", [RdfFormat.TURTLE, RdfFormat.N_TRIPLES, RdfFormat.JSON_LD])
    def test_other_formats_may_contain_the_words_in_a_literal(self, fmt: RdfFormat) -> None:
        data = b'<http://example.org/x> <http://schema.org/text> "<!ENTITY lol \\"lol\\">" .\n'
        formats.refuse_entity_declarations(data, fmt, Path("text.ttl"))
