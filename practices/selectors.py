"""Reads of the practices app; a page's query count stays the same however many rows it shows."""

from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from partners.models import Membership

from .models import GoodPractice
from .search import add_snippets

PER_PAGE = 20
# What a result card shows: the long texts stay in the database (on PostgreSQL out of line, so
# each one read would be a lookup of its own).
CARD_FIELDS = (
    "title",
    "slug",
    "language",
    "summary",
    "instrument_type",
    "progress",
    "start_year",
    "end_year",
    "published_at",
    "region__name",
    "region__country",
    "owner__name",
    "owner__short_name",
)
# A search matching more practices than this ranks and pages through the most recent ones.
MATCH_LIMIT = 1000


def public_practices() -> QuerySet[GoodPractice]:
    """Published practices, with their region and owner.

    The public list and the open data never show drafts, whoever asks (partners find their
    drafts on their region's page). The search vector is not needed once matched: deferred.
    """
    return GoodPractice.objects.published().select_related("region", "owner").defer("search_vector")


class _CountedPaginator(Paginator):
    """A paginator told its count, so it does not count the rows again."""

    def __init__(self, *args, count: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.count = count


def practice_page(
    practices: QuerySet[GoodPractice], number, *, count: int | None = None, search: str = ""
) -> Page:
    """One page of results, each with `theme_names` and, for a `search`, a `snippet`; a page
    number out of range gives the last page, not an error.

    `count`, when the caller knows it already (a search counted its matches).
    """
    practices = practices.only(*CARD_FIELDS)
    if count is None:
        page = Paginator(practices, PER_PAGE).get_page(number)
    else:
        page = _CountedPaginator(practices, PER_PAGE, count=count).get_page(number)
    page.object_list = list(page.object_list)
    _add_theme_names(page.object_list)
    if search:
        add_snippets(page.object_list, search)
    return page


def _add_theme_names(practices: list[GoodPractice]) -> None:
    """`practice.theme_names`, sorted, in one query of names: prefetching the themes would
    build a related manager and a model per practice and theme, a few milliseconds a page."""
    names: dict[int, list[str]] = {practice.pk: [] for practice in practices}
    pairs = (
        GoodPractice.themes.through.objects.filter(goodpractice_id__in=names)
        .order_by("theme__name")
        .values_list("goodpractice_id", "theme__name")
    )
    for practice_id, name in pairs:
        names[practice_id].append(name)
    for practice in practices:
        practice.theme_names = names[practice.pk]


def owner_editors(practice: GoodPractice) -> QuerySet:
    """The active editors of the organisation that owns the practice."""
    return get_user_model().objects.filter(
        is_active=True,
        memberships__role=Membership.Role.EDITOR,
        memberships__organisation_id=practice.owner_id,
    )
