"""Template tags of the reports: an indicator's figure and the indicators' bar chart.

`{% indicator_chart indicators %}` renders plain SVG (explicit size, presentation attributes, no
classes, scripts or foreignObject), so WeasyPrint embeds the same chart in PDFs.
"""

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import charts

register = template.Library()

BAR_FILL = "#003399"  # EU blue: 11.1:1 on white (bars need 3:1)
NEGATIVE_FILL = "#a1160a"  # 6.6:1 on white
TEXT_FILL = "#172033"  # 15.9:1 on white
AXIS_STROKE = "#4a5568"  # 7.5:1 on white


def table_id(report_id) -> str:
    """The id of the indicators table in `reports/_indicators.html`: the chart's full text
    alternative."""
    return f"indicators-table-{report_id}"


@register.filter
def value_with_unit(indicator) -> str:
    """`{{ indicator|value_with_unit }}`: "1,250 firms", as the reader's language writes it."""
    return charts.value_with_unit(indicator.value, indicator.unit)


def _description(count: int, units: int) -> str:
    return " ".join(
        [
            ngettext(
                "One bar shows the report’s only indicator.",
                "Each of the report’s %(count)s indicators is shown as a bar.",
                count,
            )
            % {"count": count},
            ngettext(
                "All values share one unit and one scale.",
                "The bars are in %(units)s groups, one for each unit, each with its own scale.",
                units,
            )
            % {"units": units},
            _("The table of indicators gives the same figures."),
        ]
    )


@register.inclusion_tag("reports/_indicator_chart.svg.html")
def indicator_chart(indicators, describedby=None):
    """The chart of `indicators` (nothing when there are none). `describedby` is the id of the
    table with the same figures; by default the one `reports/_indicators.html` renders."""
    indicators = list(indicators)
    if not indicators:
        return {"groups": []}
    report_id = indicators[0].report_id
    groups = charts.chart_geometry(indicators)
    return {
        "groups": groups,
        "width": charts.CHART_WIDTH,
        "height": charts.chart_height(groups),
        "padding": charts.PADDING,
        "id_prefix": f"indicator-chart-{report_id}",
        "describedby": describedby or table_id(report_id),
        "title": _("Indicators as a bar chart"),
        "description": _description(len(indicators), len(groups)),
        "bar_fill": BAR_FILL,
        "negative_fill": NEGATIVE_FILL,
        "text_fill": TEXT_FILL,
        "axis_stroke": AXIS_STROKE,
    }
