"""Long lists of events cut into pages that any reader's browser handles well.

A list (the timeline, an actor's events, a topic's) longer than the site's `split_at` is cut
by the calendar: a page listing the years, then one page per year; a year still longer gets a
page per month, its own page keeping the events known only to the year or a season; whatever
is still longer (a month, or those events) continues in numbered parts of at most `split_at`.
Addresses follow the calendar (`timeline/2024/`, `timeline/2024/10/`, `timeline/2024/10/part-2/`),
so a page keeps its address as events are added to other months and years.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field

from ..model import Event


@dataclass(frozen=True)
class Slot:
    """Where a page sits in the calendar cut: the whole list, a year, a month of it, and a part."""

    year: int | None = None
    month: int | None = None
    part: int | None = None  # 2, 3, ... for the pages that continue a year or month; None for the first

    def path(self) -> str:
        """The slot as the end of an address: '', '2024/', '2024/10/', '2024/10/part-2/'."""
        path = f"{self.year}/" if self.year is not None else ""
        path += f"{self.month:02d}/" if self.month is not None else ""
        return path + (f"part-{self.part}/" if self.part is not None else "")

    @property
    def up(self) -> Slot | None:
        """The page one level up the calendar: a month's year, a year's list; None for the list itself."""
        if self.year is None:
            return None
        return Slot(self.year) if self.month is not None else Slot()

    @property
    def label(self) -> str:
        if self.year is None:
            return ""
        label = f"{calendar.month_name[self.month]} {self.year}" if self.month is not None else str(self.year)
        return label + (f", part {self.part}" if self.part is not None else "")


@dataclass
class Cut:
    """One page of a cut list: its events, the pages below it and the parts it is one of."""

    slot: Slot
    events: list[Event]
    below: list[tuple[Slot, int]] = field(default_factory=list)  # years on the first page, months on a cut year
    parts: list[Slot] = field(default_factory=list)  # every part of this year or month, in order, when there are several

    @property
    def whole(self) -> bool:
        """The list on one page, uncut."""
        return self.slot == Slot() and not self.below


def cut(events: list[Event], limit: int) -> list[Cut]:
    """The pages of `events` (in timeline order), none listing more than `limit` of them; the first is the list's own."""
    if len(events) <= limit:
        return [Cut(Slot(), events)]
    years: dict[int, list[Event]] = {}
    for event in events:
        years.setdefault(event.date.known.year, []).append(event)
    cuts = [Cut(Slot(), [], [(Slot(year), len(members)) for year, members in sorted(years.items())])]
    for year, members in sorted(years.items()):
        if len(members) <= limit:
            cuts.append(Cut(Slot(year), members))
            continue
        months: dict[int, list[Event]] = {}
        undated: list[Event] = []  # known to the year or a season only
        for event in members:
            point = event.date.known
            if point.month is not None and point.season is None:
                months.setdefault(point.month, []).append(event)
            else:
                undated.append(event)
        below = [(Slot(year, month), len(of_month)) for month, of_month in sorted(months.items())]
        cuts += _parts(Slot(year), undated, limit, below)
        for month, of_month in sorted(months.items()):
            cuts += _parts(Slot(year, month), of_month, limit)
    return cuts


def numbered(items: list, limit: int) -> list[tuple[Slot, list]]:
    """A list that has no calendar to follow, in parts of at most `limit`: (Slot() or Slot(part=n), items)."""
    return [(cut_.slot, cut_.events) for cut_ in _parts(Slot(), items, limit)]


def _parts(slot: Slot, events: list[Event], limit: int, below: list[tuple[Slot, int]] | None = None) -> list[Cut]:
    chunks = [events[start:start + limit] for start in range(0, len(events), limit)] or [[]]
    slots = [slot] + [Slot(slot.year, slot.month, number) for number in range(2, len(chunks) + 1)]
    parts = slots if len(slots) > 1 else []
    return [Cut(s, chunk, list(below or []) if s == slot else [], parts) for s, chunk in zip(slots, chunks, strict=True)]


def grouped(cuts: list[Cut], groups: dict[str, list[Event]]) -> list[dict[str, list[Event]]]:
    """`groups` (e.g. an actor's events by role) narrowed to the events of each page of the cut, in one pass."""
    if len(cuts) == 1 and cuts[0].whole:
        return [groups]
    page_of = {id(event): number for number, cut_ in enumerate(cuts) for event in cut_.events}
    pages: list[dict[str, list[Event]]] = [{name: [] for name in groups} for _ in cuts]
    for name, events in groups.items():
        for event in events:
            number = page_of.get(id(event))
            if number is not None:
                pages[number][name].append(event)
    return pages
