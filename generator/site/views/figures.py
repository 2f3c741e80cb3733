"""Competing figures: every metric's claims over time, as a chart drawn at build time with a table beside it.

`/figures/` shows every metric's chart, with its table when all the tables together fit one
page; each metric also has a page of its own (`/figures/<metric>/`) whose table, when long,
continues in numbered parts. A chart of more figures than it can draw one by one summarises
them (see charts.py), so no page grows with the data past what a browser handles well.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from ... import routes
from ..charts import chart
from ..paging import numbered

if TYPE_CHECKING:
    from .. import Page, Site


def build(site: Site) -> list[Page]:
    data = site.data
    limit = site.config.split_at
    by_metric = data.figures_by_metric()
    charts = [{"metric": data.metrics[metric], "rows": rows, "chart": chart(data, metric, rows)}
              for metric, rows in by_metric.items()]
    tables = sum(len(rows) for rows in by_metric.values()) <= limit
    pages = [site.page(routes.FIGURES, "figures.html", "Competing figures",
                       "Every figure by claimant over time, as claimed, never averaged.", charts=charts,
                       tables=tables)]
    for one in charts:
        metric = one["metric"]
        parts = numbered(one["rows"], limit)
        for slot, rows in parts:
            title = f"Figures: {metric.label}" + (f", part {slot.part}" if slot.part else "")
            pages.append(site.page(routes.figures(metric.id, slot), "metric.html", title,
                                   f"Every figure of {metric.label.lower()} by claimant over time.",
                                   m={**one, "rows": rows, "total": len(one["rows"])}, slot=slot,
                                   parts=[s for s, _ in parts] if len(parts) > 1 else [],
                                   part_url=partial(routes.figures, metric.id)))
    return pages
