"""Places: the vocabulary in events/places.yaml, checked entry by entry, and the places events name."""

from __future__ import annotations

from ...geo.places import unknown_place, validate_places
from ...load import Document
from ...vocab import ID, RESERVED_IDS
from ..index import Index


def register(index: Index) -> None:
    """Check every place; record the ids the file declares and the places fit to draw.

    An event naming a place whose entry has an error is not told the place is unknown:
    the finding on the entry says what to fix.
    """
    doc = index.tree.places
    if doc is None or not doc.usable:
        return
    index.places = validate_places(doc)
    index.ids["place"] = {key for key in doc.data if isinstance(key, str) and ID.fullmatch(key)} - RESERVED_IDS


def check_event(index: Index, doc: Document, data: dict) -> None:
    values = data.get("places")
    if isinstance(values, list):
        for position, value in enumerate(values):
            if isinstance(value, str):
                index.used["place"].add(value)
                if value not in index.ids["place"]:
                    hints = index.places if index.spend(len(index.places)) else {}  # past the budget, no hint
                    doc.at(("places", position), "unknown-place", unknown_place(value, hints))
    if "places" in data and "location" in data:
        doc.at(("location",), "location-and-places", "give either places (ids from events/places.yaml) or location, "
                                                     "not both: the places say where it happened, so remove location",
               key=True)

