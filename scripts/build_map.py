"""Draw static/img/europe.svg, the outlines of Europe under the map of the partnership.

Run once after `npm ci` (world-atlas is a development dependency in package.json):

    .venv/bin/python scripts/build_map.py

The country outlines are world-atlas 2.0.2's countries-50m.json (TopoJSON, ISC licence), made
from Natural Earth's 1:50m Admin 0 countries, which are in the public domain. They are
projected and framed as partners/maps.py places the regions, clipped to the frame and
simplified to a fraction of an SVG unit, so the file stays small and needs nothing at run time.
"""

import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from partners import maps  # noqa: E402 (the project's root is on the path only now)

SOURCE = ROOT / "node_modules" / "world-atlas" / "countries-50m.json"
TARGET = ROOT / "static" / "img" / "europe.svg"
# Countries are cut to this box (degrees) before projecting: far from the centre the projection
# folds, and the rest of the world is never on the map.
LON_MIN, LON_MAX, LAT_MIN, LAT_MAX = -30.0, 50.0, 25.0, 75.0
MARGIN = 4
"""How far outside the frame the outlines go, in SVG units, so no cut edge shows."""
TOLERANCE = 0.35
"""Douglas–Peucker tolerance in SVG units: less than a pixel at the largest size shown."""
MIN_AREA = 1.5
"""Islands smaller than this (square SVG units) are left out."""


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs as longitude, latitude points: TopoJSON stores them quantised and delta-encoded."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs) -> list[tuple[float, float]]:
    """A ring is a list of arc indexes; ~i is arc i backwards. Arcs share their end points."""
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def polygons_of(geometry: dict) -> list[list[list[int]]]:
    if geometry.get("type") == "Polygon":
        return [geometry["arcs"]]
    if geometry.get("type") == "MultiPolygon":
        return geometry["arcs"]
    return []


def clip(points, inside, intersect):
    """Sutherland–Hodgman: the polygon cut by one half-plane."""
    result = []
    for i, current in enumerate(points):
        previous = points[i - 1]
        if inside(current):
            if not inside(previous):
                result.append(intersect(previous, current))
            result.append(current)
        elif inside(previous):
            result.append(intersect(previous, current))
    return result


def clip_to_box(points, x_min, x_max, y_min, y_max):
    def cut_x(bound):
        def intersect(a, b):
            t = (bound - a[0]) / (b[0] - a[0])
            return bound, a[1] + t * (b[1] - a[1])

        return intersect

    def cut_y(bound):
        def intersect(a, b):
            t = (bound - a[1]) / (b[1] - a[1])
            return a[0] + t * (b[0] - a[0]), bound

        return intersect

    for inside, intersect in (
        (lambda p: p[0] >= x_min, cut_x(x_min)),
        (lambda p: p[0] <= x_max, cut_x(x_max)),
        (lambda p: p[1] >= y_min, cut_y(y_min)),
        (lambda p: p[1] <= y_max, cut_y(y_max)),
    ):
        if not points:
            break
        points = clip(points, inside, intersect)
    return points


def simplify(points, tolerance):
    """Douglas–Peucker, without recursion (rings have thousands of points)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
        farthest, distance = None, tolerance
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                d = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            else:
                d = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if d > distance:
                farthest, distance = i, d
        if farthest is not None:
            keep[farthest] = True
            stack.extend([(first, farthest), (farthest, last)])
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def area(points) -> float:
    return (
        abs(
            sum(
                x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise([*points, points[0]])
            )
        )
        / 2
    )


def path_data(points) -> str:
    """Absolute first point, then relative moves in tenths: a third of the size of absolute."""
    rounded = [(round(x * 10), round(y * 10)) for x, y in points]
    steps = [rounded[0]]
    for previous, current in itertools.pairwise(rounded):
        if current != previous:
            steps.append(current)
    (x, y), parts = steps[0], [f"M{steps[0][0] / 10:g} {steps[0][1] / 10:g}l"]
    moves = []
    for nx, ny in steps[1:]:
        moves.append(f"{(nx - x) / 10:g} {(ny - y) / 10:g}")
        x, y = nx, ny
    return parts[0] + " ".join(moves) + "z"


def country_paths(topology: dict) -> list[tuple[str, str]]:
    arcs = decode_arcs(topology)
    paths = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        rings = []
        for polygon in polygons_of(geometry):
            for ring in polygon:
                points = clip_to_box(ring_points(ring, arcs), LON_MIN, LON_MAX, LAT_MIN, LAT_MAX)
                if len(points) < 3:
                    continue
                points = [maps.to_map(lon, lat) for lon, lat in points]
                points = clip_to_box(
                    points, -MARGIN, maps.WIDTH + MARGIN, -MARGIN, maps.HEIGHT + MARGIN
                )
                points = simplify(points + points[:1], TOLERANCE)[:-1]
                if len(points) >= 3 and area(points) >= MIN_AREA:
                    rings.append(path_data(points))
        if rings:
            paths.append((geometry["properties"]["name"], "".join(rings)))
    return sorted(paths)


def svg(paths: list[tuple[str, str]]) -> str:
    # Presentation attributes rather than a <style> element: nothing for a CSP to refuse.
    lines = [
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {maps.WIDTH} {maps.HEIGHT}" width="{maps.WIDTH}" height="{maps.HEIGHT}">',
        "<!-- Country outlines: Natural Earth 1:50m (public domain) through world-atlas 2.0.2"
        " (ISC licence); drawn by scripts/build_map.py, Lambert azimuthal equal-area"
        " (EPSG:3035). -->",
        f'<rect width="{maps.WIDTH}" height="{maps.HEIGHT}" fill="#dceaf5"/>',
        '<g fill="#f4f1e8" stroke="#8b95a5" stroke-width="0.6" stroke-linejoin="round">',
    ]
    lines += [f'<path d="{d}"/>' for _name, d in paths]
    lines += ["</g>", "</svg>", ""]
    return "\n".join(lines)


def main() -> None:
    topology = json.loads(SOURCE.read_text(encoding="utf-8"))
    TARGET.write_text(svg(country_paths(topology)), encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
