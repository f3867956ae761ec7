"""Settings read the environment through typed helpers that fail loudly, naming the variable."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from interventures.settings.base import database_config
from interventures.settings.env import env_bool, env_int, env_list, env_str


@pytest.mark.parametrize(
    ("raw", "expected"), [("true", True), ("1", True), ("off", False), ("", False)]
)
def test_booleans_accept_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG", default=not expected) is expected


@pytest.mark.parametrize(
    ("reader", "raw"), [(env_bool, "perhaps"), (env_int, "eight"), (env_str, ""), (env_list, " , ")]
)
def test_a_wrong_value_stops_start_up_naming_the_variable(monkeypatch, reader, raw):
    monkeypatch.setenv("PORTAL_SETTING", raw)
    with pytest.raises(ImproperlyConfigured, match="PORTAL_SETTING"):
        reader("PORTAL_SETTING") if reader in (env_str, env_list) else reader("PORTAL_SETTING", 1)


def test_a_missing_required_variable_is_named(monkeypatch):
    monkeypatch.delenv("PORTAL_SETTING", raising=False)
    with pytest.raises(ImproperlyConfigured, match="PORTAL_SETTING must be set"):
        env_str("PORTAL_SETTING")


def test_lists_are_comma_separated(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.example , b.example,")
    assert env_list("HOSTS") == ["a.example", "b.example"]


def start_django(settings_module: str, **env) -> subprocess.CompletedProcess:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}
    }
    environment.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


# As `secrets.token_urlsafe(50)` makes one; .ci/run's check --deploy uses a similar key.
STRONG_KEY = "k7Qm2vX9pL4sT8wZ1cN6bR3yH5jD0fG-aE_uY2iO9qW4eR7tY1uI3oP6aS8dF0gH5jK"


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"ALLOWED_HOSTS": "portal.example.org"}, "SECRET_KEY"),
        ({"SECRET_KEY": STRONG_KEY}, "ALLOWED_HOSTS"),
        (
            {"SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": "p.example", "DATABASE_URL": "nosuch://x"},
            "DATABASE_URL",
        ),
        (
            {"SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": "p.example", "EMAIL_PORT": "smtp"},
            "EMAIL_PORT",
        ),
    ],
)
def test_production_refuses_to_start_without_its_secrets(env, named):
    result = start_django("interventures.settings.prod", **env)

    assert result.returncode != 0
    assert named in result.stderr


def test_production_starts_with_secret_key_and_hosts():
    result = start_django(
        "interventures.settings.prod", SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="portal.example.org"
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "key",
    [
        pytest.param("x", id="short"),
        pytest.param("x" * 60, id="one-character-repeated"),
        pytest.param("ab" * 30, id="low-variety"),
        pytest.param("dev-only-insecure-key-change-me-in-production", id="the-development-key"),
        pytest.param("django-insecure-" + STRONG_KEY, id="djangos-placeholder"),
        pytest.param("change-me-" + STRONG_KEY, id="a-change-me-reminder"),
    ],
)
def test_production_refuses_a_weak_or_published_secret_key(key):
    result = start_django(
        "interventures.settings.prod", SECRET_KEY=key, ALLOWED_HOSTS="portal.example.org"
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured: The environment variable SECRET_KEY must be a long random" in (
        result.stderr
    )


@pytest.mark.parametrize("url", ["", "sqlite:////tmp/portal.sqlite3"])
def test_sqlite_takes_the_write_lock_up_front(url):
    assert database_config(url)["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_postgresql_comes_from_database_url():
    config = database_config("postgres://portal:secret@db.internal:5432/interventures")

    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["NAME"], config["USER"]) == (
        "db.internal",
        "interventures",
        "portal",
    )


def test_postgresql_queries_start_no_parallel_workers_unless_configured(monkeypatch):
    url = "postgres://portal:secret@db.internal:5432/interventures?sslmode=require"

    assert database_config(url)["OPTIONS"] == {
        "sslmode": "require",
        "options": "-c max_parallel_workers_per_gather=0",
    }
    monkeypatch.setenv("DB_PARALLEL_WORKERS", "2")
    assert "max_parallel_workers_per_gather=2" in database_config(url)["OPTIONS"]["options"]


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
def test_the_portal_s_postgresql_connection_plans_without_parallel_workers():
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone() == ("0",)


def test_times_are_aware_and_shown_in_brussels():
    assert settings.USE_TZ
    assert settings.TIME_ZONE == "Europe/Brussels"


def test_email_goes_through_mailers_only():
    assert "default" in settings.MAILERS
    assert not settings.is_overridden("EMAIL_BACKEND")
