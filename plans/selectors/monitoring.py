"""Reads of phase 2 monitoring: periods, a plan's timeline and totals, a report with its
progress and files, what a report lacks. Each with a fixed number of queries."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .. import access
from ..models import (
    Action,
    ActionPlan,
    ActionProgress,
    ActionStatus,
    EvidenceFile,
    ImprovementType,
    MonitoringPeriod,
    MonitoringReport,
    PlanStatus,
)

# A symbol per status, so the timeline never tells a status by its colour alone.
STATUS_SYMBOLS: dict[str, str] = {
    ActionStatus.NOT_STARTED: "○",
    ActionStatus.IN_PROGRESS: "→",
    ActionStatus.IMPLEMENTED: "✓",
    ActionStatus.PARTLY: "◐",
    ActionStatus.NOT_IMPLEMENTED: "✕",
}
NOT_RECORDED_SYMBOL = "–"


def missing_in_monitoring(report: MonitoringReport) -> list[str]:
    """The plan's actions whose progress in the period is not recorded yet."""
    recorded = set(report.progress.values_list("action_id", flat=True))
    return [
        _("the progress of “%(title)s”") % {"title": action.title}
        for action in report.plan.actions.all()
        if action.pk not in recorded
    ]


def plan_for(user, pk: int) -> ActionPlan:
    """A plan `user` may see, or 404."""
    plans = ActionPlan.objects.select_related("region", "instrument")
    return get_object_or_404(access.filter_visible(plans, user), pk=pk)


def report_for(user, pk: int, period: int) -> MonitoringReport:
    """The plan's monitoring report for `period`, if `user` may see it (and its plan); else 404."""
    reports = MonitoringReport.objects.select_related("plan__region", "plan__instrument", "period")
    return get_object_or_404(
        access.filter_visible_monitoring(reports, user), plan_id=pk, period_id=period
    )


def evidence_for(user, file_pk: int) -> EvidenceFile:
    """An evidence file whose monitoring report `user` may see, or 404."""
    visible = access.filter_visible_monitoring(MonitoringReport.objects.all(), user)
    files = EvidenceFile.objects.select_related("progress__report__plan", "progress__action")
    return get_object_or_404(files, pk=file_pk, progress__report__in=visible)


@dataclass
class ProgressRow:
    action: Action
    progress: ActionProgress | None


def report_rows(report: MonitoringReport) -> list[ProgressRow]:
    """Each of the plan's actions with its progress in the period (files included): 2 queries."""
    progress = {
        row.action_id: row
        for row in report.progress.prefetch_related(
            Prefetch("files", queryset=EvidenceFile.objects.order_by("uploaded_at", "pk"))
        )
    }
    return [ProgressRow(action, progress.get(action.pk)) for action in report.plan.actions.all()]


def progress_of(report: MonitoringReport, action_pk: int) -> tuple[Action, ActionProgress | None]:
    """One action of the report's plan (404 if it is not one) and its progress, if recorded."""
    action = get_object_or_404(Action, plan_id=report.plan_id, pk=action_pk)
    progress = (
        ActionProgress.objects.filter(report=report, action=action)
        .prefetch_related("files")
        .first()
    )
    return action, progress


@dataclass(frozen=True)
class Cell:
    """An action's status in one period, as the reader may see it."""

    report: MonitoringReport | None
    progress: ActionProgress | None

    @property
    def status(self) -> str:
        return self.progress.status if self.progress else ""

    @property
    def label(self) -> str:
        if self.progress:
            return self.progress.get_status_display()
        return _("Not recorded") if self.report else _("No report")

    @property
    def symbol(self) -> str:
        return STATUS_SYMBOLS.get(self.status, NOT_RECORDED_SYMBOL)

    @property
    def unreviewed(self) -> bool:
        """The period's report is not approved yet: its figures may still change."""
        return self.report is not None and self.report.status != PlanStatus.APPROVED


@dataclass
class Column:
    period: MonitoringPeriod
    report: MonitoringReport | None
    can_start: bool = False


@dataclass
class Row:
    action: Action
    cells: list[Cell]


@dataclass
class Totals:
    """A plan's results in its latest visible monitoring report."""

    report: MonitoringReport | None = None
    actions: int = 0
    implemented: int = 0
    funds: list[tuple[str, Decimal]] = field(default_factory=list)  # (currency, sum)
    improvements: list[str] = field(default_factory=list)  # labels, in the choices' order

    @property
    def unreviewed(self) -> bool:
        return self.report is not None and self.report.status != PlanStatus.APPROVED


@dataclass
class Timeline:
    plan: ActionPlan
    columns: list[Column]
    rows: list[Row]
    totals: Totals


def totals_of(
    report: MonitoringReport | None, progress: Iterable[ActionProgress], actions: int
) -> Totals:
    """The totals of one report's progress rows (each with its `action` loaded): how many of
    the plan's `actions` are implemented, the funds mobilised per currency, the improvement
    types reached."""
    progress = list(progress)
    funds: dict[str, Decimal] = defaultdict(Decimal)
    for row in progress:
        if row.funds_mobilised is not None:
            funds[row.action.currency] += row.funds_mobilised
    reached = {row.improvement_reached for row in progress if row.improvement_reached}
    return Totals(
        report=report,
        actions=actions,
        implemented=sum(row.status == ActionStatus.IMPLEMENTED for row in progress),
        funds=sorted(funds.items()),
        improvements=[str(label) for value, label in ImprovementType.choices if value in reached],
    )


@dataclass
class LatestReport:
    report: MonitoringReport
    progress: list[ActionProgress]


def latest_progress(plan_ids: Iterable[int], *, visible_to) -> dict[int, LatestReport]:
    """Per plan, its latest monitoring report that `visible_to` may see (approved ones only for
    visitors), with its progress rows and their actions: 2 queries whatever the plans' number.
    Plans without a visible report are left out."""
    reports = access.filter_visible_monitoring(
        MonitoringReport.objects.filter(plan_id__in=list(plan_ids)).select_related("period"),
        visible_to,
    ).order_by("plan_id", "-period__starts_on")
    latest: dict[int, LatestReport] = {}
    for report in reports:
        latest.setdefault(report.plan_id, LatestReport(report, []))
    by_report = {entry.report.pk: entry for entry in latest.values()}
    if by_report:
        rows = ActionProgress.objects.filter(report_id__in=by_report).select_related("action")
        for row in rows:
            by_report[row.report_id].progress.append(row)
    return latest


def timeline(plan: ActionPlan, user) -> Timeline:
    """The plan's actions (rows) by period (columns), each cell the action's status in the
    period's report that `user` may see, and the totals of the latest one: 4 queries."""
    periods = list(MonitoringPeriod.objects.all())
    reports = {
        report.period_id: report
        for report in access.filter_visible_monitoring(plan.monitoring_reports.all(), user)
    }
    actions = list(plan.actions.all())
    by_action = {action.pk: action for action in actions}
    progress: dict[tuple[int, int], ActionProgress] = {}
    if reports:
        for row in ActionProgress.objects.filter(report__in=list(reports.values())):
            row.action = by_action[row.action_id]
            progress[(row.report_id, row.action_id)] = row
    may_start = access.can_monitor(user, plan)
    columns = [
        Column(period, reports.get(period.pk), may_start and period.pk not in reports)
        for period in periods
    ]
    rows = [
        Row(
            action,
            [
                Cell(column.report, progress.get((column.report.pk, action.pk)))
                if column.report
                else Cell(None, None)
                for column in columns
            ],
        )
        for action in actions
    ]
    latest = next((column.report for column in reversed(columns) if column.report), None)
    totals = totals_of(
        latest,
        [
            row
            for (report_id, _action), row in progress.items()
            if latest and report_id == latest.pk
        ],
        len(actions),
    )
    return Timeline(plan=plan, columns=columns, rows=rows, totals=totals)


def plan_periods(plan: ActionPlan, user) -> list[Column]:
    """The periods with the plan's report in each that `user` may see, and whether `user` may
    start one: for the plan's page. 2 queries."""
    reports = {
        report.period_id: report
        for report in access.filter_visible_monitoring(plan.monitoring_reports.all(), user)
    }
    may_start = access.can_monitor(user, plan)
    return [
        Column(period, reports.get(period.pk), may_start and period.pk not in reports)
        for period in MonitoringPeriod.objects.all()
    ]


def periods_with_counts() -> list[MonitoringPeriod]:
    """Every period, each with `report_count`: 1 query."""
    return list(MonitoringPeriod.objects.annotate(report_count=Count("reports")))
