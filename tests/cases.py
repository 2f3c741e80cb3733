"""Named data cases for the checker.

Each file in tests/data/valid/ and tests/data/invalid/ is one data file. It is
copied into a fresh copy of the test site tests/sites/harbour at
the path named by a trailing `# place: <path>` comment, by default
events/2024/2024-10-08-case.yaml. Trailing `# expect: line:col: severity: [code] message`
comments list exactly the findings the checker must report for it; valid cases
have none. Comments at the end shift no line numbers.

Regenerate the expectations after a deliberate change of wording with
`python -m tests.cases --update`, then read the diff.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from generator.check import check
from generator.findings import printable

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
DEFAULT_PLACE = "events/2024/2024-10-08-case.yaml"


SITES = Path(__file__).resolve().parent / "sites"
HARBOUR = SITES / "harbour"  # a small site of its own: one town, one bridge, actor kinds of its own


def base_tree(target: Path, site: Path = HARBOUR) -> Path:
    """A copy of a site's data (the test site by default): events, actors, vocabularies, seeds and schemas."""
    for folder in ("events", "seeds", "schemas"):
        shutil.copytree(site / folder, target / folder)
    return target


def copy_site(target: Path, site: Path = HARBOUR) -> Path:
    """A copy of a whole site, data, pages and configuration, for builds of modified trees."""
    base_tree(target, site)
    for folder in ("docs", "texts"):
        if (site / folder).is_dir():
            shutil.copytree(site / folder, target / folder)
    shutil.copy(site / "mkdocs.yml", target / "mkdocs.yml")
    return target


def directives(raw: bytes, name: str) -> list[str]:
    values = []
    for line in raw.splitlines():
        if line.startswith(f"# {name}: ".encode()):
            values.append(line[len(name) + 4:].decode("utf-8"))
    return values


def run_case(case: Path, root: Path) -> tuple[str, list[str]]:
    """Place the case in `root` and return its path and the findings reported for it."""
    raw = case.read_bytes()
    place = (directives(raw, "place") or [DEFAULT_PLACE])[0]
    target = root / place
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(raw)
    _, result = check(root, [place])
    # printable(): an expectation never carries a raw control or noncharacter into the case file
    return place, [f"{f.line}:{f.col}: {f.severity}: [{f.code}] {printable(f.message)}" for f in result.sorted()]


def cases(kind: str) -> list[Path]:
    return sorted((DATA / kind).glob("*.yaml"))


def place_every_case(root: Path, kind: str = "invalid") -> int:
    """Every named case of `kind` written into the tree at `root` at once, each where it belongs; how many."""
    placed = 0
    for case in cases(kind):
        raw = case.read_bytes()
        place = (directives(raw, "place") or [DEFAULT_PLACE])[0]
        if place == DEFAULT_PLACE:
            place = f"events/2024/{case.stem}.yaml"  # side by side, not one over another
        target = root / place
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(raw)
        placed += 1
    return placed


def update() -> None:
    for case in cases("invalid"):
        raw = case.read_bytes()
        kept = b"".join(line for line in raw.splitlines(keepends=True) if not line.startswith(b"# expect: "))
        case.write_bytes(kept)
        with tempfile.TemporaryDirectory() as tmp:
            _, found = run_case(case, base_tree(Path(tmp)))
        case.write_bytes(kept + "".join(f"# expect: {f}\n" for f in found).encode("utf-8"))
        print(f"{case.name}: {len(found)} finding(s)")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python -m tests.cases --update")
    update()
