"""One page per event: date, status, actors by role, summary, every source with its quote, figures, corrections,
then the previous and next event, a link and citation to copy, and the code to embed it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import dates, routes
from ...model import Event
from ..cite import citation
from ..head import event_meta
from ..neighbours import Neighbours
from ..render import json_for_script, summary_text

if TYPE_CHECKING:
    from .. import Page, Site


def build(site: Site) -> list[Page]:
    neighbours = Neighbours(site.data)
    return [page(site, event, neighbours) for event in site.data.events]


def page(site: Site, event: Event, neighbours: Neighbours | None = None) -> Page:
    data, config = site.data, site.config
    neighbours = neighbours or Neighbours(data)
    before, after = neighbours.around(event)
    edit = view = history = None
    if config.repo_url:
        base = config.repo_url.rstrip("/")
        edit = f"{base}/edit/{config.edit_branch}/{event.path}"
        view = f"{base}/blob/{config.edit_branch}/{event.path}"
        history = f"{base}/commits/{config.edit_branch}/{event.path}"
    related = [data.by_id[r] for r in event.related if r in data.by_id]
    places = [data.places[p] for p in event.places if p in data.places]
    cited_by = [e for e in data.cited_by.get(event.id, []) if e.id not in event.related]
    return site.page(routes.event(event.id), "event.html", event.title, summary_text(event.summary),
                     event_meta(event, site.pictures.social_image(event)), event=event, related=related + cited_by,
                     edit_url=edit, view_url=view, history_url=history, json_ld=json_for_script(json_ld(site, event)),
                     before=before, after=after, lists=neighbours.page_data(event), cite=citation(event, config),
                     places=places, locators=[(p, site.maps.locator(p.id)) for p in places],
                     pictures=site.pictures.figures(event), credits=site.maps.credits())


def json_ld(site: Site, event: Event) -> dict:
    """schema.org Event metadata, for search engines and link previews."""
    doc = {"@context": "https://schema.org", "@type": "Event", "name": event.title,
           "identifier": event.id, "description": event.summary,
           "startDate": _iso_date(event.date.start), "endDate": _iso_date(event.date.end),
           "eventStatus": "https://schema.org/EventScheduled" if event.status == "expected" else None,
           "url": routes.absolute(site.config.url, routes.event(event.id))}
    if any(p in site.data.places for p in event.places):
        places = [site.data.places[p] for p in event.places if p in site.data.places]
        found = [{"@type": "Place", "name": p.name, "address": {"@type": "PostalAddress", "addressCountry": p.country},
                  "geo": {"@type": "GeoCoordinates", "latitude": p.latitude, "longitude": p.longitude}} for p in places]
        doc["location"] = found[0] if len(found) == 1 else found
    elif event.location:
        doc["location"] = {"@type": "Place", "name": event.location["name"]}
        if event.location.get("country"):
            doc["location"]["address"] = {"@type": "PostalAddress", "addressCountry": event.location["country"]}
    image = site.pictures.social_image(event)
    if image is not None:
        doc["image"] = routes.absolute(site.config.url, image.url)
    actors = site.data.actors
    doc["organizer" if event.actors.get("participant") else "about"] = [
        {"@type": "Person" if actors[a].kind == "person" else "Organization", "name": actors[a].name}
        for a in event.actors.get("participant", ())]
    return {k: v for k, v in doc.items() if v is not None}


def _iso_date(point: dates.Point | None) -> str | None:
    if point is None:
        return None
    return point.edtf().rstrip("~?%") if point.season is None else f"{point.year:04d}"
