"""A section of the outline read across the regions, side by side (the SWOT by quadrant).

Public: each column is the newest report the reader may see in that region
(`selectors.compare_section`, through `access.filter_visible`), so visitors read approved
reports only and partners and coordinators also the drafts they may see. `?section=indicators`
shows the shared indicators instead (`selectors.compare_indicators`, same visibility).
"""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from interventures.forms import SingleLineTextMixin
from interventures.public_pages import public_page

from .. import access, selectors
from ..outline import OUTLINE
from ..swot import MIN_LETTERS, QUADRANTS, THEMES_SHOWN

# `?section=indicators`: the shared indicators across the regions, next to the outline's sections.
INDICATORS = "indicators"


class SectionChoiceForm(SingleLineTextMixin, forms.Form):
    """`?section=<key>`: a section of the outline, the first one when the link names none."""

    section = forms.ChoiceField(
        label=_("Section"),
        choices=[(spec.key.value, spec.title) for spec in OUTLINE]
        + [(INDICATORS, _("Indicators (shared codes)"))],
        error_messages={
            "invalid_choice": _(
                "The link names no section of the report outline. Choose one from the list."
            )
        },
    )

    def __init__(self, data, **kwargs):
        super().__init__({"section": data.get("section") or OUTLINE[0].key.value}, **kwargs)


@public_page(versions=lambda request: ["reports", "reports:shared", "partners"])
@require_safe
def section_across_regions(request):
    form = SectionChoiceForm(request.GET)
    comparison = indicators = None
    if form.is_valid() and form.cleaned_data["section"] == INDICATORS:
        indicators = selectors.compare_indicators(request.user)
    elif form.is_valid():
        comparison = selectors.compare_section(request.user, form.cleaned_data["section"])
    return render(
        request,
        "reports/compare.html",
        {
            "form": form,
            "comparison": comparison,
            "indicators": indicators,
            "can_keep_codes": access.can_keep_indicator_codes(request.user),
            "quadrants": QUADRANTS,
            "min_letters": MIN_LETTERS,
            "themes_shown": THEMES_SHOWN,
        },
        status=200 if form.is_valid() else 400,
    )
