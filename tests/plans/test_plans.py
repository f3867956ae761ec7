"""Action plans: the list, a plan's page, starting one (the roles that may and may not, bad
input, query counts that do not grow with rows)."""

import pytest
from django.urls import reverse

from interventures.activity.selectors import entries_for
from plans.models import ActionPlan, PlanStatus
from reports.models import ReportStatus
from tests.harness import factories
from tests.harness.queries import assert_queries_do_not_grow, count_queries

LIST_URL = reverse("plans:plan_list")
CREATE_URL = reverse("plans:plan_create")


def detail_url(plan):
    return reverse("plans:plan_detail", kwargs={"pk": plan.pk})


@pytest.fixture
def plan_a(region_a, instrument_a, org_a):
    return factories.make_plan(
        region_a, instrument=instrument_a, organisation=org_a, title="Lombardy export plan"
    )


@pytest.fixture
def approved_plan_a(plan_a):
    plan_a.status = PlanStatus.APPROVED
    plan_a.save(update_fields=["status"])
    return plan_a


# --- the list ---------------------------------------------------------------------------------


def test_visitors_see_approved_plans_only(login, plan_a, region_b, instrument_b):
    approved = factories.make_plan(region_b, instrument=instrument_b, status="approved")
    page = login(None).get(LIST_URL).text
    assert approved.title in page
    assert plan_a.title not in page


def test_the_regions_partners_see_their_draft_in_the_list_with_its_details(
    login, colleague, plan_a, instrument_a
):
    page = login(colleague).get(LIST_URL).text
    assert plan_a.title in page
    assert instrument_a.name in page
    assert "Lombardy" in page
    assert "Draft" in page


def test_an_editor_is_offered_to_start_their_regions_plan(login, owner, colleague):
    assert CREATE_URL in login(owner).get(LIST_URL).text
    assert CREATE_URL not in login(colleague).get(LIST_URL).text
    assert CREATE_URL not in login(None).get(LIST_URL).text


def test_the_list_takes_the_same_queries_however_many_plans(login, coordinator):
    client = login(coordinator)

    def make_rows(count):
        for _index in range(count):
            region = factories.make_region()
            factories.make_plan(region, actions=2)

    assert_queries_do_not_grow(client, LIST_URL, make_rows, few=1, many=5)


# --- starting a plan --------------------------------------------------------------------------


def create_data(region, instrument, organisation, /, **overrides):
    data = {
        "region": region.pk,
        "instrument": instrument.pk,
        "organisation": organisation.pk,
        "title": "Export plan",
        "language": "it",
        "nuts2_region": "ITC4 Lombardia",
        "contact_name": "Paola Rossi",
        "structural_funds": "True",
    }
    data.update(overrides)
    return data


def test_an_editor_starts_the_plan_of_their_region(login, owner, region_a, instrument_a, org_a):
    response = login(owner).post(CREATE_URL, create_data(region_a, instrument_a, org_a))
    plan = ActionPlan.objects.get()
    assert response.status_code == 302
    assert response.url == detail_url(plan)
    assert (plan.region, plan.status, plan.structural_funds) == (region_a, "draft", True)
    assert entries_for(plan).filter(verb="plan.created", actor=owner).exists()


def test_an_editor_cannot_start_a_plan_for_another_region(
    login, owner, region_b, instrument_b, org_b
):
    response = login(owner).post(CREATE_URL, create_data(region_b, instrument_b, org_b))
    assert response.status_code == 400
    assert not ActionPlan.objects.exists()


def test_another_regions_instrument_is_refused(login, owner, region_a, org_a, instrument_b):
    response = login(owner).post(CREATE_URL, create_data(region_a, instrument_b, org_a))
    assert response.status_code == 400
    assert not ActionPlan.objects.exists()


def test_a_second_plan_for_the_same_instrument_is_a_form_error(
    login, owner, plan_a, region_a, instrument_a, org_a
):
    response = login(owner).post(CREATE_URL, create_data(region_a, instrument_a, org_a))
    assert response.status_code == 400
    assert "already has an action plan" in response.text
    assert ActionPlan.objects.count() == 1


@pytest.mark.parametrize(
    "overrides",
    [
        {"title": "x" * 201},
        {"title": ""},
        {"title": "Two\nlines"},
        {"contact_name": "y" * 121},
        {"language": "xx"},
        {"structural_funds": "maybe"},
        {"region": "999999"},
        {"instrument": "not a number"},
    ],
    ids=str,
)
def test_bad_input_to_the_new_plan_form_is_explained(
    login, owner, region_a, instrument_a, org_a, overrides
):
    response = login(owner).post(
        CREATE_URL, create_data(region_a, instrument_a, org_a, **overrides)
    )
    assert response.status_code == 400
    assert "error-summary" in response.text
    assert not ActionPlan.objects.exists()


def test_viewers_and_coordinators_cannot_start_a_plan(login, colleague, coordinator):
    assert login(colleague).get(CREATE_URL).status_code == 403
    assert login(coordinator).get(CREATE_URL).status_code == 403


# --- a plan's page ----------------------------------------------------------------------------


def test_an_outsider_gets_404_on_a_draft_plan(login, outsider, stakeholder, plan_a):
    assert login(outsider).get(detail_url(plan_a)).status_code == 404
    assert login(stakeholder).get(detail_url(plan_a)).status_code == 404
    assert login(None).get(detail_url(plan_a)).status_code == 404


def test_an_approved_plan_is_public_but_its_history_is_not(login, approved_plan_a):
    visitor = login(None)
    page = visitor.get(detail_url(approved_plan_a))
    assert page.status_code == 200
    assert reverse("plans:monitoring", kwargs={"pk": approved_plan_a.pk}) in page.text
    assert 'id="monitoring-periods-title"' in page.text
    history_url = reverse("plans:plan_history", kwargs={"pk": approved_plan_a.pk})
    assert history_url not in page.text
    assert visitor.get(history_url).status_code == 404


def test_the_page_shows_the_plan_in_interreg_europes_structure(login, colleague, plan_a, region_a):
    report = factories.make_report(
        region_a, status=ReportStatus.APPROVED, texts={"barriers": "<p>Few exporters.</p>"}
    )
    section = report.sections.get(key="barriers")
    practice = factories.make_practice(region_a, title="Export vouchers")
    transfer = practice.transfers.create(region=region_a, stage="study")
    action = plan_a.actions.get()
    action.report_sections.add(section)
    action.practices.add(practice)
    action.transfers.add(transfer)
    page = login(colleague).get(detail_url(plan_a)).text
    for heading in ("General information", "Policy context", "Actions"):
        assert heading in page
    assert f'id="action-{action.pk}"' in page
    assert f"{report.get_absolute_url()}#section-barriers" in page
    assert practice.get_absolute_url() in page
    assert "Export vouchers</a> → Lombardy, study" in page
    assert "Paola Rossi" in page


def test_a_link_to_a_draft_report_is_not_shown_to_visitors(login, approved_plan_a, region_a):
    report = factories.make_report(
        region_a, title="Private draft", texts={"barriers": "<p>Few exporters.</p>"}
    )
    approved_plan_a.actions.get().report_sections.add(report.sections.get(key="barriers"))
    assert "Private draft" not in login(None).get(detail_url(approved_plan_a)).text


def test_an_editor_sees_what_the_plan_lacks_before_submitting(login, owner, plan_a):
    plan_a.policy_context = ""
    plan_a.language = "it"
    plan_a.save()
    page = login(owner).get(detail_url(plan_a)).text
    assert "Next step" in page
    assert "the policy context" in page
    assert "a summary in English" in page


def test_a_viewer_gets_no_edit_or_workflow_buttons(login, colleague, plan_a):
    page = login(colleague).get(detail_url(plan_a)).text
    assert 'id="monitoring-periods-title"' not in page  # a draft has no monitoring yet
    assert reverse("plans:plan_edit", kwargs={"pk": plan_a.pk}) not in page
    assert reverse("plans:plan_submit", kwargs={"pk": plan_a.pk}) not in page
    assert reverse("plans:plan_history", kwargs={"pk": plan_a.pk}) in page


def test_the_page_offers_the_pdf_in_each_language(login, colleague, plan_a):
    page = login(colleague).get(detail_url(plan_a)).text
    assert reverse("plans:plan_pdf", kwargs={"pk": plan_a.pk}) in page
    assert 'name="lang"' in page


def _with_links(plan, region, count):
    """`count` more actions, each with three links (a section, a practice, a transfer)."""
    from plans.models import Action

    for _index in range(count):
        report = factories.make_report(region, texts={"barriers": "<p>Text.</p>"})
        practice = factories.make_practice(region)
        transfer = practice.transfers.create(region=region, stage="study")
        action = Action.objects.create(
            plan=plan, title="More", improvement_type="management", position=99
        )
        action.report_sections.add(report.sections.get(key="barriers"))
        action.practices.add(practice)
        action.transfers.add(transfer)


def test_the_page_takes_the_same_queries_with_one_or_five_actions(
    login, owner, region_a, instrument_a
):
    plan = factories.make_plan(region_a, instrument=instrument_a, actions=0)
    client = login(owner)
    _with_links(plan, region_a, 1)
    client.get(detail_url(plan))
    one, _queries = count_queries(client, detail_url(plan))
    _with_links(plan, region_a, 4)
    five, queries = count_queries(client, detail_url(plan))
    assert one == five, "\n".join(queries)
