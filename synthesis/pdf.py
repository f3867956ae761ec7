"""The Interregional synthesis as PDF, through the reports' pipeline (`reports.pdf`): this
module builds the HTML and names the file; the cache, the background job, the limits and the
safe URL fetcher are the reports' own.

A cover, the contents, one chapter per written section, each citation a footnote at the end
of the paragraph that cites (WeasyPrint's `float: footnote`, `static/pdf/synthesis.css`); a
synthesis not approved carries the DRAFT mark on every page."""

import re
from dataclasses import dataclass
from datetime import datetime

from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.text import slugify

from interventures.activity.selectors import entries_for
from reports.pdf import check_language, is_written, render_document

from .citations import NumberedCitation, cited_body, numbered
from .models import Synthesis, SynthesisSection, SynthesisStatus


@dataclass(frozen=True)
class PrintedChapter:
    number: int
    anchor: str
    section: SynthesisSection
    citations: list[NumberedCitation]

    @property
    def title(self) -> str:
        return str(self.section.title)

    @property
    def body(self) -> SafeString:
        return cited_body(self.section, self.citations, kind="print")


@dataclass(frozen=True)
class PrintedSynthesis:
    synthesis: Synthesis
    chapters: list[PrintedChapter]
    is_draft: bool
    status_label: str
    approved_at: datetime | None
    updated_at: datetime


def printed_synthesis(synthesis: Synthesis) -> PrintedSynthesis:
    """The synthesis with everything the template prints, in the active language; empty
    sections are left out, and the citations of written ones numbered through the document."""
    sections = [
        section
        for section in synthesis.sections.prefetch_related(
            "citations__source__report__region"
        ).order_by("position")
        if is_written(section.body)
    ]
    citations = numbered(sections)
    approved = (
        entries_for(synthesis).filter(to_state=SynthesisStatus.APPROVED).last()
        if synthesis.status == SynthesisStatus.APPROVED
        else None
    )
    edits = [section.last_edited_at for section in sections if section.last_edited_at]
    return PrintedSynthesis(
        synthesis=synthesis,
        chapters=[
            PrintedChapter(number, f"s{synthesis.pk}-{section.key}", section, citations[section.pk])
            for number, section in enumerate(sections, start=1)
        ],
        is_draft=synthesis.status != SynthesisStatus.APPROVED,
        status_label=str(synthesis.get_status_display()),
        approved_at=approved.created_at if approved else None,
        updated_at=max([synthesis.updated_at, *edits]),
    )


def synthesis_html(synthesis: Synthesis, *, language: str) -> str:
    """The HTML that WeasyPrint lays out, its labels in `language`."""
    check_language(language)
    with translation.override(language):
        printed = printed_synthesis(synthesis)
    return render_document("pdf/synthesis.html", {"part": printed}, language=language)


def synthesis_filename(synthesis: Synthesis) -> str:
    """`interventures-synthesis-<title>.pdf`, ASCII only."""
    name = re.sub(r"[^a-z0-9-]+", "", slugify(synthesis.title).lower())[:60] or "document"
    return f"interventures-synthesis-{name}.pdf"
