"""What may sit in the hand-written docs/ folder: Markdown and pictures, as real files.

docs/ is published as it is, so a contributor who could add `evil.html`, an SVG carrying a
script, or a symbolic link to `/proc/self/environ` there could publish anything. The build
refuses all three kinds: only the file types below, and no symbolic links, files or folders.
"""

from __future__ import annotations

import os
from pathlib import Path

ALLOWED_SUFFIXES = (".md", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".ico", ".txt")


def docs_problems(docs_dir: Path) -> list[str]:
    """Every file or link under `docs_dir` the site must not publish, as 'docs/path: why'."""
    problems = []
    name = docs_dir.name
    if docs_dir.is_symlink():
        return [f"{name}/ is a symbolic link; it must be a real folder"]
    if not docs_dir.is_dir():
        return []
    for folder, dirs, files in os.walk(docs_dir, followlinks=False):
        here = Path(folder)
        for entry in sorted(dirs + files):
            path = here / entry
            rel = f"{name}/{path.relative_to(docs_dir).as_posix()}"
            if path.is_symlink():
                problems.append(f"{rel}: symbolic links are not published; commit the file itself")
            elif entry in files and not entry.startswith(".") and not entry.lower().endswith(ALLOWED_SUFFIXES):
                problems.append(f"{rel}: only {', '.join(ALLOWED_SUFFIXES)} files are published from {name}/")
        dirs[:] = [d for d in dirs if not (here / d).is_symlink()]
    return problems
