"""A source document as its page shows it: line by line, chrome and repeats set apart, quoted spans highlighted."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

from .. import routes
from ..model import Dataset


def seed_paragraphs(data: Dataset, seed_id: str) -> list[dict]:
    """The seed text line by line, each marked as article, chrome or repeat, with quoted spans highlighted.

    One sweep over the span boundaries: a line is cut wherever a quote starts or ends, and each
    piece knows which quotes cover it, in time linear in the text and the number of spans.
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
            covering = [spans[n] for n in sorted(active)]
            anchors = []
            for number in opened:
                _, _, event, index = spans[number]
                if (event.id, index) not in anchored:
                    anchored.add((event.id, index))
                    anchors.append(routes.quote_anchor(event.id, index))
            events = list(dict.fromkeys(span[2] for span in covering))
            pieces.append({"text": text[a:b], "events": events, "anchors": anchors,
                           "label": "; ".join(e.title for e in events[:3])
                                    + (f"; and {len(events) - 3} more events" if len(events) > 3 else "")})
        # A span still open at the line's end (a quote across a line break) goes on in the next line's pieces.
        for number in closing.get(end, ()):
            active.discard(number)
        if not line.strip():
            continue
        kind = "chrome" if line in chrome else ("repeat" if line in seen_lines else "article")
        seen_lines.add(line)
        paragraphs.append({"kind": kind, "pieces": pieces})
    return paragraphs
