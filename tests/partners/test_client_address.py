"""Behind proxies every request comes from the proxy's address: with TRUSTED_PROXY_COUNT (or
TRUSTED_CLIENT_IP_HEADER) the rate limits count each visitor by their own address, so one
visitor cannot lock the others out; without it a forged X-Forwarded-For changes nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.harness import factories

PROXY = "10.0.0.1"
TOO_MANY = "Too many failed login attempts"


def sign_in(client, email, password=factories.PASSWORD, **headers):
    return client.post(
        reverse("account_login"), {"login": email, "password": password}, headers=headers
    )


def fail_ten_sign_ins(client, **headers):
    for number in range(10):
        sign_in(client, f"nobody{number}@example.org", "wrong password!", **headers)


@pytest.fixture
def behind_one_proxy(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1


def test_the_settings_come_from_the_environment_and_trust_no_proxy_by_default(settings):
    assert settings.ALLAUTH_TRUSTED_PROXY_COUNT == 0
    assert settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER is None


def test_behind_a_trusted_proxy_one_visitors_failed_sign_ins_do_not_lock_out_another(
    behind_one_proxy, owner
):
    attacker = Client(REMOTE_ADDR=PROXY)
    fail_ten_sign_ins(attacker, x_forwarded_for="203.0.113.66")
    assert TOO_MANY in sign_in(attacker, owner.email, x_forwarded_for="203.0.113.66").text

    response = sign_in(Client(REMOTE_ADDR=PROXY), owner.email, x_forwarded_for="198.51.100.7")

    assert response.status_code == 302
    assert response["Location"] != reverse("account_login")


def test_the_client_address_is_the_one_the_trusted_proxy_added_last(behind_one_proxy, owner):
    """A visitor may send their own X-Forwarded-For; the proxy appends the real address."""
    attacker = Client(REMOTE_ADDR=PROXY)
    for number in range(10):
        forged = f"192.0.2.{number}, 203.0.113.66"
        sign_in(attacker, f"nobody{number}@example.org", "wrong password!", x_forwarded_for=forged)

    response = sign_in(attacker, owner.email, x_forwarded_for="192.0.2.99, 203.0.113.66")

    assert TOO_MANY in response.text


def test_a_trusted_client_ip_header_is_read_instead(settings, owner):
    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    fail_ten_sign_ins(Client(REMOTE_ADDR=PROXY), x_real_ip="203.0.113.66")

    response = sign_in(Client(REMOTE_ADDR=PROXY), owner.email, x_real_ip="198.51.100.7")

    assert response.status_code == 302


def test_without_a_trusted_proxy_a_forged_forwarded_for_is_ignored(owner):
    attacker = Client(REMOTE_ADDR="203.0.113.66")
    for number in range(10):
        sign_in(
            attacker,
            f"nobody{number}@example.org",
            "wrong password!",
            x_forwarded_for=f"192.0.2.{number}",
        )

    response = sign_in(attacker, owner.email, x_forwarded_for="192.0.2.200")

    assert TOO_MANY in response.text
    assert "_auth_user_id" not in attacker.session
