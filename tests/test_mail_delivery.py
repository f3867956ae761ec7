"""Emails go through the real background worker (django-tasks-db's `db_worker`), which tries
again later when the mail server cannot be reached, so a saved change never waits for the mail
server nor fails because of it."""

import logging

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from interventures.mail import send_after_commit

pytestmark = pytest.mark.django_db(transaction=True)

# Port 9 (discard) is closed here: connecting is refused at once, as with a mail server that
# is down.
UNREACHABLE_SMTP = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
    }
}
LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


@pytest.fixture(autouse=True)
def through_the_worker(settings):
    settings.EMAIL_TASK_BACKEND = "default"
    settings.EMAIL_DELIVERY_ATTEMPTS = 3


def notice(subject="Report approved"):
    return EmailMessage(subject=subject, body="The report was approved.", bcc=["a@example.org"])


def queued():
    return DBTaskResult.objects.order_by("enqueued_at")


def make_due(task):
    """The retry's time has come (instead of sleeping until then)."""
    DBTaskResult.objects.filter(pk=task.pk).update(run_after=timezone.now())


def test_a_message_waits_for_the_worker_and_is_sent_by_it(run_worker):
    send_after_commit(notice())

    assert mail.outbox == []
    assert queued().count() == 1
    run_worker()

    [message] = mail.outbox
    assert message.subject == "Report approved"
    assert message.bcc == ["a@example.org"]


def test_nothing_is_queued_when_the_change_is_rolled_back():
    with transaction.atomic():
        send_after_commit(notice())
        transaction.set_rollback(True)

    assert not queued().exists()


def test_a_mail_server_that_is_down_gets_the_message_later(run_worker, settings):
    settings.MAILERS = UNREACHABLE_SMTP
    send_after_commit(notice())

    run_worker()

    first, retry = queued()
    assert first.status == "SUCCESSFUL"
    assert retry.status == "READY"
    assert retry.args_kwargs["args"] == [first.args_kwargs["args"][0], 2]
    assert retry.queue_name == "email"
    assert retry.run_after > timezone.now()

    settings.MAILERS = LOCMEM
    make_due(retry)
    run_worker()
    assert [message.subject for message in mail.outbox] == ["Report approved"]


def test_the_last_failed_attempt_is_logged_as_an_error(run_worker, settings, caplog):
    settings.MAILERS = UNREACHABLE_SMTP
    send_after_commit(notice())
    for _attempt in range(3):
        run_worker()
        for task in queued().filter(status="READY"):
            make_due(task)

    assert queued().count() == 3
    assert queued().last().status == "FAILED"
    [error] = [
        record
        for record in caplog.records
        if record.levelno == logging.ERROR
        and "not delivered after 3 attempts" in record.getMessage()
    ]
    assert "Report approved" in error.getMessage()


def test_a_subject_with_a_line_break_is_sent_on_one_line(run_worker):
    send_after_commit(notice(subject="A\r\nBcc: x@example.org"))

    run_worker()

    [message] = mail.outbox
    assert message.subject == "A Bcc: x@example.org"
    assert message.bcc == ["a@example.org"]
