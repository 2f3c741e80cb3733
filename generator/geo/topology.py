"""Decode TopoJSON: quantised, delta-encoded arcs shared by neighbouring countries.

The shipped boundaries stay TopoJSON because a border drawn once serves both
countries it separates: the file is half the size of the same shapes as
GeoJSON, and a simplification applied to an arc keeps both sides in step.
See https://github.com/topojson/topojson-specification for the format.
"""

from __future__ import annotations

from collections.abc import Iterator

Point = tuple[float, float]  # (longitude, latitude) in degrees
Ring = list[Point]


def integer_arcs(topology: dict) -> list[list[tuple[int, int]]]:
    """Every arc as absolute quantised positions: exact, so shared ends compare equal."""
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x, y))
        arcs.append(points)
    return arcs


def decode_arcs(topology: dict) -> list[Ring]:
    """Every arc as (longitude, latitude) points, the quantisation undone."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    return [[(x * sx + tx, y * sy + ty) for x, y in arc] for arc in integer_arcs(topology)]


def stitch(arcs: list[list], refs: list[int]) -> list:
    """One ring from arc references; a negative reference ~i walks arc i backwards.

    Consecutive arcs share their joining point, which is kept once.
    """
    ring: list = []
    for ref in refs:
        points = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def polygons(geometry: dict) -> list[list[list[int]]]:
    """A geometry's polygons, each a list of rings of arc references (the first ring is the outline)."""
    if geometry.get("type") == "Polygon":
        return [geometry["arcs"]]
    if geometry.get("type") == "MultiPolygon":
        return geometry["arcs"]
    return []


def features(topology: dict, name: str) -> Iterator[tuple[str | None, dict, list[list[Ring]]]]:
    """(id, properties, polygons as lon/lat rings) for each geometry of the object `name`."""
    arcs = decode_arcs(topology)
    for geometry in topology["objects"][name]["geometries"]:
        shapes = [[stitch(arcs, ring) for ring in polygon] for polygon in polygons(geometry)]
        yield geometry.get("id"), geometry.get("properties") or {}, shapes
