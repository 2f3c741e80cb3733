"""Read a new source document, refusing what cannot be a text, and pull an HTML page apart.

A `.txt` document is kept byte for byte, so it must already be UTF-8 text (the checker reads seeds
as UTF-8). A saved web page (`.html`/`.htm`) is kept byte for byte too; its main text is extracted
with trafilatura and its title, site name, canonical URL and language are read from its markup,
its publication date with htmldate. Both libraries get a parsed tree, never a string: a string that
starts with "http" would make them download it.
"""

from __future__ import annotations

import codecs
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from .drafts import UNWRITABLE
from .errors import Refused, UsageError

MAX_BYTES = 5 * 1024 * 1024
MIN_WORDS = 10  # fewer words than this after extraction is navigation, not an article
KINDS = {".txt": "text", ".html": "html", ".htm": "html"}
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")  # tab, line and page breaks are text
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HTTPS = re.compile(r"https://[^\s/@\\]+(?:/[^\s\\]*)?")
_ENGLISH = frozenset("the of and to in a is that for on with as by was it at from be are has have said "
                     "his her its their were which will this an".split())


@dataclass
class Source:
    """A document as read: what to keep, the text to analyse, and what its markup says."""

    name: str
    kind: str  # "text" or "html"
    raw: bytes
    text: str
    title: str | None = None
    site_name: str | None = None
    url: str | None = None
    date: str | None = None  # YYYY-MM-DD from htmldate
    language: str | None = None
    language_basis: str | None = None

    @property
    def text_bytes(self) -> bytes:
        return self.raw if self.kind == "text" else self.text.encode("utf-8")


def _where(raw: bytes, index: int) -> str:
    line = raw.count(b"\n", 0, index) + 1
    column = index - raw.rfind(b"\n", 0, index)
    return f"line {line}, column {column}"


def _wide(head: bytes) -> bool:
    """UTF-16 or UTF-32 text without a byte order mark: NUL in every other (or more) byte, text between."""
    if len(head) < 8:
        return False
    return any(head[i::2].count(0) >= len(head[i::2]) * 0.9 for i in (0, 1))


def read_source(path: Path) -> Source:
    """The document at `path`, or a Refused/UsageError saying in one line what is wrong with it."""
    name = path.name
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        raise UsageError(f"{name}: only .txt text and saved .html/.htm pages can be added")
    if path.is_symlink():
        raise Refused(f"{name} is a symbolic link; add the file itself")
    if not path.is_file():
        raise UsageError(f"{name}: no such file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise Refused(f"{name} is {size:,} bytes; the limit is {MAX_BYTES:,}")
    raw = path.read_bytes()
    if not raw.strip():
        raise Refused(f"{name} is empty")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _wide(raw[:200]):
        raise Refused(f"{name} looks like UTF-16 or UTF-32; save it as UTF-8")
    control = _CONTROL.search(raw)
    if control is not None:
        raise Refused(f"{name} is not a text file: control byte 0x{raw[control.start()]:02x} at "
                      f"{_where(raw, control.start())}")
    if kind == "text":
        return _text(name, raw)
    return _page(name, raw)


def _text(name: str, raw: bytes) -> Source:
    if raw.startswith(codecs.BOM_UTF8):
        raise Refused(f"{name} starts with a byte order mark; save it as UTF-8 without one "
                      "(seeds are kept byte for byte, and the mark would become part of the first line)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refused(f"{name} is not UTF-8: byte 0x{raw[exc.start]:02x} at {_where(raw, exc.start)}; "
                      "save it as UTF-8") from None
    language, basis = english(text)
    return Source(name, "text", raw, text, language=language, language_basis=basis)


def english(text: str) -> tuple[str | None, str | None]:
    """('en', why) when common English function words make up a fifth of the words, else (None, None)."""
    words = re.findall(r"[A-Za-z]+", text.lower())
    if len(words) < MIN_WORDS:
        return None, None
    share = sum(w in _ENGLISH for w in words) / len(words)
    if share < 0.2:
        return None, None
    return "en", f"{share:.0%} of the words are common English function words"


def _decode_page(name: str, raw: bytes) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        raw, declared = raw[3:], "utf-8"
    else:
        match = _CHARSET.search(raw[:4096])
        declared = match.group(1).decode("ascii").lower() if match else None
    encoding = "utf-8"
    if declared is not None:
        try:
            encoding = codecs.lookup(declared).name
        except LookupError:
            raise Refused(f"{name} declares the unknown encoding '{declared}'; save it as UTF-8") from None
        if encoding.startswith(("utf-16", "utf-32")):
            encoding = "utf-8"  # a byte-oriented file cannot be UTF-16; browsers ignore such a declaration too
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        said = f"declares {declared} but" if declared else "declares no encoding and"
        raise Refused(f"{name} {said} is not valid {encoding}: byte 0x{raw[exc.start]:02x} at "
                      f"{_where(raw, exc.start)}; save it as UTF-8") from None


def _tree(html: str):
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, no_network=True)
    try:
        return lxml_html.document_fromstring(html.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return None


def _clean(value, limit: int) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    if not value or len(value) > limit or UNWRITABLE.search(value):
        return None
    return value


def _page(name: str, raw: bytes) -> Source:
    html = _decode_page(name, raw)
    tree = _tree(html)
    if tree is None:
        raise Refused(f"{name} holds no HTML document")
    for noisy in ("trafilatura", "htmldate", "courlan", "charset_normalizer"):
        logging.getLogger(noisy).setLevel(logging.CRITICAL)
    import htmldate
    import trafilatura

    try:
        text = trafilatura.extract(tree, output_format="txt", include_comments=False, include_tables=False,
                                   include_images=False, include_links=False, deduplicate=False)
    except Exception as exc:  # a page the extractor chokes on is refused, never a traceback
        raise Refused(f"{name}: the main text could not be extracted ({type(exc).__name__})") from None
    text = (text or "").strip()
    if len(re.findall(r"\w+", text)) < MIN_WORDS:
        shown = f" (only '{text[:40]}')" if text else ""
        raise Refused(f"{name}: no main text found in the page{shown}; save the article's text as .txt instead")
    source = Source(name, "html", raw, text + "\n")
    meta = _meta(_tree(html))
    source.title, source.site_name, source.url = meta["title"], meta["site"], meta["url"]
    lang = meta["lang"]
    if lang:
        source.language, source.language_basis = lang, f"the page declares lang=\"{meta['lang_raw']}\""
    else:
        source.language, source.language_basis = english(text)
    try:
        source.date = htmldate.find_date(_tree(html), extensive_search=False, original_date=True,
                                         outputformat="%Y-%m-%d")
    except Exception:  # a page htmldate cannot date is simply undated
        source.date = None
    return source


def _meta(tree) -> dict:
    """Title, site name, canonical https URL and language, from the page's markup only."""
    def first(*xpaths: str) -> str | None:
        for xpath in xpaths:
            for value in tree.xpath(xpath):
                text = value if isinstance(value, str) else value.text_content()
                if text and text.strip():
                    return text
        return None

    title = first('//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content',
                  "//title", "//h1")
    site = first('//meta[@property="og:site_name"]/@content', '//meta[@name="application-name"]/@content')
    if site is None:
        site = _json_ld_publisher(tree)
    url = first('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content')
    url = url.strip() if url else None
    if url is not None and (len(url) > 2000 or not _HTTPS.fullmatch(url)):
        url = None  # relative, plain http or odd: the editor can give --url
    lang_raw = first("/html/@lang", '//meta[@http-equiv="content-language"]/@content')
    lang = None
    if lang_raw and re.fullmatch(r"[A-Za-z]{2}(?:[-_][A-Za-z0-9]+)*", lang_raw.strip()):
        lang = lang_raw.strip()[:2].lower()
    return {"title": _clean(title, 200), "site": _clean(site, 120), "url": url, "lang": lang,
            "lang_raw": (lang_raw or "").strip()}


def _json_ld_publisher(tree) -> str | None:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        for item in data if isinstance(data, list) else [data]:
            publisher = item.get("publisher") if isinstance(item, dict) else None
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                return publisher["name"]
    return None
