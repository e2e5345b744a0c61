"""The editor's verdicts on machine facts: the ``machine:`` section of ``annotations.yaml``.

The extractor's facts (:mod:`kg.extract`) enter an article's graph as machine facts, each with a stable id
made of its kind and the offsets of its span (``quote-7002-7174``, ``role-93-118``, ``event-5003-5010``,
``mention-466-480``): the same while the text stays the same. Here an editor confirms, corrects or rejects
them by that id, and may say what becomes of the machine facts the file does not mention (``unreviewed``). The
format is documented in ``docs/annotations.md``; what the verdicts do is :mod:`kg.extracted`'s business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.dates import PartialDate
from kg.errors import InputError
from kg.read.yamldoc import Fields, Mapping, Sequence, load

VERDICTS = ("open", "confirm", "correct", "reject")
"""``open``: not reviewed yet (what ``newskg extract --template`` writes); ``confirm``: the fact is right as
the extractor made it; ``correct``: right once the fields given replace the extractor's; ``reject``: wrong."""

UNREVIEWED = ("keep", "reject")
"""What becomes of the machine facts the file gives no verdict on: ``keep`` them as machine facts (the
default), or ``reject`` them (the editor has reviewed the whole article)."""

FACT_ID = re.compile(r"(mention|quote|role|event)-([0-9]+)-([0-9]+)(?:-([0-9]+))?")
"""A machine fact's id: its kind, the start and end of its (first) span, and a number when two facts of a
kind share a span."""

FIELDS: dict[str, frozenset[str]] = {
    "mention": frozenset({"entity", "type"}),
    "quote": frozenset({"speaker", "form"}),
    "role": frozenset({"person", "role", "of", "former"}),
    "event": frozenset({"kind", "status", "date", "location", "attendees"}),
}
"""What a verdict may state about each kind of fact (the template writes them all)."""

_META = frozenset({"id", "verdict", "note"})


@dataclass(frozen=True)
class Verdict:
    """One entry of ``machine.facts``: the fact's id, what the editor decided, and the fields stated."""

    id: str
    verdict: str
    fields: dict[str, Any]
    line: int

    @property
    def kind(self) -> str:
        return self.id.split("-", 1)[0]


@dataclass(frozen=True)
class Verdicts:
    """The ``machine:`` section of one annotations file (empty when the file has none)."""

    path: Path | None = None
    unreviewed: str = "keep"
    facts: tuple[Verdict, ...] = ()
    by_id: dict[str, Verdict] = field(default_factory=dict)

    def error(self, verdict: Verdict | None, message: str) -> InputError:
        line = verdict.line if verdict else None
        return InputError(
            message, file=self.path, line=line, field=f"machine.{verdict.id}" if verdict else None
        )


def _value(f: Fields, key: str, kind: str) -> Any:
    value = f.data.get(key)
    if value is None:
        return None
    if key == "attendees":
        return f.texts(key)
    if key == "former":
        if not isinstance(value, bool):
            raise f.error(key, "expected true or false")
        return value
    if key == "date":
        if isinstance(value, Mapping):
            w = Fields(value, f.path, f"{f.what}.date", f.line(key))
            w.check_keys({"from", "to"})
            start, end = (_date(w, k) for k in ("from", "to"))
            if start is None or end is None or start.precision != "day" or end.precision != "day":
                raise w.error(None, "expected a window as {from: YYYY-MM-DD, to: YYYY-MM-DD}")
            if end.first_day < start.first_day:
                raise w.error("to", f"window ends ({end.text}) before it starts ({start.text})")
            return (start, end)
        return _date(f, key)
    return f.text(key)


def _date(f: Fields, key: str) -> PartialDate | None:
    text = f.text(key, required=False)
    if text is None:
        return None
    try:
        return PartialDate.parse(text)
    except ValueError as exc:
        raise f.error(key, str(exc)) from None


def read_verdicts(data: Any, path: Path) -> Verdicts:
    """The verdicts of the ``machine:`` value of an annotations file (already loaded with line numbers).

    :raises InputError: naming the file and line of a malformed entry.
    """
    if data is None:
        return Verdicts(path)
    top = Fields(data, path, "machine", getattr(data, "line", None))
    top.check_keys({"unreviewed", "facts"})
    unreviewed = top.text("unreviewed", required=False) or "keep"
    if unreviewed not in UNREVIEWED:
        raise top.error("unreviewed", f"expected one of: {', '.join(UNREVIEWED)}, got {unreviewed!r}")
    items = data.get("facts")
    if items is not None and not isinstance(items, Sequence):
        raise top.error("facts", "expected a list of {id: ..., verdict: ...}")
    verdicts: list[Verdict] = []
    seen: dict[str, int] = {}
    for i, (item, line) in enumerate(zip(items or [], getattr(items, "lines", []), strict=True)):
        f = Fields(item, path, f"machine.facts[{i}]", line)
        fact_id = str(f.text("id"))
        match = FACT_ID.fullmatch(fact_id)
        if match is None:
            raise f.error("id", f"{fact_id!r} is not a machine fact id (such as quote-7002-7174)")
        kind = match.group(1)
        f.check_keys(_META | FIELDS[kind])
        verdict = f.text("verdict", required=False) or "open"
        if verdict not in VERDICTS:
            raise f.error("verdict", f"expected one of: {', '.join(VERDICTS)}, got {verdict!r}")
        if fact_id in seen:
            raise f.error("id", f"{fact_id!r} has a verdict already (line {seen[fact_id]})")
        seen[fact_id] = f.line()
        fields = {k: _value(f, k, kind) for k in FIELDS[kind] if k in f.data}
        if verdict == "correct" and not fields:
            raise f.error("verdict", "a correction states the fields that differ (speaker, date, kind, ...)")
        verdicts.append(Verdict(fact_id, verdict, fields, f.line()))
    return Verdicts(path, unreviewed, tuple(verdicts), {v.id: v for v in verdicts})


def load_verdicts(path: Path | None) -> Verdicts:
    """The ``machine:`` section of the annotations file at ``path`` (None: no file, no verdicts)."""
    if path is None:
        return Verdicts()
    data = load(path)
    if not isinstance(data, Mapping):
        return Verdicts(path)
    return read_verdicts(data.get("machine"), path)
