"""Reads of the practices app; a page's query count stays the same however many rows it shows."""

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from .models import GoodPractice

PER_PAGE = 20
# A search matching more practices than this ranks and pages through the most recent ones.
MATCH_LIMIT = 1000


def public_practices() -> QuerySet[GoodPractice]:
    """Published practices, with what a list item or an export row shows, in fixed queries.

    The public list and the open data never show drafts, whoever asks (partners find their
    drafts on their region's page). The search vector is not needed once matched: deferred.
    """
    return (
        GoodPractice.objects.published()
        .select_related("region", "owner")
        .prefetch_related("themes")
        .defer("search_vector")
    )


class _CountedPaginator(Paginator):
    """A paginator told its count, so it does not count the rows again."""

    def __init__(self, *args, count: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.count = count


def practice_page(practices: QuerySet[GoodPractice], number, *, count: int | None = None) -> Page:
    """One page of results; a page number out of range gives the last page, not an error.

    `count`, when the caller knows it already (a search counted its matches).
    """
    if count is None:
        return Paginator(practices, PER_PAGE).get_page(number)
    return _CountedPaginator(practices, PER_PAGE, count=count).get_page(number)
