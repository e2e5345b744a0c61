"""The ``newskg`` console script: the pipeline commands of :mod:`kg.cli` plus ``serve``."""

from __future__ import annotations

from kg.cli import cli


def main() -> None:
    cli()
