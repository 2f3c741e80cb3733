"""Shared fixtures: a real MkDocs build, a loopback HTTP server, and Debian's Chromium via playwright."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
OUTPUT = REPO / "test-output"
# Any host but loopback fails to resolve, so a request to another host fails the test that made it.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"]


def build_site(root: Path, site_dir: Path, *, env: dict | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build` of the mkdocs.yml in `root`, as the Makefile runs it."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file",
                           str(root / "mkdocs.yml"), "--site-dir", str(site_dir)],
                          capture_output=True, text=True, timeout=600,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1735689600", **(env or {})})


@pytest.fixture(scope="session")
def harbour_site(tmp_path_factory) -> Path:
    """The test site tests/sites/harbour, built (from a copy, with a git history of its own)."""
    from tests.cases import copy_site
    root = copy_site(tmp_path_factory.mktemp("harbour") / "repo")
    out = root / "site"
    run = build_site(root, out)
    assert run.returncode == 0, run.stderr
    return out


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    run = build_site(REPO, out)
    assert run.returncode == 0, run.stderr
    return out


class Server:
    def __init__(self, directory: Path):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


@pytest.fixture(scope="session")
def server(site):
    srv = Server(site)
    yield srv
    srv.close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing; `make test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class PageWatch:
    """A page that records console errors, uncaught exceptions, failed requests and CSP violations."""

    def __init__(self, browser, **context_args):
        self.context = browser.new_context(**context_args)
        self.page = self.context.new_page()
        self._errors: list[str] = []
        self._failed: list[tuple[str, str, int]] = []  # url, failure, documents navigated to when it failed
        self._documents = 0
        self.page.on("console", lambda m: self._errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self._errors.append(f"page error: {e}"))
        self.page.on("framenavigated", self._navigated)
        self.page.on("requestfailed", self._request_failed)
        # Chromium logs most Content-Security-Policy violations to the console, but not all: report each one.
        self.page.add_init_script("document.addEventListener('securitypolicyviolation', e => console.error("
                                  "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))")

    def _navigated(self, frame) -> None:
        if frame == self.page.main_frame:
            self._documents += 1

    def _request_failed(self, request) -> None:
        # Leaving a page cuts off its unfinished requests before the next document is navigated to: a request
        # failed as net::ERR_ABORTED before a later navigation was cut off by the test, not refused.
        self._failed.append((request.url, request.failure or "", self._documents))

    @property
    def errors(self) -> list[str]:
        """Everything that went wrong, but requests cut off (net::ERR_ABORTED) because the test left their page."""
        failed = [f"request failed: {url} {failure}" for url, failure, started in self._failed
                  if not (failure == "net::ERR_ABORTED" and started < self._documents)]
        return self._errors + failed

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def watch(browser):
    made: list[PageWatch] = []

    def open_page(**context_args) -> PageWatch:
        pw = PageWatch(browser, **context_args)
        made.append(pw)
        return pw

    yield open_page
    for pw in made:
        pw.close()


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


def open_search(page, key: str = "/") -> None:
    """Open the header's search dialog with a key and wait until it can search."""
    page.keyboard.press(key)
    page.wait_for_selector("dialog.tl-search[open][data-ready]", timeout=10_000)


def inject(page, script: Path) -> None:
    """Run a test tool's script in the page without an inline <script>, which the page's CSP refuses."""
    page.evaluate(script.read_text(encoding="utf-8") + "\n;0")
