"""Social cards drawn beside the build: in a second process while MkDocs writes the pages, collected at the end.

A card takes about 4 ms to draw, so a thousand take 4 s, as long as a third of the rest of the
build. MkDocs needs every page when the files are listed (`on_files`), but nothing needs the
cards until the site is written, so for a large timeline the plugin starts them in a second
process once the pages are listed and writes them into the site after MkDocs has written its
own files, before the post-build scan: on two cores they cost almost nothing. A small
timeline's are drawn in this process, where starting a second would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor

from ..config import SiteConfig
from ..model import Dataset
from ..site.cards import cards
from .outputs import PARALLEL_FROM


def draw(data: Dataset, config: SiteConfig, only: frozenset[str] | None = None) -> list[tuple[str, bytes]]:
    """Every social card at its site path (or those of the events in `only`)."""
    return list(cards(data, config, only))


class CardJob:
    """The cards of one build, being drawn (in a second process when there are many) until `files()`.

    `only` names the events whose cards are needed, when the others are already in the site
    (a `mkdocs serve --dirty` rebuild).
    """

    def __init__(self, data: Dataset, config: SiteConfig, only: frozenset[str] | None = None):
        self._data, self._config, self._only = data, config, only
        self._pool: ProcessPoolExecutor | None = None
        self._future: Future | None = None
        count = len(data.events) if only is None else len(only)
        if count >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            self._future = self._pool.submit(draw, data, config, only)

    def files(self) -> list[tuple[str, bytes]]:
        try:
            if self._future is not None:
                return self._future.result()
            return draw(self._data, self._config, self._only)
        finally:
            self.cancel()

    def cancel(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
