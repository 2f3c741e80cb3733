"""Synthetic, valid events for the benchmarks, written into a copy of the repository's data."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

TEMPLATE = """# yaml-language-server: $schema=../../schemas/event.schema.json
id: {id}
date: "{date}/{end}"
date_text: "between October 8 to the 13th"
title: Synthetic event number {n} about North Korean special forces
summary: >-
  Russian navy ships carried a tranche of North Korean special operations
  forces to Vladivostok, according to South Korea's intelligence service;
  this is synthetic event {n}, written to measure the tools.
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
    quote: "Russian navy ships have transferred 1,500 North Korean special operations forces to the Russian port city"
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


def _ident(n: int) -> tuple[int, str, str]:
    year = 2000 + n % 24
    date = f"{year}-{n % 12 + 1:02d}-{n % 27 + 1:02d}"
    return year, date, f"{date}-synthetic-event-{n}"


def write_tree(root: Path, count: int, *, site: bool = False) -> list[Path]:
    """The repository's actors, vocabularies and seeds (and docs and mkdocs.yml with site=True), plus `count` events."""
    shutil.copytree(REPO / "events" / "actors", root / "events" / "actors")
    for name in ("kinds.yaml", "tags.yaml", "metrics.yaml"):
        shutil.copy(REPO / "events" / name, root / "events" / name)
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copytree(REPO / "schemas", root / "schemas")
    if site:
        shutil.copytree(REPO / "docs", root / "docs")
        shutil.copytree(REPO / "texts", root / "texts")
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    paths = []
    for n in range(count):
        year, date, ident = _ident(n)
        related = _ident(n - 1 if n else count - 1)[2]
        folder = root / "events" / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{ident}.yaml"
        path.write_text(TEMPLATE.format(id=ident, date=date, end=f"{date[:7]}-28", n=n, value=1000 + n,
                                        related=related))
        paths.append(path)
    return paths
