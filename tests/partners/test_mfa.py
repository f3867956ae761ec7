"""A second factor for coordinators and staff: set up before anything else, asked for at sign-in,
and needed for the admin; partners and stakeholders choose for themselves."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.test import Client
from django.urls import reverse

from tests.harness import factories, mfa

ACTIVATE = reverse("mfa_activate_totp")


def sign_in(client, email):
    return client.post(reverse("account_login"), {"login": email, "password": factories.PASSWORD})


def activate_totp(client, user):
    """Confirm the password (allauth asks before a change of factors), open the set-up page
    and enter the code the authenticator app shows for its secret.

    allauth announces the new authenticator when its transaction commits: the tests that
    activate one use `transactional_db`, so that happens inside the request, as in production."""
    client.post(reverse("account_reauthenticate"), {"password": factories.PASSWORD})
    client.get(ACTIVATE)
    secret = client.session[SECRET_SESSION_KEY]
    return client.post(ACTIVATE, {"code": mfa.totp_code(user, secret=secret)})


@pytest.fixture
def new_coordinator(db):
    """A coordinator who has not set up a second factor yet."""
    return factories.make_user("new.coordinator@interventures.example", is_coordinator=True)


@pytest.mark.parametrize(
    "page",
    [
        reverse("home"),
        reverse("activity_list"),
        reverse("partners:invitation_list"),
        reverse("practices:practice_list"),
        reverse("account_email"),
        reverse("admin:index"),
    ],
)
def test_coordinator_without_an_authenticator_is_sent_to_set_one_up_from_any_page(
    new_coordinator, page
):
    client = Client()
    sign_in(client, new_coordinator.email)

    response = client.get(page)

    assert response.status_code == 302
    assert response["Location"] == ACTIVATE


def test_the_set_up_page_says_why_and_signing_out_stays_possible(new_coordinator):
    client = Client()
    sign_in(client, new_coordinator.email)

    page = client.get(reverse("home"), follow=True)
    assert page.redirect_chain[0] == (ACTIVATE, 302)
    assert page.status_code == 200  # allauth asks for the password first, then the set-up
    assert "Your role needs a second factor" in page.text

    assert client.post(reverse("account_logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_coordinator_reaches_their_pages_after_activating_an_authenticator_app(
    transactional_db, new_coordinator
):
    client = Client()
    sign_in(client, new_coordinator.email)

    response = activate_totp(client, new_coordinator)

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=new_coordinator, type=Authenticator.Type.TOTP).exists()
    assert client.get(reverse("activity_list")).status_code == 200
    assert client.get(reverse("partners:invitation_list")).status_code == 200


def test_coordinator_with_an_authenticator_app_is_asked_for_its_code_when_signing_in(
    coordinator,
):
    client = Client()

    assert sign_in(client, coordinator.email)["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    response = mfa.enter_totp_code(client, coordinator)

    assert response.status_code == 302
    assert client.get(reverse("activity_list")).status_code == 200


def test_superuser_signed_in_with_a_password_only_is_refused_the_admin_until_the_totp_step(
    transactional_db,
):
    admin = factories.make_user("new.admin@interventures.example", is_staff=True, is_superuser=True)
    client = Client()
    sign_in(client, admin.email)

    refused = client.get(reverse("admin:index"))
    assert refused.status_code == 302
    assert refused["Location"] == ACTIVATE

    activate_totp(client, admin)
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_session_without_the_second_factor_is_asked_for_it_before_the_admin(superuser):
    """A session that began before the account's authenticator was set up (or any sign-in that
    skipped it) counts as a password-only one."""
    client = Client()
    client.force_login(superuser)
    admin_index = reverse("admin:index")

    refused = client.get(admin_index)
    assert refused.status_code == 302
    assert refused["Location"] == f"{reverse('mfa_reauthenticate')}?next={admin_index}"

    response = client.post(refused["Location"], {"code": mfa.totp_code(superuser)})
    assert response["Location"] == admin_index
    assert client.get(admin_index).status_code == 200


def test_a_wrong_code_keeps_the_admin_closed(superuser):
    client = Client()
    client.force_login(superuser)

    page = client.post(
        f"{reverse('mfa_reauthenticate')}?next={reverse('admin:index')}", {"code": "000000"}
    )

    assert page.status_code == 200
    assert "Incorrect code." in page.text
    assert client.get(reverse("admin:index")).status_code == 302


def test_staff_without_superuser_rights_need_a_second_factor_too(db):
    staff = factories.make_user("staff@interventures.example", is_staff=True)
    client = Client()
    client.force_login(staff)

    assert client.get(reverse("home"))["Location"] == ACTIVATE


@pytest.mark.parametrize("role", ["owner", "colleague", "stakeholder"])
def test_partners_and_stakeholders_are_not_forced_to_set_up_a_second_factor(role, user_of_role):
    client = Client()
    sign_in(client, user_of_role(role).email)

    home = client.get(reverse("home"))
    assert home.status_code == 200
    assert "second factor" not in home.text
    assert client.get(reverse("account_email")).status_code == 200


def test_a_security_key_is_offered_as_a_second_factor(login, owner):
    page = login(owner).get(reverse("mfa_index"))

    assert page.status_code == 200
    assert reverse("mfa_add_webauthn") in page.text


def test_a_coordinator_with_only_a_security_key_is_asked_for_it(new_coordinator):
    factories.make_security_key(new_coordinator)
    client = Client()
    client.force_login(new_coordinator)

    response = client.get(reverse("activity_list"))

    assert response["Location"].startswith(reverse("mfa_reauthenticate_webauthn"))
    assert client.get(response["Location"], follow=True).status_code == 200
