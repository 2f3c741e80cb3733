"""Numbers with their nouns and qualifiers, and the metric of events/metrics.yaml they suggest.

A figure is a number written in digits ("1,500", "1.2 million") or words ("ten thousand", "two"),
or a range ("between X and Y", "X to Y"), not part of a date phrase, not a year, not a duration
(a number of hours, days, weeks, months or years) and not "one". Its qualifier comes from the
words just before it: nearly/almost/up to/as many as/no more than/fewer than/less than/under ->
at-most; over/more than/at least/upwards of/in excess of/exceeding/no fewer than -> at-least;
around/about/approximately/some/roughly/an estimated/close to -> approx; otherwise exact. Its noun
is the last word of the run of words that follows (skipping "of these/those/the"), leaving out
participles ("1,200 residents formed into" -> residents) and preferring the last plural ("300 boats
cross" -> boats). The metric suggested is the one whose label
and description share the most informative words with the figure's clause (words found in many
metrics count for little), among metrics whose unit the noun names; only the ten words either
side of it, within its clause, count. A tie suggests none.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .registry import Metric
from .sentences import clause

SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
WORDS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                    "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
WORDS.update({"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
              "ninety": 90, "hundred": 100, "a hundred": 100, "dozen": 12, "a dozen": 12})
_WORD = "|".join(sorted(WORDS, key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_ONE = rf"(?:{_DIGITS}|(?:{_WORD}))(?:\s+(?:thousand|million|billion))?"
NUMBER = re.compile(rf"(?<![\w.,-])(?:between\s+)?(?P<a>{_ONE})(?:\s*(?:-|–|to|and)\s*(?P<b>{_ONE}))?(?![\w-])",
                    re.IGNORECASE)
QUALIFIERS = (
    ("at-most", r"nearly|almost|up to|as many as|no more than|fewer than|less than|under|just under"),
    ("at-least", r"over|more than|at least|upwards of|in excess of|exceeding|no fewer than|above"),
    ("approx", r"around|about|approximately|some|roughly|an estimated|estimated|close to|circa"),
)
_QUALIFIER = [(name, re.compile(rf"\b(?:{words})\s*$", re.IGNORECASE)) for name, words in QUALIFIERS]
DURATIONS = re.compile(r"^\s*(?:hours?|days?|weeks?|months?|years?|decades?|centuries|minutes?|seconds?)\b",
                       re.IGNORECASE)
_STOP = frozenset("to of from in at for on by with into onto who that which were was have has had are is be been "
                  "being will would could may might and or but as than since sent while when where after before "
                  "per this these those its their his her our said the a an every each all any no".split())
_IRREGULAR = frozenset("people men women children personnel staff police cattle".split())
WINDOW = 10  # words either side of the figure, within its clause, that may suggest its metric
_FUNCTION = frozenset("the a an of to and or in on at for by with from as be is are was were have has had been "
                      "said that this those these there given yet not but already".split())


@dataclass
class Figure:
    text: str
    start: int
    end: int
    value: int | None
    range: tuple[int, int] | None
    qualifier: str
    qualifier_words: str | None
    noun: str | None
    metric: str | None = None
    metric_words: list[str] = field(default_factory=list)


def to_number(words: str) -> int | None:
    """'1,500' -> 1500, '1.2 million' -> 1200000, 'ten thousand' -> 10000; None for anything else."""
    parts = words.lower().split()
    scale = SCALES.get(parts[-1], 1) if len(parts) > 1 else 1
    head = " ".join(parts[:-1]) if scale != 1 else " ".join(parts)
    if head in WORDS:
        amount = WORDS[head]
    elif re.fullmatch(_DIGITS, head):
        amount = float(head.replace(",", ""))
    else:
        return None
    value = amount * scale
    return int(value) if value == int(value) else None


def _stem(word: str) -> str:
    return word.lower().strip("'’")[:5]


_NEXT_WORD = re.compile(r"\s+([A-Za-z][A-Za-z'’-]*)")


def _noun(text: str, at: int) -> tuple[str | None, int]:
    """The head noun after a number and where it ends: the last of up to five words before a stop word."""
    skip = re.compile(r"\s+of\s+(?:these|those|the|its|their|them)\b", re.IGNORECASE).match(text, at)
    position = skip.end() if skip else at
    words: list[tuple[str, int]] = []
    while len(words) < 5 and (match := _NEXT_WORD.match(text, position)) is not None:
        if match.group(1).lower() in _STOP:
            break
        word = match.group(1).rstrip("'’")  # "two countries’ treaty": the possessive mark is not the noun's
        words.append((word, match.start(1) + len(word)))
        position = match.end()
    while words and re.search(r"(?:ed|ing)$", words[-1][0]):
        words.pop()  # "1,200 residents formed into": the participle is not the noun
    if not words:
        return None, at
    # A count is followed by a plural: "1,200 residents cross", not the verb after it.
    plurals = [w for w in words if w[0].lower() in _IRREGULAR or re.search(r"[^su]s$", w[0].lower())]
    return plurals[-1] if plurals else words[-1]


def find_figures(text: str, masked: list[tuple[int, int]], metrics: list[Metric]) -> list[Figure]:
    figures = []
    for match in NUMBER.finditer(text):
        start, end = match.span()
        if any(start < e and s < end for s, e in masked) or DURATIONS.match(text[end:]):
            continue
        first, second = to_number(match["a"]), to_number(match["b"]) if match["b"] else None
        if first is None or (match["b"] and second is None):
            continue
        if match["a"].lower() in ("one", "zero") and second is None:
            continue
        if second is None and re.fullmatch(r"1[89]\d\d|20\d\d", match["a"]):
            continue  # a year the date table did not claim, not a count
        qualifier, words = "exact", None
        for name, pattern in _QUALIFIER:
            found = pattern.search(text, 0, start)
            if found is not None:
                qualifier, words = name, found.group().strip()
                start = found.start()
                break
        noun, noun_end = _noun(text, end)
        figure = Figure(text[start:max(end, noun_end)], start, max(end, noun_end),
                        None if second is not None else first, (first, second) if second is not None else None,
                        qualifier, words, noun)
        if second is not None and second < first:
            continue
        figure.metric, figure.metric_words = suggest_metric(text, figure, metrics)
        figures.append(figure)
    return figures


def suggest_metric(text: str, figure: Figure, metrics: list[Metric]) -> tuple[str | None, list[str]]:
    if figure.noun is None:
        return None, []
    noun = _stem(figure.noun)
    left, right = clause(text, figure.start, figure.end)
    words = (re.findall(r"[A-Za-z]+", text[left:figure.start])[-WINDOW:] + re.findall(r"[A-Za-z]+", figure.text)
             + re.findall(r"[A-Za-z]+", text[figure.end:right])[:WINDOW])
    context = {_stem(w) for w in words if w.lower() not in _FUNCTION}
    vocab = {m.id: {_stem(w) for w in re.findall(r"[A-Za-z]+", f"{m.label} {m.description}")
                    if w.lower() not in _FUNCTION} for m in metrics}
    frequency = {w: sum(w in words for words in vocab.values()) for words in vocab.values() for w in words}
    scores = []
    for metric in metrics:
        if noun not in {_stem(u) for u in (metric.unit, *metric.nouns)}:  # the site says which words count
            continue
        shared = sorted(vocab[metric.id] & context)
        score = sum(math.log(len(metrics) / frequency[w]) for w in shared)
        scores.append((score, metric.id, shared))
    scores.sort(reverse=True)
    if not scores or scores[0][0] <= 0 or (len(scores) > 1 and scores[1][0] == scores[0][0]):
        return None, []
    return scores[0][1], scores[0][2]
