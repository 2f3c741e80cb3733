"""Build the search index: run Pagefind over the built site, after the post-build scan.

The binary comes from the `pagefind-bin` wheel (pinned in requirements.txt), so a build never
downloads anything. It runs in an empty working folder with no PAGEFIND_* variables, because
Pagefind reads `pagefind.yml`/`.toml` from its working folder and options from the environment:
nothing but this function's arguments may change what gets indexed.

Pagefind indexes only what the page templates mark with `data-pagefind-body`; when no page is
marked, it silently indexes every page's whole <body> (navigation and all). That means the
templates lost their attributes, so it is refused rather than published. Its output is then put
in a stable order (canonical.py), so that two builds of one commit are byte-identical.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .canonical import FormatChanged, canonicalise

BUNDLE = "pagefind"  # the index's folder in the site, which search.js loads from
# Pagefind's own ready-made interfaces; the site has its own dialog (assets/search.js), so these
# would only be published, unused: about 420 KB of script and style that no page loads.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
TIMEOUT = 900  # seconds; 10,000 event pages take about 10
_COUNT = re.compile(r"Indexed (\d+) (page|word|filter|sort)s?\b")
_WHOLE_BODIES = "Did not find a data-pagefind-body element"


class SearchIndexError(Exception):
    """The index could not be built, or would not be what the templates ask for."""


@dataclass
class IndexReport:
    """What one run wrote: counts from Pagefind and sizes of the bundle on disk."""

    pages: int
    words: int
    filters: int
    seconds: float
    files: int = 0
    bytes: int = 0
    by_kind: dict[str, tuple[int, int]] = field(default_factory=dict)  # 'index' -> (files, bytes)

    def summary(self) -> str:
        return (f"search index: {self.pages:,} pages, {self.words:,} words, {self.filters} filters; "
                f"{self.files:,} files, {self.bytes / 1024:,.0f} KB in {BUNDLE}/ ({self.seconds:.1f} s)")


def executable() -> Path:
    """The Pagefind binary shipped in the pagefind-bin wheel."""
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise SearchIndexError("pagefind-bin is not installed; `pip install -r requirements.txt`") from None
    try:
        return Path(get_executable())
    except FileNotFoundError as exc:
        raise SearchIndexError(f"the pagefind-bin wheel has no binary for this platform: {exc}") from None


def build_index(site_dir: Path, *, expect: int | None = None, binary: Path | None = None) -> IndexReport:
    """Index the built site in `site_dir` into `site_dir/pagefind/`, replacing any earlier index.

    `expect`, when given, is how many pages the templates mark as searchable (one per event, actor
    and source); any other count means a template lost or gained its attributes, and is refused.
    """
    site_dir = Path(site_dir).resolve()
    out = site_dir / BUNDLE
    if out.is_symlink() or out.is_file():
        raise SearchIndexError(f"{out} is not a folder this build wrote")
    if out.exists():
        shutil.rmtree(out)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
    argv = [str(binary or executable()), "--site", str(site_dir), "--output-subdir", BUNDLE]
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="pagefind-") as cwd:
        try:
            run = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise SearchIndexError(f"Pagefind did not finish within {TIMEOUT} s") from None
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        raise SearchIndexError(f"Pagefind failed (exit {run.returncode}):\n{(run.stderr or run.stdout)[-2000:]}")
    if _WHOLE_BODIES in run.stdout and expect != 0:
        shutil.rmtree(out, ignore_errors=True)
        raise SearchIndexError("no page carries data-pagefind-body, so Pagefind would index every page whole "
                               "(menus and all); the page templates must mark what is searchable")
    for name in UNUSED:
        (out / name).unlink(missing_ok=True)
    try:
        canonicalise(out)
    except FormatChanged as exc:
        raise SearchIndexError(f"Pagefind's output is not in the format generator/search/canonical.py knows, "
                               f"so builds would not be reproducible: {exc}") from None
    counts = {kind: int(n) for n, kind in _COUNT.findall(run.stdout)}
    report = IndexReport(pages=counts.get("page", 0), words=counts.get("word", 0),
                         filters=counts.get("filter", 0), seconds=seconds)
    entry = json.loads((out / "pagefind-entry.json").read_text(encoding="utf-8"))
    indexed = sum(lang["page_count"] for lang in entry["languages"].values())
    report.pages = indexed  # the bundle's own count, should Pagefind's log ever change
    if expect is not None and indexed != expect and not (expect == 0 and _WHOLE_BODIES in run.stdout):
        raise SearchIndexError(f"Pagefind indexed {indexed} pages where the templates mark {expect} as searchable")
    for path in out.rglob("*"):
        if path.is_file():
            kind = path.parent.name if path.parent != out else "bundle"
            files, size = report.by_kind.get(kind, (0, 0))
            report.by_kind[kind] = (files + 1, size + path.stat().st_size)
    report.files = sum(f for f, _ in report.by_kind.values())
    report.bytes = sum(b for _, b in report.by_kind.values())
    return report
