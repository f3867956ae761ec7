"""The activity log: append-only, written by the workflow, read per object and by coordinators
on the activity page."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from interventures.activity.models import ActivityEntry
from interventures.activity.selectors import entries_for
from interventures.activity.services import log_action
from practices.services import practice_transition
from reports.services import report_transition
from tests.harness import factories
from tests.harness.queries import assert_queries_do_not_grow

ACTIVITY = reverse("activity_list")


def table_of(response) -> str:
    """The entries' table of the page (the filter's options name every verb too)."""
    page = response.text
    return page[page.index("<tbody>") : page.index("</tbody>")]


def state_changes(target):
    """The object's workflow steps among its entries (saves of its text are entries too)."""
    return entries_for(target).exclude(to_state="")


@pytest.fixture
def report_a(region_a):
    return factories.make_report(region_a, texts=factories.complete_texts())


def test_a_workflow_step_writes_who_did_what_from_which_state_to_which_and_why(
    report_a, owner, coordinator
):
    report_transition(report=report_a, actor=owner, action="submit")
    report_transition(
        report=report_a, actor=coordinator, action="request_changes", reason="More data."
    )

    assert [
        (entry.actor, entry.verb, entry.from_state, entry.to_state, entry.reason)
        for entry in state_changes(report_a)
    ] == [
        (owner, "report.submitted", "draft", "in_review", ""),
        (coordinator, "report.changes_requested", "in_review", "changes_requested", "More data."),
    ]


def test_an_entry_is_never_changed_once_written(report_a, owner):
    entry = log_action(actor=owner, verb="report.submitted", target=report_a)
    entry.verb = "report.approved"

    with pytest.raises(ValueError, match="append-only"):
        entry.save()
    entry.refresh_from_db()
    assert entry.verb == "report.submitted"


def test_an_entry_stays_readable_when_its_object_is_deleted(region_a, owner):
    instrument = factories.make_instrument(region_a, name="Regional export vouchers")
    log_action(actor=owner, verb="instrument.created", target=instrument)

    instrument.delete()

    entry = ActivityEntry.objects.get(verb="instrument.created")
    assert (entry.target, entry.object_repr) == (None, "Regional export vouchers")


def test_the_workflow_refuses_a_step_to_someone_the_access_rules_do_not_allow(
    report_a, colleague, outsider
):
    for actor in (colleague, outsider):
        with pytest.raises(PermissionDenied):
            report_transition(report=report_a, actor=actor, action="submit")
    assert not state_changes(report_a).exists()


def test_entries_of_one_object_leave_out_the_others(region_a, report_a, owner, coordinator):
    practice = factories.make_practice(region_a, status="draft")
    report_transition(report=report_a, actor=owner, action="submit")
    practice_transition(practice=practice, actor=owner, action="submit")

    assert [entry.verb for entry in state_changes(report_a)] == ["report.submitted"]
    assert [entry.verb for entry in state_changes(practice)] == ["practice.submitted"]


# --- the activity page --------------------------------------------------------------------------


def test_coordinator_reads_what_happened_newest_first_with_links_and_reasons(
    login, report_a, owner, coordinator
):
    report_transition(report=report_a, actor=owner, action="submit")
    report_transition(
        report=report_a, actor=coordinator, action="request_changes", reason="Add the 2019 data."
    )

    response = login(coordinator).get(ACTIVITY)
    table = table_of(response)

    assert table.index("Changes requested on a report") < table.index("Report submitted")
    assert f'href="{report_a.get_absolute_url()}"' in table
    assert "Add the 2019 data." in table
    assert f"{ActivityEntry.objects.count()} entries" in response.text


@pytest.mark.parametrize("role", ["owner", "colleague", "outsider", "stakeholder"])
def test_nobody_but_coordinators_reads_the_activity_page(login, user_of_role, role):
    assert login(user_of_role(role)).get(ACTIVITY).status_code == 403


def test_a_visitor_is_asked_to_sign_in(login):
    response = login(None).get(ACTIVITY)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_page_filters_by_what_happened_and_by_who(login, report_a, owner, coordinator):
    report_transition(report=report_a, actor=owner, action="submit")
    report_transition(report=report_a, actor=coordinator, action="approve")

    approvals = table_of(login(coordinator).get(ACTIVITY, {"verb": "report.approved"}))
    by_owner = table_of(login(coordinator).get(ACTIVITY, {"actor": "owner@lombardy"}))
    by_name = table_of(login(coordinator).get(ACTIVITY, {"actor": "olivia OWNER"}))

    assert "Report approved" in approvals
    assert "Report submitted for review" not in approvals
    for table in (by_owner, by_name):
        assert "Report submitted for review" in table
        assert "Report approved" not in table


@pytest.mark.parametrize(
    "query",
    [
        {"since": "not a date"},
        {"until": "2026-02-31"},
        {"verb": "report.deleted_everything"},
        {"page": "9999"},
        {"page": "x"},
        {"actor": "\x00"},
    ],
)
def test_bad_filters_get_a_clear_answer_never_a_server_error(login, coordinator, query):
    response = login(coordinator).get(ACTIVITY, query)

    if set(query) & {"since", "until", "verb", "actor"}:
        assert response.status_code == 400
        assert 'id="error-summary"' in response.text
    else:
        assert response.status_code == 200


def test_the_page_queries_do_not_grow_with_its_entries(login, region_a, org_a, coordinator, owner):
    practice = factories.make_practice(region_a)
    instrument = factories.make_instrument(region_a)

    def make_rows(n):
        # Every kind of object the log names (the fixtures' sign-ins name users, their
        # memberships organisations), so both pages show the same kinds.
        for number in range(n):
            targets = (practice, instrument, factories.make_report(region_a), owner, org_a)
            log_action(actor=owner, verb="report.submitted", target=targets[number % 5])

    assert_queries_do_not_grow(login(coordinator), ACTIVITY, make_rows)


def test_the_activity_page_is_at_its_documented_address():
    assert ACTIVITY == "/activity/"


def test_a_reports_page_shows_its_activity_to_its_partners_but_not_to_visitors(
    login, report_a, owner, colleague, coordinator
):
    report_transition(report=report_a, actor=owner, action="submit")
    report_transition(report=report_a, actor=coordinator, action="approve")

    for reader in (colleague, coordinator):
        page = login(reader).get(report_a.get_absolute_url()).text
        assert 'id="activity"' in page
        assert "Report submitted for review" in page
    assert 'id="activity"' not in login(None).get(report_a.get_absolute_url()).text


def test_a_practices_page_shows_its_activity_to_its_regions_partners_only(
    login, region_a, owner, colleague, outsider
):
    practice = factories.make_practice(region_a, status="draft")
    practice_transition(practice=practice, actor=owner, action="submit")

    assert "Good practice submitted for publication" in (
        login(colleague).get(practice.get_absolute_url()).text
    )
    practice.status = "published"
    practice.save()
    for reader in (None, outsider):
        assert 'id="activity"' not in login(reader).get(practice.get_absolute_url()).text
