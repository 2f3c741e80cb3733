"""Warnings for actors, vocabulary entries, places and pictures nothing uses."""

from __future__ import annotations

from ...findings import WARNING
from ...vocab import VOCABULARIES
from ..index import Index


def check(index: Index) -> None:
    tree = index.tree
    for doc in tree.actors:
        ident = doc.data.get("id") if doc.usable else None
        if isinstance(ident, str) and ident in index.ids["actor"] and ident not in index.used["actor"]:
            doc.at(("id",), "unused-actor", f"actor '{ident}' is not named by any event", severity=WARNING)
    for name in ("tags", "metrics"):  # a scheme of actor kinds may well declare kinds no actor has yet
        kind = VOCABULARIES[name][0]
        doc = tree.vocabularies.get(name)
        if doc is None or not doc.usable:
            continue
        for ident in sorted(set(doc.data) - index.used[kind]):
            doc.at((ident,), f"unused-{kind}", f"{kind} '{ident}' is not used by any event", key=True, severity=WARNING)
    places = tree.places
    if places is not None and places.usable:
        for ident in sorted(index.ids["place"] - index.used["place"]):
            places.at((ident,), "unused-place", f"place '{ident}' is not named by any event", key=True,
                      severity=WARNING)
    for name in tree.media:  # never checked nor published while no event shows it: say so
        if name not in index.used["media"]:
            tree.stray_finding(f"events/media/{name}", "no event shows this picture; name it in an event's media or "
                                                       "remove it", "unused-media", severity=WARNING)
