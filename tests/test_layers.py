"""Dependencies go one way, down to sub-packages: server uses kg, never the reverse; kg serves no HTTP (it is
only a client of a remote store); readers know nothing of stores; where queries run knows no web framework.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

WEB = {"flask", "werkzeug", "gunicorn"}


def modules(package: str) -> list[Path]:
    """Every module of a package, its sub-packages included."""
    found = sorted((ROOT / package.replace(".", "/")).rglob("*.py"))
    assert found, package
    return found


def imported(path: Path) -> set[str]:
    """Absolute module names ``path`` imports (``from a.b import c`` gives ``a.b`` and ``a.b.c``)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def roots(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


def under(names: set[str], package: str) -> set[str]:
    return {n for n in names if n == package or n.startswith(package + ".")}


@pytest.mark.parametrize("path", modules("kg"), ids=lambda p: str(p.relative_to(ROOT)))
def test_kg_imports_no_web_framework_and_not_the_server(path: Path) -> None:
    assert not roots(imported(path)) & (WEB | {"server"})


@pytest.mark.parametrize("path", modules("server.execution"), ids=lambda p: str(p.relative_to(ROOT)))
def test_where_queries_run_imports_no_web_framework(path: Path) -> None:
    """The query processes, the zygote and the pool are plain processes and sockets; HTTP lives above them."""
    names = imported(path)
    assert not roots(names) & WEB
    assert not {n for n in under(names, "server") if not n.startswith(("server.execution", "server.cache"))}


@pytest.mark.parametrize("path", modules("kg.read"), ids=lambda p: str(p.relative_to(ROOT)))
def test_readers_know_nothing_of_stores_rdf_or_validation(path: Path) -> None:
    """text -> model: a reader makes the article model; mapping it to RDF and storing it come after."""
    names = imported(path)
    assert not under(names, "kg.store") | under(names, "kg.shacl") | under(names, "kg.mapping")
    assert "pyoxigraph" not in roots(names)


@pytest.mark.parametrize("path", modules("kg.extract"), ids=lambda p: str(p.relative_to(ROOT)))
def test_extraction_reads_text_only(path: Path) -> None:
    names = imported(path)
    assert not under(names, "kg.store") | under(names, "kg.shacl") | under(names, "kg.mapping")


def test_only_the_remote_store_speaks_http() -> None:
    """The SPARQL protocol client for a remote store (and its server dialects) is the one place kg talks to
    the network."""
    users = {str(p.relative_to(ROOT)) for p in modules("kg") if roots(imported(p)) & {"requests", "urllib3"}}
    assert "kg/store/remote.py" in users
    assert all(u.startswith("kg/store/") for u in users), users


def test_only_the_shacl_package_imports_pyshacl() -> None:
    users = {str(p.relative_to(ROOT)) for p in modules("kg") if "pyshacl" in roots(imported(p))}
    assert users and all(u.startswith("kg/shacl/") for u in users)


def test_the_mapping_is_pure() -> None:
    """model -> RDF without touching the store."""
    assert not under(imported(ROOT / "kg" / "mapping.py"), "kg.store")


def test_the_name_kg_validate_means_one_thing() -> None:
    """``kg.validate`` is the function; no module of that name competes with it."""
    import kg

    assert callable(kg.validate)
    assert not (ROOT / "kg" / "validate.py").exists() and not (ROOT / "kg" / "validate").exists()
