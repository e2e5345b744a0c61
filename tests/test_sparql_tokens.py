"""The one SPARQL tokenizer of the guard and the text search: strings, IRIs and comments are single tokens,
and every token knows how deeply it is nested."""

import pytest

from kg.errors import QueryError
from kg.sparql_tokens import tokens


def test_keywords_inside_strings_iris_and_comments_are_not_tokens_of_their_own():
    query = 'SELECT * WHERE { ?s ?p "SERVICE { }" . # LOAD {\n ?s <http://x/LOAD> ?o }'
    kinds = [(t.kind, t.text) for t in tokens(query)]
    assert ("string", '"SERVICE { }"') in kinds
    assert ("iri", "<http://x/LOAD>") in kinds
    assert not any(text == "LOAD" for _, text in kinds)


def test_each_token_carries_its_span_and_the_depth_before_it():
    query = "ASK { ?s ?p ( 1 ) }"
    toks = tokens(query)
    assert [(t.text, t.depth) for t in toks] == [
        ("ASK", 0),
        ("{", 0),
        ("?s", 1),
        ("?p", 1),
        ("(", 1),
        ("1", 2),
        (")", 1),
        ("}", 0),
    ]
    assert all(query[t.start : t.end] == t.text for t in toks)


def test_a_sign_before_a_number_is_an_operator():
    assert [t.kind for t in tokens("?a +1")] == ["var", "punct", "number"]


def test_nesting_deeper_than_allowed_names_the_line():
    with pytest.raises(QueryError, match=r"deeper than 2 levels \(line 2\)"):
        tokens("SELECT * WHERE {\n { { ?s ?p ?o } } }", max_depth=2)
    assert tokens("{ { } }", max_depth=2)
