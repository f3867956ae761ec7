"""Second factors in Chromium: a coordinator signs in with an authenticator app's code, a new
coordinator is sent to set one up, and a security key is added under the portal's CSP."""

import re

import pytest
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from tests.harness import factories, mfa

pytestmark = pytest.mark.browser


def sign_in_with_password(page, user):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign In").click()


def test_coordinator_signs_in_with_password_and_authenticator_code(browser_page, coordinator):
    page = browser_page()

    sign_in_with_password(page, coordinator)
    expect(page).to_have_url(re.compile("/accounts/2fa/authenticate/$"))
    page.get_by_role("textbox", name="Code").fill(mfa.totp_code(coordinator))
    page.get_by_role("button", name="Sign In").click()

    # The coordinator fixture has no name: the portal asks for it before the dashboard.
    expect(page).to_have_url(re.compile(r"/accounts/name/\?next=%2Fdashboard%2F$"))
    page.goto("/activity/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Activity")


def test_new_coordinator_is_sent_to_set_up_an_authenticator_app(browser_page, db):
    newcomer = factories.make_user("new.coordinator@interventures.example", is_coordinator=True)
    page = browser_page()

    sign_in_with_password(page, newcomer)
    expect(page.get_by_text("Your role needs a second factor")).to_be_visible()
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(re.compile("/accounts/2fa/totp/activate/$"))
    secret = page.get_by_label("Authenticator secret").input_value()
    page.get_by_label("Authenticator code").fill(mfa.totp_code(newcomer, secret=secret))
    page.get_by_role("button", name="Activate").click()

    page.goto("/activity/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Activity")
    assert Authenticator.objects.filter(user=newcomer, type=Authenticator.Type.TOTP).exists()


def test_a_security_key_is_added_with_allauths_script_under_the_csp(browser_page, owner, settings):
    # The live server answers on http://localhost; production serves HTTPS.
    settings.MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
    page = browser_page()
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    sign_in_with_password(page, owner)

    page.goto("/accounts/2fa/webauthn/add/")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    page.get_by_label("Name").fill("Office key")
    page.get_by_role("button", name="Add").click()

    expect(page.get_by_text("Security key added.")).to_be_visible()
    assert Authenticator.objects.filter(user=owner, type=Authenticator.Type.WEBAUTHN).exists()
    assert blocked == []
