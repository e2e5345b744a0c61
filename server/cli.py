"""The ``newskg`` console script: the pipeline commands of :mod:`kg.cli` plus ``serve``."""

from __future__ import annotations

import functools
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import click
import pyoxigraph
from flask import Flask
from gunicorn.app.base import BaseApplication

from kg import formats
from kg.cli import cli
from kg.errors import NewsKGError
from kg.ingest import build
from kg.options import DEFAULT_STORE, base_option, minter_for, search_index_option, user_errors
from kg.pipeline import find_articles, load_corpus
from kg.store import RemoteStore, is_url, open_store
from kg.vocab import Minter, slugify
from server import create_app
from server.execution import tempdirs
from server.execution.pool import ExecutionError, QueryPool
from server.settings import SETTINGS, resolve

T = TypeVar("T")


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    """Runs our app object under gunicorn (threads for HTTP; queries run in their own processes)."""

    def __init__(self, app: Flask, options: dict[str, Any]) -> None:
        self.application, self.options = app, options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if key in self.cfg.settings:  # control_socket_disable: gunicorn 25.1 on (none before)
                self.cfg.set(key, value)

    def load(self) -> Flask:
        return self.application


def _stop_pool(server: Any, worker: Any) -> None:
    worker.wsgi.extensions["newskg_pool"].close()


def _replace_when_the_zygote_is_gone(worker: Any) -> None:
    """A worker that finds the query processes gone stops as on SIGTERM, after its requests; the master then
    forks its replacement, starting a new zygote first (:func:`_restart_the_zygote`)."""
    pool = worker.wsgi.extensions["newskg_pool"]
    if isinstance(pool, QueryPool):
        pool.on_zygote_gone = functools.partial(os.kill, os.getpid(), signal.SIGTERM)


def _restart_the_zygote(server: Any, worker: Any) -> None:
    """In the master, before it forks a worker: a new zygote if the old one died. If that fails too, the new
    worker answers 503 and asks again."""
    pool = server.app.load().extensions["newskg_pool"]
    if isinstance(pool, QueryPool):
        try:
            pool.start()
        except ExecutionError as exc:
            server.log.error("newskg: %s", exc.message)


def print_settings(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    for setting in SETTINGS:
        click.echo(f"{setting.name:22} {setting.default!s:10} {setting.help}")
    ctx.exit()


def load_files(files: tuple[Path, ...], minter: Minter) -> Path:
    """A temporary store holding ``files``: triples of a file's default graph go to a graph named after
    the file; named graphs of TriG, N-Quads and JSON-LD keep their names."""
    directory = tempdirs.make("serve")
    in_a_child(_write_files, files, minter, directory / "store")
    return directory / "store"


def _write_files(files: tuple[Path, ...], minter: Minter, target: Path) -> None:
    store = pyoxigraph.Store(str(target))
    for path in files:
        graph = pyoxigraph.NamedNode(minter.entity("graph", slugify(path.stem)))
        store.extend(
            q if q.graph_name != pyoxigraph.DefaultGraph() else pyoxigraph.Quad(*q.triple, graph)
            for q in formats.read_quads(path, minter.base)
        )
    store.flush()
    del store


def in_a_child(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)`` in a forked process that ends with ``os._exit``: RocksDB opened in gunicorn's
    master would crash every worker forked from it in RocksDB's teardown when the worker exits."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as child:
        return child.submit(function, *args).result()


def _build(data_dir: Path, minter: Minter, store_path: str) -> None:
    corpus = load_corpus(data_dir, minter=minter)
    target = open_store(store_path)
    build(corpus, target, find_articles([data_dir / "articles"]))
    target.close()  # before the server opens the store read-only


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port (0: any free port).")
@click.option("--workers", default=2, show_default=True, type=int, help="Server worker processes.")
@click.option("--threads", default=8, show_default=True, type=int, help="HTTP threads per worker.")
@click.option(
    "--store",
    "store_path",
    envvar="NEWSKG_STORE",
    default=DEFAULT_STORE,
    show_default=True,
    help="Store to serve (a directory or a SPARQL query endpoint URL); built from --data-dir when empty.",
)
@click.option(
    "--data-dir",
    envvar="NEWSKG_DATA",
    default="data",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Data folder to build from when the store is empty.",
)
@click.option(
    "--data",
    "files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Serve these RDF files instead of the store (repeatable).",
)
@click.option(
    "-s",
    "--setting",
    "overrides",
    multiple=True,
    type=(str, str),
    metavar="NAME VALUE",
    help="Override a setting (see --help-settings).",
)
@click.option(
    "--help-settings",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=print_settings,
    help="List the settings with their defaults and exit.",
)
@click.option(
    "--get",
    "get_path",
    metavar="PATH",
    help="Answer one GET request for PATH in-process, print the body and exit (1 for a 4xx or 5xx status).",
)
@base_option
@search_index_option
def serve(
    host: str,
    port: int,
    workers: int,
    threads: int,
    store_path: str,
    data_dir: Path,
    files: tuple[Path, ...],
    overrides: tuple[tuple[str, str], ...],
    get_path: str | None,
    base: str | None,
    search_index: Path | None,
) -> None:
    """Serve the graph over SPARQL 1.1 (read-only) with gunicorn, building it first if the store is empty."""
    with user_errors():
        settings = resolve(overrides)
        tempdirs.remove_stale()  # what servers killed with SIGKILL left
        minter = minter_for(base or settings["base_iri"] or None)
        settings["base_iri"] = minter.base
        if files:
            store_path = str(load_files(files, minter))
        elif (is_url(store_path) and not RemoteStore(store_path).graphs()) or (
            not is_url(store_path) and not (Path(store_path) / "CURRENT").is_file()
        ):
            in_a_child(_build, data_dir, minter, store_path)
            click.echo(f"built the graph from {data_dir} into {store_path}")
        dump_dir = tempdirs.make("dumps")
        try:
            app = create_app(
                store_path,
                settings=settings,
                dump_dir=dump_dir,
                queries_dir=data_dir / "queries",
                search_index=search_index,
            )
        except (OSError, RuntimeError) as exc:
            raise NewsKGError(f"cannot open the store at {store_path}: {exc}") from None
    if get_path is not None:
        answer_one(app, get_path)
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "server.front.WaitressWorker",  # whole requests before a thread; see server/front.py
        "threads": threads,
        "timeout": 60,
        "graceful_timeout": 5,
        "worker_exit": _stop_pool,
        "post_worker_init": _replace_when_the_zygote_is_gone,
        "pre_fork": _restart_the_zygote,
        "accesslog": None,
        "errorlog": "-",
        "control_socket_disable": True,  # one per user account otherwise (~/.gunicorn), and unused
        "loglevel": "info",
    }
    _Gunicorn(app, options).run()


def answer_one(app: Flask, path: str) -> None:
    """``serve --get PATH``: the app answers one request without a server, as a smoke test or for scripts."""
    response = app.test_client().get(path)
    app.extensions["newskg_pool"].close()
    click.echo(response.get_data(as_text=True), nl=False)
    sys.exit(1 if response.status_code >= 400 else 0)


def main() -> None:
    cli()
