"""The pictures in a real browser: Debian's chromium driven by Playwright over the real server and the seed.

The charts are SVG drawn by the server (server/pages/charts.py): they must render with the seed's events and
persons, lead where they say, read the same with JavaScript off, and make no request that leaves 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import LiveServer, shot, watched

SEED_EVENTS = {  # the events of Vladimir Putin the seed dates, and how each is drawn
    "icc-arrest-warrant-putin-2023": "span",
    "orban-putin-moscow-2024-07": "span",
    "alaska-summit-2025-08": "span",
    "orban-putin-call-2025-10": "before",
    "trump-putin-call-2025-10": "before",
    "budapest-summit-2025": "band",
}


@pytest.fixture
def page(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    yield from watched(browser, live_server, javascript=True)


@pytest.fixture
def page_without_scripts(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    yield from watched(browser, live_server, javascript=False)


def drawn_marks(page: Page) -> dict[str, str]:
    """Event slug -> the shape of its mark, for every mark the timeline draws with a size on the screen."""
    marks = page.locator("#timeline-chart svg a.mark")
    found = {}
    for n in range(marks.count()):
        mark = marks.nth(n)
        box = mark.locator(".shape").first.bounding_box()
        assert box is not None and box["width"] > 0 and box["height"] > 0
        slug = (mark.get_attribute("href") or "").rsplit("/", 1)[-1].removesuffix(".html")
        found[slug] = (mark.get_attribute("class") or "").split()[1]
    return found


def test_the_timeline_draws_the_seeds_events_and_leads_to_them(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/person/vladimir-putin")
    chart = page.locator("#timeline-chart svg")
    chart.wait_for()
    assert drawn_marks(page) == SEED_EVENTS
    box = chart.bounding_box()
    assert box is not None and box["width"] > 600
    alaska = page.locator('#timeline-chart a.mark[href$="/alaska-summit-2025-08.html"]')
    august = alaska.locator(".shape").bounding_box()
    call = page.locator(
        '#timeline-chart a.mark[href$="/trump-putin-call-2025-10.html"] .shape'
    ).bounding_box()
    assert august is not None and call is not None
    assert august["x"] + august["width"] <= call["x"] + call["width"], "August comes before October"
    planned = page.locator('#timeline-chart a.mark[href$="/budapest-summit-2025.html"] .shape')
    happened = alaska.locator(".shape")
    assert planned.get_attribute("stroke-dasharray") and not happened.get_attribute("stroke-dasharray")
    assert planned.evaluate("e => getComputedStyle(e).fill") != happened.evaluate(
        "e => getComputedStyle(e).fill"
    )
    shot(page, "person-charts")
    alaska.locator(".shape").click()
    page.wait_for_url("**/doc/event/alaska-summit-2025-08.html")
    assert "August 2025" in page.locator("dl.facts").inner_text()


def test_the_network_shows_who_met_whom_and_leads_to_their_events(
    page: Page, live_server: LiveServer
) -> None:
    page.goto(live_server.url + "/person/vladimir-putin")
    network = page.locator("#network-chart svg")
    network.wait_for()
    names = network.locator("a.node text").all_text_contents()
    assert set(names) == {"Vladimir Putin", "Donald Trump", "Viktor Orbán", "Volodymyr Zelenskyy"}
    for node in network.locator("a.node").all():
        box = node.bounding_box()
        assert box is not None and box["width"] > 0
    trump = network.locator('a.edge[href="#met-donald-trump-vladimir-putin"]')
    assert trump.locator("text.count").text_content() == "4"
    trump.locator("text.count").click()  # four shared events: to the row that lists them
    page.wait_for_url("**#met-donald-trump-vladimir-putin")
    row = page.locator("#met-donald-trump-vladimir-putin")
    assert row.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"  # :target
    assert row.locator("a").count() == 5  # Trump, and his four events with Putin
    row.locator("a", has_text="Trump–Putin summit in Alaska").click()
    page.wait_for_url("**/doc/event/alaska-summit-2025-08.html")
    page.go_back()
    network.locator('a.node[href$="/person/viktor-orban.html"] circle').click()
    page.wait_for_url("**/doc/person/viktor-orban.html")
    assert page.locator("h1").inner_text() == "Viktor Orbán"
    assert page.locator('#network-chart a.node[href$="/person/vladimir-putin.html"]').count() == 1


def test_the_charts_need_no_javascript(page_without_scripts: Page, live_server: LiveServer) -> None:
    page = page_without_scripts
    page.goto(live_server.url + "/doc/person/vladimir-putin.html")
    assert drawn_marks(page) == SEED_EVENTS
    assert page.locator("#network-chart a.node").count() == 4
    page.goto(live_server.url + "/")
    ranking = page.locator("#most-mentioned-persons svg a.bar")
    assert ranking.first.locator("text").first.text_content() == "Vladimir Putin"
    assert page.locator("#articles-per-day svg rect.bar").count() == 1  # the seed: one article, one day


def test_the_home_page_shows_the_corpus_at_a_glance(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/")
    for chart in ("articles-per-day", "most-mentioned-persons", "most-mentioned-places", "who-asserts"):
        box = page.locator(f"#{chart} svg").bounding_box()
        assert box is not None and box["height"] > 30, chart
    assert page.locator("a[role=tab]").count() == 7, "the query editor is still there, below"
    shot(page, "home")
    page.locator('#most-mentioned-places a.bar[href$="/place/budapest.html"] rect').click()
    page.wait_for_url("**/doc/place/budapest.html")
    assert page.locator("h1").inner_text() == "Budapest"
    assert "budapest-summit-2025" in " ".join(
        a.get_attribute("href") or "" for a in page.locator("#timeline-chart a.mark").all()
    )
