"""events.ics: one all-day entry per event, spanning the days its date may mean."""

from __future__ import annotations

import datetime as dt
import uuid
from urllib.parse import urlsplit

import icalendar

from .. import __version__, routes
from ..model import Dataset, Event
from .context import ExportContext
from .records import midnight, published


def _span(event: Event) -> tuple[dt.date, dt.date]:
    """All-day span: the whole day, month, season, year or range the date may mean (end exclusive)."""
    d = event.date
    if d.start is not None and d.end is not None:
        return d.start.lower(), d.end.upper() + dt.timedelta(days=1)
    point = d.known
    return point.lower(), point.upper() + dt.timedelta(days=1)


def render(data: Dataset, context: ExportContext) -> str:
    config = context.config
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//timeline-generator//{__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", config.calendar)
    # Unique across sites: the site's host, or a name derived from the site's own identity.
    host = urlsplit(config.url).hostname if config.url else None
    domain = host or f"site-{uuid.uuid5(uuid.NAMESPACE_URL, config.identity).hex[:12]}.timeline-generator"
    for event in data.events:
        start, end = _span(event)
        vevent = icalendar.Event()
        vevent.add("uid", f"{event.id}@{domain}")
        vevent.add("summary", event.title)
        vevent.add("dtstart", start)
        vevent.add("dtend", end)
        stamp = max(p for p in (published(data, s) for s in event.sources) if p is not None)
        vevent.add("dtstamp", midnight(stamp))
        note = f"{event.summary}\n\nDate: {event.date.display()} (EDTF {event.date.text}). Status: {event.status}."
        vevent.add("description", note)
        vevent.add("status", "CONFIRMED" if event.status == "confirmed" else "TENTATIVE")
        if event.tags:
            vevent.add("categories", list(event.tags))
        places = [data.places[p] for p in event.places if p in data.places]
        if places:  # LOCATION names them all; GEO (RFC 5545) holds one point: the first, the event's main place
            vevent.add("location", "; ".join(p.name for p in places))
            vevent.add("geo", (places[0].latitude, places[0].longitude))
        elif event.location:
            vevent.add("location", event.location["name"])
        address = routes.absolute(config.url, routes.event(event.id))
        if address:
            vevent.add("url", address)
        cal.add_component(vevent)
    return cal.to_ical().decode("utf-8")
