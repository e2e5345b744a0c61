"""YAML that remembers where things are, so errors can name the file and line.

Editors write annotations and entity lists by hand; a message like ``annotations.yaml:42: speaker`` saves them
a search.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kg.errors import InputError


class Mapping(dict[str, Any]):
    """A YAML mapping with the line of the mapping and of each key (1-based)."""

    line: int = 0
    lines: dict[str, int]


class Sequence(list[Any]):
    """A YAML sequence with the line of the sequence and of each item (1-based)."""

    line: int = 0
    lines: list[int]


class _Constructors:
    """Build :class:`Mapping` and :class:`Sequence` with their lines; refuse non-text and duplicate keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Mapping:
        out = Mapping()
        out.line = node.start_mark.line + 1
        out.lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)  # type: ignore[attr-defined]
            if not isinstance(key, str):
                raise InputError("keys must be text", line=key_node.start_mark.line + 1)
            if key in out:
                raise InputError(f"duplicate key {key!r}", line=key_node.start_mark.line + 1)
            out[key] = self.construct_object(value_node, deep=True)  # type: ignore[attr-defined]
            out.lines[key] = key_node.start_mark.line + 1
        return out

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> Sequence:
        out = Sequence(self.construct_object(child, deep=True) for child in node.value)  # type: ignore[attr-defined]
        out.line = node.start_mark.line + 1
        out.lines = [child.start_mark.line + 1 for child in node.value]
        return out


class _Loader(_Constructors, yaml.SafeLoader):
    """PyYAML's own parser: its syntax error messages say what it expected and what it found."""


class _FastLoader(_Constructors, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """LibYAML's parser where PyYAML has it: 10x faster, but terser about syntax errors."""


for _loader in (_Loader, _FastLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Constructors.construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _Constructors.construct_sequence)
    # Dates stay text: editors write 2025-08 or 2025-10-17 and PartialDate decides the precision.
    _loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def load(path: Path) -> Any:
    """Load one YAML file; syntax errors and unreadable files become :class:`InputError`."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read file ({exc.__class__.__name__}: {exc})", file=path) from None
    try:
        try:
            return yaml.load(text, Loader=_FastLoader)
        except yaml.YAMLError:
            return yaml.load(text, Loader=_Loader)  # fails again, with PyYAML's clearer message
    except InputError as exc:
        raise InputError(exc.message, file=path, line=exc.line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise InputError(f"malformed YAML: {exc.problem or exc.context}", file=path, line=line) from None
    except yaml.YAMLError as exc:
        raise InputError(f"malformed YAML: {exc}", file=path) from None


class Fields:
    """Typed access to a YAML mapping that turns every mistake into an :class:`InputError`."""

    def __init__(self, data: Any, path: Path, what: str, line: int | None = None) -> None:
        if not isinstance(data, Mapping):
            raise InputError(f"expected a mapping for {what}", file=path, line=line)
        self.data, self.path, self.what = data, path, what

    def line(self, key: str | None = None) -> int:
        return self.data.lines.get(key, self.data.line) if key else self.data.line

    def error(self, key: str | None, message: str, line: int | None = None) -> InputError:
        field = f"{self.what}.{key}" if key else self.what
        return InputError(message, file=self.path, line=line or self.line(key), field=field)

    def check_keys(self, allowed: set[str]) -> None:
        for key in self.data:
            if key not in allowed:
                raise self.error(key, f"unknown key (expected one of: {', '.join(sorted(allowed))})")

    def text(self, key: str, *, required: bool = True) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.error(key, "missing (expected text)", self.line())
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            kind = (
                "a list"
                if isinstance(value, list)
                else "a mapping"
                if isinstance(value, dict)
                else "a yes/no value"
            )
            raise self.error(key, f"expected text, got {kind}")
        return str(value)

    def texts(self, key: str) -> tuple[str, ...]:
        """A string or a list of strings; absent means empty."""
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        raise self.error(key, "expected text or a list of texts")

    def labels(self, key: str, *, required: bool = True) -> dict[str, str]:
        """Language-tagged text: ``{de: ..., en: ...}``."""
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.error(key, "missing (expected {de: ..., en: ...})", self.line())
            return {}
        if not isinstance(value, dict) or not value:
            raise self.error(key, "expected language-tagged text such as {de: ..., en: ...}")
        for lang, text in value.items():
            if not isinstance(text, str) or not text.strip():
                raise self.error(key, f"label for {lang!r} must be non-empty text")
        return {str(lang): text for lang, text in value.items()}
