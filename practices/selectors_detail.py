"""Reads of one practice's pages; the detail page's queries stay the same however many themes,
transfers and publication steps the practice has."""

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from partners.access import roles_of
from partners.models import Region

from . import access
from .models import GoodPractice, Transfer

RELATED_LIMIT = 3


def _published_events() -> QuerySet:
    """The published events, reached through their link to practices: the events app builds
    on this one, never the other way round."""
    event_model = GoodPractice._meta.get_field("events").related_model
    return event_model._default_manager.filter(is_published=True).order_by("-starts_at")


def practice_for(user, slug: str) -> GoodPractice:
    """The practice if the user may see it; 404 otherwise, whether it exists or not."""
    return get_object_or_404(
        access.filter_visible(GoodPractice.objects.all(), user).select_related("region", "owner"),
        slug=slug,
    )


def practice_detail(user, slug: str) -> GoodPractice:
    """The practice with everything its page shows, in a fixed number of queries."""
    queryset = (
        access.filter_visible(GoodPractice.objects.all(), user)
        .select_related("region", "owner")
        .defer("search_vector")
        .prefetch_related(
            "themes",
            Prefetch(
                "transfers",
                queryset=Transfer.objects.select_related("region").order_by("region__name"),
            ),
            # `practice.presented_at`: the published events where the practice was presented.
            Prefetch(
                "events",
                queryset=_published_events(),
                to_attr="presented_at",
            ),
        )
    )
    return get_object_or_404(queryset, slug=slug)


def related_practices(practice: GoodPractice) -> list[GoodPractice]:
    """Up to three other published practices sharing a theme, newest first, in one query (the
    practice's themes must be prefetched).

    A semi-join (EXISTS) lets the database walk the newest published practices and stop at the
    third one sharing a theme, instead of collecting every practice of a popular theme first.
    """
    theme_ids = [theme.pk for theme in practice.themes.all()]
    if not theme_ids:
        return []
    shares_a_theme = GoodPractice.themes.through.objects.filter(
        goodpractice=OuterRef("pk"), theme__in=theme_ids
    )
    return list(
        GoodPractice.objects.published()
        .filter(Exists(shares_a_theme))
        .exclude(pk=practice.pk)
        .select_related("region")
        .defer("search_vector")
        .order_by("-published_at", "title")[:RELATED_LIMIT]
    )


def editor_regions(user) -> QuerySet[Region]:
    return Region.objects.filter(pk__in=roles_of(user).editor_region_ids).order_by("name")
