"""`manage.py purge_event_participants`: personal data of past events' participants goes,
the counts stay."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from events.management.commands.purge_event_participants import months_before
from events.models import Registration, RegistrationStatus
from tests.harness import factories


def purge(*args) -> str:
    out = StringIO()
    call_command("purge_event_participants", *args, stdout=out)
    return out.getvalue()


def event_with_participants(region, *, ended_days_ago: int, title: str):
    starts_at = timezone.now() + timedelta(days=10)
    event = factories.make_event(region, capacity=1, title=title, starts_at=starts_at)
    for status in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING):
        Registration.objects.create(event=event, user=factories.make_user(), status=status)
    ended = timezone.now() - timedelta(days=ended_days_ago)
    event.starts_at, event.ends_at = ended - timedelta(hours=3), ended
    event.save()
    return event


@pytest.fixture
def old_event(region_a):
    return event_with_participants(region_a, ended_days_ago=400, title="Kick-off 2024")


@pytest.fixture
def recent_event(region_a):
    return event_with_participants(region_a, ended_days_ago=30, title="Last month")


def test_purge_removes_people_from_events_that_ended_over_a_year_ago(
    old_event, recent_event, settings
):
    settings.EVENT_PARTICIPANT_RETENTION_MONTHS = 12
    output = purge()
    old = old_event.registrations.all()
    assert all(r.user is None and r.anonymised_at for r in old)
    assert all(
        r.user is not None and r.anonymised_at is None for r in recent_event.registrations.all()
    )
    assert "Kick-off 2024" in output
    assert "2 registration(s)" in output


def test_purge_keeps_the_counts(old_event):
    purge()
    assert old_event.registrations.filter(status=RegistrationStatus.CONFIRMED).count() == 1
    assert old_event.registrations.filter(status=RegistrationStatus.WAITING).count() == 1


def test_months_option_overrides_the_setting(old_event, recent_event):
    purge("--months", "0")
    assert not Registration.objects.filter(user__isnull=False).exists()


def test_dry_run_changes_nothing_and_says_what_it_would_do(old_event):
    output = purge("--dry-run")
    assert "Would remove" in output
    assert "Kick-off 2024" in output
    assert not Registration.objects.filter(anonymised_at__isnull=False).exists()


def test_purge_is_idempotent(old_event):
    purge()
    stamps = list(Registration.objects.values_list("anonymised_at", flat=True))
    output = purge()
    assert "Nothing to remove" in output
    assert list(Registration.objects.values_list("anonymised_at", flat=True)) == stamps


def test_negative_months_are_refused(db):
    with pytest.raises(CommandError):
        purge("--months", "-1")


def test_months_before_counts_calendar_months_and_clamps_to_the_month_end():
    moment = datetime(2025, 3, 31, 12, tzinfo=UTC)
    assert months_before(moment, 1) == datetime(2025, 2, 28, 12, tzinfo=UTC)
    assert months_before(moment, 12) == datetime(2024, 3, 31, 12, tzinfo=UTC)
    assert months_before(moment, 0) == moment
