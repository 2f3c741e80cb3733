"""The embeddable timeline: compact pages for an <iframe> in other sites' articles, written as whole HTML files.

`embed/` (the timeline), `embed/actors/<id>/`, `embed/tags/<id>/` and `embed/events/<id>/`. They
are not theme pages: no navigation, search or theme JavaScript, one small stylesheet
(`embed.css`) and one small script (`embed.js`, the filters). Every link opens the site in a
new browsing context, and each page names the site and links back to the full view. The
publisher adds the site's Content-Security-Policy first in each <head>, as on every page, and
the post-build scan reads them like any other.

A list shows the latest EMBED_LIMIT events of its scope, newest first, so that a page stays
small (about 45 KB at any size of timeline; a test holds it under 100 KB at 1,000 events)
and says how many more the site has. `?status=`, `?actor=` and `?tag=` in the address are
applied by `embed.js` to the events listed; without JavaScript every one is shown. The "Embed
this" box on the timeline turns a chosen actor or topic into that actor's or topic's own page
here, which lists its latest events rather than those of the latest that match.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .. import routes
from ..model import Event
from .head import event_meta, head_tags
from .neighbours import Neighbours
from .render import summary_text

if TYPE_CHECKING:
    from . import Site

EMBED_LIMIT = 100
LIST_HEIGHT, EVENT_HEIGHT = 600, 380  # pixels: the snippet's suggestion, about ten rows or one card


def iframe_snippet(address: str, title: str, height: int) -> str:
    """The HTML another site pastes, as text (the embed box shows it escaped, never as a live frame)."""
    def attribute(value: str) -> str:
        return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return (f'<iframe src="{attribute(address)}" title="{attribute(title)}" width="100%" height="{height}" '
            f'loading="lazy"></iframe>')


def _list_page(site: Site, url: str, heading: str, events: list[Event], full: str, full_label: str) -> tuple[str, str]:
    config = site.config
    shown = list(reversed(events))[:EMBED_LIMIT]
    description = f"The latest events of {config.title}: {heading}."
    tags = head_tags(config, url=url, title=f"{heading} · {config.title}", description=description, meta={})
    html = site.render(url, "embed.html", heading=heading, events=shown, total=len(events), full=full,
                       full_label=full_label, event=None, canonical=routes.absolute(config.url, full),
                       description=description, tags=tags)
    return url + "index.html", html


def _event_page(site: Site, event: Event) -> tuple[str, str]:
    config = site.config
    url = routes.embed("events", event.id)
    description = summary_text(event.summary)
    tags = head_tags(config, url=url, title=event.title, description=description, meta=event_meta(event))
    html = site.render(url, "embed.html", heading=event.title, events=[], total=1, full=routes.event(event.id),
                       full_label=f"Sources and details on {config.title}", event=event,
                       canonical=routes.absolute(config.url, routes.event(event.id)),
                       description=description, summary=summary_text(event.summary, 600), tags=tags)
    return url + "index.html", html


def embed_files(site: Site) -> Iterator[tuple[str, str]]:
    """Every embed page at its site path, without its Content-Security-Policy (the publisher adds it)."""
    data = site.data
    lists = Neighbours(data).lists
    yield _list_page(site, routes.EMBED, "Timeline", data.events, routes.TIMELINE,
                     f"The full timeline on {site.config.title}")
    for actor_id in sorted(data.actors):
        actor = data.actors[actor_id]
        yield _list_page(site, routes.embed("actors", actor_id), actor.name, lists.get(f"actor:{actor_id}", []),
                         routes.actor(actor_id), f"{actor.name} on {site.config.title}")
    for tag_id in sorted(data.tags):
        tag = data.tags[tag_id]
        yield _list_page(site, routes.embed("tags", tag_id), f"Topic: {tag.label}", lists.get(f"tag:{tag_id}", []),
                         routes.tag(tag_id), f"This topic on {site.config.title}")
    for event in data.events:
        yield _event_page(site, event)
