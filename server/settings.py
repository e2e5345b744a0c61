"""Server settings as data: one table drives ``--help-settings``, ``-s NAME VALUE``, ``/-/settings.json`` and
``docs/settings.md`` (a test checks every setting is documented there)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kg.errors import NewsKGError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    minimum: float = 1e-9
    """The smallest value allowed (numbers only)."""


SETTINGS: tuple[Setting, ...] = (
    Setting("sparql_time_limit_s", 10.0, "Longest a query may run; it is then cancelled with 503."),
    Setting("dump_time_limit_s", 600.0, "Longest writing one dump file may take."),
    Setting("max_request_bytes", 1_000_000, "Largest request body; larger requests get 413."),
    Setting("max_query_chars", 100_000, "Longest query text; longer queries get 413."),
    Setting("max_query_depth", 64, "Deepest nesting of braces, brackets and parentheses in a query."),
    Setting(
        "max_syntax_depth",
        1000,
        "Deepest syntax tree a query may build: operators, path steps and patterns chained, and nesting.",
    ),
    Setting(
        "max_result_rows", 100_000, "Most solutions a query returns; more are cut off (X-SPARQL-Max-Rows)."
    ),
    Setting(
        "executors",
        4,
        "Queries that run at the same time in the server, shared by its workers "
        "(with a remote store, requests at once per worker).",
    ),
    Setting(
        "query_processes",
        1,
        "Processes the executors are spread over; each holds its own view of the store. A query cut off "
        "ends its process, and the others running there start again in its replacement.",
    ),
    Setting("queue_timeout_s", 2.0, "How long a query waits for a free query process before 503."),
    Setting(
        "client_timeout_s",
        30.0,
        "A client connection that sends nothing for this long, within a request or between two, is closed.",
        minimum=1,
    ),
    Setting(
        "query_memory_mb", 2048, "Memory a query process may allocate beyond the store; more ends the query."
    ),
    Setting(
        "store_mode",
        "auto",
        "'memory': query processes share one in-RAM copy of the store; 'disk': they read RocksDB; "
        "'auto': memory up to 500,000 triples, disk beyond.",
    ),
    Setting(
        "result_cache_mb",
        64,
        "Answers and responses to repeated queries kept per server worker (0: none); the store is read-only "
        "while served.",
        minimum=0,
    ),
    Setting("cors", True, "Allow reads from any origin (Access-Control-Allow-Origin: *, no credentials)."),
    Setting(
        "max_validation_quads",
        500_000,
        "Largest graph /validation checks in the server; beyond, use newskg validate.",
    ),
    Setting("base_iri", "", "Base IRI of the graph's minted IRIs; empty means NEWSKG_BASE or the default."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def parse_value(name: str, raw: str) -> Any:
    """Convert ``raw`` to the type of the setting's default.

    :raises NewsKGError: for an unknown setting or a value of the wrong type.
    """
    setting = _BY_NAME.get(name)
    if setting is None:
        raise NewsKGError(f"unknown setting {name!r} (see --help-settings)")
    kind = type(setting.default)
    try:
        if kind is bool:
            if raw.lower() not in ("true", "false", "1", "0", "on", "off"):
                raise ValueError
            return raw.lower() in ("true", "1", "on")
        value = kind(raw)
    except ValueError:
        raise NewsKGError(f"setting {name} expects a {kind.__name__}, got {raw!r}") from None
    if isinstance(value, int | float) and not isinstance(value, bool) and value < setting.minimum:
        expected = "positive" if setting.minimum > 0 else f"at least {setting.minimum:g}"
        raise NewsKGError(f"setting {name} must be {expected}, got {raw!r}")
    if name == "store_mode" and value not in ("auto", "memory", "disk"):
        raise NewsKGError(f"setting store_mode is 'auto', 'memory' or 'disk', got {raw!r}")
    return value


def resolve(
    overrides: Iterable[tuple[str, str]] = (), values: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Defaults, then typed ``values``, then ``-s NAME VALUE`` pairs."""
    settings = {s.name: s.default for s in SETTINGS}
    for name, value in (values or {}).items():
        if name not in _BY_NAME:
            raise NewsKGError(f"unknown setting {name!r}")
        settings[name] = value
    for name, raw in overrides:
        settings[name] = parse_value(name, raw)
    if settings["query_processes"] > settings["executors"]:
        raise NewsKGError(
            f"setting query_processes ({settings['query_processes']}) must be at most executors "
            f"({settings['executors']}): each process runs at least one of them"
        )
    return settings
