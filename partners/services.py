"""Writes of the partners app: each rule-bearing change happens here, in a transaction."""

import secrets
from collections.abc import Callable
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from interventures.activity.services import log_action
from interventures.mail import send_after_commit

from .models import Invitation, Membership, PartnerOrganisation, PolicyInstrument, Region, User


def user_set_language(*, user: User, language: str) -> None:
    """Remember the language a person chose; unknown codes are ignored."""
    if language in dict(settings.LANGUAGES) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])


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
    return user
