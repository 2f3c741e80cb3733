"""A seed's article text to candidate events, one per sentence that carries a datable happening
or an attributed claim.

The article text is every line that is neither chrome (the seed metadata's `chrome` list, or the
chrome rules when it has none) nor a later copy of a repeated paragraph. A sentence becomes a
candidate when it holds a date phrase (resolved or not), a claimant cue or a status hint. Its
date is the first date phrase in reading order that resolves ("since X" counting from the word
"since"), leaving out phrases in a which/who clause, which date something else; a sentence with
no such phrase is dated no later than publication, as the About page's rule for undated
statements says. Every phrase is still listed under `dates`, the main one first.
"""

from __future__ import annotations

import re
from dataclasses import asdict

from ..dates import DateError, EDTFDate, parse
from ..quotes import ELISIONS
from .attribution import find_claims, find_mentions, mention_pattern, status_hint
from .chrome import Line, find_chrome, find_repeats, split_lines
from .drafts import UNWRITABLE
from .figures import find_figures
from .phrases import find_phrases, resolve, since
from .registry import Registry
from .sentences import Sentence, clause, in_relative_clause, is_future, split_sentences

MAX_QUOTE = 600
MIN_QUOTE = 10
MAX_ID = 80
# A quote stops at what the YAML loader refuses in a value and at an elision, which the quote rule refuses.
_BREAKS = re.compile(UNWRITABLE.pattern + "|" + "|".join(re.escape(e) for e in ELISIONS))


def article_lines(text: str, chrome: tuple[str, ...] | None) -> tuple[list[Line], set[int], dict[int, int]]:
    """All lines, the numbers of chrome lines, and repeated line -> the line it repeats."""
    lines = split_lines(text)
    if chrome is None:
        chrome_numbers = {c.line.number for c in find_chrome(lines)}
    else:
        listed = set(chrome)
        chrome_numbers = {line.number for line in lines if line.text in listed}
    repeats = {r.line.number: r.first for r in find_repeats(lines, chrome_numbers)}
    return lines, chrome_numbers, repeats


def slug(text: str) -> str:
    ascii_text = text.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def _quote(sentence: Sentence, anchor: int) -> tuple[str, int]:
    """The longest stretch of the sentence around `anchor` that a quote may hold, and its offset."""
    text = sentence.text.replace("\t", " ")  # the quote rule folds whitespace; the loader refuses tabs
    pieces, begin = [], 0
    for match in _BREAKS.finditer(text):
        pieces.append((begin, match.start()))
        begin = match.end()
    pieces.append((begin, len(text)))
    start, end = next(((s, e) for s, e in pieces if s <= anchor <= e), max(pieces, key=lambda p: p[1] - p[0]))
    if end - start > MAX_QUOTE:  # the clause around the anchor, cut at the limit if even that is too long
        left, right = clause(text, max(anchor, start), max(anchor, start) + 1)
        start, end = max(start, left), min(end, right if right - left <= MAX_QUOTE else left + MAX_QUOTE)
    words = text[start:end]
    stripped = words.strip(" ,;:")
    offset = start + (len(words) - len(words.lstrip(" ,;:")))
    return stripped, offset


def _undated(published: EDTFDate | None) -> str | None:
    if published is None or published.end is None:
        return None
    return f"../{published.end.edtf()}"


def candidate_id(date: str | None, quote: str, taken: set[str]) -> str:
    prefix = "undated"
    if date:
        known = parse(date).known
        prefix = str(known.year) if known.season is not None else known.edtf().rstrip("~?%")
    words = "-".join(slug(quote).split("-")[:8])
    base = f"{prefix}-{words}"[:MAX_ID - 3].rstrip("-")
    ident, number = base, 2
    while ident in taken:
        ident, number = f"{base}-{number}", number + 1
    taken.add(ident)
    return ident


def extract(seed_id: str, text: str, published_text: str | None, chrome: tuple[str, ...] | None,
            registry: Registry) -> tuple[list[dict], list[str]]:
    """Candidates of one seed as plain dicts (the --format json shape), and notes for the editor."""
    notes = []
    published = None
    if published_text is not None:
        try:
            published = parse(published_text)
        except DateError as exc:
            notes.append(f"seeds/{seed_id}.yaml: published {exc}; relative phrases are left unresolved")
    else:
        notes.append(f"seeds/{seed_id}.yaml gives no published date; relative phrases are left unresolved")
    pattern, owner = mention_pattern(registry.actors)
    lines, chrome_numbers, repeats = article_lines(text, chrome)
    candidates, taken = [], set()
    for line in lines:
        if line.number in chrome_numbers or line.number in repeats:
            continue
        for sentence in split_sentences(line):
            found = _candidate(seed_id, sentence, published, registry, pattern, owner, taken)
            if found is not None:
                candidates.append(found)
    return candidates, notes


def _candidate(seed_id, sentence, published, registry, pattern, owner, taken) -> dict | None:
    text = sentence.text
    phrases = find_phrases(text, lambda s, e: is_future(text, s, e))
    dates, unresolved = [], []
    for phrase in phrases:
        value, how = resolve(phrase, published)
        words = since(text, phrase, published)
        if words is not None and words[1] is not None:
            at = text.rindex(words[0], 0, phrase.end)
            dates.append({"text": words[0], "resolves_to": words[1], "rule": "since",
                          "how": "from that date to publication", "at": at})
        if value is not None:
            dates.append({"text": phrase.text, "resolves_to": value, "rule": phrase.rule.name, "how": how,
                          "at": phrase.start})
        else:
            unresolved.append({"line": sentence.line, "text": phrase.text, "rule": phrase.rule.name, "why": how})
    dates.sort(key=lambda d: d["at"])
    mentions = find_mentions(text, pattern, owner)
    claims = find_claims(text, mentions)
    status, cues = status_hint(text)
    if not (dates or unresolved or claims or status):
        return None
    main = [d for d in dates if not in_relative_clause(text, d["at"], d["at"] + len(d["text"]))]
    primary = main[0] if main else None
    ordered = ([primary] if primary else []) + [d for d in dates if d is not primary]
    # the quote is the sentence; only when it must be cut does it keep the part around the main date or cue
    anchor = ordered[0]["at"] if ordered else (text.find(claims[0].text) if claims else 0)
    quote, offset = _quote(sentence, max(anchor, 0))
    if len(quote) < MIN_QUOTE:
        return None
    figures = find_figures(text, [(p.start, p.end) for p in phrases], registry.metrics)
    claimants = [c.actor for c in claims]
    date = primary["resolves_to"] if primary else _undated(published)
    figure_list = []
    for figure in figures:
        entry = asdict(figure)
        entry["range"] = list(figure.range) if figure.range else None
        entry["claimed_by"] = claimants
        figure_list.append(entry)
    return {
        "id": candidate_id(date, quote, taken),
        "seed": seed_id,
        "line": sentence.line,
        "start": sentence.start + offset,
        "end": sentence.start + offset + len(quote),
        "quote": quote,
        "date": date,
        "date_text": primary["text"] if primary else None,
        "date_basis": (f"{primary['rule']}: {primary['how']}" if primary else
                       "no date phrase resolves: dated no later than publication" if date else
                       "no date phrase resolves and the publication date is not known"),
        "dates": [{k: v for k, v in d.items() if k != "at"} for d in ordered],
        "figures": figure_list,
        "actors": {"claimant": claimants,
                   "mentioned": [a for a in dict.fromkeys(m.actor for m in mentions) if a not in claimants]},
        "claimant_cues": [{"actor": c.actor, "cue": c.cue, "text": c.text} for c in claims],
        "status_hint": {"status": status, "cues": cues} if status else None,
        "unresolved": unresolved,
    }
