"""Plain factory functions for the test suite: each creates one saved object with sane defaults.

No factory library: keyword arguments override any field, and a counter keeps unique fields
unique, so tests and later features can build exactly the rows they need.
"""

import hashlib
import itertools
import json
import secrets
from datetime import date, timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from allauth.mfa.webauthn.internal.auth import WebAuthn
from cryptography.hazmat.primitives.asymmetric import ec
from django.utils import timezone
from fido2.cose import ES256
from fido2.utils import websafe_encode
from fido2.webauthn import AttestationObject, AttestedCredentialData, AuthenticatorData

from partners.models import (
    Country,
    Invitation,
    Membership,
    PartnerOrganisation,
    PolicyInstrument,
    Region,
    User,
)

PASSWORD = "correct horse battery"

_sequence = itertools.count(1)


def _next() -> int:
    return next(_sequence)


def make_user(
    email: str | None = None, *, password: str = PASSWORD, verified: bool = True, **fields
):
    """A user who can sign in: with a verified, primary allauth email address by default."""
    email = email or f"user{_next()}@example.org"
    user = User.objects.create_user(email=email, password=password, **fields)
    if verified:
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def make_region(slug: str | None = None, **fields) -> Region:
    number = _next()
    fields.setdefault("name", f"Region {number}")
    fields.setdefault("country", Country.DE)
    return Region.objects.create(slug=slug or f"region-{number}", **fields)


def make_organisation(region: Region | None, **fields) -> PartnerOrganisation:
    number = _next()
    fields.setdefault("name", f"Partner organisation {number}")
    fields.setdefault("short_name", f"PO{number}")
    fields.setdefault("country", region.country if region else Country.DE)
    return PartnerOrganisation.objects.create(region=region, **fields)


def make_membership(user, organisation: PartnerOrganisation, role: str = Membership.Role.EDITOR):
    return Membership.objects.create(user=user, organisation=organisation, role=role)


def make_instrument(region: Region, **fields) -> PolicyInstrument:
    fields.setdefault("name", f"Policy instrument {_next()}")
    fields.setdefault("kind", PolicyInstrument.Kind.OPERATIONAL)
    fields.setdefault("improvement", "Better support for SMEs working across the border.")
    return PolicyInstrument.objects.create(region=region, **fields)


def make_region_with_partners(*, organisations: int = 2, instruments: int = 2, **fields) -> Region:
    """A region with a few partner organisations and policy instruments, for list pages."""
    region = make_region(**fields)
    for _ in range(organisations):
        make_organisation(region)
    for _ in range(instruments):
        make_instrument(region)
    return region


def make_invitation(
    organisation: PartnerOrganisation,
    email: str | None = None,
    *,
    role: str = Membership.Role.EDITOR,
    invited_by=None,
    valid_days: int = 14,
):
    """An open invitation; returns `(invitation, token)`: the token is the link's secret."""
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    invitation = Invitation.objects.create(
        email=email or f"invitee{_next()}@example.org",
        organisation=organisation,
        role=role,
        token_hash=Invitation.hash_token(token),
        invited_by=invited_by,
        created_at=now,
        expires_at=now + timedelta(days=valid_days),
    )
    return invitation, token


def activate_mfa(user) -> None:
    """Give the user an authenticator app (TOTP) and recovery codes, as allauth's MFA pages do;
    nothing changes for a user who has them already."""
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, generate_totp_secret())
        RecoveryCodes.activate(user)


def make_report(region: Region, *, status: str = "draft", texts: dict | None = None, **fields):
    """A report with the outline's sections; `texts` maps section keys to saved HTML."""
    from reports.models import ReportSection
    from reports.services import report_create

    fields.setdefault("title", f"Situation Analysis Report {_next()}")
    fields.setdefault("reference_period", "2014-2019")
    fields.setdefault("language", "en")
    report = report_create(region=region, **fields)
    for key, body in (texts or {}).items():
        ReportSection.objects.filter(report=report, key=key).update(body=body, version=1)
    if status != "draft":
        report.status = status
        report.save(update_fields=["status"])
    return report


def complete_texts() -> dict[str, str]:
    """Some text for every section of the outline, enough to submit a report."""
    from reports.outline import OUTLINE

    return {spec.key.value: f"<p>What we found about {spec.key.label}.</p>" for spec in OUTLINE}


def make_event(region: Region, *, published: bool = True, capacity: int | None = 20, **fields):
    """An event hosted by `region`, a month ahead by default, with open registration."""
    from events.models import Event, EventFormat, EventKind

    number = _next()
    starts_at = fields.pop("starts_at", timezone.now() + timedelta(days=30))
    fields.setdefault("title", f"Stakeholder meeting {number}")
    fields.setdefault("slug", f"event-{number}")
    fields.setdefault("kind", EventKind.STAKEHOLDERS)
    fields.setdefault("format", EventFormat.IN_PERSON)
    fields.setdefault("planned_place", "Milan")
    fields.setdefault("ends_at", starts_at + timedelta(hours=3))
    return Event.objects.create(
        host_region=region, starts_at=starts_at, is_published=published, capacity=capacity, **fields
    )


def make_practice(region: Region, *, status: str = "published", owner=None, **fields):
    """A good practice of `region`, published by default, owned by one of its organisations."""
    from practices.models import GoodPractice, InstrumentType

    number = _next()
    owner = owner or region.organisations.first() or make_organisation(region)
    fields.setdefault("title", f"Good practice {number}")
    fields.setdefault("slug", f"practice-{number}")
    fields.setdefault("summary", "Support that helped small firms sell abroad.")
    fields.setdefault("instrument_type", InstrumentType.GRANT)
    published_at = timezone.now() if status == "published" else None
    return GoodPractice.objects.create(
        region=region, owner=owner, status=status, published_at=published_at, **fields
    )


def make_plan(region: Region, *, status: str = "draft", actions: int = 1, **fields):
    """An action plan of `region` for one of its instruments, complete enough to submit, with
    `actions` actions."""
    from plans.models import Action, ActionPlan, ImprovementType

    number = _next()
    fields.setdefault("instrument", region.instruments.first() or make_instrument(region))
    fields.setdefault("organisation", region.organisations.first() or make_organisation(region))
    fields.setdefault("title", f"Action plan {number}")
    fields.setdefault("nuts2_region", "ITC4 Lombardia")
    fields.setdefault("contact_name", "Paola Rossi")
    fields.setdefault("policy_context", "<p>The instrument funds export vouchers.</p>")
    plan = ActionPlan.objects.create(region=region, status=status, **fields)
    for position in range(1, actions + 1):
        Action.objects.create(
            plan=plan,
            position=position,
            title=f"Action {position} of plan {number}",
            description="<p>Open the voucher scheme to first-time exporters.</p>",
            improvement_type=ImprovementType.MANAGEMENT,
        )
    return plan


def first_period():
    """Phase 2's first semester. The plans app's migration creates it, but a browser test's
    database is emptied after each test, migration rows included: then it is made again."""
    from plans.models import MonitoringPeriod

    period, _created = MonitoringPeriod.objects.get_or_create(
        starts_on=date(2022, 2, 1), ends_on=date(2022, 7, 31)
    )
    return period


def make_monitoring(plan, *, period=None, status: str = "draft", progress: str | None = None):
    """A monitoring report of an (approved) plan for `period` (the first by default); with
    `progress`, that status recorded for each of the plan's actions."""
    from plans.models import ActionProgress, MonitoringReport

    period = period or first_period()
    report = MonitoringReport.objects.create(plan=plan, period=period, status=status)
    if progress:
        ActionProgress.objects.bulk_create(
            ActionProgress(report=report, action=action, status=progress)
            for action in plan.actions.all()
        )
    return report


def make_security_key(user, name: str = "Office key") -> Authenticator:
    """A WebAuthn security key of the user, as allauth stores one after registering it (a
    key pair made here, "none" attestation, for the test server's host)."""
    private_key = ec.generate_private_key(ec.SECP256R1())
    credential_id = secrets.token_bytes(16)
    credential_data = AttestedCredentialData.create(
        b"\0" * 16, credential_id, ES256.from_cryptography_key(private_key.public_key())
    )
    auth_data = AuthenticatorData.create(
        hashlib.sha256(b"testserver").digest(),
        AuthenticatorData.FLAG.UP | AuthenticatorData.FLAG.AT,
        0,
        credential_data,
    )
    client_data = {"type": "webauthn.create", "challenge": "", "origin": "http://testserver"}
    credential = {
        "id": websafe_encode(credential_id),
        "rawId": websafe_encode(credential_id),
        "type": "public-key",
        "response": {
            "clientDataJSON": websafe_encode(json.dumps(client_data).encode()),
            "attestationObject": websafe_encode(
                bytes(AttestationObject.create("none", auth_data, {}))
            ),
        },
        "clientExtensionResults": {},
    }
    return WebAuthn.add(user, name, credential).instance
