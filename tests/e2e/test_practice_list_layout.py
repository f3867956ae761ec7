"""Results first, in Chromium on the demo data: the result count and the first result are on the
first screen of a laptop (1366×768) and of a phone (390×844); on the phone the filters fold into
a "Filter (n active)" disclosure that works without JavaScript; a live update brings the count
back into view; "not yet adopted by" finds what Lombardy could learn; axe finds nothing."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SCREENS = {"desktop": (1366, 768), "phone": (390, 844)}


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=StringIO())


@pytest.mark.parametrize("screen", SCREENS)
def test_the_count_and_the_first_result_are_on_the_first_screen(
    browser_page, demo, axe_violations, screen
):
    width, height = SCREENS[screen]
    page = browser_page()
    page.set_viewport_size({"width": width, "height": height})
    page.goto("/practices/")

    count = page.locator("#practice-count").bounding_box()
    first = page.locator(".practice-list > li").first.bounding_box()
    assert count["y"] >= 0
    assert first["y"] + first["height"] <= height, f"first result ends at {first}"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert axe_violations(page) == []


def test_on_a_wide_screen_the_filters_are_a_column_beside_the_results(browser_page, demo):
    page = browser_page()
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto("/practices/")

    expect(page.get_by_label("Not yet adopted by")).to_be_visible()
    expect(page.locator(".practice-filter-summary")).to_be_hidden()
    filters = page.locator("form.practice-filters").bounding_box()
    results = page.locator("#practice-results").bounding_box()
    assert filters["x"] + filters["width"] <= results["x"]


@pytest.mark.parametrize("javascript", [True, False])
def test_on_a_phone_the_filters_fold_into_a_disclosure_that_says_how_many_are_active(
    chromium, live_server, demo, axe_violations, javascript
):
    context = chromium.new_context(
        base_url=live_server.url,
        locale="en-GB",
        java_script_enabled=javascript,
        viewport={"width": 390, "height": 844},
    )
    page = context.new_page()
    try:
        page.goto("/practices/")
        disclosure = page.locator(".practice-filter-summary")
        expect(disclosure).to_have_text("Filter")
        expect(page.get_by_label("Not yet adopted by")).to_be_hidden()

        disclosure.click()
        page.get_by_label("Not yet adopted by").select_option(label="Lombardy")
        if not javascript:
            page.get_by_role("button", name="Show practices").click()
        expect(page).to_have_url(re.compile(r"transferable_to=lombardy"))
        expect(page.locator(".practice-filter-summary")).to_have_text("Filter (1 active)")
        expect(page.locator("#practice-results")).not_to_contain_text("Lombardy (Italy)")
        expect(page.locator("#practice-results .practice-item").first).to_be_visible()
        if javascript:  # axe runs in the page: only with JavaScript
            assert axe_violations(page) == []
    finally:
        context.close()


def test_a_live_update_brings_the_count_back_into_view(browser_page, demo):
    page = browser_page()
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto("/practices/")
    page.evaluate("window.scrollTo(0, 1200)")
    assert page.locator("#practice-count").bounding_box()["y"] < 0

    page.get_by_label("Adopted by", exact=True).select_option(label="Lombardy")
    expect(page.locator("#practice-count")).to_have_text("1 good practice")
    expect(page.locator("#practice-count")).to_be_in_viewport()
    expect(page.get_by_label("Adopted by", exact=True)).to_be_in_viewport()
    expect(page.locator(".practice-downloads")).to_contain_text("Download this practice:")
    csv = page.get_by_role("link", name="CSV", exact=True)
    expect(csv).to_have_attribute("href", re.compile(r"export\.csv\?adopted_by=lombardy"))
