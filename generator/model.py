"""The validated dataset as typed objects, built only from a clean check.

Rendering and exports read this model and nothing else, so they never meet a
data error: everything that could be wrong was found by the checker first.
"""

from __future__ import annotations

import datetime as dt
import heapq
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import dates, quotes
from .check import Tree, check
from .findings import Result
from .geo.places import Place
from .history import FileHistory, file_history
from .vocab import ROLES, Term, terms


class DataError(Exception):
    """The data did not pass the check; carries the result with every finding."""

    def __init__(self, result: Result):
        super().__init__(f"{len(result.errors)} error(s) in the data")
        self.result = result


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    description: str
    short_name: str | None = None
    country: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.short_name or self.name


@dataclass(frozen=True)
class LeftOut:
    passage: str
    reason: str


@dataclass
class Seed:
    id: str
    title: str
    title_source: str
    publisher: str | None
    url: str | None
    published: dates.EDTFDate
    published_basis: str
    language: str
    text: str
    kind: str | None = None
    notes: str | None = None
    chrome: tuple[str, ...] = ()
    left_out: tuple[LeftOut, ...] = ()


@dataclass(frozen=True)
class Source:
    seed: str | None = None
    quote: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: dates.EDTFDate | None = None


@dataclass(frozen=True)
class Figure:
    metric: str
    qualifier: str
    as_of: dates.EDTFDate
    claimed_by: tuple[str, ...]
    value: int | None = None
    low: int | None = None
    high: int | None = None
    note: str | None = None

    @property
    def is_range(self) -> bool:
        return self.value is None

    def display(self) -> str:
        mark = {"exact": "", "approx": "about ", "at-least": "at least ", "at-most": "at most "}[self.qualifier]
        if self.is_range:
            return f"{mark}{self.low:,}–{self.high:,}"
        return f"{mark}{self.value:,}"


@dataclass(frozen=True)
class Media:
    """A picture shown with an event: a file under events/media/, what it shows and whose it is."""

    file: str
    alt: str
    credit: str
    caption: str | None = None
    licence: str | None = None
    source_url: str | None = None


@dataclass(frozen=True)
class Correction:
    date: dt.date
    change: str
    reason: str


@dataclass(eq=False)
class Event:
    id: str
    date: dates.EDTFDate
    title: str
    summary: str
    status: str
    actors: dict[str, tuple[str, ...]]
    sources: tuple[Source, ...]
    path: str
    date_text: str | None = None
    tags: tuple[str, ...] = ()
    location: dict | None = None
    places: tuple[str, ...] = ()
    media: tuple[Media, ...] = ()
    figures: tuple[Figure, ...] = ()
    related: tuple[str, ...] = ()
    notes: str | None = None
    follows: tuple[str, ...] = ()
    corrections: tuple[Correction, ...] = ()
    history: FileHistory = field(default_factory=FileHistory)

    @property
    def documents(self) -> list[str]:
        """The distinct documents the sources quote or cite: several quotes from one seed are one document."""
        return list(dict.fromkeys(f"seed:{s.seed}" if s.seed else f"url:{s.url}" for s in self.sources))

    def actor_ids(self) -> list[str]:
        return list(dict.fromkeys(a for role in ROLES for a in self.actors.get(role, ())))

    def sort_key(self) -> tuple:
        return (*self.date.sort_key(), self.id)


@dataclass
class Dataset:
    events: list[Event]
    actors: dict[str, Actor]
    seeds: dict[str, Seed]
    tags: dict[str, Term]
    metrics: dict[str, Term]
    kinds: dict[str, Term] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    media_root: Path | None = None  # the project folder whose events/media/ holds the pictures
    by_id: dict[str, Event] = field(default_factory=dict)
    by_actor: dict[str, dict[str, list[Event]]] = field(default_factory=dict)
    by_tag: dict[str, list[Event]] = field(default_factory=dict)
    by_place: dict[str, list[Event]] = field(default_factory=dict)
    citations: dict[str, list[tuple[Event, int, Source]]] = field(default_factory=dict)
    cited_by: dict[str, list[Event]] = field(default_factory=dict)  # event id -> events listing it as related
    _claimed: dict[str, list[tuple[Event, Figure]]] | None = field(default=None, repr=False, compare=False)
    _quote_spans: dict[str, dict[tuple[str, int], tuple[int, int]]] = field(default_factory=dict, repr=False,
                                                                           compare=False)

    def __post_init__(self) -> None:
        self.events = in_timeline_order(self.events)
        self.by_id = {e.id: e for e in self.events}
        by_actor: dict[str, dict[str, list[Event]]] = defaultdict(lambda: defaultdict(list))
        by_tag: dict[str, list[Event]] = defaultdict(list)
        by_place: dict[str, list[Event]] = defaultdict(list)
        citations: dict[str, list[tuple[Event, int, Source]]] = defaultdict(list)
        for event in self.events:
            for role in ROLES:
                for actor in event.actors.get(role, ()):
                    by_actor[actor][role].append(event)
            for tag in event.tags:
                by_tag[tag].append(event)
            for place in event.places:
                by_place[place].append(event)
            for index, source in enumerate(event.sources):
                if source.seed:
                    citations[source.seed].append((event, index, source))
        self.by_actor = {a: dict(roles) for a, roles in by_actor.items()}
        self.by_tag = dict(by_tag)
        self.by_place = dict(by_place)
        self.citations = dict(citations)
        cited_by: dict[str, list[Event]] = defaultdict(list)
        for event in self.events:
            for other in event.related:
                cited_by[other].append(event)
        self.cited_by = dict(cited_by)

    def figures_by_metric(self) -> dict[str, list[tuple[Event, Figure]]]:
        found: dict[str, list[tuple[Event, Figure]]] = {m: [] for m in self.metrics}
        for event in self.events:
            for figure in event.figures:
                found[figure.metric].append((event, figure))
        return {m: sorted(rows, key=lambda r: (r[1].as_of.sort_key(), r[0].id)) for m, rows in found.items() if rows}

    def actor_figures(self, actor: str) -> list[tuple[Event, Figure]]:
        """The figures an actor claims, in timeline order (indexed once for every actor)."""
        if self._claimed is None:
            claimed: dict[str, list[tuple[Event, Figure]]] = defaultdict(list)
            for event in self.events:
                for figure in event.figures:
                    for claimant in dict.fromkeys(figure.claimed_by):
                        claimed[claimant].append((event, figure))
            self._claimed = dict(claimed)
        return self._claimed.get(actor, [])

    def children(self, actor: str) -> list[Actor]:
        return sorted((a for a in self.actors.values() if a.parent == actor), key=lambda a: a.name)

    def quote_span(self, seed: str, event_id: str, index: int) -> tuple[int, int] | None:
        """Where in the seed's text the quote of an event's source (by index) first matches."""
        if seed not in self._quote_spans:
            first: dict[tuple[str, int], tuple[int, int]] = {}
            for start, end, event, number in self.seed_spans(seed):
                first.setdefault((event.id, number), (start, end))
            self._quote_spans[seed] = first
        return self._quote_spans[seed].get((event_id, index))

    def seed_spans(self, seed: str) -> list[tuple[int, int, Event, int]]:
        """(start, end, event, source index) for every place each quote of the seed matches."""
        text = self.seeds[seed].text
        normalised = quotes.normalise_with_map(text)
        found: dict[str, list[tuple[int, int]]] = {}
        spans = []
        for event, index, source in self.citations.get(seed, []):
            quote = source.quote or ""
            if quote not in found:
                found[quote] = quotes.find_spans(quote, text, normalised)
            for start, end in found[quote]:
                spans.append((start, end, event, index))
        return sorted(spans, key=lambda s: (s[0], -s[1], s[2].id, s[3]))


def in_timeline_order(events: list[Event]) -> list[Event]:
    """Events by date (Event.sort_key), except that an event comes after every event it 'follows'.

    A stable topological sort: of the events whose predecessors are all placed, the one with the
    lowest sort key goes next. The checker has made sure 'follows' loops nowhere and never asks
    an event to follow one that starts after it ends, so dates stay in order.
    """
    by_id = {e.id: e for e in events}
    waiting = {e.id: {f for f in e.follows if f in by_id and f != e.id} for e in events}
    followers: dict[str, list[str]] = defaultdict(list)
    for ident, before in waiting.items():
        for other in before:
            followers[other].append(ident)
    ready = [(e.sort_key(), e.id) for e in events if not waiting[e.id]]
    heapq.heapify(ready)
    ordered = []
    while ready:
        _, ident = heapq.heappop(ready)
        ordered.append(by_id[ident])
        for follower in followers[ident]:
            waiting[follower].discard(ident)
            if not waiting[follower]:
                heapq.heappush(ready, (by_id[follower].sort_key(), follower))
    if len(ordered) < len(events):  # a loop the checker would have refused: keep every event, by date
        placed = {e.id for e in ordered}
        ordered += sorted((e for e in events if e.id not in placed), key=Event.sort_key)
    return ordered


def _opt(data: dict, key: str):
    return data.get(key) or None


def from_tree(tree: Tree, history: dict[str, FileHistory] | None = None) -> Dataset:
    """The model of a checked tree, reusing the dates the checker parsed."""
    history = history or {}
    parsed = tree.index.parsed if tree.index is not None else {}

    def date(rel: str, path: tuple, text: str) -> dates.EDTFDate:
        return parsed.get((rel, path)) or dates.parse(text)

    actors = {}
    for doc in tree.actors:
        d = doc.data
        actors[d["id"]] = Actor(id=d["id"], name=d["name"], kind=d["kind"], description=d["description"],
                                short_name=_opt(d, "short_name"), country=_opt(d, "country"),
                                parent=_opt(d, "parent"), aliases=tuple(d.get("aliases") or ()))
    seeds = {}
    for doc in tree.seeds:
        d = doc.data
        seeds[d["id"]] = Seed(id=d["id"], title=d["title"], title_source=d["title_source"], publisher=d["publisher"],
                              url=d["url"], published=date(doc.rel, ("published",), d["published"]),
                              published_basis=d["published_basis"], language=d["language"],
                              text=unicodedata.normalize("NFC", tree.seed_texts[d["id"]]),
                              kind=_opt(d, "kind"), notes=_opt(d, "notes"), chrome=tuple(d.get("chrome") or ()),
                              left_out=tuple(LeftOut(i["passage"], i["reason"]) for i in d.get("left_out") or ()))
    events = []
    for doc in tree.events:
        d, rel = doc.data, doc.rel
        sources = tuple(
            Source(seed=s.get("seed"), quote=s.get("quote"), url=s.get("url"), publisher=s.get("publisher"),
                   published=date(rel, ("sources", i, "published"), s["published"]) if s.get("published") else None)
            for i, s in enumerate(d["sources"]))
        figures = []
        for i, f in enumerate(d.get("figures") or ()):
            rng = f.get("range")
            figures.append(Figure(metric=f["metric"], qualifier=f["qualifier"],
                                  as_of=date(rel, ("figures", i, "as_of"), f["as_of"]),
                                  claimed_by=tuple(f["claimed_by"]), note=_opt(f, "note"),
                                  value=int(f["value"]) if "value" in f else None,
                                  low=int(rng[0]) if rng else None, high=int(rng[1]) if rng else None))
        events.append(Event(
            id=d["id"], date=date(rel, ("date",), d["date"]), title=d["title"], summary=d["summary"],
            status=d["status"], actors={role: tuple(d["actors"].get(role) or ()) for role in ROLES}, sources=sources,
            path=rel, date_text=_opt(d, "date_text"), tags=tuple(d.get("tags") or ()), location=d.get("location"),
            places=tuple(d.get("places") or ()),
            media=tuple(Media(file=m["file"], alt=m["alt"], credit=m["credit"], caption=_opt(m, "caption"),
                              licence=_opt(m, "licence"), source_url=_opt(m, "source_url")) for m in d.get("media") or ()),
            figures=tuple(figures), related=tuple(d.get("related") or ()), notes=_opt(d, "notes"),
            follows=tuple(d.get("follows") or ()),
            corrections=tuple(Correction(date=dt.date.fromisoformat(c["date"]), change=c["change"], reason=c["reason"])
                              for c in d.get("corrections") or ()),
            history=history.get(rel, FileHistory())))
    vocabulary = {name: terms(doc.data) for name, doc in tree.vocabularies.items()}
    return Dataset(events=events, actors=actors, seeds=seeds, tags=vocabulary["tags"], metrics=vocabulary["metrics"],
                   kinds=vocabulary["kinds"], places=dict(sorted(tree.index.places.items())) if tree.index else {},
                   media_root=tree.root)


def load_dataset(root: Path, *, strict: bool = False) -> tuple[Dataset, Result]:
    """Check everything under `root`, then build the model; raise DataError when the check fails."""
    tree, result = check(root)
    if result.failed(strict):
        raise DataError(result)
    return from_tree(tree, file_history(root, "events")), result
