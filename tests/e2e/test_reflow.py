"""Pages reflow at 320 CSS pixels without scrolling sideways (WCAG 1.4.10), and text resized
to 200 % is neither clipped nor overlapping, still without sideways scrolling (WCAG 1.4.4).

Tables may scroll inside their own container, which must then be focusable and labelled, so
that keyboard users can scroll it too. The root font size is doubled through the CSSOM, which
the strict CSP allows.
"""

import pytest

from events import services as event_services
from reports import services as report_services
from tests.harness import factories
from tests.harness.checks import url_of
from tests.harness.registry import ROUTES, Outcome, route

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 256}
WIDE = {"width": 1280, "height": 800}
LONG_WORD = "Internationalisierungsförderungsprogrammverwaltungsgesellschaft"

VISITOR_PAGES = [
    r for r in ROUTES if r.is_page and r.html and r.expected("anonymous") is Outcome.OK
]
# Signed-in pages with the widest content: (route, role that sees it).
SIGNED_IN_PAGES = [
    ("reports:report_detail", "owner"),
    ("reports:section_edit", "owner"),
    ("reports:report_history", "owner"),
    ("reports:indicators_edit", "owner"),
    ("practices:practice_create", "owner"),
    ("events:event_create", "owner"),
    ("events:participants", "owner"),
    ("practices:transfer_matrix", "coordinator"),
    ("partners:instrument_create", "owner"),
    ("account_email", "stakeholder"),
]

# What sticks out of the viewport, except inside a container that scrolls on its own; and the
# containers that scroll but cannot be reached with the keyboard or have no name.
SIDEWAYS = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
  const sticking = [];
  const unreachable = [];
  for (const el of document.querySelectorAll("body *")) {
    if (!el.checkVisibility()) continue;
    if (scrolls(el) && el.scrollWidth > el.clientWidth + 1 && !el.matches("textarea, select")) {
      const named = el.hasAttribute("aria-label") || el.hasAttribute("aria-labelledby");
      if (el.tabIndex < 0 || !named) unreachable.push(el.outerHTML.slice(0, 80));
    }
    const box = el.getBoundingClientRect();
    if (box.right <= width + 1) continue;
    let scroller = el.parentElement;
    while (scroller && !scrolls(scroller)) scroller = scroller.parentElement;
    if (!scroller) sticking.push(`${el.tagName.toLowerCase()}.${el.className}`.slice(0, 80));
  }
  return {scrollWidth: document.documentElement.scrollWidth, sticking: sticking.slice(0, 5),
          unreachable};
}"""

# Text cut off by a box that hides its overflow, and controls or labels lying over each other,
# in the header, the navigation and the forms.
CLIPPED_OR_OVERLAPPING = """() => {
  // checkVisibility: also false inside a closed <details>, whose content keeps its boxes.
  const visible = (el) => el.checkVisibility({visibilityProperty: true})
    && !el.closest(".visually-hidden");
  const clipped = [...document.querySelectorAll("header *, nav *, form *")]
    .filter((el) => visible(el) && el.innerText && el.innerText.trim())
    .filter((el) => !el.matches("input, select, textarea, [contenteditable], .ProseMirror *"))
    .filter((el) => ["hidden", "clip"].includes(getComputedStyle(el).overflowX)
      || ["hidden", "clip"].includes(getComputedStyle(el).overflowY))
    .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
    .map((el) => `clipped: ${el.tagName.toLowerCase()}.${el.className} "${el.innerText.trim()}"`);
  const parts = [...document.querySelectorAll(
      "header a, header button, header select, header summary, header label,"
      + " form label, form input:not([type=hidden]), form select, form textarea, form button")]
    .filter(visible);
  const overlapping = [];
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      const [a, b] = [parts[i], parts[j]];
      if (a.contains(b) || b.contains(a)) continue;
      const [p, q] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
      const across = Math.min(p.right, q.right) - Math.max(p.left, q.left);
      const down = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
      if (across > 2 && down > 2) {
        const name = (el) => `${el.localName} "${(el.innerText || el.name || "").trim()}"`;
        overlapping.push(`overlapping: ${name(a)} and ${name(b)}`);
      }
    }
  }
  return [...clipped, ...overlapping.slice(0, 5)];
}"""


@pytest.fixture
def wide_content(world, stakeholder):
    """Content as long as it gets: a word that does not fit in 320 px, a long email address."""
    factories.make_practice(world.region_a, title=f"{LONG_WORD} export vouchers")
    factories.make_event(world.region_a, title=f"{LONG_WORD} study visit")
    stakeholder.email = f"{LONG_WORD.lower()}@example.org"
    stakeholder.save(update_fields=["email"])
    return world


def pages_to_check(world) -> list[tuple[str, str]]:
    """(url, role) for every page a visitor sees and the signed-in pages above."""
    pages = [(url_of(r, world), "anonymous") for r in VISITOR_PAGES]
    pages += [(url_of(route(name), world), role) for name, role in SIGNED_IN_PAGES]
    return pages


def open_pages(browser_page, login, world, viewport):
    """One page per role, reused for all that role's URLs: `(url, page)` pairs, loaded."""
    tabs = {}
    for url, role in pages_to_check(world):
        if role not in tabs:
            tabs[role] = browser_page(login(None if role == "anonymous" else getattr(world, role)))
            tabs[role].set_viewport_size(viewport)
        page = tabs[role]
        response = page.goto(url)
        assert response is not None, f"{url} as {role}"
        assert response.status == 200, f"{url} as {role}"
        page.wait_for_load_state("networkidle")  # the rich-text editors are in place
        yield f"{url} as {role}", page


def test_every_page_reflows_at_320_px_without_scrolling_sideways(wide_content, browser_page, login):
    problems = {}
    for where, page in open_pages(browser_page, login, wide_content, NARROW):
        found = page.evaluate(SIDEWAYS)
        if found["scrollWidth"] > NARROW["width"] or found["unreachable"]:
            problems[where] = found
    assert not problems, "\n".join(f"{where}: {found}" for where, found in problems.items())


def test_text_at_200_percent_is_not_clipped_or_overlapping_and_needs_no_sideways_scrolling(
    wide_content, browser_page, login
):
    problems = {}
    for where, page in open_pages(browser_page, login, wide_content, WIDE):
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        found = page.evaluate(CLIPPED_OR_OVERLAPPING)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > WIDE["width"]:
            found.append(f"the page is {width} px wide")
        if found:
            problems[where] = found
    assert not problems, "\n".join(f"{where}: {found}" for where, found in problems.items())


def test_a_long_address_in_the_participants_and_a_long_word_in_a_comment_fit_320_px(
    wide_content, browser_page, login, owner, stakeholder
):
    event = factories.make_event(wide_content.region_a, title="Study visit")
    event_services.registration_create(event=event, user=stakeholder)
    report = factories.make_report(wide_content.region_a, texts=factories.complete_texts())
    report_services.comment_add(report=report, author=owner, body=f"Please check {LONG_WORD}.")
    page = browser_page(login(owner))
    page.set_viewport_size(NARROW)
    for url in (f"{event.get_absolute_url()}participants/", report.get_absolute_url()):
        page.goto(url)
        found = page.evaluate(SIDEWAYS)
        assert found["scrollWidth"] <= NARROW["width"], (url, found)
        assert not found["unreachable"], (url, found)
