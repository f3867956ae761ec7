"""Review comments in a real Chromium: quoting a passage selected in a section ("Comment on
this") and mentioning someone with the keyboard through the autocomplete."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from interventures.notifications.models import Notification
from reports.models import ReviewComment
from reports.services import comment_add
from tests.harness import factories

pytestmark = pytest.mark.browser

TIMEOUT_MS = 10_000
PASSAGE = "Few exporters in the border area"
# Where the screenshots of the comments area go, to be looked at (a temporary folder otherwise).
SHOTS = os.environ.get("COMMENT_SCREENSHOTS")


@pytest.fixture
def report(region_a):
    texts = factories.complete_texts()
    texts["opportunities"] = f"<p>{PASSAGE} reach markets abroad only through fairs.</p>"
    return factories.make_report(region_a, title="Lombardy report", texts=texts)


def select_passage(page, words: str):
    """Drag the mouse over `words` in the Opportunities section, as a reader does."""
    box = page.evaluate(
        """words => {
            const text = document.querySelector("#section-opportunities .prose p").firstChild;
            const range = document.createRange();
            const start = text.data.indexOf(words);
            range.setStart(text, start);
            range.setEnd(text, start + words.length);
            const rects = range.getClientRects();
            const first = rects[0], last = rects[rects.length - 1];
            return {x0: first.left + 1, y0: first.top + first.height / 2,
                    x1: last.right - 1, y1: last.top + last.height / 2};
        }""",
        words,
    )
    page.mouse.move(box["x0"], box["y0"])
    page.mouse.down()
    page.mouse.move(box["x1"], box["y1"], steps=5)
    page.mouse.up()


def test_a_passage_selected_in_a_section_is_quoted_in_that_sections_comment(
    coordinator, report, login, browser_page
):
    page = browser_page(login(coordinator))
    page.goto(report.get_absolute_url())
    page.locator("#section-opportunities .prose").scroll_into_view_if_needed()

    select_passage(page, PASSAGE)
    page.get_by_role("button", name="Comment on this").click()

    form = page.locator("#comment-form-comments-opportunities")
    expect(form.locator("textarea[name=quote]")).to_have_value(PASSAGE, timeout=TIMEOUT_MS)
    expect(form.locator("textarea[name=body]")).to_be_focused()
    page.keyboard.type("Which year are these figures from?")
    form.get_by_role("button", name="Add comment").click()

    expect(page.locator(".comment-quote")).to_have_text(PASSAGE, timeout=TIMEOUT_MS)
    comment = ReviewComment.objects.get()
    assert (comment.section.key, comment.quote, comment.body) == (
        "opportunities",
        PASSAGE,
        "Which year are these figures from?",
    )


def test_typing_at_offers_the_people_who_can_see_the_report_and_the_keyboard_picks_one(
    owner, colleague, coordinator, outsider, report, login, browser_page, tmp_path
):
    finding = comment_add(
        report=report,
        author=coordinator,
        body="Which year are these figures from?",
        section=report.sections.get(key="opportunities"),
        quote=PASSAGE,
    )
    page = browser_page(login(colleague))
    page.goto(report.get_absolute_url())
    thread = page.locator(f"#comment-{finding.pk}").locator("xpath=ancestor::li[1]")
    thread.get_by_text("Answer", exact=True).click()
    answer = thread.locator("textarea[name=body]")

    answer.press_sequentially("I think @ol")
    options = page.get_by_role("listbox", name="People who can see the report").get_by_role(
        "option"
    )
    expect(options).to_have_text(["Olivia Owner (Lombardy Chamber of Commerce)"])
    expect(answer).to_have_attribute("aria-activedescendant", options.first.get_attribute("id"))
    answer.press("Enter")
    expect(answer).to_have_value(f"I think @[Olivia Owner](user:{owner.pk}) ")
    answer.press_sequentially("knows.")
    thread.get_by_role("button", name="Send the answer").click()

    expect(page.locator(".comment.is-reply .mention")).to_have_text("@Olivia Owner")
    assert {n.recipient for n in Notification.objects.filter(kind="comment.mention")} == {owner}
    assert {n.recipient for n in Notification.objects.filter(kind="comment.reply")} == {coordinator}

    shots = Path(SHOTS) if SHOTS else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    for width, height in ((1366, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.locator("#comments-opportunities").screenshot(path=shots / f"comments-{width}.png")
        page.locator("#section-opportunities").screenshot(path=shots / f"section-{width}.png")
