"""The sources page and one page per source document, with every quoted passage highlighted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import routes
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
    data = site.data
    pages = []
    for seed_id in sorted(data.seeds):
        seed = data.seeds[seed_id]
        citing = list(dict.fromkeys(e for e, _, _ in data.citations.get(seed_id, [])))
        pages.append(site.page(routes.source(seed_id), "source.html", seed.title, f"Source document: {seed.title}",
                               seed=seed, citing=citing, paragraphs=seed_paragraphs(data, seed_id)))
    return pages
