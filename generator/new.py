"""Write a new event file that the checker accepts once its fields are real."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from . import dates
from .check.modeline import schema_line
from .vocab import ROLES

MAX_ID = 80
SAFE_ID = re.compile(r"[a-z0-9](?:[a-z0-9_-]{0,78}[a-z0-9])?")


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def event_id(date: dates.EDTFDate, title: str) -> str:
    prefix = date.known.edtf().rstrip("~?%") if date.known.season is None else f"{date.known.year:04d}"
    words = slug(title)
    ident = f"{prefix}-{words}" if words else prefix
    return ident[:MAX_ID].rstrip("-")


def _q(text: str) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML), so no value is ever retyped."""
    return json.dumps(text, ensure_ascii=False)


def _item(value: str) -> str:
    """A list item or id: plain when it is a well-formed id, else quoted, so no value can add YAML structure."""
    return value if SAFE_ID.fullmatch(value) else _q(value)


def render_event(*, ident: str, date: str, title: str, summary: str, status: str, actors: dict[str, list[str]],
                 sources: list[dict], tags: list[str], date_text: str | None = None, rel: str,
                 schemas: str = "schemas") -> str:
    lines = [schema_line(rel, "event", schemas), f"id: {ident}", f"date: {_q(date)}"]
    if date_text:
        lines.append(f"date_text: {_q(date_text)}")
    lines += [f"title: {_q(title)}", f"summary: {_q(summary)}", f"status: {status}", "actors:"]
    for role in ROLES:
        if actors.get(role):
            lines.append(f"  {role}: [{', '.join(_item(a) for a in actors[role])}]")
    if tags:
        lines.append(f"tags: [{', '.join(_item(t) for t in tags)}]")
    lines.append("sources:")
    for source in sources:
        keys = [k for k in ("seed", "url", "publisher", "published", "quote") if source.get(k)]
        for index, key in enumerate(keys):
            value = _item(source[key]) if key == "seed" else _q(source[key])
            lines.append(f"{'  - ' if index == 0 else '    '}{key}: {value}")
    return "\n".join(lines) + "\n"


def target_path(root: Path, date: dates.EDTFDate, ident: str) -> Path:
    """Where the event goes: events/<year>/<id>.yaml, never through a symbolic link."""
    events = root / "events"
    folder = events / f"{date.known.year:04d}"
    for step in (events, folder):
        if step.is_symlink():
            raise ValueError(f"{step.relative_to(root).as_posix()} is a symbolic link; the data folders must be real folders")
    path = (folder / f"{ident}.yaml").resolve()
    if not path.is_relative_to(events.resolve()):
        raise ValueError(f"refusing to write outside events/: {path}")
    return path
