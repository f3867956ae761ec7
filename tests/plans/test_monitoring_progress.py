"""Recording an action's progress in a monitoring period: the form's rules (a reason for partly
or not implemented, a date inside the period, web addresses, funds), each refused with a clear
message while everything else typed is kept; who may record it, and when."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from interventures.activity.models import ActivityEntry
from plans.models import ActionProgress
from tests.harness import factories
from tests.reports.test_sanitizer import XSS_BODY, assert_harmless

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(region_a, instrument_a):
    plan = factories.make_plan(region_a, status="approved", instrument=instrument_a)
    return factories.make_monitoring(plan)


def edit_url(report):
    action = report.plan.actions.get()
    return reverse(
        "plans:progress_edit",
        kwargs={"pk": report.plan_id, "period": report.period_id, "action_pk": action.pk},
    )


def progress_data(**changes):
    data = {
        "status": "implemented",
        "reason": "",
        "reached_on": "2022-05-31",
        "evidence": "<p>The call for exporters opened in May.</p>",
        "links": "https://example.org/call\nhttp://example.org/minutes",
        "funds_mobilised": "125000.50",
        "improvement_reached": "management",
    }
    data.update(changes)
    return data


def test_editor_records_an_actions_progress(login, owner, report):
    response = login(owner).post(edit_url(report), progress_data())

    assert response.status_code == 302
    assert response["Location"].endswith(f"#action-{report.plan.actions.get().pk}")
    progress = ActionProgress.objects.get(report=report)
    assert progress.status == "implemented"
    assert progress.reached_on == date(2022, 5, 31)
    assert progress.funds_mobilised == Decimal("125000.50")
    assert progress.links == "https://example.org/call\nhttp://example.org/minutes"
    assert ActivityEntry.objects.filter(verb="monitoring.saved", actor=owner).count() == 1


def test_saving_again_updates_the_same_progress(login, owner, report):
    client = login(owner)
    client.post(edit_url(report), progress_data())
    client.post(edit_url(report), progress_data(status="in_progress"))

    assert ActionProgress.objects.get(report=report).status == "in_progress"


@pytest.mark.parametrize("status", ["partly", "not_implemented"])
def test_partly_or_not_implemented_needs_a_reason_and_keeps_what_was_typed(
    login, owner, report, status
):
    response = login(owner).post(edit_url(report), progress_data(status=status, reason="  "))

    assert response.status_code == 400
    page = response.content.decode()
    assert "Say why the action was implemented only in part, or not at all." in page
    assert "125000.50" in page
    assert "https://example.org/call" in page
    assert "The call for exporters opened in May." in page
    assert not ActionProgress.objects.exists()


def test_a_reason_lets_partly_implemented_be_saved(login, owner, report):
    data = progress_data(status="partly", reason="Half the budget was cut.")
    assert login(owner).post(edit_url(report), data).status_code == 302
    assert ActionProgress.objects.get(report=report).reason == "Half the budget was cut."


def test_date_outside_the_period_is_refused_with_the_periods_dates(login, owner, report):
    response = login(owner).post(edit_url(report), progress_data(reached_on="2022-09-01"))

    assert response.status_code == 400
    page = response.content.decode()
    assert "The date must be inside the period, from" in page
    assert "1 February 2022" in page
    assert "31 July 2022" in page
    assert "125000.50" in page
    assert not ActionProgress.objects.exists()


@pytest.mark.parametrize(
    "links",
    ["javascript:alert(1)", "ftp://example.org/file", "not a link", "https://ok.example\nwww.x"],
)
def test_bad_links_are_refused_naming_them(login, owner, report, links):
    response = login(owner).post(edit_url(report), progress_data(links=links))

    assert response.status_code == 400
    page = response.content.decode()
    assert "are not web addresses starting with http:// or https://" in page
    assert "The call for exporters opened in May." in page
    assert not ActionProgress.objects.exists()


@pytest.mark.parametrize(
    ("funds", "message"),
    [
        ("-1", "Funds mobilised cannot be negative."),
        ("1000000000000", "Funds mobilised cannot be more than"),
        ("lots", "Enter the funds mobilised as a number"),
    ],
)
def test_bad_funds_are_refused_and_the_rest_is_kept(login, owner, report, funds, message):
    response = login(owner).post(edit_url(report), progress_data(funds_mobilised=funds))

    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "https://example.org/call" in page
    assert not ActionProgress.objects.exists()


def test_viewer_and_coordinator_cannot_record_progress(login, colleague, coordinator, report):
    for user in (colleague, coordinator):
        assert login(user).post(edit_url(report), progress_data()).status_code == 403
    assert not ActionProgress.objects.exists()


def test_another_regions_editor_does_not_find_a_draft_report(login, outsider, report):
    assert login(outsider).get(edit_url(report)).status_code == 404


def test_progress_cannot_change_once_submitted(login, owner, report):
    report.status = "in_review"
    report.save()
    assert login(owner).post(edit_url(report), progress_data()).status_code == 403
    assert not ActionProgress.objects.exists()


def test_progress_cannot_be_recorded_while_the_plan_is_reopened(login, owner, report):
    report.plan.status = "changes_requested"
    report.plan.save()
    assert login(owner).post(edit_url(report), progress_data()).status_code == 403


def test_an_action_of_another_plan_is_not_found(login, owner, report, region_a):
    other = factories.make_plan(
        region_a, status="approved", instrument=factories.make_instrument(region_a)
    )
    url = reverse(
        "plans:progress_edit",
        kwargs={
            "pk": report.plan_id,
            "period": report.period_id,
            "action_pk": other.actions.get().pk,
        },
    )
    assert login(owner).get(url).status_code == 404


# --- hostile rich text ------------------------------------------------------------------------


def test_scripts_in_the_evidence_are_stripped_on_save_and_never_reach_the_page(
    login, owner, report
):
    client = login(owner)
    assert client.post(edit_url(report), progress_data(evidence=XSS_BODY)).status_code == 302

    assert_harmless(ActionProgress.objects.get(report=report).evidence)
    page = client.get(report.get_absolute_url()).text
    assert "xss-script" not in page
    assert "onerror" not in page


def test_scripts_in_the_summary_are_stripped_on_save(login, owner, report):
    client = login(owner)
    assert client.post(report.get_absolute_url(), {"summary": XSS_BODY}).status_code == 302

    report.refresh_from_db()
    assert_harmless(report.summary)
    assert "onerror" not in client.get(report.get_absolute_url()).text
