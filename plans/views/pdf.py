"""An action plan as PDF (`/action-plans/<pk>/pdf/?lang=it`), for exactly those who may see the
plan: the reports' PDF steps (`reports.views.pdf.serve_pdf`: cache, background job, progress
page, limits) on the plan's HTML (`plans.pdf.plan_html`)."""

from django.shortcuts import get_object_or_404
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

from .. import access, pdf
from ..models import ActionPlan


def _plan(request, pk) -> ActionPlan:
    plans = ActionPlan.objects.select_related("region", "instrument", "organisation")
    return get_object_or_404(access.filter_visible(plans, request.user), pk=pk)


@never_cache
@require_safe
def plan_pdf(request, pk):
    plan = _plan(request, pk)
    language = requested_language(request)
    if language is None:
        return unknown_language()
    return serve_pdf(
        request,
        html=pdf.plan_html(plan, language=language),
        language=language,
        filename=pdf.plan_filename(plan),
        pdf_url=document_url("plans:plan_pdf", plan.pk, language),
        status_url=document_url("plans:plan_pdf_status", plan.pk, language),
        document=plan,
        list_url=reverse("plans:plan_list"),
        list_label=_("Action plans"),
        back_label=_("Back to the action plan"),
    )


@never_cache
@require_safe
def plan_pdf_status(request, pk):
    plan = _plan(request, pk)
    language = requested_language(request)
    if language is None:
        return unknown_language()
    return serve_pdf_status(
        request,
        html=pdf.plan_html(plan, language=language),
        language=language,
        pdf_url=document_url("plans:plan_pdf", plan.pk, language),
    )
