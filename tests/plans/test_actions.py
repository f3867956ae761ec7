"""The actions of a plan: adding, editing (with a version) and removing them, what they may link
to, bad input and hostile rich text."""

from decimal import Decimal

import pytest
from django.urls import reverse

from interventures.activity.selectors import entries_for
from plans.models import LARGEST_AMOUNT, MAX_ACTIONS, Action
from plans.services.plans import action_save
from tests.harness import factories
from tests.reports.test_sanitizer import XSS_BODY, assert_harmless


@pytest.fixture
def plan_a(region_a, instrument_a, org_a):
    return factories.make_plan(region_a, instrument=instrument_a, organisation=org_a)


@pytest.fixture
def action_a(plan_a):
    return plan_a.actions.get()


@pytest.fixture
def section_a(region_a):
    report = factories.make_report(
        region_a, title="Lombardy report", texts={"barriers": "<p>Few exporters.</p>"}
    )
    return report.sections.get(key="barriers")


def create_url(plan):
    return reverse("plans:action_create", kwargs={"pk": plan.pk})


def edit_url(action):
    return reverse("plans:action_edit", kwargs={"pk": action.plan_id, "action_pk": action.pk})


def remove_url(action):
    return reverse("plans:action_remove", kwargs={"pk": action.plan_id, "action_pk": action.pk})


def action_data(**overrides):
    data = {
        "title": "Export vouchers for first-time exporters",
        "background": "<p>The report found few exporters.</p>",
        "description": "<p>Open the voucher scheme to first-time exporters.</p>",
        "improvement_type": "management",
        "players": "Chamber of Commerce: runs the calls.",
        "starts_on": "2024-01-01",
        "ends_on": "2025-06-30",
        "cost": "25000.50",
        "currency": "eur",
        "funding_sources": "ERDF",
    }
    data.update(overrides)
    return data


def fresh(instance):
    instance.refresh_from_db()
    return instance


def test_an_editor_adds_an_action_with_its_links(login, owner, plan_a, section_a, region_a):
    practice = factories.make_practice(factories.make_region(), title="Vouchers abroad")
    transfer = practice.transfers.create(region=region_a, stage="study")
    response = login(owner).post(
        create_url(plan_a),
        action_data(
            report_sections=[section_a.pk], practices=[practice.pk], transfers=[transfer.pk]
        ),
    )
    action = plan_a.actions.order_by("position").last()
    assert response.status_code == 302
    assert response.url == action.get_absolute_url()
    assert (action.position, action.currency, action.cost) == (2, "EUR", Decimal("25000.50"))
    assert list(action.report_sections.all()) == [section_a]
    assert list(action.practices.all()) == [practice]
    assert list(action.transfers.all()) == [transfer]
    assert entries_for(plan_a).filter(verb="action.added", actor=owner).exists()


def test_the_form_labels_sections_by_report_and_lists_practices_with_their_region(
    login, owner, plan_a, section_a
):
    factories.make_practice(factories.make_region(name="Pomerania"), title="Trade desks")
    page = login(owner).get(create_url(plan_a)).text
    assert "Lombardy report · Barriers" in page
    assert "Trade desks (Pomerania)" in page
    assert "<legend" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": "x" * 201}, "too long"),
        ({"title": ""}, "required"),
        ({"starts_on": "2025-06-30", "ends_on": "2024-01-01"}, "end cannot be before the start"),
        ({"starts_on": "1800-01-01"}, "between the years"),
        ({"cost": "-1"}, "cannot be negative"),
        ({"cost": str(LARGEST_AMOUNT + 1)}, "too large"),
        ({"cost": "lots"}, "as a number"),
        ({"currency": "EURO"}, "too long"),
        ({"currency": "E1R"}, "three letters"),
        ({"improvement_type": "magic"}, "valid choice"),
        ({"starts_on": "31/31/2024"}, "Enter a date"),
    ],
    ids=lambda value: str(value)[:40],
)
def test_bad_input_to_the_action_form_is_explained_and_nothing_saved_is_lost(
    login, owner, action_a, overrides, message
):
    before = (fresh(action_a).title, fresh(action_a).version)
    response = login(owner).post(
        edit_url(action_a), action_data(base_version=action_a.version, **overrides)
    )
    assert response.status_code == 400
    assert message in response.text
    assert (fresh(action_a).title, fresh(action_a).version) == before


def test_a_section_of_another_regions_report_is_refused(login, owner, plan_a, region_b):
    other = factories.make_report(region_b, texts={"barriers": "<p>Theirs.</p>"})
    response = login(owner).post(
        create_url(plan_a),
        action_data(report_sections=[other.sections.get(key="barriers").pk]),
    )
    assert response.status_code == 400
    assert "not one of the choices" in response.text
    assert plan_a.actions.count() == 1


def test_a_transfer_to_another_region_is_refused(login, owner, plan_a, region_b):
    transfer = factories.make_practice(region_b).transfers.create(region=region_b, stage="study")
    response = login(owner).post(create_url(plan_a), action_data(transfers=[transfer.pk]))
    assert response.status_code == 400
    assert plan_a.actions.count() == 1


def test_an_unpublished_practice_is_refused(login, owner, plan_a, region_a):
    draft = factories.make_practice(region_a, status="draft")
    response = login(owner).post(create_url(plan_a), action_data(practices=[draft.pk]))
    assert response.status_code == 400


def test_a_plan_has_at_most_max_actions(login, owner, region_a, instrument_a):
    plan = factories.make_plan(region_a, instrument=instrument_a, actions=MAX_ACTIONS)
    client = login(owner)
    assert client.get(create_url(plan)).status_code == 302
    response = client.post(create_url(plan), action_data())
    assert response.status_code == 400
    assert plan.actions.count() == MAX_ACTIONS


def test_editing_an_action_makes_a_new_version(login, owner, action_a):
    response = login(owner).post(
        edit_url(action_a), action_data(base_version=0, title="Vouchers, renamed")
    )
    action = fresh(action_a)
    assert response.status_code == 302
    assert (action.title, action.version, action.last_edited_by) == ("Vouchers, renamed", 1, owner)
    assert entries_for(action.plan).filter(verb="action.saved").exists()


def test_a_stale_action_save_is_a_conflict_that_keeps_the_writers_text(
    login, owner, colleague, action_a
):
    action_save(
        action=action_a,
        author=owner,
        data={"description": "<p>Vouchers for Asia.</p>"},
        base_version=0,
    )
    response = login(owner).post(
        edit_url(action_a), action_data(base_version=0, description="<p>Vouchers for America.</p>")
    )
    assert response.status_code == 409
    assert fresh(action_a).description == "<p>Vouchers for Asia.</p>"
    assert "America." in response.text
    assert 'name="base_version" value="1"' in response.text


def test_a_viewer_cannot_add_edit_or_remove_actions(login, colleague, action_a):
    client = login(colleague)
    assert client.get(create_url(action_a.plan)).status_code == 403
    assert client.post(edit_url(action_a), action_data(base_version=0)).status_code == 403
    assert client.post(remove_url(action_a)).status_code == 403
    assert Action.objects.filter(pk=action_a.pk).exists()


def test_an_outsider_gets_404_on_the_actions_of_a_draft(login, outsider, action_a):
    assert login(outsider).get(edit_url(action_a)).status_code == 404


def test_an_action_of_another_plan_is_404(login, owner, plan_a, region_a):
    other = factories.make_plan(region_a, instrument=factories.make_instrument(region_a))
    url = reverse(
        "plans:action_edit", kwargs={"pk": plan_a.pk, "action_pk": other.actions.get().pk}
    )
    assert login(owner).get(url).status_code == 404


def test_removing_an_action_keeps_the_positions_in_order(login, owner, region_a, instrument_a):
    plan = factories.make_plan(region_a, instrument=instrument_a, actions=3)
    first, second, third = plan.actions.order_by("position")
    response = login(owner).post(remove_url(second))
    assert response.status_code == 302
    assert list(plan.actions.order_by("position").values_list("pk", "position")) == [
        (first.pk, 1),
        (third.pk, 2),
    ]
    assert entries_for(plan).filter(verb="action.removed", actor=owner).exists()


def test_removing_answers_only_a_post(login, owner, action_a):
    assert login(owner).get(remove_url(action_a)).status_code == 405


@pytest.mark.parametrize("field", ["background", "description"])
def test_scripts_in_an_actions_rich_text_are_stripped_on_save(login, owner, action_a, field):
    client = login(owner)
    response = client.post(edit_url(action_a), action_data(base_version=0, **{field: XSS_BODY}))
    assert response.status_code == 302
    assert_harmless(getattr(fresh(action_a), field))
    page = client.get(action_a.plan.get_absolute_url()).text
    assert "xss-script" not in page
    assert "onerror" not in page
