"""The map of the partnership: where the regions lie on the map of Europe, and arrows between them.

The outlines of Europe are a static file (static/img/europe.svg) drawn once by
scripts/build_map.py with the projection and frame below; a page places the regions on it with
the same numbers, so a place drawn here falls where the outlines put its town.

The projection is the Lambert azimuthal equal-area of the EU's statistical maps (EPSG:3035,
centred on 52° N 10° E), on a sphere: at this scale the ellipsoid would move a place by less
than a pixel.
"""

import math
from dataclasses import dataclass, field

from interventures.collation import sorted_by_name

RADIUS = 6_371_007.0
"""The sphere of equal area to the GRS80 ellipsoid, in metres."""
CENTRE_LAT, CENTRE_LON = 52.0, 10.0
FALSE_EASTING, FALSE_NORTHING = 4_321_000.0, 3_210_000.0

# The frame, in EPSG:3035 metres: from Lisbon to Kyiv, from Rome to Stockholm; the regions
# fill it, so that they stay apart on a phone.
WEST, EAST = 2_620_000.0, 5_720_000.0
SOUTH, NORTH = 1_750_000.0, 4_180_000.0
WIDTH = 720
"""The map's width in SVG units; its height follows the frame."""
HEIGHT = round(WIDTH * (NORTH - SOUTH) / (EAST - WEST))
SCALE = WIDTH / (EAST - WEST)


def project(lon: float, lat: float) -> tuple[float, float]:
    """EPSG:3035 easting and northing of a longitude and latitude, in metres."""
    phi, lam = math.radians(lat), math.radians(lon - CENTRE_LON)
    phi0 = math.radians(CENTRE_LAT)
    k = math.sqrt(
        2 / (1 + math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(lam))
    )
    x = RADIUS * k * math.cos(phi) * math.sin(lam)
    y = (
        RADIUS
        * k
        * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(lam))
    )
    return FALSE_EASTING + x, FALSE_NORTHING + y


def to_map(lon: float, lat: float) -> tuple[float, float]:
    """The point on the map (SVG units, y downwards) of a longitude and latitude."""
    easting, northing = project(lon, lat)
    return (easting - WEST) * SCALE, (NORTH - northing) * SCALE


# --- what a page draws -------------------------------------------------------------------------

MARKER_RADIUS = 7
LABEL_GAP = 11
# Estimated widths of a label's characters, in SVG units, at the sizes of portal.css: the name
# on a phone (28px) and the note in brackets on a wider screen (11px; phones leave it out).
NAME_CHARACTER = 17
NOTE_CHARACTER = 6


@dataclass
class Place:
    """A region on the map: its point, its label and where a click on it leads."""

    region: object
    url: str
    x: float
    y: float
    current: bool = False
    """The region the page is about, such as the list's filter."""

    @property
    def name(self) -> str:
        """The region's name without its note in brackets: "Pécs (Hungary–Croatia border)"
        is labelled "Pécs", the note on a second line."""
        return self.region.name.split(" (", 1)[0]

    @property
    def note(self) -> str:
        note = self.region.name.partition(" (")[2]
        return f"({note}" if note else ""

    @property
    def label_on_left(self) -> bool:
        """A label that would run off the frame on the right goes to the left of its point."""
        width = max(len(self.name) * NAME_CHARACTER, len(self.note) * NOTE_CHARACTER)
        return self.x + LABEL_GAP + width > WIDTH

    @property
    def label_x(self) -> float:
        return self.x - LABEL_GAP if self.label_on_left else self.x + LABEL_GAP

    @property
    def label_y(self) -> float:
        return self.y + 5


@dataclass
class Arrow:
    """Transfers from the region of the practices (`origin`) to the region that learns."""

    origin: Place
    learner: Place
    count: int
    path: str = ""
    label_x: float = 0
    label_y: float = 0

    @property
    def weight(self) -> int:
        """1, 2 or 3 (three transfers or more), as the matrix's shades."""
        return min(self.count, 3)


@dataclass
class RegionMap:
    places: list[Place]
    arrows: list[Arrow] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT


def region_map(regions, url, current: str | None = None) -> RegionMap:
    """The regions with coordinates as places on the map, each a link to `url(region)`; the
    one whose slug is `current` is marked; the text list follows the reader's alphabet."""
    places = [
        Place(
            region,
            url(region),
            *to_map(float(region.longitude), float(region.latitude)),
            current=region.slug == current,
        )
        for region in sorted_by_name(regions)
        if region.longitude is not None and region.latitude is not None
    ]
    return RegionMap(places=places)


# Arrows bend to the right of their way, so that A → B and B → A run side by side; between
# near regions at least so far that their numbers keep clear of each other and of the labels.
BEND = 0.18
MIN_BEND = 48
ARROW_GAP = MARKER_RADIUS + 4


def add_arrows(region_map: RegionMap, counts) -> RegionMap:
    """Draw an arrow for each (origin region, learning region, count) with a count above 0
    between two regions on the map."""
    places = {place.region.pk: place for place in region_map.places}
    for origin, learner, count in counts:
        start, end = places.get(origin.pk), places.get(learner.pk)
        if not count or start is None or end is None or start is end:
            continue
        arrow = Arrow(start, end, count)
        _bend(arrow)
        region_map.arrows.append(arrow)
    return region_map


def _bend(arrow: Arrow) -> None:
    """A quadratic curve from origin to learner, ending short of the two markers, and the
    point of its middle for the label."""
    (x0, y0), (x1, y1) = (arrow.origin.x, arrow.origin.y), (arrow.learner.x, arrow.learner.y)
    dx, dy = x1 - x0, y1 - y0
    bend = max(BEND, MIN_BEND / (math.hypot(dx, dy) or 1))
    # The control point: off the middle of the chord, to the right of the way (y points down).
    cx, cy = (x0 + x1) / 2 - dy * bend, (y0 + y1) / 2 + dx * bend
    sx, sy = _towards(x0, y0, cx, cy, ARROW_GAP)
    ex, ey = _towards(x1, y1, cx, cy, ARROW_GAP + min(arrow.weight, 3) * 1.5)
    arrow.path = f"M{sx:.1f} {sy:.1f}Q{cx:.1f} {cy:.1f} {ex:.1f} {ey:.1f}"
    # The middle of the curve (t = ½), kept for the count's label.
    arrow.label_x = 0.25 * sx + 0.5 * cx + 0.25 * ex
    arrow.label_y = 0.25 * sy + 0.5 * cy + 0.25 * ey


def _towards(x: float, y: float, tx: float, ty: float, distance: float) -> tuple[float, float]:
    """The point `distance` from (x, y) on the way to (tx, ty)."""
    length = math.hypot(tx - x, ty - y) or 1
    return x + (tx - x) * distance / length, y + (ty - y) * distance / length
