"""Remind each region's editors of their report's due date, DEADLINE_REMINDER_DAYS days before it
and on the day. Run it daily; a second run the same day sends nothing already sent."""

from django.conf import settings
from django.core.management.base import BaseCommand

from reports.services import deadline_reminders_send


class Command(BaseCommand):
    help = (
        "Notify the region's editors of reports due within DEADLINE_REMINDER_DAYS days and of "
        "those due today, once per report and step."
    )

    def handle(self, *args, **options):
        sent = deadline_reminders_send()
        self.stdout.write(
            f"{sent} reminder(s) sent (due within {settings.DEADLINE_REMINDER_DAYS} days or today)"
        )
