"""Discovery: every data file of a project, loaded, and what does not belong.

`events/` holds year folders of events, `actors/`, the vocabularies, optionally the places
(`places.yaml`) and the pictures events show (`media/`, pictures and folders only; each is read
by the rules, when an event shows it); `seeds/` holds each source document's text beside its
metadata. Nothing is followed through a symbolic link, hidden files and stray files are
findings, and seed texts are read with limits.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..findings import ERROR, Finding
from ..load import FORBIDDEN_IN_SEED, MAX_FINDINGS_PER_KIND, Document, TooLarge, describe_char, load, read_regular_file
from ..media.check import FORMATS
from ..vocab import PLACES, PLACES_MAX_BYTES, VOCABULARIES

YEAR_DIR = re.compile(r"[0-9]{4}")
MAX_MEDIA_DEPTH = 4  # folders inside events/media/, e.g. 2024/harbour/
MAX_SEED_BYTES = 256 * 1024
MAX_SEED_LINE = 20_000


@dataclass
class Tree:
    """Every data file of one repository, loaded, with the seed texts."""

    root: Path
    events: list[Document] = field(default_factory=list)
    actors: list[Document] = field(default_factory=list)
    seeds: list[Document] = field(default_factory=list)
    vocabularies: dict[str, Document] = field(default_factory=dict)  # 'kinds', 'tags', 'metrics'
    places: Document | None = None  # events/places.yaml, when the site has one
    media: list[str] = field(default_factory=list)  # the pictures under events/media/, as paths relative to it
    event_files: list[tuple[Path, str]] = field(default_factory=list)  # found, read by the rules (check.stream)
    seed_texts: dict[str, str] = field(default_factory=dict)
    bad_seed_texts: set[str] = field(default_factory=set)  # present but unusable; their findings are in stray
    stray: list[Finding] = field(default_factory=list)
    index: Any = None  # the check.Index the rules filled, once they have run

    @property
    def tags(self) -> Document | None:
        return self.vocabularies.get("tags")

    @property
    def metrics(self) -> Document | None:
        return self.vocabularies.get("metrics")

    @property
    def kinds(self) -> Document | None:
        return self.vocabularies.get("kinds")

    def documents(self) -> list[Document]:
        return [*self.events, *self.actors, *self.seeds, *self.vocabularies.values(),
                *([self.places] if self.places is not None else [])]

    def stray_finding(self, rel: str, message: str, code: str = "unexpected-file", line: int = 1, col: int = 1,
                      severity: str = ERROR) -> None:
        self.stray.append(Finding(rel, line, col, severity, code, message))


def _entries(folder: Path, rel: str, tree: Tree) -> list[os.DirEntry]:
    """Entries of a folder, refusing symlinks and hidden names, in a stable order."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        tree.stray_finding(rel, f"cannot read folder: {exc.strerror}", "unreadable")
        return []
    kept = []
    for entry in entries:
        path = f"{rel}/{entry.name}"
        if entry.is_symlink():
            tree.stray_finding(path, "symbolic links are not allowed in the data folders; commit the file itself", "symlink")
        elif entry.name.startswith("."):
            tree.stray_finding(path, "hidden files are not allowed in the data folders")
        else:
            kept.append(entry)
    return kept


def _yaml_files(folder: Path, rel: str, tree: Tree) -> list[tuple[Path, str]]:
    files = []
    for entry in _entries(folder, rel, tree):
        path = f"{rel}/{entry.name}"
        if entry.is_dir():
            tree.stray_finding(path, f"unexpected folder; {rel}/ holds only .yaml files")
        elif not entry.name.endswith(".yaml"):
            hint = "; rename it to .yaml" if entry.name.endswith(".yml") else ""
            tree.stray_finding(path, f"only .yaml files belong in {rel}/{hint}")
        else:
            files.append((Path(entry.path), path))
    return files


def discover(root: Path, *, read_events: bool = True) -> Tree:
    """Load every data file under `root` (events/ and seeds/), noting anything that does not belong.

    With read_events=False the event files are only listed (`tree.event_files`): the checker reads
    them itself, in chunks and maybe in several processes, so that a large project is never held
    twice in memory.
    """
    tree = Tree(root)
    events_dir = root / "events"
    vocabulary_files = {f"{name}.yaml": name for name in VOCABULARIES}
    if events_dir.is_symlink():
        tree.stray_finding("events", "events/ is a symbolic link; the data folders must be real folders", "symlink")
    elif not events_dir.is_dir():
        tree.stray_finding("events", "no events/ folder here; pass --root to point at the repository", "missing-folder")
    else:
        for entry in _entries(events_dir, "events", tree):
            rel = f"events/{entry.name}"
            if entry.is_dir() and YEAR_DIR.fullmatch(entry.name):
                tree.event_files += _yaml_files(Path(entry.path), rel, tree)
            elif entry.is_dir() and entry.name == "actors":
                tree.actors += [load(p, r) for p, r in _yaml_files(Path(entry.path), rel, tree)]
            elif entry.name in vocabulary_files and entry.is_file():
                tree.vocabularies[vocabulary_files[entry.name]] = load(Path(entry.path), rel)
            elif entry.name == f"{PLACES}.yaml" and entry.is_file():
                tree.places = load(Path(entry.path), rel, limit=PLACES_MAX_BYTES)
            elif entry.is_dir() and entry.name == "media":
                _media(Path(entry.path), "events/media", "", tree, 0)
            else:
                names = ", ".join([*vocabulary_files, f"{PLACES}.yaml"])
                tree.stray_finding(rel, f"unexpected entry; events/ holds year folders (2024/), actors/, media/ "
                                        f"(pictures) and {names}")
        for name in VOCABULARIES:
            if name not in tree.vocabularies:
                tree.stray_finding(f"events/{name}.yaml", f"events/{name}.yaml is missing", "missing-file")
        if read_events:
            tree.events += [load(path, rel) for path, rel in tree.event_files]
            tree.event_files = []
    seeds_dir = root / "seeds"
    if seeds_dir.is_symlink():
        tree.stray_finding("seeds", "seeds/ is a symbolic link; the data folders must be real folders", "symlink")
    elif seeds_dir.is_dir():
        for entry in _entries(seeds_dir, "seeds", tree):
            rel = f"seeds/{entry.name}"
            if entry.name.endswith(".yaml") and entry.is_file():
                tree.seeds.append(load(Path(entry.path), rel))
            elif entry.name.endswith(".html") and entry.is_file() and (seeds_dir / f"{entry.name[:-5]}.txt").is_file():
                pass  # the saved page `seeds add` extracted <id>.txt from: kept as received, never read
            elif entry.name.endswith(".txt") and entry.is_file():
                text = _seed_text(Path(entry.path), rel, tree)
                if text is not None:
                    tree.seed_texts[entry.name[:-4]] = text
            else:
                tree.stray_finding(rel, "seeds/ holds <id>.txt documents, their <id>.yaml metadata and, for web "
                                        "pages, the saved <id>.html only")
    return tree


def _media(folder: Path, rel: str, name: str, tree: Tree, depth: int) -> None:
    """The pictures under events/media/, noting whatever else is there; the checker reads only those events show."""
    for entry in _entries(folder, rel, tree):
        path, inner = f"{rel}/{entry.name}", f"{name}{entry.name}"
        if entry.is_dir():
            if depth >= MAX_MEDIA_DEPTH:
                tree.stray_finding(path, f"folders nest at most {MAX_MEDIA_DEPTH} deep in events/media/")
            else:
                _media(Path(entry.path), path, inner + "/", tree, depth + 1)
        elif not entry.is_file():
            tree.stray_finding(path, "events/media/ holds only picture files and folders")
        elif entry.name.lower().endswith(".svg"):
            tree.stray_finding(path, "SVG is not accepted in events/media/, since it can carry script; export the "
                                     "picture as PNG")
        elif not entry.name.lower().endswith(tuple(FORMATS)):
            tree.stray_finding(path, "events/media/ holds only pictures: .png, .jpg, .jpeg or .webp files")
        else:
            stem = inner.rsplit(".", 1)[0]
            same = next((other for other in tree.media if other.rsplit(".", 1)[0] == stem), None)
            if same is not None:  # both would be published as <stem>-<width>.webp and .jpg
                tree.stray_finding(path, f"events/media/{same} has the same name but for its extension; their "
                                         "published copies would be the same files: rename one", "media-name-clash")
            else:
                tree.media.append(inner)


def _seed_text(path: Path, rel: str, tree: Tree) -> str | None:
    """A seed document's text, or None with findings when it is too big, not UTF-8 or holds hidden characters."""
    tree.bad_seed_texts.add(path.stem)  # until it has passed every test below
    try:
        raw = read_regular_file(path, MAX_SEED_BYTES)
    except TooLarge as exc:
        tree.stray_finding(rel, f"seed text is {exc.size:,} bytes; the limit is {MAX_SEED_BYTES:,}: keep the article, "
                                "not the whole page", "file-too-large")
        return None
    except OSError as exc:
        tree.stray_finding(rel, f"cannot read file: {exc.strerror}", "unreadable")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - raw.rfind(b"\n", 0, exc.start)
        tree.stray_finding(rel, f"invalid UTF-8 byte 0x{raw[exc.start]:02x}; save the seed text as UTF-8", "encoding",
                           line, col)
        return None
    problems = 0
    for line_no, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r")
        if len(line) > MAX_SEED_LINE:
            problems += 1
            tree.stray_finding(rel, f"line is {len(line):,} characters; a seed line (a paragraph) holds at most "
                                    f"{MAX_SEED_LINE:,}", "line-too-long", line_no, MAX_SEED_LINE + 1)
        for match in FORBIDDEN_IN_SEED.finditer(line):
            problems += 1
            if problems <= MAX_FINDINGS_PER_KIND:
                tree.stray_finding(rel, f"{describe_char(match.group()[0])} is not allowed in a seed text",
                                   "forbidden-character", line_no, match.start() + 1)
    if problems:
        return None
    tree.bad_seed_texts.discard(path.stem)
    return text
