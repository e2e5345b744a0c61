"""What every ``newskg`` command shares: its common options (with their environment variables), the minter
``--base`` asks for, and how library errors become one line and the documented exit codes.

A module of its own so that command groups defined elsewhere (``kg.curate.cli``, ``kg.search.cli``) use
the same options as ``kg.cli``, which imports them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from kg.errors import NewsKGError, ShapesViolated
from kg.shacl import ValidationReport
from kg.vocab import Minter

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_STORE = "var/store"

store_option = click.option(
    "--store",
    "store_path",
    envvar="NEWSKG_STORE",
    default=DEFAULT_STORE,
    show_default=True,
    help="Store: a directory, or the query endpoint URL of a SPARQL 1.1 server (env NEWSKG_STORE).",
)
base_option = click.option(
    "--base", envvar="NEWSKG_BASE", default=None, help="Base IRI of minted IRIs (env NEWSKG_BASE)."
)
search_index_option = click.option(
    "--search-index",
    envvar="NEWSKG_SEARCH_INDEX",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Full-text index kept in step with the store's writes (env NEWSKG_SEARCH_INDEX; default: beside a "
    "store directory, <store>.search; none for a remote store).",
)


def data_option(help: str) -> Callable[[F], F]:
    """``--data DIR`` (env ``NEWSKG_DATA``), with what the command reads there."""
    return click.option(
        "--data",
        "data_dir",
        envvar="NEWSKG_DATA",
        default="data",
        show_default=True,
        type=click.Path(path_type=Path),
        help=help,
    )


def minter_for(base: str | None) -> Minter:
    try:
        return Minter(base) if base else Minter.from_env()
    except ValueError as exc:
        raise NewsKGError(str(exc)) from None


@contextmanager
def user_errors(violated: str = "") -> Iterator[None]:
    """Turn library errors into one line on stderr and the documented exit codes: 1 with the SHACL report
    (and ``violated``, what that means for the command) when shapes are broken, 2 for any other error."""
    try:
        yield
    except ShapesViolated as exc:
        report = exc.report
        assert isinstance(report, ValidationReport)
        click.echo(report.text(), err=True)
        if violated:
            click.echo(f"error: {violated}", err=True)
        sys.exit(1)
    except NewsKGError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
