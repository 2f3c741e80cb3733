"""Plane geometry for drawing country outlines: unwrapping, clipping, densifying, simplifying.

Outlines are clipped twice: in longitude and latitude to the part of the globe
the picture can show (which also cuts them where the projection's back seam
runs, opposite the central meridian), and again to the picture itself, so a
regional map carries no coordinates it never draws.
"""

from __future__ import annotations

Point = tuple[float, float]


def unwrap(ring: list[Point], lon0: float) -> list[Point]:
    """The ring with longitudes relative to `lon0`, continuous along the ring (so they may pass +-180).

    A ring that goes once round a pole (Antarctica) is closed along that pole, so it
    stays a polygon in the plane: it then spans 360 degrees of longitude.
    """
    if not ring:
        return []
    lon, lat = ring[0]
    x = (lon - lon0 + 180.0) % 360.0 - 180.0
    out = [(x, lat)]
    previous = lon
    for lon, lat in ring[1:]:
        x += (lon - previous + 180.0) % 360.0 - 180.0
        previous = lon
        out.append((x, lat))
    turn = out[-1][0] - out[0][0]
    if abs(turn) > 180.0:  # went round a pole rather than back to where it started
        pole = 90.0 if sum(p[1] for p in ring) > 0 else -90.0
        out += [(out[-1][0], pole), (out[0][0], pole)]
    return out


def clip_rectangle(ring: list[Point], x0: float, y0: float, x1: float, y1: float) -> list[Point]:
    """Sutherland-Hodgman: the part of a polygon inside x0 <= x <= x1, y0 <= y <= y1.

    A concave polygon cut into several parts comes back as one ring whose parts are
    joined along the rectangle's edge; drawn with an edge just outside the view, the
    joins are never seen.
    """
    for axis, bound, keep_above in ((0, x0, True), (0, x1, False), (1, y0, True), (1, y1, False)):
        if not ring:
            return []
        out: list[Point] = []
        prev = ring[-1]
        prev_in = prev[axis] >= bound if keep_above else prev[axis] <= bound
        for point in ring:
            inside = point[axis] >= bound if keep_above else point[axis] <= bound
            if inside != prev_in:
                t = (bound - prev[axis]) / (point[axis] - prev[axis])
                cross = (prev[0] + t * (point[0] - prev[0]), prev[1] + t * (point[1] - prev[1]))
                out.append((bound, cross[1]) if axis == 0 else (cross[0], bound))
            if inside:
                out.append(point)
            prev, prev_in = point, inside
        ring = out
    return ring


def densify(ring: list[Point], step: float) -> list[Point]:
    """Points added so no edge is longer than `step` in either coordinate.

    Long straight edges in longitude and latitude (a border along a parallel, a clipped
    edge) are curves once projected; without the points between they would cut corners.
    """
    if len(ring) < 2:
        return ring
    out: list[Point] = []
    for (xa, ya), (xb, yb) in zip(ring, ring[1:] + ring[:1], strict=False):
        out.append((xa, ya))
        parts = int(max(abs(xb - xa), abs(yb - ya)) / step)
        for i in range(1, parts + 1):
            t = i / (parts + 1)
            out.append((xa + t * (xb - xa), ya + t * (yb - ya)))
    return out


def simplify_ring(ring: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker on a closed ring: split at the point farthest from the first, simplify both halves."""
    if len(ring) <= 4:
        return ring
    x0, y0 = ring[0]
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - x0) ** 2 + (ring[i][1] - y0) ** 2)
    first = _simplify_line(ring[:far + 1], tolerance)
    second = _simplify_line(ring[far:] + ring[:1], tolerance)
    return first + second[1:-1]


def _simplify_line(points: list[Point], tolerance: float) -> list[Point]:
    if len(points) <= 2:
        return points
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
            distance = abs(dy * (x - x1) - dx * (y - y1)) / length if length else abs(x - x1) + abs(y - y1)
            if distance > best:
                best, index = distance, i
        if best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep, strict=False) if kept]


def area(ring: list[Point]) -> float:
    """Signed area (shoelace)."""
    return sum(xa * yb - xb * ya for (xa, ya), (xb, yb) in zip(ring, ring[1:] + ring[:1], strict=False)) / 2


def path(rings: list[list[Point]], precision: int) -> str:
    """SVG path data, one closed subpath per ring: absolute start, then relative steps.

    Coordinates are rounded first and the steps taken between rounded points, so
    rounding errors never add up along a coastline; repeated points are dropped.
    """
    factor = 10 ** precision
    parts = []
    for ring in rings:
        points = [(round(x * factor), round(y * factor)) for x, y in ring]
        steps = []
        px, py = points[0]
        for x, y in points[1:]:
            if (x, y) != (px, py):
                steps.append((x - px, y - py))
                px, py = x, y
        if len(steps) < 2:
            continue
        text = [f"M{_number(points[0][0], precision)} {_number(points[0][1], precision)}l"]
        for dx, dy in steps:
            for value in (dx, dy):
                number = _number(value, precision)
                text.append(number if number.startswith("-") or text[-1].endswith("l") else " " + number)
        text.append("z")
        parts.append("".join(text))
    return "".join(parts)


def _number(scaled: int, precision: int) -> str:
    """An integer count of 10**-precision units as the shortest SVG number: 15 -> '1.5', -5 -> '-.5'."""
    if precision == 0:
        return str(scaled)
    sign = "-" if scaled < 0 else ""
    whole, frac = divmod(abs(scaled), 10 ** precision)
    frac_text = f"{frac:0{precision}d}".rstrip("0")
    if not frac_text:
        return f"{sign}{whole}"
    return f"{sign}{whole if whole else ''}.{frac_text}"
