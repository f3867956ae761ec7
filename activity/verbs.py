"""What each verb of the log means, in words people read on the activity page.

One list for the whole portal: a service that logs a new verb adds it here."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "report.submitted": _("Report submitted for review"),
    "report.changes_requested": _("Changes requested on a report"),
    "report.approved": _("Report approved"),
    "report.reopened": _("Approved report reopened"),
    "practice.submitted": _("Good practice submitted for publication"),
    "practice.published": _("Good practice published"),
    "practice.returned": _("Good practice returned for changes"),
}


def label_of(verb: str) -> str:
    """The verb in words; an unknown (retired) verb as it was written."""
    return str(VERBS.get(verb, verb))
