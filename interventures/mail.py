"""Emails in each recipient's language, delivered by the background worker.

Every message of the portal (allauth's included, through `partners.adapters`) goes through
`send_after_commit`: it is queued once the change that caused it is committed, and the worker
sends it, trying again later when the mail server is unreachable. A slow or failing SMTP server
therefore never turns a saved change into an error, nor makes a page wait for it.
"""

import logging
import smtplib
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation

logger = logging.getLogger(__name__)


def subject_line(text: str) -> str:
    """An email subject as plain text on one line. A title may hold a line break, which Django
    refuses in a header (as a header injection) only when the message is sent, after the
    change that sends it was saved."""
    return " ".join(str(text).split())


def render_subject(template_name: str, context: dict) -> str:
    """A subject template's text: plain, not HTML (subject templates turn autoescape off)."""
    return subject_line(render_to_string(template_name, context))


def send_in_each_language(users: Iterable, build: Callable[[list[str]], EmailMessage]) -> None:
    """Send one message per language among `users` once the transaction commits.

    `build(addresses)` is called with the translation of that language active, so the text,
    the dates and the links it renders (`get_absolute_url` gives /hu/...) are in it. People who
    never chose a language get the portal's default.
    """
    addresses_by_language = defaultdict(set)
    for user in users:
        if user.email:
            addresses_by_language[user.language or settings.LANGUAGE_CODE].add(user.email)
    for language, addresses in sorted(addresses_by_language.items()):
        with translation.override(language):
            message = build(sorted(addresses))
        send_after_commit(message)


def send_after_commit(message: EmailMessage) -> None:
    """Queue `message` for the worker once the current transaction commits (at once outside
    one); nothing is queued when the transaction rolls back."""
    fields = message_fields(message)
    transaction.on_commit(lambda: _enqueue(fields, attempt=1))


def _enqueue(fields: dict, *, attempt: int, run_after=None) -> None:
    backend = deliver_email.using(backend=settings.EMAIL_TASK_BACKEND, run_after=run_after)
    backend.enqueue(fields, attempt)


def message_fields(message: EmailMessage) -> dict:
    """A message as JSON-ready fields: what a queued task can carry."""
    return {
        "subject": subject_line(message.subject),
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [alternative.content, alternative.mimetype]
            for alternative in getattr(message, "alternatives", [])
        ],
    }


def message_from_fields(fields: dict) -> EmailMultiAlternatives:
    alternatives = fields.get("alternatives", [])
    return EmailMultiAlternatives(
        subject=fields["subject"],
        body=fields["body"],
        from_email=fields["from_email"],
        to=fields["to"],
        cc=fields["cc"],
        bcc=fields["bcc"],
        reply_to=fields["reply_to"],
        headers=fields["headers"],
        alternatives=[(content, mimetype) for content, mimetype in alternatives],
    )


# Unreachable or refusing servers are worth another try; a malformed message is not.
TRANSIENT_ERRORS = (smtplib.SMTPException, OSError)


@task(queue_name="email")
def deliver_email(fields: dict, attempt: int) -> str:
    """Send one queued message; on a transient failure queue it again, later, until
    `settings.EMAIL_DELIVERY_ATTEMPTS` attempts were made (then the error is logged and
    reaches the administrators)."""
    try:
        message_from_fields(fields).send()
    except TRANSIENT_ERRORS as error:
        if attempt >= settings.EMAIL_DELIVERY_ATTEMPTS:
            logger.error(
                "Email %r to %d recipients not delivered after %d attempts: %s",
                fields["subject"],
                len(fields["to"]) + len(fields["cc"]) + len(fields["bcc"]),
                attempt,
                error,
            )
            raise
        delay = timedelta(seconds=settings.EMAIL_RETRY_SECONDS * 2 ** (attempt - 1))
        logger.warning("Email %r: attempt %d failed (%s)", fields["subject"], attempt, error)
        _enqueue(fields, attempt=attempt + 1, run_after=timezone.now() + delay)
        return "retrying"
    return "sent"
