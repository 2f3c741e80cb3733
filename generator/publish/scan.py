"""Post-build scan: the last line of defence, which fails the build on anything a browser would run or fetch.

Every page of the built site is read whole, the way a browser reads it, and refused when it holds:

- an event-handler attribute (`on*=`) on any element;
- a URL a browser would treat as script or as a foreign load: in every attribute that holds one
  (`href`, `src`, `srcset`, `ping`, `action`, `formaction`, `poster`, SVG `xlink:href`, SMIL
  `to`/`values`/`from`/`by` on `set` and `animate*`, `<meta http-equiv=refresh>`), normalised as
  the WHATWG URL parser does first (leading and trailing C0 controls and spaces dropped, tabs and
  newlines removed inside), a scheme other than http(s), mailto and tel; and on anything that
  loads a resource (scripts, images, styles, media), any address on another host;
- `<base>`, `<meta http-equiv>` other than the page's own Content-Security-Policy, frames,
  `<object>`, `<embed>` and the like, and SMIL animation of an `href`;
- an executable inline `<script>` whose hash the page's Content-Security-Policy does not list (the
  policy lists only the theme's own scripts), or a page without that policy first in its `<head>`.

A page with none of the tell-tale strings below is passed without the exact parse, which keeps the
scan cheap for a large site; a page with one is parsed exactly to say where and what.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

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
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json", "importmap+json"}
ALLOWED_HTTP_EQUIV = {"content-security-policy", "x-ua-compatible", "content-type"}
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_C0_OR_SPACE = "".join(chr(c) for c in range(0x21))


def normalise_url(value: str) -> str:
    """A URL as the WHATWG parser sees it before reading its scheme."""
    return value.strip(_C0_OR_SPACE).replace("\t", "").replace("\n", "").replace("\r", "")


def url_scheme(value: str) -> str | None:
    match = _SCHEME.match(normalise_url(value))
    return match.group(1).lower() if match else None


def is_foreign(value: str) -> bool:
    """True when the URL names a host or a scheme: a load from outside the site."""
    url = normalise_url(value).replace("\\", "/")
    return url.startswith("//") or url_scheme(url) is not None


def script_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _csp_hashes(text: str) -> set[str] | None:
    """The script hashes the page's own policy allows, or None when the policy is not first in <head>."""
    head = text.find("<head>")
    if head == -1 or not text.startswith(CSP_META_START, head + len("<head>")):
        return None
    end = text.find(">", head)
    end = text.find(">", end + 1)
    return set(re.findall(r"'(sha256-[A-Za-z0-9+/=]+)'", text[head:end]))


class _Scanner(HTMLParser):
    def __init__(self, rel: str, allowed_hashes: set[str]):
        super().__init__(convert_charrefs=True)
        self.rel = rel
        self.allowed_hashes = allowed_hashes
        self.problems: list[str] = []
        self._script: tuple[int, bool] | None = None  # (line, executable) of the <script> being read
        self._script_text: list[str] = []
        self._csp_seen = False

    def _problem(self, what: str) -> None:
        self.problems.append(f"{self.rel}:{self.getpos()[0]}: {what}")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name: value or "" for name, value in attrs}
        for name, value in attrs:
            self._attribute(tag, name, value or "", names)
        if tag == "base":
            self._problem("<base> changes where every relative link points")
        elif tag in FRAME_TAGS:
            self._problem(f"<{tag}> embeds other content")
        elif tag == "meta" and "http-equiv" in names:
            kind = names["http-equiv"].strip().lower()
            if kind not in ALLOWED_HTTP_EQUIV:
                self._problem(f"<meta http-equiv={kind}> acts like an HTTP header")
            elif kind == "content-security-policy":
                if self._csp_seen:
                    self._problem("a second Content-Security-Policy")
                self._csp_seen = True
        elif tag in SMIL_TAGS and names.get("attributename", "").strip().lower() in ("href", "xlink:href"):
            self._problem(f"<{tag}> animates a link target")
        if tag == "script":
            source = names.get("src") or names.get("href") or names.get("xlink:href")
            kind = names.get("type", "").strip().lower()
            executable = source is None and kind not in DATA_SCRIPT_TYPES
            self._script = (self.getpos()[0], executable)
            self._script_text = []

    def _attribute(self, tag: str, name: str, value: str, names: dict[str, str]) -> None:
        if name.startswith("on"):
            self._problem(f"event-handler attribute {name}= on <{tag}>")
            return
        if name == "style" and re.search(r"url\s*\(|expression\s*\(|@import", value, re.IGNORECASE):
            self._problem(f"style= on <{tag}> loads or runs something")
        urls: list[str] = []
        if name in URL_ATTRIBUTES:
            urls = [value]
        elif name in LIST_ATTRIBUTES:
            separator = LIST_ATTRIBUTES[name]
            parts = value.split(separator) if separator else value.split()
            urls = [part.strip().split()[0] for part in parts if part.strip()] if separator else parts
        elif name in SMIL_VALUES and tag in SMIL_TAGS:
            urls = value.split(";")
        elif name == "content" and names.get("http-equiv", "").strip().lower() == "refresh":
            urls = [re.sub(r"^[\s\d.;,]*(?:url\s*=\s*)?", "", value, flags=re.IGNORECASE).strip("'\" ")]
        for url in urls:
            scheme = url_scheme(url)
            if scheme is not None and scheme not in SAFE_SCHEMES:
                self._problem(f"{scheme}: URL in {name}= on <{tag}>")
            elif name in ("src", "srcset", "poster", "data", "xlink:href", "href", "background", "imagesrcset") and (
                    tag in LOADING_TAGS or (tag == "link" and FETCHING_RELS & set(names.get("rel", "").lower().split()))
            ) and is_foreign(url):
                self._problem(f"<{tag} {name}=> loads from another host: {url[:80]}")

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            line, executable = self._script
            if executable and script_hash("".join(self._script_text)) not in self.allowed_hashes:
                self.problems.append(f"{self.rel}:{line}: inline <script> that the page's Content-Security-Policy "
                                     "does not allow (not one of the theme's)")
            self._script = None


# A page that holds none of these passes without the exact parse. Each is cheap to find, and together
# they cover every rule above: handlers, schemes (also written with entities or split by a newline),
# control characters, and every element the rules name.
_SUSPECTS = re.compile(
    r"\son[a-z]+\s*=|[\"'/]on[a-z]+\s*=|script:|data:|&(?!amp;|quot;|lt;|gt;|#39;|#34;|#x27;|#x22;|#32;|nbsp;|ndash;|mdash;)"
    r"[#a-z0-9]+;?|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|<base\b|http-equiv=(?!\"content-security-policy\")|"
    r"<(?:i?frame|frameset|object|embed|applet|portal|fencedframe|set|animate)\b|\sstyle=\"[^\"]*(?:url|expression|import)|"
    r"(?:src|srcset|poster|ping|action|formaction|href|data|background|cite|to|values|from|by|content)\s*=\s*[\"']?\s*"
    r"(?!https?:|mailto:|tel:)[a-z][a-z0-9+.-]*:|(?:src|srcset|poster|data)\s*=\s*[\"']?\s*(?:https?:)?//|"
    r"<(?:use|image|feimage)\b[^>]*href\s*=\s*[\"']?\s*(?:https?:)?//",
    re.IGNORECASE)
_LINK = re.compile(r"<link\b([^>]*)>", re.IGNORECASE)
_REL = re.compile(r"\brel\s*=\s*[\"']?([^\"'>]*)", re.IGNORECASE)
_HREF = re.compile(r"\bhref\s*=\s*[\"']?([^\"'\s>]*)", re.IGNORECASE)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_EXTERNAL = re.compile(r"\b(?:src|href)\s*=", re.IGNORECASE)
_DATA_TYPE = re.compile(r'\btype="application/(?:ld\+)?json"', re.IGNORECASE)


def _clean_fast(text: str, allowed: set[str]) -> bool:
    if _SUSPECTS.search(text):
        return False
    for attributes in _LINK.findall(text):
        rel, href = _REL.search(attributes), _HREF.search(attributes)
        if rel and href and FETCHING_RELS & set(rel.group(1).lower().split()) and is_foreign(href.group(1)):
            return False
    for attributes, body in _SCRIPT.findall(text):
        if _EXTERNAL.search(attributes):
            continue  # relative, or the suspects above would have matched
        if not _DATA_TYPE.search(attributes) and script_hash(body) not in allowed:
            return False
    return True


def scan_html(text: str, rel: str) -> list[str]:
    """Every problem in one built page, as 'path:line: what'."""
    allowed = _csp_hashes(text)
    problems = [] if allowed is not None else [f"{rel}:1: no Content-Security-Policy first in <head>"]
    allowed = allowed or set()
    if _clean_fast(text, allowed):
        return problems
    scanner = _Scanner(rel, allowed)
    scanner.feed(text)
    scanner.close()
    return problems + scanner.problems


def scan_site(site_dir: Path) -> list[str]:
    """Every problem in every HTML file under `site_dir`, as 'path:line: what'."""
    problems = []
    for path in sorted(site_dir.rglob("*.html")):
        problems += scan_html(path.read_text(encoding="utf-8", errors="replace"), path.relative_to(site_dir).as_posix())
    return problems
