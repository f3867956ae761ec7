from allauth.account.adapter import DefaultAccountAdapter
from django.shortcuts import resolve_url

from . import access


class AccountAdapter(DefaultAccountAdapter):
    """Open sign-up makes stakeholders; partners land in their own region after signing in."""

    def get_login_redirect_url(self, request):
        regions = list(access.regions_of(request.user)[:2])
        if len(regions) == 1:
            return regions[0].get_absolute_url()
        return resolve_url("home")
