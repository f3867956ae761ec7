"""Every URL that accepts a POST refuses one without a CSRF token (403), even from a role that
may use it: the refusal comes from the CSRF check, not from the access policy."""

import pytest
from django.http import HttpResponseForbidden
from django.urls import reverse

from tests.harness.checks import client_for, describe, url_of

from .conftest import POST_ROUTES, route_params

REFUSED_BY_CSRF = "X-Refused-By-CSRF-Check"


def csrf_refused(request, reason=""):
    """Stands in for Django's CSRF failure view, so the tests can tell who refused a POST."""
    response = HttpResponseForbidden(reason)
    response[REFUSED_BY_CSRF] = "yes"
    return response


@pytest.mark.parametrize("route", route_params(POST_ROUTES))
def test_post_without_csrf_token_is_refused(route, world, settings):
    settings.CSRF_FAILURE_VIEW = f"{__name__}.csrf_refused"
    role = route.user_role
    client = client_for(route, world, role, enforce_csrf_checks=True)
    response = client.post(url_of(route, world), {})
    assert response.status_code == 403, (
        f"POST {route.name} as {role} without a CSRF token: got {describe(response)}"
    )
    assert response.get(REFUSED_BY_CSRF) == "yes", (
        f"POST {route.name} as {role} was refused, but not by the CSRF check"
    )


def test_csrf_failure_page_is_a_403(world, login):
    client = login(world.owner, enforce_csrf_checks=True)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 403
