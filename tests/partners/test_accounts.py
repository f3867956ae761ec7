"""Accounts through allauth: email sign-in, verification, rate limits, MFA, sessions."""

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.core import mail
from django.test import Client
from django.urls import reverse

from partners import access
from partners.models import User
from tests.harness import factories


def sign_in(client, email, password=factories.PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_open_signup_creates_a_stakeholder_who_must_verify_the_email(
    client, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"),
            {
                "first_name": "Sara",
                "last_name": "Small",
                "email": "sme@example.org",
                "password1": "Border-regions-2026",
                "password2": "Border-regions-2026",
            },
        )

    assert response.status_code == 302
    user = User.objects.get(email="sme@example.org")
    assert access.role_label(user) == "Stakeholder"
    assert not user.memberships.exists()
    assert not EmailAddress.objects.get(user=user).verified
    [message] = mail.outbox
    assert message.to == ["sme@example.org"]
    assert "/accounts/confirm-email/" in message.body


def test_unverified_account_cannot_sign_in(client, db):
    factories.make_user("unverified@example.org", verified=False)

    response = sign_in(client, "unverified@example.org")

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_partner_lands_on_their_dashboard_after_signing_in(client, owner, region_a):
    response = sign_in(client, owner.email)

    assert response["Location"] == reverse("dashboard")


def test_wrong_password_is_refused_with_a_message(client, owner):
    response = sign_in(client, owner.email, "wrong password")

    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in response.text


def test_repeated_failed_sign_ins_are_rate_limited(client, owner):
    for _attempt in range(5):
        sign_in(client, owner.email, "wrong password")

    response = sign_in(client, owner.email)

    assert "Too many failed login attempts" in response.text
    assert "_auth_user_id" not in client.session


def test_user_with_an_authenticator_app_is_asked_for_a_code(client, owner):
    factories.activate_mfa(owner)

    response = sign_in(client, owner.email)

    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session


def test_admin_sign_in_goes_through_allauth_and_its_mfa(client, superuser):
    factories.activate_mfa(superuser)

    to_login = client.get(reverse("admin:login"))
    assert to_login["Location"].startswith(reverse("account_login"))
    assert sign_in(client, superuser.email)["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("admin:index")).status_code == 302


def test_sessions_page_lists_the_users_sessions_and_ends_the_others(owner):
    laptop, phone = Client(HTTP_USER_AGENT="Laptop"), Client(HTTP_USER_AGENT="Phone")
    for device in (laptop, phone):
        sign_in(device, owner.email)
    assert UserSession.objects.filter(user=owner).count() == 2

    page = laptop.get(reverse("usersessions_list"))
    assert page.status_code == 200
    laptop.post(reverse("usersessions_list"), {})

    assert UserSession.objects.filter(user=owner).count() == 1
    assert phone.get(reverse("usersessions_list")).status_code == 302
