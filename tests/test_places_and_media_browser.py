"""The test site's map, place pages and pictures as a reader meets them: Debian's Chromium, nothing from other hosts.

Run on the built test site (tests/sites/harbour), whose events name places and show three
pictures with their credits: axe finds no violation, the Nu Html Checker no error, no request
leaves 127.0.0.1, nothing shifts while pictures load, and the map works without JavaScript.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import REPO, Server, inject

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
FERRY = "events/2024-09-02-harbour-ferries-carries-1500-passengers-a-day/"
REPAIRS = "events/2024-10-08-first-repairs/"
PAGES = {"map": "map/", "map-by-status": "map/status/alleged/", "map-by-actor": "map/actors/harbour-ferries/",
         "place": "places/portsmouth/", "event-with-picture": FERRY, "event-with-two-pictures": REPAIRS,
         "actor": "actors/harbour-ferries/"}


@pytest.fixture(scope="module")
def harbour_server(harbour_site: Path):
    srv = Server(harbour_site)
    yield srv
    srv.close()


def _host(url: str) -> str:
    return url.split("/")[2]


@pytest.mark.parametrize("kind", PAGES)
def test_map_place_and_picture_pages_pass_axe_and_load_nothing_from_elsewhere(kind, harbour_server, watch) -> None:
    pw = watch()
    hosts: set[str] = set()
    pw.page.on("request", lambda r: hosts.add(_host(r.url)))
    response = pw.page.goto(harbour_server.url + PAGES[kind])
    assert response.status == 200
    pw.page.wait_for_load_state("networkidle")
    assert pw.page.locator("svg.tl-map").count() >= 1
    inject(pw.page, AXE)
    violations = pw.page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                                  ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(' | '))")
    assert violations == []
    assert pw.errors == []
    assert hosts == {_host(harbour_server.url)}


def test_pictures_load_as_webp_with_their_credit_and_shift_nothing(harbour_server, watch, harbour_site: Path) -> None:
    pw = watch(viewport={"width": 1280, "height": 900})
    pw.page.add_init_script("window.__shift = 0; new PerformanceObserver(l => { for (const e of l.getEntries()) "
                            "window.__shift += e.value; }).observe({type: 'layout-shift', buffered: true});")
    pw.page.goto(harbour_server.url + REPAIRS)
    pw.page.wait_for_load_state("networkidle")
    figures = pw.page.locator(".tl-figure")
    assert figures.count() == 2
    for index in range(2):
        image = figures.nth(index).locator("img")
        image.scroll_into_view_if_needed()
        pw.page.wait_for_function("i => document.querySelectorAll('.tl-figure img')[i].complete", arg=index)
        assert image.evaluate("i => i.naturalWidth") > 0
        assert image.evaluate("i => i.currentSrc").endswith(".webp")
        # width and height are the JPEG fallback's real size, so the space reserved is the picture's own
        src = image.get_attribute("src")
        with Image.open((harbour_site / REPAIRS / src).resolve()) as served:
            assert (int(image.get_attribute("width")), int(image.get_attribute("height"))) == served.size
    credits = pw.page.locator(".tl-figure__credit")
    assert [credits.nth(i).inner_text() for i in range(2)] == ["Picture: Riverside Council",
                                                              "Picture: Riverside Council, CC0 1.0"]
    assert all(credits.nth(i).is_visible() for i in range(2))
    assert figures.first.locator("img").get_attribute("loading") == "eager"  # the first may sit above the fold
    assert figures.nth(1).locator("img").get_attribute("loading") == "lazy"
    assert pw.page.evaluate("window.__shift") == 0
    assert pw.errors == []


def test_the_map_works_without_javascript(harbour_server, watch) -> None:
    page = watch(java_script_enabled=False).page
    page.goto(harbour_server.url + "map/")
    assert page.locator(".tl-map a").count() == 2
    assert page.locator("#places-list li").count() == 2
    page.locator("summary", has_text="By status").click()
    page.locator(".tl-map-filters a", has_text="expected").click()
    assert page.url.endswith("/map/status/expected/")
    assert page.locator(".tl-map a").count() == 1
    assert page.locator("#places-list li").inner_text().startswith("Portsmouth")
    page.locator(".tl-map a").first.click()
    assert page.url.endswith("/places/portsmouth/")
    assert page.locator("#events + ul li").count() == 2


def test_the_skip_link_leads_past_the_markers(harbour_server, watch) -> None:
    page = watch().page
    page.goto(harbour_server.url + "map/")
    skip = page.locator("a.tl-skip")
    assert not skip.is_visible() or skip.bounding_box()["width"] <= 1
    skip.focus()
    assert skip.bounding_box()["width"] > 1 and skip.inner_text() == "Skip the map's 2 links to the list of places"
    markers = page.locator(".tl-map a")
    assert skip.evaluate("(s, m) => !!(s.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING)",
                         markers.first.element_handle())
    page.keyboard.press("Enter")
    assert page.url.endswith("#places")


def test_the_site_passes_the_nu_html_checker_with_maps_and_pictures(harbour_site: Path) -> None:
    pages = sorted(str(p) for p in harbour_site.rglob("*.html"))
    assert any("/places/" in p for p in pages) and any("/map/" in p for p in pages)
    run = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "text", *pages],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-4000:]


def test_only_copies_of_the_pictures_are_published(harbour_site: Path) -> None:
    originals = {p.read_bytes() for p in (REPO / "tests" / "sites" / "harbour" / "events" / "media").rglob("*.*")}
    published = {p.relative_to(harbour_site).as_posix(): p.read_bytes() for p in (harbour_site / "media").rglob("*")
                 if p.is_file()}
    assert sorted(published) == [
        "media/2024/ferry-at-the-quay-1280.jpg", "media/2024/ferry-at-the-quay-1280.webp",
        "media/2024/ferry-at-the-quay-640.jpg", "media/2024/ferry-at-the-quay-640.webp",
        "media/2024/repairs/deck-640.jpg", "media/2024/repairs/deck-640.webp",
        "media/2024/repairs/deck-900.jpg", "media/2024/repairs/deck-900.webp",
        "media/2024/repairs/scaffold-480.jpg", "media/2024/repairs/scaffold-480.webp"]
    assert not originals & set(published.values())
    assert not (harbour_site / "events" / "media").exists()
