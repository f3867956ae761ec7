"""Who takes part in an event: the organisers' participant list, and the same as CSV.

The CSV opens in Excel as UTF-8 (it starts with a byte-order mark), and a cell that a
spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return) is
prefixed with a single quote, so a participant's name cannot become a formula.
"""

import csv
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from interventures.spreadsheets import neutralise

from .models import Event, Registration, RegistrationStatus


@dataclass(frozen=True)
class Participant:
    registration: Registration
    waiting_position: int | None  # 1 for the first on the waiting list

    @property
    def name(self) -> str:
        user = self.registration.user
        if user is None:
            return _("Removed participant")
        return user.get_full_name() or user.email

    @property
    def email(self) -> str:
        user = self.registration.user
        return user.email if user else ""


@dataclass(frozen=True)
class ParticipantCounts:
    confirmed: int
    waiting: int
    cancelled: int
    capacity: int | None

    @property
    def seats_left(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.confirmed, 0)


def participants(event: Event) -> list[Participant]:
    """Every registration of the event, in the order people registered, in one query."""
    rows = []
    position = 0
    for registration in event.registrations.select_related("user").order_by("created_at", "pk"):
        waiting = None
        if registration.status == RegistrationStatus.WAITING:
            position += 1
            waiting = position
        rows.append(Participant(registration, waiting))
    return rows


def participant_counts(event: Event) -> ParticipantCounts:
    counts = event.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
        cancelled=Count("pk", filter=Q(status=RegistrationStatus.CANCELLED)),
    )
    return ParticipantCounts(capacity=event.capacity, **counts)


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
