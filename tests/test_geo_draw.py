"""Maps as data: deterministic, fitted, clipped, within the size budget, labels apart."""

from __future__ import annotations

import random
import re

import pytest

from generator import routes
from generator.geo import draw
from generator.geo.clip import clip_rectangle, path, simplify_ring, unwrap
from generator.geo.draw import MapPlace, country_paths, frame_for, locator_map, region_map
from generator.site.env import environment

SITE = [MapPlace("donetsk", "Donetsk", 48.023, 37.80224, 2), MapPlace("khabarovsk", "Khabarovsk", 48.46204, 135.0971, 1),
        MapPlace("kursk-region", "Kursk region", 51.72689, 36.18457, 4),
        MapPlace("pyongyang", "Pyongyang", 39.03385, 125.75432, 2),
        MapPlace("ussuriysk", "Ussuriysk", 43.80467, 131.95734, 1),
        MapPlace("vladivostok", "Vladivostok", 43.10562, 131.87353, 1),
        MapPlace("vostochny-cosmodrome", "Vostochny Cosmodrome", 51.76872, 128.12018, 1)]
ACROSS_THE_DATE_LINE = [MapPlace("anadyr", "Anadyr", 64.73, 177.5, 1), MapPlace("nome", "Nome", 64.5, -165.4, 2),
                        MapPlace("suva", "Suva", -18.14, 178.44, 3)]


def svg(m: dict) -> str:
    """The map as the site writes it: the package's _map.html macro, with links as seen from /map/."""
    env = environment()
    env.globals.update(link=lambda to: routes.relative(routes.MAP, to))
    return str(env.get_template("_map.html").module.map_svg(m, "map-title", "Map of the places"))


NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)")


def synthetic(count: int, seed: int = 14) -> list[MapPlace]:
    """Places spread over the region this site covers, with counts skewed as real ones are."""
    rng = random.Random(seed)
    return [MapPlace(f"place-{i:04d}", f"Place {i}", round(rng.uniform(38, 60), 5), round(rng.uniform(30, 140), 5),
                     rng.choice([1, 1, 1, 2, 2, 3, 5, 8, 13])) for i in range(count)]


def absolute_points(d: str) -> list[tuple[float, float]]:
    """The points of path data written as clip.path writes it: M x y, then relative steps, z."""
    points = []
    for sub in d.split("M")[1:]:
        head, steps = sub.rstrip("z").split("l")
        x, y = (float(v) for v in head.split())
        points.append((x, y))
        values = [float(v) for v in NUMBER.findall(steps)]
        for dx, dy in zip(values[::2], values[1::2], strict=False):
            x, y = x + dx, y + dy
            points.append((x, y))
    return points


def test_same_places_give_byte_identical_maps() -> None:
    first = region_map(SITE)
    country_paths.cache_clear()
    again = region_map(list(reversed(SITE)))
    assert first == again
    assert svg(first) == svg(again)


@pytest.mark.parametrize("places", [SITE, ACROSS_THE_DATE_LINE, synthetic(300)], ids=["site", "date-line", "300"])
def test_every_marker_lies_inside_the_picture_with_room_for_its_size(places) -> None:
    data = region_map(places)
    assert len(data["markers"]) == len(places)
    for m in data["markers"]:
        assert m["r"] <= m["x"] <= data["width"] - m["r"] and m["r"] <= m["y"] <= data["height"] - m["r"], m


@pytest.mark.parametrize("places", [SITE, ACROSS_THE_DATE_LINE], ids=["site", "date-line"])
def test_outlines_are_clipped_to_the_picture_and_never_jump_across_it(places) -> None:
    data = region_map(places)
    assert data["countries"]
    for country in data["countries"]:
        points = absolute_points(country["d"])
        for x, y in points:
            assert -draw.PAD - 1 <= x <= data["width"] + draw.PAD + 1 and -draw.PAD - 1 <= y <= data["height"] + draw.PAD + 1
    # A ring wrongly joined across the back seam would draw a line across the whole map.
    russia = next(c for c in data["countries"] if c["iso"] == "RU")
    for sub in russia["d"].split("M")[1:]:
        values = [abs(float(v)) for v in NUMBER.findall(sub.split("l")[1])]
        assert max(values, default=0) < data["width"] * 0.6


def test_the_date_line_map_shows_chukotka_alaska_and_fiji_together() -> None:
    data = region_map(ACROSS_THE_DATE_LINE)
    isos = {c["iso"] for c in data["countries"]}
    assert {"RU", "US", "FJ"} <= isos
    assert "174°W" in data["projection"]


def test_the_site_map_is_an_albers_conic_holding_the_countries_of_its_places() -> None:
    data = region_map(SITE)
    assert data["projection"].startswith("Albers equal-area conic")
    assert {"RU", "UA", "KP", "CN", "KR"} <= {c["iso"] for c in data["countries"]}
    assert "BR" not in {c["iso"] for c in data["countries"]}


def test_marker_areas_follow_counts_with_a_floor_for_one_event() -> None:
    markers = {m["place_id"]: m for m in region_map(SITE)["markers"]}
    assert markers["kursk-region"]["r"] == draw.R_MAX
    assert markers["donetsk"]["r"] == pytest.approx(draw.R_MAX / 2 ** 0.5, abs=0.05)
    assert markers["vladivostok"]["r"] == pytest.approx(draw.R_MAX / 2, abs=0.05)
    many = region_map([MapPlace("a", "A", 45, 40, 100), MapPlace("b", "B", 45, 80, 1)])["markers"]
    assert [m["r"] for m in many] == [draw.R_MAX, draw.R_MIN]
    assert [m["place_id"] for m in many] == ["a", "b"]  # largest first, so small ones stay on top


def test_labels_overlap_neither_each_other_nor_other_markers() -> None:
    data = region_map(synthetic(200), max_labels=40)
    size = draw.LABEL_SIZE
    boxes = []
    for label in data["labels"]:
        width = len(label["text"]) * draw.CHAR_WIDTH * size
        left = {"start": label["x"], "end": label["x"] - width, "middle": label["x"] - width / 2}[label["anchor"]]
        boxes.append((label["place_id"], left, label["y"] - size * 0.8, left + width, label["y"] + size * 0.25))
    assert 10 <= len(boxes) <= 40
    for (_, *a), (_, *b) in ((x, y) for i, x in enumerate(boxes) for y in boxes[i + 1:]):
        assert not (a[0] < b[2] - 0.2 and b[0] < a[2] - 0.2 and a[1] < b[3] - 0.2 and b[1] < a[3] - 0.2), (a, b)
    for owner, *box in boxes:
        for m in data["markers"]:
            if m["place_id"] != owner:
                assert not (box[0] < m["x"] + m["r"] - 0.2 and m["x"] - m["r"] < box[2] - 0.2
                            and box[1] < m["y"] + m["r"] - 0.2 and m["y"] - m["r"] < box[3] - 0.2), (owner, m)
        assert 0 <= box[0] and box[2] <= data["width"] and 0 <= box[1] and box[3] <= data["height"]


def test_every_place_of_a_small_map_is_labelled() -> None:
    assert {label["place_id"] for label in region_map(SITE)["labels"]} == {p.id for p in SITE}


def test_a_map_of_1000_places_stays_under_150_kb_of_svg() -> None:
    markup = svg(region_map(synthetic(1000)))
    assert markup.count("<circle") == 1000
    assert len(markup.encode("utf-8")) < 150 * 1024, len(markup.encode("utf-8"))


def test_filtered_views_share_the_frame_and_the_outlines() -> None:
    frame = frame_for(SITE)
    some = region_map(SITE[:2], frame=frame)
    everything = region_map(SITE, frame=frame)
    assert some["countries"] is everything["countries"]
    assert some["viewbox"] == everything["viewbox"]
    first = some["markers"][0]
    assert first["x"] == next(m["x"] for m in everything["markers"] if m["place_id"] == first["place_id"])


def test_locator_map_is_small_fixed_and_centred_on_its_place() -> None:
    data = locator_map(SITE[5])
    assert (data["width"], data["height"]) == draw.LOCATOR_SIZE
    assert data["markers"] == [{"place_id": "vladivostok", "name": "Vladivostok", "count": 1, "x": 120.0, "y": 90.0,
                                "r": draw.LOCATOR_R}]
    assert data["labels"] == []
    assert {"RU", "CN", "KP"} <= {c["iso"] for c in data["countries"]}
    assert "UA" not in {c["iso"] for c in data["countries"]}
    assert len(svg(data)) < 12_000


def test_an_empty_site_gets_a_world_map() -> None:
    data = region_map([])
    assert data["markers"] == [] and data["labels"] == []
    assert data["projection"] == "Equal Earth projection centred on 0°E"
    assert len(data["countries"]) > 150


def test_unwrap_keeps_rings_continuous_and_closes_rings_round_a_pole() -> None:
    across = unwrap([(179.0, 60.0), (-179.0, 60.0), (-179.0, 62.0), (179.0, 62.0)], 170.0)
    assert across == [(9.0, 60.0), (11.0, 60.0), (11.0, 62.0), (9.0, 62.0)]
    polar = unwrap([(-180.0, -70.0), (-60.0, -65.0), (60.0, -66.0), (180.0, -70.0)], 0.0)
    assert polar[-2:] == [(180.0, -90.0), (-180.0, -90.0)]


def test_clip_rectangle_keeps_what_is_inside() -> None:
    square = [(-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0)]
    assert sorted(clip_rectangle(square, 0, 0, 10, 10)) == [(0.0, 0.0), (0.0, 5.0), (5.0, 0.0), (5.0, 5.0)]
    assert clip_rectangle(square, 20, 20, 30, 30) == []


def test_simplify_ring_drops_points_within_tolerance_only() -> None:
    ring = [(0.0, 0.0), (5.0, 0.1), (10.0, 0.0), (10.0, 10.0), (5.0, 10.4), (0.0, 10.0)]
    assert simplify_ring(ring, 0.2) == [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (5.0, 10.4), (0.0, 10.0)]


def test_path_rounds_once_and_writes_the_shortest_numbers() -> None:
    ring = [(0.04, 0.0), (1.26, 0.0), (1.26, 1.0), (0.0, 1.0)]
    assert path([ring], 1) == "M0 0l1.3 0 0 1-1.3 0z"
    assert path([[(0.0, 0.0), (0.1, 0.1), (0.0, 0.0)]], 0) == ""  # nothing left after rounding
