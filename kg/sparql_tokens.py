"""SPARQL text read token by token, without parsing it.

The server's guard and the text search both read a query before any engine does: comments and string
literals must not be mistaken for keywords, and both need each token's nesting depth. One tokenizer serves
both, so they cannot disagree about where a string or an IRI ends.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kg.errors import QueryError

# A sign is never part of a number here: "?a +1" is an addition to the engine, and the guard's bound on the
# depth of the syntax tree counts the "+".
_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<bnode>_:[\w.-]+)
  | (?P<pname>(?:[A-Za-z\u00c0-\uffff][\w.-]*)?:(?:[\w:%.-]|\\.)*)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>\|\||&&|!=|<=|>=|\^\^)
  | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)
OPEN, CLOSE = "({[", ")}]"


class Token(NamedTuple):
    kind: str
    """One of ``string iri var bnode pname lang number word op punct``."""
    text: str
    start: int
    end: int
    depth: int
    """Nesting depth of braces, brackets and parentheses before this token."""


def tokens(query: str, max_depth: int | None = None) -> list[Token]:
    """Significant tokens of ``query`` (no spaces, no comments) with their nesting depth.

    :raises QueryError: when the nesting is deeper than ``max_depth``, naming the line.
    """
    out: list[Token] = []
    depth = 0
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup or "punct"
        if kind in ("space", "comment"):
            continue
        text = match.group()
        if kind == "punct" and text in CLOSE:
            depth = max(0, depth - 1)
        out.append(Token(kind, text, match.start(), match.end(), depth))
        if kind == "punct" and text in OPEN:
            depth += 1
            if max_depth is not None and depth > max_depth:
                line = query.count("\n", 0, match.start()) + 1
                raise QueryError(f"query nests deeper than {max_depth} levels (line {line})")
    return out
