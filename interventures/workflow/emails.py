"""Telling people of a workflow step by email."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import QuerySet
from django.template.loader import render_to_string

from interventures.mail import render_subject, send_in_each_language


def coordinators() -> QuerySet:
    """Everyone who reviews: the active coordinators."""
    return get_user_model().objects.filter(is_coordinator=True, is_active=True)


def email_step(recipients: Iterable, *, actor, templates: str, context: dict) -> None:
    """Email `recipients` (never the person who took the step), each in their own language and
    after the step is committed. `templates` names `<templates>_subject.txt` and `<templates>.txt`,
    rendered with `context`, the actor and the portal's address."""
    context = {**context, "actor": actor, "site_url": settings.SITE_URL}

    def build(addresses):
        return EmailMessage(
            subject=render_subject(f"{templates}_subject.txt", context),
            body=render_to_string(f"{templates}.txt", context),
            bcc=addresses,
        )

    send_in_each_language(
        [user for user in recipients if user.pk != getattr(actor, "pk", None)], build
    )
