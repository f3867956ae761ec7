"""Email subjects are plain text on one line: a title written with HTML characters is not
escaped, and a title with a line break neither breaks the notification after the change was
saved nor injects a header."""

from django.core import mail

from events.services import registration_cancel, registration_create
from practices.models import PracticeStatus
from practices.services import interest_send, practice_transition
from reports.services import report_transition
from tests.harness import factories

TRICKY = 'Fairs & "missions" <abroad>\r\nBcc: someone@example.org'
ONE_LINE = 'Fairs & "missions" <abroad> Bcc: someone@example.org'


def test_a_practice_title_with_a_line_break_is_submitted_and_emailed_on_one_line(
    login, region_a, owner, coordinator, django_capture_on_commit_callbacks
):
    practice = factories.make_practice(region_a, status="draft", title=TRICKY)

    with django_capture_on_commit_callbacks(execute=True):
        response = login(owner).post(f"{practice.get_absolute_url()}submit/")

    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.SUBMITTED
    [message] = mail.outbox
    assert message.subject.endswith(ONE_LINE)
    assert message.bcc == [coordinator.email]
    assert message.message()["Bcc"] is None  # built without error, and nothing injected


def test_subjects_of_every_notification_keep_the_title_as_written(
    region_a, owner, coordinator, stakeholder, colleague, django_capture_on_commit_callbacks
):
    report = factories.make_report(region_a, texts=factories.complete_texts(), title=TRICKY)
    published = factories.make_practice(region_a, title=TRICKY)
    event = factories.make_event(region_a, capacity=1, title=TRICKY)

    with django_capture_on_commit_callbacks(execute=True):
        report_transition(report=report, actor=owner, action="submit")
        interest_send(
            practice=published,
            user=None,
            ip="192.0.2.1",
            name="Vera",
            email="vera@example.org",
            message="We would like to learn from it.",
        )
        seat = registration_create(event=event, user=stakeholder)
        registration_create(event=event, user=colleague)
        registration_cancel(registration=seat)
        practice_transition(
            practice=factories.make_practice(region_a, status="submitted", title=TRICKY),
            actor=coordinator,
            action="publish",
        )

    subjects = [message.subject for message in mail.outbox]
    assert len(subjects) >= 4
    assert all(subject.endswith(ONE_LINE) for subject in subjects), subjects
