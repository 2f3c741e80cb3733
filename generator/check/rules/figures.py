"""Figures: a known metric, one value or an ordered range, a date, and who claims it."""

from __future__ import annotations

import re

from ...load import Document
from ..index import Index

COUNT = re.compile(r"0|[1-9][0-9]{0,11}")  # as the schema's pattern: ASCII digits only ('²'.isdigit() is True)


def check(index: Index, doc: Document, path: tuple, figure: dict) -> None:
    index.ref(doc, path + ("metric",), figure.get("metric"), "metric")
    if ("value" in figure) == ("range" in figure):
        doc.at(path, "figure-value", "a figure gives exactly one of 'value' or 'range: [low, high]'")
    rng = figure.get("range")
    if isinstance(rng, list) and len(rng) == 2 and all(isinstance(v, str) and COUNT.fullmatch(v) for v in rng):
        if int(rng[0]) > int(rng[1]):
            doc.at(path + ("range",), "range-order", f"range [{rng[0]}, {rng[1]}] has low above high")
    index.date(doc, path + ("as_of",), figure.get("as_of"))
    claimed_by = figure.get("claimed_by")
    index.refs(doc, path + ("claimed_by",), claimed_by, "actor")
    if claimed_by == [] and not figure.get("note"):
        doc.at(path + ("claimed_by",), "unattributed-figure",
               "a figure with no claimant needs a 'note' saying the source states it in its own voice")
