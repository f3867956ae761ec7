"""The shared indicators across the regions in a real Chromium: the table and the chart fit a
phone's width (the table scrolls in its own region, the chart scales down), and axe-core finds no
WCAG 2.1 A/AA violation on a phone or a wide screen."""

from decimal import Decimal

import pytest
from django.urls import reverse

from reports.models import Indicator, IndicatorCode
from tests.harness import factories

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
URL = reverse("reports:section_across_regions") + "?section=indicators"


@pytest.fixture
def five_regions(db):
    code = IndicatorCode.objects.create(
        code="SME-EXPORT",
        name="SMEs exporting, %",
        unit="%",
        definition="Share of small and medium-sized enterprises that sell abroad.",
    )
    for number, letter in enumerate("ABCDE"):
        report = factories.make_report(
            factories.make_region(name=f"Region {letter}"), status="approved"
        )
        Indicator.objects.create(
            report=report,
            name="Exporting SMEs",
            value=Decimal(10 + 7 * number),
            unit="%",
            year=2019 + number % 2,
            source="Eurostat, Structural business statistics",
            code=code,
        )
    Indicator.objects.create(
        report=report, name="Regional GDP", value=400, unit="bn EUR", year=2019, source="Istat"
    )
    return code


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_indicators_read_on_a_phone_and_a_wide_screen(
    five_regions, browser_page, axe_violations, viewport
):
    page = browser_page()
    page.set_viewport_size(viewport)
    page.goto(URL)

    chart = page.get_by_role("img", name="SMEs exporting, % across the regions")
    box = chart.bounding_box()
    assert box is not None
    assert box["x"] + box["width"] <= viewport["width"]
    assert page.locator(".compare-code-table tbody tr").count() == 5
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], "the page does not scroll sideways"
    assert axe_violations(page) == []
