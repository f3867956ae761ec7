"""Transfers: region B records how it studies or adopts region A's published practice; the
matrix of who learns from whom; the practice page and both region pages show the transfers."""

from datetime import date

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from practices import selectors, services
from practices.models import Transfer, TransferStage
from tests.harness import factories
from tests.harness.queries import assert_queries_do_not_grow


@pytest.fixture
def practice_a(region_a, org_a):
    return factories.make_practice(region_a, title="Lombardy export vouchers", slug="vouchers")


@pytest.fixture
def practice_b(region_b, org_b):
    return factories.make_practice(region_b, title="Klaipėda pre-accelerator", slug="pre-acc")


def create_url(practice):
    return reverse("practices:transfer_create", kwargs={"slug": practice.slug})


def edit_url(transfer):
    return reverse(
        "practices:transfer_edit", kwargs={"slug": transfer.practice.slug, "pk": transfer.pk}
    )


def form_data(region=None, **fields):
    data = {"stage": "study", "started_on": "2021-03-01", "updated_on": "", "notes": "We study it."}
    if region is not None:
        data["region"] = region.pk
    return {**data, **fields}


# --- recording a transfer ---------------------------------------------------------------------


def test_editor_of_another_region_records_a_transfer(login, outsider, practice_a, region_b):
    response = login(outsider).post(create_url(practice_a), form_data(region_b))
    assert response.status_code == 302
    assert response.url == practice_a.get_absolute_url()
    transfer = Transfer.objects.get(practice=practice_a)
    assert (transfer.region, transfer.stage) == (region_b, TransferStage.STUDY)
    assert transfer.started_on == date(2021, 3, 1)
    assert transfer.notes == "We study it."


def test_create_form_offers_only_the_editors_own_regions(login, outsider, practice_a):
    response = login(outsider).get(create_url(practice_a))
    assert response.status_code == 200
    choices = list(response.context["form"].fields["region"].queryset)
    assert choices == [outsider.memberships.get().organisation.region]


@pytest.mark.parametrize("role", ["owner", "colleague", "coordinator", "stakeholder"])
def test_other_roles_cannot_record_a_transfer(role, user_of_role, login, practice_a, region_b):
    client = login(user_of_role(role))
    assert client.get(create_url(practice_a)).status_code == 403
    assert client.post(create_url(practice_a), form_data(region_b)).status_code == 403
    assert not Transfer.objects.exists()


def test_visitor_is_sent_to_sign_in(login, practice_a, region_b):
    response = login(None).post(create_url(practice_a), form_data(region_b))
    assert response.status_code == 302
    assert reverse("account_login") in response.url
    assert not Transfer.objects.exists()


def test_practice_region_editor_cannot_record_own_practice(login, owner, practice_a, region_a):
    response = login(owner).post(create_url(practice_a), form_data(region_a))
    assert response.status_code == 403


def test_unpublished_practice_of_another_region_is_not_found(login, outsider, region_a, org_a):
    draft = factories.make_practice(region_a, status="draft")
    assert login(outsider).get(create_url(draft)).status_code == 404


def test_stage_not_allowed_is_refused_with_a_message(login, outsider, practice_a, region_b):
    response = login(outsider).post(create_url(practice_a), form_data(region_b, stage="stolen"))
    assert response.status_code == 400
    assert "is not a stage of a transfer" in response.content.decode()
    assert not Transfer.objects.exists()


def test_region_the_editor_does_not_edit_is_refused(login, outsider, practice_a, region_a):
    response = login(outsider).post(create_url(practice_a), form_data(region_a))
    assert response.status_code == 400
    assert "Choose a region you are an editor of" in response.content.decode()
    assert not Transfer.objects.exists()


def test_duplicate_region_is_refused_with_a_message(login, outsider, practice_a, region_b):
    Transfer.objects.create(practice=practice_a, region=region_b, stage="interest")
    response = login(outsider).post(create_url(practice_a), form_data(region_b))
    assert response.status_code == 400
    assert "already records a transfer of this practice" in response.content.decode()
    assert Transfer.objects.get().stage == TransferStage.INTEREST


def test_stage_date_before_start_is_refused(login, outsider, practice_a, region_b):
    data = form_data(region_b, started_on="2021-03-01", updated_on="2020-01-01")
    response = login(outsider).post(create_url(practice_a), data)
    assert response.status_code == 400
    assert not Transfer.objects.exists()


def test_service_refuses_the_practices_own_region(practice_a, region_a):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.transfer_create(practice=practice_a, region=region_a, stage="study")


# --- editing a transfer -----------------------------------------------------------------------


@pytest.fixture
def transfer(practice_a, region_b):
    return Transfer.objects.create(practice=practice_a, region=region_b, stage="study")


def test_learning_region_editor_moves_the_transfer_to_adopted(login, outsider, transfer):
    data = form_data(stage="adopted", updated_on="2022-05-02", notes="Adopted in 2022.")
    response = login(outsider).post(edit_url(transfer), data)
    assert response.status_code == 302
    transfer.refresh_from_db()
    assert transfer.stage == TransferStage.ADOPTED
    assert transfer.updated_on == date(2022, 5, 2)
    assert transfer.notes == "Adopted in 2022."


def test_edit_cannot_move_the_transfer_to_another_region(login, outsider, transfer, region_a):
    login(outsider).post(edit_url(transfer), form_data(region_a, stage="adopted"))
    transfer.refresh_from_db()
    assert transfer.region.slug == "klaipeda"


@pytest.mark.parametrize("role", ["owner", "colleague", "coordinator", "stakeholder"])
def test_only_learning_region_editors_edit_a_transfer(role, user_of_role, login, transfer):
    client = login(user_of_role(role))
    assert client.get(edit_url(transfer)).status_code == 403
    assert client.post(edit_url(transfer), form_data(stage="adopted")).status_code == 403
    transfer.refresh_from_db()
    assert transfer.stage == TransferStage.STUDY


def test_editor_of_a_third_region_cannot_edit(login, transfer):
    third = factories.make_region(name="Podkarpackie")
    editor = factories.make_user()
    factories.make_membership(editor, factories.make_organisation(third))
    assert login(editor).post(edit_url(transfer), form_data(stage="adopted")).status_code == 403


def test_edit_with_a_bad_stage_is_refused(login, outsider, transfer):
    response = login(outsider).post(edit_url(transfer), form_data(stage="finished"))
    assert response.status_code == 400
    assert "is not a stage of a transfer" in response.content.decode()
    transfer.refresh_from_db()
    assert transfer.stage == TransferStage.STUDY


def test_transfer_of_another_practice_is_not_found(login, outsider, transfer, region_a):
    other = factories.make_practice(region_a)
    url = reverse("practices:transfer_edit", kwargs={"slug": other.slug, "pk": transfer.pk})
    assert login(outsider).get(url).status_code == 404


# --- the practice page (partial) --------------------------------------------------------------


def render_partial(practice, user):
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string(
        "practices/_transfers.html", {"practice": practice, "user": user}, request=request
    )


def test_practice_partial_lists_transfers_and_offers_recording_to_other_editors(
    outsider, owner, transfer, practice_a
):
    html = render_partial(practice_a, outsider)
    assert "Klaipėda" in html
    assert "Study" in html
    assert create_url(practice_a) in html
    assert edit_url(transfer) in html
    owner_html = render_partial(practice_a, owner)
    assert create_url(practice_a) not in owner_html
    assert edit_url(transfer) not in owner_html


def test_practice_page_shows_its_transfers(login, transfer, practice_a):
    response = login(None).get(practice_a.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Klaipėda" in html
    assert "Study" in html
    assert create_url(practice_a) not in html


# --- the matrix -------------------------------------------------------------------------------


def test_matrix_counts_transfers_by_pair_and_stage(login, region_a, region_b, org_a, org_b):
    for stage in ("adopted", "study", "study"):
        Transfer.objects.create(
            practice=factories.make_practice(region_a), region=region_b, stage=stage
        )
    Transfer.objects.create(
        practice=factories.make_practice(region_b), region=region_a, stage="interest"
    )
    draft = factories.make_practice(region_b, status="draft")
    Transfer.objects.create(practice=draft, region=region_a, stage="study")

    matrix = selectors.transfer_matrix()
    cells = {(c.origin.slug, c.learner.slug): c for row in matrix.rows for c in row.cells}
    a_to_b = cells[("lombardy", "klaipeda")]
    assert a_to_b.total == 3
    assert dict(a_to_b.stages) == {"Study": 2, "Adopted": 1}
    assert a_to_b.heat == 3
    assert cells[("klaipeda", "lombardy")].total == 1  # the draft's transfer is not counted
    assert cells[("klaipeda", "lombardy")].heat == 1
    assert cells[("lombardy", "lombardy")].is_self
    assert matrix.total == 4
    assert len(matrix.transfers) == 4


def test_matrix_page_is_an_accessible_table_with_the_numbers(login, transfer):
    response = login(None).get(reverse("practices:transfer_matrix"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<caption" in html
    assert '<th scope="col"><a href="/regions/lombardy/">Lombardy</a></th>' in html
    assert '<th scope="row"><a href="/regions/lombardy/">Lombardy</a></th>' in html
    assert 'class="matrix-cell heat-1"><span class="matrix-total">1</span>' in html
    assert "<li>Study: 1</li>" in html
    assert "Lombardy export vouchers" in html  # the list under the table


def test_matrix_shades_one_two_and_three_or_more_transfers_apart_and_shows_the_totals(
    login, region_a, region_b, org_a, org_b
):
    region_c = factories.make_region(slug="pecs", name="Pécs")
    region_d = factories.make_region(slug="podkarpackie", name="Podkarpackie")
    for learner, count in ((region_b, 1), (region_c, 2), (region_d, 4)):
        for _ in range(count):
            practice = factories.make_practice(region_a)
            Transfer.objects.create(practice=practice, region=learner, stage="study")

    html = login(None).get(reverse("practices:transfer_matrix")).content.decode()

    for shade, count in ((1, 1), (2, 2), (3, 4)):
        assert f'class="matrix-cell heat-{shade}"><span class="matrix-total">{count}</span>' in html
    assert 'class="matrix-cell heat-4"' not in html
    assert '<th scope="col">Total</th>' in html
    assert '<td class="matrix-sum">7</td>' in html  # Lombardy's row, and all transfers
    assert "3 or more" in html  # the legend says what the darkest shade means


def test_matrix_queries_do_not_grow_with_transfers(login, region_a, region_b, org_a):
    def make_transfers(n):
        for _ in range(n):
            practice = factories.make_practice(region_a)
            Transfer.objects.create(practice=practice, region=region_b, stage="study")

    assert_queries_do_not_grow(login(None), reverse("practices:transfer_matrix"), make_transfers)


# --- region pages -----------------------------------------------------------------------------


def test_both_region_pages_show_the_transfer(login, transfer, practice_b):
    client = login(None)
    page_a = client.get(reverse("region_detail", kwargs={"slug": "lombardy"}))
    page_b = client.get(reverse("region_detail", kwargs={"slug": "klaipeda"}))
    html_a, html_b = page_a.content.decode(), page_b.content.decode()
    assert "Good practices" in html_a
    assert "Lombardy export vouchers" in html_a
    assert "by Klaipėda" in html_a
    assert "Lombardy export vouchers" in html_b
    assert "from Lombardy" in html_b
    assert "Klaipėda pre-accelerator" in html_b  # region B's own published practice
    assert "Klaipėda pre-accelerator" not in html_a


def test_region_page_hides_unpublished_practices(login, region_a, org_a):
    factories.make_practice(region_a, status="draft", title="Secret draft")
    page = login(None).get(reverse("region_detail", kwargs={"slug": "lombardy"}))
    assert "Secret draft" not in page.content.decode()


def test_region_page_queries_do_not_grow_with_transfers(login, region_a, region_b, org_a):
    def make_transfers(n):
        for _ in range(n):
            practice = factories.make_practice(region_a)
            Transfer.objects.create(practice=practice, region=region_b, stage="study")

    url = reverse("region_detail", kwargs={"slug": "klaipeda"})
    assert_queries_do_not_grow(login(None), url, make_transfers)
