"""Emails go out in each recipient's language: the text, the dates and the links in it.

Django's own catalogues already translate month names, so a Hungarian date ("2027. január 12.")
and the /hu/ prefix of a link tell a Hungarian email from an English one.
"""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from events.services import registration_cancel, registration_create
from partners.models import Invitation, Membership
from practices.services import interest_send, practice_transition
from reports.models import ReportStatus
from reports.services import report_transition
from tests.harness import factories

BUDAPEST = ZoneInfo("Europe/Budapest")


def links_in(message) -> list[str]:
    return re.findall(r"https?://\S+", message.body)


@pytest.fixture
def hungarian_editor(org_a):
    user = factories.make_user("eszter@lombardy.example", language="hu")
    factories.make_membership(user, org_a, Membership.Role.EDITOR)
    return user


@pytest.fixture
def english_editor(owner):
    owner.language = "en"
    owner.save(update_fields=["language"])
    return owner


def message_to(address: str):
    [message] = [m for m in mail.outbox if address in m.to + m.bcc]
    return message


def test_report_returned_for_changes_reaches_each_editor_in_their_language(
    region_a, hungarian_editor, english_editor, coordinator, django_capture_on_commit_callbacks
):
    report = factories.make_report(region_a, status=ReportStatus.IN_REVIEW)

    with django_capture_on_commit_callbacks(execute=True):
        report_transition(
            report=report, actor=coordinator, action="request_changes", reason="Add figures."
        )

    assert len(mail.outbox) == 2
    hungarian, english = message_to(hungarian_editor.email), message_to(english_editor.email)
    assert hungarian.bcc == [hungarian_editor.email]
    assert links_in(hungarian) == [f"{settings.SITE_URL}/hu/reports/{report.pk}/"]
    assert links_in(english) == [f"{settings.SITE_URL}/reports/{report.pk}/"]


def test_someone_who_never_chose_a_language_gets_the_portals_default(
    region_a, owner, coordinator, django_capture_on_commit_callbacks
):
    report = factories.make_report(region_a, status=ReportStatus.IN_REVIEW)

    with django_capture_on_commit_callbacks(execute=True):
        report_transition(report=report, actor=coordinator, action="approve")

    [message] = mail.outbox
    assert links_in(message) == [f"{settings.SITE_URL}/reports/{report.pk}/"]


def test_practice_published_reaches_each_owner_editor_in_their_language(
    region_a,
    org_a,
    hungarian_editor,
    english_editor,
    coordinator,
    django_capture_on_commit_callbacks,
):
    practice = factories.make_practice(region_a, status="submitted", owner=org_a)

    with django_capture_on_commit_callbacks(execute=True):
        practice_transition(practice=practice, actor=coordinator, action="publish")

    path = reverse("practices:practice_detail", kwargs={"slug": practice.slug})
    assert links_in(message_to(hungarian_editor.email)) == [f"{settings.SITE_URL}/hu{path}"]
    assert links_in(message_to(english_editor.email)) == [f"{settings.SITE_URL}{path}"]


def test_interest_in_a_practice_reaches_each_owner_editor_in_their_language(
    region_a, org_a, hungarian_editor, english_editor, django_capture_on_commit_callbacks
):
    practice = factories.make_practice(region_a, owner=org_a)

    with django_capture_on_commit_callbacks(execute=True):
        interest_send(
            practice=practice,
            user=None,
            ip="192.0.2.1",
            name="Ana",
            email="ana@example.org",
            message="We would like to learn more.",
        )

    hungarian = message_to(hungarian_editor.email)
    assert hungarian.reply_to == ["ana@example.org"]
    assert f"{settings.SITE_URL}/hu/practices/{practice.slug}/" in links_in(hungarian)
    assert f"{settings.SITE_URL}/practices/{practice.slug}/" in links_in(
        message_to(english_editor.email)
    )


def test_a_seat_freed_is_announced_in_the_promoted_persons_language_with_its_date(
    region_a, stakeholder, django_capture_on_commit_callbacks
):
    event = factories.make_event(
        region_a,
        capacity=1,
        timezone="Europe/Budapest",
        starts_at=datetime(2031, 1, 12, 10, tzinfo=BUDAPEST),
    )
    first = registration_create(event=event, user=stakeholder)
    waiting = factories.make_user("bence@example.hu", language="hu")
    registration_create(event=event, user=waiting)

    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=first)

    [message] = mail.outbox
    assert message.to == ["bence@example.hu"]
    assert "2031. január 12. 10:00" in message.body
    assert f"{settings.SITE_URL}/hu/events/{event.slug}/" in links_in(message)


def test_an_invitation_sent_from_a_hungarian_page_is_in_hungarian(
    login, coordinator, org_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        login(coordinator).post(
            "/hu" + reverse("partners:invitation_create"),
            {"email": "uj.partner@example.hu", "organisation": org_a.pk, "role": "editor"},
        )

    invitation = Invitation.objects.get()
    assert invitation.language == "hu"
    [message] = mail.outbox
    [link] = links_in(message)
    assert link.startswith("http://testserver/hu/invitations/")
    expires = invitation.expires_at.astimezone(ZoneInfo(settings.TIME_ZONE))
    with translation.override("hu"):
        assert date_format(expires, "DATE_FORMAT") in message.body  # "2031. január 12."
    with translation.override("en"):
        assert date_format(expires, "DATE_FORMAT") not in message.body  # "12 January 2031"


def test_an_invitation_to_an_existing_account_uses_that_persons_language(
    login, coordinator, org_a, django_capture_on_commit_callbacks
):
    factories.make_user("jan@example.pl", language="pl")

    with django_capture_on_commit_callbacks(execute=True):
        login(coordinator).post(
            reverse("partners:invitation_create"),
            {"email": "jan@example.pl", "organisation": org_a.pk, "role": "viewer"},
        )

    assert Invitation.objects.get().language == "pl"
    [link] = links_in(mail.outbox[0])
    assert link.startswith("http://testserver/pl/invitations/")
