"""Writes of the synthesis app: creating it, its sections' text and its citations. Its workflow
is `synthesis/workflow.py`, taken through `interventures.workflow`."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from interventures.activity.services import log_action
from interventures.richtext import sanitize
from reports.models import ReportSection
from reports.services import SectionConflict

from .models import EDITABLE_STATUSES, Citation, Synthesis, SynthesisSection
from .outline import OUTLINE
from .selectors import paragraphs_of


def _check_editable(synthesis: Synthesis) -> None:
    if synthesis.status not in EDITABLE_STATUSES:
        raise ValidationError(
            _("The synthesis is %(status)s: its text cannot be changed now.")
            % {"status": synthesis.get_status_display().lower()}
        )


def synthesis_create(*, title: str, language: str, actor) -> Synthesis:
    """A new draft with one empty section per outline entry."""
    with transaction.atomic():
        synthesis = Synthesis.objects.create(title=title, language=language, created_by=actor)
        SynthesisSection.objects.bulk_create(
            SynthesisSection(synthesis=synthesis, key=spec.key, position=position)
            for position, spec in enumerate(OUTLINE, start=1)
        )
        log_action(actor=actor, verb="synthesis.created", target=synthesis)
    return synthesis


def section_save(
    *, section: SynthesisSection, author, body: str, base_version: int
) -> SynthesisSection:
    """Save a section's text on top of `base_version`, as a new version with history; raises
    `SectionConflict` (the reports' own) when someone saved since, overwriting nothing."""
    body = sanitize(body)
    with transaction.atomic():
        current = (
            SynthesisSection.objects.select_for_update()
            .select_related("synthesis")
            .get(pk=section.pk)
        )
        _check_editable(current.synthesis)
        if current.version != base_version:
            raise SectionConflict(current)  # type: ignore[arg-type]  # any versioned section
        if current.body != body:
            current.body = body
            current.version += 1
            current.last_edited_by = author
            current.last_edited_at = timezone.now()
            current._history_user = author  # type: ignore[attr-defined]  # simple-history's way
            current.save()
            log_action(
                actor=author,
                verb="synthesis.section_saved",
                target=current.synthesis,
                data={"detail": f"{current.title} (v{current.version})"},
            )
    return current


def citation_add(
    *, section: SynthesisSection, paragraph: int, source: ReportSection, actor
) -> Citation:
    """Cite `source` at the end of the section's `paragraph`, keeping the text cited."""
    with transaction.atomic():
        section = SynthesisSection.objects.select_related("synthesis").get(pk=section.pk)
        _check_editable(section.synthesis)
        if not 1 <= paragraph <= max(len(paragraphs_of(section.body)), 1):
            raise ValidationError(_("This paragraph is not in the section: reload the page."))
        citation = Citation.objects.create(
            section=section,
            paragraph=paragraph,
            source=source,
            cited_version=source.version,
            cited_text=source.body,
            cited_by=actor,
        )
        log_action(
            actor=actor,
            verb="synthesis.cited",
            target=section.synthesis,
            data={"detail": f"{section.title} ¶{paragraph} → {source}"},
        )
    return citation


def citation_confirm(*, citation: Citation, actor) -> Citation:
    """The coordinator read the cited section's new text and keeps the citation: it now cites
    that version."""
    with transaction.atomic():
        citation = (
            Citation.objects.select_for_update()
            .select_related("section__synthesis", "source")
            .get(pk=citation.pk)
        )
        _check_editable(citation.section.synthesis)
        citation.cited_version = citation.source.version
        citation.cited_text = citation.source.body
        citation.confirmed_at = timezone.now()
        citation.save(update_fields=["cited_version", "cited_text", "confirmed_at"])
        log_action(
            actor=actor,
            verb="synthesis.citation_confirmed",
            target=citation.section.synthesis,
            data={"detail": f"{citation.source} (v{citation.cited_version})"},
        )
    return citation


def citation_remove(*, citation: Citation, actor) -> None:
    with transaction.atomic():
        synthesis = citation.section.synthesis
        _check_editable(synthesis)
        detail = f"{citation.section.title} ¶{citation.paragraph} → {citation.source}"
        citation.delete()
        log_action(
            actor=actor,
            verb="synthesis.citation_removed",
            target=synthesis,
            data={"detail": detail},
        )
