"""Taking a step of a workflow: the one place where a reviewed object changes state."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction

from interventures.activity.services import log_action

from .machine import Workflow


def transition[M: models.Model](
    *, workflow: Workflow[M], obj: M, action: str, actor, reason: str = ""
) -> M:
    """Take `action` on `obj` as `actor`: under a row lock (two reviewers clicking at once
    cannot both move it) check who may and from which state, change the state, record the step
    in the activity log and tell the people concerned. Returns the object as saved."""
    step = workflow.transitions[action]
    reason = (reason or "").strip()
    if step.reason_required and not reason:
        raise ValidationError(workflow.reason_missing)
    with transaction.atomic():
        locked = workflow.model._default_manager.select_for_update()
        if workflow.locked_with:
            locked = locked.select_related(*workflow.locked_with)
        obj = locked.get(pk=obj.pk)
        state = getattr(obj, workflow.state_field)
        if state not in step.sources:
            raise ValidationError(workflow.stale % {"status": workflow.label(state).lower()})
        if not step.may(actor, obj):
            raise PermissionDenied
        if step.check:
            step.check(obj)
        setattr(obj, workflow.state_field, step.target)
        changed = [workflow.state_field, "updated_at", *(step.effect(obj) if step.effect else [])]
        obj.save(update_fields=changed)
        log_action(
            actor=actor,
            verb=step.verb,
            target=obj,
            from_state=state,
            to_state=step.target,
            data={"reason": reason} if reason else {},
        )
        workflow.notify(obj, action, actor, reason)
    return obj
