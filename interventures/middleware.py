"""Signed-in users see the portal in the language they chose, wherever they enter it, and
nothing is cached unless a view says so."""

import functools
from pathlib import PurePosixPath

from django.conf import settings
from django.http import HttpResponseRedirect
from django.middleware.gzip import GZipMiddleware
from django.middleware.locale import LocaleMiddleware
from django.urls import Resolver404, ResolverMatch, resolve, translate_url
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from . import public_pages

# Files and data, not pages: a calendar app or a script fetching them must not be redirected.
DOWNLOAD_SUFFIXES = {".ics", ".csv", ".json", ".jsonld", ".ttl", ".atom", ".xml", ".pdf", ".txt"}
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
    """Nothing the portal answers is kept by a browser's cache or a proxy unless its view says
    so: `Cache-Control: private, no-store` by default, so what a signed-in person is shown
    (drafts, review notes, their account) and a visitor's forms with their CSRF token stay
    theirs. Public pages (interventures.public_pages) and PDF downloads set their own.

    Public pages are shared with visitors without `Vary: Cookie`: signing in or out clears the
    browser's cache of the site, so someone who has just signed in is shown no copy kept from
    before."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Before and after the view: signing in or out happens in it.
        signed_in_before = self._signed_in(request)
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        if signed_in_before != self._signed_in(request):
            response["Clear-Site-Data"] = '"cache"'
        return response

    @staticmethod
    def _signed_in(request) -> bool:
        user = getattr(request, "user", None)
        return user is not None and user.is_authenticated


class PublicGZipMiddleware(GZipMiddleware):
    """Compress only the answers that every visitor shares (`Cache-Control: public`): they hold
    no CSRF token and nothing personal, so compression cannot leak a secret through the
    response's length (BREACH). Everything else goes out as it is."""

    def process_response(self, request, response):
        if "public" not in response.get("Cache-Control", ""):
            return response
        return super().process_response(request, response)


class PublicPageCacheMiddleware:
    """Answer a cookieless visitor's GET of a warm public page from the shared cache before the
    rest of the stack runs (compression, sessions, CSRF, authentication, ...): the stored answer
    was kept with every header that stack added, compressed for a visitor who accepts gzip, so
    a hit goes out as the miss did. On the way out, keep the finished answers that the page's
    `@public_page` found reusable.

    The key and validators are the decorator's own (public_pages.page_state), computed here in
    the page's language, which only the address decides for a visitor."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.locale = LocaleMiddleware(get_response)

    def __call__(self, request):
        response = self._stored(request)
        if response is not None:
            return response
        response = self.get_response(request)
        public_pages.store_answer(request, response)
        return response

    def _stored(self, request):
        if not settings.PUBLIC_PAGE_CACHE or not public_pages.is_cookieless_visitor(request):
            return None
        self.locale.process_request(request)
        try:
            match = _resolved(settings.ROOT_URLCONF, get_language(), request.path_info)
        except Resolver404:
            return None
        versions = getattr(match.func, "public_page_versions", None)
        if versions is None:
            return None
        return public_pages.stored_answer(request, versions, match.args, match.kwargs)


@functools.lru_cache(maxsize=4096)
def _resolved(urlconf: str, language: str, path: str) -> ResolverMatch:
    """The view of `path` in `language` (the URL patterns are translated) under `urlconf`,
    remembered: walking the patterns was a tenth of a warm page's cost. Bounded, so that
    made-up paths cannot fill the memory."""
    return resolve(path, urlconf)
