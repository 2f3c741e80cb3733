"""Golden pages: one event, one actor and the timeline of the test site, as the generator writes them.

The pages' shape matters (what a reader sees and in what order), so the generated Markdown
files are compared byte for byte with the copies in tests/golden/. After a deliberate change,
regenerate them with `python -m tests.golden --update` and read the diff.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from generator.config import from_mkdocs_yml
from generator.model import load_dataset
from generator.site import build_pages
from tests.cases import copy_site

GOLDEN = Path(__file__).resolve().parent / "golden"
PAGES = {"event.md": "events/2024-09-02-harbour-ferries-carries-1500-passengers-a-day.md",
         "actor.md": "actors/riverside-council.md", "timeline.md": "timeline/index.md"}


def generated() -> dict[str, str]:
    """The golden pages as the generator writes them now.

    The site is copied out of this repository first, so no git history ("Last changed") varies the pages.
    """
    with tempfile.TemporaryDirectory() as tmp:
        site = copy_site(Path(tmp) / "harbour")
        data, _ = load_dataset(site)
        config, _ = from_mkdocs_yml(site / "mkdocs.yml")
        pages = {page.src: page.content for page in build_pages(data, config)}
    return {name: pages[src] for name, src in PAGES.items()}


def update() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for name, content in generated().items():
        (GOLDEN / name).write_text(content, encoding="utf-8")
        print(f"tests/golden/{name}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python -m tests.golden --update")
    update()
