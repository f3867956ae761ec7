"""The notification centre (/notifications/): my notifications only, newest first, the unread
marked and counted in the header; opening one marks it read; all can be marked read at once;
and per kind, how I want to be told."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from interventures.notifications.kinds import KINDS
from interventures.notifications.models import Notification, NotificationPreference
from tests.harness.queries import assert_queries_do_not_grow

CENTRE = reverse("notifications:notification_list")
SETTINGS = reverse("notifications:preferences")


def note(recipient, *, kind="report.changes_requested", target_repr="Lombardy report", **fields):
    return Notification.objects.create(
        recipient=recipient, kind=kind, channel="email", target_repr=target_repr, **fields
    )


def open_url(notification):
    return reverse("notifications:notification_open", kwargs={"pk": notification.pk})


def test_the_centre_lists_my_notifications_newest_first_and_nobody_elses(
    login, owner, colleague, coordinator
):
    now = timezone.now()
    note(owner, target_repr="Older report", created_at=now - timedelta(days=1), actor=coordinator)
    note(owner, kind="report.approved", target_repr="Newer report", created_at=now)
    note(colleague, target_repr="Carlo's own")

    page = login(owner).get(CENTRE).content.decode()

    assert page.index("Newer report") < page.index("Older report")
    assert "A report was approved: Newer report" in page
    assert "Carlo&#x27;s own" not in page
    assert "2 unread notifications" in page
    assert str(coordinator) in page


def test_the_header_counts_my_unread_notifications(login, owner):
    note(owner)
    note(owner)
    note(owner, read_at=timezone.now())

    page = login(owner).get(reverse("home")).content.decode()

    assert '<span class="notifications-count">2<span class="visually-hidden"> unread' in page


def test_on_a_phone_the_folded_menu_shows_the_unread_count_too(login, owner):
    note(owner)

    page = login(owner).get(reverse("home")).content.decode()

    menu = page.split('<summary class="site-menu-toggle">', 1)[1].split("</summary>", 1)[0]
    assert '<span class="notifications-count">1<span class="visually-hidden"> unread' in menu


def test_visitors_see_no_notifications_link(login):
    assert "notifications-link" not in login(None).get(reverse("home")).content.decode()


def test_a_returned_reports_reason_is_quoted(login, owner):
    note(owner, data={"reason": "Add the 2019 figures."})

    assert "Add the 2019 figures." in login(owner).get(CENTRE).content.decode()


def test_with_nothing_yet_the_centre_says_what_will_appear_here(login, stakeholder):
    page = login(stakeholder).get(CENTRE).content.decode()

    assert "You have no notifications yet." in page
    assert "Mark all as read" not in page


def test_opening_a_notification_marks_it_read_and_leads_where_it_happened(login, owner, region_a):
    notification = note(owner, url=region_a.get_absolute_url())

    response = login(owner).get(open_url(notification))

    assert response.status_code == 302
    assert response["Location"] == region_a.get_absolute_url()
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_a_notification_opens_in_the_language_of_the_page(login, owner, region_a):
    notification = note(owner, url=region_a.get_absolute_url())
    in_hungarian = f"/hu{region_a.get_absolute_url()}"

    response = login(owner).get(f"/hu{open_url(notification)}")

    assert response["Location"] == in_hungarian


def test_nobody_else_can_open_or_even_see_my_notification(login, owner, colleague, coordinator):
    notification = note(owner, url="/")

    for other in (colleague, coordinator):
        assert login(other).get(open_url(notification)).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_a_link_to_another_site_is_never_followed(login, owner):
    notification = note(owner, url="https://elsewhere.example/")

    response = login(owner).get(open_url(notification))

    assert response["Location"] == CENTRE


def test_mark_all_as_read_reads_mine_only(login, owner, colleague):
    note(owner)
    note(owner)
    theirs = note(colleague)

    response = login(owner).post(reverse("notifications:mark_all_read"), follow=True)

    assert "All your notifications are marked as read." in response.content.decode()
    assert not Notification.objects.filter(recipient=owner, read_at=None).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_all_as_read_is_a_post(login, owner):
    note(owner)

    assert login(owner).get(reverse("notifications:mark_all_read")).status_code == 405
    assert Notification.objects.filter(read_at=None).exists()


def test_many_notifications_come_in_pages(login, owner):
    for number in range(30):
        note(owner, target_repr=f"Report {number:02}")

    client = login(owner)
    first, second = client.get(CENTRE), client.get(CENTRE + "?page=2")

    assert "Page 1 of 2" in first.content.decode()
    assert "Report 04" in second.content.decode()
    assert "Report 04" not in first.content.decode()


def test_the_centre_reads_as_many_queries_for_thirty_notifications_as_for_three(
    login, owner, coordinator, outsider
):
    actors = [coordinator, outsider, None]

    def make_rows(count):
        for number in range(count):
            note(owner, actor=actors[number % 3], data={"reason": "Why"})

    assert_queries_do_not_grow(login(owner), CENTRE, make_rows, few=3, many=25)


# --- settings ----------------------------------------------------------------------------------


def test_the_settings_page_shows_each_kinds_channel_defaults_included(login, owner):
    NotificationPreference.objects.create(user=owner, kind="report.approved", channel="digest")

    response = login(owner).get(SETTINGS)

    form = response.context["form"]
    assert form["report.approved"].value() == "digest"
    assert form["report.submitted"].value() == "email"
    assert form["invitation.accepted"].value() == "app"
    assert "In a daily email digest" in response.content.decode()


def all_channels(**changes):
    """The settings form as the page fills it in (every kind at its default), with `changes`."""
    return {kind: str(spec.default_channel) for kind, spec in KINDS.items()} | changes


def test_saving_the_settings_keeps_only_the_choices_that_differ_from_the_defaults(login, owner):
    response = login(owner).post(
        SETTINGS, all_channels(**{"report.approved": "digest", "interest.received": "app"})
    )

    assert response.status_code == 302
    assert set(
        NotificationPreference.objects.filter(user=owner).values_list("kind", "channel")
    ) == {("report.approved", "digest"), ("interest.received", "app")}

    login(owner).post(SETTINGS, all_channels())
    assert not NotificationPreference.objects.exists()


@pytest.mark.parametrize(
    ("value", "message"),
    [("pigeon", "Choose one of the three ways offered."), ("", "Choose how to be told of this.")],
)
def test_a_bad_choice_is_refused_with_a_message_and_nothing_is_saved(value, message, login, owner):
    response = login(owner).post(
        SETTINGS, all_channels(**{"report.approved": "digest", "report.submitted": value})
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert response.context["form"]["report.approved"].value() == "digest"
    assert not NotificationPreference.objects.exists()
