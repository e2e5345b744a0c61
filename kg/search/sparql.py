"""Text search inside SPARQL: reserved predicates that the index answers before the engine runs the query.

A triple pattern whose predicate is ``nkgtext:query`` (``<https://w3id.org/newskg/text#query>``) and whose
object is a string asks the search index for that text; its subject, a variable, is bound to the IRIs of the
hits. Three more reserved predicates on the same variable refine it:

=======================  ===========================================================  ==================
predicate                object                                                       default
=======================  ===========================================================  ==================
``nkgtext:query``        the search text (the index's query language), required
``nkgtext:score``        a variable bound to each hit's score (higher is better)
``nkgtext:type``         a kind of hit: ``"article"``, ``"quotation"``, ``"person"``,  every kind
                         ``"organization"``, ``"place"``, ``"event"``, ``"thing"``
                         (several: repeat it or write ``"article quotation"``)
``nkgtext:limit``        the number of best hits taken                                :data:`DEFAULT_LIMIT`
=======================  ===========================================================  ==================

"Articles that say 'Waffenruhe' and mention a person who attended the Alaska summit" is one query::

    PREFIX schema: <http://schema.org/>
    PREFIX nkgtext: <https://w3id.org/newskg/text#>
    SELECT ?article ?score ?person WHERE {
      ?article nkgtext:query "Waffenruhe" ; nkgtext:type "article" ; nkgtext:score ?score .
      ?summit nkgtext:query "Gipfeltreffen Alaska" ; nkgtext:type "event" .
      ?summit schema:attendee ?person .
      ?article schema:mentions ?person .
    } ORDER BY DESC(?score)

:func:`rewrite` replaces each such statement by a ``VALUES`` block of the hits (the other predicates of a
``;`` list stay), so the engine joins them like any inline data: ``VALUES (?article ?score) { (<…> 2.5e0) }``.
No hits give an empty ``VALUES``, hence no solutions. Like QLever's text predicates, the text part is
evaluated first and whole (up to its limit), whatever else the query says.

The reserved predicates may be written as full IRIs, with any prefix the query declares for the namespace,
or with ``nkgtext:`` undeclared (it is removed before the engine reads the query). The rewrite is text to
text: tokens are read by `kg.sparql_tokens`, as the guard reads them; it does not parse SPARQL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from kg.errors import QueryError
from kg.search.documents import KINDS
from kg.sparql_tokens import Token, tokens

TEXT = "https://w3id.org/newskg/text#"
PREFIX = "nkgtext"
DEFAULT_LIMIT = 1000
MAX_LIMIT = 100_000
_RESERVED = ("query", "score", "type", "limit")

_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


@dataclass(frozen=True)
class TextPattern:
    """One text search of a query: the variable it binds and what to search."""

    variable: str
    """Without its ``?``."""
    text: str
    score: str | None = None
    types: tuple[str, ...] = ()
    limit: int = DEFAULT_LIMIT


@dataclass
class _Statement:
    start: int  # token index of the subject
    end: int  # token index of the terminator ('.', '}' or the end), excluded from the statement
    pairs: list[tuple[int, int]] = field(default_factory=list)  # token spans of predicate-object pairs


Search = Callable[[TextPattern], Sequence[tuple[str, float]]]
"""What answers a text pattern: the IRIs of its hits with their scores, best first."""


def _prefixes(toks: list[Token], given: Mapping[str, str] | None) -> dict[str, str]:
    found = {PREFIX: TEXT, **(given or {})}
    for i, tok in enumerate(toks[:-2]):
        prefix, iri = toks[i + 1], toks[i + 2]
        if (
            tok.kind == "word"
            and tok.text.upper() == "PREFIX"
            and prefix.kind == "pname"
            and iri.kind == "iri"
        ):
            found[toks[i + 1].text[:-1]] = toks[i + 2].text[1:-1]
    return found


def _reserved(tok: Token, prefixes: Mapping[str, str]) -> str | None:
    """``query``, ``score``, … when ``tok`` names a reserved predicate."""
    if tok.kind == "iri":
        iri = tok.text[1:-1]
    elif tok.kind == "pname" and not tok.text.endswith(":"):
        prefix, _, local = tok.text.partition(":")
        if prefix not in prefixes:
            return None
        iri = prefixes[prefix] + local
    else:
        return None
    if not iri.startswith(TEXT):
        return None
    name = iri[len(TEXT) :]
    if not name:  # the namespace itself, as a PREFIX declares it
        return None
    if name not in _RESERVED:
        raise QueryError(f"unknown text-search predicate {tok.text} (known: {', '.join(_RESERVED)})")
    return name


def _unquote(literal: str) -> str:
    body = literal[3:-3] if literal[:3] in ('"""', "'''") else literal[1:-1]

    def escape(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] in "uU":
            return chr(int(code[1:], 16))
        return _ESCAPES.get(code, code)

    return re.sub(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", escape, body)


def _statement(toks: list[Token], at: int) -> _Statement:
    """The triples statement (subject and ``;`` list) that the predicate at ``at`` belongs to."""
    depth = toks[at].depth
    start = at
    while start > 0:
        prev = toks[start - 1]
        if prev.depth == depth and prev.kind == "punct" and prev.text in ".{})":
            break
        if prev.depth < depth:
            break
        if prev.kind == "word" and prev.depth == depth and prev.text.upper() in ("WHERE", "GRAPH"):
            break
        start -= 1
    end = at
    while end < len(toks):
        tok = toks[end]
        if tok.depth < depth or (tok.depth == depth and tok.kind == "punct" and tok.text in ".}"):
            break
        end += 1
    statement = _Statement(start, end)
    subject_end = start + 1
    pair_start = subject_end
    for i in range(subject_end, end + 1):
        if i == end or (toks[i].depth == depth and toks[i].kind == "punct" and toks[i].text == ";"):
            if i > pair_start:
                statement.pairs.append((pair_start, i))
            pair_start = i + 1
    return statement


def _object(toks: list[Token], span: tuple[int, int], name: str) -> Token:
    objects = toks[span[0] + 1 : span[1]]
    if objects and objects[0].kind == "string" and len(objects) == 2 and objects[1].kind == "lang":
        objects = objects[:1]
    if len(objects) != 1:
        raise QueryError(
            f"nkgtext:{name} takes one object, not {' '.join(t.text for t in objects) or 'none'}"
        )
    return objects[0]


def text_patterns(
    sparql: str, *, prefixes: Mapping[str, str] | None = None, max_limit: int = MAX_LIMIT
) -> list[TextPattern]:
    """The text searches ``sparql`` asks for, in order (nothing for a query without them)."""
    return [pattern for pattern, _ in _find(sparql, prefixes, max_limit)[0]]


def _find(
    sparql: str, prefixes: Mapping[str, str] | None, max_limit: int = MAX_LIMIT
) -> tuple[list[tuple[TextPattern, int]], list[Token], dict[int, _Statement]]:
    toks = tokens(sparql)
    known = _prefixes(toks, prefixes)
    statements: dict[int, _Statement] = {}
    options: dict[str, dict[str, list[Token]]] = {}
    order: list[str] = []
    first_statement: dict[str, int] = {}
    for i, tok in enumerate(toks):
        name = _reserved(tok, known)
        if name is None:
            continue
        statement = _statement(toks, i)
        span = next((p for p in statement.pairs if p[0] == i), None)
        subject = toks[statement.start]
        if span is None or subject.kind != "var":
            raise QueryError(
                f"nkgtext:{name} must be the predicate of a triple pattern whose subject is a variable "
                f"(at character {tok.start})"
            )
        statements[statement.start] = statement
        variable = subject.text[1:]
        if variable not in options:
            options[variable], first_statement[variable] = {}, statement.start
            order.append(variable)
        options[variable].setdefault(name, []).append(_object(toks, span, name))
    found = []
    for variable in order:
        given = options[variable]
        queries = given.get("query", [])
        if len(queries) != 1 or queries[0].kind != "string":
            raise QueryError(f"?{variable} needs exactly one nkgtext:query with a string (the search text)")
        score = None
        for tok in given.get("score", []):
            if tok.kind != "var" or (score is not None and score != tok.text[1:]):
                raise QueryError(f"nkgtext:score of ?{variable} takes one variable")
            score = tok.text[1:]
        types: list[str] = []
        for tok in given.get("type", []):
            if tok.kind != "string":
                raise QueryError(f'nkgtext:type of ?{variable} takes a string such as "article"')
            types += _unquote(tok.text).split()
        if unknown := sorted(set(types) - set(KINDS)):
            raise QueryError(f"unknown nkgtext:type {', '.join(unknown)} (known: {', '.join(KINDS)})")
        limit = min(DEFAULT_LIMIT, max_limit)
        for tok in given.get("limit", []):
            if (
                tok.kind != "number"
                or not tok.text.lstrip("+").isdigit()
                or not 0 < int(tok.text) <= max_limit
            ):
                raise QueryError(f"nkgtext:limit of ?{variable} takes a whole number from 1 to {max_limit}")
            limit = int(tok.text)
        pattern = TextPattern(variable, _unquote(queries[0].text), score, tuple(dict.fromkeys(types)), limit)
        found.append((pattern, first_statement[variable]))
    return found, toks, statements


def rewrite(
    sparql: str, search: Search, *, prefixes: Mapping[str, str] | None = None, max_limit: int = MAX_LIMIT
) -> str:
    """``sparql`` with every text search replaced by the ``VALUES`` of its hits (see the module docstring);
    ``sparql`` itself when it has none. ``prefixes``: those the server offers to queries besides the query's
    own (``nkgtext`` is always known); ``max_limit``: the most hits one pattern may ask for (a server's cap
    on the size of the ``VALUES`` it writes).

    :raises QueryError: for a reserved predicate used otherwise than documented.
    """
    found, toks, statements = _find(sparql, prefixes, max_limit)
    if not found:
        return sparql
    values: dict[int, list[str]] = {}
    for pattern, at in found:
        values.setdefault(at, []).append(_values(pattern, search(pattern)))
    known = _prefixes(toks, prefixes)
    out: list[str] = []
    cursor = 0
    for start in sorted(statements):
        statement = statements[start]
        first, last = toks[statement.start], toks[statement.end - 1]
        kept = [p for p in statement.pairs if _reserved(toks[p[0]], known) is None]
        out.append(sparql[cursor : first.start])
        out.append(" ".join(values.get(start, [])))
        if kept:
            text = " ; ".join(sparql[toks[a].start : toks[b - 1].end] for a, b in kept)
            out.append(f" {first.text} {text}")
            cursor = last.end
        else:
            cursor = last.end
            if statement.end < len(toks) and toks[statement.end].text == ".":
                cursor = toks[statement.end].end
            out.append(" ")
    out.append(sparql[cursor:])
    return "".join(out)


def _values(pattern: TextPattern, hits: Sequence[tuple[str, float]]) -> str:
    if pattern.score is None:
        rows = " ".join(f"<{_iri(iri)}>" for iri, _ in hits)
        return f"VALUES ?{pattern.variable} {{ {rows} }}"
    rows = " ".join(f"(<{_iri(iri)}> {float(score):.6e})" for iri, score in hits)
    return f"VALUES (?{pattern.variable} ?{pattern.score}) {{ {rows} }}"


def _iri(iri: str) -> str:
    if re.search(r'[<>"{}|^`\\\x00-\x20]', iri):
        raise QueryError(f"the search index returned an IRI that SPARQL cannot write: {iri!r}")
    return iri


def index_search(index: object) -> Search:
    """A :data:`Search` answered by a :class:`kg.search.SearchIndex`."""

    def search(pattern: TextPattern) -> list[tuple[str, float]]:
        hits = index.search(pattern.text, types=pattern.types or None, limit=pattern.limit, details=False)  # type: ignore[attr-defined]
        return [(hit.iri, hit.score) for hit in hits]

    return search


__all__ = [
    "DEFAULT_LIMIT",
    "PREFIX",
    "TEXT",
    "Search",
    "TextPattern",
    "index_search",
    "rewrite",
    "text_patterns",
]
