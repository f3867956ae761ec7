"""Small typed readers for environment variables.

Each reader fails loudly: a malformed value stops start-up with ImproperlyConfigured naming the
variable, instead of silently falling back to a default.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_MISSING = object()


def _raw(name: str, default: object) -> str | object:
    value = os.environ.get(name)
    if value is None:
        if default is _MISSING:
            raise ImproperlyConfigured(f"The environment variable {name} must be set.")
        return default
    return value.strip()


def env_str(name: str, default: str | object = _MISSING) -> str:
    value = _raw(name, default)
    if value == "" and default is _MISSING:
        raise ImproperlyConfigured(f"The environment variable {name} must not be empty.")
    return value


def env_secret_key(name: str) -> str:
    """A long random secret (a signing key): refuses a short or repetitive value and the
    published ones, such as the development key ("...-insecure-key-change-me..."), Django's
    `django-insecure-` placeholder or a "change me" reminder."""
    value = env_str(name)
    lowered = value.lower().replace("_", "-")
    if (
        len(value) < 50
        or len(set(value)) < 20
        or lowered.startswith("django-insecure")
        or any(word in lowered for word in ("change-me", "changeme", "insecure", "secret-key"))
    ):
        raise ImproperlyConfigured(
            f"The environment variable {name} must be a long random string (50 characters or "
            f"more, e.g. `python -c 'import secrets; print(secrets.token_urlsafe(50))'`), not a "
            f"short, repetitive or published one."
        )
    return value


def env_bool(name: str, default: bool) -> bool:
    value = _raw(name, default)
    if isinstance(value, bool):
        return value
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"The environment variable {name} must be a boolean (true/false, 1/0), not {value!r}."
    )


def env_int(name: str, default: int) -> int:
    value = _raw(name, default)
    if isinstance(value, int):
        return value
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be an integer, not {value!r}."
        ) from None


def env_list(name: str, default: list[str] | object = _MISSING) -> list[str]:
    """A comma-separated list; blanks around items are ignored."""
    value = _raw(name, default)
    if isinstance(value, list):
        return value
    items = [item.strip() for item in value.split(",") if item.strip()]
    if not items and default is _MISSING:
        raise ImproperlyConfigured(f"The environment variable {name} must list at least one item.")
    return items


def env_url(name: str, schemes: tuple[str, ...], default: str = "") -> str:
    """A URL with one of `schemes` and a host (or a socket path), or the default when unset
    or empty."""
    value = _raw(name, default)
    if not value:
        return default
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in schemes or not (parts.hostname or parts.path):
        raise ImproperlyConfigured(
            f"The environment variable {name} must be a URL starting with "
            f"{' or '.join(scheme + '://' for scheme in schemes)}, not {value!r}."
        )
    return value


def read_dotenv_file() -> None:
    """Put the variables of `.env` beside manage.py (if there is one) into the environment.

    Called by the entry points (manage.py, wsgi, asgi), not by the settings: the test suite
    never reads it. A variable already set in the environment wins over the file."""
    from dotenv import load_dotenv

    load_dotenv(Path(__file__).resolve().parents[2] / ".env", override=False)
