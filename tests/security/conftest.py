"""Parameters shared by the security tests: (registry entry, role) pairs with readable ids."""

import pytest

from tests.harness.registry import ROUTES


def route_role_params(routes, roles_of):
    return [
        pytest.param(route, role, id=f"{route.name}-{role}")
        for route in routes
        for role in roles_of(route)
    ]


def route_params(routes):
    return [pytest.param(route, id=route.name) for route in routes]


PAGES = [route for route in ROUTES if route.is_page]
POST_ROUTES = [route for route in ROUTES if route.accepts_post]
