"""``newskg search QUERY``: the search index from the command line, grouped as ``/search`` groups it.

The command reads the store's index read-only (``<store>.search`` beside a store directory; ``--index`` for
another place, or for a remote store); it never writes it: ``newskg build`` and ``newskg ingest`` do.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.errors import NewsKGError
from kg.search.documents import KINDS
from kg.search.index import Hit, SearchIndex, default_path
from kg.store import is_url

MAX_LIMIT = 1000


def _kinds(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """``--type article --type person`` or ``--type article,person``."""
    found = tuple(t for value in values for t in value.replace(",", " ").split())
    if unknown := sorted(set(found) - set(KINDS)):
        raise click.BadParameter(f"unknown type {', '.join(unknown)} (types: {', '.join(KINDS)})")
    return tuple(k for k in KINDS if k in found) or KINDS


@click.command()
@click.option(
    "--store",
    "store_path",
    envvar="NEWSKG_STORE",
    default="var/store",
    show_default=True,
    help="Store whose index is searched: a directory (its index is beside it) (env NEWSKG_STORE).",
)
@click.option(
    "--index",
    "index_path",
    type=click.Path(path_type=Path),
    default=None,
    help="The search index, if not beside the store (a remote store's index).",
)
@click.option(
    "--type",
    "types",
    multiple=True,
    callback=_kinds,
    help=f"Kinds of hits (repeat, or separate by commas): {', '.join(KINDS)}. Default: all.",
)
@click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]), help="Published on or after.")
@click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), help="Published on or before.")
@click.option("--publisher", multiple=True, help="Only what this publisher (IRI) published.")
@click.option("--entity", multiple=True, help="Only what mentions, is about or quotes this entity (IRI).")
@click.option(
    "--limit",
    type=click.IntRange(1, MAX_LIMIT),
    default=10,
    show_default=True,
    help="Most hits of each kind.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON (the shape of /search).")
@click.argument("query", default="")
def search(
    store_path: str,
    index_path: Path | None,
    types: tuple[str, ...],
    date_from: object,
    date_to: object,
    publisher: tuple[str, ...],
    entity: tuple[str, ...],
    limit: int,
    as_json: bool,
    query: str,
) -> None:
    """Search the articles, quotations and entities for QUERY: every word in any of its forms ("Gipfels"
    finds "Gipfel"), with or without accents; "a phrase", OR and -word work too. Prints the best hits of
    each kind, best first."""
    if not query.strip() and not (date_from or date_to or publisher or entity):
        raise click.UsageError("give a QUERY or a filter (--from, --to, --publisher, --entity)")
    try:
        index = SearchIndex(where(store_path, index_path), read_only=True)
        groups = {
            kind: index.search(
                query,
                types=[kind],
                date_from=date_from.date() if date_from else None,  # type: ignore[attr-defined]
                date_to=date_to.date() if date_to else None,  # type: ignore[attr-defined]
                publisher=publisher or None,
                entity=entity or None,
                limit=limit,
            )
            for kind in types
        }
    except NewsKGError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    if as_json:
        out = {kind: [hit.as_dict() for hit in hits] for kind, hits in groups.items()}
        click.echo(json.dumps({"query": query, "results": out}, ensure_ascii=False, indent=1))
        return
    found = False
    for kind, hits in groups.items():
        if hits:
            found = True
            click.echo(f"{kind} ({len(hits)})")
            for hit in hits:
                click.echo(line(hit))
    if not found:
        click.echo("nothing found", err=True)
        sys.exit(1)


def where(store_path: str, index_path: Path | None) -> Path:
    """The index to read: ``--index``, else beside the store directory.

    :raises NewsKGError: for a remote store without ``--index``.
    """
    if index_path is not None:
        return index_path
    if is_url(store_path):
        raise NewsKGError("a remote store's search index is not beside it: give --index PATH")
    return default_path(Path(store_path))


def line(hit: Hit) -> str:
    """``  2025-10-17  Headline  <iri>``, then the snippet or the speaker indented."""
    parts = [f"  {hit.date or '':10}  {hit.title}  <{hit.iri}>"]
    if hit.kind == "quotation" and (hit.speaker_name or hit.speaker):
        parts.append(f"      said by {hit.speaker_name or hit.speaker}")
    if hit.kind == "article" and hit.snippet is not None:
        parts.append(f"      …{marked(hit)}…")
    return "\n".join(parts)


def marked(hit: Hit) -> str:
    """The snippet on one line, the words found in bold (plain when the output is no terminal)."""
    assert hit.snippet is not None
    snippet, out, at = hit.snippet, [], hit.snippet.start
    for start, end in snippet.highlights:
        out.append(snippet.text[at - snippet.start : start - snippet.start])
        out.append(click.style(snippet.text[start - snippet.start : end - snippet.start], bold=True))
        at = end
    out.append(snippet.text[at - snippet.start :])
    return " ".join("".join(out).split())
