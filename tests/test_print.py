"""Printing: the timeline and an event page printed to PDF by Chromium, and the PDF's text read back by pypdf."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from generator.model import load_dataset
from tests.conftest import REPO

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DATA, _ = load_dataset(REPO)
EVENT = "2024-10-08-first-special-forces-reach-vladivostok"


def _printed(watch, address: str) -> list[str]:
    """Each printed page's text, with ligatures undone and all white space removed (lines break anywhere)."""
    pw = watch()
    pw.page.goto(address)
    pw.page.wait_for_load_state("networkidle")
    reader = PdfReader(io.BytesIO(pw.page.pdf(format="A4")))
    assert pw.errors == []
    return ["".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in reader.pages]


def _squeeze(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def test_the_printed_timeline_keeps_each_event_whole_and_says_its_status(server, watch) -> None:
    pages = _printed(watch, server.url + "timeline/")
    whole = "".join(pages)
    assert len(pages) > 2
    for chrome in ("Search", "Allactors", "Showall", "Embedthis", "Atomfeed", "MadewithMaterial"):
        assert chrome not in whole, chrome
    for event in DATA.events:
        # title, its link target, then the card's last line (status word, ..., documents) on one page
        card = re.compile(re.escape(_squeeze(event.title)) + re.escape(f"<{server.url}events/{event.id}/>") +
                          r".{0,160}?" + event.status.upper() + r".{0,160}?documents?")
        holding = [n for n, text in enumerate(pages) if card.search(text)]
        assert len(holding) == 1, (event.id, holding)


def test_the_printed_event_page_has_its_content_and_link_targets_only(server, watch) -> None:
    event = DATA.by_id[EVENT]
    whole = "".join(_printed(watch, server.url + f"events/{EVENT}/"))
    assert _squeeze(event.title) in whole and event.status.upper() in whole
    for chrome in ("Search", "Linktothisevent", "Citethisevent", "Embedthis", "Previousandnext", "CopyBibTeX"):
        assert chrome not in whole, chrome
    external = next(s.url for s in event.sources if s.url)
    assert f"<{external}>" in whole  # a link elsewhere, with its address
    assert f"<{server.url}tags/{event.tags[0]}/>" in whole  # a link within the site, as a full address
