"""The emails the portal sent before notifications existed now come with a notification each,
to the same people, and an unreachable mail server loses none of them."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from events import services as events
from interventures.notifications.models import Notification
from partners.services import invitation_accept
from practices import services as practices
from reports.models import ReportStatus
from reports.services import report_transition
from tests.harness import factories


def told(kind):
    return {(n.recipient, n.actor) for n in Notification.objects.filter(kind=kind)}


def test_a_submitted_report_tells_the_coordinators_and_a_request_for_changes_its_editors(
    region_a, owner, colleague, coordinator
):
    report = factories.make_report(region_a, texts=factories.complete_texts())

    report_transition(report=report, actor=owner, action="submit")
    report_transition(report=report, actor=coordinator, action="request_changes", reason="Why?")

    assert told("report.submitted") == {(coordinator, owner)}
    assert told("report.changes_requested") == {(owner, coordinator)}
    returned = Notification.objects.get(kind="report.changes_requested")
    assert (returned.url, returned.reason) == (report.get_absolute_url(), "Why?")


def test_a_returned_practice_tells_the_owners_editors(region_a, org_a, owner, coordinator):
    practice = factories.make_practice(region_a, status="submitted", owner=org_a)

    practices.practice_transition(
        practice=practice, actor=coordinator, action="return", reason="Add figures."
    )

    assert told("practice.returned") == {(owner, coordinator)}


def test_an_interest_message_tells_the_owners_editors(region_a, org_a, owner, stakeholder):
    practice = factories.make_practice(region_a, owner=org_a)

    practices.interest_send(
        practice=practice,
        user=stakeholder,
        ip="203.0.113.9",
        name="Sara Visitor",
        email="sara@example.org",
        message="We would like to study your vouchers.",
    )

    assert told("interest.received") == {(owner, stakeholder)}


def test_a_seat_from_the_waiting_list_tells_the_person_promoted(region_a, stakeholder):
    event = factories.make_event(region_a, capacity=1)
    seat = events.registration_create(event=event, user=stakeholder)
    waiting = factories.make_user()
    events.registration_create(event=event, user=waiting)

    events.registration_cancel(registration=seat)

    assert told("registration.promoted") == {(waiting, None)}
    assert Notification.objects.get().url == event.get_absolute_url()


def test_an_accepted_invitation_tells_the_inviter_in_the_portal_only(
    org_a, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    invitation, _token = factories.make_invitation(org_a, invited_by=coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        newcomer = invitation_accept(
            invitation=invitation, password="Border-regions-2026", first_name="Nora"
        )

    assert told("invitation.accepted") == {(coordinator, newcomer)}
    assert Notification.objects.get().target == org_a
    assert mailoutbox == []


@pytest.mark.django_db(transaction=True)
def test_with_the_mail_server_down_the_step_is_saved_the_notification_kept_and_the_email_sent_later(
    settings, login, run_worker, region_a, owner, coordinator
):
    settings.EMAIL_TASK_BACKEND = "default"
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
        }
    }
    report = factories.make_report(region_a, status="in_review")

    response = login(coordinator).post(
        reverse("reports:report_request_changes", kwargs={"pk": report.pk}),
        {"changes-reason": "Add the 2019 figures."},
    )
    run_worker()

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.CHANGES_REQUESTED
    assert Notification.objects.get(recipient=owner).reason == "Add the 2019 figures."
    assert mail.outbox == []
    retry = DBTaskResult.objects.get(status="READY")

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    [message] = mail.outbox
    assert message.bcc == [owner.email]
    assert "Add the 2019 figures." in message.body
