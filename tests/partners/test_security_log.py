"""Security events land in the activity log, where coordinators can filter them: sign-ins and
their failures, lock-outs, second factors, passwords, sessions, roles and memberships."""

import pytest
from django.test import Client
from django.urls import reverse

from interventures.activity.models import ActivityEntry
from partners.models import Membership
from tests.harness import factories
from tests.harness.mfa import totp_code

ACTIVITY = reverse("activity_list")


def sign_in(client, email, password=factories.PASSWORD, **headers):
    return client.post(reverse("account_login"), {"login": email, "password": password}, **headers)


def entries(verb):
    return list(ActivityEntry.objects.filter(verb=verb).order_by("pk"))


def test_a_sign_in_is_recorded_with_the_clients_address(stakeholder):
    sign_in(Client(), stakeholder.email, REMOTE_ADDR="203.0.113.7")

    [entry] = entries("account.signed_in")
    assert entry.actor == stakeholder
    assert entry.target == stakeholder
    assert entry.data["ip"] == "203.0.113.7"


def test_a_wrong_password_is_recorded_against_the_account(stakeholder):
    sign_in(Client(), stakeholder.email, password="not-the-password")

    [entry] = entries("account.sign_in_failed")
    assert entry.actor is None
    assert entry.target == stakeholder
    assert entry.data["email"] == stakeholder.email


def test_a_sign_in_with_an_unknown_address_is_recorded_without_an_account(db):
    sign_in(Client(), "nobody@example.org")

    [entry] = entries("account.sign_in_failed")
    assert entry.target is None
    assert entry.details == "nobody@example.org · 127.0.0.1"


def test_a_lock_out_after_too_many_failures_is_recorded(stakeholder):
    client = Client()
    for _attempt in range(6):
        sign_in(client, stakeholder.email, password="not-the-password")

    [entry] = entries("account.locked_out")
    assert entry.data["email"] == stakeholder.email
    assert not entries("account.signed_in")


def test_a_changed_password_is_recorded(login, stakeholder):
    login(stakeholder).post(
        reverse("account_change_password"),
        {
            "oldpassword": factories.PASSWORD,
            "password1": "a-new-long-passphrase-2026",
            "password2": "a-new-long-passphrase-2026",
        },
    )

    [entry] = entries("account.password_changed")
    assert entry.actor == stakeholder


def test_adding_an_authenticator_app_is_recorded(stakeholder, django_capture_on_commit_callbacks):
    client = Client()
    sign_in(client, stakeholder.email)
    client.post(reverse("account_reauthenticate"), {"password": factories.PASSWORD})
    activate = reverse("mfa_activate_totp")
    client.get(activate)
    secret = client.session["mfa.totp.secret"]

    with django_capture_on_commit_callbacks(execute=True):
        client.post(activate, {"code": totp_code(stakeholder, secret=secret)})

    # allauth makes the recovery codes along with the first authenticator.
    assert [(entry.actor, entry.data["type"]) for entry in entries("mfa.added")] == [
        (stakeholder, "totp"),
        (stakeholder, "recovery_codes"),
    ]


def test_signing_out_other_sessions_is_recorded(stakeholder):
    elsewhere, here = Client(), Client()
    sign_in(elsewhere, stakeholder.email)
    sign_in(here, stakeholder.email)

    here.post(reverse("usersessions_list"), {"action": "end"})

    [entry] = entries("account.sessions_ended")
    assert (entry.actor, entry.data["count"]) == (stakeholder, 1)


def test_a_role_given_in_the_admin_is_recorded_with_who_gave_it(login, superuser, stakeholder):
    stakeholder.is_coordinator = True
    client = login(superuser)
    change = reverse("admin:partners_user_change", args=[stakeholder.pk])
    form = client.get(change).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        {
            "is_coordinator": "on",
            "is_active": "on",
            "groups": [],
            "user_permissions": [],
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
            "date_joined_0": stakeholder.date_joined.strftime("%Y-%m-%d"),
            "date_joined_1": stakeholder.date_joined.strftime("%H:%M:%S"),
        }
    )
    data.pop("date_joined", None)
    data.pop("last_login", None)

    response = client.post(change, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    [entry] = entries("account.roles_changed")
    assert entry.actor == superuser
    assert entry.target == stakeholder
    assert entry.data == {"is_coordinator": [False, True], "ip": "127.0.0.1"}


def test_a_membership_changed_and_removed_is_recorded(owner, org_a):
    membership = Membership.objects.get(user=owner, organisation=org_a)

    membership.role = Membership.Role.VIEWER
    membership.save()
    membership.delete()

    changed, removed = entries("membership.changed") + entries("membership.removed")
    assert changed.data == {"user": owner.pk, "role": "viewer", "from_role": "editor"}
    assert removed.target == org_a


@pytest.mark.parametrize("kind", ["security", "work"])
def test_coordinators_see_the_security_events_apart(login, coordinator, stakeholder, kind):
    sign_in(Client(), stakeholder.email, password="not-the-password")

    page = login(coordinator).get(ACTIVITY, {"kind": kind}).text

    assert (f"{stakeholder.email} · 127.0.0.1" in page) == (kind == "security")


def test_only_coordinators_read_the_security_events(login, owner, stakeholder):
    sign_in(Client(), stakeholder.email, password="not-the-password")

    assert login(owner).get(ACTIVITY, {"kind": "security"}).status_code == 403
    assert login(None).get(ACTIVITY).status_code == 302
