"""Shareable and followable: link-preview tags read back by an HTML parser, social cards, citations, feeds."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import io
import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from PIL import Image

from generator.config import from_mkdocs_yml
from generator.model import load_dataset
from generator.search import canonical
from generator.search.index import BUNDLE
from generator.site.cards import HEIGHT, STATUS_COLOURS, WIDTH, event_card, site_card
from generator.site.cite import citation
from generator.site.render import summary_text
from tests.conftest import REPO, build_site

DATA, _ = load_dataset(REPO)
CONFIG, _ = from_mkdocs_yml(REPO / "mkdocs.yml")
SITE_URL = "https://example.org/timeline/"
EVENT = "2024-10-08-first-special-forces-reach-vladivostok"
APOSTROPHE = next(e for e in DATA.events if "'" in e.title)  # escaping is tried on a title that needs it
PAGES = ["", "timeline/", f"events/{EVENT}/", f"events/{APOSTROPHE.id}/", "actors/", "actors/south-korea-nis/",
         "tags/", "tags/troop-deployment/", "sources/", "sources/003_52ce23f21a5653b0/", "figures/", "data/",
         "corrections/", "about/", "embed/", f"embed/events/{EVENT}/"]


class _Head(HTMLParser):
    """What a page's <head> says, as a browser or a link-preview bot parses it."""

    def __init__(self):
        super().__init__()
        self.properties: dict[str, list[str]] = {}
        self.links: list[dict] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.properties.setdefault(attrs.get("property") or attrs["name"], []).append(attrs.get("content"))
        elif tag == "link":
            self.links.append(attrs)
        self._in_title = tag == "title"

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag):
        self._in_title = False

    def one(self, name: str) -> str | None:
        values = self.properties.get(name, [])
        assert len(values) <= 1, (name, values)
        return values[0] if values else None


def _head(site: Path, path: str) -> _Head:
    parser = _Head()
    parser.feed((site / path / "index.html").read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """The site as deployed: with its address known."""
    out = tmp_path_factory.mktemp("published")
    run = build_site(REPO, out, env={"SITE_URL": SITE_URL})
    assert run.returncode == 0, run.stderr
    return out


@pytest.mark.slow
@pytest.mark.parametrize("path", PAGES)
def test_every_page_type_tells_link_previews_what_it_is(published, path) -> None:
    head = _head(published, path)
    assert head.one("og:site_name") == CONFIG.title
    assert head.one("og:title") and head.one("og:description")
    assert head.one("twitter:title") == head.one("og:title")
    assert head.one("og:url") == SITE_URL + path
    canonical = [link["href"] for link in head.links if link.get("rel") == "canonical"]
    assert canonical == [SITE_URL + (f"events/{EVENT}/" if path.startswith("embed/events") else
                                     "timeline/" if path == "embed/" else path)]
    image = head.one("og:image")
    assert image.startswith(SITE_URL) and head.one("twitter:image") == image
    assert head.one("twitter:card") == "summary_large_image"
    with Image.open(published / image[len(SITE_URL):]) as card:
        assert card.format == "PNG" and card.size == (WIDTH, HEIGHT) == (int(head.one("og:image:width")),
                                                                       int(head.one("og:image:height")))
    is_event = "events/" in path
    assert head.one("og:type") == ("article" if is_event else "website")


@pytest.mark.slow
def test_an_event_page_is_an_article_with_its_own_card_and_exact_title(published) -> None:
    head = _head(published, f"events/{APOSTROPHE.id}/")
    assert head.one("og:title") == APOSTROPHE.title  # unescaped once by the parser: exactly the title
    assert head.title.startswith(APOSTROPHE.title)
    assert head.one("og:image") == SITE_URL + f"assets/cards/events/{APOSTROPHE.id}.png"
    assert APOSTROPHE.title in head.one("og:image:alt") and APOSTROPHE.status in head.one("og:image:alt")
    published_time = dt.datetime.fromisoformat(head.one("article:published_time"))
    assert published_time == APOSTROPHE.history.added  # the day git first saw the file
    assert head.one("og:description") == summary_text(APOSTROPHE.summary)


def test_without_a_site_address_no_address_is_guessed(site) -> None:
    for path in ("", f"events/{EVENT}/", "embed/"):
        head = _head(site, path)
        assert head.one("og:title") and head.one("og:site_name") == CONFIG.title
        assert head.one("og:url") is None and head.one("og:image") is None and head.one("twitter:image") is None
        assert head.one("twitter:card") == "summary"
        assert not [link for link in head.links if link.get("rel") == "canonical"]


def test_social_cards_are_deterministic_and_show_the_status(site) -> None:
    event = DATA.by_id[EVENT]
    first, again = event_card(event, CONFIG), event_card(event, CONFIG)
    assert first == again == (site / "assets" / "cards" / "events" / f"{EVENT}.png").read_bytes()  # the build's
    for status, colour in STATUS_COLOURS.items():
        with Image.open(io.BytesIO(event_card(dataclasses.replace(event, status=status), CONFIG))) as card:
            assert card.size == (WIDTH, HEIGHT)
            assert card.convert("RGB").getpixel((5, HEIGHT // 2)) == colour  # the status's colour down the edge
    assert event_card(dataclasses.replace(event, title=event.title + " again"), CONFIG) != first
    for e in DATA.events:
        assert (site / "assets" / "cards" / "events" / f"{e.id}.png").is_file()
    assert (site / "assets" / "cards" / "site.png").read_bytes() == site_card(CONFIG)


# -- feeds ----------------------------------------------------------------------------------------------------


def _alternate(site: Path, path: str) -> Path:
    """The feed a page names with <link rel="alternate"> and an Atom type, as a file of the site."""
    feeds = [link for link in _head(site, path).links
             if "alternate" in link.get("rel", "").split() and link.get("type") == "application/atom+xml"]
    assert len(feeds) == 1, (path, feeds)
    return (site / path / feeds[0]["href"]).resolve()


def test_each_feed_is_linked_from_its_page(site) -> None:
    expected = {"": "feed.xml", "timeline/": "feed.xml", "actors/south-korea-nis/": "feeds/actors/south-korea-nis.xml",
                "tags/kursk/": "feeds/tags/kursk.xml", "corrections/": "feeds/corrections.xml"}
    for page, feed in expected.items():
        assert _alternate(site, page) == (site / feed).resolve()
        assert _alternate(site, page).is_file()


def test_topic_feeds_hold_the_topic_events(site) -> None:
    for tag in DATA.tags:
        feed = feedparser.parse((site / "feeds" / "tags" / f"{tag}.xml").read_bytes())
        assert feed.bozo == 0, feed.get("bozo_exception")
        assert DATA.tags[tag].label in feed.feed.title
        assert sorted(urlsplit(e.link).path.rstrip("/").rsplit("/", 1)[-1] for e in feed.entries) == \
            sorted(e.id for e in DATA.by_tag.get(tag, []))
    ids = {feedparser.parse((site / "feeds" / "tags" / f"{t}.xml").read_bytes()).feed.id for t in DATA.tags}
    ids |= {feedparser.parse((site / "feeds" / "actors" / f"{a}.xml").read_bytes()).feed.id for a in DATA.actors}
    assert len(ids) == len(DATA.tags) + len(DATA.actors)


def test_the_corrections_feed_has_every_correction_newest_first(site) -> None:
    feed = feedparser.parse((site / "feeds" / "corrections.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    corrections = [(c, e) for e in DATA.events for c in e.corrections]
    assert len(feed.entries) == len(corrections) > 0
    assert len({entry.id for entry in feed.entries}) == len(corrections)
    days = [entry.updated[:10] for entry in feed.entries]
    assert days == sorted(days, reverse=True)
    for entry in feed.entries:
        event_id = urlsplit(entry.link).path.rstrip("/").rsplit("/", 1)[-1]
        assert entry.link.endswith("#corrections") and entry.title == f"Correction: {DATA.by_id[event_id].title}"
        assert any(c.change in entry.content[0].value and c.reason in entry.content[0].value
                   for c in DATA.by_id[event_id].corrections)


# -- link and citation, in Chromium ---------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.slow
def test_copy_link_and_cite_this_event(server, watch) -> None:
    pw = watch(permissions=["clipboard-read", "clipboard-write"])
    page = pw.page
    address = server.url + f"events/{EVENT}/"
    page.goto(address + "?from=tag:kursk")
    page.click("button[data-copy=tl-link]")
    page.locator("output[for=tl-link]").filter(has_text="Copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == address  # without the list it was reached from
    page.click("button[data-copy=tl-cite-text]")
    page.locator("output[for=tl-cite-text]").filter(has_text="Copied").wait_for()
    citation = page.evaluate("navigator.clipboard.readText()")
    event = DATA.by_id[EVENT]
    added = event.history.added
    assert citation == (f"{CONFIG.author}. “{event.title}.” {CONFIG.title}, "
                        f"{added.day} {added.strftime('%b')} {added.year}, {address}. Accessed [date].")
    page.locator("summary", has_text="CSL-JSON").click()
    [item] = json.loads(page.locator("#tl-cite-csl").inner_text())
    assert item == {"id": EVENT, "type": "webpage", "title": event.title, "container-title": CONFIG.title,
                    "URL": address, "author": [{"literal": CONFIG.author}],
                    "issued": {"date-parts": [[added.year, added.month, added.day]]}}
    page.locator("summary", has_text="BibTeX").click()
    bibtex = page.locator("#tl-cite-bibtex").inner_text()
    assert bibtex.startswith(f"@misc{{{EVENT},") and f"url = {{{address}}}," in bibtex
    assert f"year = {{{added.year}}}," in bibtex and bibtex.count("{") == bibtex.count("}")
    assert pw.errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_without_javascript_the_link_and_citation_are_there_to_select(server, watch) -> None:
    page = watch(java_script_enabled=False).page
    page.goto(server.url + f"events/{EVENT}/")
    assert page.locator("button[data-copy]:visible").count() == 0  # no button that cannot work
    assert page.locator("#tl-link").input_value() == f"events/{EVENT}/"
    assert urljoin(server.url, page.locator("#tl-link").input_value()) == server.url + f"events/{EVENT}/"
    assert DATA.by_id[EVENT].title in page.locator("#tl-cite-text").inner_text()


def test_the_about_page_cites_an_event_as_the_site_does() -> None:
    about = " ".join((REPO / "docs" / "about.md").read_text(encoding="utf-8").split())
    event = DATA.by_id["2023-09-13-kim-and-putin-meet-in-russia"]
    assert f"*{citation(event, dataclasses.replace(CONFIG, url='https://…/'))['text']}*" in about


def test_link_cite_embed_and_pager_stay_out_of_search(site) -> None:
    fragments = [json.loads(gzip.decompress(p.read_bytes())[len(canonical.SIGNATURE):])
                 for p in (site / BUNDLE / "fragment").iterdir()]
    events = [f for f in fragments if f["url"].startswith("/events/")]
    assert len(events) == len(DATA.events)
    for doc in events:
        for words in ("BibTeX", "Embed this", "Previous and next", CONFIG.author, "Atom feed"):
            assert words not in doc["meta"]["title"] + doc["content"], (doc["url"], words)
