"""`manage.py purge_personal_data`: each retention period (settings) is applied, exactly what is
past it goes, and a second run removes nothing."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.utils import timezone

from events.models import Registration, RegistrationStatus
from interventures.activity.models import ActivityEntry
from interventures.activity.services import log_action
from interventures.dates import months_before
from partners.models import Invitation
from portal.services import account_delete
from practices.models import Interest
from tests.harness import factories

DAY = timedelta(days=1)


def purge(*args) -> str:
    out = StringIO()
    call_command("purge_personal_data", *args, stdout=out)
    return out.getvalue()


def ago(**delta):
    return timezone.now() - timedelta(**delta)


def event_with_participants(region, *, ended_days_ago: int, title: str):
    event = factories.make_event(region, capacity=1, title=title)
    for status in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING):
        Registration.objects.create(event=event, user=factories.make_user(), status=status)
    ended = ago(days=ended_days_ago)
    event.starts_at, event.ends_at = ended - timedelta(hours=3), ended
    event.save()
    return event


def interest_sent(practice, *, days_ago: int) -> Interest:
    interest = Interest.objects.create(
        practice=practice,
        name="Anna",
        email="anna@example.org",
        message="Tell me more.",
        consent_at=timezone.now(),
    )
    Interest.objects.filter(pk=interest.pk).update(created_at=ago(days=days_ago))
    return interest


def session_last_seen(user, *, days_ago: int) -> UserSession:
    store = SessionStore()
    store.create()
    return UserSession.objects.create(
        user=user,
        session_key=store.session_key,
        ip="192.0.2.7",
        user_agent="Firefox",
        last_seen_at=ago(days=days_ago),
    )


@pytest.fixture
def world_with_old_and_recent_data(region_a, org_a, owner, colleague, stakeholder, settings):
    """For each kind, one thing just past its period and one just within it."""
    settings.EVENT_PARTICIPANT_RETENTION_MONTHS = 12
    settings.INTEREST_RETENTION_MONTHS = 24
    settings.INVITATION_RETENTION_DAYS = 30
    settings.SESSION_RETENTION_DAYS = 90
    settings.DELETED_ACCOUNT_ACTIVITY_RETENTION_MONTHS = 12
    practice = factories.make_practice(region_a)
    old_invitation, _ = factories.make_invitation(org_a, email="old@example.org", valid_days=-31)
    log_action(actor=None, verb="invitation.sent", target=old_invitation)
    # The colleague deleted their account 13 months ago, the stakeholder a month ago.
    for user, months in ((colleague, 13), (stakeholder, 1)):
        log_action(actor=user, verb="report.created", data={"ip": "192.0.2.1"})
        account_delete(user=user)
        user.refresh_from_db()
        type(user).objects.filter(pk=user.pk).update(
            erased_at=months_before(timezone.now(), months)
        )
    return {
        "old_event": event_with_participants(region_a, ended_days_ago=400, title="Kick-off 2024"),
        "recent_event": event_with_participants(region_a, ended_days_ago=300, title="Last year"),
        "old_interest": interest_sent(practice, days_ago=2 * 365 + 5),
        "recent_interest": interest_sent(practice, days_ago=2 * 365 - 5),
        "old_invitation": old_invitation,
        "recent_invitation": factories.make_invitation(org_a, valid_days=-29)[0],
        "accepted_invitation": Invitation.objects.create(
            email="accepted@example.org",
            organisation=org_a,
            role="editor",
            token_hash="accepted",
            expires_at=ago(days=400),
            accepted_at=ago(days=410),
        ),
        "old_session": session_last_seen(owner, days_ago=91),
        "recent_session": session_last_seen(owner, days_ago=89),
        "long_gone": colleague,
        "recently_gone": stakeholder,
    }


def test_the_purge_removes_exactly_what_is_past_each_period(world_with_old_and_recent_data):
    data = world_with_old_and_recent_data

    output = purge()

    old, recent = data["old_event"], data["recent_event"]
    assert all(r.user is None and r.anonymised_at for r in old.registrations.all())
    assert all(r.user is not None for r in recent.registrations.all())
    assert old.registrations.count() == 2  # the counts stay
    assert not Interest.objects.filter(pk=data["old_interest"].pk).exists()
    assert Interest.objects.filter(pk=data["recent_interest"].pk).exists()
    assert not Invitation.objects.filter(pk=data["old_invitation"].pk).exists()
    assert Invitation.objects.filter(pk=data["recent_invitation"].pk).exists()
    assert Invitation.objects.filter(pk=data["accepted_invitation"].pk).exists()
    assert "old@example.org" not in "".join(
        ActivityEntry.objects.values_list("object_repr", flat=True)
    )
    assert not UserSession.objects.filter(pk=data["old_session"].pk).exists()
    assert not SessionStore().exists(data["old_session"].session_key)
    assert UserSession.objects.filter(pk=data["recent_session"].pk).exists()
    assert not ActivityEntry.objects.filter(actor=data["long_gone"]).exists()
    assert ActivityEntry.objects.filter(actor=data["recently_gone"]).exists()
    forgotten = ActivityEntry.objects.get(verb="report.created", actor=None)
    assert "ip" not in forgotten.data
    assert "2 registration(s) lost their participant, 12 months after the event ended" in output
    assert "1 interest message(s) deleted, sent over 24 months ago" in output
    assert "1 invitation(s) deleted, never accepted and expired over 30 days ago" in output
    assert "1 session(s) ended" in output
    assert "activity entries unlinked from accounts deleted over 12 months ago" in output


def test_the_purge_is_idempotent(world_with_old_and_recent_data):
    purge()
    stamps = list(Registration.objects.values_list("anonymised_at", flat=True))

    output = purge()

    assert "Nothing to remove" in output
    assert all(line.startswith("0 ") for line in output.splitlines()[:5])
    assert list(Registration.objects.values_list("anonymised_at", flat=True)) == stamps


def test_a_dry_run_says_what_would_go_and_changes_nothing(world_with_old_and_recent_data):
    output = purge("--dry-run")

    assert "2 registration(s) lost their participant" in output
    assert "nothing was changed" in output
    assert not Registration.objects.filter(anonymised_at__isnull=False).exists()
    assert Interest.objects.filter(pk=world_with_old_and_recent_data["old_interest"].pk).exists()
    assert UserSession.objects.filter(pk=world_with_old_and_recent_data["old_session"].pk).exists()


def test_the_periods_come_from_the_settings(world_with_old_and_recent_data, settings):
    settings.EVENT_PARTICIPANT_RETENTION_MONTHS = 0

    purge()

    assert not Registration.objects.filter(user__isnull=False).exists()


def test_security_events_lose_their_addresses_after_their_period(db):
    old = log_action(
        actor=None,
        verb="account.sign_in_failed",
        data={"ip": "203.0.113.7", "email": "nobody@example.org"},
        when=ago(days=400),
    )
    recent = log_action(
        actor=None,
        verb="account.sign_in_failed",
        data={"ip": "203.0.113.8", "email": "someone@example.org"},
        when=ago(days=300),
    )

    output = purge()

    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.data == {}
    assert old.verb == "account.sign_in_failed"
    assert recent.data == {"ip": "203.0.113.8", "email": "someone@example.org"}
    assert "1 activity entries whose IP and typed addresses went" in output
    assert "0 activity entries whose IP and typed addresses went" in purge()


def test_months_before_counts_calendar_months_and_clamps_to_the_month_end():
    moment = datetime(2025, 3, 31, 12, tzinfo=UTC)
    assert months_before(moment, 1) == datetime(2025, 2, 28, 12, tzinfo=UTC)
    assert months_before(moment, 12) == datetime(2024, 3, 31, 12, tzinfo=UTC)
    assert months_before(moment, 0) == moment
