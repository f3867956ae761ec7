"""Editing a report's indicators: one table of rows, saved together."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import access, selectors
from ..forms import EXTRA_ROWS, indicators_formset
from ..models import MAX_INDICATORS
from ..services import indicators_save


def _render(request, report, formset, *, status=200, save_errors=()):
    context = {
        "report": report,
        "formset": formset,
        "save_errors": save_errors,
        "max_indicators": MAX_INDICATORS,
        "extra_rows": EXTRA_ROWS,
        "at_limit": formset.initial_form_count() >= MAX_INDICATORS,
    }
    return render(request, "reports/indicators_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def indicators_edit(request, pk):
    report = selectors.report_for(request.user, pk)
    if not access.can_write(request.user, report):
        raise PermissionDenied
    formset = indicators_formset(report, request.POST if request.method == "POST" else None)
    if request.method == "GET":
        return _render(request, report, formset)
    if not formset.is_valid():
        return _render(request, report, formset, status=400)
    try:
        indicators_save(report=report, formset=formset, actor=request.user)
    except ValidationError as error:
        # Someone changed the report meanwhile; the typed rows stay on screen.
        return _render(request, report, formset, status=409, save_errors=error.messages)
    messages.success(request, _("The indicators were saved."))
    return redirect(f"{report.get_absolute_url()}#indicators")
