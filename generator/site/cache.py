"""Rendered pages kept between the builds of one `mkdocs serve`, so an edit re-renders only what it changed.

A page is stored under a digest of everything it is rendered from: its address, template, title,
description and the whole context its view passes (events, lists, cuts, maps: pickled, so any
value counts), plus one digest shared by every page of a build, of what templates may read
beyond their context (the actors, seeds, vocabularies, places, the site's configuration and the
templates themselves). The next build renders a page again only when that digest differs.

Only the templates listed in CACHEABLE are kept: those read nothing of the events but what their
context hands them. The others (home, corrections, data, lists of lists) are few and cheap, and
some read the whole dataset, so they are always rendered.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..model import Event

T = TypeVar("T")

CACHEABLE = frozenset({"event.html", "actor.html", "tag.html", "timeline.html", "source.html", "metric.html",
                       "place.html", "embed.html"})


class PageCache:
    """Pages by address, each with the digest it was rendered from; lives as long as the serving process."""

    def __init__(self) -> None:
        self._pages: dict[str, tuple[bytes, object]] = {}
        self._shared = b""
        self._events: dict[int, bytes] = {}
        self.hits = self.misses = 0

    def begin(self, data, config, template_dirs: list[Path]) -> None:
        """Start a build: digest what every template may read besides its context."""
        digest = hashlib.blake2b(digest_size=20)
        digest.update(pickle.dumps((data.actors, data.seeds, data.tags, data.metrics, data.kinds, data.places,
                                    config), protocol=pickle.HIGHEST_PROTOCOL))
        for folder in template_dirs:
            for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
                if path.is_file():
                    digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
        self._shared = digest.digest()
        self.hits = self.misses = 0
        # Each event is pickled once per build; in every page's inputs it then stands as its digest, so a
        # list page of 200 events costs 200 short strings, not 200 events' worth of pickling.
        self._events = {id(event): hashlib.blake2b(pickle.dumps(event, protocol=pickle.HIGHEST_PROTOCOL),
                                                   digest_size=16).digest() for event in data.events}

    def get(self, url: str, template: str, inputs: object, make: Callable[[], T]) -> T:
        """What `make()` returned for `url` last time if `template` and `inputs` are the same, else `make()`, kept."""
        if template not in CACHEABLE:
            return make()
        try:
            buffer = io.BytesIO()
            _Pickler(buffer, self._events).dump((url, template, inputs))
            key = hashlib.blake2b(self._shared + buffer.getvalue(), digest_size=20).digest()
        except (pickle.PicklingError, TypeError, AttributeError):  # a value with no stable form: never reused
            return make()
        kept = self._pages.get(url)
        if kept is not None and kept[0] == key:
            self.hits += 1
            return kept[1]  # type: ignore[return-value]
        self.misses += 1
        made = make()
        self._pages[url] = (key, made)
        return made


class _Pickler(pickle.Pickler):
    """Pickles a page's inputs with every event of the build written as its digest."""

    def __init__(self, file: io.BytesIO, events: dict[int, bytes]):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._digests = events

    def reducer_override(self, obj):
        if type(obj) is Event:
            digest = self._digests.get(id(obj))
            if digest is not None:
                return bytes, (digest,)
        return NotImplemented
