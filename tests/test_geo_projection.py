"""Projections: inverses undo forwards, the rule picks the projection the docs promise, frames fit the data."""

from __future__ import annotations

import itertools
import math

import pytest

from generator.geo.projection import AlbersConic, AzimuthalEqualArea, EqualEarth, Extent, choose, extent, fit, wrap

PROJECTIONS = [EqualEarth(0.0), EqualEarth(150.0), AlbersConic(86.0, 45.0, 41.0, 50.0),
               AlbersConic(-60.0, -30.0, -40.0, -20.0), AzimuthalEqualArea(132.0, 43.0), AzimuthalEqualArea(-174.0, -10.0)]
GRID = [(lon, lat) for lon, lat in itertools.product(range(-175, 180, 25), range(-80, 81, 20))]


def _near(projection, lon: float, lat: float) -> bool:
    """Points within 100 degrees of the centre: far enough to cover any map this project draws."""
    lat0 = getattr(projection, "lat0", 0.0)
    cos_d = (math.sin(math.radians(lat)) * math.sin(math.radians(lat0)) + math.cos(math.radians(lat))
             * math.cos(math.radians(lat0)) * math.cos(math.radians(lon - projection.lon0)))
    return cos_d > math.cos(math.radians(100))


@pytest.mark.parametrize("projection", PROJECTIONS, ids=lambda p: f"{p.name}-{p.lon0}")
def test_inverse_undoes_forward(projection) -> None:
    checked = 0
    for lon, lat in GRID:
        if isinstance(projection, EqualEarth) or _near(projection, lon, lat):
            back = projection.inverse(*projection.forward(lon, lat))
            assert back is not None, (lon, lat)
            assert abs(wrap(back[0] - lon)) < 1e-6 and abs(back[1] - lat) < 1e-6, (lon, lat, back)
            checked += 1
    assert checked > 40


@pytest.mark.parametrize("projection", PROJECTIONS, ids=lambda p: f"{p.name}-{p.lon0}")
def test_projections_keep_areas(projection) -> None:
    """Equal-area: a 1-degree cell has the same projected area as on the sphere, wherever it is."""
    points = [(projection.lon0 + 3, getattr(projection, "lat0", 0) + 5), (projection.lon0 - 20, 10),
              (projection.lon0 + 15, -35)]
    for lon, lat in points:
        corners = [projection.forward(lon, lat), projection.forward(lon + 1, lat),
                   projection.forward(lon + 1, lat + 1), projection.forward(lon, lat + 1)]
        planar = abs(sum(xa * yb - xb * ya for (xa, ya), (xb, yb) in zip(corners, corners[1:] + corners[:1], strict=False))) / 2
        sphere = 6371.0088 ** 2 * math.radians(1) * (math.sin(math.radians(lat + 1)) - math.sin(math.radians(lat)))
        assert planar == pytest.approx(sphere, rel=2e-3), (lon, lat)


def test_extent_takes_the_short_way_across_the_antimeridian() -> None:
    box = extent([(177.5, 64.7), (-165.4, 64.5), (178.4, -18.1)])
    assert box.west == 177.5 and box.span == pytest.approx(17.1)
    assert box.centre[0] == pytest.approx(-173.95)
    assert (box.south, box.north) == (-18.1, 64.7)
    assert extent([(10.0, 1.0)]) == Extent(10.0, 0.0, 1.0, 1.0)


@pytest.mark.parametrize(("points", "kind"), [
    ([(36.18, 51.73), (131.87, 43.11), (125.75, 39.03)], AlbersConic),  # this site: Kursk to Vladivostok
    ([(-78.5, -0.22), (36.8, -1.29), (106.8, -6.2)], EqualEarth),  # across most of the world
    ([(-70.0, 10.0), (-40.0, -20.0)], AzimuthalEqualArea),  # astride the equator
    ([(125.75, 39.03)], AlbersConic),  # one place: the conic is fine away from the equator
    ([(103.8, 1.35)], AzimuthalEqualArea),  # one place near the equator
    ([(0.0, 80.0), (10.0, -20.0)], EqualEarth),  # 100 degrees of latitude
])
def test_the_rule_picks_the_documented_projection(points, kind) -> None:
    assert isinstance(choose(extent(points)), kind)


def test_conic_standard_parallels_sit_at_a_sixth_of_the_span() -> None:
    projection = choose(Extent(30.0, 110.0, 39.0, 51.0))
    assert (projection.lat1, projection.lat2) == (41.0, 49.0)
    assert projection.lon0 == 85.0
    assert "standard parallels 41°N and 49°N, centred on 85°E" in projection.describe()


@pytest.mark.parametrize("points", [
    [(36.18, 51.73), (37.8, 48.02), (131.87, 43.11), (135.1, 48.46), (125.75, 39.03), (128.12, 51.77)],
    [(177.5, 64.73), (-165.4, 64.5), (178.44, -18.14)],
    [(-78.5, -0.22), (36.8, -1.29), (106.8, -6.2), (-150.0, 61.0)],
])
def test_fit_keeps_every_point_inside_the_margin(points) -> None:
    frame = fit(points, width=960, margin=40)
    assert 480 <= frame.height <= 960
    for lon, lat in points:
        x, y = frame.to_screen(lon, lat)
        assert 40 - 1e-6 <= x <= 960 - 40 + 1e-6 and 40 - 1e-6 <= y <= frame.height - 40 + 1e-6, (lon, lat, x, y)


def test_fit_never_zooms_closer_than_the_minimum_span() -> None:
    frame = fit([(131.87, 43.11), (131.96, 43.80)], width=960, margin=20, min_span_km=900)
    left, right = frame.to_lonlat(20, frame.height / 2), frame.to_lonlat(940, frame.height / 2)
    span = 6371.0088 * math.radians(abs(right[0] - left[0])) * math.cos(math.radians(43.5))
    assert span == pytest.approx(900, rel=0.05)


def test_fit_with_no_room_is_an_error() -> None:
    with pytest.raises(ValueError, match="leaves no room"):
        fit([(0.0, 0.0)], width=40, height=40, margin=20)
