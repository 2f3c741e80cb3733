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
    """The (start, end) spans of `text` (NFC) that the quote covers after normalisation, overlaps merged.

    Linear in the length of the text whatever the quote: a quote of "aaaaaaaaaa" in a page of
    "a"s matches at every position, so matches are walked in runs one period of the quote apart
    rather than one by one. Pass `normalised=normalise_with_map(text)` when searching one text for many quotes.
    """
    needle = normalise(quote)
    if not needle:
        return []
    haystack, where = normalised or normalise_with_map(text)
    length, period = len(needle), _period(needle)
    tail = needle[length - period:]
    merged: list[list[int]] = []
    found = haystack.find(needle)
    while found != -1:
        first = found
        # The next match one period on needs only the period's new characters to be compared.
        while haystack.startswith(tail, found + length):
            found += period
        if merged and first <= merged[-1][1]:
            merged[-1][1] = found + length
        else:
            merged.append([first, found + length])
        # No match can start less than (length - period) after a run's last one without extending that run.
        found = haystack.find(needle, found + length - period + 1)
    return [(where[start], where[end - 1] + 1) for start, end in merged]


def _period(text: str) -> int:
    """The smallest p such that text[i] == text[i + p] everywhere (Knuth-Morris-Pratt failure function)."""
    border = [0] * len(text)
    k = 0
    for i in range(1, len(text)):
        while k and text[i] != text[k]:
            k = border[k - 1]
        if text[i] == text[k]:
            k += 1
        border[i] = k
    return len(text) - border[-1]


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
