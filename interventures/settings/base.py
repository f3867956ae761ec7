"""Settings shared by every environment. Secrets and hosts come from the environment."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str, env_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # Before the admin, so that its translated name fields get the admin's tabs.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django_filters",
    "django_prose_editor",
    "simple_history",
    "django_tasks_db",
    "interventures",
    "interventures.activity",
    "interventures.notifications",
    "partners",
    "reports",
    "practices",
    "events",
    "plans",
    "synthesis",
    "portal",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the compression, so that a stored page is stored compressed for whoever accepts
    # it, and a warm page is not compressed again.
    "interventures.middleware.PublicPageCacheMiddleware",
    # Outside the others, so that it compresses what they have finished.
    "interventures.middleware.PublicGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "interventures.middleware.PreferredLanguageMiddleware",
    "interventures.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "partners.middleware.IdleTimeoutMiddleware",
    "partners.middleware.MfaRequiredMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

# Project templates may override the form widgets and field layout.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "interventures.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "partners.context_processors.access",
                "interventures.notifications.context_processors.unread",
                "portal.context_processors.work_counts",
            ],
        },
    },
]


def database_config(url: str) -> dict:
    """Django database settings from DATABASE_URL; empty means the embedded SQLite file."""
    if not url:
        config = {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}
    else:
        try:
            config = dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"DATABASE_URL is not a valid database URL: {error}"
            ) from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # IMMEDIATE makes concurrent writers queue for the lock at BEGIN instead of failing
        # half-way with "database is locked"; the timeout is how long they queue.
        config["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
        config["CONN_MAX_AGE"] = 0
    elif config["ENGINE"] == "django.db.backends.postgresql":
        # The portal's queries are short walks down indexes: a parallel plan's workers take
        # about 10 ms to start, more than they save, and take the cores other requests need.
        workers = env_int("DB_PARALLEL_WORKERS", 0)
        options = config.setdefault("OPTIONS", {})
        options["options"] = (
            f"{options.get('options', '')} -c max_parallel_workers_per_gather={workers}".strip()
        )
    return config


DATABASES = {"default": database_config(env_str("DATABASE_URL", ""))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_config(redis_url: str) -> dict:
    """The two caches, which every web server and worker shares (rate limits, pages, PDFs):
    Redis (Django's RedisCache) when REDIS_URL is set, else tables in the database (migration
    interventures/0001 creates them; a cache added here needs `createcachetable`)."""
    pdf_timeout = 30 * 24 * 3600
    # Each process's own memory, in front of the shared cache (interventures.public_pages).
    local = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "interventures-local",
        "OPTIONS": {"MAX_ENTRIES": 500},
    }
    if redis_url:
        # A Redis that stops answering fails a request after seconds, not the proxy's minute.
        options = {"socket_connect_timeout": 2, "socket_timeout": 5}
        redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
        return {
            "default": {**redis, "OPTIONS": options},
            # Redis has no per-cache size limit: its `maxmemory` with `volatile-lru` (every key
            # here expires) drops the least recently read PDFs first (README, production).
            "pdf": {**redis, "KEY_PREFIX": "pdf", "TIMEOUT": pdf_timeout, "OPTIONS": options},
            "local": local,
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "interventures_cache",
        },
        # Rendered PDFs live apart, so they never push rate-limit entries out of the default cache.
        "pdf": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "interventures_pdf_cache",
            "TIMEOUT": pdf_timeout,
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
        "local": local,
    }


CACHES = cache_config(env_url("REDIS_URL", ("redis", "rediss", "unix")))
# Sessions in the database, which every web server reads (Django's default, stated here).
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_USER_MODEL = "partners.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth: email is the identity; every address is verified before use.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[INTER VENTURES] "
ACCOUNT_ADAPTER = "partners.adapters.AccountAdapter"
ACCOUNT_FORMS = {"signup": "partners.forms.SignupForm"}
# Coordinators and staff must use one (partners.middleware.MfaRequiredMiddleware).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "INTER VENTURES"
USERSESSIONS_TRACK_ACTIVITY = True
USERSESSIONS_ADAPTER = "partners.adapters.UserSessionsAdapter"
# Behind proxies every request comes from the proxy's address: the client's is the one the
# trusted proxies put in X-Forwarded-For (or in a header of their own). allauth's rate limits
# and the portal's (allauth.core.internal.httpkit.get_client_ip) read these two.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env_str("TRUSTED_CLIENT_IP_HEADER", "") or None

# A session ends 12 hours after signing in, or earlier when unused (partners.middleware).
SESSION_COOKIE_AGE = 12 * 3600
IDLE_TIMEOUT_PARTNER_MINUTES = env_int("IDLE_TIMEOUT_PARTNER_MINUTES", 30)
IDLE_TIMEOUT_STAKEHOLDER_MINUTES = env_int("IDLE_TIMEOUT_STAKEHOLDER_MINUTES", 120)

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("it", _("Italian")),
    ("hu", _("Hungarian")),
    ("pl", _("Polish")),
    ("es", _("Spanish")),
    ("lt", _("Lithuanian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Names of regions, organisations and themes in every language (<app>/translation.py); an empty
# translation reads as the English name, which is also what open data exports default to.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# Slugs (and so URLs) come from the English names, whoever edits in the admin.
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "en"
FORMAT_MODULE_PATH = ["interventures.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]


def storage_config(
    *,
    bucket: str,
    endpoint_url: str = "",
    region: str = "",
    access_key: str = "",
    secret_key: str = "",
    private_root: str,
) -> dict:
    """Uploads ("default") and the files handed out only by access-checked views ("private":
    compendiums, monitoring evidence). With S3_BUCKET: in S3-compatible object storage that every
    web server and worker reaches (django-storages), "media/" and "private/" in the one bucket;
    without: folders on this machine's disk (one machine only)."""
    if not bucket:
        return {
            # Uploads under MEDIA_ROOT.
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "private": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": private_root},
            },
        }
    s3 = {
        "bucket_name": bucket,
        "endpoint_url": endpoint_url or None,
        "region_name": region or None,
        # Empty: boto3 finds the credentials itself (AWS_* variables, instance role).
        "access_key": access_key or None,
        "secret_key": secret_key or None,
        # As on a disk: a second file of the same name gets a new name, never replaces the first.
        "file_overwrite": False,
        # Files are private; a page links one through a URL signed for an hour.
        "default_acl": None,
        "querystring_auth": True,
    }
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**s3, "location": "media"},
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**s3, "location": "private"},
        },
    }


MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    **storage_config(
        bucket=env_str("S3_BUCKET", ""),
        endpoint_url=env_url("S3_ENDPOINT_URL", ("https", "http")),
        region=env_str("S3_REGION", ""),
        access_key=env_str("S3_ACCESS_KEY_ID", ""),
        secret_key=env_str("S3_SECRET_ACCESS_KEY", ""),
        private_root=env_str("PRIVATE_ROOT", str(BASE_DIR / "private")),
    ),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Outside production, static files come straight from the app folders (no collectstatic).
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "INTER VENTURES <noreply@interventures.eu>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    # The hash admits the one <style> the rich-text editor (TipTap) injects, nothing else;
    # tests/e2e/test_report_writing.py fails when an upgrade changes it.
    "style-src": [CSP.SELF, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Background work (the compendium PDF): rows in the database, run by `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        # default: PDFs; email: every message (interventures.mail), with a worker of its own.
        "QUEUES": ["default", "email"],
    }
}

# Every email is sent by the worker (interventures.mail); an unreachable mail server is tried
# again after 1, 2, 4 … minutes, this many times in all.
EMAIL_TASK_BACKEND = "default"
EMAIL_DELIVERY_ATTEMPTS = env_int("EMAIL_DELIVERY_ATTEMPTS", 6)
EMAIL_RETRY_SECONDS = env_int("EMAIL_RETRY_SECONDS", 60)

INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14)
# A report's region editors are reminded of its due date this many days before it and on the
# day (`manage.py send_deadline_reminders`, daily).
DEADLINE_REMINDER_DAYS = env_int("DEADLINE_REMINDER_DAYS", 7)
# How long personal data is kept: `manage.py purge_personal_data` (daily) applies each period,
# and the privacy notice states them. Participants of events that ended longer ago are removed
# from their registrations (the counts stay); interest messages sent longer ago are deleted;
# invitations never accepted are deleted this long after they expired; a session's record (IP
# address, browser) unused this long is ended; the activity entries of a person who deleted their
# account lose the link to them, their client address and the address typed.
EVENT_PARTICIPANT_RETENTION_MONTHS = env_int("EVENT_PARTICIPANT_RETENTION_MONTHS", 12)
INTEREST_RETENTION_MONTHS = env_int("INTEREST_RETENTION_MONTHS", 24)
INVITATION_RETENTION_DAYS = env_int("INVITATION_RETENTION_DAYS", 30)
SESSION_RETENTION_DAYS = env_int("SESSION_RETENTION_DAYS", 90)
DELETED_ACCOUNT_ACTIVITY_RETENTION_MONTHS = env_int("DELETED_ACCOUNT_ACTIVITY_RETENTION_MONTHS", 12)
# Security events keep the client's address (and a failed sign-in the address typed) this long.
SECURITY_LOG_ADDRESS_RETENTION_MONTHS = env_int("SECURITY_LOG_ADDRESS_RETENTION_MONTHS", 12)
# PDFs are laid out by the background worker only, each in a child process that is stopped
# after this many seconds or when it needs more memory than this (0: no limit, and the layout
# runs in the worker's own process).
PDF_RENDER_TIMEOUT_SECONDS = env_int("PDF_RENDER_TIMEOUT_SECONDS", 60)
PDF_RENDER_MEMORY_MB = env_int("PDF_RENDER_MEMORY_MB", 1024)
# Report PDFs waiting for the worker or being laid out, at most, per person and in all; a
# request beyond them gets 429. A failed PDF shows its reason for this long, then is retried.
PDF_RENDERS_PER_USER = env_int("PDF_RENDERS_PER_USER", 3)
PDF_RENDERS_TOTAL = env_int("PDF_RENDERS_TOTAL", 12)
PDF_FAILURE_CACHE_SECONDS = env_int("PDF_FAILURE_CACHE_SECONDS", 600)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint logs every layout step at INFO: keep its warnings only.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

# The portal's public address, for links in emails sent outside a request.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# The organisational address the open-data catalogue gives as its contact point (no person's).
OPEN_DATA_CONTACT_EMAIL = env_str("OPEN_DATA_CONTACT_EMAIL", "opendata@interventures.eu")

# Public pages for visitors without a session (interventures.public_pages): browsers and proxies
# may reuse them this many seconds, and serve them this much longer while they fetch a new copy;
# the server keeps renders in the default cache (PUBLIC_PAGE_CACHE=false turns that off) for at
# most PUBLIC_PAGE_CACHE_SECONDS, which also bounds how long a page changing with the clock (an
# event that started) is reused. Each server process trusts the versions it has read for
# PUBLIC_PAGE_LOCAL_SECONDS before asking the shared cache again (0: always ask, and keep nothing
# built from them), so a write through another server reaches this one's visitors within that
# time. RELEASE names the
# deployment (e.g. the commit); without it, a hash of the code and templates does.
PUBLIC_PAGE_MAX_AGE = env_int("PUBLIC_PAGE_MAX_AGE", 60)
PUBLIC_PAGE_STALE_SECONDS = env_int("PUBLIC_PAGE_STALE_SECONDS", 600)
PUBLIC_PAGE_CACHE = env_bool("PUBLIC_PAGE_CACHE", True)
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", 900)
PUBLIC_PAGE_LOCAL_SECONDS = env_int("PUBLIC_PAGE_LOCAL_SECONDS", 1)
RELEASE = env_str("RELEASE", "")
