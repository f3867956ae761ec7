"""The view side of a workflow step: the POST behind each workflow button, and the page that
asks to confirm a step before it is taken."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render

from .forms import ReasonForm
from .machine import Transition, Workflow
from .services import transition


def take_step[M: models.Model](
    request: HttpRequest,
    *,
    workflow: Workflow[M],
    obj: M,
    action: str,
    invalid_reason: Callable[[ReasonForm], HttpResponse],
) -> HttpResponse:
    """Ask the access rule, read the reason when the step needs one (`invalid_reason(form)`
    answers a missing one), take the step and go back to the object with a message. A step
    that the object's state no longer allows is explained, not refused with an error page.

    A step that asks for confirmation answers a GET with the page saying what it will do and
    who is told, whose form (with the reason box, if any) posts back here; a missing reason is
    answered on that page too."""
    step = workflow.transitions[action]
    if not step.may(request.user, obj):
        raise PermissionDenied
    if request.method != "POST" and not step.confirm:
        return HttpResponseNotAllowed(["POST"])
    form = None
    if step.reason_required:
        data = request.POST if request.method == "POST" else None
        form = ReasonForm(data, prefix=step.form_prefix or action, workflow=workflow)
    if request.method != "POST":
        if getattr(obj, workflow.state_field) not in step.sources:
            return _stale(request, workflow, obj)
        return _confirmation(request, workflow=workflow, obj=obj, step=step, form=form)
    reason = ""
    if form is not None:
        if not form.is_valid():
            if step.confirm:
                return _confirmation(
                    request, workflow=workflow, obj=obj, step=step, form=form, status=400
                )
            return invalid_reason(form)
        reason = form.cleaned_data["reason"]
    try:
        transition(workflow=workflow, obj=obj, action=action, actor=request.user, reason=reason)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, step.done)
    return redirect(obj)  # type: ignore[call-overload]  # every reviewed model has a page


def _stale(request: HttpRequest, workflow: Workflow, obj: models.Model) -> HttpResponse:
    state = getattr(obj, workflow.state_field)
    messages.error(request, workflow.stale % {"status": workflow.label(state).lower()})
    return redirect(obj)  # type: ignore[call-overload]


def _confirmation(
    request: HttpRequest,
    *,
    workflow: Workflow,
    obj: models.Model,
    step: Transition,
    form: ReasonForm | None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "object": obj,
        "step": step,
        "form": form,
        "state": workflow.label(getattr(obj, workflow.state_field)),
    }
    return render(request, "workflow/confirm.html", context, status=status)
