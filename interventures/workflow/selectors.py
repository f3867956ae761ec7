"""The steps an object went through, as its page shows them."""

from dataclasses import dataclass

from django.db import models

from interventures.activity.models import ActivityEntry
from interventures.activity.selectors import entries_for

from .machine import Workflow


@dataclass(frozen=True)
class Step:
    entry: ActivityEntry
    from_label: str
    to_label: str

    @property
    def actor(self):
        return self.entry.actor

    @property
    def created_at(self):
        return self.entry.created_at

    @property
    def reason(self) -> str:
        return self.entry.reason


def steps_of[M: models.Model](workflow: Workflow[M], obj: M) -> list[Step]:
    """The workflow steps taken on `obj`, oldest first, in one query."""
    verbs = {step.verb for step in workflow.transitions.values()}
    return [
        Step(entry, workflow.label(entry.from_state), workflow.label(entry.to_state))
        for entry in entries_for(obj).filter(verb__in=verbs)
    ]
