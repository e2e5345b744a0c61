"""Dependencies go one way: server uses kg, never the reverse; kg serves no HTTP, it is only a client."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

FORBIDDEN_IN_KG = {"flask", "werkzeug", "gunicorn", "server"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_kg_imports_no_web_framework_and_not_the_server() -> None:
    for path in sorted((ROOT / "kg").glob("*.py")):
        assert not imported_modules(path) & FORBIDDEN_IN_KG, path.name


def test_only_the_remote_store_speaks_http() -> None:
    """The SPARQL protocol client for a remote store is the one place kg talks to the network."""
    users = {p.name for p in (ROOT / "kg").glob("*.py") if "requests" in imported_modules(p)}
    assert users == {"remote.py"}


def test_only_validate_imports_pyshacl() -> None:
    users = {p.name for p in (ROOT / "kg").glob("*.py") if "pyshacl" in imported_modules(p)}
    assert users == {"validate.py"}


def test_the_pipeline_modules_are_pure() -> None:
    """text, annotations and mapping turn input into model into RDF without touching the store."""
    for name in ("text.py", "mapping.py", "annotations.py", "entities.py"):
        assert "kg.store" not in (ROOT / "kg" / name).read_text(encoding="utf-8"), name
