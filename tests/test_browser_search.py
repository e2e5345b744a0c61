"""Search in a real browser (issue 22): Debian's chromium driven by Playwright against ``newskg serve`` over
the seed with its search index: the box on every page, the grouped hits, an article hit opening the article at
the words found, highlighted; the text-search example of the query page; nothing fetched from elsewhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import SEED_SLUG, LiveServer, shot, watched
from tests.test_search_server import seed_index


@pytest.fixture(scope="module")
def served(live_server: LiveServer, seed_store_dir: Path) -> LiveServer:
    seed_index(seed_store_dir)
    return live_server


@pytest.fixture
def page(browser: Browser, served: LiveServer) -> Iterator[Page]:
    yield from watched(browser, served, height=900)


def test_search_from_the_box_open_a_hit_and_see_the_words_highlighted(page: Page, served: LiveServer) -> None:
    page.goto(served.url + "/doc/person/vladimir-putin.html")
    box = page.get_by_role("search").locator("input[name=q]")
    box.fill("Waffenruhe")
    box.press("Enter")
    page.wait_for_url("**/search?q=Waffenruhe")
    articles = page.locator("section.hits.article li.hit")
    assert articles.count() == 1
    assert articles.locator("time").inner_text() == "2025-10-17"
    assert articles.locator(".snippet mark").first.inner_text() == "Waffenruhe"
    assert page.locator("section.hits.event a.title").inner_text() == "Waffenruhe-Abkommen im Gaza-Krieg"
    assert page.locator("form.search input[name=q]").input_value() == "Waffenruhe"
    shot(page, "search")
    articles.locator("a.title").click()
    page.wait_for_url(f"**/doc/article/{SEED_SLUG}.html?found=*#found-1")
    page.wait_for_load_state("load")
    first = page.locator("#found-1")
    assert first.inner_text() == "Waffenruhe"
    assert first.evaluate("e => e.tagName") == "MARK"
    assert first.evaluate("e => getComputedStyle(e).backgroundColor") not in (
        "rgba(0, 0, 0, 0)",
        "transparent",
    )
    assert first.evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }"
    )
    marks = page.locator(".body mark.found")
    assert marks.count() == 2 and set(marks.all_inner_texts()) == {"Waffenruhe"}
    assert page.locator("#found-2").count() == 1
    shot(page, "search-article")


def test_filters_narrow_the_hits_and_an_entity_lists_what_mentions_it(page: Page, served: LiveServer) -> None:
    page.goto(served.url + "/search?q=Szijjarto")
    assert page.locator("section.hits.person a.title").count() == 1
    page.locator("section.hits.person a", has_text="articles and quotations about it").click()
    page.wait_for_url("**/search?type=article&type=quotation&entity=**")
    assert "Mentioning" in page.locator(".active-filters").inner_text()
    assert page.locator("section.hits.article li.hit").count() == 1
    page.locator("form.filters input[name=from]").fill("2025-10-18")
    page.locator("form.filters button").click()
    page.wait_for_url("**from=2025-10-18**")
    assert "Nothing found" in page.locator("main").inner_text()


def test_the_text_search_example_runs_from_the_query_page(page: Page, served: LiveServer) -> None:
    page.goto(served.url + "/")
    page.locator(".CodeMirror:visible").wait_for()
    page.locator("#text-search-example").click()
    page.locator("a[role=tab]", has_text="Text search").wait_for()
    page.locator(".yasqe_queryButton:visible").click()
    rows = page.locator(".yasr table tbody tr:visible")
    rows.first.wait_for()
    table = page.locator(".yasr table:visible").inner_text()
    assert rows.count() == 2 and "Donald Trump" in table and "Vladimir Putin" in table
    shot(page, "query-text-search")
