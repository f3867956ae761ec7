"""A report's indicators: the table-shaped formset that edits them, saving it, and the geometry
of the bar chart that shows them (rendered by `reports.templatetags.report_charts`).

The chart is plain server-side arithmetic, so the same SVG works on the page and in PDFs.
Values in different units cannot share an axis: each unit gets its own small group of bars,
scaled to the largest magnitude of that unit.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from interventures.activity.services import log_action

from .models import EDITABLE_STATUSES, Indicator, SituationAnalysisReport

MAX_INDICATORS = 30
EXTRA_ROWS = 3
FIRST_YEAR = 1990
LAST_YEAR = 2100


def format_value(value: Decimal) -> str:
    """A value as the reader's language writes it: digits grouped, no trailing zeros."""
    value = Decimal(value)
    return formats.number_format(value.normalize() if value else Decimal(0), force_grouping=True)


def value_with_unit(value: Decimal, unit: str) -> str:
    text = format_value(value)
    return f"{text}\N{NO-BREAK SPACE}{unit}" if unit else text


# --- editing ------------------------------------------------------------------------------


class IndicatorForm(forms.ModelForm):
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

    class Meta:
        model = Indicator
        fields = ["name", "value", "unit", "year", "source"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
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
    """The report's indicators as table rows (by position), plus a few blank rows to add more."""
    return IndicatorFormSet(
        data,
        queryset=Indicator.objects.filter(report=report).order_by("position", "pk"),
        prefix="indicators",
        error_messages={
            "too_many_forms": _("A report can have at most %(num)s indicators.")
            % {"num": MAX_INDICATORS}
        },
    )


def indicators_save(
    *, report: SituationAnalysisReport, formset: BaseIndicatorFormSet, actor=None
) -> int:
    """Save a valid formset: delete the ticked rows, save the others with positions in table
    order. Returns how many indicators the report has now.

    Raises ValidationError when the report stopped being editable or other editors' rows took
    it past the limit meanwhile; nothing is saved then.
    """
    with transaction.atomic():
        locked = SituationAnalysisReport.objects.select_for_update().get(pk=report.pk)
        if locked.status not in EDITABLE_STATUSES:
            raise ValidationError(
                _("The report is %(status)s: its indicators cannot be changed now.")
                % {"status": locked.get_status_display().lower()},
                code="not_editable",
            )
        for form in formset.deleted_forms:
            if form.instance.pk is not None:
                form.instance.delete()
        for position, form in enumerate(formset.kept_forms()):
            indicator = form.save(commit=False)
            if indicator.pk is None or form.has_changed() or indicator.position != position:
                indicator.report = locked
                indicator.position = position
                indicator.save()
        count = Indicator.objects.filter(report=locked).count()
        if count > MAX_INDICATORS:
            raise ValidationError(
                _(
                    "Someone else added indicators meanwhile: the report would have %(count)s, "
                    "at most %(max)s are allowed. Reload the page and try again."
                )
                % {"count": count, "max": MAX_INDICATORS},
                code="too_many_indicators",
            )
        locked.save(update_fields=["updated_at"])
        log_action(actor=actor, verb="report.indicators_changed", target=locked)
    return count


# --- the chart ----------------------------------------------------------------------------

CHART_WIDTH = 640  # fits an A4 page with 2 cm margins at 96 dpi
PADDING = 16
GROUP_HEADING = 20  # height of a unit's heading line
LABEL_LINE = 18  # height of the text line above each bar
BAR_HEIGHT = 16
BAR_GAP = 10  # below each bar
GROUP_GAP = 18  # below each group
LABEL_CHARS = 48  # a name longer than this is shortened in the chart (the table has it all)


@dataclass(frozen=True)
class Bar:
    """One indicator's bar; `label_y` is the baseline of its text line above the bar."""

    name: str
    value: Decimal
    label: str
    x: float
    y: float
    width: float
    height: float
    label_y: float

    @property
    def negative(self) -> bool:
        return self.value < 0


@dataclass(frozen=True)
class BarGroup:
    """The bars of one unit, on their own axis: zero is at `axis_x`, and the axis runs from
    `axis_top` to `bottom` (the end of the last bar)."""

    unit: str
    heading: str
    heading_y: float
    axis_x: float
    axis_top: float
    bottom: float
    bars: list[Bar]


def _by_unit(indicators: Iterable[Indicator]) -> dict[str, list[Indicator]]:
    groups: dict[str, list[Indicator]] = {}
    for indicator in indicators:
        groups.setdefault(indicator.unit.strip().casefold(), []).append(indicator)
    return groups


def chart_geometry(indicators: Iterable[Indicator], *, width: int = CHART_WIDTH) -> list[BarGroup]:
    """Bars for the indicators (in their order), one group per unit in order of appearance.

    Within a group every bar's length is proportional to the magnitude of its value; when a
    unit has negative values, zero moves right and those bars grow leftwards from it. A group
    of zeros has no bars to draw, but its labels still say so.
    """
    span = width - 2 * PADDING
    groups = []
    y = float(PADDING)
    for members in _by_unit(indicators).values():
        unit = members[0].unit.strip()
        values = [Decimal(indicator.value) for indicator in members]
        low = min(min(values), Decimal(0))
        high = max(max(values), Decimal(0))
        scale = span / float(high - low) if high > low else 0.0
        axis_x = PADDING - float(low) * scale
        heading = _("Unit: %(unit)s") % {"unit": unit} if unit else _("Without unit")
        heading_y = y + GROUP_HEADING - 6
        y += GROUP_HEADING
        axis_top = y + LABEL_LINE
        bars = []
        for indicator, value in zip(members, values, strict=True):
            length = abs(float(value)) * scale
            name = Truncator(indicator.name).chars(LABEL_CHARS)
            bars.append(
                Bar(
                    name=indicator.name,
                    value=value,
                    label=f"{name}: {value_with_unit(value, unit)}",
                    x=round(axis_x - length if value < 0 else axis_x, 1),
                    y=y + LABEL_LINE,
                    width=round(length, 1),
                    height=BAR_HEIGHT,
                    label_y=y + LABEL_LINE - 5,
                )
            )
            y += LABEL_LINE + BAR_HEIGHT + BAR_GAP
        groups.append(
            BarGroup(
                unit=unit,
                heading=heading,
                heading_y=heading_y,
                axis_x=round(axis_x, 1),
                axis_top=axis_top,
                bottom=y - BAR_GAP,
                bars=bars,
            )
        )
        y += GROUP_GAP - BAR_GAP
    return groups


def chart_height(groups: list[BarGroup]) -> int:
    return int(groups[-1].bottom + PADDING) if groups else 0
