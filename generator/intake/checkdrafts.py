"""Draft events under drafts/ checked as events, but only when a path under drafts/ is asked for.

`python -m generator check drafts/<seed>/` (or one draft file) loads those files as event
documents into the checker's tree, so every event rule runs on them against the real actors,
vocabularies and seeds, and each TODO left as null or [] is reported by name. A plain `check`
never looks in drafts/. Symlinks and anything but .yaml files there are reported, not read.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..findings import ERROR, Finding
from ..load import load

FOLDER = "drafts"


def add_drafts(tree, only: list[str]) -> None:
    """Load the drafts `only` names (if any) into `tree.events`; problems finding them go to `tree.stray`."""
    root = Path(tree.root)
    seen: set[str] = set()
    for asked in only:
        asked = asked.rstrip("/")
        if not (asked == FOLDER or asked.startswith(FOLDER + "/")):
            continue
        for path, rel, problem in _walk(root, asked):
            if rel in seen:
                continue
            seen.add(rel)
            if problem:
                tree.stray.append(Finding(rel, 1, 1, ERROR, problem[0], problem[1]))
            else:
                tree.events.append(load(path, rel))


def _walk(root: Path, rel: str):
    """(path, rel, None) for each draft file under rel, or (path, rel, (code, message)) for what is not one."""
    parts = rel.split("/")
    if any(part in ("", ".", "..") for part in parts):
        yield root / rel, rel, ("unexpected-file", "not a path inside drafts/")
        return
    for depth in range(1, len(parts) + 1):
        prefix = root.joinpath(*parts[:depth])
        if prefix.is_symlink():
            yield prefix, "/".join(parts[:depth]), ("symlink", "symbolic links are not allowed under drafts/")
            return
    path = root / rel
    if path.is_file():
        if path.suffix == ".yaml":
            yield path, rel, None
        else:
            yield path, rel, ("unexpected-file", "drafts/ holds draft events as .yaml files only")
    elif path.is_dir():
        for entry in sorted(os.scandir(path), key=lambda e: e.name):
            yield from _walk(root, f"{rel}/{entry.name}")
    else:
        yield path, rel, ("missing-file", "no such draft file or folder")
