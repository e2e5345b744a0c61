"""Edits of the registry files (``data/entities/*.yaml``) that keep them the editor's: comments, key order,
flow style and quoting stay as they were, and only the lines of the entries changed differ.

ruamel.yaml reads each file into a round-trip document. A file to edit that would come out different even
without the edit (an indentation ruamel does not reproduce) is refused rather than rewritten in another
layout: the diff an editor reviews shows the change and nothing else.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from kg.errors import InputError

_ORDER = ("id", "type", "wikidata", "name", "aliases", "contained_in", "description")
"""Where a new key goes: after the keys that come before it here."""


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 1 << 16  # never fold a long line of aliases
    return yaml


def _dump(data: Any) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def _flow(value: dict[str, str] | list[str]) -> CommentedMap | CommentedSeq:
    node = CommentedMap(value) if isinstance(value, dict) else CommentedSeq(value)
    node.fa.set_flow_style()
    return node


class RegistryFile:
    """One entity file as a round-trip document."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.original = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read file ({exc.__class__.__name__}: {exc})", file=path) from None
        try:
            self.data = _yaml().load(self.original)
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark is not None else None
            raise InputError(f"malformed YAML: {exc.problem or exc.context}", file=path, line=line) from None
        except YAMLError as exc:
            raise InputError(f"malformed YAML: {exc}", file=path) from None
        if self.data is None:
            self.data = CommentedSeq()
        if not isinstance(self.data, CommentedSeq):
            raise InputError("expected a list of entities", file=path, line=1)
        self.changed = False

    @property
    def text(self) -> str:
        """The file's text, edited.

        :raises InputError: for an edited file that ruamel.yaml would not write back as it was, edits aside.
        """
        if not self.changed:
            return self.original
        unedited = _dump(_yaml().load(self.original))
        if unedited != self.original:
            raise InputError(
                "newskg cannot edit this file without changing its layout (indentation or line breaks "
                "ruamel.yaml does not reproduce); write entries as the other entity files do",
                file=self.path,
                line=_first_difference(self.original, unedited),
            )
        return _dump(self.data)

    def entries(self) -> Iterator[CommentedMap]:
        yield from (e for e in self.data if isinstance(e, CommentedMap))

    def entry(self, entity_id: str) -> CommentedMap | None:
        return next((e for e in self.entries() if e.get("id") == entity_id), None)

    def line_of(self, entity_id: str) -> int | None:
        for index, entry in enumerate(self.data):
            if isinstance(entry, CommentedMap) and entry.get("id") == entity_id:
                return int(self.data.lc.item(index)[0]) + 1
        return None

    def set(self, entry: CommentedMap, key: str, value: Any) -> None:
        """Set ``key`` of ``entry``, a new key in its place by :data:`_ORDER`."""
        if key in entry:
            entry[key] = value
        else:
            before = _ORDER[: _ORDER.index(key)] if key in _ORDER else _ORDER
            position = sum(1 for k in entry if k in before)
            entry.insert(position, key, value)
        self.changed = True

    def add_aliases(self, entry: CommentedMap, forms: Iterable[str]) -> list[str]:
        """Add the forms the entry does not name yet (spaces normalized); the ones added."""
        names = entry.get("name") or {}
        aliases = entry.get("aliases")
        if isinstance(aliases, str):
            aliases = [aliases]
        have = {" ".join(str(f).split()) for f in [*names.values(), *(aliases or [])]}
        added = []
        for form in forms:
            form = " ".join(form.split())
            if form and form not in have:
                have.add(form)
                added.append(form)
        if not added:
            return []
        if isinstance(entry.get("aliases"), CommentedSeq):
            entry["aliases"].extend(added)
            self.changed = True
        else:
            self.set(entry, "aliases", _flow([*(aliases or []), *added]))
        return added

    def remove(self, entity_id: str) -> CommentedMap:
        for index, entry in enumerate(self.data):
            if isinstance(entry, CommentedMap) and entry.get("id") == entity_id:
                del self.data[index]
                self.changed = True
                return entry
        raise KeyError(entity_id)

    def append(self, fields: dict[str, Any], comment: str) -> None:
        """A new entry at the end, ``comment`` above it; names and aliases in flow style as the others."""
        entry = CommentedMap()
        for key in _ORDER:
            if key in fields:
                value = fields[key]
                entry[key] = _flow(value) if isinstance(value, dict | list) else value
        self.data.append(entry)
        self.data.yaml_set_comment_before_after_key(len(self.data) - 1, before=comment)
        self.changed = True


def _first_difference(a: str, b: str) -> int:
    for number, (x, y) in enumerate(zip(a.splitlines(), b.splitlines(), strict=False), 1):
        if x != y:
            return number
    return min(len(a.splitlines()), len(b.splitlines())) + 1
