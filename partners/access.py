"""The access policy of the portal: the one place that decides who may see and change what.

Views, templates (through the context processor) and selectors (each app's `filter_visible`,
`filter_editable_by_region` here) ask these functions; nothing else re-implements the rules.

- Coordinators work project-wide: they review, approve and invite, in every region.
- Editors change their own region's objects only; viewers read their region's drafts.
- Another region's unpublished objects are answered with 404, so their existence is not confirmed.
- Anything published is public.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from .models import Membership, Region


@dataclass(frozen=True)
class Roles:
    """What one user is in the partnership, read once per request."""

    coordinator: bool
    editor_region_ids: frozenset[int]
    member_region_ids: frozenset[int]


_ANONYMOUS = Roles(coordinator=False, editor_region_ids=frozenset(), member_region_ids=frozenset())
_CACHE_ATTRIBUTE = "_interventures_roles"


def roles_of(user) -> Roles:
    if not user.is_authenticated or not user.is_active:
        return _ANONYMOUS
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is None:
        memberships = Membership.objects.filter(
            user=user, organisation__region__isnull=False
        ).values_list("organisation__region_id", "role")
        cached = Roles(
            coordinator=user.is_coordinator,
            editor_region_ids=frozenset(
                region_id for region_id, role in memberships if role == Membership.Role.EDITOR
            ),
            member_region_ids=frozenset(region_id for region_id, _role in memberships),
        )
        setattr(user, _CACHE_ATTRIBUTE, cached)
    return cached


def is_coordinator(user) -> bool:
    return roles_of(user).coordinator


def can_invite(user) -> bool:
    return is_coordinator(user)


def can_read_region_drafts(user, region: Region) -> bool:
    roles = roles_of(user)
    return roles.coordinator or region.pk in roles.member_region_ids


def can_edit_region(user, region: Region) -> bool:
    return region.pk in roles_of(user).editor_region_ids


def regions_of(user) -> QuerySet[Region]:
    """The regions the user is a partner in."""
    return Region.objects.filter(pk__in=roles_of(user).member_region_ids)


def role_label(user) -> str:
    """A short human name of the user's highest role, for navigation."""
    roles = roles_of(user)
    if roles.coordinator:
        return _("Coordinator")
    if roles.editor_region_ids:
        return _("Partner editor")
    if roles.member_region_ids:
        return _("Partner viewer")
    return _("Stakeholder")


def requires_second_factor(user) -> bool:
    """Coordinators and the Django staff can change every region's content and everyone's
    roles: they sign in with a second factor (an authenticator app or a security key)."""
    return user.is_authenticated and (user.is_coordinator or user.is_staff or user.is_superuser)


def idle_timeout_minutes(user) -> int:
    """How long a signed-in session may go unused: shorter for those who write and review
    (partners, coordinators, staff) than for stakeholders, who only read and register."""
    roles = roles_of(user)
    if roles.member_region_ids or requires_second_factor(user):
        return settings.IDLE_TIMEOUT_PARTNER_MINUTES
    return settings.IDLE_TIMEOUT_STAKEHOLDER_MINUTES


def filter_editable_by_region(queryset: QuerySet, user, region_field: str = "region") -> QuerySet:
    """Objects whose region the user edits."""
    return queryset.filter(**{f"{region_field}__in": roles_of(user).editor_region_ids})
