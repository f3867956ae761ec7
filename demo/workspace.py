"""A lively workspace for every demo account (`data/workspace.json`): due dates close and past,
a comment thread with a mention on the returned report, a practice waiting for publication,
notifications in each person's centre and a stakeholder on a waiting list.

Only what is missing is added, and nothing the partners changed is overwritten: a due date is
set only on a report that never had one, the thread only once, a notification only when its
person has none of that kind about that object, registrations only at an event nobody has
registered for yet. Nobody is emailed and no task is queued: notifications are written as rows
(told "in the portal only"), as `seed_reports` writes the workflow's history directly.
"""

import json
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from events.models import Event
from events.services import registration_create
from interventures.activity.models import ActivityEntry
from interventures.activity.services import log_action
from interventures.comments import mentions
from interventures.dates import portal_today
from interventures.notifications.kinds import Channel
from interventures.notifications.models import Notification, url_in_language
from interventures.notifications.selectors import channels_for
from partners.models import PartnerOrganisation, Region, User
from practices.models import GoodPractice, PracticeStatus, Theme
from reports.models import ReportStatus, ReviewComment, SituationAnalysisReport
from reports.services import comment_add, report_due_date_set

from .practices import PRACTICES, _theme_slug
from .reports import REPORTS

WORKSPACE = json.loads(
    (Path(__file__).parent / "data" / "workspace.json").read_text(encoding="utf-8")
)


@transaction.atomic
def seed_workspace(*, demo_domain: str) -> int:
    """Add what is missing of the demo workspace; returns how many things were added (due
    dates, comments, practices, notifications, registrations)."""

    def person(local_part: str) -> User:
        return User.objects.get(email=f"{local_part}@{demo_domain}")

    coordinator = person("coordinator")
    reports = {
        slug: report
        for slug, content in REPORTS.items()
        if (report := _report(slug, content["title"])) is not None
    }
    added = _due_dates(reports, coordinator)
    added += _thread(reports, coordinator, person)
    added += _waiting_practice(person)
    added += _notifications(reports, coordinator, person)
    added += _registrations(person)
    return added


def _report(slug: str, title: str) -> SituationAnalysisReport | None:
    return SituationAnalysisReport.objects.filter(region__slug=slug, title=title).first()


def _entries(target: models.Model, verb: str):
    return ActivityEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(target),
        object_id=str(target.pk),
        verb=verb,
    ).order_by("-created_at", "-pk")


# --- due dates ---------------------------------------------------------------------------------


def _due_dates(reports: dict, coordinator: User) -> int:
    """A due date relative to today (the portal's day) for each report not yet approved that
    never had one: one draft due soon, one overdue, the returned and the reviewed ones later."""
    today = portal_today()
    added = 0
    for slug, days in WORKSPACE["due_in_days"].items():
        report = reports.get(slug)
        if (
            report is None
            or report.status == ReportStatus.APPROVED
            or report.due_date is not None
            or _entries(report, "report.due_date_set").exists()  # removed by a coordinator
        ):
            continue
        report_due_date_set(report=report, due_date=today + timedelta(days=days), actor=coordinator)
        added += 1
    return added


# --- the comment thread with a mention ---------------------------------------------------------


def _thread(reports: dict, coordinator: User, person) -> int:
    """On the returned report: the coordinator asks about a quoted passage, the region's editor
    answers mentioning the region's viewer, who answers back (so the thread waits for the
    editor and the coordinator on their dashboards, and the viewer has the mention)."""
    row = WORKSPACE["thread"]
    slug = row["region"]
    report = reports.get(slug)
    if report is None or report.comments.filter(quote=row["quote"]).exists():
        return 0
    section = report.sections.filter(key=row["section"]).first()
    if section is None:
        return 0
    editor, viewer = person(f"editor.{slug}"), person(f"viewer.{slug}")
    # `comment_add` tells those mentioned and the thread's participants through `notify`, which
    # emails (through a queued task) whoever chose "email" for these kinds. Their default is the
    # digest, so by default nothing is emailed nor queued; if a demo account chose "email", the
    # thread is written the other way (rows, as `_write_comment`) so that seeding emails nobody.
    told = [("comment.mention", [viewer]), ("comment.reply", [coordinator, editor])]
    write = comment_add
    if any(Channel.EMAIL in channels_for(people, kind).values() for kind, people in told):
        write = _write_comment
    question = write(
        report=report, author=coordinator, body=row["question"], section=section, quote=row["quote"]
    )
    write(
        report=report,
        author=editor,
        body=row["answer"].format(viewer=mentions.token_for(viewer)),
        parent=question,
    )
    write(report=report, author=viewer, body=row["follow_up"], parent=question)
    return 3


def _write_comment(*, report, author, body, section=None, quote="", parent=None) -> ReviewComment:
    """`comment_add` without `notify`: the comment, its activity entry, and the notifications
    of those mentioned and of the thread's other participants as rows in the portal only."""
    comment = ReviewComment.objects.create(
        report=report,
        section=parent.section if parent else section,
        author=author,
        body=body,
        quote=quote,
        parent=parent,
    )
    log_action(
        actor=author,
        verb="comment.replied" if parent else "comment.added",
        target=report,
        data={"detail": str(comment.section.title) if comment.section else ""},
    )
    mentioned = set(mentions.mentioned_ids(body))
    participants = set()
    if parent is not None:
        participants = (
            set(
                ReviewComment.objects.filter(models.Q(pk=parent.pk) | models.Q(parent=parent))
                .values_list("author_id", flat=True)
                .distinct()
            )
            - mentioned
        )
    data = {
        "section": str(comment.section.title) if comment.section else "",
        "excerpt": mentions.as_plain_text(body)[:200],
    }
    url = f"{report.get_absolute_url()}#comment-{comment.pk}"
    for kind, ids in (("comment.mention", mentioned), ("comment.reply", participants)):
        for recipient in User.objects.filter(pk__in=ids - {author.pk}, is_active=True):
            _tell(recipient, kind, report, author, url, data=data, once=False)
    return comment


# --- a practice waiting for publication --------------------------------------------------------


def _waiting_practice(person) -> int:
    """A practice submitted for publication, for the coordinators' queue, when none waits."""
    row = dict(WORKSPACE["waiting_practice"])
    if (
        GoodPractice.objects.filter(status=PracticeStatus.SUBMITTED).exists()
        or GoodPractice.objects.filter(slug=row["slug"]).exists()
    ):
        return 0
    region = Region.objects.get(slug=row.pop("region"))
    owner = PartnerOrganisation.objects.get(short_name=row.pop("owner"), region=region)
    themes = Theme.objects.filter(slug__in=[_theme_slug(name) for name in row.pop("themes")])
    practice = GoodPractice.objects.create(
        **row,
        region=region,
        owner=owner,
        main_institution=owner.name,
        status=PracticeStatus.SUBMITTED,
    )
    practice.themes.set(themes)
    # The step is written directly, as the reports' history: the workflow would email the
    # coordinators.
    log_action(
        actor=person(f"editor.{region.slug}"),
        verb="practice.submitted",
        target=practice,
        from_state=PracticeStatus.DRAFT,
        to_state=PracticeStatus.SUBMITTED,
    )
    return 1


# --- notifications -----------------------------------------------------------------------------


def _tell(
    recipient: User,
    kind: str,
    target: models.Model,
    actor: User | None,
    url: str,
    *,
    data: dict | None = None,
    when: datetime | None = None,
    read: bool = False,
    once: bool = True,
) -> int:
    """One notification as `notify` writes it (same kind, target, actor, link in the default
    language and details), told in the portal only; with `once`, not when `recipient` already
    has one of `kind` about `target` (read or not)."""
    content_type = ContentType.objects.get_for_model(target)
    mine = Notification.objects.filter(
        recipient=recipient, kind=kind, content_type=content_type, object_id=str(target.pk)
    )
    if once and mine.exists():
        return 0
    when = when or timezone.now()
    Notification.objects.create(
        recipient=recipient,
        kind=kind,
        channel=Channel.APP,
        actor=actor,
        content_type=content_type,
        object_id=str(target.pk),
        target_repr=str(target)[:200],
        url=url_in_language(url, settings.LANGUAGE_CODE),
        data=data or {},
        created_at=when,
        read_at=when if read else None,
    )
    return 1


def _step_told(recipients, report, verb: str, *, read: bool) -> int:
    """Tell `recipients` of the report's latest `verb` step, as the workflow would have."""
    step = _entries(report, verb).select_related("actor").first()
    if step is None:
        return 0
    reason = step.data.get("reason", "")
    return sum(
        _tell(
            recipient,
            verb,
            report,
            step.actor,
            report.get_absolute_url(),
            data={"reason": reason} if reason else None,
            when=step.created_at,
            read=read,
        )
        for recipient in recipients
        if recipient.pk != step.actor_id
    )


def _notifications(reports: dict, coordinator: User, person) -> int:
    """Each demo editor and the coordinator find their centre busy, as the workflow tells
    them: the coordinators are told of submissions, the region's editors of every other step.
    Viewers are told only of mentions and threads they take part in (the thread above)."""
    added = 0
    for slug, report in reports.items():
        editor = person(f"editor.{slug}")
        if report.status == ReportStatus.CHANGES_REQUESTED:
            added += _step_told([editor], report, "report.changes_requested", read=False)
            # The submission it answered, for the coordinator's history.
            added += _step_told([coordinator], report, "report.submitted", read=True)
        if report.status == ReportStatus.IN_REVIEW:
            added += _step_told([coordinator], report, "report.submitted", read=False)
            # Its earlier return, for history.
            added += _step_told([editor], report, "report.changes_requested", read=True)
        if report.status == ReportStatus.APPROVED:
            added += _step_told([editor], report, "report.approved", read=True)
    # Each region's first practice was published: its editors were told (history, read).
    for slug in reports:
        first = next(row["slug"] for row in PRACTICES if row["region"] == slug)
        practice = GoodPractice.objects.filter(slug=first, status=PracticeStatus.PUBLISHED).first()
        if practice is not None:
            added += _tell(
                person(f"editor.{slug}"),
                "practice.published",
                practice,
                coordinator,
                practice.get_absolute_url(),
                when=practice.published_at,
                read=True,
            )
    for practice in GoodPractice.objects.filter(status=PracticeStatus.SUBMITTED):
        step = _entries(practice, "practice.submitted").select_related("actor").first()
        added += _tell(
            coordinator,
            "practice.submitted",
            practice,
            step.actor if step else None,
            practice.get_absolute_url(),
            when=step.created_at if step else None,
        )
    return added


# --- registrations -----------------------------------------------------------------------------


def _registrations(person) -> int:
    """Demo people registered for the example events ahead, through the service partners use
    (it emails nobody): at the two-seat webinar the stakeholder ends up on the waiting list.
    Only at an event that is open and that nobody has registered for yet."""
    added = 0
    for row in WORKSPACE["registrations"]:
        event = Event.objects.filter(slug=row["event"]).first()
        if event is None or not event.registration_is_open or event.registrations.exists():
            continue
        for local_part in row["people"]:
            registration_create(event=event, user=person(local_part))
            added += 1
    return added
