"""The built site as a reader meets it: Debian's Chromium, pages on 127.0.0.1, nothing from other hosts."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import REPO, build_site, inject

pytestmark = [pytest.mark.browser, pytest.mark.slow]

EVENT = "2024-10-08-first-special-forces-reach-vladivostok"
PAGE_TYPES = {
    "home": "", "timeline": "timeline/", "event": f"events/{EVENT}/", "actors": "actors/",
    "actor": "actors/south-korea-nis/", "tags": "tags/", "tag": "tags/troop-deployment/", "sources": "sources/",
    "source": "sources/003_52ce23f21a5653b0/", "figures": "figures/", "data": "data/", "about": "about/",
    "map": "map/", "map-by-status": "map/status/alleged/", "map-by-topic": "map/tags/troop-deployment/",
    "place": "places/kursk-region/",
    "event-at-two-places": "events/2024-10-nis-publishes-photos-of-north-korean-troop-gatherings/",
    "corrections": "corrections/", "embed": "embed/", "embed-actor": "embed/actors/south-korea-nis/",
    "embed-tag": "embed/tags/troop-deployment/", "embed-event": f"embed/events/{EVENT}/",
}
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_renders_without_errors_and_passes_axe(kind, server, watch) -> None:
    pw = watch()
    response = pw.page.goto(server.url + PAGE_TYPES[kind])
    assert response.status == 200
    assert pw.page.locator("article h1, main > h1").count() == 1  # a theme page's article, or an embed page's main
    pw.page.wait_for_load_state("networkidle")
    inject(pw.page, AXE)
    violations = pw.page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                                  ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(' | '))")
    assert violations == []
    assert pw.errors == []


def test_every_page_passes_the_nu_html_checker(site) -> None:
    pages = sorted(str(p) for p in site.rglob("*.html"))
    run = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "text", *pages],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-4000:]


def test_timeline_shows_spans_marks_and_overview(server, watch) -> None:
    page = watch().page
    page.goto(server.url + "timeline/")
    assert page.locator("[data-event]").count() == len(list((REPO / "events").glob("[0-9]*/*.yaml")))
    month_event = "2024-10-putin-does-not-deny-north-korean-soldiers-in-russia"
    month_item = page.locator("[data-event]", has=page.locator(f"a[href$='{month_event}/']"))
    assert "tl-item--span" in month_item.get_attribute("class")
    assert "whole month" in month_item.inner_text()
    day_event = "2024-06-19-russia-and-north-korea-sign-mutual-defence-treaty"
    day_item = page.locator("[data-event]", has=page.locator(f"a[href$='{day_event}/']"))
    assert "tl-item--span" not in day_item.get_attribute("class")
    bars = page.locator(".tl-overview a")
    assert bars.count() >= 8
    target = bars.first.get_attribute("href")
    assert page.locator(target).count() == 1  # each bar links to a month on the page
    assert page.locator("section#y2024 > h2 a[href='#y2024']").count() == 1


def test_filters_work_survive_reload_and_reset(server, watch) -> None:
    pw = watch()
    page = pw.page
    page.goto(server.url + "timeline/")
    total = page.locator("[data-event]").count()
    page.select_option("#f-actor", "south-korea-nis")
    visible = page.locator("[data-event]:not([hidden])")
    shown = visible.count()
    assert 0 < shown < total
    for item in visible.all():
        assert "south-korea-nis" in item.get_attribute("data-actors").split()
    assert "actor=south-korea-nis" in page.url
    page.select_option("#f-status", "alleged")
    both = page.locator("[data-event]:not([hidden])").count()
    assert 0 < both <= shown
    assert page.locator("[data-count]").inner_text() == f"{both} of {total} events"
    page.reload()
    assert page.input_value("#f-actor") == "south-korea-nis" and page.input_value("#f-status") == "alleged"
    assert page.locator("[data-event]:not([hidden])").count() == both
    # empty month and year groups are hidden along with their events
    for group in page.locator("[data-group]").all():
        if group.is_visible():
            assert group.locator("[data-event]:not([hidden])").count() > 0
    page.click("[data-filters] button[type=reset]")
    page.wait_for_function(f"document.querySelectorAll('[data-event]:not([hidden])').length === {total}")
    assert "actor=" not in page.url
    assert pw.errors == []


def test_without_javascript_the_full_list_shows(server, watch) -> None:
    page = watch(java_script_enabled=False).page
    page.goto(server.url + "timeline/?actor=south-korea-nis")
    assert page.locator("[data-event]").count() == page.locator("[data-event]:visible").count()
    assert not page.locator("[data-filters]").is_visible()


def test_search_finds_an_event_by_an_actor_name(server, watch) -> None:
    pw = watch()
    page = pw.page
    page.goto(server.url)
    page.click("[data-tl-search]")  # the site's own search (tests/test_search.py); Material's is not used
    page.wait_for_selector("dialog.tl-search[data-ready]")
    page.locator("#tl-search-input").press_sequentially("Ryabykh", delay=50)
    results = page.locator(".tl-search__result")
    results.first.wait_for(timeout=15_000)
    assert "Defence Express editor" in page.locator(".tl-search__results").inner_text()
    assert pw.errors == []


def test_source_page_highlights_every_quote_and_sets_chrome_apart(server, watch) -> None:
    page = watch().page
    page.goto(server.url + "sources/003_52ce23f21a5653b0/")
    assert page.locator(f"#q-{EVENT}-0").count() == 1  # the anchor by event, kept for links made before passages had theirs
    passage = page.locator(f"mark:has(#q-{EVENT}-0)")
    assert re.fullmatch(r"p-\d+-\d+", passage.get_attribute("id"))
    assert "Russian navy ships have transferred 1,500" in passage.inner_text()
    assert passage.locator("a").get_attribute("href").endswith(f"events/{EVENT}/")
    assert page.locator(".tl-seed__p--chrome").count() >= 4
    page.goto(server.url + "sources/000_65330dcba1575753/")
    assert page.locator(".tl-seed__p--repeat").count() == 4


def test_event_page_carries_json_ld_and_links_quotes_to_passages(server, watch) -> None:
    page = watch().page
    page.goto(server.url + f"events/{EVENT}/")
    import json
    ld = json.loads(page.locator("script[type='application/ld+json']").inner_text())
    assert ld["@type"] == "Event" and ld["startDate"] == "2024-10-08" and ld["endDate"] == "2024-10-13"
    page.click(".tl-cite a")
    anchor = page.url.rsplit("#", 1)[1]
    assert re.fullmatch(r"p-\d+-\d+", anchor)
    assert page.locator(f"#{anchor}").is_visible() and page.locator(f"#{anchor} #q-{EVENT}-0").count() == 1


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def test_every_internal_link_and_anchor_resolves(site) -> None:
    parsed: dict[Path, _Links] = {}

    def parse(path: Path) -> _Links:
        if path not in parsed:
            parser = _Links()
            parser.feed(path.read_text(encoding="utf-8"))
            parsed[path] = parser
        return parsed[path]

    broken = []
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        for href in parse(page).links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            if parts.path.startswith("/"):  # 404.html links from the site root
                target = (site / unquote(parts.path).lstrip("/")).resolve()
            else:
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {href}")
                continue
            if parts.fragment and target.suffix == ".html" and parts.fragment not in parse(target).ids:
                broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    assert broken == []
    assert len(pages) > 80


def test_no_request_leaves_loopback(site) -> None:
    pattern = re.compile(r"""(?:src|href)=["'](?:https?:)?//(?!127\.0\.0\.1)([^"'/]+)""")
    offenders = set()
    for page in site.rglob("*.html"):
        for host in pattern.findall(page.read_text(encoding="utf-8")):
            offenders.add(host)
    # Outbound links in content are fine; nothing the page loads may point elsewhere.
    for css in site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8", errors="replace")
    loaded = [h for h in offenders if "fonts.g" in h or "cdn" in h]
    assert loaded == []


def test_screenshots_of_the_timeline(server, watch, output_dir) -> None:
    for name, size in (("desktop", {"width": 1280, "height": 900}), ("phone", {"width": 390, "height": 844})):
        pw = watch(viewport=size, device_scale_factor=1)
        pw.page.goto(server.url + "timeline/")
        path = output_dir / f"timeline-{name}.png"
        pw.page.screenshot(path=str(path), full_page=False)
        assert path.stat().st_size > 10_000
        if name == "phone":  # a single readable column: nothing wider than the screen
            overflow = pw.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0
        assert pw.errors == []


def test_two_builds_are_byte_identical(site, tmp_path) -> None:
    again = tmp_path / "again"
    run = build_site(REPO, again)
    assert run.returncode == 0, run.stderr
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [str(k) for k in first if first[k] != second[k]] == []
