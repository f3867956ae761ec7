"""Private drafts of the plan's form and of an action's form: autosaved as the writer types,
seen by nobody else, offered again on the form like a report section's, deleted when the form
is saved; a stale draft saved is a conflict, never an overwrite; bad input answers JSON and
loses nothing; the drafts are in the person's data export and go with their account."""

import json

import pytest
from django.urls import reverse

from partners.models import Membership
from plans.models import PlanDraft, PlanStatus
from plans.services.plans import action_save, plan_draft_autosave, plan_save
from portal.services import account_delete
from tests.harness import factories
from tests.reports.test_sanitizer import XSS_BODY, assert_harmless

DRAFT_TEXT = "<p>Vouchers for buyers from Asia, half written</p>"
OFFER = "draft-offer"


@pytest.fixture
def plan_a(region_a, instrument_a, org_a):
    return factories.make_plan(region_a, instrument=instrument_a, organisation=org_a)


@pytest.fixture
def action_a(plan_a):
    return plan_a.actions.get()


@pytest.fixture
def second_editor(org_a):
    user = factories.make_user("elena@lombardy.example", first_name="Elena", last_name="Rossi")
    factories.make_membership(user, org_a, Membership.Role.EDITOR)
    return user


def edit_url(plan):
    return reverse("plans:plan_edit", kwargs={"pk": plan.pk})


def autosave_url(plan):
    return reverse("plans:plan_autosave", kwargs={"pk": plan.pk})


def discard_url(plan):
    return reverse("plans:plan_draft_discard", kwargs={"pk": plan.pk})


def action_kwargs(action):
    return {"pk": action.plan_id, "action_pk": action.pk}


def action_edit_url(action):
    return reverse("plans:action_edit", kwargs=action_kwargs(action))


def action_autosave_url(action):
    return reverse("plans:action_autosave", kwargs=action_kwargs(action))


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


def action_data(action, **overrides):
    data = {
        "title": action.title,
        "background": action.background,
        "description": action.description,
        "improvement_type": action.improvement_type,
        "players": action.players,
        "starts_on": "",
        "ends_on": "",
        "cost": "",
        "currency": action.currency,
        "funding_sources": action.funding_sources,
        "base_version": action.version,
    }
    data.update(overrides)
    return data


def fresh(instance):
    instance.refresh_from_db()
    return instance


def the_plans_draft(user, plan):
    return PlanDraft.objects.get(author=user, plan=plan, action=None)


# --- autosaving -------------------------------------------------------------------------------


def test_autosave_keeps_the_form_privately_and_leaves_the_plan_alone(login, owner, plan_a):
    before = plan_a.policy_context
    response = login(owner).post(
        autosave_url(plan_a), plan_data(plan_a, policy_context=DRAFT_TEXT, title="")
    )

    assert response.status_code == 200
    assert response.json()["message"].startswith("Draft saved at ")
    draft = the_plans_draft(owner, plan_a)
    # An incomplete form (no title yet) is a draft all the same.
    assert (draft.data["policy_context"], draft.data["title"], draft.base_version) == (
        DRAFT_TEXT,
        "",
        0,
    )
    assert (fresh(plan_a).policy_context, fresh(plan_a).version) == (before, 0)


def test_autosaving_again_updates_the_one_draft(login, owner, plan_a):
    client = login(owner)
    client.post(autosave_url(plan_a), plan_data(plan_a, policy_context="<p>First</p>"))
    client.post(autosave_url(plan_a), plan_data(plan_a, policy_context="<p>Second</p>"))
    assert PlanDraft.objects.filter(author=owner).count() == 1
    assert the_plans_draft(owner, plan_a).data["policy_context"] == "<p>Second</p>"


def test_only_the_forms_fields_are_kept_and_rich_text_is_sanitised(login, owner, plan_a):
    response = login(owner).post(
        autosave_url(plan_a),
        plan_data(plan_a, policy_context=XSS_BODY, status="approved", region="999"),
    )

    assert response.status_code == 200
    data = the_plans_draft(owner, plan_a).data
    assert not {"status", "region", "base_version", "csrfmiddlewaretoken"} & set(data)
    assert_harmless(data["policy_context"])


def test_an_actions_draft_keeps_its_ticked_links(login, owner, action_a, region_a):
    report = factories.make_report(region_a, texts={"barriers": "<p>Few exporters.</p>"})
    section = report.sections.get(key="barriers")
    response = login(owner).post(
        action_autosave_url(action_a),
        action_data(action_a, report_sections=[section.pk], cost="25 000"),
    )

    assert response.status_code == 200
    draft = PlanDraft.objects.get(author=owner, action=action_a)
    assert (draft.plan, draft.data["report_sections"], draft.data["cost"]) == (
        action_a.plan,
        [str(section.pk)],
        "25 000",
    )
    assert not action_a.report_sections.exists()


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"title": "x" * 201}, "Title: This is too long: at most 200 characters"),
        ({"policy_context": "<p>" + "w " * 30_000 + "</p>"}, "Policy context: This is too long"),
        ({"nuts2_region": "ITC4\nLombardia"}, "NUTS2 region:"),
        ({"instrument": "9" * 101}, "too long"),
        ({"base_version": "abc"}, "Version:"),
        ({"base_version": "-1"}, "Version:"),
    ],
    ids=["title", "rich-text", "line-break", "choice", "version-text", "version-negative"],
)
def test_bad_input_answers_400_in_json_and_the_draft_kept_is_not_lost(
    login, owner, plan_a, overrides, words
):
    client = login(owner)
    client.post(autosave_url(plan_a), plan_data(plan_a, policy_context=DRAFT_TEXT))

    response = client.post(autosave_url(plan_a), plan_data(plan_a, **overrides))

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert words in response.json()["error"]
    assert the_plans_draft(owner, plan_a).data["policy_context"] == DRAFT_TEXT


def test_too_many_ticked_links_are_refused(login, owner, action_a):
    response = login(owner).post(
        action_autosave_url(action_a), action_data(action_a, practices=list(range(1001)))
    )
    assert response.status_code == 400
    assert not PlanDraft.objects.exists()


def test_a_plan_no_longer_editable_answers_409(login, owner, plan_a):
    plan_a.status = PlanStatus.IN_REVIEW
    plan_a.save(update_fields=["status"])
    response = login(owner).post(autosave_url(plan_a), plan_data(plan_a))
    assert response.status_code == 409
    assert "can no longer be edited" in response.json()["error"]
    assert not PlanDraft.objects.exists()


# --- who may --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [("colleague", 403), ("coordinator", 403), ("outsider", 404), ("anonymous", 302)],
)
def test_only_the_regions_editors_autosave_or_discard(
    login, request, plan_a, action_a, who, status
):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    client = login(user)
    owner = request.getfixturevalue("owner")
    plan_draft_autosave(plan=plan_a, author=owner, data={"title": "Mine"}, base_version=0)

    answers = [
        client.post(autosave_url(plan_a), plan_data(plan_a)).status_code,
        client.post(action_autosave_url(action_a), action_data(action_a)).status_code,
        client.post(discard_url(plan_a)).status_code,
        client.post(
            reverse("plans:action_draft_discard", kwargs=action_kwargs(action_a))
        ).status_code,
    ]

    assert answers == [status] * 4
    assert list(PlanDraft.objects.values_list("author", flat=True)) == [owner.pk]


def test_autosave_and_discard_answer_only_a_post(login, owner, plan_a):
    client = login(owner)
    assert client.get(autosave_url(plan_a)).status_code == 405
    assert client.get(discard_url(plan_a)).status_code == 405


def test_an_action_of_another_plan_is_404(login, owner, plan_a, region_a):
    other = factories.make_plan(region_a, instrument=factories.make_instrument(region_a))
    url = reverse(
        "plans:action_autosave", kwargs={"pk": plan_a.pk, "action_pk": other.actions.get().pk}
    )
    assert login(owner).post(url, action_data(other.actions.get())).status_code == 404


# --- offered again --------------------------------------------------------------------------


def test_the_edit_page_offers_the_writers_draft(login, owner, plan_a):
    client = login(owner)
    client.post(autosave_url(plan_a), plan_data(plan_a, policy_context=DRAFT_TEXT))

    page = client.get(edit_url(plan_a)).text

    assert "You have an unsaved draft of this action plan from" in page
    assert 'href="?draft=1"' in page
    assert f'action="{discard_url(plan_a)}"' in page
    assert "Someone has saved since" not in page
    assert "Asia, half written" not in page.split("<form")[-1]


def test_another_editor_never_sees_the_draft(login, owner, second_editor, plan_a):
    login(owner).post(autosave_url(plan_a), plan_data(plan_a, policy_context=DRAFT_TEXT))
    client = login(second_editor)

    for url in (edit_url(plan_a), edit_url(plan_a) + "?draft=1", plan_a.get_absolute_url()):
        page = client.get(url).text
        assert OFFER not in page
        assert "Asia, half written" not in page


def test_continuing_shows_the_drafts_text_on_its_version(login, owner, plan_a):
    client = login(owner)
    client.post(
        autosave_url(plan_a),
        plan_data(
            plan_a, policy_context=DRAFT_TEXT, title="A draft title", structural_funds="True"
        ),
    )

    page = client.get(edit_url(plan_a) + "?draft=1").text

    assert OFFER not in page
    assert "Asia, half written" in page
    assert 'value="A draft title"' in page
    assert 'name="base_version" value="0"' in page
    assert 'value="True" required id="id_structural_funds_0" checked' in page


def test_a_draft_holding_the_saved_values_is_not_offered(login, owner, plan_a):
    client = login(owner)
    client.post(autosave_url(plan_a), plan_data(plan_a))
    assert OFFER not in client.get(edit_url(plan_a)).text


def test_the_action_form_offers_only_that_actions_draft(login, owner, plan_a, region_a):
    second = factories.make_plan(region_a, instrument=factories.make_instrument(region_a))
    first_action = plan_a.actions.get()
    client = login(owner)
    client.post(action_autosave_url(first_action), action_data(first_action, title="Renamed"))

    page = client.get(action_edit_url(first_action)).text
    assert "You have an unsaved draft of this action from" in page
    assert OFFER not in client.get(edit_url(plan_a)).text
    assert OFFER not in client.get(action_edit_url(second.actions.get())).text
    assert 'value="Renamed"' in client.get(action_edit_url(first_action) + "?draft=1").text


def test_the_forms_autosave_but_adding_an_action_does_not(login, owner, plan_a, action_a):
    client = login(owner)
    assert f'data-autosave-url="{autosave_url(plan_a)}"' in client.get(edit_url(plan_a)).text
    page = client.get(action_edit_url(action_a)).text
    assert f'data-autosave-url="{action_autosave_url(action_a)}"' in page
    assert 'role="status"' in page
    new = client.get(reverse("plans:action_create", kwargs={"pk": plan_a.pk})).text
    assert "data-autosave-url" not in new
    assert "section-editor.js" not in new


def test_discarding_removes_the_draft_and_offers_nothing(login, owner, second_editor, plan_a):
    login(second_editor).post(autosave_url(plan_a), plan_data(plan_a, title="Elena's"))
    client = login(owner)
    client.post(autosave_url(plan_a), plan_data(plan_a, policy_context=DRAFT_TEXT))

    response = client.post(discard_url(plan_a))

    assert response.status_code == 302
    assert response.url == edit_url(plan_a)
    page = client.get(response.url).text
    assert "Your unsaved draft was discarded." in page
    assert OFFER not in page
    assert list(PlanDraft.objects.values_list("author", flat=True)) == [second_editor.pk]


# --- saving ----------------------------------------------------------------------------------


def test_saving_the_plan_deletes_the_writers_draft_only(login, owner, second_editor, action_a):
    plan = action_a.plan
    login(second_editor).post(autosave_url(plan), plan_data(plan, title="Elena's"))
    client = login(owner)
    client.post(autosave_url(plan), plan_data(plan, policy_context=DRAFT_TEXT))
    client.post(action_autosave_url(action_a), action_data(action_a, title="Renamed"))

    response = client.post(edit_url(plan), plan_data(plan, policy_context=DRAFT_TEXT))

    assert response.status_code == 302
    assert fresh(plan).policy_context == DRAFT_TEXT
    assert set(PlanDraft.objects.values_list("author", "action")) == {
        (second_editor.pk, None),
        (owner.pk, action_a.pk),
    }


def test_saving_the_action_deletes_its_draft(login, owner, action_a):
    client = login(owner)
    client.post(action_autosave_url(action_a), action_data(action_a, title="Renamed"))

    response = client.post(action_edit_url(action_a), action_data(action_a, title="Renamed"))

    assert response.status_code == 302
    assert fresh(action_a).title == "Renamed"
    assert not PlanDraft.objects.exists()


def test_a_stale_draft_continued_and_saved_is_a_conflict(login, owner, second_editor, plan_a):
    client = login(owner)
    client.post(autosave_url(plan_a), plan_data(plan_a, policy_context=DRAFT_TEXT))
    plan_save(
        plan=plan_a,
        author=second_editor,
        data={"policy_context": "<p>Vouchers for buyers from America.</p>"},
        base_version=0,
    )

    offer = client.get(edit_url(plan_a)).text
    assert "Someone has saved since" in offer
    draft = the_plans_draft(owner, plan_a)
    continued = client.get(edit_url(plan_a) + "?draft=1").text
    assert 'name="base_version" value="0"' in continued
    response = client.post(
        edit_url(plan_a), plan_data(plan_a, **draft.data, base_version=draft.base_version)
    )

    assert response.status_code == 409
    assert "Elena Rossi (Lombardy Chamber of Commerce) saved version 1" in response.text
    assert (fresh(plan_a).policy_context, fresh(plan_a).version) == (
        "<p>Vouchers for buyers from America.</p>",
        1,
    )
    # Nothing is lost: the draft stays until the writer saves their merge.
    assert the_plans_draft(owner, plan_a).data["policy_context"] == DRAFT_TEXT


def test_a_stale_action_draft_saved_is_a_conflict(login, owner, second_editor, action_a):
    client = login(owner)
    client.post(action_autosave_url(action_a), action_data(action_a, title="Mine"))
    action_save(action=action_a, author=second_editor, data={"title": "Elena's"}, base_version=0)

    response = client.post(action_edit_url(action_a), action_data(action_a, title="Mine"))

    assert response.status_code == 409
    assert fresh(action_a).title == "Elena's"
    assert PlanDraft.objects.filter(author=owner, action=action_a).exists()


# --- personal data --------------------------------------------------------------------------


def test_the_data_export_lists_the_drafts(login, owner, colleague, second_editor, action_a):
    plan = action_a.plan
    plan_draft_autosave(plan=plan, author=owner, data={"title": "Mine"}, base_version=0)
    plan_draft_autosave(
        plan=plan, author=owner, action=action_a, data={"title": "My action"}, base_version=0
    )
    plan_draft_autosave(plan=plan, author=second_editor, data={"title": "Elena's"}, base_version=0)

    response = login(owner).post(reverse("account_data_export"))

    drafts = json.loads(response.content)["action_plan_drafts"]
    assert [(draft["plan"], draft["action"], draft["fields"]) for draft in drafts] == [
        (plan.title, "", {"title": "Mine"}),
        (plan.title, action_a.title, {"title": "My action"}),
    ]
    assert all(draft["saved"] for draft in drafts)


def test_deleting_the_account_erases_the_drafts(owner, second_editor, action_a):
    plan = action_a.plan
    plan_draft_autosave(plan=plan, author=owner, data={"title": "Mine"}, base_version=0)
    plan_draft_autosave(
        plan=plan, author=owner, action=action_a, data={"title": "My action"}, base_version=0
    )
    plan_draft_autosave(plan=plan, author=second_editor, data={"title": "Elena's"}, base_version=0)

    account_delete(user=owner)

    assert list(PlanDraft.objects.values_list("author", flat=True)) == [second_editor.pk]
