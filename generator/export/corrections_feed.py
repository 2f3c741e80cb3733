"""feeds/corrections.xml: every correction made to an event, newest first (Atom).

A reader who relied on an event learns here that it changed, what changed and why, even when
the event itself is old and would never reach the top of the main feed again. Each correction
is an entry of its own, dated by the day it was made, with an id that stays the same however
many corrections follow it.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from .. import routes
from ..model import Dataset
from .atom import ATOM, FEED_ENTRIES, feed_base, finish_feed, stable_id, stamp, start_feed, sub
from .context import ExportContext, macros
from .records import midnight


def render(data: Dataset, context: ExportContext, *, self_path: str = routes.CORRECTIONS_FEED) -> str:
    rows = [(c, index, e) for e in data.events for index, c in enumerate(e.corrections)]
    rows.sort(key=lambda row: (row[0].date, row[2].id, row[1]), reverse=True)
    rows = rows[:FEED_ENTRIES]
    newest = midnight(rows[0][0].date) if rows else midnight(dt.date(2000, 1, 1))
    feed = start_feed(context, "Corrections", "corrections", newest, self_path, routes.CORRECTIONS)
    base = feed_base(context)
    content_html = macros(context).correction_content
    for correction, index, event in rows:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        sub(entry, "title", f"Correction: {event.title}")
        sub(entry, "id", stable_id(context, "correction", f"{event.id}:{index}"))
        sub(entry, "updated", stamp(midnight(correction.date)))
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=base + routes.event(event.id) + "#corrections")
        sub(entry, "summary", correction.change)
        sub(entry, "content", str(content_html(event, correction))).set("type", "html")
    return finish_feed(feed)
