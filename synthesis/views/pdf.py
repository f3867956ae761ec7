"""The synthesis as PDF (`/synthesis/<pk>/pdf/?lang=it`), for exactly those who may see it:
the reports' PDF steps (`reports.views.pdf.serve_pdf`) on the synthesis's HTML."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from reports.views.pdf import (
    document_url,
    requested_language,
    serve_pdf,
    serve_pdf_status,
    unknown_language,
)

from .. import pdf, selectors


@never_cache
@require_safe
def synthesis_pdf(request, pk):
    synthesis = selectors.synthesis_for(request.user, pk)
    language = requested_language(request)
    if language is None:
        return unknown_language()
    return serve_pdf(
        request,
        html=pdf.synthesis_html(synthesis, language=language),
        language=language,
        filename=pdf.synthesis_filename(synthesis),
        pdf_url=document_url("synthesis:synthesis_pdf", synthesis.pk, language),
        status_url=document_url("synthesis:synthesis_pdf_status", synthesis.pk, language),
        document=synthesis,
        list_url=reverse("synthesis:synthesis_list"),
        list_label=_("Interregional synthesis"),
        back_label=_("Back to the synthesis"),
    )


@never_cache
@require_safe
def synthesis_pdf_status(request, pk):
    synthesis = selectors.synthesis_for(request.user, pk)
    language = requested_language(request)
    if language is None:
        return unknown_language()
    return serve_pdf_status(
        request,
        html=pdf.synthesis_html(synthesis, language=language),
        language=language,
        pdf_url=document_url("synthesis:synthesis_pdf", synthesis.pk, language),
    )
