"""Competing figures as SVG charts drawn at build time: no JavaScript, nothing fetched.

One chart per metric: time across, the figure up; each claimant has its own
shape and colour (named in a legend, so colour is never the only cue); ranges
are vertical bars; a figure dated to a span of time carries a horizontal line
across that span. Every mark links to the event that reports it.
"""

from __future__ import annotations

import datetime as dt
import html
import math

from markupsafe import Markup

from .model import Dataset, Event, Figure

WIDTH, HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 70, 20, 20, 40
PALETTE = ("#1a4fa0", "#b71c1c", "#1b5e20", "#8a4b00", "#4a148c", "#00695c", "#37474f", "#ad1457")
SHAPES = ("circle", "square", "triangle", "diamond", "cross", "star")
QUALIFIER_MARKS = {"exact": "", "approx": "~", "at-least": "≥", "at-most": "≤"}


MAX_TICKS = 14
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


def _shape(kind: str, x: float, y: float, r: float, colour: str, hollow: bool) -> str:
    fill = "var(--md-default-bg-color, #fff)" if hollow else colour
    style = f'fill="{fill}" stroke="{colour}" stroke-width="2"'
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" {style}/>'
    if kind == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" {style}/>'
    if kind == "triangle":
        return f'<polygon points="{x:.1f},{y - r - 1:.1f} {x - r - 1:.1f},{y + r:.1f} {x + r + 1:.1f},{y + r:.1f}" {style}/>'
    if kind == "diamond":
        return f'<polygon points="{x:.1f},{y - r - 2:.1f} {x + r + 2:.1f},{y:.1f} {x:.1f},{y + r + 2:.1f} {x - r - 2:.1f},{y:.1f}" {style}/>'
    if kind == "cross":
        return (f'<path d="M{x - r:.1f},{y - r:.1f}L{x + r:.1f},{y + r:.1f}M{x - r:.1f},{y + r:.1f}L{x + r:.1f},{y - r:.1f}" '
                f'stroke="{colour}" stroke-width="3" fill="none"/>')
    points = []
    for i in range(10):
        angle = math.pi / 2 + i * math.pi / 5
        radius = r + 2 if i % 2 == 0 else (r + 2) / 2.5
        points.append(f"{x + radius * math.cos(angle):.1f},{y - radius * math.sin(angle):.1f}")
    return f'<polygon points="{" ".join(points)}" {style}/>'


def chart(data: Dataset, metric: str, rows: list[tuple[Event, Figure]], link) -> tuple[Markup, list[tuple[str, str, str]]]:
    """The SVG for one metric and its legend as (claimant, colour, shape)."""
    claimants = list(dict.fromkeys(claimant_key(data, f) for _, f in rows))
    style = {c: (PALETTE[i % len(PALETTE)], SHAPES[i % len(SHAPES)]) for i, c in enumerate(claimants)}
    start = _shift(min(f.as_of.earliest() for _, f in rows), -31)
    end = _shift(max(f.as_of.latest() for _, f in rows), 31)
    days = max((end - start).days, 1)
    top = _nice_max(max((f.high if f.is_range else f.value) for _, f in rows))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_of(day: dt.date) -> float:
        return LEFT + plot_w * (day - start).days / days

    def y_of(value: float) -> float:
        return TOP + plot_h * (1 - value / top)

    unit = data.metrics[metric].unit or ""
    label = html.escape(data.metrics[metric].label)
    out = [f'<svg class="tl-chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="group" '
           f'aria-label="{label}: figures by claimant over time; the table below gives the same figures">']
    for i in range(6):
        value = top * i / 5
        y = y_of(value)
        out.append(f'<line class="tl-chart__grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
        out.append(f'<text class="tl-chart__tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{value:,.0f}</text>')
    step = next((s for s in TICK_STEPS if days / 30.4 / s <= MAX_TICKS), TICK_STEPS[-1])
    first_tick = True
    # The first month on the step's grid, then one tick per step: a span of centuries costs no more than a year.
    index = start.year * 12 + start.month - 1
    index += -index % step
    while index <= end.year * 12 + end.month - 1:
        month = dt.date(index // 12, index % 12 + 1, 1)
        index += step
        if month >= start:
            x = x_of(month)
            out.append(f'<line class="tl-chart__grid" x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{TOP + plot_h}"/>')
            out.append(f'<text class="tl-chart__tick" x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">'
                       f'{month.year if step >= 12 else f"{month:%b}"}</text>')
            if step < 12 and (month.month == 1 or first_tick):
                out.append(f'<text class="tl-chart__tick" x="{x:.1f}" y="{HEIGHT - BOTTOM + 30}" text-anchor="middle">{month.year}</text>')
            first_tick = False
    out.append(f'<text class="tl-chart__axis" x="14" y="{TOP + plot_h / 2:.0f}" transform="rotate(-90 14 {TOP + plot_h / 2:.0f})" '
               f'text-anchor="middle">{html.escape(unit)}</text>')
    for event, figure in rows:
        colour, shape = style[claimant_key(data, figure)]
        x0, x1 = x_of(figure.as_of.earliest()), x_of(figure.as_of.latest())
        x = (x0 + x1) / 2
        title = html.escape(f"{claimant_key(data, figure)}: {figure.display()} {unit}, as of "
                            f"{figure.as_of.display()} ({event.title})")
        parts = [f'<title>{title}</title>']
        if x1 - x0 > 2:
            y = y_of(figure.value if not figure.is_range else (figure.low + figure.high) / 2)
            parts.append(f'<line x1="{x0:.1f}" x2="{x1:.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="{colour}" '
                         f'stroke-width="2" stroke-dasharray="4 3"/>')
        if figure.is_range:
            y_low, y_high = y_of(figure.low), y_of(figure.high)
            parts.append(f'<rect x="{x - 5:.1f}" y="{y_high:.1f}" width="10" height="{max(y_low - y_high, 2):.1f}" '
                         f'fill="{colour}" fill-opacity=".35" stroke="{colour}" stroke-width="2"/>')
            y, text = y_high, f"{figure.low:,}–{figure.high:,}"
        else:
            y = y_of(figure.value)
            text = f"{figure.value:,}"
        parts.append(_shape(shape, x, y, 6, colour, hollow=figure.qualifier != "exact"))
        mark = QUALIFIER_MARKS[figure.qualifier]
        parts.append(f'<text class="tl-chart__label" x="{x + 10:.1f}" y="{y - 8:.1f}">{html.escape(mark + text)}</text>')
        out.append(f'<a href="{html.escape(link("events/" + event.id + "/"))}" aria-label="{title}">{"".join(parts)}</a>')
    out.append("</svg>")
    legend = [(c, style[c][0], style[c][1]) for c in claimants]
    return Markup("".join(out)), legend


def legend_swatch(colour: str, shape: str) -> Markup:
    return Markup(f'<svg class="tl-swatch" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">'
                  f'{_shape(shape, 9, 9, 5, colour, hollow=False)}</svg>')
