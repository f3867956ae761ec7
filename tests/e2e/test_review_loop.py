"""The review loop in Chromium: the report page's toolbar (PDF, history) is on screen without
scrolling on a laptop and on a phone; an editor reads why the report was returned at the top;
a coordinator approves through the confirmation page. Screenshots (laptop and phone) are left
in the test's temporary folder."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from reports.models import ReportStatus
from reports.services import report_transition
from tests.harness import factories

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}
REASON = "Add the 2019 export figures to the regional context."


@pytest.fixture
def report_in_review(region_a, owner):
    report = factories.make_report(
        region_a, title="Lombardy report", texts=factories.complete_texts()
    )
    report_transition(report=report, actor=owner, action="submit")
    return report


def detail_url(report) -> str:
    return reverse("reports:report_detail", kwargs={"pk": report.pk})


def in_viewport(page, locator) -> bool:
    box, viewport = locator.bounding_box(), page.viewport_size
    return (
        box is not None
        and box["y"] >= 0
        and box["x"] >= 0
        and box["y"] + box["height"] <= viewport["height"]
        and box["x"] + box["width"] <= viewport["width"]
    )


@pytest.mark.parametrize(("size", "name"), [(LAPTOP, "1366"), (PHONE, "390")])
def test_the_pdf_download_is_on_screen_without_scrolling(
    browser_page, login, report_in_review, owner, tmp_path, size, name
):
    page = browser_page(login(owner))
    page.set_viewport_size(size)
    page.goto(detail_url(report_in_review))

    download = page.get_by_role("button", name="Download PDF")
    assert in_viewport(page, download)
    assert in_viewport(page, page.get_by_role("combobox", name="Language"))
    assert in_viewport(page, page.get_by_role("link", name="History of changes"))
    page.screenshot(path=tmp_path / f"report-{name}.png")


def test_the_pdf_language_choice_leads_to_that_languages_pdf(
    browser_page, login, report_in_review, owner
):
    page = browser_page(login(owner))
    page.goto(detail_url(report_in_review))

    page.get_by_role("combobox", name="Language").select_option("it")
    page.get_by_role("button", name="Download PDF").click()

    expect(page).to_have_url(f"{page.url.split('?')[0]}?lang=it")
    expect(page.get_by_role("heading", level=1)).to_contain_text("PDF")


def test_an_editor_reads_why_the_report_was_returned_at_the_top(
    browser_page, login, report_in_review, owner, coordinator, tmp_path
):
    report_transition(
        report=report_in_review, actor=coordinator, action="request_changes", reason=REASON
    )
    page = browser_page(login(owner))
    page.set_viewport_size(LAPTOP)
    page.goto(detail_url(report_in_review))

    reason = page.locator(".workflow-actions blockquote")
    expect(reason).to_have_text(REASON)
    assert in_viewport(page, reason)
    expect(page.get_by_role("button", name="Submit again")).to_be_visible()
    page.screenshot(path=tmp_path / "returned-1366.png", full_page=False)


def test_a_coordinator_approves_through_the_confirmation(
    browser_page, login, report_in_review, coordinator, axe_violations, tmp_path
):
    page = browser_page(login(coordinator))
    page.set_viewport_size(LAPTOP)
    page.goto(detail_url(report_in_review))
    assert axe_violations(page) == []
    page.locator(".workflow-actions").screenshot(path=tmp_path / "review-choices-1366.png")

    page.get_by_role("link", name="Approve the report…").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Approve the report")
    expect(page.get_by_text("The report becomes public")).to_be_visible()
    assert axe_violations(page) == []
    page.screenshot(path=tmp_path / "approve-confirm-1366.png")
    report_in_review.refresh_from_db()
    assert report_in_review.status == ReportStatus.IN_REVIEW  # nothing happened yet

    page.get_by_role("button", name="Approve the report").click()

    expect(page.get_by_text("The report is approved and now public.")).to_be_visible()
    report_in_review.refresh_from_db()
    assert report_in_review.status == ReportStatus.APPROVED


def test_cancelling_the_confirmation_changes_nothing(
    browser_page, login, report_in_review, coordinator
):
    page = browser_page(login(coordinator))
    page.goto(reverse("reports:report_approve", kwargs={"pk": report_in_review.pk}))

    page.get_by_role("link", name="Cancel").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Lombardy report")
    report_in_review.refresh_from_db()
    assert report_in_review.status == ReportStatus.IN_REVIEW
