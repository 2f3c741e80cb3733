"""Every address of the site, in one place.

Addresses are site paths relative to the site root, with a trailing slash for pages
(`events/<id>/`) and none for files (`data/events.json`). Pages are written as Markdown
sources (`events/<id>.md`) that MkDocs, or any builder, turns into `events/<id>/index.html`.
Templates reach these through the `url` global and make them relative with `link()`.
"""

from __future__ import annotations

HOME = ""
TIMELINE = "timeline/"
ACTORS = "actors/"
TAGS = "tags/"
SOURCES = "sources/"
FIGURES = "figures/"
DATA = "data/"
CORRECTIONS = "corrections/"
MAP = "map/"
ABOUT = "about/"
FEED = "feed.xml"
CORRECTIONS_FEED = "feeds/corrections.xml"
EMBED = "embed/"
SITE_CARD = "assets/cards/site.png"
EXPORT_SCHEMA = "data/events.schema.json"
# The sections a summary may link to as '/section/' (and, for those with ids, '/section/<id>/').
SECTIONS = ("timeline", "events", "actors", "tags", "sources", "figures", "data", "about", "corrections", "map")
SECTIONS_WITH_IDS = ("events", "actors", "tags", "sources", "places")
# The map filtered by one value, as a page of its own: works without JavaScript. Filter name -> folder under map/.
MAP_FILTERS = {"status": "status", "actor": "actors", "tag": "tags"}


def event(ident: str, via: str | None = None) -> str:
    """An event's page; `via` ('actor:<id>', 'tag:<id>') says it was reached from that list, for its prev/next links."""
    return f"events/{ident}/" + (f"?from={via}" if via else "")


def _within(slot) -> str:
    """The end of a long list's address for one of its pages: a year, or a site.paging.Slot."""
    if slot is None:
        return ""
    return f"{slot}/" if isinstance(slot, int) else slot.path()


def actor(ident: str, slot=None) -> str:
    """An actor's page, or one page of it when it is cut (a year, or a paging.Slot)."""
    return f"actors/{ident}/" + _within(slot)


def tag(ident: str, slot=None) -> str:
    return f"tags/{ident}/" + _within(slot)


def place(ident: str) -> str:
    return f"places/{ident}/"


def map_page(name: str | None = None, value: str | None = None) -> str:
    """The map, or the map filtered by a status, actor or tag ('map/status/alleged/', 'map/actors/<id>/')."""
    return MAP + (f"{MAP_FILTERS[name]}/{value}/" if name else "")


def media(name: str) -> str:
    """Where a published copy of a picture lives: its folders under events/media/ kept, so names never collide."""
    return f"media/{name}"


def source(ident: str, slot=None) -> str:
    """A source's page, or a further page of the events citing it (a paging.Slot with a part)."""
    return f"sources/{ident}/" + _within(slot)


def timeline(slot=None) -> str:
    """The timeline, or one page of it when it is cut (a year, or a paging.Slot)."""
    return TIMELINE + _within(slot)


def filtered_timeline(name: str, value: str, year: int | None = None) -> str:
    """The timeline (or one year of it, when it is split) filtered by actor, tag or status."""
    return timeline(year) + f"?{name}={value}"


def figures(metric: str | None = None, slot=None) -> str:
    """The figures page, or one metric's page (and a further part of its table: a paging.Slot)."""
    return FIGURES + (f"{metric}/" + _within(slot) if metric else "")


def quote_anchor(event_id: str, index: int) -> str:
    """The anchor of one event's quote on its source's page (kept for the first events citing a source)."""
    return f"q-{event_id}-{index}"


def passage_anchor(start: int, end: int) -> str:
    """The anchor of a quoted passage on its source's page, by where it lies in the text: one per
    passage however many events quote it, and the same for as long as the text (never edited) is."""
    return f"p-{start}-{end}"


def quoted_passage(seed: str, span: tuple[int, int] | None) -> str:
    return source(seed) + (f"#{passage_anchor(*span)}" if span else "")


def actor_feed(ident: str) -> str:
    return f"feeds/actors/{ident}.xml"


def tag_feed(ident: str) -> str:
    return f"feeds/tags/{ident}.xml"


def embed(kind: str | None = None, ident: str | None = None) -> str:
    """The embeddable view of the timeline ('embed/'), of an actor's, a topic's events or of one event."""
    return EMBED + (f"{kind}/{ident}/" if kind else "")


def card(ident: str) -> str:
    """An event's social card, the picture link previews show."""
    return f"assets/cards/events/{ident}.png"


def schema(kind: str) -> str:
    return f"schemas/{kind}.schema.json"


def asset(name: str) -> str:
    return f"assets/timeline/{name}"


def source_file(url: str) -> str:
    """The Markdown source a page is written as: 'events/x/' -> 'events/x.md', 'timeline/' -> 'timeline/index.md'."""
    if url == HOME:
        return "index.md"
    stem = url.rstrip("/")
    return f"{stem}/index.md" if stem.count("/") == 0 else f"{stem}.md"


def page_url(src: str) -> str:
    """'events/x.md' -> 'events/x/', 'timeline/index.md' -> 'timeline/', 'index.md' -> ''."""
    stem = src[:-3]
    if stem == "index":
        return ""
    return (stem[:-len("/index")] if stem.endswith("/index") else stem) + "/"


def relative(from_url: str, to: str) -> str:
    """Link from the page at `from_url` to the site path `to` (which may carry a #fragment).

    Page addresses are folders, so going up once per folder and down to the target is always right.
    """
    if to.startswith("#"):
        return to
    return ("../" * from_url.count("/") + to) or "./"


def absolute(site_url: str | None, path: str) -> str | None:
    """The address of `path` on the published site, when its address is known."""
    return site_url.rstrip("/") + "/" + path if site_url else None
