"""The overview strip above the timeline: how many events start in each month, as bars to jump to.

Only geometry here; `_overview.html` draws it. Over a long span a bar stands for a year, a
decade or a century instead, so the strip never has more than OVERVIEW_BARS bars.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Event
from .timeline_groups import group_key

OVERVIEW_BARS = 240
OVERVIEW_UNITS = ((1, "month"), (12, "year"), (120, "decade"), (1200, "century"), (12000, "millennium"))
BAR, GAP, HEIGHT, AXIS = 14, 4, 60, 18


@dataclass
class Overview:
    unit: str = "month"
    width: int = 0
    height: int = HEIGHT
    axis: int = AXIS
    bar: int = BAR
    bars: list[dict] = field(default_factory=list)   # x; y, h, label, target for a bar with events; year to label


def _bin_label(first_month: int, size: int) -> str:
    year, month = divmod(first_month, 12)
    if size == 1:
        return f"{dt.date(year, month + 1, 1):%B %Y}"
    if size == 12:
        return f"{year}"
    return f"{year}–{year + size // 12 - 1}"


def overview(events: list[Event], page_of: Callable[[Event], str] | None = None) -> Overview:
    """Bars of events per month (or longer bins), each with the anchor it links to; empty without dated events.

    `page_of` gives the address of the page listing an event, when the list is cut into pages;
    without it, every bar links to an anchor on the page itself.
    """
    events = [e for e in events if e.date.precision != "year"]  # a bar per month cannot show them honestly
    if not events:
        return Overview()
    months = [e.date.known.lower().year * 12 + e.date.known.lower().month - 1 for e in events]
    span = max(months) - min(months) + 1
    size, unit = next((size, unit) for size, unit in OVERVIEW_UNITS
                      if span // size + 2 <= OVERVIEW_BARS or size == OVERVIEW_UNITS[-1][0])
    counts: Counter = Counter()
    targets: dict[int, str] = {}
    for event, month in zip(events, months, strict=True):
        key = month // size
        counts[key] += 1
        year = event.date.known.lower().year
        anchor = group_key(event)[0] if size == 1 else f"y{year}"
        if key not in targets:
            targets[key] = (page_of(event) if page_of else "") + f"#{anchor}"
    first, last = min(counts), max(counts)
    peak = max(counts.values())
    result = Overview(unit=unit, width=(last - first + 1) * (BAR + GAP))
    for index, key in enumerate(range(first, last + 1)):
        x = index * (BAR + GAP)
        n = counts.get(key, 0)
        bar = {"x": x}
        if n:
            h = max(4, round(HEIGHT * n / peak))
            bar.update(y=HEIGHT - h, h=h, target=targets[key],
                       label=f"{_bin_label(key * size, size)}: {n} event{'s' if n != 1 else ''}")
        year, month = divmod(key * size, 12)
        if index == 0 or (size == 1 and month == 0) or (size > 1 and year % (size // 12 * 10) == 0):
            bar["year"] = year
        result.bars.append(bar)
    return result
