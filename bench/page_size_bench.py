"""The largest pages of a large timeline: no page over 500 KB of HTML or 6,000 elements.

    python bench/page_size_bench.py [--events 100000] [--show 8]

Writes N synthetic events (bench/synthetic.py) into a copy of the site and renders every page
the generator gives MkDocs (`Site.build`, as the plugin does). Each page's HTML is its body
plus the theme's part (header, navigation, footer, search button): that part is measured once,
from a real `mkdocs build` of the repository's own site, as the most any of its generated pages
adds to its body in bytes and in elements. Elements are counted by the HTML parser the
post-build scan uses (lexbor), for every page but the event pages, and for the largest event
pages by bytes (an event page's elements follow its bytes). Embeddable pages are measured by
bench/embed_cards_bench.py: at most 100 events each, about 45 KB at any size.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.synthetic import write_tree  # noqa: E402
from generator.config import from_mkdocs_yml  # noqa: E402
from generator.model import load_dataset  # noqa: E402
from generator.site import Site, build_pages  # noqa: E402

LIMIT_BYTES, LIMIT_ELEMENTS = 500 * 1024, 6000
EVENT_PAGES_PARSED = 200


def elements(html: str) -> int:
    return len(LexborHTMLParser(html).css("*"))


def body(content: str) -> str:
    """A generated page's HTML body: its Markdown file without the front matter."""
    return content.split("\n---\n", 1)[1]


def theme_share() -> tuple[int, int]:
    """The most the theme adds to a generated page's body, in bytes and elements, on this repository's site."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", tmp], cwd=REPO, check=True,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        data, _ = load_dataset(REPO)
        config, _ = from_mkdocs_yml(REPO / "mkdocs.yml")
        most_bytes = most_elements = 0
        for page in build_pages(data, config):
            built = (Path(tmp) / page.url / "index.html").read_text(encoding="utf-8")
            own = body(page.content)
            most_bytes = max(most_bytes, len(built.encode()) - len(own.encode()))
            most_elements = max(most_elements, elements(built) - elements(own))
    return most_bytes, most_elements


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--show", type=int, default=8, help="how many of the largest pages to list")
    args = parser.parse_args()
    theme_bytes, theme_elements = theme_share()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_tree(root, args.events, site=True)
        start = time.perf_counter()
        data, _ = load_dataset(root)
        config, _ = from_mkdocs_yml(root / "mkdocs.yml")
        pages = Site(data, config).build()
        seconds = time.perf_counter() - start
    sizes = [(len(body(p.content).encode()) + theme_bytes, p.url, p) for p in pages]
    sizes.sort(reverse=True, key=lambda row: row[0])
    counted = [row for row in sizes if not row[1].startswith("events/")]
    counted += [row for row in sizes if row[1].startswith("events/")][:EVENT_PAGES_PARSED]
    by_elements = sorted(((elements(body(p.content)) + theme_elements, url) for _, url, p in counted), reverse=True)
    print(f"{args.events:,} events: {len(pages):,} pages rendered in {seconds:.0f} s; the theme adds at most "
          f"{theme_bytes / 1024:.1f} KB and {theme_elements} elements to a page")
    print(f"largest by bytes (limit {LIMIT_BYTES // 1024} KB):")
    for size, url, _ in sizes[:args.show]:
        print(f"  {size / 1024:8.1f} KB  /{url}")
    print(f"largest by elements (limit {LIMIT_ELEMENTS:,}):")
    for count, url in by_elements[:args.show]:
        print(f"  {count:8,}     /{url}")
    over = [url for size, url, _ in sizes if size > LIMIT_BYTES] + [url for n, url in by_elements if n > LIMIT_ELEMENTS]
    print(f"pages over a limit: {len(over)}" + (f" ({', '.join(over[:5])})" if over else ""))


if __name__ == "__main__":
    main()
