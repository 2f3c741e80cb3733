"""The record of one event that the JSON and CSV exports share, and dates every export needs."""

from __future__ import annotations

import datetime as dt

from .. import routes
from ..geo.places import Place
from ..model import Dataset, Event, Source
from ..vocab import ROLES


def place_record(place: Place) -> dict:
    return {"id": place.id, "name": place.name, "country": place.country, "latitude": place.latitude,
            "longitude": place.longitude}


def event_record(event: Event, places: dict[str, Place]) -> dict:
    """The event as the JSON and CSV exports give it; `places` resolves the ids of its places."""
    d = event.date
    return {
        "id": event.id, "date": d.text, "date_display": d.display(), "date_text": event.date_text,
        "start": d.earliest().isoformat(), "end": d.latest().isoformat(),
        "start_open": d.start is None, "end_open": d.end is None,
        "precision": d.precision, "approximate": d.approximate, "uncertain": d.uncertain,
        "title": event.title, "summary": event.summary, "status": event.status,
        "actors": {role: list(event.actors.get(role, ())) for role in ROLES},
        "tags": list(event.tags), "location": event.location,
        "places": [place_record(places[p]) for p in event.places if p in places],
        "media": [{k: v for k, v in {"file": m.file, "alt": m.alt, "caption": m.caption, "credit": m.credit,
                                      "licence": m.licence, "source_url": m.source_url}.items() if v is not None}
                  for m in event.media],
        "sources": [{k: v for k, v in {"seed": s.seed, "quote": s.quote, "url": s.url, "publisher": s.publisher,
                                        "published": s.published.text if s.published else None}.items() if v is not None}
                    for s in event.sources],
        "figures": [{"metric": f.metric, "value": f.value, "range": [f.low, f.high] if f.is_range else None,
                     "qualifier": f.qualifier, "as_of": f.as_of.text, "claimed_by": list(f.claimed_by), "note": f.note}
                    for f in event.figures],
        "related": list(event.related), "follows": list(event.follows), "notes": event.notes,
        "corrections": [{"date": c.date.isoformat(), "change": c.change, "reason": c.reason} for c in event.corrections],
        "page": routes.event(event.id), "data_file": event.path,
    }


def published(data: Dataset, source: Source) -> dt.date | None:
    """The last day a source may have been published on."""
    if source.seed:
        return data.seeds[source.seed].published.latest()
    return source.published.latest() if source.published else None


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.UTC)


def added_order(data: Dataset) -> dict[str, dt.datetime]:
    """When each event file was first committed; events git does not know fall back to their sources' date."""
    result = {}
    for event in data.events:
        fallback = max(p for p in (published(data, s) for s in event.sources) if p is not None)
        result[event.id] = event.history.added or midnight(fallback)
    return result
