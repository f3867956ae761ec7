"""Second factors in tests: the code an authenticator app would show, and test clients whose
session passed a second factor, as allauth records a sign-in with a TOTP code."""

import time

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa import app_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.test import Client, RequestFactory
from django.urls import reverse

from partners.access import requires_second_factor

from . import factories


def totp_code(user, *, secret: str | None = None) -> str:
    """The code the user's authenticator app shows now (or the one for `secret`)."""
    if secret is None:
        authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
        secret = decrypt(authenticator.data["secret"])
    period = app_settings.TOTP_PERIOD
    # A code read in the last seconds of its window may reach the server in the next one, where
    # it no longer counts (a loaded machine): wait for the next window instead.
    left = period - time.time() % period
    if left < 5:
        time.sleep(left + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


def force_login(client: Client, user) -> None:
    """`client.force_login(user)`; for a coordinator or staff member, with an authenticator
    app (set up if they have none) and a session that passed it, so they reach their pages."""
    client.force_login(user)
    if not requires_second_factor(user):
        return
    factories.activate_mfa(user)
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    request = RequestFactory().get("/")
    request.session = client.session
    request.user = user
    record_authentication(request, user, "password", email=user.email)
    record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
    request.session.save()


def enter_totp_code(client: Client, user):
    """Answer allauth's second-factor step of a sign-in with the current code."""
    return client.post(reverse("mfa_authenticate"), {"code": totp_code(user)})
