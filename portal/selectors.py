"""Reads that combine the apps: everything the portal holds about one person, and what needs
them (the dashboard and the header's counts)."""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import F, Func, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from events import selectors as event_selectors
from events.models import Event
from interventures.activity import selectors as activity_selectors
from interventures.dates import portal_today
from interventures.notifications import selectors as notification_selectors
from partners import selectors as partner_selectors
from partners.access import roles_of
from partners.models import Region, User
from practices import selectors as practice_selectors
from reports import selectors as report_selectors
from reports.models import SituationAnalysisReport


def personal_data_of(user: User) -> dict:
    """The export of a person's data (GDPR Articles 15 and 20): each app tells what it holds
    about them (its `selectors.personal_data_of`), never a secret nor another person's data."""
    addresses = partner_selectors.addresses_of(user)
    return {
        "portal": settings.SITE_URL,
        "exported_at": timezone.now().isoformat(),
        **partner_selectors.personal_data_of(user),
        **report_selectors.personal_data_of(user),
        **practice_selectors.personal_data_of(user, addresses),
        **event_selectors.personal_data_of(user),
        "activity": activity_selectors.personal_data_of(user),
        **notification_selectors.personal_data_of(user),
    }


# --- the dashboard: what needs each person -----------------------------------------------------


@dataclass(frozen=True)
class QueueItem:
    """Something submitted that waits for a coordinator: a report or a good practice."""

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
    """Every report and practice waiting for review, the longest waiting first: two queries."""
    items = [
        QueueItem(
            _("Report"),
            report.title,
            report.get_absolute_url(),
            report.region.name,
            report.language,
            report.submitted_at,  # type: ignore[attr-defined]  # annotated by the selector
        )
        for report in report_selectors.submitted_reports()
    ] + [
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
    return sorted(items, key=lambda item: item.submitted_at)


@dataclass(frozen=True)
class RegionStatus:
    """One line per region for the coordinators: report, practices, next event."""

    region: Region
    report: SituationAnalysisReport | None
    practices_published: int
    practices_waiting: int
    next_event: Event | None


def region_statuses() -> list[RegionStatus]:
    """Every region's line: four queries, however many regions and objects."""
    reports = report_selectors.newest_reports_by_region()
    practices = practice_selectors.practice_counts_by_region()
    events = event_selectors.next_event_by_region()
    return [
        RegionStatus(
            region=region,
            report=reports.get(region.pk),
            practices_published=practices.get(region.pk, {}).get("published", 0),
            practices_waiting=practices.get(region.pk, {}).get("waiting", 0),
            next_event=events.get(region.pk),
        )
        for region in Region.objects.order_by("name")
    ]


@dataclass(frozen=True)
class Dashboard:
    """What the dashboard shows one person; the sections their role does not have are empty."""

    is_coordinator: bool = False
    is_partner: bool = False
    is_editor: bool = False
    reports: list = field(default_factory=list)
    drafts: list = field(default_factory=list)
    practices: list = field(default_factory=list)
    events: list = field(default_factory=list)
    review_queue: list[QueueItem] = field(default_factory=list)
    overdue: list = field(default_factory=list)
    regions: list[RegionStatus] = field(default_factory=list)
    compendiums: list = field(default_factory=list)
    comments: list = field(default_factory=list)
    registrations: list = field(default_factory=list)
    interests: list = field(default_factory=list)

    @property
    def returned(self) -> list:
        return [work for work in self.reports if work.returned]

    @property
    def deadlines(self) -> list:
        return [work.report for work in self.reports if work.report.days_left is not None]


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
            comments=list(report_selectors.comments_waiting_for(user)),
        )
    if roles.member_region_ids:
        reports = report_selectors.report_work(user)
        partner_selectors.attach_organisations(
            work.returned.actor for work in reports if work.returned
        )
        return Dashboard(
            is_partner=True,
            is_editor=bool(roles.editor_region_ids),
            reports=reports,
            drafts=list(report_selectors.drafts_of(user)),
            practices=list(practice_selectors.practices_to_finish(user)),
            events=list(event_selectors.region_events_ahead(user)),
            comments=list(report_selectors.comments_waiting_for(user)),
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
    """One query: for coordinators what is submitted; for editors the reports and practices
    returned to their regions and their own unsaved drafts. Viewers and stakeholders: none."""
    roles = roles_of(user)
    me = User.objects.filter(pk=user.pk)
    if roles.coordinator:
        counts = me.values(
            reports=_count(report_selectors.submitted_reports()),
            practices=_count(practice_selectors.submitted_practices()),
        ).get()
        return WorkCounts(to_review=counts["reports"] + counts["practices"])
    if roles.editor_region_ids:
        counts = me.values(
            reports=_count(report_selectors.returned_reports(user)),
            practices=_count(practice_selectors.returned_practices(user)),
            drafts=_count(report_selectors.drafts_of(user)),
        ).get()
        return WorkCounts(to_do=counts["reports"] + counts["practices"] + counts["drafts"])
    return WorkCounts()
