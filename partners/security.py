"""Security events of accounts, recorded in the activity log (ASVS V7): sign-ins and their
failures, lock-outs, second factors, passwords, sessions, roles and memberships.

allauth and Django announce most of them with signals; the changes of roles and memberships are
caught on the models' saves, so a change through the admin or the shell is recorded too. The
actor is whoever is signed in in the current request (allauth keeps it in its context), or
nobody for a command. `connect()` is called once, from `PartnersConfig.ready`.
"""

from allauth.account import signals as account_signals
from allauth.account.adapter import get_adapter
from allauth.core import context
from allauth.mfa import signals as mfa_signals
from django.contrib.auth import signals as auth_signals
from django.core.exceptions import PermissionDenied
from django.db.models import signals as model_signals

from interventures.activity.services import log_action

from .models import Membership, User

# The User fields whose change alters what a person may do.
ROLE_FIELDS = ("is_coordinator", "is_staff", "is_superuser", "is_active")


def client_ip(request) -> str:
    """The client's address as the rate limits see it (behind trusted proxies, the client's)."""
    if request is None:
        return ""
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return ""


def current_actor():
    request = context.request
    user = getattr(request, "user", None)
    return user if getattr(user, "is_authenticated", False) else None


# The default actor of an event: the person it is about (a failure names no actor).
THE_USER = object()


def log_security(verb: str, *, user=None, request=None, actor=THE_USER, data: dict | None = None):
    request = request or context.request
    log_action(
        actor=user if actor is THE_USER else actor,
        verb=verb,
        target=user,
        data={"ip": client_ip(request), **(data or {})},
    )


def on_signed_in(sender, request, user, **kwargs):
    log_security("account.signed_in", user=user, request=request)


def on_signed_out(sender, request, user, **kwargs):
    if user is not None:
        log_security("account.signed_out", user=user, request=request)


def on_sign_in_failed(sender, credentials, request=None, **kwargs):
    """A wrong password, or an address without an account (then there is no user to name)."""
    email = str(credentials.get("email") or credentials.get("username") or "")[:254]
    user = User.objects.filter(email__iexact=email).first() if email else None
    log_security(
        "account.sign_in_failed", user=user, actor=None, request=request, data={"email": email}
    )


def on_password_changed(sender, request, user, **kwargs):
    log_security("account.password_changed", user=user, request=request)


def on_password_reset(sender, request, user, **kwargs):
    log_security("account.password_reset", user=user, request=request)


def on_authenticator_added(sender, request, user, authenticator, **kwargs):
    log_security("mfa.added", user=user, request=request, data={"type": authenticator.type})


def on_authenticator_removed(sender, request, user, authenticator, **kwargs):
    log_security("mfa.removed", user=user, request=request, data={"type": authenticator.type})


def on_authenticator_used(sender, request, user, authenticator, **kwargs):
    # Only the recovery codes are worth a line: each use spends one of a few codes.
    if authenticator.type == authenticator.Type.RECOVERY_CODES:
        log_security("mfa.recovery_code_used", user=user, request=request)


def on_second_factor_failed(sender, request, user, authenticator, **kwargs):
    log_security(
        "mfa.failed", user=user, actor=None, request=request, data={"type": authenticator.type}
    )


def on_user_saving(sender, instance, raw=False, update_fields=None, **kwargs):
    """Remember the roles before the save, to log what it changes (a save of other fields only,
    such as the last sign-in, cannot change them: no query)."""
    if raw or instance._state.adding:
        return
    if update_fields is not None and not set(update_fields) & set(ROLE_FIELDS):
        return
    before = User.objects.filter(pk=instance.pk).values(*ROLE_FIELDS).first() or {}
    instance._roles_before = before


def on_user_saved(sender, instance, created, raw=False, **kwargs):
    before = getattr(instance, "_roles_before", None)
    if raw or created or not before:
        return
    changes = {
        field: [before[field], getattr(instance, field)]
        for field in ROLE_FIELDS
        if before[field] != getattr(instance, field)
    }
    del instance._roles_before
    if changes:
        log_security("account.roles_changed", user=instance, actor=current_actor(), data=changes)


def on_membership_saving(sender, instance, raw=False, **kwargs):
    if raw or instance._state.adding:
        return
    instance._role_before = (
        Membership.objects.filter(pk=instance.pk).values_list("role", flat=True).first()
    )


def on_membership_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    before = getattr(instance, "_role_before", None)
    if not created and before == instance.role:
        return
    log_action(
        actor=current_actor(),
        verb="membership.added" if created else "membership.changed",
        target=instance.organisation,
        data={
            "user": instance.user_id,
            "role": instance.role,
            **({"from_role": before} if not created else {}),
        },
    )


def on_membership_deleted(sender, instance, **kwargs):
    log_action(
        actor=current_actor(),
        verb="membership.removed",
        target=instance.organisation,
        data={"user": instance.user_id, "role": instance.role},
    )


def connect() -> None:
    auth_signals.user_logged_in.connect(on_signed_in, dispatch_uid="security.signed_in")
    auth_signals.user_logged_out.connect(on_signed_out, dispatch_uid="security.signed_out")
    auth_signals.user_login_failed.connect(on_sign_in_failed, dispatch_uid="security.failed")
    account_signals.password_changed.connect(on_password_changed, dispatch_uid="security.pw")
    account_signals.password_set.connect(on_password_changed, dispatch_uid="security.pw_set")
    account_signals.password_reset.connect(on_password_reset, dispatch_uid="security.reset")
    mfa_signals.authenticator_added.connect(on_authenticator_added, dispatch_uid="security.mfa+")
    mfa_signals.authenticator_removed.connect(
        on_authenticator_removed, dispatch_uid="security.mfa-"
    )
    mfa_signals.authenticator_used.connect(on_authenticator_used, dispatch_uid="security.mfa")
    mfa_signals.authentication_failed.connect(
        on_second_factor_failed, dispatch_uid="security.mfa_failed"
    )
    model_signals.pre_save.connect(on_user_saving, sender=User, dispatch_uid="security.user")
    model_signals.post_save.connect(on_user_saved, sender=User, dispatch_uid="security.user")
    model_signals.pre_save.connect(
        on_membership_saving, sender=Membership, dispatch_uid="security.membership"
    )
    model_signals.post_save.connect(
        on_membership_saved, sender=Membership, dispatch_uid="security.membership"
    )
    model_signals.post_delete.connect(
        on_membership_deleted, sender=Membership, dispatch_uid="security.membership"
    )
