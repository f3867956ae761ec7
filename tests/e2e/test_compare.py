"""The regions side by side in a real Chromium: on a phone the columns are stacked and the
region switcher's links jump to a region; on a wide screen the columns sit in one row; axe-core
finds no WCAG 2.1 A/AA violation in either."""

import pytest
from django.urls import reverse

from tests.harness import factories

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
SWOT = (
    "<table><thead><tr><th>Strengths</th><th>Weaknesses</th><th>Opportunities</th>"
    "<th>Threats</th></tr></thead><tbody><tr><td><ul><li>Cross-border cooperation</li></ul></td>"
    "<td><ul><li>Small firms</li></ul></td><td><ul><li>Tourism offers</li></ul></td>"
    "<td><ul><li>Emigration of young people</li></ul></td></tr></tbody></table>"
)


@pytest.fixture
def five_regions(db):
    regions = [factories.make_region(name=f"Region {letter}") for letter in "ABCDE"]
    for region in regions:
        factories.make_report(region, status="approved", texts={"swot": SWOT})
    return regions


def url():
    return reverse("reports:section_across_regions") + "?section=swot"


def test_on_a_phone_the_region_switcher_jumps_to_a_region(
    five_regions, browser_page, axe_violations
):
    page = browser_page()
    page.set_viewport_size(PHONE)
    page.goto(url())
    last = five_regions[-1]

    page.get_by_role("navigation", name="Go to a region").get_by_role(
        "link", name=last.name
    ).click()

    page.wait_for_url(f"**#region-{last.slug}")
    heading = page.get_by_role("heading", name=last.name, level=2)
    box = heading.bounding_box()
    assert box is not None
    assert 0 <= box["y"] < PHONE["height"] / 2
    columns = page.locator(".compare-column")
    first, second = columns.nth(0).bounding_box(), columns.nth(1).bounding_box()
    assert second["y"] > first["y"] + first["height"] - 1, "phone columns are stacked"
    assert axe_violations(page) == []


def test_on_a_wide_screen_the_regions_sit_side_by_side(five_regions, browser_page, axe_violations):
    page = browser_page()
    page.set_viewport_size(DESKTOP)
    page.goto(url())

    boxes = [page.locator(".compare-column").nth(i).bounding_box() for i in range(5)]
    assert len({round(box["y"]) for box in boxes}) == 1
    assert [box["x"] for box in boxes] == sorted(box["x"] for box in boxes)
    assert not page.get_by_role("navigation", name="Go to a region").is_visible()
    # The quadrants' rows line up across the regions (subgrid).
    threats = page.get_by_role("heading", name="Threats", level=3)
    assert len({round(threats.nth(i).bounding_box()["y"]) for i in range(5)}) == 1
    assert axe_violations(page) == []
