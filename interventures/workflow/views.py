"""The view side of a workflow step: the POST behind each workflow button."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from .forms import ReasonForm
from .machine import Workflow
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
    that the object's state no longer allows is explained, not refused with an error page."""
    step = workflow.transitions[action]
    if not step.may(request.user, obj):
        raise PermissionDenied
    reason = ""
    if step.reason_required:
        form = ReasonForm(request.POST, prefix=step.form_prefix or action, workflow=workflow)
        if not form.is_valid():
            return invalid_reason(form)
        reason = form.cleaned_data["reason"]
    try:
        transition(workflow=workflow, obj=obj, action=action, actor=request.user, reason=reason)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, step.done)
    return redirect(obj)  # type: ignore[call-overload]  # every reviewed model has a page
