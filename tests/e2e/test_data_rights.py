"""A stakeholder downloads their data and deletes their account in Chromium, then cannot sign
in; the data page passes axe."""

import json

import pytest
from playwright.sync_api import expect

from partners.models import User
from tests.harness import factories

pytestmark = pytest.mark.browser


def sign_in(page, email: str):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_stakeholder_downloads_their_data_deletes_the_account_and_cannot_sign_in(
    browser_page, stakeholder
):
    page = browser_page()
    sign_in(page, "stakeholder@example.org")
    page.get_by_text("My account").first.click()
    page.get_by_role("link", name="Your data").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your data")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download my data").click()
    download = download_info.value
    assert download.suggested_filename.startswith("interventures-my-data-")
    data = json.loads(open(download.path(), encoding="utf-8").read())  # noqa: SIM115
    assert data["account"]["email"] == "stakeholder@example.org"

    page.get_by_label("Your password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_text("Your account was deleted.")).to_be_visible()
    assert User.objects.get(pk=stakeholder.pk).erased_at is not None

    sign_in(page, "stakeholder@example.org")
    expect(page.get_by_role("alert")).to_contain_text("not correct")
    expect(page.get_by_text("My account")).to_have_count(0)


def test_a_wrong_password_is_said_clearly_in_the_browser(browser_page, login, stakeholder):
    page = browser_page(login(stakeholder))
    page.goto("/accounts/data/")
    page.get_by_label("Your password").fill("not my password")
    page.get_by_role("button", name="Delete my account").click()

    expect(page.get_by_role("alert")).to_contain_text("This is not your password.")
    assert User.objects.get(pk=stakeholder.pk).is_active


def test_axe_finds_nothing_on_the_data_page(browser_page, axe_violations, login, stakeholder):
    page = browser_page(login(stakeholder))
    page.goto("/accounts/data/")
    assert axe_violations(page) == []
