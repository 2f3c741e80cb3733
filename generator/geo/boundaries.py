"""The country boundaries shipped with the package, and which country a point lies in.

`data/countries.topo.json` is Natural Earth's 1:50m admin-0 countries by way of
world-atlas (see `data/LICENSE-NATURAL-EARTH.md` and `tools/natural_earth.py`).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import topology
from .projection import RADIUS_KM

DATA = Path(__file__).resolve().parent / "data" / "countries.topo.json"
BAND = 1.0  # degrees of latitude per bucket of edges: a point is tested only against the edges of its band


@dataclass
class Ring:
    """One closed outline or hole, with its bounding box (no ring here crosses the antimeridian)."""

    points: list[tuple[float, float]]
    west: float = field(init=False)
    east: float = field(init=False)
    south: float = field(init=False)
    north: float = field(init=False)
    _bands: dict[int, list[tuple[float, float, float, float]]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        lons = [p[0] for p in self.points]
        lats = [p[1] for p in self.points]
        self.west, self.east, self.south, self.north = min(lons), max(lons), min(lats), max(lats)
        self._bands = {}
        for (xa, ya), (xb, yb) in zip(self.points, self.points[1:] + self.points[:1], strict=False):
            for band in range(math.floor(min(ya, yb) / BAND), math.floor(max(ya, yb) / BAND) + 1):
                self._bands.setdefault(band, []).append((xa, ya, xb, yb))

    def contains(self, lon: float, lat: float) -> bool:
        """Even-odd rule, casting a ray eastwards; only the edges of the point's latitude band are read."""
        if not (self.west <= lon <= self.east and self.south <= lat <= self.north):
            return False
        inside = False
        for xa, ya, xb, yb in self._bands.get(math.floor(lat / BAND), ()):
            if (ya > lat) != (yb > lat) and lon < xa + (lat - ya) * (xb - xa) / (yb - ya):
                inside = not inside
        return inside


@dataclass
class Country:
    iso: str | None  # ISO 3166-1 alpha-2; None for shapes that have none (Kosovo, Somaliland, N. Cyprus ...)
    name: str
    polygons: list[list[Ring]]  # each: outline first, then holes

    def contains(self, lon: float, lat: float) -> bool:
        return any(p[0].contains(lon, lat) and not any(h.contains(lon, lat) for h in p[1:]) for p in self.polygons)

    def distance_km(self, lon: float, lat: float) -> float:
        """Distance from the point to this country's nearest border or coast (0 inside)."""
        if self.contains(lon, lat):
            return 0.0
        # Flat within the few hundred kilometres that matter here: longitudes shrink with the cosine of latitude.
        k = math.cos(math.radians(lat))
        best = math.inf
        for polygon in self.polygons:
            for ring in polygon:
                if _box_distance(ring, lon, lat, k) >= best:
                    continue
                for (xa, ya), (xb, yb) in zip(ring.points, ring.points[1:] + ring.points[:1], strict=False):
                    # Relative to the point, the segment taken the short way: never wrapped round the far side.
                    ra = (xa - lon + 180) % 360 - 180
                    rb = ra + (xb - xa + 180) % 360 - 180
                    best = min(best, _segment_distance(ra * k, ya - lat, rb * k, yb - lat))
        return math.radians(best) * RADIUS_KM


def _box_distance(ring: Ring, lon: float, lat: float, k: float) -> float:
    """A lower bound of the distance in degrees (longitudes scaled by `k`) from the point to the ring's box."""
    dx = 0.0 if ring.west <= lon <= ring.east else min(abs((lon - ring.west + 180) % 360 - 180),
                                                         abs((lon - ring.east + 180) % 360 - 180))
    dy = max(ring.south - lat, 0.0, lat - ring.north)
    return math.hypot(dx * k, dy)


def _segment_distance(xa: float, ya: float, xb: float, yb: float) -> float:
    """Distance from the origin to the segment a-b."""
    dx, dy = xb - xa, yb - ya
    length2 = dx * dx + dy * dy
    t = 0.0 if not length2 else max(0.0, min(1.0, -(xa * dx + ya * dy) / length2))
    return math.hypot(xa + t * dx, ya + t * dy)


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every shape of the shipped file, in the file's order (by ISO code)."""
    data = json.loads(DATA.read_text(encoding="ascii"))
    return tuple(Country(iso, properties.get("name", iso or ""), [[Ring(r) for r in polygon] for polygon in shapes])
                 for iso, properties, shapes in topology.features(data, "countries"))


@lru_cache(maxsize=1)
def by_iso() -> dict[str, Country]:
    return {c.iso: c for c in countries() if c.iso}


def country_at(lon: float, lat: float) -> Country | None:
    """The shape the point lies in, or None at sea."""
    return next((c for c in countries() if c.contains(lon, lat)), None)
