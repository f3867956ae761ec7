"""An action plan as PDF, through the reports' pipeline (`reports.pdf`): this module only builds
the HTML (`plan_html`) and names the file; the cache, the background job, the limits, the time
and memory limits and the safe URL fetcher are the reports' own (see `reports/pdf.py`).

The document follows Interreg Europe's action plan structure: a cover, the contents (page
numbers and PDF bookmarks per part and per action), 1 general information, 2 policy context,
3 the actions (each with its background and the portal records it draws on, written as text),
and the summary in English. Parts with nothing written are left out, not filled with "Not
written yet."; a plan not approved carries the DRAFT mark on every page.
"""

import re
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from interventures.activity.selectors import entries_for
from interventures.richtext import plain_text
from practices.models import PracticeStatus, Transfer
from reports.models import ReportSection, ReportStatus
from reports.pdf import check_language, render_document

from .models import Action, ActionPlan, PlanStatus


@dataclass(frozen=True)
class PrintedPart:
    number: int
    anchor: str
    title: str


@dataclass(frozen=True)
class PrintedAction:
    number: int
    anchor: str
    action: Action
    sources: list[str]  # the report sections, practices and transfers it draws on, as text


@dataclass(frozen=True)
class PrintedPlan:
    plan: ActionPlan
    general: PrintedPart
    context: PrintedPart
    actions_part: PrintedPart | None
    summary: PrintedPart | None
    actions: list[PrintedAction]
    is_draft: bool
    status_label: str
    approved_at: datetime | None
    updated_at: datetime

    @property
    def anchor(self) -> str:
        """The id of the plan's title, where the compendium's contents and bookmark point."""
        return f"p{self.plan.pk}"

    @property
    def region_name(self) -> str:
        return self.plan.region.name

    @property
    def parts(self) -> list[PrintedPart]:
        return [
            part
            for part in (self.general, self.context, self.actions_part, self.summary)
            if part is not None
        ]


def _actions(plan: ActionPlan) -> list[Action]:
    return list(
        plan.actions.prefetch_related(
            Prefetch(
                "report_sections",
                queryset=ReportSection.objects.select_related("report").order_by(
                    "report__title", "position"
                ),
            ),
            "practices__region",
            Prefetch(
                "transfers",
                queryset=Transfer.objects.select_related("practice", "region").order_by(
                    "practice__title"
                ),
            ),
        ).order_by("position", "pk")
    )


def _sources(action: Action, plan: ActionPlan) -> list[str]:
    """What the action draws on, as text. An approved (public) plan prints only public records;
    a draft is read by its region's partners and the coordinators, who may see the region's
    drafts too."""
    public_only = plan.status == PlanStatus.APPROVED

    def shown(status, public_status, region_id) -> bool:
        return status == public_status or (not public_only and region_id == plan.region_id)

    sources = [
        _("Situation Analysis Report “%(report)s”, section “%(section)s”")
        % {"report": section.report.title, "section": section.title}
        for section in action.report_sections.all()
        if shown(section.report.status, ReportStatus.APPROVED, section.report.region_id)
    ]
    sources += [
        _("Good practice “%(practice)s” (%(region)s)")
        % {"practice": practice.title, "region": practice.region.name}
        for practice in action.practices.all()
        if shown(practice.status, PracticeStatus.PUBLISHED, practice.region_id)
    ]
    sources += [
        _("Transfer of “%(practice)s” to %(region)s, %(stage)s")
        % {
            "practice": transfer.practice.title,
            "region": transfer.region.name,
            "stage": transfer.get_stage_display().lower(),
        }
        for transfer in action.transfers.all()
        if shown(transfer.practice.status, PracticeStatus.PUBLISHED, transfer.practice.region_id)
    ]
    return sources


def printed_plan(plan: ActionPlan) -> PrintedPlan:
    """The plan with everything the template prints, in the active language."""
    anchor = f"p{plan.pk}"
    actions = _actions(plan)
    approved = (
        entries_for(plan).filter(to_state=PlanStatus.APPROVED).last()
        if plan.status == PlanStatus.APPROVED
        else None
    )
    edits = [action.last_edited_at for action in actions if action.last_edited_at]
    number = 2
    actions_part = summary = None
    if actions:
        number += 1
        actions_part = PrintedPart(number, f"{anchor}-actions", _("Details of the actions"))
    if plan.needs_english_summary and plain_text(plan.english_summary):
        number += 1
        summary = PrintedPart(number, f"{anchor}-summary", _("Summary in English"))
    return PrintedPlan(
        plan=plan,
        general=PrintedPart(1, f"{anchor}-general", _("General information")),
        context=PrintedPart(2, f"{anchor}-context", _("Policy context")),
        actions_part=actions_part,
        summary=summary,
        actions=[
            PrintedAction(position, f"{anchor}-action-{action.pk}", action, _sources(action, plan))
            for position, action in enumerate(actions, start=1)
        ],
        is_draft=plan.status != PlanStatus.APPROVED,
        status_label=str(plan.get_status_display()),
        approved_at=approved.created_at if approved else None,
        updated_at=max([plan.updated_at, *edits]),
    )


def plan_html(plan: ActionPlan, *, language: str) -> str:
    """The HTML that WeasyPrint lays out for one plan, its labels in `language`."""
    check_language(language)
    with translation.override(language):
        printed = printed_plan(plan)
    return render_document("pdf/plan.html", {"part": printed}, language=language)


def plan_filename(plan: ActionPlan) -> str:
    """`interventures-action-plan-<region>-v<version>.pdf`, ASCII only; the version is the
    plan's (each save of its text counts one)."""
    region = re.sub(r"[^a-z0-9-]+", "", slugify(plan.region.slug).lower()) or "region"
    return f"interventures-action-plan-{region}-v{plan.version}.pdf"
