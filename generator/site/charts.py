"""Competing figures as SVG charts drawn at build time: no JavaScript, nothing fetched.

Only geometry here, with numbers already formatted; `_chart.html` draws the SVG.

One chart per metric: time across, the figure up; each claimant has its own
shape and colour (named in a legend, so colour is never the only cue); ranges
are vertical bars; a figure dated to a span of time carries a horizontal line
across that span. Every mark links to the event that reports it.
"""

from __future__ import annotations

import datetime as dt
import math

from .. import routes
from ..model import Dataset, Event, Figure
from ..vocab import QUALIFIER_MARKS

WIDTH, HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 70, 20, 20, 40
PALETTE = ("#1a4fa0", "#b71c1c", "#1b5e20", "#8a4b00", "#4a148c", "#00695c", "#37474f", "#ad1457")
SHAPES = ("circle", "square", "triangle", "diamond", "cross", "star")


MAX_TICKS = 14
MAX_MARKS = 120  # figures one chart draws one by one; past this it summarises (see _summary_marks)
TICK_STEPS = (1, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000, 24000)  # months between ticks


def _shift(day: dt.date, days: int) -> dt.date:
    """`day` moved by `days`, stopping at the ends of the calendar."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def claimant_key(data: Dataset, figure: Figure) -> str:
    if not figure.claimed_by:
        return "Unattributed (source's own voice)"
    return " and ".join(data.actors[a].label for a in figure.claimed_by)


def _nice_max(value: int) -> int:
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        top = step * magnitude
        if top >= value * 1.1:
            return int(top)
    return int(10 * magnitude)


def shape(kind: str, x: float, y: float, r: float, colour: str, hollow: bool) -> dict:
    """One claimant's mark: the SVG element and its formatted coordinates."""
    fill = "var(--md-default-bg-color, #fff)" if hollow else colour
    base = {"colour": colour, "fill": fill}
    if kind == "circle":
        return {**base, "element": "circle", "cx": f"{x:.1f}", "cy": f"{y:.1f}", "r": f"{r}"}
    if kind == "square":
        return {**base, "element": "rect", "x": f"{x - r:.1f}", "y": f"{y - r:.1f}", "size": f"{2 * r}"}
    if kind == "triangle":
        points = f"{x:.1f},{y - r - 1:.1f} {x - r - 1:.1f},{y + r:.1f} {x + r + 1:.1f},{y + r:.1f}"
        return {**base, "element": "polygon", "points": points}
    if kind == "diamond":
        points = f"{x:.1f},{y - r - 2:.1f} {x + r + 2:.1f},{y:.1f} {x:.1f},{y + r + 2:.1f} {x - r - 2:.1f},{y:.1f}"
        return {**base, "element": "polygon", "points": points}
    if kind == "cross":
        return {**base, "element": "path",
                "d": f"M{x - r:.1f},{y - r:.1f}L{x + r:.1f},{y + r:.1f}M{x - r:.1f},{y + r:.1f}L{x + r:.1f},{y - r:.1f}"}
    points = []
    for i in range(10):
        angle = math.pi / 2 + i * math.pi / 5
        radius = r + 2 if i % 2 == 0 else (r + 2) / 2.5
        points.append(f"{x + radius * math.cos(angle):.1f},{y - radius * math.sin(angle):.1f}")
    return {**base, "element": "polygon", "points": " ".join(points)}


def chart(data: Dataset, metric: str, rows: list[tuple[Event, Figure]]) -> dict:
    """Everything `_chart.html` needs to draw one metric, and its legend as (claimant, shape)."""
    claimants = list(dict.fromkeys(claimant_key(data, f) for _, f in rows))
    style = {c: (PALETTE[i % len(PALETTE)], SHAPES[i % len(SHAPES)]) for i, c in enumerate(claimants)}
    start = _shift(min(f.as_of.earliest() for _, f in rows), -31)
    end = _shift(max(f.as_of.latest() for _, f in rows), 31)
    days = max((end - start).days, 1)
    top = _nice_max(max((f.high if f.is_range else f.value) for _, f in rows))  # type: ignore[type-var]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_of(day: dt.date) -> float:
        return LEFT + plot_w * (day - start).days / days

    def y_of(value: float) -> float:
        return TOP + plot_h * (1 - value / top)

    unit = data.metrics[metric].unit or ""
    grid = []
    for i in range(6):
        value = top * i / 5
        y = y_of(value)
        grid.append({"y": f"{y:.1f}", "label_y": f"{y + 4:.1f}", "label": f"{value:,.0f}"})
    ticks = []
    step = next((s for s in TICK_STEPS if days / 30.4 / s <= MAX_TICKS), TICK_STEPS[-1])
    first_tick = True
    # The first month on the step's grid, then one tick per step: a span of centuries costs no more than a year.
    index = start.year * 12 + start.month - 1
    index += -index % step
    while index <= end.year * 12 + end.month - 1:
        month = dt.date(index // 12, index % 12 + 1, 1)
        index += step
        if month >= start:
            ticks.append({"x": f"{x_of(month):.1f}", "label": str(month.year) if step >= 12 else f"{month:%b}",
                          "year": month.year if step < 12 and (month.month == 1 or first_tick) else None})
            first_tick = False
    if len(rows) > MAX_MARKS:
        marks = _summary_marks(data, rows, style, x_of, y_of, start, days, unit, metric)
        return {**_frame(data, metric, plot_h, unit, grid, ticks, marks, style, claimants), "summarised": len(rows)}
    marks = []
    for event, figure in rows:
        colour, kind = style[claimant_key(data, figure)]
        x0, x1 = x_of(figure.as_of.earliest()), x_of(figure.as_of.latest())
        x = (x0 + x1) / 2
        mark: dict = {"target": routes.event(event.id), "colour": colour,
                      "title": f"{claimant_key(data, figure)}: {figure.display()} {unit}, as of "
                               f"{figure.as_of.display()} ({event.title})"}
        if x1 - x0 > 2:
            y = y_of(figure.value if not figure.is_range else (figure.low + figure.high) / 2)  # type: ignore[operator]
            mark["span"] = {"x0": f"{x0:.1f}", "x1": f"{x1:.1f}", "y": f"{y:.1f}"}
        if figure.is_range:
            y_low, y_high = y_of(figure.low), y_of(figure.high)  # type: ignore[arg-type]
            mark["range"] = {"x": f"{x - 5:.1f}", "y": f"{y_high:.1f}", "h": f"{max(y_low - y_high, 2):.1f}"}
            y, text = y_high, f"{figure.low:,}–{figure.high:,}"
        else:
            y = y_of(figure.value)  # type: ignore[arg-type]
            text = f"{figure.value:,}"
        mark["shape"] = shape(kind, x, y, 6, colour, hollow=figure.qualifier != "exact")
        mark["label"] = {"x": f"{x + 10:.1f}", "y": f"{y - 8:.1f}", "text": QUALIFIER_MARKS[figure.qualifier] + text}
        marks.append(mark)
    return {**_frame(data, metric, plot_h, unit, grid, ticks, marks, style, claimants), "summarised": 0}


def _frame(data: Dataset, metric: str, plot_h: float, unit: str, grid: list, ticks: list, marks: list, style: dict,
           claimants: list[str]) -> dict:
    return {"width": WIDTH, "height": HEIGHT, "left": LEFT, "right_x": WIDTH - RIGHT, "top": TOP,
            "bottom_y": TOP + plot_h, "tick_y": HEIGHT - BOTTOM + 16, "year_y": HEIGHT - BOTTOM + 30,
            "axis_y": f"{TOP + plot_h / 2:.0f}", "unit": unit, "label": data.metrics[metric].label,
            "grid": grid, "ticks": ticks, "marks": marks,
            "legend": [(c, shape(style[c][1], 9, 9, 5, style[c][0], hollow=False)) for c in claimants]}


def _summary_marks(data: Dataset, rows: list[tuple[Event, Figure]], style: dict, x_of, y_of, start: dt.date,
                   days: int, unit: str, metric: str) -> list[dict]:
    """Past MAX_MARKS figures, one mark per claimant per stretch of time: a bar from the lowest to the
    highest figure claimed in it, and the mark at the latest, so the chart keeps its shape at any size."""
    stretches = max(12, MAX_MARKS // max(len(style), 1))
    groups: dict[tuple[str, int], list[tuple[Event, Figure]]] = {}
    for event, figure in rows:
        middle = figure.as_of.earliest() + (figure.as_of.latest() - figure.as_of.earliest()) / 2
        stretch = min(stretches - 1, (middle - start).days * stretches // days)
        groups.setdefault((claimant_key(data, figure), stretch), []).append((event, figure))
    marks = []
    for (claimant, _), members in groups.items():
        colour, kind = style[claimant]
        lows = [f.low if f.is_range else f.value for _, f in members]
        highs = [f.high if f.is_range else f.value for _, f in members]
        low, high = min(lows), max(highs)  # type: ignore[type-var]
        event, figure = members[-1]  # the rows come by date: the latest of the stretch
        first, last = members[0][1].as_of.earliest(), figure.as_of.latest()
        x = (x_of(first) + x_of(last)) / 2
        value = figure.value if not figure.is_range else figure.high
        y = y_of(value)  # type: ignore[arg-type]
        mark: dict = {"target": routes.figures(metric), "colour": colour,
                      "title": f"{claimant}: {len(members):,} figures from {low:,} to {high:,} {unit} "
                               f"between {first:%d %b %Y} and {last:%d %b %Y}; the latest {figure.display()}"}
        if high > low:  # type: ignore[operator]
            y_low, y_high = y_of(low), y_of(high)  # type: ignore[arg-type]
            mark["range"] = {"x": f"{x - 5:.1f}", "y": f"{y_high:.1f}", "h": f"{max(y_low - y_high, 2):.1f}"}
        mark["shape"] = shape(kind, x, y, 6, colour, hollow=figure.qualifier != "exact")
        mark["label"] = {"x": f"{x + 10:.1f}", "y": f"{y - 8:.1f}", "text": ""}
        marks.append(mark)
    return marks
