"""A source document as its page shows it: line by line, chrome and repeats set apart, quoted spans highlighted."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

from .. import routes
from ..model import Dataset


def seed_paragraphs(data: Dataset, seed_id: str, event_anchors: int = 400) -> list[dict]:
    """The seed text line by line, each marked as article, chrome or repeat, with quoted spans highlighted.

    One sweep over the span boundaries: a line is cut wherever a quote starts or ends, and each
    piece knows which quotes cover it, in time linear in the text and the number of spans.
    Each passage gets one anchor by its place in the text (what event pages link to); the first
    `event_anchors` quotes also keep an anchor by event, so a text quoted by thousands of
    events still makes a page of bounded size.
    """
    seed = data.seeds[seed_id]
    text = seed.text
    spans = data.seed_spans(seed_id)  # sorted by start
    opening: dict[int, list[int]] = defaultdict(list)
    closing: dict[int, list[int]] = defaultdict(list)
    for number, (start, end, _, _) in enumerate(spans):
        opening[start].append(number)
        closing[end].append(number)
    cuts = sorted(set(opening) | set(closing))
    active: set[int] = set()
    anchored: set[tuple[str, int]] = set()
    passages: set[tuple[int, int]] = set()
    paragraphs = []
    seen_lines: set[str] = set()
    chrome = set(seed.chrome)
    offset = next_cut = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        here = [start]
        while next_cut < len(cuts) and cuts[next_cut] <= end:
            if cuts[next_cut] > start:
                here.append(cuts[next_cut])
            next_cut += 1
        if here[-1] != end:
            here.append(end)
        pieces = []
        for a, b in pairwise(here):
            for number in closing.get(a, ()):
                active.discard(number)
            opened = opening.get(a, ())
            active.update(opened)
            if a == b:
                continue
            anchors = []
            for number in opened:
                start_, end_, event, index = spans[number]
                if (start_, end_) not in passages:
                    passages.add((start_, end_))
                    anchors.append(routes.passage_anchor(start_, end_))
                if (event.id, index) not in anchored and len(anchored) < event_anchors:
                    anchored.add((event.id, index))
                    anchors.append(routes.quote_anchor(event.id, index))
            first, count = _covering(spans, active)
            pieces.append({"text": text[a:b], "events": first, "anchors": anchors,
                           "label": "; ".join(e.title for e in first)
                                    + (f"; and {count - len(first)} more events" if count > len(first) else "")})
        # A span still open at the line's end (a quote across a line break) goes on in the next line's pieces.
        for number in closing.get(end, ()):
            active.discard(number)
        if not line.strip():
            continue
        kind = "chrome" if line in chrome else ("repeat" if line in seen_lines else "article")
        seen_lines.add(line)
        paragraphs.append({"kind": kind, "pieces": pieces})
    return paragraphs


def _covering(spans: list, active: set[int], shown: int = 3) -> tuple[list, int]:
    """The first `shown` distinct events of the spans covering a piece, and how many distinct events cover it."""
    events = list(dict.fromkeys(spans[number][2] for number in sorted(active)))
    return events[:shown], len(events)
