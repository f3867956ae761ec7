"""Remove participants' personal data from events that ended long enough ago.

The registrations stay (their status, dates and so the event's counts) with `user` set to
None and `anonymised_at` set. Running it again changes nothing.
"""

import calendar
from datetime import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from events.models import Event, Registration


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (clamped to the month's end)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


class Command(BaseCommand):
    help = (
        "Remove participants' personal data from events that ended more than N months ago "
        "(default: settings.EVENT_PARTICIPANT_RETENTION_MONTHS); the counts stay."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="Retention in months after an event ends "
            f"(default {settings.EVENT_PARTICIPANT_RETENTION_MONTHS}).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be removed; change nothing."
        )

    def handle(self, *args, months=None, dry_run=False, **options):
        if months is None:
            months = settings.EVENT_PARTICIPANT_RETENTION_MONTHS
        if months < 0:
            raise CommandError("--months must be 0 or more.")
        now = timezone.now()
        cutoff = months_before(now, months)
        pending = Registration.objects.filter(event__ends_at__lt=cutoff, anonymised_at__isnull=True)
        per_event = (
            Event.objects.filter(pk__in=pending.values("event_id"))
            .annotate(
                pending=Count("registrations", filter=Q(registrations__anonymised_at__isnull=True))
            )
            .order_by("ends_at", "pk")
        )
        verb = "Would remove" if dry_run else "Removed"
        total = 0
        with transaction.atomic():
            for event in per_event:
                total += event.pending
                self.stdout.write(
                    f"{verb} the personal data of {event.pending} registration(s) of "
                    f"“{event.title}” ({event.slug}, ended {event.ends_at:%Y-%m-%d})."
                )
            if not dry_run:
                pending.update(user=None, anonymised_at=now)
        if total == 0:
            self.stdout.write(
                f"Nothing to remove: no event that ended before {cutoff:%Y-%m-%d} "
                "still holds personal data."
            )
        else:
            summary = f"{verb} the personal data of {total} registration(s) in total"
            summary += " (dry run: nothing was changed)." if dry_run else "."
            self.stdout.write(self.style.SUCCESS(summary))
