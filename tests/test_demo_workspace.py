"""The demo data is a lively workspace (issue 15): after `seed_demo` each demo account's
dashboard and notification centre show work waiting for them, with due dates close and past,
a returned report with its reason and a comment thread with a mention; nobody is emailed, and
a second run adds nothing."""

from html import escape
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from events.models import Registration, RegistrationStatus
from interventures.dates import portal_today
from interventures.notifications.models import Notification, NotificationPreference
from partners.models import User
from practices.models import GoodPractice, PracticeStatus
from reports.models import ReportStatus, ReviewComment, SituationAnalysisReport

DOMAIN = "demo.interventures.eu"
DASHBOARD = reverse("dashboard")
CENTRE = reverse("notifications:notification_list")


def seed():
    call_command("seed_demo", stdout=StringIO())


@pytest.fixture
def seeded(db, django_capture_on_commit_callbacks):
    mail.outbox = []
    # What seeding would queue or send once committed runs here, so that it can be seen.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        seed()
    return callbacks


def person(local_part: str) -> User:
    return User.objects.get(email=f"{local_part}@{DOMAIN}")


def report_of(slug: str) -> SituationAnalysisReport:
    return SituationAnalysisReport.objects.get(region__slug=slug)


def page(login, local_part: str, url: str = DASHBOARD) -> str:
    response = login(person(local_part)).get(url)
    assert response.status_code == 200
    return response.text


def workspace_counts() -> dict:
    return {
        "comments": ReviewComment.objects.count(),
        "notifications": Notification.objects.count(),
        "due dates": SituationAnalysisReport.objects.filter(due_date__isnull=False).count(),
        "practices": GoodPractice.objects.count(),
        "registrations": Registration.objects.count(),
    }


def test_every_report_not_approved_has_a_due_date_one_close_and_one_overdue(seeded):
    today = portal_today()
    days_left = {
        report.region.slug: (report.due_date - today).days
        for report in SituationAnalysisReport.objects.select_related("region")
        if report.due_date
    }

    assert days_left == {"lombardy": 5, "castilla-y-leon": -4, "klaipeda": 12, "pecs": 20}
    assert report_of("podkarpackie").status == ReportStatus.APPROVED
    assert report_of("podkarpackie").due_date is None
    assert report_of("castilla-y-leon").is_overdue


def test_the_returned_reports_editor_sees_the_reason_and_the_thread_with_a_mention(seeded, login):
    dashboard = page(login, "editor.klaipeda")
    report = report_of("klaipeda")
    thread = report.comments.get(parent=None, quote__startswith="Young firms")

    assert report.status == ReportStatus.CHANGES_REQUESTED
    assert escape("two figures lack sources, the study visit of 19 November 2020") in dashboard
    assert f"{report.get_absolute_url()}#comment-{thread.pk}" in dashboard
    assert "answered since your comment" in dashboard
    assert "12 days left" in dashboard


def test_the_thread_quotes_a_passage_and_the_editor_mentions_the_regions_viewer(seeded):
    report = report_of("klaipeda")
    viewer = person("viewer.klaipeda")
    thread = report.comments.get(parent=None, quote__startswith="Young firms")
    first, *replies = ReviewComment.objects.filter(pk=thread.pk) | thread.replies.all()
    section_text = report.sections.get(key="barriers").body

    assert first.author == person("coordinator")
    assert first.section.key == "barriers"
    assert first.quote in section_text
    assert "?" in first.body
    assert [reply.author for reply in replies] == [person("editor.klaipeda"), viewer]
    assert f"@[{viewer.get_full_name()}](user:{viewer.pk})" in replies[0].body


def test_the_viewer_is_told_of_the_mention(seeded, login):
    viewer = person("viewer.klaipeda")
    [mention] = Notification.objects.filter(recipient=viewer, kind="comment.mention")

    assert mention.read_at is None
    assert mention.actor == person("editor.klaipeda")
    assert mention.url.startswith(report_of("klaipeda").get_absolute_url() + "#comment-")
    assert "Someone mentioned me in a comment" in page(login, "viewer.klaipeda", CENTRE)


def test_the_coordinators_dashboard_shows_the_queue_the_overdue_report_and_the_thread(
    seeded, login
):
    dashboard = page(login, "coordinator")
    waiting = GoodPractice.objects.get(status=PracticeStatus.SUBMITTED)

    assert report_of("pecs").status == ReportStatus.IN_REVIEW
    assert report_of("pecs").get_absolute_url() in dashboard
    assert waiting.get_absolute_url() in dashboard
    overdue = dashboard.split('id="overdue-title"')[1].split("</section>")[0]
    assert report_of("castilla-y-leon").get_absolute_url() in overdue
    assert report_of("lombardy").get_absolute_url() not in overdue
    thread = report_of("klaipeda").comments.get(parent=None, quote__startswith="Young firms")
    assert f"#comment-{thread.pk}" in dashboard


def test_the_header_counts_what_waits(seeded, login):
    # Pécs's report and a practice, Burgos's action plan and Podkarpackie's monitoring report.
    assert "4 to review" in page(login, "coordinator")
    assert "to do" in page(login, "editor.klaipeda")


def test_the_notification_centre_is_not_empty_for_the_demo_partners_and_coordinator(seeded, login):
    unread = {
        local_part: set(
            Notification.objects.filter(recipient=person(local_part), read_at=None).values_list(
                "kind", flat=True
            )
        )
        for local_part in ("coordinator", "editor.klaipeda", "viewer.klaipeda")
    }

    assert unread["coordinator"] >= {"report.submitted", "practice.submitted", "comment.reply"}
    assert unread["editor.klaipeda"] >= {"report.changes_requested", "comment.reply"}
    assert unread["viewer.klaipeda"] == {"comment.mention"}
    for slug in ("pecs", "lombardy", "podkarpackie", "castilla-y-leon", "klaipeda"):
        assert Notification.objects.filter(
            recipient=person(f"editor.{slug}"), read_at__isnull=False
        ).exists(), slug
    for local_part in ("coordinator", "editor.klaipeda", "viewer.klaipeda"):
        centre = page(login, local_part, CENTRE)
        assert report_of("klaipeda").title in centre or "Barriers" in centre, local_part
    changes = Notification.objects.get(
        recipient=person("editor.klaipeda"), kind="report.changes_requested"
    )
    assert changes.actor == person("coordinator")
    assert "two figures lack sources" in changes.reason
    assert changes.url == report_of("klaipeda").get_absolute_url()


def test_the_stakeholder_waits_for_a_seat_at_the_webinar_and_has_one_in_milan(seeded, login):
    stakeholder = person("stakeholder")
    dashboard = page(login, "stakeholder")

    statuses = dict(
        Registration.objects.filter(user=stakeholder).values_list("event__slug", "status")
    )
    assert statuses == {
        "example-webinar-klaipeda-2027": RegistrationStatus.WAITING,
        "example-stakeholder-meeting-milan-2027": RegistrationStatus.CONFIRMED,
    }
    assert "Example event: webinar on finding partners abroad" in dashboard
    assert "Example event: stakeholder-group meeting on export support" in dashboard


def test_seeding_emails_nobody_and_queues_no_task(seeded):
    assert mail.outbox == []
    assert not DBTaskResult.objects.exists()


def test_seeding_again_adds_nothing(seeded, django_capture_on_commit_callbacks):
    first = workspace_counts()

    with django_capture_on_commit_callbacks(execute=True):
        seed()

    assert workspace_counts() == first
    assert mail.outbox == []
    assert not DBTaskResult.objects.exists()


def test_seeding_again_keeps_a_due_date_a_coordinator_removed_and_a_read_notification(seeded):
    SituationAnalysisReport.objects.filter(region__slug="lombardy").update(due_date=None)
    Notification.objects.filter(recipient=person("editor.klaipeda")).update(read_at=None)
    Notification.objects.filter(recipient=person("viewer.klaipeda")).update(
        read_at="2026-01-01T10:00:00Z"
    )

    seed()

    assert report_of("lombardy").due_date is None
    assert not Notification.objects.filter(recipient=person("viewer.klaipeda"), read_at=None)


def test_a_demo_account_that_chose_email_for_mentions_is_not_emailed_by_seeding(
    seeded, django_capture_on_commit_callbacks
):
    viewer = person("viewer.klaipeda")
    report_of("klaipeda").comments.filter(quote__startswith="Young firms").delete()
    Notification.objects.filter(kind__startswith="comment.").delete()
    NotificationPreference.objects.create(user=viewer, kind="comment.mention", channel="email")

    with django_capture_on_commit_callbacks(execute=True):
        seed()

    assert mail.outbox == []
    assert not DBTaskResult.objects.exists()
    [mention] = Notification.objects.filter(recipient=viewer, kind="comment.mention")
    assert mention.read_at is None
    assert report_of("klaipeda").comments.filter(parent__quote__startswith="Young").count() == 2
