"""An action's form in a real Chromium: what the writer types is autosaved as their private
draft, offered again after a reload, and back in the form when they continue; the page with
the offer passes axe."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.harness import factories

pytestmark = pytest.mark.browser

TIMEOUT_MS = 10_000
ADDED = " Exporters from the Alps are invited too."

# Recorded before any page script runs, so a fast editor cannot fire the event unseen.
READY_PROBE = """
window.__proseEditors = 0;
document.addEventListener("prose-editor:ready", () => { window.__proseEditors += 1; });
"""


@pytest.fixture
def action(region_a, instrument_a, org_a):
    plan = factories.make_plan(region_a, instrument=instrument_a, organisation=org_a)
    return plan.actions.get()


def open_action_form(page, url):
    """Open the form and wait until both rich-text editors have replaced their textareas."""
    page.add_init_script(script=READY_PROBE)
    response = page.goto(url)
    assert response is not None
    assert response.status == 200, response.status
    page.wait_for_function("window.__proseEditors === 2", timeout=TIMEOUT_MS)
    return page


def description_editor(page):
    return page.get_by_role("textbox", name="The action")


def test_an_actions_draft_is_autosaved_offered_after_a_reload_and_continued(
    owner, action, login, browser_page, axe_violations
):
    page = browser_page(login(owner))
    edit_url = reverse("plans:action_edit", kwargs={"pk": action.plan_id, "action_pk": action.pk})
    open_action_form(page, edit_url)
    description_editor(page).click()
    page.keyboard.press("Control+End")
    page.keyboard.type(ADDED)
    expect(page.locator("#autosave-status")).to_contain_text("Draft saved at", timeout=TIMEOUT_MS)

    # Leaving with changes not saved to the action asks first.
    page.on("dialog", lambda dialog: dialog.accept())
    page.reload()
    offer = page.locator(".draft-offer")
    expect(offer).to_contain_text("You have an unsaved draft of this action from")
    violations = axe_violations(page)
    assert not violations, "Accessibility violations on the offer:\n" + "\n".join(violations)

    offer.get_by_role("link", name="Continue with my draft").click()
    page.wait_for_url(re.compile(r"\?draft=1$"))
    page.wait_for_function("window.__proseEditors === 2", timeout=TIMEOUT_MS)
    # Where the caret lands after the click is the editor's business; the words typed are back.
    expect(description_editor(page)).to_contain_text(ADDED.strip())
    expect(page.locator(".draft-offer")).to_have_count(0)
    # The draft is private: the action itself has not changed.
    action.refresh_from_db()
    assert ADDED.strip() not in action.description
