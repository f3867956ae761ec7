"""The daily digest (`manage.py send_notification_digests`): one email per person with their
unread notifications of the kinds they chose to read in a digest, in their language; each
notification in one digest at most, and no email when there is nothing to tell."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from interventures.notifications.models import Notification


def note(recipient, *, channel="digest", **fields):
    return Notification.objects.create(
        recipient=recipient,
        kind="report.changes_requested",
        channel=channel,
        target_repr=fields.pop("target_repr", "Lombardy report"),
        url="/regions/lombardy/",
        **fields,
    )


def run(django_capture_on_commit_callbacks):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_notification_digests", stdout=out)
    return out.getvalue()


def test_each_person_gets_one_email_with_their_unread_digest_notifications(
    owner, colleague, mailoutbox, django_capture_on_commit_callbacks
):
    note(owner, target_repr="First report", data={"reason": "Add the 2019 figures."})
    note(owner, target_repr="Second report")
    note(owner, target_repr="Already read", read_at=timezone.now())
    note(owner, target_repr="Emailed at once", channel="email")
    note(owner, target_repr="Portal only", channel="app")
    note(colleague, target_repr="Carlo's report")

    assert run(django_capture_on_commit_callbacks) == "2 digest(s) queued for the worker\n"

    mine = next(message for message in mailoutbox if message.to == [owner.email])
    assert mine.subject == "[INTER VENTURES] 2 notifications for you"
    assert "Changes were requested to a report: First report" in mine.body
    assert "“Add the 2019 figures.”" in mine.body
    assert "Second report" in mine.body
    assert f"{settings.SITE_URL}/regions/lombardy/" in mine.body
    for left_out in ("Already read", "Emailed at once", "Portal only", "Carlo"):
        assert left_out not in mine.body
    assert len(mailoutbox) == 2


def test_a_second_run_sends_nothing_already_sent_and_then_only_what_is_new(
    owner, mailoutbox, django_capture_on_commit_callbacks
):
    note(owner, target_repr="Old news")
    run(django_capture_on_commit_callbacks)

    assert run(django_capture_on_commit_callbacks) == "0 digest(s) queued for the worker\n"
    assert len(mailoutbox) == 1

    note(owner, target_repr="Fresh news")
    run(django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 2
    assert "Fresh news" in mailoutbox[1].body
    assert "Old news" not in mailoutbox[1].body
    assert mailoutbox[1].subject == "[INTER VENTURES] 1 notification for you"


def test_with_nothing_to_tell_nobody_gets_an_email(
    owner, mailoutbox, django_capture_on_commit_callbacks
):
    note(owner, channel="email")

    run(django_capture_on_commit_callbacks)

    assert mailoutbox == []


def test_the_digest_is_in_the_recipients_language(
    owner, mailoutbox, django_capture_on_commit_callbacks
):
    owner.language = "it"
    owner.save()
    note(owner)

    run(django_capture_on_commit_callbacks)

    [message] = mailoutbox
    assert f"{settings.SITE_URL}/it/regions/lombardy/" in message.body
    assert f"{settings.SITE_URL}/it/notifications/settings/" in message.body


def test_people_who_left_get_no_digest(owner, mailoutbox, django_capture_on_commit_callbacks):
    note(owner)
    owner.is_active = False
    owner.save()

    run(django_capture_on_commit_callbacks)

    assert mailoutbox == []


@pytest.mark.django_db(transaction=True)
def test_the_digest_goes_through_the_worker(settings, owner, run_worker, mailoutbox):
    settings.EMAIL_TASK_BACKEND = "default"
    note(owner)

    call_command("send_notification_digests", stdout=StringIO())
    assert mailoutbox == []
    run_worker()

    assert [message.to for message in mailoutbox] == [[owner.email]]
