"""The demo data: `seed_demo` loads the partnership's real timeline and a few example events."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Event, EventFormat, EventStatus


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=StringIO())


def local_date(event) -> date:
    return event.starts_at.astimezone(event.tzinfo).date()


def test_kick_off_was_held_in_zamardi_on_1_october_2019(seeded):
    event = Event.objects.get(slug="kick-off-meeting-zamardi-2019")
    assert event.timezone == "Europe/Budapest"
    assert local_date(event) == date(2019, 10, 1)
    assert event.ends_at.astimezone(event.tzinfo).date() == date(2019, 10, 2)
    assert (event.status, event.format) == (EventStatus.HELD, EventFormat.IN_PERSON)
    assert "Zamárdi" in event.actual_place
    assert event.host_region.slug == "pecs"
    assert event.host_organisation.short_name == "Pannon EGTC"


def test_klaipeda_study_visit_was_moved_online_on_19_november_2020(seeded):
    event = Event.objects.get(slug="thematic-study-visit-klaipeda-2020")
    assert local_date(event) == date(2020, 11, 19)
    assert event.timezone == "Europe/Vilnius"
    assert event.status == EventStatus.MOVED_ONLINE
    assert (event.planned_place, event.actual_place) == ("Klaipėda", "Online")


def test_burgos_study_visit_says_its_date_is_illustrative(seeded):
    event = Event.objects.get(slug="thematic-study-visit-burgos-2020")
    assert event.planned_place == "Burgos"
    assert event.status == EventStatus.MOVED_ONLINE
    assert "illustrative date" in event.summary


def test_women_2027_notes_the_other_sources_dates(seeded):
    event = Event.objects.get(slug="women-2027-brussels-2020")
    assert local_date(event) == date(2020, 11, 18)
    assert "Donne si fa Storia" in event.summary
    assert "25-26 February 2021" in event.summary


def test_closing_conference_was_hybrid_at_the_kodaly_centre(seeded):
    event = Event.objects.get(slug="closing-conference-pecs-2022")
    assert local_date(event) == date(2022, 11, 3)
    assert event.format == EventFormat.HYBRID
    assert event.actual_place == "Kodály Centre, Pécs"


def test_example_events_are_ahead_marked_as_examples_and_one_has_two_seats(seeded):
    examples = Event.objects.filter(title__startswith="Example event")
    assert examples.count() == 3
    assert all(event.starts_at > timezone.now() and event.is_published for event in examples)
    assert all(event.registration_is_open for event in examples)
    assert 2 in {event.capacity for event in examples}


def test_every_demo_event_is_published_with_a_summary(seeded):
    assert Event.objects.count() == 8
    assert not Event.objects.filter(is_published=False).exists()
    assert not Event.objects.filter(summary="").exists()


def test_running_seed_demo_twice_creates_no_duplicates(seeded):
    before = list(Event.objects.order_by("slug").values_list("slug", "updated_at"))
    output = StringIO()
    call_command("seed_demo", stdout=output)
    assert list(Event.objects.order_by("slug").values_list("slug", "updated_at")) == before
    assert "0 new events" in output.getvalue()
