"""Paragraph lines to sentences, sentences to clauses, and the tense of a clause.

Sentences end at . ! or ? (with any closing quotes) before a space and a capital, digit or opening
quote, unless the word before the stop is a known abbreviation or an initial. Two patterns of
run-together pull quotes also end a sentence: a closing quote followed directly by an opening
quote or a capital (`...bridge."Residents`), and an opening quote glued to the word before it
(`the mayor"[Such`). No sentence ends inside an editor's [square brackets]. Clauses are the
stretches between commas, semicolons, colons, dashes and the words "that", "which" and "who";
tense is read from the clause a date phrase sits in, and a date in a relative clause ("which",
"who", "where") is taken to date something other than the sentence's main happening.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .chrome import Line

ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen lt col sgt capt maj adm prof sen rep gov pres jr sr vs etc no nos fig approx "
    "jan feb mar apr jun jul aug sep sept oct nov dec mt ft inc ltd co corp dept univ".split())
_STOP = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_GLUED_CLOSE = re.compile(r"[.!?][\"”](?=[\"“]|[A-Z])")
_GLUED_OPEN = re.compile(r"(?<=[A-Za-z0-9])(?=[\"“](?:\[|[A-Z]))")
_WORD_BEFORE = re.compile(r"(?:^|[\s(\"“])((?:[A-Za-z]\.)+[A-Za-z]?|[A-Za-z]+)\.$")
_CLAUSE_MARK = re.compile(r"[,;:—–]|\s-\s|\b(?:that|which|who)\b")
FUTURE = re.compile(
    r"\b(?:will|shall|won[’']t|(?:is|are|was|were)?\s*expected to|(?:is|are)\s+set\s+(?:\w+ly\s+)?to|plans? to"
    r"|planning to|(?:expects?|hopes?|intends?|aims?) to|(?:is|are) due to|(?:is|are) scheduled to|going to|upcoming"
    r"|(?:is|are) to be)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    line: int   # line number in the seed text
    start: int  # offset of its first character in the seed text
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _is_abbreviation(text_before_stop: str) -> bool:
    match = _WORD_BEFORE.search(text_before_stop)
    if match is None:
        return False
    word = match.group(1)
    return "." in word or (len(word) == 1 and word.isupper()) or word.lower() in ABBREVIATIONS


def split_sentences(line: Line) -> list[Sentence]:
    text = line.text
    cuts = set()
    for match in _STOP.finditer(text):
        stop = match.start()
        if text[stop] == "." and _is_abbreviation(text[:stop + 1]):
            continue
        cuts.add(match.end())
    cuts.update(m.end() for m in _GLUED_CLOSE.finditer(text))
    cuts.update(m.start() for m in _GLUED_OPEN.finditer(text))
    # An editor's bracketed insertion ("[... in the war. But]") belongs to the sentence around it.
    cuts = {cut for cut in cuts if text.count("[", 0, cut) <= text.count("]", 0, cut)}
    sentences, begin = [], 0
    for cut in sorted(cuts | {len(text)}):
        piece = text[begin:cut]
        stripped = piece.strip()
        if stripped:
            offset = begin + (len(piece) - len(piece.lstrip()))
            sentences.append(Sentence(line.number, line.start + offset, stripped))
        begin = cut
    return sentences


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause of `text` that holds text[start:end]."""
    left, right = 0, len(text)
    for match in _CLAUSE_MARK.finditer(text):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.start()
            break
    return left, right


def is_future(text: str, start: int, end: int) -> bool:
    """Whether the clause around text[start:end] speaks of what is still to come."""
    left, right = clause(text, start, end)
    return FUTURE.search(text, left, right) is not None


def in_relative_clause(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] sits in a 'which/who/where ...' clause: it dates something else, not the
    sentence's main happening ("moved the ferry to the east quay, which the council had closed last year")."""
    left, _ = clause(text, start, end)
    return re.search(r"\b(?:which|who|whom|whose|where)\s*$", text[:left]) is not None
