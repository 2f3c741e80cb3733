"""The Content-Security-Policy, the post-build scan and the docs/ guard: what may run or load on a page.

The policy is tested in Chromium, on the real site: no page type may trip it while a reader
searches, filters and switches the colour scheme, and a page into which a script was smuggled
after the build (so the scan never saw it) must still not run it, by the policy alone.
"""

from __future__ import annotations

import shutil

import pytest

from generator.publish.csp import CSP_META_START
from generator.publish.scan import scan_html
from tests.cases import copy_site
from tests.conftest import Server, build_site

POLICY_HEAD = ('<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'"></head><body>'
               '<article class="md-content__inner">{}</article></body></html>')

# Each payload reached a page once (or would have): (snippet, what the scan must say).
SCAN_CASES = {
    "svg-set-href-javascript": ('<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>',
                                "javascript: URL in to= on <set>"),
    "svg-animate-values": ('<svg><a><animate attributeName="href" values="https://ok.example/;javascript:alert(1)"/></a></svg>',
                           "<animate> animates a link target"),
    "href-leading-control-byte": ('<a href="\x01javascript:alert(1)">x</a>', "javascript: URL in href="),
    "href-tab-inside-scheme": ('<a href="java\tscript:alert(1)">x</a>', "javascript: URL in href="),
    "href-entity-colon": ('<a href="javascript&colon;alert(1)">x</a>', "javascript: URL in href="),
    "href-vbscript-upper": ('<a href=" VBSCRIPT:msgbox">x</a>', "vbscript: URL in href="),
    "base-tag": ('<base href="http://127.0.0.1:18765/x/">', "<base> changes where every relative link points"),
    "meta-refresh": ('<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', "<meta http-equiv=refresh>"),
    "meta-refresh-https": ('<meta http-equiv="refresh" content="0; URL=https://evil.example/">', "<meta http-equiv=refresh>"),
    "srcset-data": ('<img srcset="ok.png 1x, data:image/svg+xml,x 2x" alt="">', "data: URL in srcset="),
    "ping": ('<a href="https://ok.example/" ping="javascript:alert(1)">x</a>', "javascript: URL in ping="),
    "formaction": ('<button formaction="javascript:alert(1)">x</button>', "javascript: URL in formaction="),
    "form-action": ('<form action="javascript:alert(1)"></form>', "javascript: URL in action="),
    "poster": ('<video poster="javascript:alert(1)"></video>', "javascript: URL in poster="),
    "xlink-href": ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "javascript: URL in xlink:href="),
    "foreign-image": ('<img src="https://tracker.example/p.png" alt="">', "loads from another host"),
    "protocol-relative-script": ('<script src="//evil.example/x.js"></script>', "loads from another host"),
    "foreign-stylesheet": ('<link rel="stylesheet" href="https://evil.example/x.css">', "loads from another host"),
    "inline-script": ("<script>alert(1)</script>", "inline <script>"),
    "svg-script-href": ('<svg><script href="data:text/javascript,alert(1)"></script></svg>', "data: URL in href="),
    "iframe": ('<iframe src="https://example.org/"></iframe>', "<iframe> embeds other content"),
    "object": ('<object data="x.swf"></object>', "<object> embeds other content"),
    "event-handler": ('<details open ontoggle="alert(1)">x</details>', "event-handler attribute ontoggle="),
    "style-url": ('<p style="background:url(https://tracker.example/p.png)">x</p>', "style= on <p> loads or runs"),
    # Where Python's own HTML parser and a browser disagree, the scan reads the page as the browser does.
    "meta-refresh-in-svg-style": ('<svg><style><meta http-equiv="refresh" content="1;url=https://evil.example/"></style></svg>',
                                  "<meta http-equiv=refresh>"),
    "meta-refresh-after-odd-end-tag": ('<style></style x><meta http-equiv="refresh" content="1;url=https://evil.example/"></style>',
                                       "<meta http-equiv=refresh>"),
    "meta-refresh-duplicate-attribute": ('<meta http-equiv="refresh" http-equiv="content-type" content="1;url=https://evil.example/">',
                                         "<meta http-equiv=refresh>"),
    "handler-in-svg-style": ('<svg><style><img src="x.png" alt="" onerror="alert(1)"></style></svg>', "onerror="),
    "entity-in-scheme": ('<a href="&#x6a;avascript&colon;alert(1)">x</a>', "javascript: URL in href="),
}


@pytest.mark.parametrize("name", SCAN_CASES)
def test_scan_refuses(name: str) -> None:
    snippet, message = SCAN_CASES[name]
    found = scan_html(POLICY_HEAD.format(snippet), "p.html")
    assert any(message in f for f in found), found


def test_scan_refuses_a_script_from_another_path_of_the_same_host() -> None:
    page = POLICY_HEAD.format('<script src="/other-project/x.js"></script><script src="/site/assets/ok.js"></script>')
    found = scan_html(page, "p.html", base_path="/site/")
    assert found == ["p.html: <script src=> loads from another host or path: /other-project/x.js"]


def test_scan_passes_ordinary_links_and_needs_the_policy_first() -> None:
    fine = POLICY_HEAD.format('<a href="https://example.org/x?a=1&amp;b=2">x</a> <a href="../events/x/#y">y</a>'
                              '<img src="../assets/x.png" alt=""> <a href="mailto:desk@example.org">m</a>'
                              '<script type="application/ld+json">{"a": "b"}</script>')
    assert scan_html(fine, "p.html") == []
    late = fine.replace("<head>", "<head><title>t</title>")
    assert scan_html(late, "p.html") == ["p.html:1: no Content-Security-Policy first in <head>"]


@pytest.mark.slow
def test_every_built_page_carries_the_policy_first(site) -> None:
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert text.split("<head>", 1)[1].startswith(CSP_META_START), page
        policy = text.split(CSP_META_START, 1)[1].split('"', 1)[0]
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        for directive in ("object-src 'none'", "base-uri 'none'", "form-action 'none'", "img-src 'self'",
                          "default-src 'none'", "connect-src 'self'", "worker-src 'self'"):
            assert directive in policy, (page, directive)


@pytest.mark.slow
@pytest.mark.parametrize("name,files", [
    ("html-page", {"evil.html": "<script>alert(1)</script>"}),
    ("svg-with-script", {"img/evil.svg": "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"}),
    ("javascript-file", {"x.js": "alert(1)"}),
])
def test_build_refuses_files_of_other_types_in_docs(name, files, tmp_path) -> None:
    root = copy_site(tmp_path / "repo")
    for rel, content in files.items():
        (root / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / rel).write_text(content)
    run = build_site(root, tmp_path / "site")
    assert run.returncode != 0 and f"docs/{next(iter(files))}: only .md" in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.slow
def test_build_refuses_symlinks_in_docs(tmp_path) -> None:
    root = copy_site(tmp_path / "repo")
    (root / "docs" / "env.txt").symlink_to("/proc/self/environ")
    (root / "docs" / "etc").symlink_to("/etc")
    run = build_site(root, tmp_path / "site")
    assert run.returncode != 0
    assert "docs/env.txt: symbolic links are not published" in run.stderr
    assert "docs/etc: symbolic links are not published" in run.stderr
    assert not (tmp_path / "site" / "env.txt").exists()


@pytest.mark.slow
@pytest.mark.parametrize("payload,message", [
    ('<base href="http://127.0.0.1:18765/x/">', "<base> changes"),
    ('<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>', "javascript: URL in to="),
    ('<a href="\x01javascript:alert(1)">x</a>', "javascript: URL in href="),
])
def test_build_fails_on_markup_in_the_about_page(payload, message, tmp_path) -> None:
    root = copy_site(tmp_path / "repo")
    about = root / "docs" / "about.md"
    about.write_text(about.read_text() + f"\n\n{payload}\n")
    run = build_site(root, tmp_path / "site")
    assert run.returncode != 0 and message in run.stderr, run.stderr[-2000:]


# -- in Chromium --------------------------------------------------------------------------------------------



@pytest.mark.browser
@pytest.mark.slow
def test_reading_searching_filtering_and_switching_scheme_trip_no_policy(server, watch) -> None:
    pw = watch()
    page = pw.page
    page.goto(server.url)
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    page.keyboard.type("Ryabykh")
    page.locator(".tl-search__result").first.wait_for(timeout=10_000)
    page.keyboard.press("Escape")
    page.locator("label[for='__palette_1']").click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.goto(server.url + "timeline/?status=alleged")
    page.wait_for_load_state("networkidle")
    page.select_option("#f-tag", index=1)
    page.locator("details.tl-legend-box summary").click()
    page.goto(server.url + "404.html")
    page.wait_for_load_state("networkidle")
    assert pw.errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_the_policy_alone_blocks_a_script_smuggled_in_after_the_build(site, tmp_path, watch) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page_file = copy / "about" / "index.html"
    smuggled = ('<script>window.__pwned = 1</script><img src="x.png" alt="" onerror="window.__pwned = 2">'
                '<a id="js" href="javascript:window.__pwned = 3">link</a>'
                '<img src="https://tracker.example/p.png" alt="">')
    page_file.write_text(page_file.read_text().replace("<article class=\"md-content__inner", smuggled +
                                                       "<article class=\"md-content__inner", 1))
    server = Server(copy)
    try:
        pw = watch()
        pw.page.goto(server.url + "about/")
        pw.page.wait_for_load_state("networkidle")
        pw.page.locator("#js").click()
        pw.page.wait_for_timeout(200)
        assert pw.page.evaluate("window.__pwned") is None
        violations = [e for e in pw.errors if "CSP violation" in e]
        assert any("script-src" in v for v in violations), pw.errors
        assert any("img-src" in v and "tracker.example" in v for v in violations), pw.errors
    finally:
        server.close()
