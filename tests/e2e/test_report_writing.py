"""Writing and reviewing a Situation Analysis Report in a real Chromium, as the partners do.

The states the generic registry sweep (test_accessibility.py) cannot reach: the rich-text
editor once it has loaded, an autosaved draft offered again after a reload, two editors saving
the same section (the merge page), the review workflow across roles, the history after saves,
and the editor working without JavaScript.
"""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from partners.models import Membership
from reports import services
from tests.harness import factories

pytestmark = pytest.mark.browser

SECTION = "opportunities"
ORIGINAL = "What we found about Opportunities."
TIMEOUT_MS = 10_000
EDITOR = ".ProseMirror[contenteditable=true]"

# TipTap injects its base CSS (white-space: pre-wrap and more) as an inline <style>, which the
# strict CSP (style-src 'self') blocks. test_editor_loads_with_its_styles_and_no_console_errors
# records it; the other tests ignore that one console error.

# Recorded before any page script runs, so a fast editor cannot fire the event unseen.
READY_PROBE = """
document.addEventListener("prose-editor:ready", () => { window.__proseEditorReady = true; });
"""


@pytest.fixture
def report(region_a):
    """Region A's draft, every section written, so it can be submitted."""
    return factories.make_report(
        region_a, title="Lombardy report", texts=factories.complete_texts()
    )


@pytest.fixture
def section(report):
    return report.sections.get(key=SECTION)


@pytest.fixture
def second_editor(org_a):
    user = factories.make_user("second@lombardy.example", first_name="Sergio", last_name="Second")
    factories.make_membership(user, org_a, Membership.Role.EDITOR)
    return user


@pytest.fixture
def console_errors():
    """`watch(page)` collects the page's console errors and uncaught exceptions."""
    errors: list[str] = []

    def watch(page):
        page.on(
            "console",
            lambda message: errors.append(message.text) if message.type == "error" else None,
        )
        page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
        return page

    watch.errors = errors
    return watch


def open_editor(page, section, query=""):
    """Open the section's editor and wait until the prose editor has replaced the textarea."""
    page.add_init_script(script=READY_PROBE)
    response = page.goto(section.get_edit_url() + query)
    assert response is not None
    assert response.status == 200, response.status
    page.wait_for_function("window.__proseEditorReady === true", timeout=TIMEOUT_MS)
    expect(page.locator(EDITOR)).to_be_visible()
    return page


def type_at_end(page, text):
    editor = page.locator(EDITOR)
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(text)


def section_on_report(page, report):
    page.goto(report.get_absolute_url())
    return page.locator(f"#section-{SECTION} .prose")


def submit_and_wait(page, button_name):
    """Click a submit button; return the response of the POST it sends once the browser shows
    the page it answered with."""
    with (
        page.expect_navigation(),
        page.expect_response(lambda r: r.request.method == "POST") as posted,
    ):
        page.get_by_role("button", name=button_name).click()
    return posted.value


def axe_report(where, violations):
    return f"Accessibility violations on {where}:\n    " + "\n    ".join(violations)


def assert_editor_page_passes_axe(where, violations):
    assert not violations, axe_report(where, violations)


# --- 1. autosaved drafts --------------------------------------------------------------------


def test_autosaved_draft_is_offered_again_and_saved_only_on_request(
    owner, report, section, login, browser_page, console_errors
):
    page = console_errors(browser_page(login(owner)))
    open_editor(page, section)
    type_at_end(page, " Ports in the north are growing.")
    expect(page.locator("#autosave-status")).to_contain_text("Draft saved at", timeout=TIMEOUT_MS)

    # Leaving with text not saved to the section asks first.
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    page.reload()
    assert dialogs == ["beforeunload"], dialogs

    offer = page.locator(".draft-offer")
    expect(offer).to_contain_text("unsaved draft")
    offer.get_by_role("link", name="Continue with my draft").click()
    page.wait_for_url(re.compile(r"\?draft=1$"))
    page.wait_for_function("window.__proseEditorReady === true", timeout=TIMEOUT_MS)
    expect(page.locator(EDITOR)).to_contain_text(f"{ORIGINAL} Ports in the north are growing.")

    # The draft is private: the shared text has not changed.
    reader = browser_page(login(owner))
    shared = section_on_report(reader, report)
    expect(shared).to_have_text(ORIGINAL)

    response = submit_and_wait(page, "Save section")
    assert response.status == 302, response.status
    expect(page.locator(f"#section-{SECTION} .prose")).to_have_text(
        f"{ORIGINAL} Ports in the north are growing."
    )
    expect(section_on_report(reader, report)).to_have_text(
        f"{ORIGINAL} Ports in the north are growing."
    )
    # Saved: the draft is gone, the editor offers nothing any more.
    open_editor(reader, section)
    expect(reader.locator(".draft-offer")).to_have_count(0)
    assert not console_errors.errors, console_errors.errors


def test_editor_loads_with_its_styles_and_no_console_errors(
    owner, section, login, browser_page, console_errors
):
    page = console_errors(browser_page(login(owner)))
    open_editor(page, section)
    page.wait_for_load_state("networkidle")
    # TipTap injects one <style>; the CSP admits it by hash (see SECURE_CSP).
    assert not console_errors.errors, console_errors.errors
    white_space = page.locator(EDITOR).evaluate("element => getComputedStyle(element).whiteSpace")
    assert white_space in {"pre-wrap", "break-spaces"}, white_space


# --- 2. two editors, one section ------------------------------------------------------------


def test_second_editor_sees_who_is_writing_and_merges_after_a_conflict(
    owner, second_editor, report, section, login, browser_page
):
    first = open_editor(browser_page(login(owner)), section)
    second = open_editor(browser_page(login(second_editor)), section)
    expect(second.locator("#presence")).to_have_text(
        "Also working on this section: Olivia Owner (Lombardy Chamber of Commerce)"
    )

    type_at_end(first, " Baltic shipping expands.")
    assert submit_and_wait(first, "Save section").status == 302
    expect(first.locator(f"#section-{SECTION} .prose")).to_have_text(
        f"{ORIGINAL} Baltic shipping expands."
    )

    type_at_end(second, " Rail freight grows.")
    response = submit_and_wait(second, "Save section")
    assert response.status == 409, response.status
    expect(second.get_by_role("heading", level=2, name=re.compile("Someone saved"))).to_have_text(
        "Someone saved this section while you were writing"
    )
    second.wait_for_function("window.__proseEditorReady === true", timeout=TIMEOUT_MS)
    # Their own text is in the editor; the text saved now is shown beside it.
    expect(second.locator(EDITOR)).to_have_text(f"{ORIGINAL} Rail freight grows.")
    saved_now = second.locator("details.current-text")
    expect(saved_now.locator("summary")).to_have_text("The text saved now")
    expect(saved_now.locator(".prose")).to_have_text(f"{ORIGINAL} Baltic shipping expands.")
    diff = second.locator(".diff")
    expect(diff.locator("del")).to_contain_text(["Baltic shipping expands."])
    expect(diff.locator("ins")).to_contain_text(["Rail freight grows."])

    assert submit_and_wait(second, "Save my merged text").status == 302
    expect(second.locator(f"#section-{SECTION} .prose")).to_have_text(
        f"{ORIGINAL} Rail freight grows."
    )
    section.refresh_from_db()
    assert section.version == 3
    assert section.last_edited_by == second_editor


# --- 3. the review workflow -----------------------------------------------------------------


def status_of(page):
    return page.locator(".page-header .status")


def test_report_goes_through_review_to_publication(owner, coordinator, report, login, browser_page):
    editor = browser_page(login(owner))
    editor.goto(report.get_absolute_url())
    expect(status_of(editor)).to_have_text("Draft")
    submit_and_wait(editor, "Submit for review")
    expect(editor.locator(".message")).to_contain_text(["submitted for review"])
    expect(status_of(editor)).to_have_text("In review")
    expect(editor.get_by_role("link", name=re.compile("^Edit"))).to_have_count(0)

    reviewer = browser_page(login(coordinator))
    reviewer.goto(report.get_absolute_url())
    expect(status_of(reviewer)).to_have_text("In review")
    # A request without a reason is refused on the page, with the error at the field.
    response = submit_and_wait(reviewer, "Request changes")
    assert response.status == 400
    expect(reviewer.locator("[aria-invalid=true]")).to_have_count(1)
    reason = "Please add figures on exports to Switzerland."
    reviewer.get_by_label("Reason").fill(reason)
    submit_and_wait(reviewer, "Request changes")
    expect(status_of(reviewer)).to_have_text("Changes requested")

    editor.reload()
    expect(status_of(editor)).to_have_text("Changes requested")
    history = editor.locator("#workflow .timeline li")
    expect(history).to_have_count(2)
    expect(history.last).to_contain_text("In review → Changes requested")
    expect(history.last.locator("blockquote.reason")).to_have_text(reason)
    submit_and_wait(editor, "Submit again")
    expect(status_of(editor)).to_have_text("In review")

    reviewer.reload()
    reviewer.get_by_role("link", name="Approve the report…").click()
    submit_and_wait(reviewer, "Approve the report")
    expect(status_of(reviewer)).to_have_text("Approved")

    visitor = browser_page(None)
    response = visitor.goto(report.get_absolute_url())
    assert response is not None
    assert response.status == 200
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Lombardy report")
    expect(status_of(visitor)).to_have_text("Approved")
    expect(visitor.locator(f"#section-{SECTION} .prose")).to_have_text(ORIGINAL)


def test_submitting_with_required_sections_empty_is_refused(owner, region_a, login, browser_page):
    texts = factories.complete_texts()
    del texts["challenges"], texts["executive_summary"]
    report = factories.make_report(region_a, title="Unfinished report", texts=texts)
    page = browser_page(login(owner))
    page.goto(report.get_absolute_url())
    actions = page.locator(".workflow-actions")
    expect(actions).to_contain_text("Before it can be submitted, write these required sections:")
    expect(actions.locator("ul li")).to_have_text(["Executive summary", "Challenges"])

    submit_and_wait(page, "Submit for review")
    expect(page.locator(".message")).to_contain_text([re.compile("Executive summary.*Challenges")])
    expect(status_of(page)).to_have_text("Draft")
    report.refresh_from_db()
    assert report.status == "draft"


# --- 4. accessibility of the states the registry sweep cannot reach -------------------------


def test_section_editor_with_the_prose_editor_loaded_passes_axe(
    owner, section, login, browser_page, axe_violations
):
    page = open_editor(browser_page(login(owner)), section)
    assert_editor_page_passes_axe("the section editor", axe_violations(page))


def test_merge_page_passes_axe(owner, second_editor, section, login, browser_page, axe_violations):
    page = open_editor(browser_page(login(owner)), section)
    services.section_save(
        section=section,
        author=second_editor,
        body="<p>Somebody else's text.</p>",
        base_version=section.version,
    )
    type_at_end(page, " My own addition.")
    assert submit_and_wait(page, "Save section").status == 409
    expect(page.locator("#conflict h2")).to_have_text(
        "Someone saved this section while you were writing"
    )
    page.wait_for_function("window.__proseEditorReady === true", timeout=TIMEOUT_MS)
    assert_editor_page_passes_axe("the merge page", axe_violations(page))


def test_report_page_with_a_comment_passes_axe(
    colleague, report, login, browser_page, axe_violations
):
    page = browser_page(login(colleague))
    page.goto(report.get_absolute_url())
    page.get_by_text("Comment on “SWOT analysis”").click()
    form = page.locator("details.comment-new[open] form")
    form.get_by_role("textbox", name="Comment", exact=True).fill(
        "The SWOT analysis could name the ports."
    )
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        form.get_by_role("button", name="Add comment").click()
    page.wait_for_load_state()
    assert posted.value.status == 302
    comment = page.locator("#comments .comment")
    expect(comment).to_have_count(1)
    expect(comment).to_contain_text("The SWOT analysis could name the ports.")
    violations = axe_violations(page)
    assert not violations, axe_report("the report page with a comment", violations)


def test_history_and_compare_pages_after_two_saves_pass_axe(
    owner, second_editor, report, section, login, browser_page, axe_violations
):
    saved = services.section_save(
        section=section,
        author=owner,
        body=f"<p>{ORIGINAL} Ports are growing.</p>",
        base_version=section.version,
    )
    services.section_save(
        section=saved,
        author=second_editor,
        body="<p>What we found: ports and rail are growing.</p>",
        base_version=saved.version,
    )
    page = browser_page(login(owner))
    problems = {}
    page.goto(reverse("reports:report_history", kwargs={"pk": report.pk}))
    expect(page.locator("main")).to_contain_text("Sergio Second")
    problems["history"] = axe_violations(page)

    page.goto(reverse("reports:section_compare", kwargs={"pk": report.pk, "key": SECTION}))
    expect(page.locator(".diff ins").first).to_be_visible()
    expect(page.locator(".diff del").first).to_be_visible()
    problems["compare"] = axe_violations(page)
    assert not any(problems.values()), "\n".join(
        axe_report(where, violations) for where, violations in problems.items() if violations
    )


# --- 5. without JavaScript ------------------------------------------------------------------


def test_section_can_be_written_without_javascript(
    owner, report, section, login, chromium, live_server
):
    client = login(owner)
    context = chromium.new_context(
        base_url=live_server.url, locale="en-GB", java_script_enabled=False
    )
    try:
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
        page = context.new_page()
        page.goto(section.get_edit_url())
        textarea = page.locator("textarea[name=body]")
        expect(textarea).to_be_visible()
        expect(page.locator(".ProseMirror")).to_have_count(0)
        textarea.fill("<p>Written <strong>without</strong> JavaScript.</p>")
        with page.expect_navigation():
            page.get_by_role("button", name="Save section").click()
        assert page.url.endswith(f"{report.get_absolute_url()}#section-{SECTION}"), page.url
        prose = page.locator(f"#section-{SECTION} .prose")
        expect(prose).to_have_text("Written without JavaScript.")
        expect(prose.locator("strong")).to_have_text("without")
    finally:
        context.close()
    section.refresh_from_db()
    assert section.body == "<p>Written <strong>without</strong> JavaScript.</p>"
