"""events.json: every event with its sources, figures and places, and every actor, seed, place and vocabulary entry."""

from __future__ import annotations

import json

from .. import routes
from ..model import Dataset
from ..vocab import STATUSES
from .context import ExportContext
from .records import event_record, place_record


def render(data: Dataset, context: ExportContext) -> str:
    config = context.config
    document = {
        "$schema": "events.schema.json",
        "licence": {"name": config.licence, "url": config.licence_url} if config.licence else None,
        "statuses": STATUSES,
        "events": [event_record(e, data.places) for e in data.events],
        "actors": [{"id": a.id, "name": a.name, "short_name": a.short_name, "kind": a.kind, "country": a.country,
                    "parent": a.parent, "aliases": list(a.aliases), "description": a.description}
                   for a in sorted(data.actors.values(), key=lambda a: a.id)],
        "seeds": [{"id": s.id, "title": s.title, "title_source": s.title_source, "publisher": s.publisher,
                   "url": s.url, "published": s.published.text, "published_basis": s.published_basis,
                   "language": s.language, "kind": s.kind, "notes": s.notes, "text_file": f"seeds/{s.id}.txt"}
                  for s in sorted(data.seeds.values(), key=lambda s: s.id)],
        "kinds": [{"id": k.id, "label": k.label, "plural": k.plural, "description": k.description}
                  for k in data.kinds.values()],
        "tags": [{"id": t.id, "label": t.label, "description": t.description} for t in data.tags.values()],
        "metrics": [{"id": m.id, "label": m.label, "description": m.description, "unit": m.unit}
                    for m in data.metrics.values()],
        "places": [{**place_record(p), "aliases": list(p.aliases), "source": p.source, "page": routes.place(p.id)}
                   for p in data.places.values()],
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
