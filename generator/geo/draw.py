"""Maps as plain data for templates: country outlines as SVG path data, markers, labels.

The markup lives in templates; this module only computes geometry. Output is
deterministic: the same places give byte-identical strings, so builds can be
compared and cached.

    frame = frame_for(all_places)                  # one frame for every filtered view of a map
    data = region_map(places, frame=frame)         # {"width", "height", "viewbox", "projection",
                                                   #  "countries", "markers", "labels"}
    small = locator_map(place)                     # the same shape, one marker, fixed size
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from . import boundaries
from .clip import area, clip_rectangle, densify, path, simplify_ring, unwrap
from .projection import AzimuthalEqualArea, EqualEarth, Frame, fit

WIDTH = 960
LOCATOR_SIZE = (240, 180)
LOCATOR_SPAN_KM = 2400.0  # what a locator map shows across: a place and its neighbours
R_MIN, R_MAX = 3.0, 16.0  # marker radii in SVG units on a WIDTH-wide map
LOCATOR_R = 5.0
LABEL_SIZE = 16.0  # font size the labels are placed for (timeline.css uses the same): ~11px in a 690px column
CHAR_WIDTH = 0.6  # average advance of a sans-serif character, in ems: enough to keep labels apart
MAX_LABELS = 24
PAD = 4.0  # outlines run this far past the picture's edges, so clipping joins are never seen
SIMPLIFY = 0.5  # SVG units an outline may move when simplified for the scale drawn
PRECISION = 0  # decimals kept in outline coordinates: a unit is a pixel of a map drawn at full width
MIN_RING_AREA = 1.0  # islands smaller than this (square units) are left out
DENSIFY_DEGREES = 1.0


@dataclass(frozen=True)
class MapPlace:
    """What a map needs of a place: its id for the link, its name, where it is and how many events it has."""

    id: str
    name: str
    latitude: float
    longitude: float
    count: int = 1


def frame_for(places: Iterable[MapPlace], *, width: int = WIDTH, height: int | None = None) -> Frame:
    """The frame that fits `places`, with room for the largest marker and a label beside it.

    With no places (an empty site), the whole world.
    """
    points = [(p.longitude, p.latitude) for p in places]
    margin = R_MAX * width / WIDTH + LABEL_SIZE * 1.5
    if not points:
        return fit([(-180, -60), (179.9, 84)], width=width, height=height or width // 2, margin=4,
                   projection=EqualEarth(0.0))
    return fit(points, width=width, height=height, margin=margin)


def region_map(places: Iterable[MapPlace], *, frame: Frame | None = None, max_labels: int = MAX_LABELS) -> dict:
    """The data of a map of `places`, fitted to them unless `frame` is given (filtered views share it).

    Markers' areas follow their counts (the radius grows with the square root), largest
    drawn first so small ones stay on top and clickable; R_MIN keeps a single event visible.
    """
    places = sorted(places, key=lambda p: p.id)
    frame = frame or frame_for(places)
    factor = frame.width / WIDTH
    top = max((p.count for p in places), default=1) or 1
    markers = []
    for place in places:
        x, y = frame.to_screen(place.longitude, place.latitude)
        r = max(R_MIN, R_MAX * math.sqrt(place.count / top)) * factor
        markers.append({"place_id": place.id, "name": place.name, "count": place.count,
                        "x": round(x), "y": round(y), "r": round(r, 1)})
    markers.sort(key=lambda m: (-m["r"], m["place_id"]))
    return _picture(frame, markers, _labels(markers, frame, max_labels))


def locator_map(place: MapPlace, *, size: tuple[int, int] = LOCATOR_SIZE, span_km: float = LOCATOR_SPAN_KM) -> dict:
    """A small map centred on one place, `span_km` across, with one marker and no label (the page names it)."""
    width, height = size
    frame = Frame(AzimuthalEqualArea(round(place.longitude, 4), round(place.latitude, 4)),
                  width / span_km, 0.0, 0.0, width, height)
    marker = {"place_id": place.id, "name": place.name, "count": place.count,
              "x": round(width / 2, 1), "y": round(height / 2, 1), "r": LOCATOR_R}
    return _picture(frame, [marker], [])


def _picture(frame: Frame, markers: list[dict], labels: list[dict]) -> dict:
    return {"width": frame.width, "height": frame.height, "viewbox": f"0 0 {frame.width} {frame.height}",
            "projection": frame.projection.describe(), "countries": country_paths(frame),
            "markers": markers, "labels": labels}


@lru_cache(maxsize=256)
def country_paths(frame: Frame) -> list[dict]:
    """{"iso", "name", "d"} for every country seen in the frame, clipped to it; draw with fill-rule evenodd.

    Cached per frame: every filtered view of a map reuses the outlines.
    """
    window = _window(frame)
    lon0 = frame.projection.lon0
    out = []
    for country in boundaries.countries():
        rings = []
        for polygon in country.polygons:
            for ring in polygon:
                for piece in _pieces(ring, lon0, window):
                    screen = [frame.to_screen_relative(lon, lat) for lon, lat in densify(piece, DENSIFY_DEGREES)]
                    screen = clip_rectangle(screen, -PAD, -PAD, frame.width + PAD, frame.height + PAD)
                    screen = simplify_ring(screen, SIMPLIFY)
                    if len(screen) >= 3 and abs(area(screen)) >= MIN_RING_AREA:
                        rings.append(screen)
        d = path(rings, PRECISION)
        if d:
            out.append({"iso": country.iso or "", "name": country.name, "d": d})
    return out


def _window(frame: Frame) -> tuple[float, float, float, float]:
    """(west, east, south, north): longitudes relative to the central meridian, holding all the frame shows.

    Found by walking the picture's edge back onto the globe; a pole inside the picture
    opens the window to every longitude, and an edge off the globe (a world map) to everything.
    """
    lon0 = frame.projection.lon0
    w, h = frame.width + 2 * PAD, frame.height + 2 * PAD
    steps = 32
    edge = ([(-PAD + w * i / steps, -PAD) for i in range(steps + 1)] + [(-PAD + w * i / steps, h - PAD) for i in range(steps + 1)]
            + [(-PAD, -PAD + h * i / steps) for i in range(steps + 1)]
            + [(w - PAD, -PAD + h * i / steps) for i in range(steps + 1)])
    lons, lats = [], []
    for x, y in edge:
        found = frame.to_lonlat(x, y)
        if found is None:
            return -180.0, 180.0, -90.0, 90.0
        lons.append((found[0] - lon0 + 180.0) % 360.0 - 180.0)
        lats.append(found[1])
    west, east, south, north = min(lons) - 1, max(lons) + 1, max(min(lats) - 1, -90.0), min(max(lats) + 1, 90.0)
    for pole in (90.0, -90.0):
        x, y = frame.to_screen(lon0, pole)
        if -PAD <= x <= frame.width + PAD and -PAD <= y <= frame.height + PAD:
            west, east = -180.0, 180.0
            south, north = (south, 90.0) if pole > 0 else (-90.0, north)
    return max(west, -180.0), min(east, 180.0), south, north


def _pieces(ring: boundaries.Ring, lon0: float, window: tuple[float, float, float, float]) -> list[list]:
    """The parts of a ring inside the window, longitudes relative to lon0 (so cut at the back seam)."""
    west, east, south, north = window
    if ring.north < south or ring.south > north:
        return []
    start = (ring.west - lon0 + 180.0) % 360.0 - 180.0
    width = ring.east - ring.west
    shifts = [k for k in (-360.0, 0.0, 360.0) if start + k <= east and start + width + k >= west]
    if not shifts:
        return []
    flat = unwrap(ring.points, lon0)
    low = min(p[0] for p in flat)
    high = max(p[0] for p in flat)
    pieces = []
    for k in range(math.floor((low + 180.0) / 360.0), math.floor((high + 180.0) / 360.0) + 1):
        offset = k * 360.0
        piece = clip_rectangle(flat, west + offset, south, east + offset, north)
        if len(piece) >= 3:
            pieces.append([(lon - offset, lat) for lon, lat in piece])
    return pieces


def _labels(markers: list[dict], frame: Frame, limit: int) -> list[dict]:
    """Names beside the biggest markers, on the first side where they overlap no other label or marker."""
    size = LABEL_SIZE * frame.width / WIDTH
    boxes = [(m["x"] - m["r"], m["y"] - m["r"], m["x"] + m["r"], m["y"] + m["r"]) for m in markers]
    taken: list[tuple[float, float, float, float]] = []
    labels = []
    for index, marker in sorted(enumerate(markers), key=lambda im: (-im[1]["count"], im[1]["name"], im[1]["place_id"])):
        if len(labels) >= limit:
            break
        x, y, r = marker["x"], marker["y"], marker["r"]
        text_w = len(marker["name"]) * CHAR_WIDTH * size
        d = r * 0.7 + 2  # diagonals: r/sqrt(2) out from the centre, and a little more
        candidates = (("start", x + r + 3, y + size * 0.35), ("end", x - r - 3, y + size * 0.35),
                      ("middle", x, y - r - 4), ("middle", x, y + r + size * 0.9),
                      ("start", x + d, y - d), ("end", x - d, y - d),
                      ("start", x + d, y + d + size * 0.7), ("end", x - d, y + d + size * 0.7))
        for anchor, tx, ty in candidates:
            left = tx if anchor == "start" else tx - text_w if anchor == "end" else tx - text_w / 2
            box = (left, ty - size * 0.8, left + text_w, ty + size * 0.25)
            inside = box[0] >= 2 and box[1] >= 2 and box[2] <= frame.width - 2 and box[3] <= frame.height - 2
            clear = not any(_overlap(box, other) for other in taken) and \
                not any(_overlap(box, other) for i, other in enumerate(boxes) if i != index)
            if inside and clear:
                taken.append(box)
                labels.append({"place_id": marker["place_id"], "text": marker["name"], "x": round(tx, 1),
                               "y": round(ty, 1), "anchor": anchor})
                break
    return labels


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
