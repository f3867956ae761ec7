"""Phase 2 monitoring of an action plan: the timeline (statuses by action and period, as each
reader may see them, the chart and the totals), starting a period's report (approved plans only),
the report page, and its review through the shared workflow with its notifications."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.base import ContentFile
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from interventures.activity.models import ActivityEntry
from interventures.notifications.models import Notification
from plans.models import ActionProgress, MonitoringPeriod, MonitoringReport
from tests.harness import factories
from tests.harness.queries import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(region_a, instrument_a):
    return factories.make_plan(region_a, status="approved", instrument=instrument_a, actions=2)


@pytest.fixture
def second_period():
    return MonitoringPeriod.objects.order_by("starts_on")[1]


def recipients(message):
    return set(message.to) | set(message.cc) | set(message.bcc)


def timeline_url(plan):
    return reverse("plans:monitoring", kwargs={"pk": plan.pk})


def report_url(report):
    return reverse(
        "plans:monitoring_report", kwargs={"pk": report.plan_id, "period": report.period_id}
    )


def step_url(report, action):
    return reverse(
        f"plans:monitoring_{action}", kwargs={"pk": report.plan_id, "period": report.period_id}
    )


def start_url(plan, period):
    return reverse("plans:monitoring_start", kwargs={"pk": plan.pk, "period": period.pk})


# --- the timeline ------------------------------------------------------------------------------


def test_visitors_read_the_timeline_of_an_approved_plan(login, plan):
    factories.make_monitoring(plan, status="approved", progress="implemented")

    response = login(None).get(timeline_url(plan))

    assert response.status_code == 200
    page = response.content.decode()
    assert "✓</span> Implemented" in page
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in page
    assert '<title id="monitoring-chart-title">' in page
    assert "Dashed outline: the report is not approved yet" in page  # the legend


def test_a_draft_plans_timeline_is_not_found_outside_its_region(login, world, region_a):
    draft = factories.make_plan(region_a, instrument=factories.make_instrument(region_a))
    for user in (None, world.stakeholder, world.outsider):
        assert login(user).get(timeline_url(draft)).status_code == 404
    assert login(world.colleague).get(timeline_url(draft)).status_code == 200


def test_the_timeline_shows_a_draft_reports_statuses_to_the_regions_partners_only(
    login, world, plan
):
    factories.make_monitoring(plan, status="approved", progress="in_progress")
    factories.make_monitoring(
        plan, period=MonitoringPeriod.objects.order_by("starts_on")[1], progress="partly"
    )

    partner_page = login(world.colleague).get(timeline_url(plan)).content.decode()
    visitor_page = login(None).get(timeline_url(plan)).content.decode()

    assert "◐</span> Partly implemented" in partner_page
    assert "(not approved yet)</span>" in partner_page
    assert "→</span> In progress" in visitor_page
    assert "◐</span> Partly implemented" not in visitor_page
    assert "(not approved yet)</span>" not in visitor_page
    assert "No report" in visitor_page


def test_the_totals_come_from_the_latest_visible_report(login, world, plan, second_period):
    first = factories.make_monitoring(plan, status="approved", progress="in_progress")
    first.progress.update(funds_mobilised=Decimal("1000"))
    second = factories.make_monitoring(plan, period=second_period, progress="implemented")
    second.progress.update(funds_mobilised=Decimal("2500.50"), improvement_reached="structural")

    partner = login(world.colleague).get(timeline_url(plan)).context["timeline"].totals
    visitor = login(None).get(timeline_url(plan)).context["timeline"].totals

    assert partner.report == second
    assert partner.unreviewed
    assert (partner.implemented, partner.actions) == (2, 2)
    assert partner.funds == [("EUR", Decimal("5001.00"))]
    assert partner.improvements == ["A structural change to the instrument"]
    assert visitor.report == first
    assert visitor.implemented == 0
    assert visitor.funds == [("EUR", Decimal("2000"))]
    assert visitor.improvements == []


def test_the_timelines_query_count_does_not_grow_with_actions_and_periods(login, owner, plan):
    client = login(owner)
    factories.make_monitoring(plan, progress="in_progress")
    client.get(timeline_url(plan))
    few, _queries = count_queries(client, timeline_url(plan))

    for position in range(3, 12):
        plan.actions.create(title=f"Action {position}", improvement_type="management")
    for year in range(2023, 2027):
        period = MonitoringPeriod.objects.create(starts_on=f"{year}-02-01", ends_on=f"{year}-07-31")
        factories.make_monitoring(plan, period=period, progress="implemented")
    many, queries = count_queries(client, timeline_url(plan))

    assert many == few, "\n".join(queries)


def test_editors_get_a_start_button_for_each_period_without_a_report(login, owner, colleague, plan):
    factories.make_monitoring(plan)
    second = MonitoringPeriod.objects.order_by("starts_on")[1]

    editor_page = login(owner).get(timeline_url(plan)).content.decode()
    viewer_page = login(colleague).get(timeline_url(plan)).content.decode()

    assert start_url(plan, second) in editor_page
    assert start_url(plan, factories.first_period()) not in editor_page
    assert start_url(plan, second) not in viewer_page


def test_the_plan_page_partial_lists_the_periods_with_their_reports(rf_user, plan, owner):
    report = factories.make_monitoring(plan, status="in_review")
    template = Template('{% include "plans/_plan_monitoring.html" %}')

    html = template.render(Context({"plan": plan, "request": rf_user(owner)}))

    assert report_url(report) in html
    assert "In review" in html
    assert start_url(plan, MonitoringPeriod.objects.order_by("starts_on")[1]) in html
    assert timeline_url(plan) in html


@pytest.fixture
def rf_user():
    def _request(user):
        request = RequestFactory().get("/")
        request.user = user
        return request

    return _request


# --- starting a period's report -----------------------------------------------------------------


def test_editor_starts_a_periods_report_once(login, owner, plan):
    client = login(owner)
    period = factories.first_period()

    first = client.post(start_url(plan, period))
    again = client.post(start_url(plan, period))

    report = MonitoringReport.objects.get()
    assert first["Location"] == report.get_absolute_url()
    assert again["Location"] == report.get_absolute_url()
    assert ActivityEntry.objects.filter(verb="monitoring.started").count() == 1


def test_monitoring_cannot_start_on_a_draft_plan(login, owner, region_a):
    draft = factories.make_plan(region_a, instrument=factories.make_instrument(region_a))
    response = login(owner).post(start_url(draft, factories.first_period()))
    assert response.status_code == 403
    assert not MonitoringReport.objects.exists()


def test_monitoring_cannot_start_on_another_regions_draft_plan(login, outsider, region_a):
    draft = factories.make_plan(region_a, instrument=factories.make_instrument(region_a))
    response = login(outsider).post(start_url(draft, factories.first_period()))
    assert response.status_code == 404
    assert not MonitoringReport.objects.exists()


def test_a_viewer_cannot_start_monitoring(login, colleague, plan):
    assert login(colleague).post(start_url(plan, factories.first_period())).status_code == 403
    assert not MonitoringReport.objects.exists()


# --- the report page ---------------------------------------------------------------------------


def test_the_report_shows_each_actions_progress(login, colleague, plan):
    report = factories.make_monitoring(plan, progress="partly")
    report.progress.update(
        reason="The budget was halved.",
        links="https://example.org/minutes",
        funds_mobilised=Decimal("12500"),
    )

    page = login(colleague).get(report_url(report)).content.decode()

    assert "Partly implemented" in page
    assert "The budget was halved." in page
    assert 'href="https://example.org/minutes"' in page
    assert "12,500.00" in page
    assert "Record progress" not in page  # a viewer does not edit


def test_the_report_pages_query_count_does_not_grow_with_actions_and_files(login, owner, plan):
    report = factories.make_monitoring(plan, progress="in_progress")
    client = login(owner)
    client.get(report_url(report))
    few, _queries = count_queries(client, report_url(report))

    for position in range(3, 10):
        action = plan.actions.create(title=f"Action {position}", improvement_type="management")
        progress = ActionProgress.objects.create(report=report, action=action)
        for number in range(3):
            progress.files.create(
                file=ContentFile(b"%PDF-1.4", name="a.pdf"),
                name=f"minutes {number}.pdf",
                content_type="application/pdf",
                size=8,
            )
    many, queries = count_queries(client, report_url(report))

    assert many == few, "\n".join(queries)


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "outsider"])
def test_a_draft_report_is_not_found_outside_the_region(login, world, plan, role):
    report = factories.make_monitoring(plan)
    user = None if role == "anonymous" else getattr(world, role)
    assert login(user).get(report_url(report)).status_code == 404


def test_visitors_read_an_approved_report_without_its_review_history(login, plan):
    report = factories.make_monitoring(plan, status="approved", progress="implemented")
    page = login(None).get(report_url(report)).content.decode()
    assert "Implemented" in page
    assert "Review history" not in page


def test_editor_saves_the_summary_on_the_report_page(login, owner, plan):
    report = factories.make_monitoring(plan)
    response = login(owner).post(report_url(report), {"summary": "<p>A busy semester.</p>"})

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.summary == "<p>A busy semester.</p>"


def test_a_viewer_cannot_save_the_summary(login, colleague, plan):
    report = factories.make_monitoring(plan)
    assert login(colleague).post(report_url(report), {"summary": "<p>x</p>"}).status_code == 403


# --- the review workflow -----------------------------------------------------------------------


def test_submitting_is_refused_while_an_action_has_no_progress(login, owner, plan):
    report = factories.make_monitoring(plan)
    ActionProgress.objects.create(report=report, action=plan.actions.first())

    response = login(owner).post(step_url(report, "submit"), follow=True)

    report.refresh_from_db()
    assert report.status == "draft"
    assert "The monitoring report is not complete yet" in response.content.decode()
    assert plan.actions.last().title in response.content.decode()


def test_a_report_goes_through_review_to_approval_with_confirmation(
    login, owner, coordinator, plan, django_capture_on_commit_callbacks
):
    report = factories.make_monitoring(plan, progress="implemented")
    editor, reviewer = login(owner), login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        assert editor.post(step_url(report, "submit")).status_code == 302
    report.refresh_from_db()
    assert report.status == "in_review"
    [submitted] = mail.outbox
    assert coordinator.email in recipients(submitted)
    assert submitted.subject.startswith("[INTER VENTURES] Monitoring submitted for review: ")
    assert f"{settings.SITE_URL}{report.get_absolute_url()}" in submitted.body

    confirmation = reviewer.get(step_url(report, "approve"))
    assert confirmation.status_code == 200
    assert "becomes public with its evidence files" in confirmation.content.decode()
    report.refresh_from_db()
    assert report.status == "in_review"

    with django_capture_on_commit_callbacks(execute=True):
        assert reviewer.post(step_url(report, "approve")).status_code == 302
    report.refresh_from_db()
    assert report.status == "approved"
    assert Notification.objects.filter(recipient=owner, kind="monitoring.approved").exists()
    approved = mail.outbox[-1]
    assert owner.email in recipients(approved)
    assert approved.subject.startswith("[INTER VENTURES] Monitoring approved: ")


def test_requesting_changes_needs_a_reason_and_tells_the_editors(
    login, owner, coordinator, plan, django_capture_on_commit_callbacks
):
    report = factories.make_monitoring(plan, status="in_review", progress="implemented")
    reviewer = login(coordinator)

    refused = reviewer.post(step_url(report, "request_changes"), {"changes-reason": " "})
    assert refused.status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        reviewer.post(step_url(report, "request_changes"), {"changes-reason": "Add the minutes."})

    report.refresh_from_db()
    assert report.status == "changes_requested"
    [message] = mail.outbox
    assert owner.email in recipients(message)
    assert "Add the minutes." in message.body
    page = login(owner).get(report_url(report)).content.decode()
    assert "Add the minutes." in page
    assert "Submit again" in page


def test_an_editor_cannot_approve(login, owner, plan):
    report = factories.make_monitoring(plan, status="in_review", progress="implemented")
    assert login(owner).post(step_url(report, "approve")).status_code == 403
    report.refresh_from_db()
    assert report.status == "in_review"


def test_the_monitoring_email_names_the_plan_and_period(plan, coordinator, owner):
    report = factories.make_monitoring(plan, status="changes_requested")
    context = {
        "object": report,
        "plan": plan,
        "action": "request_changes",
        "reason": "Fix <this> & that",
        "actor": coordinator,
        "site_url": settings.SITE_URL,
    }
    body = render_to_string("plans/email/monitoring_transition.txt", context)
    subject = render_to_string("plans/email/monitoring_transition_subject.txt", context)
    assert "Fix <this> & that" in body
    assert plan.title in body
    assert str(report.period) in body
    assert subject.strip() == (
        f"[INTER VENTURES] Changes requested to the monitoring: {plan.title}, {report.period}"
    )
