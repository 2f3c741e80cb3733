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
EMBEDDING_TAGS = ("iframe", "object", "embed")
VOID_TAGS = ("br", "img", "input", "meta", "link", "hr", "source", "wbr", "col")
_BAD_SCHEME = re.compile(r"^\s*(?:javascript|data|vbscript)\s*:", re.IGNORECASE)
_URL_IGNORED = re.compile(r"[\t\n\r]")  # browsers drop these inside URLs


class _Scanner(HTMLParser):
    def __init__(self, rel: str):
        super().__init__(convert_charrefs=True)
        self.rel = rel
        self.problems: list[str] = []
        self.content_depth = 0  # >0 while inside <article class="md-content__inner">

    def _where(self) -> str:
        return f"{self.rel}:{self.getpos()[0]}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{self._where()}: event-handler attribute {name}= on <{tag}>")
            url = _URL_IGNORED.sub("", value or "")
            if name in URL_ATTRIBUTES and _BAD_SCHEME.match(url):
                self.problems.append(f"{self._where()}: {url.split(':', 1)[0].strip()}: URL in {name}= on <{tag}>")
        if tag == "article" and "md-content__inner" in (names.get("class") or ""):
            self.content_depth = 1
        elif self.content_depth and tag not in VOID_TAGS:
            self.content_depth += 1
        if tag == "script" and self.content_depth:
            if (names.get("type") or "").lower() not in DATA_SCRIPT_TYPES:
                self.problems.append(f"{self._where()}: executable <script> in the content area")
        if tag in EMBEDDING_TAGS and self.content_depth:
            self.problems.append(f"{self._where()}: <{tag}> in the content area")

    def handle_endtag(self, tag: str) -> None:
        if self.content_depth and tag not in VOID_TAGS:
            self.content_depth -= 1


# A clean page has none of these inside a tag; a page that has one is parsed exactly to say where and what.
# Each begins with a literal, which the regex engine finds fast. "script:" also catches "java\nscript:",
# which browsers read as javascript: once they drop the newline; entities other than quotes are decoded first.
_SUSPECTS = (re.compile(r"on[a-z]+\s*="), re.compile(r"script:"), re.compile(r"data:"),
             re.compile(r"&#(?!39;|34;|x27;|x22;)"))
_CONTENT_START, _CONTENT_END = '<article class="md-content__inner', "</article>"
_SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
_EMBEDDING_TAG = re.compile(rf"<(?:{'|'.join(EMBEDDING_TAGS)})\b", re.IGNORECASE)
_DATA_TYPE = re.compile(r'\btype="application/(?:ld\+)?json"', re.IGNORECASE)


def _inside_tag(text: str, index: int) -> str | None:
    """The tag around `index`, or None when `index` is in text between tags."""
    start = text.rfind("<", 0, index)
    if start == -1 or text.rfind(">", start, index) != -1:
        return None
    end = text.find(">", index)
    return text[start:end + 1 if end != -1 else len(text)]


def _clean_fast(text: str) -> bool:
    lowered = text.lower()
    for pattern in _SUSPECTS:
        for match in pattern.finditer(lowered):
            if pattern is _SUSPECTS[0] and lowered[match.start() - 1] not in " \t\n\r\"'/":
                continue  # "on..." inside a longer word ("button=") is no event handler
            if _inside_tag(lowered, match.start()) is not None:
                return False
    start = text.find(_CONTENT_START)
    content = text[start:text.find(_CONTENT_END, start)] if start != -1 else ""
    if _EMBEDDING_TAG.search(content):
        return False
    for attributes in _SCRIPT_TAG.findall(content):
        if not _DATA_TYPE.search(attributes):
            return False
    return True


def scan_html(text: str, rel: str) -> list[str]:
    if _clean_fast(text):
        return []
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
