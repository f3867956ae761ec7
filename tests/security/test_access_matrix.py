"""Who may open each URL of the registry, role by role (see tests/harness/registry.py).

- anonymous visitors are sent to sign in wherever an account is needed;
- PUBLIC pages answer 200 to everyone; COORDINATOR pages answer 403 to everyone else;
- REGION_EDITOR pages: the region's editor 200, a viewer 403, an editor of another region 404
  for drafts (403 or 404 for public objects), coordinators and stakeholders 403;
- refused roles are refused a POST just as a GET, and the refused POST changes nothing.
"""

import pytest
from django.urls import reverse

from partners.models import PolicyInstrument
from tests.harness.checks import client_for, describe, matches, url_of
from tests.harness.registry import ROUTES, route

from .conftest import PAGES, POST_ROUTES, route_role_params


@pytest.mark.parametrize(("route", "role"), route_role_params(PAGES, lambda r: r.roles))
def test_access(route, role, world):
    client = client_for(route, world, role)
    response = client.get(url_of(route, world))
    expected = route.expected(role)
    assert matches(response, expected), (
        f"GET {route.name} as {role}: expected {expected.value}, got {describe(response)}"
    )


@pytest.mark.parametrize(
    ("route", "role"), route_role_params(POST_ROUTES, lambda r: r.refused_roles())
)
def test_refused_roles_cannot_post(route, role, world):
    client = client_for(route, world, role)
    response = client.post(url_of(route, world), {})
    expected = route.expected(role)
    assert matches(response, expected), (
        f"POST {route.name} as {role}: expected {expected.value}, got {describe(response)}"
    )


def test_refused_roles_cannot_change_an_instrument(world):
    edit = route("partners:instrument_edit")
    name = world.instrument_a.name
    for role in edit.refused_roles():
        client_for(edit, world, role).post(
            url_of(edit, world),
            {"name": f"Renamed by {role}", "kind": "other", "improvement": "x"},
        )
    world.instrument_a.refresh_from_db()
    assert world.instrument_a.name == name


def test_refused_roles_cannot_delete_an_instrument(world):
    delete = route("partners:instrument_delete")
    for role in delete.refused_roles():
        client_for(delete, world, role).post(url_of(delete, world))
    assert PolicyInstrument.objects.filter(pk=world.instrument_a.pk).exists()


@pytest.mark.parametrize(
    "route", [pytest.param(r, id=r.name) for r in ROUTES if r.bogus_kwargs is not None]
)
def test_token_link_with_a_wrong_secret_reveals_nothing(route, world, login):
    response = login(None).get(reverse(route.url_name, kwargs=route.bogus_kwargs(world)))
    assert matches(response, route.bogus_outcome), describe(response)
    assert world.stakeholder.email.encode() not in response.content


def test_editor_cannot_reach_another_regions_instrument_through_her_own_region(world, login):
    """Region A's instrument under region B's slug does not exist for region B's editor."""
    url = reverse(
        "partners:instrument_edit",
        kwargs={"slug": world.region_b.slug, "pk": world.instrument_a.pk},
    )
    assert login(world.outsider).get(url).status_code == 404
