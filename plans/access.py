"""Who may see, write and review action plans and their monitoring reports.

Built on the partnership's roles (`partners.access.roles_of`), like reports:
- approved plans are public; so are the approved monitoring reports of an approved plan, their
  evidence files included; history and review steps stay with the region's partners and the
  coordinators;
- a region's partners (editors and viewers) and the coordinators see its other plans and
  monitoring reports; anyone else gets 404, so a draft's existence is not confirmed;
- the region's editors write, while the plan (or monitoring report) is a draft or has changes
  requested; monitoring is recorded for approved plans only;
- coordinators review, set due dates and edit the monitoring periods;
- the region's partners and the coordinators comment (never visitors, even on an approved
  plan); a thread is resolved by whoever started it or by a coordinator.
"""

from django.db.models import Q, QuerySet

from partners.access import roles_of

from .models import EDITABLE_STATUSES, ActionPlan, MonitoringReport, PlanComment, PlanStatus


def filter_visible(queryset: QuerySet, user) -> QuerySet:
    """Plans `user` may see."""
    roles = roles_of(user)
    if roles.coordinator:
        return queryset
    return queryset.filter(Q(status=PlanStatus.APPROVED) | Q(region_id__in=roles.member_region_ids))


def filter_visible_monitoring(queryset: QuerySet, user) -> QuerySet:
    """Monitoring reports `user` may see."""
    roles = roles_of(user)
    if roles.coordinator:
        return queryset
    return queryset.filter(
        Q(status=PlanStatus.APPROVED, plan__status=PlanStatus.APPROVED)
        | Q(plan__region_id__in=roles.member_region_ids)
    )


def is_member(user, plan: ActionPlan) -> bool:
    roles = roles_of(user)
    return roles.coordinator or plan.region_id in roles.member_region_ids


def is_region_editor(user, plan: ActionPlan) -> bool:
    return plan.region_id in roles_of(user).editor_region_ids


def can_write(user, plan: ActionPlan) -> bool:
    return is_region_editor(user, plan) and plan.status in EDITABLE_STATUSES


def regions_to_create_in(user) -> frozenset[int]:
    """The regions whose editors the user is: a plan may be started for each of them."""
    return roles_of(user).editor_region_ids


def can_read_history(user, plan: ActionPlan) -> bool:
    """Versions, their authors and the review steps with their reasons: the region's partners
    and the coordinators only, even once approved."""
    return is_member(user, plan)


def is_reviewer(user, obj) -> bool:
    """Coordinators review every region's plans and monitoring reports."""
    return roles_of(user).coordinator


def can_monitor(user, plan: ActionPlan) -> bool:
    """Monitoring is recorded by the region's editors once the plan is approved."""
    return is_region_editor(user, plan) and plan.status == PlanStatus.APPROVED


def is_plan_editor(user, report: MonitoringReport) -> bool:
    """Submitting a monitoring report: the region's editors, while the plan is approved (a
    reopened plan's monitoring waits until it is approved again)."""
    return can_monitor(user, report.plan)


def can_write_monitoring(user, report: MonitoringReport) -> bool:
    return can_monitor(user, report.plan) and report.status in EDITABLE_STATUSES


def can_manage_periods(user) -> bool:
    return roles_of(user).coordinator


def can_comment(user, plan: ActionPlan) -> bool:
    """Comments are the partnership's working notes: the region's partners and the
    coordinators read and write them, whatever the plan's state."""
    return is_member(user, plan)


def can_resolve(user, comment: PlanComment) -> bool:
    """A thread is resolved (or reopened) by whoever started it or by a coordinator."""
    first = comment.parent or comment
    return roles_of(user).coordinator or (
        first.author_id is not None and first.author_id == user.pk
    )
