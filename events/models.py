"""The partnership's meetings: its timeline, and registrations for the ones to come."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from interventures.richtext import SanitizedHTMLField
from partners.models import PartnerOrganisation, Region

SLUG_MAX_LENGTH = 80


class EventKind(models.TextChoices):
    KICK_OFF = "kick_off", _("Kick-off meeting")
    INTERREGIONAL = "interregional", _("Interregional meeting")
    STUDY_VISIT = "study_visit", _("Thematic study visit")
    STAKEHOLDERS = "stakeholders", _("Stakeholder-group meeting")
    WEBINAR = "webinar", _("Webinar")
    CONFERENCE = "conference", _("Conference")


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class EventStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    MOVED_ONLINE = "moved_online", _("Moved online")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


def validate_timezone(name: str) -> None:
    if name not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(name)s” is not a known time zone."), params={"name": name})


class Event(models.Model):
    """A meeting of the partnership, with the place it was planned at beside the one it had."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=SLUG_MAX_LENGTH, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind)
    host_region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="hosted_events",
        verbose_name=_("host region"),
    )
    host_organisation = models.ForeignKey(
        PartnerOrganisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_events",
        verbose_name=_("host organisation"),
    )
    regions = models.ManyToManyField(
        Region, blank=True, related_name="events", verbose_name=_("regions taking part")
    )
    format = models.CharField(_("format"), max_length=10, choices=EventFormat)
    status = models.CharField(
        _("status"), max_length=15, choices=EventStatus, default=EventStatus.PLANNED
    )
    planned_place = models.CharField(_("planned place"), max_length=200, blank=True)
    actual_place = models.CharField(
        _("actual place"),
        max_length=200,
        blank=True,
        help_text=_("Where it really took place, when that differs from the plan (e.g. online)."),
    )
    timezone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Brussels", validators=[validate_timezone]
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The language the title, summary, agenda and outcomes are written in."),
    )
    summary = models.TextField(_("summary"), max_length=1000, blank=True)
    agenda = SanitizedHTMLField(_("agenda"), blank=True)
    outcomes = SanitizedHTMLField(_("outcomes"), blank=True)
    practices = models.ManyToManyField(
        "practices.GoodPractice",
        blank=True,
        related_name="events",
        verbose_name=_("good practices presented"),
    )
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Unpublished events are seen by organisers only."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_(
            "Seats for registered participants; leave empty when there is no registration."
        ),
    )
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_it_starts",
                violation_error_message=_("An event cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event_detail", kwargs={"slug": self.slug})

    @property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def is_upcoming(self) -> bool:
        return self.ends_at >= timezone.now()

    @property
    def registration_is_open(self) -> bool:
        """Open while seats are offered, the event is ahead, going ahead and not past deadline."""
        now = timezone.now()
        return (
            self.capacity is not None
            and self.is_published
            and self.starts_at > now
            and self.status in (EventStatus.PLANNED, EventStatus.MOVED_ONLINE)
            and (self.registration_deadline is None or self.registration_deadline > now)
        )


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(models.Model):
    """A person's seat at an event, or their place on its waiting list.

    After the retention period the person is removed (`user` set to None) and the row stays,
    so the event's counts survive without personal data.
    """

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("participant"),
    )
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    promoted_at = models.DateTimeField(_("moved from the waiting list"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("personal data removed"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=~models.Q(status="cancelled"),
                name="one_active_registration_per_person",
            )
        ]

    def __str__(self):
        return f"{self.user or _('removed participant')} · {self.event}"
