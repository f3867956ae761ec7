"""Loads the demo reports (`data/reports.json`: written from the partnership's public sources;
figures marked "illustrative" are not from them) through the same services partners use."""

import json
from decimal import Decimal
from pathlib import Path

from interventures.activity.services import log_action
from partners.models import Region, User
from reports.models import Indicator, SituationAnalysisReport
from reports.services import comment_add, comment_resolve, report_create, section_save
from reports.workflow import REPORT_WORKFLOW

REPORTS = json.loads((Path(__file__).parent / "data" / "reports.json").read_text(encoding="utf-8"))


def seed_reports(*, demo_domain: str) -> int:
    """Create each region's demo report once; a report that exists is left as partners made it.

    Returns how many reports were created.
    """
    created = 0
    for slug, content in REPORTS.items():
        region = Region.objects.get(slug=slug)
        if SituationAnalysisReport.objects.filter(region=region, title=content["title"]).exists():
            continue
        people = {
            "editor": User.objects.get(email=f"editor.{slug}@{demo_domain}"),
            "viewer": User.objects.get(email=f"viewer.{slug}@{demo_domain}"),
            "coordinator": User.objects.get(email=f"coordinator@{demo_domain}"),
        }
        _create(region, content, people)
        created += 1
    return created


def _create(region, content, people) -> None:
    report = report_create(
        region=region,
        title=content["title"],
        reference_period=content["reference_period"],
        language="en",
    )
    sections = {section.key: section for section in report.sections.all()}
    for key, body in content["sections"].items():
        if body:
            section_save(section=sections[key], author=people["editor"], body=body, base_version=0)
    Indicator.objects.bulk_create(
        Indicator(report=report, position=position, **{**row, "value": Decimal(row["value"])})
        for position, row in enumerate(content["indicators"])
    )
    for row in content["comments"]:
        comment = comment_add(
            report=report,
            author=people[row["author"]],
            body=row["body"],
            section=sections.get(row["section"]) if row["section"] else None,
        )
        if row["resolved"]:
            comment_resolve(comment=comment, user=people["coordinator"])
    # The workflow's history is written directly: seeding must not email anyone.
    for step in content["transitions"]:
        log_action(
            actor=people[step["actor"]],
            verb=REPORT_WORKFLOW.verb_of(step["from"], step["to"]),
            target=report,
            from_state=step["from"],
            to_state=step["to"],
            data={"reason": step["reason"]} if step["reason"] else {},
        )
    report.status = content["status"]
    report.save(update_fields=["status"])
