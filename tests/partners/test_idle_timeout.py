"""Signed-in sessions end when unused: partners, coordinators and staff after
IDLE_TIMEOUT_PARTNER_MINUTES, stakeholders after IDLE_TIMEOUT_STAKEHOLDER_MINUTES; and
every session 12 hours after signing in, however busy."""

import time

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from partners.middleware import LAST_SEEN_SESSION_KEY
from tests.harness import factories

PAGE = reverse("region_list")


@pytest.fixture
def clock(monkeypatch):
    """`clock.advance(minutes)` moves the time the portal sees forward, without sleeping."""

    class Clock:
        offset = 0.0

        def advance(self, minutes: float) -> None:
            self.offset += minutes * 60

    clock = Clock()
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + clock.offset)
    return clock


def test_the_defaults_are_shorter_for_partners_than_for_stakeholders():
    assert settings.IDLE_TIMEOUT_PARTNER_MINUTES == 30
    assert settings.IDLE_TIMEOUT_STAKEHOLDER_MINUTES == 120
    assert settings.SESSION_COOKIE_AGE == 12 * 3600


@pytest.mark.parametrize("role", ["owner", "colleague", "coordinator"])
def test_a_partner_or_coordinator_idle_for_more_than_30_minutes_is_signed_out(
    role, user_of_role, login, clock
):
    client = login(user_of_role(role))
    assert client.get(PAGE).status_code == 200

    clock.advance(31)
    response = client.get(PAGE, follow=True)

    assert response.redirect_chain[0] == (f"{reverse('account_login')}?next={PAGE}", 302)
    assert "_auth_user_id" not in client.session
    assert "You were signed out because the portal was not used for 30 minutes" in (response.text)


def test_an_autosave_after_the_timeout_gets_a_json_answer_saying_why_not_a_redirect(
    owner, region_a, login, clock
):
    section = factories.make_report(region_a).sections.first()
    client = login(owner)
    client.get(PAGE)
    clock.advance(31)

    response = client.post(
        reverse("reports:section_autosave", args=[section.report_id, section.key]),
        {"body": "<p>Half a thought</p>", "base_version": 1},
        headers={"accept": "application/json"},
    )

    assert response.status_code == 401
    assert "You were signed out because the portal was not used" in response.json()["error"]


def test_a_partner_who_keeps_working_stays_signed_in(owner, login, clock):
    client = login(owner)
    for _ in range(4):
        assert client.get(PAGE).status_code == 200
        clock.advance(20)

    assert client.get(reverse("account_email")).status_code == 200


def test_a_stakeholder_may_stay_idle_longer_than_a_partner(stakeholder, login, clock):
    client = login(stakeholder)
    client.get(PAGE)

    clock.advance(90)
    assert client.get(reverse("account_email")).status_code == 200

    clock.advance(121)
    assert client.get(reverse("account_email"))["Location"].startswith(reverse("account_login"))


def test_the_last_seen_time_is_written_at_most_once_a_minute(owner, login, clock):
    client = login(owner)
    client.get(PAGE)
    first = client.session[LAST_SEEN_SESSION_KEY]

    clock.advance(0.5)
    client.get(PAGE)
    assert client.session[LAST_SEEN_SESSION_KEY] == first

    clock.advance(1)
    client.get(PAGE)
    assert client.session[LAST_SEEN_SESSION_KEY] > first


def test_visitors_get_no_session(db):
    client = Client()

    client.get(PAGE)
    client.get(reverse("home"))

    assert settings.SESSION_COOKIE_NAME not in client.cookies
    assert not Session.objects.exists()


def test_a_session_ends_12_hours_after_signing_in_however_busy(owner, login, clock):
    client = login(owner)
    client.get(PAGE)
    session = Session.objects.get()
    signed_in_for = session.expire_date.timestamp() - time.time()

    clock.advance(25)
    client.get(PAGE)

    assert Session.objects.get().expire_date == session.expire_date
    assert 12 * 3600 - 60 < signed_in_for <= 12 * 3600
