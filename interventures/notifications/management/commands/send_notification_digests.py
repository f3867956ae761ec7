"""Email each person their unread notifications of the kinds they chose to read in a daily
digest. Run it once a day; a second run the same day sends nothing already sent."""

from django.core.management.base import BaseCommand

from interventures.notifications.services import digests_send


class Command(BaseCommand):
    help = "Email each person a digest of their unread 'daily digest' notifications."

    def handle(self, *args, **options):
        sent = digests_send()
        self.stdout.write(f"{sent} digest(s) queued for the worker")
