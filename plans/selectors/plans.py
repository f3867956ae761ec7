"""Reads of action plans: lists, a plan with its actions and links, what a plan lacks."""

from django.utils.translation import gettext as _

from interventures.richtext import plain_text
from reports.selectors import region_editors

from ..models import ActionPlan

__all__ = ["missing_in_plan", "region_editors"]


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
