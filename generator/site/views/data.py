"""The open data page: every download with its size, the feeds (all, corrections, per topic and actor) and the schemas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import routes

if TYPE_CHECKING:
    from .. import Page, Site


def build(site: Site) -> list[Page]:
    names = [d["format"] for d in site.downloads]
    formats = (", ".join(names[:-1]) + " or " + names[-1]) if len(names) > 1 else (names[0] if names else "open formats")
    return [site.page(routes.DATA, "data.html", "Open data", f"Download the timeline as {formats}.",
                      downloads=site.downloads,
                      actors=sorted(site.data.actors.values(), key=lambda a: a.name.casefold()),
                      tags=sorted(site.data.tags.values(), key=lambda t: t.label.casefold()))]
