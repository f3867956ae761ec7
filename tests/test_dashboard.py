"""The dashboard (/dashboard/): where everyone lands after signing in, with what needs them by
role, each item linking to where the work is done; the header's counts."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import Registration, RegistrationStatus
from interventures.activity.models import ActivityEntry
from interventures.comments.mentions import token_for
from interventures.dates import portal_today
from interventures.workflow.services import transition
from plans.models import ActionProgress, MonitoringPeriod
from plans.services.plans import plan_draft_autosave
from plans.workflow import MONITORING_WORKFLOW, PLAN_WORKFLOW
from practices.models import Interest
from reports.models import SPECS, Compendium, SectionDraft
from reports.services import comment_add, comment_resolve, report_transition
from tests.harness import factories
from tests.harness.queries import assert_queries_do_not_grow

URL = reverse("dashboard")


def dashboard(client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def returned_report(region, coordinator, editor, *, reason="Add the 2023 export figures."):
    report = factories.make_report(
        region, title="Returned report", texts=factories.complete_texts()
    )
    report_transition(report=report, actor=editor, action="submit")
    report_transition(report=report, actor=coordinator, action="request_changes", reason=reason)
    return report


def draft_of(user, report, key="opportunities"):
    section = report.sections.get(key=key)
    return SectionDraft.objects.create(
        section=section, author=user, body="<p>Half</p>", base_version=0
    )


# --- who sees what -----------------------------------------------------------------------------


def test_an_editor_sees_the_returned_report_with_the_coordinators_reason_first(
    owner, coordinator, login, region_a
):
    report = returned_report(region_a, coordinator, owner)
    page = dashboard(login(owner))
    returned_at = page.index("Returned to you for changes")
    assert returned_at < page.index("reports-title")
    assert "Add the 2023 export figures." in page
    assert report.get_absolute_url() in page


def test_an_editor_sees_completeness_what_is_missing_and_the_days_left(owner, login, region_a):
    report = factories.make_report(region_a, title="Half-written report")
    report.due_date = portal_today() + timedelta(days=5)
    report.save()
    page = dashboard(login(owner))
    assert "Half-written report" in page
    required = sum(1 for spec in SPECS.values() if spec.required)
    assert f"0 of {required} required sections written" in page
    assert "Still to write:" in page
    assert "5 days left" in page


def test_an_overdue_report_is_highlighted_on_the_dashboard(owner, login, region_a):
    report = factories.make_report(region_a, title="Late report")
    report.due_date = portal_today() - timedelta(days=2)
    report.save()
    page = dashboard(login(owner))
    assert "overdue by 2 days" in page
    assert 'class="work-item is-overdue"' in page


def test_an_editor_finds_their_unsaved_draft_with_a_link_back_to_the_editor(owner, login, region_a):
    report = factories.make_report(region_a)
    draft = draft_of(owner, report)
    page = dashboard(login(owner))
    assert draft.section.get_edit_url() in page
    assert "My unsaved drafts" in page


def test_an_editor_finds_their_unsaved_plan_drafts_with_links_back_and_counts_them(
    owner, colleague, login, region_a
):
    plan = new_plan(region_a)
    action = plan.actions.get()
    plan_draft_autosave(plan=plan, author=owner, data={"title": "Half"}, base_version=0)
    plan_draft_autosave(
        plan=plan, author=owner, action=action, data={"title": "Half"}, base_version=0
    )
    page = dashboard(login(owner))
    assert reverse("plans:plan_edit", kwargs={"pk": plan.pk}) in page
    assert reverse("plans:action_edit", kwargs={"pk": plan.pk, "action_pk": action.pk}) in page
    assert "2 to do" in page
    assert reverse("plans:plan_edit", kwargs={"pk": plan.pk}) not in dashboard(login(colleague))


def test_nobody_sees_another_persons_drafts(owner, colleague, outsider, login, region_a, region_b):
    report_a = factories.make_report(region_a)
    report_b = factories.make_report(region_b)
    mine = draft_of(owner, report_a)
    theirs = draft_of(outsider, report_b)
    for user, hidden in ((colleague, mine), (colleague, theirs), (owner, theirs), (outsider, mine)):
        assert hidden.section.get_edit_url() not in dashboard(login(user))


def test_a_viewer_reads_their_regions_work_but_not_another_regions(
    colleague, login, region_a, region_b
):
    factories.make_report(region_a, title="Our report")
    factories.make_report(region_b, title="Their draft report")
    factories.make_practice(region_b, status="draft", title="Their draft practice")
    factories.make_practice(region_a, status="returned", title="Our returned practice")
    page = dashboard(login(colleague))
    assert "Our report" in page
    assert "Our returned practice" in page
    assert "Their draft report" not in page
    assert "Their draft practice" not in page
    # Read-only: no drafts section, no link to start work.
    assert "My unsaved drafts" not in page
    assert reverse("reports:report_create") not in page


def test_an_editor_sees_their_regions_events_with_registrations(owner, login, region_a, region_b):
    event = factories.make_event(region_a, title="Export forum", capacity=1)
    for status in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING):
        Registration.objects.create(event=event, user=factories.make_user(), status=status)
    factories.make_event(region_b, title="Another region's forum")
    page = dashboard(login(owner))
    assert "Export forum" in page
    assert "1 registered, 1 waiting" in page
    assert "Another region&#x27;s forum" not in page


def test_a_coordinator_sees_the_review_queue_oldest_first_with_its_age(
    coordinator, owner, outsider, login, region_a, region_b
):
    older = factories.make_report(
        region_a, title="Older submission", texts=factories.complete_texts()
    )
    newer = factories.make_report(
        region_b, title="Newer submission", texts=factories.complete_texts()
    )
    report_transition(report=older, actor=owner, action="submit")
    report_transition(report=newer, actor=outsider, action="submit")
    ActivityEntry.objects.filter(object_id=str(older.pk), verb="report.submitted").update(
        created_at=timezone.now() - timedelta(days=4)
    )
    factories.make_practice(region_a, status="submitted", title="Practice to publish")
    page = dashboard(login(coordinator))
    assert page.index("Older submission") < page.index("Newer submission")
    assert "waiting since 4 days" in page
    assert "Practice to publish" in page
    assert "submitted today" in page  # the newer one


def test_a_coordinator_sees_overdue_reports_region_lines_and_their_compendiums(
    coordinator, login, region_a, region_b
):
    late = factories.make_report(region_b, title="Late report")
    late.due_date = portal_today() - timedelta(days=1)
    late.save()
    factories.make_practice(region_a, title="Published practice")
    factories.make_event(region_a, title="Next forum")
    compendium = Compendium.objects.create(
        requested_by=coordinator, language="en", report_ids=[], status="done", total=2
    )
    page = dashboard(login(coordinator))
    assert "Late report" in page
    assert "overdue by 1 day" in page
    assert "1 good practice published" in page
    assert "Next forum" in page
    assert compendium.get_absolute_url() in page


def test_a_stakeholder_sees_their_events_with_the_waiting_list_position_and_interests(
    stakeholder, login, region_a
):
    event = factories.make_event(region_a, title="Full forum", capacity=1)
    Registration.objects.create(event=event, user=factories.make_user(), status="confirmed")
    Registration.objects.create(event=event, user=factories.make_user(), status="waiting")
    Registration.objects.create(event=event, user=stakeholder, status="waiting")
    practice = factories.make_practice(region_a, title="Export vouchers")
    Interest.objects.create(
        practice=practice,
        user=stakeholder,
        name="Sam",
        email=stakeholder.email,
        message="How?",
        consent_at=timezone.now(),
    )
    page = dashboard(login(stakeholder))
    assert "Full forum" in page
    assert "On the waiting list, number 2" in page
    assert "Export vouchers" in page


def test_a_stakeholder_has_no_review_queue_and_no_regions_work(stakeholder, login, region_a):
    factories.make_report(region_a, title="A region's draft")
    factories.make_practice(region_a, status="submitted", title="A submitted practice")
    page = dashboard(login(stakeholder))
    assert "Waiting for review" not in page
    assert "A region&#x27;s draft" not in page
    assert "A submitted practice" not in page


def test_comments_that_mention_me_or_answer_me_wait_on_my_dashboard(
    owner, colleague, coordinator, login, region_a
):
    report = factories.make_report(region_a, title="Commented report")
    section = report.sections.get(key="opportunities")
    comment_add(
        report=report,
        author=coordinator,
        body=f"{token_for(owner)} where do these figures come from?",
        section=section,
    )
    mine = comment_add(report=report, author=colleague, body="Shall we add Swiss exports?")
    comment_add(report=report, author=owner, body="Yes, I will.", parent=mine)
    page = dashboard(login(owner))
    assert "where do these figures come from?" in page
    assert "you are mentioned" in page
    # The owner had the last word in the colleague's thread: it waits for the colleague.
    assert "Shall we add Swiss exports?" not in page
    colleagues = dashboard(login(colleague))
    assert "Shall we add Swiss exports?" in colleagues
    assert "answered since your comment" in colleagues
    assert "where do these figures come from?" not in colleagues


def test_a_resolved_thread_or_another_regions_thread_is_not_shown(
    owner, outsider, coordinator, login, region_a, region_b
):
    ours = factories.make_report(region_a)
    theirs = factories.make_report(region_b)
    done = comment_add(report=ours, author=coordinator, body=f"{token_for(owner)} fixed?")
    comment_resolve(comment=done, user=coordinator)
    comment_add(report=theirs, author=coordinator, body=f"{token_for(owner)} secret of region B")
    page = dashboard(login(owner))
    assert "fixed?" not in page
    assert "secret of region B" not in page


@pytest.mark.parametrize("role", ["owner", "colleague", "coordinator", "stakeholder"])
def test_an_empty_dashboard_says_what_to_do_next(role, world, login):
    page = dashboard(login(getattr(world, role)))
    assert 'class="empty"' in page


def test_visitors_are_asked_to_sign_in(login):
    response = login(None).get(URL)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


# --- action plans and their monitoring ----------------------------------------------------------


def new_plan(region, **fields):
    """A plan of `region` for a new instrument (one plan per region and instrument)."""
    return factories.make_plan(region, instrument=factories.make_instrument(region), **fields)


def returned_plan(region, coordinator, editor, *, reason="Name the funding sources."):
    plan = new_plan(region, title="Returned plan")
    transition(workflow=PLAN_WORKFLOW, obj=plan, actor=editor, action="submit")
    transition(
        workflow=PLAN_WORKFLOW, obj=plan, actor=coordinator, action="request_changes", reason=reason
    )
    return plan


def section_of(page: str, heading_id: str) -> str:
    return page.split(f'id="{heading_id}"')[1].split("</section>")[0]


def test_an_editor_sees_the_regions_plan_with_its_state_and_what_it_lacks(owner, login, region_a):
    plan = new_plan(region_a, title="Our export plan", policy_context="", actions=0)
    plan.due_date = portal_today() + timedelta(days=9)
    plan.save()
    plans = section_of(dashboard(login(owner)), "plans-title")
    assert plan.get_absolute_url() in plans
    assert "Draft" in plans
    assert "Still to complete: the policy context; at least one action" in plans
    assert "9 days left" in plans


def test_an_overdue_plan_says_by_how_many_days(owner, login, region_a):
    plan = new_plan(region_a, title="Late plan")
    plan.due_date = portal_today() - timedelta(days=3)
    plan.save()
    plans = section_of(dashboard(login(owner)), "plans-title")
    assert "overdue by 3 days" in plans
    assert 'class="work-item is-overdue"' in plans


def test_an_approved_plan_links_to_its_monitoring_and_lacks_nothing(owner, login, region_a):
    plan = new_plan(region_a, status="approved", policy_context="")
    plans = section_of(dashboard(login(owner)), "plans-title")
    assert reverse("plans:monitoring", kwargs={"pk": plan.pk}) in plans
    assert "Still to complete" not in plans


def test_an_editor_sees_the_returned_plan_with_the_coordinators_reason_first(
    owner, coordinator, login, region_a
):
    plan = returned_plan(region_a, coordinator, owner)
    page = dashboard(login(owner))
    returned = section_of(page, "returned-title")
    assert plan.get_absolute_url() in returned
    assert "Name the funding sources." in returned
    assert page.index("returned-title") < page.index("plans-title")


def test_an_editor_sees_the_monitoring_reports_to_finish_with_the_actions_recorded(
    owner, coordinator, login, region_a
):
    plan = new_plan(region_a, status="approved", actions=2)
    draft = factories.make_monitoring(plan)
    ActionProgress.objects.create(report=draft, action=plan.actions.first(), status="in_progress")
    done = factories.make_monitoring(
        plan, period=MonitoringPeriod.objects.last(), progress="implemented"
    )
    transition(workflow=MONITORING_WORKFLOW, obj=done, actor=owner, action="submit")
    transition(
        workflow=MONITORING_WORKFLOW,
        obj=done,
        actor=coordinator,
        action="request_changes",
        reason="Attach the attendance sheets.",
    )
    page = dashboard(login(owner))
    monitoring = page.split('id="monitoring-title"')[1].split("</ul>")[0]
    assert draft.get_absolute_url() in monitoring
    assert "1 of 2 actions recorded" in monitoring
    assert "2 of 2 actions recorded" in monitoring
    assert "Attach the attendance sheets." in section_of(page, "returned-title")


def test_an_approved_monitoring_report_is_not_to_finish(owner, login, region_a):
    plan = new_plan(region_a, status="approved")
    factories.make_monitoring(plan, status="approved", progress="implemented")
    assert 'id="monitoring-title"' not in dashboard(login(owner))


def test_nobody_sees_another_regions_plans_on_the_dashboard(
    colleague, outsider, login, region_a, region_b
):
    ours = new_plan(region_a, title="Our plan")
    theirs = new_plan(region_b, title="Their draft plan")
    factories.make_monitoring(new_plan(region_b, status="approved", title="Their approved plan"))
    page = dashboard(login(colleague))
    assert ours.get_absolute_url() in page
    assert theirs.get_absolute_url() not in page
    assert "Their approved plan" not in page
    # Read-only: no link to start a plan.
    assert reverse("plans:plan_create") not in page
    assert "Our plan" not in dashboard(login(outsider))


def test_an_editor_without_a_plan_is_offered_to_start_one(owner, login):
    plans = section_of(dashboard(login(owner)), "plans-title")
    assert 'class="empty"' in plans
    assert reverse("plans:plan_create") in plans


def test_the_coordinators_queue_has_plans_and_monitoring_reports_oldest_first(
    coordinator, owner, outsider, login, region_a, region_b
):
    plan = new_plan(region_a, title="Plan to review")
    transition(workflow=PLAN_WORKFLOW, obj=plan, actor=owner, action="submit")
    approved = new_plan(region_b, status="approved", title="Monitored plan")
    report = factories.make_monitoring(approved, progress="implemented")
    transition(workflow=MONITORING_WORKFLOW, obj=report, actor=outsider, action="submit")
    ActivityEntry.objects.filter(object_id=str(report.pk), verb="monitoring.submitted").update(
        created_at=timezone.now() - timedelta(days=6)
    )
    queue = section_of(dashboard(login(coordinator)), "queue-title")
    assert queue.index(report.get_absolute_url()) < queue.index(plan.get_absolute_url())
    assert "Monitoring report · " in queue
    assert "Action plan · " in queue
    assert "waiting since 6 days" in queue
    assert "Monitored plan" in queue


def test_the_coordinators_region_lines_show_each_regions_plan_state(
    coordinator, login, region_a, region_b
):
    plan = new_plan(region_a, status="approved")
    regions = section_of(dashboard(login(coordinator)), "regions-title")
    assert plan.get_absolute_url() in regions
    assert "Approved" in regions
    assert "No action plan yet" in regions  # region B


def test_the_coordinators_header_count_includes_plans_and_monitoring_in_review(
    coordinator, owner, login, region_a
):
    plan = new_plan(region_a)
    transition(workflow=PLAN_WORKFLOW, obj=plan, actor=owner, action="submit")
    report = factories.make_monitoring(new_plan(region_a, status="approved"), progress="partly")
    ActionProgress.objects.filter(report=report).update(reason="Calls not open yet.")
    transition(workflow=MONITORING_WORKFLOW, obj=report, actor=owner, action="submit")
    factories.make_practice(region_a, status="submitted")
    page = login(coordinator).get(reverse("home")).content.decode()
    assert "3 to review" in page


def test_the_editors_header_count_includes_returned_plans_and_monitoring(
    owner, colleague, coordinator, login, region_a
):
    returned_plan(region_a, coordinator, owner)
    report = factories.make_monitoring(new_plan(region_a, status="approved"), status="in_review")
    transition(
        workflow=MONITORING_WORKFLOW,
        obj=report,
        actor=coordinator,
        action="request_changes",
        reason="More evidence.",
    )
    assert "2 to do" in login(owner).get(reverse("home")).content.decode()
    assert "to do" not in login(colleague).get(reverse("home")).content.decode()


# --- landing after sign-in -----------------------------------------------------------------------


@pytest.mark.parametrize("role", ["owner", "colleague", "stakeholder"])
def test_everyone_lands_on_the_dashboard_after_signing_in(role, world, client):
    user = getattr(world, role)
    user.first_name = "Named"  # people without a name are asked for it first
    user.set_password("a long enough password")
    user.save()
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": "a long enough password"}
    )
    assert response.status_code == 302
    assert response["Location"] == URL


def test_a_next_parameter_still_wins_after_signing_in(owner, client):
    owner.set_password("a long enough password")
    owner.save()
    events = reverse("events:event_list")
    response = client.post(
        f"{reverse('account_login')}?next={events}",
        {"login": owner.email, "password": "a long enough password"},
    )
    assert response["Location"] == events


# --- the header's counts -------------------------------------------------------------------------


def test_coordinators_read_how_many_things_wait_for_review_in_the_header(
    coordinator, owner, login, region_a
):
    report = factories.make_report(region_a, texts=factories.complete_texts())
    report_transition(report=report, actor=owner, action="submit")
    factories.make_practice(region_a, status="submitted")
    factories.make_practice(region_a, status="submitted")
    page = login(coordinator).get(reverse("home")).content.decode()
    assert "3 to review" in page


def test_editors_read_how_many_things_wait_for_them_in_the_header(
    owner, coordinator, login, region_a
):
    returned_report(region_a, coordinator, owner)
    factories.make_practice(region_a, status="returned")
    draft_of(owner, factories.make_report(region_a))
    page = login(owner).get(reverse("home")).content.decode()
    assert "3 to do" in page


def test_viewers_and_stakeholders_have_no_count(
    colleague, stakeholder, coordinator, owner, login, region_a
):
    returned_report(region_a, coordinator, owner)
    for user in (colleague, stakeholder):
        page = login(user).get(reverse("home")).content.decode()
        assert "to do" not in page
        assert "to review" not in page


def test_the_header_count_costs_one_query(coordinator, login):
    client = login(coordinator)
    client.get(reverse("privacy"))
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("privacy"))
    counts = [q["sql"] for q in queries.captured_queries if "reports_situationanalysis" in q["sql"]]
    assert len(counts) == 1


# --- query counts --------------------------------------------------------------------------------


def _more_work(world):
    """`make(n)`: n more of everything each role's dashboard lists."""

    def make(n):
        for _ in range(n):
            report = factories.make_report(world.region_a, texts=factories.complete_texts())
            report.due_date = portal_today() - timedelta(days=1)
            report.save()
            draft_of(world.owner, report)
            returned = returned_report(world.region_a, world.coordinator, world.owner)
            report_transition(report=returned, actor=world.owner, action="submit")
            returned.refresh_from_db()
            report_transition(
                report=returned, actor=world.coordinator, action="request_changes", reason="More."
            )
            factories.make_practice(world.region_a, status="submitted")
            factories.make_practice(world.region_a, status="draft")
            event = factories.make_event(world.region_a)
            Registration.objects.create(event=event, user=world.stakeholder, status="waiting")
            practice = factories.make_practice(world.region_b)
            Interest.objects.create(
                practice=practice,
                user=world.stakeholder,
                name="S",
                email="s@example.org",
                message="?",
                consent_at=timezone.now(),
            )
            Compendium.objects.create(requested_by=world.coordinator, language="en", status="done")
            for user in (world.owner, world.colleague, world.coordinator):
                comment_add(report=report, author=world.outsider, body=f"{token_for(user)} ?")
            thread = comment_add(report=report, author=world.colleague, body="Mine")
            comment_add(report=report, author=world.coordinator, body="Answer", parent=thread)
            factories.make_region_with_partners(organisations=1, instruments=0)
            plan = returned_plan(world.region_a, world.coordinator, world.owner)
            transition(workflow=PLAN_WORKFLOW, obj=plan, actor=world.owner, action="submit")
            transition(
                workflow=PLAN_WORKFLOW,
                obj=plan,
                actor=world.coordinator,
                action="request_changes",
                reason="Again.",
            )
            transition(
                workflow=PLAN_WORKFLOW,
                obj=new_plan(world.region_a),
                actor=world.owner,
                action="submit",
            )
            plan_draft_autosave(
                plan=plan, author=world.owner, data={"title": "Half"}, base_version=0
            )
            approved = new_plan(world.region_a, status="approved", actions=2)
            factories.make_monitoring(approved, progress="in_progress")
            factories.make_monitoring(
                approved, period=periods[1], status="in_review", progress="implemented"
            )

    periods = list(MonitoringPeriod.objects.order_by("starts_on"))
    return make


@pytest.mark.parametrize("role", ["owner", "colleague", "coordinator", "stakeholder"])
def test_dashboard_queries_do_not_grow_with_items(role, world, login, capsys):
    count = assert_queries_do_not_grow(login(getattr(world, role)), URL, _more_work(world))
    with capsys.disabled():
        print(f"\ndashboard queries for {role}: {count}")
