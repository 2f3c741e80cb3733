"""How big a map of many places is, and how long Chromium takes to show it.

    python bench/map_bench.py [--places 1000] [--runs 15]

Draws a map of N synthetic places over the region this site covers (38-60 N,
30-140 E, counts skewed as real ones are), renders it with the template the
notes recommend, and loads a page holding only that SVG in Debian's Chromium
(set CHROMIUM to use another) from a loopback server. The render time is from
navigation start to the second animation frame after `load`, so it includes
parsing, style, layout and the first paint; the same page without the map is
timed too, and the SVG is also inserted into the loaded empty page, to time its
parsing and layout alone and the frames until it is painted. Medians of --runs
loads. Target: under 150 KB and 200 ms.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from jinja2 import Environment  # noqa: E402

from generator.geo.draw import MapPlace, region_map  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
TEMPLATE = Environment(autoescape=True, trim_blocks=True).from_string("""\
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Map</title>
<style>.tl-map{max-width:100%;height:auto}.tl-map__sea{fill:#dbe9f4}.tl-map__country{fill:#f4f1ea;stroke:#8a8172;\
stroke-width:.6}.tl-map circle{fill:#b71c1c;fill-opacity:.75;stroke:#fff}.tl-map text{font:13px sans-serif}</style>
</head><body>
{% if m %}
<svg class="tl-map" viewBox="{{ m.viewbox }}" width="{{ m.width }}" height="{{ m.height }}" role="group" \
aria-labelledby="map-title"><title id="map-title">Map of the places ({{ m.projection }})</title>
<rect class="tl-map__sea" width="{{ m.width }}" height="{{ m.height }}"/>
{% for c in m.countries %}
<path class="tl-map__country" fill-rule="evenodd" d="{{ c.d }}"/>
{% endfor %}
{% for p in m.markers %}
<a href="../places/{{ p.place_id }}/" aria-label="{{ p.name }}: {{ p.count }} event{{ 's' if p.count != 1 }}">\
<circle cx="{{ p.x }}" cy="{{ p.y }}" r="{{ p.r }}"/></a>
{% endfor %}
{% for l in m.labels %}
<text x="{{ l.x }}" y="{{ l.y }}" text-anchor="{{ l.anchor }}">{{ l.text }}</text>
{% endfor %}
</svg>
{% endif %}
</body></html>
""")
MEASURE = """() => new Promise(done => {
  const after = () => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now())));
  if (document.readyState === 'complete') after(); else addEventListener('load', after);
})"""
# Into a loaded page: parse the SVG, lay it out (forced), then wait for the frame that paints it.
INSERT = """svg => new Promise(done => {
  const start = performance.now();
  document.body.insertAdjacentHTML('beforeend', svg);
  document.body.getBoundingClientRect();
  const laidOut = performance.now() - start;
  requestAnimationFrame(() => requestAnimationFrame(() => done([laidOut, performance.now() - start])));
})"""


def synthetic(count: int, seed: int = 14) -> list[MapPlace]:
    rng = random.Random(seed)
    return [MapPlace(f"place-{i:04d}", f"Place {i}", round(rng.uniform(38, 60), 5), round(rng.uniform(30, 140), 5),
                     rng.choice([1, 1, 1, 2, 2, 3, 5, 8, 13])) for i in range(count)]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--places", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    start = time.perf_counter()
    data = region_map(synthetic(args.places))
    drawn = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        page = TEMPLATE.render(m=data)
        (folder / "map.html").write_text(page, encoding="utf-8")
        (folder / "empty.html").write_text(TEMPLATE.render(m=None), encoding="utf-8")
        svg = page[page.index("<svg"):page.index("</svg>") + 6].encode("utf-8")
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=tmp))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        from playwright.sync_api import sync_playwright

        timings: dict[str, list[float]] = {"map.html": [], "empty.html": []}
        inserted: list[list[float]] = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            for _ in range(args.runs):
                for name in timings:
                    context = browser.new_context(viewport={"width": 1280, "height": 900})
                    tab = context.new_page()
                    tab.goto(base + name)
                    timings[name].append(tab.evaluate(MEASURE))
                    if name == "empty.html":
                        inserted.append(tab.evaluate(INSERT, svg.decode("utf-8")))
                    context.close()
            browser.close()
        server.shutdown()
        server.server_close()
    with_map, without = statistics.median(timings["map.html"]), statistics.median(timings["empty.html"])
    print(f"places: {args.places:,}; markers {len(data['markers']):,}, labels {len(data['labels'])}, "
          f"countries {len(data['countries'])}; projection: {data['projection']}")
    print(f"drawn in Python: {drawn * 1000:.0f} ms")
    print(f"SVG: {len(svg):,} bytes ({len(svg) / 1024:.1f} KB; target < 150 KB)")
    print(f"Chromium, navigation start to second frame after load, median of {args.runs}: "
          f"{with_map:.0f} ms with the map, {without:.0f} ms for the same page without it "
          f"(map alone about {with_map - without:.0f} ms; target < 200 ms)")
    print(f"Chromium, the SVG inserted into a loaded page, median of {args.runs}: parsed and laid out in "
          f"{statistics.median(i[0] for i in inserted):.0f} ms, painted by the second frame after "
          f"{statistics.median(i[1] for i in inserted):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
