"""Open data: the dataset in the formats people load.

Every export is a pure function of the Dataset (plus, for feeds, the order in
which events were added), so two builds of the same tree are byte-identical:
nothing here reads the clock.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import subprocess
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import icalendar

from . import __version__
from .model import STATUSES, Dataset, Event
from .render import summary_html
from .validate import ROLES

FORMATS = ("json", "csv", "ics", "timelinejs", "atom")
SITE_PATHS = {"json": "data/events.json", "csv": "data/events.csv", "ics": "data/events.ics",
              "timelinejs": "data/timelinejs.json", "atom": "feed.xml"}
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
CSV_COLUMNS = ["id", "date", "date_display", "start", "end", "precision", "approximate", "uncertain", "status",
               "title", "summary", "participants", "targets", "claimants", "deniers", "mentioned", "tags",
               "location", "country", "source_count", "sources", "figures", "related", "notes", "page"]
_ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 200  # the latest additions; the JSON, CSV and iCalendar exports hold everything


def _stable_uuid(kind: str, ident: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'timeline-generator:{kind}:{ident}')}"


# -- JSON ------------------------------------------------------------------------

def event_record(event: Event) -> dict:
    d = event.date
    return {
        "id": event.id, "date": d.text, "date_display": d.display(), "date_text": event.date_text,
        "start": d.earliest().isoformat(), "end": d.latest().isoformat(),
        "start_open": d.start is None, "end_open": d.end is None,
        "precision": d.precision, "approximate": d.approximate, "uncertain": d.uncertain,
        "title": event.title, "summary": event.summary, "status": event.status,
        "actors": {role: list(event.actors.get(role, ())) for role in ROLES},
        "tags": list(event.tags), "location": event.location,
        "sources": [{k: v for k, v in {"seed": s.seed, "quote": s.quote, "url": s.url, "publisher": s.publisher,
                                        "published": s.published.text if s.published else None}.items() if v is not None}
                    for s in event.sources],
        "figures": [{"metric": f.metric, "value": f.value, "range": [f.low, f.high] if f.is_range else None,
                     "qualifier": f.qualifier, "as_of": f.as_of.text, "claimed_by": list(f.claimed_by), "note": f.note}
                    for f in event.figures],
        "related": list(event.related), "follows": list(event.follows), "notes": event.notes,
        "corrections": [{"date": c.date.isoformat(), "change": c.change, "reason": c.reason} for c in event.corrections],
        "page": f"events/{event.id}/", "data_file": event.path,
    }


def to_json(data: Dataset) -> str:
    document = {
        "$schema": "events.schema.json",
        "licence": {"name": LICENCE, "url": LICENCE_URL},
        "statuses": STATUSES,
        "events": [event_record(e) for e in data.events],
        "actors": [{"id": a.id, "name": a.name, "short_name": a.short_name, "kind": a.kind, "country": a.country,
                    "parent": a.parent, "aliases": list(a.aliases), "description": a.description}
                   for a in sorted(data.actors.values(), key=lambda a: a.id)],
        "seeds": [{"id": s.id, "title": s.title, "title_source": s.title_source, "publisher": s.publisher,
                   "url": s.url, "published": s.published.text, "published_basis": s.published_basis,
                   "language": s.language, "kind": s.kind, "notes": s.notes, "text_file": f"seeds/{s.id}.txt"}
                  for s in sorted(data.seeds.values(), key=lambda s: s.id)],
        "tags": [{"id": t.id, "label": t.label, "description": t.description} for t in data.tags.values()],
        "metrics": [{"id": m.id, "label": m.label, "description": m.description, "unit": m.unit}
                    for m in data.metrics.values()],
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


# -- CSV -------------------------------------------------------------------------

# Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection"), and some
# read the full-width forms, or any of them after spaces, the same way. Such a cell gets a leading apostrophe, which spreadsheets
# show as text and hide; events.json keeps every value exactly as written.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def spreadsheet_safe(value):
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(data: Dataset) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for event in data.events:
        record = event_record(event)
        location = event.location or {}
        writer.writerow({column: spreadsheet_safe(value) for column, value in {
            **{k: record[k] for k in ("id", "date", "date_display", "start", "end", "precision", "status",
                                      "title", "summary", "page")},
            "approximate": str(record["approximate"]).lower(), "uncertain": str(record["uncertain"]).lower(),
            "participants": "; ".join(event.actors.get("participant", ())),
            "targets": "; ".join(event.actors.get("target", ())),
            "claimants": "; ".join(event.actors.get("claimant", ())),
            "deniers": "; ".join(event.actors.get("denier", ())),
            "mentioned": "; ".join(event.actors.get("mentioned", ())),
            "tags": "; ".join(event.tags), "location": location.get("name", ""), "country": location.get("country", ""),
            "source_count": len(event.sources),
            "sources": " | ".join(f"seed:{s.seed}" if s.seed else s.url for s in event.sources),
            "figures": " | ".join(f"{f.metric}={f.display()} as of {f.as_of.text} ({', '.join(f.claimed_by) or 'unattributed'})"
                                  for f in event.figures),
            "related": "; ".join(event.related), "notes": event.notes or "",
        }.items()})
    return out.getvalue()


# -- iCalendar ---------------------------------------------------------------------

def _span(event: Event) -> tuple[dt.date, dt.date]:
    """All-day span: the whole day, month, season, year or range the date may mean (end exclusive)."""
    d = event.date
    if d.start is not None and d.end is not None:
        return d.start.lower(), d.end.upper() + dt.timedelta(days=1)
    point = d.known
    return point.lower(), point.upper() + dt.timedelta(days=1)


def to_ics(data: Dataset, site_url: str | None = None) -> str:
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//timeline-generator//{__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "North Korea's military support to Russia")
    host = urlsplit(site_url).hostname if site_url else None
    for event in data.events:
        start, end = _span(event)
        vevent = icalendar.Event()
        vevent.add("uid", f"{event.id}@{host or 'timeline-generator'}")
        vevent.add("summary", event.title)
        vevent.add("dtstart", start)
        vevent.add("dtend", end)
        published = [_published(data, s) for s in event.sources]
        stamp = max(p for p in published if p is not None)
        vevent.add("dtstamp", dt.datetime.combine(stamp, dt.time(0, 0), tzinfo=dt.timezone.utc))
        note = f"{event.summary}\n\nDate: {event.date.display()} (EDTF {event.date.text}). Status: {event.status}."
        vevent.add("description", note)
        vevent.add("status", "CONFIRMED" if event.status == "confirmed" else "TENTATIVE")
        if event.tags:
            vevent.add("categories", list(event.tags))
        if event.location:
            vevent.add("location", event.location["name"])
        if site_url:
            vevent.add("url", site_url.rstrip("/") + f"/events/{event.id}/")
        cal.add_component(vevent)
    return cal.to_ical().decode("utf-8")


def _published(data: Dataset, source) -> dt.date | None:
    if source.seed:
        return data.seeds[source.seed].published.latest()
    return source.published.latest() if source.published else None


# -- TimelineJS ---------------------------------------------------------------------

def _tl_date(point, display: str | None = None) -> dict:
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


def to_timelinejs(data: Dataset, site_url: str | None = None) -> str:
    events = []
    for event in data.events:
        d = event.date
        base = site_url.rstrip("/") + "/" if site_url else "../"
        text = str(summary_html(event.summary, base))
        link = base + f"events/{event.id}/"
        text += f'<p><a href="{html.escape(link)}">Sources and details</a> · status: {html.escape(event.status)}</p>'
        slide = {"unique_id": event.id, "display_date": d.display(), "group": event.status,
                 "text": {"headline": html.escape(event.title), "text": text}}
        start = d.start or d.end
        slide["start_date"] = _tl_date(start, start.display() if d.is_interval else d.display())
        if d.is_interval and d.start is not None and d.end is not None:
            slide["end_date"] = _tl_date(d.end, d.end.display())
        events.append(slide)
    document = {"title": {"text": {"headline": "North Korea's military support to Russia",
                                   "text": "A sourced timeline; every claim attributed."}},
                "events": events}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


# -- Atom ------------------------------------------------------------------------------

def added_order(data: Dataset) -> dict[str, dt.datetime]:
    """When each event file was first committed; events git does not know fall back to their sources' date."""
    result = {}
    for event in data.events:
        fallback = max(p for p in (_published(data, s) for s in event.sources) if p is not None)
        result[event.id] = event.history.added or dt.datetime.combine(fallback, dt.time(0, 0), tzinfo=dt.timezone.utc)
    return result


def _updated(event: Event, added: dt.datetime) -> dt.datetime:
    """An entry is updated by its latest correction, never earlier than it was added."""
    if not event.corrections:
        return added
    corrected = dt.datetime.combine(max(c.date for c in event.corrections), dt.time(0, 0), tzinfo=dt.timezone.utc)
    return max(added, corrected)


def to_atom(data: Dataset, added: dict[str, dt.datetime], site_url: str | None = None, *,
            actor: str | None = None, self_path: str = "feed.xml") -> str:
    ET.register_namespace("", _ATOM)
    events = [e for e in data.events if actor is None or actor in e.actor_ids()]
    events.sort(key=lambda e: (_updated(e, added[e.id]), e.id), reverse=True)
    events = events[:FEED_ENTRIES]
    base = site_url.rstrip("/") + "/" if site_url else ""
    feed = ET.Element(f"{{{_ATOM}}}feed")
    name = data.actors[actor].name if actor else None
    _sub(feed, "title", f"North Korea's military support to Russia{': ' + name if name else ''}")
    _sub(feed, "id", _stable_uuid("feed", actor or "all"))
    updated = max((_updated(e, added[e.id]) for e in events), default=dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc))
    _sub(feed, "updated", updated.isoformat().replace("+00:00", "Z"))
    ET.SubElement(feed, f"{{{_ATOM}}}link", rel="self", href=base + self_path)
    ET.SubElement(feed, f"{{{_ATOM}}}link", rel="alternate", href=base + (f"actors/{actor}/" if actor else "timeline/"))
    _sub(feed, "generator", "timeline-generator")
    _sub(feed, "rights", f"Data licensed {LICENCE}")
    author = ET.SubElement(feed, f"{{{_ATOM}}}author")
    _sub(author, "name", "Timeline editors")
    for event in events:
        entry = ET.SubElement(feed, f"{{{_ATOM}}}entry")
        _sub(entry, "title", event.title)
        _sub(entry, "id", _stable_uuid("event", event.id))
        _sub(entry, "updated", _updated(event, added[event.id]).isoformat().replace("+00:00", "Z"))
        _sub(entry, "published", added[event.id].isoformat().replace("+00:00", "Z"))
        ET.SubElement(entry, f"{{{_ATOM}}}link", rel="alternate", href=base + f"events/{event.id}/")
        for tag in event.tags:
            ET.SubElement(entry, f"{{{_ATOM}}}category", term=tag, label=data.tags[tag].label)
        _sub(entry, "summary", f"{event.date.display()} · {event.status}: {event.title}")
        corrections = "".join(f"<p><strong>Correction, {c.date:%d %b %Y}:</strong> {html.escape(c.change)} "
                              f"{html.escape(c.reason)}</p>" for c in reversed(event.corrections))
        content = _sub(entry, "content", f"<p><strong>{html.escape(event.date.display())}</strong> · "
                                         f"{html.escape(event.status)}</p>{summary_html(event.summary, base or '../' * self_path.count('/'))}"
                                         f"{corrections}")
        content.set("type", "html")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _sub(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{_ATOM}}}{tag}")
    element.text = text
    return element


def export(data: Dataset, fmt: str, *, site_url: str | None = None, root: Path | None = None) -> str:
    """One export as text; `fmt` is one of FORMATS."""
    if fmt == "json":
        return to_json(data)
    if fmt == "csv":
        return to_csv(data)
    if fmt == "ics":
        return to_ics(data, site_url)
    if fmt == "timelinejs":
        return to_timelinejs(data, site_url)
    if fmt == "atom":
        return to_atom(data, added_order(data), site_url)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
