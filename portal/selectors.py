"""Reads that combine the apps: everything the portal holds about one person."""

from django.conf import settings
from django.utils import timezone

from events import selectors as event_selectors
from interventures.activity import selectors as activity_selectors
from interventures.notifications import selectors as notification_selectors
from partners import selectors as partner_selectors
from partners.models import User
from practices import selectors as practice_selectors
from reports import selectors as report_selectors


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
