"""The publication workflow of a good practice, declared for the shared workflow:
draft → submitted → published, or returned (with a reason) → submitted again."""

from django.utils import timezone
from django.utils.translation import gettext_lazy

from interventures.workflow.emails import coordinators, notify_step
from interventures.workflow.machine import Transition, Workflow

from . import access
from .models import GoodPractice, PracticeStatus
from .selectors import owner_editors


def stamp_publication(practice: GoodPractice) -> list[str]:
    practice.published_at = timezone.now()
    return ["published_at"]


def notify(practice: GoodPractice, action: str, actor, reason: str) -> None:
    """A submitted practice goes to the coordinators; a decision to the owner's editors."""
    notify_step(
        coordinators() if action == "submit" else owner_editors(practice),
        workflow=PRACTICE_WORKFLOW,
        obj=practice,
        action=action,
        actor=actor,
        reason=reason,
        templates="practices/email/transition",
        context={"practice": practice, "action": action, "reason": reason},
    )


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
            label=gettext_lazy("Publish the practice"),
            confirm=gettext_lazy(
                "The practice becomes public: anyone can find it on the portal and in the "
                "open-data exports, and its editors can no longer change its record. The owner "
                "organisation's editors are notified (by email, unless they chose otherwise)."
            ),
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
