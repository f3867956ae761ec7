"""What the partnership changed, read from the records' own links: a region's chain from its
Situation Analysis to its results (`policy_change`), and the partnership's results in figures
(`partnership_results`). Public reads: approved plans, approved reports, published practices
and approved monitoring only, whoever asks. Each with a fixed number of queries."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Prefetch

from partners.models import Region
from practices.models import GoodPractice, PracticeStatus, Transfer
from reports.models import ReportSection, ReportStatus

from ..models import Action, ActionPlan, ActionProgress, MonitoringReport, PlanStatus
from .monitoring import LatestReport, latest_progress, totals_of


@dataclass
class Finding:
    """A report section that actions draw on, with those actions."""

    section: ReportSection
    actions: list[Action] = field(default_factory=list)


@dataclass
class Studied:
    """A good practice the region studied (its transfer into the region, when recorded) and the
    actions that draw on it."""

    practice: GoodPractice
    transfer: Transfer | None = None
    actions: list[Action] = field(default_factory=list)


@dataclass
class ActionTrace:
    action: Action
    progress: ActionProgress | None  # in the plan's latest approved monitoring report


@dataclass
class PlanTrace:
    plan: ActionPlan
    actions: list[ActionTrace]
    monitoring: MonitoringReport | None  # the latest approved one


@dataclass
class PolicyChange:
    region: Region
    findings: list[Finding]
    studied: list[Studied]
    plans: list[PlanTrace]
    funds: list[tuple[str, Decimal]]  # (currency, sum) over the plans' latest approved reports

    @property
    def actions(self) -> list[ActionTrace]:
        return [trace for plan in self.plans for trace in plan.actions]


def _approved_plans():
    return ActionPlan.objects.filter(status=PlanStatus.APPROVED)


def _latest_approved_monitoring(plan_ids: list[int]) -> dict[int, LatestReport]:
    """Per plan, its latest approved monitoring report with its progress rows: what a visitor
    sees, whoever asks."""
    return latest_progress(plan_ids, visible_to=AnonymousUser())


def _progress_rows(latest: dict[int, LatestReport]) -> list[ActionProgress]:
    return [row for entry in latest.values() for row in entry.progress]


def _draws_on(entry: Studied, action: Action) -> None:
    if action not in entry.actions:
        entry.actions.append(action)


def policy_change(region: Region) -> PolicyChange:
    """The chain of `region`: the report findings its actions draw on → the good practices it
    studied (the transfers into it, and the practices the actions draw on) → the actions of
    its approved plans → each action's latest approved status and results → the funds
    mobilised. 8 queries, whatever the number of plans, actions, links and practices."""
    sections = ReportSection.objects.filter(report__status=ReportStatus.APPROVED).select_related(
        "report"
    )
    practices = GoodPractice.objects.published().select_related("region").defer("search_vector")
    transfers = Transfer.objects.filter(practice__status=PracticeStatus.PUBLISHED).select_related(
        "practice__region", "region"
    )
    actions = Action.objects.order_by("position", "pk").prefetch_related(
        Prefetch("report_sections", queryset=sections.order_by("report__title", "position")),
        Prefetch("practices", queryset=practices.order_by("title")),
        Prefetch("transfers", queryset=transfers),
    )
    plans = list(
        _approved_plans()
        .filter(region=region)
        .select_related("instrument")
        .prefetch_related(Prefetch("actions", queryset=actions))
        .order_by("title")
    )
    latest = _latest_approved_monitoring([plan.pk for plan in plans])

    findings: dict[int, Finding] = {}
    studied: dict[int, Studied] = {
        transfer.practice_id: Studied(transfer.practice, transfer)
        for transfer in transfers.filter(region=region).order_by("practice__title")
    }
    plan_traces = []
    for plan in plans:
        monitored = latest.get(plan.pk)
        progress_by_action = {row.action_id: row for row in monitored.progress} if monitored else {}
        traces = []
        for action in plan.actions.all():
            for section in action.report_sections.all():
                findings.setdefault(section.pk, Finding(section)).actions.append(action)
            for practice in action.practices.all():
                _draws_on(studied.setdefault(practice.pk, Studied(practice)), action)
            for transfer in action.transfers.all():
                entry = studied.setdefault(transfer.practice_id, Studied(transfer.practice))
                entry.transfer = entry.transfer or transfer
                _draws_on(entry, action)
            traces.append(ActionTrace(action, progress_by_action.get(action.pk)))
        plan_traces.append(PlanTrace(plan, traces, monitored.report if monitored else None))
    return PolicyChange(
        region=region,
        findings=sorted(
            findings.values(),
            key=lambda finding: (finding.section.report.title, finding.section.position),
        ),
        studied=sorted(studied.values(), key=lambda entry: entry.practice.title),
        plans=plan_traces,
        funds=totals_of(None, _progress_rows(latest), 0).funds,
    )


@dataclass
class PartnershipResults:
    """The partnership's results in figures, from its approved plans and their latest approved
    monitoring reports."""

    instruments: list[str]  # the policy instruments the approved plans address
    actions: int
    implemented: int
    improvements: list[str]  # the improvement types reached, in the choices' order
    funds: list[tuple[str, Decimal]]  # (currency, sum)

    def __bool__(self) -> bool:
        return bool(self.instruments)


def partnership_results() -> PartnershipResults:
    """3 queries, whatever the number of plans, actions and monitoring reports."""
    plans = list(
        _approved_plans()
        .annotate(action_count=Count("actions"))
        .values("pk", "instrument__name", "action_count")
        .order_by("instrument__name")
    )
    latest = _latest_approved_monitoring([plan["pk"] for plan in plans]) if plans else {}
    totals = totals_of(None, _progress_rows(latest), sum(plan["action_count"] for plan in plans))
    return PartnershipResults(
        instruments=list(dict.fromkeys(plan["instrument__name"] for plan in plans)),
        actions=totals.actions,
        implemented=totals.implemented,
        improvements=totals.improvements,
        funds=totals.funds,
    )
