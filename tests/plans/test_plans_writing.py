"""Writing a plan: its fields with a version (a stale save is a conflict that keeps the writer's
text), only while editable, only by the region's editors; bad input; hostile rich text."""

import re

import pytest
from django.urls import reverse

from interventures.activity.selectors import entries_for
from plans.models import PlanStatus
from plans.services.plans import plan_save
from tests.harness import factories
from tests.reports.test_sanitizer import XSS_BODY, assert_harmless


def edit_url(plan):
    return reverse("plans:plan_edit", kwargs={"pk": plan.pk})


def fresh(plan):
    plan.refresh_from_db()
    return plan


@pytest.fixture
def plan_a(region_a, instrument_a, org_a):
    return factories.make_plan(region_a, instrument=instrument_a, organisation=org_a)


@pytest.fixture
def second_editor(org_a):
    from partners.models import Membership

    user = factories.make_user("elena@lombardy.example", first_name="Elena", last_name="Rossi")
    factories.make_membership(user, org_a, Membership.Role.EDITOR)
    return user


def plan_data(plan, **overrides):
    data = {
        "title": plan.title,
        "organisation": plan.organisation_id,
        "instrument": plan.instrument_id,
        "language": plan.language,
        "nuts2_region": plan.nuts2_region,
        "contact_name": plan.contact_name,
        "structural_funds": "False",
        "policy_context": plan.policy_context,
        "english_summary": plan.english_summary,
        "base_version": plan.version,
    }
    data.update(overrides)
    return data


def test_an_editor_saves_the_plan_as_a_new_version(login, owner, plan_a):
    response = login(owner).post(
        edit_url(plan_a), plan_data(plan_a, policy_context="<p>Vouchers for exporters.</p>")
    )
    plan = fresh(plan_a)
    assert response.status_code == 302
    assert (plan.policy_context, plan.version, plan.last_edited_by) == (
        "<p>Vouchers for exporters.</p>",
        1,
        owner,
    )
    assert plan.history.latest().history_user == owner
    assert entries_for(plan).filter(verb="plan.saved", actor=owner).exists()


def test_saving_the_same_text_makes_no_new_version(login, owner, plan_a):
    login(owner).post(edit_url(plan_a), plan_data(plan_a))
    assert fresh(plan_a).version == 0


def test_a_viewer_cannot_edit_the_plan(login, colleague, plan_a):
    client = login(colleague)
    assert client.get(edit_url(plan_a)).status_code == 403
    assert client.post(edit_url(plan_a), plan_data(plan_a, title="Mine")).status_code == 403
    assert fresh(plan_a).title != "Mine"


def test_a_coordinator_cannot_edit_the_plan(login, coordinator, plan_a):
    assert login(coordinator).get(edit_url(plan_a)).status_code == 403


def test_another_regions_editor_gets_404(login, outsider, plan_a):
    assert login(outsider).get(edit_url(plan_a)).status_code == 404


def test_a_plan_in_review_cannot_be_edited(login, owner, plan_a):
    plan_a.status = PlanStatus.IN_REVIEW
    plan_a.save(update_fields=["status"])
    client = login(owner)
    response = client.post(edit_url(plan_a), plan_data(plan_a, title="Changed in review"))
    assert response.status_code == 302
    assert fresh(plan_a).title != "Changed in review"
    assert "cannot be changed now" in client.get(response.url).text


@pytest.mark.parametrize(
    "overrides",
    [
        {"title": "x" * 201},
        {"title": ""},
        {"nuts2_region": "a\nb"},
        {"policy_context": "<p>" + "w " * 30_000 + "</p>"},
        {"base_version": "-1"},
        {"base_version": "abc"},
        {"organisation": "999999"},
    ],
    ids=lambda value: next(iter(value)),
)
def test_bad_input_is_explained_and_nothing_saved_is_lost(login, owner, plan_a, overrides):
    before = fresh(plan_a).policy_context
    response = login(owner).post(edit_url(plan_a), plan_data(plan_a, **overrides))
    assert response.status_code == 400
    assert "error-summary" in response.text
    assert (fresh(plan_a).policy_context, fresh(plan_a).version) == (before, 0)


def test_the_instrument_of_another_plan_of_the_region_is_refused(login, owner, plan_a, region_a):
    other = factories.make_plan(region_a, instrument=factories.make_instrument(region_a))
    response = login(owner).post(edit_url(other), plan_data(other, instrument=plan_a.instrument_id))
    assert response.status_code == 400
    assert "already has an action plan" in response.text


# --- conflicts --------------------------------------------------------------------------------


@pytest.fixture
def stale_save(login, owner, second_editor, plan_a):
    """Elena saved the plan after Olivia opened it; Olivia then saves on the old version."""
    plan_save(
        plan=plan_a,
        author=second_editor,
        data={"policy_context": "<p>Vouchers for buyers from Asia.</p>"},
        base_version=0,
    )
    client = login(owner)
    response = client.post(
        edit_url(plan_a),
        plan_data(plan_a, policy_context="<p>Vouchers for buyers from America.</p>"),
    )
    return client, response


def test_saving_on_a_stale_version_keeps_the_newer_text_and_answers_409(stale_save, plan_a):
    _client, response = stale_save
    assert response.status_code == 409
    assert (fresh(plan_a).policy_context, fresh(plan_a).version) == (
        "<p>Vouchers for buyers from Asia.</p>",
        1,
    )
    assert "Elena Rossi (Lombardy Chamber of Commerce) saved version 1" in response.text


def test_the_conflict_shows_the_word_differences_and_keeps_the_writers_text(stale_save):
    _client, response = stale_save
    diff = response.text.split('class="prose diff"')[1].split("</div>")[0]
    assert re.search(r"<del>.*Asia\.</del>", diff)
    assert re.search(r"<ins>.*America\.</ins>", diff)
    assert "Vouchers for buyers from America." in response.text.split("<form")[-1]
    assert 'name="base_version" value="1"' in response.text


def test_saving_again_from_the_conflict_merges(stale_save, plan_a):
    client, _response = stale_save
    merged = "<p>Vouchers for buyers from Asia and America.</p>"
    again = client.post(edit_url(plan_a), plan_data(fresh(plan_a), policy_context=merged))
    assert again.status_code == 302
    assert (fresh(plan_a).policy_context, fresh(plan_a).version) == (merged, 2)


# --- hostile rich text ------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["policy_context", "english_summary"])
def test_scripts_in_the_plans_rich_text_are_stripped_on_save(login, owner, plan_a, field):
    client = login(owner)
    response = client.post(edit_url(plan_a), plan_data(plan_a, language="it", **{field: XSS_BODY}))
    assert response.status_code == 302
    assert_harmless(getattr(fresh(plan_a), field))
    page = client.get(plan_a.get_absolute_url()).text
    assert "xss-script" not in page
    assert "onerror" not in page
