"""Action plans in the coordinators' compendium: the kind registered with
`reports.compendium_parts` by `PlansConfig.ready()` (reports never imports plans).

Every plan a coordinator can see may be ticked, approved or not, like the reports: approved ones
are ticked at first, the others print with the DRAFT mark. Each is printed as in its own PDF
(`plans.pdf.printed_plan`): title page, then its parts and actions, listed in the general
contents instead of its own.
"""

from collections.abc import Iterator

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports.compendium_parts import Choice, CompendiumKind

from . import access
from .models import ActionPlan, PlanStatus
from .pdf import PrintedPlan, printed_plan


def choices(user) -> list[Choice]:
    plans = access.filter_visible(ActionPlan.objects.select_related("region"), user)
    return [
        Choice(
            pk=plan.pk,
            label=_("%(title)s · %(region)s · %(status)s")
            % {
                "title": plan.title,
                "region": plan.region.name,
                "status": plan.get_status_display(),
            },
            selected=plan.status == PlanStatus.APPROVED,
        )
        for plan in plans.order_by("region__name", "title", "pk")
    ]


def printed(ids: list[int], language: str) -> Iterator[PrintedPlan]:
    found = ActionPlan.objects.select_related("region", "instrument", "organisation").in_bulk(ids)
    for pk in ids:
        if pk in found:
            with translation.override(language):
                part = printed_plan(found[pk])
            yield part


PLANS = CompendiumKind(
    key="plans",
    label=gettext_lazy("Action plans"),
    help_text=gettext_lazy(
        "Approved plans are selected. Plans that are not approved carry a DRAFT mark."
    ),
    choices=choices,
    printed=printed,
    template="pdf/plan_compendium_part.html",
    toc_template="pdf/plan_compendium_toc.html",
    stylesheet="pdf/plan.css",
)
