"""feed.xml and one feed per actor: the latest events added or corrected, newest first (Atom)."""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET

from .. import routes
from ..model import Dataset, Event
from ..site.render import summary_html
from .context import ExportContext, macros
from .records import midnight

_ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 200  # the latest additions; the JSON, CSV and iCalendar exports hold everything


def stable_id(context: ExportContext, kind: str, ident: str) -> str:
    """A permanent id of this site's own: two sites never share one, whatever their events are called."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{context.config.identity}:{kind}:{ident}')}"


def updated(event: Event, added: dt.datetime) -> dt.datetime:
    """An entry is updated by its latest correction, never earlier than it was added."""
    if not event.corrections:
        return added
    return max(added, midnight(max(c.date for c in event.corrections)))


def render(data: Dataset, context: ExportContext, *, actor: str | None = None, self_path: str = routes.FEED) -> str:
    config, added = context.config, context.added
    ET.register_namespace("", _ATOM)
    events = [e for e in data.events if actor is None or actor in e.actor_ids()]
    events.sort(key=lambda e: (updated(e, added[e.id]), e.id), reverse=True)
    events = events[:FEED_ENTRIES]
    base = config.url.rstrip("/") + "/" if config.url else ""
    feed = ET.Element(f"{{{_ATOM}}}feed")
    name = data.actors[actor].name if actor else None
    _sub(feed, "title", f"{config.title}{': ' + name if name else ''}")
    _sub(feed, "id", stable_id(context, "feed", actor or "all"))
    newest = max((updated(e, added[e.id]) for e in events), default=midnight(dt.date(2000, 1, 1)))
    _sub(feed, "updated", _stamp(newest))
    ET.SubElement(feed, f"{{{_ATOM}}}link", rel="self", href=base + self_path)
    ET.SubElement(feed, f"{{{_ATOM}}}link", rel="alternate", href=base + (routes.actor(actor) if actor else routes.TIMELINE))
    _sub(feed, "generator", "timeline-generator")
    if config.licence:
        _sub(feed, "rights", f"Data licensed {config.licence}")
    author = ET.SubElement(feed, f"{{{_ATOM}}}author")
    _sub(author, "name", config.feed_author)
    content_html = macros(context).atom_content
    for event in events:
        entry = ET.SubElement(feed, f"{{{_ATOM}}}entry")
        _sub(entry, "title", event.title)
        _sub(entry, "id", stable_id(context, "event", event.id))
        _sub(entry, "updated", _stamp(updated(event, added[event.id])))
        _sub(entry, "published", _stamp(added[event.id]))
        ET.SubElement(entry, f"{{{_ATOM}}}link", rel="alternate", href=base + routes.event(event.id))
        for tag in event.tags:
            ET.SubElement(entry, f"{{{_ATOM}}}category", term=tag, label=data.tags[tag].label)
        _sub(entry, "summary", f"{event.date.display()} · {event.status}: {event.title}")
        summary = summary_html(event.summary, base or "../" * self_path.count("/"))
        _sub(entry, "content", str(content_html(event, summary))).set("type", "html")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _stamp(moment: dt.datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _sub(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{_ATOM}}}{tag}")
    element.text = text
    return element
