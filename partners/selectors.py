"""Reads of the partners app that join or aggregate: a page's queries do not grow with its rows."""

from collections.abc import Iterable
from datetime import datetime

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects

from interventures.collation import sorted_by_name, translated

from .models import Invitation, Membership, PartnerOrganisation, PolicyInstrument, Region, User


def _organisations_by_kind() -> QuerySet[PartnerOrganisation]:
    return PartnerOrganisation.objects.order_by("kind", translated("name"))


def region_list() -> list[Region]:
    """The regions in the reader's alphabetical order, each with its organisations."""
    return sorted_by_name(
        Region.objects.annotate(
            instrument_count=Count("instruments", distinct=True)
        ).prefetch_related(Prefetch("organisations", queryset=_organisations_by_kind()))
    )


def region_detail(slug: str) -> QuerySet[Region]:
    return Region.objects.filter(slug=slug).prefetch_related(
        Prefetch("organisations", queryset=_organisations_by_kind()),
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


def addresses_of(user: User) -> list[str]:
    """Every email address of the account: its login and the others it added."""
    addresses = EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    return sorted({user.email.lower(), *(address.lower() for address in addresses)})


def invitations_to(addresses: list[str]) -> QuerySet[Invitation]:
    to_any = Q(pk__in=[])
    for address in addresses:
        to_any |= Q(email__iexact=address)
    return Invitation.objects.filter(to_any)


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def personal_data_of(user: User) -> dict:
    """What the partners app (and allauth, for it) holds about `user`, for the export of their
    data: never a secret (password hash, session keys, second-factor secrets)."""
    return {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
            "coordinator": user.is_coordinator,
            "joined": _when(user.date_joined),
            "last_sign_in": _when(user.last_login),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "memberships": [
            {
                "organisation": membership.organisation.name,
                "role": membership.role,
                "since": _when(membership.created_at),
            }
            for membership in user.memberships.select_related("organisation")
        ],
        "sessions": [
            {
                "started": _when(session.created_at),
                "last_seen": _when(session.last_seen_at),
                "ip_address": session.ip,
                "browser": session.user_agent,
            }
            for session in UserSession.objects.filter(user=user).order_by("created_at")
        ],
        "second_factors": [
            {
                "type": authenticator.type,
                "added": _when(authenticator.created_at),
                "last_used": _when(authenticator.last_used_at),
            }
            for authenticator in Authenticator.objects.filter(user=user).order_by("created_at")
        ],
        # The addresses invited are other people's: an invitation sent is told without them.
        "invitations_sent": [
            {
                "organisation": invitation.organisation.name,
                "role": invitation.role,
                "sent": _when(invitation.created_at),
                "accepted": _when(invitation.accepted_at),
                "revoked": _when(invitation.revoked_at),
            }
            for invitation in user.invitations_sent.select_related("organisation")
        ],
        "invitations_received": [
            {
                "email": invitation.email,
                "organisation": invitation.organisation.name,
                "role": invitation.role,
                "sent": _when(invitation.created_at),
                "expires": _when(invitation.expires_at),
                "accepted": _when(invitation.accepted_at),
                "revoked": _when(invitation.revoked_at),
            }
            for invitation in invitations_to(addresses_of(user)).select_related("organisation")
        ],
    }


def attach_organisations(people: Iterable[User | None]) -> None:
    """The same for people already read (a page of activity entries' actors): one query for all."""
    prefetch_related_objects(
        [person for person in people if person is not None], people_with_organisations("")
    )
