"""The test suite: fast hashing, no debug; DATABASE_URL selects PostgreSQL, else SQLite."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}

# Emails are delivered when the transaction commits, as the worker would right after; the real
# worker's delivery and retries are tested in tests/test_mail_delivery.py.
TASKS = {
    **TASKS,  # noqa: F405
    "immediate": {
        "BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["email"],
    },
}
EMAIL_TASK_BACKEND = "immediate"

# Threads (the concurrency tests) cannot share SQLite's in-memory test database: use a file,
# one per test run.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"interventures-test-{os.getpid()}.sqlite3")
    }

# A test's writes never commit (its transaction is rolled back), so the content versions do not
# move and a stored page would outlive them: the page cache is on only where a test turns it on
# (tests/test_public_pages.py). Validators and headers work as in production. For the same
# reason no process holds versions in its memory, but where a test says so.
PUBLIC_PAGE_CACHE = False
PUBLIC_PAGE_LOCAL_SECONDS = 0
