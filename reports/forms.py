from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from interventures.richtext import RichTextWidget
from partners.models import Region

from .models import MAX_SECTION_CHARS, ReportSection, ReportStatus, SituationAnalysisReport


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


class ReportChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, report):
        return _("%(title)s · %(region)s · %(status)s") % {
            "title": report.title,
            "region": report.region.name,
            "status": report.get_status_display(),
        }


class CompendiumForm(forms.Form):
    reports = ReportChoiceField(
        label=gettext_lazy("Reports"),
        queryset=SituationAnalysisReport.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Approved reports are selected. Reports that are not approved carry a DRAFT mark."
        ),
        error_messages={"required": gettext_lazy("Select at least one report.")},
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the cover and the table of contents"),
        choices=settings.LANGUAGES,
        help_text=gettext_lazy("Each report stays in the language it was written in."),
    )

    def __init__(self, *args, reports, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reports"].queryset = reports
        self.fields["reports"].initial = [
            report.pk for report in reports if report.status == ReportStatus.APPROVED
        ]
        self.fields["language"].initial = translation.get_language() or settings.LANGUAGE_CODE
