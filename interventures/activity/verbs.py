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
    "report.created": _("Report created"),
    "section.saved": _("Report section saved"),
    "section.restored": _("Earlier version of a section restored"),
    "report.indicators_changed": _("Report indicators changed"),
    "compendium.requested": _("Compendium PDF requested"),
    "practice.created": _("Good practice created"),
    "practice.updated": _("Good practice changed"),
    "practice.contact_withdrawn": _("Public contact of a good practice withdrawn"),
    "transfer.recorded": _("Transfer of a good practice recorded"),
    "transfer.updated": _("Transfer of a good practice updated"),
    "instrument.created": _("Policy instrument added"),
    "instrument.updated": _("Policy instrument changed"),
    "instrument.deleted": _("Policy instrument deleted"),
    "invitation.sent": _("Invitation sent"),
    "invitation.accepted": _("Invitation accepted"),
    "invitation.revoked": _("Invitation revoked"),
    "event.created": _("Event created"),
    "event.updated": _("Event changed"),
    "registration.promoted": _("Seat given to the first on the waiting list"),
}


def label_of(verb: str) -> str:
    """The verb in words; an unknown (retired) verb as it was written."""
    return str(VERBS.get(verb, verb))
