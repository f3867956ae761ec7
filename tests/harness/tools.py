"""Outside tools some tests need (Chromium, gettext, Java and the Nu HTML checker)."""

import os

import pytest


def require(available: bool, message: str) -> None:
    """Skip the test when a tool is missing, except on CI: `.ci/run` installs every tool, so
    there a missing one is a broken set-up and fails the test instead of hiding it."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(message)
