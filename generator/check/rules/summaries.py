"""Summaries: Markdown without HTML or pictures, whose links go to public https hosts or to pages of this site."""

from __future__ import annotations

import re

from ... import routes
from ...findings import shown
from ...load import Document
from ...urls import site_path_problem, url_problem
from ..index import Index

_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)|<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>",
                      re.MULTILINE)
_HTML = re.compile(r"<[a-zA-Z!/?]")
# Python-Markdown's link parser is quadratic in the number of '[': a summary of 1,190 of them took a second to render.
MAX_BRACKETS = 20
_KINDS = {"events": "event", "actors": "actor", "tags": "tag", "sources": "seed", "places": "place"}


def check(index: Index, doc: Document, summary) -> None:
    if not isinstance(summary, str):
        return
    for match in _MD_LINK.finditer(summary):
        target = next(g for g in match.groups() if g is not None)
        if target.startswith("#"):
            problem = "is an anchor on no particular page; write the page's path, '/events/<id>/#anchor'"
        elif target.startswith("/"):
            problem = site_path_problem(target)
            if problem is None and index.events_open and target.lstrip("/").startswith("events/"):
                index.waiting.append((doc, "link", ("summary",), target))  # once every event's id is known
                continue
            problem = problem or _page_problem(index, target)
        else:
            problem = url_problem(target)
        if problem:
            doc.at(("summary",), "unsafe-link", f"link target '{shown(target)}' in summary {problem}")
    if _HTML.search(summary):
        doc.at(("summary",), "raw-html", "summaries are Markdown without HTML; remove the tag or write it in words")
    if "![" in summary:
        doc.at(("summary",), "image-in-summary", "summaries show no pictures; link to the picture instead")
    brackets = summary.count("[")
    if brackets > MAX_BRACKETS:
        doc.at(("summary",), "too-many-links", f"summary has {brackets} '['; at most {MAX_BRACKETS} (links) are allowed")


def site_link(index: Index, doc: Document, target: str) -> None:
    """A summary link to a page of this site, checked once every page's id is known."""
    problem = _page_problem(index, target)
    if problem:
        doc.at(("summary",), "unsafe-link", f"link target '{shown(target)}' in summary {problem}")


def _page_problem(index: Index, path: str) -> str | None:
    """Why '/section/<id>/' names no page of this site, or None."""
    parts = path.split("#", 1)[0].strip("/").split("/")
    section, rest = parts[0], parts[1:]
    if parts == [""] or (section in routes.SECTIONS and not rest):
        return None
    if section in routes.SECTIONS_WITH_IDS and len(rest) == 1:
        kind = _KINDS[section]
        if rest[0] in index.ids[kind]:
            return None
        return f"names no page: unknown {kind if kind != 'seed' else 'source'} '{rest[0]}'{index.suggest(rest[0], kind)}"
    return f"names no page of this site; pages are / and {', '.join(f'/{s}/' for s in routes.SECTIONS)}"
