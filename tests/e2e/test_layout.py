"""The header in Chromium: on a phone one compact row with a "Menu" that opens with the keyboard
and without JavaScript; on a laptop its navigation on one row, even with the longest region
name. Screenshots of the header (closed and open) are left in the test's temporary folder."""

import pytest
from playwright.sync_api import expect

from tests.e2e.sessions import carry_session

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}
TOP_OF_LAPTOP = {"x": 0, "y": 0, "width": 1366, "height": 480}
LONGEST_REGION = "Pécs (Hungary–Croatia border)"

# Whether the visible elements matching the selector sit side by side on one row: each starts
# above where every other one ends.
ONE_ROW = """selector => {
  const boxes = [...document.querySelectorAll(selector)]
    .filter((el) => el.checkVisibility()).map((el) => el.getBoundingClientRect());
  return Math.max(...boxes.map((b) => b.top)) < Math.min(...boxes.map((b) => b.bottom));
}"""


@pytest.fixture
def long_region_editor(owner, region_a):
    region_a.name = LONGEST_REGION
    region_a.save()
    return owner


def header_height(page) -> float:
    return page.locator("header.site-header").bounding_box()["height"]


def shoot(page, path) -> None:
    page.locator("header.site-header").screenshot(path=path)


def test_on_a_phone_the_header_is_one_compact_row_and_its_menu_opens(
    browser_page, login, long_region_editor, tmp_path
):
    page = browser_page(login(long_region_editor))
    page.set_viewport_size(PHONE)
    page.goto("/events/")
    menu = page.locator("summary.site-menu-toggle")

    assert header_height(page) <= 90
    brand, toggle = page.locator(".site-header-bar > .brand").bounding_box(), menu.bounding_box()
    assert toggle["y"] < brand["y"] + brand["height"]
    assert brand["y"] < toggle["y"] + toggle["height"]
    expect(page.get_by_role("link", name="Events", exact=True)).to_be_hidden()
    shoot(page, tmp_path / "header-390-closed.png")

    menu.click()

    expect(page.get_by_role("link", name="Events", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=f"My region: {LONGEST_REGION}")).to_be_visible()
    expect(page.get_by_text("My account")).to_be_visible()
    shoot(page, tmp_path / "header-390-open.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_phone_menu_works_with_the_keyboard(browser_page, login, long_region_editor):
    page = browser_page(login(long_region_editor))
    page.set_viewport_size(PHONE)
    page.emulate_media(reduced_motion="reduce")
    page.goto("/events/")

    for _ in range(3):  # the skip link, the brand, the menu
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Menu"
    page.keyboard.press("Enter")
    expect(page.locator("details.site-menu")).to_have_attribute("open", "")
    home = page.get_by_role("link", name="Home", exact=True)
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Home":
            break
    expect(home).to_be_focused()

    page.keyboard.press("Escape")

    expect(page.locator("details.site-menu")).not_to_have_attribute("open", "")
    expect(page.locator("summary.site-menu-toggle")).to_be_focused()
    expect(home).to_be_hidden()


def test_the_phone_menu_works_without_javascript(chromium, live_server, login, owner):
    context = chromium.new_context(
        base_url=live_server.url, locale="en-GB", viewport=PHONE, java_script_enabled=False
    )
    try:
        carry_session(context, login(owner), live_server.url)
        page = context.new_page()
        page.goto("/events/")
        assert header_height(page) <= 90

        page.locator("summary.site-menu-toggle").click()
        page.get_by_role("link", name="Good practices", exact=True).click()

        expect(page).to_have_url(f"{live_server.url}/practices/")
    finally:
        context.close()


@pytest.mark.parametrize("role", ["long_region_editor", "coordinator"])
def test_on_a_laptop_the_header_keeps_its_navigation_on_one_row(
    browser_page, login, role, request, tmp_path
):
    page = browser_page(login(request.getfixturevalue(role)))
    page.set_viewport_size(LAPTOP)
    page.goto("/events/")
    shoot(page, tmp_path / f"header-1366-{role}.png")

    expect(page.locator("summary.site-menu-toggle")).to_be_hidden()
    assert page.evaluate(ONE_ROW, ".site-nav li, .site-nav-bar > .language-switcher")
    assert page.evaluate(ONE_ROW, ".site-header-bar > .brand, .header-tools > *")
    assert header_height(page) <= 140
    page.get_by_text("My account").click()
    expect(page.get_by_role("link", name="Your name")).to_be_visible()
    page.screenshot(path=tmp_path / f"header-1366-{role}-account.png", clip=TOP_OF_LAPTOP)
