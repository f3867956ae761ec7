"""Pages in an error state, for the checks that read every page the portal can show: forms
sent with bad input (each entry: URL name, role, what is posted) and the error pages."""

from django.template.loader import render_to_string
from django.test import Client

from reports.models import MAX_SECTION_CHARS

from .checks import client_for, url_of
from .registry import route

INVALID_FORMS = [
    ("partners:instrument_create", "owner", {"name": ""}),
    ("reports:report_create", "owner", {"title": ""}),
    ("reports:section_edit", "owner", {"body": "a" * (MAX_SECTION_CHARS + 1), "base_version": 1}),
    ("practices:practice_create", "owner", {"title": ""}),
    ("practices:interest_send", "anonymous", {"name": "", "email": "not an address"}),
    ("events:event_create", "owner", {"title": ""}),
    ("account_login", "anonymous", {"login": "owner@lombardy.example", "password": "wrong"}),
    ("account_signup", "anonymous", {"email": "new@example.org", "password1": "x"}),
]


def invalid_form_page(name: str, role: str, data: dict, world) -> str:
    """The page answering a form sent with bad input."""
    form_route = route(name)
    response = client_for(form_route, world, role).post(url_of(form_route, world), data)
    assert response.status_code in (200, 400), f"{name} as {role}: {response.status_code}"
    return response.content.decode()


def error_pages(world) -> dict[str, str]:
    """The 403, 404 and 500 pages."""
    forbidden = route("partners:instrument_create")
    response_403 = client_for(forbidden, world, "colleague").get(url_of(forbidden, world))
    response_404 = Client().get("/practices/no-such-practice/")
    assert (response_403.status_code, response_404.status_code) == (403, 404)
    return {
        "403 page": response_403.content.decode(),
        "404 page": response_404.content.decode(),
        "500 page": render_to_string("500.html"),
    }
