"""/accounts/data/: a signed-in person downloads everything the portal holds about them, or
deletes their account; what they wrote stays, attributed to their organisation."""

import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib.auth import authenticate
from django.urls import reverse

from events.models import Registration, RegistrationStatus
from interventures.activity.models import ActivityEntry
from interventures.activity.services import log_action
from partners.models import Invitation, User
from practices.models import Interest
from reports.models import ReviewComment, SectionDraft
from reports.services import comment_add, draft_autosave, section_save
from tests.harness import factories

PAGE = reverse("account_data")
EXPORT = reverse("account_data_export")
DELETE = reverse("account_delete")


def signed_in(client_factory, user):
    """A client signed in through allauth (password), so that a session record exists."""
    client = client_factory(None)
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": factories.PASSWORD}
    )
    assert response.status_code == 302, response.content[:500]
    return client


def section_of(report, key="opportunities"):
    return report.sections.get(key=key)


@pytest.fixture
def owners_work(owner, colleague, region_a, stakeholder):
    """Olivia (the owner) wrote a section, a comment and a draft, registered for an event and
    sent an interest message; her colleague commented too (which is not hers)."""
    report = factories.make_report(region_a, title="Lombardy report")
    section = section_save(
        section=section_of(report), author=owner, body="<p>Ports bring buyers.</p>", base_version=0
    )
    comment_add(report=report, author=owner, body="My own remark on the figures.")
    comment_add(report=report, author=colleague, body="Carlo's remark on the sources.")
    draft_autosave(
        section=section, author=owner, body="<p>Olivia's private draft</p>", base_version=1
    )
    event = factories.make_event(region_a, title="Matchmaking day")
    Registration.objects.create(event=event, user=owner, status=RegistrationStatus.CONFIRMED)
    Registration.objects.create(event=event, user=stakeholder, status=RegistrationStatus.WAITING)
    practice = factories.make_practice(region_a, title="Export vouchers")
    Interest.objects.create(
        practice=practice,
        user=owner,
        name="Olivia Owner",
        email=owner.email,
        message="We would like to learn how vouchers work.",
        consent_at=report.created_at,
    )
    return report


def download(client) -> dict:
    response = client.post(EXPORT)
    assert response.status_code == 200
    return json.loads(response.content)


# --- the page ---------------------------------------------------------------------------------


def test_the_account_menu_leads_to_the_data_page(login, stakeholder):
    home = login(stakeholder).get(reverse("home")).text

    assert f'href="{PAGE}"' in home
    page = login(stakeholder).get(PAGE)
    assert page.status_code == 200
    assert "Download my data" in page.text
    assert "Delete my account" in page.text


def test_visitors_are_sent_to_sign_in(login):
    for url in (PAGE, EXPORT, DELETE):
        response = login(None).post(url) if url != PAGE else login(None).get(url)
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]


# --- the export -------------------------------------------------------------------------------


def test_the_download_is_a_private_json_attachment(login, stakeholder):
    response = login(stakeholder).post(EXPORT)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="interventures-my-data')
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control


def test_the_export_holds_the_persons_data(client, owner, owners_work, org_a):
    browser = signed_in(lambda _user: client, owner)
    factories.activate_mfa(owner)
    data = download(browser)

    assert data["account"]["email"] == "owner@lombardy.example"
    assert data["account"]["first_name"] == "Olivia"
    assert [address["email"] for address in data["email_addresses"]] == [owner.email]
    assert data["memberships"] == [
        {"organisation": org_a.name, "role": "editor", "since": data["memberships"][0]["since"]}
    ]
    assert len(data["sessions"]) == 1
    assert data["sessions"][0]["ip_address"] == "127.0.0.1"
    assert {factor["type"] for factor in data["second_factors"]} == {"totp", "recovery_codes"}
    assert [version["section"] for version in data["section_versions_saved"]] == ["Opportunities"]
    assert [draft["text"] for draft in data["section_drafts"]] == ["<p>Olivia's private draft</p>"]
    assert [comment["text"] for comment in data["comments"]] == ["My own remark on the figures."]
    assert [r["event"] for r in data["event_registrations"]] == ["Matchmaking day"]
    message = data["interest_messages_sent"][0]
    assert message["message"] == "We would like to learn how vouchers work."
    assert "Export vouchers" in [p["title"] for p in data["practices_of_my_organisations"]]
    assert "section.saved" in [entry["what"] for entry in data["activity"]]


def test_the_export_holds_nobody_elses_data(login, owner, owners_work, colleague, stakeholder):
    text = json.dumps(download(login(owner)))

    assert "Carlo" not in text
    assert colleague.email not in text
    assert stakeholder.email not in text


def test_the_export_never_holds_a_secret(login, owner):
    factories.activate_mfa(owner)
    client = login(owner)

    text = json.dumps(download(client))

    assert owner.password not in text
    assert client.session.session_key not in text
    for authenticator in Authenticator.objects.filter(user=owner):
        for value in authenticator.data.values():
            if isinstance(value, str) and len(value) > 8:
                assert value not in text


def test_invitations_sent_name_no_invitee(login, coordinator, org_a):
    factories.make_invitation(org_a, email="invitee@example.org", invited_by=coordinator)

    data = download(login(coordinator))

    assert data["invitations_sent"][0]["organisation"] == org_a.name
    assert "invitee@example.org" not in json.dumps(data)


def test_the_download_is_logged(login, stakeholder):
    download(login(stakeholder))

    entry = ActivityEntry.objects.get(verb="account.data_exported")
    assert entry.actor == stakeholder
    assert entry.label == "Downloaded their personal data"


# --- deleting the account ---------------------------------------------------------------------


def test_a_wrong_password_deletes_nothing_and_says_so(login, owner, owners_work):
    response = login(owner).post(DELETE, {"password": "not my password"})

    assert response.status_code == 400
    assert "This is not your password. Nothing was deleted." in response.text
    owner.refresh_from_db()
    assert owner.is_active
    assert owner.first_name == "Olivia"
    assert owner.erased_at is None
    assert EmailAddress.objects.filter(user=owner).exists()
    assert SectionDraft.objects.filter(author=owner).exists()
    assert Registration.objects.filter(user=owner).exists()
    assert not ActivityEntry.objects.filter(verb="account.deleted").exists()


def test_guessing_the_password_is_stopped_after_ten_tries(login, owner):
    client = login(owner)
    for _attempt in range(10):
        assert client.post(DELETE, {"password": "a guess"}).status_code == 400

    response = client.post(DELETE, {"password": factories.PASSWORD})

    assert response.status_code == 429
    assert "Too many attempts. Wait a minute, then try again." in response.text
    owner.refresh_from_db()
    assert owner.is_active


def test_an_empty_password_is_asked_for(login, stakeholder):
    response = login(stakeholder).post(DELETE, {"password": ""})

    assert response.status_code == 400
    assert 'id="error-summary"' in response.text
    stakeholder.refresh_from_db()
    assert stakeholder.is_active


def delete_account(client, user):
    return client.post(DELETE, {"password": factories.PASSWORD})


def test_deleting_erases_the_personal_data(client, owner, owners_work, org_a):
    invitation, _token = factories.make_invitation(org_a, email=owner.email)
    log_action(actor=None, verb="invitation.sent", target=invitation)
    browser = signed_in(lambda _user: client, owner)
    factories.activate_mfa(owner)
    assert UserSession.objects.filter(user=owner).exists()

    response = delete_account(browser, owner)

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    owner.refresh_from_db()
    assert (owner.first_name, owner.last_name, owner.language) == ("", "", "")
    assert owner.email == f"deleted-{owner.pk}@deleted.invalid"
    assert not owner.has_usable_password()
    assert not owner.is_active
    assert owner.erased_at is not None
    assert not EmailAddress.objects.filter(user=owner).exists()
    assert not UserSession.objects.filter(user=owner).exists()
    assert not Authenticator.objects.filter(user=owner).exists()
    assert not SectionDraft.objects.filter(author=owner).exists()
    assert not Invitation.objects.filter(pk=invitation.pk).exists()
    assert "owner@lombardy.example" not in "".join(
        ActivityEntry.objects.values_list("object_repr", flat=True)
    )
    assert browser.get(PAGE).status_code == 302  # signed out
    assert authenticate(email="owner@lombardy.example", password=factories.PASSWORD) is None


def test_deleting_keeps_the_contributions_attributed_to_the_organisation(
    login, owner, owners_work, colleague
):
    delete_account(login(owner), owner)

    section = section_of(owners_work)
    assert section.last_edited_by_id == owner.pk
    assert ReviewComment.objects.filter(author=owner).count() == 1
    page = login(colleague).get(owners_work.get_absolute_url()).text
    assert "a former partner of Lombardy Chamber of Commerce" in page
    assert "Olivia" not in page.split("<main")[1]
    history = login(colleague).get(reverse("reports:report_history", args=[owners_work.pk])).text
    assert "a former partner of Lombardy Chamber of Commerce" in history


def test_deleting_anonymises_registrations_and_interest_messages(login, owner, owners_work):
    registration = Registration.objects.get(user=owner)
    interest = Interest.objects.get(user=owner)

    delete_account(login(owner), owner)

    registration.refresh_from_db()
    interest.refresh_from_db()
    assert registration.user is None
    assert registration.anonymised_at is not None
    assert registration.status == RegistrationStatus.CANCELLED  # the event is still to come
    assert (interest.user, interest.name, interest.email, interest.message) == (None, "", "", "")
    waiting = Registration.objects.get(user__email="stakeholder@example.org")
    assert waiting.status == RegistrationStatus.CONFIRMED  # the freed seat moved up


def test_deleting_is_logged_without_a_name(login, owner):
    delete_account(login(owner), owner)

    entry = ActivityEntry.objects.get(verb="account.deleted")
    assert entry.actor == owner
    assert entry.label == "Deleted their account"
    assert "Olivia" not in str(entry.data) + entry.object_repr


def test_after_deleting_one_cannot_sign_in(login, stakeholder):
    delete_account(login(stakeholder), stakeholder)

    response = login(None).post(
        reverse("account_login"),
        {"login": "stakeholder@example.org", "password": factories.PASSWORD},
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in response.wsgi_request.session


def test_the_last_coordinator_cannot_delete_their_account(login, coordinator):
    page = login(coordinator).get(PAGE).text
    assert "last coordinator" in page

    response = login(coordinator).post(DELETE, {"password": factories.PASSWORD})

    assert response.status_code == 400
    assert "last coordinator" in response.text
    coordinator.refresh_from_db()
    assert coordinator.is_active
    assert coordinator.email == "coordinator@interventures.example"


def test_a_coordinator_may_go_when_another_remains(login, coordinator):
    factories.make_user("second@interventures.example", is_coordinator=True)

    response = login(coordinator).post(DELETE, {"password": factories.PASSWORD})

    assert response.status_code == 302
    assert User.objects.get(pk=coordinator.pk).erased_at is not None
