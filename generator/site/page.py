"""A generated page: a Markdown file whose body is one block of HTML, with a front matter that must read back."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import yaml


class GeneratedPageError(Exception):
    """A page came out unlike what was meant; the build must stop rather than publish it."""


@dataclass(frozen=True)
class Page:
    src: str      # path of the Markdown file, relative to the docs folder
    url: str      # address of the page, relative to the site root, with a trailing slash
    title: str
    content: str  # the whole Markdown file


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)  # as MkDocs reads it


def front_matter(content: str) -> dict:
    """The front matter of a generated Markdown file as a builder reads it; {} when it cannot be read.

    Read with libyaml's safe loader, ten times faster than PyYAML's own on every generated page; the
    plugin checks again what MkDocs read with its loader, so where the two ever differed the build stops.
    """
    match = _FRONT_MATTER.match(content)
    if match is None:
        return {}
    try:
        data = yaml.load(match.group(1), Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar every reader parses back to `text`.

    Printable characters are written as they are; everything else as an escape YAML defines
    for it: \\uXXXX in the Basic Multilingual Plane and \\UXXXXXXXX above it, because
    JSON's pair of surrogate escapes for an emoji reads back in YAML as two broken halves.
    """
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif char.isprintable() and not 0xD800 <= code <= 0xDFFF and code not in (0xFEFF, 0x2028, 0x2029):
            out.append(char)
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def make_page(src: str, url: str, title: str, description: str, body: str, extra: dict[str, str] | None = None) -> Page:
    """The Markdown file for a page; its metadata is checked to read back exactly as written.

    `extra` adds keys of the page's own (what link previews and feed readers are told, see
    `head.py`), written and checked like the title.
    """
    # Material prints meta title and description into <head> unescaped: escape them here, as JSON strings.
    meta = {"title": html.escape(title), "description": html.escape(description or title), **(extra or {})}
    front = "\n".join(f"{key}: {yaml_string(value)}" for key, value in meta.items())
    content = f"---\n{front}\n---\n\n<div class=\"tl-page\">\n{body.strip()}\n</div>\n"
    if front_matter(content) != meta:
        raise GeneratedPageError(f"the front matter of {src} does not read back as written")
    return Page(src, url, title, content)
