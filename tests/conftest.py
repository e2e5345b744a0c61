"""Shared fixtures: the seed article, its parsed model, and a store built from ``data/`` (in memory)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient
from playwright.sync_api import Browser, Page, sync_playwright

from kg.model import Article
from kg.pipeline import Corpus, find_articles, load_corpus
from kg.read.dw import parse_article
from kg.read.registry import Registry
from kg.store import Store
from kg.vocab import Minter

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEED_SLUG = "dw-2025-10-17-trump-putin-budapest"
SEED_DIR = DATA / "articles" / SEED_SLUG
BASE = "https://kg.example.org/"


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus(DATA, minter=Minter(BASE))


@pytest.fixture(scope="session")
def registry(corpus: Corpus) -> Registry:
    return corpus.registry


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEED_DIR / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_article(seed_text: str, registry: Registry) -> Article:
    return parse_article(
        seed_text,
        slug=SEED_SLUG,
        is_organization=lambda name: registry.organization_named(name) is not None,
    )


@pytest.fixture(scope="session")
def built_store(corpus: Corpus) -> Store:
    """The seed corpus built and validated into an in-memory store; tests must not write to it."""
    from kg.ingest import build

    store = Store()
    build(corpus, store, find_articles([DATA / "articles"]))
    return store


# --- in process: the Flask app over the in-memory seed store, for tests that need no real server ----------


@pytest.fixture(scope="session")
def app(built_store: Store) -> Flask:
    """The app as ``newskg serve`` builds it, its queries answered in the test's thread (no time limit: use
    a live server for limits, cut-offs and process faults)."""
    from server import create_app
    from server.settings import resolve

    settings = resolve([("base_iri", BASE)])
    return create_app(built_store, settings=settings, queries_dir=DATA / "queries")


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


# --- live servers: the real `newskg serve` (gunicorn) on a free port of 127.0.0.1 ---------------------------


NEWSKG = str(Path(sys.executable).with_name("newskg"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"


def start_server(*args: str | Path, log_dir: Path, settings: dict[str, object] | None = None) -> LiveServer:
    """Start ``newskg serve ARGS`` and wait until /healthz answers."""
    port = free_port()
    command = [NEWSKG, "serve", "--port", str(port), "--workers", "1", *map(str, args)]
    for name, value in (settings or {}).items():
        command += ["-s", name, str(value)]
    log = log_dir / f"server-{port}.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSKG_")}
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
    server = LiveServer(f"http://127.0.0.1:{port}", process, log)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"newskg serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            if requests.get(server.url + "/healthz", timeout=2).status_code == 200:
                return server
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"newskg serve did not answer within 120 s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def seed_store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed built by the real CLI into an on-disk store."""
    store = tmp_path_factory.mktemp("seed") / "store"
    result = subprocess.run(
        [NEWSKG, "build", "--data", str(DATA), "--store", str(store), "--base", BASE],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return store


@pytest.fixture(scope="session")
def live_server(seed_store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One server over the seed with default settings, shared by the HTTP tests that do not change state."""
    server = start_server("--store", seed_store_dir, log_dir=tmp_path_factory.mktemp("logs"))
    yield server
    server.stop()


# --- A real browser: Debian's chromium driven by Playwright, nothing fetched from elsewhere ---------------

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "tests" / "screenshots"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            "Debian's chromium is missing at /usr/bin/chromium: run `make system-deps` (apt install chromium)"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def watched(
    browser: Browser, server: LiveServer, *, javascript: bool = True, height: int = 1000
) -> Iterator[Page]:
    """A page that records the host of every request, and fails the test if one is not the server's own."""
    context = browser.new_context(viewport={"width": 1280, "height": height}, java_script_enabled=javascript)
    page = context.new_page()
    hosts: list[str] = []
    page.on("request", lambda request: hosts.append(urlsplit(request.url).netloc))
    yield page
    context.close()
    own = urlsplit(server.url).netloc
    assert own.startswith("127.0.0.1:")
    assert hosts, "the browser made no request at all"
    assert set(hosts) <= {own, ""}, f"requests left the test server: {sorted(set(hosts) - {own})}"


def shot(page: Page, name: str) -> None:
    """A full-page screenshot in tests/screenshots, to look at after a run."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
