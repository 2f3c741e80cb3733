"""The map of where events happened, its filtered views, and one page per place.

Filters work without JavaScript: each status, actor and topic that has events with places
gets a map page of its own (`map/status/<status>/`, `map/actors/<id>/`, `map/tags/<id>/`),
linked from every map page, all drawn in the site map's frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import routes
from ...geo.boundaries import by_iso
from ..timeline_groups import filter_options

if TYPE_CHECKING:
    from .. import Page, Site


def build_map(site: Site) -> list[Page]:
    data = site.data
    placed = [e for e in data.events if any(p in data.places for p in e.places)]
    filters = filter_options(data, placed)
    common = dict(filters=filters, total=len(placed), credits=site.maps.credits())
    pages = [site.page(routes.MAP, "map.html", "Map", "Where the events happened, drawn from their places.",
                       region=site.maps.site_map(placed), shown=placed, current=None, **common)]
    views = [("status", status, f"{status} events", [e for e in placed if e.status == status])
             for status, _ in filters["statuses"]]
    views += [("actor", actor.id, f"events naming {actor.name}", [e for e in placed if actor.id in e.actor_ids()])
              for actor, _ in filters["actors"]]
    views += [("tag", tag.id, f"events on {tag.label}", [e for e in placed if tag.id in e.tags])
              for tag, _ in filters["tags"]]
    for name, value, label, events in views:
        pages.append(site.page(routes.map_page(name, value), "map.html", f"Map: {label}",
                               f"Where the {label} happened.", region=site.maps.site_map(events), shown=events,
                               current=(name, value, label), **common))
    return pages


def build(site: Site) -> list[Page]:
    data = site.data
    countries = by_iso()
    pages = []
    for place in data.places.values():
        country = countries.get(place.country)
        pages.append(site.page(routes.place(place.id), "place.html", place.name,
                               f"Events at {place.name}, with where it is on a map.", place=place,
                               country=country.name if country else None, events=data.by_place.get(place.id, []),
                               locator=site.maps.locator(place.id), credits=site.maps.credits()))
    return pages
