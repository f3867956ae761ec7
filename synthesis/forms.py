"""Forms of the synthesis app: starting one and citing a regional section. A section's text is
written with the reports' own form (`reports.forms.SectionForm`)."""

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from interventures.forms import SingleLineTextMixin
from reports.models import ReportSection

from .models import Synthesis, SynthesisSection
from .selectors import citable_sections, paragraphs_of

PARAGRAPH_PREVIEW_WORDS = 12


class SynthesisCreateForm(SingleLineTextMixin, forms.ModelForm):
    class Meta:
        model = Synthesis
        fields = ["title", "language"]


class CitationForm(forms.Form):
    """Which paragraph of the section cites which regional section: two lists, no script."""

    paragraph = forms.TypedChoiceField(
        label=_("Paragraph that cites"),
        coerce=int,
        help_text=_("The citation mark is put at the end of this paragraph."),
        error_messages={"invalid_choice": _("Choose one of the section's paragraphs.")},
    )
    source = forms.TypedChoiceField(
        label=_("Regional section cited"),
        coerce=int,
        help_text=_("The sections with text of every region's report, by region."),
        error_messages={
            "required": _("Choose the regional section to cite."),
            "invalid_choice": _(
                "This section cannot be cited (it has no text, or no longer exists): "
                "choose one from the list."
            ),
        },
    )

    def __init__(self, *args, section: SynthesisSection, **kwargs):
        super().__init__(*args, **kwargs)
        paragraphs = paragraphs_of(section.body)
        self.fields["paragraph"].choices = [
            (number, f"{number}. {Truncator(words).words(PARAGRAPH_PREVIEW_WORDS)}")
            for number, words in enumerate(paragraphs, start=1)
        ] or [(1, _("1. (the section has no text yet: the mark starts its first paragraph)"))]
        self.sources = {source.pk: source for source in citable_sections()}
        groups: dict[str, list[tuple[int, str]]] = {}
        for source in self.sources.values():
            label = f"{source.title} · {source.report.title} ({source.report.get_status_display()})"
            groups.setdefault(source.report.region.name, []).append((source.pk, label))
        self.fields["source"].choices = [("", _("Choose a section")), *groups.items()]

    def cleaned_source(self) -> ReportSection:
        return self.sources[self.cleaned_data["source"]]
