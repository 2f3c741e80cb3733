"""timelinejs.json: the timeline in Knight Lab's TimelineJS format, to draw it with TimelineJS."""

from __future__ import annotations

import json

from .. import routes
from ..model import Dataset
from ..site.render import summary_html
from .context import ExportContext, macros


def _date(point, display: str | None = None) -> dict:
    parts = {"year": point.year}
    if point.season is not None:
        parts["month"] = point.lower().month
    elif point.month is not None:
        parts["month"] = point.month
        if point.day is not None:
            parts["day"] = point.day
    if display:
        parts["display_date"] = display
    return parts


def render(data: Dataset, context: ExportContext) -> str:
    config = context.config
    base = config.url.rstrip("/") + "/" if config.url else "../"  # the page showing it sits one folder down
    text = macros(context).timelinejs_text
    events = []
    for event in data.events:
        d = event.date
        slide = {"unique_id": event.id, "display_date": d.display(), "group": event.status,
                 "text": {"headline": str(macros(context).escape(event.title)),
                          "text": str(text(event, summary_html(event.summary, base), base + routes.event(event.id)))}}
        start = d.start or d.end
        slide["start_date"] = _date(start, start.display() if d.is_interval else d.display())
        if d.is_interval and d.start is not None and d.end is not None:
            slide["end_date"] = _date(d.end, d.end.display())
        events.append(slide)
    document = {"title": {"text": {"headline": str(macros(context).escape(config.title)),
                                   "text": str(macros(context).escape(config.description))}},
                "events": events}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
