"""TopoJSON decoding, and the tool that rebuilds the shipped boundaries (its steps, on small made-up shapes)."""

from __future__ import annotations

import json

from generator.geo import boundaries, topology
from generator.geo.tools.natural_earth import merge, simplify

# Two unit squares side by side on a grid of 0.5 degrees from (10, 20): arc 0 is the border they share.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
    "arcs": [[[2, 0], [0, 2]],  # (11, 20) -> (11, 21)
             [[2, 2], [-2, 0], [0, -2], [2, 0]],  # (11, 21) -> (10, 21) -> (10, 20) -> (11, 20)
             [[2, 0], [2, 0], [0, 2], [-2, 0]]],  # (11, 20) -> (12, 20) -> (12, 21) -> (11, 21)
    "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "id": "AA", "properties": {"name": "West"}, "arcs": [[0, 1]]},
        {"type": "MultiPolygon", "id": "BB", "properties": {"name": "East"}, "arcs": [[[2, ~0]]]},
    ]}},
}


def test_arcs_are_delta_decoded_and_dequantised() -> None:
    assert topology.integer_arcs(TOPOLOGY)[1] == [(2, 2), (0, 2), (0, 0), (2, 0)]
    assert topology.decode_arcs(TOPOLOGY)[0] == [(11.0, 20.0), (11.0, 21.0)]


def test_rings_walk_negative_references_backwards_and_share_joining_points_once() -> None:
    (_, west, [[ring_a]]), (_, east, [[ring_b]]) = topology.features(TOPOLOGY, "countries")
    assert west == {"name": "West"} and east == {"name": "East"}
    assert ring_a == [(11.0, 20.0), (11.0, 21.0), (10.0, 21.0), (10.0, 20.0), (11.0, 20.0)]
    assert ring_b == [(11.0, 20.0), (12.0, 20.0), (12.0, 21.0), (11.0, 21.0), (11.0, 20.0)]


def test_merging_neighbours_drops_the_border_they_share() -> None:
    arcs = topology.integer_arcs(TOPOLOGY)
    merged = merge(arcs, [[[0, 1]], [[2, ~0]]])
    assert len(merged) == 1 and len(merged[0]) == 1
    assert sorted(merged[0][0]) == [1, 2]
    assert topology.stitch(arcs, merged[0][0])[0] == topology.stitch(arcs, merged[0][0])[-1]


def test_simplify_keeps_both_ends_and_the_corners_that_matter() -> None:
    line = [(0, 0), (5, 1), (10, 0), (10, 10), (0, 10)]
    assert simplify(line, 2) == [(0, 0), (10, 0), (10, 10), (0, 10)]
    assert simplify(line, 0.5) == line
    assert simplify([(0, 0), (3, 3)], 10) == [(0, 0), (3, 3)]


def test_shipped_file_is_compact_topojson_with_closed_rings() -> None:
    data = json.loads(boundaries.DATA.read_text(encoding="ascii"))
    assert list(data["objects"]) == ["countries"]
    assert data["transform"]["translate"] == [-180, -89.999]
    for _, _, polygons in topology.features(data, "countries"):
        for polygon in polygons:
            for ring in polygon:
                assert ring[0] == ring[-1] and len(ring) >= 4
    ids = [g["id"] for g in data["objects"]["countries"]["geometries"]]
    assert ids[:3] == ["AD", "AE", "AF"]  # sorted by code, so rebuilding changes nothing by accident
    assert (boundaries.DATA.parent / "LICENSE-NATURAL-EARTH.md").is_file()
