"""A report as a Word document (`/reports/<pk>/docx/?lang=it`) or as OpenDocument text
(`/reports/<pk>/odt/`), for exactly those who may see the report (the PDF's access and language
rules); built in the request, which takes a fraction of a second, and cached by the whole
description (`interventures.docx.download_response`)."""

from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from interventures.docx import docx_response
from interventures.odt import odt_response

from .. import docx, selectors
from .pdf import requested_language, unknown_language


def _download(request, pk, respond, extension: str):
    report = selectors.report_for(request.user, pk)
    language = requested_language(request)
    if language is None:
        return unknown_language()
    return respond(
        docx.report_document(report, language=language),
        filename=docx.export_filename(report, extension),
    )


@never_cache
@require_safe
def report_docx(request, pk):
    return _download(request, pk, docx_response, "docx")


@never_cache
@require_safe
def report_odt(request, pk):
    return _download(request, pk, odt_response, "odt")
