"""Loads the demo reports (`data/reports.json`: written from the partnership's public sources;
figures marked "illustrative" are not from them) through the same services partners use."""

import json
from decimal import Decimal
from pathlib import Path

from interventures.activity.services import log_action
from partners.models import Region, User
from reports.models import Indicator, IndicatorCode, SituationAnalysisReport
from reports.services import comment_add, comment_resolve, report_create, section_save
from reports.workflow import REPORT_WORKFLOW

REPORTS = json.loads((Path(__file__).parent / "data" / "reports.json").read_text(encoding="utf-8"))

# The shared indicators of the demo, and the demo figures (by their name in reports.json) that
# measure the same thing. Pécs's "SMEs with a regular business partner across the border"
# measures cooperation, not exports: it keeps no code.
INDICATOR_CODES = (
    {
        "code": "MATURITY-STAGE",
        "name": "Ecosystem maturity stage (self-assessment)",
        "unit": "stage (1-3)",
        "definition": (
            "The stage the region's SME ecosystem has reached: 1. occasional cross-border "
            "cooperation, 2. structured network, 3. international clusterisation."
        ),
        "position": 1,
        "matches": ("Ecosystem maturity stage (self-assessment)",),
    },
    {
        "code": "SME-EXPORT",
        "name": "SMEs exporting, %",
        "unit": "%",
        "definition": "Share of the region's small and medium-sized enterprises that sell abroad.",
        "position": 2,
        "matches": (
            "SMEs that export regularly",
            "SMEs selling directly abroad",
            "Rural SMEs selling outside Spain",
            "SMEs exporting directly",
        ),
    },
)


def seed_indicator_codes() -> dict[str, IndicatorCode]:
    """The demo's shared codes (made once), by the name of each demo figure they match."""
    by_figure = {}
    for fields in INDICATOR_CODES:
        fields = dict(fields)
        matches = fields.pop("matches")
        code, _created = IndicatorCode.objects.get_or_create(
            code=fields.pop("code"), defaults=fields
        )
        by_figure.update(dict.fromkeys(matches, code))
    return by_figure


def seed_reports(*, demo_domain: str) -> int:
    """Create each region's demo report once; a report that exists is left as partners made it.

    Returns how many reports were created.
    """
    created = 0
    codes = seed_indicator_codes()
    for slug, content in REPORTS.items():
        region = Region.objects.get(slug=slug)
        if SituationAnalysisReport.objects.filter(region=region, title=content["title"]).exists():
            continue
        people = {
            "editor": User.objects.get(email=f"editor.{slug}@{demo_domain}"),
            "viewer": User.objects.get(email=f"viewer.{slug}@{demo_domain}"),
            "coordinator": User.objects.get(email=f"coordinator@{demo_domain}"),
        }
        _create(region, content, people, codes)
        created += 1
    return created


def _create(region, content, people, codes) -> None:
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
        Indicator(
            report=report,
            position=position,
            code=codes.get(row["name"]),
            **{**row, "value": Decimal(row["value"])},
        )
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
