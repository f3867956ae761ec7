"""The indicators' figures and bar chart: numbers as the reader's language writes them, and the
geometry of the chart (rendered by `reports.templatetags.report_charts`).

The chart is plain server-side arithmetic, so the same SVG works on the page and in PDFs.
Values in different units cannot share an axis: each unit gets its own small group of bars,
scaled to the largest magnitude of that unit.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils import formats
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .models import Indicator


def format_value(value: Decimal) -> str:
    """A value as the reader's language writes it: digits grouped, no trailing zeros."""
    value = Decimal(value)
    return formats.number_format(value.normalize() if value else Decimal(0), force_grouping=True)


def value_with_unit(value: Decimal, unit: str) -> str:
    text = format_value(value)
    return f"{text}\N{NO-BREAK SPACE}{unit}" if unit else text


CHART_WIDTH = 640  # fits an A4 page with 2 cm margins at 96 dpi
PADDING = 16
GROUP_HEADING = 20  # height of a unit's heading line
LABEL_LINE = 18  # height of the text line above each bar
BAR_HEIGHT = 16
BAR_GAP = 10  # below each bar
GROUP_GAP = 18  # below each group
LABEL_CHARS = 48  # a name longer than this is shortened in the chart (the table has it all)


@dataclass(frozen=True)
class Bar:
    """One indicator's bar; `label_y` is the baseline of its text line above the bar."""

    name: str
    value: Decimal
    label: str
    x: float
    y: float
    width: float
    height: float
    label_y: float

    @property
    def negative(self) -> bool:
        return self.value < 0


@dataclass(frozen=True)
class BarGroup:
    """The bars of one unit, on their own axis: zero is at `axis_x`, and the axis runs from
    `axis_top` to `bottom` (the end of the last bar)."""

    unit: str
    heading: str
    heading_y: float
    axis_x: float
    axis_top: float
    bottom: float
    bars: list[Bar]


def _by_unit(indicators: Iterable[Indicator]) -> dict[str, list[Indicator]]:
    groups: dict[str, list[Indicator]] = {}
    for indicator in indicators:
        groups.setdefault(indicator.unit.strip().casefold(), []).append(indicator)
    return groups


def chart_geometry(indicators: Iterable[Indicator], *, width: int = CHART_WIDTH) -> list[BarGroup]:
    """Bars for the indicators (in their order), one group per unit in order of appearance.

    Within a group every bar's length is proportional to the magnitude of its value; when a
    unit has negative values, zero moves right and those bars grow leftwards from it. A group
    of zeros has no bars to draw, but its labels still say so.
    """
    span = width - 2 * PADDING
    groups = []
    y = float(PADDING)
    for members in _by_unit(indicators).values():
        unit = members[0].unit.strip()
        values = [Decimal(indicator.value) for indicator in members]
        low = min(min(values), Decimal(0))
        high = max(max(values), Decimal(0))
        scale = span / float(high - low) if high > low else 0.0
        axis_x = PADDING - float(low) * scale
        heading = _("Unit: %(unit)s") % {"unit": unit} if unit else _("Without unit")
        heading_y = y + GROUP_HEADING - 6
        y += GROUP_HEADING
        axis_top = y + LABEL_LINE
        bars = []
        for indicator, value in zip(members, values, strict=True):
            length = abs(float(value)) * scale
            name = Truncator(indicator.name).chars(LABEL_CHARS)
            bars.append(
                Bar(
                    name=indicator.name,
                    value=value,
                    label=f"{name}: {value_with_unit(value, unit)}",
                    x=round(axis_x - length if value < 0 else axis_x, 1),
                    y=y + LABEL_LINE,
                    width=round(length, 1),
                    height=BAR_HEIGHT,
                    label_y=y + LABEL_LINE - 5,
                )
            )
            y += LABEL_LINE + BAR_HEIGHT + BAR_GAP
        groups.append(
            BarGroup(
                unit=unit,
                heading=heading,
                heading_y=heading_y,
                axis_x=round(axis_x, 1),
                axis_top=axis_top,
                bottom=y - BAR_GAP,
                bars=bars,
            )
        )
        y += GROUP_GAP - BAR_GAP
    return groups


def chart_height(groups: list[BarGroup]) -> int:
    return int(groups[-1].bottom + PADDING) if groups else 0
