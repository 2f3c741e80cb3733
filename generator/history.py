"""When each data file was added and last changed, read from git in one pass over the whole tree.

The times are the commits' own, so two builds of the same commit agree; a file git does not
know (not committed yet, or no repository at all) simply has no history.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileHistory:
    """When a data file was first committed (since it last came back) and last changed; None when unknown."""

    added: dt.datetime | None = None
    changed: dt.datetime | None = None


def file_history(root: Path | None, folder: str = "events") -> dict[str, FileHistory]:
    """{path relative to root: FileHistory} for every file git has seen under root/folder."""
    if root is None:
        return {}
    try:
        log = subprocess.run(["git", "-C", str(root), "log", "--relative", "--no-renames", "--name-status",
                              "--format=@%ct", "--reverse", "--", folder],
                             capture_output=True, text=True, timeout=120, check=True)
    except (OSError, subprocess.SubprocessError):
        return {}
    added: dict[str, dt.datetime] = {}
    changed: dict[str, dt.datetime] = {}
    stamp = None
    for line in log.stdout.splitlines():
        if line.startswith("@"):
            try:
                stamp = dt.datetime.fromtimestamp(int(line[1:]), tz=dt.UTC)
            except ValueError:
                stamp = None
            continue
        status, _, path = line.partition("\t")
        if stamp is None or not path:
            continue
        if status == "D":
            added.pop(path, None)
            changed.pop(path, None)
            continue
        if status == "A" or path not in added:
            added[path] = stamp
        changed[path] = stamp
    return {path: FileHistory(added=added[path], changed=changed[path]) for path in added}
