"""How the timeline lists events: by year, then by month, season or 'known to the year'."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .. import dates
from ..model import Dataset, Event
from ..vocab import STATUSES


def by_year(events: list[Event]) -> list[tuple[int, list[Event]]]:
    """Events grouped by the year each starts in, years in order of first appearance, order kept within."""
    years: dict[int, list[Event]] = {}
    for event in events:
        years.setdefault(event.date.known.year, []).append(event)
    return list(years.items())


def group_key(event: Event) -> tuple[str, str]:
    """(anchor, heading) of the group an event is listed under within its year."""
    point = event.date.known
    if point.precision == "year":
        return f"y{point.year}-all", f"{point.year}, date known to the year"
    if point.precision == "season":
        return f"s{point.year}-{point.season}", f"{dates.SEASONS[point.season]} {point.year}"
    lower = point.lower()
    return f"m{lower:%Y-%m}", f"{lower:%B %Y}"


def month_groups(events: Iterable[Event]) -> list[tuple[str, str, list[Event]]]:
    groups: dict[str, tuple[str, list[Event]]] = {}
    for event in events:
        anchor, heading = group_key(event)
        groups.setdefault(anchor, (heading, []))[1].append(event)
    return [(anchor, heading, members) for anchor, (heading, members) in groups.items()]


def filter_options(data: Dataset, events: list[Event]) -> dict:
    actors = Counter(a for e in events for a in e.actor_ids())
    tags = Counter(t for e in events for t in e.tags)
    statuses = Counter(e.status for e in events)
    return {
        "actors": sorted(((data.actors[a], n) for a, n in actors.items()), key=lambda x: x[0].name.casefold()),
        "tags": sorted(((data.tags[t], n) for t, n in tags.items()), key=lambda x: x[0].label),
        "statuses": [(s, statuses[s]) for s in STATUSES if statuses[s]],
    }
