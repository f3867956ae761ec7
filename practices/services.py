"""Writes of the practices app: the record, its publication workflow, the public contact's
consent and the interest a visitor expresses.

Status, region, owner, slug and consent are set here, never by posted fields; rich text is
sanitised here on every save, whatever the browser sent.
"""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from interventures.activity.services import log_action
from interventures.notifications.services import notify
from interventures.public_pages import bump
from interventures.slugs import unique_slug
from interventures.workflow.services import transition
from partners.models import Region

from .models import (
    RECORD,
    RECORD_RELATIONS,
    GoodPractice,
    Interest,
    PracticeStatus,
    Transfer,
    TransferStage,
)
from .selectors import interests_of, owner_editors, practices_with_contact
from .workflow import PRACTICE_WORKFLOW

CONTACT_CONSENT_WORDING = gettext_lazy(
    "The contact person agrees that their name and email address are shown publicly on this "
    "practice's page, so that people interested in the practice can write to them. The consent "
    "can be withdrawn at any time; the contact is then removed at once."
)
# Slugs that are paths of their own under /practices/.
RESERVED_SLUGS = frozenset({"new", "transfers", "export-csv", "export-json"})
SLUG_LENGTH = 80

INTEREST_LIMIT = 5
INTEREST_WINDOW_SECONDS = 60 * 60


class RateLimited(Exception):
    """Too many interests from one address or one email in the current window."""


# --- the record ------------------------------------------------------------------------------


def _unique_slug(title: str) -> str:
    return unique_slug(
        GoodPractice.objects.all(),
        title,
        base_length=SLUG_LENGTH,
        fallback="practice",
        reserved=RESERVED_SLUGS,
    )


def _check_owner(region, owner) -> None:
    if owner.region_id != region.pk:
        raise ValidationError(
            {"owner": _("The owner organisation must be a partner of the practice's region.")}
        )


def _validate(practice: GoodPractice, *checks, exclude: list[str]) -> None:
    """Run every check and the model's own validation, and refuse with all their errors at
    once, so the form shows each problem the first time."""
    errors: dict = {}
    for check in (*checks, lambda: practice.full_clean(exclude=exclude)):
        try:
            check()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


def _apply_fields(practice: GoodPractice, fields: dict) -> None:
    """The record's own values (rich text is sanitised by its field when saved)."""
    for name in RECORD:
        if name in fields and name not in RECORD_RELATIONS:
            value = fields[name]
            setattr(practice, name, value.strip() if isinstance(value, str) else value)


def _apply_contact(practice: GoodPractice, *, name: str, email: str, consent: bool) -> None:
    """Contact data is kept only with consent; consent is recorded when given (again) for
    a changed contact or wording, with its time and the wording the editor saw."""
    name, email = (name or "").strip(), (email or "").strip()
    if not (name or email):
        _clear_contact(practice)
        return
    if not consent:
        raise ValidationError(
            {
                "contact_consent": _(
                    "A contact person is shown only with their consent: tick the box, or "
                    "leave the contact empty."
                )
            }
        )
    wording = str(CONTACT_CONSENT_WORDING)
    changed = (
        practice.contact_consent_at is None
        or practice.contact_name != name
        or practice.contact_email != email
        or practice.contact_consent_wording != wording
    )
    practice.contact_name, practice.contact_email = name, email
    if changed:
        practice.contact_consent_at = timezone.now()
        practice.contact_consent_wording = wording


def _clear_contact(practice: GoodPractice) -> None:
    practice.contact_name = ""
    practice.contact_email = ""
    practice.contact_consent_at = None
    practice.contact_consent_wording = ""


def practice_create(
    *,
    region,
    owner,
    themes=(),
    contact_name: str = "",
    contact_email: str = "",
    contact_consent: bool = False,
    actor=None,
    **fields,
) -> GoodPractice:
    """A new draft practice of `region`, owned by one of its organisations."""
    practice = GoodPractice(region=region, owner=owner, status=PracticeStatus.DRAFT)
    _apply_fields(practice, fields)
    _validate(
        practice,
        lambda: _check_owner(region, owner),
        lambda: _apply_contact(
            practice, name=contact_name, email=contact_email, consent=contact_consent
        ),
        exclude=["slug", "search_vector"],
    )
    with transaction.atomic():
        practice.slug = _unique_slug(practice.title)
        practice.save()
        practice.themes.set(themes)
        log_action(actor=actor, verb="practice.created", target=practice)
    return practice


def practice_update(
    *,
    practice: GoodPractice,
    owner,
    themes=(),
    contact_name: str = "",
    contact_email: str = "",
    contact_consent: bool = False,
    actor=None,
    **fields,
) -> GoodPractice:
    """Save the record while it is a draft or returned; the slug (its URL) stays."""
    with transaction.atomic():
        practice = GoodPractice.objects.select_for_update().get(pk=practice.pk)
        if practice.status not in (PracticeStatus.DRAFT, PracticeStatus.RETURNED):
            raise ValidationError(
                _("The practice is %(status)s: it cannot be changed now.")
                % {"status": practice.get_status_display().lower()}
            )
        practice.owner = owner
        _apply_fields(practice, fields)
        _validate(
            practice,
            lambda: _check_owner(practice.region, owner),
            lambda: _apply_contact(
                practice, name=contact_name, email=contact_email, consent=contact_consent
            ),
            exclude=["search_vector"],
        )
        practice.save()
        practice.themes.set(themes)
        log_action(actor=actor, verb="practice.updated", target=practice)
    return practice


def contact_withdraw(*, practice: GoodPractice, actor=None) -> GoodPractice:
    """Withdrawal of consent: the contact data and the consent record are gone at once."""
    with transaction.atomic():
        GoodPractice.objects.filter(pk=practice.pk).update(
            contact_name="",
            contact_email="",
            contact_consent_at=None,
            contact_consent_wording="",
            updated_at=timezone.now(),
        )
        # update() sends no signal: the public pages showing the contact must change now.
        bump("practices")
        log_action(actor=actor, verb="practice.contact_withdrawn", target=practice)
    _clear_contact(practice)
    return practice


def personal_data_erase(*, user, addresses: list[str]) -> None:
    """Erase the practices app's personal data of `user` (portal.services.account_delete), whose
    email addresses are `addresses`: the interest messages they sent stay, for the counts,
    without who sent them and what they wrote; a practice naming them as its public contact
    loses the contact, as when consent is withdrawn."""
    interests_of(user, addresses).update(user=None, name="", email="", organisation="", message="")
    for practice in practices_with_contact(addresses):
        contact_withdraw(practice=practice, actor=user)


def interests_purge(*, sent_before) -> int:
    """Interest messages older than the retention period go (settings.INTEREST_RETENTION_MONTHS):
    the owner organisation received each one by email long ago."""
    deleted, _per_model = Interest.objects.filter(created_at__lt=sent_before).delete()
    return deleted


# --- the publication workflow ------------------------------------------------------------------


def practice_transition(
    *, practice: GoodPractice, actor, action: str, reason: str = ""
) -> GoodPractice:
    """Take a step of the practice's publication workflow (practices/workflow.py)."""
    return transition(
        workflow=PRACTICE_WORKFLOW, obj=practice, action=action, actor=actor, reason=reason
    )


# --- interest ----------------------------------------------------------------------------------


def _rate_keys(ip: str, email: str) -> list[str]:
    keys = [f"practices:interest:email:{email.strip().lower()}"]
    if ip:
        keys.append(f"practices:interest:ip:{ip}")
    return keys


def interest_rate_limited(*, ip: str, email: str) -> bool:
    counts = cache.get_many(_rate_keys(ip, email))
    return any(count >= INTEREST_LIMIT for count in counts.values())


def _count_interest(ip: str, email: str) -> None:
    for key in _rate_keys(ip, email):
        if not cache.add(key, 1, timeout=INTEREST_WINDOW_SECONDS):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, timeout=INTEREST_WINDOW_SECONDS)


def interest_send(
    *,
    practice: GoodPractice,
    user,
    ip: str,
    name: str,
    email: str,
    organisation: str = "",
    message: str,
) -> Interest:
    """Store a visitor's message to the owner organisation and notify its editors (by email
    replying to the sender, unless they chose otherwise). At most INTEREST_LIMIT per address
    and per email an hour: RateLimited beyond."""
    if practice.status != PracticeStatus.PUBLISHED:
        raise ValidationError(_("Only a published practice can receive interest."))
    if interest_rate_limited(ip=ip, email=email):
        raise RateLimited
    with transaction.atomic():
        interest = Interest.objects.create(
            practice=practice,
            user=user if getattr(user, "is_authenticated", False) else None,
            name=name.strip(),
            email=email.strip(),
            organisation=organisation.strip(),
            message=message.strip(),
            consent_at=timezone.now(),
        )
        _count_interest(ip, email)
        notify(
            recipients=owner_editors(practice),
            kind="interest.received",
            target=practice,
            actor=interest.user,
            url=practice.get_absolute_url(),
            email_templates="practices/email/interest",
            email_context={"practice": practice, "interest": interest},
            email_reply_to=[interest.email],
        )
    return interest


# --- transfers -------------------------------------------------------------------------------


def _check(*, practice: GoodPractice, region: Region, started_on, updated_on) -> None:
    if practice.status != PracticeStatus.PUBLISHED:
        raise ValidationError(_("Only a published practice can be transferred."))
    if region.pk == practice.region_id:
        raise ValidationError(_("A region does not transfer its own practice."))
    if started_on and updated_on and updated_on < started_on:
        raise ValidationError(_("The stage cannot be reached before the transfer started."))


@transaction.atomic
def transfer_create(
    *,
    practice: GoodPractice,
    region: Region,
    stage: str,
    started_on=None,
    updated_on=None,
    notes: str = "",
    actor=None,
) -> Transfer:
    """Record that `region` learns from `practice`; one transfer per practice and region."""
    _check(practice=practice, region=region, started_on=started_on, updated_on=updated_on)
    duplicate = _("%(region)s already records a transfer of this practice.") % {
        "region": region.name
    }
    if Transfer.objects.filter(practice=practice, region=region).exists():
        raise ValidationError(duplicate)
    try:
        with transaction.atomic():
            transfer = Transfer.objects.create(
                practice=practice,
                region=region,
                stage=TransferStage(stage),
                started_on=started_on,
                updated_on=updated_on,
                notes=notes,
            )
            _log(transfer, "transfer.recorded", actor)
            return transfer
    except IntegrityError as error:  # a concurrent request recorded it first
        raise ValidationError(duplicate) from error


@transaction.atomic
def transfer_update(
    *, transfer: Transfer, stage: str, started_on, updated_on, notes: str, actor=None
):
    """Move a transfer to another stage or correct its dates and notes; region stays."""
    _check(
        practice=transfer.practice,
        region=transfer.region,
        started_on=started_on,
        updated_on=updated_on,
    )
    transfer.stage = TransferStage(stage)
    transfer.started_on = started_on
    transfer.updated_on = updated_on
    transfer.notes = notes
    transfer.save(update_fields=["stage", "started_on", "updated_on", "notes"])
    _log(transfer, "transfer.updated", actor)
    return transfer


def _log(transfer: Transfer, verb: str, actor) -> None:
    """On the practice (its page is where the transfer shows), naming the region and stage."""
    log_action(
        actor=actor,
        verb=verb,
        target=transfer.practice,
        data={"detail": f"{transfer.region.name}: {transfer.get_stage_display()}"},
    )
