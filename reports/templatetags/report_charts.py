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


@register.filter
def value_number(value) -> str:
    """`{{ value|value_number }}`: "1,250", as the reader's language writes it."""
    return charts.format_value(value)


def _description(count: int, groups: list[charts.BarGroup]) -> str:
    sentences = [
        ngettext(
            "The report’s only indicator is shown with its value.",
            "Each of the report’s %(count)s indicators is shown with its value.",
            count,
        )
        % {"count": count},
        ngettext(
            "All values share one unit and one scale.",
            "The values are in %(units)s groups, one for each unit, each with its own scale.",
            len(groups),
        )
        % {"units": len(groups)},
    ]
    if any(group.has_bars for group in groups):
        sentences.append(_("Each bar’s length is proportional to its value, from zero."))
    if any(not group.has_bars for group in groups):
        sentences.append(_("A unit with a single value shows the number without a bar."))
    sentences.append(_("The table of indicators gives the same figures."))
    return " ".join(sentences)


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
        "font_size": charts.FONT_SIZE,
        "small_font_size": charts.SMALL_FONT_SIZE,
        "id_prefix": f"indicator-chart-{report_id}",
        "describedby": describedby or table_id(report_id),
        "title": _("Indicators as a bar chart"),
        "description": _description(len(indicators), groups),
        "bar_fill": BAR_FILL,
        "negative_fill": NEGATIVE_FILL,
        "text_fill": TEXT_FILL,
        "axis_stroke": AXIS_STROKE,
    }


def comparison_table_id(code_pk) -> str:
    """The id of a shared code's table in `reports/_compare_indicators.html`."""
    return f"code-table-{code_pk}"


def _comparison_description(count: int, has_bars: bool) -> str:
    sentences = [
        ngettext(
            "One region's value is shown as a number.",
            "The %(count)s values of the regions are shown on one scale.",
            count,
        )
        % {"count": count}
    ]
    if has_bars:
        sentences.append(_("Each bar’s length is proportional to its value, from zero."))
    sentences.append(_("The table above gives the same figures with their year and source."))
    return " ".join(sentences)


@register.inclusion_tag("reports/_indicator_chart.svg.html")
def comparison_chart(code_comparison, width=charts.CHART_WIDTH):
    """The chart of one shared code across the regions (`selectors.CodeComparison`): its values
    in the code's unit, every region on one scale; nothing when no region has one. A narrower
    `width` wraps the labels for phones, where a scaled-down chart's text would be too small."""
    charted = code_comparison.charted
    if not charted:
        return {"groups": []}
    code = code_comparison.code
    members = [
        (f"{value.region.name}, {value.indicator.year}", value.indicator.value) for value in charted
    ]
    groups = charts.comparison_geometry(members, code.unit, width=width)
    return {
        "groups": groups,
        "width": width,
        "height": charts.chart_height(groups),
        "padding": charts.PADDING,
        "font_size": charts.FONT_SIZE,
        "small_font_size": charts.SMALL_FONT_SIZE,
        "id_prefix": f"code-chart-{code.pk}-{width}",
        "describedby": comparison_table_id(code.pk),
        "title": _("%(name)s across the regions") % {"name": code.name},
        "description": _comparison_description(len(members), groups[0].has_bars),
        "bar_fill": BAR_FILL,
        "negative_fill": NEGATIVE_FILL,
        "text_fill": TEXT_FILL,
        "axis_stroke": AXIS_STROKE,
    }
