"""Post-build scan: the last line of defence, which fails the build on anything a browser would run or fetch.

Every page of the built site is parsed whole by an HTML5 parser (lexbor, through selectolax),
so it sees the document a browser sees: foreign content (`<svg><style>`), end tags written
`</style x>`, the first of two duplicated attributes, entities decoded. A page is refused when it holds:

- an event-handler attribute (`on*=`) on any element;
- a URL a browser would treat as script or as a foreign load: in every attribute that holds one
  (`href`, `src`, `srcset`, `ping`, `action`, `formaction`, `poster`, SVG `xlink:href`, SMIL
  `to`/`values`/`from`/`by` on `set` and `animate*`, `<meta http-equiv=refresh>`), normalised as
  the WHATWG URL parser does first (leading and trailing C0 controls and spaces dropped, tabs and
  newlines removed inside), a scheme other than http(s), mailto and tel; and on anything that
  loads a resource (scripts, images, styles, media), any address on another host, or on this
  host outside the site's own path;
- `<base>`, `<meta http-equiv>` other than the page's own Content-Security-Policy, frames,
  `<object>`, `<embed>` and the like, and SMIL animation of an `href`;
- an executable inline `<script>` whose hash the page's Content-Security-Policy does not list (the
  policy lists only the theme's own scripts), or a page without that policy first in its `<head>`.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .csp import CSP_META_START

# Attributes holding one URL (or, for ping, srcset and SMIL values, several).
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite",
                  "longdesc", "lowsrc", "dynsrc", "codebase", "manifest", "icon", "usemap", "profile", "itemtype"}
LIST_ATTRIBUTES = {"srcset": ",", "imagesrcset": ",", "ping": None, "archive": None}
SMIL_TAGS = {"set", "animate", "animatemotion", "animatetransform", "animatecolor"}
SMIL_VALUES = {"to", "values", "from", "by"}
FRAME_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe"}
# Elements whose URL attribute makes the browser fetch something (rather than offer a link to follow).
LOADING_TAGS = {"script", "img", "image", "audio", "video", "source", "track", "input", "use", "feimage", "picture"}
FETCHING_RELS = {"stylesheet", "preload", "prefetch", "modulepreload", "icon", "apple-touch-icon", "manifest",
                 "import", "preconnect", "dns-prefetch", "prerender"}
LOADING_ATTRIBUTES = {"src", "srcset", "poster", "data", "xlink:href", "href", "background", "imagesrcset"}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json", "importmap+json"}
ALLOWED_HTTP_EQUIV = {"content-security-policy", "x-ua-compatible", "content-type"}
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_C0_OR_SPACE = "".join(chr(c) for c in range(0x21))
_STYLE_LOADS = re.compile(r"url\s*\(|expression\s*\(|@import", re.IGNORECASE)


def normalise_url(value: str) -> str:
    """A URL as the WHATWG parser sees it before reading its scheme."""
    return value.strip(_C0_OR_SPACE).replace("\t", "").replace("\n", "").replace("\r", "")


def url_scheme(value: str) -> str | None:
    match = _SCHEME.match(normalise_url(value))
    return match.group(1).lower() if match else None


def is_foreign(value: str, base_path: str = "/") -> bool:
    """True when the URL names a host or a scheme, or a path of this host outside the site's own."""
    url = normalise_url(value).replace("\\", "/")
    if url.startswith("//") or url_scheme(url) is not None:
        return True
    return url.startswith("/") and not url.startswith(base_path)


def script_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _csp_hashes(text: str) -> set[str] | None:
    """The script hashes the page's own policy allows, or None when the policy is not first in <head>."""
    head = text.find("<head>")
    if head == -1 or not text.startswith(CSP_META_START, head + len("<head>")):
        return None
    end = text.find(">", head + len("<head>"))
    return set(re.findall(r"'(sha256-[A-Za-z0-9+/=]+)'", text[head:end]))


def _urls(tag: str, name: str, value: str, attributes: dict) -> list[str]:
    if name in URL_ATTRIBUTES:
        return [value]
    if name in LIST_ATTRIBUTES:
        separator = LIST_ATTRIBUTES[name]
        if separator is None:
            return value.split()
        return [part.strip().split()[0] for part in value.split(separator) if part.strip()]
    if name in SMIL_VALUES and tag in SMIL_TAGS:
        return value.split(";")
    if name == "content" and (attributes.get("http-equiv") or "").strip().lower() == "refresh":
        return [re.sub(r"^[\s\d.;,]*(?:url\s*=\s*)?", "", value, flags=re.IGNORECASE).strip("'\" ")]
    return []


def _element(node: LexborNode, allowed: set[str], base_path: str, csp_seen: list[bool]) -> list[str]:
    """What is wrong with one element."""
    tag = node.tag.lower()
    attributes = {name.lower(): value or "" for name, value in node.attributes.items()}
    problems = []
    for name, value in attributes.items():
        if name.startswith("on"):
            problems.append(f"event-handler attribute {name}= on <{tag}>")
            continue
        if name == "style" and _STYLE_LOADS.search(value):
            problems.append(f"style= on <{tag}> loads or runs something")
        fetching = tag in LOADING_TAGS or (tag == "link" and bool(
            FETCHING_RELS & set((attributes.get("rel") or "").lower().split())))
        for url in _urls(tag, name, value, attributes):
            scheme = url_scheme(url)
            if scheme is not None and scheme not in SAFE_SCHEMES:
                problems.append(f"{scheme}: URL in {name}= on <{tag}>")
            elif name in LOADING_ATTRIBUTES and fetching and is_foreign(url, base_path):
                problems.append(f"<{tag} {name}=> loads from another host or path: {url[:80]}")
    if tag == "base":
        problems.append("<base> changes where every relative link points")
    elif tag in FRAME_TAGS:
        problems.append(f"<{tag}> embeds other content")
    elif tag == "meta" and "http-equiv" in attributes:
        kind = attributes["http-equiv"].strip().lower()
        if kind not in ALLOWED_HTTP_EQUIV:
            problems.append(f"<meta http-equiv={kind}> acts like an HTTP header")
        elif kind == "content-security-policy":
            if csp_seen[0]:
                problems.append("a second Content-Security-Policy")
            csp_seen[0] = True
    elif tag in SMIL_TAGS and (attributes.get("attributename") or "").strip().lower() in ("href", "xlink:href"):
        problems.append(f"<{tag}> animates a link target")
    if tag == "script":
        source = attributes.get("src") or attributes.get("href") or attributes.get("xlink:href")
        kind = (attributes.get("type") or "").strip().lower()
        if source is None and kind not in DATA_SCRIPT_TYPES and script_hash(node.text(deep=True)) not in allowed:
            problems.append("inline <script> that the page's Content-Security-Policy does not allow "
                            "(not one of the theme's)")
    return problems


def scan_html(text: str, rel: str, base_path: str = "/") -> list[str]:
    """Every problem in one built page, as 'path: what' (the line where the parser can tell it)."""
    allowed = _csp_hashes(text)
    problems = [f"{rel}:1: no Content-Security-Policy first in <head>"] if allowed is None else []
    tree = LexborHTMLParser(text)
    csp_seen = [False]
    for node in tree.root.traverse(include_text=False) if tree.root is not None else ():
        if node.tag and not node.tag.startswith("-"):
            problems += [f"{rel}: {problem}" for problem in _element(node, allowed or set(), base_path, csp_seen)]
    return problems


def scan_site(site_dir: Path, base_path: str = "/", only: Iterable[Path] | None = None) -> list[str]:
    """Every problem in every HTML file under `site_dir` (or in the files `only` names, when the rest
    were scanned when they were written); `base_path` is where the site lives on its host."""
    problems = []
    paths = site_dir.rglob("*.html") if only is None else (p for p in only if p.suffix == ".html" and p.is_file())
    for path in sorted(paths):
        problems += scan_html(path.read_text(encoding="utf-8", errors="replace"),
                              path.relative_to(site_dir).as_posix(), base_path)
    return problems
