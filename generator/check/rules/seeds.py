"""Seed metadata: its date and address, and that what it says of its text is true of the text."""

from __future__ import annotations

from ... import quotes
from ...findings import shown
from ...load import Document
from ..index import Index


def check(index: Index, doc: Document) -> None:
    if not doc.usable:
        return
    data, sid = doc.data, doc.path.stem
    index.seed_published[sid] = index.date(doc, ("published",), data.get("published"))
    index.url(doc, ("url",), data.get("url"))
    text = index.tree.seed_texts.get(sid)
    if text is None:
        if sid not in index.tree.bad_seed_texts:
            doc.at(("id",), "missing-seed-text", f"no seed text seeds/{sid}.txt beside this metadata file")
        return
    lines = set(text.splitlines())
    for position, line in enumerate(data.get("chrome") or []):
        if isinstance(line, str) and line not in lines:
            doc.at(("chrome", position), "chrome-not-found",
                   f"chrome line '{shown(line)}' is not a whole line of seeds/{sid}.txt")
    normalised = index.seed_normalised.get(sid, "")
    for position, item in enumerate(data.get("left_out") or []):
        passage = item.get("passage") if isinstance(item, dict) else None
        if isinstance(passage, str) and quotes.normalise(passage) not in normalised:
            doc.at(("left_out", position, "passage"), "passage-not-found",
                   f"left-out passage not found verbatim in seeds/{sid}.txt")


def orphan_texts(index: Index) -> None:
    tree = index.tree
    for sid in sorted(set(tree.seed_texts) - {d.path.stem for d in tree.seeds}):
        tree.stray_finding(f"seeds/{sid}.txt", f"seed text has no metadata file seeds/{sid}.yaml",
                           "missing-seed-metadata")
