"""A stakeholder registers for an event in Chromium; the event pages pass axe."""

import pytest
from playwright.sync_api import expect

from events import services
from events.models import Registration, RegistrationStatus
from tests.harness import factories

pytestmark = pytest.mark.browser


@pytest.fixture
def upcoming(region_a):
    return factories.make_event(region_a, title="Lombardy export day", capacity=5)


def test_stakeholder_registers_for_an_upcoming_event_and_sees_the_confirmation(
    browser_page, login, stakeholder, upcoming
):
    page = browser_page(login(stakeholder))
    page.goto(upcoming.get_absolute_url())
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("You are registered").first).to_be_visible()
    expect(page.get_by_role("button", name="Cancel my registration")).to_be_visible()
    registration = Registration.objects.get(event=upcoming, user=stakeholder)
    assert registration.status == RegistrationStatus.CONFIRMED


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "stakeholder"])
def test_axe_finds_nothing_on_the_event_list_and_detail_pages(
    browser_page, axe_violations, login, stakeholder, upcoming, signed_in
):
    page = browser_page(login(stakeholder if signed_in else None))
    for url in ("/events/", upcoming.get_absolute_url()):
        page.goto(url)
        assert axe_violations(page) == [], url


def test_axe_finds_nothing_on_the_participants_page(
    browser_page, axe_violations, login, owner, stakeholder, upcoming
):
    services.registration_create(event=upcoming, user=stakeholder)
    page = browser_page(login(owner))
    page.goto(f"/events/{upcoming.slug}/participants/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Participants")
    assert axe_violations(page) == []
