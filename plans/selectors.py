"""Reads of the plans app: plans and monitoring with a fixed number of queries."""

from django.utils.translation import gettext as _

from interventures.richtext import plain_text
from reports.selectors import region_editors

from .models import ActionPlan, MonitoringReport

__all__ = ["missing_in_monitoring", "missing_in_plan", "region_editors"]


def _blank(html: str) -> bool:
    return not plain_text(html)


def missing_in_plan(plan: ActionPlan) -> list[str]:
    """What the plan still lacks before it can be submitted, in words."""
    missing = []
    if _blank(plan.policy_context):
        missing.append(_("the policy context"))
    if plan.needs_english_summary and _blank(plan.english_summary):
        missing.append(_("a summary in English (the plan is written in another language)"))
    actions = list(plan.actions.all())
    if not actions:
        missing.append(_("at least one action"))
    missing.extend(
        _("what the action “%(title)s” is") % {"title": action.title}
        for action in actions
        if _blank(action.description)
    )
    return missing


def missing_in_monitoring(report: MonitoringReport) -> list[str]:
    """The plan's actions whose progress in the period is not recorded yet."""
    recorded = set(report.progress.values_list("action_id", flat=True))
    return [
        _("the progress of “%(title)s”") % {"title": action.title}
        for action in report.plan.actions.all()
        if action.pk not in recorded
    ]
