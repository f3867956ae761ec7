"""The events list, one event's page, and organising events (the form)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event, EventFormat, EventKind, EventStatus
from tests.harness import factories
from tests.harness.queries import assert_queries_do_not_grow

LIST_URL = reverse("events:event_list")
CREATE_URL = reverse("events:event_create")
VILNIUS = ZoneInfo("Europe/Vilnius")


def detail_url(event):
    return reverse("events:event_detail", kwargs={"slug": event.slug})


def edit_url(event):
    return reverse("events:event_edit", kwargs={"slug": event.slug})


def titles(response) -> set[str]:
    return {
        event.title
        for section in ("upcoming", "past")
        for event in getattr(response.context["timeline"], section)
    }


def valid_data(region, **overrides) -> dict:
    data = {
        "title": "Study visit to Milan",
        "language": "en",
        "kind": EventKind.STUDY_VISIT,
        "host_region": region.pk,
        "host_organisation": "",
        "regions": [region.pk],
        "format": EventFormat.IN_PERSON,
        "status": EventStatus.PLANNED,
        "planned_place": "Milan",
        "actual_place": "",
        "timezone": "Europe/Vilnius",
        "starts_at": "2027-06-01T10:00",
        "ends_at": "2027-06-01T16:00",
        "summary": "Partners visit Milan.",
        "agenda": "<p>Welcome</p>",
        "outcomes": "",
        "is_published": "on",
        "capacity": "20",
        "registration_deadline": "",
    }
    data.update(overrides)
    return data


# --- the list -----------------------------------------------------------------------------


def test_list_shows_published_events_and_hides_other_regions_unpublished_ones(
    login, event_a, draft_event_b
):
    response = login(None).get(LIST_URL)
    assert response.status_code == 200
    assert titles(response) == {"Lombardy stakeholder meeting"}
    assert b"Klaip\xc4\x97da draft meeting" not in response.content


@pytest.mark.parametrize("role", ["outsider", "coordinator"])
def test_list_shows_unpublished_events_to_their_organisers(role, world, login, draft_event_b):
    response = login(getattr(world, role)).get(LIST_URL)
    assert "Klaipėda draft meeting" in titles(response)
    assert "Not published" in response.content.decode()


@pytest.mark.parametrize("role", ["owner", "colleague", "stakeholder"])
def test_list_hides_other_regions_unpublished_events(role, world, login, draft_event_b):
    assert "Klaipėda draft meeting" not in titles(login(getattr(world, role)).get(LIST_URL))


def test_list_puts_upcoming_events_first_soonest_first_then_past_newest_first(login, region_a):
    now = timezone.now()
    for title, days in [("Later", 60), ("Sooner", 10), ("Old", -400), ("Recent", -30)]:
        factories.make_event(region_a, title=title, starts_at=now + timedelta(days=days))
    timeline = login(None).get(LIST_URL).context["timeline"]
    assert [event.title for event in timeline.upcoming] == ["Sooner", "Later"]
    assert [event.title for event in timeline.past] == ["Recent", "Old"]


def test_region_filter_keeps_events_the_region_hosts_or_takes_part_in(login, region_a, region_b):
    factories.make_event(region_a, title="Hosted by A")
    taking_part = factories.make_event(region_b, title="B with A taking part")
    taking_part.regions.add(region_a)
    factories.make_event(region_b, title="B alone")
    response = login(None).get(LIST_URL, {"region": region_a.slug})
    assert titles(response) == {"Hosted by A", "B with A taking part"}
    assert "2 events" in response.content.decode()


def test_kind_filter_narrows_the_list(login, region_a):
    factories.make_event(region_a, title="Webinar", kind=EventKind.WEBINAR)
    factories.make_event(region_a, title="Meeting", kind=EventKind.STAKEHOLDERS)
    assert titles(login(None).get(LIST_URL, {"kind": EventKind.WEBINAR})) == {"Webinar"}


def test_format_filter_narrows_the_list(login, region_a):
    factories.make_event(region_a, title="Online one", format=EventFormat.ONLINE)
    factories.make_event(region_a, title="On site", format=EventFormat.IN_PERSON)
    assert titles(login(None).get(LIST_URL, {"format": EventFormat.ONLINE})) == {"Online one"}


def test_year_filter_narrows_the_list(login, region_a):
    factories.make_event(
        region_a, title="In 2019", starts_at=datetime(2019, 10, 1, 9, tzinfo=VILNIUS)
    )
    factories.make_event(
        region_a, title="In 2022", starts_at=datetime(2022, 11, 3, 9, tzinfo=VILNIUS)
    )
    assert titles(login(None).get(LIST_URL, {"year": "2019"})) == {"In 2019"}


def test_filters_without_results_say_so_and_offer_to_clear_them(login, event_a):
    content = login(None).get(LIST_URL, {"kind": EventKind.WEBINAR}).content.decode()
    assert "No event matches these filters." in content
    assert "Clear filters" in content


def test_list_shows_dates_in_the_events_time_zone_and_where_it_was_held(login, region_b):
    factories.make_event(
        region_b,
        title="Study visit",
        timezone="Europe/Vilnius",
        starts_at=datetime(2020, 11, 19, 10, tzinfo=VILNIUS),
        planned_place="Klaipėda",
        actual_place="Online",
        status=EventStatus.MOVED_ONLINE,
    )
    content = login(None).get(LIST_URL).content.decode()
    assert "19 November 2020, 10:00–13:00 EET" in content
    assert "Planned in Klaipėda · held online" in content
    assert "Moved online" in content


@pytest.mark.parametrize("role", ["anonymous", "coordinator"])
def test_list_query_count_does_not_grow_with_events(role, world, login, region_a, region_b):
    def make_events(n):
        for _ in range(n):
            event = factories.make_event(region_a, host_organisation=world.org_a)
            event.regions.add(region_a, region_b)

    client = login(None if role == "anonymous" else world.coordinator)
    assert_queries_do_not_grow(client, LIST_URL, make_events)


# --- one event ----------------------------------------------------------------------------


def test_detail_shows_the_time_in_the_events_zone_and_in_the_viewers(login, region_b, org_b):
    event = factories.make_event(
        region_b,
        title="Vilnius meeting",
        timezone="Europe/Vilnius",
        host_organisation=org_b,
        starts_at=datetime(2027, 1, 12, 10, tzinfo=VILNIUS),
    )
    content = login(None).get(detail_url(event)).content.decode()
    assert "12 January 2027, 10:00–13:00 EET" in content
    assert "12 January 2027, 09:00–12:00 CET" in content
    assert "your time (Europe/Brussels)" in content
    assert "Klaipėda Business Agency" in content


def test_detail_shows_one_time_when_the_zones_agree(login, region_a):
    event = factories.make_event(region_a, timezone="Europe/Brussels")
    assert "your time" not in login(None).get(detail_url(event)).content.decode()


def test_detail_links_to_the_calendar_files_and_offers_registration(login, event_a, stakeholder):
    response = login(stakeholder).get(detail_url(event_a))
    content = response.content.decode()
    assert reverse("events:event_ics", kwargs={"slug": event_a.slug}) in content
    assert reverse("events:calendar_feed") in content
    assert response.context["can_register"] is True
    assert response.context["registration"] is None
    assert response.context["seats_left"] == 20
    assert response.context["waiting_count"] == 0
    assert response.context["can_organise"] is False


def test_detail_offers_the_edit_link_to_organisers_only(login, event_a, owner, colleague):
    assert edit_url(event_a) in login(owner).get(detail_url(event_a)).content.decode()
    assert edit_url(event_a) not in login(colleague).get(detail_url(event_a)).content.decode()


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "colleague", "owner"])
def test_unpublished_event_of_another_region_is_not_found(role, user_of_role, login, draft_event_b):
    assert login(user_of_role(role)).get(detail_url(draft_event_b)).status_code == 404


@pytest.mark.parametrize("role", ["outsider", "coordinator"])
def test_unpublished_event_is_shown_to_its_organisers(role, user_of_role, login, draft_event_b):
    assert login(user_of_role(role)).get(detail_url(draft_event_b)).status_code == 200


# --- organising -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("owner", 200),
        ("outsider", 200),
        ("coordinator", 200),
        ("colleague", 403),
        ("stakeholder", 403),
    ],
)
def test_create_page_is_for_editors_and_coordinators(role, status, user_of_role, login):
    assert login(user_of_role(role)).get(CREATE_URL).status_code == status


def test_create_page_sends_visitors_to_sign_in(login):
    response = login(None).get(CREATE_URL)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_editor_creates_an_event_in_its_own_time_zone_with_a_slug_from_the_title(
    login, owner, region_a, org_a
):
    response = login(owner).post(CREATE_URL, valid_data(region_a, host_organisation=org_a.pk))
    event = Event.objects.get(title="Study visit to Milan")
    assert response.status_code == 302
    assert response["Location"] == detail_url(event)
    assert event.slug == "study-visit-to-milan"
    assert event.starts_at == datetime(2027, 6, 1, 10, tzinfo=VILNIUS)
    assert event.host_organisation == org_a
    assert list(event.regions.all()) == [region_a]


def test_a_second_event_with_the_same_title_gets_its_own_slug(login, owner, region_a):
    login(owner).post(CREATE_URL, valid_data(region_a))
    login(owner).post(CREATE_URL, valid_data(region_a))
    assert sorted(Event.objects.values_list("slug", flat=True)) == [
        "study-visit-to-milan",
        "study-visit-to-milan-2",
    ]


def test_editor_cannot_host_an_event_for_another_region(login, owner, region_b):
    response = login(owner).post(CREATE_URL, valid_data(region_b))
    assert response.status_code == 400
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "This field is required."),
        ({"ends_at": "2027-06-01T09:00"}, "ends_at", "The event cannot end before it starts."),
        ({"timezone": "Mars/Olympus"}, "timezone", "is not a time zone offered here."),
        ({"starts_at": "next tuesday"}, "starts_at", "Enter a valid date/time."),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_kept(
    overrides, field, message, login, owner, region_a
):
    data = valid_data(region_a, **overrides)
    response = login(owner).post(CREATE_URL, data)
    assert response.status_code == 400
    assert any(message in error for error in response.context["form"].errors[field])
    assert not Event.objects.exists()
    content = response.content.decode()
    assert 'value="Milan"' in content  # what was typed stays in the form
    assert "Please correct the following" in content


def test_host_organisation_must_belong_to_the_host_region(login, coordinator, region_a, org_b):
    response = login(coordinator).post(CREATE_URL, valid_data(region_a, host_organisation=org_b.pk))
    assert response.status_code == 400
    assert "is not a partner of Lombardy" in response.content.decode()
    assert not Event.objects.exists()


def test_agenda_is_sanitised_on_save(login, owner, region_a):
    agenda = '<p onclick="steal()">Welcome<script>alert(1)</script></p><img src=x onerror=alert(1)>'
    login(owner).post(CREATE_URL, valid_data(region_a, agenda=agenda))
    event = Event.objects.get()
    assert event.agenda == "<p>Welcome</p>"
    assert "<script>alert" not in login(None).get(detail_url(event)).content.decode()


@pytest.mark.parametrize("role", ["owner", "coordinator"])
def test_organisers_edit_an_event_shown_in_its_own_time_zone(
    role, user_of_role, login, region_b, org_a, region_a
):
    event = factories.make_event(
        region_a, timezone="Europe/Vilnius", starts_at=datetime(2027, 1, 12, 10, tzinfo=VILNIUS)
    )
    client = login(user_of_role(role))
    assert 'value="2027-01-12T10:00"' in client.get(edit_url(event)).content.decode()
    data = valid_data(region_a, title="Renamed meeting", status=EventStatus.POSTPONED)
    response = client.post(edit_url(event), data)
    event.refresh_from_db()
    assert response.status_code == 302
    assert (event.title, event.status) == ("Renamed meeting", EventStatus.POSTPONED)
    assert event.slug.startswith("event-")  # the address does not change with the title


@pytest.mark.parametrize("role", ["colleague", "outsider", "stakeholder"])
def test_others_cannot_edit_region_as_event(role, user_of_role, login, event_a, region_a):
    client = login(user_of_role(role))
    assert client.get(edit_url(event_a)).status_code == 403
    assert client.post(edit_url(event_a), valid_data(region_a, title="Hijacked")).status_code == 403
    event_a.refresh_from_db()
    assert event_a.title == "Lombardy stakeholder meeting"


def test_edit_of_an_unpublished_event_of_another_region_is_not_found(login, owner, draft_event_b):
    assert login(owner).get(edit_url(draft_event_b)).status_code == 404


# --- home -------------------------------------------------------------------------------------


def test_home_shows_the_next_three_published_events(login, region_a, draft_event_a):
    now = timezone.now()
    for days in (40, 10, 20, 30):
        factories.make_event(
            region_a, title=f"In {days} days", starts_at=now + timedelta(days=days)
        )
    response = login(None).get(reverse("home"))
    assert [e.title for e in response.context["home_events"].events] == [
        "In 10 days",
        "In 20 days",
        "In 30 days",
    ]
    assert "Upcoming events" in response.content.decode()


def test_home_shows_the_latest_events_held_when_none_is_ahead(login, region_a):
    factories.make_event(
        region_a,
        title="Held last year",
        starts_at=timezone.now() - timedelta(days=300),
        status=EventStatus.HELD,
    )
    response = login(None).get(reverse("home"))
    assert [e.title for e in response.context["home_events"].events] == ["Held last year"]
    assert "Latest events" in response.content.decode()


@pytest.mark.parametrize("moment", ["0001-01-01T00:00", "9999-12-31T23:59", "2201-01-01T00:00"])
def test_a_date_out_of_range_is_refused_with_a_message_not_a_server_error(
    login, owner, region_a, moment
):
    response = login(owner).post(CREATE_URL, valid_data(region_a, starts_at=moment))

    assert response.status_code == 400
    assert "Enter a date between the years 1900 and 2200." in response.text
    assert not Event.objects.exists()


def test_a_wrong_filter_value_on_the_event_list_is_a_400_with_a_message(client, region_a):
    response = client.get(LIST_URL, {"region": "atlantis"})

    assert response.status_code == 400
    assert response.context["filter"].form.errors
