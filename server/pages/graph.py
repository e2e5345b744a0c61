"""The pages' reads of the graph: SELECTs through the query pool, results as plain Python values.

A page asks once for its facts (:func:`select_parts`: several SELECTs as one query) and once for the labels
of what it links to. IRIs put into queries come from URLs, so they are checked against the SPARQL IRIREF
grammar first.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

from werkzeug.exceptions import NotFound

from kg.vocab import PREFIXES, XSD
from server import current
from server.execution.job import QueryJob

_IRI = re.compile(r'[^<>"{}|^`\\\x00-\x20]+')
_PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
SPARQL_JSON = "application/sparql-results+json"
MONTHS = tuple(calendar.month_name[1:])


@dataclass(frozen=True)
class Term:
    """One RDF term of a result row."""

    kind: str
    value: str
    lang: str = ""
    datatype: str = ""

    @property
    def is_iri(self) -> bool:
        return self.kind == "uri"

    def __str__(self) -> str:
        return self.value

    @property
    def human(self) -> str:
        """Dates at their precision ("August 2025", "2023"), everything else as is."""
        return human_date(self.value, self.datatype) if self.datatype.startswith(XSD) else self.value


def human_date(value: str, datatype: str) -> str:
    kind = datatype.removeprefix(XSD)
    try:
        if kind == "gYear":
            return value
        if kind == "gYearMonth":
            year, month = value.split("-")[:2]
            return f"{MONTHS[int(month) - 1]} {year}"
        if kind == "date":
            day = dt.date.fromisoformat(value)
            return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        if kind == "dateTime":
            moment = dt.datetime.fromisoformat(value)
            offset = moment.strftime("%z")
            zone = f" (UTC{offset[:3]}:{offset[3:]})" if offset else ""
            return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}, {moment:%H:%M}{zone}"
    except (ValueError, IndexError):
        return value
    return value


def iri_ref(iri: str) -> str:
    """``<iri>`` for a query, or 404 for text that is no IRI."""
    if not _IRI.fullmatch(iri):
        raise NotFound("no such resource")
    return f"<{iri}>"


Row = dict[str, Term]
_SELECT = re.compile(r"SELECT(\s+DISTINCT)?\s")


def run(query: str, media_type: str) -> bytes:
    """A query of the pages, through the same pool, time limit and union default graph as /sparql (the newskg
    prefixes are declared)."""
    limit = float(current.settings()["sparql_time_limit_s"])
    return current.pool().run(QueryJob(_PROLOGUE + query, media_type), limit)


def select(query: str) -> list[Row]:
    """Run a SELECT and return its rows."""
    data = json.loads(run(query, SPARQL_JSON))
    return [
        {
            name: Term(v["type"], v["value"], v.get("xml:lang", ""), v.get("datatype", ""))
            for name, v in row.items()
        }
        for row in data["results"]["bindings"]
    ]


def select_parts(parts: Mapping[str, str]) -> dict[str, list[Row]]:
    """Several SELECTs answered in one round trip: each becomes a sub-select tagged with its name, the
    union of them one query. A sub-select's order does not survive the union: callers sort what they show.
    """
    tagged = []
    for name, query in parts.items():
        match = _SELECT.match(query)
        if match is None:
            raise ValueError(f"part {name!r} is not a SELECT query")
        tagged.append(f"{{ {match.group(0)}('{name}' AS ?part_) {query[match.end() :]} }}")
    found: dict[str, list[Row]] = {name: [] for name in parts}
    for row in select("SELECT * WHERE { " + " UNION ".join(tagged) + " }"):
        found[row.pop("part_").value].append(row)
    return found


def ask(query: str) -> bool:
    return bool(json.loads(run(query, SPARQL_JSON))["boolean"])


def labels(iris: set[str]) -> dict[str, str]:
    """A display label for each IRI: its English name, else German, else headline or role name."""
    found: dict[str, tuple[int, str]] = {}
    if not iris:
        return {}
    values = " ".join(iri_ref(i) for i in sorted(iris))
    rows = select(
        f"SELECT ?s ?label WHERE {{ VALUES ?s {{ {values} }} "
        "?s schema:name|schema:headline|schema:roleName|schema:text|schema:caption|rdfs:label ?label }"
    )
    rank = {"en": 0, "": 1, "de": 2}
    for row in rows:
        score = rank.get(row["label"].lang, 3)
        iri = row["s"].value
        if iri not in found or score < found[iri][0]:
            found[iri] = (score, row["label"].value)
    return {iri: label for iri, (_, label) in found.items()}
