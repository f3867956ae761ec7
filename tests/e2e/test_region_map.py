"""The map of the partnership in Chromium, on the demo data: the outlines come from our own
origin, every label stays inside the map on a phone and on a wide screen, a region on the
practices page filters the list, and the transfer map passes axe."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=StringIO())


@pytest.mark.parametrize("width", [390, 1366])
def test_the_outlines_load_from_our_origin_and_every_label_stays_inside_the_map(
    browser_page, demo, width
):
    page = browser_page()
    page.set_viewport_size({"width": width, "height": 900})
    outlines = []
    page.on("response", lambda response: outlines.append(response))
    page.goto("/regions/")

    europe = [r for r in outlines if r.url.endswith("/img/europe.svg")]
    assert [r.status for r in europe] == [200]
    assert europe[0].url.startswith(page.url.split("/regions/")[0])
    frame = page.locator(".region-map-svg").bounding_box()
    labels = page.locator(".map-place text")
    expect(labels).to_have_count(5)
    for label in labels.all():
        box = label.bounding_box()
        assert frame["x"] <= box["x"], label.text_content()
        assert box["x"] + box["width"] <= frame["x"] + frame["width"], label.text_content()
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_a_region_on_the_practices_map_filters_the_list(browser_page, demo):
    page = browser_page()
    page.goto("/practices/")
    page.locator(".map-place", has_text="Lombardy").click()

    expect(page).to_have_url(re.compile(r"/practices/\?region=lombardy$"))
    expect(page.get_by_label("Region of origin", exact=True)).to_have_value("lombardy")
    expect(page.locator(".map-place.is-current")).to_have_text("Lombardy")


def test_the_transfer_map_draws_the_demo_transfers_and_passes_axe(
    browser_page, demo, axe_violations
):
    page = browser_page()
    page.goto("/practices/transfers/")

    expect(page.locator(".map-arrow")).to_have_count(5)
    expect(page.locator(".map-arrow-count text").first).to_have_text("1")
    assert axe_violations(page) == []
