"""Pictures on the pages, drawn on the server as SVG: pure functions from plain data to markup.

Nothing here reads the graph or knows Flask: :mod:`server.pages.views` turns rows into :class:`Mark`,
:class:`Node` and :class:`Edge` values, these functions draw them. The SVG is inline in the page, needs no
script and fetches nothing; every text in it is escaped; every shape a reader may follow is an SVG ``<a>``
with a ``<title>`` that says in words what the shape says in form. Colours and dashes are attributes of the
shapes (not only CSS), so a chart reads the same when saved on its own.

Time (:func:`timeline`) is drawn at the precision the graph gives: a day is a point, a month or a year a span,
a window (``schema:eventSchedule``) a band, a bound (``nkg:latestDate``) a whisker that ends at it, an ongoing
event a span that runs to the end of the axis. What happened is filled; what is planned or proposed is hollow
and dashed.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup


def escape(text: str) -> str:
    """Text for XML content or a quoted attribute (``&``, ``<``, ``>``, both quotes)."""
    return html.escape(text, quote=True)


SHAPES = ("point", "span", "band", "before", "ongoing")
"""How a :class:`Mark` is drawn: a day, a month or a year (or start to end), a window, "not later than", and
an event under way since its start."""

HAPPENED = frozenset({"happened", "ongoing"})
FUTURE = frozenset({"planned", "proposed", "postponed"})
ACCENT = "#0b5fa5"
MUTED = "#6b7480"
LINE = "#dde2e8"
FUTURE_INK = "#b8640a"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Mark:
    """One event on a time axis: from the first day its date can mean to the last, drawn as ``shape``.

    ``state`` is the event's status in lower case (``happened``, ``planned``, …; "" when the graph gives
    none); ``when`` says the date in words, for the mark's title.
    """

    label: str
    href: str
    first: dt.date
    last: dt.date
    shape: str
    state: str = ""
    when: str = ""

    def __post_init__(self) -> None:
        if self.shape not in SHAPES:
            raise ValueError(f"unknown shape {self.shape!r} (shapes: {', '.join(SHAPES)})")
        if self.last < self.first:
            raise ValueError(f"{self.label!r} ends ({self.last}) before it starts ({self.first})")


@dataclass(frozen=True)
class Node:
    """A participant in the network: ``kind`` is ``person``, ``organization``, ``place`` or ``thing``."""

    key: str
    label: str
    href: str
    kind: str = "person"


@dataclass(frozen=True)
class Edge:
    """Two participants who took part in the same events: ``count`` of them, ``met`` when one of them has
    happened (else they were only planned or proposed); ``href`` leads to the events behind it."""

    a: str
    b: str
    count: int
    href: str
    title: str = ""
    met: bool = True


@dataclass(frozen=True)
class Bar:
    """One bar of :func:`bars`: a label under it, its value, and where it leads."""

    label: str
    value: int
    href: str = ""
    title: str = ""


@dataclass(frozen=True)
class Share:
    """One part of a :func:`shares` bar."""

    label: str
    value: int
    colour: str
    dashed: bool = False


# --- small helpers ---------------------------------------------------------------------------------------


def _num(value: float) -> str:
    """A coordinate as short text: ``12``, ``12.5``."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


_attribute = functools.lru_cache(maxsize=1024)(escape)
"""Attribute values, escaped once: most are the same few colours, classes and dashes."""


@functools.cache
def _name(keyword: str) -> str:
    return keyword.rstrip("_").replace("_", "-")


def _attrs(**values: object) -> str:
    """SVG attributes, escaped; ``class_`` is ``class``, underscores are hyphens, None is left out."""
    out = []
    for name, value in values.items():
        if value is None:
            continue
        shown = _num(value) if isinstance(value, float) else _attribute(str(value))
        out.append(f' {_name(name)}="{shown}"')
    return "".join(out)


def _tag(name: str, content: str = "", **values: object) -> str:
    if not content:
        return f"<{name}{_attrs(**values)}/>"
    return f"<{name}{_attrs(**values)}>{content}</{name}>"


def _text(value: str, **values: object) -> str:
    return f"<text{_attrs(**values)}>{escape(value)}</text>"


HALO = {"stroke": "#ffffff", "stroke_width": "4", "stroke_linejoin": "round", "paint_order": "stroke"}
"""A white outline under a text, so that lines under it do not cross its letters."""


def _title(value: str) -> str:
    return f"<title>{escape(value)}</title>"


def _link(href: str, content: str, **values: object) -> str:
    """An SVG link (``href`` as SVG 2 and browsers read it)."""
    if not href:
        return _tag("g", content, **values)
    return _tag("a", content, href=href, **values)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis.

    >>> shorten("Planned Trump–Putin summit in Budapest", 20)
    'Planned Trump–Putin…'
    """
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _svg(width: float, height: float, content: str, *, css: str, label: str) -> Markup:
    """The ``<svg>`` element, classed ``chart {css}`` (never ``timeline``: the pages' list of events has that
    class, and its links are not the chart's)."""
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {escape(css)}" viewBox="0 0 {_num(width)} '
        f'{_num(height)}" width="{_num(width)}" height="{_num(height)}" role="group" '
        f'aria-label="{escape(label)}" font-family="system-ui, sans-serif" font-size="12">'
    )
    return Markup(head + _title(label) + content + "</svg>")


def _empty(width: float, message: str, css: str) -> Markup:
    return _svg(width, 40, _text(message, x=8.0, y=24.0, fill=MUTED), css=css + " empty", label=message)


# --- time -------------------------------------------------------------------------------------------------


def _style(state: str) -> dict[str, object]:
    """Fill, stroke and dashes of a mark: happened is filled, planned hollow and dashed."""
    if state in HAPPENED:
        return {"fill": ACCENT, "stroke": ACCENT}
    if state in FUTURE:
        return {"fill": "#ffffff", "stroke": FUTURE_INK, "stroke_dasharray": "3 2", "stroke_width": 1.5}
    if state == "cancelled":
        return {"fill": "#ffffff", "stroke": MUTED, "stroke_dasharray": "1 2", "stroke_width": 1.5}
    return {"fill": MUTED, "stroke": MUTED}


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def axis(first: dt.date, last: dt.date) -> tuple[dt.date, dt.date, list[tuple[dt.date, str]]]:
    """The axis around ``first`` … ``last``: whole months (or years past six years), and at most about nine
    labelled ticks.

    >>> start, end, ticks = axis(dt.date(2025, 8, 1), dt.date(2025, 10, 31))
    >>> start, end, [label for _, label in ticks]
    (datetime.date(2025, 8, 1), datetime.date(2025, 11, 1), ['Aug 2025', 'Sep 2025', 'Oct 2025', 'Nov 2025'])
    """
    if (last - first).days > 6 * 366:
        start, end = dt.date(first.year, 1, 1), dt.date(last.year + 1, 1, 1)
        step = max(1, math.ceil((end.year - start.year) / 9))
        years = range(start.year, end.year + 1, step)
        return start, end, [(dt.date(y, 1, 1), str(y)) for y in years]
    start, end = dt.date(first.year, first.month, 1), _add_months(last, 1)
    months = (end.year - start.year) * 12 + end.month - start.month
    step = next(s for s in (1, 2, 3, 4, 6, 12) if months / s <= 9 or s == 12)
    ticks = []
    tick = start
    while (tick.month - 1) % step:
        tick = _add_months(tick, 1)
    while tick <= end:
        label = f"{MONTHS[tick.month - 1]} {tick.year}" if step < 12 else str(tick.year)
        ticks.append((tick, label))
        tick = _add_months(tick, step)
    return start, end, ticks


MOST_MARKS = 60
"""The most events a timeline draws (the latest); the page's list has them all."""

TIMELINE_LEGEND = (
    ("point", "happened", "a day"),
    ("span", "happened", "a month or a year"),
    ("band", "planned", "a window"),
    ("before", "happened", "not later than"),
    ("ongoing", "ongoing", "under way"),
    ("span", "planned", "planned or proposed (hollow, dashed)"),
)


def _shape(mark: Mark, x1: float, x2: float, y: float, row: float, end_x: float) -> str:
    """The shape of one mark in its row (``y`` is the row's middle)."""
    style = _style(mark.state)
    if mark.shape == "point":
        return _tag("circle", cx=(x1 + x2) / 2, cy=y, r=5.0, class_="shape", **style)
    if mark.shape == "span":
        return _tag(
            "rect", x=x1, y=y - 5, width=max(x2 - x1, 4.0), height=10.0, rx=2.0, class_="shape", **style
        )
    if mark.shape == "band":
        band = {**style, "fill_opacity": "0.35" if mark.state in HAPPENED else None}
        if mark.state not in HAPPENED:
            band["fill"] = "#fbe9d7"
        return _tag(
            "rect", x=x1, y=y - row / 2 + 2, width=max(x2 - x1, 4.0), height=row - 4, class_="shape", **band
        )
    if mark.shape == "ongoing":
        arrow = f"M{_num(end_x)} {_num(y)} l-7 -6 v12 z"
        return _tag(
            "rect", x=x1, y=y - 5, width=max(end_x - x1 - 6, 4.0), height=10.0, class_="shape", **style
        ) + _tag("path", d=arrow, fill=style["stroke"])
    # before: a whisker that ends at the latest day, open to the left
    whisker = f"M{_num(x2 - 36)} {_num(y)} H{_num(x2)} M{_num(x2)} {_num(y - 6)} V{_num(y + 6)}"
    tip = f"M{_num(x2 - 36)} {_num(y)} l6 -4 v8 z"
    ink = style["stroke"]
    return _tag(
        "path",
        d=whisker,
        fill="none",
        stroke=ink,
        stroke_width=2.0,
        class_="shape",
        stroke_dasharray=style.get("stroke_dasharray"),
    ) + _tag("path", d=tip, fill=ink)


def timeline(
    marks: Sequence[Mark],
    *,
    width: float = 1000,
    undated: int = 0,
    label: str = "Events",
    most: int = MOST_MARKS,
) -> Markup:
    """Events on a time axis, one row each in date order, each a link to its page; a legend under them.

    ``undated`` counts the events the graph gives no date (said under the chart, not drawn); of more than
    ``most`` marks, the latest are drawn and the others counted under the chart.
    """
    if not marks:
        message = "No event has a date in the text." if undated else "No events."
        return _empty(width, message, "over-time")
    marks = sorted(marks, key=lambda m: (m.first, m.last, m.label))
    earlier = max(len(marks) - most, 0)
    marks = marks[earlier:]
    start, end, ticks = axis(min(m.first for m in marks), max(m.last for m in marks))
    left, right, top, row = 12.0, width - 12.0, 30.0, 24.0
    days = max((end - start).days, 1)

    def x(day: dt.date) -> float:
        return left + (right - left) * (day - start).days / days

    height = top + row * len(marks)
    parts = [_tag("line", x1=left, y1=top - 6, x2=right, y2=top - 6, stroke=MUTED)]
    for day, text in ticks:
        parts.append(_tag("line", x1=x(day), y1=top - 10, x2=x(day), y2=height, stroke=LINE))
        at = x(day)
        anchor = "start" if at - left < 30 else "end" if right - at < 30 else "middle"
        parts.append(_text(text, x=at, y=top - 14, fill=MUTED, text_anchor=anchor, class_="tick"))
    for n, mark in enumerate(marks):
        y = top + row * n + row / 2
        x1, x2 = x(mark.first), x(mark.last + dt.timedelta(days=1))
        if mark.shape == "point":
            x1 = x2 = x(mark.first) + (x2 - x1) / 2
        ends = right if mark.shape == "ongoing" else x2
        name = shorten(mark.label, 60)
        if ends < (left + right) / 2:
            text = _text(name, x=ends + 8, y=y + 4, class_="label", **HALO)
        else:
            text = _text(
                name,
                x=x1 - (44 if mark.shape == "before" else 8),
                y=y + 4,
                text_anchor="end",
                class_="label",
                **HALO,
            )
        state = f" ({mark.state})" if mark.state else ""
        title = _title(f"{mark.label}: {mark.when or mark.first.isoformat()}{state}")
        shape = _shape(mark, x1, x2, y, row, right)
        css = f"mark {mark.shape} {mark.state}".strip()
        parts.append(_link(mark.href, title + shape + text, class_=css))
    legend, legend_height = _timeline_legend(width, height + 14)
    left_out = [f"{earlier} earlier"] if earlier else []
    left_out += [f"{undated} without a date in the text"] if undated else []
    note = ""
    if left_out:
        note = _text(
            f"{' and '.join(left_out)} not drawn: see the list.",
            x=left,
            y=height + legend_height + 22,
            fill=MUTED,
            class_="undated",
        )
    total = height + legend_height + (36 if note else 8)
    return _svg(width, total, "".join(parts) + legend + note, css="over-time", label=label)


def _timeline_legend(width: float, top: float) -> tuple[str, float]:
    """The legend of the shapes, ``top`` down, and its height."""
    body, height = _legend_body(width)
    return _tag("g", body, class_="legend", transform=f"translate(0 {_num(top)})"), height


@functools.cache
def _legend_body(width: float) -> tuple[str, float]:
    """The same for every timeline of a width: drawn once."""
    parts, x, y, top = [], 12.0, 10.0, 0.0
    for shape, state, words in TIMELINE_LEGEND:
        span = 8.0 + 7 * len(words) + 46
        if x + span > width - 12:
            x, y = 12.0, y + 22
        day = dt.date(2000, 1, 1)
        sample = Mark(words, "", day, day, shape, state)
        x1, x2 = (x + 12, x + 12) if shape == "point" else (x, x + 26)
        if shape == "before":
            x1 = x2 = x + 36
        end = x + 30 if shape == "ongoing" else x2
        parts.append(_shape(sample, x1, x2, y, 18.0, end))
        parts.append(_text(words, x=x + 42, y=y + 4, fill=MUTED))
        x += span
    return "".join(parts), y - top + 14


# --- who met whom -------------------------------------------------------------------------------------------


def _node_shape(kind: str, cx: float, cy: float, r: float, **style: object) -> str:
    if kind == "organization":
        return _tag("rect", x=cx - r, y=cy - r, width=2 * r, height=2 * r, rx=3.0, **style)
    if kind in ("place", "thing"):
        d = (
            f"M{_num(cx)} {_num(cy - r - 2)} L{_num(cx + r + 2)} {_num(cy)} L{_num(cx)} {_num(cy + r + 2)} "
            f"L{_num(cx - r - 2)} {_num(cy)} Z"
        )
        return _tag("path", d=d, **style)
    return _tag("circle", cx=cx, cy=cy, r=r, **style)


def _bow(x1: float, y1: float, x2: float, y2: float, cx: float, cy: float) -> tuple[tuple[float, float], ...]:
    """The control point of a curve from (x1, y1) to (x2, y2) bowed away from (cx, cy), and the curve's
    middle."""
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    dx, dy = mx - cx, my - cy
    if math.hypot(dx, dy) < 1:  # through the centre: bow to one side
        dx, dy = -(y2 - y1), x2 - x1
    norm, chord = math.hypot(dx, dy) or 1.0, math.hypot(x2 - x1, y2 - y1)
    qx, qy = mx + dx / norm * chord * 0.3, my + dy / norm * chord * 0.3
    return (qx, qy), ((mx + qx) / 2, (my + qy) / 2)


def network(
    centre: Node,
    others: Sequence[Node],
    edges: Sequence[Edge],
    *,
    width: float = 1000,
    label: str = "Network",
) -> Markup:
    """Who took part in the same events as ``centre``: it in the middle, the others on a circle (most shared
    events first, clockwise from the top), an edge for each pair with the number of events they shared.

    Every node links to its page; every edge to the events behind it (``Edge.href``) with a title naming them.
    Edges among the others are drawn lighter. Pairs that only planned to meet are dashed.
    """
    if not others:
        return _empty(width, "Nobody else took part in its events.", "network")
    height = min(width, 120 + 36 * len(others)) if len(others) > 2 else 220.0
    height = max(height, 320.0)
    cx, cy = width / 2, height / 2
    radius = min(cx - 150, cy - 34)
    place = {centre.key: (cx, cy)}
    for n, node in enumerate(others):
        angle = -math.pi / 2 + 2 * math.pi * n / len(others)
        place[node.key] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    strongest = max((e.count for e in edges), default=1)
    lines = []
    for edge in sorted(edges, key=lambda e: (centre.key in (e.a, e.b), e.count)):
        if edge.a not in place or edge.b not in place:
            continue
        (x1, y1), (x2, y2) = place[edge.a], place[edge.b]
        own = centre.key in (edge.a, edge.b)
        ink = ACCENT if own else "#9aa5b1"
        if not edge.met:
            ink = FUTURE_INK
        style = {
            "stroke": ink,
            "stroke_width": 1.5 + 4.5 * edge.count / strongest,
            "stroke_opacity": None if own else "0.5",
            "stroke_dasharray": None if edge.met else "5 3",
        }
        body = _title(edge.title or f"{edge.count} shared event(s)")
        if own:
            body += _tag("line", x1=x1, y1=y1, x2=x2, y2=y2, class_="edge-line", **style)
            (ox, oy) = place[edge.b if edge.a == centre.key else edge.a]
            mx, my = cx + (ox - cx) * 0.6, cy + (oy - cy) * 0.6  # the count away from the centre's name
        else:  # bowed away from the centre, so that no edge between two others hides under its edges
            (qx, qy), (mx, my) = _bow(x1, y1, x2, y2, cx, cy)
            d = f"M{_num(x1)} {_num(y1)} Q{_num(qx)} {_num(qy)} {_num(x2)} {_num(y2)}"
            body += _tag("path", d=d, fill="none", class_="edge-line", **style)
        if own or edge.count > 1:
            body += _tag("circle", cx=mx, cy=my, r=9.0, fill="#ffffff", stroke=ink)
            body += _text(
                str(edge.count), x=mx, y=my + 4, text_anchor="middle", font_size="11", class_="count"
            )
        css = "edge" + ("" if edge.met else " planned") + (" own" if own else "")
        lines.append(_link(edge.href, body, class_=css))
    nodes = []
    for node in (centre, *others):
        x, y = place[node.key]
        big = node is centre
        shape = _node_shape(
            node.kind,
            x,
            y,
            11.0 if big else 7.0,
            fill=ACCENT if big else "#ffffff",
            stroke=ACCENT,
            stroke_width=2.0,
        )
        if big:
            text = _text(
                shorten(node.label, 40), x=x, y=y + 28, text_anchor="middle", font_weight="bold", **HALO
            )
        else:
            right = x >= cx + 1
            text = _text(
                shorten(node.label, 26),
                x=x + (12 if right else -12),
                y=y + 4,
                text_anchor="start" if right else "end",
                **HALO,
            )
        css = "node " + node.kind + (" centre" if big else "")
        nodes.append(_link(node.href, _title(node.label) + shape + text, class_=css))
    legend = _network_legend(sorted({n.kind for n in (centre, *others)}), height)
    return _svg(width, height + 26, "".join(lines) + "".join(nodes) + legend, css="network", label=label)


KIND_WORDS = {"person": "person", "organization": "organization", "place": "country or place"}


def _network_legend(kinds: Sequence[str], top: float) -> str:
    """What the shapes and lines of the network mean: one row under it."""
    y, x, parts = top + 12, 12.0, []
    for kind in kinds:
        parts.append(_node_shape(kind, x + 6, y, 6.0, fill="#ffffff", stroke=ACCENT, stroke_width=2.0))
        parts.append(_text(KIND_WORDS.get(kind, kind), x=x + 18, y=y + 4, fill=MUTED))
        x += 30 + 6.5 * len(KIND_WORDS.get(kind, kind))
    for words, style in (
        ("took part in the same event", {"stroke": ACCENT}),
        ("only planned or proposed together", {"stroke": FUTURE_INK, "stroke_dasharray": "5 3"}),
    ):
        parts.append(_tag("line", x1=x, y1=y, x2=x + 28, y2=y, stroke_width=2.5, **style))
        parts.append(_text(words, x=x + 34, y=y + 4, fill=MUTED))
        x += 50 + 6.5 * len(words)
    return _tag("g", "".join(parts), class_="legend")


# --- the corpus at a glance ---------------------------------------------------------------------------------


def bars(items: Sequence[Bar], *, width: float = 1000, height: float = 160, label: str = "Bars") -> Markup:
    """A bar chart (articles per day): one bar per item in the order given, its value on top."""
    if not items:
        return _empty(width, "Nothing to count yet.", "bars")
    top, bottom, left, right = 18.0, 22.0, 8.0, width - 8.0
    slot = min((right - left) / len(items), 48.0)
    tallest = max(max(i.value for i in items), 1)
    gap = min(slot * 0.2, 6.0)
    every = max(1, math.ceil(len(items) * 70 / (right - left)))
    parts = [_tag("line", x1=left, y1=height - bottom, x2=right, y2=height - bottom, stroke=MUTED)]
    for n, item in enumerate(items):
        h = (height - top - bottom) * item.value / tallest
        x = left + slot * n + gap / 2
        body = _title(item.title or f"{item.label}: {item.value}")
        body += _tag(
            "rect",
            x=x,
            y=height - bottom - h,
            width=max(slot - gap, 1.0),
            height=h,
            fill=ACCENT,
            class_="bar",
        )
        if slot >= 18:
            body += _text(
                str(item.value),
                x=x + (slot - gap) / 2,
                y=height - bottom - h - 4,
                text_anchor="middle",
                font_size="11",
            )
        parts.append(_link(item.href, body, class_="bar"))
        if n % every == 0:
            parts.append(
                _text(
                    item.label,
                    x=x + (slot - gap) / 2,
                    y=height - 6,
                    text_anchor="middle",
                    fill=MUTED,
                    font_size="11",
                )
            )
    return _svg(width, height, "".join(parts), css="bars", label=label)


def ranking(items: Sequence[Bar], *, width: float = 480, label: str = "Ranking") -> Markup:
    """Horizontal bars with their labels (the most mentioned persons or places), largest first."""
    if not items:
        return _empty(width, "None yet.", "ranking")
    row, text_width = 22.0, min(150.0, width * 0.45)
    tallest = max(max(i.value for i in items), 1)
    parts = []
    for n, item in enumerate(items):
        y = row * n
        w = (width - text_width - 40) * item.value / tallest
        body = _title(item.title or f"{item.label}: {item.value}")
        body += _text(shorten(item.label, 24), x=text_width - 6, y=y + 15, text_anchor="end")
        body += _tag(
            "rect", x=text_width, y=y + 4, width=max(w, 1.0), height=row - 8, fill=ACCENT, class_="bar"
        )
        body += _text(str(item.value), x=text_width + w + 4, y=y + 15, fill=MUTED, font_size="11")
        parts.append(_link(item.href, body, class_="bar"))
    return _svg(width, row * len(items) + 4, "".join(parts), css="ranking", label=label)


def shares(
    rows: Sequence[tuple[str, Sequence[Share]]], *, width: float = 1000, label: str = "Shares"
) -> Markup:
    """One stacked bar per row (``(name, parts)``), each part as wide as its share of the row, with its
    percentage; a legend of the parts under them."""
    if not any(p.value for _, parts in rows for p in parts):
        return _empty(width, "No facts yet.", "shares")
    row, text_width, left = 34.0, 110.0, 8.0
    out = []
    for n, (name, parts) in enumerate(rows):
        y = row * n
        out.append(_text(name, x=text_width - 8, y=y + 20, text_anchor="end"))
        total = sum(p.value for p in parts)
        x = text_width
        for part in parts:
            if not part.value:
                continue
            w = (width - text_width - left) * part.value / total
            percent = f"{100 * part.value / total:.0f} %"
            body = _title(f"{name}: {part.label}, {part.value} of {total} ({percent})")
            body += _tag(
                "rect",
                x=x,
                y=y + 6,
                width=w,
                height=row - 12,
                fill=part.colour,
                stroke="#ffffff",
                stroke_dasharray="4 2" if part.dashed else None,
                class_="part",
            )
            if w > 48:
                body += _text(
                    percent, x=x + w / 2, y=y + 21, text_anchor="middle", fill="#ffffff", font_size="11"
                )
            out.append(_tag("g", body, class_="share"))
            x += w
    seen: dict[str, Share] = {}
    for _, parts in rows:
        for part in parts:
            seen.setdefault(part.label, part)
    y, x = row * len(rows) + 8, text_width
    for part in seen.values():
        room = 28 + 6.5 * len(part.label)
        if x + room > width and x > text_width:
            x, y = text_width, y + 20
        dashes = {"stroke": "#ffffff", "stroke_dasharray": "3 1.5"} if part.dashed else {}
        out.append(_tag("rect", x=x, y=y, width=12.0, height=12.0, fill=part.colour, **dashes))
        out.append(_text(part.label, x=x + 16, y=y + 10, fill=MUTED))
        x += room
    return _svg(width, y + 20, "".join(out), css="shares", label=label)


__all__ = [
    "Bar",
    "Edge",
    "Mark",
    "Node",
    "Share",
    "axis",
    "bars",
    "network",
    "ranking",
    "shares",
    "shorten",
    "timeline",
]
