"""The topics page and one page per topic."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from ... import routes
from ..head import feed_meta

if TYPE_CHECKING:
    from .. import Page, Site


def build_index(site: Site) -> list[Page]:
    data = site.data
    rows = [(tag, len(data.by_tag.get(tag.id, []))) for tag in sorted(data.tags.values(), key=lambda t: t.label)]
    return [site.page(routes.TAGS, "tags.html", "Topics", "Events by topic.", rows=rows)]


def build(site: Site) -> list[Page]:
    data = site.data
    pages = []
    for tag_id in sorted(data.tags):
        tag = data.tags[tag_id]
        events = data.by_tag.get(tag_id, [])
        pages += site.split(partial(routes.tag, tag_id), "tag.html", f"Topic: {tag.label}",
                            tag.description, {"events": events}, {"tag": tag, "timeline_split": timeline_is_split(site)},
                            feed_meta(routes.tag_feed(tag_id), f"{site.config.title}: Topic: {tag.label}"))
    return pages


def timeline_is_split(site: Site) -> bool:
    return len(site.data.events) > site.config.split_at
