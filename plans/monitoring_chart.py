"""The geometry of a plan's monitoring chart: a strip of squares per action, one per period,
each with the status's colour and symbol, and a legend (rendered by
`templates/plans/_monitoring_chart.svg.html`). Plain server-side arithmetic, like
`reports/charts.py`, so the chart needs no script.

The symbol carries the meaning; the colour only repeats it. A report that is not approved yet
has its squares outlined with dashes.
"""

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .models import ActionStatus
from .selectors.monitoring import NOT_RECORDED_SYMBOL, STATUS_SYMBOLS, Timeline

PADDING = 16
LABEL_WIDTH = 250
LABEL_CHARS = 34  # a longer title is shortened in the chart (the table has it all)
CELL_WIDTH = 170
CELL_HEIGHT = 28
SQUARE_WIDTH = CELL_WIDTH - 8  # a gap between the periods' squares
ROW_GAP = 8
HEADER_HEIGHT = 28
LEGEND_LINE = 24
LEGEND_SQUARE = 18
MIN_WIDTH = 600  # room for the legend's longest line

# Each fill has at least 4.5:1 against white (the symbol drawn on it) and 3:1 against the page.
FILLS = {
    ActionStatus.NOT_STARTED: "#4a5568",
    ActionStatus.IN_PROGRESS: "#0b3d91",
    ActionStatus.IMPLEMENTED: "#14632d",
    ActionStatus.PARTLY: "#7a4f00",
    ActionStatus.NOT_IMPLEMENTED: "#a1160a",
}
EMPTY_FILL = "#ffffff"
TEXT_FILL = "#172033"
SYMBOL_ON_FILL = "#ffffff"
OUTLINE = "#4a5568"
DASHED_OUTLINE = "#172033"


@dataclass(frozen=True)
class Square:
    x: int
    y: int
    fill: str
    symbol: str
    symbol_fill: str
    dashed: bool
    title: str

    @property
    def symbol_x(self) -> int:
        return self.x + SQUARE_WIDTH // 2

    @property
    def symbol_y(self) -> int:
        return self.y + CELL_HEIGHT // 2 + 6


@dataclass(frozen=True)
class Heading:
    x: int
    y: int
    text: str


@dataclass(frozen=True)
class LegendItem:
    x: int
    y: int
    fill: str
    symbol: str
    symbol_fill: str
    dashed: bool
    text: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    headings: list[Heading]
    labels: list[Heading]
    squares: list[Square]
    legend: list[LegendItem]
    cell_width: int = SQUARE_WIDTH
    cell_height: int = CELL_HEIGHT
    legend_square: int = LEGEND_SQUARE
    text_fill: str = TEXT_FILL
    outline: str = OUTLINE
    dashed_outline: str = DASHED_OUTLINE


def period_label(period) -> str:
    return f"{date_format(period.starts_on, 'M Y')} – {date_format(period.ends_on, 'M Y')}"


def _legend(top: int) -> list[LegendItem]:
    entries = [
        (FILLS[status], STATUS_SYMBOLS[status], SYMBOL_ON_FILL, False, label)
        for status, label in ActionStatus.choices
    ]
    entries.append(
        (EMPTY_FILL, NOT_RECORDED_SYMBOL, TEXT_FILL, False, _("Not recorded, or no report"))
    )
    entries.append(
        (EMPTY_FILL, "", TEXT_FILL, True, _("Dashed outline: the report is not approved yet"))
    )
    return [
        LegendItem(PADDING, top + index * LEGEND_LINE, fill, symbol, symbol_fill, dashed, text)
        for index, (fill, symbol, symbol_fill, dashed, text) in enumerate(entries)
    ]


def chart_of(timeline: Timeline) -> Chart | None:
    """The chart of the timeline, or None when the plan has no action or there is no period."""
    if not timeline.rows or not timeline.columns:
        return None
    left = PADDING + LABEL_WIDTH
    headings = [
        Heading(left + index * CELL_WIDTH + CELL_WIDTH // 2, PADDING + 16, period_label(c.period))
        for index, c in enumerate(timeline.columns)
    ]
    labels, squares = [], []
    top = PADDING + HEADER_HEIGHT
    for row_index, row in enumerate(timeline.rows):
        y = top + row_index * (CELL_HEIGHT + ROW_GAP)
        labels.append(
            Heading(
                PADDING, y + CELL_HEIGHT // 2 + 5, Truncator(row.action.title).chars(LABEL_CHARS)
            )
        )
        for index, (cell, column) in enumerate(zip(row.cells, timeline.columns, strict=True)):
            recorded = bool(cell.status)
            title = _("%(action)s, %(period)s: %(status)s") % {
                "action": row.action.title,
                "period": period_label(column.period),
                "status": cell.label,
            }
            if cell.unreviewed:
                title = _("%(title)s (not approved yet)") % {"title": title}
            squares.append(
                Square(
                    x=left + index * CELL_WIDTH + (CELL_WIDTH - SQUARE_WIDTH) // 2,
                    y=y,
                    fill=FILLS[cell.status] if recorded else EMPTY_FILL,
                    symbol=cell.symbol,
                    symbol_fill=SYMBOL_ON_FILL if recorded else TEXT_FILL,
                    dashed=cell.unreviewed,
                    title=title,
                )
            )
    legend_top = top + len(timeline.rows) * (CELL_HEIGHT + ROW_GAP) + 12
    legend = _legend(legend_top)
    return Chart(
        width=max(left + len(timeline.columns) * CELL_WIDTH + PADDING, MIN_WIDTH),
        height=legend[-1].y + LEGEND_SQUARE + PADDING,
        headings=headings,
        labels=labels,
        squares=squares,
        legend=legend,
    )
