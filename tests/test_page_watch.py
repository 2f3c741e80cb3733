"""The browser tests' watcher: a request that fails counts as an error, one cut off by the test leaving the page does not."""

from __future__ import annotations

import http.server
import socket
import threading
import time

import pytest

from tests.conftest import PageWatch


class _Slow(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        if self.path == "/slow.png":
            time.sleep(3)  # still loading when the test navigates away
        body = b'<!doctype html><title>t</title><img src="/slow.png" alt="">' if self.path == "/" else b""
        self.send_response(200)
        self.send_header("Content-Type", "text/html" if self.path == "/" else "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass

    def log_message(self, *args) -> None:
        pass


@pytest.mark.browser
def test_failed_requests_count_and_requests_cut_off_by_navigation_do_not(browser) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Slow)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    pw = PageWatch(browser)
    try:
        pw.page.goto(url, wait_until="domcontentloaded")  # /slow.png is still on its way
        pw.page.goto("about:blank")
        assert pw.errors == []
        with socket.socket() as closed:
            closed.bind(("127.0.0.1", 0))
            port = closed.getsockname()[1]  # nothing listens there once the socket is closed
        pw.page.set_content(f'<img src="http://127.0.0.1:{port}/refused.png" alt="">')
        pw.page.wait_for_timeout(1000)
        assert any("refused.png" in error and "ERR_CONNECTION_REFUSED" in error for error in pw.errors), pw.errors
    finally:
        pw.close()
        server.shutdown()
