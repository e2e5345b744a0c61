"""Inspect a SPARQL query's raw text before any engine sees it.

Engines fetch (``SERVICE``, ``LOAD``), crash on deep nesting, and run unbounded; so the server reads the text
first: it refuses what must not run, learns the query form and dataset for content negotiation, and caps the
number of solutions by rewriting the top-level ``LIMIT``. The engine parses the query for real afterwards and
reports syntax errors with their position.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from werkzeug.exceptions import BadRequest, RequestEntityTooLarge

from kg import sparql_tokens
from kg.errors import QueryError
from kg.sparql_tokens import CLOSE, OPEN, Token

FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
UPDATES = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")

#: SERVICE as a word anywhere outside string literals, even where the tokenizer saw an IRI or a comment: the
#: engine may read ``<2)SERVICE#>`` as a comparison, a keyword and a comment. Not preceded by the characters
#: of IRIs, prefixed names and variables, so ``<http://x/service/1>`` and ``?service`` stay allowed.
_SERVICE_ANYWHERE = re.compile(r"(?<![\w:/#?$.\-])SERVICE(?![\w:\-])", re.IGNORECASE)


@dataclass(frozen=True)
class Inspected:
    """What the server needs to know about a query before it runs."""

    form: str
    text: str
    """The query to run: the original, or with its top-level LIMIT capped."""
    from_graphs: tuple[str, ...]
    from_named_graphs: tuple[str, ...]
    capped: bool

    @property
    def has_dataset(self) -> bool:
        return bool(self.from_graphs or self.from_named_graphs)


def tokens(query: str, max_depth: int) -> list[Token]:
    """Significant tokens of ``query`` with their nesting depth.

    :raises BadRequest: when the nesting is deeper than ``max_depth``.
    """
    try:
        return sparql_tokens.tokens(query, max_depth)
    except QueryError as e:
        raise BadRequest(f"{e}; the limit is the max_query_depth setting") from None


#: What one token adds to the depth of the syntax tree the engine builds for the group it is in. An operator,
#: a path step, a triple pattern and a pattern joined to the ones before it each put one more node above the
#: rest of their group (pyoxigraph builds such chains one level deeper per term, and recurses over them),
#: whatever their nesting. The weights follow where pyoxigraph crashes (``bench/syntax_depth.py``): a MINUS,
#: a subquery, an expression of SELECT, GROUP BY, ORDER BY or HAVING and a resource to describe cost about two
#: and a half times the stack of an addition.
CHAIN_WEIGHTS = {
    **dict.fromkeys(("!", "=", "<", ">", "+", "-", "*", "/", "|", "^", "||", "&&", "!=", "<=", ">="), 1),
    **dict.fromkeys(("UNION", "OPTIONAL", "BIND", "FILTER", "VALUES", "LATERAL", "{"), 1),
    "MINUS": 3,
}
SUBQUERY = 3
"""A ``{ SELECT`` in a group."""
#: Outside parentheses, triple patterns too: each ``.``, ``;`` and ``,`` adds one. And a parenthesized
#: expression there adds three, whatever clause it is in: ``(… AS ?x)`` of SELECT, the conditions of GROUP BY,
#: ORDER BY and HAVING (``ASC(…)``, ``STR(…)``, ``(…)``), FILTER and BIND, a collection. (In parentheses a
#: comma separates arguments, which make no chain; the items of a collection ``( ... )`` do, and are counted
#: there.)
PATTERN_WEIGHTS = {**CHAIN_WEIGHTS, ".": 1, ";": 1, ",": 1, "(": 3}
COLLECTION_ITEM = 2
"""An item of a collection: two triple patterns (``rdf:first``, ``rdf:rest``)."""
JUXTAPOSED = 3
"""A collection right after another in a collection."""
DESCRIBED = 3
"""A resource named after DESCRIBE."""
_TERMS = frozenset(("var", "iri", "pname", "bnode", "string", "number"))


def syntax_depth(toks: list[Token]) -> tuple[int, int]:
    """An upper bound of the depth of the syntax tree of a query, and the index of the token that ends its
    deepest group.

    A group (braces, brackets or parentheses) is as deep as the weights of its tokens together, plus one,
    plus its deepest inner group: a chain inside a group builds a tree as deep as the chain is long, and an
    inner group may sit at the bottom of it. The rows of a VALUES block build no tree, a sign is no chain, and
    a ``^^`` only gives a literal its datatype.
    """
    # per open group: the weights of its tokens so far, its deepest inner group, where that one ends, and
    # whether it is in parentheses
    stack: list[list[int]] = [[0, 0, len(toks) - 1, 0]]
    weights = PATTERN_WEIGHTS
    values_at = 0  # while in the data block of a VALUES clause: how many groups are open there
    term_before = False  # the token before ends a term: the next term is the next item of a collection
    datatype = False  # the token before is ``^^``: the next term is part of the literal before
    describing = False  # in the list of resources after DESCRIBE
    for i, t in enumerate(toks):
        kind = t.kind
        if kind in _TERMS:
            if describing:
                stack[-1][0] += DESCRIBED
            elif term_before and not datatype and stack[-1][3] and not values_at:
                stack[-1][0] += COLLECTION_ITEM
            term_before, datatype = True, False
            continue
        if kind == "lang":
            continue  # part of the literal before
        text = t.text
        if kind == "punct":
            if text in OPEN:
                describing = False
                if not values_at:
                    stack[-1][0] += weights.get(text, 0)
                    if text == "(" and stack[-1][3] and toks[i - 1].text == ")":
                        stack[-1][0] += JUXTAPOSED
                    elif text == "{" and i + 1 < len(toks) and toks[i + 1].text.upper() == "SELECT":
                        stack[-1][0] += SUBQUERY - 1
                stack.append([0, 0, i, text == "("])
                weights = CHAIN_WEIGHTS if text == "(" else PATTERN_WEIGHTS
                if values_at or (text == "{" and _opens_values(toks, i)):
                    values_at = values_at or len(stack) - 1
                term_before = datatype = False
                continue
            if text in CLOSE:
                if len(stack) > 1:
                    _close(stack, i)
                    weights = CHAIN_WEIGHTS if stack[-1][3] else PATTERN_WEIGHTS
                if values_at > len(stack) - 1:
                    values_at = 0
                term_before, datatype = True, False  # a collection may hold collections
                continue
        elif kind == "word":
            text = text.upper()
            if text in ("TRUE", "FALSE", "A"):
                if term_before and not datatype and stack[-1][3] and not values_at:
                    stack[-1][0] += COLLECTION_ITEM
                term_before, datatype = True, False
                continue
            describing = text == "DESCRIBE" and len(stack) == 1
        elif text == "^^":
            datatype = True
            continue
        if text in ("+", "-") and not term_before:
            continue  # a sign, which does not chain: ``IN (1, -1)``
        term_before = datatype = False
        if not values_at:
            stack[-1][0] += weights.get(text, 0)
    while len(stack) > 1:  # groups left open: the engine reports them, after this bound
        _close(stack, stack[-1][2])
    ops, child, end, _ = stack[0]
    return ops + child, end


def _close(stack: list[list[int]], end: int) -> None:
    ops, child, _, _ = stack.pop()
    depth = 1 + ops + child
    if depth > stack[-1][1]:
        stack[-1][1], stack[-1][2] = depth, end


def _opens_values(toks: list[Token], i: int) -> bool:
    """Whether the ``{`` at ``i`` opens the data block of ``VALUES ?x {`` or ``VALUES (?x ?y) {``."""
    j = i - 1
    if j >= 0 and toks[j].text == ")":
        j -= 1
        while j >= 0 and toks[j].kind == "var":
            j -= 1
        if j < 0 or toks[j].text != "(":
            return False
        j -= 1
    elif j >= 0 and toks[j].kind == "var":
        j -= 1
    else:
        return False
    return j >= 0 and toks[j].kind == "word" and toks[j].text.upper() == "VALUES"


REMEMBERED_CHARS = 4096
"""Queries up to this length are inspected once: clients repeat theirs, and 1,024 of them stay small."""


NOT_A_QUERY = (
    "an update is not a query: SPARQL Update goes in the 'update' parameter, and this endpoint is read-only"
)


def inspect(
    query: str, *, max_chars: int, max_depth: int, max_syntax_depth: int, max_rows: int, base: str = ""
) -> Inspected:
    """Refuse what must not run; return the form, the dataset and the text to run.

    :raises RequestEntityTooLarge: for a query longer than ``max_chars``.
    :raises BadRequest: for SPARQL Update sent as a query (an update is not a query), for SERVICE, over-deep
        nesting, a syntax tree deeper than ``max_syntax_depth``, or text that is no query.
    """
    read = _remembered if len(query) <= REMEMBERED_CHARS else _inspect
    return read(
        query,
        max_chars=max_chars,
        max_depth=max_depth,
        max_syntax_depth=max_syntax_depth,
        max_rows=max_rows,
        base=base,
    )


def _inspect(
    query: str, *, max_chars: int, max_depth: int, max_syntax_depth: int, max_rows: int, base: str
) -> Inspected:
    if len(query) > max_chars:
        raise RequestEntityTooLarge(
            f"query is {len(query)} characters long; the limit is {max_chars} (max_query_chars setting)"
        )
    toks = tokens(query, max_depth)
    depth, end = syntax_depth(toks)
    if depth > max_syntax_depth:
        line = query.count("\n", 0, toks[end].start) + 1
        raise BadRequest(
            "query chains too many operators, path steps or patterns: its syntax tree would be about "
            f"{depth} levels deep, deeper than {max_syntax_depth} (line {line}); "
            "the limit is the max_syntax_depth setting"
        )
    lowered = query.lower()
    if _may_name_service(query, lowered) and (
        any(t.kind == "word" and t.text.upper() == "SERVICE" for t in toks)
        or _SERVICE_ANYWHERE.search(_without_strings(toks, query))
    ):
        raise BadRequest("SERVICE (federated query) is disabled: this endpoint never fetches remote data")
    form = _form(toks)
    text, capped = (query, False) if form == "ASK" else _cap(query, toks, max_rows)
    default, named = _dataset(toks, base) if "from" in lowered else ((), ())
    return Inspected(form, text, default, named, capped)


def _may_name_service(query: str, lowered: str) -> bool:
    """False only when neither SERVICE check can fire, which spares most queries both. A SERVICE word token
    is ASCII, so it shows in ``lowered``; the pattern also folds a few other letters (such as U+017F, a long
    s), so text with any non-ASCII character is always checked. Blanking strings and comment lines only
    takes letters away."""
    return "service" in lowered or not query.isascii()


_remembered = functools.lru_cache(maxsize=1024)(_inspect)


def _without_strings(toks: list[Token], query: str) -> str:
    """The query with string literals and whole-line comments blanked out."""
    text = list(query)
    for t in toks:
        if t.kind == "string":
            text[t.start : t.start + len(t.text)] = " " * len(t.text)
    return re.sub(r"(?m)^[ \t]*#.*$", "", "".join(text))


def _form(toks: list[Token]) -> str:
    prologue = True
    for t in toks:
        if t.kind != "word":
            continue
        word = t.text.upper()
        if prologue and word in ("BASE", "PREFIX"):
            continue
        prologue = False
        if word in FORMS:
            return word
        if word in UPDATES:
            raise BadRequest(NOT_A_QUERY)
        break
    raise BadRequest("not a SPARQL query: expected SELECT, CONSTRUCT, DESCRIBE or ASK after the prologue")


def _dataset(toks: list[Token], base: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """IRIs of FROM and FROM NAMED clauses, resolved against BASE and PREFIX declarations."""
    prefixes: dict[str, str] = {}
    default: list[str] = []
    named: list[str] = []
    for i, t in enumerate(toks):
        word = t.text.upper() if t.kind == "word" and t.depth == 0 else ""
        if word == "BASE" and i + 1 < len(toks) and toks[i + 1].kind == "iri":
            base = _join(base, toks[i + 1].text[1:-1]) or base
        elif word == "PREFIX" and i + 2 < len(toks) and toks[i + 2].kind == "iri":
            prefixes[toks[i + 1].text.rstrip(":")] = _join(base, toks[i + 2].text[1:-1]) or ""
        elif word == "FROM" and i + 1 < len(toks):
            target = toks[i + 1]
            into = default
            if target.kind == "word" and target.text.upper() == "NAMED" and i + 2 < len(toks):
                target, into = toks[i + 2], named
            iri = _resolve(target, base, prefixes)
            if iri is not None:
                into.append(iri)
    return tuple(default), tuple(named)


def _resolve(token: Token, base: str, prefixes: dict[str, str]) -> str | None:
    """The IRI a token names, or None when it cannot be resolved (the engine then reports the error)."""
    if token.kind == "iri":
        return _join(base, token.text[1:-1])
    if token.kind == "pname":
        prefix, _, local = token.text.partition(":")
        return prefixes[prefix] + local if prefix in prefixes else None
    return None


def _join(base: str, iri: str) -> str | None:
    try:
        return urljoin(base, iri)
    except ValueError:
        return None


def _cap(query: str, toks: list[Token], max_rows: int) -> tuple[str, bool]:
    """Make the engine stop after ``max_rows`` solutions: lower a larger top-level LIMIT, or add one."""
    top = [t for t in toks if t.depth == 0]
    for i, t in enumerate(top):
        if (
            t.kind == "word"
            and t.text.upper() == "LIMIT"
            and i + 1 < len(top)
            and top[i + 1].kind == "number"
        ):
            number = top[i + 1]
            if not number.text.isdigit() or int(number.text) <= max_rows:
                return query, False  # a malformed LIMIT is the engine's to report
            end = number.start + len(number.text)
            return query[: number.start] + str(max_rows) + query[end:], True
    values = next((t for t in top if t.kind == "word" and t.text.upper() == "VALUES"), None)
    if values is not None:
        return query[: values.start] + f"LIMIT {max_rows}\n" + query[values.start :], True
    return f"{query}\nLIMIT {max_rows}", True
