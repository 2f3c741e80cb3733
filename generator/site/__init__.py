"""Data in, pages out: the whole site as a list of Markdown files, one view at a time.

`build_pages` is a plain function of the checked Dataset and the site's configuration. Each
view (one module in `views/`) turns the data into its pages through templates; the Site
gives them one Jinja environment, the site's configuration and `link()` for relative
addresses. Each page is a Markdown file whose body is one block of HTML rendered by
autoescaping templates, so MkDocs (or any other builder) passes it through without running
Markdown extensions over contributor text. The MkDocs plugin and `python -m generator pages`
both call it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .. import routes
from ..config import SiteConfig
from ..model import Dataset, Event
from .cache import PageCache
from .env import TEMPLATES, environment
from .maps import Maps
from .page import GeneratedPageError, Page, front_matter, make_page
from .paging import Slot, cut, grouped
from .pictures import Pictures
from .render import summary_html

__all__ = ["GeneratedPageError", "Page", "Site", "build_pages", "front_matter", "VIEWS"]


class Site:
    """Renders pages from the dataset with one Jinja environment."""

    def __init__(self, data: Dataset, config: SiteConfig | None = None, downloads: Iterable[dict] = (),
                 cache: PageCache | None = None):
        self.data = data
        self.config = config or SiteConfig()
        self.cache = cache  # pages kept from the previous build of a `mkdocs serve` (see cache.py)
        self.downloads = list(downloads)  # path, format, size, about: for the data page
        self.maps = Maps(data)
        self.pictures = Pictures(data)  # every picture is derived once, when a page first shows it
        self.env = environment(self.config.overrides)
        self.env.filters.update(summary=lambda text: summary_html(text, "../" * self._url.count("/")))
        self.env.globals.update(data=data, config=self.config, link=self.link,
                                intro=lambda name: summary_html(self.config.texts[name], "../" * self._url.count("/"))
                                if name in self.config.texts else None)
        self._url = ""
        self._order = {id(event): position for position, event in enumerate(data.events)}  # timeline order
        if cache is not None:
            cache.begin(data, self.config, [TEMPLATES] + ([self.config.overrides] if self.config.overrides else []))

    def link(self, to: str) -> str:
        """Relative address of the site path `to` from the page being rendered."""
        return routes.relative(self._url, to)

    def _render(self, url: str, template: str, context: dict) -> str:
        self._url = url  # read by link(): one function in the globals, so cached macro modules see each page
        return self.env.get_template(template).render(page_url=url, **context)

    def render(self, url: str, template: str, **context) -> str:
        """A template rendered for the page at `url`."""
        if self.cache is None:
            return self._render(url, template, context)
        return self.cache.get(url, template, context, lambda: self._render(url, template, context))

    def page(self, url: str, template: str, title: str, description: str = "", meta: dict[str, str] | None = None,
             **context) -> Page:
        """A page at `url`; `meta` adds to its front matter (see head.py)."""
        def make() -> Page:
            body = self._render(url, template, {"title": title, **context})
            return make_page(routes.source_file(url), url, title, description, body, meta)
        if self.cache is None:
            return make()
        return self.cache.get(url, template, (title, description, meta, context), make)

    def split(self, url: Callable[[Slot], str], template: str, title: str, description: str,
              groups: dict[str, list[Event]], common: dict, meta: dict[str, str] | None = None) -> list[Page]:
        """One page, or, past the split size, pages cut by the calendar (see paging.py).

        `groups` are the lists the page shows (an actor's events by role); each page of the cut
        gets the part of each list that falls in its year, month or part; `url` gives a page's address.
        """
        union = {id(e): e for events in groups.values() for e in events}
        events = sorted(union.values(), key=lambda e: self._order[id(e)])
        pages = []
        parts = cut(events, self.config.split_at)
        for part, its_groups in zip(parts, grouped(parts, groups), strict=True):
            label = part.slot.label
            pages.append(self.page(url(part.slot), template, f"{title}: {label}" if label else title, description,
                                   meta, groups=its_groups, cut=part, cut_url=url,
                                   year=part.slot.year, **common))
        return pages

    def build(self, *, only: Iterable[str] = (), exclude: Iterable[str] = ()) -> list[Page]:
        """The pages of every view (or of the views named in `only`), in a stable order."""
        wanted, unwanted = set(only), set(exclude)
        return [page for name, view in VIEWS if (not wanted or name in wanted) and name not in unwanted
                for page in view(self)]


def _views() -> list[tuple[str, Callable[[Site], list[Page]]]]:
    from .views import actors, corrections, data, events, figures, home, places, sources, tags, timeline
    return [("home", home.build), ("timeline", timeline.build), ("actors", actors.build_index),
            ("tags", tags.build_index), ("sources", sources.build_index), ("events", events.build),
            ("actor", actors.build), ("tag", tags.build), ("source", sources.build), ("figures", figures.build),
            ("map", places.build_map), ("place", places.build), ("corrections", corrections.build),
            ("data", data.build)]


VIEWS = _views()


def build_pages(data: Dataset, config: SiteConfig | None = None, downloads: Iterable[dict] = ()) -> list[Page]:
    """Every page of the site, in a stable order."""
    return Site(data, config, downloads).build()
