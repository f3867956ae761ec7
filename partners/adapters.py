from urllib.parse import urlencode

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import get_login_redirect_url
from allauth.core import context as allauth_context
from allauth.usersessions.adapter import DefaultUserSessionsAdapter
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.shortcuts import resolve_url
from django.utils import translation

from interventures.mail import send_after_commit

from . import security


class AccountAdapter(DefaultAccountAdapter):
    """Open sign-up makes stakeholders; everyone lands on their dashboard after signing in."""

    def get_login_redirect_url(self, request):
        """Everyone signed in lands on their dashboard, which lists what needs them (a `next`
        parameter still wins: allauth asks this only without one)."""
        return resolve_url("dashboard")

    def post_login(self, request, user, *, redirect_url, signup, **kwargs):
        """Someone without a name (people are shown by name) is asked for it first."""
        if not user.get_full_name():
            onward = get_login_redirect_url(request, redirect_url, signup=signup)
            query = urlencode({"next": onward})
            redirect_url = f"{resolve_url('partners:account_name')}?{query}"
        return super().post_login(request, user, redirect_url=redirect_url, signup=signup, **kwargs)

    def pre_authenticate(self, request, **credentials):
        """Record a lock-out: allauth refuses to check the password after too many failures."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            security.log_security(
                "account.locked_out",
                request=request,
                data={"email": str(credentials.get("email", ""))[:254]},
            )
            raise

    def save_user(self, request, user, form, commit=True):
        """A new account keeps the language of the page it signed up on."""
        user.language = translation.get_language()
        return super().save_user(request, user, form, commit=commit)

    def send_mail(self, template_prefix, email, context):
        """allauth's messages (confirmations, resets, "you already have an account") go
        through the worker like every other: the page never waits for the mail server, and
        a sign-up answers as fast whether or not the address has an account."""
        request = allauth_context.request
        context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        send_after_commit(self.render_mail(template_prefix, email, context))


class UserSessionsAdapter(DefaultUserSessionsAdapter):
    """Ending one's other sessions (the sessions page) is a security event."""

    def end_sessions(self, sessions) -> None:
        sessions = list(sessions)
        super().end_sessions(sessions)
        if sessions:
            security.log_security(
                "account.sessions_ended",
                user=security.current_actor(),
                data={"count": len(sessions)},
            )
