"""Signed-in users see the portal in the language they chose, wherever they enter it, and
what they are shown is not cached."""

from pathlib import PurePosixPath

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve, translate_url
from django.utils.cache import patch_cache_control

# Files and data, not pages: a calendar app or a script fetching them must not be redirected.
DOWNLOAD_SUFFIXES = {".ics", ".csv", ".json", ".pdf", ".txt"}
# Pages that answer with a file or a fragment although their URL has no suffix.
NOT_PAGES = {
    "reports:report_pdf",
    "reports:report_pdf_status",
    "reports:compendium_download",
    "reports:compendium_status",
    "mfa_download_recovery_codes",
}


class PreferredLanguageMiddleware:
    """On a GET of an unprefixed (English) page, send a signed-in user whose saved language is
    another one to the same page in that language.

    Only unprefixed pages redirect: a prefixed URL (/it/...) is a language chosen on purpose,
    and choosing English in the switcher saves "en", which stops the redirect.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        target = self._preferred_url(request)
        if target is not None:
            return HttpResponseRedirect(target)
        return self.get_response(request)

    def _preferred_url(self, request) -> str | None:
        user = getattr(request, "user", None)
        if (
            request.method not in ("GET", "HEAD")
            or request.headers.get("HX-Request")
            or user is None
            or not user.is_authenticated
            or not user.language
            or user.language == settings.LANGUAGE_CODE
            or getattr(request, "LANGUAGE_CODE", None) != settings.LANGUAGE_CODE
            or PurePosixPath(request.path_info).suffix in DOWNLOAD_SUFFIXES
        ):
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        if "admin" in match.namespaces or match.view_name in NOT_PAGES:
            return None
        current = request.get_full_path()
        # Outside i18n_patterns (the health check, media) the URL comes back unchanged.
        target = translate_url(current, user.language)
        return target if target != current else None


class PrivatePagesMiddleware:
    """What a signed-in person is shown (drafts, review notes, their account) is never kept by
    a browser's cache or a proxy: `Cache-Control: private, no-store`, unless the view said
    otherwise (a PDF download sets its own)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Before and after the view: signing in or out happens in it.
        signed_in = self._signed_in(request)
        response = self.get_response(request)
        if (signed_in or self._signed_in(request)) and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response

    @staticmethod
    def _signed_in(request) -> bool:
        user = getattr(request, "user", None)
        return user is not None and user.is_authenticated
