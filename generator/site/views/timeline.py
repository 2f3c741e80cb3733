"""The timeline: every event in order, by year and month, with filters; cut by the calendar when long.

Past the site's `split_at`, the timeline's own page lists the years, and each year has its page;
a year still too long lists its months, each with its page (and numbered parts past that),
as paging.py cuts every long list. The overview strip's bars link to the page holding each bar's events.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import routes
from ..head import feed_meta
from ..overview import overview
from ..paging import Slot, cut
from ..timeline_groups import by_year, filter_options, month_groups

if TYPE_CHECKING:
    from .. import Page, Site


def build(site: Site) -> list[Page]:
    data = site.data
    events = data.events
    site.env.globals["month_groups"] = month_groups
    feed = feed_meta(routes.FEED, site.config.title)
    cuts = cut(events, site.config.split_at)
    page = {id(event): routes.timeline(part.slot) for part in cuts for event in part.events}
    page_of = None if cuts[0].whole else (lambda event: page[id(event)])
    of_year = {year: members for year, members in by_year(events)}
    pages = []
    for part in cuts:
        slot = part.slot
        # The strip shows what the page stands for: the whole list, a whole year, or this page's own events.
        if slot == Slot():
            scope, title, description = events, "Timeline", "Every event in order, grouped by year and month, with filters."
        else:
            scope = of_year[slot.year] if slot == Slot(slot.year) else part.events
            title, description = f"Timeline: {slot.label}", f"Events of {slot.label}."
        pages.append(site.page(routes.timeline(slot), "timeline.html", title, description, feed,
                               events=part.events, total=len(scope), years=by_year(part.events),
                               cut=part, cut_url=routes.timeline, overview=overview(scope, page_of),
                               filters=filter_options(data, part.events),
                               year_only=sum(1 for e in scope if e.date.precision == "year")))
    return pages
