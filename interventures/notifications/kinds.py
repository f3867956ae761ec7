"""What a person may be told about, and how by default. A new kind is one line in `KINDS`,
added by the code that notifies with it."""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    APP = "app", _("In the portal only")
    EMAIL = "email", _("By email at once")
    DIGEST = "digest", _("In a daily email digest")


@dataclass(frozen=True)
class Kind:
    label: str | Promise
    default_channel: str = Channel.EMAIL


# Steps of a workflow wait for someone: email at once. Things to read when convenient: digest.
KINDS: dict[str, Kind] = {
    "report.submitted": Kind(_("A report was submitted for review")),
    "report.changes_requested": Kind(_("Changes were requested to a report")),
    "report.approved": Kind(_("A report was approved")),
    "report.reopened": Kind(_("A report was reopened for changes")),
    "practice.submitted": Kind(_("A good practice was submitted for publication")),
    "practice.published": Kind(_("A good practice was published")),
    "practice.returned": Kind(_("A good practice was returned for changes")),
    "interest.received": Kind(_("Someone is interested in a good practice of my organisation")),
    "registration.promoted": Kind(_("I got a seat at an event from the waiting list")),
    "invitation.accepted": Kind(_("Someone accepted my invitation"), Channel.APP),
    "comment.mention": Kind(_("Someone mentioned me in a comment"), Channel.DIGEST),
    "comment.reply": Kind(_("Someone answered a comment thread I take part in"), Channel.DIGEST),
    "report.due_soon": Kind(_("A report of my region is due soon or today")),
    "plan.submitted": Kind(_("An action plan was submitted for review")),
    "plan.changes_requested": Kind(_("Changes were requested to an action plan")),
    "plan.approved": Kind(_("An action plan was approved")),
    "plan.reopened": Kind(_("An action plan was reopened for changes")),
    "monitoring.submitted": Kind(_("A monitoring report was submitted for review")),
    "monitoring.changes_requested": Kind(_("Changes were requested to a monitoring report")),
    "monitoring.approved": Kind(_("A monitoring report was approved")),
    "monitoring.reopened": Kind(_("A monitoring report was reopened for changes")),
    "synthesis.submitted": Kind(_("The Interregional synthesis was submitted for review")),
    "synthesis.changes_requested": Kind(_("Changes were requested to the Interregional synthesis")),
    "synthesis.approved": Kind(_("The Interregional synthesis was approved")),
    "synthesis.reopened": Kind(_("The Interregional synthesis was reopened for changes")),
}


def label_of(kind: str) -> str | Promise:
    """The kind in words; an unknown kind (one since removed) by its name."""
    return KINDS[kind].label if kind in KINDS else kind
