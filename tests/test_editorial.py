"""Corrections, history, ordering and the site's own sentences: what the pages say is true of the data."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
from html import unescape
from pathlib import Path

import pytest

from generator import history as history_module
from generator.check import check
from generator.config import SiteConfig
from generator.model import in_timeline_order, load_dataset
from generator.site import Site
from tests.cases import REPO, base_tree

DATA, _ = load_dataset(REPO)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return {p.src: p.content for p in Site(DATA, SiteConfig(repo_url="https://github.com/example/timeline")).build()}


# -- ordering --------------------------------------------------------------------------------------------------

def test_follows_orders_events_that_share_a_date() -> None:
    order = [e.id for e in DATA.events]
    for event in DATA.events:
        for earlier in event.follows:
            assert order.index(earlier) < order.index(event.id), (earlier, event.id)
    # the audit's examples: a denial listed before the non-denial, a claim before its corroboration
    assert order.index("2024-10-moscow-dismisses-reports-of-north-korean-troops") < order.index(
        "2024-10-putin-does-not-deny-north-korean-soldiers-in-russia")
    assert order.index("2024-10-zelensky-says-10000-north-korean-troops-joining-russia") < order.index(
        "2024-10-south-korea-corroborates-zelensky-on-north-korean-soldiers")


def test_timeline_order_is_by_date_where_nothing_follows() -> None:
    import dataclasses

    plain = [dataclasses.replace(e, follows=()) for e in DATA.events]
    assert [e.id for e in in_timeline_order(plain)] == [e.id for e in sorted(plain, key=lambda e: e.sort_key())]
    # one constraint moves only the follower, behind what it follows
    a, b = sorted(plain, key=lambda e: e.sort_key())[:2]
    a2 = dataclasses.replace(a, follows=(b.id,))
    ordered = [e.id for e in in_timeline_order([a2, b, *[e for e in plain if e.id not in (a.id, b.id)]])]
    assert ordered.index(b.id) < ordered.index(a.id)


def test_follows_loop_across_two_files_is_refused(tmp_path) -> None:
    root = base_tree(tmp_path / "repo", REPO)
    first = root / "events" / "2024" / "2024-10-moscow-dismisses-reports-of-north-korean-troops.yaml"
    second = root / "events" / "2024" / "2024-10-putin-does-not-deny-north-korean-soldiers-in-russia.yaml"
    first.write_text(first.read_text() + "follows: [2024-10-putin-does-not-deny-north-korean-soldiers-in-russia]\n")
    assert "follows:" in second.read_text()
    _, result = check(root)
    assert [f.code for f in result.errors] == ["follows-cycle"]


def test_an_event_without_a_date_basis_is_warned(tmp_path) -> None:
    root = base_tree(tmp_path / "repo", REPO)
    path = root / "events" / "2024" / "2024-kursk-incursion.yaml"
    text = path.read_text()
    text = re.sub(r"\ndate_text:[^\n]*", "", text)
    text = re.sub(r"\nnotes: >-\n(  [^\n]*\n)+", "\n", text)
    path.write_text(text)
    _, result = check(root, ["events/2024/2024-kursk-incursion.yaml"])
    assert [(f.code, f.severity) for f in result.findings] == [("date-basis", "warning")]


# -- corrections -------------------------------------------------------------------------------------------------

def test_every_correction_is_on_its_event_page_and_the_corrections_page_newest_first(pages) -> None:
    corrected = [e for e in DATA.events if e.corrections]
    assert corrected, "the audit recorded corrections"
    listing = pages["corrections/index.md"]
    seen_dates = [dt.date.fromisoformat(d) for d in re.findall(r'<time datetime="([0-9-]+)">', listing)]
    assert len(seen_dates) == sum(len(e.corrections) for e in DATA.events)
    assert seen_dates == sorted(seen_dates, reverse=True)
    for event in corrected:
        page = _text(pages[f"events/{event.id}.md"])
        for correction in event.corrections:
            assert _text(correction.change) in page and _text(correction.reason) in page
            assert _text(correction.change) in _text(listing)


def test_corrections_are_carried_in_the_json_export() -> None:
    from generator import export

    records = {e["id"]: e for e in json.loads(export.export(DATA, "json", SiteConfig()))["events"]}
    for event in DATA.events:
        assert records[event.id]["corrections"] == [
            {"date": c.date.isoformat(), "change": c.change, "reason": c.reason} for c in event.corrections]


# -- history from git ---------------------------------------------------------------------------------------------

def _git(root: Path, *args: str, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "Editor",
           "GIT_AUTHOR_EMAIL": "editor@example.org", "GIT_COMMITTER_NAME": "Editor",
           "GIT_COMMITTER_EMAIL": "editor@example.org"}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def test_last_changed_comes_from_one_git_pass_over_the_tree(tmp_path, monkeypatch) -> None:
    root = base_tree(tmp_path / "repo", REPO)
    _git(root, "init", "-q", when="2025-01-01T00:00:00Z")
    _git(root, "add", ".", when="2025-01-01T00:00:00Z")
    _git(root, "commit", "-q", "-m", "first", when="2025-01-02T10:00:00Z")
    event = root / "events" / "2024" / "2024-kursk-incursion.yaml"
    event.write_text(event.read_text() + "# re-read against its seed\n")
    _git(root, "commit", "-q", "-am", "second", when="2025-03-04T10:00:00Z")
    calls = []
    real_run = subprocess.run
    monkeypatch.setattr(history_module.subprocess, "run", lambda *a, **k: calls.append(a) or real_run(*a, **k))
    data, _ = load_dataset(root)
    assert len(calls) == 1  # one process for the whole tree, not one per file
    by_id = {e.id: e for e in data.events}
    assert by_id["2024-kursk-incursion"].history.changed.date() == dt.date(2025, 3, 4)
    assert by_id["2024-kursk-incursion"].history.added.date() == dt.date(2025, 1, 2)
    other = next(e for e in data.events if e.id != "2024-kursk-incursion")
    assert other.history.changed.date() == dt.date(2025, 1, 2)
    from generator.site.views import events as event_view
    page = event_view.page(Site(data, SiteConfig(repo_url="https://github.com/example/timeline")), by_id["2024-kursk-incursion"])
    assert '<time datetime="2025-03-04">4 Mar 2025</time>' in page.content
    assert "https://github.com/example/timeline/commits/main/events/2024/2024-kursk-incursion.yaml" in page.content
    assert load_dataset(root)[0].events[0].history == data.events[0].history  # deterministic for a commit


# -- the site's own sentences ---------------------------------------------------------------------------------------

def test_home_page_sentences_are_true_of_the_data(pages) -> None:
    home = _text(pages["index.md"])
    first = min(e.date.earliest() for e in DATA.events)
    last = max(p.upper() for e in DATA.events for p in (e.date.start, e.date.end) if p)
    assert f"{len(DATA.events)} events dated between {first:%b %Y} and {last:%b %Y}" in home
    urls = {s.url for e in DATA.events for s in e.sources if s.url}
    assert f"drawn from {len(DATA.seeds)} source documents and {len(urls)} further reports" in home
    assert "from from" not in home and "to from" not in home
    items = re.findall(r"<li><strong>(.*?):</strong>(.*?)</li>", pages["index.md"], re.DOTALL)
    lines = {unescape(label): body for label, body in items}
    for metric, rows in DATA.figures_by_metric().items():
        latest_as_of = max(f.as_of.sort_key() for _, f in rows)
        latest = [f for _, f in rows if f.as_of.sort_key() == latest_as_of][-1]
        claimants = {c for _, f in rows for c in f.claimed_by}
        body = lines[DATA.metrics[metric].label]
        said, counted = _text(body.split("<a ", 1)[0]), _text(body.split("<a ", 1)[1].split(">", 1)[1])
        assert latest.display() in said and latest.as_of.display() in said
        for actor in latest.claimed_by:
            assert _text(DATA.actors[actor].name) in said
        assert counted.startswith(f"{len(rows)} figure{'s' if len(rows) != 1 else ''}")
        assert (f"from {len(claimants)} claimant" in counted) if claimants else ("none attributed" in counted)


def test_timeline_cards_count_documents_not_quotes(pages) -> None:
    timeline = pages["timeline/index.md"]
    for event in DATA.events:
        card = timeline.split(f'href="../events/{event.id}/"', 1)[1].split("</article>", 1)[0]
        documents = len({(s.seed or s.url) for s in event.sources})
        assert f"{documents} document{'s' if documents != 1 else ''}" in card, event.id
    assert any(len(e.sources) > len(e.documents) for e in DATA.events)  # the case the audit found exists


def test_about_page_numbers_and_counts_are_in_the_data() -> None:
    about = (REPO / "docs" / "about.md").read_text()
    figures = about.split("## Figures", 1)[1].split("\n## ", 1)[0]
    numbers = {int(n.replace(",", "")) for n in re.findall(r"\b\d{1,3}(?:,\d{3})+\b|\b\d{4,}\b", figures)}
    words = {"two million": 2_000_000}
    numbers |= {v for w, v in words.items() if w in figures}
    known = {n for e in DATA.events for f in e.figures for n in ((f.low, f.high) if f.is_range else (f.value,))}
    assert numbers and numbers <= known, numbers - known
    count_words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    assert f"drawn from {count_words[len(DATA.seeds)]} documents" in about
    sources_table = about.split("## The sources", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in sources_table.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) - 1 == len(DATA.seeds)  # less the heading row
