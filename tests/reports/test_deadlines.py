"""Due dates of reports: coordinators set them on the report page, everyone who sees the report
reads how many days are left (or how late it is), counted in the portal's time zone; the
region's editors are reminded before the day and on it, once per step."""

from datetime import UTC, date, datetime, time, timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from interventures.activity.selectors import entries_for
from interventures.dates import portal_today
from interventures.notifications.models import Notification, NotificationPreference
from partners.models import Membership
from reports.models import DeadlineReminder, ReminderStep, ReportStatus
from reports.services import report_due_date_set
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


# --- reminders (manage.py send_deadline_reminders) -------------------------------------------


def send_reminders(captured):
    out = StringIO()
    with captured(execute=True):
        call_command("send_deadline_reminders", stdout=out)
    return out.getvalue()


def due_in(report, days):
    report.due_date = portal_today() + timedelta(days=days)
    report.save()
    return report


@pytest.fixture
def second_editor(org_a):
    user = factories.make_user("second@lombardy.example", first_name="Sara")
    factories.make_membership(user, org_a, Membership.Role.EDITOR)
    return user


def test_the_regions_editors_are_reminded_seven_days_before_once(
    owner,
    second_editor,
    colleague,
    outsider,
    report_a,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    due_in(report_a, 7)
    assert "1 reminder(s) sent" in send_reminders(django_capture_on_commit_callbacks)
    [message] = mailoutbox
    assert sorted(message.bcc) == sorted([owner.email, second_editor.email])
    assert "Due in 7 days: Lombardy report" in message.subject
    assert report_a.get_absolute_url() in message.body
    assert set(Notification.objects.values_list("recipient", flat=True)) == {
        owner.pk,
        second_editor.pk,
    }
    # The next run, the same day or the next, sends nothing again for this step.
    assert "0 reminder(s) sent" in send_reminders(django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1


def test_on_the_day_a_second_reminder_goes_and_only_one(
    owner, report_a, mailoutbox, django_capture_on_commit_callbacks
):
    due_in(report_a, 7)
    send_reminders(django_capture_on_commit_callbacks)
    due_date = report_a.due_date
    on_the_day = datetime.combine(due_date, time(8), tzinfo=timezone.get_default_timezone())
    with at(on_the_day):
        send_reminders(django_capture_on_commit_callbacks)
        send_reminders(django_capture_on_commit_callbacks)
    assert [message.subject for message in mailoutbox] == [
        "[INTER VENTURES] Due in 7 days: Lombardy report",
        "[INTER VENTURES] Due today: Lombardy report",
    ]
    assert set(DeadlineReminder.objects.values_list("step", flat=True)) == {
        ReminderStep.BEFORE,
        ReminderStep.ON_THE_DAY,
    }


def test_the_day_of_a_reminder_is_the_portals_day(
    owner, report_a, mailoutbox, django_capture_on_commit_callbacks
):
    report_a.due_date = date(2027, 3, 31)
    report_a.save()
    # 22:30 UTC on the 30th is still the 30th in UTC, but already the 31st in Brussels.
    with at(datetime(2027, 3, 30, 22, 30, tzinfo=UTC)):
        send_reminders(django_capture_on_commit_callbacks)
    assert [message.subject for message in mailoutbox] == [
        "[INTER VENTURES] Due today: Lombardy report"
    ]


def test_no_reminder_far_ahead_after_the_day_or_once_submitted(
    owner, region_a, mailoutbox, django_capture_on_commit_callbacks
):
    due_in(factories.make_report(region_a), 8)
    due_in(factories.make_report(region_a), -1)
    due_in(factories.make_report(region_a, status=ReportStatus.IN_REVIEW), 3)
    due_in(factories.make_report(region_a, status=ReportStatus.APPROVED), 0)
    assert "0 reminder(s) sent" in send_reminders(django_capture_on_commit_callbacks)
    assert mailoutbox == []


def test_a_new_due_date_brings_new_reminders(
    owner, coordinator, report_a, mailoutbox, django_capture_on_commit_callbacks
):
    due_in(report_a, 3)
    send_reminders(django_capture_on_commit_callbacks)
    report_due_date_set(
        report=report_a, due_date=portal_today() + timedelta(days=5), actor=coordinator
    )
    send_reminders(django_capture_on_commit_callbacks)
    assert [message.subject for message in mailoutbox] == [
        "[INTER VENTURES] Due in 3 days: Lombardy report",
        "[INTER VENTURES] Due in 5 days: Lombardy report",
    ]


def test_an_editor_who_chose_the_portal_only_gets_the_notification_and_no_email(
    owner, report_a, mailoutbox, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(user=owner, kind="report.due_soon", channel="app")
    due_in(report_a, 0)
    send_reminders(django_capture_on_commit_callbacks)
    assert mailoutbox == []
    assert Notification.objects.get(recipient=owner).kind == "report.due_soon"


@pytest.mark.django_db(transaction=True)
def test_reminders_are_emailed_by_the_worker(settings, owner, report_a, run_worker, mailoutbox):
    settings.EMAIL_TASK_BACKEND = "default"
    due_in(report_a, 2)
    call_command("send_deadline_reminders", stdout=StringIO())
    assert mailoutbox == []
    run_worker()
    assert [message.bcc for message in mailoutbox] == [[owner.email]]
