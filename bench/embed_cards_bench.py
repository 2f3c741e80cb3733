"""What the reader features cost: the embed page's size and the social cards' time, at N synthetic events.

    python bench/embed_cards_bench.py [--events 1000 10000]

For each size, writes N synthetic events into a copy of the repository's data, then reports
the size of the largest embeddable page (the target: the timeline's under 100 KB at 1,000
events) and the time to draw every social card in one process (the build draws them in the
second process, beside the exports, from 500 events on). Best of 3 for the cards.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.synthetic import write_tree  # noqa: E402
from generator.config import from_mkdocs_yml  # noqa: E402
from generator.model import load_dataset  # noqa: E402
from generator.site import Site  # noqa: E402
from generator.site.cards import cards  # noqa: E402
from generator.site.embed import embed_files  # noqa: E402


def run(count: int) -> tuple[int, int, float, int]:
    config, _ = from_mkdocs_yml(REPO / "mkdocs.yml")
    with tempfile.TemporaryDirectory() as tmp:
        write_tree(Path(tmp), count)
        data, _ = load_dataset(Path(tmp))
    pages = dict(embed_files(Site(data, config)))
    timeline = len(pages["embed/index.html"].encode("utf-8"))
    largest = max(len(p.encode("utf-8")) for p in pages.values())
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        drawn = list(cards(data, config))
        best = min(best, time.perf_counter() - start)
    return timeline, largest, best, sum(len(b) for _, b in drawn) // len(drawn)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    print(f"{'events':>8} {'embed/':>9} {'largest embed':>14} {'cards':>8} {'per card':>9} {'card size':>10}")
    for count in args.events:
        timeline, largest, seconds, size = run(count)
        print(f"{count:>8,} {timeline / 1024:>7.1f}KB {largest / 1024:>12.1f}KB {seconds:>7.2f}s "
              f"{seconds / (count + 1) * 1000:>7.1f}ms {size / 1024:>8.1f}KB")


if __name__ == "__main__":
    main()
