"""Express interest: a visitor's message reaches the owner organisation's editors."""

import pytest
from django.urls import reverse

from practices.models import Interest
from practices.services import INTEREST_LIMIT
from tests.harness import factories


@pytest.fixture
def practice(region_a, org_a):
    return factories.make_practice(region_a, owner=org_a)


def message(**overrides):
    data = {
        "name": "Sara Visitor",
        "email": "sara@example.org",
        "organisation": "Chamber of Crafts",
        "message": "We would like to study your vouchers.",
        "consent": "on",
    }
    data.update(overrides)
    return data


def send(client, practice, data, **extra):
    return client.post(reverse("practices:interest_send", args=[practice.slug]), data, **extra)


def test_visitor_expresses_interest_and_the_owners_editors_are_emailed(
    practice, owner, login, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(login(None), practice, message())
    assert response.status_code == 302
    interest = Interest.objects.get()
    assert (interest.name, interest.email, interest.practice) == (
        "Sara Visitor",
        "sara@example.org",
        practice,
    )
    assert interest.consent_at is not None
    assert interest.user is None
    assert len(mailoutbox) == 1
    assert mailoutbox[0].bcc == [owner.email]
    assert mailoutbox[0].reply_to == ["sara@example.org"]
    assert "We would like to study your vouchers." in mailoutbox[0].body


def test_signed_in_user_finds_the_form_prefilled_and_is_recorded_as_sender(
    practice, stakeholder, login
):
    stakeholder.first_name, stakeholder.last_name = "Stella", "Holder"
    stakeholder.save()
    client = login(stakeholder)
    form = client.get(reverse("practices:interest_send", args=[practice.slug])).context[
        "interest_form"
    ]
    assert form.initial == {"name": "Stella Holder", "email": stakeholder.email}
    send(client, practice, message(email=stakeholder.email))
    assert Interest.objects.get().user == stakeholder


@pytest.mark.parametrize(
    ("field", "overrides"),
    [
        ("consent", {"consent": ""}),
        ("email", {"email": "not-an-address"}),
        ("name", {"name": ""}),
        ("message", {"message": ""}),
    ],
)
def test_bad_input_is_refused_with_messages_and_the_text_kept(
    field, overrides, practice, login, mailoutbox
):
    data = (
        message(message="My typed words", **overrides)
        if field != "message"
        else message(**overrides)
    )
    response = send(login(None), practice, data)
    assert response.status_code == 400
    assert field in response.context["interest_form"].errors
    assert b"Please correct the following" in response.content
    if field != "message":
        assert b"My typed words" in response.content
    assert not Interest.objects.exists()
    assert mailoutbox == []


def test_interest_in_a_draft_is_not_possible(region_a, outsider, login):
    draft = factories.make_practice(region_a, status="draft")
    assert send(login(outsider), draft, message()).status_code == 404
    assert send(login(None), draft, message()).status_code == 404
    assert not Interest.objects.exists()


def test_too_many_messages_from_one_address_get_429(practice, login):
    client = login(None)
    for number in range(INTEREST_LIMIT):
        response = send(client, practice, message(email=f"person{number}@example.org"))
        assert response.status_code == 302
    response = send(client, practice, message(email="another@example.org", message="Kept text"))
    assert response.status_code == 429
    assert b"try again later" in response.content
    assert b"Kept text" in response.content
    assert Interest.objects.count() == INTEREST_LIMIT


def test_too_many_messages_from_one_email_get_429_whatever_the_address(practice, login):
    for number in range(INTEREST_LIMIT):
        send(login(None), practice, message(), REMOTE_ADDR=f"10.0.0.{number + 1}")
    response = send(
        login(None), practice, message(email="SARA@example.org"), REMOTE_ADDR="10.9.9.9"
    )
    assert response.status_code == 429
    assert Interest.objects.count() == INTEREST_LIMIT


def test_other_senders_are_not_limited_by_someone_elses_messages(practice, login):
    for _ in range(INTEREST_LIMIT):
        send(login(None), practice, message(), REMOTE_ADDR="10.0.0.1")
    response = send(login(None), practice, message(email="b@example.org"), REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 302


def test_behind_a_trusted_proxy_each_visitor_has_their_own_limit(practice, login, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    behind_the_proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for number in range(INTEREST_LIMIT):
        send(
            login(None),
            practice,
            message(email=f"person{number}@example.org"),
            HTTP_X_FORWARDED_FOR="203.0.113.66",
            **behind_the_proxy,
        )

    response = send(
        login(None),
        practice,
        message(email="another@example.org"),
        HTTP_X_FORWARDED_FOR="198.51.100.7",
        **behind_the_proxy,
    )

    assert response.status_code == 302
    assert Interest.objects.count() == INTEREST_LIMIT + 1


def test_without_a_trusted_proxy_a_forged_forwarded_for_does_not_lift_the_limit(practice, login):
    for number in range(INTEREST_LIMIT):
        send(
            login(None),
            practice,
            message(email=f"person{number}@example.org"),
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}",
        )

    response = send(
        login(None),
        practice,
        message(email="another@example.org"),
        HTTP_X_FORWARDED_FOR="192.0.2.200",
    )

    assert response.status_code == 429
