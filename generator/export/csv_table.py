"""events.csv: one row per event; actors, tags, sources and figures flattened into columns."""

from __future__ import annotations

import csv
import io

from ..model import Dataset
from .context import ExportContext
from .records import event_record

COLUMNS = ["id", "date", "date_display", "start", "end", "precision", "approximate", "uncertain", "status",
           "title", "summary", "participants", "targets", "claimants", "deniers", "mentioned", "tags",
           "location", "country", "places", "coordinates", "source_count", "sources", "figures", "related", "notes",
           "page"]
# Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection"), and some
# read the full-width forms, or any of them after spaces, the same way. Such a cell gets a leading
# apostrophe, which spreadsheets show as text and hide; events.json keeps every value exactly as written.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def spreadsheet_safe(value):
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def render(data: Dataset, context: ExportContext) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for event in data.events:
        record = event_record(event, data.places)
        places = record["places"]
        if places:  # one name and country per place, in the event's order; coordinates as 'latitude,longitude'
            location = {"name": "; ".join(p["name"] for p in places), "country": "; ".join(p["country"] for p in places)}
        else:
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
            "places": "; ".join(p["id"] for p in places),
            "coordinates": "; ".join(f"{p['latitude']},{p['longitude']}" for p in places),
            "source_count": len(event.sources),
            "sources": " | ".join(f"seed:{s.seed}" if s.seed else s.url for s in event.sources),
            "figures": " | ".join(f"{f.metric}={f.display()} as of {f.as_of.text} ({', '.join(f.claimed_by) or 'unattributed'})"
                                  for f in event.figures),
            "related": "; ".join(event.related), "notes": event.notes or "",
        }.items()})
    return out.getvalue()
