"""The one rule for every address contributors give: external https links and links to this site's pages.

Hosts are judged the way a browser will read them (the WHATWG URL standard), not as
they are written: a browser reads `127.1`, `0x7f.1`, `0177.0.0.1` and `2130706433` as
127.0.0.1, `localhost.` as localhost, and decodes percent-escapes in a host before it
looks it up. So every host is parsed that way first, and only then judged.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_to_bytes, urlsplit

import idna

_BAD_CHARS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\\]")
_UNENCODED = re.compile(r"[\"<>`{}|^]")
# Names that never reach the public internet (RFC 6761, RFC 6762, RFC 7686, RFC 8375, ICANN .internal).
_LOCAL_NAMES = ("localhost", "localdomain", "local", "internal", "home.arpa", "onion", "test", "invalid", "lan",
                "intranet", "corp", "private")
_LOCAL_SUFFIXES = tuple("." + name for name in _LOCAL_NAMES) + (".arpa",)
_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")
_NUMBER = re.compile(r"0[xX][0-9a-fA-F]*|[0-9]+")
# A page of this site: /section/ or /section/<id>/, with an optional #fragment. ASCII only, no '//', no '..'.
SITE_PATH = re.compile(r"/(?:[a-z0-9][a-z0-9_-]*/){0,3}(?:#[A-Za-z0-9_-]{1,80})?")


def url_problem(url: str) -> str | None:
    """Why `url` is refused, or None when it is a safe https address on a public host."""
    if _BAD_CHARS.search(url):
        return "contains whitespace, a control character or a backslash"
    if _UNENCODED.search(url):
        return "contains characters that must be percent-encoded (\" < > ` { } | ^)"
    if not url.startswith("https://"):
        return "must start with https://"
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError on a malformed port
    except ValueError:
        return "is not a well-formed URL"
    if "@" in parts.netloc:
        return "must not contain user names or passwords"
    raw_host = parts.netloc.rsplit(":", 1)[0] if not parts.netloc.endswith("]") else parts.netloc
    return host_problem(raw_host)


def host_problem(raw: str) -> str | None:
    """Why a host, as written in a URL, is not a public host name, or None."""
    if not raw:
        return "has no host name"
    if raw.startswith("["):
        return "must name a host, not an IP address"
    if "%" in raw:
        try:
            decoded = unquote_to_bytes(raw).decode("utf-8")
        except UnicodeDecodeError:
            return "has a percent-encoded host that is not UTF-8"
        problem = host_problem(decoded) if "%" not in decoded else "has a doubly percent-encoded host"
        return problem or "host name must be written out, not percent-encoded"
    if not raw.isascii():
        return "host name must be ASCII (use its xn-- form)"
    host = raw.lower()
    if host.endswith("."):
        host = host[:-1]  # 'localhost.' is localhost to every resolver
    labels = host.split(".")
    if not host or "" in labels:
        return "has an empty label in its host name"
    if _NUMBER.fullmatch(labels[-1]):
        # WHATWG: a host whose last label is a number is an IPv4 address in one of its numeric forms, or invalid.
        return "must name a host, not an IP address"
    for label in labels:
        if not _LABEL.fullmatch(label):
            return f"has an invalid host label '{label}'"
        if label.startswith("xn--"):
            try:
                idna.decode(label)
            except idna.IDNAError:
                return f"has an invalid internationalised label '{label}'"
    if len(labels) < 2 or host in _LOCAL_NAMES or host.endswith(_LOCAL_SUFFIXES):
        return "must name a public host"
    return None


def site_path_problem(path: str) -> str | None:
    """Why `path` is not written as a link to a page of this site ('/events/<id>/'), or None."""
    if path.startswith("//"):
        return "starts with '//', which browsers read as another host"
    if not SITE_PATH.fullmatch(path):
        return ("is not a path to a page of this site: write '/section/' or '/section/<id>/' in lower-case ASCII, "
                "with an optional '#anchor', or a full https:// address")
    return None


def relative_site_link(path: str, up: str) -> str:
    """'/events/x/#a' as seen from a page `up` ('../../') below the site root."""
    return (up + path[1:]) or "./"
