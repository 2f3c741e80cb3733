"""Lighthouse's mobile performance audit of the real site, served compressed as GitHub Pages serves it.

Lighthouse (pinned in package.json) drives Debian's Chromium with its default mobile profile:
simulated slow 4G and a 4x slower CPU. bench/lighthouse_bench.py reports every page type; this
holds the heaviest kinds of page (the timeline with its strip and filters, an event with its
locator map and share box, and the map) at 95 or more, with no layout shift.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.lighthouse_bench import LIGHTHOUSE, lighthouse
from bench.reader_bench import serve

PAGES = ("timeline/", "events/2024-10-08-first-special-forces-reach-vladivostok/", "map/")


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_mobile_performance_is_95_or_more_with_no_layout_shift(path: str, site: Path, tmp_path: Path) -> None:
    assert LIGHTHOUSE.exists(), "Lighthouse is not installed: npm ci"
    with serve(site) as (url, _):
        report = lighthouse(url + path, tmp_path / "report.json")
    assert report["finalDisplayedUrl"].endswith(path)  # the page itself was audited, not an error page
    assert report["audits"]["cumulative-layout-shift"]["numericValue"] == 0
    assert report["categories"]["performance"]["score"] >= 0.95, {
        audit: report["audits"][audit]["displayValue"]
        for audit in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "speed-index")}
