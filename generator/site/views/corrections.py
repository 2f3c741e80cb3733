"""Every correction made to an event, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import routes
from ..head import feed_meta

if TYPE_CHECKING:
    from .. import Page, Site


def build(site: Site) -> list[Page]:
    rows = [(c, e) for e in site.data.events for c in e.corrections]
    rows.sort(key=lambda row: row[0].date, reverse=True)  # stable: same day keeps timeline order
    return [site.page(routes.CORRECTIONS, "corrections.html", "Corrections",
                      "Every correction made to the timeline's events, newest first, with what changed and why.",
                      feed_meta(routes.CORRECTIONS_FEED, f"{site.config.title}: Corrections"), rows=rows)]
