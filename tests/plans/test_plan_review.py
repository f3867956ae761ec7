"""The review of an action plan through the shared workflow: submitting (refused with what is
missing), requesting changes (the reason quoted to the editors), approving and reopening through
their confirmation pages, who is emailed, the due date and the history."""

import pytest
from django.conf import settings
from django.urls import reverse

from interventures.activity.selectors import entries_for
from plans.models import PlanStatus
from plans.services.plans import action_save, plan_save, plan_transition
from tests.harness import factories
from tests.harness.queries import count_queries

REASON_FIELDS = {"request_changes": "changes-reason", "reopen": "reopen-reason"}


def url(name, plan):
    return reverse(f"plans:{name}", kwargs={"pk": plan.pk})


def act(client, plan, action, reason=None):
    data = {REASON_FIELDS[action]: reason} if reason is not None else {}
    return client.post(url(f"plan_{action}", plan), data)


def status_of(plan):
    plan.refresh_from_db()
    return plan.status


def recipients(message):
    return set(message.to) | set(message.cc) | set(message.bcc)


@pytest.fixture
def plan_a(region_a, instrument_a, org_a):
    return factories.make_plan(
        region_a, instrument=instrument_a, organisation=org_a, title="Lombardy export plan"
    )


@pytest.fixture
def plan_in_review(plan_a):
    plan_a.status = PlanStatus.IN_REVIEW
    plan_a.save(update_fields=["status"])
    return plan_a


def test_a_plan_goes_from_draft_through_changes_to_approved(login, owner, coordinator, plan_a):
    editor, reviewer = login(owner), login(coordinator)
    assert act(editor, plan_a, "submit").status_code == 302
    assert status_of(plan_a) == PlanStatus.IN_REVIEW
    assert act(reviewer, plan_a, "request_changes", "Add the costs.").status_code == 302
    assert status_of(plan_a) == PlanStatus.CHANGES_REQUESTED
    assert act(editor, plan_a, "submit").status_code == 302
    assert act(reviewer, plan_a, "approve").status_code == 302
    assert status_of(plan_a) == PlanStatus.APPROVED
    verbs = list(entries_for(plan_a).exclude(to_state="").values_list("verb", flat=True))
    assert verbs == ["plan.submitted", "plan.changes_requested", "plan.submitted", "plan.approved"]


def test_submitting_without_a_policy_context_is_refused_with_what_is_missing(login, owner, plan_a):
    plan_a.policy_context = ""
    plan_a.save()
    client = login(owner)
    response = act(client, plan_a, "submit")
    assert status_of(plan_a) == PlanStatus.DRAFT
    assert "the policy context" in client.get(response.url).text


def test_an_italian_plan_without_an_english_summary_cannot_be_submitted(login, owner, plan_a):
    plan_a.language = "it"
    plan_a.save()
    client = login(owner)
    response = act(client, plan_a, "submit")
    assert status_of(plan_a) == PlanStatus.DRAFT
    assert "summary in English" in client.get(response.url).text

    plan_a.english_summary = "<p>Vouchers for exporters.</p>"
    plan_a.save()
    act(client, plan_a, "submit")
    assert status_of(plan_a) == PlanStatus.IN_REVIEW


def test_a_viewer_cannot_submit(login, colleague, plan_a):
    assert act(login(colleague), plan_a, "submit").status_code == 403
    assert status_of(plan_a) == PlanStatus.DRAFT


def test_an_editor_cannot_approve(login, owner, plan_in_review):
    assert login(owner).get(url("plan_approve", plan_in_review)).status_code == 403
    assert act(login(owner), plan_in_review, "approve").status_code == 403
    assert status_of(plan_in_review) == PlanStatus.IN_REVIEW


def test_the_coordinator_approves_through_the_confirmation_page(login, coordinator, plan_in_review):
    client = login(coordinator)
    detail = client.get(plan_in_review.get_absolute_url()).text
    assert url("plan_approve", plan_in_review) in detail
    confirmation = client.get(url("plan_approve", plan_in_review))
    assert confirmation.status_code == 200
    assert "What will happen" in confirmation.text
    assert status_of(plan_in_review) == PlanStatus.IN_REVIEW
    assert act(client, plan_in_review, "approve").status_code == 302
    assert status_of(plan_in_review) == PlanStatus.APPROVED


def test_requesting_changes_needs_a_reason(login, coordinator, plan_in_review):
    response = act(login(coordinator), plan_in_review, "request_changes", "")
    assert response.status_code == 400
    assert "error-summary" in response.text
    assert status_of(plan_in_review) == PlanStatus.IN_REVIEW


def test_the_reason_of_the_changes_requested_is_quoted_for_the_editors(
    login, owner, outsider, coordinator, plan_in_review
):
    act(login(coordinator), plan_in_review, "request_changes", "Add the costs of action 1.")
    page = login(owner).get(plan_in_review.get_absolute_url()).text
    next_step = page.split('id="next-step-title"')[1].split("</section>")[0]
    assert "Add the costs of action 1." in next_step
    assert "Submit again" in next_step


def test_reopening_an_approved_plan_needs_a_reason_on_its_confirmation_page(
    login, coordinator, plan_a
):
    plan_a.status = PlanStatus.APPROVED
    plan_a.save(update_fields=["status"])
    client = login(coordinator)
    assert client.get(url("plan_reopen", plan_a)).status_code == 200
    assert act(client, plan_a, "reopen", "").status_code == 400
    assert act(client, plan_a, "reopen", "The budget changed.").status_code == 302
    assert status_of(plan_a) == PlanStatus.CHANGES_REQUESTED


# --- who is told ------------------------------------------------------------------------------


def test_the_coordinators_are_emailed_on_submit(
    login, owner, coordinator, plan_a, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        act(login(owner), plan_a, "submit")
    [message] = mailoutbox
    assert recipients(message) == {coordinator.email}
    assert message.subject == (
        "[INTER VENTURES] Action plan submitted for review: Lombardy export plan"
    )
    assert f"{settings.SITE_URL}{plan_a.get_absolute_url()}" in message.body


def test_the_regions_editors_are_emailed_on_approve_and_viewers_are_not(
    login,
    owner,
    colleague,
    outsider,
    coordinator,
    plan_in_review,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        act(login(coordinator), plan_in_review, "approve")
    [message] = mailoutbox
    assert recipients(message) == {owner.email}
    assert message.subject == "[INTER VENTURES] Action plan approved: Lombardy export plan"
    assert "Approved" in message.body


def test_the_reason_is_in_the_changes_requested_email(
    login, owner, coordinator, plan_in_review, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        act(login(coordinator), plan_in_review, "request_changes", "Costs & funds <missing>.")
    [message] = mailoutbox
    assert "Costs & funds <missing>." in message.body


def test_the_service_takes_a_step_like_the_button(owner, plan_a):
    plan_transition(plan=plan_a, actor=owner, action="submit")
    assert status_of(plan_a) == PlanStatus.IN_REVIEW


# --- due date ---------------------------------------------------------------------------------


def test_a_coordinator_sets_and_clears_the_due_date(login, coordinator, owner, plan_a):
    client = login(coordinator)
    assert client.post(url("plan_due_date", plan_a), {"due_date": "2099-01-01"}).status_code == 400
    plan_a.refresh_from_db()
    assert plan_a.due_date is None
    from interventures.dates import portal_today

    due = portal_today().replace(day=1).replace(year=portal_today().year + 1)
    assert (
        client.post(url("plan_due_date", plan_a), {"due_date": due.isoformat()}).status_code == 302
    )
    plan_a.refresh_from_db()
    assert plan_a.due_date == due
    assert entries_for(plan_a).filter(verb="plan.due_date_set").exists()
    assert "days left" in login(owner).get(plan_a.get_absolute_url()).text
    client.post(url("plan_due_date", plan_a), {"due_date": ""})
    plan_a.refresh_from_db()
    assert plan_a.due_date is None


def test_an_editor_cannot_set_the_due_date(login, owner, plan_a):
    assert login(owner).post(url("plan_due_date", plan_a), {"due_date": ""}).status_code == 403


# --- history ----------------------------------------------------------------------------------


def test_the_history_shows_versions_with_authors_and_changed_words(login, colleague, owner, plan_a):
    plan_save(
        plan=plan_a,
        author=owner,
        data={"policy_context": "<p>The instrument funds export credits.</p>"},
        base_version=0,
    )
    action = plan_a.actions.get()
    action_save(
        action=action,
        author=owner,
        data={"description": "<p>Open the scheme to all exporters.</p>"},
        base_version=0,
    )
    plan_transition(plan=plan_a, actor=owner, action="submit")
    page = login(colleague).get(url("plan_history", plan_a)).text
    assert "Version 1" in page
    assert "Olivia Owner (Lombardy Chamber of Commerce)" in page
    assert '<del><span class="visually-hidden">removed: </span>vouchers.</del>' in page
    assert "credits." in page
    assert action.title in page
    assert "Draft → In review" in page


def test_an_outsider_gets_404_on_the_history(login, outsider, plan_a):
    assert login(outsider).get(url("plan_history", plan_a)).status_code == 404


def test_the_history_takes_the_same_queries_however_many_versions(login, owner, plan_a):
    client = login(owner)
    action = plan_a.actions.get()

    def save_versions(count):
        for _index in range(count):
            plan_a.refresh_from_db()
            action.refresh_from_db()
            plan_save(
                plan=plan_a,
                author=owner,
                data={"policy_context": f"<p>Text {plan_a.version}.</p>"},
                base_version=plan_a.version,
            )
            action_save(
                action=action,
                author=owner,
                data={"description": f"<p>Step {action.version}.</p>"},
                base_version=action.version,
            )

    save_versions(1)
    client.get(url("plan_history", plan_a))
    few, _queries = count_queries(client, url("plan_history", plan_a))
    save_versions(4)
    many, queries = count_queries(client, url("plan_history", plan_a))
    assert few == many, "\n".join(queries)
