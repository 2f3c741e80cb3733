"""Events: where the file sits, what its date says, who is named in which role, and how sure it may claim to be."""

from __future__ import annotations

from pathlib import PurePosixPath

from ...findings import WARNING
from ...load import Document
from ...vocab import ID, ROLES
from ..index import Index
from . import figures, media, places, sources, summaries


def check(index: Index, doc: Document) -> None:
    if not doc.usable:
        return
    data = doc.data
    ident = data.get("id") if isinstance(data.get("id"), str) else PurePosixPath(doc.rel).stem
    date = index.date(doc, ("date",), data.get("date"))
    if date is not None:
        year = f"{date.known.year:04d}"
        folder = PurePosixPath(doc.rel).parent.name
        if folder != year:
            doc.at(("date",), "wrong-folder",
                   f"an event starting in {year} belongs in events/{year}/, not {doc.rel.rsplit('/', 1)[0]}/")
        prefix = date.known.edtf().rstrip("~?%") if date.known.season is None else f"{date.known.year:04d}"
        if ID.fullmatch(ident) and not ident.startswith(prefix + "-"):
            doc.at(("id",), "id-date", f"id '{ident}' should start with its date '{prefix}-'")
        follows = data.get("follows")
        index.event_dates[ident] = (date, doc, follows if isinstance(follows, list) else [])
    actors = data.get("actors") if isinstance(data.get("actors"), dict) else {}
    for role in ROLES:
        index.refs(doc, ("actors", role), actors.get(role), "actor")
    status = data.get("status")
    if "actors" in data and not isinstance(data["actors"], dict):
        pass  # the schema reported its type; who claims or denies cannot be read from it
    elif status == "alleged" and not actors.get("claimant"):
        doc.at(("status",), "alleged-needs-claimant", "an alleged event must name who alleges it under actors.claimant")
    if status == "disputed" and not actors.get("denier"):
        doc.at(("status",), "disputed-needs-denier", "a disputed event must name who disputes it under actors.denier")
    index.refs(doc, ("tags",), data.get("tags"), "tag")
    places.check_event(index, doc, data)
    for field, code in (("related", "self-related"), ("follows", "self-follows")):
        values = data.get(field)
        index.refs(doc, (field,), values, "event")
        if isinstance(values, list) and ident in values:
            verb = "be related to" if field == "related" else "follow"
            doc.at((field, values.index(ident)), code, f"an event cannot {verb} itself")
    summaries.check(index, doc, data.get("summary"))
    for position, source in enumerate(data.get("sources") or []):
        if isinstance(source, dict):
            sources.check(index, doc, ("sources", position), source, date, status)
    for position, figure in enumerate(data.get("figures") or []):
        if isinstance(figure, dict):
            figures.check(index, doc, ("figures", position), figure)
    for position, item in enumerate(data.get("media") or []):
        if isinstance(item, dict):
            media.check(index, doc, ("media", position), item)
    for position, correction in enumerate(data.get("corrections") or []):
        if isinstance(correction, dict):
            index.date(doc, ("corrections", position, "date"), correction.get("date"))
    if status == "confirmed" and isinstance(data.get("sources"), list):
        _confirmed(index, doc, actors, data["sources"])
    if not data.get("date_text") and not data.get("notes"):
        doc.at(("date",), "date-basis", "say where the date comes from: the source's phrase in date_text, "
                                        "or how it was worked out in notes", severity=WARNING)


def _confirmed(index: Index, doc: Document, actors: dict, source_list: list) -> None:
    """Confirmed means the party concerned says so, or at least two documents do."""
    documents = {("seed", s["seed"]) if "seed" in s else ("url", s.get("url"))
                 for s in source_list if isinstance(s, dict)}
    if len(documents) >= 2:
        return
    participants = {a for a in actors.get("participant") or [] if isinstance(a, str)}
    for claimant in actors.get("claimant") or []:
        if isinstance(claimant, str) and (index.lineage(claimant) & participants
                                          or any(claimant in index.lineage(p) for p in participants)):
            return
    doc.at(("status",), "confirmed-needs-confirmation",
           "a confirmed event needs the party concerned to say so (an actor that is both participant and "
           "claimant, or part of one) or at least two independent documents among its sources; otherwise "
           "it is reported")


def resolve_waiting(index: Index) -> None:
    """What waited for every event's id: references to events and summary links to their pages."""
    index.events_open = False
    for doc, what, path, value in index.waiting:
        if what == "ref":
            index.ref(doc, path, value, "event")
        else:
            summaries.site_link(index, doc, value)
    index.waiting = []
