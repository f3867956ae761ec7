"""The public list's filters, search and sort; the open-data exports take the same parameters.

Every value is a GET parameter, so each result page has a URL that can be shared or bookmarked.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from partners.models import Country, Region

from . import search
from .models import GoodPractice, InstrumentType, Progress, Theme, Transfer


class Sort:
    RELEVANCE = "relevance"
    NEWEST = "newest"
    TITLE = "title"
    CHOICES = [
        (RELEVANCE, _("Relevance (with a search)")),
        (NEWEST, _("Newest first")),
        (TITLE, _("Title (A–Z)")),
    ]
    ORDER_BY = {
        RELEVANCE: ("-rank", "-published_at", "pk"),
        NEWEST: ("-published_at", "pk"),
        TITLE: ("title", "pk"),
    }


class FilterSelect(forms.Select):
    """A select without option groups, its options written in its own template: Django's own
    renders two more templates per option, a tenth of the list page's rendering time."""

    template_name = "practices/widgets/select.html"


class PracticeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="keep",  # applied after the other filters, in filter_queryset
        widget=forms.TextInput(attrs={"type": "search"}),
        max_length=search.MAX_QUERY_CHARS,
        validators=[search.within_limits],
        error_messages={
            "max_length": _("Use at most %(limit_value)d characters."),
        },
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Region"),
        widget=FilterSelect,
        queryset=Region.objects.all(),
        to_field_name="slug",
        empty_label=_("All regions"),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        widget=FilterSelect,
        field_name="region__country",
        choices=Country.choices,
        empty_label=_("All countries"),
    )
    theme = django_filters.ModelMultipleChoiceFilter(
        label=_("Themes (any of)"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        method="filter_themes",
        widget=forms.CheckboxSelectMultiple,
    )
    instrument = django_filters.ChoiceFilter(
        label=_("Instrument type"),
        widget=FilterSelect,
        field_name="instrument_type",
        choices=InstrumentType.choices,
        empty_label=_("All instrument types"),
    )
    progress = django_filters.ChoiceFilter(
        label=_("Status of the practice"),
        widget=FilterSelect,
        choices=Progress.choices,
        empty_label=_("Ongoing or finished"),
    )
    transferred = django_filters.ChoiceFilter(
        label=_("Transfers"),
        widget=FilterSelect,
        choices=[
            ("yes", _("Studied or adopted by another region")),
            ("no", _("Not transferred yet")),
        ],
        empty_label=_("With or without transfers"),
        method="filter_transferred",
    )
    year = django_filters.NumberFilter(
        label=_("Active in year"),
        method="filter_active_in",
        widget=forms.NumberInput(attrs={"min": 1990, "max": 2100, "inputmode": "numeric"}),
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        widget=FilterSelect,
        choices=Sort.CHOICES,
        empty_label=None,
        method="keep",  # applied last, in filter_queryset
    )

    class Meta:
        model = GoodPractice
        fields = [
            "q",
            "region",
            "country",
            "theme",
            "instrument",
            "progress",
            "transferred",
            "year",
            "sort",
        ]

    def __init__(self, *args, match_limit: int | None = None, **kwargs):
        """`match_limit`: a search matching more practices keeps only that many, the most
        recent (the list page); without it every match stays (the open-data exports)."""
        self.match_limit = match_limit
        self.truncated = False
        self.match_count: int | None = None  # known once a limited search has counted
        super().__init__(*args, **kwargs)
        self.form.fields["sort"].required = False

    # Filters ------------------------------------------------------------------------------

    def filter_themes(self, queryset, name, themes):
        if not themes:
            return queryset
        with_theme = GoodPractice.themes.through.objects.filter(theme__in=themes)
        return queryset.filter(pk__in=with_theme.values("goodpractice_id"))

    def filter_transferred(self, queryset, name, value):
        has_transfer = Exists(Transfer.objects.filter(practice=OuterRef("pk")))
        return queryset.filter(has_transfer if value == "yes" else ~has_transfer)

    def filter_active_in(self, queryset, name, year):
        """Started in or before the year, and not ended before it."""
        year = int(year)
        return queryset.filter(start_year__lte=year).filter(
            Q(end_year__isnull=True) | Q(end_year__gte=year)
        )

    def keep(self, queryset, name, value):
        return queryset

    # Sort ---------------------------------------------------------------------------------

    @property
    def search_text(self) -> str:
        return self._cleaned().get("q") or ""

    @property
    def searching(self) -> bool:
        return bool(self.search_text)

    def _cleaned(self) -> dict:
        return (
            getattr(self.form, "cleaned_data", {})
            if self.is_bound and self.errors is not None
            else {}
        )

    @property
    def sort_order(self) -> str:
        chosen = self._cleaned().get("sort")
        if chosen == Sort.RELEVANCE and not self.searching:
            chosen = ""
        return chosen or (Sort.RELEVANCE if self.searching else Sort.NEWEST)

    @property
    def is_filtered(self) -> bool:
        return any(self.data.get(name) for name in self.form.fields if name not in ("sort", "page"))

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        q = self._cleaned().get("q")
        if q:
            matches = search.matching(queryset, q)
            if self.match_limit:
                recent = search.most_recent_ids(matches, self.match_limit + 1)
                self.truncated = len(recent) > self.match_limit
                recent = recent[: self.match_limit]
                self.match_count = len(recent)
                matches = matches.filter(pk__any_of=recent)
            queryset = search.ranked(matches, q)
        return queryset.order_by(*Sort.ORDER_BY[self.sort_order])
