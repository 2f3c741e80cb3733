"""The sources page and one page per source document, with every quoted passage highlighted."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from ... import routes
from ..paging import numbered
from ..seedtext import seed_paragraphs

if TYPE_CHECKING:
    from .. import Page, Site


def build_index(site: Site) -> list[Page]:
    data = site.data
    seeds = sorted(data.seeds.values(), key=lambda s: (s.published.sort_key(), s.id))
    rows = [(s, len({e.id for e, _, _ in data.citations.get(s.id, [])})) for s in seeds]
    return [site.page(routes.SOURCES, "sources.html", "Sources",
                      "The source documents, with every quoted passage highlighted.", rows=rows)]


def build(site: Site) -> list[Page]:
    """A page per source with its text; when more events cite it than one page lists, further pages of them."""
    data = site.data
    limit = site.config.split_at
    pages = []
    for seed_id in sorted(data.seeds):
        seed = data.seeds[seed_id]
        citing = list(dict.fromkeys(e for e, _, _ in data.citations.get(seed_id, [])))
        parts = numbered(citing, limit)
        for slot, events in parts:
            first = slot.part is None
            title = seed.title if first else f"{seed.title}: events citing it, part {slot.part}"
            pages.append(site.page(routes.source(seed_id, slot), "source.html", title,
                                   f"Source document: {seed.title}", seed=seed, citing=events, total=len(citing),
                                   slot=slot, parts=[s for s, _ in parts] if len(parts) > 1 else [],
                                   part_url=partial(routes.source, seed_id),
                                   paragraphs=seed_paragraphs(data, seed_id, limit) if first else None))
    return pages
