"""Typed errors: the type says what the user can do about the problem.

Every error the user can fix derives from :class:`NewsKGError`; the CLI prints it on one line and exits 2.
"""

from __future__ import annotations

from pathlib import Path


class NewsKGError(Exception):
    """A problem with the input or the request that the user can fix."""


class InputError(NewsKGError):
    """Bad input: names the file, the line or field, and what was expected."""

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        if self.field:
            where = f"{where}: {self.field}" if where else self.field
        return f"{where}: {self.message}" if where else self.message


class UnsupportedFormat(NewsKGError):
    """A format name, media type or file extension newskg does not read or write."""


class QueryError(NewsKGError):
    """A SPARQL query that cannot be parsed or is not allowed here."""


class ShapesViolated(NewsKGError):
    """The graph does not conform to the SHACL shapes; ``report`` holds the details."""

    def __init__(self, report: object) -> None:
        self.report = report
        super().__init__("the graph does not conform to the SHACL shapes")
