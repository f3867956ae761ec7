from allauth.account.adapter import DefaultAccountAdapter
from django.shortcuts import resolve_url
from django.utils import translation

from . import access


class AccountAdapter(DefaultAccountAdapter):
    """Open sign-up makes stakeholders; partners land in their own region after signing in."""

    def get_login_redirect_url(self, request):
        regions = list(access.regions_of(request.user)[:2])
        if len(regions) == 1:
            return regions[0].get_absolute_url()
        return resolve_url("home")

    def save_user(self, request, user, form, commit=True):
        """A new account keeps the language of the page it signed up on."""
        user.language = translation.get_language()
        return super().save_user(request, user, form, commit=commit)
