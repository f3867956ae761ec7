"""The writers' private drafts of the plan's form and of an action's form: autosaved by
`static/js/section-editor.js` every few seconds, offered again on the form, discarded on
request. Saving the form deletes them (plans/services/plans.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import access
from ..forms.drafts import DraftForm
from ..forms.plans import ActionForm, PlanForm
from ..selectors import plans as selectors
from ..services import plans as services
from .plans import _writable_plan


def _autosave(request, plan, editor, action=None):
    if not access.can_write(request.user, plan):
        return JsonResponse({"error": _("The action plan can no longer be edited.")}, status=409)
    form = DraftForm(request.POST, editor=editor)
    if not form.is_valid():
        return JsonResponse({"error": form.errors_in_words()}, status=400)
    try:
        draft = services.plan_draft_autosave(
            plan=plan,
            author=request.user,
            action=action,
            data=form.draft_data,
            base_version=form.cleaned_data["base_version"],
        )
    except ValidationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=400)
    saved_at = formats.time_format(timezone.localtime(draft.saved_at))
    return JsonResponse(
        {"saved_at": saved_at, "message": _("Draft saved at %(time)s") % {"time": saved_at}}
    )


@login_required
@require_POST
def plan_autosave(request, pk):
    plan = _writable_plan(request, pk)
    return _autosave(request, plan, PlanForm(instance=plan))


@login_required
@require_POST
def action_autosave(request, pk, action_pk):
    plan = _writable_plan(request, pk)
    action = selectors.action_for(plan, action_pk)
    # The form without its instance: only its fields' limits are needed, not the links saved.
    return _autosave(request, plan, ActionForm(plan=plan), action)


def _discarded(request, url):
    messages.info(request, _("Your unsaved draft was discarded."))
    return redirect(url)


@login_required
@require_POST
def plan_draft_discard(request, pk):
    plan = _writable_plan(request, pk)
    services.plan_draft_discard(plan=plan, author=request.user)
    return _discarded(request, reverse("plans:plan_edit", kwargs={"pk": plan.pk}))


@login_required
@require_POST
def action_draft_discard(request, pk, action_pk):
    plan = _writable_plan(request, pk)
    action = selectors.action_for(plan, action_pk)
    services.plan_draft_discard(plan=plan, author=request.user, action=action)
    return _discarded(
        request, reverse("plans:action_edit", kwargs={"pk": plan.pk, "action_pk": action.pk})
    )
