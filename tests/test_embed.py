"""The embeddable timeline: framed by a page of another origin in Chromium, small at 1,000 events, readable without JavaScript."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from bench.synthetic import write_tree
from generator.config import SiteConfig, from_mkdocs_yml
from generator.model import load_dataset
from generator.publish.csp import CSP_META_START
from generator.publish.scan import scan_html
from generator.site import Site
from generator.site.embed import EMBED_LIMIT, embed_files
from generator.site.neighbours import Neighbours
from tests.conftest import REPO, Server

DATA, _ = load_dataset(REPO)
CONFIG, _ = from_mkdocs_yml(REPO / "mkdocs.yml")
EVENT = "2024-10-08-first-special-forces-reach-vladivostok"


def _items(page: Path) -> list:
    return LexborHTMLParser(page.read_text(encoding="utf-8")).css("li.e-item")


class _Iframe(HTMLParser):
    """The attributes of the <iframe> in a snippet, read by a real HTML parser."""

    def __init__(self):
        super().__init__()
        self.frames: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "iframe":
            self.frames.append(dict(attrs))


def test_every_scope_has_an_embed_page_listing_its_latest_events_newest_first(site) -> None:
    lists = Neighbours(DATA).lists
    newest_first = [e.id for e in reversed(DATA.events)]
    assert [i.css_first("a").attributes["href"] for i in _items(site / "embed" / "index.html")] == \
        [f"../events/{e}/" for e in newest_first[:EMBED_LIMIT]]
    for actor in DATA.actors:
        listed = [i.attributes["data-actors"].split() for i in _items(site / "embed" / "actors" / actor / "index.html")]
        assert len(listed) == min(len(lists.get(f"actor:{actor}", [])), EMBED_LIMIT)
        assert all(actor in ids for ids in listed)
    for tag in DATA.tags:
        listed = _items(site / "embed" / "tags" / tag / "index.html")
        assert len(listed) == len(DATA.by_tag.get(tag, []))
        assert all(tag in i.attributes["data-tags"].split() for i in listed)
    for event in DATA.events:
        assert (site / "embed" / "events" / event.id / "index.html").is_file()


def test_embed_pages_carry_the_policy_load_no_theme_script_and_open_links_in_a_new_context(site) -> None:
    for page in (site / "embed").rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        assert text.split("<head>", 1)[1].startswith(CSP_META_START), page
        assert "sha256-" not in text.split(CSP_META_START, 1)[1].split('"', 1)[0]  # no inline script allowed at all
        assert scan_html(text, page.name) == []
        tree = LexborHTMLParser(text)
        assert [s.attributes.get("src") for s in tree.css("script")] == [
            "../" * (page.relative_to(site).as_posix().count("/")) + "assets/timeline/embed.js"]
        for link in tree.css("a"):
            assert link.attributes.get("target") == "_blank" and "noopener" in link.attributes.get("rel", ""), page
        assert tree.css_first("header a").text() == CONFIG.title  # the site's name, linking back


def test_the_embed_box_shows_the_iframe_code_as_text_never_as_a_frame(site) -> None:
    for path, height in (("timeline/index.html", 600), ("actors/south-korea-nis/index.html", 600),
                         ("tags/troop-deployment/index.html", 600), (f"events/{EVENT}/index.html", 380)):
        tree = LexborHTMLParser((site / path).read_text(encoding="utf-8"))
        assert tree.css("iframe") == []
        box = tree.css_first("textarea[data-embed]")
        assert "readonly" in box.attributes
        parser = _Iframe()
        parser.feed(box.text())
        [frame] = parser.frames
        assert frame["loading"] == "lazy" and frame["height"] == str(height) and frame["title"].startswith(CONFIG.title)
        target = (site / path).parent / frame["src"]  # the site's address is not configured: a path from the page
        assert (target / "index.html").is_file(), frame["src"]


@pytest.mark.slow
def test_the_embed_page_stays_under_100_kb_at_1000_events(tmp_path) -> None:
    write_tree(tmp_path, 1000)
    data, _ = load_dataset(tmp_path)
    pages = dict(embed_files(Site(data, SiteConfig(title=CONFIG.title, url="https://example.org/timeline/"))))
    size = len(pages["embed/index.html"].encode("utf-8"))
    assert size < 100_000, size
    assert "The latest 100 of 1,000 events" in pages["embed/index.html"]
    assert max(len(p.encode("utf-8")) for p in pages.values()) < 100_000


# -- in Chromium ----------------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.slow
def test_the_embed_code_works_in_a_page_of_another_origin_with_its_filters(server, watch, tmp_path) -> None:
    pw = watch()
    page = pw.page
    page.goto(server.url + "timeline/?status=alleged")
    page.wait_for_load_state("networkidle")  # a request cut off by leaving the page would count as an error
    snippet = page.locator("textarea[data-embed]").input_value()
    assert snippet.startswith(f'<iframe src="{server.url}embed/?status=alleged"')  # made absolute by reader.js
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A newsroom article</title>'
        f'<link rel="icon" href="data:,"></head><body><h1>Article</h1>{snippet}</body></html>')
    host = Server(tmp_path)
    try:
        assert host.url != server.url  # another port: another origin
        page.goto(host.url)
        frame = page.frame_locator("iframe")
        frame.locator("[data-count]").filter(has_text="match").wait_for()
        visible = frame.locator(".e-item:not([hidden])")
        alleged = sum(1 for e in DATA.events if e.status == "alleged")
        assert visible.count() == alleged > 0
        assert frame.locator(".e-item[hidden]").count() == len(DATA.events) - alleged
        assert [s.get_attribute("data-status") for s in visible.all()] == ["alleged"] * alleged
        assert frame.locator("[data-full]").get_attribute("href").endswith("timeline/?status=alleged")
        with pw.context.expect_page() as opened:
            visible.first.locator("a").click()
        article = opened.value
        article.wait_for_load_state()
        assert article.url.startswith(server.url + "events/")
        assert page.url == host.url  # the host page stays where it is
        assert pw.errors == []
    finally:
        host.close()


@pytest.mark.browser
@pytest.mark.slow
def test_an_actor_chosen_on_the_timeline_embeds_that_actor_page(server, watch) -> None:
    page = watch().page
    page.goto(server.url + "timeline/")
    page.select_option("#f-actor", "south-korea-nis")
    page.select_option("#f-status", "alleged")
    assert 'src="' + server.url + 'embed/actors/south-korea-nis/?status=alleged"' in \
        page.locator("textarea[data-embed]").input_value()


@pytest.mark.browser
@pytest.mark.slow
def test_without_javascript_the_embed_page_lists_everything(server, watch) -> None:
    page = watch(java_script_enabled=False).page
    page.goto(server.url + "embed/?status=alleged")
    assert page.locator(".e-item:visible").count() == len(DATA.events)
