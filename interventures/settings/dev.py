"""Local development: debug on, console email, a fixed insecure key unless one is given."""

from .base import *  # noqa: F403
from .env import env_bool, env_list, env_str

SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me-in-production")
DEBUG = env_bool("DEBUG", True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
# Security keys on http://127.0.0.1 (production serves HTTPS only).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
