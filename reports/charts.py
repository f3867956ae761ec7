"""The indicators' figures and bar chart: numbers as the reader's language writes them, and the
geometry of the chart (rendered by `reports.templatetags.report_charts`).

The chart is plain server-side arithmetic, so the same SVG works on the page and in PDFs.
Values in different units cannot share an axis: each unit gets its own group of bars, on one
scale shared by every value of that unit (so the same indicator in several years is comparable),
with an axis whose ticks are at round values. A unit with a single value gets no bar: a bar that
fills the width whatever the value says nothing, so the number is shown alone. Bars start at
zero: a negative value grows leftwards (zero moves right), a zero value has no length. Labels
are never shortened: they wrap onto as many lines as they need.

The compare page draws one shared indicator (`IndicatorCode`) across the regions with
`comparison_geometry`: one group, one scale for every region's value.
"""

import math
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils import formats
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
FONT_SIZE = 13
SMALL_FONT_SIZE = 11  # tick values
# DejaVu Sans (the PDF's font, and the first choice on the page) averages under 0.6 em per
# character in these labels; the estimate errs wide so a wrapped line never overflows.
CHAR_WIDTH = 0.62 * FONT_SIZE
GROUP_HEADING = 20  # height of a unit's heading line
LABEL_LINE = 17  # height of each line of text above a bar
BAR_HEIGHT = 16
BAR_GAP = 10  # below each bar
TICK_LENGTH = 4
AXIS_HEIGHT = 22  # the axis line, its ticks and their values below the last bar
GROUP_GAP = 18  # below each group
TICKS = 4  # about this many intervals on an axis


@dataclass(frozen=True)
class Bar:
    """One indicator: its label (wrapped into `lines`, the baseline of each in `line_ys`) and
    its bar below them (`width` 0: no bar is drawn)."""

    name: str
    value: Decimal
    label: str
    lines: list[str]
    line_ys: list[float]
    x: float
    y: float
    width: float
    height: float

    @property
    def negative(self) -> bool:
        return self.value < 0

    @property
    def label_lines(self) -> list[tuple[float, str]]:
        return list(zip(self.line_ys, self.lines, strict=True))


@dataclass(frozen=True)
class Tick:
    """A round value on the axis; the first and last labels are anchored inside the chart."""

    x: float
    label: str
    anchor: str = "middle"


@dataclass(frozen=True)
class BarGroup:
    """The indicators of one unit. With bars (`has_bars`), zero is at `axis_x`, the vertical
    zero line runs from `axis_top` to `bars_bottom` and the horizontal axis at `axis_y` carries
    the `ticks`; `bottom` is the end of the group."""

    unit: str
    heading: str
    heading_y: float
    has_bars: bool
    axis_x: float
    axis_top: float
    bars_bottom: float
    axis_y: float
    ticks: list[Tick]
    bars: list[Bar]
    bottom: float

    @property
    def axis_start(self) -> float:
        return self.ticks[0].x if self.ticks else self.axis_x

    @property
    def axis_end(self) -> float:
        return self.ticks[-1].x if self.ticks else self.axis_x

    @property
    def tick_bottom(self) -> float:
        return self.axis_y + TICK_LENGTH

    @property
    def tick_label_y(self) -> float:
        return self.axis_y + TICK_LENGTH + SMALL_FONT_SIZE + 2


def wrap_label(text: str, *, width: float) -> list[str]:
    """`text` in lines that fit `width` pixels, broken at spaces only (a word longer than a
    line keeps its own line rather than being cut), so joining the lines with spaces gives the
    text back."""
    chars = max(int(width / CHAR_WIDTH), 1)
    # textwrap breaks at ASCII whitespace only: a no-break space keeps a value with its unit.
    return textwrap.wrap(text, width=chars, break_long_words=False, break_on_hyphens=False)


def nice_step(span: Decimal) -> Decimal:
    """A round step (1, 2, 2.5 or 5 times a power of ten) that cuts `span` in about TICKS."""
    rough = span / TICKS
    power = Decimal(10) ** math.floor(math.log10(rough))
    for factor in (1, 2, Decimal("2.5"), 5, 10):
        if rough <= factor * power:
            return factor * power
    return 10 * power  # pragma: no cover - the loop ends at 10, which always holds


def axis_range(low: Decimal, high: Decimal) -> tuple[Decimal, Decimal, Decimal]:
    """The round ends and step of an axis that holds `low`..`high` (which include zero)."""
    step = nice_step(high - low)
    return (
        (low / step).to_integral_value(rounding="ROUND_FLOOR") * step,
        (high / step).to_integral_value(rounding="ROUND_CEILING") * step,
        step,
    )


def _by_unit(indicators: Iterable[Indicator]) -> dict[str, list[Indicator]]:
    groups: dict[str, list[Indicator]] = {}
    for indicator in indicators:
        groups.setdefault(indicator.unit.strip().casefold(), []).append(indicator)
    return groups


def _group(members: list[tuple[str, Decimal]], unit: str, *, top: float, width: int) -> BarGroup:
    """One unit's bars: `members` are (name, value) pairs, all on one scale."""
    span = width - 2 * PADDING
    values = [Decimal(value) for _name, value in members]
    low, high = min(*values, Decimal(0)), max(*values, Decimal(0))
    has_bars = len(values) > 1 and high > low
    ticks: list[Tick] = []
    scale = 0.0
    axis_x = float(PADDING)
    if has_bars:
        start, end, step = axis_range(low, high)
        scale = span / float(end - start)
        axis_x = PADDING - float(start) * scale
        count = int((end - start) / step)
        ticks = [
            Tick(round(PADDING + n * float(step) * scale, 1), format_value(start + n * step))
            for n in range(count + 1)
        ]
        # The last value names the unit, so the axis reads on its own.
        ticks[0] = Tick(ticks[0].x, ticks[0].label, "start")
        ticks[-1] = Tick(ticks[-1].x, value_with_unit(end, unit), "end")
    heading = _("Unit: %(unit)s") % {"unit": unit} if unit else _("Without unit")
    heading_y = top + GROUP_HEADING - 6
    y = top + GROUP_HEADING
    bars = []
    for (name, _value), value in zip(members, values, strict=True):
        label = f"{' '.join(name.split())}: {value_with_unit(value, unit)}"
        lines = wrap_label(label, width=span)
        line_ys = [y + LABEL_LINE * (n + 1) - 5 for n in range(len(lines))]
        y += LABEL_LINE * len(lines)
        length = abs(float(value)) * scale
        bars.append(
            Bar(
                name=name,
                value=value,
                label=label,
                lines=lines,
                line_ys=line_ys,
                x=round(axis_x - length if value < 0 else axis_x, 1),
                y=y,
                width=round(length, 1),
                height=BAR_HEIGHT if has_bars else 0,
            )
        )
        y += (BAR_HEIGHT + BAR_GAP) if has_bars else 4
    bars_bottom = y - BAR_GAP if has_bars else y
    axis_y = bars_bottom + 4
    return BarGroup(
        unit=unit,
        heading=heading,
        heading_y=heading_y,
        has_bars=has_bars,
        axis_x=round(axis_x, 1),
        axis_top=top + GROUP_HEADING,
        bars_bottom=bars_bottom,
        axis_y=axis_y,
        ticks=ticks,
        bars=bars,
        bottom=axis_y + AXIS_HEIGHT if has_bars else bars_bottom,
    )


def chart_geometry(indicators: Iterable[Indicator], *, width: int = CHART_WIDTH) -> list[BarGroup]:
    """The indicators (in their order) in groups, one per unit in order of appearance."""
    groups = []
    top = float(PADDING)
    for members in _by_unit(indicators).values():
        pairs = [(indicator.name, indicator.value) for indicator in members]
        group = _group(pairs, members[0].unit.strip(), top=top, width=width)
        groups.append(group)
        top = group.bottom + GROUP_GAP
    return groups


def chart_height(groups: list[BarGroup]) -> int:
    return math.ceil(groups[-1].bottom + PADDING) if groups else 0


def comparison_geometry(
    members: Iterable[tuple[str, Decimal]], unit: str, *, width: int = CHART_WIDTH
) -> list[BarGroup]:
    """One shared indicator across the regions: every (label, value) on ONE scale, whatever
    the region, so the bars compare; a single value gets the number without a bar."""
    members = list(members)
    if not members:
        return []
    return [_group(members, unit.strip(), top=float(PADDING), width=width)]
