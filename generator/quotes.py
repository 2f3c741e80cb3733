"""Quotes are checked against their seed after a few agreed normalisations.

Unicode NFC, runs of whitespace to one space, curly quotes and apostrophes to
straight ones, en and em dashes to '-'. Nothing else: a quote that needs more
than this to match is not verbatim.
"""

from __future__ import annotations

import re
import unicodedata

_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2013": "-", "\u2014": "-",
})
_SPACE = re.compile(r"\s+")
ELISIONS = ("...", "\u2026")


def normalise(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(_TRANSLATE)).strip()


def normalise_with_map(text: str) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, the index it came from in `text`.

    `text` must already be NFC (seed pages show the NFC text), so indices stay exact.
    """
    out: list[str] = []
    where: list[int] = []
    in_space = False
    for index, char in enumerate(text):
        if char.isspace():
            if not in_space and out:
                out.append(" ")
                where.append(index)
            in_space = True
            continue
        in_space = False
        out.append(char.translate(_TRANSLATE))
        where.append(index)
    if out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def find_spans(quote: str, text: str, normalised: tuple[str, list[int]] | None = None) -> list[tuple[int, int]]:
    """Every (start, end) span of `text` (NFC) that the quote matches after normalisation.

    Pass `normalised=normalise_with_map(text)` when searching one text for many quotes.
    """
    needle = normalise(quote)
    haystack, where = normalised or normalise_with_map(text)
    spans, start = [], haystack.find(needle)
    while needle and start != -1:
        end = start + len(needle) - 1
        spans.append((where[start], where[end] + 1))
        start = haystack.find(needle, start + 1)
    return spans


def longest_matching_prefix(quote: str, normalised_text: str) -> int:
    """How many leading characters of the normalised quote occur in the text (for error hints)."""
    needle = normalise(quote)
    low, high = 0, len(needle)
    while low < high:
        mid = (low + high + 1) // 2
        if needle[:mid] in normalised_text:
            low = mid
        else:
            high = mid - 1
    return low
