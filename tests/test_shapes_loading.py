"""The shapes are the gate: a validation that finds no shapes, or a shapes file that does not parse, is an
error (exit 2), never "conforms"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.shacl import ShapesUnavailable, shapes
from server.cli import cli

ARTICLE_WITHOUT_HEADLINE = """\
@prefix schema: <http://schema.org/> .
<https://kg.example.org/article/broken> a schema:NewsArticle .
"""


@pytest.fixture
def ontology(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An ontology folder standing in for the one the package ships; the shapes are read again."""
    folder = tmp_path / "ontology"
    (folder / "shapes").mkdir(parents=True)
    monkeypatch.setattr(shapes, "ONTOLOGY", folder)
    shapes.shapes_graph.cache_clear()
    yield folder
    shapes.shapes_graph.cache_clear()


def validate(tmp_path: Path) -> tuple[int, str]:
    data = tmp_path / "article.ttl"
    data.write_text(ARTICLE_WITHOUT_HEADLINE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(data)])
    return result.exit_code, result.output


def test_the_shipped_shapes_are_found_and_judge(tmp_path: Path) -> None:
    shapes.shapes_graph.cache_clear()
    code, output = validate(tmp_path)
    assert code == 1 and "does not conform" in output


def test_no_shapes_is_an_error_not_conforms(ontology: Path, tmp_path: Path) -> None:
    code, output = validate(tmp_path)
    assert code == 2
    assert "no SHACL shapes" in output and "conforms" not in output


def test_a_shapes_file_that_does_not_parse_is_an_error(ontology: Path, tmp_path: Path) -> None:
    (ontology / "shapes" / "broken.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\nsh:x sh:y", "utf-8"
    )
    code, output = validate(tmp_path)
    assert code == 2 and "broken.ttl does not parse" in output


def test_load_shapes_names_the_folder(tmp_path: Path) -> None:
    with pytest.raises(ShapesUnavailable, match=str(tmp_path)):
        shapes.load_shapes(tmp_path)
