"""Moving through the timeline: previous and next on every event page, within an actor's or topic's list, and j/k."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from generator.model import load_dataset
from generator.site.neighbours import Neighbours
from tests.conftest import REPO, open_search

DATA, _ = load_dataset(REPO)
IDS = [e.id for e in DATA.events]
ACTOR = "south-korea-nis"


def _target(href: str) -> str:
    """The event id a link from an event page leads to ('../<id>/' or '../../events/<id>/?from=...')."""
    return urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1]


def test_every_event_page_links_its_neighbours_in_timeline_order(site) -> None:
    for at, ident in enumerate(IDS):
        tree = LexborHTMLParser((site / "events" / ident / "index.html").read_text(encoding="utf-8"))
        for rel, neighbour in (("prev", IDS[at - 1] if at else None), ("next", IDS[at + 1] if at + 1 < len(IDS) else None)):
            links = tree.css(f"a[rel={rel}]")
            if neighbour is None:
                assert links == [], (ident, rel)
                continue
            [link] = links
            assert _target(link.attributes["href"]) == neighbour
            event = DATA.by_id[neighbour]
            assert link.css_first(".tl-pager__event").text() == event.title
            assert link.css_first("time").text() == event.date.display()


def test_actor_and_topic_pages_link_events_with_their_list(site) -> None:
    tree = LexborHTMLParser((site / "actors" / ACTOR / "index.html").read_text(encoding="utf-8"))
    hrefs = [a.attributes["href"] for a in tree.css("a[data-event-link]")]
    assert hrefs and all(h.endswith(f"/?from=actor:{ACTOR}") for h in hrefs)
    tree = LexborHTMLParser((site / "tags" / "kursk" / "index.html").read_text(encoding="utf-8"))
    assert all(a.attributes["href"].endswith("/?from=tag:kursk") for a in tree.css("a[data-event-link]"))


def _apart() -> tuple[str, list, int]:
    """An actor, its events, and the position of one whose neighbours there are not its timeline neighbours."""
    lists = Neighbours(DATA).lists
    for actor in sorted(DATA.actors):
        mine = lists.get(f"actor:{actor}", [])
        for i in range(1, len(mine) - 1):
            at = IDS.index(mine[i].id)
            if IDS.index(mine[i - 1].id) != at - 1 and IDS.index(mine[i + 1].id) != at + 1:
                return actor, mine, i
    raise AssertionError("no actor's list differs from the timeline")


# -- in Chromium ----------------------------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.slow
def test_reached_from_an_actor_previous_and_next_stay_within_it(server, watch) -> None:
    pw = watch()
    page = pw.page
    actor, mine, at = _apart()
    page.goto(server.url + f"actors/{actor}/")
    page.wait_for_load_state("networkidle")  # before leaving: a request cut off by navigation counts as an error
    page.locator(f"a[href*='{mine[at].id}/?from=actor:{actor}']").first.click()
    page.wait_for_load_state("networkidle")  # reader.js has run
    assert page.locator("[data-pager-scope]").inner_text() == f"in {DATA.actors[actor].name}"
    assert _target(page.locator("a[rel=prev]").get_attribute("href")) == mine[at - 1].id
    assert _target(page.locator("a[rel=next]").get_attribute("href")) == mine[at + 1].id
    assert page.locator("a[rel=next] .tl-pager__event").inner_text() == mine[at + 1].title
    page.locator("a[rel=next]").click()
    page.wait_for_url(f"**/events/{mine[at + 1].id}/?from=actor:{actor}")  # the list goes on being followed
    page.wait_for_load_state("networkidle")
    page.goto(server.url + f"events/{mine[0].id}/?from=actor:{actor}")
    assert page.locator("a[rel=prev]").count() == 0
    assert page.locator("[data-pager-slot=prev]").inner_text() == f"The first event of {DATA.actors[actor].name}"
    page.wait_for_load_state("networkidle")
    page.goto(server.url + f"events/{mine[at].id}/?from=actor:no-such-actor")  # an unknown list: the timeline's
    assert _target(page.locator("a[rel=next]").get_attribute("href")) == IDS[IDS.index(mine[at].id) + 1]
    assert pw.errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_without_javascript_an_event_reached_from_a_list_keeps_the_timeline_neighbours(server, watch) -> None:
    mine = Neighbours(DATA).lists[f"actor:{ACTOR}"]
    page = watch(java_script_enabled=False).page
    page.goto(server.url + f"events/{mine[2].id}/?from=actor:{ACTOR}")
    assert _target(page.locator("a[rel=next]").get_attribute("href")) == IDS[IDS.index(mine[2].id) + 1]
    assert IDS[IDS.index(mine[2].id) + 1] != mine[3].id


@pytest.mark.browser
@pytest.mark.slow
def test_j_and_k_go_to_the_next_and_previous_event(server, watch) -> None:
    pw = watch()
    page = pw.page
    page.goto(server.url + f"events/{IDS[5]}/")
    page.wait_for_load_state("networkidle")  # else leaving the page aborts its last requests, which counts as an error
    page.keyboard.press("j")
    page.wait_for_url(f"**/events/{IDS[6]}/")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("k")
    page.wait_for_url(f"**/events/{IDS[5]}/")
    page.wait_for_load_state("networkidle")
    for keys in ("Shift+J", "Control+k", "Alt+j", "ArrowDown", "ArrowRight"):  # modifiers and arrows are not ours
        page.keyboard.press(keys)
    page.wait_for_timeout(300)
    assert page.url.endswith(f"events/{IDS[5]}/")
    open_search(page)
    search = page.locator("#tl-search-input")
    page.keyboard.type("kj")  # typing in the search box types
    page.wait_for_timeout(300)
    assert search.input_value() == "kj" and page.url.endswith(f"events/{IDS[5]}/")
    assert pw.errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_j_and_k_move_the_focus_between_the_events_of_a_list(server, watch) -> None:
    pw = watch()
    page = pw.page
    focused = "document.activeElement.getAttribute('href')"
    page.goto(server.url + "timeline/")
    page.keyboard.press("j")
    assert page.evaluate(focused) == f"../events/{IDS[0]}/"
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.evaluate(focused) == f"../events/{IDS[2]}/"
    page.keyboard.press("k")
    assert page.evaluate(focused) == f"../events/{IDS[1]}/"
    page.keyboard.press("ArrowDown")  # scrolls the page, as always; the focus stays
    assert page.evaluate(focused) == f"../events/{IDS[1]}/"
    page.select_option("#f-status", "expected")  # hidden events are skipped
    page.locator("h1").click()
    expected = [e.id for e in DATA.events if e.status == "expected"]
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.evaluate(focused) == f"../events/{expected[1]}/"
    page.goto(server.url + f"actors/{ACTOR}/")
    page.keyboard.press("j")
    assert page.evaluate(focused).endswith(f"?from=actor:{ACTOR}")
    assert pw.errors == []


def test_the_about_page_explains_the_keys(site) -> None:
    about = LexborHTMLParser((site / "about" / "index.html").read_text(encoding="utf-8"))
    assert any(h.text().strip().startswith("Keyboard") for h in about.css("h2, h3"))
    assert {"j", "k"} <= {k.text() for k in about.css("article kbd")}
