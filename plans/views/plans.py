"""Action plans: the list, a plan's page, writing it and its actions, its review steps."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from .. import access
from ..models import ActionPlan


@require_safe
def plan_list(request):
    plans = access.filter_visible(ActionPlan.objects.select_related("region"), request.user)
    return render(request, "plans/plan_list.html", {"plans": plans})
