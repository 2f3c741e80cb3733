"""Sources: a seed with a verbatim quote, or an https report with its publisher and date; none after the event."""

from __future__ import annotations

import re

from ... import dates, quotes
from ...findings import shown
from ...load import Document
from ..index import Index

MIN_QUOTE_WORDS = 2
_WORD = re.compile(r"[^\W_]+")


def check(index: Index, doc: Document, path: tuple, source: dict, date: dates.EDTFDate | None, status) -> None:
    has_seed, has_url = "seed" in source, "url" in source
    if has_seed == has_url:
        doc.at(path, "source-kind", "a source gives exactly one of 'seed' (with a quote) or 'url' (with publisher and published)")
        return
    quote = source.get("quote")
    if isinstance(quote, str) and any(mark in quote for mark in quotes.ELISIONS):
        doc.at(path + ("quote",), "elided-quote", "quotes may not contain '...'; split an elided quote into two sources entries")
    elif isinstance(quote, str) and len(_WORD.findall(quote)) < MIN_QUOTE_WORDS:
        # Whitespace or a lone word is found in almost any text: it verifies nothing.
        doc.at(path + ("quote",), "quote-too-short", f"a quote needs at least {MIN_QUOTE_WORDS} words of the source's own text")
        quote = None if has_seed else quote
    published = None
    if has_seed:
        seed = source["seed"]
        if not isinstance(seed, str):
            return
        index.used["seed"].add(seed)
        if seed not in index.seed_published and seed not in index.tree.seed_texts:
            doc.at(path + ("seed",), "unknown-seed", f"unknown seed '{shown(seed)}'{index.suggest(seed, 'seed')}")
            return
        published = index.seed_published.get(seed)
        if "quote" not in source:
            doc.at(path, "missing-field", "a seed source needs a 'quote' copied verbatim from the seed", key=True)
        elif isinstance(quote, str) and seed in index.seed_normalised:
            _quote(index, doc, path + ("quote",), quote, seed)
        for extra in ("url", "publisher", "published"):
            if extra in source:
                doc.at(path + (extra,), "unknown-field", f"'{extra}' belongs to url sources; a seed's metadata gives it",
                       key=True)
    else:
        index.url(doc, path + ("url",), source.get("url"))
        for needed in ("publisher", "published"):
            if needed not in source:
                doc.at(path, "missing-field", f"a url source needs '{needed}'", key=True)
        published = index.date(doc, path + ("published",), source.get("published"))
    if date is not None and published is not None and status != "expected" and date.earliest() > published.latest():
        doc.at(("date",), "date-after-source",
               f"the event starts ({date.text}) after its source was published ({published.text}); "
               "use status 'expected' for what was planned or forecast")


def _quote(index: Index, doc: Document, path: tuple, quote: str, seed: str) -> None:
    text = index.seed_normalised[seed]
    needle = quotes.normalise(quote)
    if needle in text:
        return
    matched = quotes.longest_matching_prefix(quote, text)
    hint = (f"; the first {matched} characters match, then it differs at '{shown(needle[matched:matched + 30])}'"
            if matched >= 10 else "")
    doc.at(path, "quote-not-found", f"quote not found verbatim in seed {seed}{hint}")
