"""The map and a picture as the notes tell templates to write them, in Chromium: axe, the Nu Html Checker,
no layout shift, the credit on screen, nothing from another host."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from jinja2 import Environment

from generator.geo.draw import MapPlace, locator_map, region_map
from generator.geo.places import validate_places
from generator.load import load
from generator.media.derive import derivatives
from tests import pictures as P
from tests.conftest import REPO, Server, inject

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CSS = """.tl-map{display:block;max-width:100%;height:auto}.tl-map__sea{fill:#dbe9f4}
.tl-map__country{fill:#f4f1ea;stroke:#8a8172;stroke-width:.6;stroke-linejoin:round}
.tl-map__marker{fill:#b71c1c;fill-opacity:.8;stroke:#fff;stroke-width:1}
.tl-map a:focus-visible .tl-map__marker{stroke:#000;stroke-width:3}
.tl-map__label{font:13px sans-serif;fill:#1a1a1a;paint-order:stroke;stroke:#fff;stroke-width:3px}
.tl-figure img{max-width:100%;height:auto}.tl-figure__credit{font-size:.8rem;color:#444}"""
PAGE = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True).from_string("""\
<!doctype html>
<html lang="en">
<head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'self'">
<meta charset="utf-8">
<title>Places</title>
<link rel="stylesheet" href="map.css">
</head>
<body>
<main>
<h1>Places</h1>
{% macro map_svg(m, id, label) %}
<svg class="tl-map" viewBox="{{ m.viewbox }}" width="{{ m.width }}" height="{{ m.height }}" role="group" aria-labelledby="{{ id }}">
  <title id="{{ id }}">{{ label }} ({{ m.projection }})</title>
  <rect class="tl-map__sea" width="{{ m.width }}" height="{{ m.height }}"/>
  {% for c in m.countries %}
  <path class="tl-map__country" fill-rule="evenodd" d="{{ c.d }}"/>
  {% endfor %}
  {% for p in m.markers %}
  <a href="places/{{ p.place_id }}/" aria-label="{{ p.name }}: {{ p.count }} event{{ 's' if p.count != 1 }}"><circle class="tl-map__marker" cx="{{ p.x }}" cy="{{ p.y }}" r="{{ p.r }}"/></a>
  {% endfor %}
  {% for l in m.labels %}
  <text class="tl-map__label" x="{{ l.x }}" y="{{ l.y }}" text-anchor="{{ l.anchor }}" aria-hidden="true">{{ l.text }}</text>
  {% endfor %}
</svg>
{% endmacro %}
<figure>
{{ map_svg(region, "map-title", "Map of the places events happened") }}
<figcaption>Countries: Natural Earth. Places: GeoNames.</figcaption>
</figure>
<h2>The same places as a list</h2>
<ul>
  {% for p in region.markers|sort(attribute="name") %}
  <li><a href="places/{{ p.place_id }}/">{{ p.name }}</a>: {{ p.count }} event{{ 's' if p.count != 1 }}</li>
  {% endfor %}
</ul>
<h2>Where Vladivostok is</h2>
{{ map_svg(locator, "locator-title", "Vladivostok on a map of its region") }}
<h2>Pictures</h2>
{% set jpegs = files|selectattr("mime", "equalto", "image/jpeg")|list %}
{% set webps = files|selectattr("mime", "equalto", "image/webp")|list %}
{% set largest = jpegs|last %}
<figure class="tl-figure">
  <picture>
    <source type="image/webp" srcset="{% for f in webps %}media/{{ f.name }} {{ f.width }}w{{ ', ' if not loop.last }}{% endfor %}" sizes="(min-width: 60em) 40em, 100vw">
    <img src="media/{{ largest.name }}" srcset="{% for f in jpegs %}media/{{ f.name }} {{ f.width }}w{{ ', ' if not loop.last }}{% endfor %}" sizes="(min-width: 60em) 40em, 100vw" width="{{ largest.width }}" height="{{ largest.height }}" alt="{{ alt }}" loading="lazy" decoding="async">
  </picture>
  <figcaption>{{ caption }} <span class="tl-figure__credit">Photo: {{ credit }}</span></figcaption>
</figure>
</main>
</body>
</html>
""")


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("geo-media")
    places = validate_places(load(REPO / "events" / "places.yaml", "events/places.yaml"))
    counts = {"kursk-region": 4, "donetsk": 2, "pyongyang": 2}
    marks = [MapPlace(p.id, p.name, p.latitude, p.longitude, counts.get(p.id, 1)) for p in places.values()]
    P.place(root, "ships.jpg", P.gps_jpeg())
    files = derivatives(root, "ships.jpg")
    (root / "media").mkdir()
    for f in files:
        (root / "media" / f.name).write_bytes(f.data)
    (root / "map.css").write_text(CSS)
    (root / "favicon.ico").write_bytes(P.encode(P.photo((16, 16)), "ICO"))  # Chromium asks for it
    vladivostok = next(m for m in marks if m.id == "vladivostok")
    (root / "index.html").write_text(PAGE.render(
        region=region_map(marks), locator=locator_map(vladivostok), files=files,
        alt="Two grey navy ships moored at a quay", caption="Ships at the quay.", credit="Example Agency <test> & co"),
        encoding="utf-8")
    return root


def test_the_page_passes_axe_shows_the_credit_and_shifts_nothing(fixture_site: Path, watch) -> None:
    server = Server(fixture_site)
    try:
        pw = watch(viewport={"width": 1280, "height": 2400})
        hosts = []
        pw.page.on("request", lambda r: hosts.append(r.url.split("/")[2]))
        pw.page.add_init_script("window.__shift = 0; new PerformanceObserver(l => { for (const e of l.getEntries()) "
                                "window.__shift += e.value; }).observe({type: 'layout-shift', buffered: true});")
        pw.page.goto(server.url)
        pw.page.wait_for_load_state("networkidle")
        image = pw.page.locator(".tl-figure img")
        image.scroll_into_view_if_needed()
        pw.page.wait_for_function("document.querySelector('.tl-figure img').complete")
        assert image.evaluate("i => i.naturalWidth") > 0
        assert image.evaluate("i => i.currentSrc").endswith(".webp")
        credit = pw.page.locator(".tl-figure__credit")
        assert credit.is_visible() and credit.inner_text() == "Photo: Example Agency <test> & co"
        assert pw.page.evaluate("window.__shift") == 0
        assert pw.page.locator(".tl-map a").count() == 7 + 1
        inject(pw.page, AXE)
        violations = pw.page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                                      ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(' | '))")
        assert violations == []
        assert pw.errors == []
        assert set(hosts) == {server.url.split("/")[2]}
    finally:
        server.close()


def test_the_page_passes_the_nu_html_checker(fixture_site: Path) -> None:
    run = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "text", str(fixture_site / "index.html")],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-4000:]
