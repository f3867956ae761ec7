"""The events list's filters: region (hosting or taking part), kind, format, year."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from partners.models import Region

from .models import Event, EventFormat, EventKind


def _years():
    dates = Event.objects.dates("starts_at", "year", order="DESC")
    return [(str(day.year), str(day.year)) for day in dates]


class EventFilter(django_filters.FilterSet):
    region = django_filters.ModelChoiceFilter(
        label=_("Region"),
        queryset=Region.objects.all(),
        to_field_name="slug",
        empty_label=_("All regions"),
        method="filter_region",
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=EventKind.choices, empty_label=_("All kinds")
    )
    format = django_filters.ChoiceFilter(
        label=_("Format"), choices=EventFormat.choices, empty_label=_("All formats")
    )
    year = django_filters.ChoiceFilter(
        label=_("Year"),
        field_name="starts_at",
        lookup_expr="year",
        choices=_years,
        empty_label=_("All years"),
    )

    class Meta:
        model = Event
        fields = ["region", "kind", "format", "year"]

    def filter_region(self, queryset, name, region):
        """Hosted by the region, or with the region taking part."""
        taking_part = Event.regions.through.objects.filter(region=region).values("event_id")
        return queryset.filter(Q(host_region=region) | Q(pk__in=taking_part))
