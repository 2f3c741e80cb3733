"""All-or-nothing writes into seeds/ and drafts/, never overwriting and never following a symlink.

Every file of one command is first written to a hidden temporary file in its target folder; only
when all of them are complete are they moved into place with os.replace (atomic on one file
system). If anything fails, the temporary files, and any file already moved, are removed again.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import Refused, UsageError

WRITABLE = ("seeds", "drafts")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def folder(root: Path, *parts: str, create: bool = False) -> Path:
    """root/parts as a real folder inside one of WRITABLE, refusing symlinks at every level."""
    if not parts or parts[0] not in WRITABLE:
        raise UsageError(f"refusing to write outside {' or '.join(f'{w}/' for w in WRITABLE)}")
    if not root.is_dir():
        raise UsageError(f"--root {root} is not a folder")
    current = root
    for part in parts:
        if part in ("", ".", "..") or "/" in part or "\\" in part:
            raise UsageError(f"'{part}' is not a folder name")
        current = current / part
        rel = current.relative_to(root).as_posix()
        if current.is_symlink():
            raise Refused(f"{rel}/ is a symbolic link; refusing to write through it")
        if not current.exists():
            if not create:
                raise Refused(f"{rel}/ does not exist")
            current.mkdir()
        elif not current.is_dir():
            raise Refused(f"{rel} is not a folder")
    return current


def write_all(root: Path, files: dict[str, bytes]) -> list[str]:
    """Write every `relative path -> content` under `root`, or none of them; return the paths written."""
    targets: list[tuple[str, Path]] = []
    for rel in files:
        *parents, name = rel.split("/")
        where = folder(root, *parents, create=True)
        target = where / name
        if target.resolve().parent != where.resolve():
            raise UsageError(f"refusing to write {rel}: it leaves {'/'.join(parents)}/")
        if target.is_symlink():
            raise Refused(f"{rel} is a symbolic link; refusing to write through it")
        if target.exists():
            raise Refused(f"{rel} already exists; refusing to overwrite it")
        targets.append((rel, target))
    mode = 0o666 & ~_umask()
    temporary: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    try:
        for rel, target in targets:
            handle, name = tempfile.mkstemp(prefix=".intake-", suffix=".tmp", dir=target.parent)
            temporary.append((Path(name), target))
            with os.fdopen(handle, "wb") as out:
                out.write(files[rel])
                out.flush()
                os.fsync(out.fileno())
            os.chmod(name, mode)
        for temp, target in temporary:
            if target.exists() or target.is_symlink():  # appeared since the check above
                raise Refused(f"{target.relative_to(root).as_posix()} appeared while writing; nothing written")
            os.replace(temp, target)
            placed.append(target)
    except BaseException:
        for temp, _ in temporary:
            temp.unlink(missing_ok=True)
        for target in placed:
            target.unlink(missing_ok=True)
        raise
    return [rel for rel, _ in targets]
