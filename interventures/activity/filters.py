"""The activity page's filters: every value a GET parameter, so a filtered view can be shared."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import ActivityEntry
from .verbs import SECURITY_VERBS, VERBS


class ActivityFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"),
        choices=[("work", _("Work on shared data")), ("security", _("Security events"))],
        empty_label=_("All"),
        method="filter_kind",
    )
    verb = django_filters.ChoiceFilter(
        label=_("What happened"), choices=list(VERBS.items()), empty_label=_("Everything")
    )
    actor = django_filters.CharFilter(label=_("By (name or email address)"), method="filter_actor")
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
        fields = ["kind", "verb", "actor", "since", "until"]

    def filter_actor(self, queryset, name, value):
        words = value.split()
        for word in words:
            queryset = queryset.filter(
                Q(actor__email__icontains=word)
                | Q(actor__first_name__icontains=word)
                | Q(actor__last_name__icontains=word)
            )
        return queryset

    def filter_kind(self, queryset, name, value):
        if value == "security":
            return queryset.filter(verb__in=SECURITY_VERBS)
        return queryset.exclude(verb__in=SECURITY_VERBS)
