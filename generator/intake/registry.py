"""What the intake commands need to know about the site's data, read straight from its files.

One function, `load_registry`, reads events/actors/*.yaml (names to look for in a text),
events/metrics.yaml (labels to suggest a metric from) and seeds/*.yaml (publication dates and
confirmed chrome) with the project's strict loader. It deliberately does not run the checker:
a file the loader cannot use is skipped and named in `problems`, and the checker reports it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..load import load


@dataclass(frozen=True)
class Actor:
    id: str
    names: tuple[str, ...]  # name, short name and aliases: every way a text may name the actor


@dataclass(frozen=True)
class Metric:
    id: str
    label: str
    description: str
    unit: str
    nouns: tuple[str, ...] = ()  # words a text counts this unit in ("workers" for employees), from metrics.yaml


@dataclass(frozen=True)
class SeedInfo:
    id: str
    published: str | None
    chrome: tuple[str, ...] | None  # None when the metadata has no chrome list at all


@dataclass
class Registry:
    actors: list[Actor] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    seeds: dict[str, SeedInfo] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def _text(value) -> str | None:
    return value if isinstance(value, str) and value else None


def load_registry(root: Path) -> Registry:
    """Actors, metrics and seed metadata under `root`; unusable files are skipped and listed."""
    registry = Registry()

    def usable(path: Path) -> dict | None:
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            registry.problems.append(f"{rel}: symbolic link, skipped")
            return None
        doc = load(path, rel)
        if not doc.usable:
            registry.problems.append(f"{rel}: {doc.findings[0].message if doc.findings else 'unusable'}")
            return None
        return doc.data

    for path in sorted((root / "events" / "actors").glob("*.yaml")):
        data = usable(path)
        if data is None or _text(data.get("id")) is None:
            continue
        aliases = data.get("aliases") if isinstance(data.get("aliases"), list) else []
        names = [_text(data.get("name")), _text(data.get("short_name")), *map(_text, aliases)]
        registry.actors.append(Actor(data["id"], tuple(dict.fromkeys(n for n in names if n))))
    metrics_path = root / "events" / "metrics.yaml"
    data = usable(metrics_path) if metrics_path.is_file() else None
    for ident, entry in (data or {}).items():
        if isinstance(entry, dict):
            nouns = entry.get("nouns") if isinstance(entry.get("nouns"), list) else []
            registry.metrics.append(Metric(ident, _text(entry.get("label")) or ident,
                                           _text(entry.get("description")) or "", _text(entry.get("unit")) or "",
                                           tuple(n for n in map(_text, nouns) if n)))
    for path in sorted((root / "seeds").glob("*.yaml")):
        data = usable(path)
        if data is None:
            continue
        chrome = data.get("chrome")
        lines = tuple(line for line in chrome if isinstance(line, str)) if isinstance(chrome, list) else None
        registry.seeds[path.stem] = SeedInfo(path.stem, _text(data.get("published")), lines)
    return registry
