"""The publication workflow of a good practice, declared for the shared workflow:
draft → submitted → published, or returned (with a reason) → submitted again."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy

from interventures.mail import send_in_each_language
from workflow.machine import Transition, Workflow

from . import access
from .models import GoodPractice, PracticeStatus
from .selectors import owner_editors


def stamp_publication(practice: GoodPractice) -> list[str]:
    practice.published_at = timezone.now()
    return ["published_at"]


def notify(practice: GoodPractice, action: str, actor, reason: str) -> None:
    """A submitted practice goes to the coordinators; a decision to the owner's editors."""
    if action == "submit":
        users = get_user_model().objects.filter(is_coordinator=True, is_active=True)
        recipients = [u for u in users if u.pk != getattr(actor, "pk", None)]
    else:
        recipients = owner_editors(practice, exclude_user=actor)
    context = {
        "practice": practice,
        "action": action,
        "actor": actor,
        "reason": reason,
        "site_url": settings.SITE_URL,
    }

    def build(addresses):
        return EmailMessage(
            subject=render_to_string("practices/email/transition_subject.txt", context).strip(),
            body=render_to_string("practices/email/transition.txt", context),
            bcc=addresses,
        )

    send_in_each_language(recipients, build)


SUBMITTED = frozenset({PracticeStatus.SUBMITTED})

PRACTICE_WORKFLOW = Workflow(
    model=GoodPractice,
    transitions={
        "submit": Transition(
            sources=frozenset(access.EDITABLE),
            target=PracticeStatus.SUBMITTED,
            verb="practice.submitted",
            may=access.is_region_editor,
            done=gettext_lazy(
                "The practice was submitted for publication; the coordinators have been told."
            ),
        ),
        "publish": Transition(
            sources=SUBMITTED,
            target=PracticeStatus.PUBLISHED,
            verb="practice.published",
            may=access.is_reviewer,
            effect=stamp_publication,
            done=gettext_lazy("The practice is published and now public."),
        ),
        "return": Transition(
            sources=SUBMITTED,
            target=PracticeStatus.RETURNED,
            verb="practice.returned",
            may=access.is_reviewer,
            reason_required=True,
            done=gettext_lazy(
                "The practice was returned for changes; the owner's editors have been told."
            ),
        ),
    },
    stale=gettext_lazy("The practice is %(status)s now; reload the page to see its current state."),
    reason_missing=gettext_lazy("Please give a reason: the region's editors will read it."),
    reason_label=gettext_lazy("Reason for returning it"),
    reason_help=gettext_lazy("The owner organisation's editors receive it by email."),
    notify=notify,
    locked_with=("region",),
)
