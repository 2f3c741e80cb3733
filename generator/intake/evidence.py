"""Publication-date evidence in a new text, and the `published` value it suggests.

Bounds, each with the words it rests on:
  - a date the page's markup gives (htmldate): publication on that day;
  - a date with its year in the past tense: publication not before its start;
  - a date with its year in the future tense: publication not after its end;
  - a relative phrase and a date with its year within 60 characters of each other in one sentence
    ("last week, on 12 March 2024"): publication on the days for which the phrase means a time
    that contains the date (found by trying every day within 800 days of it).
The suggestion is the latest lower bound to the earliest upper bound: a day, an interval, an open
interval, or nothing when the text gives no bound (or bounds that contradict each other).
Chrome lines and repeated paragraphs are listed but give no bound.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..dates import DateError, EDTFDate, Point, parse
from . import resolve as r
from .chrome import Line
from .phrases import Phrase, find_phrases, resolve, span_of
from .sentences import Sentence, is_future, split_sentences

NEAR = 60
SEARCH_DAYS = 800


@dataclass(frozen=True)
class Bound:
    low: Point | None
    high: Point | None
    why: str


@dataclass(frozen=True)
class Found:
    sentence: Sentence
    phrase: Phrase
    in_chrome: bool


def collect(lines: list[Line], chrome: set[int], repeats: set[int]) -> list[Found]:
    found = []
    for line in lines:
        if line.number in repeats:
            continue
        for sentence in split_sentences(line):
            text = sentence.text
            for phrase in find_phrases(text, lambda s, e, t=text: is_future(t, s, e)):
                found.append(Found(sentence, phrase, line.number in chrome))
    return found


def _quoted(found: Found) -> str:
    return f"line {found.sentence.line}: '{found.phrase.text}'"


def _span(found: Found):
    try:
        return span_of(found.phrase, None)
    except r.Unresolvable:
        return None


def _inverted(relative: Found, absolute: Found) -> Bound | None:
    """Publication days for which the relative phrase means a time containing the absolute date."""
    start, end = _span(absolute)
    if start is None or end is None:
        return None
    first, last = start.lower(), end.upper()
    days = []
    for offset in range(-SEARCH_DAYS, SEARCH_DAYS + (last - first).days + 1):
        day = first + dt.timedelta(days=offset)
        try:
            low, high = relative.phrase.rule.resolve(relative.phrase.groups, day, relative.phrase.future)
        except r.Unresolvable:
            continue
        if (low is None or low.lower() <= first) and (high is None or high.upper() >= last):
            days.append(day)
    if not days:
        return None
    return Bound(r.day(days[0]), r.day(days[-1]),
                 f"{_quoted(relative)} with '{absolute.phrase.text}' puts it "
                 f"between {days[0].isoformat()} and {days[-1].isoformat()}")


def bounds(found: list[Found], page_date: str | None) -> list[Bound]:
    result = []
    if page_date:
        point = parse(page_date).start
        result.append(Bound(point, point, f"the page's markup dates it {page_date} (found by htmldate)"))
    usable = [f for f in found if not f.in_chrome]
    for item in usable:
        if item.phrase.rule.kind != "absolute" or (span := _span(item)) is None:
            continue
        if item.phrase.future:
            result.append(Bound(None, span[1], f"{_quoted(item)} is still to come"))
        else:
            result.append(Bound(span[0], None, f"{_quoted(item)} is in the past tense"))
    for relative in usable:
        if relative.phrase.rule.kind != "day" or relative.phrase.groups.get("year"):
            continue
        for absolute in usable:
            if (absolute.sentence is relative.sentence and absolute.phrase.rule.kind == "absolute"
                    and _gap(relative.phrase, absolute.phrase) <= NEAR):
                bound = _inverted(relative, absolute)
                if bound is not None:
                    result.append(bound)
    return result


def _gap(a: Phrase, b: Phrase) -> int:
    return max(a.start, b.start) - min(a.end, b.end)


def suggest(found: list[Found], page_date: str | None) -> tuple[str | None, str]:
    """(EDTF or None, a basis sentence starting 'Suggested:') from the evidence."""
    all_bounds = bounds(found, page_date)
    lows = [b for b in all_bounds if b.low is not None]
    highs = [b for b in all_bounds if b.high is not None]
    low = max(lows, key=lambda b: b.low.lower(), default=None)
    high = min(highs, key=lambda b: b.high.upper(), default=None)
    relative = sorted({f.phrase.text for f in found if f.phrase.rule.kind in ("day", "publication")
                       and not f.in_chrome})
    tail = (f" Phrases read against the publication date: {', '.join(relative[:8])}." if relative else "")
    if low is None and high is None:
        return None, ("Suggested: nothing; the text gives no date with its year, and no page markup dates it. "
                      "Give the date with --published or write it here, with the evidence." + tail)[:1000]
    if low is not None and high is not None and low.low.lower() > high.high.upper():
        return None, (f"Suggested: nothing; the evidence contradicts itself: {low.why}, but {high.why}.")[:1000]
    value = r.edtf((low.low if low else None, high.high if high else None))
    try:
        parse(value)
    except DateError:
        return None, "Suggested: nothing; the bounds found do not make a valid date." + tail
    reasons = [b.why for b in dict.fromkeys(x for x in (low, high) if x is not None)]
    return value, (f"Suggested: {'; '.join(reasons)}. Confirm before relying on it." + tail)[:1000]


def evidence_items(found: list[Found], published: EDTFDate | None) -> list[dict]:
    """The --format json 'date_evidence' list; relative phrases resolved against `published` when known."""
    items = []
    for item in found:
        value, how = resolve(item.phrase, published)
        items.append({"line": item.sentence.line, "text": item.phrase.text, "resolves_to": value,
                      "rule": item.phrase.rule.name, "tense": "future" if item.phrase.future else "past",
                      "in_chrome": item.in_chrome, **({} if value else {"why_not": how})})
    return items
