"""feed.xml and one feed per actor and per topic: the latest events added or corrected, newest first (Atom)."""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET

from .. import routes
from ..model import Dataset, Event
from ..site.render import summary_html
from .context import ExportContext, macros
from .records import midnight

ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 200  # the latest additions; the JSON, CSV and iCalendar exports hold everything


def stable_id(context: ExportContext, kind: str, ident: str) -> str:
    """A permanent id of this site's own: two sites never share one, whatever their events are called."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{context.config.identity}:{kind}:{ident}')}"


def updated(event: Event, added: dt.datetime) -> dt.datetime:
    """An entry is updated by its latest correction, never earlier than it was added."""
    if not event.corrections:
        return added
    return max(added, midnight(max(c.date for c in event.corrections)))


def render(data: Dataset, context: ExportContext, *, actor: str | None = None, tag: str | None = None,
           self_path: str = routes.FEED) -> str:
    """The whole site's feed, or the feed of the events naming `actor`, or of those on the topic `tag`."""
    added = context.added
    events = [e for e in data.events
              if (actor is None or actor in e.actor_ids()) and (tag is None or tag in e.tags)]
    events.sort(key=lambda e: (updated(e, added[e.id]), e.id), reverse=True)
    events = events[:FEED_ENTRIES]
    if actor:
        name, page, ident = data.actors[actor].name, routes.actor(actor), actor
    elif tag:  # ids of actors and topics may coincide; the feed ids must not
        name, page, ident = f"Topic: {data.tags[tag].label}", routes.tag(tag), f"tag:{tag}"
    else:
        name, page, ident = None, routes.TIMELINE, "all"
    newest = max((updated(e, added[e.id]) for e in events), default=midnight(dt.date(2000, 1, 1)))
    feed = start_feed(context, name, ident, newest, self_path, page)
    base = feed_base(context)
    content_html = macros(context).atom_content
    for event in events:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        sub(entry, "title", event.title)
        sub(entry, "id", stable_id(context, "event", event.id))
        sub(entry, "updated", stamp(updated(event, added[event.id])))
        sub(entry, "published", stamp(added[event.id]))
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=base + routes.event(event.id))
        for topic in event.tags:
            ET.SubElement(entry, f"{{{ATOM}}}category", term=topic, label=data.tags[topic].label)
        sub(entry, "summary", f"{event.date.display()} · {event.status}: {event.title}")
        summary = summary_html(event.summary, base or "../" * self_path.count("/"))
        sub(entry, "content", str(content_html(event, summary))).set("type", "html")
    return finish_feed(feed)


def feed_base(context: ExportContext) -> str:
    """What makes a site path absolute in a feed: the site's address, or nothing when it is unknown."""
    return context.config.url.rstrip("/") + "/" if context.config.url else ""


def start_feed(context: ExportContext, name: str | None, ident: str, newest: dt.datetime, self_path: str,
               page: str) -> ET.Element:
    """A feed element with everything but its entries: title, id, date, links, licence and author."""
    config = context.config
    ET.register_namespace("", ATOM)
    base = feed_base(context)
    feed = ET.Element(f"{{{ATOM}}}feed")
    sub(feed, "title", f"{config.title}{': ' + name if name else ''}")
    sub(feed, "id", stable_id(context, "feed", ident))
    sub(feed, "updated", stamp(newest))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=base + self_path)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=base + page)
    sub(feed, "generator", "timeline-generator")
    if config.licence:
        sub(feed, "rights", f"Data licensed {config.licence}")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    sub(author, "name", config.feed_author)
    return feed


def finish_feed(feed: ET.Element) -> str:
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def stamp(moment: dt.datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def sub(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = text
    return element
