"""Reads of the partners app that join or aggregate: a page's queries do not grow with its rows."""

from collections.abc import Iterable

from django.db.models import Count, Prefetch, QuerySet, prefetch_related_objects

from .models import Membership, PartnerOrganisation, PolicyInstrument, Region, User


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


def people_with_organisations(lookup: str) -> Prefetch:
    """For a queryset whose rows name a person at `lookup` ("author", "history_user"): their
    organisations, read with the rows, so that `person_label` reads nothing per row."""
    path = f"{lookup}__memberships" if lookup else "memberships"
    return Prefetch(path, queryset=Membership.objects.select_related("organisation"))


def attach_organisations(people: Iterable[User | None]) -> None:
    """The same for people already read (a page of activity entries' actors): one query for all."""
    prefetch_related_objects(
        [person for person in people if person is not None], people_with_organisations("")
    )
