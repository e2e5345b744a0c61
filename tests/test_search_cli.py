"""``newskg search QUERY`` (issue 22): the index beside a store read from the command line, through click's
runner, and through the installed ``newskg`` once :mod:`kg.cli` registers the command."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.search.cli import search
from tests.conftest import BASE, NEWSKG, SEED_SLUG
from tests.test_search_server import seed_index

SEED = f"{BASE}article/{SEED_SLUG}"


@pytest.fixture(scope="module")
def store(seed_store_dir: Path) -> str:
    seed_index(seed_store_dir)
    return str(seed_store_dir)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(search, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_hits_are_printed_by_kind_with_the_snippet(store: str) -> None:
    code, out, _ = run("Waffenruhe", "--store", store)
    assert code == 0
    assert out.splitlines()[0] == "article (1)"
    assert f"  2025-10-17  Trump kündigt Treffen mit Putin in Budapest an  <{SEED}>" in out
    assert "also das Waffenruhe-Abkommen" in out
    assert "event (1)" in out and f"<{BASE}event/gaza-ceasefire-2025-10>" in out


def test_json_gives_the_shape_of_the_server_without_its_pages(store: str) -> None:
    code, out, _ = run("Szijjártó", "--store", store, "--json", "--type", "article,person", "--limit", "5")
    assert code == 0
    found = json.loads(out)
    assert found["query"] == "Szijjártó" and list(found["results"]) == ["article", "person"]
    [article] = found["results"]["article"]
    assert article["iri"] == SEED and "<mark>Szijjarto</mark>" in article["snippet"]["html"]
    assert article["matches"] and "page" not in article
    assert [p["iri"] for p in found["results"]["person"]] == [f"{BASE}person/peter-szijjarto"]


def test_quotations_name_their_speaker(store: str) -> None:
    code, out, _ = run("Gipfel", "--store", store, "--type", "quotation")
    assert code == 0 and out.startswith("quotation (") and "      said by " in out


def test_filters_narrow_and_nothing_found_exits_1(store: str) -> None:
    assert run("Putin", "--store", store, "--type", "article", "--from", "2025-10-17")[0] == 0
    code, out, err = run("Putin", "--store", store, "--type", "article", "--from", "2025-10-18")
    assert (code, out, err.strip()) == (1, "", "nothing found")
    code, out, _ = run("--store", store, "--type", "article", "--entity", f"{BASE}person/peter-szijjarto")
    assert code == 0 and f"<{SEED}>" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["x", "--type", "novel"], "unknown type novel"),
        (["x", "--limit", "0"], "0 is not in the range"),
        (["x", "--from", "17.10.2025"], "'17.10.2025' does not match the format"),
        ([], "give a QUERY or a filter"),
    ],
)
def test_bad_options_are_usage_errors(store: str, args: list[str], message: str) -> None:
    code, _, err = run(*args, "--store", store)
    assert code == 2 and message in err


def test_a_store_without_an_index_and_a_remote_store_without_index_are_one_line_errors(
    tmp_path: Path,
) -> None:
    code, _, err = run("x", "--store", str(tmp_path / "store"))
    assert code == 2 and err.startswith("error: no search index at ") and len(err.splitlines()) == 1
    code, _, err = run("x", "--store", "http://127.0.0.1:9/sparql")
    assert code == 2 and "give --index PATH" in err


def test_the_installed_newskg_searches(store: str) -> None:
    done = subprocess.run(
        [NEWSKG, "search", "Waffenruhe", "--store", store, "--type", "article", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert [h["iri"] for h in json.loads(done.stdout)["results"]["article"]] == [SEED]
