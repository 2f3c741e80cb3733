"""How much a full check costs next to merely parsing the same files with libyaml.

    python bench/check_bench.py [--events N] [--repeat R]

Writes N synthetic valid events (default 10,000) into a temporary copy of the
repository's actors, vocabularies and seeds, then times, best of R runs each, each
run a fresh process as a contributor or CI runs it:
  - check: `python -m generator check` (discovery, strict load, schema, every rule;
    from 2,000 files on, on every core);
  - parse: a process reading the same event files and calling yaml.load(..., CSafeLoader).
For each, the peak memory of the process and its workers together (their resident
sizes summed, sampled every 20 ms).
Target: check <= 1.1 x parse in time, and under 400 MB.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.synthetic import write_tree  # noqa: E402

PARSE = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    if path.parent.name.isdigit():
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
"""


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc."""
    total, queue = 0, [pid]
    while queue:
        current = queue.pop()
        try:
            with open(f"/proc/{current}/statm") as statm:
                total += int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            with open(f"/proc/{current}/task/{current}/children") as children:
                queue += [int(child) for child in children.read().split()]
        except (OSError, ValueError):
            pass
    return total


def measure(argv: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak resident bytes (with its workers) of one run of `argv`."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process.pid))
        time.sleep(0.02)
    wall = time.perf_counter() - start
    if process.returncode != 0:
        sys.exit(f"{argv} failed: {process.stderr.read().decode()[-2000:]}")
    return wall, peak


def best(argv: list[str], cwd: Path, repeat: int) -> tuple[float, int]:
    runs = [measure(argv, cwd) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_tree(root, args.events)
        checked = best([sys.executable, "-m", "generator", "check", "--root", str(root)], REPO, args.repeat)
        parsed = best([sys.executable, "-c", PARSE, str(root / "events")], REPO, args.repeat)
    mb = 1024 * 1024
    print(f"events: {args.events:,} on {os.cpu_count()} cores; best of {args.repeat} (time), highest (memory)")
    print(f"{'':24}{'time':>9}{'peak memory':>14}")
    for name, (wall, peak) in (("check (all rules)", checked), ("bare libyaml load", parsed)):
        print(f"{name:24}{wall:8.2f}s{peak / mb:11.0f} MB")
    print(f"ratio check/parse: {checked[0] / parsed[0]:.2f}  (target: <= 1.10, and under 400 MB)")


if __name__ == "__main__":
    main()
