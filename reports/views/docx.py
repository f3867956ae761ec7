"""A report as a Word document (`/reports/<pk>/docx/?lang=it`), for exactly those who may see
the report (the PDF's access and language rules); built in the request, which takes a fraction
of a second, and cached by the whole description (`interventures.docx.docx_response`)."""

from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from interventures.docx import docx_response

from .. import docx, selectors
from .pdf import requested_language, unknown_language


@never_cache
@require_safe
def report_docx(request, pk):
    report = selectors.report_for(request.user, pk)
    language = requested_language(request)
    if language is None:
        return unknown_language()
    return docx_response(
        docx.report_document(report, language=language), filename=docx.docx_filename(report)
    )
