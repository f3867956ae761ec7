"""A report as PDF (`/reports/<pk>/pdf/?lang=it`), for exactly those who may see the report.

No web request lays a PDF out: the view checks access and the language, then serves the PDF
from the cache, or starts (or joins) the background job that makes it and answers with its
progress page; the page follows the job through the status JSON, and without JavaScript
through its "Refresh" link (this same URL), which gives the PDF once it is ready.

`serve_pdf` and `serve_pdf_status` are those steps for any document printed through
`reports.pdf` (the action plans' PDF uses them too): the caller checks access and builds the
HTML, they do the rest.
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


def requested_language(request) -> str | None:
    """The language asked for with `?lang=` (the site's default without it); None when it is
    not one of `settings.LANGUAGES`."""
    language = request.GET.get("lang") or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else None


def unknown_language() -> HttpResponse:
    return HttpResponseBadRequest(
        _("Unknown language. Use one of: %(codes)s.")
        % {"codes": ", ".join(code for code, _name in settings.LANGUAGES)},
        content_type="text/plain; charset=utf-8",
    )


def document_url(name: str, pk: int, language: str) -> str:
    """The URL named `name` of the object `pk`, with `?lang=`."""
    return f"{reverse(name, kwargs={'pk': pk})}?{urlencode({'lang': language})}"


def serve_pdf(
    request,
    *,
    html: str,
    language: str,
    filename: str,
    pdf_url: str,
    status_url: str,
    document,
    list_url: str,
    list_label: str,
    back_label: str,
) -> HttpResponse:
    """The PDF of `html` from the cache; else its job's progress page (503 once the job failed),
    started or joined; or the busy page (429) when the limits refuse a new job. Both pages name
    `document` (anything with a `title` and a page) and lead back to it and to its list."""
    context = {
        "document": document,
        "list_url": list_url,
        "list_label": list_label,
        "back_label": back_label,
    }
    key = pdf.cache_key(html, language=language)
    content = pdf.cached_pdf(key)
    if content is not None:
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{filename}"'
        return response
    try:
        job = services.pdf_job_request(user=request.user, key=key, html=html)
    except services.PDFRenderLimit as limit:
        response = render(
            request,
            "reports/pdf_busy.html",
            {
                **context,
                "per_user": limit.per_user,
                "limit": settings.PDF_RENDERS_PER_USER,
                "pdf_url": pdf_url,
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
            **context,
            "language_name": dict(settings.LANGUAGES)[language],
            "progress": selectors.pdf_progress(job),
            "retry_minutes": selectors.pdf_retry_minutes(),
            "pdf_url": pdf_url,
            "status_url": status_url,
        },
        status=503 if failed else 200,
    )


def serve_pdf_status(request, *, html: str, language: str, pdf_url: str) -> JsonResponse:
    """The progress page's JSON: the same steps as `serve_pdf`, without sending the PDF."""
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
            "download_url": pdf_url if job is None else None,
        }
    )


@never_cache
@require_safe
def report_pdf(request, pk):
    report = selectors.report_for(request.user, pk)
    language = requested_language(request)
    if language is None:
        return unknown_language()
    return serve_pdf(
        request,
        html=pdf.report_html(report, language=language),
        language=language,
        filename=pdf.pdf_filename(report),
        pdf_url=document_url("reports:report_pdf", report.pk, language),
        status_url=document_url("reports:report_pdf_status", report.pk, language),
        document=report,
        list_url=reverse("reports:report_list"),
        list_label=_("Reports"),
        back_label=_("Back to the report"),
    )


@never_cache
@require_safe
def report_pdf_status(request, pk):
    report = selectors.report_for(request.user, pk)
    language = requested_language(request)
    if language is None:
        return unknown_language()
    return serve_pdf_status(
        request,
        html=pdf.report_html(report, language=language),
        language=language,
        pdf_url=document_url("reports:report_pdf", report.pk, language),
    )
