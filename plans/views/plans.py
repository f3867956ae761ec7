"""Action plans: the list, a plan's page, writing it and its actions, its review steps."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .. import access
from ..models import ActionPlan


@require_safe
def plan_list(request):
    plans = access.filter_visible(ActionPlan.objects.select_related("region"), request.user)
    return render(request, "plans/plan_list.html", {"plans": plans})


def plan_create(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def plan_detail(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def plan_edit(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def plan_history(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def action_create(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def action_edit(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def action_remove(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def plan_submit(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def plan_request_changes(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def plan_approve(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def plan_reopen(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def plan_due_date(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")
