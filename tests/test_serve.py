"""`make serve`: rebuilds when data changes and shows data errors as findings; with `--dirty`, as the Makefile
runs it, an edit is shown after re-rendering only what it changed, checked as every build is; and the page
cache behind it gives exactly the pages a fresh build gives."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from generator.config import from_mkdocs_yml
from generator.model import load_dataset
from generator.publish.outputs import site_files
from generator.site.cache import PageCache
from tests.cases import copy_site
from tests.conftest import REPO

EVENT = "2024-10-08-first-repairs"


def _files(root: Path, cache: PageCache | None) -> dict[str, str | bytes]:
    data, _ = load_dataset(root)
    config, _ = from_mkdocs_yml(root / "mkdocs.yml")
    return dict(site_files(data, config, cache=cache))


def _retitle(root: Path, ident: str, title: str) -> None:
    path = next((root / "events").rglob(f"{ident}.yaml"))
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^title: .*$", f"title: {title}", text, count=1, flags=re.M), encoding="utf-8")


def test_cached_pages_are_the_pages_a_fresh_build_makes(tmp_path: Path) -> None:
    root = copy_site(tmp_path / "repo")
    cache = PageCache()
    first = _files(root, cache)
    assert cache.misses > 0 and cache.hits == 0
    assert _files(root, cache) == first and cache.misses == 0  # nothing changed: nothing rendered again
    _retitle(root, EVENT, "The repairs start, retitled")
    again = _files(root, cache)
    assert again == _files(root, None)  # exactly what a build without the cache writes
    changed = {src for src in again if again[src] != first.get(src)}
    events = {src for src in first if src.startswith("events/") and src.endswith(".md")}
    assert f"events/{EVENT}.md" in changed and events - changed  # its neighbours' pages change, not every page
    rendered_again = cache.misses
    assert 0 < rendered_again < len([src for src in first if src.endswith(".md")]) / 2, rendered_again


def test_a_template_override_renders_every_page_again(tmp_path: Path) -> None:
    root = copy_site(tmp_path / "repo")
    cache = PageCache()
    _files(root, cache)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "theme-overrides").mkdir()
    (root / "theme-overrides" / "event.html").write_text("<p>{{ event.title }} (overridden)</p>\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("      texts: texts\n", "      texts: texts\n"
                                                    "      overrides: theme-overrides\n"), encoding="utf-8")
    files = _files(root, cache)
    assert "(overridden)" in files[f"events/{EVENT}.md"] and cache.hits == 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _page(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _until(predicate, what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"waited {timeout} s for {what}")


@pytest.mark.slow
def test_serve_dirty_shows_an_edit_and_still_refuses_what_a_build_refuses(tmp_path: Path) -> None:
    root = copy_site(tmp_path / "repo")
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "--livereload",
                                   "--dev-addr", f"127.0.0.1:{port}"], cwd=root, stdout=out, stderr=subprocess.STDOUT,
                                  env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    base = f"http://127.0.0.1:{port}/"
    try:
        _until(lambda: "search index" in log.read_text(), "the first build and its search index")
        time.sleep(1.5)  # the watcher's debounce
        _retitle(root, EVENT, "The repairs start, retitled")
        _until(lambda: "The repairs start, retitled" in _page(base + f"events/{EVENT}/"), "the edit to be served")
        _until(lambda: log.read_text().count("search index") >= 2, "the search index to follow")
        assert "The repairs start, retitled" in _page(base + "timeline/")  # lists showing it are written again
        # A page written in a dirty rebuild is scanned as in any build: script in about.md stops it.
        time.sleep(1.5)
        about = root / "docs" / "about.md"
        about.write_text(about.read_text(encoding="utf-8") + '\n<svg><a><set attributeName="href" '
                         'to="javascript:alert(1)"/></a></svg>\n', encoding="utf-8")
        _until(lambda: "executable or foreign content" in log.read_text(), "the scan to refuse the page")
    finally:
        server.terminate()
        server.wait(timeout=60)
    assert "Traceback" not in log.read_text()


def test_makefile_serve_enables_live_reload() -> None:
    serve = next(line for line in (REPO / "Makefile").read_text().splitlines() if "mkdocs serve" in line)
    assert "--livereload" in serve and "127.0.0.1:8000" in serve
    assert "--dirty" in serve and "--no-strict" in serve  # strict mode would stop at MkDocs' warning about --dirty


@pytest.mark.slow
def test_serve_rebuilds_on_event_changes_and_reports_findings(tmp_path) -> None:
    root = copy_site(tmp_path / "repo")
    port = _free_port()
    log = open(tmp_path / "serve.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=root, stdout=log, stderr=subprocess.STDOUT,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        url = f"http://127.0.0.1:{port}/timeline/"
        assert _wait_for(lambda: "data-event" in _page(url)), (tmp_path / "serve.log").read_text()
        event = root / "events" / "2024" / "2024-10-08-first-repairs.yaml"
        event.write_text(event.read_text().replace("run for six days", "run for six whole days"))
        assert _wait_for(lambda: "run for six whole days" in _page(url)), (tmp_path / "serve.log").read_text()
        event.write_text(event.read_text().replace("status: reported", "status: rumour"))
        line = next(n for n, text in enumerate(event.read_text().splitlines(), 1) if text.startswith("status:"))
        finding = f"events/2024/2024-10-08-first-repairs.yaml:{line}:9: error: [invalid-value] status 'rumour'"
        assert _wait_for(lambda: finding in (tmp_path / "serve.log").read_text())
        assert "Traceback" not in (tmp_path / "serve.log").read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def _wait_for(predicate, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False
