"""A strict YAML loader for contributor files.

Every scalar becomes a string (plain `null`, `~` and empty values become None);
the JSON Schemas give types. Values are built straight from libyaml's parser
events, which are produced iteratively, so hostile nesting cannot crash the
process and anchors, aliases, tags and duplicate keys are seen as they come.
Line and column of every node are worked out again only when a finding needs
them, so files that turn out valid cost little more than a bare parse.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from sys import intern
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from .findings import ERROR, Finding

MAX_BYTES = 64 * 1024
MAX_DEPTH = 8
MAX_INTERNED = 80  # scalars up to this length are interned: field names, ids, dates, short labels
MAX_FINDINGS_PER_KIND = 20
_INVALID_KEY = object()
NULLS = frozenset(("", "~", "null", "Null", "NULL"))

# libyaml's loader when PyYAML was built with it; the pure-Python one is as safe, only slower.
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StrictLoader(_BaseLoader):
    """Safe loader that never constructs Python objects from tags; used only for parsing."""


# Characters that have no business in a data file: C0/C1 controls (tab included,
# YAML forbids it for indentation and it hides in values), bidirectional controls
# (Trojan Source), zero-width and invisible format characters, line separators,
# and the code points HTML and XML do not allow at all: noncharacters (U+FDD0-FDEF
# and the last two of every plane) and surrogates. A noncharacter in a title once
# made a page's front matter unreadable, so MkDocs published it as Markdown.
# Also: the combining grapheme joiner, Hangul fillers, Mongolian variation selectors, deprecated
# format characters (U+206A-206F), interlinear annotation marks, variation selectors other than
# the two emoji take (U+FE0E/FE0F), and Unicode tag characters, which can carry a whole hidden ASCII text.
_INVISIBLE = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028\u2029"
              "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0d\ufeff\uffa0\ufff9-\ufffb"
              "\U000e0000-\U000e007f\U000e0100-\U000e01ef")
_IS_INVISIBLE = re.compile(f"[{_INVISIBLE}]")
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(plane * 0x10000 + 0xfffe)}{chr(plane * 0x10000 + 0xffff)}"
                                          for plane in range(17))
_NOT_TEXT = f"{_INVISIBLE}{_NONCHARACTERS}\ud800-\udfff"
_FORBIDDEN = re.compile(f"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f{_NOT_TEXT}]|\r(?!\n)")
# Inside a double-quoted value, escapes can spell any of these, and a line feed is the only control allowed.
_FORBIDDEN_IN_VALUE = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_NOT_TEXT}]")
# Seed documents are kept byte for byte, so they may hold tabs and CR LF line ends; nothing else above.
FORBIDDEN_IN_SEED = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                               f"\u2066-\u206f\u2028\u2029\ufeff\ufff9-\ufffb\U000e0000-\U000e007f"
                               f"{_NONCHARACTERS}\ud800-\udfff]|\r(?!\n)")

_NAMES = {"\t": "tab", "\r": "carriage return without line feed", "\x00": "NUL byte",
          "\ufeff": "byte order mark / zero-width no-break space", "\u00ad": "soft hyphen"}


def describe_char(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if char in _NAMES:
        return f"{_NAMES[char]} ({code})"
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069" or char in "\u061c\u200e\u200f":
        return f"bidirectional control character {code}"
    if _IS_INVISIBLE.fullmatch(char):
        return f"invisible character {code}"
    if char in "\u2028\u2029":
        return f"line/paragraph separator {code}"
    if "\ufdd0" <= char <= "\ufdef" or (ord(char) & 0xfffe) == 0xfffe:
        return f"Unicode noncharacter {code}"
    if "\ud800" <= char <= "\udfff":
        return f"lone surrogate {code}"
    return f"control character {code}"


@dataclass(slots=True)
class Document:
    """One loaded file: its data (None when unusable) and what loading found."""

    path: Path
    rel: str
    text: str | None = None  # None once a file read from disk is parsed: it is read again if a finding needs a line
    data: Any = None
    findings: list[Finding] = field(default_factory=list)
    _positions: dict | None = field(default=None, repr=False)
    on_disk: bool = field(default=False, repr=False)
    limit: int = field(default=MAX_BYTES, repr=False)  # the size it was read with, to read it again
    first_line: str | None = None  # once the file is known to be text

    @property
    def usable(self) -> bool:
        return self.data is not None

    def finding(self, line: int, col: int, code: str, message: str, severity: str = ERROR) -> Finding:
        found = Finding(self.rel, line, col, severity, code, message)
        self.findings.append(found)
        return found

    def at(self, path: tuple, code: str, message: str, *, key: bool = False, severity: str = ERROR) -> Finding:
        """Record a finding at the node that `path` leads to (its key with key=True)."""
        line, col = self.position(path, key=key)
        return self.finding(line, col, code, message, severity)

    def _source(self) -> str:
        if self.text is None and self.on_disk:
            try:
                return read_regular_file(self.path, self.limit).decode("utf-8", "replace")
            except (OSError, TooLarge):  # changed since it was read: positions fall back to the file's start
                return ""
        return self.text or ""

    def position(self, path: tuple, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the node at `path`, or of its nearest ancestor."""
        if self._positions is None:
            self._positions = _positions(self._source())
        path = tuple(path)
        while path:
            marks = self._positions.get(path)
            if marks is not None:
                return marks[0] if key and marks[0] else marks[1]
            path = path[:-1]
        return self._positions.get((), (None, (1, 1)))[1]


def _line_col(data: bytes | str, index: int) -> tuple[int, int]:
    if isinstance(data, bytes):
        line, start = data.count(b"\n", 0, index) + 1, data.rfind(b"\n", 0, index) + 1
    else:
        line, start = data.count("\n", 0, index) + 1, data.rfind("\n", 0, index) + 1
    return line, index - start + 1


class TooLarge(Exception):
    def __init__(self, size: int):
        super().__init__(size)
        self.size = size


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, never following a symbolic link at the last step.

    Raises OSError when it cannot be read and TooLarge (with the size) when it is over the limit, unread.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        if info.st_size > limit:
            raise TooLarge(info.st_size)
        return handle.read(limit + 1)


def load(path: Path, rel: str, *, limit: int = MAX_BYTES) -> Document:
    """Read and parse one file of at most `limit` bytes; problems become findings, never exceptions."""
    doc = Document(path, rel)
    try:
        raw = read_regular_file(path, limit)
    except TooLarge as exc:
        doc.finding(1, 1, "file-too-large", f"file is {exc.size:,} bytes; the limit is {limit:,}")
        return doc
    except OSError as exc:
        doc.finding(1, 1, "unreadable", f"cannot read file: {exc.strerror}")
        return doc
    parse_bytes(raw, doc, limit=limit)
    # Most files never need a line number again: keep the parsed values, not a second copy of the text.
    doc.on_disk, doc.text, doc.limit = True, None, limit
    return doc


def parse_bytes(raw: bytes, doc: Document, *, limit: int = MAX_BYTES) -> Document:
    if len(raw) > limit:
        doc.finding(1, 1, "file-too-large", f"file is {len(raw):,} bytes; the limit is {limit:,}")
        return doc
    if not raw.strip():
        doc.finding(1, 1, "empty-file", "file is empty; expected a YAML mapping")
        return doc
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:2]:
        doc.finding(1, 1, "encoding", "file looks like UTF-16; save it as UTF-8")
        return doc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw, exc.start)
        doc.finding(line, col, "encoding", f"invalid UTF-8 byte 0x{raw[exc.start]:02x}; save the file as UTF-8")
        return doc
    bad = 0
    for match in _FORBIDDEN.finditer(text):
        bad += 1
        if bad <= MAX_FINDINGS_PER_KIND:
            line, col = _line_col(text, match.start())
            doc.finding(line, col, "forbidden-character",
                        f"{describe_char(match.group()[0])} is not allowed; use spaces and visible characters only")
    if bad:
        return doc
    doc.text = text
    doc.first_line = text.split("\n", 1)[0].rstrip("\r")
    _build(text, doc)
    return doc


def _events(text: str) -> Iterator[Any]:
    """libyaml's parser events for `text`, asked for straight from the parser: yaml.parse wraps each
    in a Python generator step and a second call, a third of the cost of reading a valid file."""
    return iter(StrictLoader(text).get_event, None)


def _mark(event) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


def _build(text: str, doc: Document) -> None:
    """Turn parser events into dicts, lists, strings and None, refusing what YAML should not do here."""
    stack: list[list] = []  # frames: [container, pending_key]
    root: Any = None
    documents = 0
    depth = 0
    aliases: set[str] = set()
    try:
        event: Any  # libyaml's parser events; each kind has its own attributes
        for event in _events(text):
            kind = type(event)
            if kind is ScalarEvent:
                if event.anchor is not None or event.tag is not None:
                    _refuse_decoration(doc, event)
                value = event.value
                if len(value) <= MAX_INTERNED:  # keys, ids and dates recur in every file: keep one copy of each
                    value = intern(value)
                if not event.style:  # plain: '' from libyaml, None from the pure-Python parser
                    if value in NULLS:
                        value = None
                elif event.style == '"':
                    match = _FORBIDDEN_IN_VALUE.search(value)
                    if match is not None:
                        doc.finding(*_mark(event), "forbidden-character",
                                    f"escaped {describe_char(match.group())} is not allowed in a value")
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None or event.tag is not None:
                    _refuse_decoration(doc, event)
                depth += 1
                if depth > MAX_DEPTH:
                    doc.finding(*_mark(event), "too-deep", f"nesting deeper than {MAX_DEPTH} levels is not allowed")
                    doc.data = None
                    return
                stack.append([{} if kind is MappingStartEvent else [], None, event])
                continue
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                depth -= 1
                value, _, event = stack.pop()  # marks below point at where the container began
            elif kind is AliasEvent:
                if event.anchor not in aliases:  # once per name: a "billion laughs" file repeats them
                    aliases.add(event.anchor)
                    doc.finding(*_mark(event), "alias", f"alias '*{event.anchor}' is not allowed; write the value out in full")
                value = None
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    doc.finding(*_mark(event), "several-documents",
                                "a file holds exactly one YAML document; remove the '---' separator and what follows")
                    break
                continue
            else:
                continue
            if not stack:
                root = value
                continue
            frame = stack[-1]
            container = frame[0]
            if type(container) is list:
                container.append(value)
            elif frame[1] is None:
                if type(value) is not str:
                    doc.finding(*_mark(event), "non-string-key", "keys must be plain text")
                    value = _INVALID_KEY  # its value is read and dropped: the finding above says it all
                elif value == "<<" and not event.style:
                    doc.finding(*_mark(event), "merge-key", "merge keys ('<<') are not allowed; write the fields out")
                elif value in container:
                    first = doc.position(tuple(_path(stack)) + (value,), key=True)[0]
                    doc.finding(*_mark(event), "duplicate-key",
                                f"duplicate key '{value}' (first at line {first}); keep one")
                frame[1] = value
            else:
                if frame[1] is not _INVALID_KEY:
                    container[frame[1]] = value
                frame[1] = None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        lines = text.split("\n")
        if line > len(lines) or (line == len(lines) and not lines[-1]):
            # libyaml reports a truncated file at the line after its end: point at the last real character.
            line = len(lines) - 1 if len(lines) > 1 and not lines[-1] else len(lines)
            col = len(lines[line - 1]) + 1
        doc.finding(line, col, "yaml-syntax", f"{exc.problem or exc.context}".strip())
        return
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml reports marks for all it raises
        doc.finding(1, 1, "yaml-syntax", str(exc).splitlines()[0])
        return
    if documents == 0 or root is None:
        doc.finding(1, 1, "empty-file", "file holds no data; expected a YAML mapping")
    elif type(root) is not dict:
        doc.finding(1, 1, "not-a-mapping", f"the file must be a mapping of field names to values, not a {_kind(root)}")
    else:
        doc.data = root


def _path(stack: list[list]) -> list:
    """Path to the container at the top of the stack, from the frames' pending keys."""
    path = []
    for parent in stack[:-1]:
        container, key = parent[0], parent[1]
        path.append(key if type(container) is dict else len(container))
    return path


def _refuse_decoration(doc: Document, event) -> None:
    if event.anchor is not None:
        doc.finding(*_mark(event), "anchor", f"anchor '&{event.anchor}' is not allowed; write values out in full")
    if event.tag is not None:
        doc.finding(*_mark(event), "tag", f"explicit tag '{event.tag}' is not allowed; values are typed by the schema")


def _kind(value: Any) -> str:
    return {dict: "mapping", list: "list", str: "text", type(None): "null"}.get(type(value), type(value).__name__)


def _positions(text: str) -> dict[tuple, tuple]:
    """Map each node's path to (key mark or None, value mark); the first of duplicate keys wins."""
    positions: dict[tuple, tuple] = {(): (None, (1, 1))}
    stack: list[list] = []  # frames: [is_mapping, path, pending key, key mark, next index]
    try:
        event: Any  # libyaml's parser events; each kind has its own attributes
        for event in _events(text):
            kind = type(event)
            if kind in (MappingEndEvent, SequenceEndEvent):
                stack.pop()
                continue
            if kind not in (ScalarEvent, MappingStartEvent, SequenceStartEvent, AliasEvent):
                continue
            mark = _mark(event)
            if not stack:
                path = ()
            else:
                frame = stack[-1]
                if frame[0]:
                    if frame[2] is None:
                        frame[2] = event.value if kind is ScalarEvent else "?"
                        frame[3] = mark
                        if kind is MappingStartEvent or kind is SequenceStartEvent:
                            # A complex key (refused by the loader): walk it without recording positions.
                            stack.append([kind is MappingStartEvent, frame[1] + ("?",), None, None, 0])
                        continue
                    path = frame[1] + (frame[2],)
                    positions.setdefault(path, (frame[3], mark))
                    frame[2] = None
                else:
                    path = frame[1] + (frame[4],)
                    frame[4] += 1
                    positions.setdefault(path, (None, mark))
            if kind is MappingStartEvent:
                stack.append([True, path, None, None, 0])
            elif kind is SequenceStartEvent:
                stack.append([False, path, None, None, 0])
            if len(stack) > MAX_DEPTH + 1:
                break
    except yaml.YAMLError:
        pass
    return positions
