"""Autosaved drafts of the plan's form and an action's form: each field as text, as posted.

A draft keeps what the writer has typed so far, however incomplete (no title yet, half a
date), so its fields are not validated as the editor form's are; only their size is limited,
as the editor form limits it, and the base version must be one."""

from datetime import date

from django import forms
from django.forms.widgets import Input
from django.utils.translation import gettext_lazy as _

from interventures.forms import SingleLineTextMixin
from interventures.validators import LARGEST_INTEGER

from .plans import TOO_LONG

# A choice, a date or an amount is short; a list of choices holds at most the choices offered.
MAX_VALUE_CHARS = 100
MAX_CHOICES = 1000


class _ValueList(forms.Field):
    """The values of a field posted several times (the boxes ticked), as a list of text."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        return [str(item) for item in value or []]

    def validate(self, value):
        super().validate(value)
        if len(value) > MAX_CHOICES or any(len(item) > MAX_VALUE_CHARS for item in value):
            raise forms.ValidationError(
                _("Too many choices, or a choice that is not one: reload the page."),
                code="too_many",
            )


class DraftForm(SingleLineTextMixin, forms.Form):
    """The fields of `editor` (a PlanForm or an ActionForm) as text, limited in size as there."""

    base_version = forms.IntegerField(label=_("Version"), min_value=0, max_value=LARGEST_INTEGER)

    def __init__(self, *args, editor: forms.BaseForm, **kwargs):
        # The fields first: the mixin adds its check to the one-line ones.
        self.base_fields = {**self.base_fields, **self._fields_like(editor)}
        super().__init__(*args, **kwargs)

    @staticmethod
    def _fields_like(editor: forms.BaseForm) -> dict[str, forms.Field]:
        fields: dict[str, forms.Field] = {}
        for name, field in editor.fields.items():
            if name == "base_version":
                continue
            if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
                fields[name] = _ValueList(label=field.label, required=False)
                continue
            limit = getattr(field, "max_length", None)
            is_text = isinstance(field, forms.CharField)
            one_line = not is_text or isinstance(field.widget, Input)
            fields[name] = forms.CharField(
                label=field.label,
                required=False,
                max_length=limit if is_text and limit else MAX_VALUE_CHARS,
                widget=forms.TextInput if one_line else forms.Textarea,
                error_messages={"max_length": TOO_LONG},
            )
        return fields

    def errors_in_words(self) -> str:
        """Every error, each after its field's label: one line for the status line."""
        return " ".join(
            f"{self.fields[name].label}: {error}" if name in self.fields else error
            for name, errors in self.errors.items()
            for error in errors
        )

    @property
    def draft_data(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "base_version"}


def _comparable(value) -> str | list[str]:
    if isinstance(value, list | tuple):
        return sorted(str(item) for item in value)
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def differs(data: dict, editor: forms.BaseForm) -> bool:
    """Whether a draft's `data` holds something else than the unbound `editor` shows now (a
    draft typed and then undone is not offered)."""
    return any(
        name in editor.fields and _comparable(value) != _comparable(editor[name].value())
        for name, value in data.items()
    )
