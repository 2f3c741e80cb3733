"""The first line of every data file: a modeline that points editors at the file's JSON Schema.

`# yaml-language-server: $schema=<path>` lets VS Code and other editors using
yaml-language-server validate and complete the file while it is typed. The path must lead,
from the file's folder, to `<kind>.schema.json` inside the project: the project's `schemas/`
folder (written by `timeline-generator init` and `timeline-generator schemas --out schemas`),
or, in the generator's own repository, `generator/schemas/`.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

PREFIX = "# yaml-language-server: $schema="
FOLDERS = ("schemas", "generator/schemas")  # where a project keeps its schemas, in order of preference


def schema_folder(root: Path) -> str:
    """The project's schema folder, relative to its root ('schemas' for a new project)."""
    for folder in FOLDERS:
        if (root / folder / "event.schema.json").is_file():
            return folder
    return FOLDERS[0]


def schema_line(rel: str, kind: str, folder: str = FOLDERS[0]) -> str:
    """The modeline for the data file at `rel` (relative to the project root)."""
    up = "../" * rel.count("/")
    return f"{PREFIX}{up}{folder}/{kind}.schema.json"


def modeline_problem(first_line: str, rel: str, kind: str, root: Path, seen: dict | None = None) -> str | None:
    """Why the first line is not a modeline that reaches this kind's schema in the project, or None.

    `seen` is a dict one check run passes to every call, so that ten thousand files in one folder
    pointing at one schema cost one look at the disk, not ten thousand.
    """
    if seen is None:
        seen = {}
    if "" not in seen:
        seen[""] = schema_folder(root)
    expected = schema_line(rel, kind, seen[""])
    if not first_line.startswith(PREFIX):
        return f"the first line must be '{expected}' so editors validate the file"
    target = first_line[len(PREFIX):].strip()
    relative = PurePosixPath(rel).parent / target
    if target.startswith("/") or "\\" in target or PurePosixPath(target).name != f"{kind}.schema.json":
        return f"the first line must point at {kind}.schema.json: '{expected}'"
    reaches = seen.get(relative)
    if reaches is None:
        resolved = (root / relative).resolve()
        reaches = seen[relative] = resolved.is_relative_to(root.resolve()) and resolved.is_file()
    if not reaches:
        if first_line == expected:
            return (f"'{target}' names no schema file in this project yet: run `timeline-generator schemas` "
                    "to write them")
        return f"'{target}' names no schema file in this project; write '{expected}'"
    return None
