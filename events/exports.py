"""The organisers' participant list as CSV (the list itself is read by `selectors.participants`).

The CSV opens in Excel as UTF-8 (it starts with a byte-order mark), and a cell that a
spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return) is
prefixed with a single quote, so a participant's name cannot become a formula.
"""

import csv
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from interventures.spreadsheets import neutralise

from .models import Event
from .selectors import Participant


def _local(moment: datetime | None, event: Event) -> str:
    if moment is None:
        return ""
    return timezone.localtime(moment, event.tzinfo).strftime("%Y-%m-%d %H:%M")


def write_participants_csv(event: Event, rows: list[Participant], out) -> None:
    """Write the participant list to the text stream `out` (a BOM first, for Excel)."""
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(
        [
            _("Name"),
            _("Email"),
            _("Status"),
            _("Waiting-list position"),
            _("Registered at (%(zone)s)") % {"zone": event.timezone},
            _("Moved from the waiting list at"),
            _("Cancelled at"),
        ]
    )
    for row in rows:
        registration = row.registration
        writer.writerow(
            neutralise(cell)
            for cell in (
                row.name,
                row.email,
                registration.get_status_display(),
                row.waiting_position or "",
                _local(registration.created_at, event),
                _local(registration.promoted_at, event),
                _local(registration.cancelled_at, event),
            )
        )
