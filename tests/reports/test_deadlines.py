"""Due dates of reports: coordinators set them on the report page, everyone who sees the report
reads how many days are left (or how late it is), counted in the portal's time zone."""

from datetime import UTC, date, datetime, timedelta
from unittest import mock

import pytest
from django.urls import reverse

from interventures.activity.selectors import entries_for
from interventures.dates import portal_today
from reports.models import ReportStatus
from tests.harness import factories


def set_due_date(client, report, value):
    return client.post(
        reverse("reports:report_due_date", kwargs={"pk": report.pk}), {"due_date": value}
    )


def due_date_of(report):
    report.refresh_from_db()
    return report.due_date


def at(moment: datetime):
    """Run as if the clock showed `moment` (an aware datetime)."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_coordinator_sets_a_due_date_and_the_page_counts_the_days_left(
    coordinator, login, report_a
):
    client = login(coordinator)
    due = portal_today() + timedelta(days=12)
    response = set_due_date(client, report_a, due.isoformat())
    assert response.status_code == 302
    assert due_date_of(report_a) == due
    page = client.get(response["Location"]).content.decode()
    assert "The due date is" in page
    assert "12 days left" in page
    entry = entries_for(report_a).get(verb="report.due_date_set")
    assert entry.actor == coordinator
    assert entry.data["detail"] == due.isoformat()


def test_region_partners_read_the_due_date_but_see_no_form(owner, colleague, login, report_a):
    report_a.due_date = portal_today() + timedelta(days=1)
    report_a.save()
    for user in (owner, colleague):
        page = login(user).get(report_a.get_absolute_url()).content.decode()
        assert "1 day left" in page
        assert 'name="due_date"' not in page


@pytest.mark.parametrize("role", ["owner", "colleague"])
def test_partners_cannot_set_a_due_date(role, world, login, report_a):
    response = set_due_date(login(getattr(world, role)), report_a, "2030-01-01")
    assert response.status_code == 403
    assert due_date_of(report_a) is None


@pytest.mark.parametrize("role", ["outsider", "stakeholder"])
def test_others_do_not_learn_the_report_exists(role, world, login, report_a):
    response = set_due_date(login(getattr(world, role)), report_a, "2030-01-01")
    assert response.status_code == 404
    assert due_date_of(report_a) is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("31/02/2030", "Enter a date, for example 2027-03-31."),
        ("2030-02-31", "Enter a date, for example 2027-03-31."),
        ("yesterday\n", "Enter a date, for example 2027-03-31."),
        ("2001-01-01", "The due date cannot be in the past"),
        ("9999-12-31", "Choose a due date within 5 years from today."),
    ],
)
def test_a_bad_due_date_is_refused_with_a_message_and_the_old_one_kept(
    value, message, coordinator, login, report_a
):
    kept = portal_today() + timedelta(days=30)
    report_a.due_date = kept
    report_a.save()
    response = set_due_date(login(coordinator), report_a, value)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert due_date_of(report_a) == kept


def test_an_empty_due_date_removes_it(coordinator, login, report_a):
    report_a.due_date = portal_today() + timedelta(days=3)
    report_a.save()
    client = login(coordinator)
    response = set_due_date(client, report_a, "")
    assert response.status_code == 302
    assert due_date_of(report_a) is None
    assert "no due date any more" in client.get(response["Location"]).content.decode()


def test_an_overdue_report_says_by_how_many_days_highlighted(owner, login, report_a):
    report_a.due_date = portal_today() - timedelta(days=3)
    report_a.save()
    page = login(owner).get(report_a.get_absolute_url()).content.decode()
    assert 'class="due-date is-overdue"' in page
    assert "overdue by 3 days" in page


def test_an_approved_report_is_not_counted_down(owner, login, region_a):
    report = factories.make_report(region_a, status=ReportStatus.APPROVED)
    report.due_date = portal_today() - timedelta(days=3)
    report.save()
    assert report.days_left is None
    assert not report.is_overdue
    assert "overdue" not in login(owner).get(report.get_absolute_url()).content.decode()


def test_days_are_counted_in_the_portals_time_zone(report_a):
    report_a.due_date = date(2027, 3, 31)
    # 23:30 UTC on the 30th is already the 31st in Brussels (summer time, UTC+2).
    with at(datetime(2027, 3, 30, 23, 30, tzinfo=UTC)):
        assert portal_today() == date(2027, 3, 31)
        assert report_a.days_left == 0
    with at(datetime(2027, 3, 30, 21, 59, tzinfo=UTC)):
        assert report_a.days_left == 1
    with at(datetime(2027, 4, 1, 21, 59, tzinfo=UTC)):
        assert report_a.days_overdue == 1
    with at(datetime(2027, 4, 1, 22, 0, tzinfo=UTC)):
        assert report_a.days_overdue == 2
