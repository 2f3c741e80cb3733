"""Data in, pages out: the whole site as a list of Markdown files.

`build_pages` is a plain function of the validated Dataset. Each page is a
Markdown file whose front matter holds an HTML-escaped title and whose body is
one block of HTML rendered by autoescaping Jinja templates, so MkDocs (or any
other builder) passes it through without running Markdown extensions over
contributor text. The MkDocs plugin and `python -m generator pages` both call it.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Iterable

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import dates
from .figures import chart, legend_swatch
from .model import ROLE_HEADINGS, STATUSES, Dataset, Event
from .render import json_for_script, summary_html
from .validate import ROLES

SPLIT_AT = 400  # events; longer timelines, tag and actor pages are split by year
KIND_LABELS = {"state": "States", "government": "Governments and officials", "military": "Armed forces",
               "intelligence-agency": "Intelligence services", "international-org": "International organisations",
               "person": "People", "media": "Media", "think-tank": "Think tanks"}
STATUS_ICONS = {"confirmed": "✔", "reported": "●", "alleged": "◆", "disputed": "✖", "expected": "◷"}
PRECISION_LABELS = {"day": "to the day", "month": "to the month", "season": "to the season", "year": "to the year"}


@dataclass
class Settings:
    """What the pages need to know about where they are published."""

    site_name: str = "Timeline"
    site_url: str | None = None
    repo_url: str | None = None
    edit_branch: str = "main"
    split_at: int = SPLIT_AT
    downloads: list[dict] = field(default_factory=list)  # filled by outputs.site_files: path, format, size, about


@dataclass(frozen=True)
class Page:
    src: str      # path of the Markdown file, relative to the docs folder
    url: str      # address of the page, relative to the site root, with a trailing slash
    title: str
    content: str  # the whole Markdown file


class GeneratedPageError(Exception):
    """A page came out unlike what was meant; the build must stop rather than publish it."""


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)  # as MkDocs reads it


def front_matter(content: str) -> dict:
    """The front matter of a generated Markdown file as a builder reads it; {} when it cannot be read."""
    match = _FRONT_MATTER.match(content)
    if match is None:
        return {}
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def url_of(src: str) -> str:
    """'events/x.md' -> 'events/x/', 'timeline/index.md' -> 'timeline/', 'index.md' -> ''."""
    stem = src[:-3]
    if stem == "index":
        return ""
    return (stem[:-len("/index")] if stem.endswith("/index") else stem) + "/"


def relative(from_url: str, to: str) -> str:
    """Link from the page at `from_url` to the site path `to` (which may carry a #fragment).

    Page addresses are folders, so going up once per folder and down to the target is always right.
    """
    up = "../" * from_url.count("/")
    if to.startswith("#"):
        return to
    return (up + to) or "./"


class Site:
    """Renders pages from the dataset with one Jinja environment."""

    def __init__(self, data: Dataset, settings: Settings):
        self.data = data
        self.settings = settings
        self.env = Environment(loader=PackageLoader("generator", "templates"),
                               autoescape=select_autoescape(default=True, default_for_string=True),
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                               keep_trailing_newline=True)
        self.env.filters.update(summary=lambda text: summary_html(text, "../" * self._url.count("/")), number=lambda n: f"{n:,}", json_script=json_for_script)
        self.env.filters.update(day=lambda d: f"{d.day} {dates.MONTH_ABBR[d.month - 1]} {d.year}",
                                month=lambda d: f"{dates.MONTH_ABBR[d.month - 1]} {d.year}")
        self.env.globals.update(STATUSES=STATUSES, STATUS_ICONS=STATUS_ICONS, ROLE_HEADINGS=ROLE_HEADINGS,
                                ROLES=ROLES, PRECISION_LABELS=PRECISION_LABELS, data=data, settings=settings,
                                iso=lambda d: d.isoformat() if d else "", month_groups=month_groups,
                                link=lambda to: relative(self._url, to))
        self._url = ""

    def page(self, src: str, template: str, title: str, description: str = "", **context) -> Page:
        url = url_of(src)
        self._url = url  # read by link(): one function in the globals, so cached macro modules see each page
        body = self.env.get_template(template).render(page_url=url, title=title, **context)
        # Material prints meta title and description into <head> unescaped: escape them here, as JSON strings.
        meta = {"title": html.escape(title), "description": html.escape(description or title)}
        # JSON strings with every non-ASCII character escaped are YAML that any reader parses the same way.
        front = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=True)}" for key, value in meta.items())
        content = f"---\n{front}\n---\n\n<div class=\"tl-page\">\n{body.strip()}\n</div>\n"
        if front_matter(content) != meta:
            raise GeneratedPageError(f"the front matter of {src} does not read back as written")
        return Page(src, url, title, content)

    # -- pages ---------------------------------------------------------------

    def build(self, *, with_data_page: bool = True) -> list[Page]:
        data = self.data
        pages = [self.home(), *self.timeline(), self.actors_index(), self.tags_index(), self.sources_index()]
        pages += [self.event(e) for e in data.events]
        for actor_id in sorted(data.actors):
            pages += self.actor(actor_id)
        for tag_id in sorted(data.tags):
            pages += self.tag(tag_id)
        pages += [self.source(seed_id) for seed_id in sorted(data.seeds)]
        pages.append(self.figures())
        pages.append(self.corrections())
        if with_data_page:
            pages.append(self.data_page())
        return pages

    def figures(self) -> Page:
        charts = []
        url = url_of("figures/index.md")
        for metric, rows in self.data.figures_by_metric().items():
            svg, legend = chart(self.data, metric, rows, lambda to: relative(url, to))
            charts.append({"metric": self.data.metrics[metric], "rows": rows, "svg": svg, "legend": legend})
        return self.page("figures/index.md", "figures.html", "Competing figures",
                         "Troops, casualties and munitions: every figure by claimant over time.",
                         charts=charts, swatch=legend_swatch)

    def data_page(self) -> Page:
        return self.page("data/index.md", "data.html", "Open data",
                         "Download the timeline as JSON, CSV, iCalendar, TimelineJS or Atom.",
                         downloads=self.settings.downloads, licence="CC BY 4.0",
                         actors=sorted(self.data.actors.values(), key=lambda a: a.name.casefold()))

    def home(self) -> Page:
        data = self.data
        latest = sorted(data.events, key=lambda e: (e.date.latest(), e.id), reverse=True)[:6]
        headline = []
        for metric, rows in data.figures_by_metric().items():
            # Figures of one measure are claims at different dates, not a range of estimates of one number:
            # say how many there are and which is the latest, and leave the comparison to the figures page.
            event, figure = rows[-1]
            claimants = {c for _, f in rows for c in f.claimed_by}
            headline.append({"metric": data.metrics[metric], "latest": figure, "event": event,
                             "claims": len(rows), "claimants": len(claimants)})
        span = dates_span(data.events)
        return self.page("index.md", "home.html", self.settings.site_name,
                         "Every event dated as precisely as the sources allow, every claim attributed.",
                         latest=latest, headline=headline, span=span,
                         documents=len({d for e in data.events for d in e.documents}))

    def timeline(self) -> list[Page]:
        events = self.data.events
        years = by_year(events)
        split = len(events) > self.settings.split_at
        pages = [self.page("timeline/index.md", "timeline.html", "Timeline",
                           "Every event in order, grouped by year and month, with filters.",
                           events=events, years=[] if split else years, year_pages=[y for y, _ in years] if split else [],
                           overview=overview_svg(events, year_pages=split), filters=filter_options(self.data, events),
                           year_only=sum(1 for e in events if e.date.precision == "year"))]
        if split:
            for year, group in years:
                pages.append(self.page(f"timeline/{year}.md", "timeline.html", f"Timeline: {year}",
                                       f"Events of {year}.", events=group, years=[(year, group)], year_pages=[],
                                       overview=overview_svg(group, year_pages=False),
                                       filters=filter_options(self.data, group),
                                       year_only=sum(1 for e in group if e.date.precision == "year")))
        return pages

    def event(self, event: Event) -> Page:
        data = self.data
        edit = view = None
        if self.settings.repo_url:
            base = self.settings.repo_url.rstrip("/")
            edit = f"{base}/edit/{self.settings.edit_branch}/{event.path}"
            view = f"{base}/blob/{self.settings.edit_branch}/{event.path}"
        related = [data.by_id[r] for r in event.related if r in data.by_id]
        cited_by = [e for e in data.cited_by.get(event.id, []) if e.id not in event.related]
        history = None
        if self.settings.repo_url:
            history = f"{self.settings.repo_url.rstrip('/')}/commits/{self.settings.edit_branch}/{event.path}"
        return self.page(f"events/{event.id}.md", "event.html", event.title, event.title,
                         event=event, related=related + cited_by, edit_url=edit, view_url=view,
                         history_url=history, json_ld=json_for_script(self.json_ld(event)))

    def corrections(self) -> Page:
        rows = [(c, e) for e in self.data.events for c in e.corrections]
        rows.sort(key=lambda row: row[0].date, reverse=True)  # stable: same day keeps timeline order
        return self.page("corrections/index.md", "corrections.html", "Corrections",
                         "Every correction made to the timeline's events, newest first, with what changed and why.",
                         rows=rows)

    def json_ld(self, event: Event) -> dict:
        doc = {"@context": "https://schema.org", "@type": "Event", "name": event.title,
               "identifier": event.id, "description": event.summary,
               "startDate": _iso_date(event.date.start), "endDate": _iso_date(event.date.end),
               "eventStatus": "https://schema.org/EventScheduled" if event.status == "expected" else None}
        if self.settings.site_url:
            doc["url"] = self.settings.site_url.rstrip("/") + f"/events/{event.id}/"
        if event.location:
            doc["location"] = {"@type": "Place", "name": event.location["name"]}
            if event.location.get("country"):
                doc["location"]["address"] = {"@type": "PostalAddress", "addressCountry": event.location["country"]}
        doc["organizer" if event.actors.get("participant") else "about"] = [
            {"@type": "Person" if self.data.actors[a].kind == "person" else "Organization", "name": self.data.actors[a].name}
            for a in event.actors.get("participant", ())]
        return {k: v for k, v in doc.items() if v is not None}

    def actors_index(self) -> Page:
        data = self.data
        kinds = []
        declared = {a.kind for a in data.actors.values()} - set(KIND_LABELS)  # never drop an actor of a new kind
        for kind, label in [*KIND_LABELS.items(), *((k, k.replace("-", " ").capitalize()) for k in sorted(declared))]:
            members = sorted((a for a in data.actors.values() if a.kind == kind), key=lambda a: a.name.casefold())
            if members:
                kinds.append((label, [(a, sum(len(v) for v in data.by_actor.get(a.id, {}).values())) for a in members]))
        return self.page("actors/index.md", "actors.html", "Actors",
                         "States, agencies, people and outlets, and what each did, claimed or denied.", kinds=kinds)

    def actor(self, actor_id: str) -> list[Page]:
        data = self.data
        actor = data.actors[actor_id]
        roles = data.by_actor.get(actor_id, {})
        common = dict(actor=actor, parent=data.actors.get(actor.parent) if actor.parent else None,
                      children=data.children(actor_id), figures=data.actor_figures(actor_id))
        return self._maybe_split(f"actors/{actor_id}", "actor.html", actor.name, actor.description,
                                 {role: roles.get(role, []) for role in ROLES}, common)

    def tags_index(self) -> Page:
        data = self.data
        rows = [(tag, len(data.by_tag.get(tag.id, []))) for tag in sorted(data.tags.values(), key=lambda t: t.label)]
        return self.page("tags/index.md", "tags.html", "Topics", "Events by topic.", rows=rows)

    def tag(self, tag_id: str) -> list[Page]:
        tag = self.data.tags[tag_id]
        return self._maybe_split(f"tags/{tag_id}", "tag.html", f"Topic: {tag.label}", tag.description,
                                 {"events": self.data.by_tag.get(tag_id, [])}, {"tag": tag})

    def _maybe_split(self, stem: str, template: str, title: str, description: str,
                     groups: dict[str, list[Event]], common: dict) -> list[Page]:
        """One page, or, past the split size, a summary page and one page per year."""
        total = sum(len(v) for v in groups.values())
        if total <= self.settings.split_at:
            return [self.page(f"{stem}.md", template, title, description, groups=groups, years=[], year=None, **common)]
        years = sorted({e.date.known.year for v in groups.values() for e in v})
        pages = [self.page(f"{stem}/index.md", template, title, description,
                           groups={k: [] for k in groups}, years=years, year=None, **common)]
        for year in years:
            subset = {k: [e for e in v if e.date.known.year == year] for k, v in groups.items()}
            pages.append(self.page(f"{stem}/{year}.md", template, f"{title}: {year}", description,
                                   groups=subset, years=[], year=year, **common))
        return pages

    def sources_index(self) -> Page:
        data = self.data
        seeds = sorted(data.seeds.values(), key=lambda s: (s.published.sort_key(), s.id))
        rows = [(s, len({e.id for e, _, _ in data.citations.get(s.id, [])})) for s in seeds]
        return self.page("sources/index.md", "sources.html", "Sources",
                         "The source documents, with every quoted passage highlighted.", rows=rows)

    def source(self, seed_id: str) -> Page:
        data = self.data
        seed = data.seeds[seed_id]
        citing = list(dict.fromkeys(e for e, _, _ in data.citations.get(seed_id, [])))
        return self.page(f"sources/{seed_id}.md", "source.html", seed.title, f"Source document: {seed.title}",
                         seed=seed, citing=citing, paragraphs=seed_paragraphs(data, seed_id))


def _iso_date(point: dates.Point | None) -> str | None:
    if point is None:
        return None
    return point.edtf().rstrip("~?%") if point.season is None else f"{point.year:04d}"


def build_pages(data: Dataset, settings: Settings | None = None) -> list[Page]:
    """Every page of the site, in a stable order."""
    return Site(data, settings or Settings()).build()


# -- timeline helpers ------------------------------------------------------------

def by_year(events: list[Event]) -> list[tuple[int, list[Event]]]:
    """Events grouped by the year each starts in, years in order of first appearance, order kept within."""
    years: dict[int, list[Event]] = {}
    for event in events:
        years.setdefault(event.date.known.year, []).append(event)
    return list(years.items())


def dates_span(events: list[Event]) -> tuple[dt.date, dt.date] | None:
    """The first and last day any event's known dates reach, or None without events."""
    if not events:
        return None
    first = min(e.date.earliest() for e in events)
    last = max(point.upper() for e in events for point in (e.date.start, e.date.end) if point is not None)
    return first, last


def group_key(event: Event) -> tuple[str, str]:
    """(anchor, heading) of the group an event is listed under within its year."""
    point = event.date.known
    if point.precision == "year":
        return f"y{point.year}-all", f"{point.year}, date known to the year"
    if point.precision == "season":
        return f"s{point.year}-{point.season}", f"{dates.SEASONS[point.season]} {point.year}"
    lower = point.lower()
    return f"m{lower:%Y-%m}", f"{lower:%B %Y}"


def month_groups(events: Iterable[Event]) -> list[tuple[str, str, list[Event]]]:
    groups: dict[str, tuple[str, list[Event]]] = {}
    for event in events:
        anchor, heading = group_key(event)
        groups.setdefault(anchor, (heading, []))[1].append(event)
    return [(anchor, heading, members) for anchor, (heading, members) in groups.items()]


def filter_options(data: Dataset, events: list[Event]) -> dict:
    actors = Counter(a for e in events for a in e.actor_ids())
    tags = Counter(t for e in events for t in e.tags)
    statuses = Counter(e.status for e in events)
    return {
        "actors": sorted(((data.actors[a], n) for a, n in actors.items()), key=lambda x: x[0].name.casefold()),
        "tags": sorted(((data.tags[t], n) for t, n in tags.items()), key=lambda x: x[0].label),
        "statuses": [(s, statuses[s]) for s in STATUSES if statuses[s]],
    }


OVERVIEW_BARS = 240  # at most this many bars: a wider span is drawn per year, decade or century
OVERVIEW_UNITS = ((1, "month"), (12, "year"), (120, "decade"), (1200, "century"), (12000, "millennium"))


def _bin_label(first_month: int, size: int) -> str:
    year, month = divmod(first_month, 12)
    if size == 1:
        return f"{dt.date(year, month + 1, 1):%B %Y}"
    if size == 12:
        return f"{year}"
    return f"{year}–{year + size // 12 - 1}"


def overview_svg(events: list[Event], *, year_pages: bool) -> tuple[Markup, str]:
    """Bars of events per month (or per year, decade, century over a long span), each a link, drawn at build time.

    Returns the SVG and the unit of its bars.
    """
    events = [e for e in events if e.date.precision != "year"]  # a bar per month cannot show them honestly
    if not events:
        return Markup(""), "month"
    months = [e.date.known.lower().year * 12 + e.date.known.lower().month - 1 for e in events]
    span = max(months) - min(months) + 1
    size, unit = next((size, unit) for size, unit in OVERVIEW_UNITS
                      if span // size + 2 <= OVERVIEW_BARS or size == OVERVIEW_UNITS[-1][0])
    counts: Counter = Counter()
    targets: dict[int, str] = {}
    for event, month in zip(events, months):
        key = month // size
        counts[key] += 1
        year = event.date.known.lower().year
        anchor = group_key(event)[0] if size == 1 else f"y{year}"
        targets.setdefault(key, f"{year}/#{anchor}" if year_pages else f"#{anchor}")
    first, last = min(counts), max(counts)
    bar, gap, height, axis = 14, 4, 60, 18
    width = (last - first + 1) * (bar + gap)
    peak = max(counts.values())
    parts = [f'<svg class="tl-overview__svg" viewBox="0 0 {width} {height + axis}" width="{width}" '
             f'height="{height + axis}" role="group" aria-label="Events per {unit}">']
    for index, key in enumerate(range(first, last + 1)):
        x = index * (bar + gap)
        n = counts.get(key, 0)
        label = f"{_bin_label(key * size, size)}: {n} event{'s' if n != 1 else ''}"
        if n:
            h = max(4, round(height * n / peak))
            parts.append(f'<a href="{html.escape(targets[key])}" aria-label="{label}"><title>{label}</title>'
                         f'<rect class="tl-overview__bar" x="{x}" y="{height - h}" width="{bar}" height="{h}" rx="2"/></a>')
        else:
            parts.append(f'<rect class="tl-overview__empty" x="{x}" y="{height - 2}" width="{bar}" height="2"/>')
        year, month = divmod(key * size, 12)
        if index == 0 or (size == 1 and month == 0) or (size > 1 and year % (size // 12 * 10) == 0):
            parts.append(f'<text class="tl-overview__year" x="{x}" y="{height + 14}">{year}</text>')
    parts.append("</svg>")
    return Markup("".join(parts)), unit


# -- source helpers ----------------------------------------------------------------

def seed_paragraphs(data: Dataset, seed_id: str) -> list[dict]:
    """The seed text line by line, each marked as article, chrome or repeat, with quoted spans highlighted.

    One sweep over the span boundaries: a line is cut wherever a quote starts or ends, and each
    piece knows which quotes cover it, in time linear in the text and the number of spans.
    """
    seed = data.seeds[seed_id]
    text = seed.text
    spans = data.seed_spans(seed_id)  # sorted by start
    opening: dict[int, list[int]] = defaultdict(list)
    closing: dict[int, list[int]] = defaultdict(list)
    for number, (start, end, _, _) in enumerate(spans):
        opening[start].append(number)
        closing[end].append(number)
    cuts = sorted(set(opening) | set(closing))
    active: set[int] = set()
    anchored: set[tuple[str, int]] = set()
    paragraphs = []
    seen_lines: set[str] = set()
    chrome = set(seed.chrome)
    offset = next_cut = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        here = [start]
        while next_cut < len(cuts) and cuts[next_cut] <= end:
            if cuts[next_cut] > start:
                here.append(cuts[next_cut])
            next_cut += 1
        if here[-1] != end:
            here.append(end)
        pieces = []
        for a, b in pairwise(here):
            for number in closing.get(a, ()):
                active.discard(number)
            opened = opening.get(a, ())
            active.update(opened)
            if a == b:
                continue
            covering = [spans[n] for n in sorted(active)]
            anchors = []
            for number in opened:
                _, _, event, index = spans[number]
                if (event.id, index) not in anchored:
                    anchored.add((event.id, index))
                    anchors.append(f"q-{event.id}-{index}")
            events = list(dict.fromkeys(span[2] for span in covering))
            pieces.append({"text": text[a:b], "events": events, "anchors": anchors,
                           "label": "; ".join(e.title for e in events[:3])
                                    + (f"; and {len(events) - 3} more events" if len(events) > 3 else "")})
        # A span still open at the line's end (a quote across a line break) goes on in the next line's pieces.
        for number in closing.get(end, ()):
            active.discard(number)
        if not line.strip():
            continue
        kind = "chrome" if line in chrome else ("repeat" if line in seen_lines else "article")
        seen_lines.add(line)
        paragraphs.append({"kind": kind, "pieces": pieces})
    return paragraphs
