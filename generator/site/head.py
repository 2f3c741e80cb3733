"""What a page tells link previews, feed readers and search engines in its <head>.

Open Graph and Twitter card tags (title, description, site name, type, address, social card)
and the page's Atom feed as `<link rel="alternate">`. A generated page carries what is its
own in its front matter, under the keys in META_KEYS, so any builder can read it; the MkDocs
plugin turns it into tags with `head_html`, after the Content-Security-Policy. Everything
else comes from the site's configuration.

og:url and og:image must be absolute (consumers ignore relative ones), so they are written
only when the site's address (`site_url`) is known; without it a page still carries every
other tag, and the canonical link, which the theme writes from the same address, is absent too.
"""

from __future__ import annotations

from jinja2 import Environment

from .. import routes
from ..config import SiteConfig
from ..model import Event
from .cards import HEIGHT, WIDTH
from .pictures import SocialImage

# The front-matter keys a generated page may set for its <head>.
META_KEYS = ("og_type", "published_time", "modified_time", "card", "card_alt", "card_type", "card_width",
             "card_height", "feed", "feed_title")


def event_meta(event: Event, picture: SocialImage | None = None) -> dict[str, str]:
    """An event page's own: an article, published when its file was first committed, with its social card.

    An event that shows pictures is represented by its first one (its widest JPEG copy, with
    the picture's alt text); the others by the card drawn for them.
    """
    if picture is not None:
        meta = {"og_type": "article", "card": picture.url, "card_alt": picture.alt, "card_type": "image/jpeg",
                "card_width": str(picture.width), "card_height": str(picture.height)}
    else:
        meta = {"og_type": "article", "card": routes.card(event.id),
                "card_alt": f"{event.title}: {event.date.display()}, {event.status}"}
    if event.history.added:
        meta["published_time"] = event.history.added.isoformat().replace("+00:00", "Z")
    if event.history.changed:
        meta["modified_time"] = event.history.changed.isoformat().replace("+00:00", "Z")
    return meta


def feed_meta(path: str, title: str) -> dict[str, str]:
    """A page that has an Atom feed of its own (the timeline, an actor, a topic, the corrections)."""
    return {"feed": path, "feed_title": title}


def head_tags(config: SiteConfig, *, url: str, title: str, description: str, meta: dict) -> dict:
    """The tags for the page at site path `url`: {'properties': [(og:..., content)], 'names': [...], 'feeds': [...]}."""
    description = description or config.description or title
    card = meta.get("card") or routes.SITE_CARD
    image = routes.absolute(config.url, card)
    properties = [("og:type", meta.get("og_type") or "website"), ("og:site_name", config.title),
                  ("og:title", title), ("og:description", description)]
    if config.url:
        properties.append(("og:url", routes.absolute(config.url, url)))
    if image:
        properties += [("og:image", image), ("og:image:type", meta.get("card_type") or "image/png"),
                       ("og:image:width", meta.get("card_width") or str(WIDTH)),
                       ("og:image:height", meta.get("card_height") or str(HEIGHT)),
                       ("og:image:alt", meta.get("card_alt") or config.title)]
    for key in ("published_time", "modified_time"):
        if meta.get(key) and meta.get("og_type") == "article":
            properties.append((f"article:{key}", meta[key]))
    names = [("twitter:card", "summary_large_image" if image else "summary"), ("twitter:title", title),
             ("twitter:description", description)]
    if image:
        names += [("twitter:image", image), ("twitter:image:alt", meta.get("card_alt") or config.title)]
    feeds = []
    if meta.get("feed"):
        feeds.append({"href": routes.relative(url, meta["feed"]), "title": meta.get("feed_title") or config.title})
    return {"properties": properties, "names": names, "feeds": feeds}


def head_html(env: Environment, config: SiteConfig, **page) -> str:
    """The tags of `head_tags`, as HTML from the `_head.html` template."""
    return env.get_template("_head.html").render(tags=head_tags(config, **page))
