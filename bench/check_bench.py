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
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.validate import check  # noqa: E402

TEMPLATE = """# yaml-language-server: $schema=../../generator/schemas/event.schema.json
id: {id}
date: "{date}/{end}"
date_text: "between October 8 to the 13th"
title: Synthetic event number {n} about North Korean special forces
summary: >-
  Russian navy ships carried a tranche of North Korean special operations
  forces to Vladivostok, according to South Korea's intelligence service;
  this is synthetic event {n}, written to measure the checker.
status: alleged
actors:
  participant: [korean-peoples-army, russian-armed-forces]
  claimant: [south-korea-nis]
  denier: []
  mentioned: [north-korea]
tags: [troop-deployment, intelligence-claim]
location: {{name: Vladivostok, country: RU}}
sources:
  - seed: 003_52ce23f21a5653b0
    quote: "Russian navy ships have transferred 1,500 North Korean special operations forces to the Russian port city of Vladivostok"
  - url: https://example.org/story/{n}
    publisher: Example Wire
    published: "2024-10-18"
figures:
  - metric: troops-deployed
    value: {value}
    qualifier: approx
    as_of: "{end}"
    claimed_by: [south-korea-nis]
related: [{related}]
"""


def write_tree(root: Path, count: int) -> list[Path]:
    shutil.copytree(REPO / "events" / "actors", root / "events" / "actors")
    for name in ("tags.yaml", "metrics.yaml"):
        shutil.copy(REPO / "events" / name, root / "events" / name)
    shutil.copytree(REPO / "seeds", root / "seeds")
    paths = []
    for n in range(count):
        year = 2000 + n % 24
        date, end = f"{year}-{n % 12 + 1:02d}-{n % 27 + 1:02d}", f"{year}-{n % 12 + 1:02d}-28"
        ident = f"{date}-synthetic-event-{n}"
        prev = n - 1 if n else count - 1
        pyear = 2000 + prev % 24
        related = f"{pyear}-{prev % 12 + 1:02d}-{prev % 27 + 1:02d}-synthetic-event-{prev}"
        folder = root / "events" / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{ident}.yaml"
        path.write_text(TEMPLATE.format(id=ident, date=date, end=end, n=n, value=1000 + n, related=related))
        paths.append(path)
    return paths


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
