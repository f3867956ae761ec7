"""The demo data: the real partnership, loaded idempotently, with working demo accounts."""

from django.core.management import call_command
from django.urls import reverse

from partners.models import Membership, PartnerOrganisation, PolicyInstrument, Region, User


def seed(password="interventures-demo"):
    call_command("seed_demo", password=password, stdout=open("/dev/null", "w"))  # noqa: SIM115


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


def test_seeding_twice_changes_nothing(db):
    seed()
    first = counts()
    seed()
    assert counts() == first


def test_lombardy_editor_edits_lombardy_instrument_but_not_klaipedas(client, db):
    seed(password="another-demo-password")
    assert client.login(
        email="editor.lombardy@demo.interventures.eu", password="another-demo-password"
    )
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
