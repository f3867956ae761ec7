"""Apply every retention period of personal data (settings; the privacy notice states them).

Run it daily. It is idempotent: a second run finds nothing more to remove. `--dry-run` says what
would go and changes nothing.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from portal.services import personal_data_purge

# Each kind: the setting of its period, and what its line says.
KINDS = {
    "event_participants": (
        "EVENT_PARTICIPANT_RETENTION_MONTHS",
        "registration(s) lost their participant, {} months after the event ended",
    ),
    "interest_messages": (
        "INTEREST_RETENTION_MONTHS",
        "interest message(s) deleted, sent over {} months ago",
    ),
    "invitations": (
        "INVITATION_RETENTION_DAYS",
        "invitation(s) deleted, never accepted and expired over {} days ago",
    ),
    "sessions": (
        "SESSION_RETENTION_DAYS",
        "session(s) ended with their IP address and browser, unused for over {} days",
    ),
    "activity_of_deleted_accounts": (
        "DELETED_ACCOUNT_ACTIVITY_RETENTION_MONTHS",
        "activity entries unlinked from accounts deleted over {} months ago",
    ),
    "security_log_addresses": (
        "SECURITY_LOG_ADDRESS_RETENTION_MONTHS",
        "activity entries whose IP and typed addresses went, recorded over {} months ago",
    ),
}


class DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


class Command(BaseCommand):
    help = "Remove the personal data whose retention period is over, and say what went per kind."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be removed; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        try:
            with transaction.atomic():
                removed = personal_data_purge()
                if dry_run:
                    raise DryRun
        except DryRun:
            pass
        else:
            # Django's own expired sessions (the ones without a record, too).
            call_command("clearsessions")
        for kind, count in removed.items():
            setting, text = KINDS[kind]
            self.stdout.write(f"{count} {text.format(getattr(settings, setting))}")
        total = sum(removed.values())
        if dry_run:
            self.stdout.write(f"Dry run: {total} would be removed; nothing was changed.")
        elif total:
            self.stdout.write(self.style.SUCCESS(f"Removed {total} in all."))
        else:
            self.stdout.write("Nothing to remove: every retention period is kept.")
