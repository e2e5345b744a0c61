"""The SVG of the pages' pictures (server/pages/charts.py): pure functions, tested on their own, as XML."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from server.pages import charts
from server.pages.charts import Bar, Edge, Mark, Node, Share

SVG = "{http://www.w3.org/2000/svg}"
D = dt.date


def parse(markup: str) -> ET.Element:
    """The chart as XML: it must be well-formed to be parsed at all."""
    root = ET.fromstring(str(markup))
    assert root.tag == SVG + "svg"
    return root


def links(root: ET.Element) -> dict[str, ET.Element]:
    """The chart's links by their href."""
    return {a.get("href", ""): a for a in root.iter(SVG + "a")}


def mark(shape: str, first: dt.date, last: dt.date, state: str = "happened", label: str = "E") -> Mark:
    return Mark(label, f"/doc/event/{label}.html", first, last, shape, state, "when")


def shape_of(link: ET.Element) -> ET.Element:
    return next(e for e in link if e.get("class") == "shape")


class TestTimeline:
    def test_a_day_is_a_point_a_month_a_span_as_wide_as_the_month(self) -> None:
        root = parse(
            charts.timeline(
                [
                    mark("point", D(2025, 10, 17), D(2025, 10, 17), label="day"),
                    mark("span", D(2025, 8, 1), D(2025, 8, 31), label="month"),
                    mark("span", D(2025, 9, 1), D(2025, 9, 30), label="september"),
                ]
            )
        )
        found = links(root)
        assert shape_of(found["/doc/event/day.html"]).tag == SVG + "circle"
        august, september = (
            shape_of(found["/doc/event/month.html"]),
            shape_of(found["/doc/event/september.html"]),
        )
        assert august.tag == SVG + "rect"
        width = {r: float(r.get("width", 0)) for r in (august, september)}
        assert width[august] > 20 and abs(width[august] / width[september] - 31 / 30) < 0.02
        assert float(august.get("x", 0)) + width[august] == pytest.approx(
            float(september.get("x", 0)), abs=0.2
        )

    def test_a_year_is_twelve_times_a_month(self) -> None:
        root = parse(
            charts.timeline(
                [
                    mark("span", D(2023, 1, 1), D(2023, 12, 31), label="y"),
                    mark("span", D(2024, 7, 1), D(2024, 7, 31)),
                ]
            )
        )
        year, month = (float(shape_of(a).get("width", 0)) for a in links(root).values())
        assert year / month == pytest.approx(365 / 31, rel=0.02)

    def test_a_window_is_a_band_the_height_of_its_row_and_a_bound_a_whisker(self) -> None:
        root = parse(
            charts.timeline(
                [
                    mark("band", D(2025, 10, 17), D(2025, 10, 31), "planned", "window"),
                    mark("span", D(2025, 10, 1), D(2025, 10, 31), label="month"),
                    mark("before", D(2025, 10, 17), D(2025, 10, 17), label="bound"),
                ]
            )
        )
        found = links(root)
        band, span = shape_of(found["/doc/event/window.html"]), shape_of(found["/doc/event/month.html"])
        assert float(band.get("height", 0)) > 1.5 * float(span.get("height", 0))
        whisker = shape_of(found["/doc/event/bound.html"])
        assert whisker.tag == SVG + "path" and " V" in whisker.get("d", "")  # the bar at the bound

    def test_an_ongoing_event_runs_to_the_end_of_the_axis(self) -> None:
        root = parse(
            charts.timeline(
                [
                    mark("ongoing", D(2022, 2, 1), D(2022, 2, 28), "ongoing", "war"),
                    mark("point", D(2025, 10, 17), D(2025, 10, 17)),
                ]
            )
        )
        bar = shape_of(links(root)["/doc/event/war.html"])
        assert float(bar.get("x", 0)) + float(bar.get("width", 0)) > 0.95 * float(root.get("width", 0))

    def test_planned_looks_unlike_happened(self) -> None:
        day = D(2025, 10, 17)
        root = parse(
            charts.timeline(
                [mark("point", day, day, "happened", "a"), mark("point", day, day, "planned", "b")]
            )
        )
        found = links(root)
        happened, planned = shape_of(found["/doc/event/a.html"]), shape_of(found["/doc/event/b.html"])
        assert happened.get("fill") != planned.get("fill")
        assert planned.get("stroke-dasharray") and not happened.get("stroke-dasharray")
        assert "planned" in found["/doc/event/b.html"].get("class", "")

    def test_every_mark_is_a_link_titled_with_its_date_and_status_and_the_legend_explains_the_shapes(
        self,
    ) -> None:
        root = parse(charts.timeline([mark("span", D(2025, 8, 1), D(2025, 8, 31), label="Alaska")]))
        title = links(root)["/doc/event/Alaska.html"].find(SVG + "title")
        assert title is not None and title.text == "Alaska: when (happened)"
        legend = " ".join(t.text or "" for g in root.iter(SVG + "g") if g.get("class") == "legend" for t in g)
        for words in ("a day", "a month or a year", "a window", "not later than", "planned or proposed"):
            assert words in legend

    def test_marks_are_drawn_in_date_order_and_the_ticks_name_the_months(self) -> None:
        root = parse(
            charts.timeline(
                [
                    mark("band", D(2025, 10, 17), D(2025, 10, 31), label="later"),
                    mark("span", D(2025, 8, 1), D(2025, 8, 31), label="earlier"),
                ]
            )
        )
        assert list(links(root)) == ["/doc/event/earlier.html", "/doc/event/later.html"]
        ticks = [t.text for t in root.iter(SVG + "text") if t.get("class") == "tick"]
        assert ticks == ["Aug 2025", "Sep 2025", "Oct 2025", "Nov 2025"]

    def test_long_ranges_are_ticked_by_years(self) -> None:
        start, end, ticks = charts.axis(D(2010, 5, 1), D(2025, 1, 1))
        assert (start, end) == (D(2010, 1, 1), D(2026, 1, 1))
        assert [label for _, label in ticks][:2] == ["2010", "2012"] and len(ticks) <= 10

    def test_text_is_escaped(self) -> None:
        nasty = "<script>alert(\"x\")</script> & 'quotes'"
        markup = charts.timeline(
            [
                Mark(
                    nasty,
                    '/doc/event/a.html?x="><script>',
                    D(2025, 1, 1),
                    D(2025, 1, 1),
                    "point",
                    "happened",
                    nasty,
                )
            ],
            label=nasty,
        )
        assert "<script>" not in markup
        root = parse(markup)
        assert root.get("aria-label") == nasty
        assert [a.get("href") for a in root.iter(SVG + "a")] == ['/doc/event/a.html?x="><script>']
        assert any(t.text == charts.shorten(nasty, 60) for t in root.iter(SVG + "text"))

    def test_no_marks_say_so(self) -> None:
        assert "No events." in parse(charts.timeline([])).findtext(SVG + "text", "")
        root = parse(charts.timeline([], undated=3))
        assert "No event has a date" in root.findtext(SVG + "text", "")
        assert not list(root.iter(SVG + "a"))

    def test_undated_events_are_counted_under_the_chart(self) -> None:
        root = parse(charts.timeline([mark("point", D(2025, 1, 1), D(2025, 1, 1))], undated=2))
        notes = [t.text for t in root.iter(SVG + "text") if t.get("class") == "undated"]
        assert notes == ["2 without a date in the text not drawn: see the list."]

    def test_of_many_marks_the_latest_are_drawn_and_the_others_counted(self) -> None:
        marks = [mark("point", D(2025, 1, n), D(2025, 1, n), label=f"d{n}") for n in range(1, 11)]
        root = parse(charts.timeline(marks, most=4, undated=1))
        assert list(links(root)) == [f"/doc/event/d{n}.html" for n in (7, 8, 9, 10)]
        note = [t.text for t in root.iter(SVG + "text") if t.get("class") == "undated"]
        assert note == ["6 earlier and 1 without a date in the text not drawn: see the list."]

    def test_a_mark_that_ends_before_it_starts_or_has_no_known_shape_is_refused(self) -> None:
        with pytest.raises(ValueError, match="ends"):
            mark("span", D(2025, 2, 1), D(2025, 1, 1))
        with pytest.raises(ValueError, match="unknown shape"):
            mark("blob", D(2025, 1, 1), D(2025, 1, 1))


class TestNetwork:
    centre = Node("p", "Putin", "/doc/person/p.html")
    others = (Node("t", "Trump", "/doc/person/t.html"), Node("h", "Hungary", "/doc/place/h.html", "place"))

    def test_nodes_link_to_their_pages_and_edges_to_their_events_with_counts(self) -> None:
        edges = [
            Edge("p", "t", 3, "#met-p-t", "Putin and Trump: 3 events"),
            Edge("h", "p", 1, "/doc/event/e.html", "Putin and Hungary: 1 event"),
            Edge("h", "t", 2, "#met-h-t", "Hungary and Trump: 2 events"),
        ]
        root = parse(charts.network(self.centre, self.others, edges))
        found = links(root)
        for href in ("/doc/person/p.html", "/doc/person/t.html", "/doc/place/h.html"):
            assert "node" in found[href].get("class", "")
        assert found["/doc/place/h.html"].find(SVG + "path") is not None  # a place is a diamond
        assert found["/doc/event/e.html"].findtext(SVG + "title") == "Putin and Hungary: 1 event"
        counts = {a.get("href"): a.findtext(f"{SVG}text[@class='count']") for a in found.values()}
        assert counts["#met-p-t"] == "3" and counts["/doc/event/e.html"] == "1" and counts["#met-h-t"] == "2"
        assert found["#met-h-t"].find(SVG + "path") is not None  # between two others: a curve

    def test_a_pair_that_only_planned_to_meet_is_dashed(self) -> None:
        edges = [Edge("p", "t", 1, "/doc/event/a.html"), Edge("p", "h", 1, "/doc/event/b.html", met=False)]
        found = links(parse(charts.network(self.centre, self.others, edges)))
        met, planned = (next(found[h].iter(SVG + "line")) for h in ("/doc/event/a.html", "/doc/event/b.html"))
        assert planned.get("stroke-dasharray") and not met.get("stroke-dasharray")
        assert planned.get("stroke") != met.get("stroke")

    def test_the_legend_names_the_kinds_drawn_and_the_lines(self) -> None:
        root = parse(charts.network(self.centre, self.others, [Edge("p", "t", 1, "/e")]))
        legend = next(g for g in root.iter(SVG + "g") if g.get("class") == "legend")
        words = [t.text for t in legend.iter(SVG + "text")]
        assert words == ["person", "country or place", "took part in the same event",
                         "only planned or proposed together"]  # fmt: skip

    def test_names_are_escaped(self) -> None:
        centre = Node("x", "<b>&amp;</b>", '/doc/person/x.html"onload="y')
        markup = charts.network(centre, [Node("z", "</svg><img src=x>", "/doc/person/z.html")], [])
        assert "<img" not in markup and "<b>" not in markup
        root = parse(markup)
        assert {t.text for t in root.iter(SVG + "title")} >= {"<b>&amp;</b>", "</svg><img src=x>"}
        assert '/doc/person/x.html"onload="y' in links(root)

    def test_nobody_else_says_so(self) -> None:
        root = parse(charts.network(self.centre, [], []))
        assert "Nobody else" in root.findtext(SVG + "text", "") and not list(root.iter(SVG + "a"))


class TestGlance:
    def test_bars_are_as_tall_as_their_values_and_link(self) -> None:
        root = parse(charts.bars([Bar("2025-10-16", 1, "/a"), Bar("2025-10-17", 3, "/b")]))
        heights = {a.get("href"): float(a.find(SVG + "rect").get("height", 0)) for a in root.iter(SVG + "a")}  # type: ignore[union-attr]
        assert heights["/b"] == pytest.approx(3 * heights["/a"])

    def test_ranking_lists_labels_in_the_order_given(self) -> None:
        root = parse(charts.ranking([Bar("Trump", 30, "/t"), Bar("Putin", 20, "/p")]))
        assert [a.get("href") for a in root.iter(SVG + "a")] == ["/t", "/p"]
        assert [a.findtext(SVG + "text") for a in root.iter(SVG + "a")] == ["Trump", "Putin"]

    def test_shares_give_each_part_its_percentage(self) -> None:
        root = parse(
            charts.shares([("facts", [Share("editor", 3, "#1d7a35"), Share("machine", 1, "#c7782a", True)])])
        )
        titles = [t.text for t in root.iter(SVG + "title")]
        assert "facts: editor, 3 of 4 (75 %)" in titles and "facts: machine, 1 of 4 (25 %)" in titles
        machine = [
            r for r in root.iter(SVG + "rect") if r.get("class") == "part" and r.get("stroke-dasharray")
        ]
        assert len(machine) == 1  # the machine's part is dashed, the editor's is not

    @pytest.mark.parametrize(
        "chart",
        [
            lambda: charts.bars([]),
            lambda: charts.ranking([]),
            lambda: charts.shares([("facts", [Share("x", 0, "#000")])]),
        ],
    )
    def test_empty_data_draws_a_message(self, chart: object) -> None:
        root = parse(chart())  # type: ignore[operator]
        assert root.findtext(SVG + "text") and "empty" in root.get("class", "")
