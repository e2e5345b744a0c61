"""``newskg entities``: the worklist of unlinked entities, and the two commands that fix them.

Each command parses, calls :mod:`kg.curate` and prints; errors name the file or entity, print one line and
exit 2 (a change that would break the shapes prints the report and exits 1), as the other commands do.
The options and their environment variables are those of ``newskg build`` (:mod:`kg.options`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from kg import options
from kg.curate.changes import Change, Curator
from kg.curate.worklist import CONTEXTS, Item, Worklist, store_select, worklist
from kg.errors import InputError
from kg.options import base_option, minter_for, search_index_option, store_option
from kg.search import open_index
from kg.store import GraphStore, open_store

data_option = options.data_option(
    "Data folder: the registry is its entities/*.yaml, the annotations its articles/*/."
)
no_validate_option = click.option(
    "--no-validate", is_flag=True, help="Write without checking the changed graphs against the shapes."
)


@contextmanager
def user_errors() -> Iterator[None]:
    with options.user_errors(violated="the change would break the shapes; nothing was written"):
        yield


def _curator(data_dir: Path, store: GraphStore, base: str | None) -> Curator:
    files = sorted((data_dir / "entities").glob("*.yaml"))
    if not files:
        raise InputError("no entity files (expected entities/*.yaml)", file=data_dir / "entities")
    return Curator(files, store, minter_for(base), articles_dir=data_dir / "articles")


@click.group()
def entities() -> None:
    """The entities no Wikidata item is linked to: list them, link them, merge duplicates."""


@entities.command()
@store_option
@base_option
@click.option("--json", "as_json", is_flag=True, help="One JSON document (groups of entities) on stdout.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show this many groups at most.")
@click.option(
    "--contexts", type=click.IntRange(min=0), default=CONTEXTS, show_default=True, help="Mentions per entity."
)
def todo(store_path: str, base: str | None, as_json: bool, limit: int | None, contexts: int) -> None:
    """List the unlinked entities of the store, most mentioned first, with a few mentions each and the
    articles they come from; likely duplicates (Orban / Orbán, Selenskyj / Wolodymyr Selenskyj) together."""
    with user_errors():
        store = open_store(store_path, read_only=True, must_exist=True)
        found = worklist(store_select(store), minter_for(base), limit=limit, contexts=contexts)
        if as_json:
            click.echo(json.dumps(found.as_json(), ensure_ascii=False, indent=1))
        else:
            click.echo(render(found), nl=False)


def render(found: Worklist) -> str:
    """The worklist as text: one block per group, each entity with its mentions and articles."""
    count = len(found.groups)
    shown = f", {count} group{'s' if count != 1 else ''} shown" if count else ""
    lines = [f"{found.total} unlinked entities{shown}"]
    for number, members in enumerate(found.groups, 1):
        lines.append("")
        if len(members) > 1:
            lines.append(f"{number}. likely one entity ({len(members)}):")
        for item in members:
            lines += _item_lines(item, number if len(members) == 1 else None)
    return "\n".join(lines) + "\n"


def _item_lines(item: Item, number: int | None) -> list[str]:
    head = f"{number}. " if number is not None else "   - "
    where = "registry, no wikidata" if item.registry else "only in articles"
    articles = f"{len(item.articles)} article{'s' if len(item.articles) != 1 else ''}"
    types = "/".join(item.types) or "?"
    mentions = f"{item.mentions} mention{'s' if item.mentions != 1 else ''}"
    lines = [f"{head}{item.name} [{item.ref}] {types}, {where}: {mentions} in {articles}"]
    pad = " " * (len(head) + 2)
    for context in item.contexts:
        text = " ".join(f"{context.prefix}[{context.exact}]{context.suffix}".split())
        slug = context.article.rsplit("/", 1)[-1]
        lines.append(f"{pad}…{text}… ({slug} {context.start}-{context.end})")
    if not item.contexts and item.articles:
        lines.append(pad + "in " + ", ".join(a.iri.rsplit("/", 1)[-1] for a in item.articles[:5]))
    return lines


def _write(curator: Curator, change: Change, check: bool, index_path: Path | None) -> None:
    """Apply ``change`` to the store, the registry and the search index, as ``newskg ingest`` keeps it."""
    store = curator.store
    index = open_index(store, index_path) if index_path is not None or store.path is not None else None
    try:
        curator.apply(change, check=check, index=index)
    finally:
        if index is not None:
            index.close()
    for line in change.said:
        click.echo(line)


@entities.command()
@data_option
@store_option
@base_option
@no_validate_option
@search_index_option
@click.option("--wikidata", "qid", required=True, help="The Wikidata item id (Q followed by digits).")
@click.argument("name")
def link(
    data_dir: Path,
    store_path: str,
    base: str | None,
    no_validate: bool,
    search_index: Path | None,
    qid: str,
    name: str,
) -> None:
    """Link the entity NAME to a Wikidata item: its registry entry gets `wikidata: QID` (an entity only the
    store knows gets an entry), and the store says schema:sameAs, in one write. NAME is a registry id, a name,
    or the IRI path `newskg entities todo` shows (person/person-juri-uschakow)."""
    with user_errors():
        store = open_store(store_path, must_exist=True)
        try:
            curator = _curator(data_dir, store, base)
            _write(curator, curator.link(name, qid.strip()), not no_validate, search_index)
        finally:
            store.close()


@entities.command()
@data_option
@store_option
@base_option
@no_validate_option
@search_index_option
@click.argument("a")
@click.argument("b")
def merge(
    data_dir: Path,
    store_path: str,
    base: str | None,
    no_validate: bool,
    search_index: Path | None,
    a: str,
    b: str,
) -> None:
    """Merge entity A into B: B takes A's names as aliases (and A's Wikidata id if it has none), A's
    registry entry goes, and the stored graphs say B where they said A, in one write."""
    with user_errors():
        store = open_store(store_path, must_exist=True)
        try:
            curator = _curator(data_dir, store, base)
            _write(curator, curator.merge(a, b), not no_validate, search_index)
        finally:
            store.close()
