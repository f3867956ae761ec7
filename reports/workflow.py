"""The review workflow of a Situation Analysis Report, declared for the shared workflow:
draft → in review → changes requested → in review → approved; a coordinator may reopen an
approved report, with a reason."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from interventures.workflow.emails import coordinators, notify_step
from interventures.workflow.machine import Transition, Workflow
from partners.models import Membership

from . import access
from .models import EDITABLE_STATUSES, ReportStatus, SituationAnalysisReport
from .selectors import missing_required_sections


def every_required_section_written(report: SituationAnalysisReport) -> None:
    if missing := missing_required_sections(report):
        raise ValidationError(
            _("These required sections are still empty: %(sections)s.")
            % {"sections": ", ".join(missing)}
        )


def notify(report: SituationAnalysisReport, action: str, actor, reason: str) -> None:
    """A submitted report goes to the coordinators; every other step to the region's editors."""
    if action == "submit":
        recipients = coordinators()
    else:
        recipients = get_user_model().objects.filter(
            is_active=True,
            memberships__role=Membership.Role.EDITOR,
            memberships__organisation__region=report.region_id,
        )
    notify_step(
        recipients,
        workflow=REPORT_WORKFLOW,
        obj=report,
        action=action,
        actor=actor,
        reason=reason,
        templates="reports/email/transition",
        context={"report": report, "action": action, "reason": reason},
    )


IN_REVIEW = frozenset({ReportStatus.IN_REVIEW})

REPORT_WORKFLOW = Workflow(
    model=SituationAnalysisReport,
    transitions={
        "submit": Transition(
            sources=EDITABLE_STATUSES,
            target=ReportStatus.IN_REVIEW,
            verb="report.submitted",
            may=access.is_region_editor,
            check=every_required_section_written,
            done=gettext_lazy(
                "The report was submitted for review; the coordinators have been told."
            ),
        ),
        "request_changes": Transition(
            sources=IN_REVIEW,
            target=ReportStatus.CHANGES_REQUESTED,
            verb="report.changes_requested",
            may=access.is_reviewer,
            reason_required=True,
            form_prefix="changes",
            done=gettext_lazy("Changes were requested; the region's editors have been told."),
        ),
        "approve": Transition(
            sources=IN_REVIEW,
            target=ReportStatus.APPROVED,
            verb="report.approved",
            may=access.is_reviewer,
            done=gettext_lazy("The report is approved and now public."),
            label=gettext_lazy("Approve the report"),
            confirm=gettext_lazy(
                "The report becomes public: anyone can read it on the portal and download it as "
                "a PDF, and its text can no longer be changed unless a coordinator reopens it. "
                "The region's editors are notified (by email, unless they chose otherwise)."
            ),
        ),
        "reopen": Transition(
            sources=frozenset({ReportStatus.APPROVED}),
            target=ReportStatus.CHANGES_REQUESTED,
            verb="report.reopened",
            may=access.is_reviewer,
            reason_required=True,
            form_prefix="reopen",
            done=gettext_lazy("The report was reopened for changes."),
            label=gettext_lazy("Reopen for changes"),
            confirm=gettext_lazy(
                "The report is no longer public: visitors cannot read it until it is approved "
                "again. Its state becomes “changes requested”, so the region's editors can "
                "change it and submit it again. They are notified with your reason (by email, "
                "unless they chose otherwise)."
            ),
        ),
    },
    stale=gettext_lazy("The report is %(status)s now; reload the page to see its current state."),
    reason_missing=gettext_lazy("Please give a reason: the partners will read it."),
    reason_label=gettext_lazy("Reason"),
    reason_help=gettext_lazy("The region's editors receive it by email."),
    notify=notify,
)
