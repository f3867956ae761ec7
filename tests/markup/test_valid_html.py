"""Every page the portal serves is valid HTML for the W3C Nu HTML checker (vnu.jar, from the
npm package vnu-jar, run with Debian's Java): every HTML page of the URL registry for every role
that sees it, forms showing errors, and the error pages. The documents go to the checker in one
batch (one Java start); an error fails the test, warnings are printed."""

import json
import shutil
import subprocess
import warnings
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction

from tests.harness.checks import client_for, url_of
from tests.harness.error_states import INVALID_FORMS, error_pages, invalid_form_page
from tests.harness.registry import ROUTES
from tests.harness.tools import require

pytestmark = pytest.mark.sweep

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGES = [r for r in ROUTES if r.is_page and r.html]


@contextmanager
def undone():
    """What the block writes (sample objects, MFA set up for a role) is rolled back after it,
    so that each page starts from the shared fixtures alone, as in a test of its own."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def every_page(world) -> dict[str, str]:
    """Where (a page and a role, or an error state) → the HTML served there."""
    pages = {}
    for page_route in PAGES:
        for role in page_route.viewing_roles():
            with undone():
                url = url_of(page_route, world)
                response = client_for(page_route, world, role).get(url, follow=True)
            assert response.status_code == 200, f"{url} as {role}: {response.status_code}"
            pages[f"{page_route.name} as {role} ({url})"] = response.content.decode()
    for name, role, data in INVALID_FORMS:
        pages[f"{name} with errors as {role}"] = invalid_form_page(name, role, data, world)
    return pages | error_pages(world)


def nu_check(pages: dict[str, str], folder: Path) -> dict[str, list[dict]]:
    """Where → the checker's messages about that page."""
    files = {}
    for number, (where, html) in enumerate(pages.items()):
        path = folder / f"page-{number}.html"
        path.write_text(html, encoding="utf-8")
        files[path.resolve().as_uri()] = where
    command = [shutil.which("java") or "java", "-jar", str(VNU), "--format", "json", "--stdout"]
    run = subprocess.run(  # noqa: S603 (Java with the project's checker and files it wrote)
        [*command, *map(str, folder.iterdir())],
        capture_output=True,
        text=True,
        check=False,
    )
    messages: dict[str, list[dict]] = {}
    for message in json.loads(run.stdout)["messages"]:
        where = files.get(message.get("url", "").replace("file:/", "file:///", 1), "the checker")
        messages.setdefault(where, []).append(message)
    return messages


def listing(messages: dict[str, list[dict]], kind: str) -> str:
    return "\n".join(
        f"{where}:\n    "
        + "\n    ".join(
            f"line {m.get('lastLine', '?')}: {m['message']} [{m.get('extract', '').strip()}]"
            for m in found
            if m["type"] == kind
        )
        for where, found in messages.items()
        if any(m["type"] == kind for m in found)
    )


def test_every_page_for_every_role_is_valid_html(world, tmp_path):
    require(
        shutil.which("java") is not None,
        "Java is not installed (apt-get install default-jre-headless)",
    )
    require(VNU.exists(), f"{VNU} is missing (npm ci)")
    pages = every_page(world)

    messages = nu_check(pages, tmp_path)

    if notes := listing(messages, "info"):
        warnings.warn(f"The Nu HTML checker warns:\n{notes}", stacklevel=1)
    errors = listing(messages, "error") + listing(messages, "non-document-error")
    assert not errors, f"{len(pages)} documents checked; errors:\n{errors}"
    assert len(pages) > 200
