"""The indicators' bar chart tells the truth: the SVG is read back (as a browser or WeasyPrint
reads it) and its bars measured. One chart module draws it for the page and the PDF."""

from decimal import Decimal
from xml.etree import ElementTree

import pytest
from django.template import Context, Template
from django.utils import translation

from reports.charts import CHART_WIDTH, PADDING, chart_geometry, nice_step
from reports.models import Indicator

SVG = "{http://www.w3.org/2000/svg}"
LONG_NAME = "Partner organisations representing the region in INTER VENTURES and its stakeholders"


def indicator(name, value, unit="firms", year=2019):
    return Indicator(report_id=7, name=name, value=Decimal(value), unit=unit, year=year, source="x")


def render(indicators) -> ElementTree.Element:
    html = Template("{% load report_charts %}{% indicator_chart indicators %}").render(
        Context({"indicators": indicators})
    )
    return ElementTree.fromstring(html)  # noqa: S314 - our own markup


def groups(svg) -> dict[str, ElementTree.Element]:
    """The chart's unit groups by their heading."""
    return {group.find(f"{SVG}text").text: group for group in svg.iter(f"{SVG}g")}


def bars(group) -> list[float]:
    return [float(rect.get("width")) for rect in group.iter(f"{SVG}rect")]


def labels(group) -> list[str]:
    """Each bar's label, its wrapped lines (tspans) joined again."""
    return [
        " ".join(tspan.text for tspan in text.iter(f"{SVG}tspan"))
        for text in group.iter(f"{SVG}text")
        if text.find(f"{SVG}tspan") is not None
    ]


def test_bar_lengths_are_proportional_to_the_values_on_the_unit_scale():
    svg = render([indicator("A", 10), indicator("B", 20), indicator("C", 40)])

    [group] = groups(svg).values()
    ten, twenty, forty = bars(group)
    assert twenty == pytest.approx(2 * ten, abs=0.5)
    assert forty == pytest.approx(4 * ten, abs=0.5)
    assert forty <= CHART_WIDTH - 2 * PADDING
    assert labels(group) == ["A: 10\xa0firms", "B: 20\xa0firms", "C: 40\xa0firms"]


def test_the_axis_has_round_ticks_and_names_the_unit():
    svg = render([indicator("A", 10), indicator("B", 20), indicator("C", 40)])

    [group] = groups(svg).values()
    ticks = [text.text for text in group.iter(f"{SVG}text") if text.get("font-size") == "11"]
    assert ticks == ["0", "10", "20", "30", "40\xa0firms"]
    [forty] = [t for t in group.iter(f"{SVG}text") if t.text == "40\xa0firms"]
    assert float(forty.get("x")) - PADDING == pytest.approx(bars(group)[2], abs=0.5)


def test_every_value_of_a_unit_shares_one_scale_across_indicators_and_years():
    svg = render(
        [
            indicator("Exporters", 10, year=2019),
            indicator("Exporters", 40, year=2021),
            indicator("Share", 5, unit="%"),
            indicator("Importers", 20, unit="FIRMS"),
        ]
    )

    firms = groups(svg)["Unit: firms"]  # "FIRMS" is the same unit
    ten, forty, twenty = bars(firms)
    assert forty == pytest.approx(4 * ten, abs=0.5)
    assert twenty == pytest.approx(2 * ten, abs=0.5)


def test_a_unit_with_a_single_value_has_its_number_and_no_bar():
    svg = render([indicator("A", 10), indicator("B", 20), indicator("Export share", 12, "%")])

    share = groups(svg)["Unit: %"]
    assert bars(share) == []
    assert labels(share) == ["Export share: 12\xa0%"]
    assert len(bars(groups(svg)["Unit: firms"])) == 2


def test_long_labels_wrap_onto_lines_and_are_never_cut():
    svg = render(
        [indicator(f"{LONG_NAME} {LONG_NAME}", 3, "organisations"), indicator("Short", 4, "x")]
    )

    texts = [text for text in svg.iter(f"{SVG}text") if text.find(f"{SVG}tspan") is not None]
    assert len(list(texts[0].iter(f"{SVG}tspan"))) >= 2
    all_labels = [label for group in groups(svg).values() for label in labels(group)]
    assert f"{LONG_NAME} {LONG_NAME}: 3\xa0organisations" in all_labels
    assert not any(label.endswith("…") for label in all_labels)
    for tspan in svg.iter(f"{SVG}tspan"):
        assert len(tspan.text) * 0.62 * 13 <= CHART_WIDTH - 2 * PADDING


def test_zero_has_no_bar_length_and_a_negative_value_grows_left_of_zero():
    svg = render([indicator("Up", 30), indicator("Down", -10), indicator("Flat", 0)])

    [group] = groups(svg).values()
    up, down = group.iter(f"{SVG}rect")  # zero draws no rectangle at all
    assert float(up.get("width")) == pytest.approx(3 * float(down.get("width")), abs=0.5)
    zero_line = next(group.iter(f"{SVG}line"))
    zero = float(zero_line.get("x1"))
    assert float(up.get("x")) == pytest.approx(zero, abs=0.1)
    assert float(down.get("x")) + float(down.get("width")) == pytest.approx(zero, abs=0.1)
    assert down.get("fill") != up.get("fill")
    # The colour is not the only sign: the label says the minus.
    assert "Down: -10\xa0firms" in labels(group)
    assert "Flat: 0\xa0firms" in labels(group)


def test_all_zero_values_draw_no_bar_but_say_their_numbers():
    [group] = chart_geometry([indicator("A", 0), indicator("B", 0)])

    assert not group.has_bars
    assert [bar.width for bar in group.bars] == [0, 0]
    assert [bar.label for bar in group.bars] == ["A: 0\xa0firms", "B: 0\xa0firms"]


def test_round_steps():
    assert [nice_step(Decimal(n)) for n in (40, 7, 1_500_000, "0.3")] == [
        10,
        2,
        Decimal(500_000),
        Decimal("0.1"),
    ]


def test_numbers_follow_the_language_and_coordinates_stay_plain():
    with translation.override("it"):
        svg = render([indicator("Quota", "1234.5", "%"), indicator("Altra", "2000.25", "%")])

    [group] = groups(svg).values()
    assert "Quota: 1.234,5\xa0%" in labels(group)
    for element in svg.iter():
        for name in ("x", "y", "width", "height"):
            assert "," not in element.get(name, "")
