"""Everything the generator adds to a site, as (path, content) pairs, and a safe folder writer."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from . import export
from .model import Dataset
from .pages import Settings, Site
from .schema import KINDS, SCHEMA_DIR

ASSETS = ("timeline.css", "timeline.js", "search.css", "search.js")
PARALLEL_FROM = 500  # events; below this, starting a second process costs more than it saves
ABOUT = {
    "json": ("JSON", "Every event with its sources and figures, and every actor, seed, tag and metric."),
    "csv": ("CSV", "One row per event; actors, tags, sources and figures flattened into columns."),
    "ics": ("iCalendar", "One all-day entry per event, spanning the days its date may mean."),
    "timelinejs": ("TimelineJS", "Load it into Knight Lab's TimelineJS to draw your own timeline."),
    "atom": ("Atom feed", "The latest 200 events added to the timeline, newest first."),
}


def _size(content: str) -> str:
    size = len(content.encode("utf-8"))
    return f"{size / 1024:.1f} KB" if size >= 1024 else f"{size} bytes"


def data_files(data: Dataset, site_url: str | None, root: Path | None) -> dict[str, str]:
    """The exports, their schema and the feeds, at their site paths."""
    added = export.added_order(data)
    files = {export.SITE_PATHS[fmt]: (export.to_atom(data, added, site_url) if fmt == "atom"
                                      else export.export(data, fmt, site_url=site_url)) for fmt in export.FORMATS}
    files["data/events.schema.json"] = (SCHEMA_DIR / "export.schema.json").read_text(encoding="utf-8")
    for actor in sorted(data.actors):
        path = f"feeds/actors/{actor}.xml"
        files[path] = export.to_atom(data, added, site_url, actor=actor, self_path=path)
    return files


def site_files(data: Dataset, settings: Settings, root: Path | None = None, *,
               parallel: bool = False) -> Iterator[tuple[str, str | bytes]]:
    """Pages, exports, feeds, the site's own assets and the JSON Schemas, at their site paths.

    With parallel=True and a large dataset, the exports are computed in a second process while
    this one renders the pages; only the data page, which lists their sizes, waits for them.
    """
    site = Site(data, settings)
    pool = future = None
    if parallel and len(data.events) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        future = pool.submit(data_files, data, settings.site_url, root)
    try:
        pages = site.build(with_data_page=False)
        files = future.result() if future is not None else data_files(data, settings.site_url, root)
    finally:
        if pool is not None:
            pool.shutdown()
    settings.downloads = [{"path": export.SITE_PATHS[fmt], "format": ABOUT[fmt][0], "about": ABOUT[fmt][1],
                           "size": _size(files[export.SITE_PATHS[fmt]])} for fmt in export.FORMATS]
    for page in [*pages, site.data_page()]:
        yield page.src, page.content
    yield from files.items()
    assets = resources.files("generator") / "assets"
    for name in ASSETS:
        yield f"assets/timeline/{name}", (assets / name).read_text(encoding="utf-8")
    for kind in KINDS:
        yield f"schemas/{kind}.schema.json", (SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8")


MARKER = ".timeline-pages.json"  # written into every folder `pages` fills: what it wrote, so it may replace it
DATA_ENTRIES = ("events", "seeds", ".git", "mkdocs.yml", "pyproject.toml")


class RefusedOutput(Exception):
    """An output folder the command must not replace; the message says why."""


def check_output_folder(out: Path, root: Path, *, force: bool = False) -> None:
    """Refuse to replace a folder this command did not make, the repository, its data or docs.

    `out` may be replaced only when it does not exist, is empty, or holds exactly what an earlier
    run wrote (listed in its marker file). It must lie inside the repository unless `force`.
    """
    if out.is_symlink():
        raise RefusedOutput(f"{out} is a symbolic link; give a real folder")
    out, root = out.resolve(), root.resolve()
    if root.is_relative_to(out):
        raise RefusedOutput(f"{out} holds the repository itself; write the pages to a folder of their own, "
                            "e.g. build/pages")
    for name in ("docs", "events", "seeds", ".git", "generator", ".github"):
        if out.is_relative_to(root / name):
            raise RefusedOutput(f"{out} is inside the repository's {name}/; write the pages to a folder of "
                                "their own, e.g. build/pages")
    if not out.is_relative_to(root) and not force:
        raise RefusedOutput(f"{out} is outside the repository {root}; pass --force to write there")
    if out.exists() and not out.is_dir():
        raise RefusedOutput(f"{out} is a file, not a folder")
    if not out.is_dir():
        return
    present = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() or p.is_symlink()}
    if not present and not any(out.iterdir()):
        return
    try:
        written = set(json.loads((out / MARKER).read_text(encoding="utf-8"))["files"])
    except (OSError, ValueError, KeyError, TypeError):
        held = [name for name in DATA_ENTRIES if (out / name).exists()]
        if held:
            raise RefusedOutput(f"{out} holds {', '.join(held)}: it is a project, not an output folder") from None
        raise RefusedOutput(f"{out} is not empty and was not written by 'pages' (no {MARKER}); "
                            "choose an empty or new folder") from None
    extra = sorted(present - written - {MARKER})
    if extra:
        shown_extra = ", ".join(extra[:5]) + (f" and {len(extra) - 5} more" if len(extra) > 5 else "")
        raise RefusedOutput(f"{out} holds files an earlier 'pages' run did not write ({shown_extra}); "
                            "move them away or choose another folder")


def write_folder(out: Path, files: Iterable[tuple[str, str | bytes]]) -> int:
    """Write every file under `out`, all or nothing: into a temporary folder first, then swapped in.

    Call check_output_folder first: this replaces `out` as a whole.
    """
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    written: list[str] = []
    try:
        for rel, content in files:
            target = (staging / rel).resolve()
            if not target.is_relative_to(staging) or target == staging or rel == MARKER:
                raise ValueError(f"refusing to write outside the output folder: {rel}")
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8", newline="\n")
            written.append(rel)
        (staging / MARKER).write_text(json.dumps({"generator": "timeline-generator", "files": sorted(written)},
                                                 indent=1) + "\n", encoding="utf-8")
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
            os.replace(out, old / "previous")
            os.replace(staging, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return len(written)


def check_output_file(path: Path, root: Path, *, force: bool = False) -> None:
    """Refuse to replace a data or project file, or any existing file unless `force`."""
    if path.is_symlink():
        raise RefusedOutput(f"{path} is a symbolic link; give a real file")
    resolved, root = path.resolve(), root.resolve()
    for name in ("docs", "events", "seeds", ".git", "generator", ".github", "drafts"):
        if resolved.is_relative_to(root / name):
            raise RefusedOutput(f"{path} is inside the repository's {name}/; write exports somewhere else")
    if resolved.exists() and not resolved.is_file():
        raise RefusedOutput(f"{path} exists and is not a file")
    if resolved.exists() and not force:
        raise RefusedOutput(f"{path} exists; pass --force to replace it")


def write_file(path: Path, text: str) -> None:
    """Write a whole file or nothing: to a temporary file beside it, then renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
