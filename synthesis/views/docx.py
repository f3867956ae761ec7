"""The synthesis as a Word document (`/synthesis/<pk>/docx/?lang=it`) or OpenDocument text
(`…/odt/`), for exactly those who may see it (the PDF's access and language rules; built in
the request and cached, `interventures.docx.download_response`)."""

from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from interventures.docx import docx_response
from interventures.odt import odt_response
from reports.views.pdf import requested_language, unknown_language

from .. import docx, selectors


def _download(request, pk, respond, extension: str):
    synthesis = selectors.synthesis_for(request.user, pk)
    language = requested_language(request)
    if language is None:
        return unknown_language()
    return respond(
        docx.synthesis_document(synthesis, language=language),
        filename=docx.export_filename(synthesis, extension),
    )


@never_cache
@require_safe
def synthesis_docx(request, pk):
    return _download(request, pk, docx_response, "docx")


@never_cache
@require_safe
def synthesis_odt(request, pk):
    return _download(request, pk, odt_response, "odt")
