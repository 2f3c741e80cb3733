"""What every exporter is given: the site's configuration, when events were added, and the export templates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from markupsafe import escape

from ..config import SiteConfig


@dataclass(frozen=True)
class ExportContext:
    config: SiteConfig
    added: dict[str, dt.datetime] = field(default_factory=dict)  # event id -> when its file was first committed


class _Macros:
    """The export templates' macros, in the environment the site's overrides shape."""

    def __init__(self, config: SiteConfig):
        from ..site.env import environment
        env = environment(config.overrides)
        module = env.get_template("_export.html").module
        self.timelinejs_text = module.timelinejs_text  # type: ignore[attr-defined]
        self.atom_content = module.atom_content  # type: ignore[attr-defined]
        self.correction_content = module.correction_content  # type: ignore[attr-defined]
        self.escape = escape


@lru_cache(maxsize=8)
def _macros_for(config: SiteConfig) -> _Macros:
    return _Macros(config)


def macros(context: ExportContext) -> _Macros:
    return _macros_for(context.config)
