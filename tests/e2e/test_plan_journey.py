"""From an action to a changed policy, as people take it in Chromium.

An editor adds an action to her region's plan, drawing on a report section and another
region's good practice, and submits the plan; the coordinator signs in with the second factor
and approves it through the confirmation; the editor records the first period's progress with
an evidence file and submits it; the coordinator approves the monitoring report; a visitor
opens the region's policy-change page and follows the chain to the practice, which says what
it inspired.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from plans.models import ActionPlan, EvidenceFile, MonitoringReport, PlanStatus
from tests.e2e.test_journeys import sign_in
from tests.harness import factories

pytestmark = pytest.mark.browser

TIMEOUT_MS = 10_000
ACTION = "Mentoring for first-time women exporters"
EVIDENCE = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def plan(region_a, instrument_a, org_a):
    factories.first_period()
    return factories.make_plan(
        region_a, instrument=instrument_a, organisation=org_a, actions=0, title="Lombardy plan"
    )


@pytest.fixture
def report(region_a):
    return factories.make_report(
        region_a, status="approved", title="Lombardy analysis", texts=factories.complete_texts()
    )


@pytest.fixture
def practice(region_b):
    return factories.make_practice(region_b, title="Promoting Women Entrepreneurship")


def submit(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


def test_an_action_goes_from_the_analysis_to_a_monitored_result_a_visitor_can_follow(
    plan, report, practice, owner, coordinator, browser_page, tmp_path
):
    page = browser_page(None)
    page.set_viewport_size({"width": 1366, "height": 900})
    sign_in(page, owner)
    # The coordinator signs in once, in a browser of her own: a second factor's code is used
    # only once.
    review = browser_page(None)
    review.set_viewport_size({"width": 1366, "height": 900})

    page.goto(plan.get_absolute_url())
    with page.expect_navigation():
        page.get_by_role("link", name="Add an action").first.click()
    # The rich-text editor has replaced its textarea once the textbox is editable.
    expect(page.get_by_role("textbox", name="The action")).to_have_attribute(
        "contenteditable", "true", timeout=TIMEOUT_MS
    )
    page.get_by_label("Title").fill(ACTION)
    page.get_by_role("textbox", name="The action").click()
    page.keyboard.type("Six months of mentoring by exporters who started the same way.")
    page.get_by_label("A new project").check()
    page.get_by_label(f"{report.title} · Barriers", exact=False).check()
    page.get_by_label(practice.title, exact=False).check()
    submit(page, "Add the action")
    expect(page.locator(".messages, .message").first).to_be_visible()
    action = plan.actions.get()
    assert list(action.practices.all()) == [practice]
    assert action.report_sections.get().report == report

    submit(page, "Submit for review")
    expect(page.get_by_role("main")).to_contain_text("submitted for review")

    sign_in(review, coordinator, second_factor=True)
    review.goto(plan.get_absolute_url())
    review.get_by_role("link", name="Approve the action plan…").click()
    expect(review.get_by_role("heading", name="What will happen")).to_be_visible()
    submit(review, "Approve the action plan")
    assert ActionPlan.objects.get(pk=plan.pk).status == PlanStatus.APPROVED

    page.goto(reverse("plans:monitoring", kwargs={"pk": plan.pk}))
    submit(page, "Start the monitoring report of February 2022 – July 2022")
    page.get_by_role("link", name=f"Record progress of {ACTION}").click()
    page.get_by_label("Implemented", exact=True).check()
    page.get_by_label("Status reached on").fill("2022-06-30")
    evidence = tmp_path / "mentoring-minutes.pdf"
    evidence.write_bytes(EVIDENCE)
    page.get_by_label("Add a document").set_input_files(str(evidence))
    submit(page, "Save the progress")
    expect(page.get_by_role("link", name="mentoring-minutes.pdf")).to_be_visible()
    assert EvidenceFile.objects.get().progress.action == action
    submit(page, "Submit for review")

    review.goto(MonitoringReport.objects.get(plan=plan).get_absolute_url())
    review.get_by_role("link", name="Approve the monitoring report…").click()
    submit(review, "Approve the monitoring report")

    page = browser_page(None)
    page.goto(reverse("region_policy_change", kwargs={"slug": plan.region.slug}))
    main = page.get_by_role("main")
    expect(main).to_contain_text(report.title)
    expect(main).to_contain_text(ACTION)
    expect(main.locator("#results-title ~ *").first).to_contain_text("Implemented")
    main.get_by_role("link", name=practice.title).first.click()
    expect(page.get_by_role("main")).to_contain_text("Inspired 1 action in 1 region")
    expect(page.get_by_role("main").get_by_role("link", name=ACTION)).to_be_visible()
