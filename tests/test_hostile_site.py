"""A site built from contributor text carrying the payloads of security.md: no script may run."""

from __future__ import annotations

import subprocess
import sys

import pytest

from generator.check import check
from generator.publish.scan import scan_html
from tests.cases import copy_site
from tests.conftest import REPO, Server, build_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PWN = "window.__pwned=1"
EVENT_ID = "2024-10-09-hostile-payloads"
EVENT = f"""# yaml-language-server: $schema=../../schemas/event.schema.json
id: {EVENT_ID}
date: "2024-10-09"
date_text: '"><svg onload={PWN}>'
title: '<script>{PWN}</script><img src=x onerror="{PWN}"> & </script>'
summary: |-
  *emphasis*{{: onclick="{PWN}" }} and [a titled link](https://example.org/ "x\\" onmouseover=\\"{PWN}")
  &lt;script&gt;{PWN}&lt;/script&gt; and {{{{ config.site_name }}}} and {{% include "x" %}}

  --8<-- ".git/config"

  [ref][r] and [a page of this site](/events/2024-10-08-first-repairs/)

  [r]: https://example.org/?q=%3Cscript%3E
status: alleged
actors:
  participant: [hostile-actor]
  claimant: [chief-engineer]
tags: [hostile-tag]
location: {{name: '<iframe src="javascript:{PWN}">', country: RU}}
sources:
  - seed: 001_f6eaeb197de4692c
    quote: "Harbour Ferries has carried 1,500 passengers a day across the harbour"
  - url: https://example.org/?q=%22%3E%3Cscript%3E
    publisher: '<script>{PWN}</script>'
    published: "2024-10-18"
figures:
  - metric: passengers
    value: 1
    qualifier: exact
    as_of: "2024-10"
    claimed_by: [hostile-actor]
    note: '</script><script>{PWN}</script>'
notes: '</script><script>{PWN}</script><style>body{{display:none}}</style>'
"""
ACTOR = f"""# yaml-language-server: $schema=../../schemas/actor.schema.json
id: hostile-actor
name: '<img src=x onerror="{PWN}">'
short_name: '<b onmouseover="{PWN}">'
kind: official
aliases: ['<script>{PWN}</script>']
description: '<details open ontoggle="{PWN}">x</details>'
"""
PLACED_ID = "2024-10-10-hostile-place-and-picture"
PLACED = f"""# yaml-language-server: $schema=../../schemas/event.schema.json
id: {PLACED_ID}
date: "2024-10-10"
date_text: on 10 October
title: A hostile place and picture
summary: The place's name and the picture's words carry the payloads.
status: reported
actors:
  participant: [hostile-actor]
places: [hostile-place]
media:
  - file: 2024/ferry-at-the-quay.jpg
    alt: '"><img src=x onerror="{PWN}">'
    caption: '<script>{PWN}</script>'
    credit: '<iframe src="javascript:{PWN}"></iframe>'
    licence: '</figcaption><script>{PWN}</script>'
    source_url: https://example.org/?q=%22%3E%3Cscript%3E
sources:
  - seed: 001_f6eaeb197de4692c
    quote: "Harbour Ferries has carried 1,500 passengers a day across the harbour"
"""
PLACE = f"""hostile-place:
  name: '<svg><script>{PWN}</script></svg>'
  country: GB
  latitude: 51.5
  longitude: -0.1
  aliases: ['"><img src=x onerror="{PWN}">']
  source: '<a href="javascript:{PWN}">x</a>'
"""
TAG = f"""hostile-tag:
  label: '<svg><script>{PWN}</script></svg>'
  description: '<a href="javascript:{PWN}">x</a>'
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = copy_site(tmp_path_factory.mktemp("hostile"))
    (root / "events" / "2024" / f"{EVENT_ID}.yaml").write_text(EVENT, encoding="utf-8")
    (root / "events" / "actors" / "hostile-actor.yaml").write_text(ACTOR, encoding="utf-8")
    with open(root / "events" / "tags.yaml", "a", encoding="utf-8") as tags:
        tags.write(TAG)
    (root / "events" / "2024" / f"{PLACED_ID}.yaml").write_text(PLACED, encoding="utf-8")
    with open(root / "events" / "places.yaml", "a", encoding="utf-8") as places:
        places.write(PLACE)
    _, result = check(root)
    assert result.errors == [], [str(f) for f in result.errors]  # every payload is text the checker accepts
    site = root / "site"
    run = build_site(root, site)
    assert run.returncode == 0, run.stderr  # including the post-build scan
    server = Server(site)
    yield site, server
    server.close()


@pytest.mark.parametrize("path", ["", "timeline/", f"events/{EVENT_ID}/", "actors/hostile-actor/", "actors/",
                                  "tags/hostile-tag/", "tags/", "figures/", "data/", "sources/001_f6eaeb197de4692c/",
                                  f"events/{PLACED_ID}/", "places/hostile-place/", "map/", "map/actors/hostile-actor/"])
def test_no_script_runs_on_pages_showing_payloads(path, hostile_site, watch) -> None:
    _, server = hostile_site
    pw = watch()
    dialogs = []
    pw.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pw.page.add_init_script("window.__pwned = undefined;")
    pw.page.goto(server.url + path)
    pw.page.wait_for_load_state("networkidle")
    for element in pw.page.locator("a, img, details, svg, b, mark").all()[:400]:
        if element.is_visible():
            element.hover(timeout=2000, force=True)
    assert pw.page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert not [e for e in pw.errors if "pwned" in e]


def test_payloads_show_as_text(hostile_site, watch) -> None:
    site, server = hostile_site
    page = watch().page
    page.goto(server.url + f"events/{EVENT_ID}/")
    assert "<script>" in page.locator("article h1").inner_text()
    assert page.title().startswith("<script>")  # <head> got the escaped title, shown as text
    summary = page.locator(".tl-summary").inner_text()
    assert '--8<-- ".git/config"' in summary and "{{ config.site_name }}" in summary
    assert page.locator(".tl-summary img, .tl-summary [onclick], .tl-summary [onmouseover]").count() == 0
    assert "[core]" not in (site / "events" / EVENT_ID / "index.html").read_text()


def test_place_and_picture_payloads_show_as_text(hostile_site, watch) -> None:
    _, server = hostile_site
    page = watch().page
    page.goto(server.url + f"events/{PLACED_ID}/")
    assert page.locator(".tl-figure img").get_attribute("alt") == f'"><img src=x onerror="{PWN}">'
    assert page.locator(".tl-figure figcaption").inner_text() == (
        f'<script>{PWN}</script> Picture: <iframe src="javascript:{PWN}"></iframe>, </figcaption><script>{PWN}</script> '
        "(source)")
    assert page.locator("article iframe, article script:not([type])").count() == 0
    page.goto(server.url + "map/")
    assert page.locator(".tl-map a[aria-label^='<svg>']").count() == 1
    assert page.locator(".tl-map script, .tl-map foreignObject").count() == 0


def test_every_built_page_passes_the_scan(hostile_site) -> None:
    site, _ = hostile_site
    problems = [p for page in site.rglob("*.html") for p in scan_html(page.read_text(), page.name)]
    assert problems == []


def test_scan_catches_what_it_is_for() -> None:
    page = ('<html><head></head><body><article class="md-content__inner"><p onclick="x()">a</p><script>alert(1)</script>'
            '<a href="JaVaScRiPt:alert(1)">b</a><img src="data:text/html,x"></article>'
            '<script type="application/ld+json">{}</script></body></html>')
    found = scan_html(page, "p.html")
    assert found[0] == "p.html:1: no Content-Security-Policy first in <head>"
    assert len(found) == 5
    assert any("onclick" in f for f in found) and any("inline <script>" in f for f in found)
    framed = ('<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'"></head><body>'
              '<article class="md-content__inner"><iframe src="https://example.org/"></iframe></article></body></html>')
    assert scan_html(framed, "f.html") == ["f.html: <iframe> embeds other content"]


def test_data_error_stops_the_build_with_findings_not_a_traceback(tmp_path) -> None:
    root = copy_site(tmp_path / "repo")
    event = root / "events" / "2024" / "2024-10-08-first-repairs.yaml"
    event.write_text(event.read_text().replace("status: reported", "status: rumoured"))
    line = next(n for n, text in enumerate(event.read_text().splitlines(), 1) if text.startswith("status:"))
    run = build_site(root, tmp_path / "site")
    assert run.returncode != 0
    assert (f"events/2024/2024-10-08-first-repairs.yaml:{line}:9: error: [invalid-value] "
            "status 'rumoured' is not one of") in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_pages_command_writes_the_same_pages_for_other_builders(tmp_path, site) -> None:
    out = tmp_path / "pages"
    run = subprocess.run([sys.executable, "-m", "generator", "pages", "--root", str(REPO), "--out", str(out), "--force"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} - {".timeline-pages.json"}
    assert "timeline/index.md" in written and "events/2024-10-08-first-special-forces-reach-vladivostok.md" in written
    assert "data/events.json" in written and "schemas/event.schema.json" in written
    pages = {p for p in written if p.endswith(".md")}
    built = {p.relative_to(site).as_posix() for p in site.rglob("index.html")}
    for md in pages:
        url = md[:-3].removesuffix("index").rstrip("/")
        assert (f"{url}/index.html" if url else "index.html") in built, md
    # a broken tree leaves an existing output folder untouched
    broken = copy_site(tmp_path / "broken")
    (broken / "events" / "tags.yaml").write_text("- not a mapping\n")
    before = sorted(out.rglob("*"))
    run = subprocess.run([sys.executable, "-m", "generator", "pages", "--root", str(broken), "--out", str(out), "--force"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1 and "events/tags.yaml:1:1: error: [not-a-mapping]" in run.stderr
    assert sorted(out.rglob("*")) == before
