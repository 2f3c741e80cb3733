"""The places vocabulary (events/places.yaml): its checks, and did-you-mean for unknown places.

    places = validate_places(doc)          # findings land on doc; the usable places come back
    message = unknown_place(value, places) # "unknown place 'Lisbonn'; did you mean 'lisbon'?"

`validate_places` checks everything `places.schema.json` says (it does not
assume the schema ran) and what no schema can: coordinates as numbers in range,
the country against the coordinates on the shipped boundaries, aliases that
repeat nothing. Every value reaches it as text, as the strict loader
gives it.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..findings import did_you_mean, shown
from ..jsonschemas import SCHEMA_DIR
from ..load import Document
from ..vocab import ID, RESERVED_IDS
from . import boundaries

SCHEMA = SCHEMA_DIR / "places.schema.json"
FIELDS = ("name", "country", "latitude", "longitude", "aliases", "source")
REQUIRED = ("name", "country", "latitude", "longitude", "source")
TEXT_LIMITS = {"name": 100, "source": 300}
MAX_ALIASES = 20
MAX_PLACES = 5000  # as the schema's maxProperties; the file's byte limit (vocab.PLACES_MAX_BYTES) holds this many
# A point this close to its country's outline counts as inside: a port, a cape or an island the
# simplified 1:50m outlines draw a little off (a port can lie a few hundred metres out to sea on them).
COAST_KM = 25.0
_DECIMAL = re.compile(r"-?[0-9]{1,3}(?:\.[0-9]{1,7})?")
_SEXAGESIMAL = re.compile(r"[°′″'\"]|\b[NSEW]\b")


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    country: str
    latitude: float
    longitude: float
    aliases: tuple[str, ...]
    source: str


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes, as the schema lists them (the same list as events' `location.country`)."""
    return frozenset(schema()["definitions"]["country"]["enum"])


def validate_places(doc: Document, *, check_countries: bool = True) -> dict[str, Place]:
    """Add a finding to `doc` for every problem of the places file; return the places fit to use.

    A place with any error is left out of what comes back, so maps never draw it; the
    checker reports references to it as unknown only if the id itself is unusable.
    With check_countries=False the coordinates are not compared with the boundaries.
    """
    if not doc.usable or not isinstance(doc.data, dict):
        return {}
    if len(doc.data) > MAX_PLACES:
        doc.at((), "too-many", f"the file holds {len(doc.data):,} places; at most {MAX_PLACES:,} allowed")
    found: dict[str, Place] = {}
    for pid, entry in doc.data.items():
        before = len(doc.findings)
        if not ID.fullmatch(pid):
            doc.at((pid,), "invalid-id", f"'{shown(pid)}' is not a valid id: {schema()['definitions']['id']['description']}",
                   key=True)
        elif pid in RESERVED_IDS:
            doc.at((pid,), "reserved-id", f"place id '{pid}' is reserved: it would collide with a generated page "
                                          "or a device name on Windows; choose another", key=True)
        if not isinstance(entry, dict):
            doc.at((pid,), "wrong-type", f"{shown(pid)} must be a mapping (field: value), not {_kind(entry)}")
            continue
        _fields(doc, pid, entry)
        latitude = _coordinate(doc, pid, entry, "latitude", 90)
        longitude = _coordinate(doc, pid, entry, "longitude", 180)
        country = _country(doc, pid, entry.get("country"))
        aliases = _aliases(doc, pid, entry)
        if len(doc.findings) > before:
            continue
        if check_countries and not _country_fits(doc, pid, entry["name"], country, latitude, longitude):
            continue
        found[pid] = Place(pid, entry["name"], country, latitude, longitude, aliases, entry["source"])
    return found


def _kind(value) -> str:
    return {dict: "a mapping", list: "a list", str: "text", type(None): "empty"}.get(type(value), type(value).__name__)


def _fields(doc: Document, pid: str, entry: dict) -> None:
    for name in entry:
        if name not in FIELDS:
            doc.at((pid, name), "unknown-field", f"unknown field '{shown(name)}' in {shown(pid)}{did_you_mean(name, FIELDS)}",
                   key=True)
    for name in REQUIRED:
        if name not in entry:
            doc.at((pid,), "missing-field", f"missing required field '{name}' in {shown(pid)}", key=True)
    for name, limit in TEXT_LIMITS.items():
        value = entry.get(name)
        if name not in entry:
            continue
        if not isinstance(value, str):
            doc.at((pid, name), "wrong-type", f"{shown(pid)}.{name} must be text, not {_kind(value)}")
        elif not value.strip():
            doc.at((pid, name), "too-short", f"{shown(pid)}.{name} is empty")
        elif len(value) > limit:
            doc.at((pid, name), "too-long", f"{shown(pid)}.{name} is {len(value)} characters; at most {limit} allowed")


def _coordinate(doc: Document, pid: str, entry: dict, name: str, limit: int) -> float | None:
    """The value in degrees, or None with a finding: decimal text within +-limit."""
    if name not in entry:
        return None
    value = entry[name]
    where = f"{shown(pid)}.{name}"
    if not isinstance(value, str):
        doc.at((pid, name), "wrong-type", f"{where} must be a number of degrees, not {_kind(value)}")
        return None
    if not _DECIMAL.fullmatch(value):
        hint = ("; write decimal degrees with a minus sign for south and west, e.g. 43.10562"
                if _SEXAGESIMAL.search(value) else "; write decimal degrees with at most 7 decimals, e.g. 43.10562")
        doc.at((pid, name), "invalid-coordinate", f"{where} '{shown(value)}' is not a decimal number of degrees{hint}")
        return None
    degrees = float(value)
    if abs(degrees) > limit:
        doc.at((pid, name), "invalid-coordinate", f"{where} {value} is out of range: {name}s run from -{limit} to {limit}"
               + ("; are latitude and longitude swapped?" if name == "latitude" and abs(degrees) <= 180 else ""))
        return None
    return degrees


def _country(doc: Document, pid: str, value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        doc.at((pid, "country"), "wrong-type", f"{shown(pid)}.country must be text, not {_kind(value)}")
        return None
    if value in country_codes():
        return value
    hint = (f"; write it in capitals: '{value.upper()}'" if value.upper() in country_codes()
            else f": {schema()['definitions']['country']['description']}")
    doc.at((pid, "country"), "invalid-value", f"{shown(pid)}.country '{shown(value)}' is not a valid country{hint}")
    return None


def _aliases(doc: Document, pid: str, entry: dict) -> tuple[str, ...]:
    """The aliases: names, each once, none repeating the place's own name.

    Two places may share a name or an alias (many countries have a Springfield or a Newport);
    `suggest` then offers all of them, with their countries.
    """
    value = entry.get("aliases", [])
    if not isinstance(value, list):
        doc.at((pid, "aliases"), "wrong-type", f"{shown(pid)}.aliases must be a list, not {_kind(value)}")
        return ()
    if len(value) > MAX_ALIASES:
        doc.at((pid, "aliases"), "too-many", f"{shown(pid)}.aliases has {len(value)} items; at most {MAX_ALIASES} allowed")
    own = entry.get("name").casefold() if isinstance(entry.get("name"), str) else None
    seen: set[str] = set()
    for index, alias in enumerate(value):
        if not isinstance(alias, str) or not alias.strip():
            what = _kind(alias) if alias else "empty"
            doc.at((pid, "aliases", index), "wrong-type", f"{shown(pid)}.aliases[{index}] must be a name, not {what}")
            continue
        if len(alias) > TEXT_LIMITS["name"]:
            doc.at((pid, "aliases", index), "too-long",
                   f"{shown(pid)}.aliases[{index}] is {len(alias)} characters; at most {TEXT_LIMITS['name']} allowed")
        folded = alias.casefold()
        if folded == own:
            doc.at((pid, "aliases", index), "duplicate-alias", f"alias '{shown(alias)}' repeats the place's name; remove it")
        elif folded in seen:
            doc.at((pid, "aliases", index), "duplicate-alias", f"{shown(pid)}.aliases lists '{shown(alias)}' more than once")
        seen.add(folded)
    return tuple(a for a in value if isinstance(a, str))


def _country_fits(doc: Document, pid: str, name: str, country: str, latitude: float, longitude: float) -> bool:
    """Whether the coordinates lie in (or within COAST_KM of) the country, where the boundaries can tell.

    They cannot for a country the 1:50m data leave out (a few small islands) or for a
    point inside a shape with no ISO code (Kosovo, Somaliland, N. Cyprus): no finding then.
    """
    shape = boundaries.by_iso().get(country)
    if shape is None:
        return True
    distance = shape.distance_km(longitude, latitude)
    if distance <= COAST_KM:
        return True
    other = boundaries.country_at(longitude, latitude)
    if other is not None and other.iso is None:
        return True
    where = f"in {other.name} ({other.iso})" if other is not None else "at sea"
    if abs(longitude) <= 90 and shape.distance_km(latitude, longitude) <= COAST_KM:
        fix = f"they fit {shape.name} swapped: write latitude {longitude:g} and longitude {latitude:g}"
    else:
        fix = "check the coordinates (a sign, swapped values) and the country"
    doc.at((pid,), "country-mismatch",
           f"{shown(name)}: latitude {latitude:g}, longitude {longitude:g} lie {where}, {distance:,.0f} km from "
           f"{shape.name} ({country}); {fix}", key=True)
    return False


def suggest(query: str, places: dict[str, Place]) -> str:
    """'; did you mean 'x'?' for an unknown place id or name, or '' when nothing is close.

    A name or alias written out ("Greater Lisbon") leads to its place; if several places
    share that name, all are offered with their countries. Otherwise the closest id,
    the ids holding every word of the query, then the closest name or alias.
    """
    folded = query.casefold().strip()
    exact = sorted(pid for pid, p in places.items()
                   if folded == p.name.casefold() or folded in (a.casefold() for a in p.aliases))
    if len(exact) == 1:
        return f"; did you mean '{exact[0]}' ({places[exact[0]].name})?"
    if exact:
        options = " or ".join(f"'{pid}' ({places[pid].name}, {places[pid].country})" for pid in exact)
        return f"; did you mean {options}?"
    hint = did_you_mean(query, sorted(places))
    if hint:
        return hint
    words = set(slug(query).split("-")) - {""}
    containing = [pid for pid in sorted(places) if words and words <= set(pid.split("-"))]
    if containing:  # 'porto' for 'porto-district': too short for a close match, yet plainly meant
        return f"; did you mean {' or '.join(repr(pid) for pid in containing[:3])}?"
    names = {}
    for pid in sorted(places):
        for label in (places[pid].name, *places[pid].aliases):
            names.setdefault(label.casefold(), pid)
    close = difflib.get_close_matches(folded, list(names), n=1, cutoff=0.75)
    return f"; did you mean '{names[close[0]]}' ({places[names[close[0]]].name})?" if close else ""


def slug(name: str) -> str:
    """An id from a name: ASCII letters and digits, hyphens between words, at most 80 characters."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:80].rstrip("-")


def unknown_place(value: str, places: dict[str, Place]) -> str:
    """The message for an event naming a place that events/places.yaml does not have."""
    return f"unknown place '{shown(value)}'{suggest(value, places) or '; add it to events/places.yaml first'}"
