"""Map projections chosen for the extent of the data, and the frame that fits them to a picture.

Every projection here is equal-area, so a marker's size is the only thing that
says "more events here": regions are not inflated as Mercator inflates the
north. The rule (see `choose`):

- the data span more than 150 degrees of longitude or 90 of latitude:
  Equal Earth (a world map, Šavrič, Patterson and Jenny 2018) centred on the data;
- the data lie in one hemisphere, their middle at least 15 degrees from the
  equator: Albers equal-area conic, standard parallels at one sixth and five
  sixths of the latitude span (the usual rule; distortion least where the data are);
- otherwise (near the equator, or a single place): Lambert azimuthal
  equal-area centred on the data, true in every direction around its centre.

Longitudes are taken relative to the central meridian and wrapped into
[-180, 180) (`forward`), so data across the antimeridian (Chukotka, Fiji) stay
together; `relative` takes a longitude already relative and unwrapped, for
outlines cut at the back seam, whose two sides are -180 and 180.
Projected units are kilometres on a sphere of the Earth's mean radius.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

RADIUS_KM = 6371.0088
WORLD_LON_SPAN, WORLD_LAT_SPAN = 150.0, 90.0
CONIC_MIN_LATITUDE = 15.0
MIN_SPAN_KM = 900.0  # a frame never shows less, so one place or a close cluster still shows its coasts


def wrap(lon: float) -> float:
    """Longitude in [-180, 180)."""
    return (lon + 180.0) % 360.0 - 180.0


@dataclass(frozen=True)
class Extent:
    """Longitudes from `west` eastwards over `span` degrees (so it may cross the antimeridian), latitudes south..north."""

    west: float
    span: float
    south: float
    north: float

    @property
    def centre(self) -> tuple[float, float]:
        return wrap(self.west + self.span / 2), (self.south + self.north) / 2


def extent(points: Iterable[tuple[float, float]]) -> Extent:
    """The smallest extent holding every (lon, lat): the widest gap between longitudes is left out."""
    points = list(points)
    if not points:
        raise ValueError("no points")
    lons = sorted({wrap(lon) for lon, _ in points})
    gaps = [(lons[(i + 1) % len(lons)] - lons[i]) % 360.0 for i in range(len(lons))]
    widest = max(range(len(lons)), key=lambda i: (gaps[i], -i)) if len(lons) > 1 else 0
    west = lons[(widest + 1) % len(lons)]
    span = 0.0 if len(lons) == 1 else 360.0 - gaps[widest]
    lats = [lat for _, lat in points]
    return Extent(west, span, min(lats), max(lats))


@dataclass(frozen=True)
class EqualEarth:
    lon0: float

    name = "equal-earth"
    A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
    M = math.sqrt(3) / 2

    def describe(self) -> str:
        return f"Equal Earth projection centred on {_lon_text(self.lon0)}"

    def forward(self, lon: float, lat: float) -> tuple[float, float]:
        return self.relative(wrap(lon - self.lon0), lat)

    def relative(self, dlon: float, lat: float) -> tuple[float, float]:
        lam = math.radians(dlon)
        theta = math.asin(self.M * math.sin(math.radians(lat)))
        t2 = theta * theta
        t6 = t2 * t2 * t2
        x = lam * math.cos(theta) / (self.M * (self.A1 + 3 * self.A2 * t2 + t6 * (7 * self.A3 + 9 * self.A4 * t2)))
        y = theta * (self.A1 + self.A2 * t2 + t6 * (self.A3 + self.A4 * t2))
        return x * RADIUS_KM, y * RADIUS_KM

    def inverse(self, x: float, y: float) -> tuple[float, float] | None:
        x, y = x / RADIUS_KM, y / RADIUS_KM
        theta = y
        for _ in range(12):  # Newton's method, as the authors give it; converges in a few steps
            t2 = theta * theta
            t6 = t2 * t2 * t2
            f = theta * (self.A1 + self.A2 * t2 + t6 * (self.A3 + self.A4 * t2)) - y
            df = self.A1 + 3 * self.A2 * t2 + t6 * (7 * self.A3 + 9 * self.A4 * t2)
            theta -= f / df
        t2 = theta * theta
        t6 = t2 * t2 * t2
        lam = self.M * x * (self.A1 + 3 * self.A2 * t2 + t6 * (7 * self.A3 + 9 * self.A4 * t2)) / math.cos(theta)
        sin_phi = math.sin(theta) / self.M
        if abs(lam) > math.pi + 1e-9 or abs(sin_phi) > 1:
            return None
        return wrap(self.lon0 + math.degrees(lam)), math.degrees(math.asin(sin_phi))


@dataclass(frozen=True)
class AlbersConic:
    lon0: float
    lat0: float
    lat1: float
    lat2: float

    name = "albers"

    def describe(self) -> str:
        return (f"Albers equal-area conic projection, standard parallels {_lat_text(self.lat1)} and "
                f"{_lat_text(self.lat2)}, centred on {_lon_text(self.lon0)}")

    @cached_property
    def _constants(self) -> tuple[float, float, float]:
        s1, s2 = math.sin(math.radians(self.lat1)), math.sin(math.radians(self.lat2))
        n = (s1 + s2) / 2
        c = math.cos(math.radians(self.lat1)) ** 2 + 2 * n * s1
        rho0 = math.sqrt(c - 2 * n * math.sin(math.radians(self.lat0))) / n
        return n, c, rho0

    def forward(self, lon: float, lat: float) -> tuple[float, float]:
        return self.relative(wrap(lon - self.lon0), lat)

    def relative(self, dlon: float, lat: float) -> tuple[float, float]:
        n, c, rho0 = self._constants
        theta = n * math.radians(dlon)
        rho = math.sqrt(max(c - 2 * n * math.sin(math.radians(lat)), 0.0)) / n
        return rho * math.sin(theta) * RADIUS_KM, (rho0 - rho * math.cos(theta)) * RADIUS_KM

    def inverse(self, x: float, y: float) -> tuple[float, float] | None:
        n, c, rho0 = self._constants
        x, y = x / RADIUS_KM, y / RADIUS_KM
        sign = 1 if n > 0 else -1
        rho = math.hypot(x, rho0 - y) * sign
        theta = math.atan2(x * sign, (rho0 - y) * sign)
        sin_phi = (c - rho * rho * n * n) / (2 * n)
        if abs(sin_phi) > 1 or abs(theta / n) > math.pi:
            return None
        return wrap(self.lon0 + math.degrees(theta / n)), math.degrees(math.asin(sin_phi))


@dataclass(frozen=True)
class AzimuthalEqualArea:
    lon0: float
    lat0: float

    name = "azimuthal"

    def describe(self) -> str:
        return f"Lambert azimuthal equal-area projection centred on {_lat_text(self.lat0)}, {_lon_text(self.lon0)}"

    def forward(self, lon: float, lat: float) -> tuple[float, float]:
        return self.relative(wrap(lon - self.lon0), lat)

    def relative(self, dlon: float, lat: float) -> tuple[float, float]:
        lam, phi, phi0 = math.radians(dlon), math.radians(lat), math.radians(self.lat0)
        cos_c = math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(lam)
        k = math.sqrt(2 / max(1 + cos_c, 1e-12))  # the antipode has no single image; it lands on the rim
        return (k * math.cos(phi) * math.sin(lam) * RADIUS_KM,
                k * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(lam)) * RADIUS_KM)

    def inverse(self, x: float, y: float) -> tuple[float, float] | None:
        x, y = x / RADIUS_KM, y / RADIUS_KM
        rho = math.hypot(x, y)
        if rho > 2:
            return None
        if rho == 0:
            return wrap(self.lon0), self.lat0
        c = 2 * math.asin(rho / 2)
        phi0 = math.radians(self.lat0)
        phi = math.asin(max(-1.0, min(1.0, math.cos(c) * math.sin(phi0) + y * math.sin(c) * math.cos(phi0) / rho)))
        lam = math.atan2(x * math.sin(c), rho * math.cos(phi0) * math.cos(c) - y * math.sin(phi0) * math.sin(c))
        return wrap(self.lon0 + math.degrees(lam)), math.degrees(phi)


Projection = EqualEarth | AlbersConic | AzimuthalEqualArea


def choose(box: Extent) -> Projection:
    """The projection for data within `box`, by the rule in this module's docstring."""
    lon0, lat0 = box.centre
    lon0, lat0 = round(lon0, 4), round(lat0, 4)  # a stable name for the frame, whatever the float noise
    lat_span = box.north - box.south
    if box.span > WORLD_LON_SPAN or lat_span > WORLD_LAT_SPAN:
        return EqualEarth(lon0)
    one_side = box.south >= 0 or box.north <= 0
    if one_side and abs(lat0) >= CONIC_MIN_LATITUDE:
        return AlbersConic(lon0, lat0, round(box.south + lat_span / 6, 4), round(box.north - lat_span / 6, 4))
    return AzimuthalEqualArea(lon0, lat0)


@dataclass(frozen=True)
class Frame:
    """A projection scaled and moved onto a picture `width` x `height` (SVG units, y pointing down)."""

    projection: Projection
    scale: float  # SVG units per projected kilometre
    cx: float  # projected point drawn at the picture's centre
    cy: float
    width: int
    height: int

    def to_screen(self, lon: float, lat: float) -> tuple[float, float]:
        return self.to_screen_relative(wrap(lon - self.projection.lon0), lat)

    def to_screen_relative(self, dlon: float, lat: float) -> tuple[float, float]:
        """Like to_screen, for a longitude already relative to the central meridian (-180 and 180 apart)."""
        x, y = self.projection.relative(dlon, lat)
        return self.width / 2 + (x - self.cx) * self.scale, self.height / 2 - (y - self.cy) * self.scale

    def to_lonlat(self, sx: float, sy: float) -> tuple[float, float] | None:
        return self.projection.inverse(self.cx + (sx - self.width / 2) / self.scale,
                                       self.cy - (sy - self.height / 2) / self.scale)


def fit(points: list[tuple[float, float]], *, width: int, height: int | None = None, margin: float = 24.0,
        min_span_km: float = MIN_SPAN_KM, projection: Projection | None = None) -> Frame:
    """A frame showing every (lon, lat) at least `margin` units inside its edges.

    With no `height`, the picture takes the data's proportions, kept between 1:2 and 1:1.
    A frame never spans less than `min_span_km` either way, so one place shows its region.
    """
    projection = projection or choose(extent(points))
    xs, ys = zip(*(projection.forward(lon, lat) for lon, lat in points), strict=False)
    left, right, bottom, top = min(xs), max(xs), min(ys), max(ys)
    span_x, span_y = max(right - left, min_span_km), max(top - bottom, min_span_km)
    if height is None:
        height = round(min(max(width * span_y / span_x, width / 2), width))
    inner_w, inner_h = width - 2 * margin, height - 2 * margin
    if inner_w <= 0 or inner_h <= 0:
        raise ValueError(f"margin {margin} leaves no room in {width} x {height}")
    scale = min(inner_w / span_x, inner_h / span_y)
    return Frame(projection, scale, (left + right) / 2, (bottom + top) / 2, width, height)


def _lat_text(lat: float) -> str:
    return f"{abs(lat):.0f}°{'N' if lat >= 0 else 'S'}"


def _lon_text(lon: float) -> str:
    return f"{abs(lon):.0f}°{'E' if lon >= 0 else 'W'}"
