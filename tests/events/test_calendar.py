"""The iCalendar feed and the single event's .ics, parsed back with the icalendar library."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from events.models import EventStatus
from tests.harness import factories

FEED = reverse("events:calendar_feed")
VILNIUS = ZoneInfo("Europe/Vilnius")


def parse(response) -> Calendar:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_by_summary(calendar: Calendar) -> dict:
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def vilnius_meeting(region_b):
    return factories.make_event(
        region_b,
        title="Klaipėda study visit",
        slug="klaipeda-study-visit",
        timezone="Europe/Vilnius",
        starts_at=datetime(2031, 3, 10, 7, 30, tzinfo=UTC),  # 09:30 in Vilnius (EET)
        ends_at=datetime(2031, 3, 10, 15, 0, tzinfo=UTC),
        summary="<p>Visit of the port & its start-ups.</p>",
        planned_place="Klaipėda Science Park",
    )


def test_feed_is_a_subscribable_calendar_with_name_and_refresh_interval(client, vilnius_meeting):
    response = client.get(FEED)
    calendar = parse(response)
    assert response["Content-Disposition"].startswith("inline")
    assert str(calendar["VERSION"]) == "2.0"
    assert "INTER VENTURES" in str(calendar["PRODID"])
    assert "INTER VENTURES" in str(calendar["X-WR-CALNAME"])
    assert calendar["REFRESH-INTERVAL"].dt.total_seconds() == 6 * 3600
    assert "X-PUBLISHED-TTL" in calendar


def test_feed_event_starts_in_its_own_time_zone_at_the_stored_instant(client, vilnius_meeting):
    calendar = parse(client.get(FEED))
    event = events_by_summary(calendar)["Klaipėda study visit"]
    start = event["DTSTART"]
    assert start.params["TZID"] == "Europe/Vilnius"
    assert start.dt.replace(tzinfo=None) == datetime(2031, 3, 10, 9, 30)
    assert start.dt == vilnius_meeting.starts_at
    assert event["DTEND"].dt == vilnius_meeting.ends_at
    assert event["DTEND"].params["TZID"] == "Europe/Vilnius"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Vilnius"]
    assert b"DTSTART;TZID=Europe/Vilnius:20310310T093000" in calendar.to_ical()


def test_feed_event_carries_uid_url_place_description_and_status(client, vilnius_meeting):
    event = events_by_summary(parse(client.get(FEED)))["Klaipėda study visit"]
    assert str(event["UID"]) == f"event-{vilnius_meeting.pk}@interventures.eu"
    assert str(event["URL"]) == f"http://testserver/events/{vilnius_meeting.slug}/"
    assert str(event["LOCATION"]) == "Klaipėda Science Park"
    assert str(event["DESCRIPTION"]) == "Visit of the port & its start-ups."
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "DTSTAMP" in event
    assert "LAST-MODIFIED" in event


def test_feed_uses_the_actual_place_and_maps_postponed_and_cancelled(client, region_a):
    factories.make_event(region_a, title="Moved", actual_place="Online (Zoom)")
    factories.make_event(region_a, title="Later", status=EventStatus.POSTPONED)
    factories.make_event(region_a, title="Off", status=EventStatus.CANCELLED)
    events = events_by_summary(parse(client.get(FEED)))
    assert str(events["Moved"]["LOCATION"]) == "Online (Zoom)"
    assert str(events["Later"]["STATUS"]) == "TENTATIVE"
    assert str(events["Off"]["STATUS"]) == "CANCELLED"


def test_uid_is_stable_between_downloads(client, vilnius_meeting):
    first = events_by_summary(parse(client.get(FEED)))["Klaipėda study visit"]["UID"]
    second = events_by_summary(parse(client.get(FEED)))["Klaipėda study visit"]["UID"]
    assert first == second


def test_feed_leaves_out_unpublished_events(client, region_a, vilnius_meeting):
    factories.make_event(region_a, title="Secret draft", published=False)
    assert "Secret draft" not in events_by_summary(parse(client.get(FEED)))


def test_feed_leaves_out_unpublished_events_even_for_organisers(login, region_a, owner):
    factories.make_event(region_a, title="Secret draft", published=False)
    assert "Secret draft" not in events_by_summary(parse(login(owner).get(FEED)))


def test_region_filter_keeps_events_the_region_hosts_or_takes_part_in(
    client, region_a, region_b, vilnius_meeting
):
    hosted = factories.make_event(region_a, title="Milan meeting")
    joined = factories.make_event(region_b, title="Joint webinar")
    joined.regions.add(region_a)
    calendar = parse(client.get(FEED, {"region": region_a.slug}))
    assert set(events_by_summary(calendar)) == {hosted.title, joined.title}
    assert region_a.name in str(calendar["X-WR-CALNAME"])


def test_region_filter_with_an_unknown_region_is_not_found(client, vilnius_meeting):
    assert client.get(FEED, {"region": "atlantis"}).status_code == 404


def test_feed_query_count_does_not_grow_with_events(
    client, region_a, region_b, django_assert_max_num_queries
):
    for number in range(3):
        factories.make_event(region_a, timezone="Europe/Rome", title=f"Few {number}")
    # One of them reads the feed's content versions (interventures.public_pages).
    with django_assert_max_num_queries(6) as few:
        client.get(FEED, {"region": region_a.slug})
    for _ in range(20):
        factories.make_event(region_b, timezone="Europe/Vilnius").regions.add(region_a)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(FEED, {"region": region_a.slug})
    assert len(parse(response).walk("VEVENT")) == 23


def test_single_event_is_an_attachment_with_a_readable_filename(client, vilnius_meeting):
    response = client.get(reverse("events:event_ics", kwargs={"slug": vilnius_meeting.slug}))
    calendar = parse(response)
    assert response["Content-Disposition"] == 'attachment; filename="klaipeda-study-visit.ics"'
    (event,) = calendar.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Europe/Vilnius"
    assert event["DTSTART"].dt == vilnius_meeting.starts_at
    assert calendar.walk("VTIMEZONE")


def test_single_ics_of_an_unpublished_event_is_not_found_for_outsiders(
    login, region_a, outsider, stakeholder
):
    draft = factories.make_event(region_a, published=False)
    url = reverse("events:event_ics", kwargs={"slug": draft.slug})
    for user in (None, stakeholder, outsider):
        assert login(user).get(url).status_code == 404


def test_single_ics_of_an_unpublished_event_is_given_to_its_organisers(
    login, region_a, owner, coordinator
):
    draft = factories.make_event(region_a, published=False)
    url = reverse("events:event_ics", kwargs={"slug": draft.slug})
    for user in (owner, coordinator):
        assert len(parse(login(user).get(url)).walk("VEVENT")) == 1
