"""Background tasks of the reports app, run by django-tasks-db's worker (`manage.py db_worker`).

The services enqueue them (`compendium_request` → `build_compendium`, `pdf_job_request` →
`render_pdf`); the work is here, beside each task, so that the two modules depend one way."""

import logging

from django.core.files.base import ContentFile
from django.tasks import task
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .compendium_parts import MissingDocuments
from .models import (
    Compendium,
    CompendiumStatus,
    PDFFailure,
    PDFJob,
    PDFJobStatus,
    SituationAnalysisReport,
)

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
        done=compendium.part_count,
        total=compendium.part_count,
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
            documents=compendium.document_ids,
        )
    except MissingDocuments as missing:
        raise CompendiumFailed(
            ngettext(
                "A selected document of “%(kind)s” no longer exists (it was deleted after the "
                "compendium was requested). Start a new compendium without it.",
                "%(count)d selected documents of “%(kind)s” no longer exist (they were deleted "
                "after the compendium was requested). Start a new compendium without them.",
                missing.count,
            )
            % {"count": missing.count, "kind": missing.kind.label}
        ) from missing
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


@task
def render_pdf(job_id: str) -> str:
    """Lay out a PDF job's document into the PDF cache (`PDFJob`)."""
    return pdf_job_render(job_id=job_id)


def pdf_job_render(*, job_id: str) -> str:
    """The task's work: lay the job's HTML out within the time and memory limits, store the PDF
    under the job's key and delete the job; or keep the job, failed, with its reason.

    Anything unexpected fails the job too, then is raised again so the task result (and the
    worker's log) keeps the traceback for the site admin.
    """
    from .pdf import (
        PDFRenderError,
        PDFRenderMemoryError,
        PDFRenderTimeout,
        cache_pdf,
        pdf_from_html,
    )

    jobs = PDFJob.objects.filter(pk=job_id)
    if not jobs.filter(status=PDFJobStatus.QUEUED).update(
        status=PDFJobStatus.RUNNING, started_at=timezone.now()
    ):
        return "skipped"
    key, html = jobs.values_list("key", "html").get()
    try:
        content = pdf_from_html(html)
    except PDFRenderError as error:
        logger.warning("PDF job %s failed: %s", job_id, error)
        if isinstance(error, PDFRenderTimeout):
            failure = PDFFailure.TIMEOUT
        elif isinstance(error, PDFRenderMemoryError):
            failure = PDFFailure.MEMORY
        else:
            failure = PDFFailure.ERROR
        _fail_pdf_job(jobs, failure)
        return "failed"
    except Exception:
        logger.exception("PDF job %s failed", job_id)
        _fail_pdf_job(jobs, PDFFailure.ERROR)
        raise
    cache_pdf(key, content)
    jobs.delete()
    return "done"


def _fail_pdf_job(jobs, failure: PDFFailure) -> None:
    jobs.update(status=PDFJobStatus.FAILED, failure=failure, failed_at=timezone.now(), html="")
