"""The home page: what the site is, how many events it holds and from when, the latest figures and events."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ... import routes
from ...model import Event
from ..head import feed_meta

if TYPE_CHECKING:
    from .. import Page, Site


def build(site: Site) -> list[Page]:
    data = site.data
    latest = sorted(data.events, key=lambda e: (e.date.latest(), e.id), reverse=True)[:6]
    headline = []
    for metric, rows in data.figures_by_metric().items():
        # Figures of one measure are claims at different dates, not a range of estimates of one number:
        # say how many there are and which is the latest, and leave the comparison to the figures page.
        event, figure = rows[-1]
        claimants = {c for _, f in rows for c in f.claimed_by}
        headline.append({"metric": data.metrics[metric], "latest": figure, "event": event,
                         "claims": len(rows), "claimants": len(claimants)})
    return [site.page(routes.HOME, "home.html", site.config.title,
                      site.config.description or "Every event dated as precisely as the sources allow, every "
                                                 "claim attributed.",
                      feed_meta(routes.FEED, site.config.title), latest=latest, headline=headline, span=dates_span(data.events),
                      documents=len({d for e in data.events for d in e.documents}))]


def dates_span(events: list[Event]) -> tuple[dt.date, dt.date] | None:
    """The first and last day any event's known dates reach, or None without events."""
    if not events:
        return None
    first = min(e.date.earliest() for e in events)
    last = max(point.upper() for e in events for point in (e.date.start, e.date.end) if point is not None)
    return first, last
