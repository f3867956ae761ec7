"""Reads that combine the apps: everything the portal holds about one person, and what needs
them (the dashboard and the header's counts)."""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, F, Func, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from events import selectors as event_selectors
from events.models import Event
from interventures.activity import selectors as activity_selectors
from interventures.activity.models import ActivityEntry
from interventures.collation import sorted_by_name
from interventures.comments import selectors as comment_selectors
from interventures.comments.selectors import WaitingThread, waiting_threads
from interventures.dates import portal_today
from interventures.notifications import selectors as notification_selectors
from partners import selectors as partner_selectors
from partners.access import roles_of
from partners.models import Region, User
from plans.comments import PLAN_COMMENTS
from plans.models import ActionPlan, MonitoringReport, PlanStatus
from plans.selectors import comments as plan_comment_selectors
from plans.selectors import plans as plan_selectors
from plans.selectors.plans import missing_in_plan
from practices import selectors as practice_selectors
from reports import selectors as report_selectors
from reports.comments import REPORT_COMMENTS
from reports.models import SituationAnalysisReport
from synthesis import selectors as synthesis_selectors
from synthesis.models import Synthesis, SynthesisStatus


def personal_data_of(user: User) -> dict:
    """The export of a person's data (GDPR Articles 15 and 20): each app tells what it holds
    about them (its `selectors.personal_data_of`), never a secret nor another person's data."""
    addresses = partner_selectors.addresses_of(user)
    return {
        "portal": settings.SITE_URL,
        "exported_at": timezone.now().isoformat(),
        **partner_selectors.personal_data_of(user),
        **report_selectors.personal_data_of(user),
        **plan_selectors.personal_data_of(user),
        **plan_comment_selectors.personal_data_of(user),
        **synthesis_selectors.personal_data_of(user),
        **practice_selectors.personal_data_of(user, addresses),
        **event_selectors.personal_data_of(user),
        "activity": activity_selectors.personal_data_of(user),
        **notification_selectors.personal_data_of(user),
    }


# --- the dashboard: what needs each person -----------------------------------------------------


@dataclass(frozen=True)
class QueueItem:
    """Something submitted that waits for a coordinator: a report, a good practice, an action
    plan or a monitoring report."""

    kind: str
    title: str
    url: str
    region: str
    language: str
    submitted_at: datetime

    @property
    def days_waiting(self) -> int:
        return (portal_today() - timezone.localdate(self.submitted_at)).days


def review_queue() -> list[QueueItem]:
    """Every report, practice, action plan, monitoring report and synthesis waiting for review,
    the longest waiting first: five queries."""
    items = (
        [
            QueueItem(
                _("Report"),
                report.title,
                report.get_absolute_url(),
                report.region.name,
                report.language,
                report.submitted_at,  # type: ignore[attr-defined]  # annotated by the selector
            )
            for report in report_selectors.submitted_reports()
        ]
        + [
            QueueItem(
                _("Good practice"),
                practice.title,
                practice.get_absolute_url(),
                practice.region.name,
                practice.language,
                practice.submitted_at,  # type: ignore[attr-defined]  # annotated by the selector
            )
            for practice in practice_selectors.submitted_practices()
        ]
        + [
            QueueItem(
                _("Action plan"),
                plan.title,
                plan.get_absolute_url(),
                plan.region.name,
                plan.language,
                plan.submitted_at,  # annotated by _in_review
            )
            for plan in _in_review(ActionPlan, "plan.submitted").select_related("region")
        ]
        + [
            QueueItem(
                _("Monitoring report"),
                str(report),
                report.get_absolute_url(),
                report.plan.region.name,
                report.plan.language,
                report.submitted_at,  # annotated by _in_review
            )
            for report in _in_review(MonitoringReport, "monitoring.submitted").select_related(
                "plan__region", "period"
            )
        ]
        + [
            QueueItem(
                _("Interregional synthesis"),
                synthesis.title,
                synthesis.get_absolute_url(),
                _("All regions"),
                synthesis.language,
                synthesis.submitted_at,  # annotated by _in_review
            )
            for synthesis in _in_review(Synthesis, "synthesis.submitted")
        ]
    )
    return sorted(items, key=lambda item: item.submitted_at)


# --- action plans and their monitoring ---------------------------------------------------------
# Read here rather than in plans/selectors: they exist for the dashboard and the header only.

PLAN_RETURNING_VERBS = {
    ActionPlan: ("plan.changes_requested", "plan.reopened"),
    MonitoringReport: ("monitoring.changes_requested", "monitoring.reopened"),
}


def _in_review(model, verb: str) -> QuerySet:
    """Plans or monitoring reports waiting for a coordinator's review, oldest submission first;
    `submitted_at` is when they were last submitted (one query with the subquery)."""
    submitted = ActivityEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id=Cast(OuterRef("pk"), CharField()),
        verb=verb,
    ).order_by("-created_at")
    return (
        model.objects.filter(status=PlanStatus.IN_REVIEW)
        .annotate(
            submitted_at=Coalesce(Subquery(submitted.values("created_at")[:1]), F("updated_at"))
        )
        .order_by("submitted_at", "pk")
    )


@dataclass(frozen=True)
class PlanWork:
    """An action plan as the dashboard lists it: what it lacks while it can be written, and
    the step that returned it (its reason), while returned."""

    plan: ActionPlan
    missing: list[str]
    returned: ActivityEntry | None

    @property
    def target(self) -> ActionPlan:
        return self.plan

    @property
    def days_overdue(self) -> int:
        days_left = self.plan.days_left
        return -days_left if days_left is not None and days_left < 0 else 0


@dataclass(frozen=True)
class MonitoringWork:
    """A monitoring report not approved yet: how many of the plan's actions have their
    progress recorded, and the step that returned it, while returned."""

    report: MonitoringReport
    recorded: int
    actions: int
    returned: ActivityEntry | None

    @property
    def target(self) -> MonitoringReport:
        return self.report

    @property
    def plan(self) -> ActionPlan:
        return self.report.plan


def _returning_steps(objects: list) -> dict[tuple[int | None, int], ActivityEntry]:
    """Each returned plan's or monitoring report's latest step that returned it, by (content
    type, pk), with its actor and the actor's organisations: two queries, none without any."""
    condition = Q()
    for model, verbs in PLAN_RETURNING_VERBS.items():
        ids = [str(obj.pk) for obj in objects if isinstance(obj, model)]
        if ids:
            condition |= Q(
                content_type=ContentType.objects.get_for_model(model),
                object_id__in=ids,
                verb__in=verbs,
            )
    if not condition:
        return {}
    entries = (
        ActivityEntry.objects.filter(condition)
        .select_related("actor")
        .prefetch_related(partner_selectors.people_with_organisations("actor"))
        .order_by("-created_at", "-pk")
    )
    latest: dict[tuple[int | None, int], ActivityEntry] = {}
    for entry in entries:
        latest.setdefault((entry.content_type_id, int(entry.object_id)), entry)
    return latest


def plan_work(user: User) -> tuple[list[PlanWork], list[MonitoringWork]]:
    """The action plans of the user's regions, with what each one still open lacks, and their
    monitoring reports not approved yet. Five queries however many plans and reports (plans,
    their actions, monitoring reports, the returning steps and their actors' organisations;
    three when nothing was returned); a region has one plan per policy instrument."""
    regions = roles_of(user).member_region_ids
    plans = list(
        ActionPlan.objects.filter(region_id__in=regions)
        .select_related("region")
        .prefetch_related("actions")
        .order_by("region__name", "title")
    )
    reports = list(
        MonitoringReport.objects.filter(
            plan__region_id__in=regions, plan__status=PlanStatus.APPROVED
        )
        .exclude(status=PlanStatus.APPROVED)
        .select_related("plan__region", "period")
        .annotate(
            recorded=Count("progress", distinct=True),
            actions_total=Count("plan__actions", distinct=True),
        )
        .order_by("period__starts_on", "plan__region__name", "plan__title")
    )
    returned = _returning_steps(
        [plan for plan in plans if plan.status == PlanStatus.CHANGES_REQUESTED]
        + [report for report in reports if report.status == PlanStatus.CHANGES_REQUESTED]
    )
    plan_type = ContentType.objects.get_for_model(ActionPlan).pk
    report_type = ContentType.objects.get_for_model(MonitoringReport).pk
    return [
        PlanWork(
            plan=plan,
            missing=missing_in_plan(plan) if plan.is_editable else [],
            returned=returned.get((plan_type, plan.pk)),
        )
        for plan in plans
    ], [
        MonitoringWork(
            report=report,
            recorded=report.recorded,  # annotated above
            actions=report.actions_total,  # annotated above
            returned=returned.get((report_type, report.pk)),
        )
        for report in reports
    ]


@dataclass(frozen=True)
class RegionStatus:
    """One line per region for the coordinators: report, action plan, practices, next
    event."""

    region: Region
    report: SituationAnalysisReport | None
    plan: ActionPlan | None
    practices_published: int
    practices_waiting: int
    next_event: Event | None


def region_statuses() -> list[RegionStatus]:
    """Every region's line: five queries, however many regions and objects."""
    reports = report_selectors.newest_reports_by_region()
    plans: dict[int, ActionPlan] = {}
    for plan in ActionPlan.objects.only("pk", "region_id", "status").order_by(
        "region_id", "-created_at"
    ):
        plans.setdefault(plan.region_id, plan)
    practices = practice_selectors.practice_counts_by_region()
    events = event_selectors.next_event_by_region()
    return [
        RegionStatus(
            region=region,
            report=reports.get(region.pk),
            plan=plans.get(region.pk),
            practices_published=practices.get(region.pk, {}).get("published", 0),
            practices_waiting=practices.get(region.pk, {}).get("waiting", 0),
            next_event=events.get(region.pk),
        )
        for region in sorted_by_name(Region.objects.all())
    ]


@dataclass(frozen=True)
class Dashboard:
    """What the dashboard shows one person; the sections their role does not have are empty."""

    is_coordinator: bool = False
    is_partner: bool = False
    is_editor: bool = False
    reports: list = field(default_factory=list)
    plans: list[PlanWork] = field(default_factory=list)
    monitoring: list[MonitoringWork] = field(default_factory=list)
    drafts: list = field(default_factory=list)
    plan_drafts: list = field(default_factory=list)
    practices: list = field(default_factory=list)
    events: list = field(default_factory=list)
    review_queue: list[QueueItem] = field(default_factory=list)
    overdue: list = field(default_factory=list)
    regions: list[RegionStatus] = field(default_factory=list)
    compendiums: list = field(default_factory=list)
    syntheses: list = field(default_factory=list)
    comments: list = field(default_factory=list)
    registrations: list = field(default_factory=list)
    interests: list = field(default_factory=list)

    @property
    def returned(self) -> list:
        return [work for work in self.reports if work.returned]

    @property
    def returned_plan_work(self) -> list[PlanWork | MonitoringWork]:
        """The plans and monitoring reports returned to the region's editors."""
        works: list[PlanWork | MonitoringWork] = [*self.plans, *self.monitoring]
        return [work for work in works if work.returned]

    @property
    def deadlines(self) -> list:
        return [work.report for work in self.reports if work.report.days_left is not None]


def comments_waiting_for(user: User) -> list[WaitingThread]:
    """The comment threads on reports and action plans that wait for `user` (mentioned, or
    answered since their word), most recent first: three queries."""
    roles = roles_of(user)
    region_ids = None if roles.coordinator else roles.member_region_ids
    threads = [
        *waiting_threads(
            REPORT_COMMENTS,
            comment_selectors.comments_waiting_for(REPORT_COMMENTS, user, region_ids),
        ),
        *waiting_threads(
            PLAN_COMMENTS, comment_selectors.comments_waiting_for(PLAN_COMMENTS, user, region_ids)
        ),
    ]
    partner_selectors.attach_organisations(thread.first.author for thread in threads)
    return sorted(threads, key=lambda thread: (thread.last_at, thread.first.pk), reverse=True)


def dashboard_of(user: User) -> Dashboard:
    """Everything the dashboard shows `user`, by role; its query count does not grow with the
    number of items (tests/test_dashboard.py)."""
    roles = roles_of(user)
    if roles.coordinator:
        return Dashboard(
            is_coordinator=True,
            review_queue=review_queue(),
            overdue=list(report_selectors.overdue_reports()),
            regions=region_statuses(),
            compendiums=report_selectors.compendiums_of(user),
            syntheses=list(synthesis_selectors.synthesis_list(user)),
            comments=comments_waiting_for(user),
        )
    if roles.member_region_ids:
        reports = report_selectors.report_work(user)
        partner_selectors.attach_organisations(
            work.returned.actor for work in reports if work.returned
        )
        plans, monitoring = plan_work(user)
        return Dashboard(
            is_partner=True,
            is_editor=bool(roles.editor_region_ids),
            reports=reports,
            plans=plans,
            monitoring=monitoring,
            drafts=list(report_selectors.drafts_of(user)),
            plan_drafts=list(plan_selectors.drafts_of(user)),
            practices=list(practice_selectors.practices_to_finish(user)),
            events=list(event_selectors.region_events_ahead(user)),
            comments=comments_waiting_for(user),
        )
    return Dashboard(
        registrations=list(event_selectors.registrations_ahead(user)),
        interests=list(practice_selectors.interests_sent_by(user)),
    )


@dataclass(frozen=True)
class WorkCounts:
    """The header's counts: what waits for a coordinator's review, what waits for an editor."""

    to_review: int = 0
    to_do: int = 0


def _count(queryset) -> Subquery:
    """`queryset`'s row count as a subquery (COUNT without GROUP BY: one row, 0 when empty)."""
    return Subquery(
        queryset.order_by().annotate(count=Func(F("pk"), function="COUNT")).values("count")[:1]
    )


def work_counts(user: User) -> WorkCounts:
    """One query: for coordinators what is submitted (reports, practices, action plans,
    monitoring reports, the synthesis); for editors the reports, practices, plans and monitoring
    reports returned to their regions and their own unsaved drafts. Viewers and stakeholders:
    none."""
    roles = roles_of(user)
    me = User.objects.filter(pk=user.pk)
    if roles.coordinator:
        waiting = me.values(
            reports=_count(report_selectors.submitted_reports()),
            practices=_count(practice_selectors.submitted_practices()),
            plans=_count(ActionPlan.objects.filter(status=PlanStatus.IN_REVIEW)),
            monitoring=_count(MonitoringReport.objects.filter(status=PlanStatus.IN_REVIEW)),
            syntheses=_count(Synthesis.objects.filter(status=SynthesisStatus.IN_REVIEW)),
        ).get()
        return WorkCounts(
            to_review=waiting["reports"]
            + waiting["practices"]
            + waiting["plans"]
            + waiting["monitoring"]
            + waiting["syntheses"]
        )
    if roles.editor_region_ids:
        counts = me.values(
            reports=_count(report_selectors.returned_reports(user)),
            practices=_count(practice_selectors.returned_practices(user)),
            drafts=_count(report_selectors.drafts_of(user)),
            plan_autosaves=_count(plan_selectors.drafts_of(user)),
            plans=_count(
                ActionPlan.objects.filter(
                    region_id__in=roles.editor_region_ids, status=PlanStatus.CHANGES_REQUESTED
                )
            ),
            monitoring=_count(
                MonitoringReport.objects.filter(
                    plan__region_id__in=roles.editor_region_ids,
                    plan__status=PlanStatus.APPROVED,
                    status=PlanStatus.CHANGES_REQUESTED,
                )
            ),
        ).get()
        return WorkCounts(
            to_do=counts["reports"]
            + counts["practices"]
            + counts["drafts"]
            + counts["plan_autosaves"]
            + counts["plans"]
            + counts["monitoring"]
        )
    return WorkCounts()
