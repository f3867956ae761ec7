"""The public list's filters, search and sort; the open-data exports take the same parameters.

Every value is a GET parameter, so each result page has a URL that can be shared or bookmarked.
"""

from operator import itemgetter

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from interventures.collation import sorted_by_name, translated
from interventures.public_pages import remembered
from partners.models import Country, PartnerOrganisation, Region

from . import search, selectors
from .models import GoodPractice, InstrumentType, Progress, Transfer, TransferStage


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
        RELEVANCE: ("-rank", "-published_at", "-pk"),
        NEWEST: ("-published_at", "-pk"),
        # Lower-case: A–Z whatever the case; and the sort reads each title once, where sorting
        # on the column itself fetched a long practice's title from its TOAST table at every
        # comparison (30 ms for 1,000 practices).
        TITLE: (Lower("title"), "pk"),
    }


# The same orders for the (id, rank, lower-case title) rows of a limited list's walk, which come
# newest first (Python compares the titles code point by code point, as the C collation does).
SORT_FOUND = {
    Sort.RELEVANCE: lambda row: -row[1],
    Sort.TITLE: lambda row: (row[2], row[0]),
}


def _named(rows) -> list[tuple]:
    """Rows ending with a name, sorted by it in the reader's language."""
    return sorted_by_name(rows, key=itemgetter(-1))


def _choices() -> tuple[list, list]:
    """The regions as (id, slug, name) rows, the organisations as (id, name), in the reader's
    language: rows, not models, which would cost a few milliseconds a page for names."""
    return (
        _named(Region.objects.values_list("pk", "slug", translated("name"))),
        _named(PartnerOrganisation.objects.values_list("pk", translated("name"))),
    )


SELECTED = mark_safe(" selected")
REGION_FILTERS = ("region", "transferable_to", "adopted_by")


def _attributes(attrs: dict) -> SafeString:
    """As Django's attrs.html writes them, in their order: `True` a bare name, `False` none."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False and value is not None
        ),
    )


class _PlainOptions:
    """A choice widget written out here, option by option, without templates.

    Django's choice widgets build a dictionary per option, each with a deep copy of the
    widget's attributes, and render templates per widget (and a bound widget per checkbox):
    the filter form was over a quarter of the list page's time. No option groups; the
    attributes are the ones Django computes (`id`, `aria-invalid`, `aria-describedby`).
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))  # the chosen values, as strings
        options = [(str(option), label, str(option) in chosen) for option, label in self.choices]
        return self.html(name, self.build_attrs(self.attrs, attrs), options)


class FilterSelect(_PlainOptions, forms.Select):
    def html(self, name: str, attrs: dict, options: list) -> SafeString:
        return format_html(
            '<select name="{}"{}>{}\n</select>',
            name,
            _attributes(attrs),
            format_html_join(
                "",
                '\n  <option value="{}"{}>{}</option>',
                (
                    (value, SELECTED if selected else "", label)
                    for value, label, selected in options
                ),
            ),
        )


class FilterCheckboxes(_PlainOptions, forms.CheckboxSelectMultiple):
    def html(self, name: str, attrs: dict, options: list) -> SafeString:
        """Each checkbox inside its label (`id_theme_0`, `id_theme_1`…)."""
        boxes = []
        for index, (value, label, checked) in enumerate(options):
            box = {"name": name, "value": value, **attrs, "checked": checked}
            if "id" in attrs:
                box["id"] = self.id_for_label(attrs["id"], index)
            boxes.append((_attributes({"for": box.get("id")}), _attributes(box), label))
        return format_html_join(
            "", '<label class="field-check"{}><input type="checkbox"{}> {}</label>', boxes
        )


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
    # The three region filters share one list of regions, read once (see __init__).
    region = django_filters.ChoiceFilter(
        label=_("Region of origin"),
        widget=FilterSelect,
        method="filter_region",
        empty_label=_("All regions"),
    )
    transferable_to = django_filters.ChoiceFilter(
        label=_("Not yet adopted by"),
        help_text=_(
            "Practices of the other regions for which this region has recorded no transfer yet."
        ),
        widget=FilterSelect,
        method="filter_transferable_to",
        empty_label=_("Any region"),
    )
    adopted_by = django_filters.ChoiceFilter(
        label=_("Adopted by"),
        widget=FilterSelect,
        method="filter_adopted_by",
        empty_label=_("Any region"),
    )
    organisation = django_filters.ChoiceFilter(
        label=_("Owner organisation"),
        widget=FilterSelect,
        field_name="owner",
        empty_label=_("All organisations"),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        widget=FilterSelect,
        field_name="region__country",
        choices=Country.choices,
        empty_label=_("All countries"),
    )
    theme = django_filters.MultipleChoiceFilter(
        label=_("Themes (any of)"),
        method="filter_themes",
        widget=FilterCheckboxes,
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
            "transferable_to",
            "adopted_by",
            "organisation",
            "country",
            "theme",
            "instrument",
            "progress",
            "transferred",
            "year",
            "sort",
        ]

    def __init__(self, *args, **kwargs):
        self.truncated = False  # known once `most_recent_ids` has walked
        super().__init__(*args, **kwargs)
        regions, organisations = remembered("practice-filter-choices", ["partners"], _choices)
        themes = selectors.named_themes()
        # The region filters compare ids: filtering on a joined region's slug makes PostgreSQL
        # join all of that region's practices before it sorts them (74 ms at 60,000), where an
        # id lets it walk the region's newest practices in index order and stop early (11 ms).
        self.region_ids = {slug: pk for pk, slug, _name in regions}
        for name in REGION_FILTERS:
            self.filters[name].extra["choices"] = [(slug, name) for _pk, slug, name in regions]
        self.filters["organisation"].extra["choices"] = [
            (str(pk), name) for pk, name in organisations
        ]
        self.theme_ids = {slug: pk for pk, slug, _name in themes}
        self.filters["theme"].extra["choices"] = [(slug, name) for _pk, slug, name in themes]
        self.form.fields["sort"].required = False

    # Filters ------------------------------------------------------------------------------

    def filter_region(self, queryset, name, slug):
        return queryset.filter(region_id=self.region_ids[slug])

    def filter_themes(self, queryset, name, slugs):
        if not slugs:
            return queryset
        with_theme = GoodPractice.themes.through.objects.filter(
            goodpractice_id=OuterRef("pk"), theme_id__in=[self.theme_ids[slug] for slug in slugs]
        )
        return queryset.filter(Exists(with_theme))

    def filter_transferred(self, queryset, name, value):
        has_transfer = Exists(Transfer.objects.filter(practice=OuterRef("pk")))
        return queryset.filter(has_transfer if value == "yes" else ~has_transfer)

    def filter_transferable_to(self, queryset, name, slug):
        """Practices of the other regions that the region has not recorded a transfer for, at
        any stage (the practices it could still learn from)."""
        region_id = self.region_ids[slug]
        recorded = Transfer.objects.filter(practice=OuterRef("pk"), region_id=region_id)
        return queryset.exclude(region_id=region_id).filter(~Exists(recorded))

    def filter_adopted_by(self, queryset, name, slug):
        adopted = Transfer.objects.filter(
            practice=OuterRef("pk"), region_id=self.region_ids[slug], stage=TransferStage.ADOPTED
        )
        return queryset.filter(Exists(adopted))

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

    @property
    def active_filter_count(self) -> int:
        """The filters chosen besides the search words and the sort (each theme counts)."""
        chosen = (
            self.data.getlist
            if hasattr(self.data, "getlist")
            else lambda name: [self.data.get(name)]
        )
        return sum(
            len([value for value in chosen(name) if value])
            for name in self.form.fields
            if name not in ("q", "sort")
        )

    def filter_queryset(self, queryset):
        """Every match, ranked for a search, in the order chosen (the open-data exports)."""
        matches = self._matching(queryset)
        if self.searching:
            matches = search.ranked(matches, self.search_text)
        return matches.order_by(*Sort.ORDER_BY[self.sort_order])

    def _matching(self, queryset):
        queryset = super().filter_queryset(queryset)
        return search.matching(queryset, self.search_text) if self.searching else queryset

    def most_recent_ids(self, limit: int) -> list[int]:
        """The ids of the `limit` most recent matches, in the order to show (the list page).

        Counting every match grows with the table (tens of milliseconds at 300,000 practices,
        with or without filters), and ranking or sorting them all too: a list or search keeps
        its most recent matches, found by one walk down a publication-date index that stops
        early, and says when there are more (`truncated`). Its pages are those matches': none
        is promised that does not exist. The walk reads what the order needs (the rank, the
        title), and the matches are sorted here.
        """
        self.form.is_valid()  # an invalid filter is left out, as django-filter's `qs` does
        order = self.sort_order
        found = search.most_recent(
            self._matching(self.queryset.all()),
            limit + 1,
            ranked_by=self.search_text if order == Sort.RELEVANCE else "",
            titles=order == Sort.TITLE,
        )
        self.truncated = len(found) > limit
        found = found[:limit]
        if order in SORT_FOUND:
            # Stable: equal ranks stay newest first.
            found = sorted(found, key=SORT_FOUND[order])
        return [pk for pk, _rank, _title in found]
