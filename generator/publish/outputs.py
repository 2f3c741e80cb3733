"""Everything the generator adds to a site, as (path, content) pairs, and safe writers for files and folders."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from importlib import resources
from pathlib import Path

from .. import routes
from ..config import SiteConfig
from ..export import EXPORTERS, data_files
from ..jsonschemas import site_schemas
from ..model import Dataset
from ..site import Site
from ..site.cache import PageCache
from ..site.cards import cards
from ..site.embed import embed_files
from .csp import add_policy

# A site's overrides folder may replace any of these. reader.js: keys, copying, prev/next in a list, print;
# embed.css and embed.js: the embeddable pages'; search.css and search.js: the search dialog.
ASSETS = ("timeline.css", "timeline.js", "reader.js", "embed.css", "embed.js",
          "search.css", "search.js")
PARALLEL_FROM = 500  # events; below this, starting a second process costs more than it saves


def _size(content: str) -> str:
    size = len(content.encode("utf-8"))
    return f"{size / 1024:.1f} KB" if size >= 1024 else f"{size} bytes"


def downloads(files: dict[str, str]) -> list[dict]:
    """What the data page lists: each export with its format, size and what it holds."""
    return [{"path": e.path, "format": e.label, "about": e.about, "size": _size(files[e.path])}
            for e in EXPORTERS.values()]


def asset(config: SiteConfig, name: str) -> str:
    """The site's own copy of a stylesheet or script when its overrides folder has one, else the package's."""
    if config.overrides is not None:
        own = config.overrides / name
        if own.is_file() and not own.is_symlink():
            return own.read_text(encoding="utf-8")
    return (resources.files("generator") / "assets" / name).read_text(encoding="utf-8")


def site_files(data: Dataset, config: SiteConfig, *, parallel: bool = False, with_cards: bool = True,
               cache: PageCache | None = None) -> Iterator[tuple[str, str | bytes]]:
    """Pages, embeddable pages, pictures, exports, feeds, social cards, the site's own assets and the JSON Schemas.

    With parallel=True and a large dataset, the exports are computed in a second process while
    this one renders the pages; only the data page, which lists their sizes, waits for them.
    with_cards=False leaves the social cards to the caller (the MkDocs plugin draws them while
    MkDocs writes the pages, see card_job.py). `cache` keeps rendered pages between the builds of
    one `mkdocs serve` (see site/cache.py).
    """
    pool = future = None
    if parallel and len(data.events) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        future = pool.submit(data_files, data, config)
    try:
        site = Site(data, config, cache=cache)
        pages = site.build(exclude=("data",))
        embeds = [(path, add_policy(html, set())) for path, html in embed_files(site)]
        files = future.result() if future is not None else data_files(data, config)
    finally:
        if pool is not None:
            pool.shutdown()
    site.downloads = downloads(files)
    for page in [*pages, *site.build(only=("data",))]:
        yield page.src, page.content
    yield from embeds
    yield from site.pictures.outputs()
    yield from files.items()
    if with_cards:
        yield from cards(data, config)
    for name in ASSETS:
        yield routes.asset(name), asset(config, name)
    vocabularies = {"kinds": list(data.kinds), "tags": list(data.tags), "metrics": list(data.metrics),
                    "places": list(data.places)}
    for name, text in site_schemas(vocabularies).items():
        if name != "export.schema.json":
            yield f"schemas/{name}", text


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


def write_schemas(folder: Path, vocabularies: dict[str, list[str]]) -> list[str]:
    """Write the site's schemas into `folder`, replacing only *.schema.json files; refuse anything else there."""
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise RefusedOutput(f"{folder} is not a real folder")
    folder.mkdir(parents=True, exist_ok=True)
    files = site_schemas(vocabularies)
    for name in files:
        target = folder / name
        if target.is_symlink() or (target.exists() and not target.is_file()):
            raise RefusedOutput(f"{target} is not a regular file; remove it first")
    for name, text in files.items():
        write_file(folder / name, text)
    return sorted(files)
