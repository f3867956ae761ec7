"""Rules for signed-in sessions: unused ones end, and privileged ones need a second factor."""

import time
from urllib.parse import urlencode

from allauth.account.adapter import get_adapter
from allauth.account.authentication import get_authentication_records
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from . import access

LAST_SEEN_SESSION_KEY = "interventures_last_seen"
# The last-seen time is written at most this often: not a session write on every request.
LAST_SEEN_PRECISION_SECONDS = 60

# What a coordinator or staff member may open before their second factor is in place: the
# pages that set one up or ask for it, signing out, and the site-wide plumbing.
SECOND_FACTOR_STEPS = {
    "mfa_index",
    "mfa_activate_totp",
    "mfa_list_webauthn",
    "mfa_add_webauthn",
    "mfa_reauthenticate",
    "mfa_reauthenticate_webauthn",
    "account_reauthenticate",
    "account_logout",
    "healthz",
    "set_language",
}


class IdleTimeoutMiddleware:
    """Sign out a session left unused for longer than the user's role allows
    (`access.idle_timeout_minutes`), and send the person to sign in again, saying why."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie there is nothing to time out, and no session is created.
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN_SESSION_KEY)
            minutes = access.idle_timeout_minutes(request.user)
            if last_seen is not None and now - last_seen > minutes * 60:
                get_adapter(request).logout(request)
                message = _(
                    "You were signed out because the portal was not used for %(minutes)s "
                    "minutes. Please sign in again."
                ) % {"minutes": minutes}
                if "application/json" in request.headers.get("Accept", ""):
                    # An autosave: the editor keeps the text and shows why it was not saved.
                    return JsonResponse({"error": message}, status=401)
                messages.info(request, message)
                return redirect_to_login(request.get_full_path())
            if last_seen is None or now - last_seen >= LAST_SEEN_PRECISION_SECONDS:
                request.session[LAST_SEEN_SESSION_KEY] = now
        return self.get_response(request)


def has_second_factor(request, user) -> bool:
    """Did this session's sign-in (or a later step) pass a second factor? allauth records
    each authentication method of the session; "mfa" is a TOTP code, a recovery code or a
    security key."""
    return any(
        record.get("method") == "mfa" for record in get_authentication_records(request, user)
    )


class MfaRequiredMiddleware:
    """Coordinators and staff (`access.requires_second_factor`) see nothing, the admin
    included, until this session has passed a second factor: without an authenticator they
    are sent to set one up, with one they are asked for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if (
            not access.requires_second_factor(user)
            or request.resolver_match.view_name in SECOND_FACTOR_STEPS
            or has_second_factor(request, user)
        ):
            return None
        asks = [
            method
            for method in get_adapter(request).get_reauthentication_methods(user)
            if method["id"].startswith("mfa_reauthenticate")
        ]
        if asks:
            query = urlencode({"next": request.get_full_path()}, safe="/")
            return HttpResponseRedirect(f"{asks[0]['url']}?{query}")
        if request.method == "GET":
            messages.info(
                request,
                _(
                    "Your role needs a second factor when you sign in. Set up an authenticator "
                    "app now; you can add a security key afterwards."
                ),
            )
        return HttpResponseRedirect(reverse("mfa_activate_totp"))
