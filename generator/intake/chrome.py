"""Page chrome and repeated paragraphs: the lines of a text that are not the article.

A line is chrome when, stripped of surrounding spaces, it matches one rule of CHROME_RULES in full
(letter case ignored). A line is a repeat when its text, after the quote rule's normalisations
(NFC, whitespace, curly quotes, dashes), equals an earlier line's: the later copies are repeats,
the first is kept as article text. Blank lines are neither. The About page lists these rules;
keep the two in step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..quotes import normalise

CHROME_RULES: tuple[tuple[str, str, str], ...] = (
    # (rule, what it catches, pattern matched against the whole stripped line)
    ("navigation", "skip links, home and post navigation",
     r"skip to (?:the )?(?:main )?(?:content|navigation)|back to top|(?:<<|«|‹)\s*home|home|menu|search"
     r"|(?:<<|«)?\s*(?:next|previous|older|newer) (?:post|posts|article|story)\s*(?:>>|»)?"),
    ("cross-link", "links to other pages",
     r"(?:read (?:also|more|next)|see also|related(?: articles| stories| posts| news)?|latest(?: news| posts)?"
     r"|most (?:read|popular|viewed)|trending(?: now)?|recommended(?: for you)?|you may also like"
     r"|more (?:from|on) .{1,60})\s*:?"),
    ("subscription", "subscription, newsletter and follow prompts",
     r"(?:subscribe|sign up|follow us|discover more from|newsletter)\b.{0,200}"),
    ("comments", "comment widgets",
     r"(?:\d+\s+)?comments?\s*:?|post a comment|leave a (?:comment|reply)|add (?:a )?comment|\d+\s+repl(?:y|ies)"),
    ("labels", "label, tag and category lists",
     r"(?:labels|tags|filed under|categories|topics)\s*:.{0,280}"),
    ("marker", "loaders, advertisement slots and end markers",
     r"loading(?:\.{3}|…)?|end of (?:the )?article|advertisement|story continues below(?: advertisement)?"),
    ("copyright", "copyright lines",
     r"(?:©|\(c\)|copyright\b).{0,200}|.{0,200}\ball rights reserved\.?"),
    ("share", "share buttons",
     r"share|tweet|email|e-mail|print|facebook|twitter|whatsapp|linkedin|telegram|reddit"),
    ("caption", "photo captions ending in a credit and a bar, as in \"... Reuters |\"",
     r".{1,296}\s\|"),
)
_COMPILED = tuple((name, re.compile(pattern, re.IGNORECASE)) for name, _, pattern in CHROME_RULES)


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, counted as str.splitlines() counts (the checker's chrome rule does the same)
    start: int   # offset of its first character in the text
    text: str    # without its line ending


@dataclass(frozen=True)
class Chrome:
    line: Line
    rule: str


@dataclass(frozen=True)
class Repeat:
    line: Line
    first: int  # number of the line it repeats


def split_lines(text: str) -> list[Line]:
    lines, offset = [], 0
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        body = raw.splitlines()[0] if raw.splitlines() else ""
        lines.append(Line(number, offset, body))
        offset += len(raw)
    return lines


def chrome_rule(text: str) -> str | None:
    """The name of the chrome rule a line matches, or None for article text."""
    stripped = text.strip()
    if not stripped:
        return None
    for name, pattern in _COMPILED:
        if pattern.fullmatch(stripped):
            return name
    return None


def find_chrome(lines: list[Line]) -> list[Chrome]:
    return [Chrome(line, rule) for line in lines if (rule := chrome_rule(line.text)) is not None]


def find_repeats(lines: list[Line], chrome: set[int]) -> list[Repeat]:
    """Later word-for-word copies of an earlier line; chrome lines are left to the chrome rules."""
    first: dict[str, int] = {}
    repeats = []
    for line in lines:
        key = normalise(line.text)
        if not key or line.number in chrome:
            continue
        if key in first:
            repeats.append(Repeat(line, first[key]))
        else:
            first[key] = line.number
    return repeats
