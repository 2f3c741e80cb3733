"""Pictures for pages: each file events show, derived once into the copies the site publishes.

The contributed file is never published: `generator.media.derive` makes WebP and JPEG copies
at two widths with no metadata, and this module says where each lives on the site
(`media/<folders under events/media/>/<stem>-<width>.<ext>`, so two pictures of the same name
in different folders never collide) and what a template needs to show it. The checker has
refused any picture the build could not use, so deriving never meets a data error.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from .. import routes
from ..media.derive import Derivative, derivatives
from ..model import Dataset, Event, Media


@dataclass(frozen=True)
class Copy:
    url: str  # site path
    width: int
    height: int


@dataclass(frozen=True)
class Figure:
    """One picture as a page shows it: the event's text about it and its published copies."""

    item: Media
    webp: tuple[Copy, ...]  # narrowest first
    jpeg: tuple[Copy, ...]

    @property
    def largest(self) -> Copy:
        """The widest JPEG: the <img> fallback, whose width and height reserve the picture's space."""
        return self.jpeg[-1]


@dataclass(frozen=True)
class SocialImage:
    """The picture that stands for an event in link previews: its first picture's widest JPEG."""

    url: str  # site path
    width: int
    height: int
    alt: str


class Pictures:
    def __init__(self, data: Dataset):
        self.data = data
        self._derived: dict[str, list[Derivative]] = {}

    def _files(self, name: str) -> list[Derivative]:
        if name not in self._derived:
            if self.data.media_root is None:
                raise ValueError("the dataset does not say where its pictures are (media_root)")
            self._derived[name] = derivatives(self.data.media_root, name)
        return self._derived[name]

    @staticmethod
    def _path(name: str, copy: Derivative) -> str:
        folder = PurePosixPath(name).parent
        return routes.media(copy.name if folder == PurePosixPath(".") else f"{folder}/{copy.name}")

    def figure(self, item: Media) -> Figure:
        files = self._files(item.file)
        copies = {mime: tuple(Copy(self._path(item.file, f), f.width, f.height) for f in files if f.mime == mime)
                  for mime in ("image/webp", "image/jpeg")}
        return Figure(item, copies["image/webp"], copies["image/jpeg"])

    def figures(self, event: Event) -> list[Figure]:
        return [self.figure(item) for item in event.media]

    def social_image(self, event: Event) -> SocialImage | None:
        """The event's first picture as its social card image, or None for an event without pictures."""
        if not event.media:
            return None
        largest = self.figure(event.media[0]).largest
        return SocialImage(largest.url, largest.width, largest.height, event.media[0].alt)

    def outputs(self) -> Iterator[tuple[str, bytes]]:
        """(site path, bytes) of every copy of every picture the events show, each file once."""
        names = dict.fromkeys(item.file for event in self.data.events for item in event.media)
        for name in names:
            for copy in self._files(name):
                yield self._path(name, copy), copy.data
