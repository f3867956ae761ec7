"""The review workflow of a report: draft → in review → changes requested → in review →
approved, reopening, the log of every step and the emails it sends (review comments:
test_comments.py)."""

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from interventures.activity.selectors import entries_for
from reports.models import ReportSection, ReportStatus
from reports.services import report_transition
from tests.harness import factories

ACTION_URLS = {
    "submit": "reports:report_submit",
    "request_changes": "reports:report_request_changes",
    "approve": "reports:report_approve",
    "reopen": "reports:report_reopen",
}
REASON_FIELDS = {"request_changes": "changes-reason", "reopen": "reopen-reason"}


def review_steps(report):
    """The report's workflow steps in the activity log (its creation and saves are there too)."""
    return entries_for(report).exclude(to_state="")


def act(client, report, action, reason=None, **kwargs):
    """POST the workflow button `action` of the report page, with a reason if given."""
    data = {REASON_FIELDS[action]: reason} if reason is not None else {}
    return client.post(reverse(ACTION_URLS[action], kwargs={"pk": report.pk}), data, **kwargs)


def status_of(report):
    report.refresh_from_db()
    return report.status


def detail_url(report):
    return reverse("reports:report_detail", kwargs={"pk": report.pk})


def edit_url(report, key="opportunities"):
    return reverse("reports:section_edit", kwargs={"pk": report.pk, "key": key})


@pytest.fixture
def report_in_review(report_a):
    report_a.status = ReportStatus.IN_REVIEW
    report_a.save(update_fields=["status"])
    return report_a


@pytest.fixture
def approved_report_a(report_a):
    report_a.status = ReportStatus.APPROVED
    report_a.save(update_fields=["status"])
    return report_a


# --- the way through the workflow -----------------------------------------------------------


def test_a_report_goes_from_draft_through_review_and_changes_to_approved(
    login, report_a, owner, coordinator
):
    editor, reviewer = login(owner), login(coordinator)

    assert act(editor, report_a, "submit").status_code == 302
    assert status_of(report_a) == ReportStatus.IN_REVIEW

    assert (
        act(reviewer, report_a, "request_changes", "Add the 2019 export figures.").status_code
        == 302
    )
    assert status_of(report_a) == ReportStatus.CHANGES_REQUESTED

    assert act(editor, report_a, "submit").status_code == 302
    assert status_of(report_a) == ReportStatus.IN_REVIEW

    assert act(reviewer, report_a, "approve").status_code == 302
    assert status_of(report_a) == ReportStatus.APPROVED


def test_editor_sees_a_confirmation_after_submitting(login, report_a, owner):
    response = act(login(owner), report_a, "submit", follow=True)

    assert "The report was submitted for review; the coordinators have been told." in response.text


def test_coordinator_can_reopen_an_approved_report_with_a_reason(
    login, approved_report_a, coordinator
):
    response = act(
        login(coordinator), approved_report_a, "reopen", "The 2020 data are out.", follow=True
    )

    assert status_of(approved_report_a) == ReportStatus.CHANGES_REQUESTED
    assert "The report was reopened for changes." in response.text
    assert review_steps(approved_report_a).get().reason == "The 2020 data are out."


def test_reopening_without_a_reason_is_refused_and_changes_nothing(
    login, approved_report_a, coordinator
):
    response = act(login(coordinator), approved_report_a, "reopen", "  ")

    assert response.status_code == 400
    assert "This field is required." in response.text
    assert status_of(approved_report_a) == ReportStatus.APPROVED
    assert not review_steps(approved_report_a).exists()


# --- submitting -----------------------------------------------------------------------------


def test_submitting_with_empty_required_sections_is_refused_with_their_titles(
    login, region_a, owner
):
    texts = {"executive_summary": "<p>Summary.</p>", "swot": "<p>Strengths.</p>"}
    report = factories.make_report(region_a, texts=texts)

    response = act(login(owner), report, "submit", follow=True)

    assert status_of(report) == ReportStatus.DRAFT
    assert "These required sections are still empty:" in response.text
    for title in ("Regional context", "SME ecosystem", "Challenges", "Recommendations"):
        assert title in response.text.split("These required sections are still empty:")[1]
    assert not review_steps(report).exists()


def test_the_report_page_lists_the_empty_required_sections_before_submitting(
    login, region_a, owner
):
    report = factories.make_report(region_a, texts={"executive_summary": "<p>Summary.</p>"})

    page = login(owner).get(detail_url(report)).text
    before_submitting = page.split("Before it can be submitted, write these required sections:")[1]

    assert "<li>Recommendations</li>" in before_submitting
    assert "<li>Executive summary</li>" not in before_submitting
    assert "<li>SWOT analysis</li>" not in before_submitting  # optional


def test_a_section_of_only_spaces_counts_as_empty(owner, region_a):
    texts = factories.complete_texts() | {"challenges": "   "}
    report = factories.make_report(region_a, texts=texts)

    with pytest.raises(ValidationError, match="Challenges"):
        report_transition(report=report, actor=owner, action="submit")
    assert status_of(report) == ReportStatus.DRAFT


def test_viewer_cannot_submit(login, report_a, colleague):
    response = act(login(colleague), report_a, "submit")

    assert response.status_code == 403
    assert status_of(report_a) == ReportStatus.DRAFT


def test_the_submit_button_is_shown_to_editors_only(login, report_a, owner, colleague):
    submit_url = reverse("reports:report_submit", kwargs={"pk": report_a.pk})

    assert submit_url in login(owner).get(detail_url(report_a)).text
    assert submit_url not in login(colleague).get(detail_url(report_a)).text


# --- reviewing ------------------------------------------------------------------------------


def test_editor_cannot_approve_their_own_report(login, report_in_review, owner):
    response = act(login(owner), report_in_review, "approve")

    assert response.status_code == 403
    assert status_of(report_in_review) == ReportStatus.IN_REVIEW


def test_editor_cannot_request_changes_on_their_own_report(login, report_in_review, owner):
    response = act(login(owner), report_in_review, "request_changes", "Looks wrong.")

    assert response.status_code == 403
    assert status_of(report_in_review) == ReportStatus.IN_REVIEW


def test_requesting_changes_without_a_reason_is_refused_with_a_message(
    login, report_in_review, coordinator
):
    response = act(login(coordinator), report_in_review, "request_changes", "")

    assert response.status_code == 400
    assert "This field is required." in response.text
    assert status_of(report_in_review) == ReportStatus.IN_REVIEW
    assert not review_steps(report_in_review).exists()
    assert mail.outbox == []


def test_the_service_refuses_a_blank_reason_too(report_in_review, coordinator):
    with pytest.raises(ValidationError, match="Please give a reason"):
        report_transition(
            report=report_in_review, actor=coordinator, action="request_changes", reason=" \n "
        )
    assert status_of(report_in_review) == ReportStatus.IN_REVIEW


# --- transitions from the wrong state ------------------------------------------------------


def test_approving_a_draft_gives_a_clear_message_and_changes_nothing(login, report_a, coordinator):
    response = act(login(coordinator), report_a, "approve", follow=True)

    assert response.status_code == 200
    assert "The report is draft now; reload the page to see its current state." in response.text
    assert status_of(report_a) == ReportStatus.DRAFT
    assert not review_steps(report_a).exists()


def test_submitting_twice_gives_a_clear_message_and_changes_nothing(login, report_a, owner):
    editor = login(owner)
    act(editor, report_a, "submit")

    response = act(editor, report_a, "submit", follow=True)

    assert response.status_code == 200
    assert "The report is in review now; reload the page to see its current state." in response.text
    assert status_of(report_a) == ReportStatus.IN_REVIEW
    assert review_steps(report_a).count() == 1


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (ReportStatus.DRAFT, "approve"),
        (ReportStatus.DRAFT, "request_changes"),
        (ReportStatus.DRAFT, "reopen"),
        (ReportStatus.IN_REVIEW, "submit"),
        (ReportStatus.IN_REVIEW, "reopen"),
        (ReportStatus.APPROVED, "submit"),
        (ReportStatus.APPROVED, "approve"),
        (ReportStatus.CHANGES_REQUESTED, "approve"),
    ],
)
def test_the_workflow_refuses_a_step_from_the_wrong_state(report_a, coordinator, status, action):
    report_a.status = status
    report_a.save(update_fields=["status"])

    with pytest.raises(ValidationError, match="reload the page to see its current state"):
        report_transition(report=report_a, actor=coordinator, action=action, reason="Because.")
    assert status_of(report_a) == status
    assert not review_steps(report_a).exists()


# --- the log --------------------------------------------------------------------------------


def test_every_step_is_logged_with_who_from_to_and_reason(login, report_a, owner, coordinator):
    editor, reviewer = login(owner), login(coordinator)
    act(editor, report_a, "submit")
    act(reviewer, report_a, "request_changes", "Add the 2019 export figures.")
    act(editor, report_a, "submit")
    act(reviewer, report_a, "approve")
    act(reviewer, report_a, "reopen", "The 2020 data are out.")

    steps = [
        (step.actor_id, step.from_state, step.to_state, step.reason)
        for step in review_steps(report_a)
    ]
    assert steps == [
        (owner.pk, "draft", "in_review", ""),
        (coordinator.pk, "in_review", "changes_requested", "Add the 2019 export figures."),
        (owner.pk, "changes_requested", "in_review", ""),
        (coordinator.pk, "in_review", "approved", ""),
        (coordinator.pk, "approved", "changes_requested", "The 2020 data are out."),
    ]
    assert all(step.created_at is not None for step in review_steps(report_a))


def test_the_report_page_shows_the_review_history(login, report_a, owner, coordinator):
    act(login(owner), report_a, "submit")
    act(login(coordinator), report_a, "request_changes", "Add the 2019 export figures.")

    page = login(owner).get(detail_url(report_a)).text
    history = page.split('id="workflow-title"')[1].split('id="comments-title"')[0]

    assert "Draft → In review" in history
    assert "In review → Changes requested" in history
    assert "Olivia Owner (Lombardy Chamber of Commerce)" in history
    assert f"User {coordinator.pk}" in history
    assert "@" not in history
    assert "Add the 2019 export figures." in history
    assert "<time datetime=" in history


# --- emails ---------------------------------------------------------------------------------


@pytest.fixture
def second_coordinator(db):
    return factories.make_user("second.coordinator@interventures.example", is_coordinator=True)


@pytest.fixture
def second_editor(org_a):
    user = factories.make_user("elena.editor@lombardy.example", first_name="Elena")
    factories.make_membership(user, org_a)
    return user


def recipients(message):
    return set(message.to) | set(message.cc) | set(message.bcc)


def link_to(report):
    return f"{settings.SITE_URL}{report.get_absolute_url()}"


def test_coordinators_are_emailed_when_a_report_is_submitted(
    login,
    report_a,
    owner,
    colleague,
    outsider,
    coordinator,
    second_coordinator,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        act(login(owner), report_a, "submit")

    [message] = mail.outbox
    assert recipients(message) == {coordinator.email, second_coordinator.email}
    assert message.subject == "[INTER VENTURES] Submitted for review: Lombardy report"
    assert link_to(report_a) in message.body


def test_the_regions_editors_are_emailed_with_the_reason_when_changes_are_requested(
    login,
    report_in_review,
    owner,
    second_editor,
    colleague,
    outsider,
    coordinator,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        act(login(coordinator), report_in_review, "request_changes", "Add the 2019 figures.")

    [message] = mail.outbox
    assert recipients(message) == {owner.email, second_editor.email}
    assert message.subject == "[INTER VENTURES] Changes requested: Lombardy report"
    assert "Add the 2019 figures." in message.body
    assert link_to(report_in_review) in message.body


def test_the_regions_editors_are_emailed_when_the_report_is_approved(
    login,
    report_in_review,
    owner,
    colleague,
    outsider,
    coordinator,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        act(login(coordinator), report_in_review, "approve")

    [message] = mail.outbox
    assert recipients(message) == {owner.email}
    assert message.subject == "[INTER VENTURES] Approved: Lombardy report"
    assert link_to(report_in_review) in message.body


def test_the_regions_editors_are_emailed_with_the_reason_when_a_report_is_reopened(
    login, approved_report_a, owner, colleague, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        act(login(coordinator), approved_report_a, "reopen", "The 2020 data are out.")

    [message] = mail.outbox
    assert recipients(message) == {owner.email}
    assert "The 2020 data are out." in message.body
    assert link_to(approved_report_a) in message.body


def test_viewers_and_other_regions_editors_are_never_emailed(
    login, report_a, owner, colleague, outsider, coordinator, django_capture_on_commit_callbacks
):
    editor, reviewer = login(owner), login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        act(editor, report_a, "submit")
        act(reviewer, report_a, "request_changes", "More figures.")
        act(editor, report_a, "submit")
        act(reviewer, report_a, "approve")

    assert len(mail.outbox) == 4
    everyone_emailed = set().union(*(recipients(message) for message in mail.outbox))
    assert colleague.email not in everyone_emailed
    assert outsider.email not in everyone_emailed


def test_a_refused_step_sends_no_email(
    login, region_a, owner, coordinator, django_capture_on_commit_callbacks
):
    report = factories.make_report(region_a)  # nothing written: submitting is refused

    with django_capture_on_commit_callbacks(execute=True):
        act(login(owner), report, "submit")

    assert mail.outbox == []


# --- text is editable only in draft and changes requested -----------------------------------


def test_section_editor_of_a_report_in_review_sends_the_editor_back_with_a_message(
    login, report_in_review, owner
):
    response = login(owner).get(edit_url(report_in_review), follow=True)

    assert response.redirect_chain[-1][0] == detail_url(report_in_review)
    assert "The report is in review: its text cannot be changed now." in response.text


def test_saving_a_section_while_the_report_is_in_review_does_not_change_the_text(
    login, report_in_review, owner
):
    section = report_in_review.sections.get(key="opportunities")
    before = (section.body, section.version)

    response = login(owner).post(
        edit_url(report_in_review), {"body": "<p>Sneaky edit.</p>", "base_version": section.version}
    )

    assert response.status_code == 302
    section.refresh_from_db()
    assert (section.body, section.version) == before


@pytest.mark.parametrize("status", [ReportStatus.DRAFT, ReportStatus.CHANGES_REQUESTED])
def test_text_is_editable_in_draft_and_when_changes_are_requested(login, report_a, owner, status):
    report_a.status = status
    report_a.save(update_fields=["status"])
    section = report_a.sections.get(key="opportunities")

    response = login(owner).post(
        edit_url(report_a), {"body": "<p>Revised.</p>", "base_version": section.version}
    )

    assert response.status_code == 302
    assert ReportSection.objects.get(pk=section.pk).body == "<p>Revised.</p>"


@pytest.mark.parametrize("status", [ReportStatus.IN_REVIEW, ReportStatus.APPROVED])
def test_the_report_page_offers_no_edit_buttons_when_the_text_is_frozen(
    login, report_a, owner, status
):
    report_a.status = status
    report_a.save(update_fields=["status"])

    page = login(owner).get(detail_url(report_a)).text

    assert edit_url(report_a) not in page
    assert reverse("reports:indicators_edit", kwargs={"pk": report_a.pk}) not in page
