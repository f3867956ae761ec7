"""Who may see and organise events.

Published events are public. The host region's editors and the coordinators organise: they
create and edit events and see unpublished ones and the participant lists; for everyone else an
unpublished event does not exist (404).
"""

from django.db.models import Q, QuerySet

from partners.access import roles_of

from .models import Event


def filter_visible(queryset: QuerySet, user) -> QuerySet:
    roles = roles_of(user)
    if roles.coordinator:
        return queryset
    return queryset.filter(Q(is_published=True) | Q(host_region_id__in=roles.editor_region_ids))


def can_organise(user, event: Event) -> bool:
    roles = roles_of(user)
    return roles.coordinator or event.host_region_id in roles.editor_region_ids


def can_create(user) -> bool:
    roles = roles_of(user)
    return roles.coordinator or bool(roles.editor_region_ids)


def host_regions_for(user, regions: QuerySet) -> QuerySet:
    """The regions the user may host an event for."""
    roles = roles_of(user)
    return regions if roles.coordinator else regions.filter(pk__in=roles.editor_region_ids)


def can_register(user, event: Event) -> bool:
    return user.is_authenticated and event.registration_is_open
