"""The one rule for every external address contributors give."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

_BAD_CHARS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\\]")
_UNENCODED = re.compile(r"[\"<>`{}|^]")
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".home.arpa", ".onion")


def url_problem(url: str) -> str | None:
    """Why `url` is refused, or None when it is a safe https address."""
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
    host = parts.hostname or ""
    if not host:
        return "has no host name"
    if not host.isascii():
        return "host name must be ASCII (use its xn-- form)"
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    else:
        return "must name a host, not an IP address"
    if host == "localhost" or host.endswith(_LOCAL_SUFFIXES) or "." not in host:
        return "must name a public host"
    return None
