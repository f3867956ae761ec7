"""People by name: a signed-in person without a name is asked for it once, after signing in,
and can change it from the account menu."""

import pytest
from django.urls import reverse

from interventures.activity.models import ActivityEntry
from tests.harness import factories

NAME_URL = reverse("partners:account_name")
DASHBOARD_URL = reverse("dashboard")


def sign_in(client, user, **params):
    return client.post(
        reverse("account_login"),
        {"login": user.email, "password": factories.PASSWORD, **params},
    )


def test_someone_without_a_name_is_asked_for_it_after_signing_in(client, stakeholder):
    response = sign_in(client, stakeholder)

    assert response.status_code == 302
    assert response["Location"] == f"{NAME_URL}?next=%2Fdashboard%2F"
    page = client.get(response["Location"])
    assert "The other partners of your region" in page.text


def test_after_giving_the_name_they_go_on_to_where_they_were_going(client, stakeholder):
    asked = sign_in(client, stakeholder, next="/events/")

    saved = client.post(asked["Location"], {"first_name": "Sofia", "last_name": "Romano"})

    assert saved.status_code == 302
    assert saved["Location"] == "/events/"
    stakeholder.refresh_from_db()
    assert stakeholder.get_full_name() == "Sofia Romano"
    assert sign_in(client, stakeholder)["Location"] == DASHBOARD_URL


def test_someone_with_a_name_is_not_asked(client, owner):
    assert sign_in(client, owner)["Location"] == DASHBOARD_URL


def test_the_name_page_is_in_the_account_menu_and_shows_the_current_name(login, owner):
    client = login(owner)

    assert f'href="{NAME_URL}"' in client.get(reverse("account_data")).text
    form = client.get(NAME_URL).context["form"]
    assert (form["first_name"].value(), form["last_name"].value()) == ("Olivia", "Owner")


def test_changing_the_name_is_saved_said_and_logged(login, owner):
    client = login(owner)

    response = client.post(NAME_URL, {"first_name": "Olivia", "last_name": "Ortiz"}, follow=True)

    assert response.redirect_chain == [(NAME_URL, 302)]
    assert "Your name was saved." in response.text
    owner.refresh_from_db()
    assert owner.last_name == "Ortiz"
    assert ActivityEntry.objects.filter(verb="account.name_changed", actor=owner).count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"first_name": "", "last_name": "Romano"}, "Please enter your first name."),
        ({"first_name": "Sofia", "last_name": "  "}, "Please enter your last name."),
        ({"first_name": "Sofia\r\nBcc: x@example.org", "last_name": "Romano"}, "line break"),
        ({"first_name": "S" * 151, "last_name": "Romano"}, "at most 150 characters"),
    ],
)
def test_a_missing_or_malformed_name_is_explained_and_what_was_typed_kept(
    login, stakeholder, data, message
):
    response = login(stakeholder).post(NAME_URL, data)

    assert response.status_code == 400
    assert message in response.text
    assert response.context["form"]["last_name"].value() == data["last_name"]
    stakeholder.refresh_from_db()
    assert stakeholder.get_full_name() == ""


def test_an_onward_address_on_another_site_is_ignored(login, stakeholder):
    response = login(stakeholder).post(
        f"{NAME_URL}?next=https://evil.example/",
        {"first_name": "Sofia", "last_name": "Romano"},
    )

    assert response["Location"] == NAME_URL


def test_visitors_are_sent_to_sign_in(client, db):
    response = client.get(NAME_URL)

    assert response["Location"].startswith(reverse("account_login"))
