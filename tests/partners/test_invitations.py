"""Partner roles are given only by invitation: a coordinator invites, the invitee accepts."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from partners.models import Invitation, Membership, User
from tests.harness import factories

STRONG = "Border-regions-2026"
NEW_ACCOUNT = {"first_name": "Nora", "last_name": "New", "password1": STRONG, "password2": STRONG}


def accept_url(token):
    return reverse("partners:invitation_accept", args=[token])


def link_in(message):
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


@pytest.fixture
def invitation(org_a, coordinator):
    return factories.make_invitation(org_a, "newcomer@lombardy.example", invited_by=coordinator)


def test_coordinator_invites_and_the_invitee_gets_a_one_time_link(
    login, coordinator, org_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = login(coordinator).post(
            reverse("partners:invitation_create"),
            {"email": "New.Partner@Lombardy.example", "organisation": org_a.pk, "role": "viewer"},
        )

    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["new.partner@lombardy.example"]
    assert org_a.name in message.body
    token = link_in(message).split("/")[-3]
    invitation = Invitation.objects.get()
    assert invitation.token_hash == Invitation.hash_token(token)
    assert token not in invitation.token_hash
    listing = login(coordinator).get(reverse("partners:invitation_list"))
    assert "new.partner@lombardy.example" in listing.text
    assert "Pending" in listing.text


def test_invitation_form_rejects_a_malformed_email_with_a_message(login, coordinator, org_a):
    response = login(coordinator).post(
        reverse("partners:invitation_create"),
        {"email": "not-an-address", "organisation": org_a.pk, "role": "editor"},
    )

    assert response.status_code == 200
    assert "Enter a valid email address." in response.text
    assert 'value="not-an-address"' in response.text
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_inviting_the_same_address_again_revokes_the_earlier_link(
    login, coordinator, org_a, invitation
):
    first, _token = invitation
    login(coordinator).post(
        reverse("partners:invitation_create"),
        {"email": first.email, "organisation": org_a.pk, "role": "editor"},
    )

    first.refresh_from_db()
    assert first.revoked_at is not None
    assert Invitation.objects.filter(revoked_at=None).count() == 1


def test_new_invitee_sets_a_password_and_lands_in_their_region(login, invitation, region_a):
    _record, token = invitation
    client = login(None)

    response = client.post(accept_url(token), NEW_ACCOUNT)

    assert response.status_code == 302
    assert response["Location"] == region_a.get_absolute_url()
    user = User.objects.get(email="newcomer@lombardy.example")
    assert user.memberships.get().role == Membership.Role.EDITOR
    assert EmailAddress.objects.get(user=user).verified
    page = client.get(region_a.get_absolute_url())
    assert "you are now editor" in page.text
    assert reverse("partners:instrument_create", args=[region_a.slug]) in page.text


def test_mismatched_or_weak_passwords_are_explained_and_the_link_stays_valid(login, invitation):
    record, token = invitation
    client = login(None)

    mismatch = client.post(accept_url(token), {**NEW_ACCOUNT, "password2": STRONG + "x"})
    weak = client.post(accept_url(token), {**NEW_ACCOUNT, "password1": "123", "password2": "123"})

    assert mismatch.status_code == weak.status_code == 400
    assert "The two passwords do not match." in mismatch.text
    assert "This password is too short" in weak.text
    assert not User.objects.filter(email=record.email).exists()
    record.refresh_from_db()
    assert record.is_open


def test_new_invitee_saves_the_name_partners_will_read(login, invitation):
    record, token = invitation

    login(None).post(accept_url(token), {**NEW_ACCOUNT, "first_name": " Nora "})

    user = User.objects.get(email=record.email)
    assert (user.first_name, user.last_name) == ("Nora", "New")


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("first_name", "Please enter your first name."),
        ("last_name", "Please enter your last name."),
    ],
)
def test_accepting_without_a_name_is_explained_and_keeps_what_was_typed(
    login, invitation, missing, message
):
    record, token = invitation

    response = login(None).post(accept_url(token), {**NEW_ACCOUNT, missing: "  "})

    assert response.status_code == 400
    assert message in response.text
    form = response.context["form"]
    other = "last_name" if missing == "first_name" else "first_name"
    assert form[other].value() == NEW_ACCOUNT[other]
    assert not User.objects.filter(email=record.email).exists()
    record.refresh_from_db()
    assert record.is_open


def test_a_name_with_a_line_break_is_refused(login, invitation):
    record, token = invitation

    response = login(None).post(accept_url(token), {**NEW_ACCOUNT, "last_name": "New\nBcc: x"})

    assert response.status_code == 400
    assert not User.objects.filter(email=record.email).exists()


def test_an_invitation_link_works_once(login, invitation):
    _record, token = invitation
    login(None).post(accept_url(token), NEW_ACCOUNT)

    second = login(None).post(accept_url(token), NEW_ACCOUNT)

    assert second.status_code == 410
    assert "no longer valid" in second.text
    assert Membership.objects.count() == 1


@pytest.mark.parametrize("state", ["expired", "revoked"])
def test_expired_or_revoked_invitations_cannot_be_accepted(login, invitation, state):
    record, token = invitation
    if state == "expired":
        record.expires_at = timezone.now() - timedelta(minutes=1)
    else:
        record.revoked_at = timezone.now()
    record.save()

    response = login(None).post(accept_url(token), NEW_ACCOUNT)

    assert response.status_code == 410
    assert not User.objects.filter(email=record.email).exists()


def test_an_unknown_token_answers_404(login, db):
    assert login(None).get(accept_url("guessed-token")).status_code == 404


def test_coordinator_revokes_a_pending_invitation(login, coordinator, invitation):
    record, token = invitation

    login(coordinator).post(reverse("partners:invitation_revoke", args=[record.pk]))

    assert login(None).get(accept_url(token)).status_code == 410


def test_existing_account_is_asked_to_sign_in_then_accepts(login, org_b, outsider, region_b):
    _record, token = factories.make_invitation(org_b, outsider.email, role="viewer")
    anonymous = login(None).get(accept_url(token))
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("account_login"))

    client = login(outsider)
    assert "Accept invitation" in client.get(accept_url(token)).text
    response = client.post(accept_url(token))

    assert response["Location"] == region_b.get_absolute_url()
    assert outsider.memberships.get(organisation=org_b).role == "viewer"


def test_someone_else_signed_in_cannot_take_the_invitation(login, org_b, outsider, owner):
    record, token = factories.make_invitation(org_b, outsider.email)

    response = login(owner).post(accept_url(token))

    assert "signed in with another account" in response.text
    assert not owner.memberships.filter(organisation=org_b).exists()
    record.refresh_from_db()
    assert record.is_open
