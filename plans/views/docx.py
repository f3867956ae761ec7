"""An action plan as a Word document (`/action-plans/<pk>/docx/?lang=it`), for exactly those who
may see the plan (the PDF's access and language rules; `interventures.docx.docx_response`)."""

from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from interventures.docx import docx_response
from reports.views.pdf import requested_language, unknown_language

from .. import docx
from .pdf import _plan


@never_cache
@require_safe
def plan_docx(request, pk):
    plan = _plan(request, pk)
    language = requested_language(request)
    if language is None:
        return unknown_language()
    return docx_response(
        docx.plan_document(plan, language=language), filename=docx.docx_filename(plan)
    )
