"""Long lists are cut into pages of bounded size by the calendar, and every event stays reachable.

The test site gets many more events than its `split_at`, spread over three years, mostly in a
few busy months and some dated only to a season, then is built for real; every page of a cut
list is read back.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from generator.config import from_mkdocs_yml
from generator.model import load_dataset
from generator.site import build_pages
from generator.site.paging import Slot, cut, numbered
from tests.cases import copy_site
from tests.conftest import build_site

LIMIT = 4
ROW = re.compile(r'<li class="tl-row">.*?href="([^"?]*)')


def _crowded(root: Path, count: int = 37) -> Path:
    """The test site with `count` more events: nine busy months of 2024 and 2023, some known only to a season."""
    template = (root / "events" / "2024" / "2024-10-08-first-repairs.yaml").read_text(encoding="utf-8")
    for n in range(count):
        year = 2023 + n % 2
        if n % 9 == 0:
            date, text, stem = f"{year}-22", "in the summer", f"{year}-22-works-{n}"
        else:
            month, day = 1 + n % 3, 1 + n % 27
            date, text, stem = f"{year}-{month:02d}-{day:02d}", "on that day", f"{year}-{month:02d}-{day:02d}-works-{n}"
        body = (template.replace("id: 2024-10-08-first-repairs", f"id: {stem}")
                .replace('date: "2024-10-08/2024-10-13"', f'date: "{date}"')
                .replace("date_text: between October 8 to the 13th", f"date_text: {text}")
                .replace("title: The first repairs run for six days", f"title: Works, stage {n}"))
        (root / "events" / str(year)).mkdir(exist_ok=True)
        (root / "events" / str(year) / f"{stem}.yaml").write_text(body, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("      texts: texts\n", f"      texts: texts\n      split_at: {LIMIT}\n"))
    return root


@pytest.fixture(scope="module")
def crowded(tmp_path_factory) -> tuple[Path, Path]:
    root = _crowded(copy_site(tmp_path_factory.mktemp("crowded") / "repo"))
    out = root / "site"
    run = build_site(root, out)
    assert run.returncode == 0, run.stderr
    return root, out


def test_cut_follows_the_calendar_and_bounds_every_page(tmp_path: Path) -> None:
    root = _crowded(copy_site(tmp_path / "repo"))
    data, _ = load_dataset(root)
    cuts = cut(data.events, LIMIT)
    assert cuts[0].slot == Slot() and not cuts[0].events
    assert [slot for slot, _ in cuts[0].below] == [Slot(2023), Slot(2024), Slot(2025)]
    listed = [e.id for c in cuts for e in c.events]
    assert sorted(listed) == sorted(e.id for e in data.events)  # every event on exactly one page
    assert all(len(c.events) <= LIMIT for c in cuts)
    first = next(c for c in cuts if c.parts)  # a month too busy for one page continues in numbered parts
    busy = [c for c in cuts if (c.slot.year, c.slot.month) == (first.slot.year, first.slot.month)]
    assert first.slot.month and first.slot.part is None and len(busy) > 1
    assert [c.slot for c in busy] == [first.slot] + [Slot(first.slot.year, first.slot.month, n)
                                                     for n in range(2, len(busy) + 1)]
    assert all(c.parts == [b.slot for b in busy] for c in busy)
    season = next(c for c in cuts if c.slot == Slot(2024))
    assert season.events and all(e.date.known.season for e in season.events)  # the year keeps its season events
    assert [s.path() for s in (Slot(), Slot(2024), Slot(2024, 1), Slot(2024, 1, 3))] == [
        "", "2024/", "2024/01/", "2024/01/part-3/"]
    assert cut(data.events[:LIMIT], LIMIT)[0].whole
    assert numbered(list("abcde"), 2) == [(Slot(), ["a", "b"]), (Slot(part=2), ["c", "d"]), (Slot(part=3), ["e"])]


def test_no_generated_page_lists_more_than_split_at(tmp_path: Path) -> None:
    root = _crowded(copy_site(tmp_path / "repo"))
    data, _ = load_dataset(root)
    config, _ = from_mkdocs_yml(root / "mkdocs.yml")
    for page in build_pages(data, config):
        if page.src.startswith(("actors/", "tags/", "sources/")) and page.src.count("/") >= 1:
            rows = page.content.count('<li class="tl-row">')
            assert rows <= 5 * LIMIT, page.src  # an actor's page lists an event once per role it has there
            if page.src.startswith(("tags/", "sources/")):
                assert rows <= LIMIT, page.src
        if page.src.startswith("figures/") and page.src != "figures/index.md":
            assert page.content.count("<tr><td>") <= LIMIT, page.src


def test_every_event_is_reached_from_a_cut_list_by_links(crowded) -> None:
    root, out = crowded
    data, _ = load_dataset(root)
    for start, expected in (("tags/bridge/", data.by_tag["bridge"]),
                            ("actors/riverside-council/", data.by_actor["riverside-council"]["participant"]),
                            ("sources/001_f6eaeb197de4692c/", [e for e, _, _ in data.citations["001_f6eaeb197de4692c"]])):
        seen: set[str] = set()
        found: Counter[str] = Counter()
        queue = [start]
        while queue:
            url = queue.pop()
            if url in seen:
                continue
            seen.add(url)
            html = (out / url / "index.html").read_text(encoding="utf-8")
            main = html[html.index('<div class="tl-page">'):html.index("</article>")]
            for href in ROW.findall(main):
                found[(Path(url) / href).resolve().name] += 1
            for href in re.findall(r'href="([^"#?:]+)"', main):
                target = (Path("/") / url / href).resolve().as_posix().strip("/") + "/"
                if target.startswith(start):
                    queue.append(target)
        assert set(found) >= {e.id for e in expected}, start
        assert len(seen) > 2, start  # the list was cut and its pages were followed


def test_a_passage_quoted_by_many_events_has_one_anchor_that_event_pages_link_to(crowded) -> None:
    root, out = crowded
    source = (out / "sources" / "001_f6eaeb197de4692c" / "index.html").read_text(encoding="utf-8")
    event = (out / "events" / "2024-02-02-works-1" / "index.html").read_text(encoding="utf-8")
    [anchor] = re.findall(r'href="\.\./\.\./sources/001_f6eaeb197de4692c/#(p-\d+-\d+)"', event)
    assert source.count(f'id="{anchor}"') == 1
    assert len(re.findall(r'id="q-', source)) <= LIMIT  # the anchors by event stop at split_at


def test_the_timeline_is_cut_by_year_and_month_and_its_strip_links_to_the_pages(crowded) -> None:
    root, out = crowded
    data, _ = load_dataset(root)
    pages = {p.parent.relative_to(out).as_posix() + "/": p.read_text(encoding="utf-8")
             for p in (out / "timeline").rglob("index.html")}
    assert {"timeline/", "timeline/2024/", "timeline/2024/02/", "timeline/2024/02/part-2/"} <= set(pages)
    listed: Counter[str] = Counter()
    for url, html in pages.items():
        items = re.findall(r'<a href="[./]*events/([^/"]+)/" data-event-link>', html)
        assert len(items) <= LIMIT, url
        listed.update(items)
    assert sorted(listed) == sorted(e.id for e in data.events) and set(listed.values()) == {1}  # each once
    top = pages["timeline/"]
    assert not re.findall(r"data-event-link", top) and 'href="../timeline/2024/"' in top
    bars = re.findall(r'<a href="([^"]+)" aria-label="[^"]+ events?"><title>', top)  # the strip's bars
    assert len(bars) >= 6
    for href in bars:
        path, anchor = href.split("#")
        target = (Path("/timeline") / path).resolve().as_posix().strip("/") + "/"
        assert f'id="{anchor}"' in pages[target], href
    year = pages["timeline/2024/"]  # the year lists its months and keeps the events known only to a season
    assert 'href="../../timeline/2024/02/"' in year and "Summer 2024" in year
