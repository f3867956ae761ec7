"""The review loop as people live it: a returned report says why at the top of its page, with the
sections that have open comments, before offering to submit it again; approving and reopening
ask for confirmation on a page of their own; the toolbar at the top offers the PDF in every
language; a saved section says so where the editor lands."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from reports.models import ReportStatus, ReviewComment
from reports.services import report_transition

REASON = "Add the 2019 export figures to the context."


def detail_url(report):
    return reverse("reports:report_detail", kwargs={"pk": report.pk})


def step_url(report, action):
    return reverse(f"reports:report_{action}", kwargs={"pk": report.pk})


def status_of(report):
    report.refresh_from_db()
    return report.status


def next_step_panel(page: str) -> str:
    """The "Next step" panel of the report page, which comes before the report itself."""
    return page.split('id="actions-title"')[1].split('class="report-layout"')[0]


@pytest.fixture
def reviewer(coordinator):
    coordinator.first_name, coordinator.last_name = "Cora", "Reviewer"
    coordinator.save(update_fields=["first_name", "last_name"])
    return coordinator


@pytest.fixture
def report_in_review(report_a, owner):
    report_transition(report=report_a, actor=owner, action="submit")
    return report_a


@pytest.fixture
def returned_report(report_in_review, reviewer):
    report_transition(
        report=report_in_review, actor=reviewer, action="request_changes", reason=REASON
    )
    return report_in_review


@pytest.fixture
def approved_report(report_in_review, reviewer):
    report_transition(report=report_in_review, actor=reviewer, action="approve")
    return report_in_review


def comment_on(report, key, *, author, resolved=False):
    return ReviewComment.objects.create(
        report=report,
        section=report.sections.get(key=key),
        author=author,
        body="Please check this.",
        resolved_at=timezone.now() if resolved else None,
    )


# --- a returned report ---------------------------------------------------------------------


def test_a_returned_report_quotes_the_reason_with_date_and_name_before_submit_again(
    login, returned_report, owner
):
    page = login(owner).get(detail_url(returned_report)).text
    panel = next_step_panel(page)

    assert REASON in panel
    assert "Cora Reviewer returned the report on" in panel
    assert "<time datetime=" in panel.split(REASON)[0]
    assert panel.index(REASON) < panel.index("Submit again")
    assert "All required sections are written" not in panel
    # The panel comes before the report's first section.
    assert page.index(REASON) < page.index('id="section-')


def test_a_returned_report_lists_the_sections_with_unresolved_comments_and_how_many(
    login, returned_report, owner, reviewer
):
    comment_on(returned_report, "swot", author=reviewer)
    comment_on(returned_report, "swot", author=reviewer)
    comment_on(returned_report, "challenges", author=reviewer)
    comment_on(returned_report, "recommendations", author=reviewer, resolved=True)

    panel = next_step_panel(login(owner).get(detail_url(returned_report)).text)
    listed = panel.split("Sections with unresolved comments:")[1]

    assert '<a href="#comments-swot">SWOT analysis</a> · 2 unresolved comments' in listed
    assert '<a href="#comments-challenges">Challenges</a> · 1 unresolved comment' in listed
    assert "Recommendations" not in listed
    assert listed.index("Challenges") < listed.index("SWOT analysis")  # outline order
    assert listed.index("SWOT analysis") < listed.index("Submit again")


def test_a_returned_report_without_open_comments_says_so(login, returned_report, owner):
    panel = next_step_panel(login(owner).get(detail_url(returned_report)).text)

    assert "No section has unresolved comments." in panel


def test_the_open_comments_cost_one_query_however_many_sections_have_some(
    login, returned_report, owner, reviewer, django_assert_max_num_queries
):
    client = login(owner)
    comment_on(returned_report, "swot", author=reviewer)
    client.get(detail_url(returned_report))
    with django_assert_max_num_queries(100) as few:
        client.get(detail_url(returned_report))
    for key in ("challenges", "recommendations", "regional_context", "executive_summary"):
        comment_on(returned_report, key, author=reviewer)

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(detail_url(returned_report))


def test_a_viewer_reads_why_the_report_was_returned_but_cannot_submit_it(
    login, returned_report, colleague
):
    panel = next_step_panel(login(colleague).get(detail_url(returned_report)).text)

    assert REASON in panel
    assert "Submit again" not in panel


def test_a_reopened_report_quotes_the_reason_for_reopening(login, approved_report, owner, reviewer):
    report_transition(
        report=approved_report, actor=reviewer, action="reopen", reason="The 2020 data are out."
    )

    panel = next_step_panel(login(owner).get(detail_url(approved_report)).text)

    assert "The 2020 data are out." in panel
    assert "Submit again" in panel


def test_a_report_submitted_again_no_longer_shows_the_old_reason(
    login, returned_report, owner, reviewer
):
    report_transition(report=returned_report, actor=owner, action="submit")

    page = login(reviewer).get(detail_url(returned_report)).text

    assert REASON not in next_step_panel(page)
    assert REASON in page.split('id="workflow-title"')[1]  # still in the review history


def test_a_draft_offers_submit_for_review_not_submit_again(login, report_a, owner):
    panel = next_step_panel(login(owner).get(detail_url(report_a)).text)

    assert "Submit for review" in panel
    assert "Submit again" not in panel


# --- approving through a confirmation ------------------------------------------------------


def test_the_report_page_leads_to_the_approval_confirmation_apart_from_request_changes(
    login, report_in_review, reviewer
):
    panel = next_step_panel(login(reviewer).get(detail_url(report_in_review)).text)
    approve, changes = panel.split('id="changes-title"')

    assert f'href="{step_url(report_in_review, "approve")}"' in approve
    assert f'action="{step_url(report_in_review, "approve")}"' not in panel  # no one-click form
    assert "changes-reason" in changes
    assert "changes-reason" not in approve


def test_a_coordinator_sees_what_approving_will_do_and_who_is_told(
    login, report_in_review, reviewer
):
    response = login(reviewer).get(step_url(report_in_review, "approve"))

    assert response.status_code == 200
    assert "The report becomes public" in response.text
    assert "editors are notified" in response.text
    assert f'<form method="post" action="{step_url(report_in_review, "approve")}"' in response.text
    assert f'href="{detail_url(report_in_review)}">Cancel</a>' in response.text
    assert status_of(report_in_review) == ReportStatus.IN_REVIEW  # a GET changes nothing


def test_confirming_approves_the_report(login, report_in_review, reviewer):
    response = login(reviewer).post(step_url(report_in_review, "approve"), follow=True)

    assert status_of(report_in_review) == ReportStatus.APPROVED
    assert "The report is approved and now public." in response.text


@pytest.mark.parametrize(("role", "status"), [("owner", 403), ("colleague", 403)])
def test_the_regions_partners_cannot_open_the_approval_confirmation(
    login, report_in_review, user_of_role, role, status
):
    assert login(user_of_role(role)).get(step_url(report_in_review, "approve")).status_code == (
        status
    )


@pytest.mark.parametrize("role", ["outsider", "stakeholder"])
def test_others_do_not_learn_the_report_exists_from_its_approval_page(
    login, report_in_review, user_of_role, role
):
    assert login(user_of_role(role)).get(step_url(report_in_review, "approve")).status_code == 404


def test_a_visitor_is_asked_to_sign_in_before_the_approval_page(login, report_in_review):
    response = login(None).get(step_url(report_in_review, "approve"))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_approval_page_of_a_report_no_longer_in_review_says_so_and_changes_nothing(
    login, returned_report, reviewer
):
    response = login(reviewer).get(step_url(returned_report, "approve"), follow=True)

    assert response.redirect_chain[-1][0] == detail_url(returned_report)
    assert "The report is changes requested now" in response.text
    assert status_of(returned_report) == ReportStatus.CHANGES_REQUESTED


# --- reopening through a confirmation ------------------------------------------------------


def test_a_coordinator_sees_what_reopening_will_do_with_the_reason_box(
    login, approved_report, reviewer
):
    report_page = login(reviewer).get(detail_url(approved_report)).text
    response = login(reviewer).get(step_url(approved_report, "reopen"))

    assert f'href="{step_url(approved_report, "reopen")}"' in report_page
    assert response.status_code == 200
    assert "The report is no longer public" in response.text
    assert 'name="reopen-reason"' in response.text
    assert status_of(approved_report) == ReportStatus.APPROVED


def test_confirming_with_a_reason_reopens_the_report(login, approved_report, reviewer):
    reason = {"reopen-reason": "The 2020 data are out."}

    response = login(reviewer).post(step_url(approved_report, "reopen"), reason, follow=True)

    assert status_of(approved_report) == ReportStatus.CHANGES_REQUESTED
    assert "The report was reopened for changes." in response.text


def test_reopening_without_a_reason_stays_on_the_confirmation_with_a_message(
    login, approved_report, reviewer
):
    response = login(reviewer).post(step_url(approved_report, "reopen"), {"reopen-reason": " "})

    assert response.status_code == 400
    assert "This field is required." in response.text
    assert "The report is no longer public" in response.text
    assert status_of(approved_report) == ReportStatus.APPROVED


@pytest.mark.parametrize("role", ["owner", "colleague", "outsider", "stakeholder"])
def test_only_coordinators_open_the_reopen_confirmation(login, approved_report, user_of_role, role):
    # An approved report is public: others learn nothing by a 403.
    assert login(user_of_role(role)).get(step_url(approved_report, "reopen")).status_code == 403


# --- requesting changes keeps the typed text -----------------------------------------------


def test_requesting_changes_with_an_empty_reason_answers_400_and_keeps_the_page(
    login, report_in_review, reviewer
):
    response = login(reviewer).post(step_url(report_in_review, "request_changes"), {})

    assert response.status_code == 400
    assert "This field is required." in response.text
    assert status_of(report_in_review) == ReportStatus.IN_REVIEW


def test_a_reason_too_long_is_refused_and_the_typed_text_is_kept(login, report_in_review, reviewer):
    typed = "Figures missing. " * 400

    response = login(reviewer).post(
        step_url(report_in_review, "request_changes"), {"changes-reason": typed}
    )

    assert response.status_code == 400
    assert "Ensure this value has at most 5000 characters" in response.text
    assert typed.strip() in response.text
    assert status_of(report_in_review) == ReportStatus.IN_REVIEW


# --- the toolbar ---------------------------------------------------------------------------


def test_the_toolbar_offers_the_pdf_in_each_language_before_the_report(login, report_a, owner):
    page = login(owner).get(detail_url(report_a)).text
    toolbar = page.split('class="report-toolbar"')[1].split("</div>")[0]

    assert f'action="{reverse("reports:report_pdf", kwargs={"pk": report_a.pk})}"' in toolbar
    for code in ("en", "it", "hu", "pl", "es", "lt"):
        assert f'<option value="{code}"' in toolbar
    assert '<option value="en" lang="en" selected>' in toolbar
    assert "History of changes" in toolbar
    assert page.index('class="report-toolbar"') < page.index('class="report-layout"')
    assert page.count("Download PDF") == 1  # no longer at the bottom of the sidebar


def test_the_toolbar_chooses_the_page_language_for_the_pdf(login, report_a, owner):
    with override("hu"):
        hungarian_page = detail_url(report_a)

    toolbar = login(owner).get(hungarian_page).text.split('class="report-toolbar"')[1]

    assert '<option value="hu" lang="hu" selected>' in toolbar


def test_visitors_get_the_pdf_choice_but_not_the_history(login, approved_report):
    toolbar = login(None).get(detail_url(approved_report)).text.split('class="report-toolbar"')[1]
    toolbar = toolbar.split("</div>")[0]

    assert "Download PDF" in toolbar
    assert "History of changes" not in toolbar


# --- saving a section ----------------------------------------------------------------------


def test_the_saved_message_is_inside_the_section_the_editor_lands_on(login, section_a, owner):
    client = login(owner)
    edit = reverse("reports:section_edit", kwargs={"pk": section_a.report_id, "key": section_a.key})

    response = client.post(edit, {"body": "<p>New text.</p>", "base_version": section_a.version})
    page = client.get(response["Location"]).text

    assert response["Location"].endswith("#section-opportunities")
    saved_section = page.split('id="section-opportunities"')[1].split("</section>")[0]
    assert "“Opportunities” was saved." in saved_section
    assert page.count("was saved.") == 1
