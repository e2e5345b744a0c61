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
        assert formats.by_name(name).rdf == expected

    @pytest.mark.parametrize("name", ["TURTLE", "JsonLD", "Nq"])
    def test_names_are_case_insensitive(self, name: str) -> None:
        assert formats.by_name(name).rdf == NAMES[name.lower()]

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
        assert formats.for_file(Path(filename)).rdf == expected

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
            formats.refuse_entity_declarations(ENTITY_RDF_XML, formats.RDF_XML, Path("bomb.rdf"))
        assert caught.value.file == "bomb.rdf"

    def test_plain_rdf_xml_is_accepted(self) -> None:
        assert formats.refuse_entity_declarations(PLAIN_RDF_XML, formats.RDF_XML, Path("ok.rdf")) is None

    @pytest.mark.parametrize("fmt", [formats.TURTLE, formats.N_TRIPLES, formats.JSON_LD])
    def test_other_formats_may_contain_the_words_in_a_literal(self, fmt: formats.Format) -> None:
        data = b'<http://example.org/x> <http://schema.org/text> "<!ENTITY lol \\"lol\\">" .\n'
        formats.refuse_entity_declarations(data, fmt, Path("text.ttl"))


class TestOneTable:
    """Every place that names a format takes it from the one table: one name, one extension, one media type,
    one charset rule."""

    def test_names_extensions_and_media_types_are_unique(self) -> None:
        table = formats.RDF_FORMATS + formats.RESULT_FORMATS
        for field in ("name", "extension", "media_type"):
            values = [getattr(f, field) for f in table]
            assert len(values) == len(set(values)), field

    def test_the_subsets_are_rows_of_the_table(self) -> None:
        assert set(formats.DOCUMENT_FORMATS) <= set(formats.RDF_FORMATS)
        assert set(formats.DUMP_FORMATS) <= set(formats.RDF_FORMATS)

    def test_each_rdf_format_knows_its_engine_format(self) -> None:
        for fmt in formats.RDF_FORMATS:
            assert fmt.rdf is not None and fmt.rdf.media_type == fmt.media_type
            assert formats.by_extension(fmt.extension) is fmt

    @pytest.mark.parametrize(
        ("fmt", "content_type"),
        [
            (formats.TURTLE, "text/turtle; charset=utf-8"),
            (formats.JSON_LD, "application/ld+json; charset=utf-8"),
            (formats.N_QUADS, "application/n-quads"),
            (formats.RESULT_FORMATS[0], "application/sparql-results+json; charset=utf-8"),
        ],
    )
    def test_one_charset_rule(self, fmt: formats.Format, content_type: str) -> None:
        assert fmt.content_type == content_type
