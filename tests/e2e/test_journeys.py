"""The review loop as people take it, in Chromium, from signing in.

An editor signs in, lands on the dashboard, opens the report returned to her, reads the reason at
the top, answers the coordinator's comment mentioning a colleague, and submits again. The
coordinator signs in with the second factor, finds the report in the review queue with its age,
and approves it through the confirmation. Each is told what concerns them, nobody else.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from interventures.activity.models import ActivityEntry
from interventures.notifications.models import Notification
from reports.models import ReportStatus
from reports.services import comment_add, report_transition
from tests.harness import factories
from tests.harness.mfa import totp_code

pytestmark = pytest.mark.browser

REASON = "Please add the figures on exports to Switzerland."
QUESTION = "Which ports does the opportunity concern?"


@pytest.fixture
def returned_report(region_a, owner, coordinator):
    report = factories.make_report(
        region_a, title="Lombardy report", texts=factories.complete_texts()
    )
    report_transition(report=report, actor=owner, action="submit")
    comment_add(
        report=report,
        author=coordinator,
        body=QUESTION,
        section=report.sections.get(key="opportunities"),
    )
    report_transition(report=report, actor=coordinator, action="request_changes", reason=REASON)
    return report


def sign_in(page, user, *, second_factor=False):
    page.goto(reverse("account_login"))
    page.locator("input[name=login]").fill(user.email)
    page.locator("input[name=password]").fill(factories.PASSWORD)
    with page.expect_navigation():
        page.locator("input[name=password]").press("Enter")
    if second_factor:
        page.get_by_label("Code").fill(totp_code(user))
        with page.expect_navigation():
            page.get_by_label("Code").press("Enter")


def in_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] + box["height"] <= page.viewport_size["height"]


def test_an_editor_answers_the_review_and_submits_again(
    returned_report, owner, colleague, coordinator, browser_page
):
    page = browser_page(None)
    page.set_viewport_size({"width": 1366, "height": 768})
    sign_in(page, owner)

    expect(page).to_have_url(f"{page.url.split('/dashboard/')[0]}/dashboard/")
    returned = page.locator(".dashboard-section.is-urgent")
    expect(returned).to_contain_text(REASON)
    returned.get_by_role("link", name="Lombardy report").click()

    next_step = page.locator(".workflow-actions")
    expect(next_step).to_contain_text(REASON)
    assert in_viewport(page, next_step.get_by_text(REASON))
    thread = page.locator(".comment-thread", has_text=QUESTION)
    thread.get_by_text("Answer", exact=True).click()
    answer = thread.get_by_role("textbox")
    answer.fill("Klaipėda and Genoa; ")
    answer.press_sequentially("@Car")
    expect(page.get_by_role("option", name="Carlo")).to_be_visible()
    answer.press("Enter")
    answer.press_sequentially(" has the figures.")
    with page.expect_navigation():
        thread.get_by_role("button", name="Send the answer").click()
    expect(thread.locator(".comment").last).to_contain_text("@Carlo has the figures.")

    with page.expect_navigation():
        page.get_by_role("button", name="Submit again").click()
    expect(page.locator(".page-header .status")).to_have_text("In review")

    told = Notification.objects.values_list("recipient__first_name", "kind")
    assert ("Carlo", "comment.mention") in told
    assert (coordinator.first_name, "comment.reply") in told
    assert (coordinator.first_name, "report.submitted") in told
    assert not Notification.objects.filter(recipient=owner, kind__startswith="comment.").exists()


def test_a_coordinator_finds_the_report_in_the_queue_and_approves_it_with_a_confirmation(
    returned_report, owner, coordinator, browser_page
):
    report_transition(report=returned_report, actor=owner, action="submit")
    ActivityEntry.objects.filter(verb="report.submitted").update(
        created_at=timezone.now() - timedelta(days=3)
    )
    coordinator.first_name, coordinator.last_name = "Anna", "Horváth"
    coordinator.save()
    page = browser_page(None)
    sign_in(page, coordinator, second_factor=True)

    queue = page.locator("section[aria-labelledby=queue-title]")
    expect(queue).to_contain_text("Lombardy report")
    expect(queue).to_contain_text("waiting since 3 days")
    queue.get_by_role("link", name="Lombardy report").click()
    page.get_by_role("link", name="Approve the report…").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Approve the report")
    expect(page.locator(".confirm-step")).to_contain_text("The report becomes public")
    with page.expect_navigation():
        page.get_by_role("button", name="Approve the report").click()

    expect(page.locator(".page-header .status")).to_have_text("Approved")
    returned_report.refresh_from_db()
    assert returned_report.status == ReportStatus.APPROVED
    assert Notification.objects.filter(recipient=owner, kind="report.approved").exists()
    assert not Notification.objects.filter(recipient=coordinator, kind="report.approved").exists()
