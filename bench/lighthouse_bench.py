"""Lighthouse's mobile performance score of every page type, served compressed as GitHub Pages serves it.

    python bench/lighthouse_bench.py [--events 0 1000]

Builds the site (`--events 0`: the repository's own events; N: N synthetic ones, as
bench/reader_bench.py builds them), serves it on 127.0.0.1 with gzip (reader_bench's server), and
runs Lighthouse (the npm package in node_modules, `npm ci`) with Debian's Chromium on each page
type: its default mobile profile (Moto G Power viewport, simulated slow 4G and 4x CPU slowdown),
performance category only. Prints the score, first and largest contentful paint, total
blocking time and cumulative layout shift of each page. Lighthouse's simulation reads this
machine's CPU, so a loaded machine scores lower: run it with nothing else running.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.reader_bench import PAGE_TYPES, build, page_paths, serve  # noqa: E402

LIGHTHOUSE = REPO / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
MAP_PAGES = {"map": "map/", "place": "places/kursk-region/"}  # the real site's; synthetic events name no place
AUDITS = (("first-contentful-paint", "FCP"), ("largest-contentful-paint", "LCP"), ("total-blocking-time", "TBT"),
          ("cumulative-layout-shift", "CLS"))


def lighthouse(url: str, out: Path) -> dict:
    run = subprocess.run(["node", str(LIGHTHOUSE), url, "--quiet", "--only-categories=performance",
                          "--output=json", f"--output-path={out}",
                          "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                         env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{run.stderr[-2000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, nargs="+", default=[0, 1000])
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run `npm ci` in the repository")
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        for count in args.events:
            site, _, _ = build(count, Path(tmp) / f"site-{count}")
            paths = {kind: path for kind, path in page_paths(count, site).items() if path is not None}
            paths.update({kind: path for kind, path in MAP_PAGES.items() if (site / path / "index.html").exists()})
            if count:  # synthetic data has only the timeline's own actors and topics for some kinds
                paths = {kind: path for kind, path in paths.items() if (site / path / "index.html").exists()}
            label = f"{count:,} synthetic events" if count else "the real events"
            print(f"{label}: Lighthouse mobile, performance, served gzipped")
            print(f"  {'page':<12}{'score':>6}" + "".join(f"{name:>9}" for _, name in AUDITS))
            scores = []
            with serve(site) as (url, _):
                for kind in [*PAGE_TYPES, *MAP_PAGES]:
                    if kind not in paths:
                        continue
                    report = lighthouse(url + paths[kind], Path(tmp) / f"{kind}.json")
                    score = round(report["categories"]["performance"]["score"] * 100)
                    scores.append(score)
                    values = [report["audits"][audit]["displayValue"] for audit, _ in AUDITS]
                    print(f"  {kind:<12}{score:>6}" + "".join(f"{v:>9}" for v in values), flush=True)
            print(f"  lowest score {min(scores)} (target 95)")


if __name__ == "__main__":
    main()
