"""Reads of the events app; each page's queries stay the same however many events it shows."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Case, Count, F, Func, OuterRef, Prefetch, Q, QuerySet, Subquery, When
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from interventures.collation import translated_columns
from partners.access import roles_of
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
        .only("slug", "title", "language", *translated_columns("region__name"), "region__slug")
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


# --- the dashboard -----------------------------------------------------------------------------


def region_events_ahead(user) -> QuerySet[Event]:
    """Events of the user's regions still ahead that the user may see, soonest first, each with
    `confirmed_count` and `waiting_count`: one query."""
    return (
        access.filter_visible(Event.objects.all(), user)
        .filter(host_region_id__in=roles_of(user).member_region_ids, ends_at__gte=timezone.now())
        .select_related("host_region")
        .annotate(
            confirmed_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
            ),
            waiting_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)
            ),
        )
        .order_by("starts_at")
    )


def registrations_ahead(user) -> QuerySet[Registration]:
    """The user's registrations for events still ahead, soonest first; a waiting one has
    `waiting_position` (1 for the first in line): one query, with the position a subquery."""
    ahead_in_line = (
        Registration.objects.filter(
            event_id=OuterRef("event_id"), status=RegistrationStatus.WAITING
        )
        .filter(
            Q(created_at__lt=OuterRef("created_at"))
            | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk"))
        )
        .order_by()
        .annotate(count=Func(F("pk"), function="COUNT"))
        .values("count")
    )
    return (
        Registration.objects.filter(user=user, event__ends_at__gte=timezone.now())
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("event__host_region")
        .annotate(
            waiting_position=Case(
                When(
                    status=RegistrationStatus.WAITING,
                    then=Subquery(ahead_in_line[:1]) + 1,
                ),
                default=None,
            )
        )
        .order_by("event__starts_at")
    )


def next_event_by_region() -> dict[int, Event]:
    """Each host region's next event still ahead (coordinators see unpublished ones too)."""
    upcoming = Event.objects.filter(ends_at__gte=timezone.now()).exclude(
        status__in=[EventStatus.CANCELLED, EventStatus.POSTPONED]
    )
    following: dict[int, Event] = {}
    for event in upcoming.order_by("host_region_id", "starts_at").only(
        "title", "slug", "starts_at", "ends_at", "timezone", "host_region_id", "language"
    ):
        following.setdefault(event.host_region_id, event)
    return following
