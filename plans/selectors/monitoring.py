"""Reads of phase 2 monitoring: periods, a plan's timeline and totals, what a report lacks."""

from django.utils.translation import gettext as _

from ..models import MonitoringReport


def missing_in_monitoring(report: MonitoringReport) -> list[str]:
    """The plan's actions whose progress in the period is not recorded yet."""
    recorded = set(report.progress.values_list("action_id", flat=True))
    return [
        _("the progress of “%(title)s”") % {"title": action.title}
        for action in report.plan.actions.all()
        if action.pk not in recorded
    ]
