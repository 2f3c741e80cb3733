"""Finding date phrases in a sentence and resolving them against a publication date.

The rules themselves, in order, are in table.py. A phrase of kind 'day' is resolved against the
publication day; when `published` is an interval, against its first and its last day, and the
result runs from the start of the one to the end of the other (see resolve.py for why that hull
is exact). Phrases that cannot be resolved say why; nothing is ever filled in from today.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..dates import DateError, EDTFDate, parse
from . import resolve as r
from .resolve import Span, Unresolvable
from .table import RULES, Rule


@dataclass(frozen=True)
class Phrase:
    """One date phrase of a sentence; start/end are offsets in that sentence."""

    text: str
    start: int
    end: int
    rule: Rule
    future: bool
    groups: dict = field(compare=False)


SINCE = re.compile(r"\bsince\b", re.IGNORECASE)


def find_phrases(text: str, future_at: Callable[[int, int], bool]) -> list[Phrase]:
    """Every date phrase of `text`, in reading order; `future_at(start, end)` gives the tense there."""
    taken: list[tuple[int, int]] = []
    found = []
    for rule in RULES:
        for match in rule.pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            words = match.group().rstrip(".")  # "a day following Mr. X's revelation." ends with the sentence
            end = start + len(words)
            taken.append((start, end))
            found.append(Phrase(words, start, end, rule, future_at(start, end), match.groupdict()))
    return sorted(found, key=lambda p: p.start)


def span_of(phrase: Phrase, published: EDTFDate | None) -> Span:
    """The phrase's span, or Unresolvable saying why not."""
    rule = phrase.rule
    if rule.kind == "unresolved":
        raise Unresolvable(rule.meaning)
    if rule.kind == "absolute":
        return rule.resolve(phrase.groups)
    if rule.kind == "day" and phrase.groups.get("year"):
        return rule.resolve(phrase.groups, None, phrase.future)  # a range that gives its own year
    if published is None:
        raise Unresolvable("needs the seed's publication date")
    if rule.kind == "publication":
        return rule.resolve(phrase.groups, published)
    first = published.start.lower() if published.start is not None else None
    last = published.end.upper() if published.end is not None else None
    span = r.hull(rule.resolve(phrase.groups, first, phrase.future) if first else None,
                  rule.resolve(phrase.groups, last, phrase.future) if last else None)
    return r.qualify(span, published)


def resolve(phrase: Phrase, published: EDTFDate | None) -> tuple[str | None, str]:
    """(EDTF, how) for a phrase, or (None, why not); every EDTF returned parses with dates.parse."""
    try:
        text = r.edtf(span_of(phrase, published))
        parse(text)
    except (Unresolvable, DateError) as exc:
        return None, str(exc)
    return text, phrase.rule.meaning


def since(text: str, phrase: Phrase, published: EDTFDate | None) -> tuple[str, str | None] | None:
    """'since <date>' in the phrase's clause: (the words from 'since', the interval from that date to publication)."""
    before = list(SINCE.finditer(text, 0, phrase.start))
    if not before or phrase.rule.kind not in ("absolute", "day") or published is None or published.end is None:
        return None
    words = text[before[-1].start():phrase.end]
    if re.search(r"[,;:.]", words):
        return None
    try:
        start = span_of(phrase, published)[0]
        value = r.edtf((start, published.end))
        parse(value)
    except (Unresolvable, DateError):
        return words, None
    return words, value
