"""Writes of the partners app: each rule-bearing change happens here, in a transaction."""

import secrets
from collections.abc import Callable
from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from interventures.activity.services import (
    addresses_forget,
    log_action,
    log_rename,
    people_forget,
)
from interventures.dates import months_before
from interventures.mail import send_after_commit
from interventures.notifications.services import notify

from . import selectors
from .models import Invitation, Membership, PartnerOrganisation, PolicyInstrument, Region, User


def _invitation_without_address(invitation: Invitation) -> str:
    return f"→ {invitation.organisation.short_name} ({invitation.get_role_display()})"


def _invitations_delete(invitations) -> int:
    """Delete invitations; their log entries, which named the address, keep the rest."""
    deleted = 0
    for invitation in invitations.select_related("organisation"):
        log_rename(target=invitation, object_repr=_invitation_without_address(invitation))
        invitation.delete()
        deleted += 1
    return deleted


def account_deletion_refusal(user: User) -> str:
    """Why `user` may not delete their account now ("" when they may)."""
    others = User.objects.filter(is_coordinator=True, is_active=True).exclude(pk=user.pk)
    if user.is_coordinator and not others.exists():
        return _(
            "You are the partnership's last coordinator: your account cannot be deleted until "
            "another coordinator has been appointed, or the work of reviewing and inviting "
            "would stop."
        )
    return ""


@transaction.atomic
def personal_data_erase(*, user: User) -> None:
    """Erase the partners app's personal data of `user` (portal.services.account_delete).

    The account row stays, without personal data, so that what the person wrote stays
    attributed to their organisation ("a former partner of …", partners/people.py): names,
    email addresses, sessions, second factors and the invitations to their addresses go; the
    password becomes unusable and the account inactive; the memberships stay (they name the
    organisation), but an inactive account has no role (partners.access.roles_of).
    """
    refusal = account_deletion_refusal(user)
    if refusal:
        raise ValidationError(refusal)
    _invitations_delete(selectors.invitations_to(selectors.addresses_of(user)))
    for session in UserSession.objects.filter(user=user):
        session.end()
    Authenticator.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    user.first_name = user.last_name = user.language = ""
    user.email = f"deleted-{user.pk}@deleted.invalid"  # unique and required; reaches nobody
    user.set_unusable_password()
    user.is_active = user.is_coordinator = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.erased_at = timezone.now()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    # Security events about the account kept its name as the object's name.
    log_rename(target=user, object_repr=str(user))


def personal_data_purge(*, now) -> dict[str, int]:
    """Apply the partners app's retention periods (settings); what was removed, per kind."""
    expired_before = now - timedelta(days=settings.INVITATION_RETENTION_DAYS)
    idle_before = now - timedelta(days=settings.SESSION_RETENTION_DAYS)
    erased_before = months_before(now, settings.DELETED_ACCOUNT_ACTIVITY_RETENTION_MONTHS)
    with transaction.atomic():
        invitations = _invitations_delete(
            Invitation.objects.filter(accepted_at=None, expires_at__lt=expired_before)
        )
        sessions = 0
        for session in UserSession.objects.filter(last_seen_at__lt=idle_before):
            session.end()
            sessions += 1
        forgotten = people_forget(people=User.objects.filter(erased_at__lt=erased_before))
        addresses = addresses_forget(
            before=months_before(now, settings.SECURITY_LOG_ADDRESS_RETENTION_MONTHS)
        )
    return {
        "invitations": invitations,
        "sessions": sessions,
        "activity_of_deleted_accounts": forgotten,
        "security_log_addresses": addresses,
    }


def user_set_language(*, user: User, language: str) -> None:
    """Remember the language a person chose; unknown codes are ignored."""
    if language in dict(settings.LANGUAGES) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])


@transaction.atomic
def user_set_name(*, user: User, first_name: str, last_name: str) -> None:
    """Set the name partners read next to the person's organisation (partners/people.py)."""
    if (user.first_name, user.last_name) != (first_name, last_name):
        user.first_name, user.last_name = first_name, last_name
        user.save(update_fields=["first_name", "last_name"])
        # A name is how others recognise a person: a change of it is a security event.
        log_action(actor=user, verb="account.name_changed", target=user)


@transaction.atomic
def instrument_create(*, region: Region, data: dict, actor=None) -> PolicyInstrument:
    instrument = PolicyInstrument.objects.create(region=region, **data)
    log_action(actor=actor, verb="instrument.created", target=instrument)
    return instrument


@transaction.atomic
def instrument_update(*, instrument: PolicyInstrument, data: dict, actor=None) -> PolicyInstrument:
    for field, value in data.items():
        setattr(instrument, field, value)
    instrument.save()
    log_action(actor=actor, verb="instrument.updated", target=instrument)
    return instrument


@transaction.atomic
def instrument_delete(*, instrument: PolicyInstrument, actor=None) -> None:
    log_action(actor=actor, verb="instrument.deleted", target=instrument)
    instrument.delete()


def invitation_send(
    *,
    email: str,
    organisation: PartnerOrganisation,
    role: str,
    invited_by: User,
    absolute_url: Callable[[str], str],
    language: str = settings.LANGUAGE_CODE,
) -> Invitation:
    """Invite an email address to an organisation; earlier open invitations to it are revoked.

    `absolute_url` turns the acceptance path into the full link written in the email. The email
    and its link are in the language of the person's account, if they have one, else in
    `language` (the page the coordinator sent it from).
    """
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        Invitation.objects.filter(
            email__iexact=email, organisation=organisation, accepted_at=None, revoked_at=None
        ).update(revoked_at=now)
        existing = User.objects.filter(email__iexact=email).exclude(language="").first()
        invitation = Invitation.objects.create(
            email=email,
            organisation=organisation,
            role=role,
            language=existing.language if existing else language,
            token_hash=Invitation.hash_token(token),
            invited_by=invited_by,
            created_at=now,
            expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
        )
        with translation.override(invitation.language):
            link = absolute_url(reverse("partners:invitation_accept", kwargs={"token": token}))
            context = {"invitation": invitation, "link": link, "invited_by": invited_by}
            message = EmailMessage(
                subject=_("You are invited to the INTER VENTURES portal"),
                body=render_to_string("partners/email/invitation.txt", context),
                to=[email],
            )
        send_after_commit(message)
        log_action(actor=invited_by, verb="invitation.sent", target=invitation)
    return invitation


def invitation_for_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organisation__region")
        .filter(token_hash=Invitation.hash_token(token))
        .first()
    )


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, actor=None) -> None:
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        log_action(actor=actor, verb="invitation.revoked", target=invitation)


def invitation_accept(
    *,
    invitation: Invitation,
    user: User | None = None,
    password: str = "",
    first_name: str = "",
    last_name: str = "",
    language: str = "",
) -> User:
    """Turn an open invitation into a membership, creating the account when there is none.

    The emailed link proves that the invitee owns the address, so a new account's address is
    verified; it keeps `language`, the language of the page it was created on. Accepting twice
    (a double click, two tabs) is refused, never applied twice.
    """
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not invitation.is_open:
            raise ValidationError(_("This invitation has expired or has already been used."))
        if user is None:
            if User.objects.filter(email__iexact=invitation.email).exists():
                raise ValidationError(_("An account with this email address already exists."))
            user = User.objects.create_user(
                email=invitation.email,
                password=password,
                first_name=first_name,
                last_name=last_name,
                language=language,
            )
        elif user.email.lower() != invitation.email.lower():
            raise ValidationError(_("This invitation was sent to another email address."))
        EmailAddress.objects.update_or_create(
            user=user,
            email__iexact=invitation.email,
            defaults={"email": invitation.email, "verified": True, "primary": True},
        )
        Membership.objects.update_or_create(
            user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
        )
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        log_action(actor=user, verb="invitation.accepted", target=invitation)
        if invitation.invited_by:
            notify(
                recipients=[invitation.invited_by],
                kind="invitation.accepted",
                target=invitation.organisation,
                actor=user,
                url=reverse("partners:invitation_list"),
            )
    return user
