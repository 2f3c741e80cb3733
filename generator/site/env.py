"""The Jinja environment every page is rendered with: autoescaping, strict, and overridable by the site.

A site replaces any of the package's templates (`generator/templates/*.html`) by placing a
file of the same name in the folder its configuration names as `overrides`, as
mkdocs-material's `custom_dir` does; the package's own templates fill in the rest.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined, select_autoescape

from .. import dates, routes
from ..vocab import PRECISION_LABELS, QUALIFIER_MARKS, ROLE_HEADINGS, ROLES, STATUS_ICONS, STATUSES
from .embed import iframe_snippet
from .render import json_for_script


def day(value) -> str:
    return f"{value.day} {dates.MONTH_ABBR[value.month - 1]} {value.year}"


def month(value) -> str:
    return f"{dates.MONTH_ABBR[value.month - 1]} {value.year}"


TEMPLATES = Path(__file__).resolve().parent.parent / "templates"  # the package's own


def environment(overrides: Path | None = None) -> Environment:
    loaders = [PackageLoader("generator", "templates")]
    if overrides is not None and overrides.is_dir():
        loaders.insert(0, FileSystemLoader(str(overrides)))
    env = Environment(loader=ChoiceLoader(loaders), autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(number=lambda n: f"{n:,}", json_script=json_for_script, day=day, month=month)
    env.globals.update(STATUSES=STATUSES, STATUS_ICONS=STATUS_ICONS, ROLE_HEADINGS=ROLE_HEADINGS, ROLES=ROLES,
                       PRECISION_LABELS=PRECISION_LABELS, QUALIFIER_MARKS=QUALIFIER_MARKS, url=routes,
                       iso=lambda d: d.isoformat() if d else "", embed_snippet=iframe_snippet)
    return env
