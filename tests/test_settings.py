"""Settings are data: typed overrides, clear errors, and every one documented."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import requests

from kg.errors import NewsKGError
from server import AUTO_MEMORY_TRIPLES, store_mode
from server.dataset import DatasetInfo
from server.settings import SETTINGS, parse_value, resolve
from tests.conftest import NEWSKG, ROOT, LiveServer


def test_overrides_take_the_type_of_the_default() -> None:
    settings = resolve([("sparql_time_limit_s", "2.5"), ("executors", "4"), ("cors", "off")])
    assert settings["sparql_time_limit_s"] == 2.5
    assert settings["executors"] == 4
    assert settings["cors"] is False


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        ("nope", "1", "unknown setting 'nope'"),
        ("executors", "many", "executors expects a int"),
        ("sparql_time_limit_s", "-1", "must be positive"),
        ("sparql_time_limit_s", "0", "must be positive"),
        ("result_cache_mb", "-1", "must be at least 0"),
        ("cors", "maybe", "cors expects a bool"),
        ("store_mode", "cloud", "'auto', 'memory' or 'disk'"),
    ],
)
def test_bad_values_are_refused_with_the_setting_name(name: str, raw: str, message: str) -> None:
    with pytest.raises(NewsKGError, match=message):
        parse_value(name, raw)


def test_query_processes_may_not_outnumber_the_executors_they_share(seed_store_dir: Path) -> None:
    assert resolve([("executors", "4"), ("query_processes", "4")])["query_processes"] == 4
    settings = ["-s", "executors", "2", "-s", "query_processes", "3"]
    result = subprocess.run(
        [NEWSKG, "serve", "--store", str(seed_store_dir), *settings],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "query_processes (3) must be at most executors (2)" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_result_cache_may_be_turned_off() -> None:
    assert parse_value("result_cache_mb", "0") == 0


def test_every_setting_is_documented() -> None:
    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"| `{setting.name}` |" in doc, setting.name


def test_every_command_is_in_the_readme() -> None:
    from server.cli import cli

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"`newskg {name}" in readme, name


def test_store_mode_auto_serves_a_small_store_from_memory(live_server: LiveServer) -> None:
    assert requests.get(live_server.url + "/-/executors.json").json()["store_mode"] == "memory"


@pytest.mark.parametrize(
    ("setting", "triples", "mode"),
    [
        ("auto", AUTO_MEMORY_TRIPLES, "memory"),
        ("auto", AUTO_MEMORY_TRIPLES + 1, "disk"),
        ("memory", 10**9, "memory"),
    ],
)
def test_store_mode_auto_switches_to_disk_for_a_large_store(setting: str, triples: int, mode: str) -> None:
    assert (
        store_mode(setting, DatasetInfo(graphs={"https://kg.example.org/graph/a": triples}, quads=triples))
        == mode
    )
