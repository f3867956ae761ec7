"""Background tasks of the reports app, run by django-tasks-db's worker (`manage.py db_worker`).

The compendium's service (`services.compendium_request`) enqueues `build_compendium`; the work is
here, beside the task, so that the two modules depend one way."""

import logging

from django.core.files.base import ContentFile
from django.tasks import task
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Compendium, CompendiumStatus, SituationAnalysisReport

logger = logging.getLogger(__name__)


class CompendiumFailed(Exception):
    """A failure whose message is meant for the coordinator, as it is."""


@task
def build_compendium(compendium_id: str) -> str:
    """Make a compendium's PDF; its progress and outcome are kept in the `Compendium` row."""
    return compendium_build(compendium_id=compendium_id)


def compendium_build(*, compendium_id: str) -> str:
    """The task's work: lay the reports out, keep the row's progress, store the PDF or why not.

    Failures the coordinator can act on (a report deleted meanwhile, the layout's time limit:
    `settings.PDF_RENDER_TIMEOUT_SECONDS` per report) are stored
    with their reason; anything unexpected is stored too, then raised again so the task result
    (and the worker's log) keeps the traceback for the site admin.
    """
    compendium = Compendium.objects.filter(pk=compendium_id).first()
    if compendium is None or compendium.status not in (
        CompendiumStatus.QUEUED,
        CompendiumStatus.RUNNING,
    ):
        return "skipped"
    Compendium.objects.filter(pk=compendium.pk).update(
        status=CompendiumStatus.RUNNING, started_at=timezone.now(), done=0, error=""
    )
    with translation.override(compendium.language):
        try:
            pdf = _render(compendium)
        except CompendiumFailed as failure:
            _fail(compendium, str(failure))
            return "failed"
        except Exception as error:
            logger.exception("Compendium %s failed", compendium.pk)
            _fail(
                compendium,
                _(
                    "An unexpected error stopped the PDF (%(error)s). Try again; if it fails "
                    "again, tell the site administrator."
                )
                % {"error": f"{type(error).__name__}: {error}"[:300]},
            )
            raise
    compendium.pdf.save(f"{compendium.pk}.pdf", ContentFile(pdf), save=False)
    Compendium.objects.filter(pk=compendium.pk).update(
        pdf=compendium.pdf.name,
        status=CompendiumStatus.DONE,
        done=len(compendium.report_ids),
        total=len(compendium.report_ids),
        finished_at=timezone.now(),
    )
    return "done"


def _render(compendium: Compendium) -> bytes:
    # WeasyPrint is slow to import: only the worker needs it.
    from .pdf import PDFRenderTimeout, render_reports_pdf

    found = SituationAnalysisReport.objects.select_related("region").in_bulk(compendium.report_ids)
    missing = [pk for pk in compendium.report_ids if pk not in found]
    if missing:
        raise CompendiumFailed(
            ngettext(
                "A selected report no longer exists (it was deleted after the compendium was "
                "requested). Start a new compendium without it.",
                "%(count)d selected reports no longer exist (they were deleted after the "
                "compendium was requested). Start a new compendium without them.",
                len(missing),
            )
            % {"count": len(missing)}
        )

    def on_progress(done: int, total: int) -> None:
        Compendium.objects.filter(pk=compendium.pk).update(done=done, total=total)

    try:
        return render_reports_pdf(
            [found[pk] for pk in compendium.report_ids],
            language=compendium.language,
            on_progress=on_progress,
        )
    except PDFRenderTimeout as timeout:
        raise CompendiumFailed(
            _(
                "Laying out the PDF took longer than %(seconds)d seconds and was stopped. Try "
                "again, or select fewer reports."
            )
            % {"seconds": round(timeout.seconds)}
        ) from timeout


def _fail(compendium: Compendium, reason: str) -> None:
    Compendium.objects.filter(pk=compendium.pk).update(
        status=CompendiumStatus.FAILED, error=reason, finished_at=timezone.now()
    )
