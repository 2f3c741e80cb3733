"""`seeds add`: keep a new source document byte for byte and describe it in seeds/<id>.yaml.

Read everything first (the document, its chrome and repeats, its date evidence), then write the
two or three files at once, or none of them.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..check.modeline import schema_folder
from ..dates import DateError, parse
from .chrome import Line, find_chrome, find_repeats, split_lines
from .drafts import UNWRITABLE, loadable, render_seed
from .errors import Refused, UsageError
from .evidence import collect, evidence_items, suggest
from .files import write_all
from .source import Source, read_source

SEED_ID = re.compile(r"[a-z0-9](?:[a-z0-9_-]{0,78}[a-z0-9])?")
HTTPS = re.compile(r"https://[^\s/@\\]+(?:/[^\s\\]*)?")
MAX_CHROME, MAX_CHROME_LINE, MAX_NOTES = 40, 300, 2000


def check_options(ident: str | None, url: str | None, publisher: str | None, published: str | None) -> None:
    """Refuse unusable options before reading anything (exit 2)."""
    if ident is not None and not SEED_ID.fullmatch(ident):
        raise UsageError(f"--id '{ident}' is not a seed id: lowercase letters, digits, '_' and '-', "
                         "at most 80 characters, starting and ending with a letter or digit")
    if url is not None and (len(url) > 2000 or not HTTPS.fullmatch(url)):
        raise UsageError(f"--url '{url}' is not an https:// address with a host and no credentials")
    if publisher is not None and (not publisher.strip() or len(publisher) > 120 or UNWRITABLE.search(publisher)):
        raise UsageError("--publisher must be 1 to 120 visible characters")
    if published is not None:
        try:
            parse(published)
        except DateError as exc:
            raise UsageError(f"--published: {exc}") from None


def next_id(seeds: Path, raw: bytes) -> str:
    """NNN_<first 16 hex digits of the document's SHA-256>, NNN one more than the highest in use."""
    numbers = [int(m.group(1)) for p in (seeds.iterdir() if seeds.is_dir() else ())
               if (m := re.match(r"([0-9]+)_", p.name))]
    return f"{max(numbers, default=-1) + 1:03d}_{hashlib.sha256(raw).hexdigest()[:16]}"


def _already_added(seeds: Path, raw: bytes) -> str | None:
    for path in sorted(seeds.glob("*")) if seeds.is_dir() else ():
        if path.suffix in (".txt", ".html") and path.is_file() and not path.is_symlink() \
                and path.stat().st_size == len(raw) and path.read_bytes() == raw:
            return path.name
    return None


def headline(lines: list[Line], skip: set[int]) -> str | None:
    """The first line of article text when it reads as a headline: short, several words, no closing stop."""
    for line in lines:
        text = line.text.strip()
        if not text or line.number in skip:
            continue
        if len(text) <= 200 and len(text.split()) >= 2 and not text.endswith((".", ",", ";", ":")) \
                and not UNWRITABLE.search(text) and line.number < len(lines):
            return " ".join(text.split())
        return None
    return None


def _notes(chrome_left_out: list[Line], repeats) -> str | None:
    parts = []
    if repeats:
        pairs = ", ".join(f"{r.line.number} (= {r.first})" for r in repeats)
        parts.append(f"Printed twice word for word (found by seeds add; the later copies are not article "
                     f"text): lines {pairs}.")
    if chrome_left_out:
        parts.append("Also page chrome, too long or too many for the chrome list: lines "
                     f"{', '.join(str(line.number) for line in chrome_left_out)}.")
    text = " ".join(parts)
    return text[:MAX_NOTES - 1] + "…" if len(text) > MAX_NOTES else (text or None)


def add_seed(root: Path, path: Path, *, ident: str | None = None, url: str | None = None,
             publisher: str | None = None, published: str | None = None) -> dict:
    """Add the document at `path` as a seed under root/seeds; return what was written and found."""
    check_options(ident, url, publisher, published)
    source: Source = read_source(path)
    seeds = root / "seeds"
    if seeds.is_symlink():
        raise Refused("seeds/ is a symbolic link; refusing to write through it")
    twin = _already_added(seeds, source.raw)
    if twin is not None:
        raise Refused(f"{source.name} is already in seeds/ as {twin}")
    ident = ident or next_id(seeds, source.raw)
    for suffix in (".txt", ".html", ".yaml"):
        if (seeds / f"{ident}{suffix}").exists() or (seeds / f"{ident}{suffix}").is_symlink():
            raise Refused(f"seed id '{ident}' is taken: seeds/{ident}{suffix} exists; choose another --id")
    lines = split_lines(source.text)
    chrome = find_chrome(lines)
    chrome_numbers = {c.line.number for c in chrome}
    repeats = find_repeats(lines, chrome_numbers)
    found = collect(lines, chrome_numbers, {r.line.number for r in repeats})
    value, basis = suggest(found, source.date)
    if published is not None:
        reasons = basis.removeprefix("Suggested: ")
        value, basis = published, f"Given with --published when the seed was added. From the text: {reasons}"[:1000]
    listed, left_out = [], []
    for item in chrome:
        text = item.line.text
        if len(text) > MAX_CHROME_LINE or UNWRITABLE.search(text) or len(listed) >= MAX_CHROME:
            left_out.append(item.line)
        elif text not in listed:
            listed.append(text)
    title = source.title if source.kind == "html" else headline(lines, chrome_numbers)
    meta = {
        "id": ident, "title": title, "title_source": "printed",
        "title_why": "the page's title" if source.kind == "html" else "the text's first line, a headline",
        "publisher": publisher or source.site_name,
        "publisher_why": "given with --publisher" if publisher else "the site name in the page's markup",
        "url": url or source.url,
        "url_why": "given with --url" if url else "the page's canonical address",
        "published": value, "published_basis": basis,
        "published_why": "given with --published" if published else "Suggested: confirm against published_basis",
        "language": source.language, "language_why": source.language_basis or "",
        "notes": _notes(left_out, repeats), "chrome": listed,
    }
    rel = f"seeds/{ident}.yaml"
    files = {f"seeds/{ident}.txt": source.text_bytes}
    if source.kind == "html":
        files[f"seeds/{ident}.html"] = source.raw
    files[rel] = loadable(rel, render_seed(meta, schema_folder(root))).encode("utf-8")
    written = write_all(root, files)
    resolved_against = parse(value) if value else None
    return {
        "id": ident,
        "files": written,
        "chrome": [{"line": c.line.number, "text": c.line.text, "rule": c.rule} for c in chrome],
        "repeats": [{"line": r.line.number, "repeats_line": r.first, "text": r.line.text} for r in repeats],
        "published_suggestion": {"value": value, "basis": basis},
        "date_evidence": evidence_items(found, resolved_against),
    }
