"""Settings are data: typed overrides, clear errors, and every one documented."""

from __future__ import annotations

import pytest

from kg.errors import NewsKGError
from server.settings import SETTINGS, parse_value, resolve
from tests.conftest import ROOT


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
        ("cors", "maybe", "cors expects a bool"),
        ("store_mode", "cloud", "'memory' or 'disk'"),
    ],
)
def test_bad_values_are_refused_with_the_setting_name(name: str, raw: str, message: str) -> None:
    with pytest.raises(NewsKGError, match=message):
        parse_value(name, raw)


def test_every_setting_is_documented() -> None:
    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"| `{setting.name}` |" in doc, setting.name


def test_every_command_is_in_the_readme() -> None:
    from server.cli import cli

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"`newskg {name}" in readme, name
