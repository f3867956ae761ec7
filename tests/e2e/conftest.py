"""A real Chromium (Debian's /usr/bin/chromium, driven by Playwright) and axe-core.

One browser per test worker, reused by every test; a fresh browser context per test. Without
Chromium the browser tests fail when the CI environment variable is set and are skipped otherwise.
"""

import os
from pathlib import Path

import pytest

from tests.e2e.sessions import carry_session
from tests.harness.tools import require

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _unavailable(reason: str):
    require(False, f"Browser tests need Chromium and Playwright: {reason}")


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing; `apt-get install -y chromium`")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        _unavailable(f"cannot import Playwright ({error})")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # meanwhile (creating rows, force_login) are still synchronous and safe.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            try:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )
            except Exception as error:  # any launch failure means no browser
                _unavailable(f"Chromium did not start ({error})")
            yield browser
            browser.close()


@pytest.fixture(scope="session")
def axe_script() -> str:
    """axe-core, as shipped by the axe_playwright_python package."""
    from axe_playwright_python.base import AXE_SCRIPT

    return AXE_SCRIPT


@pytest.fixture
def browser_page(chromium, live_server):
    """`browser_page(client)` → a Playwright page in a fresh context carrying the session of
    the Django test client `client` (signed in with force_login, or anonymous)."""
    contexts = []

    def _page(client=None):
        context = chromium.new_context(base_url=live_server.url, locale="en-GB")
        contexts.append(context)
        carry_session(context, client, live_server.url)
        return context.new_page()

    yield _page
    for context in contexts:
        context.close()


@pytest.fixture
def axe_violations(axe_script):
    """`axe_violations(page)` → readable descriptions of the page's WCAG 2.1 A/AA violations."""

    def _violations(page) -> list[str]:
        # Loaded into the page only when it is checked: compiling axe-core on every navigation
        # of every browser test cost more than the checks.
        if not page.evaluate("typeof axe !== 'undefined'"):
            page.evaluate(axe_script)
        options = {
            "runOnly": {"type": "tag", "values": WCAG_TAGS},
            "resultTypes": ["violations"],
        }
        results = page.evaluate("options => axe.run(document, options)", options)
        return [
            f"{violation['id']} ({violation.get('impact')}): {violation['help']}\n"
            f"      targets: {', '.join(str(node['target']) for node in violation['nodes'])}\n"
            f"      {violation.get('helpUrl', '')}"
            for violation in results["violations"]
        ]

    return _violations
