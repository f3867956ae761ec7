"""A report as PDF (`/reports/<pk>/pdf/?lang=it`), for exactly those who may see the report.

No web request lays a PDF out: the view checks access and the language, then serves the PDF
from the cache, or starts (or joins) the background job that makes it and answers with its
progress page; the page follows the job through the status JSON, and without JavaScript
through its "Refresh" link (this same URL), which gives the PDF once it is ready.
"""

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .. import pdf, selectors, services
from ..models import PDFJobStatus

# What a client told "too many PDFs" should wait before asking again.
RETRY_AFTER_SECONDS = 30


def _requested(request, pk) -> tuple:
    """The report (404 for whoever may not see it), the language asked for (None when unknown),
    and the HTML of that PDF."""
    report = selectors.report_for(request.user, pk)
    language = request.GET.get("lang") or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        return report, None, ""
    return report, language, pdf.report_html(report, language=language)


def _unknown_language() -> HttpResponse:
    return HttpResponseBadRequest(
        _("Unknown language. Use one of: %(codes)s.")
        % {"codes": ", ".join(code for code, _name in settings.LANGUAGES)},
        content_type="text/plain; charset=utf-8",
    )


def _url(name: str, report, language: str) -> str:
    return f"{reverse(name, kwargs={'pk': report.pk})}?{urlencode({'lang': language})}"


@never_cache
@require_safe
def report_pdf(request, pk):
    report, language, html = _requested(request, pk)
    if language is None:
        return _unknown_language()
    key = pdf.cache_key(html, language=language)
    content = pdf.cached_pdf(key)
    if content is not None:
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{pdf.pdf_filename(report)}"'
        return response
    try:
        job = services.pdf_job_request(user=request.user, key=key, html=html)
    except services.PDFRenderLimit as limit:
        response = render(
            request,
            "reports/pdf_busy.html",
            {
                "report": report,
                "per_user": limit.per_user,
                "limit": settings.PDF_RENDERS_PER_USER,
                "pdf_url": _url("reports:report_pdf", report, language),
            },
            status=429,
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    failed = job.status == PDFJobStatus.FAILED
    return render(
        request,
        "reports/pdf_progress.html",
        {
            "report": report,
            "language_name": dict(settings.LANGUAGES)[language],
            "progress": selectors.pdf_progress(job),
            "retry_minutes": selectors.pdf_retry_minutes(),
            "pdf_url": _url("reports:report_pdf", report, language),
            "status_url": _url("reports:report_pdf_status", report, language),
        },
        status=503 if failed else 200,
    )


@never_cache
@require_safe
def report_pdf_status(request, pk):
    """The progress page's JSON: the same steps as `report_pdf`, without sending the PDF."""
    report, language, html = _requested(request, pk)
    if language is None:
        return _unknown_language()
    key = pdf.cache_key(html, language=language)
    if pdf.is_cached(key):
        job = None
    else:
        try:
            job = services.pdf_job_request(user=request.user, key=key, html=html)
        except services.PDFRenderLimit:
            return JsonResponse({"error": _("Too many PDFs are being made.")}, status=429)
    progress = selectors.pdf_progress(job)
    return JsonResponse(
        {
            "status": progress.status,
            "bar_value": progress.bar_value,
            "bar_max": progress.bar_max,
            "message": progress.message,
            "error": progress.error,
            "finished": progress.is_finished,
            "download_url": _url("reports:report_pdf", report, language) if job is None else None,
        }
    )
