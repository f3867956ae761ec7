from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from interventures.dates import portal_today
from interventures.forms import SingleLineTextMixin
from interventures.richtext import RichTextWidget
from interventures.validators import LARGEST_INTEGER
from partners.models import Region

from . import compendium_parts
from .charts import format_value
from .models import (
    MAX_INDICATORS,
    MAX_SECTION_CHARS,
    Indicator,
    IndicatorCode,
    ReportSection,
    ReportStatus,
    SituationAnalysisReport,
)


class ReportCreateForm(SingleLineTextMixin, forms.ModelForm):
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
    base_version = forms.IntegerField(
        widget=forms.HiddenInput, min_value=0, max_value=LARGEST_INTEGER
    )

    def __init__(self, *args, section: ReportSection, **kwargs):
        super().__init__(*args, **kwargs)
        self.section = section
        self.fields["body"].label = section.title
        self.fields["body"].help_text = section.spec.guidance


# How far ahead a due date may be set: a report is written in months, not decades.
DUE_DATE_MAX_YEARS_AHEAD = 5


class DueDateForm(forms.Form):
    """A coordinator sets (or, left empty, removes) a report's due date."""

    due_date = forms.DateField(
        label=_("Due date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "The region's editors are reminded %(days)d days before and on the day. "
            "Leave it empty to remove the due date."
        ),
        error_messages={"invalid": _("Enter a date, for example 2027-03-31.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["due_date"]
        field.help_text = field.help_text % {"days": settings.DEADLINE_REMINDER_DAYS}

    def clean_due_date(self):
        due_date = self.cleaned_data["due_date"]
        if due_date is None:
            return None
        today = portal_today()
        if due_date < today:
            raise ValidationError(
                _("The due date cannot be in the past: choose today or a later day.")
            )
        if due_date.year > today.year + DUE_DATE_MAX_YEARS_AHEAD:
            raise ValidationError(
                _("Choose a due date within %(years)d years from today."),
                params={"years": DUE_DATE_MAX_YEARS_AHEAD},
            )
        return due_date


class CompareForm(SingleLineTextMixin, forms.Form):
    """`?from=&to=`: history ids of two versions of one section; either may be left out."""

    from_id = forms.IntegerField(required=False, min_value=1, max_value=LARGEST_INTEGER)
    to_id = forms.IntegerField(required=False, min_value=1, max_value=LARGEST_INTEGER)

    def __init__(self, data, **kwargs):
        super().__init__({"from_id": data.get("from"), "to_id": data.get("to")}, **kwargs)


class ReportChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, report):
        return _("%(title)s · %(region)s · %(status)s") % {
            "title": report.title,
            "region": report.region.name,
            "status": report.get_status_display(),
        }


class CompendiumForm(SingleLineTextMixin, forms.Form):
    """The reports and, in a fieldset per kind, the other documents (`compendium_parts`) of a
    compendium: at least one of them."""

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

    def __init__(self, *args, reports, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reports"].queryset = reports
        self.fields["reports"].initial = [
            report.pk for report in reports if report.status == ReportStatus.APPROVED
        ]
        self.fields["language"].initial = translation.get_language() or settings.LANGUAGE_CODE
        self.offered: dict[str, dict[str, compendium_parts.Choice]] = {}
        for kind in compendium_parts.kinds():
            choices = kind.choices(user)
            if not choices:
                continue
            self.offered[kind.key] = {str(choice.pk): choice for choice in choices}
            self.fields[kind.key] = forms.MultipleChoiceField(
                label=kind.label,
                help_text=kind.help_text,
                choices=[(str(choice.pk), choice.label) for choice in choices],
                initial=[str(choice.pk) for choice in choices if choice.selected],
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )
        if self.offered:
            # Either reports or other documents: `clean` asks for one of them.
            self.fields["reports"].required = False
        self.order_fields(["reports", *self.offered, "language"])

    @property
    def offers_anything(self) -> bool:
        return bool(self.fields["reports"].queryset) or bool(self.offered)

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("reports") or any(cleaned.get(key) for key in self.offered)
        if not chosen and not any(name in self.errors for name in ("reports", *self.offered)):
            self.add_error("reports", self.fields["reports"].error_messages["required"])
        return cleaned

    def chosen_documents(self) -> dict[str, list[compendium_parts.Choice]]:
        """The ticked documents of each kind, in the order they were offered."""
        return {
            key: [choice for pk, choice in offered.items() if pk in self.cleaned_data[key]]
            for key, offered in self.offered.items()
        }


# --- indicators: the table-shaped formset -------------------------------------------------

EXTRA_ROWS = 3
FIRST_YEAR = 1990
LAST_YEAR = 2100


class IndicatorForm(SingleLineTextMixin, forms.ModelForm):
    """One row of the indicators table."""

    value = forms.DecimalField(
        label=gettext_lazy("Value"),
        max_digits=16,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    year = forms.IntegerField(
        label=gettext_lazy("Year"),
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    # The shared codes are read once for the whole table (`indicators_formset`), not per row.
    code = forms.TypedChoiceField(
        label=gettext_lazy("Shared code"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={
            "invalid_choice": gettext_lazy(
                "This shared code is no longer in the list: choose another one or none."
            )
        },
    )

    class Meta:
        model = Indicator
        fields = ["name", "value", "unit", "year", "source"]

    def __init__(self, *args, codes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.codes = {code.pk: code for code in codes}
        self.fields["code"].choices = [("", _("None"))] + [
            (code.pk, code_choice_label(code)) for code in codes
        ]
        if self.instance.code_id is not None:
            self.initial["code"] = self.instance.code_id
        self.order_fields(["name", "code", "value", "unit", "year", "source"])
        year_range = _("Enter a year between %(first)s and %(last)s.") % {
            "first": FIRST_YEAR,
            "last": LAST_YEAR,
        }
        example = {"whole": format_value(Decimal(1250)), "decimal": format_value(Decimal("12.5"))}
        messages = {
            "name": {"required": _("Enter the indicator’s name.")},
            "value": {
                "required": _("Enter the value."),
                "invalid": _(
                    "Enter the value as a number without thousands separators, "
                    "for example %(whole)s or %(decimal)s."
                )
                % example,
            },
            "year": {
                "required": _("Enter the year."),
                "invalid": _("Enter the year as four digits, for example 2019."),
                "min_value": year_range,
                "max_value": year_range,
            },
            "source": {
                "required": _(
                    "Enter the source, for example Eurostat or a regional statistics office."
                )
            },
        }
        for name, field_messages in messages.items():
            self.fields[name].error_messages.update(field_messages)
        if isinstance(self.initial.get("value"), Decimal):
            self.initial["value"] = self.initial["value"].normalize()  # "12.5", not "12.50"
        self.fields["name"].widget.attrs["autocomplete"] = "off"
        self.fields["unit"].widget.attrs["autocomplete"] = "off"
        self.fields["unit"].widget.attrs["size"] = 8

    def clean(self):
        cleaned = super().clean()
        code = self.codes.get(cleaned.get("code"))
        unit = cleaned.get("unit")
        if code is not None and unit is not None and not same_unit(unit, code.unit):
            self.add_error(
                "unit",
                (
                    _(
                        "The shared code %(code)s is counted in “%(unit)s”: write that unit, "
                        "or choose no shared code if this figure is measured otherwise."
                    )
                    if code.unit.strip()
                    else _(
                        "The shared code %(code)s has no unit: leave the unit empty, or choose "
                        "no shared code if this figure is measured otherwise."
                    )
                )
                % {"code": code.code, "unit": code.unit.strip()},
            )
        self.instance.code = code
        return cleaned


GONE_ROW = gettext_lazy(
    "Someone else deleted this row meanwhile. Copy what you typed, reload the page and add it "
    "again."
)


@dataclass(frozen=True)
class Row:
    number: int
    form: IndicatorForm
    deleting: bool

    @property
    def deletable(self) -> bool:
        return "DELETE" in self.form.fields

    @property
    def shows_errors(self) -> bool:
        return bool(self.form.errors) and not self.deleting


class BaseIndicatorFormSet(forms.BaseModelFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if index is not None and index < self.initial_form_count():
            form.fields["id"].error_messages.update(required=GONE_ROW, invalid_choice=GONE_ROW)

    def clean(self):
        super().clean()
        for form in self.forms[: self.initial_form_count()]:
            if form.instance.pk is None and not form.has_error("id"):
                # Its indicator is not one of this report's (any more): someone deleted it
                # meanwhile, or the page was tampered with. Never turn it into a new row.
                form.add_error(None, GONE_ROW)
        count = len(self.kept_forms())
        if count > MAX_INDICATORS:
            raise ValidationError(
                _(
                    "A report can have at most %(max)s indicators; these rows would make "
                    "%(count)s. Delete some rows or leave some blank rows empty."
                )
                % {"max": MAX_INDICATORS, "count": count},
                code="too_many_indicators",
            )

    @property
    def rows(self) -> list["Row"]:
        """The forms as numbered table rows; a row ticked for deletion shows no errors."""
        return [
            Row(
                number=number,
                form=form,
                deleting=hasattr(form, "cleaned_data") and self._should_delete_form(form),
            )
            for number, form in enumerate(self.forms, start=1)
        ]

    def kept_forms(self) -> list[forms.ModelForm]:
        """The rows that will be saved, in table order: existing rows that are not deleted and
        blank rows that were filled in."""
        return [
            form
            for form in self.forms
            if not (self.can_delete and self._should_delete_form(form))
            and (form.instance.pk is not None or form.has_changed())
        ]


IndicatorFormSet = forms.modelformset_factory(
    Indicator,
    form=IndicatorForm,
    formset=BaseIndicatorFormSet,
    extra=EXTRA_ROWS,
    max_num=MAX_INDICATORS,
    absolute_max=MAX_INDICATORS * 2,
    can_delete=True,
    can_delete_extra=False,
)


def indicators_formset(report: SituationAnalysisReport, data=None) -> BaseIndicatorFormSet:
    """The report's indicators as table rows (by position), plus a few blank rows to add more;
    each row offers the shared codes."""
    return IndicatorFormSet(
        data,
        form_kwargs={"codes": list(IndicatorCode.objects.all())},
        queryset=Indicator.objects.filter(report=report).order_by("position", "pk"),
        prefix="indicators",
        error_messages={
            "too_many_forms": _("A report can have at most %(num)s indicators.")
            % {"num": MAX_INDICATORS}
        },
    )


def code_choice_label(code: IndicatorCode) -> str:
    """A code as the indicator form offers it, with the unit its values must have."""
    if code.unit.strip():
        return _("%(code)s – %(name)s (unit: %(unit)s)") % {
            "code": code.code,
            "name": code.name,
            "unit": code.unit.strip(),
        }
    return _("%(code)s – %(name)s (no unit)") % {"code": code.code, "name": code.name}


def same_unit(first: str, second: str) -> bool:
    """Units compare as the charts group them: spaces around and letter case aside."""
    return first.strip().casefold() == second.strip().casefold()


class IndicatorCodeForm(SingleLineTextMixin, forms.ModelForm):
    """A shared indicator code, as coordinators keep it."""

    class Meta:
        model = IndicatorCode
        fields = ["code", "name", "unit", "definition", "position"]
        widgets = {"definition": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "code": {
                "required": _("Enter a short code, for example SME-EXPORT."),
                "invalid": _(
                    "Write the code with letters, digits, hyphens or underscores only, "
                    "for example SME-EXPORT."
                ),
                "unique": _("Another shared indicator has this code: choose a different one."),
            },
            "name": {"required": _("Enter the indicator’s name, for example “SMEs exporting, %”.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs["autocomplete"] = "off"
        self.fields["unit"].widget.attrs["autocomplete"] = "off"
        self.fields["position"].help_text = _("Codes are listed by this number, then by code.")

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()
