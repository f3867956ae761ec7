"""Compendiums: several reports in one PDF, made in the background.

A coordinator picks the reports (`CompendiumForm`); `compendium_request` stores a `Compendium`
row and enqueues `reports.tasks.build_compendium` in the same transaction; the worker
(`manage.py db_worker`) runs `tasks.compendium_build`, which writes its progress into the row while
`reports.pdf.render_reports_pdf` lays the reports out. The progress page reads the row
(`compendium_progress`). Who may do all this is `reports.access.can_export_compendium`.
"""

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from interventures.activity.services import log_action

from . import access
from .models import Compendium, CompendiumStatus, ReportStatus, SituationAnalysisReport
from .tasks import CompendiumFailed, build_compendium

# --- the form ---------------------------------------------------------------------------------


class ReportChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, report):
        return _("%(title)s · %(region)s · %(status)s") % {
            "title": report.title,
            "region": report.region.name,
            "status": report.get_status_display(),
        }


class CompendiumForm(forms.Form):
    reports = ReportChoiceField(
        label=gettext_lazy("Reports"),
        queryset=SituationAnalysisReport.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Approved reports are selected. Reports that are not approved carry a DRAFT mark."
        ),
        error_messages={"required": gettext_lazy("Select at least one report.")},
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the cover and the table of contents"),
        choices=settings.LANGUAGES,
        help_text=gettext_lazy("Each report stays in the language it was written in."),
    )

    def __init__(self, *args, reports, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reports"].queryset = reports
        self.fields["reports"].initial = [
            report.pk for report in reports if report.status == ReportStatus.APPROVED
        ]
        self.fields["language"].initial = translation.get_language() or settings.LANGUAGE_CODE


# --- reads ------------------------------------------------------------------------------------


def selectable_reports(user):
    """The reports a coordinator may put in a compendium: all those they can see."""
    return access.filter_visible(SituationAnalysisReport.objects.all(), user).select_related(
        "region"
    )


def compendium_for(pk) -> Compendium:
    """Coordinators share their compendiums: the caller has checked the role."""
    return get_object_or_404(Compendium.objects.select_related("requested_by"), pk=pk)


@dataclass(frozen=True)
class Progress:
    """What the progress page and its status JSON say about a compendium."""

    status: str
    done: int
    total: int
    message: str
    error: str

    @property
    def bar_max(self) -> int:
        """One step per report, and one for laying the whole PDF out (the longest step)."""
        return self.total + 1

    @property
    def bar_value(self) -> int:
        return self.bar_max if self.status == CompendiumStatus.DONE else min(self.done, self.total)

    @property
    def is_finished(self) -> bool:
        return self.status in (CompendiumStatus.DONE, CompendiumStatus.FAILED)


def compendium_progress(compendium: Compendium) -> Progress:
    done, total = compendium.done, compendium.total
    match compendium.status:
        case CompendiumStatus.QUEUED:
            message = _("Waiting for the background worker to start…")
        case CompendiumStatus.RUNNING if total and done < total:
            message = _("Report %(current)d of %(total)d…") % {"current": done + 1, "total": total}
        case CompendiumStatus.RUNNING if total:
            message = ngettext(
                "Laying out the PDF of %(total)d report…",
                "Laying out the PDF of %(total)d reports…",
                total,
            ) % {"total": total}
        case CompendiumStatus.RUNNING:
            message = _("Starting…")
        case CompendiumStatus.DONE:
            message = ngettext(
                "The compendium is ready: %(total)d report.",
                "The compendium is ready: %(total)d reports.",
                total,
            ) % {"total": total}
        case _:
            message = _("The compendium could not be made.")
    return Progress(compendium.status, done, total, message, compendium.error)


def download_filename(compendium: Compendium) -> str:
    day = timezone.localdate(compendium.finished_at or compendium.created_at)
    return f"interventures-compendium-{day:%Y-%m-%d}.pdf"


# --- writes -----------------------------------------------------------------------------------


def compendium_request(*, user, reports, language: str) -> Compendium:
    """Store the request and enqueue the task; the worker only sees both once committed."""
    ordered = list(reports)
    with transaction.atomic():
        compendium = Compendium.objects.create(
            requested_by=user,
            language=language,
            report_ids=[report.pk for report in ordered],
            total=len(ordered),
        )
        _enqueue(build_compendium, compendium)
        log_action(
            actor=user,
            verb="compendium.requested",
            target=compendium,
            data={"detail": ", ".join(report.title for report in ordered)},
        )
    return compendium


def compendium_retry(*, compendium: Compendium) -> Compendium:
    """Start a failed compendium again, from scratch."""
    with transaction.atomic():
        compendium = Compendium.objects.select_for_update().get(pk=compendium.pk)
        if compendium.status != CompendiumStatus.FAILED:
            raise CompendiumFailed(_("Only a compendium that failed can be started again."))
        if compendium.pdf:
            compendium.pdf.delete(save=False)
        compendium.status = CompendiumStatus.QUEUED
        compendium.done = 0
        compendium.total = len(compendium.report_ids)
        compendium.error = ""
        compendium.started_at = compendium.finished_at = None
        compendium.save()
        _enqueue(build_compendium, compendium)
    return compendium


def _enqueue(task, compendium: Compendium) -> None:
    result = task.enqueue(str(compendium.pk))
    compendium.task_id = str(result.id)
    compendium.save(update_fields=["task_id"])
