"""A section of the outline read across the regions, side by side (the SWOT by quadrant).

Public: each column is the newest report the reader may see in that region
(`selectors.compare_section`, through `access.filter_visible`), so visitors read approved
reports only and partners and coordinators also the drafts they may see.
"""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from interventures.forms import SingleLineTextMixin

from .. import selectors
from ..outline import OUTLINE
from ..swot import MIN_LETTERS, QUADRANTS, THEMES_SHOWN


class SectionChoiceForm(SingleLineTextMixin, forms.Form):
    """`?section=<key>`: a section of the outline, the first one when the link names none."""

    section = forms.ChoiceField(
        label=_("Section"),
        choices=[(spec.key.value, spec.title) for spec in OUTLINE],
        error_messages={
            "invalid_choice": _(
                "The link names no section of the report outline. Choose one from the list."
            )
        },
    )

    def __init__(self, data, **kwargs):
        super().__init__({"section": data.get("section") or OUTLINE[0].key.value}, **kwargs)


@require_safe
def section_across_regions(request):
    form = SectionChoiceForm(request.GET)
    comparison = (
        selectors.compare_section(request.user, form.cleaned_data["section"])
        if form.is_valid()
        else None
    )
    return render(
        request,
        "reports/compare.html",
        {
            "form": form,
            "comparison": comparison,
            "quadrants": QUADRANTS,
            "min_letters": MIN_LETTERS,
            "themes_shown": THEMES_SHOWN,
        },
        status=200 if comparison is not None else 400,
    )
