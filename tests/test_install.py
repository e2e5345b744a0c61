"""newskg as a user installs it: the wheel, in a fresh virtual environment, without ``-e``, run from a folder
that is not the repository. The shapes, the context and the templates must come with it: a gate that finds
no shapes would let everything through."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT

BROKEN = """\
@prefix schema: <http://schema.org/> .
<https://kg.example.org/article/broken> a schema:NewsArticle .
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The ``newskg`` command of a fresh venv holding the wheel built from this checkout."""
    work = tmp_path_factory.mktemp("install")
    wheels = work / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(ROOT)],
        check=True,
        timeout=600,
    )
    (wheel,) = wheels.glob("newskg-*.whl")
    subprocess.run([sys.executable, "-m", "venv", str(work / "venv")], check=True, timeout=300)
    pip = work / "venv" / "bin" / "pip"
    subprocess.run([str(pip), "install", "--quiet", str(wheel)], check=True, timeout=900)
    yield work / "venv" / "bin" / "newskg"


def newskg(command: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(command), *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_it_is_not_the_checkout_that_runs(installed: Path, tmp_path: Path) -> None:
    probe = installed.with_name("python")
    found = subprocess.run(
        [str(probe), "-c", "import kg, server; print(kg.__file__); print(server.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(ROOT) not in found and "site-packages" in found


def test_validate_fails_a_broken_file(installed: Path, tmp_path: Path) -> None:
    (tmp_path / "broken.ttl").write_text(BROKEN, encoding="utf-8")
    result = newskg(installed, "validate", "broken.ttl", cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "does not conform" in result.stdout and "headline" in result.stdout


def test_build_in_an_empty_folder_with_only_data_then_validate_its_export(
    installed: Path, tmp_path: Path
) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    built = newskg(installed, "build", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert "conforms to the shapes" in built.stdout
    exported = newskg(installed, "export", "--format", "turtle", "-o", "graph.ttl", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    checked = newskg(installed, "validate", "graph.ttl", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.startswith("conforms")


def test_the_installed_server_renders_its_pages(installed: Path, tmp_path: Path) -> None:
    """Templates and static files are package data too: ``serve --data`` of one file answers a page."""
    shutil.copytree(DATA, tmp_path / "data")
    assert newskg(installed, "build", cwd=tmp_path).returncode == 0
    result = newskg(installed, "serve", "--get", "/", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "<html" in result.stdout and "yasgui" in result.stdout


def test_the_installed_extractor_has_its_models(installed: Path, tmp_path: Path) -> None:
    """The name tagger, the gazetteers and the quotation model ship in the wheel: direct speech is found."""
    shutil.copytree(DATA, tmp_path / "data")
    result = newskg(installed, "extract", "data/articles/dw-2025-10-17-trump-putin-budapest", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"form":"direct"' in result.stdout and '"known":false' in result.stdout
