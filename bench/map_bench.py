"""How big a map of many places is, and how long Chromium takes to show it.

    python bench/map_bench.py [--places 1000] [--runs 15]

Draws a map of N synthetic places over a wide region of the northern hemisphere
(38-60 N, 30-140 E, counts skewed as real ones are), renders it with the
package's own map macro (`generator/templates/_map.html`, as the site's map
page writes it) and stylesheet, and loads a page holding only that SVG in Debian's Chromium
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

from generator import routes  # noqa: E402
from generator.geo.draw import MapPlace, region_map  # noqa: E402
from generator.site.env import environment  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
STYLESHEET = REPO / "generator" / "assets" / "timeline.css"
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Map</title>
<link rel="stylesheet" href="timeline.css"></head><body>{}</body></html>
"""


def map_markup(data: dict) -> str:
    """The SVG exactly as the site's map page writes it: the package's _map.html macro, links from /map/."""
    env = environment()
    env.globals.update(link=lambda to: routes.relative(routes.MAP, to))
    return str(env.get_template("_map.html").module.map_svg(data, "map-title", "Map of the places events happened at"))


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
        svg = map_markup(data).encode("utf-8")
        (folder / "map.html").write_text(PAGE.format(svg.decode("utf-8")), encoding="utf-8")
        (folder / "empty.html").write_text(PAGE.format(""), encoding="utf-8")
        (folder / "timeline.css").write_bytes(STYLESHEET.read_bytes())
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
