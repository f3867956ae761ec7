"""Reads of one practice's pages; the detail page's queries stay the same however many themes,
transfers and publication steps the practice has."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from partners.access import roles_of
from partners.models import Region

from .models import GoodPractice, PracticeTransition, Transfer

RELATED_LIMIT = 3


def practice_for(user, slug: str) -> GoodPractice:
    """The practice if the user may see it; 404 otherwise, whether it exists or not."""
    return get_object_or_404(
        GoodPractice.objects.visible_to(user).select_related("region", "owner"), slug=slug
    )


def practice_detail(user, slug: str) -> GoodPractice:
    """The practice with everything its page shows, in a fixed number of queries."""
    queryset = (
        GoodPractice.objects.visible_to(user)
        .select_related("region", "owner")
        .prefetch_related(
            "themes",
            Prefetch(
                "transfers",
                queryset=Transfer.objects.select_related("region").order_by("region__name"),
            ),
            Prefetch("transitions", queryset=PracticeTransition.objects.select_related("actor")),
        )
    )
    return get_object_or_404(queryset, slug=slug)


def related_practices(practice: GoodPractice) -> list[GoodPractice]:
    """Up to three other published practices sharing a theme, in one query (the practice's
    themes must be prefetched)."""
    theme_ids = [theme.pk for theme in practice.themes.all()]
    if not theme_ids:
        return []
    ids = (
        GoodPractice.objects.published()
        .filter(themes__in=theme_ids)
        .exclude(pk=practice.pk)
        .values("pk")
    )
    return list(
        GoodPractice.objects.filter(pk__in=ids)
        .select_related("region")
        .order_by("-published_at", "title")[:RELATED_LIMIT]
    )


def editor_regions(user) -> QuerySet[Region]:
    return Region.objects.filter(pk__in=roles_of(user).editor_region_ids).order_by("name")
