"""`timeline-generator init DIR`: a complete new timeline project that builds and checks clean at once.

The project's files live in `files/` (dot-files stored as `dot-<name>` so every packaging tool
keeps them); a few carry placeholders for the site's title and id. The JSON Schemas are
written with the example vocabularies. Nothing is written unless everything is: the project
is assembled in a temporary folder beside the target and moved into place.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from .. import __version__
from ..jsonschemas import site_schemas, site_vocabularies

MAX_TITLE = 120
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


class InitError(Exception):
    """The target or an option cannot make a project; the message says why."""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "timeline"


def _placeholders(title: str, description: str) -> dict[str, str]:
    return {"@@TITLE_YAML@@": json.dumps(title, ensure_ascii=False),
            "@@DESCRIPTION_YAML@@": json.dumps(description, ensure_ascii=False),
            "@@ID_YAML@@": json.dumps(f"timeline:{_slug(title)}", ensure_ascii=False),
            "@@TITLE_MD@@": title, "@@VERSION@@": __version__}


def _files(folder: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        name = "." + entry.name[4:] if entry.name.startswith("dot-") else entry.name
        if entry.is_dir():
            found += _files(entry, f"{prefix}{name}/")
        elif not entry.name.startswith("__"):
            found.append((f"{prefix}{name}", entry))
    return found


def check_options(title: str, description: str) -> None:
    for name, value, limit in (("--title", title, MAX_TITLE), ("--description", description, 300)):
        if name == "--title" and not value.strip():
            raise InitError("--title must not be empty")
        if len(value) > limit:
            raise InitError(f"{name} is {len(value)} characters; at most {limit}")
        if _UNPRINTABLE.search(value):
            raise InitError(f"{name} holds control or invisible characters")


def init(target: Path, title: str, description: str = "") -> list[str]:
    """Write a new project into `target` (absent or empty); return the paths written, relative to it."""
    check_options(title, description)
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise InitError(f"{target} exists and is not a folder")
    if target.is_dir() and any(target.iterdir()):
        raise InitError(f"{target} is not empty; give a new or empty folder")
    values = _placeholders(title, description or f"{title}: a sourced timeline.")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    written = []
    try:
        for rel, source in _files(resources.files(__package__) / "files"):
            text = source.read_text(encoding="utf-8")
            for key, value in values.items():
                text = text.replace(key, value)
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            written.append(rel)
        for name, text in site_schemas(site_vocabularies(staging)).items():
            (staging / "schemas").mkdir(exist_ok=True)
            (staging / "schemas" / name).write_text(text, encoding="utf-8", newline="\n")
            written.append(f"schemas/{name}")
        if target.is_dir():
            target.rmdir()  # empty, as checked above
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(written)
