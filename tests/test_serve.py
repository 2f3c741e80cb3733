"""`make serve` rebuilds when data changes, and shows data errors as findings."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.cases import copy_site
from tests.conftest import REPO

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


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


def test_makefile_serve_enables_live_reload() -> None:
    serve = next(line for line in (REPO / "Makefile").read_text().splitlines() if "mkdocs serve" in line)
    assert "--livereload" in serve and "127.0.0.1:8000" in serve


def test_serve_rebuilds_on_event_changes_and_reports_findings(tmp_path) -> None:
    root = copy_site(tmp_path / "repo")
    port = _free_port()
    log = open(tmp_path / "serve.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=root, stdout=log, stderr=subprocess.STDOUT,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        url = f"http://127.0.0.1:{port}/timeline/"
        assert _wait_for(lambda: "data-event" in _get(url)), (tmp_path / "serve.log").read_text()
        event = root / "events" / "2024" / "2024-10-08-first-repairs.yaml"
        event.write_text(event.read_text().replace("run for six days", "run for six whole days"))
        assert _wait_for(lambda: "run for six whole days" in _get(url)), (tmp_path / "serve.log").read_text()
        event.write_text(event.read_text().replace("status: reported", "status: rumour"))
        line = next(n for n, text in enumerate(event.read_text().splitlines(), 1) if text.startswith("status:"))
        finding = f"events/2024/2024-10-08-first-repairs.yaml:{line}:9: error: [invalid-value] status 'rumour'"
        assert _wait_for(lambda: finding in (tmp_path / "serve.log").read_text())
        assert "Traceback" not in (tmp_path / "serve.log").read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
