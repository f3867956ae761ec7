"""Every page of the URL registry passes axe-core's WCAG 2.1 A and AA rules, for every role
that may see it, in a real Chromium: also forms showing validation errors, and the pages in
Italian (/it/)."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.harness.checks import client_for, url_of
from tests.harness.registry import ROUTES, Access, Outcome, route

pytestmark = pytest.mark.browser

PAGES = [r for r in ROUTES if r.is_page and r.html]
PUBLIC_PAGES = [r for r in PAGES if r.expected("anonymous") is Outcome.OK]


def roles_seeing(page_route):
    """The roles that get the page; a TOKEN link that redirects is followed as a visitor."""
    return page_route.allowed_roles() or ["anonymous"]


def visit(browser_page, client, url):
    page = browser_page(client)
    response = page.goto(url)
    assert response is not None
    assert response.status == 200, f"{url}: {response.status}"
    return page


def report(problems: dict[str, list[str]]) -> str:
    return "\n".join(
        f"{where}:\n    " + "\n    ".join(violations)
        for where, violations in problems.items()
        if violations
    )


@pytest.mark.parametrize("page_route", [pytest.param(r, id=r.name) for r in PAGES])
def test_page_passes_axe_for_every_role_that_sees_it(
    page_route, world, browser_page, axe_violations
):
    problems = {}
    for role in roles_seeing(page_route):
        client = client_for(page_route, world, role)
        page = visit(browser_page, client, url_of(page_route, world))
        problems[f"{page_route.name} as {role} ({page.url})"] = axe_violations(page)
    assert not any(problems.values()), "Accessibility violations:\n" + report(problems)


@pytest.mark.parametrize("page_route", [pytest.param(r, id=r.name) for r in PUBLIC_PAGES])
def test_italian_page_passes_axe(page_route, world, browser_page, axe_violations):
    url = url_of(page_route, world, language="it")
    assert url.startswith("/it/"), url
    page = visit(browser_page, None, url)
    assert page.evaluate("document.documentElement.lang") == "it"
    violations = axe_violations(page)
    assert not violations, report({f"{page_route.name} in Italian ({url})": violations})


def test_instrument_form_with_validation_errors_passes_axe(world, browser_page, axe_violations):
    create = route("partners:instrument_create")
    page = visit(browser_page, client_for(create, world, "owner"), url_of(create, world))
    form = page.locator("main form[method=post]").first
    form.evaluate("form => { form.noValidate = true; }")  # let the server validate
    form.locator("[type=submit]").first.click()
    page.wait_for_load_state()
    assert page.locator("[aria-invalid=true]").count() > 0, "the form shows no errors"
    violations = axe_violations(page)
    assert not violations, report({"instrument form with errors": violations})


def test_login_page_after_a_wrong_password_passes_axe(world, browser_page, axe_violations):
    page = visit(browser_page, None, reverse("account_login"))
    page.fill("input[name=login]", world.owner.email)
    page.fill("input[name=password]", "not the password")
    page.locator("main form[method=post] [type=submit]").first.click()
    page.wait_for_load_state()
    assert page.url.endswith(reverse("account_login")), page.url
    violations = axe_violations(page)
    assert not violations, report({"login after a wrong password": violations})


def test_only_pages_that_are_not_html_are_left_out_of_the_sweep():
    """Entries that are not HTML (plain text, downloads) are the only ones left out."""
    left_out = [r.name for r in ROUTES if r.is_page and not r.html]
    assert set(left_out) <= {
        "healthz",
        "mfa_download_recovery_codes",
        "reports:report_pdf",
        "reports:compendium_status",
        "reports:compendium_download",
        "events:calendar_feed",
        "events:event_ics",
        "events:participants_csv",
        "practices:export_csv",
        "practices:export_json",
    }, left_out
    assert Access.STAFF in {r.access for r in PAGES}


def test_italian_urls_carry_the_prefix():
    with translation.override("it"):
        assert reverse("home") == "/it/"
