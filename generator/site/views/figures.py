"""The figures page: each metric's claims over time, as a chart drawn at build time with a table beside it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import routes
from ..charts import chart

if TYPE_CHECKING:
    from .. import Page, Site


def build(site: Site) -> list[Page]:
    data = site.data
    charts = [{"metric": data.metrics[metric], "rows": rows, "chart": chart(data, metric, rows)}
              for metric, rows in data.figures_by_metric().items()]
    return [site.page(routes.FIGURES, "figures.html", "Competing figures",
                      "Every figure by claimant over time, as claimed, never averaged.", charts=charts)]
