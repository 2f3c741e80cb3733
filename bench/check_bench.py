"""How much a full check costs next to merely parsing the same files with libyaml.

    python bench/check_bench.py [--events N] [--repeat R]

Writes N synthetic valid events (default 10,000) into a temporary copy of the
repository's actors, vocabularies and seeds, then times, best of R runs each:
  - check: the whole checker (discovery, strict load, schema, every rule);
  - parse: reading the same event files and yaml.load(..., CSafeLoader).
Target: check <= 2 x parse.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.synthetic import write_tree  # noqa: E402
from generator.check import check  # noqa: E402


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = write_tree(root, args.events)
        _, result = check(root)
        if result.errors:
            sys.exit(f"synthetic data is not clean: {result.errors[0]}")

        def parse() -> None:
            for path in paths:
                yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)

        checked = best(lambda: check(root), args.repeat)
        parsed = best(parse, args.repeat)
    print(f"events:            {args.events:,}")
    print(f"check (all rules): {checked:8.3f} s  ({checked / args.events * 1e6:6.1f} µs/event)")
    print(f"bare libyaml load: {parsed:8.3f} s  ({parsed / args.events * 1e6:6.1f} µs/event)")
    print(f"ratio check/parse: {checked / parsed:8.2f}  (target <= 2.00)")


if __name__ == "__main__":
    main()
