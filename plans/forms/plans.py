"""Forms of action plans: starting one, its fields, one action, the due date."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from interventures.forms import SingleLineTextMixin
from interventures.richtext import RichTextWidget
from interventures.validators import LARGEST_INTEGER, within_supported_years
from partners.models import PartnerOrganisation, PolicyInstrument, Region
from practices.models import GoodPractice, Transfer
from reports.forms import DueDateForm
from reports.models import ReportSection

from ..models import Action, ActionPlan
from ..selectors.plans import linkable_practices, linkable_sections, linkable_transfers

TOO_LONG = _(
    "This is too long: at most %(limit_value)d characters are allowed (it has %(show_value)d)."
)
YES_NO = [(True, _("Yes")), (False, _("No"))]


def _yes_no(value) -> bool:
    return value in (True, "True", "true", "1")


class _PlanFieldsMixin(SingleLineTextMixin):
    """The general information shared by starting a plan and editing it: the instrument and
    organisation are the plan's region's."""

    def _limit_to_region(self, region_ids) -> None:
        self.fields["instrument"].queryset = PolicyInstrument.objects.filter(
            region_id__in=region_ids
        ).select_related("region")
        self.fields["organisation"].queryset = PartnerOrganisation.objects.filter(
            region_id__in=region_ids
        )
        self.fields["structural_funds"] = forms.TypedChoiceField(
            label=_("Is the instrument a Structural Funds programme?"),
            choices=YES_NO,
            coerce=_yes_no,
            widget=forms.RadioSelect,
            initial=self.initial.get("structural_funds", False),
        )
        self.fields["contact_name"].help_text = _(
            "A name, shown with the plan; an email address is never shown publicly."
        )
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length:
                field.error_messages["max_length"] = TOO_LONG

    def clean(self):
        cleaned = super().clean()
        region = cleaned.get("region") or getattr(self.instance, "region", None)
        for name in ("instrument", "organisation"):
            chosen = cleaned.get(name)
            if region is not None and chosen is not None and chosen.region_id != region.pk:
                self.add_error(
                    name,
                    _("Choose one from %(region)s, the plan's region.") % {"region": region},
                )
        return cleaned


class PlanCreateForm(_PlanFieldsMixin, forms.ModelForm):
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none())

    class Meta:
        model = ActionPlan
        fields = [
            "region",
            "instrument",
            "organisation",
            "title",
            "language",
            "nuts2_region",
            "contact_name",
            "structural_funds",
        ]

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions
        region_ids = list(regions.values_list("pk", flat=True))
        if len(region_ids) == 1:
            self.fields["region"].initial = region_ids[0]
        self._limit_to_region(region_ids)
        self.fields["instrument"].label_from_instance = lambda instrument: (
            f"{instrument.name} ({instrument.region.name})"
        )

    def validate_unique(self):
        # The unique (region, instrument) pair gets a clear message on the instrument.
        try:
            self.instance.validate_constraints()
        except ValidationError:
            self.add_error(
                "instrument",
                _(
                    "The region already has an action plan for this policy instrument: open it "
                    "from the list of action plans."
                ),
            )


class PlanForm(_PlanFieldsMixin, forms.ModelForm):
    """The plan's own fields, saved on top of `base_version`."""

    base_version = forms.IntegerField(
        widget=forms.HiddenInput, min_value=0, max_value=LARGEST_INTEGER
    )

    class Meta:
        model = ActionPlan
        fields = [
            "title",
            "organisation",
            "instrument",
            "language",
            "nuts2_region",
            "contact_name",
            "structural_funds",
            "policy_context",
            "english_summary",
        ]
        widgets = {
            "policy_context": RichTextWidget(rows=12),
            "english_summary": RichTextWidget(rows=8),
        }
        help_texts = {
            "policy_context": _(
                "The instrument's aims and priorities, and why the region wants to improve it."
            ),
            "english_summary": _("Needed when the plan is written in another language."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_to_region([self.instance.region_id])
        if "base_version" not in self.initial:
            self.initial["base_version"] = self.instance.version

    def validate_unique(self):
        """The service refuses a duplicate (region, instrument) pair under its lock; checked
        here first for a clear message."""
        instrument = self.cleaned_data.get("instrument")
        if (
            instrument is not None
            and ActionPlan.objects.filter(region_id=self.instance.region_id, instrument=instrument)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error(
                "instrument",
                _("The region already has an action plan for this policy instrument."),
            )


class SectionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, section):
        return _("%(report)s · %(section)s") % {
            "report": section.report.title,
            "section": section.title,
        }


class PracticeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, practice):
        return _("%(title)s (%(region)s)") % {"title": practice.title, "region": practice.region}


class TransferChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, transfer):
        return _("%(practice)s → %(region)s, %(stage)s") % {
            "practice": transfer.practice.title,
            "region": transfer.region.name,
            "stage": transfer.get_stage_display().lower(),
        }


class ActionForm(SingleLineTextMixin, forms.ModelForm):
    """One action of `plan`; its links are limited to what the plan's region may draw on."""

    report_sections = SectionChoiceField(
        label=_("Situation Analysis Report sections it draws on"),
        queryset=ReportSection.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    practices = PracticeChoiceField(
        label=_("Good practices it draws on"),
        queryset=GoodPractice.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    transfers = TransferChoiceField(
        label=_("Transfers it draws on"),
        queryset=Transfer.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    currency = forms.CharField(
        label=_("Currency"),
        max_length=3,
        initial="EUR",
        help_text=_("Three letters, for example EUR, HUF or PLN."),
        validators=[
            RegexValidator(r"^[A-Za-z]{3}$", _("Enter three letters, for example EUR or HUF."))
        ],
    )
    base_version = forms.IntegerField(
        widget=forms.HiddenInput, min_value=0, max_value=LARGEST_INTEGER, required=False
    )

    class Meta:
        model = Action
        fields = [
            "title",
            "background",
            "report_sections",
            "practices",
            "transfers",
            "description",
            "improvement_type",
            "players",
            "starts_on",
            "ends_on",
            "cost",
            "currency",
            "funding_sources",
        ]
        widgets = {
            "background": RichTextWidget(rows=8),
            "description": RichTextWidget(rows=10),
            "improvement_type": forms.RadioSelect,
            "players": forms.Textarea(attrs={"rows": 4}),
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "cost": forms.NumberInput(attrs={"step": "0.01", "min": "0", "inputmode": "decimal"}),
        }
        help_texts = {
            "description": _("What will be done, concretely."),
            "cost": _("The estimated cost, without thousands separators."),
            "funding_sources": _("For example the instrument itself, the region's budget."),
        }

    def __init__(self, *args, plan: ActionPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report_sections"].queryset = linkable_sections(plan)
        self.fields["practices"].queryset = linkable_practices()
        self.fields["transfers"].queryset = linkable_transfers(plan)
        self.fields["improvement_type"].choices = Action._meta.get_field("improvement_type").choices
        for name in ("starts_on", "ends_on"):
            self.fields[name].validators.append(within_supported_years)
            self.fields[name].error_messages["invalid"] = _("Enter a date, for example 2027-03-31.")
        self.fields["cost"].error_messages.update(
            invalid=_("Enter the cost as a number, for example 25000 or 1250.50."),
            min_value=_("The cost cannot be negative."),
            max_value=_("The cost is too large."),
            max_digits=_("The cost is too large."),
        )
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length:
                field.error_messages["max_length"] = TOO_LONG
        for name in ("report_sections", "practices", "transfers"):
            self.fields[name].error_messages["invalid_choice"] = _(
                "%(value)s is not one of the choices offered: reload the page and choose again."
            )
        if self.instance.pk is not None and "base_version" not in self.initial:
            self.initial["base_version"] = self.instance.version

    def clean_currency(self):
        return self.cleaned_data["currency"].upper()

    def clean_base_version(self):
        version = self.cleaned_data["base_version"]
        if self.instance.pk is not None and version is None:
            raise ValidationError(_("Reload the page and try again."))
        return version


class PlanDueDateForm(DueDateForm):
    """A coordinator sets (or, left empty, removes) a plan's due date."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["due_date"].help_text = _(
            "Shown to the region's partners with the days left. Leave it empty to remove it."
        )
