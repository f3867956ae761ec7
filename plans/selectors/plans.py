"""Reads of action plans: lists, a plan with its actions and links, what a plan lacks, the
choices an action may link to, a writer's private drafts, and a plan's versions."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from interventures.richtext import plain_text
from partners.access import roles_of
from partners.selectors import people_with_organisations
from practices import access as practices_access
from practices.models import GoodPractice, PracticeStatus, Transfer
from reports import access as reports_access
from reports.diff import Chunk, word_diff
from reports.models import ReportSection, SituationAnalysisReport
from reports.selectors import region_editors

from .. import access
from ..models import EDITABLE_STATUSES, Action, ActionPlan, PlanDraft

__all__ = [
    "action_for",
    "linkable_practices",
    "linkable_sections",
    "linkable_transfers",
    "missing_in_plan",
    "personal_data_of",
    "plan_detail",
    "plan_draft_of",
    "plan_for",
    "plan_history_for",
    "plan_history_of",
    "plan_list",
    "region_editors",
]


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


def plan_list(user) -> QuerySet[ActionPlan]:
    """The plans `user` may see, with their number of actions and last change: one query."""
    return (
        access.filter_visible(ActionPlan.objects.all(), user)
        .select_related("region", "instrument")
        .annotate(action_count=Count("actions"))
        .order_by("region__name", "title")
    )


def plan_for(user, pk: int) -> ActionPlan:
    """The plan if the user may see it; 404 otherwise, whether it exists or not."""
    return get_object_or_404(
        access.filter_visible(ActionPlan.objects.all(), user).select_related(
            "region", "instrument", "organisation"
        ),
        pk=pk,
    )


def plan_history_for(user, pk: int) -> ActionPlan:
    """The plan if the user may read its history; 404 otherwise (an approved plan is public,
    its history is not)."""
    plan = plan_for(user, pk)
    if not access.can_read_history(user, plan):
        raise Http404
    return plan


def plan_detail(user, pk: int) -> ActionPlan:
    """The plan with its actions and, for each, the records it draws on that `user` may see
    (an approved plan is public; the report or practice it links to may not be): a fixed
    number of queries however many actions and links."""
    sections = ReportSection.objects.filter(
        report__in=reports_access.filter_visible(SituationAnalysisReport.objects.all(), user)
    ).select_related("report")
    visible_practices = practices_access.filter_visible(GoodPractice.objects.all(), user)
    practices = visible_practices.select_related("region")
    transfers = Transfer.objects.filter(practice__in=visible_practices).select_related(
        "practice", "region"
    )
    actions = Action.objects.order_by("position", "pk").prefetch_related(
        Prefetch("report_sections", queryset=sections.order_by("report__title", "position")),
        Prefetch("practices", queryset=practices.order_by("title")),
        Prefetch("transfers", queryset=transfers.order_by("practice__title")),
    )
    return get_object_or_404(
        access.filter_visible(ActionPlan.objects.all(), user)
        .select_related("region", "instrument", "organisation", "last_edited_by")
        .prefetch_related(
            Prefetch("actions", queryset=actions), people_with_organisations("last_edited_by")
        ),
        pk=pk,
    )


def action_for(plan: ActionPlan, action_pk: int) -> Action:
    return get_object_or_404(Action.objects.select_related("plan"), plan=plan, pk=action_pk)


# --- what an action may link to ---------------------------------------------------------------


def linkable_sections(plan: ActionPlan) -> QuerySet[ReportSection]:
    """The written sections of the plan's region's reports."""
    return (
        ReportSection.objects.filter(report__region_id=plan.region_id)
        .exclude(body="")
        .select_related("report")
        .order_by("report__title", "report_id", "position")
    )


def linkable_practices() -> QuerySet[GoodPractice]:
    """Published good practices of every region."""
    return GoodPractice.objects.published().select_related("region").order_by("title", "pk")


def linkable_transfers(plan: ActionPlan) -> QuerySet[Transfer]:
    """Transfers of published practices in which the plan's region is the learning one."""
    return (
        Transfer.objects.filter(region_id=plan.region_id, practice__status=PracticeStatus.PUBLISHED)
        .select_related("practice", "region")
        .order_by("practice__title", "pk")
    )


# --- private drafts ---------------------------------------------------------------------------


def plan_draft_of(user, plan: ActionPlan, action: Action | None = None) -> PlanDraft | None:
    """`user`'s own draft of the plan's form (`action` None) or of `action`'s; nobody else's."""
    return PlanDraft.objects.filter(author=user, plan=plan, action=action).first()


def drafts_of(user) -> QuerySet[PlanDraft]:
    """The user's unsaved autosaves of plans they may still write, newest first."""
    return PlanDraft.objects.filter(
        author=user,
        plan__region_id__in=roles_of(user).editor_region_ids,
        plan__status__in=EDITABLE_STATUSES,
    ).select_related("plan", "action")


def personal_data_of(user) -> dict:
    """What the plans app holds about `user`, for the export of their data: their private
    drafts, with the fields as they typed them (their own words). Saved versions are the
    partnership's plan, like a report's."""
    return {
        "action_plan_drafts": [
            {
                "plan": draft.plan.title,
                "action": draft.action.title if draft.action else "",
                "based_on_version": draft.base_version,
                "saved": draft.saved_at.isoformat(),
                "fields": draft.data,
            }
            for draft in PlanDraft.objects.filter(author=user)
            .select_related("plan", "action")
            .order_by("saved_at", "pk")
        ]
    }


# --- history ----------------------------------------------------------------------------------

HistoricalActionPlan = ActionPlan.history.model
HistoricalAction = Action.history.model


@dataclass(frozen=True)
class FieldChange:
    label: str
    diff: list[Chunk]


@dataclass(frozen=True)
class Version:
    """One saved version (simple-history's record, a class made at run time) with the words
    changed in its rich-text fields since the version before it."""

    record: Any
    changes: list[FieldChange]
    removed: bool = False

    @property
    def is_first(self) -> bool:
        return self.record.history_type == "+"


@dataclass(frozen=True)
class ActionHistory:
    title: str
    anchor: str
    removed: bool
    versions: list[Version]  # newest first


@dataclass(frozen=True)
class PlanHistory:
    versions: list[Version]  # newest first
    actions: list[ActionHistory]


PLAN_TEXTS = ("policy_context", "english_summary")
ACTION_TEXTS = ("background", "description")


def _changes(record, previous, fields, model) -> list[FieldChange]:
    changes = []
    for name in fields:
        old = getattr(previous, name) if previous is not None else ""
        new = getattr(record, name)
        if old != new:
            label = str(model._meta.get_field(name).verbose_name)
            changes.append(FieldChange(label=label.capitalize(), diff=word_diff(old, new)))
    return changes


def _versions(records: list, fields, model) -> list[Version]:
    """`records` of one object, oldest first → its versions, newest first. A save that changed
    no version (a review step saves the status, which has no history of its own) is left out."""
    versions = []
    previous = None
    for record in records:
        if record.history_type == "-":
            versions.append(Version(record=record, changes=[], removed=True))
            continue
        if previous is not None and record.version == previous.version:
            continue
        versions.append(Version(record=record, changes=_changes(record, previous, fields, model)))
        previous = record
    versions.reverse()
    return versions


def plan_history_of(plan: ActionPlan) -> PlanHistory:
    """The plan's versions and each of its actions' (removed ones included), newest first: a
    fixed number of queries however many versions."""
    plan_records = list(
        plan.history.select_related("history_user")
        .prefetch_related(people_with_organisations("history_user"))
        .order_by("history_date", "history_id")
    )
    action_records: dict[int, list] = {}
    for record in (
        HistoricalAction.objects.filter(plan_id=plan.pk)
        .select_related("history_user")
        .prefetch_related(people_with_organisations("history_user"))
        .order_by("history_date", "history_id")
    ):
        action_records.setdefault(record.id, []).append(record)
    actions = []
    for action_id, records in action_records.items():
        versions = _versions(records, ACTION_TEXTS, Action)
        actions.append(
            ActionHistory(
                title=records[-1].title,
                anchor=f"action-history-{action_id}",
                removed=records[-1].history_type == "-",
                versions=versions,
            )
        )
    # The newest change first, as the versions inside each.
    actions.sort(key=lambda entry: entry.versions[0].record.history_date, reverse=True)
    return PlanHistory(versions=_versions(plan_records, PLAN_TEXTS, ActionPlan), actions=actions)
