"""What the generator adds to a MkDocs build.

    python bench/build_bench.py [--events 1000 10000]

For each size, writes N synthetic events into a copy of the repository, then times:
  - generator: `mkdocs build` with the timeline plugin (check, model, pages, exports,
    feeds, social cards, post-build scan, search index), as `make build` runs it;
  - plain: the pages the generator produced, written beforehand with
    `python -m generator pages`, built by `mkdocs build` with the same theme,
    navigation, stylesheet and script but without the plugin.
Target: generator <= 1.15 x plain.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.synthetic import write_tree  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1735689600"}


def timed(argv: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def plain_config(root: Path, docs: Path) -> Path:
    """mkdocs.yml without the plugin; the stylesheet and script it would add are listed instead."""
    text = (root / "mkdocs.yml").read_text()
    config = yaml.load(text.replace("!ENV", "").replace("SITE_URL", "null").replace("SITE_REPO_URL", "null"),
                       Loader=yaml.SafeLoader)
    config["plugins"] = []  # the site's own search is the plugin's (Pagefind, run after its scan): none here
    config["docs_dir"] = str(docs)
    config["extra_css"] = ["assets/timeline/timeline.css", "assets/timeline/search.css"]
    config["extra_javascript"] = ["assets/timeline/timeline.js", "assets/timeline/reader.js",
                                  "assets/timeline/search.js"]
    path = root / "mkdocs-plain.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


def run(count: int) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_tree(root, count, site=True)
        python = sys.executable
        with_plugin = timed([python, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(root / "site-a")], root)
        docs = root / "prewritten"
        subprocess.run([python, "-m", "generator", "pages", "--root", str(root), "--out", str(docs)], env=ENV,
                       check=True, stdout=subprocess.DEVNULL)
        shutil.copy(root / "docs" / "about.md", docs / "about.md")
        config = plain_config(root, docs)
        plain = timed([python, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config),
                       "--site-dir", str(root / "site-b")], root)
        pages = sum(1 for _ in (root / "site-b").rglob("index.html"))
    return with_plugin, plain, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    print(f"{'events':>8} {'pages':>7} {'generator':>10} {'plain':>8} {'ratio':>6}   (target ratio <= 1.15)")
    for count in args.events:
        with_plugin, plain, pages = run(count)
        print(f"{count:>8,} {pages:>7,} {with_plugin:>9.1f}s {plain:>7.1f}s {with_plugin / plain:>6.2f}")


if __name__ == "__main__":
    main()
