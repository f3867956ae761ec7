"""A visitor finds a good practice in Chromium, filters by region and expresses interest;
the list, detail and transfer-matrix pages pass axe."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from practices.models import Interest

pytestmark = pytest.mark.browser

WOMEN = "Promoting Women Entrepreneurship"


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=StringIO())


def test_visitor_searches_filters_opens_a_practice_and_sends_an_interest(browser_page, demo):
    page = browser_page()
    page.goto("/practices/")
    page.get_by_label("Search", exact=True).fill("women")
    page.get_by_label("Region of origin", exact=True).select_option(
        label="Pécs (Hungary–Croatia border)"
    )
    page.get_by_role("button", name="Show practices").click()
    expect(page).to_have_url(re.compile(r"region=pecs"))
    page.get_by_role("link", name=WOMEN).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(WOMEN)
    # the transfers partial: Lombardy adopted the practice
    transfers = page.locator("section.transfers")
    expect(transfers).to_contain_text("Lombardy")
    expect(transfers).to_contain_text("Adopted")

    page.get_by_role("link", name="Write to the owner organisation").click()
    page.get_by_label("Name", exact=True).fill("Giulia Rossi")
    page.get_by_label("Email", exact=True).fill("giulia@example.org")
    page.get_by_label("Your message to the owner organisation").fill(
        "We would like to learn how the grants for self-employment are organised."
    )
    page.get_by_label("I agree that the owner organisation contacts me").check()
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("Your message was sent to the owner organisation")).to_be_visible()
    interest = Interest.objects.get()
    assert interest.practice.title == WOMEN
    assert interest.email == "giulia@example.org"


def test_with_javascript_the_results_follow_the_filters_without_leaving_the_page(
    browser_page, demo
):
    page = browser_page()
    page.goto("/practices/")
    page.evaluate("window.sameDocument = true")
    page.get_by_label("Region of origin", exact=True).select_option(
        label="Pécs (Hungary–Croatia border)"
    )
    expect(page).to_have_url(re.compile(r"\?region=pecs&sort=relevance$"))
    expect(page.locator("#practice-count")).to_have_text("3 good practices")
    expect(page.locator("#practice-results")).to_contain_text(WOMEN)
    csv = page.get_by_role("link", name="CSV", exact=True)
    expect(csv).to_have_attribute("href", re.compile(r"export\.csv\?region=pecs&"))

    search = page.get_by_label("Search", exact=True)
    search.press_sequentially("women")
    expect(page.locator("#practice-count")).to_have_text("1 good practice")
    expect(page.locator("#practice-results mark").first).to_have_text(re.compile("women", re.I))
    expect(search).to_be_focused()
    expect(page).to_have_url(re.compile(r"\?q=women&region=pecs&sort=relevance$"))
    assert page.evaluate("window.sameDocument") is True


def test_axe_finds_nothing_on_the_practice_list_detail_and_matrix(
    browser_page, axe_violations, demo
):
    page = browser_page()
    for url in (
        "/practices/",
        "/practices/?q=women&region=pecs",
        "/practices/promoting-women-entrepreneurship/",
        "/practices/transfers/",
        "/regions/lombardy/",
    ):
        page.goto(url)
        assert axe_violations(page) == [], url


def test_axe_finds_nothing_on_the_transfer_form(browser_page, axe_violations, login, outsider):
    from tests.harness import factories

    practice = factories.make_practice(factories.make_region(name="Pécs"))
    page = browser_page(login(outsider))
    page.goto(f"/practices/{practice.slug}/transfers/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a transfer")
    assert axe_violations(page) == []
    page.get_by_label("Stage", exact=True).select_option("study")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(practice.title)
    expect(page.locator("section.transfers")).to_contain_text("Klaipėda")
