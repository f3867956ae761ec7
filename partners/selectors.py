"""Reads of the partners app that join or aggregate: a page's queries do not grow with its rows."""

from django.db.models import Count, Prefetch, QuerySet

from .models import PartnerOrganisation, PolicyInstrument, Region


def region_list() -> QuerySet[Region]:
    return Region.objects.annotate(
        instrument_count=Count("instruments", distinct=True)
    ).prefetch_related(
        Prefetch("organisations", queryset=PartnerOrganisation.objects.order_by("kind", "name"))
    )


def region_detail(slug: str) -> QuerySet[Region]:
    return Region.objects.filter(slug=slug).prefetch_related(
        Prefetch("organisations", queryset=PartnerOrganisation.objects.order_by("kind", "name")),
        Prefetch("instruments", queryset=PolicyInstrument.objects.order_by("name")),
        "stakeholders",
    )


def advisory_partners() -> QuerySet[PartnerOrganisation]:
    return PartnerOrganisation.objects.filter(kind=PartnerOrganisation.Kind.ADVISORY)
