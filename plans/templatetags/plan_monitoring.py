"""`{% monitoring_periods plan as columns %}`: the plan's monitoring periods as the person
reading the page may see them, for `templates/plans/_plan_monitoring.html`."""

from django import template

from ..selectors.monitoring import Column, plan_periods

register = template.Library()


@register.simple_tag(takes_context=True)
def monitoring_periods(context, plan) -> list[Column]:
    """Each period with the plan's report in it (if the reader may see it) and whether the
    reader may start one: 2 queries."""
    return plan_periods(plan, context["request"].user)
