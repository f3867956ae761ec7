"""Who may see, write, comment on and review Situation Analysis Reports.

Built on the partnership's roles (`partners.access.roles_of`):
- approved reports are public and read-only, in their approved text only: their history,
  review steps and comments stay with the region's partners and the coordinators;
- a region's partners (editors and viewers) and the coordinators see its other reports; anyone
  else gets 404, so a draft's existence is not confirmed;
- the region's editors write, and only while the report is a draft or has changes requested;
- the region's partners and the coordinators comment; a thread is resolved by whoever started
  it or by a coordinator; coordinators review.
"""

from django.db.models import Q, QuerySet

from partners.access import roles_of

from .models import EDITABLE_STATUSES, ReportStatus, ReviewComment, SituationAnalysisReport


def filter_visible(queryset: QuerySet, user) -> QuerySet:
    roles = roles_of(user)
    if roles.coordinator:
        return queryset
    return queryset.filter(
        Q(status=ReportStatus.APPROVED) | Q(region_id__in=roles.member_region_ids)
    )


def is_region_editor(user, report: SituationAnalysisReport) -> bool:
    return report.region_id in roles_of(user).editor_region_ids


def can_write(user, report: SituationAnalysisReport) -> bool:
    return is_region_editor(user, report) and report.status in EDITABLE_STATUSES


def regions_to_create_in(user) -> frozenset[int]:
    """The regions whose editors the user is: a report may be started for each of them."""
    return roles_of(user).editor_region_ids


def can_comment(user, report: SituationAnalysisReport) -> bool:
    roles = roles_of(user)
    return roles.coordinator or report.region_id in roles.member_region_ids


def can_resolve(user, comment: ReviewComment) -> bool:
    """A thread is resolved (or reopened) by whoever started it or by a coordinator: a
    reviewer's finding is closed by the reviewer, not by the people it is addressed to."""
    first = comment.parent or comment
    return roles_of(user).coordinator or (
        first.author_id is not None and first.author_id == user.pk
    )


def can_read_history(user, report: SituationAnalysisReport) -> bool:
    """Versions, their authors, the review steps and their reasons are the partnership's
    working record: the region's partners and the coordinators only, even once approved."""
    return can_comment(user, report)


def can_submit(user, report: SituationAnalysisReport) -> bool:
    return can_write(user, report)


def is_reviewer(user, report: SituationAnalysisReport) -> bool:
    """Coordinators review every region's reports (whatever the report's state)."""
    return roles_of(user).coordinator


def can_review(user, report: SituationAnalysisReport) -> bool:
    return roles_of(user).coordinator and report.status == ReportStatus.IN_REVIEW


def can_reopen(user, report: SituationAnalysisReport) -> bool:
    return roles_of(user).coordinator and report.status == ReportStatus.APPROVED


def can_set_due_date(user) -> bool:
    """Coordinators set each report's due date (the partnership's calendar)."""
    return roles_of(user).coordinator


def can_export_compendium(user) -> bool:
    """Coordinators send the partnership's reports to the secretariat as one PDF."""
    return roles_of(user).coordinator


def can_keep_indicator_codes(user) -> bool:
    """Coordinators keep the shared indicator codes that match the regions' figures."""
    return roles_of(user).coordinator
