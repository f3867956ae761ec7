"""The notification centre in Chromium, as its recipient sees it on a laptop and on a phone:
unread ones stand out, opening one leads where it happened and counts it read, nothing is
wider than the screen, axe finds nothing. Screenshots are left in the test's temporary
folder."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from interventures.notifications.models import Notification

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture
def owners_notifications(owner, coordinator, region_a):
    now = timezone.now()
    made = [
        (
            "report.changes_requested",
            "Lombardy Situation Analysis Report",
            True,
            "Add the 2019 figures on SME exports, and say where they come from.",
        ),
        ("practice.published", "Export vouchers for micro-enterprises", True, ""),
        ("report.approved", "Lombardy Situation Analysis Report", False, ""),
    ]
    for hours, (kind, about, unread, reason) in enumerate(made):
        Notification.objects.create(
            recipient=owner,
            kind=kind,
            channel="email",
            actor=coordinator,
            target_repr=about,
            url=region_a.get_absolute_url(),
            data={"reason": reason} if reason else {},
            created_at=now - timedelta(hours=hours),
            read_at=None if unread else now,
        )


@pytest.mark.parametrize(("size", "name"), [(LAPTOP, "laptop"), (PHONE, "phone")])
def test_the_recipient_reads_the_centre_and_opens_a_notification(
    size, name, browser_page, login, owner, owners_notifications, axe_violations, tmp_path
):
    page = browser_page(login(owner))
    page.set_viewport_size(size)
    page.goto("/notifications/")

    expect(page.get_by_role("heading", name="Notifications", level=1)).to_be_visible()
    expect(page.get_by_text("2 unread notifications")).to_be_visible()
    expect(page.locator(".notification.is-unread")).to_have_count(2)
    expect(page.get_by_text("Add the 2019 figures on SME exports")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    assert axe_violations(page) == []
    page.screenshot(path=tmp_path / f"notifications-{name}.png", full_page=True)

    page.get_by_role("link", name="Changes were requested to a report: Lombardy").click()

    expect(page).to_have_url(f"{page.url.split('/regions/')[0]}/regions/lombardy/")
    assert Notification.objects.filter(recipient=owner, read_at=None).count() == 1
