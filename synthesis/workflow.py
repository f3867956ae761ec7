"""The review workflow of the Interregional synthesis, declared for the shared workflow:
draft → in review → changes requested → in review → approved; coordinators write and submit,
another coordinator reviews (`access.is_second_coordinator`), any coordinator may reopen."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from interventures.workflow.emails import coordinators, notify_step
from interventures.workflow.machine import Transition, Workflow

from . import access
from .models import EDITABLE_STATUSES, Synthesis, SynthesisStatus
from .selectors import missing_sections, unapproved_sources


def every_section_written(synthesis: Synthesis) -> None:
    if missing := missing_sections(synthesis):
        raise ValidationError(
            _("These sections are still empty: %(sections)s.") % {"sections": ", ".join(missing)}
        )


def cites_approved_reports_only(synthesis: Synthesis) -> None:
    if titles := unapproved_sources(synthesis):
        raise ValidationError(
            _(
                "The synthesis cites reports that are not approved yet: %(reports)s. A public "
                "synthesis cites public texts: wait for their approval or remove the citations."
            )
            % {"reports": ", ".join(titles)}
        )


def notify(synthesis: Synthesis, action: str, actor, reason: str) -> None:
    """The coordinators write and review it: every step is told to them."""
    notify_step(
        coordinators(),
        workflow=SYNTHESIS_WORKFLOW,
        obj=synthesis,
        action=action,
        actor=actor,
        reason=reason,
        templates="synthesis/email/transition",
        context={"synthesis": synthesis, "action": action, "reason": reason},
    )


SYNTHESIS_WORKFLOW = Workflow(
    model=Synthesis,
    transitions={
        "submit": Transition(
            sources=EDITABLE_STATUSES,
            target=SynthesisStatus.IN_REVIEW,
            verb="synthesis.submitted",
            may=access.is_coordinator,
            check=every_section_written,
            done=gettext_lazy(
                "The synthesis was submitted for review; another coordinator approves it."
            ),
        ),
        "request_changes": Transition(
            sources=frozenset({SynthesisStatus.IN_REVIEW}),
            target=SynthesisStatus.CHANGES_REQUESTED,
            verb="synthesis.changes_requested",
            may=access.is_second_coordinator,
            reason_required=True,
            form_prefix="changes",
            done=gettext_lazy("Changes were requested; the coordinators have been told."),
        ),
        "approve": Transition(
            sources=frozenset({SynthesisStatus.IN_REVIEW}),
            target=SynthesisStatus.APPROVED,
            verb="synthesis.approved",
            may=access.is_second_coordinator,
            check=cites_approved_reports_only,
            done=gettext_lazy("The synthesis is approved and now public."),
            label=gettext_lazy("Approve the synthesis"),
            confirm=gettext_lazy(
                "The synthesis becomes public: anyone can read it on the portal and download "
                "it as a PDF, and its text can no longer be changed unless a coordinator "
                "reopens it. The coordinators are notified (by email, unless they chose "
                "otherwise)."
            ),
        ),
        "reopen": Transition(
            sources=frozenset({SynthesisStatus.APPROVED}),
            target=SynthesisStatus.CHANGES_REQUESTED,
            verb="synthesis.reopened",
            may=access.is_coordinator,
            reason_required=True,
            form_prefix="reopen",
            done=gettext_lazy("The synthesis was reopened for changes."),
            label=gettext_lazy("Reopen for changes"),
            confirm=gettext_lazy(
                "The synthesis is no longer public until it is approved again. Its state "
                "becomes “changes requested”, so the coordinators can change it and submit it "
                "again. They are notified with your reason (by email, unless they chose "
                "otherwise)."
            ),
        ),
    },
    stale=gettext_lazy(
        "The synthesis is %(status)s now; reload the page to see its current state."
    ),
    reason_missing=gettext_lazy("Please give a reason: the coordinators will read it."),
    reason_label=gettext_lazy("Reason"),
    reason_help=gettext_lazy("The coordinators receive it by email."),
    notify=notify,
)
