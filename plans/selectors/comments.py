"""Reads of the comments on action plans: a plan's threads, a person's own comments for the
export of their data. Who reads them is `reports.selectors.people_who_can_see`, the same people
as a report's."""

from partners.selectors import people_with_organisations

from ..models import ActionPlan, PlanComment


def plan_comments(plan: ActionPlan) -> list[PlanComment]:
    """The plan's comments, oldest first, with their authors and who resolved them (and their
    organisations): three queries however many threads."""
    return list(
        PlanComment.objects.filter(plan=plan)
        .select_related("author", "resolved_by")
        .prefetch_related(
            people_with_organisations("author"), people_with_organisations("resolved_by")
        )
        .order_by("created_at", "pk")
    )


def personal_data_of(user) -> dict:
    """The person's comments on action plans, in full (they are their own words)."""
    return {
        "plan_comments": [
            {
                "plan": comment.plan.title,
                "action": comment.action.title if comment.action else "",
                "text": comment.body,
                "written": comment.created_at.isoformat(),
                "resolved": comment.resolved_at.isoformat() if comment.resolved_at else None,
            }
            for comment in PlanComment.objects.filter(author=user)
            .select_related("plan", "action")
            .order_by("created_at", "pk")
        ]
    }
