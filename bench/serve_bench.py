"""How long `make serve` takes to show an edit: one event's title changed in a large timeline.

    python bench/serve_bench.py [--events 10000] [--edits 3]

Writes N synthetic events into a copy of the site (bench/synthetic.py), starts
`mkdocs serve --dirty --no-strict` as `make serve` does, waits for the first build, then
changes one event's title at a time and measures from the file's save to the moment the
server answers with the new title on the event's page (the rebuild, its writing and the
reload), and separately to when the search index has caught up. Prints one row per edit.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.synthetic import write_tree  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PORT = 8790
BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")
INDEXED = re.compile(r"search index: .*\(([\d.]+) s\)")


def _wait(log: Path, pattern: re.Pattern, after: int, timeout: float) -> tuple[re.Match, int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8", errors="replace")
        found = pattern.search(text, after)
        if found:
            return found, found.end()
        if "Aborted" in text[after:] or "Error" in text[after:]:
            raise SystemExit(f"the server failed:\n{text[after:][-3000:]}")
        time.sleep(0.05)
    raise SystemExit(f"nothing matched {pattern.pattern!r} within {timeout} s")


def _serves(url: str, words: str, timeout: float) -> float:
    """Seconds until the page at `url` holds `words`."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if words in response.read().decode("utf-8", errors="replace"):
                    return time.monotonic()
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} did not show {words!r} within {timeout} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as tmp:
        root = Path(tmp)
        paths = write_tree(root, args.events, site=True)
        log = root / "serve.log"
        with log.open("w") as out:
            server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "--livereload",
                                       "--dev-addr", f"127.0.0.1:{PORT}"], cwd=root, env=ENV, stdout=out,
                                      stderr=subprocess.STDOUT)
        try:
            start = time.monotonic()
            built, at = _wait(log, BUILT, 0, 3600)
            print(f"{args.events:,} events: first build {time.monotonic() - start:.1f} s "
                  f"(MkDocs reports {float(built.group(1)):.1f} s)", flush=True)
            _, at = _wait(log, INDEXED, 0, 600)
            print(f"{'edit':>4} {'shown':>8} {'MkDocs':>8} {'searchable':>11}")
            for edit in range(1, args.edits + 1):
                path = paths[len(paths) * edit // (args.edits + 1)]
                ident = path.stem
                text = path.read_text(encoding="utf-8")
                title = f"Edited title number {edit}"
                time.sleep(1.5)  # the watcher's debounce: let it settle before the edit
                saved = time.monotonic()
                path.write_text(re.sub(r"^title: .*$", f"title: {title}", text, count=1, flags=re.M), encoding="utf-8")
                shown = _serves(f"http://127.0.0.1:{PORT}/events/{ident}/", title, 600) - saved
                built, at = _wait(log, BUILT, at, 600)
                indexed, at = _wait(log, INDEXED, at, 600)
                searchable = time.monotonic() - saved
                print(f"{edit:>4} {shown:>7.1f}s {float(built.group(1)):>7.1f}s {searchable:>10.1f}s", flush=True)
        finally:
            server.terminate()
            server.wait(timeout=60)


if __name__ == "__main__":
    main()
