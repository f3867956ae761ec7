"""Building a registry entry's sample request, and checking a response against an Outcome."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse
from django.utils import translation

from . import mfa
from .factories import PASSWORD
from .registry import Outcome, Route

LOGIN_PATHS = ("account_login", "admin:login")


def user_of(world, role: str):
    return None if role == "anonymous" else getattr(world, role)


def url_of(route: Route, world, *, language: str | None = None) -> str:
    """The sample URL of an entry; under a language prefix (e.g. /it/) when asked."""
    with translation.override(language or settings.LANGUAGE_CODE):
        return reverse(route.url_name, kwargs=route.kwargs(world))


def client_for(route: Route, world, role: str, *, enforce_csrf_checks: bool = False) -> Client:
    """A test client in the state the entry needs: signed in as `role`, MFA set up when
    `route.prepare` asks, and recently reauthenticated when `route.reauthenticated` asks."""
    client = Client(enforce_csrf_checks=enforce_csrf_checks)
    user = user_of(world, role)
    if user is None:
        return client
    if route.reauthenticated:
        sign_in_with_password(client, user)
    else:
        mfa.force_login(client, user)
    if route.prepare:
        route.prepare(user)
    return client


def sign_in_with_password(client: Client, user) -> None:
    """Sign in (with the second factor, for those who have one) and reauthenticate through
    allauth's forms, as a person would."""
    csrf_checks = client.handler.enforce_csrf_checks
    client.handler.enforce_csrf_checks = False
    try:
        response = client.post(
            reverse("account_login"), {"login": user.email, "password": PASSWORD}
        )
        assert response.status_code == 302, describe(response)
        if response["Location"] == reverse("mfa_authenticate"):
            response = mfa.enter_totp_code(client, user)
            assert response.status_code == 302, describe(response)
        response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
        assert response.status_code == 302, describe(response)
    finally:
        client.handler.enforce_csrf_checks = csrf_checks


def redirects_to_login(response: HttpResponse) -> bool:
    if response.status_code not in (301, 302, 303, 307, 308):
        return False
    path = urlsplit(response["Location"]).path
    return path in {resolve_url(settings.LOGIN_URL), *(reverse(name) for name in LOGIN_PATHS)}


def matches(response: HttpResponse, outcome: Outcome) -> bool:
    status = response.status_code
    if outcome is Outcome.REDIRECT_TO_LOGIN:
        return redirects_to_login(response)
    if outcome is Outcome.REDIRECT:
        return status in (301, 302, 303, 307, 308) and not redirects_to_login(response)
    if outcome is Outcome.FORBIDDEN_OR_NOT_FOUND:
        return status in (403, 404)
    return status == int(outcome.value)


def describe(response: HttpResponse) -> str:
    text = f"{response.status_code}"
    if "Location" in response:
        text += f" → {response['Location']}"
    return text
