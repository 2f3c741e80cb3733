"""The checker: find every data file, validate each against its schema, then check what only the
whole dataset can tell (references, quotes, dates, order).

Stages: `discover` finds and loads the files, `rules` applies every rule and fills an `Index`
(reading event files in chunks, on several cores for a large project: `stream`), and
`check` gathers the findings into a Result. Every rule adds findings and goes on; nothing
stops at the first problem.
"""

from __future__ import annotations

from pathlib import Path

from ..findings import Result
from ..load import Document, parse_bytes
from .discover import Tree, discover
from .index import Index
from .modeline import schema_folder, schema_line
from .rules import run
from .stream import collection_paused

__all__ = ["Index", "Tree", "check", "discover", "schema_folder", "schema_line"]


def check(root: Path, only: list[str] | None = None, *, extra: dict[str, bytes] | None = None,
          workers: int | None = None, keep_data: bool = True) -> tuple[Tree, Result]:
    """Check the whole tree under `root`; `only` limits the findings reported to those paths (files or folders).

    `extra` adds event files that are not written yet ({'events/2024/<id>.yaml': content}), so a
    command can check what it is about to write together with everything already there.
    A large project's event files are read on `workers` cores (all by default; see check.stream).
    The tree comes back with the Index the rules filled (`tree.index`), for the model; with
    keep_data=False its events come back without their values, to check big projects in little memory.
    """
    with collection_paused():
        tree = discover(root, read_events=False)
        for rel, raw in (extra or {}).items():
            tree.events.append(parse_bytes(raw, Document(root / rel, rel)))
        if only:
            from ..intake.checkdrafts import add_drafts  # drafts/ is checked only when a path under it is asked for
            add_drafts(tree, only)
        tree.index = run(tree, workers=workers, keep_data=keep_data)
    result = Result(files_checked=len(tree.documents()))
    result.extend(tree.stray)
    for doc in tree.documents():
        result.extend(doc.findings)
    if only:
        prefixes = tuple(p.rstrip("/") for p in only)
        result.findings = [f for f in result.findings
                           if f.path in prefixes or f.path.startswith(tuple(p + "/" for p in prefixes))]
    return tree, result
