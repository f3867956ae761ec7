"""Telling people of a workflow step: a notification each, by email as they chose."""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import QuerySet

from interventures.notifications.services import notify

from .machine import Workflow


def coordinators() -> QuerySet:
    """Everyone who reviews: the active coordinators."""
    return get_user_model().objects.filter(is_coordinator=True, is_active=True)


def notify_step(
    recipients: Iterable,
    *,
    workflow: Workflow,
    obj: models.Model,
    action: str,
    actor,
    reason: str,
    templates: str,
    context: dict,
) -> None:
    """Notify `recipients` (never the person who took the step) of `action` on `obj`, the kind
    being the step's verb ("report.submitted"); who gets email has `<templates>_subject.txt` and
    `<templates>.txt`, rendered with `context`, the actor and the portal's address, in their own
    language after the step is committed."""
    notify(
        recipients=recipients,
        kind=workflow.transitions[action].verb,
        target=obj,
        actor=actor,
        url=obj.get_absolute_url(),  # type: ignore[attr-defined]
        data={"reason": reason} if reason else None,
        email_templates=templates,
        email_context=context,
    )
