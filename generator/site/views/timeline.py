"""The timeline: every event in order, by year and month, with filters; split into year pages when long."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import routes
from ..head import feed_meta
from ..overview import overview
from ..timeline_groups import by_year, filter_options, month_groups

if TYPE_CHECKING:
    from .. import Page, Site


def build(site: Site) -> list[Page]:
    data = site.data
    events = data.events
    years = by_year(events)
    split = len(events) > site.config.split_at
    site.env.globals["month_groups"] = month_groups
    feed = feed_meta(routes.FEED, site.config.title)
    pages = [site.page(routes.TIMELINE, "timeline.html", "Timeline",
                       "Every event in order, grouped by year and month, with filters.", feed,
                       events=events, years=[] if split else years, year_pages=[y for y, _ in years] if split else [],
                       overview=overview(events, year_pages=split), filters=filter_options(data, events),
                       year_only=sum(1 for e in events if e.date.precision == "year"))]
    if split:
        for year, group in years:
            pages.append(site.page(routes.timeline(year), "timeline.html", f"Timeline: {year}", f"Events of {year}.",
                                   feed, events=group, years=[(year, group)], year_pages=[],
                                   overview=overview(group, year_pages=False), filters=filter_options(data, group),
                                   year_only=sum(1 for e in group if e.date.precision == "year")))
    return pages
