"""Text to HTML: the only path by which a summary, or a site's own introduction, becomes markup.

A dedicated Markdown instance with no extensions and raw HTML switched off,
then an allowlist sanitizer. Titles and every other field never pass through
Markdown at all: the templates escape them.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache

import markdown
import nh3
from markupsafe import Markup

from ..urls import relative_site_link, site_path_problem, url_problem

ALLOWED_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "code", "br", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=[], output_format="html")
    # Raw HTML is shown as text: no block HTML, no inline tags.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


_MD = _markdown()


@lru_cache(maxsize=65536)
def summary_html(text: str, up: str = "") -> Markup:
    """Restricted Markdown to sanitised HTML: emphasis, lists, code, https links and links to this site's pages.

    `up` leads from the page the summary is shown on to the site root ('../../', or the site's
    address in a feed); a link written '/events/<id>/' is made relative to it. Any other link
    target loses its href, whatever the checker let through.
    """
    html = _MD.reset().convert(text)

    def keep_safe_links(tag: str, attribute: str, value: str) -> str | None:
        if tag != "a" or attribute != "href":
            return value
        if value.startswith("/"):
            return None if site_path_problem(value) else relative_site_link(value, up)
        return None if url_problem(value) else value

    cleaned = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"https"},
                        attribute_filter=keep_safe_links, link_rel="nofollow noopener noreferrer",
                        strip_comments=True)
    return Markup(cleaned)


@lru_cache(maxsize=65536)
def summary_text(text: str, limit: int = 200) -> str:
    """A summary as plain text (its Markdown read, every tag dropped), cut at a word to at most `limit` characters.

    For what only takes text: link previews, a page's description, an embedded card.
    """
    plain = " ".join(html.unescape(nh3.clean(summary_html(text), tags=set())).split())
    if len(plain) <= limit:
        return plain
    cut = plain[:limit - 1].rsplit(" ", 1)[0] if " " in plain[:limit - 1] else plain[:limit - 1]
    return cut.rstrip(" ,;:") + "…"


def json_for_script(data) -> Markup:
    """JSON safe inside <script type="application/...json">: no '<', '>', '&' or quote can end the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")
    return Markup(text)
