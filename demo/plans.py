"""The five action plans of the partnership and their phase 2 monitoring (`data/plans.json`:
from the partnership's public sources; what they do not give is marked "illustrative", and
amounts are given only where they do).

The plans show every stage of the review: three approved (Pécs, Podkarpackie, Klaipėda) with
monitoring in both semesters (the first approved, the second approved, in review and a draft),
Burgos's in review, Lombardy's returned with the coordinator's reason (and illustrative: its
instrument is not in the public sources). Each action links to the report sections, good
practices and transfers that inspired it.

Each plan is created once, with its actions and monitoring; a plan that exists for the region's
instrument is left as the partners made it. As in `seed_reports`, the workflow's history is
written directly and notifications as rows in the portal only: seeding emails nobody.
"""

import io
import json
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from interventures.activity.services import log_action
from interventures.comments.services import comment_add
from interventures.dates import portal_today
from partners.models import PartnerOrganisation, Region, User
from plans.comments import PLAN_COMMENTS
from plans.models import (
    Action,
    ActionPlan,
    ActionProgress,
    EvidenceFile,
    MonitoringPeriod,
    MonitoringReport,
    PlanStatus,
)
from plans.workflow import MONITORING_WORKFLOW, PLAN_WORKFLOW
from practices.models import GoodPractice, Transfer
from reports.models import ReportSection

from .reports import REPORTS
from .workspace import _tell

PLANS = json.loads((Path(__file__).parent / "data" / "plans.json").read_text(encoding="utf-8"))
# Phase 2 of INTER VENTURES: February 2022 to January 2023, reported on per semester.
PERIODS = [("2022-02-01", "2022-07-31"), ("2022-08-01", "2023-01-31")]


@transaction.atomic
def seed_plans(*, demo_domain: str) -> int:
    """Create each region's demo action plan once; returns how many were created."""

    def person(local_part: str) -> User:
        return User.objects.get(email=f"{local_part}@{demo_domain}")

    periods = _phase_two_periods()
    created = 0
    for slug, content in PLANS.items():
        region = Region.objects.get(slug=slug)
        instrument = region.instruments.order_by("pk").first()
        if instrument is None or ActionPlan.objects.filter(instrument=instrument).exists():
            continue
        people = {
            "editor": person(f"editor.{slug}"),
            "coordinator": person("coordinator"),
        }
        plan = _plan(region, instrument, content, people)
        if "thread" in content:
            _thread(plan, content["thread"], people)
        for row in content["monitoring"]:
            _monitoring(plan, periods[row["period"]], row, people)
        created += 1
    return created


def _phase_two_periods() -> list[MonitoringPeriod]:
    """Phase 2's two semesters (the plans app's migration made them; a database emptied since,
    as a browser test's is, gets them again), in order."""
    return [
        MonitoringPeriod.objects.get_or_create(starts_on=_day(start), ends_on=_day(end))[0]
        for start, end in PERIODS
    ]


def _moment(at: str | int) -> datetime:
    """A step's time: a date of the project's history ("2022-09-12", at 10:00) or, for what
    waits now, a number of days ago."""
    if isinstance(at, int):
        return timezone.now() - timedelta(days=at)
    return timezone.make_aware(datetime.combine(date.fromisoformat(at), time(10)))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _amount(value: str | None) -> Decimal | None:
    return Decimal(value) if value else None


def _history(workflow, target, steps: list[dict], people: dict) -> None:
    for step in steps:
        log_action(
            actor=people[step["actor"]],
            verb=workflow.verb_of(step["from"], step["to"]),
            target=target,
            from_state=step["from"],
            to_state=step["to"],
            data={"reason": step["reason"]} if step.get("reason") else {},
            when=_moment(step["at"]),
        )


def _plan(region: Region, instrument, content: dict, people: dict) -> ActionPlan:
    editor = people["editor"]
    due_in_days = content.get("due_in_days")
    plan = ActionPlan.objects.create(
        region=region,
        instrument=instrument,
        organisation=PartnerOrganisation.objects.get(
            short_name=content["organisation"], region=region
        ),
        title=content["title"],
        language="en",
        nuts2_region=content["nuts2_region"],
        contact_name=editor.get_full_name(),
        structural_funds=content["structural_funds"],
        policy_context=content["policy_context"],
        illustrative=content["illustrative"],
        status=content["status"],
        due_date=(
            portal_today() + timedelta(days=due_in_days) if due_in_days is not None else None
        ),
        last_edited_by=editor,
        last_edited_at=_moment(content["history"][0]["at"]),
    )
    report_title = REPORTS[region.slug]["title"]
    for position, row in enumerate(content["actions"], start=1):
        action = Action.objects.create(
            plan=plan,
            position=position,
            title=row["title"],
            background=row["background"],
            description=row["description"],
            improvement_type=row["improvement_type"],
            players=row["players"],
            starts_on=_day(row["starts_on"]),
            ends_on=_day(row["ends_on"]),
            cost=_amount(row["cost"]),
            funding_sources=row["funding_sources"],
            last_edited_by=editor,
        )
        action.report_sections.set(
            ReportSection.objects.filter(
                report__region=region, report__title=report_title, key__in=row["sections"]
            )
        )
        action.practices.set(GoodPractice.objects.filter(slug__in=row["practices"]))
        action.transfers.set(
            Transfer.objects.get(practice__slug=practice, region__slug=learning)
            for practice, learning in row["transfers"]
        )
    _history(PLAN_WORKFLOW, plan, content["history"], people)
    _told(plan, content["history"], PLAN_WORKFLOW, people)
    return plan


def _thread(plan: ActionPlan, row: dict, people: dict) -> None:
    """The coordinator's question on the returned plan's first action, and the editor's answer:
    a thread waiting on the coordinator's dashboard. Comment notifications go to the digest by
    default, and the plan's people are new: nobody is emailed."""
    question = comment_add(
        commentable=PLAN_COMMENTS,
        target=plan,
        part=plan.actions.order_by("position").first(),
        author=people["coordinator"],
        body=row["question"],
        quote=row["quote"],
    )
    comment_add(
        commentable=PLAN_COMMENTS,
        target=plan,
        author=people["editor"],
        body=row["answer"],
        parent=question,
    )


def _monitoring(plan: ActionPlan, period: MonitoringPeriod, row: dict, people: dict) -> None:
    report = MonitoringReport.objects.create(
        plan=plan, period=period, summary=row["summary"], status=row["status"]
    )
    actions = list(plan.actions.order_by("position"))
    for cell in row["progress"]:
        progress = ActionProgress.objects.create(
            report=report,
            action=actions[cell["action"]],
            status=cell["status"],
            reason=cell.get("reason", ""),
            reached_on=_day(cell.get("reached_on")),
            evidence=cell["evidence"],
            links=cell["links"],
            funds_mobilised=_amount(cell.get("funds_mobilised")),
            improvement_reached=cell["improvement_reached"],
        )
        if "file" in cell:
            _evidence_file(progress, cell["file"], people["editor"])
    _history(MONITORING_WORKFLOW, report, row["history"], people)
    _told(report, row["history"], MONITORING_WORKFLOW, people)


def _evidence_file(progress: ActionProgress, spec: dict, editor: User) -> None:
    """A small real picture (a PNG drawn here) kept like an uploaded evidence file."""
    image = Image.new("RGB", (480, 160), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 479, 159), outline=(0, 51, 153), width=3)
    draw.text((20, 20), spec["heading"], fill=(0, 51, 153))
    for number, line in enumerate(spec["lines"]):
        draw.text((20, 60 + 24 * number), line, fill=(0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    content = buffer.getvalue()
    evidence = EvidenceFile(
        progress=progress,
        name=spec["name"],
        content_type="image/png",
        size=len(content),
        uploaded_by=editor,
    )
    evidence.file.save(spec["name"], ContentFile(content), save=False)
    evidence.save()
    log_action(
        actor=editor,
        verb="monitoring.evidence_added",
        target=progress.report,
        data={"detail": spec["name"]},
    )


# --- notifications, as the workflow would have written them ----------------------------------


def _told(target, steps: list[dict], workflow, people: dict) -> None:
    """Tell of each step whom the workflow tells (submissions: the coordinator; the other
    steps: the region's editor); only the last step of something still waiting is unread."""
    unread_last = target.status != PlanStatus.APPROVED
    for number, step in enumerate(steps):
        submitted = step["to"] == PlanStatus.IN_REVIEW
        recipient = people["coordinator"] if submitted else people["editor"]
        last = number == len(steps) - 1
        _tell(
            recipient,
            workflow.verb_of(step["from"], step["to"]),
            target,
            people[step["actor"]],
            target.get_absolute_url(),
            data={"reason": step["reason"]} if step.get("reason") else None,
            when=_moment(step["at"]),
            read=not (last and unread_last),
        )
