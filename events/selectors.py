"""Reads of the events app; each page's queries stay the same however many events it shows."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from practices.models import GoodPractice

from . import access
from .models import Event, EventStatus, Registration, RegistrationStatus


def event_list(user) -> QuerySet[Event]:
    """The events the user may see, with what a list item shows, in one query each."""
    return (
        access.filter_visible(Event.objects.all(), user)
        .select_related("host_region", "host_organisation")
        .prefetch_related("regions")
    )


@dataclass(frozen=True)
class Timeline:
    upcoming: list[Event]
    past: list[Event]

    @property
    def count(self) -> int:
        return len(self.upcoming) + len(self.past)


def timeline(events: QuerySet[Event], *, now: datetime | None = None) -> Timeline:
    """Events still ahead (soonest first) and those over (newest first)."""
    now = now or timezone.now()
    rows = list(events)
    upcoming = sorted((e for e in rows if e.ends_at >= now), key=lambda e: e.starts_at)
    past = sorted((e for e in rows if e.ends_at < now), key=lambda e: e.starts_at, reverse=True)
    return Timeline(upcoming=upcoming, past=past)


def event_detail(user, slug: str) -> Event:
    """The event if the user may see it; 404 otherwise, whether it exists or not.

    `event.published_practices`: the good practices presented there that the public may see.
    """
    practices = (
        GoodPractice.objects.published()
        .select_related("region")
        .only("slug", "title", "language", "region__name", "region__slug")
        .order_by("title")
    )
    return get_object_or_404(
        event_list(user).prefetch_related(
            Prefetch("practices", queryset=practices, to_attr="published_practices")
        ),
        slug=slug,
    )


@dataclass(frozen=True)
class HomeEvents:
    events: list[Event]
    upcoming: bool


def home_events(limit: int = 3) -> HomeEvents:
    """The next published events; when none is ahead, the latest ones held."""
    published = Event.objects.filter(is_published=True).select_related("host_region")
    now = timezone.now()
    ahead = list(published.filter(ends_at__gte=now).order_by("starts_at")[:limit])
    if ahead:
        return HomeEvents(events=ahead, upcoming=True)
    held = published.filter(ends_at__lt=now).exclude(
        status__in=[EventStatus.CANCELLED, EventStatus.POSTPONED]
    )
    return HomeEvents(events=list(held.order_by("-starts_at")[:limit]), upcoming=False)


def registration_state(event: Event, user) -> dict:
    """What the registration box needs: the user's place, seats left, the waiting list."""
    counts = Registration.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
    )
    registration = None
    if user.is_authenticated:
        registration = (
            Registration.objects.filter(event=event, user=user)
            .exclude(status=RegistrationStatus.CANCELLED)
            .first()
        )
    seats_left = None
    if event.capacity is not None:
        seats_left = max(event.capacity - counts["confirmed"], 0)
    return {
        "can_register": access.can_register(user, event),
        "registration": registration,
        "waiting_position": waiting_position(registration) if registration else None,
        "seats_left": seats_left,
        "waiting_count": counts["waiting"],
        "can_organise": access.can_organise(user, event),
    }


def waiting_position(registration: Registration) -> int | None:
    """1 for the first on the waiting list; None when the registration is not waiting."""
    if registration.status != RegistrationStatus.WAITING:
        return None
    earlier = Registration.objects.filter(
        event_id=registration.event_id, status=RegistrationStatus.WAITING
    ).filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return earlier.count() + 1


def times_differ(event: Event, viewer_timezone) -> bool:
    """Whether the viewer's clock shows the event's start or end differently."""
    return any(
        moment.astimezone(event.tzinfo).utcoffset()
        != moment.astimezone(viewer_timezone).utcoffset()
        for moment in (event.starts_at, event.ends_at)
    )


# --- participants (organisers only) ---------------------------------------------------------


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


def personal_data_of(user) -> dict:
    """What the events app holds about `user`, for the export of their data."""
    return {
        "event_registrations": [
            {
                "event": registration.event.title,
                "starts": registration.event.starts_at.isoformat(),
                "status": registration.status,
                "registered": registration.created_at.isoformat(),
                "cancelled": registration.cancelled_at.isoformat()
                if registration.cancelled_at
                else None,
            }
            for registration in Registration.objects.filter(user=user).select_related("event")
        ]
    }


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
