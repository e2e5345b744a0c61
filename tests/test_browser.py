"""The pages in a real browser: Debian's chromium driven by Playwright, nothing fetched from elsewhere."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import DATA, SEED_SLUG, LiveServer, shot, watched


@pytest.fixture
def page(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    yield from watched(browser, live_server)


def test_an_example_query_runs_from_the_query_page(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/")
    tabs = page.locator("a[role=tab]")
    assert tabs.count() == len(list((DATA / "queries").glob("*.rq"))) == 7
    page.locator("a[role=tab]", has_text="Who said what").click()
    page.locator(".yasqe_queryButton:visible").click()
    rows = page.locator(".yasr table tbody tr:visible")
    rows.first.wait_for()
    assert rows.count() == 12
    assert "Karoline Leavitt" in page.locator(".yasr table:visible").inner_text()
    shot(page, "query")


@pytest.mark.parametrize(
    ("tab", "expected"),
    [
        ("Who met whom", "Trump–Putin summit in Alaska"),
        ("Timeline of a person", "Orbán–Putin meeting in Moscow"),
        ("What is planned", "Planned Trump–Putin summit in Budapest"),
        ("Image credits", "Sergei Bobylev"),
    ],
)
def test_every_example_runs_as_it_is(page: Page, live_server: LiveServer, tab: str, expected: str) -> None:
    page.goto(live_server.url + "/")
    page.locator("a[role=tab]", has_text=tab).click()
    page.locator(".yasqe_queryButton:visible").click()
    page.locator(".yasr table tbody tr:visible").first.wait_for()
    assert expected in page.locator(".yasr table:visible").inner_text()


def test_completion_offers_this_graphs_classes(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/")
    page.locator(".CodeMirror:visible").wait_for()
    page.evaluate(
        "(() => { const y = newskgYasgui.getTab().getYasqe();"
        " y.setValue('PREFIX schema: <http://schema.org/>\\nSELECT * WHERE {\\n?x a schema:New');"
        " y.focus(); y.getDoc().setCursor({line: 2, ch: 16}); })()"
    )
    page.keyboard.press("Control+Space")
    hints = page.locator(".CodeMirror-hint")
    hints.first.wait_for()
    assert "schema:NewsArticle" in [h.inner_text() for h in hints.all()]


def test_from_a_person_to_an_event_to_the_highlighted_evidence(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/person/vladimir-putin")
    assert page.locator("h1").inner_text() == "Vladimir Putin"
    shot(page, "person")
    page.locator(".timeline a", has_text="Trump–Putin summit in Alaska").click()
    page.wait_for_url("**/doc/event/alaska-summit-2025-08.html")
    assert "August 2025" in page.locator("dl.facts").inner_text()
    shot(page, "event")
    evidence = page.locator("a.evidence-quote").first
    quote = evidence.locator("mark").inner_text()
    evidence.click()
    page.wait_for_url(f"**/doc/article/{SEED_SLUG}.html#evidence-*")
    anchor = page.url.split("#", 1)[1]
    highlighted = page.locator(f"#{anchor} + a.evidence")
    assert highlighted.count() == 1
    assert highlighted.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert quote.startswith(highlighted.inner_text())
    assert highlighted.evaluate("e => e.getBoundingClientRect().top < window.innerHeight")
    shot(page, "article")


def test_validation_page_renders_a_table(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/validation")
    assert "conforms" in page.locator(".verdict").inner_text()
    assert page.locator("table.report thead th").all_inner_texts() == [
        "focus node",
        "path",
        "message",
        "severity",
    ]
    shot(page, "validation")
