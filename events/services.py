"""Writes of the events app: events, and registrations that never exceed capacity."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from interventures.activity.services import log_action
from interventures.notifications.services import notify
from interventures.slugs import unique_slug
from practices.models import PracticeStatus

from .models import SLUG_MAX_LENGTH, Event, Registration, RegistrationStatus


def event_save(*, event: Event, regions=None, practices=None, actor=None) -> Event:
    """Validate and save an event (its rich-text fields sanitise themselves).

    Only published good practices can be linked: the event's page is public.
    """
    if practices is not None and any(
        practice.status != PracticeStatus.PUBLISHED for practice in practices
    ):
        raise ValidationError(_("Only published good practices can be linked to an event."))
    with transaction.atomic():
        created = event._state.adding
        event.full_clean()
        event.save()
        if regions is not None:
            event.regions.set(regions)
        if practices is not None:
            event.practices.set(practices)
        log_action(actor=actor, verb="event.created" if created else "event.updated", target=event)
    return event


def registration_create(*, event: Event, user) -> Registration:
    """A seat while there is one, else a place on the waiting list.

    The event row is locked (PostgreSQL) or the database write-locked (SQLite's IMMEDIATE
    transactions), so two people taking the last seat at once get one seat and one waiting
    place, never more seats than capacity.
    """
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if event.capacity is None or not event.registration_is_open:
            raise ValidationError(_("Registration for this event is closed."))
        active = Registration.objects.filter(event=event).exclude(
            status=RegistrationStatus.CANCELLED
        )
        if active.filter(user=user).exists():
            raise ValidationError(_("You are already registered for this event."))
        confirmed = active.filter(status=RegistrationStatus.CONFIRMED).count()
        status = (
            RegistrationStatus.CONFIRMED
            if confirmed < event.capacity
            else RegistrationStatus.WAITING
        )
        try:
            with transaction.atomic():
                return Registration.objects.create(event=event, user=user, status=status)
        except IntegrityError:
            raise ValidationError(_("You are already registered for this event.")) from None


def registration_cancel(*, registration: Registration) -> Registration | None:
    """Cancel; a freed seat goes to the first on the waiting list, who is notified.

    Returns the promoted registration, if any.
    """
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            return None
        freed_seat = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        if not freed_seat:
            return None
        promoted = (
            Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
            .select_related("user")
            .order_by("created_at", "pk")
            .first()
        )
        if promoted is None:
            return None
        promoted.status = RegistrationStatus.CONFIRMED
        promoted.promoted_at = timezone.now()
        promoted.save(update_fields=["status", "promoted_at"])
        # Who was promoted is personal data: the log names the event only.
        log_action(actor=None, verb="registration.promoted", target=event)
        if promoted.user:
            notify(
                recipients=[promoted.user],
                kind="registration.promoted",
                target=event,
                url=event.get_absolute_url(),
                email_templates="events/email/promoted",
                email_context={"event": event, "user": promoted.user},
                email_one_each=True,
            )
        return promoted


def personal_data_erase(*, user) -> None:
    """Erase the events app's personal data of `user` (portal.services.account_delete): their
    seats at events still to come are given up (the waiting list moves up), then every
    registration of theirs stays, for the counts, without them."""
    upcoming = Registration.objects.filter(user=user, event__starts_at__gt=timezone.now()).exclude(
        status=RegistrationStatus.CANCELLED
    )
    for registration in upcoming:
        registration_cancel(registration=registration)
    Registration.objects.filter(user=user).update(user=None, anonymised_at=timezone.now())


def registrations_purge(*, ended_before, now) -> int:
    """Participants of events that ended before `ended_before` are removed from their
    registrations (settings.EVENT_PARTICIPANT_RETENTION_MONTHS); the rows, so the counts, stay."""
    return Registration.objects.filter(
        event__ends_at__lt=ended_before, anonymised_at__isnull=True
    ).update(user=None, anonymised_at=now)


def free_slug(title: str, *, exclude_pk: int | None = None) -> str:
    """A slug made of the title, with a number appended when it is taken."""
    others = Event.objects.all() if exclude_pk is None else Event.objects.exclude(pk=exclude_pk)
    return unique_slug(
        others,
        title,
        base_length=SLUG_MAX_LENGTH - 5,
        fallback="event",
    )
