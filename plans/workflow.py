"""The review workflows of action plans and of their monitoring reports, declared for the
shared workflow like reports': draft → in review → changes requested → in review → approved; a
coordinator may reopen an approved one, with a reason."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from interventures.workflow.emails import coordinators, notify_step
from interventures.workflow.machine import Transition, Workflow

from . import access
from .models import EDITABLE_STATUSES, ActionPlan, MonitoringReport, PlanStatus
from .selectors.monitoring import missing_in_monitoring
from .selectors.plans import missing_in_plan, region_editors

IN_REVIEW = frozenset({PlanStatus.IN_REVIEW})
APPROVED = frozenset({PlanStatus.APPROVED})


def plan_complete(plan: ActionPlan) -> None:
    if missing := missing_in_plan(plan):
        raise ValidationError(
            _("The plan is not complete yet: %(missing)s.") % {"missing": "; ".join(missing)}
        )


def monitoring_complete(report: MonitoringReport) -> None:
    if missing := missing_in_monitoring(report):
        raise ValidationError(
            _("The monitoring report is not complete yet: %(missing)s.")
            % {"missing": "; ".join(missing)}
        )


def _notify(workflow, obj, plan: ActionPlan, action: str, actor, reason: str, templates: str):
    """A submitted plan or report goes to the coordinators; every other step to the region's
    editors."""
    notify_step(
        coordinators() if action == "submit" else region_editors(plan.region_id),
        workflow=workflow,
        obj=obj,
        action=action,
        actor=actor,
        reason=reason,
        templates=templates,
        context={"object": obj, "plan": plan, "action": action, "reason": reason},
    )


def notify_plan(plan: ActionPlan, action: str, actor, reason: str) -> None:
    _notify(PLAN_WORKFLOW, plan, plan, action, actor, reason, "plans/email/plan_transition")


def notify_monitoring(report: MonitoringReport, action: str, actor, reason: str) -> None:
    _notify(
        MONITORING_WORKFLOW,
        report,
        report.plan,
        action,
        actor,
        reason,
        "plans/email/monitoring_transition",
    )


PLAN_WORKFLOW = Workflow(
    model=ActionPlan,
    transitions={
        "submit": Transition(
            sources=EDITABLE_STATUSES,
            target=PlanStatus.IN_REVIEW,
            verb="plan.submitted",
            may=access.is_region_editor,
            check=plan_complete,
            done=gettext_lazy(
                "The action plan was submitted for review; the coordinators have been told."
            ),
        ),
        "request_changes": Transition(
            sources=IN_REVIEW,
            target=PlanStatus.CHANGES_REQUESTED,
            verb="plan.changes_requested",
            may=access.is_reviewer,
            reason_required=True,
            form_prefix="changes",
            done=gettext_lazy("Changes were requested; the region's editors have been told."),
        ),
        "approve": Transition(
            sources=IN_REVIEW,
            target=PlanStatus.APPROVED,
            verb="plan.approved",
            may=access.is_reviewer,
            done=gettext_lazy("The action plan is approved and now public."),
            label=gettext_lazy("Approve the action plan"),
            confirm=gettext_lazy(
                "The action plan becomes public: anyone can read it on the portal and download "
                "it as a PDF, and its text can no longer be changed unless a coordinator "
                "reopens it. The region's editors can then record its monitoring. They are "
                "notified (by email, unless they chose otherwise)."
            ),
        ),
        "reopen": Transition(
            sources=APPROVED,
            target=PlanStatus.CHANGES_REQUESTED,
            verb="plan.reopened",
            may=access.is_reviewer,
            reason_required=True,
            form_prefix="reopen",
            done=gettext_lazy("The action plan was reopened for changes."),
            label=gettext_lazy("Reopen for changes"),
            confirm=gettext_lazy(
                "The action plan is no longer public until it is approved again, and its "
                "monitoring cannot be recorded meanwhile. Its state becomes “changes "
                "requested”, so the region's editors can change it and submit it again. They "
                "are notified with your reason (by email, unless they chose otherwise)."
            ),
        ),
    },
    stale=gettext_lazy(
        "The action plan is %(status)s now; reload the page to see its current state."
    ),
    reason_missing=gettext_lazy("Please give a reason: the partners will read it."),
    reason_label=gettext_lazy("Reason"),
    reason_help=gettext_lazy("The region's editors receive it by email."),
    notify=notify_plan,
)

MONITORING_WORKFLOW = Workflow(
    model=MonitoringReport,
    transitions={
        "submit": Transition(
            sources=EDITABLE_STATUSES,
            target=PlanStatus.IN_REVIEW,
            verb="monitoring.submitted",
            may=access.is_plan_editor,
            check=monitoring_complete,
            done=gettext_lazy(
                "The monitoring report was submitted for review; the coordinators have been told."
            ),
        ),
        "request_changes": Transition(
            sources=IN_REVIEW,
            target=PlanStatus.CHANGES_REQUESTED,
            verb="monitoring.changes_requested",
            may=access.is_reviewer,
            reason_required=True,
            form_prefix="changes",
            done=gettext_lazy("Changes were requested; the region's editors have been told."),
        ),
        "approve": Transition(
            sources=IN_REVIEW,
            target=PlanStatus.APPROVED,
            verb="monitoring.approved",
            may=access.is_reviewer,
            done=gettext_lazy("The monitoring report is approved and now public."),
            label=gettext_lazy("Approve the monitoring report"),
            confirm=gettext_lazy(
                "The monitoring report becomes public with its evidence files, and counts in "
                "the plan's results and the partnership's figures. It can no longer be changed "
                "unless a coordinator reopens it. The region's editors are notified (by email, "
                "unless they chose otherwise)."
            ),
        ),
        "reopen": Transition(
            sources=APPROVED,
            target=PlanStatus.CHANGES_REQUESTED,
            verb="monitoring.reopened",
            may=access.is_reviewer,
            reason_required=True,
            form_prefix="reopen",
            done=gettext_lazy("The monitoring report was reopened for changes."),
            label=gettext_lazy("Reopen for changes"),
            confirm=gettext_lazy(
                "The monitoring report is no longer public until it is approved again. Its "
                "state becomes “changes requested”, so the region's editors can change it and "
                "submit it again. They are notified with your reason (by email, unless they "
                "chose otherwise)."
            ),
        ),
    },
    stale=gettext_lazy(
        "The monitoring report is %(status)s now; reload the page to see its current state."
    ),
    reason_missing=gettext_lazy("Please give a reason: the partners will read it."),
    reason_label=gettext_lazy("Reason"),
    reason_help=gettext_lazy("The region's editors receive it by email."),
    notify=notify_monitoring,
    locked_with=("plan",),
)
