"""Writes that combine the apps: a person's export and the deletion of their account, and the
retention periods applied to everyone's personal data (`manage.py purge_personal_data`)."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from events import services as event_services
from interventures.activity.services import log_action
from interventures.dates import months_before
from interventures.notifications import services as notification_services
from partners import selectors as partner_selectors
from partners import services as partner_services
from partners.models import User
from plans.services import plans as plan_services
from practices import services as practice_services
from reports import services as report_services

from . import selectors


@transaction.atomic
def personal_data_export(*, user: User) -> dict:
    """Everything the portal holds about `user`, as they download it; the download is logged."""
    data = selectors.personal_data_of(user)
    log_action(actor=user, verb="account.data_exported")
    return data


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete `user`'s account: each app erases its personal data of them (its
    `services.personal_data_erase`), what they wrote stays, attributed to their organisation.

    Raises ValidationError, changing nothing, when the account may not go (the last
    coordinator). The log keeps that the account was deleted, by whom (the erased account)."""
    addresses = partner_selectors.addresses_of(user)
    # First: it refuses the last coordinator before anything changes, and it erases the
    # addresses, which the others were given beforehand.
    partner_services.personal_data_erase(user=user)
    report_services.personal_data_erase(user=user)
    plan_services.personal_data_erase(user=user)
    practice_services.personal_data_erase(user=user, addresses=addresses)
    event_services.personal_data_erase(user=user)
    notification_services.personal_data_erase(user=user)
    log_action(actor=user, verb="account.deleted")


def personal_data_purge(*, now=None) -> dict[str, int]:
    """Apply every retention period (settings, stated in the privacy notice); how many of each
    kind were removed. Idempotent: a second run removes nothing new."""
    now = now or timezone.now()
    with transaction.atomic():
        return {
            "event_participants": event_services.registrations_purge(
                ended_before=months_before(now, settings.EVENT_PARTICIPANT_RETENTION_MONTHS),
                now=now,
            ),
            "interest_messages": practice_services.interests_purge(
                sent_before=months_before(now, settings.INTEREST_RETENTION_MONTHS)
            ),
            **partner_services.personal_data_purge(now=now),
        }
