"""Loads the demo Interregional synthesis (`data/synthesis.json`: written from the partnership's
public sources: the article about the project and its published facts, no figures) as a draft by the
coordinator, citing the demo reports' sections through the same services coordinators use."""

import json
from html import escape
from pathlib import Path

from partners.models import User
from reports.models import ReportSection
from synthesis.models import Synthesis
from synthesis.services import citation_add, section_save, synthesis_create

SYNTHESIS = json.loads(
    (Path(__file__).parent / "data" / "synthesis.json").read_text(encoding="utf-8")
)


def seed_synthesis(*, demo_domain: str) -> int:
    """The draft synthesis, once: 1 when it was made now, 0 when it was there already."""
    if Synthesis.objects.filter(title=SYNTHESIS["title"]).exists():
        return 0
    coordinator = User.objects.get(email=f"coordinator@{demo_domain}")
    synthesis = synthesis_create(title=SYNTHESIS["title"], language="en", actor=coordinator)
    sections = {section.key: section for section in synthesis.sections.all()}
    for key, paragraphs in SYNTHESIS["sections"].items():
        section_save(
            section=sections[key],
            author=coordinator,
            body="".join(f"<p>{escape(paragraph, quote=False)}</p>" for paragraph in paragraphs),
            base_version=0,
        )
    for row in SYNTHESIS["citations"]:
        source = (
            ReportSection.objects.filter(report__region__slug=row["region"], key=row["cites"])
            .order_by("-report__created_at")
            .first()
        )
        if source is not None:
            citation_add(
                section=sections[row["section"]],
                paragraph=row["paragraph"],
                source=source,
                actor=coordinator,
            )
    return 1
