"""The demo data: the real partnership, loaded idempotently, with working demo accounts."""

import re
from pathlib import Path

from allauth.mfa.models import Authenticator
from django.core.management import call_command
from django.urls import reverse

from partners.models import Membership, PartnerOrganisation, PolicyInstrument, Region, User
from partners.people import person_label
from tests.harness.mfa import totp_code


def seed(password=None):
    call_command("seed_demo", password=password, stdout=open("/dev/null", "w"))  # noqa: SIM115


def can_sign_in(client, password, email="editor.lombardy@demo.interventures.eu"):
    return client.login(email=email, password=password)


def counts():
    return [
        m.objects.count() for m in (Region, PartnerOrganisation, PolicyInstrument, User, Membership)
    ]


def test_seed_loads_the_five_regions_their_partners_and_the_demo_accounts(db):
    seed()

    assert set(Region.objects.values_list("slug", flat=True)) == {
        "pecs",
        "lombardy",
        "podkarpackie",
        "castilla-y-leon",
        "klaipeda",
    }
    assert PartnerOrganisation.objects.get(kind="lead").short_name == "Pannon EGTC"
    assert PartnerOrganisation.objects.get(kind="advisory").region is None
    assert PolicyInstrument.objects.filter(region__slug="klaipeda", name__contains="2030").exists()
    assert counts() == [5, 9, 5, 12, 10]


def test_demo_accounts_have_names_usual_in_their_region(db):
    seed()

    def name(local_part):
        return User.objects.get(email=f"{local_part}@demo.interventures.eu").get_full_name()

    assert name("editor.lombardy") == "Giulia Bianchi"
    assert name("viewer.lombardy") == "Marco Ferrari"
    assert name("editor.pecs") == "Eszter Kovács"
    assert name("viewer.klaipeda") == "Tomas Kazlauskas"
    assert name("coordinator") == "Anna Horváth"
    assert name("stakeholder") == "Sofia Romano"
    assert not User.objects.filter(first_name="").exists()


def test_a_demo_partner_is_shown_by_name_and_organisation(db):
    seed()
    editor = User.objects.get(email="editor.podkarpackie@demo.interventures.eu")

    assert person_label(editor, names_shown=True) == (
        "Katarzyna Nowak (Rzeszów Regional Development Agency)"
    )


def test_seeding_twice_changes_nothing(db):
    seed()
    first = counts()
    seed()
    assert counts() == first


def test_new_demo_accounts_get_the_documented_password(client, db):
    seed()

    assert can_sign_in(client, "interventures-demo")
    assert can_sign_in(client, "interventures-demo", email="coordinator@demo.interventures.eu")


def test_seeding_again_keeps_a_password_someone_changed(client, db):
    seed()
    editor = User.objects.get(email="editor.lombardy@demo.interventures.eu")
    editor.set_password("my-own-password")
    editor.save()

    seed()

    assert can_sign_in(client, "my-own-password")
    assert not can_sign_in(client, "interventures-demo")


def test_seeding_again_hashes_no_password(db, monkeypatch):
    seed()
    hashed = []
    monkeypatch.setattr(
        "demo.management.commands.seed_demo.make_password", lambda raw: hashed.append(raw)
    )

    seed()

    assert hashed == []


def test_a_password_given_to_the_command_is_set_on_every_demo_account(client, db):
    seed()
    seed(password="another-demo-password")

    assert can_sign_in(client, "another-demo-password")
    assert can_sign_in(client, "another-demo-password", email="stakeholder@demo.interventures.eu")


def test_lombardy_editor_edits_lombardy_instrument_but_not_klaipedas(client, db):
    seed(password="another-demo-password")
    assert can_sign_in(client, "another-demo-password")
    lombardy = PolicyInstrument.objects.get(region__slug="lombardy")
    klaipeda = PolicyInstrument.objects.get(region__slug="klaipeda")

    own = client.get(reverse("partners:instrument_edit", args=["lombardy", lombardy.pk]))
    other = client.get(reverse("partners:instrument_edit", args=["klaipeda", klaipeda.pk]))

    assert own.status_code == 200
    assert other.status_code == 403


def test_health_check_answers_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.text == "ok\n"
    assert response["Content-Type"].startswith("text/plain")


def test_the_demo_coordinator_signs_in_with_the_totp_secret_the_readme_names(client, db):
    seed()
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    [secret] = set(re.findall(r"authenticator \(TOTP\) secret\s+`([A-Z2-7]{32})`", readme))
    email = "coordinator@demo.interventures.eu"

    password = "interventures-demo"
    asked = client.post(reverse("account_login"), {"login": email, "password": password})
    assert asked["Location"] == reverse("mfa_authenticate")
    client.post(reverse("mfa_authenticate"), {"code": totp_code(None, secret=secret)})

    assert client.get(reverse("activity_list")).status_code == 200


def test_seeding_again_keeps_the_demo_coordinators_authenticator(db):
    seed()
    seed()

    coordinator = User.objects.get(email="coordinator@demo.interventures.eu")
    assert Authenticator.objects.filter(user=coordinator).count() == 1
