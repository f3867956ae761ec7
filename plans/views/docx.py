"""An action plan as a Word document (`/action-plans/<pk>/docx/?lang=it`) or OpenDocument text
(`…/odt/`), for exactly those who may see the plan (the PDF's access and language rules; built
in the request and cached, `interventures.docx.download_response`)."""

from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from interventures.docx import docx_response
from interventures.odt import odt_response
from reports.views.pdf import requested_language, unknown_language

from .. import docx
from .pdf import _plan


def _download(request, pk, respond, extension: str):
    plan = _plan(request, pk)
    language = requested_language(request)
    if language is None:
        return unknown_language()
    return respond(
        docx.plan_document(plan, language=language),
        filename=docx.export_filename(plan, extension),
    )


@never_cache
@require_safe
def plan_docx(request, pk):
    return _download(request, pk, docx_response, "docx")


@never_cache
@require_safe
def plan_odt(request, pk):
    return _download(request, pk, odt_response, "odt")
