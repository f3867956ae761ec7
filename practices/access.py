"""Who may see, write and publish good practices.

Published practices are public. A region's partners and the coordinators see its drafts; for
anyone else an unpublished practice answers 404. The region's editors write and submit while it
is a draft or returned; coordinators publish or return it. A region's editors record how their
region studies or adopts another region's published practice (transfers).
"""

from django.db.models import Q, QuerySet

from partners.access import roles_of

from .models import GoodPractice, PracticeStatus, Transfer

EDITABLE = (PracticeStatus.DRAFT, PracticeStatus.RETURNED)


def filter_visible(queryset: QuerySet, user) -> QuerySet:
    roles = roles_of(user)
    if roles.coordinator:
        return queryset
    return queryset.filter(
        Q(status=PracticeStatus.PUBLISHED) | Q(region_id__in=roles.member_region_ids)
    )


def can_create(user) -> bool:
    return bool(roles_of(user).editor_region_ids)


def is_region_editor(user, practice: GoodPractice) -> bool:
    return practice.region_id in roles_of(user).editor_region_ids


def can_edit(user, practice: GoodPractice) -> bool:
    return is_region_editor(user, practice) and practice.status in EDITABLE


def is_reviewer(user, practice: GoodPractice | None = None) -> bool:
    """Coordinators publish or return every region's practices."""
    return roles_of(user).coordinator


def can_record_transfer(user, practice: GoodPractice) -> bool:
    """Editors of another region record what their region takes from a published practice."""
    roles = roles_of(user)
    return practice.status == PracticeStatus.PUBLISHED and bool(
        roles.editor_region_ids - {practice.region_id}
    )


def transfer_regions_of(user, practice: GoodPractice):
    """The regions the user may record a transfer for: their own, never the practice's."""
    return roles_of(user).editor_region_ids - {practice.region_id}


def can_edit_transfer(user, transfer: Transfer) -> bool:
    """Only the learning region's editors change what their region takes from a practice."""
    return transfer.region_id in transfer_regions_of(user, transfer.practice)
