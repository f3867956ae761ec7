"""Policy instruments: a region's editors manage them; nobody else may."""

import pytest
from django.urls import reverse

from partners.access import filter_editable_by_region
from partners.models import PolicyInstrument

VALID = {
    "name": "Interreg V-A Hungary–Croatia Cooperation Programme",
    "managing_authority": "Prime Minister's Office",
    "kind": PolicyInstrument.Kind.ETC,
    "period": "2014-2020",
    "improvement": "More SMEs ready for cross-border calls.",
    "status": PolicyInstrument.Status.ANALYSIS,
}


def edit_url(instrument, region=None):
    region = region or instrument.region
    return reverse("partners:instrument_edit", args=[region.slug, instrument.pk])


def test_editor_adds_an_instrument_to_their_region(login, owner, region_a):
    response = login(owner).post(reverse("partners:instrument_create", args=[region_a.slug]), VALID)

    assert response.status_code == 302
    assert response["Location"] == region_a.get_absolute_url()
    instrument = PolicyInstrument.objects.get(name=VALID["name"])
    assert instrument.region == region_a


def test_editor_edits_their_region_instrument_and_sees_it_on_the_region_page(
    login, owner, instrument_a
):
    client = login(owner)
    client.post(edit_url(instrument_a), {**VALID, "name": "Renamed programme"})

    page = client.get(instrument_a.region.get_absolute_url())
    assert "Renamed programme" in page.text
    assert "“Renamed programme” was saved." in page.text


def test_editor_cannot_edit_other_region_instrument(login, owner, instrument_b):
    response = login(owner).post(edit_url(instrument_b), {**VALID, "name": "Hijacked"})

    assert response.status_code == 403
    instrument_b.refresh_from_db()
    assert instrument_b.name != "Hijacked"


def test_editor_cannot_reach_other_region_instrument_through_own_region_url(
    login, owner, region_a, instrument_b
):
    response = login(owner).post(edit_url(instrument_b, region=region_a), VALID)

    assert response.status_code == 404


@pytest.mark.parametrize("role", ["colleague", "coordinator", "stakeholder"])
def test_only_editors_of_the_region_may_change_its_instruments(
    login, user_of_role, role, instrument_a
):
    response = login(user_of_role(role)).post(edit_url(instrument_a), {**VALID, "name": "Changed"})

    assert response.status_code == 403
    instrument_a.refresh_from_db()
    assert instrument_a.name != "Changed"


def test_empty_instrument_form_names_every_missing_field_and_saves_nothing(login, owner, region_a):
    response = login(owner).post(reverse("partners:instrument_create", args=[region_a.slug]), {})

    assert response.status_code == 200
    assert "Please correct the following" in response.text
    for field in ("id_name", "id_kind", "id_improvement"):
        assert f'href="#{field}"' in response.text
    assert not PolicyInstrument.objects.filter(region=region_a).exists()


def test_invalid_edit_keeps_the_typed_text_and_the_saved_instrument(login, owner, instrument_a):
    saved_name = instrument_a.name
    response = login(owner).post(
        edit_url(instrument_a),
        {**VALID, "name": "x" * 251, "kind": "no-such-kind", "improvement": "Typed by the user"},
    )

    assert response.status_code == 200
    assert "Ensure this value has at most 250 characters" in response.text
    assert "Select a valid choice" in response.text
    assert "Typed by the user" in response.text
    instrument_a.refresh_from_db()
    assert instrument_a.name == saved_name


def test_delete_asks_first_then_deletes_on_post(login, owner, instrument_a):
    client = login(owner)
    url = reverse("partners:instrument_delete", args=[instrument_a.region.slug, instrument_a.pk])

    confirmation = client.get(url)
    assert "This cannot be undone" in confirmation.text
    assert PolicyInstrument.objects.filter(pk=instrument_a.pk).exists()

    client.post(url)
    assert not PolicyInstrument.objects.filter(pk=instrument_a.pk).exists()


def test_region_page_offers_edit_buttons_to_its_editors_only(login, owner, outsider, instrument_a):
    page_for_owner = login(owner).get(instrument_a.region.get_absolute_url())
    page_for_outsider = login(outsider).get(instrument_a.region.get_absolute_url())

    assert edit_url(instrument_a) in page_for_owner.text
    assert instrument_a.name in page_for_outsider.text
    assert edit_url(instrument_a) not in page_for_outsider.text


def test_editable_by_lists_only_the_editors_region(owner, instrument_a, instrument_b):
    assert list(filter_editable_by_region(PolicyInstrument.objects.all(), owner)) == [instrument_a]
