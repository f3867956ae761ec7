"""The activity page's filters: every value a GET parameter, so a filtered view can be shared."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ActivityEntry
from .verbs import VERBS


class ActivityFilter(django_filters.FilterSet):
    verb = django_filters.ChoiceFilter(
        label=_("What happened"), choices=list(VERBS.items()), empty_label=_("Everything")
    )
    actor = django_filters.CharFilter(
        label=_("By (email address contains)"), field_name="actor__email", lookup_expr="icontains"
    )
    since = django_filters.DateFilter(
        label=_("From"),
        field_name="created_at",
        lookup_expr="date__gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = django_filters.DateFilter(
        label=_("Until"),
        field_name="created_at",
        lookup_expr="date__lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = ActivityEntry
        fields = ["verb", "actor", "since", "until"]
