"""A report as PDF (`/reports/<pk>/pdf/?lang=it`), for exactly those who may see the report.

The PDF is laid out by `reports.pdf` (cached, time-limited, with a locked-down URL fetcher);
the view only checks access and the language, and names the file.
"""

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .. import pdf, selectors


@require_safe
def report_pdf(request, pk):
    report = selectors.report_for(request.user, pk)  # 404 for whoever may not see it
    language = request.GET.get("lang") or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        return HttpResponseBadRequest(
            _("Unknown language. Use one of: %(codes)s.")
            % {"codes": ", ".join(code for code, _name in settings.LANGUAGES)},
            content_type="text/plain; charset=utf-8",
        )
    try:
        content = pdf.render_report_pdf(report, language=language)
    except pdf.PDFRenderError as error:
        timed_out = isinstance(error, pdf.PDFRenderTimeout)
        return render(
            request,
            "pdf/unavailable.html",
            {"report": report, "timed_out": timed_out, "seconds": pdf.render_timeout()},
            status=503,
        )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{pdf.pdf_filename(report)}"'
    response["Cache-Control"] = "private, no-cache"
    return response
