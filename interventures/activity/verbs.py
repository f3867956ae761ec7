"""What each verb of the log means, in words people read on the activity page.

One list for the whole portal: a service that logs a new verb adds it here."""

from django.utils.translation import gettext_lazy as _

# Security events of accounts (partners.security): the activity page can show them alone.
SECURITY_VERBS = {
    "account.signed_in": _("Signed in"),
    "account.signed_out": _("Signed out"),
    "account.sign_in_failed": _("Sign-in failed"),
    "account.locked_out": _("Sign-in refused after too many failures"),
    "account.password_changed": _("Password changed"),
    "account.password_reset": _("Password reset"),
    "account.sessions_ended": _("Other sessions signed out"),
    "account.roles_changed": _("Roles of an account changed"),
    "account.name_changed": _("Name of an account changed"),
    "mfa.added": _("Second factor added"),
    "mfa.removed": _("Second factor removed"),
    "mfa.recovery_code_used": _("Recovery code used"),
    "mfa.failed": _("Second factor code refused"),
    "membership.added": _("Member added to an organisation"),
    "membership.changed": _("Member's role changed"),
    "membership.removed": _("Member removed from an organisation"),
    "invitation.sent": _("Invitation sent"),
    "invitation.accepted": _("Invitation accepted"),
    "invitation.revoked": _("Invitation revoked"),
    "account.data_exported": _("Downloaded their personal data"),
    "account.deleted": _("Deleted their account"),
}

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
    "comment.added": _("Comment added to a report or an action plan"),
    "comment.replied": _("Comment answered"),
    "comment.resolved": _("Comment thread resolved"),
    "comment.reopened": _("Comment thread reopened"),
    "report.due_date_set": _("Due date of a report set"),
    "indicator_code.created": _("Shared indicator code added"),
    "indicator_code.updated": _("Shared indicator code changed"),
    "compendium.requested": _("Compendium PDF requested"),
    "practice.created": _("Good practice created"),
    "practice.updated": _("Good practice changed"),
    "practice.contact_withdrawn": _("Public contact of a good practice withdrawn"),
    "transfer.recorded": _("Transfer of a good practice recorded"),
    "transfer.updated": _("Transfer of a good practice updated"),
    "instrument.created": _("Policy instrument added"),
    "instrument.updated": _("Policy instrument changed"),
    "instrument.deleted": _("Policy instrument deleted"),
    "event.created": _("Event created"),
    "event.updated": _("Event changed"),
    "registration.promoted": _("Seat given to the first on the waiting list"),
    "plan.created": _("Action plan started"),
    "plan.saved": _("Action plan changed"),
    "plan.restored": _("Earlier version of an action plan restored"),
    "plan.submitted": _("Action plan submitted for review"),
    "plan.changes_requested": _("Changes requested on an action plan"),
    "plan.approved": _("Action plan approved"),
    "plan.reopened": _("Approved action plan reopened"),
    "plan.due_date_set": _("Due date of an action plan set"),
    "action.added": _("Action added to an action plan"),
    "action.saved": _("Action of an action plan changed"),
    "action.removed": _("Action removed from an action plan"),
    "monitoring.started": _("Monitoring report started"),
    "monitoring.saved": _("Progress of an action recorded"),
    "monitoring.evidence_added": _("Evidence file added"),
    "monitoring.evidence_removed": _("Evidence file removed"),
    "monitoring.submitted": _("Monitoring report submitted for review"),
    "monitoring.changes_requested": _("Changes requested on a monitoring report"),
    "monitoring.approved": _("Monitoring report approved"),
    "monitoring.reopened": _("Approved monitoring report reopened"),
    "period.saved": _("Monitoring period changed"),
    **SECURITY_VERBS,
}


def label_of(verb: str) -> str:
    """The verb in words; an unknown (retired) verb as it was written."""
    return str(VERBS.get(verb, verb))
