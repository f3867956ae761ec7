from django import forms
from django.utils.translation import gettext_lazy as _

from interventures.richtext import RichTextWidget
from partners.models import Region

from .models import MAX_SECTION_CHARS, ReportSection, SituationAnalysisReport


class ReportCreateForm(forms.ModelForm):
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none())

    class Meta:
        model = SituationAnalysisReport
        fields = ["region", "title", "reference_period", "language"]

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions
        if regions.count() == 1:
            self.fields["region"].initial = regions.first()


class SectionForm(forms.Form):
    body = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=MAX_SECTION_CHARS,
        widget=RichTextWidget(rows=20),
        error_messages={
            "max_length": _(
                "The text is too long: at most %(limit_value)d characters are allowed "
                "(it has %(show_value)d). Shorten it or split it across sections."
            )
        },
    )
    base_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, section: ReportSection, **kwargs):
        super().__init__(*args, **kwargs)
        self.section = section
        self.fields["body"].label = section.title
        self.fields["body"].help_text = section.spec.guidance


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    section = forms.ChoiceField(label=_("About"), required=False)

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        self.report = report
        self.fields["section"].choices = [("", _("The whole report"))] + [
            (section.key, section.title) for section in report.sections.all()
        ]

    def clean_section(self):
        key = self.cleaned_data["section"]
        if not key:
            return None
        return next(section for section in self.report.sections.all() if section.key == key)


class CompareForm(forms.Form):
    """`?from=&to=`: history ids of two versions of one section; either may be left out."""

    from_id = forms.IntegerField(required=False, min_value=1)
    to_id = forms.IntegerField(required=False, min_value=1)

    def __init__(self, data, **kwargs):
        super().__init__({"from_id": data.get("from"), "to_id": data.get("to")}, **kwargs)
