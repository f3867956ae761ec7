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
and sends `Cache-Control: public, ...`. PublicPageCacheMiddleware, near the top of the stack,
stores the finished answer in the shared cache under its address, with its ETag (a write
changes the ETag, so the next visitor misses it) and serves it, or its 304, to the next visitor
before the rest of the stack runs. Anyone else (signed in, or a visitor whose session may hold
messages) gets the view as it always was, and PrivatePagesMiddleware marks the answer
`private, no-store`.

The versions themselves are kept in the shared cache too, so that a warm page costs no database
query: the database row stays the truth, a bump writes it and then the cache, a miss reads the
database and fills the cache. Each server process also holds the versions it read, and the pages
it served, in its own memory (the "local" cache) for PUBLIC_PAGE_LOCAL_SECONDS, so that a warm
page costs no round trip to the shared cache either: a write through this process reaches its
next visitor at once, a write through another server within those seconds (far less than the
minute a browser or proxy may keep the page anyway).

What many pages build from the same content (a list's filter choices, a map's regions) can be
kept in that memory too, under the versions it was built from (`remembered`): a render that
misses the page cache need not read it again while they stay the same.
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
from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.gzip import re_accepts_gzip
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language

from .models import ContentVersion

logger = logging.getLogger(__name__)

Versions = Callable[..., Iterable[str]]

# A version kept in the cache is rewritten by every bump; the expiry only bounds how long one
# could stay wrong if a bump's cache write failed or two bumps of one key crossed.
VERSION_CACHE_SECONDS = 300
# A streamed answer (the exports) is kept only up to this size; a larger one streams uncached.
STREAM_CACHE_BYTES = 4 * 1024 * 1024
# A page is held in a process's memory as well only up to this size.
LOCAL_PAGE_BYTES = 256 * 1024

# --- versions ---------------------------------------------------------------------------------


def bump(*keys: str) -> None:
    """Give `keys` new versions once the current transaction commits (at once outside one)."""
    if keys:
        transaction.on_commit(functools.partial(_write, sorted(set(keys))), robust=True)


def _write(keys: list[str]) -> None:
    now = timezone.now()
    rows = [ContentVersion(key=key, token=uuid.uuid4().hex, changed_at=now) for key in keys]
    ContentVersion.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["token", "changed_at"],
    )
    local = _local_cache()
    if local is not None:
        local.delete_many([_version_key(key) for key in keys])
    shared = _versions_cache()
    if shared is None:
        return
    try:
        shared.set_many(
            {_version_key(row.key): (row.token, now) for row in rows}, VERSION_CACHE_SECONDS
        )
    except Exception:
        # Every server would keep the old version until it expires: say so loudly.
        logger.exception("The cache did not take the new versions of %s", keys)


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


def _versions_cache():
    """The shared cache that keeps versions, or None when reading it would itself be a database
    query (the database cache): then the versions are read from their table."""
    shared = caches["default"]
    return None if isinstance(shared, DatabaseCache) else shared


def _local_cache():
    """This process's memory, or None when it holds nothing (PUBLIC_PAGE_LOCAL_SECONDS = 0)."""
    return caches["local"] if settings.PUBLIC_PAGE_LOCAL_SECONDS else None


def _version_key(key: str) -> str:
    return f"!content_version:{key}"


def current(keys: Iterable[str]) -> list[tuple[str, str, datetime | None]]:
    """(key, token, changed_at) for each key, from this process's memory or the shared cache,
    else in one query (which fills the cache); a key never bumped has version ""."""
    return _read(keys)[0]


def remembered[T](name: str, keys: Iterable[str], build: Callable[[], T]) -> T:
    """`build()` for the reader's language, kept in this process's memory while the content
    versions of `keys` stay what they were when it was built (a version moves on every change,
    so nothing kept is ever behind the versions the page itself is checked against); built
    every time when the process keeps nothing (PUBLIC_PAGE_LOCAL_SECONDS = 0)."""
    local = _local_cache()
    if local is None:
        return build()
    versions = ",".join(f"{key}={token}" for key, token, _at in current(keys))
    key = f"!remembered:{name}:{get_language()}:{versions}"
    value = local.get(key)
    if value is None:
        value = build()
        local.set(key, value, settings.PUBLIC_PAGE_CACHE_SECONDS)
    return value


def _read(keys: Iterable[str], also: str | None = None):
    """The versions of `keys`, the page cache's entry `also` (None if not held) and whether that
    entry came from this process's memory: from the memory while it holds every version, else
    from the shared cache, which the memory then holds for PUBLIC_PAGE_LOCAL_SECONDS."""
    keys = sorted(set(keys))
    local = _local_cache()
    if local is not None:
        held = local.get_many([_version_key(key) for key in keys] + ([also] if also else []))
        if all(_version_key(key) in held for key in keys):
            return [(key, *held[_version_key(key)]) for key in keys], held.get(also), True
    rows, entry = _read_shared(keys, also)
    if local is not None:
        local.set_many(
            {_version_key(key): (token, at) for key, token, at in rows},
            settings.PUBLIC_PAGE_LOCAL_SECONDS,
        )
        if entry is not None:
            _hold_page(also, entry)
    return rows, entry, False


def _read_shared(keys: list[str], also: str | None):
    """The versions of `keys` and the cache's entry `also`, in one round trip to the cache."""
    found: dict[str, tuple[str, datetime | None]] = {}
    entry = None
    shared = _versions_cache()
    if shared is not None:
        wanted = [_version_key(key) for key in keys] + ([also] if also else [])
        try:
            cached = shared.get_many(wanted) if wanted else {}
        except Exception:
            logger.exception("The cache did not answer for %s", wanted)
            cached = {}
        found = {key: cached[_version_key(key)] for key in keys if _version_key(key) in cached}
        entry = cached.get(also)
    elif also:
        entry = _cache_get(also)
    missing = [key for key in keys if key not in found]
    if missing:
        rows = {row.key: row for row in ContentVersion.objects.filter(key__in=missing)}
        read = {
            key: (rows[key].token, rows[key].changed_at) if key in rows else ("", None)
            for key in missing
        }
        if shared is not None:
            try:
                for key, version in read.items():
                    # `add`, not `set`: a bump that wrote the cache meanwhile is newer than
                    # what this request read.
                    shared.add(_version_key(key), version, VERSION_CACHE_SECONDS)
            except Exception:
                logger.exception("The cache did not keep the versions of %s", missing)
        found.update(read)
    return [(key, *found[key]) for key in keys], entry


def _hold_page(key: str, entry) -> None:
    """Keep a page in this process's memory too, unless it is large (an export): the memory of
    every process is small, and a large body costs its transfer far more than the round trip."""
    local = _local_cache()
    if local is not None and len(entry[2]) <= LOCAL_PAGE_BYTES:
        local.set(key, entry, settings.PUBLIC_PAGE_CACHE_SECONDS)


def _cache_get(key: str):
    try:
        return cache.get(key)
    except Exception:
        # A page cache that is down slows pages; it must not break them.
        logger.exception("The page cache did not answer for %s", key)
        return None


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


def accepts_gzip(request) -> bool:
    return bool(re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")))


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
            state = page_state(request, versions, args, kwargs)
            response = get_conditional_response(
                request, etag=state.etag, last_modified=state.last_modified
            )
            if response is None:
                response = view(request, *args, **kwargs)
                if not state.reusable(request, response):
                    return response
                # PublicPageCacheMiddleware stores it once every middleware has finished it.
                request.public_page_to_store = state
            _forget_session_access(request)
            return state.public(response)

        # What the early path (PublicPageCacheMiddleware) asks a resolved view.
        wrapper.public_page_versions = versions
        return wrapper

    return decorator


def page_state(request, versions: Versions, args=(), kwargs=None) -> "_State":
    """The validators, the cache key and the stored entry of this request, read once whichever
    path asks first."""
    state = getattr(request, "public_page_state", None)
    if state is None:
        state = _State(request, versions(request, *args, **(kwargs or {})))
        request.public_page_state = state
    return state


def stored_answer(request, versions: Versions, args, kwargs) -> HttpResponse | None:
    """The stored page for a cookieless visitor, or its 304, or None (render it)."""
    state = page_state(request, versions, args, kwargs)
    response = state.stored()
    if response is None:
        return None
    return state.not_modified(request, response) or response


def store_answer(request, response) -> None:
    """Keep the finished answer of a page the decorator found reusable, headers and all, unless
    a middleware made it personal (a cookie, a private Cache-Control)."""
    state = getattr(request, "public_page_to_store", None)
    if (
        state is None
        or response.status_code != 200
        or response.cookies
        or "public" not in response.get("Cache-Control", "")
        # A nonce is of one answer: kept, it would be the same for every visitor.
        or "'nonce-" in response.get("Content-Security-Policy", "")
    ):
        return
    state.store(response)


# The body of a 304 is empty; so are the headers that describe one.
_BODY_HEADERS = {"content-type", "content-length", "content-disposition"}


class _State:
    """The validators and the cache key of one request, computed before any rendering."""

    def __init__(self, request, keys: Iterable[str]):
        now = timezone.now().timestamp()
        # Pages also change with the clock (an event starts, a deadline comes closer): a new
        # period gives them new validators, so nothing is reused for longer than one period.
        period = settings.PUBLIC_PAGE_CACHE_SECONDS
        bucket = int(now // period) if period else 0
        address = "\n".join(
            [
                release(),
                get_language() or "",
                # Scheme and host too: feeds and the sitemap write absolute addresses.
                request.build_absolute_uri(),
                str(bucket),
                # Compressed or not: each is a representation of its own, stored as sent.
                "gzip" if accepts_gzip(request) else "",
            ]
        )
        # One entry per address, which the next render replaces: read with the versions in
        # one round trip, it is used only if it was stored under the current ETag.
        # "!" sorts before letters: the database cache, when full, deletes the keys that sort
        # first, so it drops pages (rebuilt at the next visit) before rate-limit counters.
        self.cache_key = f"!public_page:{hashlib.sha256(address.encode()).hexdigest()}"
        rows, self._entry, self._entry_is_local = _read(
            keys, self.cache_key if settings.PUBLIC_PAGE_CACHE else None
        )
        material = "\n".join([address, *(f"{key}={token}" for key, token, _at in rows)])
        self.etag = f'"{hashlib.sha256(material.encode()).hexdigest()[:32]}"'
        changes = [at.timestamp() for _key, _token, at in rows if at is not None]
        self.last_modified = int(max([*changes, bucket * period]))

    def stored(self) -> HttpResponse | None:
        if not settings.PUBLIC_PAGE_CACHE:
            return None
        entry = self._entry
        if entry is None or entry[0] != self.etag:
            if not self._entry_is_local:  # the shared cache answered already
                return None
            # This process may hold no copy, or an old one, of a page another server stored.
            entry = _cache_get(self.cache_key)
            if entry is None or entry[0] != self.etag:
                return None
            _hold_page(self.cache_key, entry)
        _etag, headers, content = entry
        return HttpResponse(content, headers=headers)

    def not_modified(self, request, response) -> HttpResponse | None:
        """The 304 for a matching validator, with the stored page's headers but its body's."""
        if get_conditional_response(request, etag=self.etag, last_modified=self.last_modified):
            headers = {
                name: value
                for name, value in response.headers.items()
                if name.lower() not in _BODY_HEADERS
            }
            # As CommonMiddleware measures the full stack's 304.
            headers["Content-Length"] = "0"
            return HttpResponseNotModified(headers=headers)
        return None

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
        if not settings.PUBLIC_PAGE_CACHE:
            return
        # Every header the stack added (security headers, CSP, language, validators): a stored
        # answer goes out as the full stack would have sent it.
        headers = dict(response.headers)
        if response.streaming:
            response.streaming_content = self._store_when_streamed(
                headers, response.streaming_content
            )
            return
        self._set(headers, response.content)

    def _store_when_streamed(self, headers, chunks):
        """Stream the chunks and keep them, stored once the stream has ended, unless it grew
        past STREAM_CACHE_BYTES."""
        kept, size = [], 0
        for chunk in chunks:
            if kept is not None:
                size += len(chunk)
                if size <= STREAM_CACHE_BYTES:
                    kept.append(chunk)
                else:
                    kept = None
            yield chunk
        if kept is not None:
            self._set(headers, b"".join(kept))

    def _set(self, headers, content) -> None:
        entry = (self.etag, headers, content)
        _hold_page(self.cache_key, entry)
        try:
            cache.set(self.cache_key, entry, settings.PUBLIC_PAGE_CACHE_SECONDS)
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
