"""Session rules tied to signing in and to setting up a second factor (connected in apps.py)."""

from datetime import timedelta

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.utils import timezone


def end_session_at_a_fixed_time(sender, request, user, **kwargs):
    """A session ends SESSION_COOKIE_AGE after signing in however busy it is: a fixed expiry
    date, which Django keeps when it saves the session again (an age would slide)."""
    request.session.set_expiry(timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE))


def count_new_authenticator_as_second_factor(sender, request, user, authenticator, **kwargs):
    """Setting up an authenticator app or a security key proves it, as its code or touch does
    at sign-in: the session counts as signed in with a second factor from then on, as allauth
    records it after a sign-in with one."""
    if authenticator.type in (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN):
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
