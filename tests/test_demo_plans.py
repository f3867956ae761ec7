"""The demo's action plans (issue 16): after `seed_demo` the five regions' plans show every
stage of the review, each action links to what inspired it, the approved plans have their
phase 2 monitoring with a real evidence file, nobody is emailed, and a second run adds
nothing."""

from html import escape
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from PIL import Image

from interventures.activity.models import ActivityEntry
from interventures.notifications.models import Notification
from partners.models import User
from plans.models import (
    Action,
    ActionPlan,
    ActionProgress,
    ActionStatus,
    EvidenceFile,
    MonitoringReport,
    PlanStatus,
)
from plans.selectors.monitoring import missing_in_monitoring
from plans.selectors.plans import missing_in_plan

DOMAIN = "demo.interventures.eu"


def seed():
    call_command("seed_demo", stdout=StringIO())


@pytest.fixture
def seeded(db, django_capture_on_commit_callbacks):
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        seed()


def plan_of(slug: str) -> ActionPlan:
    return ActionPlan.objects.get(region__slug=slug)


def dashboard(login, local_part: str) -> str:
    user = User.objects.get(email=f"{local_part}@{DOMAIN}")
    response = login(user).get(reverse("dashboard"))
    assert response.status_code == 200
    return response.text


def counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (
            ActionPlan,
            Action,
            MonitoringReport,
            ActionProgress,
            EvidenceFile,
            ActivityEntry,
            Notification,
        )
    }


def test_the_five_plans_show_every_stage_of_the_review(seeded):
    statuses = dict(ActionPlan.objects.values_list("region__slug", "status"))

    assert statuses == {
        "pecs": PlanStatus.APPROVED,
        "podkarpackie": PlanStatus.APPROVED,
        "klaipeda": PlanStatus.APPROVED,
        "castilla-y-leon": PlanStatus.IN_REVIEW,
        "lombardy": PlanStatus.CHANGES_REQUESTED,
    }


def test_each_plan_addresses_its_regions_instrument_with_its_nuts2_region_and_contact(seeded):
    for plan in ActionPlan.objects.select_related("region", "instrument", "organisation"):
        editor = User.objects.get(email=f"editor.{plan.region.slug}@{DOMAIN}")
        assert plan.instrument.region == plan.region
        assert plan.organisation.region == plan.region
        assert plan.contact_name == editor.get_full_name()
        assert 1 <= plan.actions.count() <= 3
        # Every plan is complete: the approved ones were, the others were submitted.
        assert missing_in_plan(plan) == [], plan.region.slug
    assert plan_of("pecs").nuts2_region == "HU23 Dél-Dunántúl"
    assert plan_of("klaipeda").nuts2_region == "LT02 Vidurio ir vakarų Lietuvos regionas"


def test_only_lombardys_plan_is_illustrative_and_its_text_says_so(seeded):
    lombardy = plan_of("lombardy")

    assert list(ActionPlan.objects.filter(illustrative=True)) == [lombardy]
    assert "Illustrative" in lombardy.policy_context
    assert "not found in public sources" in lombardy.policy_context


def test_every_action_links_to_what_inspired_it_in_its_own_region(seeded):
    for action in Action.objects.select_related("plan__region").prefetch_related(
        "report_sections__report", "practices", "transfers"
    ):
        links = [*action.report_sections.all(), *action.practices.all(), *action.transfers.all()]
        assert links, action.title
        for section in action.report_sections.all():
            assert section.report.region == action.plan.region
        for transfer in action.transfers.all():
            assert transfer.region == action.plan.region


def test_lombardys_action_draws_on_the_hungarian_practice_and_its_recorded_transfer(seeded):
    [action] = plan_of("lombardy").actions.all()

    assert [p.slug for p in action.practices.all()] == ["promoting-women-entrepreneurship"]
    [transfer] = action.transfers.all()
    assert transfer.practice.slug == "promoting-women-entrepreneurship"
    assert transfer.region.slug == "lombardy"


def test_the_coordinator_asked_about_lombardys_action_and_its_editor_answered(seeded, login):
    plan = plan_of("lombardy")
    question = plan.comments.get(parent=None)
    assert question.action == plan.actions.first()
    assert question.replies.get().author.email.startswith("editor.lombardy@")
    page = login(plan.region.organisations.first().memberships.first().user).get(
        plan.get_absolute_url()
    )
    assert "Which of the Hungarian grants" in page.content.decode()


def test_only_the_public_amount_is_given_as_a_cost(seeded):
    costs = {action.title: action.cost for action in Action.objects.exclude(cost=None)}

    assert list(costs.values()) == [432808]
    assert "Young people working on their own" in next(iter(costs))


def test_the_returned_plan_has_the_coordinators_reason_and_the_one_in_review_its_submission(
    seeded,
):
    returned = ActivityEntry.objects.filter(
        object_id=str(plan_of("lombardy").pk), verb="plan.changes_requested"
    ).get()
    submitted = ActivityEntry.objects.filter(
        object_id=str(plan_of("castilla-y-leon").pk), verb="plan.submitted"
    )

    assert returned.actor == User.objects.get(email=f"coordinator@{DOMAIN}")
    assert "funding sources" in returned.data["reason"]
    assert submitted.exists()
    lombardy_editor = User.objects.get(email=f"editor.lombardy@{DOMAIN}")
    told = Notification.objects.get(recipient=lombardy_editor, kind="plan.changes_requested")
    assert told.read_at is None


def test_the_approved_plans_are_monitored_in_both_semesters(seeded):
    reports = {
        (report.plan.region.slug, report.period.starts_on.month): report.status
        for report in MonitoringReport.objects.select_related("plan__region", "period")
    }

    assert reports == {
        ("pecs", 2): PlanStatus.APPROVED,
        ("podkarpackie", 2): PlanStatus.APPROVED,
        ("klaipeda", 2): PlanStatus.APPROVED,
        ("pecs", 8): PlanStatus.APPROVED,
        ("podkarpackie", 8): PlanStatus.IN_REVIEW,
        ("klaipeda", 8): PlanStatus.DRAFT,
    }
    for report in MonitoringReport.objects.exclude(status=PlanStatus.DRAFT):
        assert missing_in_monitoring(report) == [], str(report)


def test_monitoring_mixes_the_statuses_with_reasons_evidence_and_funds(seeded):
    progress = list(ActionProgress.objects.all())

    assert {row.status for row in progress} >= {
        ActionStatus.IMPLEMENTED,
        ActionStatus.IN_PROGRESS,
        ActionStatus.PARTLY,
        ActionStatus.NOT_STARTED,
    }
    for row in progress:
        row.full_clean()  # a partly implemented action says why
        assert row.evidence
    assert any(row.links.startswith("https://") for row in progress)
    assert any(row.funds_mobilised for row in progress)


def test_an_evidence_file_is_a_real_picture_in_private_storage(seeded):
    [evidence] = EvidenceFile.objects.all()

    assert evidence.progress.report.plan == plan_of("pecs")
    assert evidence.progress.report.status == PlanStatus.APPROVED
    with evidence.file.open("rb") as handle:
        image = Image.open(handle)
        image.verify()
    assert image.format == "PNG"
    assert evidence.size == evidence.file.size
    assert evidence.content_type == "image/png"


def test_the_coordinator_finds_the_plan_and_the_monitoring_report_in_review_in_the_queue(
    seeded, login
):
    page = dashboard(login, "coordinator")
    queue = page.split('id="queue-title"')[1].split("</section>")[0]
    monitoring = MonitoringReport.objects.get(status=PlanStatus.IN_REVIEW)

    assert plan_of("castilla-y-leon").get_absolute_url() in queue
    assert monitoring.get_absolute_url() in queue
    assert "waiting since 5 days" in queue  # Burgos's plan
    assert "waiting since 3 days" in queue  # Podkarpackie's monitoring
    # The Situation Analysis Report and the practice waiting, and the two above.
    assert "4 to review" in page


def test_lombardys_editor_reads_why_the_plan_came_back_and_klaipedas_what_to_finish(seeded, login):
    lombardy = dashboard(login, "editor.lombardy")
    returned = lombardy.split('id="returned-title"')[1].split("</section>")[0]
    assert plan_of("lombardy").get_absolute_url() in returned
    assert escape("please add the timeframe, the players and the funding sources") in returned
    assert "14 days left" in lombardy

    klaipeda = dashboard(login, "editor.klaipeda")
    monitoring = klaipeda.split('id="monitoring-title"')[1].split("</ul>")[0]
    assert "1 of 2 actions recorded" in monitoring


def test_seeding_emails_nobody_and_queues_no_task(seeded):
    assert mail.outbox == []
    assert not DBTaskResult.objects.exists()


def test_seeding_again_creates_nothing_twice(seeded):
    first = counts()

    seed()

    assert counts() == first


def test_seeding_again_leaves_a_plan_the_partners_changed(seeded):
    ActionPlan.objects.filter(region__slug="castilla-y-leon").update(
        status=PlanStatus.APPROVED, title="Changed by the partners"
    )

    seed()

    plan = plan_of("castilla-y-leon")
    assert plan.title == "Changed by the partners"
    assert plan.status == PlanStatus.APPROVED
