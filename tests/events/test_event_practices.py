"""Events link to the good practices presented there; a practice's page lists those events."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from events.models import Event
from tests.events.test_pages import CREATE_URL, detail_url, edit_url, valid_data
from tests.harness import factories
from tests.harness.queries import assert_queries_do_not_grow


@pytest.fixture
def published_a(region_a):
    return factories.make_practice(region_a, title="Export vouchers for trade fairs")


@pytest.fixture
def published_b(region_b):
    return factories.make_practice(region_b, title="Pre-accelerator for young firms")


@pytest.fixture
def draft_a(region_a):
    return factories.make_practice(region_a, status="draft", title="Unfinished mentoring scheme")


# --- the form -------------------------------------------------------------------------------


def test_the_form_offers_published_practices_sorted_by_region(
    login, owner, published_a, published_b, draft_a
):
    content = login(owner).get(CREATE_URL).text

    klaipeda = content.index("Klaipėda: Pre-accelerator for young firms")
    lombardy = content.index("Lombardy: Export vouchers for trade fairs")
    assert klaipeda < lombardy
    assert "Unfinished mentoring scheme" not in content


def test_an_organiser_links_the_practices_presented(
    login, owner, region_a, published_a, published_b
):
    response = login(owner).post(
        CREATE_URL, valid_data(region_a, practices=[published_a.pk, published_b.pk])
    )

    event = Event.objects.get()
    assert response["Location"] == detail_url(event)
    assert set(event.practices.all()) == {published_a, published_b}


def test_an_organiser_unlinks_a_practice(login, owner, region_a, published_a, published_b):
    event = factories.make_event(region_a)
    event.practices.add(published_a, published_b)

    login(owner).post(edit_url(event), valid_data(region_a, practices=[published_b.pk]))

    assert list(event.practices.all()) == [published_b]


@pytest.mark.parametrize(
    ("practice", "message"),
    [
        ("draft", "is not published or does not exist"),
        ("unknown", "is not published or does not exist"),
        ("letters", "is not a good practice"),
    ],
)
def test_an_unpublished_or_unknown_practice_is_refused_and_the_input_kept(
    practice, message, login, owner, region_a, draft_a
):
    value = {"draft": draft_a.pk, "unknown": 987654, "letters": "abc"}[practice]

    response = login(owner).post(CREATE_URL, valid_data(region_a, practices=[value]))

    assert response.status_code == 400
    assert any(message in error for error in response.context["form"].errors["practices"])
    assert message in response.text
    assert 'value="Milan"' in response.text
    assert not Event.objects.exists()


# --- the pages ------------------------------------------------------------------------------


def test_the_event_page_links_to_the_published_practices_presented(
    login, region_a, published_a, draft_a
):
    event = factories.make_event(region_a)
    event.practices.add(published_a, draft_a)

    content = login(None).get(detail_url(event)).text

    assert "Good practices presented" in content
    assert f'href="{published_a.get_absolute_url()}"' in content
    assert "Unfinished mentoring scheme" not in content


def test_the_practice_page_lists_the_published_events_it_was_presented_at(
    login, region_a, published_a
):
    shown = factories.make_event(region_a, title="Export day in Milan")
    hidden = factories.make_event(region_a, published=False, title="Internal rehearsal")
    published_a.events.add(shown, hidden)

    content = login(None).get(published_a.get_absolute_url()).text

    assert "Presented at" in content
    assert f'href="{shown.get_absolute_url()}"' in content
    assert "Internal rehearsal" not in content


def test_a_practice_never_presented_does_not_mention_events(login, published_a):
    assert "Presented at" not in login(None).get(published_a.get_absolute_url()).text


def test_the_event_pages_queries_do_not_grow_with_its_practices(login, region_a, world):
    event = factories.make_event(region_a)

    def link_practices(n):
        for _ in range(n):
            event.practices.add(factories.make_practice(region_a))

    for user in (None, world.owner):
        assert_queries_do_not_grow(login(user), detail_url(event), link_practices)


def test_the_practice_pages_queries_do_not_grow_with_its_events(login, region_a, world):
    practice = factories.make_practice(region_a)

    def link_events(n):
        for _ in range(n):
            practice.events.add(factories.make_event(region_a))

    for user in (None, world.coordinator):
        assert_queries_do_not_grow(login(user), practice.get_absolute_url(), link_events)


# --- the demo -------------------------------------------------------------------------------


def test_the_demo_links_women_2027_to_the_hungarian_practice_it_replicated(login, db):
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())  # idempotent

    event = Event.objects.get(slug="women-2027-brussels-2020")
    assert [p.slug for p in event.practices.all()] == ["promoting-women-entrepreneurship"]
    practice_url = reverse(
        "practices:practice_detail", kwargs={"slug": "promoting-women-entrepreneurship"}
    )
    assert "Women 2027" in login(None).get(practice_url).text
