"""The main flows done with the keyboard alone in a real Chromium: after the first page load
only Tab, Shift+Tab, Enter, Space and typing; no clicks, no filling of fields by the test.

At every tab stop the focused element must show a visible focus indicator (its outline or
shadow differs from the unfocused state), and the order must be sensible: the skip link first,
then the header, then the main content in reading order.
"""

import re

import pytest
from playwright.sync_api import expect

from events.models import Registration, RegistrationStatus
from reports.models import ReportStatus
from tests.harness import factories

pytestmark = pytest.mark.browser

TIMEOUT_MS = 10_000
TYPED = "Typed with the keyboard alone."

# Recorded before any page script runs, so a fast editor cannot fire the event unseen.
EDITOR_READY_PROBE = """
document.addEventListener("prose-editor:ready", () => { window.__proseEditorReady = true; });
"""

# The focused element, its accessible name (roughly: enough to recognise it) and whether its
# focus indicator is visible: the outline or the shadow changes when it loses focus. Blurring
# and focusing again from script keeps :focus-visible, since the last focus came from the keys.
FOCUSED = """() => {
  const el = document.activeElement;
  const text = (value) => (value || "").replace(/\\s+/g, " ").trim();
  const labelledBy = (el.getAttribute("aria-labelledby") || "").split(" ")
    .map((id) => document.getElementById(id)).filter(Boolean).map((n) => n.textContent).join(" ");
  const name = text(el.getAttribute("aria-label") || labelledBy
    || (el.labels && el.labels.length ? el.labels[0].textContent : "")
    || (el.isContentEditable ? "" : el.textContent) || el.value);
  const look = () => {
    const style = getComputedStyle(el);
    return {
      outline: style.outlineStyle === "none" ? "none"
        : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      outlineWidth: style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth),
      shadow: style.boxShadow,
    };
  };
  const focused = look();
  let unfocused = focused;
  if (el !== document.body && el.tagName !== "MAIN") {
    el.blur();
    unfocused = look();
    el.focus();
  }
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    type: el.type || "",
    name,
    editable: el.isContentEditable,
    inMain: Boolean(el.closest("main")),
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0,
    indicator: (focused.outlineWidth >= 2 && focused.outline !== unfocused.outline)
      || (focused.shadow !== "none" && focused.shadow !== unfocused.shadow),
  };
}"""

FIRST_TABBABLE_IN_MAIN = """() => {
  const candidates = document.querySelectorAll(
    "main a[href], main button, main input:not([type=hidden]), main select, main textarea,"
    + " main summary, main [tabindex], main [contenteditable=true]");
  for (const el of candidates) {
    if (el.tabIndex < 0 || el.disabled || el.getClientRects().length === 0) continue;
    if (getComputedStyle(el).visibility === "hidden") continue;
    return el.id || el.getAttribute("name") || el.textContent.trim();
  }
  return null;
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def describe(stops: list[dict]) -> str:
    return " → ".join(f"{stop['tag']}:{stop['name'][:30]}" for stop in stops)


def tab_to(page, wanted, *, limit: int = 80, backwards: bool = False) -> list[dict]:
    """Press Tab (Shift+Tab) until `wanted(stop)` holds; every stop on the way must show a
    visible focus indicator. Returns the stops, the wanted one last."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        stop = focused(page)
        stops.append(stop)
        assert stop["onScreen"], f"focus went to something not on screen: {describe(stops)}"
        assert stop["indicator"], f"no visible focus indicator on the last of {describe(stops)}"
        if wanted(stop):
            return stops
    raise AssertionError(f"not reached after {limit} tab stops: {describe(stops)}")


def named(name: str, tag: str | None = None):
    """A matcher for tab_to: the focused element's name is `name` (and its tag `tag`)."""
    return lambda stop: stop["name"] == name and (tag is None or stop["tag"] == tag)


def skip_to_main(page) -> None:
    """The first tab stop is the skip link; Enter moves focus to <main>, and the next Tab goes
    to the first focusable element inside it."""
    first = tab_to(page, lambda stop: True)[0]
    assert (first["tag"], first["name"]) == ("a", "Skip to main content"), first
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    expected = page.evaluate(FIRST_TABBABLE_IN_MAIN)
    stop = tab_to(page, lambda stop: True)[0]
    assert stop["inMain"], stop
    assert expected in (stop["id"], stop["name"]) or stop["name"].startswith(expected or "?")
    page.keyboard.press("Shift+Tab")  # back to <main>'s start: the flows tab on from here


@pytest.fixture
def keyboard_page(browser_page):
    """`keyboard_page(client, url)` → the page after its first (and only pointer-free) load;
    transitions are off, so a focus style is seen at once, not half-way."""

    def _open(client, url):
        page = browser_page(client)
        page.emulate_media(reduced_motion="reduce")
        page.add_init_script(script=EDITOR_READY_PROBE)
        response = page.goto(url)
        assert response is not None, url
        assert response.status == 200, url
        return page

    return _open


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_main_content(keyboard_page, login):
    page = keyboard_page(login(None), "/practices/")
    skip_to_main(page)


def test_visitor_signs_in_with_the_keyboard_alone(keyboard_page, login, owner):
    page = keyboard_page(login(None), "/accounts/login/")
    skip_to_main(page)
    tab_to(page, lambda stop: stop["tag"] == "input" and stop["type"] == "email")
    page.keyboard.type(owner.email)
    tab_to(page, lambda stop: stop["type"] == "password")
    page.keyboard.type(factories.PASSWORD)
    tab_to(page, named("Sign In", "button"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("My account")).to_be_visible()


def test_editor_edits_and_saves_a_section_with_the_keyboard_alone(keyboard_page, login, owner):
    report = factories.make_report(owner.memberships.get().organisation.region)
    section = report.sections.get(key="opportunities")
    page = keyboard_page(login(owner), report.get_absolute_url())
    skip_to_main(page)
    tab_to(page, named(f"Edit {section.title}", "a"))
    # The wait must start in the editor's page: begun during the navigation, it is evaluated
    # in the old page and lost (or refused by the CSP) when the new one replaces it.
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_function("window.__proseEditorReady === true", timeout=TIMEOUT_MS)

    skip_to_main(page)
    stops = tab_to(page, lambda stop: stop["editable"])
    assert stops[-1]["name"].startswith(str(section.title)), stops[-1]
    page.keyboard.press("Control+End")
    page.keyboard.type(TYPED)
    # Tab leaves the editor (no keyboard trap) for the save button.
    tab_to(page, named("Save section", "button"))
    page.keyboard.press("Enter")
    expect(page.get_by_text(TYPED)).to_be_visible(timeout=TIMEOUT_MS)
    section.refresh_from_db()
    assert TYPED in section.body


def test_editor_submits_a_report_for_review_with_the_keyboard_alone(keyboard_page, login, owner):
    region = owner.memberships.get().organisation.region
    report = factories.make_report(region, texts=factories.complete_texts())
    page = keyboard_page(login(owner), report.get_absolute_url())
    skip_to_main(page)
    tab_to(page, named("Submit for review", "button"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("In review").first).to_be_visible()
    report.refresh_from_db()
    assert report.status == ReportStatus.IN_REVIEW


def test_visitor_searches_practices_and_opens_one_with_the_keyboard_alone(
    keyboard_page, login, region_a
):
    for title in ("Export vouchers for craft firms", "Trade fair coaching"):
        factories.make_practice(region_a, title=title)
    page = keyboard_page(login(None), "/practices/")
    skip_to_main(page)
    before_search = tab_to(page, lambda stop: stop["tag"] == "input" and stop["name"] == "Search")
    assert not any(stop["name"] == "Trade fair coaching" for stop in before_search), (
        "a result comes before the search field: " + describe(before_search)
    )
    page.keyboard.type("vouchers")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q=vouchers"))
    expect(page.get_by_text("1 good practice", exact=True)).to_be_visible()

    skip_to_main(page)
    tab_to(page, named("Export vouchers for craft firms", "a"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Export vouchers for craft firms")


def test_stakeholder_registers_for_an_event_with_the_keyboard_alone(
    keyboard_page, login, stakeholder, region_a
):
    event = factories.make_event(region_a, title="Export day in Milan", capacity=5)
    page = keyboard_page(login(stakeholder), event.get_absolute_url())
    skip_to_main(page)
    tab_to(page, named("Register", "button"))
    page.keyboard.press("Space")
    expect(page.get_by_text("You are registered").first).to_be_visible()
    registration = Registration.objects.get(event=event, user=stakeholder)
    assert registration.status == RegistrationStatus.CONFIRMED


def test_header_can_be_walked_backwards_with_shift_tab(keyboard_page, login, stakeholder):
    page = keyboard_page(login(stakeholder), "/events/")
    forwards = tab_to(page, lambda stop: stop["inMain"])
    backwards = tab_to(page, lambda stop: stop["name"] == "Skip to main content", backwards=True)
    assert [stop["name"] for stop in backwards] == [stop["name"] for stop in forwards[-2::-1]]
