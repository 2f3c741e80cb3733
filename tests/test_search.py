"""Search as a reader meets it: the Pagefind index of the real build, queried through the header's dialog in
Debian's Chromium, by keyboard, with filters, under the site's Content-Security-Policy; and the index builder."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from generator.model import load_dataset
from generator.search import canonical
from generator.search.index import BUNDLE, SearchIndexError, build_index
from tests.conftest import REPO, inject, open_search
from tests.test_hostile_site import EVENT_ID as HOSTILE_EVENT
from tests.test_hostile_site import (
    PWN,
    hostile_site,  # noqa: F401 - a fixture the tests below ask for
)

DATA, _ = load_dataset(REPO)
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
QUOTED = "2024-10-defence-express-editor-says-units-could-guard-border"
ALIAS_ONLY = "2025-06-30-kim-mourns-soldiers-killed-in-russia"  # names KCNA only as an alias of an actor
RESULT_LINKS = ".tl-search__result a"


def wait_status(page, pattern: str) -> None:
    """Wait for the dialog's status line to match `pattern` (a locator wait: the policy forbids eval'd predicates)."""
    page.locator(".tl-search__status").filter(has_text=re.compile(pattern)).wait_for(timeout=10_000)


def hrefs(page) -> list[str]:
    return page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.getAttribute('href'))")


def search(page, words: str) -> list[str]:
    """Type `words` into the open dialog and return the addresses of the results drawn."""
    page.keyboard.type(words)
    wait_status(page, "results? for “" + re.escape(words) + "”")
    return hrefs(page)


# -- the index --------------------------------------------------------------------------------------------

def test_index_holds_every_event_actor_and_source_and_nothing_else(site) -> None:
    entry = json.loads((site / BUNDLE / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == len(DATA.events) + len(DATA.actors) + len(DATA.seeds)
    fragments = [gzip.decompress(p.read_bytes())[len(canonical.SIGNATURE):] for p in (site / BUNDLE / "fragment").iterdir()]
    urls = sorted(json.loads(f)["url"] for f in fragments)
    assert urls == sorted([f"/events/{e.id}/" for e in DATA.events] + [f"/actors/{a}/" for a in DATA.actors]
                          + [f"/sources/{s}/" for s in DATA.seeds])
    event = next(json.loads(f) for f in fragments if json.loads(f)["url"] == f"/events/{QUOTED}/")
    assert event["filters"]["status"] == [DATA.by_id[QUOTED].status]
    assert "Valeriy Ryabykh" in event["filters"]["actor"]
    assert event["meta"]["kind"] == "Event" and event["meta"]["title"] == DATA.by_id[QUOTED].title
    assert "Who" not in event["content"] and "Suggest a correction" not in event["content"]  # headings and chrome left out
    # Pagefind's own ready-made interfaces are not published: the site has its own dialog
    assert not list((site / BUNDLE).glob("pagefind-*ui*")) and not (site / BUNDLE / "pagefind-highlight.js").exists()


def test_index_refuses_pages_with_nothing_marked_and_a_count_the_templates_do_not_give(tmp_path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(f'<!doctype html><html lang="en"><head><title>{name}</title></head>'
                                                    f'<body><nav>menu</nav><h1>{name}</h1><p>text</p></body></html>')
    with pytest.raises(SearchIndexError, match="no page carries data-pagefind-body"):
        build_index(tmp_path, expect=2)
    assert not (tmp_path / BUNDLE).exists()
    page = tmp_path / "a" / "index.html"
    page.write_text(page.read_text().replace("<p>text", "<p data-pagefind-body>text"))
    with pytest.raises(SearchIndexError, match="indexed 1 pages where the templates mark 2"):
        build_index(tmp_path, expect=2)
    assert build_index(tmp_path, expect=1).pages == 1


def test_filters_are_rewritten_in_a_stable_order_that_reads_back(tmp_path) -> None:
    """Pagefind writes filter values in hash-map order; canonical.py sorts them and renames what names them."""
    pages = ["zulu", "alpha", "mike", "echo", "kilo", "bravo"]
    for n, value in enumerate(pages):
        (tmp_path / f"p{n}").mkdir()
        (tmp_path / f"p{n}" / "index.html").write_text(
            f'<!doctype html><html lang="en"><head><title>p{n}</title></head><body><div data-pagefind-body>'
            f'<p data-pagefind-filter="word">{value}</p><p data-pagefind-filter="other:{n % 2}">x</p></div></body></html>')
    build_index(tmp_path)
    first = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in (tmp_path / BUNDLE).rglob("*") if p.is_file()}
    for _ in range(3):
        build_index(tmp_path)
        again = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in (tmp_path / BUNDLE).rglob("*") if p.is_file()}
        assert again == first
    chunks = [canonical.read(p) for p in (tmp_path / BUNDLE / "filter").iterdir()]
    word = next(values for name, values in chunks if name == "word")
    assert [value for value, _ in word] == sorted(pages)
    entry = json.loads((tmp_path / BUNDLE / "pagefind-entry.json").read_text())
    meta = canonical.read(tmp_path / BUNDLE / f"pagefind.{entry['languages']['en']['hash']}.pf_meta")
    assert [name for name, _ in meta[3]] == ["other", "word"]


def test_the_codec_refuses_what_it_would_not_write_back(tmp_path) -> None:
    odd = tmp_path / "odd.pf_filter"
    odd.write_bytes(gzip.compress(canonical.SIGNATURE + bytes([0x82, 0x61, 0x61, 0xa0])))  # a CBOR map: not Pagefind's
    with pytest.raises(canonical.FormatChanged):
        canonical.read(odd)
    long_form = tmp_path / "long.pf_filter"
    long_form.write_bytes(gzip.compress(canonical.SIGNATURE + bytes([0x18, 0x05])))  # 5 written in two bytes
    with pytest.raises(canonical.FormatChanged, match="byte for byte"):
        canonical.read(long_form)


def test_header_is_materials_but_for_the_search_button() -> None:
    """The override must follow Material: a theme update that changes its header fails here, not silently."""
    import material
    theirs = (Path(material.__file__).parent / "templates" / "partials" / "header.html").read_text()
    ours = (REPO / "generator" / "theme" / "partials" / "header.html").read_text()
    block = re.compile(r'    {% if "material/search" in config\.plugins %}.*?\n    {% endif %}\n', re.DOTALL)
    assert len(block.findall(theirs)) == 1
    expected = block.sub('    {% include "partials/tl-search.html" %}\n', theirs).split("-#}\n", 1)[1]
    assert ours.split("-#}\n", 1)[1] == expected


# -- in Chromium --------------------------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.slow
def test_a_quoted_phrase_finds_its_event_first(server, watch) -> None:
    pw = watch()
    pw.page.goto(server.url)
    open_search(pw.page)
    found = search(pw.page, '"could guard some sections of the Russian-Ukrainian border"')
    assert found[0] == f"/events/{QUOTED}/"
    assert all(href.startswith(("/events/", "/sources/")) for href in found)
    first = pw.page.locator(".tl-search__result").first
    assert "REPORTED" in first.inner_text().upper() and "Oct 2024" in first.inner_text()
    assert pw.errors == []


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("words,event", [("Ryabykh", QUOTED), ("KCNA", ALIAS_ONLY)])
def test_an_actor_name_or_alias_finds_the_event(words, event, server, watch) -> None:
    pw = watch()
    pw.page.goto(server.url + f"events/{event}/")
    if words == "KCNA":  # an alias the page never shows: only the actor link's title carries it
        assert "KCNA" not in pw.page.locator("article").inner_text()
    open_search(pw.page, "s")
    found = search(pw.page, words)
    assert f"/events/{event}/" in found
    assert pw.errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_filters_by_status_actor_and_topic(server, watch) -> None:
    pw = watch()
    page = pw.page
    page.goto(server.url + "timeline/")
    open_search(page)
    options = page.eval_on_selector_all("#tl-search-status option", "os => os.map(o => o.value)")
    assert options == ["", "confirmed", "reported", "alleged", "disputed", "expected"]
    page.select_option("#tl-search-status", "reported")  # no words: every reported event, in date order
    reported = [e for e in DATA.events if e.status == "reported"]
    assert len(reported) > 10  # more than one batch of results
    wait_status(page, f"^{len(reported)} results with status reported, showing the first 10")
    page.click(".tl-search__more")
    wait_status(page, f"^{len(reported)} results with status reported\\.$")
    found = hrefs(page)
    assert sorted(found) == sorted(f"/events/{e.id}/" for e in reported)
    starts = [DATA.by_id[h.split("/")[2]].date.earliest() for h in found]
    assert starts == sorted(starts)
    assert page.locator(".tl-search__result .tl-badge--reported").count() == len(reported)
    nis = DATA.actors["south-korea-nis"].name
    page.select_option("#tl-search-status", "alleged")
    page.select_option("#tl-search-actor", nis)
    expected = {f"/events/{e.id}/" for e in DATA.events if e.status == "alleged" and "south-korea-nis" in e.actor_ids()}
    wait_status(page, f"^{len(expected)} results? with status alleged, actor {re.escape(nis)}\\.$")
    assert set(hrefs(page)) == expected
    page.select_option("#tl-search-status", "")
    page.select_option("#tl-search-actor", "")
    page.select_option("#tl-search-tag", DATA.tags["troop-deployment"].label)
    page.locator("#tl-search-input").fill("Vladivostok")
    wait_status(page, f"results? for “Vladivostok” with topic {re.escape(DATA.tags['troop-deployment'].label)}")
    found = hrefs(page)
    assert found and all("troop-deployment" in DATA.by_id[h.split("/")[2]].tags for h in found)
    assert pw.errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_keyboard_only(server, watch) -> None:
    pw = watch()
    page = pw.page
    page.goto(server.url + "about/")
    focused = "document.activeElement && (document.activeElement.id || document.activeElement.getAttribute('href'))"
    page.keyboard.press("s")  # as in Material: s or / opens the search, with the cursor in the box
    page.wait_for_selector("dialog.tl-search[open]")
    assert page.evaluate(focused) == "tl-search-input"
    found = search(page, "Ryabykh")
    assert len(found) >= 2
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == found[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == found[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate(focused) == "tl-search-input"
    page.keyboard.press("Escape")
    assert not page.locator("dialog.tl-search").is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-tl-search')")  # focus back on the button
    page.keyboard.press("Enter")  # the button opens it again, the words still there
    page.wait_for_selector("dialog.tl-search[open]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(found[0]) + "$"))
    assert pw.errors == []


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_dialog_with_results_passes_axe(scheme, server, watch) -> None:
    pw = watch(color_scheme=scheme)
    page = pw.page
    page.goto(server.url)
    open_search(page)
    search(page, "North Korean troops")
    page.select_option("#tl-search-status", "reported")
    page.wait_for_timeout(300)
    inject(page, AXE)
    violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                               ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(' | '))")
    assert violations == []
    assert pw.errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_without_javascript_the_search_button_is_a_link_to_the_timeline(server, watch) -> None:
    page = watch(java_script_enabled=False).page
    page.goto(server.url + "sources/")
    button = page.locator("[data-tl-search]")
    assert button.is_visible() and button.get_attribute("href") == "../timeline/"
    button.click()
    page.wait_for_url(server.url + "timeline/")


@pytest.mark.browser
@pytest.mark.slow
def test_search_loads_nothing_until_asked_and_then_only_from_the_site(server, watch) -> None:
    pw = watch()
    requests: list[str] = []
    pw.page.on("request", lambda r: requests.append(r.url))
    pw.page.goto(server.url + "timeline/")
    pw.page.wait_for_load_state("networkidle")
    assert not [u for u in requests if f"/{BUNDLE}/" in u]  # reading a page costs no search bytes
    open_search(pw.page)
    search(pw.page, "treaty")
    assert [u for u in requests if f"/{BUNDLE}/" in u]
    assert all(u.startswith(server.url) for u in requests)
    assert pw.errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_payloads_in_results_stay_text(hostile_site, watch) -> None:  # noqa: F811 - the imported fixture
    _, server = hostile_site
    pw = watch()
    page = pw.page
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server.url)
    open_search(page)
    found = search(page, "script")
    assert f"/events/{HOSTILE_EVENT}/" in found
    results = page.locator(".tl-search__results")
    assert "<script>" in results.inner_text()  # the title and excerpts show the markup as text
    assert results.locator("script, img, iframe, svg, [onerror], [onload]").count() == 0
    for link in results.locator("a").all():
        link.hover()
    assert page.evaluate("window.__pwned") is None and dialogs == []
    assert not [e for e in pw.errors if "pwned" in e.lower() or PWN in e]
