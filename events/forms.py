"""The event form: times are typed in the event's own time zone, whatever the portal's is."""

import datetime
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone as django_timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from interventures.collation import translated_columns
from interventures.forms import SingleLineTextMixin
from interventures.richtext import RichTextWidget, sanitize
from interventures.validators import within_supported_years
from partners.models import PartnerOrganisation, Region
from practices.models import GoodPractice

from .models import Event

COMMON_TIMEZONES = [
    "Europe/Brussels",
    "Europe/Budapest",
    "Europe/Zagreb",
    "Europe/Rome",
    "Europe/Warsaw",
    "Europe/Madrid",
    "Europe/Vilnius",
    "Europe/Lisbon",
    "Europe/London",
    "Europe/Athens",
    "UTC",
]


class LocalDateTimeField(forms.DateTimeField):
    """A wall-clock date and time without a zone; the form gives it the event's zone."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    default_validators = [within_supported_years]

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value
        try:
            parsed = parse_datetime(str(value).strip())
        except ValueError:
            parsed = None
        if parsed is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed


def _rich_text_widget():
    return RichTextWidget(rows=8)


class EventForm(SingleLineTextMixin, forms.ModelForm):
    timezone = forms.ChoiceField(
        label=_("Time zone"),
        help_text=_("Start, end and registration deadline are in this time zone."),
        error_messages={"invalid_choice": _("“%(value)s” is not a time zone offered here.")},
    )
    starts_at = LocalDateTimeField(label=_("Starts"))
    ends_at = LocalDateTimeField(label=_("Ends"))
    registration_deadline = LocalDateTimeField(label=_("Registration deadline"), required=False)
    practices = forms.ModelMultipleChoiceField(
        label=_("Good practices presented"),
        queryset=GoodPractice.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Published good practices only; the event's page links to them."),
        error_messages={
            "invalid_choice": _(
                "Good practice %(value)s is not published or does not exist: choose one "
                "from the list."
            ),
            "invalid_pk_value": _("“%(pk)s” is not a good practice: choose one from the list."),
        },
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "language",
            "kind",
            "host_region",
            "host_organisation",
            "regions",
            "format",
            "status",
            "planned_place",
            "actual_place",
            "timezone",
            "starts_at",
            "ends_at",
            "summary",
            "agenda",
            "outcomes",
            "practices",
            "is_published",
            "capacity",
            "registration_deadline",
        ]
        widgets = {
            "regions": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "agenda": _rich_text_widget(),
            "outcomes": _rich_text_widget(),
        }

    def __init__(self, *args, host_regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host_region"].queryset = host_regions
        if host_regions.count() == 1 and not self.instance.pk:
            self.fields["host_region"].initial = host_regions.first()
        self.fields["host_organisation"].queryset = PartnerOrganisation.objects.filter(
            region__in=host_regions
        ).select_related("region")
        self.fields["host_organisation"].label_from_instance = lambda organisation: (
            f"{organisation.name} ({organisation.region.name})"
        )
        self.fields["regions"].queryset = Region.objects.all()
        self.fields["practices"].queryset = (
            GoodPractice.objects.published()
            .select_related("region")
            .only("pk", "title", "status", *translated_columns("region__name"))
            .order_by("region__name", "title")
        )
        # Sorted by region and labelled with it, so that each region's practices stand together.
        self.fields["practices"].label_from_instance = lambda practice: (
            f"{practice.region.name}: {practice.title}"
        )
        zones = list(COMMON_TIMEZONES)
        if self.instance.timezone and self.instance.timezone not in zones:
            zones.insert(0, self.instance.timezone)
        self.fields["timezone"].choices = [(zone, zone.replace("_", " ")) for zone in zones]
        if self.instance.pk:
            # Shown as the event's own wall-clock time, not the portal's.
            for name in ("starts_at", "ends_at", "registration_deadline"):
                value = getattr(self.instance, name)
                if value is not None:
                    self.initial[name] = value.astimezone(self.instance.tzinfo).replace(tzinfo=None)

    def clean_agenda(self):
        return sanitize(self.cleaned_data["agenda"])

    def clean_outcomes(self):
        return sanitize(self.cleaned_data["outcomes"])

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("timezone")
        try:
            zone = zoneinfo.ZoneInfo(zone_name) if zone_name else None
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = None
        # Without a valid zone the form is refused anyway; the portal's keeps values aware.
        zone = zone or django_timezone.get_current_timezone()
        for name in ("starts_at", "ends_at", "registration_deadline"):
            value = cleaned.get(name)
            if value is not None and value.tzinfo is None:
                cleaned[name] = value.replace(tzinfo=zone)
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at < starts_at:
            self.add_error("ends_at", _("The event cannot end before it starts."))
        deadline = cleaned.get("registration_deadline")
        if deadline and starts_at and deadline > starts_at:
            self.add_error(
                "registration_deadline", _("Registration must close before the event starts.")
            )
        region, organisation = cleaned.get("host_region"), cleaned.get("host_organisation")
        if region and organisation and organisation.region_id != region.pk:
            self.add_error(
                "host_organisation",
                _("%(organisation)s is not a partner of %(region)s.")
                % {"organisation": organisation.name, "region": region.name},
            )
        return cleaned
