"""Events, read and checked file by file: in this process for a small project, on every core for a large one.

An event file is read, checked against its schema and put through every rule that needs only
the file and the project's other data (actors, seeds and vocabularies, all read before any
event). What needs every event's id (references between events, summary links to event pages)
waits in `Index.waiting` until all are read. Files go in chunks; from PARALLEL_FROM files on,
the chunks go to worker processes, each with a copy of the Index, and come back as documents
with what the rules learnt from them. Workers are started by a fork server, so a process that
runs threads (`mkdocs serve`) is never forked. With keep_data=False (the `check` command) a
document comes back without its values: a project of 100,000 events is never held whole.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..dates import EDTFDate
from ..load import Document, load
from ..vocab import ID
from .index import Index, own_id
from .rules import events, structure

PARALLEL_FROM = 2_000  # event files; below this, starting workers costs more than it saves
CHUNK = 250  # event files a worker reads before it sends back what it found


@dataclass
class Chunk:
    """One chunk's documents in file order, and what the rules learnt from them."""

    docs: list[Document]
    ids: list[str | None]  # the id each document registers, or None
    dates: list[tuple[str, EDTFDate, int, list]]  # (event id, its date, position in docs, its follows)
    waiting: list[tuple[int, str, tuple, str]]  # Index.waiting, with the position in docs for the document
    used: dict[str, set[str]]
    parsed: dict[tuple[str, tuple], EDTFDate]  # Index.parsed, empty without keep_data


def learn(index: Index, docs: list[Document], keep_data: bool) -> Chunk:
    """The per-file event rules over `docs`, with what they learn gathered apart from what `index` knows."""
    saved = index.used, index.parsed, index.event_dates, index.waiting
    index.used, index.parsed, index.event_dates, index.waiting = {kind: set() for kind in saved[0]}, {}, {}, []
    try:
        ids = []
        for doc in docs:
            structure.check(index, doc, "event")
            ids.append(own_id(doc, ID))
            events.check(index, doc)
        position = {id(doc): i for i, doc in enumerate(docs)}
        chunk = Chunk(docs, ids,
                      [(ident, date, position[id(doc)], follows)
                       for ident, (date, doc, follows) in index.event_dates.items()],
                      [(position[id(doc)], what, path, value) for doc, what, path, value in index.waiting],
                      index.used, index.parsed if keep_data else {})
    finally:
        index.used, index.parsed, index.event_dates, index.waiting = saved
    if not keep_data:
        for doc in docs:
            doc.data = None
    return chunk


def merge(index: Index, chunk: Chunk) -> list[Document]:
    """Fold a chunk into the index, in file order (the first of two equal ids keeps it); its documents."""
    for doc, ident in zip(chunk.docs, chunk.ids, strict=True):
        index.register_event(doc, ident)
    for ident, date, position, follows in chunk.dates:
        index.event_dates[ident] = (date, chunk.docs[position], follows)
    index.waiting += [(chunk.docs[position], what, path, value) for position, what, path, value in chunk.waiting]
    for kind, values in chunk.used.items():
        index.used[kind] |= values
    index.parsed.update(chunk.parsed)
    return chunk.docs


def read_and_learn(index: Index, files: list[tuple[Path, str]], *, workers: int | None,
                   keep_data: bool) -> Iterator[Chunk]:
    """Chunks of `files` read and checked, in file order, here or in `workers` processes."""
    chunks = [files[start:start + CHUNK] for start in range(0, len(files), CHUNK)]
    workers = available_cores() if workers is None else workers
    if workers <= 1 or len(files) < PARALLEL_FROM:
        for part in chunks:
            yield learn(index, [load(path, rel) for path, rel in part], keep_data)
        return
    context = multiprocessing.get_context("forkserver")
    with context.Pool(min(workers, len(chunks)), initializer=_start, initargs=(index, keep_data)) as pool:
        yield from pool.imap(_work, [[(str(path), rel) for path, rel in part] for part in chunks])


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while files are read: the loader makes no cycles, and each pass
    over hundreds of thousands of young values cost a sixth of the check's time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_INDEX: Index | None = None
_KEEP_DATA = True


def _start(index: Index, keep_data: bool) -> None:
    global _INDEX, _KEEP_DATA
    _INDEX, _KEEP_DATA = index, keep_data
    gc.disable()


def _work(part: list[tuple[str, str]]) -> Chunk:
    assert _INDEX is not None, "the worker was started without an index"
    return learn(_INDEX, [load(Path(path), rel) for path, rel in part], _KEEP_DATA)
