"""Declaring a workflow: the states a model's `status` goes through, and the steps between."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise  # a text, or one translated when it is shown
else:
    StrOrPromise = str

Actor = object  # a user (signed in or anonymous), as the access modules take it


@dataclass(frozen=True)
class Transition[M: models.Model]:
    """One step: from which states, to which, who may take it and what it says.

    - `may(user, obj)`: asked of the app's access module.
    - `check(obj)`: raises ValidationError when the object is not ready (e.g. empty sections).
    - `effect(obj)`: sets fields that change with the step; returns their names.
    - `done`: the message shown to the person who took the step.
    - `confirm`: what the step will do and who is told; when set, the step is asked for on a
      page of its own first (its URL answers a GET with that page), `label` being its button.
    """

    sources: frozenset[str]
    target: str
    verb: str
    may: Callable[[Actor, M], bool]
    done: StrOrPromise
    reason_required: bool = False
    form_prefix: str = ""
    check: Callable[[M], None] | None = None
    effect: Callable[[M], list[str]] | None = None
    confirm: StrOrPromise = ""
    label: StrOrPromise = ""


@dataclass(frozen=True)
class Workflow[M: models.Model]:
    """The steps of one model's `state_field`, and the texts every step shares.

    `stale` is shown when the object moved meanwhile (it takes `%(status)s`); `notify(obj,
    action, actor, reason)` tells the people concerned, inside the step's transaction (emails
    leave on commit)."""

    model: type[M]
    transitions: dict[str, Transition[M]]
    stale: StrOrPromise
    reason_missing: StrOrPromise
    reason_label: StrOrPromise
    reason_help: StrOrPromise
    notify: Callable[[M, str, Actor, str], None]
    state_field: str = "status"
    locked_with: tuple[str, ...] = field(default_factory=tuple)

    def label(self, state: str) -> str:
        """The state's name for people, e.g. "In review"."""
        state_field = self.model._meta.get_field(self.state_field)
        choices = dict(getattr(state_field, "choices", None) or [])
        return str(choices.get(state, state))

    def verb_of(self, from_state: str, to_state: str) -> str:
        """The verb of the step between two states, for history recorded without taking it
        (demo data)."""
        return next(
            step.verb
            for step in self.transitions.values()
            if from_state in step.sources and step.target == to_state
        )

    def actions_for(self, user, obj: M) -> list[str]:
        """The steps `user` may take from the object's state now."""
        state = getattr(obj, self.state_field)
        return [
            action
            for action, step in self.transitions.items()
            if state in step.sources and step.may(user, obj)
        ]
