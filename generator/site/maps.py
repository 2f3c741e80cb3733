"""Maps for pages: the places events name, counted, drawn by generator.geo as plain data for templates.

One frame fits every place any event names; the site map and each of its filtered views use
it, so a reader who follows a filter sees markers change while the map stays put (and the
outlines are computed once). An actor's map fits its own places; a place, on its page and on
its events' pages, gets a small locator map, computed once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cached_property

from ..geo.draw import MapPlace, frame_for, locator_map, region_map
from ..geo.projection import Frame
from ..model import Dataset, Event

GEONAMES = "geonameid"  # what the sources of places looked up with the gazetteer command say


class Maps:
    def __init__(self, data: Dataset):
        self.data = data
        self._locators: dict[str, dict] = {}  # every event at a place shows the same locator map

    def places(self, events: Iterable[Event]) -> list[MapPlace]:
        """The places the events name, each with how many of them name it (only places the checker accepted)."""
        counts = Counter(p for e in events for p in e.places if p in self.data.places)
        return [MapPlace(p.id, p.name, p.latitude, p.longitude, counts[p.id])
                for p in self.data.places.values() if counts[p.id]]

    @cached_property
    def frame(self) -> Frame:
        """The site map's frame: every place an event names, the same for every filtered view."""
        return frame_for(self.places(self.data.events))

    def site_map(self, events: Iterable[Event]) -> dict:
        return region_map(self.places(events), frame=self.frame)

    def region(self, events: Iterable[Event]) -> dict | None:
        """A map fitted to the places of `events` (an actor's), or None when they name none."""
        places = self.places(events)
        return region_map(places) if places else None

    def locator(self, place_id: str) -> dict:
        if place_id not in self._locators:
            place = self.data.places[place_id]
            self._locators[place_id] = locator_map(MapPlace(place.id, place.name, place.latitude, place.longitude,
                                                            len(self.data.by_place.get(place_id, []))))
        return self._locators[place_id]

    def credits(self) -> dict:
        """What the maps' captions credit: the outlines, and GeoNames when places' coordinates come from it."""
        return {"geonames": any(GEONAMES in p.source for p in self.data.places.values())}
