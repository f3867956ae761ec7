"""Public pages that browsers, proxies and the server can reuse.

A public view says which content versions it shows:

    @public_page(versions=lambda request, pk: ["reports", f"report:{pk}", "partners"])
    def report_detail(request, pk): ...

and each app declares which versions a change of its public models bumps (`track`, called from
its AppConfig.ready()). Signals do the bumping, on commit, so every writer (services, the admin,
a shell) moves the versions; the few services that write with `QuerySet.update()` call `bump`.

For a visitor without a session (no session or messages cookie) the decorator computes, BEFORE
rendering, an ETag and a Last-Modified from the versions, the address (host, path and query),
the language and the release; answers a matching If-None-Match / If-Modified-Since with 304;
serves a stored render from the shared cache when there is one (the versions are in its key, so
a write makes the next visitor miss it); and sends `Cache-Control: public, ...`. Anyone else
(signed in, or a visitor whose session may hold messages) gets the view as it always was, and
PrivatePagesMiddleware marks the answer `private, no-store`.
"""

import functools
import hashlib
import logging
import os
import uuid
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language

from .models import ContentVersion

logger = logging.getLogger(__name__)

Versions = Callable[..., Iterable[str]]

# --- versions ---------------------------------------------------------------------------------


def bump(*keys: str) -> None:
    """Give `keys` new versions once the current transaction commits (at once outside one)."""
    if keys:
        transaction.on_commit(functools.partial(_write, sorted(set(keys))), robust=True)


def _write(keys: list[str]) -> None:
    now = timezone.now()
    ContentVersion.objects.bulk_create(
        [ContentVersion(key=key, token=uuid.uuid4().hex, changed_at=now) for key in keys],
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["token", "changed_at"],
    )


def track(model, keys: Callable[[object], Iterable[str]]) -> None:
    """Bump `keys(instance)` whenever an instance of `model` is saved or deleted."""

    def changed(sender, instance, **kwargs):
        if kwargs.get("raw"):  # loading fixtures: nothing has been shown yet
            return
        bump(*keys(instance))

    def links_changed(sender, instance, action, **kwargs):
        # Links set from the model's own side; a save of the model comes with them anyway
        # when a form or service sets them, the admin's inline widgets included.
        if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, model):
            bump(*keys(instance))

    uid = f"public_pages:{model._meta.label}"
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=uid)
    for field in model._meta.local_many_to_many:
        m2m_changed.connect(
            links_changed, sender=field.remote_field.through, weak=False, dispatch_uid=uid
        )


def current(keys: Iterable[str]) -> list[tuple[str, str, datetime | None]]:
    """(key, token, changed_at) for each key, in one query; a key never bumped has version ""."""
    keys = sorted(set(keys))
    rows = {row.key: row for row in ContentVersion.objects.filter(key__in=keys)}
    return [
        (key, rows[key].token, rows[key].changed_at) if key in rows else (key, "", None)
        for key in keys
    ]


# --- the release ------------------------------------------------------------------------------

_RELEASE_SUFFIXES = {".py", ".html", ".mo", ".css", ".js", ".svg"}
_NOT_RELEASED = {"node_modules", "media", "private", "staticfiles", "tests", "bench"}


@functools.cache
def release() -> str:
    """What a deployment changes besides the content: settings.RELEASE when the deployment sets
    it, else a hash of the code, templates, translations and static files (the same on every
    server of a deployment, unlike a start time). Computed once per process."""
    if settings.RELEASE:
        return settings.RELEASE
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for root, folders, files in os.walk(base):
        folders[:] = sorted(f for f in folders if f not in _NOT_RELEASED and f[0] not in "._")
        for name in sorted(files):
            file = Path(root, name)
            if file.suffix in _RELEASE_SUFFIXES:
                digest.update(str(file.relative_to(base)).encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


def sets_csrf_cookie(request) -> bool:
    """Whether the page used a CSRF token, so CsrfViewMiddleware will set its cookie (later than
    the view and the middleware inside it see the response)."""
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))


# --- the decorator ----------------------------------------------------------------------------


def is_cookieless_visitor(request) -> bool:
    """No session and no pending messages: nothing on the page can be this person's own.

    Only these requests are answered from the page cache or marked public. A signed-in person
    always carries the session cookie, so they never receive a stored anonymous render; their
    answers are `private, no-store`, so no browser or proxy keeps them either."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def public_page(versions: Versions) -> Callable:
    """Make a public GET view reusable by browsers, proxies and the page cache (see the module's
    docstring). `versions(request, **kwargs)` lists the version keys of what the page shows."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if not is_cookieless_visitor(request):
                return view(request, *args, **kwargs)
            state = _State(request, current(versions(request, *args, **kwargs)))
            not_modified = get_conditional_response(
                request, etag=state.etag, last_modified=state.last_modified
            )
            response = not_modified if not_modified is not None else state.stored()
            if response is None:
                response = view(request, *args, **kwargs)
                if not state.reusable(request, response):
                    return response
                state.store(response)
            _forget_session_access(request)
            return state.public(response)

        return wrapper

    return decorator


class _State:
    """The validators and the cache key of one request, computed before any rendering."""

    def __init__(self, request, rows):
        now = timezone.now().timestamp()
        # Pages also change with the clock (an event starts, a deadline comes closer): a new
        # period gives them new validators, so nothing is reused for longer than one period.
        period = settings.PUBLIC_PAGE_CACHE_SECONDS
        bucket = int(now // period) if period else 0
        material = "\n".join(
            [
                release(),
                get_language() or "",
                # Scheme and host too: feeds and the sitemap write absolute addresses.
                request.build_absolute_uri(),
                str(bucket),
                *(f"{key}={token}" for key, token, _at in rows),
            ]
        )
        digest = hashlib.sha256(material.encode()).hexdigest()
        self.etag = f'"{digest[:32]}"'
        # "!" sorts before letters: the database cache, when full, deletes the keys that sort
        # first, so it drops pages (rebuilt at the next visit) before rate-limit counters.
        self.cache_key = f"!public_page:{digest}"
        changes = [at.timestamp() for _key, _token, at in rows if at is not None]
        self.last_modified = int(max([*changes, bucket * period]))

    def stored(self) -> HttpResponse | None:
        if not settings.PUBLIC_PAGE_CACHE:
            return None
        try:
            entry = cache.get(self.cache_key)
        except Exception:
            # A page cache that is down slows pages; it must not break them.
            logger.exception("The page cache did not answer for %s", self.cache_key)
            return None
        if entry is None:
            return None
        headers, content = entry
        return HttpResponse(content, headers=headers)

    @staticmethod
    def reusable(request, response) -> bool:
        """A full page that sets no cookie, holds no CSRF token and says nothing of its own
        about caching."""
        return (
            response.status_code == 200
            and not response.cookies
            and not sets_csrf_cookie(request)
            and not response.has_header("Cache-Control")
        )

    def store(self, response) -> None:
        if not settings.PUBLIC_PAGE_CACHE or response.streaming:
            return
        # The view's own headers (type, attachment name, licence link); the middleware adds the
        # rest (security headers, CSP, language) to every answer, stored or not.
        headers = dict(response.headers)
        try:
            cache.set(
                self.cache_key, (headers, response.content), settings.PUBLIC_PAGE_CACHE_SECONDS
            )
        except Exception:
            logger.exception("The page cache did not store %s", self.cache_key)

    def public(self, response):
        response["ETag"] = self.etag
        response["Last-Modified"] = http_date(self.last_modified)
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PUBLIC_PAGE_MAX_AGE,
            stale_while_revalidate=settings.PUBLIC_PAGE_STALE_SECONDS,
        )
        return response


def _forget_session_access(request) -> None:
    """The page read the (empty) session to learn that nobody is signed in, which makes
    SessionMiddleware add `Vary: Cookie`. Reading an empty session of a request without a session
    cookie says nothing the URL does not: leave the header out so that proxies can share the
    page. A signed-in person never gets such a copy: their browser's cache is cleared when they
    sign in or out (PrivatePagesMiddleware) and proxies must not answer requests that carry the
    session cookie from their cache (README)."""
    session = getattr(request, "session", None)
    if session is not None and not session.modified and session.is_empty():
        session.accessed = False
