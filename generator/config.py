"""What a site says about itself: every sentence and setting that belongs to the site, not the generator.

The title, description and addresses come from the site's `mkdocs.yml`; the plugin's options
(`plugins: - timeline: ...`) add the data licence, the feed author, the calendar name, a
stable id for feeds and calendars, the folder of the site's own texts (the home and figures
pages' introductions, as Markdown) and the folder of presentation overrides. The package
itself keeps no sentence about any subject.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

TEXTS = ("home", "figures")  # the introductions a site may write, as <texts>/<name>.md
SPLIT_AT = 400  # events; longer timelines, tag and actor pages are split by year


class ConfigError(Exception):
    """The site's configuration cannot be read or holds a value of the wrong kind."""


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per build
class SiteConfig:
    title: str = "Timeline"
    description: str = ""
    url: str | None = None            # published address, for absolute links, feeds and calendars
    repo_url: str | None = None       # for 'suggest a correction' and history links
    edit_branch: str = "main"
    split_at: int = SPLIT_AT
    site_id: str | None = None        # stable id for feed and calendar ids; the address or the title if unset
    licence: str | None = None        # the data's licence, e.g. "CC BY 4.0"
    licence_url: str | None = None
    author: str | None = None         # feed author; the title if unset
    calendar_name: str | None = None  # iCalendar name; the title if unset
    language: str = "en"
    texts: dict[str, str] = field(default_factory=dict)  # name -> Markdown, from the texts folder
    overrides: Path | None = None     # folder of templates, timeline.css and timeline.js replacing the package's

    @property
    def feed_author(self) -> str:
        return self.author or self.title

    @property
    def calendar(self) -> str:
        return self.calendar_name or self.title

    @property
    def identity(self) -> str:
        """What makes this site's feed, entry and calendar ids its own: configured, else address, else title."""
        return self.site_id or self.url or self.title


def read_texts(folder: Path | None) -> dict[str, str]:
    """The site's own introductions from `folder` (missing files are left to the templates' defaults)."""
    found: dict[str, str] = {}
    if folder is None or not folder.is_dir() or folder.is_symlink():
        return found
    for name in TEXTS:
        path = folder / f"{name}.md"
        if path.is_file() and not path.is_symlink():
            found[name] = path.read_text(encoding="utf-8").strip()
    return found


class _MkDocsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does for the few keys used here: `!ENV` tags resolve, others are kept as text."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *keys, default = names if len(names) > 1 else (*names, None)
    for key in keys:
        if os.environ.get(str(key)):
            return os.environ[str(key)]
    return default


_MkDocsLoader.add_constructor("!ENV", _env)
_MkDocsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_MkDocsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def from_mkdocs_yml(path: Path) -> tuple[SiteConfig, Path]:
    """The site configuration and the data root, read from a mkdocs.yml, for builders other than MkDocs."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_MkDocsLoader) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path} is not a mapping")
    options: dict = {}
    for plugin in raw.get("plugins") or []:
        if isinstance(plugin, dict) and "timeline" in plugin:
            options = plugin["timeline"] or {}
    base = path.parent
    root = (base / str(options.get("root", "."))).resolve()
    return from_options(raw, options, base), root


def from_options(mkdocs: dict, options: dict, base: Path) -> SiteConfig:
    """A SiteConfig from mkdocs.yml's top-level keys and the timeline plugin's options."""
    def text(value, name):
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{name} must be text")
        return value or None
    texts_folder = options.get("texts")
    overrides = options.get("overrides")
    split_at = options.get("split_at", SPLIT_AT)
    if not isinstance(split_at, int) or split_at < 1:
        raise ConfigError("split_at must be a positive whole number")
    return SiteConfig(
        title=text(mkdocs.get("site_name"), "site_name") or "Timeline",
        description=_one_line(text(mkdocs.get("site_description"), "site_description") or ""),
        url=address(text(mkdocs.get("site_url"), "site_url"), "site_url"),
        repo_url=address(text(mkdocs.get("repo_url"), "repo_url"), "repo_url"),
        edit_branch=text(options.get("edit_branch"), "edit_branch") or "main",
        split_at=split_at,
        site_id=text(options.get("id"), "id"),
        licence=text(options.get("licence"), "licence"),
        licence_url=text(options.get("licence_url"), "licence_url"),
        author=text(options.get("author"), "author"),
        calendar_name=text(options.get("calendar_name"), "calendar_name"),
        language=text((mkdocs.get("theme") or {}).get("language") if isinstance(mkdocs.get("theme"), dict) else None,
                      "theme.language") or "en",
        texts=read_texts(base / texts_folder) if texts_folder else {},
        overrides=(base / overrides).resolve() if overrides else None,
    )


def with_overrides(config: SiteConfig, **changes) -> SiteConfig:
    """The configuration with command-line values replacing those of the file."""
    for name in ("url", "repo_url"):
        if changes.get(name) is not None:
            address(changes[name], name)
    return replace(config, **{k: v for k, v in changes.items() if v is not None})


_ADDRESS_BAD = re.compile(r"[\s\x00-\x1f\x7f-\x9f\\\"<>`{}|^]")


def address(value: str | None, name: str) -> str | None:
    """An http(s) address for links the pages and feeds print, or ConfigError: never javascript: or worse."""
    if value is None:
        return None
    parts = urlsplit(value)
    if _ADDRESS_BAD.search(value) or parts.scheme not in ("http", "https") or not parts.hostname or "@" in parts.netloc:
        raise ConfigError(f"{name} '{value[:80]}' is not an http(s) address with a host")
    return value


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
