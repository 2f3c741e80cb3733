"""Post-build scan: a last line of defence that fails the build on executable content.

Fails on any `on*=` event-handler attribute anywhere, any javascript:, data: or
vbscript: URL anywhere, and any script inside the content area that is not a
JSON data block. Scripts outside the content area come from the theme.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data", "background"}
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
_BAD_SCHEME = re.compile(r"^\s*(?:javascript|data|vbscript)\s*:", re.IGNORECASE)


class _Scanner(HTMLParser):
    def __init__(self, rel: str):
        super().__init__(convert_charrefs=True)
        self.rel = rel
        self.problems: list[str] = []
        self.content_depth = 0  # >0 while inside <article class="md-content__inner">
        self.stack: list[str] = []

    def _where(self) -> str:
        return f"{self.rel}:{self.getpos()[0]}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{self._where()}: event-handler attribute {name}= on <{tag}>")
            if name in URL_ATTRIBUTES and value and _BAD_SCHEME.match(value):
                self.problems.append(f"{self._where()}: {value.split(':', 1)[0].strip()}: URL in {name}= on <{tag}>")
        if tag == "article" and "md-content__inner" in (names.get("class") or ""):
            self.content_depth = 1
        elif self.content_depth and tag not in ("br", "img", "input", "meta", "link", "hr", "source", "wbr", "col"):
            self.content_depth += 1
        if tag == "script" and self.content_depth:
            if (names.get("type") or "").lower() not in DATA_SCRIPT_TYPES:
                self.problems.append(f"{self._where()}: executable <script> in the content area")
        if tag in ("iframe", "object", "embed", "form") and self.content_depth and tag != "form":
            self.problems.append(f"{self._where()}: <{tag}> in the content area")

    def handle_endtag(self, tag: str) -> None:
        if self.content_depth and tag not in ("br", "img", "input", "meta", "link", "hr", "source", "wbr", "col"):
            self.content_depth -= 1


def scan_html(text: str, rel: str) -> list[str]:
    scanner = _Scanner(rel)
    scanner.feed(text)
    scanner.close()
    return scanner.problems


def scan_site(site_dir: Path) -> list[str]:
    """Every problem in every HTML file under `site_dir`, as 'path:line: what'."""
    problems = []
    for path in sorted(site_dir.rglob("*.html")):
        problems += scan_html(path.read_text(encoding="utf-8", errors="replace"), path.relative_to(site_dir).as_posix())
    return problems
