"""Forms of phase 2 monitoring: an action's progress in a period (with one document at a time),
a report's summary and the monitoring periods."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.template.defaultfilters import filesizeformat
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _

from interventures.forms import SingleLineTextMixin
from interventures.richtext import RichTextWidget

from .. import evidence
from ..models import (
    LARGEST_AMOUNT,
    MAX_EVIDENCE_BYTES,
    MAX_EVIDENCE_FILES,
    ActionProgress,
    MonitoringPeriod,
    MonitoringReport,
)

MAX_LINKS = 20


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class ProgressForm(SingleLineTextMixin, forms.ModelForm):
    """Where an action stands at the end of the period. `files_held`: how many documents the
    action already has in the period (the limit counts them)."""

    document = forms.FileField(
        label=_("Add a document"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".pdf,.docx,.odt,.png,.jpg,.jpeg"}),
    )

    class Meta:
        model = ActionProgress
        fields = [
            "status",
            "reason",
            "reached_on",
            "evidence",
            "links",
            "funds_mobilised",
            "improvement_reached",
        ]
        widgets = {
            "status": forms.RadioSelect,
            "reason": forms.Textarea(attrs={"rows": 3}),
            "reached_on": DateInput(),
            "evidence": RichTextWidget(rows=8),
            "links": forms.Textarea(attrs={"rows": 3}),
            "improvement_reached": forms.RadioSelect,
        }
        error_messages = {
            "funds_mobilised": {
                "min_value": _("Funds mobilised cannot be negative."),
                "invalid": _("Enter the funds mobilised as a number, for example 12500.50."),
                "max_decimal_places": _("Give the funds mobilised with at most 2 decimals."),
            },
            "reached_on": {"invalid": _("Enter the date as year-month-day, e.g. 2022-05-31.")},
        }

    def __init__(self, *args, period: MonitoringPeriod, files_held: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.period = period
        self.files_held = files_held
        self.document_kind: evidence.Kind | None = None  # set when a document is accepted
        self.fields["document"].help_text = _(
            "One file per save, at most %(limit)s: %(types)s."
        ) % {"limit": filesizeformat(MAX_EVIDENCE_BYTES), "types": evidence.accepted_types()}
        self.fields["improvement_reached"].choices = [
            ("", _("None yet")),
            *self.fields["improvement_reached"].choices[1:],
        ]
        self.fields["reached_on"].help_text = _(
            "A date inside the period, from %(start)s to %(end)s."
        ) % {
            "start": date_format(period.starts_on, "DATE_FORMAT"),
            "end": date_format(period.ends_on, "DATE_FORMAT"),
        }
        largest = number_format(LARGEST_AMOUNT, force_grouping=True)
        funds = self.fields["funds_mobilised"]
        funds.help_text = _("In the action's currency; 0 or more, up to %(limit)s.") % {
            "limit": largest
        }
        too_large = _("Funds mobilised cannot be more than %(limit)s.") % {"limit": largest}
        for code in ("max_value", "max_digits", "max_whole_digits"):
            funds.error_messages[code] = too_large
        if files_held >= MAX_EVIDENCE_FILES:
            self.fields["document"].help_text = _(
                "The action already has %(count)s documents in this period, the most it may "
                "have: remove one to add another."
            ) % {"count": MAX_EVIDENCE_FILES}

    def clean_reached_on(self):
        reached_on = self.cleaned_data["reached_on"]
        if reached_on and not (self.period.starts_on <= reached_on <= self.period.ends_on):
            raise ValidationError(
                _("The date must be inside the period, from %(start)s to %(end)s.")
                % {
                    "start": date_format(self.period.starts_on, "DATE_FORMAT"),
                    "end": date_format(self.period.ends_on, "DATE_FORMAT"),
                }
            )
        return reached_on

    def clean_links(self):
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines()]
        links = [line for line in lines if line]
        if len(links) > MAX_LINKS:
            raise ValidationError(
                _("At most %(count)s links, one per line.") % {"count": MAX_LINKS}
            )
        validate = URLValidator(schemes=["http", "https"])
        wrong = []
        for link in links:
            try:
                validate(link)
            except ValidationError:
                wrong.append(link)
        if wrong:
            raise ValidationError(
                _(
                    "These lines are not web addresses starting with http:// or https://: "
                    "%(links)s. Put one address per line."
                )
                % {"links": ", ".join(f"“{link[:80]}”" for link in wrong)}
            )
        return "\n".join(links)

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        if not upload:
            return None
        if self.files_held >= MAX_EVIDENCE_FILES:
            raise ValidationError(
                _(
                    "“%(name)s” was not added: the action already has %(count)s documents in "
                    "this period, the most it may have. Remove one first."
                )
                % {"name": upload.name, "count": MAX_EVIDENCE_FILES}
            )
        self.document_kind = evidence.check(upload)
        return upload


class SummaryForm(SingleLineTextMixin, forms.ModelForm):
    class Meta:
        model = MonitoringReport
        fields = ["summary"]
        widgets = {"summary": RichTextWidget(rows=8)}
        help_texts = {
            "summary": _("What happened in the period, for the plan as a whole (optional).")
        }


class PeriodForm(SingleLineTextMixin, forms.ModelForm):
    """A monitoring period's dates: the end not before the start, no overlap with another."""

    class Meta:
        model = MonitoringPeriod
        fields = ["starts_on", "ends_on"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}
        error_messages = {
            "starts_on": {
                "required": _("Enter the first day of the period."),
                "invalid": _("Enter the date as year-month-day, e.g. 2022-02-01."),
            },
            "ends_on": {
                "required": _("Enter the last day of the period."),
                "invalid": _("Enter the date as year-month-day, e.g. 2022-07-31."),
            },
        }

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on >= starts_on:
            overlapping = (
                MonitoringPeriod.objects.exclude(pk=self.instance.pk)
                .filter(starts_on__lte=ends_on, ends_on__gte=starts_on)
                .first()
            )
            if overlapping is not None:
                raise ValidationError(
                    _(
                        "These dates overlap the period %(period)s (%(start)s to %(end)s): "
                        "periods may not overlap."
                    )
                    % {
                        "period": overlapping,
                        "start": date_format(overlapping.starts_on, "DATE_FORMAT"),
                        "end": date_format(overlapping.ends_on, "DATE_FORMAT"),
                    }
                )
        return cleaned
