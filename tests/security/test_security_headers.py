"""Every page is served with the security headers: a Content-Security-Policy that allows only
the site itself and no framing, nosniff, a Referrer-Policy and X-Frame-Options DENY. Errors,
redirects and the Django admin included."""

import pytest
from django.urls import reverse

from tests.harness.checks import client_for, url_of

from .conftest import PAGES, route_params


def assert_security_headers(response, what):
    csp = response.headers.get("Content-Security-Policy", "")
    assert "default-src 'self'" in csp, f"{what}: CSP {csp!r} lacks default-src 'self'"
    assert "frame-ancestors 'none'" in csp, f"{what}: CSP {csp!r} lacks frame-ancestors 'none'"
    assert response.headers.get("X-Content-Type-Options") == "nosniff", what
    assert response.headers.get("Referrer-Policy"), f"{what}: no Referrer-Policy"
    assert response.headers.get("X-Frame-Options") == "DENY", what


@pytest.mark.parametrize("route", route_params(PAGES))
def test_page_carries_security_headers(route, world):
    role = route.user_role
    response = client_for(route, world, role).get(url_of(route, world))
    assert_security_headers(response, f"GET {route.name} as {role} ({response.status_code})")


@pytest.mark.parametrize("route", route_params(PAGES))
def test_a_page_for_a_signed_in_person_is_not_kept_in_any_cache(route, world):
    role = route.user_role
    if role == "anonymous":
        role = "stakeholder"
    response = client_for(route, world, role).get(url_of(route, world))
    cache_control = response.headers.get("Cache-Control", "")
    assert "private" in cache_control, f"GET {route.name} as {role}: {cache_control!r}"
    assert "no-store" in cache_control or "no-cache" in cache_control, (
        f"GET {route.name} as {role}: {cache_control!r}"
    )


@pytest.mark.parametrize("route", route_params(PAGES))
def test_page_for_an_anonymous_visitor_carries_security_headers(route, world):
    response = client_for(route, world, "anonymous").get(url_of(route, world))
    assert_security_headers(response, f"GET {route.name} as anonymous ({response.status_code})")


def test_not_found_and_forbidden_pages_carry_security_headers(world, login):
    assert_security_headers(login(None).get("/no-such-page/"), "404")
    forbidden = login(world.stakeholder).get(reverse("partners:invitation_list"))
    assert forbidden.status_code == 403
    assert_security_headers(forbidden, "403")
